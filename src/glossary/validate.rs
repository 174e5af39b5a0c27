//! The rules every glossary keeps, whatever its format: a term is one line
//! of text without control characters; no form of a concept is both
//! deprecated and recommended (preferred or admitted) in one language; no
//! form belongs to two concepts. The loader applies them once the readers
//! (TOML, TBX, CSV) have built the concepts, so every format is held to the
//! same rules, each error at the term that breaks one.

use std::collections::HashMap;

use super::error::{GlossaryError, GlossaryErrorKind};
use super::model::{Concept, LanguageTerms, Status, Term};
use crate::text::{as_written, fold_term, CaseMode};

/// Reports every term that breaks a rule.
pub(super) fn validate(concepts: &[Concept], errors: &mut Vec<GlossaryError>) {
    for concept in concepts {
        for terms in &concept.languages {
            find_control_characters(concept, terms, errors);
            find_contradictions(concept, terms, errors);
        }
    }
    find_conflicts(concepts, errors);
}

/// Reports terms holding a control character (C0, DEL or C1, tab and line
/// breaks too): a term is one line of text, and a control character would
/// be matched, suggested and written by `--fix` unseen.
fn find_control_characters(concept: &Concept, terms: &LanguageTerms, errors: &mut Vec<GlossaryError>) {
    for term in &terms.terms {
        if let Some(character) = term.text.chars().find(|c| c.is_control()) {
            errors.push(GlossaryError {
                location: term.location.clone(),
                kind: GlossaryErrorKind::ControlCharacter {
                    concept: concept.id.clone(),
                    character,
                },
            });
        }
    }
}

/// Reports deprecated terms written as a preferred or admitted term of
/// their language is written (the same characters once normalized to NFC
/// and with white space collapsed): the form would be flagged and suggested
/// at once. Forms that only fold alike (`Quran`, deprecated `Qu'ran`) are
/// told apart by how they are written, and may differ in status.
fn find_contradictions(concept: &Concept, terms: &LanguageTerms, errors: &mut Vec<GlossaryError>) {
    let mut recommended: HashMap<String, &Term> = HashMap::new();
    for term in terms.terms.iter().filter(|t| t.status != Status::Deprecated) {
        recommended.entry(as_written(&term.text)).or_insert(term);
    }
    for term in terms.terms.iter().filter(|t| t.status == Status::Deprecated) {
        let Some(other) = recommended.get(&as_written(&term.text)) else {
            continue;
        };
        errors.push(GlossaryError {
            location: term.location.clone(),
            kind: GlossaryErrorKind::DeprecatedAndRecommended {
                term: term.text.clone(),
                concept: concept.id.clone(),
                language: terms.language.to_string(),
                status: other.status,
                other: other.location.clone(),
            },
        });
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
