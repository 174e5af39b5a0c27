//! Reading termlint's own TOML glossary format (README.md, "Glossary
//! format") into concepts, with every problem named by file, line and
//! column. Unlike TBX and CSV, nothing needs adjusting to fit the model, so
//! this reader builds concepts directly rather than import drafts.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::error::{GlossaryError, GlossaryErrorKind};
use super::model::{
    is_valid_id, Concept, ConceptKind, Example, Examples, LanguageTerms, Status, Term, TermType,
};
use super::source::Locator;
use crate::lang::Language;
use crate::text::{fold_term, CaseMode};

/// The concepts of the TOML file `path`; problems go to `errors`, and a
/// concept with any problem is left out.
pub(super) fn read(path: &Arc<str>, text: &str, errors: &mut Vec<GlossaryError>) -> Vec<Concept> {
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
    unlisted: Option<bool>,
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
        unlisted: raw.unlisted,
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
