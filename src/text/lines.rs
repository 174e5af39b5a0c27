//! Byte offsets to 1-based line and column numbers.
//!
//! Lines end at `\n` (a `\r` before it belongs to the line ending). Columns
//! count Unicode scalar values from the start of the line, so they agree with
//! editors and with SARIF's default; a UTF-8 byte-order mark is not counted.
//!
//! Protocols count columns in other units: the Language Server Protocol in
//! UTF-16 code units unless client and server agree on UTF-8 or UTF-32
//! (see [`ColumnUnit`] and [`LineIndex::line_column`]).

use serde::Serialize;

/// A 1-based line and column (in characters) in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

/// The unit a protocol counts columns in (LSP's `positionEncoding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units: a character outside the Basic Multilingual Plane
    /// (an emoji) counts two.
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

impl ColumnUnit {
    /// How many units `text` takes.
    pub fn count(self, text: &str) -> usize {
        match self {
            ColumnUnit::Utf8 => text.len(),
            ColumnUnit::Utf16 => text.chars().map(char::len_utf16).sum(),
            ColumnUnit::Utf32 => text.chars().count(),
        }
    }
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

    /// The 0-based line of byte `offset` of `text` and its 0-based column
    /// in `unit`s, counting every character from the line's start (a
    /// byte-order mark too, as editors that keep it do). `offset` must be a
    /// character boundary of the indexed text; past the end it is clamped.
    pub fn line_column(&self, text: &str, offset: usize, unit: ColumnUnit) -> (usize, usize) {
        let offset = offset.min(text.len());
        let starts = self.starts(text);
        let line = starts.partition_point(|&start| start <= offset) - 1;
        let before = text.get(starts[line]..offset).unwrap_or_default();
        (line, unit.count(before))
    }

    /// The byte offset of 0-based `line` and `column` (in `unit`s) of
    /// `text`, the inverse of [`line_column`](Self::line_column). A column
    /// past the line's end gives its end (before the `\n`), a column
    /// inside a character gives that character's start, and a line past the
    /// last gives the end of the text.
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: ColumnUnit) -> usize {
        let starts = self.starts(text);
        let Some(&start) = starts.get(line) else {
            return text.len();
        };
        let end = starts.get(line + 1).map_or(text.len(), |&next| next - 1);
        let mut counted = 0;
        for (index, c) in text[start..end].char_indices() {
            let width = unit.count(c.encode_utf8(&mut [0; 4]));
            if counted + width > column {
                return start + index;
            }
            counted += width;
        }
        end
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
    fn protocol_columns_count_in_the_agreed_unit() {
        let text = "first\r\n😀 Kirman é\nx";
        let index = LineIndex::new(text);
        let word = text.find("Kirman").unwrap();
        assert_eq!(index.line_column(text, word, ColumnUnit::Utf16), (1, 3));
        assert_eq!(index.line_column(text, word, ColumnUnit::Utf8), (1, 5));
        assert_eq!(index.line_column(text, word, ColumnUnit::Utf32), (1, 2));
        let end = text.find('\n').unwrap() + 1 + "😀 Kirman é".len();
        assert_eq!(index.line_column(text, end, ColumnUnit::Utf16), (1, 11));
        assert_eq!(index.line_column(text, text.len(), ColumnUnit::Utf16), (2, 1));
        assert_eq!(index.line_column(text, 0, ColumnUnit::Utf16), (0, 0));
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Utf32] {
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                let (line, column) = index.line_column(text, offset, unit);
                assert_eq!(
                    index.offset(text, line, column, unit),
                    offset,
                    "{unit:?} {offset}"
                );
            }
        }
        assert_eq!(
            index.offset(text, 1, 1, ColumnUnit::Utf16),
            word - 5,
            "inside the emoji"
        );
        assert_eq!(
            index.offset(text, 0, 99, ColumnUnit::Utf16),
            6,
            "past the line's end"
        );
        assert_eq!(index.offset(text, 9, 0, ColumnUnit::Utf16), text.len());
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{FEFF}Kerman";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), Position { line: 1, column: 1 });
    }
}
