//! Word boundaries, judged on the original text.
//!
//! A match is a word only if the characters around it are not letters,
//! digits or combining marks. Characters that folding drops (soft hyphen,
//! ZWNJ, tatweel, bidi controls) are looked through: `Kerman\u{AD}shah` is one
//! word. Apostrophes are the hard case, because folding drops them too:
//! * after a match, an apostrophe is a boundary when what follows is not a
//!   letter, or is a possessive `s` ending the word (`Soleimani's`,
//!   `Khorasan’s`, `Hamas’`); `Ma'arri` does not end at `Ma`;
//! * before a match, an apostrophe is a boundary when what precedes it is an
//!   elided article or particle (`l’Iran`, `d'Iran`, `qu’al-Qaida`); `Ma'arri` does not start a word at `arri`.

/// True when a word may start at byte `start` of `text`.
pub fn is_word_start(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev().filter(|&c| !is_transparent(c));
    match before.next() {
        None => true,
        Some(c) if is_apostrophe(c) => is_elision(before),
        Some(c) => !is_word_char(c),
    }
}

/// True when a word may end at byte `end` of `text`.
pub fn is_word_end(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars().filter(|&c| !is_transparent(c));
    match after.next() {
        None => true,
        Some(c) if is_apostrophe(c) => match after.next() {
            None => true,
            Some('s' | 'S') => after.next().is_none_or(|c| !is_word_char(c)),
            Some(c) => !is_word_char(c),
        },
        Some(c) => !is_word_char(c),
    }
}

/// An apostrophe starts a word when it opens a quotation (no letter before
/// it) or ends an elision: a single letter (`l’`, `d’`, `s’`) or `qu`, with
/// a non-letter (or the start of the text) before them.
fn is_elision(before: impl Iterator<Item = char>) -> bool {
    let letters: String = before.take_while(|c| super::is_letter(*c)).take(3).collect();
    matches!(letters.chars().count(), 0 | 1) || letters.eq_ignore_ascii_case("uq")
}

/// Whether a word may start at `at` once markup is read away: no letter or
/// digit right before it. Looser than [`is_word_start`] on purpose (an
/// apostrophe or backtick before it may close skipped markup, such as a code
/// span), since a prefilter (`Matcher::could_mention`) must never miss.
pub fn may_start_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !super::is_letter_or_digit(c))
}

/// Whether a word may end at `at`: no letter or digit right after it.
pub fn may_end_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !super::is_letter_or_digit(c))
}

fn is_word_char(c: char) -> bool {
    super::is_letter_or_digit(c) || super::is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}' | '\u{2032}'
    )
}

/// Invisible characters that folding drops and that never separate words.
fn is_transparent(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{0640}')
}

/// The largest character boundary of `text` at or before `at` (which may
/// lie inside a character: a parser's span at an invalid byte, a reach
/// counted in bytes). `str::floor_char_boundary` is newer than the
/// supported Rust version.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `at`, at most the
/// text's end.
pub(crate) fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loose_tests_accept_every_boundary_the_strict_ones_accept() {
        for text in [
            "d’Kirman l'Abu x\u{200D}Abu é\u{301}Abu Kirman's `code`Abu",
            "Кирмане, ИГ-Х: Abu_Hafs",
        ] {
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                assert!(
                    !is_word_start(text, at) || may_start_word(text, at),
                    "{text:?} at {at}"
                );
                assert!(
                    !is_word_end(text, at) || may_end_word(text, at),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn plain_words() {
        let text = "in Kermanshah, Kerman.";
        assert!(is_word_start(text, 3));
        assert!(!is_word_end(text, 9)); // "Kerman" inside "Kermanshah"
        assert!(is_word_start(text, 15));
        assert!(is_word_end(text, 21));
        assert!(!is_word_start("Alansari", 2));
    }

    #[test]
    fn possessives_and_elisions_are_boundaries() {
        assert!(is_word_end("Soleimani's speech", 9));
        assert!(is_word_end("Khorasan’s", 8));
        assert!(is_word_end("Hamas’ ideology", 5));
        assert!(is_word_start("l’Iran", 4));
        assert!(is_word_start("qu'al-Qaida", 3));
        assert!(
            is_word_start("say 'Kirman'", 5),
            "an apostrophe used as a quotation mark"
        );
        assert!(is_word_end("say 'Kirman'", 11));
    }

    #[test]
    fn apostrophes_inside_a_name_are_not_boundaries() {
        assert!(!is_word_end("Ma'arri", 2));
        assert!(!is_word_start("Ma'arri", 3));
        assert!(!is_word_start("Shiʿa", 5));
    }

    #[test]
    fn invisible_characters_are_looked_through() {
        assert!(!is_word_end("Kerman\u{AD}shah", 6));
        assert!(is_word_end("Kerman\u{200F} x", 6));
    }

    #[test]
    fn scripts_without_case() {
        let text = "در کرمانشاه";
        assert!(!is_word_end(text, "در کرمان".len()));
        assert!(is_word_start(text, "در ".len()));
    }
}
