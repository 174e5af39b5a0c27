//! Text primitives shared by every other module: folding with an offset map
//! back to the original bytes, word boundaries, and line:column positions.
//!
//! This module is a leaf: it knows nothing of glossaries, documents or checks.

mod boundary;
mod fold;
mod lines;
mod printable;
mod words;

pub use boundary::{is_word_end, is_word_start, may_end_word, may_start_word};
pub use fold::{as_written, fold_term, CaseMode, FoldedText};
pub use lines::{lines_with_breaks, ColumnUnit, LineIndex, Position};
pub use printable::printable;
pub use words::{words, Word};

/// Whether `c` is a combining mark; a fast path for the characters below
/// U+0300, none of which is one.
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    c >= '\u{0300}' && unicode_normalization::char::is_combining_mark(c)
}
