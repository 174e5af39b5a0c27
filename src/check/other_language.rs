//! Forms of other languages (`other-language`): a form listed only for
//! another language, found in a document whose language has a form of the
//! concept, and the document language's form as its fix.
//!
//! Only a form in the script of the document language's form is one: a
//! Latin name in a Russian text is cited as its bearer writes it (and a
//! whole text in another script is a text whose language is set wrong).
//! What a writer quotes or glosses keeps its language on purpose, so it
//! stays quiet too: a form in quotation marks (`«قاسم سليماني»`, as Arab
//! agencies wrote it, in a Persian text), and a form in parentheses after
//! the document language's form of the same concept (`Шах-Черах (перс.
//! شاه چراغ, англ. Shah Cheragh)`), or offered as its alternative.
//!
//! A form reported is counted by the consistency check as the form its fix
//! writes, as a deprecated one is, so that one `--fix` leaves nothing to
//! fix.

use std::ops::Range;

use super::consistency::{is_alternative, is_parenthesis};
use super::{mention_fix, CheckId, CheckedText, Detail, Finding, Severity};
use crate::matcher::{Matcher, Mention, OtherForm};
use crate::text::script;

/// The finding of a form of another language, unless it is quoted or
/// glosses a mention (`mentions`, in text order) of its concept: the
/// document language's form of the concept of the same kind as the form
/// found as suggestion. A form found with an ending keeps it in the fix
/// when it is an ending of the document's language (`Таджикистанро` →
/// `Тоҷикистонро`), and gets no fix otherwise: an ending of the form's own
/// language is none of the document's.
pub(super) fn finding(
    matcher: &Matcher,
    document: &CheckedText,
    other: &OtherForm,
    mentions: &[Mention],
    severity: Severity,
) -> Option<Finding> {
    let mention = &other.mention;
    if other.quoted || is_glossed(document.text, mention, mentions) {
        return None;
    }
    let (concept, form_terms, form) = matcher.resolve(mention);
    let terms = concept.languages.get(other.document_slot)?;
    let suggestion = suggestion(matcher, other)?.text.clone();
    let range = mention.range.clone();
    // The listed form's script, not the text's: the text may hold escapes
    // (`&#x41A;асем` is Cyrillic).
    if script(&form.text) != script(&suggestion) {
        return None;
    }
    let ending = &document.text[mention.stem_end.min(range.end)..range.end];
    let fix = if ending.is_empty() || is_document_ending(matcher, &terms.language, ending) {
        mention_fix(document.text, mention, &suggestion, true)
    } else {
        None
    };
    Some(Finding {
        segment: None,
        check: CheckId::OtherLanguage,
        severity,
        start: document.position(range.start),
        end: document.position(range.end),
        concept: concept.id.clone(),
        found: document.text[range.clone()].to_string(),
        range,
        fix,
        suggestion: Some(suggestion),
        detail: Detail::OtherLanguage {
            form_language: form_terms.language.to_string(),
            language: terms.language.to_string(),
        },
    })
}

/// Whether `ending` is an inflectional ending of `language`.
fn is_document_ending(matcher: &Matcher, language: &crate::lang::Language, ending: &str) -> bool {
    let folded = crate::text::fold_term(ending, crate::text::CaseMode::Fold);
    matcher
        .inflection_rule(matcher.language_index(language))
        .is_some_and(|rule| rule.is_ending(&folded))
}

/// The document language's form to write for a form of another language:
/// the preferred one, or the first admitted of the same kind when the
/// preferred is of another (an acronym for an acronym).
fn suggestion<'m>(matcher: &'m Matcher, other: &OtherForm) -> Option<&'m crate::glossary::Term> {
    let (concept, _, term) = matcher.resolve(&other.mention);
    let terms = concept.languages.get(other.document_slot)?;
    let same_kind = terms.terms.iter().find(|t| t.term_type == term.term_type);
    Some(same_kind.map_or_else(|| terms.preferred(), |t| terms.suggestion_for(t)))
}

/// The form as consistency counts it once fixed: a mention of the document
/// language's suggested term, at the same place.
pub(super) fn as_fixed(matcher: &Matcher, other: &OtherForm) -> Mention {
    let (concept, _, _) = matcher.resolve(&other.mention);
    let slot = other.document_slot;
    let term = suggestion(matcher, other)
        .and_then(|target| {
            concept.languages[slot]
                .terms
                .iter()
                .position(|t| std::ptr::eq(t, target))
        })
        .unwrap_or(0);
    let status = concept.languages[slot].terms[term].status;
    Mention {
        language: slot,
        term,
        form: matcher.term_form(other.mention.concept, slot, term),
        status,
        case_mismatch: false,
        misspelled: false,
        ..other.mention.clone()
    }
}

/// `mentions` with their `flagged` marks, and the reported forms of other
/// languages (`fixed`, counted as their fixes, flagged), in text order.
pub(super) fn merge(
    mentions: Vec<Mention>,
    flagged: Vec<bool>,
    fixed: Vec<Mention>,
) -> (Vec<Mention>, Vec<bool>) {
    if fixed.is_empty() {
        return (mentions, flagged);
    }
    let mut all: Vec<(Mention, bool)> = mentions
        .into_iter()
        .zip(flagged)
        .chain(fixed.into_iter().map(|m| (m, true)))
        .collect();
    all.sort_by_key(|(m, _)| m.range.start);
    all.into_iter().unzip()
}

/// Whether a form of another language glosses a mention of its concept or
/// is glossed by one: in parentheses after it, possibly among other glosses
/// (`Шах-Черах (перс. شاه چراغ, англ. Shah Cheragh)`), before one in
/// parentheses, or offered as its alternative (`A or B`, `A/B`).
fn is_glossed(text: &str, other: &Mention, mentions: &[Mention]) -> bool {
    let after = mentions.partition_point(|m| m.range.start < other.range.end);
    let next = mentions[after..].iter().find(|m| !m.surname);
    let previous = mentions[..after]
        .iter()
        .rev()
        .find(|m| !m.surname && m.range.end <= other.range.start);
    let between = |first: &Range<usize>, second: &Range<usize>| text.get(first.end..second.start);
    let glossed_by_previous = previous.is_some_and(|m| {
        m.concept == other.concept
            && between(&m.range, &other.range).is_some_and(|b| in_open_parenthesis(b) || is_alternative(b))
    });
    let glosses_next = next.is_some_and(|m| {
        m.concept == other.concept
            && between(&other.range, &m.range).is_some_and(|b| is_parenthesis(b) || is_alternative(b))
    });
    glossed_by_previous || glosses_next
}

/// Whether `between` (the text from a mention to a later form) opens a
/// parenthesis right after the mention and does not close it: the form is
/// among the mention's glosses. Short, on one line.
fn in_open_parenthesis(between: &str) -> bool {
    const MAX_GLOSS_PREFIX: usize = 80;
    between.trim_start().starts_with('(')
        && !between.contains([')', '\n'])
        && between.len() <= MAX_GLOSS_PREFIX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parenthesis_after_a_mention_holds_its_glosses() {
        assert!(in_open_parenthesis(" (перс. "));
        assert!(in_open_parenthesis(" (перс. شاه چراغ, англ. "));
        assert!(!in_open_parenthesis(" (перс.) и "));
        assert!(!in_open_parenthesis(" и "));
    }
}
