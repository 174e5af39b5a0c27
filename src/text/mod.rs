//! Text primitives shared by every other module: folding with an offset map
//! back to the original bytes, word boundaries, and line:column positions.
//!
//! This module is a leaf: it knows nothing of glossaries, documents or checks.

mod boundary;
mod fold;
mod lines;

pub use boundary::{is_word_end, is_word_start};
pub use fold::{fold_term, CaseMode, FoldedText};
pub use lines::{LineIndex, Position};
