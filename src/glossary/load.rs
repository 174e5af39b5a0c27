//! Loading glossary files into a [`Glossary`]: the loader gathers the
//! sources, hands each to the reader of its format (`toml_in`, `tbx`,
//! `csv`, `spreadsheet`), then merges the concepts and holds them to the rules of
//! `validate`.
//!
//! Loading collects all problems of all files before it gives up, so that
//! one run shows a glossary author everything to fix.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::builtin::BUILTIN_FILES;
use super::error::{GlossaryError, GlossaryErrorKind, GlossaryErrors};
use super::import::{finish, ImportReport};
use super::model::{Concept, Glossary, SourceLocation};
use super::source::Locator;
use super::spreadsheet::{self, WorkbookFormat};
use super::validate::validate;
use super::{csv, tbx, toml_in};
use crate::i18n::{read_reason, Message};
use crate::regular_file::{self, LimitedFile, SizeLimit};

/// Collects glossary sources, then validates and merges them.
///
/// Concepts of the built-in glossary come first; a concept of a user file
/// with the id of a built-in concept replaces it.
pub struct GlossaryLoader {
    include_builtin: bool,
    size_limit: SizeLimit,
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
    /// An Office Open XML workbook (`.xlsx`), each sheet a table as in CSV.
    Xlsx,
    /// An OpenDocument spreadsheet (`.ods`), each sheet a table as in CSV.
    Ods,
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
            "xlsx" => Some(GlossaryFormat::Xlsx),
            "ods" => Some(GlossaryFormat::Ods),
            _ => None,
        }
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
            size_limit: LimitedFile::Glossary.default_limit(),
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

    /// Refuses glossary files larger than `bytes` (by default
    /// [`LimitedFile::default_limit`]).
    pub fn with_size_limit(mut self, bytes: u64) -> Self {
        self.size_limit.bytes = bytes;
        self
    }

    /// Adds a glossary file, or every `.toml`, `.tbx`, `.csv`, `.tsv`,
    /// `.xlsx` and `.ods` file under a folder (sorted by path, honouring ignore files). A file
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

    /// Reads a regular file within the size limit and adds it.
    fn add_file(&mut self, path: &Path) {
        let format = GlossaryFormat::from_path(path).unwrap_or(GlossaryFormat::Toml);
        match regular_file::read(path, Some(self.size_limit)) {
            Ok(bytes) => self.add_bytes(&path.display().to_string(), bytes, format),
            Err(error) => {
                let reason = read_reason(&error);
                self.errors
                    .push(error_at(path, GlossaryErrorKind::Unreadable { reason }));
            }
        }
    }

    /// Adds a glossary file's content in `format` under a name used in
    /// messages: UTF-8 text, or a spreadsheet's bytes, read into the text
    /// of its cells at once (`spreadsheet`; its parts unpacked within the
    /// size limit).
    pub fn add_bytes(&mut self, name: &str, bytes: Vec<u8>, format: GlossaryFormat) {
        let workbook = match format {
            GlossaryFormat::Xlsx => Some(WorkbookFormat::Xlsx),
            GlossaryFormat::Ods => Some(WorkbookFormat::Ods),
            _ => None,
        };
        let text = match workbook {
            Some(workbook) => {
                spreadsheet::cells_as_text(&Arc::from(name), bytes, workbook, self.size_limit).map_err(|e| *e)
            }
            None => String::from_utf8(bytes).map_err(|_| {
                error_at(
                    Path::new(name),
                    GlossaryErrorKind::Unreadable {
                        reason: Message::new("io-invalid-utf8"),
                    },
                )
            }),
        };
        match text {
            Ok(text) => self.add_text(name, text, format),
            Err(error) => self.errors.push(error),
        }
    }

    /// Adds glossary TOML text under a name used in error messages.
    pub fn add_source(&mut self, name: &str, text: String) {
        self.add_text(name, text, GlossaryFormat::Toml);
    }

    /// Adds glossary text in `format` under a name used in messages. What a
    /// TBX or CSV file drops is reported by [`Self::load_with_reports`].
    /// A spreadsheet (`Xlsx`, `Ods`) is binary: add it by path or with
    /// [`Self::add_bytes`].
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
                .flat_map(|(name, text)| {
                    toml_in::read(&Arc::from(format!("builtin:{name}")), text, &mut errors)
                })
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
        validate(&concepts, &mut errors);
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
        GlossaryFormat::Toml => return toml_in::read(&name, &text, errors),
        GlossaryFormat::Tbx => tbx::read(&locator, &mut report),
        GlossaryFormat::Csv => csv::read(&locator, None, &mut report),
        GlossaryFormat::Tsv => csv::read(&locator, Some(b'\t'), &mut report),
        GlossaryFormat::Xlsx | GlossaryFormat::Ods => spreadsheet::read(&name, &text, &mut report),
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
