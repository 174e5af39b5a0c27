//! Surnames written alone: after a person is named in full, the surname
//! alone (`Soleimani’s`, `al-Baghdadi`) names the same person, and is held
//! to the spelling the document chose for the full name.
//!
//! The matcher finds every surname that may stand alone (see
//! [`crate::names`]); a document keeps only those that
//! * come after a full mention of the same concept, and
//! * stand alone: no capitalized word right before or after them, which
//!   would make them part of another name (`Ali Soleimani`, `Soleimani
//!   Street`).
//!
//! A kept surname is compared with the surname of the full form the
//! document uses (its preferred form when it uses several and has not
//! chosen): a different spelling is `inconsistent`, with the chosen surname
//! as the fix, particle kept as found.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::matcher::Mention;
use crate::names::{surname_core, surname_like};
use crate::text::{fold_term, CaseMode};
use crate::unlisted::Unlisted;

/// Keeps the surname mentions and surname spellings that follow a full
/// mention of their concept and stand alone; `mentions` and `unlisted` are
/// in text order.
pub fn anchor_surnames(text: &str, mentions: &mut Vec<Mention>, unlisted: &mut Vec<Unlisted>) {
    if !mentions.iter().any(|m| m.surname) && !unlisted.iter().any(|u| u.surname) {
        return;
    }
    // Where each concept is first named in full.
    let mut first_full: BTreeMap<usize, usize> = BTreeMap::new();
    for mention in mentions.iter().filter(|m| !m.surname) {
        first_full.entry(mention.concept).or_insert(mention.range.end);
    }
    let anchored = |concept: usize, range: &Range<usize>| {
        first_full.get(&concept).is_some_and(|&end| end <= range.start) && stands_alone(text, range)
    };
    unlisted.retain(|u| !u.surname || anchored(u.concept, &u.range));
    mentions.retain(|m| !m.surname || anchored(m.concept, &m.range));
}

/// English words that open a sentence before a surname (`Then Soleimani
/// left`): capitalized there, but no part of a name.
const SENTENCE_OPENERS: &[&str] = &[
    "after",
    "again",
    "also",
    "and",
    "as",
    "before",
    "both",
    "but",
    "by",
    "for",
    "from",
    "here",
    "however",
    "if",
    "in",
    "later",
    "meanwhile",
    "now",
    "on",
    "once",
    "only",
    "since",
    "so",
    "still",
    "that",
    "then",
    "there",
    "though",
    "to",
    "under",
    "when",
    "where",
    "while",
    "with",
    "yet",
];

/// Whether no capitalized word is right before or right after `range`, on
/// the same line (one that opens a sentence with a common English word
/// does not count).
fn stands_alone(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].trim_end_matches([' ', '\t', '\u{a0}']);
    let previous_word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| crate::text::is_letter_or_digit(c) || crate::text::is_combining_mark(c))
        .last()
        .map(|(at, _)| at);
    let capitalized_before = previous_word_start.is_some_and(|at| {
        let word = &before[at..];
        word.chars().next().is_some_and(char::is_uppercase)
            && !(opens_sentence(&before[..at]) && SENTENCE_OPENERS.contains(&word.to_lowercase().as_str()))
    });
    let after = text[range.end..].trim_start_matches([' ', '\t', '\u{a0}']);
    let capitalized_after = after.chars().next().is_some_and(char::is_uppercase);
    !capitalized_before && !capitalized_after
}

/// Whether a word after `before` opens a sentence: nothing but white
/// space, quotes or brackets since the start or a sentence's end.
fn opens_sentence(before: &str) -> bool {
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || "\"“‘«([".contains(c));
    trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', '\n', ':', ';'])
}

/// The surname a surname mention should be written as, given the full form
/// `chosen` the scope uses; `None` when it is written so already (compared
/// folded, without its particle) or `chosen` has no surname.
pub fn surname_suggestion(found: &str, chosen: &str) -> Option<String> {
    let suggestion = surname_like(found, chosen)?;
    let fold = |s: &str| fold_term(surname_core(s), CaseMode::Fold);
    (fold(found) != fold(&suggestion)).then_some(suggestion)
}

/// The text of a surname mention as found, without an inflectional ending.
pub fn found_surname<'a>(text: &'a str, mention: &Mention) -> &'a str {
    &text[mention.range.start..mention.stem_end.max(mention.range.start)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitalized_neighbour_makes_another_name() {
        let text = "Ali Soleimani met Soleimani’s men. Soleimani Street. Then Soleimani left.";
        assert!(!stands_alone(text, &(4..13)));
        assert!(stands_alone(text, &(18..27)));
        assert!(!stands_alone(text, &(37..46)));
        assert!(stands_alone(text, &(59..68)), "a sentence opener");
    }

    #[test]
    fn suggestions_keep_the_particle_as_found() {
        assert_eq!(
            surname_suggestion("Suleimani", "Qassem Soleimani").as_deref(),
            Some("Soleimani")
        );
        assert_eq!(surname_suggestion("SOLEIMANI", "Qassem Soleimani"), None);
        assert_eq!(
            surname_suggestion("al-Bagdadi", "Abu Bakr al-Baghdadi").as_deref(),
            Some("al-Baghdadi")
        );
        assert_eq!(surname_suggestion("Baghdadi", "Abu Bakr al-Baghdadi"), None);
    }
}
