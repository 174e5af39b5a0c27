//! Loading glossary TOML files into a [`Glossary`], with every problem named
//! by file, line and column.
//!
//! The file format is documented in README.md ("Glossary format"). Loading
//! collects all problems of all files before it gives up, so that one run
//! shows a glossary author everything to fix.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::builtin::BUILTIN_FILES;
use super::error::{GlossaryError, GlossaryErrorKind, GlossaryErrors};
use super::import::{finish, ImportReport};
use super::model::{
    Concept, ConceptKind, Example, Examples, Glossary, LanguageTerms, SourceLocation, Status, Term, TermType,
};
use crate::i18n::{io_reason, Message};
use crate::lang::Language;
use crate::text::{fold_term, CaseMode, LineIndex};

/// Collects glossary sources, then validates and merges them.
///
/// Concepts of the built-in glossary come first; a concept of a user file
/// with the id of a built-in concept replaces it.
pub struct GlossaryLoader {
    include_builtin: bool,
    sources: Vec<Source>,
    reports: ImportReports,
    errors: Vec<GlossaryError>,
}

/// What each TBX or CSV file dropped or changed, by file name.
pub type ImportReports = Vec<(Arc<str>, ImportReport)>;

/// A glossary file's text, read but not yet parsed: parsing waits for
/// [`GlossaryLoader::load`], so that a cached compiled glossary can skip it.
struct Source {
    name: Arc<str>,
    text: String,
    format: GlossaryFormat,
}

/// The file formats a glossary is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlossaryFormat {
    /// termlint's own TOML format.
    Toml,
    /// TBX v2 or v3.
    Tbx,
    /// Comma-separated values (or semicolon-separated, see `csv`).
    Csv,
    /// Tab-separated values.
    Tsv,
}

impl GlossaryFormat {
    /// The format a file's extension names (case-insensitive), if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "toml" => Some(GlossaryFormat::Toml),
            "tbx" => Some(GlossaryFormat::Tbx),
            "csv" => Some(GlossaryFormat::Csv),
            "tsv" => Some(GlossaryFormat::Tsv),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    concept: Vec<RawConcept>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcept {
    id: Spanned<String>,
    kind: Option<ConceptKind>,
    domain: Option<String>,
    note: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    #[serde(default)]
    lang: BTreeMap<Spanned<String>, RawLanguage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    preferred: Option<Spanned<RawTerm>>,
    #[serde(default)]
    admitted: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    deprecated: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    examples: RawExamples,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawExamples {
    #[serde(default)]
    flagged: Vec<Spanned<String>>,
    #[serde(default)]
    clean: Vec<Spanned<String>>,
}

/// A term written as a plain string or as a table with attributes.
struct RawTerm(TermTable);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermTable {
    term: String,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default, rename = "type")]
    term_type: TermType,
    note: Option<String>,
}

impl<'de> Deserialize<'de> for RawTerm {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TermVisitor;
        impl<'de> Visitor<'de> for TermVisitor {
            type Value = RawTerm;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a table with `term`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<RawTerm, E> {
                Ok(RawTerm(TermTable {
                    term: value.to_string(),
                    case_sensitive: false,
                    term_type: TermType::Full,
                    note: None,
                }))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<RawTerm, M::Error> {
                TermTable::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawTerm)
            }
        }
        deserializer.deserialize_any(TermVisitor)
    }
}

impl Default for GlossaryLoader {
    fn default() -> Self {
        Self::new()
    }
}

impl GlossaryLoader {
    /// A loader that starts from the built-in glossary.
    pub fn new() -> Self {
        GlossaryLoader {
            include_builtin: true,
            sources: Vec::new(),
            reports: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Leaves the built-in glossary out.
    pub fn without_builtin(mut self) -> Self {
        self.include_builtin = false;
        self
    }

    /// Adds a glossary file, or every `.toml`, `.tbx`, `.csv` and `.tsv`
    /// file under a folder (sorted by path, honouring ignore files). A file
    /// is read by its extension; a file with another extension is read as TOML.
    pub fn add_path(&mut self, path: &Path) {
        if path.is_dir() {
            let mut files: Vec<_> = ignore::WalkBuilder::new(path)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build()
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
                .map(|entry| entry.into_path())
                .filter(|p| GlossaryFormat::from_path(p).is_some())
                .collect();
            files.sort();
            if files.is_empty() {
                self.errors.push(error_at(path, GlossaryErrorKind::EmptyFolder));
            }
            for file in files {
                self.add_file(&file);
            }
        } else {
            self.add_file(path);
        }
    }

    fn add_file(&mut self, path: &Path) {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let format = GlossaryFormat::from_path(path).unwrap_or(GlossaryFormat::Toml);
                    self.add_text(&path.display().to_string(), text, format);
                }
                Err(_) => self.errors.push(error_at(
                    path,
                    GlossaryErrorKind::Unreadable {
                        reason: Message::new("io-invalid-utf8"),
                    },
                )),
            },
            Err(err) => self.errors.push(error_at(
                path,
                GlossaryErrorKind::Unreadable {
                    reason: io_reason(&err),
                },
            )),
        }
    }

    /// Adds glossary TOML text under a name used in error messages.
    pub fn add_source(&mut self, name: &str, text: String) {
        self.add_text(name, text, GlossaryFormat::Toml);
    }

    /// Adds glossary text in `format` under a name used in messages. What a
    /// TBX or CSV file drops is reported by [`Self::load_with_reports`].
    pub fn add_text(&mut self, name: &str, text: String, format: GlossaryFormat) {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        self.sources.push(Source {
            name: Arc::from(name),
            text,
            format,
        });
    }

    /// Whether the built-in glossary is part of the result.
    pub fn includes_builtin(&self) -> bool {
        self.include_builtin
    }

    /// Whether a source could not even be read (loading will fail).
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Every source added so far: its name, text and format, in order.
    pub fn sources(&self) -> impl Iterator<Item = (&str, &str, GlossaryFormat)> {
        self.sources
            .iter()
            .map(|source| (&*source.name, source.text.as_str(), source.format))
    }

    /// Parses, validates and merges every source.
    pub fn load(self) -> Result<Glossary, GlossaryErrors> {
        self.load_with_reports().map(|(glossary, _)| glossary)
    }

    /// Like [`Self::load`], also returning, per TBX or CSV file, what was
    /// dropped or changed to fit the model.
    pub fn load_with_reports(self) -> Result<(Glossary, ImportReports), GlossaryErrors> {
        let mut errors = self.errors;
        let builtin = if self.include_builtin {
            BUILTIN_FILES
                .iter()
                .flat_map(|(name, text)| parse_file(&Arc::from(format!("builtin:{name}")), text, &mut errors))
                .collect()
        } else {
            Vec::new()
        };
        let mut reports = self.reports;
        let user: Vec<Concept> = self
            .sources
            .into_iter()
            .flat_map(|source| parse_source(source, &mut reports, &mut errors))
            .collect();
        let concepts = merge(builtin, user, &mut errors);
        find_conflicts(&concepts, &mut errors);
        if errors.is_empty() {
            Ok((Glossary::from_concepts(concepts), reports))
        } else {
            Err(GlossaryErrors(errors))
        }
    }
}

/// Parses one source in its format. TBX and CSV concepts go through the
/// import step, which records what it dropped in `reports`.
fn parse_source(
    source: Source,
    reports: &mut ImportReports,
    errors: &mut Vec<GlossaryError>,
) -> Vec<Concept> {
    let Source { name, text, format } = source;
    let locator = Locator::new(&name, &text);
    let mut report = ImportReport::default();
    let drafts = match format {
        GlossaryFormat::Toml => return parse_file(&name, &text, errors),
        GlossaryFormat::Tbx => super::tbx::read(&locator, &mut report),
        GlossaryFormat::Csv => super::csv::read(&locator, None, &mut report),
        GlossaryFormat::Tsv => super::csv::read(&locator, Some(b'\t'), &mut report),
    };
    match drafts {
        Ok(drafts) => {
            let concepts = finish(drafts, &name, &mut report, errors);
            reports.push((name, report));
            concepts
        }
        Err(error) => {
            errors.push(*error);
            Vec::new()
        }
    }
}

fn error_at(path: &Path, kind: GlossaryErrorKind) -> GlossaryError {
    GlossaryError {
        location: SourceLocation {
            path: Arc::from(path.display().to_string()),
            line: 1,
            column: 1,
        },
        kind,
    }
}

/// Turns byte spans of one file into locations.
pub(crate) struct Locator<'a> {
    pub path: &'a Arc<str>,
    pub text: &'a str,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    /// A locator for `text`, the content of `path`.
    pub fn new(path: &'a Arc<str>, text: &'a str) -> Self {
        Locator {
            path,
            text,
            lines: LineIndex::new(text),
        }
    }

    /// The location of the start of `span`.
    pub fn at(&self, span: Range<usize>) -> SourceLocation {
        let offset = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let position = self.lines.position(self.text, offset);
        SourceLocation {
            path: Arc::clone(self.path),
            line: position.line,
            column: position.column,
        }
    }

    /// An error at the start of `span`, boxed (as readers return it).
    pub fn boxed_error(&self, span: Range<usize>, kind: GlossaryErrorKind) -> Box<GlossaryError> {
        Box::new(self.error(span, kind))
    }

    /// An error at the start of `span`.
    pub fn error(&self, span: Range<usize>, kind: GlossaryErrorKind) -> GlossaryError {
        GlossaryError {
            location: self.at(span),
            kind,
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn parse_file(path: &Arc<str>, text: &str, errors: &mut Vec<GlossaryError>) -> Vec<Concept> {
    let locator = Locator::new(path, text);
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let detail = err.message().trim().to_string();
            errors.push(locator.error(span, GlossaryErrorKind::Syntax { detail }));
            return Vec::new();
        }
    };
    raw.concept
        .into_iter()
        .filter_map(|concept| build_concept(concept, &locator, errors))
        .collect()
}

/// Whether `id` is a valid concept id.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

fn build_concept(raw: RawConcept, locator: &Locator, errors: &mut Vec<GlossaryError>) -> Option<Concept> {
    let id_span = raw.id.span();
    let id = raw.id.into_inner();
    let before = errors.len();
    if !is_valid_id(&id) {
        errors.push(locator.error(id_span.clone(), GlossaryErrorKind::BadId { id: id.clone() }));
    }
    if raw.lang.is_empty() {
        errors.push(locator.error(
            id_span.clone(),
            GlossaryErrorKind::NoTerms { concept: id.clone() },
        ));
    }
    let mut languages = Vec::new();
    for (tag, raw_language) in raw.lang {
        if let Some(terms) = build_language(&id, &tag, raw_language, locator, errors) {
            languages.push(terms);
        }
    }
    (errors.len() == before).then(|| Concept {
        id,
        kind: raw.kind,
        domain: raw.domain,
        note: raw.note,
        sources: raw.source,
        languages,
        location: locator.at(id_span),
    })
}

fn build_language(
    concept: &str,
    tag: &Spanned<String>,
    raw: RawLanguage,
    locator: &Locator,
    errors: &mut Vec<GlossaryError>,
) -> Option<LanguageTerms> {
    let language = match Language::parse(tag.get_ref()) {
        Ok(language) => language,
        Err(_) => {
            errors.push(locator.error(
                tag.span(),
                GlossaryErrorKind::BadLanguageTag {
                    tag: tag.get_ref().clone(),
                },
            ));
            return None;
        }
    };
    let Some(preferred) = raw.preferred else {
        errors.push(locator.error(
            tag.span(),
            GlossaryErrorKind::MissingPreferred {
                concept: concept.to_string(),
                language: language.to_string(),
            },
        ));
        return None;
    };
    let examples = Examples {
        flagged: raw
            .examples
            .flagged
            .into_iter()
            .map(|e| example(e, locator))
            .collect(),
        clean: raw
            .examples
            .clean
            .into_iter()
            .map(|e| example(e, locator))
            .collect(),
    };
    let statuses = std::iter::once((Status::Preferred, preferred))
        .chain(raw.admitted.into_iter().map(|t| (Status::Admitted, t)))
        .chain(raw.deprecated.into_iter().map(|t| (Status::Deprecated, t)));
    let mut terms = Vec::new();
    for (status, raw_term) in statuses {
        let span = raw_term.span();
        let RawTerm(table) = raw_term.into_inner();
        if fold_term(&table.term, CaseMode::Fold).is_empty() {
            errors.push(locator.error(
                span,
                GlossaryErrorKind::EmptyTerm {
                    concept: concept.to_string(),
                },
            ));
            continue;
        }
        terms.push(Term {
            text: table.term.trim().to_string(),
            status,
            case_sensitive: table.case_sensitive,
            term_type: table.term_type,
            note: table.note,
            location: locator.at(span),
        });
    }
    (!terms.is_empty() && terms[0].status == Status::Preferred).then_some(LanguageTerms {
        language,
        terms,
        examples,
    })
}

fn example(raw: Spanned<String>, locator: &Locator) -> Example {
    Example {
        location: locator.at(raw.span()),
        text: raw.into_inner(),
    }
}

/// Puts user concepts after built-in ones; a user concept replaces the
/// built-in concept with its id. Ids must be unique within each side.
fn merge(builtin: Vec<Concept>, user: Vec<Concept>, errors: &mut Vec<GlossaryError>) -> Vec<Concept> {
    report_duplicate_ids(&builtin, errors);
    report_duplicate_ids(&user, errors);
    let replaced: HashSet<String> = user.iter().map(|c| c.id.clone()).collect();
    builtin
        .into_iter()
        .filter(|c| !replaced.contains(&c.id))
        .chain(user)
        .collect()
}

fn report_duplicate_ids(concepts: &[Concept], errors: &mut Vec<GlossaryError>) {
    let mut first_by_id: HashMap<&str, &SourceLocation> = HashMap::new();
    for concept in concepts {
        match first_by_id.entry(&concept.id) {
            Entry::Occupied(first) => errors.push(GlossaryError {
                location: concept.location.clone(),
                kind: GlossaryErrorKind::DuplicateId {
                    id: concept.id.clone(),
                    first: (*first.get()).clone(),
                },
            }),
            Entry::Vacant(slot) => {
                slot.insert(&concept.location);
            }
        }
    }
}

/// Reports terms of different concepts that fold to the same form. Two
/// case-sensitive terms that differ only in case do not conflict.
fn find_conflicts(concepts: &[Concept], errors: &mut Vec<GlossaryError>) {
    let mut by_form: HashMap<String, Vec<(usize, &Term)>> = HashMap::new();
    for (index, concept) in concepts.iter().enumerate() {
        for (_, term) in concept.terms() {
            let form = fold_term(&term.text, CaseMode::Fold);
            let earlier = by_form.entry(form).or_default();
            let clash = earlier
                .iter()
                .find(|(other, other_term)| *other != index && !distinct_by_case(term, other_term));
            if let Some(&(other, other_term)) = clash {
                errors.push(GlossaryError {
                    location: term.location.clone(),
                    kind: GlossaryErrorKind::Conflict {
                        term: term.text.clone(),
                        concept: concept.id.clone(),
                        other_term: other_term.text.clone(),
                        other_concept: concepts[other].id.clone(),
                        other: other_term.location.clone(),
                    },
                });
            }
            earlier.push((index, term));
        }
    }
}

fn distinct_by_case(a: &Term, b: &Term) -> bool {
    a.case_sensitive
        && b.case_sensitive
        && fold_term(&a.text, CaseMode::Keep) != fold_term(&b.text, CaseMode::Keep)
}
