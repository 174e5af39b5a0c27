//! Byte offsets to 1-based line and column numbers.
//!
//! Lines end at `\n` (a `\r` before it belongs to the line ending). Columns
//! count Unicode scalar values from the start of the line, so they agree with
//! editors and with SARIF's default; a UTF-8 byte-order mark is not counted.

use serde::Serialize;

/// A 1-based line and column (in characters) in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

/// The start offset of every line of one text, computed when first needed
/// (most files of a run have no finding and never need it).
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl LineIndex {
    /// Indexes the lines of `text` now.
    pub fn new(text: &str) -> Self {
        let index = LineIndex::lazy();
        index.starts(text);
        index
    }

    /// An index that reads the text on first use; every call must then pass
    /// the same text.
    pub fn lazy() -> Self {
        LineIndex::default()
    }

    fn starts(&self, text: &str) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut line_starts = vec![0];
            line_starts.extend(memchr_newlines(text));
            line_starts
        })
    }

    /// The position of byte `offset` of `text` (which must be the indexed text
    /// and `offset` a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let starts = self.starts(text);
        let line = starts.partition_point(|&start| start <= offset) - 1;
        let line_start = starts[line];
        let before = &text[line_start..offset];
        let bom = usize::from(line == 0 && before.starts_with('\u{FEFF}'));
        Position {
            line: line + 1,
            column: before.chars().count() - bom + 1,
        }
    }

    /// The byte range of line `line` (1-based) without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let starts = self.starts(text);
        let start = starts[line - 1];
        let end = starts.get(line).map_or(text.len(), |&next| next - 1);
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }
}

/// The offsets just after each `\n` of `text`.
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices('\n').map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let text = "ab\r\nĦé 😀 x\nlast";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x), Position { line: 2, column: 6 });
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(&text[index.line_range(text, 1)], "ab");
        assert_eq!(&text[index.line_range(text, 3)], "last");
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{FEFF}Kerman";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), Position { line: 1, column: 1 });
    }
}
