//! What TBX and CSV glossaries have in common on the way into the model:
//! drafts as read from the file, the rules that make them fit the model, and
//! the report of what was dropped or changed.
//!
//! # The rules (also in README.md, "Glossary interchange")
//!
//! - A concept without an id gets `c<n>`, `n` being its position in the file
//!   (`c<n>-2`, `c<n>-3`, … when another concept already has that id). So
//!   does a concept whose id termlint does not accept (TBX ids may hold any
//!   letter, termlint's only ASCII ones), and that is reported.
//! - Terms keep file order within their status; the model's order is the
//!   preferred term, then admitted, then deprecated terms.
//! - A term without a status is admitted. A language without a preferred term
//!   promotes its first admitted term (reported when that term said
//!   `admitted` explicitly). Of several preferred terms the first stays
//!   preferred and the others become admitted (reported).
//! - A language with deprecated terms only cannot be held (the model needs a
//!   preferred term): it is dropped and reported; so is a concept left with
//!   no language.
//! - Two language sets of one concept with the same tag are merged.
//! - Invalid language tags and empty terms are errors, as in TOML glossaries.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use super::error::{GlossaryError, GlossaryErrorKind};
use super::model::{
    is_valid_id, Concept, ConceptKind, Examples, LanguageTerms, SourceLocation, Status, Term, TermType,
};
use crate::i18n::Message;
use crate::lang::Language;
use crate::text::{fold_term, CaseMode};

/// What an import could not hold or had to change, for one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Elements and data categories the model cannot hold, with how often
    /// they occurred (`descrip type="context"` → 12).
    pub dropped: BTreeMap<String, usize>,
    /// Changes made so that the data fits the model.
    pub adjustments: Vec<Adjustment>,
}

/// One change made so that imported data fits the model.
#[derive(Clone, Debug, PartialEq)]
pub struct Adjustment {
    /// Where the concerned language set or concept starts.
    pub location: SourceLocation,
    /// The concept id.
    pub concept: String,
    /// What was changed.
    pub kind: AdjustmentKind,
}

/// The kinds of changes an import makes.
#[derive(Clone, Debug, PartialEq)]
pub enum AdjustmentKind {
    /// A language had no preferred term; its first admitted term became preferred.
    Promoted {
        /// The language.
        language: String,
        /// The term made preferred.
        term: String,
    },
    /// A language had several preferred terms; this later one became admitted.
    Demoted {
        /// The language.
        language: String,
        /// The term made admitted.
        term: String,
    },
    /// A language had only deprecated terms and was dropped.
    OnlyDeprecated {
        /// The language dropped.
        language: String,
    },
    /// A concept was left without any language and was dropped.
    NoLanguages,
    /// A concept's id is not a valid termlint id; the concept got a generated one.
    Renamed {
        /// The id as it was in the source.
        original: String,
    },
}

impl ImportReport {
    /// Counts one dropped element or data category.
    pub(crate) fn drop(&mut self, what: impl Into<String>) {
        *self.dropped.entry(what.into()).or_default() += 1;
    }

    /// Whether nothing was dropped or changed.
    pub fn is_empty(&self) -> bool {
        self.dropped.is_empty() && self.adjustments.is_empty()
    }

    /// One message per dropped kind of data and per adjustment.
    pub fn messages(&self, path: &str) -> Vec<Message> {
        let dropped = self.dropped.iter().map(|(what, count)| {
            Message::new("import-dropped")
                .text("path", path)
                .text("what", what)
                .number("count", *count)
        });
        dropped
            .chain(self.adjustments.iter().map(Adjustment::message))
            .collect()
    }
}

impl Adjustment {
    /// The message to show for this change.
    pub fn message(&self) -> Message {
        let base = |id| {
            Message::new(id)
                .text("location", self.location.to_string())
                .text("concept", &self.concept)
        };
        match &self.kind {
            AdjustmentKind::Promoted { language, term } => base("import-promoted")
                .text("language", language)
                .text("term", term),
            AdjustmentKind::Demoted { language, term } => base("import-demoted")
                .text("language", language)
                .text("term", term),
            AdjustmentKind::OnlyDeprecated { language } => {
                base("import-only-deprecated").text("language", language)
            }
            AdjustmentKind::NoLanguages => base("import-no-languages"),
            AdjustmentKind::Renamed { original } => base("import-renamed").text("original", original),
        }
    }
}

/// A concept as read from a TBX or CSV file.
#[derive(Debug, Default)]
pub(crate) struct DraftConcept {
    pub id: Option<String>,
    pub kind: Option<ConceptKind>,
    pub domain: Option<String>,
    pub notes: Vec<String>,
    pub sources: Vec<String>,
    pub languages: Vec<DraftLanguage>,
    pub location: Option<SourceLocation>,
}

/// The terms of one language set as read.
#[derive(Debug)]
pub(crate) struct DraftLanguage {
    pub tag: String,
    pub terms: Vec<DraftTerm>,
    pub location: SourceLocation,
}

/// A term as read; `status` is `None` when the file gives none.
#[derive(Debug)]
pub(crate) struct DraftTerm {
    pub text: String,
    pub status: Option<Status>,
    pub term_type: TermType,
    pub case_sensitive: bool,
    pub notes: Vec<String>,
    pub location: SourceLocation,
}

impl DraftTerm {
    /// A term with no attributes yet.
    pub fn new(location: SourceLocation) -> Self {
        DraftTerm {
            text: String::new(),
            status: None,
            term_type: TermType::Full,
            case_sensitive: false,
            notes: Vec::new(),
            location,
        }
    }
}

/// Joins notes into one; `None` when there are none.
fn joined(notes: Vec<String>) -> Option<String> {
    let notes: Vec<String> = notes.into_iter().filter(|n| !n.is_empty()).collect();
    (!notes.is_empty()).then(|| notes.join("\n"))
}

/// Turns drafts into concepts by the rules of the module docs.
pub(crate) fn finish(
    drafts: Vec<DraftConcept>,
    path: &Arc<str>,
    report: &mut ImportReport,
    errors: &mut Vec<GlossaryError>,
) -> Vec<Concept> {
    let ids = assign_ids(&drafts);
    drafts
        .into_iter()
        .zip(ids)
        .filter_map(|(draft, id)| finish_concept(draft, id, path, report, errors))
        .collect()
}

/// The id of every draft: its own when valid, else a generated one no other
/// draft uses (with the invalid id it replaces).
fn assign_ids(drafts: &[DraftConcept]) -> Vec<(String, Option<String>)> {
    let valid = |draft: &DraftConcept| draft.id.clone().filter(|id| is_valid_id(id));
    let mut taken: HashSet<String> = drafts.iter().filter_map(valid).collect();
    drafts
        .iter()
        .enumerate()
        .map(|(index, draft)| match valid(draft) {
            Some(id) => (id, None),
            None => {
                let base = format!("c{}", index + 1);
                let id = (1..)
                    .map(|n| {
                        if n == 1 {
                            base.clone()
                        } else {
                            format!("{base}-{n}")
                        }
                    })
                    .find(|id| !taken.contains(id))
                    .expect("an unused id");
                taken.insert(id.clone());
                (id, draft.id.clone())
            }
        })
        .collect()
}

fn finish_concept(
    draft: DraftConcept,
    (id, original): (String, Option<String>),
    path: &Arc<str>,
    report: &mut ImportReport,
    errors: &mut Vec<GlossaryError>,
) -> Option<Concept> {
    let location = draft.location.unwrap_or_else(|| SourceLocation {
        path: Arc::clone(path),
        line: 1,
        column: 1,
    });
    if let Some(original) = original {
        report.adjustments.push(Adjustment {
            location: location.clone(),
            concept: id.clone(),
            kind: AdjustmentKind::Renamed { original },
        });
    }
    let before = errors.len();
    let mut languages: Vec<LanguageTerms> = Vec::new();
    for draft_language in merge_languages(draft.languages) {
        let language_location = draft_language.location.clone();
        let Some(language) = finish_language(&id, draft_language, report, errors) else {
            continue;
        };
        if language.terms.is_empty() {
            report.adjustments.push(Adjustment {
                location: language_location,
                concept: id.clone(),
                kind: AdjustmentKind::OnlyDeprecated {
                    language: language.language.to_string(),
                },
            });
        } else {
            languages.push(language);
        }
    }
    if errors.len() > before {
        return None;
    }
    // As TOML glossaries list them (a table sorted by tag).
    languages.sort_by_key(|l| l.language.to_string());
    if languages.is_empty() {
        report.adjustments.push(Adjustment {
            location,
            concept: id,
            kind: AdjustmentKind::NoLanguages,
        });
        return None;
    }
    Some(Concept {
        id,
        kind: draft.kind,
        unlisted: None,
        domain: draft.domain,
        note: joined(draft.notes),
        sources: dedup(draft.sources),
        languages,
        location,
    })
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.into_iter().filter(|s| seen.insert(s.clone())).collect()
}

/// Merges language sets with the same tag (compared in canonical form),
/// keeping the first's place.
fn merge_languages(languages: Vec<DraftLanguage>) -> Vec<DraftLanguage> {
    let canonical = |tag: &str| Language::parse(tag).map_or_else(|_| tag.to_string(), |l| l.to_string());
    let mut merged: Vec<DraftLanguage> = Vec::new();
    for language in languages {
        let tag = canonical(&language.tag);
        match merged.iter_mut().find(|l| canonical(&l.tag) == tag) {
            Some(first) => first.terms.extend(language.terms),
            None => merged.push(language),
        }
    }
    merged
}

/// The terms of one language in the model's order, with exactly one
/// preferred term first; no terms at all when only deprecated ones were given.
fn finish_language(
    concept: &str,
    draft: DraftLanguage,
    report: &mut ImportReport,
    errors: &mut Vec<GlossaryError>,
) -> Option<LanguageTerms> {
    let Ok(language) = Language::parse(&draft.tag) else {
        errors.push(GlossaryError {
            location: draft.location,
            kind: GlossaryErrorKind::BadLanguageTag { tag: draft.tag },
        });
        return None;
    };
    let mut terms = Vec::new();
    let mut explicit_admitted = Vec::new();
    for draft_term in draft.terms {
        if fold_term(&draft_term.text, CaseMode::Fold).is_empty() {
            errors.push(GlossaryError {
                location: draft_term.location,
                kind: GlossaryErrorKind::EmptyTerm {
                    concept: concept.to_string(),
                },
            });
            continue;
        }
        explicit_admitted.push(draft_term.status == Some(Status::Admitted));
        terms.push(Term {
            text: draft_term.text,
            status: draft_term.status.unwrap_or(Status::Admitted),
            case_sensitive: draft_term.case_sensitive,
            term_type: draft_term.term_type,
            note: joined(draft_term.notes),
            location: draft_term.location,
        });
    }
    let adjust = |kind| Adjustment {
        location: draft.location.clone(),
        concept: concept.to_string(),
        kind,
    };
    let tag = language.to_string();
    let preferred: Vec<usize> = (0..terms.len())
        .filter(|&i| terms[i].status == Status::Preferred)
        .collect();
    for &extra in preferred.iter().skip(1) {
        terms[extra].status = Status::Admitted;
        report.adjustments.push(adjust(AdjustmentKind::Demoted {
            language: tag.clone(),
            term: terms[extra].text.clone(),
        }));
    }
    if preferred.is_empty() {
        if let Some(first) = terms.iter().position(|t| t.status == Status::Admitted) {
            terms[first].status = Status::Preferred;
            if explicit_admitted[first] {
                report.adjustments.push(adjust(AdjustmentKind::Promoted {
                    language: tag.clone(),
                    term: terms[first].text.clone(),
                }));
            }
        } else {
            terms.clear();
        }
    }
    // A stable sort keeps file order within each status.
    terms.sort_by_key(|t| t.status);
    Some(LanguageTerms {
        language,
        terms,
        examples: Examples::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32) -> SourceLocation {
        SourceLocation {
            path: Arc::from("t.tbx"),
            line,
            column: 1,
        }
    }

    fn term(text: &str, status: Option<Status>) -> DraftTerm {
        DraftTerm {
            text: text.to_string(),
            status,
            ..DraftTerm::new(at(2))
        }
    }

    fn concept(id: Option<&str>, tag: &str, terms: Vec<DraftTerm>) -> DraftConcept {
        DraftConcept {
            id: id.map(str::to_string),
            languages: vec![DraftLanguage {
                tag: tag.to_string(),
                terms,
                location: at(1),
            }],
            ..DraftConcept::default()
        }
    }

    fn run(drafts: Vec<DraftConcept>) -> (Vec<Concept>, ImportReport, Vec<GlossaryError>) {
        let mut report = ImportReport::default();
        let mut errors = Vec::new();
        let concepts = finish(drafts, &Arc::from("t.tbx"), &mut report, &mut errors);
        (concepts, report, errors)
    }

    fn forms(concept: &Concept) -> Vec<(String, Status)> {
        concept.terms().map(|(_, t)| (t.text.clone(), t.status)).collect()
    }

    #[test]
    fn generated_ids_avoid_taken_ones() {
        let drafts = vec![
            concept(Some("c2"), "en", vec![term("a", None)]),
            concept(None, "en", vec![term("b", None)]),
        ];
        let (concepts, _, errors) = run(drafts);
        assert!(errors.is_empty());
        assert_eq!(concepts[1].id, "c2-2");
        let (concepts, report, _) = run(vec![concept(Some("vít"), "en", vec![term("a", None)])]);
        assert_eq!(concepts[0].id, "c1");
        assert_eq!(
            report.adjustments[0].kind,
            AdjustmentKind::Renamed {
                original: "vít".into()
            }
        );
    }

    #[test]
    fn the_first_of_several_preferred_terms_stays_preferred() {
        let drafts = vec![concept(
            None,
            "en",
            vec![
                term("old", Some(Status::Deprecated)),
                term("one", Some(Status::Preferred)),
                term("two", Some(Status::Preferred)),
            ],
        )];
        let (concepts, report, _) = run(drafts);
        use Status::*;
        assert_eq!(
            forms(&concepts[0]),
            [
                ("one".into(), Preferred),
                ("two".into(), Admitted),
                ("old".into(), Deprecated)
            ]
        );
        assert!(matches!(
            report.adjustments[0].kind,
            AdjustmentKind::Demoted { .. }
        ));
    }

    #[test]
    fn terms_without_status_promote_the_first_silently() {
        let (concepts, report, _) = run(vec![concept(None, "en", vec![term("a", None), term("b", None)])]);
        assert_eq!(concepts[0].languages[0].preferred().text, "a");
        assert!(report.is_empty());
        let (_, report, _) = run(vec![concept(None, "en", vec![term("a", Some(Status::Admitted))])]);
        assert!(matches!(
            report.adjustments[0].kind,
            AdjustmentKind::Promoted { .. }
        ));
    }

    #[test]
    fn only_deprecated_terms_drop_the_language_and_the_concept() {
        let (concepts, report, errors) = run(vec![concept(
            None,
            "fr",
            vec![term("x", Some(Status::Deprecated))],
        )]);
        assert!(concepts.is_empty() && errors.is_empty());
        let kinds: Vec<_> = report.adjustments.iter().map(|a| a.kind.clone()).collect();
        assert_eq!(
            kinds,
            [
                AdjustmentKind::OnlyDeprecated {
                    language: "fr".into()
                },
                AdjustmentKind::NoLanguages
            ]
        );
    }

    #[test]
    fn bad_tags_and_empty_terms_are_errors() {
        let (_, _, errors) = run(vec![concept(None, "not a tag", vec![term("a", None)])]);
        assert!(matches!(errors[0].kind, GlossaryErrorKind::BadLanguageTag { .. }));
        let (_, _, errors) = run(vec![concept(None, "en", vec![term(" ", None)])]);
        assert!(matches!(errors[0].kind, GlossaryErrorKind::EmptyTerm { .. }));
    }
}
