//! Byte offsets to 1-based line and column numbers.
//!
//! Lines end at `\n`, `\r\n` (one line break) or a lone `\r`, as the
//! Language Server Protocol and editors count them; every output counts
//! lines through [`LineIndex`], so they all agree. Columns count Unicode
//! scalar values from the start of the line, so they agree with editors and
//! with SARIF's default; a UTF-8 byte-order mark is not counted.
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
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// Character counts at every [`CHECKPOINT`] bytes, made the first time a
    /// column far from its line's start is asked for: then a column costs
    /// at most that many bytes of counting, however long the line, and many
    /// findings on one long line stay linear.
    checkpoints: std::sync::OnceLock<Vec<Counts>>,
}

/// Bytes between two checkpoints of [`LineIndex`].
const CHECKPOINT: usize = 4096;

/// How many characters, and UTF-16 code units, a stretch of text holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    chars: usize,
    utf16: usize,
}

impl Counts {
    /// The counts of `bytes`, a stretch of UTF-8 that may start or end
    /// inside a character: a character is counted at its first byte, and
    /// one of four bytes is two UTF-16 units.
    fn of(bytes: &[u8]) -> Counts {
        let chars = bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        let astral = bytes.iter().filter(|&&b| b >= 0xF0).count();
        Counts {
            chars,
            utf16: chars + astral,
        }
    }

    fn plus(self, other: Counts) -> Counts {
        Counts {
            chars: self.chars + other.chars,
            utf16: self.utf16 + other.utf16,
        }
    }

    fn minus(self, other: Counts) -> Counts {
        Counts {
            chars: self.chars - other.chars,
            utf16: self.utf16 - other.utf16,
        }
    }
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
            line_starts.extend(line_break_ends(text));
            line_starts
        })
    }

    /// The counts of `text[start..end]` (character boundaries): counted
    /// directly when short, else through the checkpoints.
    fn counts_between(&self, text: &str, start: usize, end: usize) -> Counts {
        if end - start <= CHECKPOINT {
            return Counts::of(&text.as_bytes()[start..end]);
        }
        self.counts_to(text, end).minus(self.counts_to(text, start))
    }

    /// The counts of `text[..offset]`.
    fn counts_to(&self, text: &str, offset: usize) -> Counts {
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut total = Counts::default();
            let mut checkpoints = vec![total];
            for block in text.as_bytes().chunks_exact(CHECKPOINT) {
                total = total.plus(Counts::of(block));
                checkpoints.push(total);
            }
            checkpoints
        });
        let block = offset / CHECKPOINT;
        checkpoints[block].plus(Counts::of(&text.as_bytes()[block * CHECKPOINT..offset]))
    }

    /// The position of byte `offset` of `text` (which must be the indexed text
    /// and `offset` a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let starts = self.starts(text);
        let line = starts.partition_point(|&start| start <= offset) - 1;
        let line_start = starts[line];
        let bom = usize::from(line == 0 && text[line_start..offset].starts_with('\u{FEFF}'));
        Position {
            line: line + 1,
            column: self.counts_between(text, line_start, offset).chars - bom + 1,
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
        let start = starts[line];
        if !text.is_char_boundary(offset) {
            let before = text.get(start..offset).unwrap_or_default();
            return (line, unit.count(before));
        }
        let counts = self.counts_between(text, start, offset);
        let column = match unit {
            ColumnUnit::Utf8 => offset - start,
            ColumnUnit::Utf16 => counts.utf16,
            ColumnUnit::Utf32 => counts.chars,
        };
        (line, column)
    }

    /// The byte offset of 0-based `line` and `column` (in `unit`s) of
    /// `text`, the inverse of [`line_column`](Self::line_column). A column
    /// past the line's end gives its end (before its line break), a column
    /// inside a character gives that character's start, and a line past the
    /// last gives the end of the text.
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: ColumnUnit) -> usize {
        let starts = self.starts(text);
        let Some(&start) = starts.get(line) else {
            return text.len();
        };
        let end = content_end(text, starts, line);
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
        line_span(text, starts, line - 1)
    }
}

/// The byte range of 0-based `line` without its line break.
fn line_span(text: &str, starts: &[usize], line: usize) -> std::ops::Range<usize> {
    starts[line]..content_end(text, starts, line)
}

/// Where the text of 0-based `line` ends: before its line break, or at the
/// end of the text for the last line.
fn content_end(text: &str, starts: &[usize], line: usize) -> usize {
    let Some(&next) = starts.get(line + 1) else {
        return text.len();
    };
    let break_length = if text.as_bytes()[..next].ends_with(b"\r\n") {
        2
    } else {
        1
    };
    next - break_length
}

/// The offsets just after each line break of `text`: `\n`, `\r\n` (one
/// break, ending after its `\n`) and a lone `\r`.
fn line_break_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\r', b'\n', bytes).filter_map(move |at| {
        let first_of_crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
        (!first_of_crlf).then_some(at + 1)
    })
}

/// The lines of `text` with their line breaks, each with its start offset:
/// the lines that [`LineIndex`] numbers, for code that walks a text line by
/// line (the `n`th item is line `n + 1`). An empty text has no line.
pub fn lines_with_breaks(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let ends = line_break_ends(text).chain(std::iter::once(text.len()));
    ends.scan(0, move |start, end| {
        let line = (*start, &text[*start..end]);
        *start = end;
        Some(line)
    })
    .filter(|(_, line)| !line.is_empty())
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
            // Between the CR and LF of a CRLF is inside a line break, which
            // no protocol position names.
            let inside_crlf = |o: usize| text.as_bytes()[..o].ends_with(b"\r");
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o) && !inside_crlf(o)) {
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
            5,
            "past the line's end: before the whole CRLF"
        );
        assert_eq!(index.offset(text, 9, 0, ColumnUnit::Utf16), text.len());
    }

    #[test]
    fn lf_crlf_and_a_lone_cr_each_end_a_line() {
        let text = "one\rtwo\r\nthree\nKirman\r\r\n";
        let index = LineIndex::new(text);
        let kirman = text.find("Kirman").unwrap();
        assert_eq!(index.position(text, kirman), Position { line: 4, column: 1 });
        assert_eq!(index.line_column(text, kirman, ColumnUnit::Utf16), (3, 0));
        let two = text.find("two").unwrap();
        assert_eq!(index.position(text, two), Position { line: 2, column: 1 });
        let lines: Vec<&str> = (1..=6).map(|line| &text[index.line_range(text, line)]).collect();
        assert_eq!(lines, ["one", "two", "three", "Kirman", "", ""]);
        assert_eq!(
            index.offset(text, 1, 99, ColumnUnit::Utf16),
            two + 3,
            "before the CRLF"
        );
        assert_eq!(
            index.offset(text, 3, 99, ColumnUnit::Utf16),
            kirman + 6,
            "before the lone CR"
        );
        let walked: Vec<(usize, &str)> = lines_with_breaks(text).collect();
        assert_eq!(
            walked,
            [
                (0, "one\r"),
                (4, "two\r\n"),
                (9, "three\n"),
                (15, "Kirman\r"),
                (22, "\r\n")
            ]
        );
        assert_eq!(lines_with_breaks("").count(), 0);
        assert_eq!(lines_with_breaks("a").collect::<Vec<_>>(), [(0, "a")]);
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{FEFF}Kerman";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), Position { line: 1, column: 1 });
    }

    #[test]
    fn columns_far_into_a_long_line_count_as_near_ones() {
        let text = format!("x\n{}", "aé😀 ".repeat(5000));
        let index = LineIndex::new(&text);
        for offset in (2..text.len()).filter(|&o| text.is_char_boundary(o)).step_by(997) {
            let before = &text[2..offset];
            assert_eq!(index.position(&text, offset).column, before.chars().count() + 1);
            for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Utf32] {
                assert_eq!(index.line_column(&text, offset, unit), (1, unit.count(before)));
            }
        }
    }
}
