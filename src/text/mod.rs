//! Text primitives shared by every other module: folding with an offset map
//! back to the original bytes, word boundaries, line:column positions, and
//! quotation marks.
//!
//! This module is a leaf: it knows nothing of glossaries, documents or checks.

mod boundary;
mod fold;
mod lines;
mod printable;
mod quotes;
mod script;
mod words;

pub(crate) use boundary::{ceil_char_boundary, floor_char_boundary};
pub use boundary::{is_word_end, is_word_start, may_end_word, may_start_word};
pub use fold::{as_written, fold_term, CaseMode, FoldedText};
pub use lines::{lines_with_breaks, ColumnUnit, LineIndex, Position};
pub use printable::printable;
pub use quotes::is_quoted;
pub use script::{script, Script};
pub use words::{words, words_where, Word};

/// Whether `c` is a combining mark; a fast path for the characters below
/// U+0300, none of which is one, and a table for the two-byte range.
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    match two_byte_class(c) {
        Some(class) => class & COMBINING_MARK != 0,
        None => c >= '\u{0300}' && unicode_normalization::char::is_combining_mark(c),
    }
}

/// Whether `c` is a letter or a digit (`char::is_alphanumeric`), from a
/// table for the two-byte range (Cyrillic, Greek, Arabic… text asks this
/// of every character).
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    match two_byte_class(c) {
        Some(class) => class & LETTER_OR_DIGIT != 0,
        None => c.is_alphanumeric(),
    }
}

/// Whether `c` is a letter (`char::is_alphabetic`), as
/// [`is_letter_or_digit`] does it.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match two_byte_class(c) {
        Some(class) => class & LETTER != 0,
        None => c.is_alphabetic(),
    }
}

/// Whether `c` is an upper-case letter (`char::is_uppercase`), as
/// [`is_letter_or_digit`] does it.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    match two_byte_class(c) {
        Some(class) => class & UPPER != 0,
        None => c.is_uppercase(),
    }
}

/// Whether `c` is a lower-case letter (`char::is_lowercase`), as
/// [`is_letter_or_digit`] does it.
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    match two_byte_class(c) {
        Some(class) => class & LOWER != 0,
        None => c.is_lowercase(),
    }
}

const COMBINING_MARK: u8 = 1;
const LETTER_OR_DIGIT: u8 = 2;
const LETTER: u8 = 4;
const UPPER: u8 = 8;
const LOWER: u8 = 16;

/// The classes of a character from U+0080 to U+07FF, from a table made
/// once by the functions the table stands for; `None` outside that range.
#[inline]
fn two_byte_class(c: char) -> Option<u8> {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let index = (c as usize).checked_sub(0x80).filter(|&i| i < 0x780)?;
    let table = TABLE.get_or_init(|| {
        (0x80u32..0x800)
            .map(|code| {
                let Some(c) = char::from_u32(code) else { return 0 };
                let mut class = 0;
                if c >= '\u{0300}' && unicode_normalization::char::is_combining_mark(c) {
                    class |= COMBINING_MARK;
                }
                if c.is_alphanumeric() {
                    class |= LETTER_OR_DIGIT;
                }
                if c.is_alphabetic() {
                    class |= LETTER;
                }
                if c.is_uppercase() {
                    class |= UPPER;
                }
                if c.is_lowercase() {
                    class |= LOWER;
                }
                class
            })
            .collect()
    });
    table.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_byte_tables_agree_with_the_standard_functions() {
        for c in ('\u{0}'..='\u{0FFF}').chain(['\u{1E00}', '\u{10000}']) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            let mark = c >= '\u{0300}' && unicode_normalization::char::is_combining_mark(c);
            assert_eq!(is_combining_mark(c), mark, "{c:?}");
        }
    }
}
