//! Document formats: each turns a file's text into *segments*, the stretches
//! of prose to check, as byte ranges of the original text.
//!
//! A segment is a list of pieces read as one stretch (so a name may run
//! across `**emphasis**` markers or a line break); the bytes between pieces
//! are skipped, and nothing outside the segments is checked. A piece is
//! either verbatim text of the file or an escape or entity (`&amp;`, `\"`)
//! with its decoded text: a match that touches it covers the whole escape.
//! Positions are always those of the original file.
//!
//! A segment may carry its own language (an XLIFF `target`, a PO `msgstr`),
//! its role in a bilingual file, the translation unit that pairs a source
//! with its target, and what a translation tool says of it (`SegmentInfo`:
//! its id, locked, confirmed).

mod fluent;
mod html;
pub(crate) mod markdown;
mod po;
mod replacement;
mod table;
mod tmx;
mod xliff;

pub use replacement::{Edit, ReplacementWriter};

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;

use crate::lang::Language;

/// A document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: all of it is checked.
    Text,
    /// CommonMark with GitHub extensions and front matter.
    Markdown,
    /// HTML: text, `alt` and `title`; not `script`, `style`, `code`, `pre`.
    Html,
    /// XLIFF 1.2 or 2.0: sources and targets of translation units; also
    /// Trados SDLXLIFF and memoQ MQXLIFF, with their segments' states.
    Xliff,
    /// TMX 1.4b translation memory: the segments of every translation unit.
    Tmx,
    /// gettext PO or POT: `msgid` sources and `msgstr` targets.
    Po,
    /// Fluent: message and attribute values.
    Fluent,
    /// Tab-separated table whose header names the language of each column.
    Tsv,
    /// Comma-separated table whose header names the language of each column.
    Csv,
}

/// A file that its format's parser rejects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// Byte offset of the problem in the original text.
    pub offset: usize,
    /// What is wrong, in the parser's words (not localized).
    pub detail: String,
}

/// A stretch of prose: pieces of the original read as one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Sorted, disjoint pieces on character boundaries.
    pub pieces: Vec<Piece>,
    /// The segment's language, when the file says it; else the document's.
    pub language: Option<Language>,
    /// Whether the segment is monolingual text, a source or a target.
    pub role: Role,
    /// The translation unit pairing a source with its targets.
    pub unit: Option<usize>,
    /// What a bilingual file says of the segment besides its text.
    pub info: SegmentInfo,
}

/// What a bilingual file says of a segment besides its text: its id as the
/// translation tool shows it, and whether it is locked or confirmed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SegmentInfo {
    /// The id a translator sees (an XLIFF `trans-unit` id, a Trados segment
    /// number, a TMX `tuid`); findings in the segment carry it.
    pub id: Option<std::sync::Arc<str>>,
    /// Locked in the translation tool (Trados `locked="true"`, memoQ
    /// `mq:locked="locked"`).
    pub locked: bool,
    /// Confirmed or approved in the translation tool.
    pub confirmed: bool,
    /// The text repeats another place of the file, so a fix must not write
    /// it alone (a Trados `<seg-source>` segment repeats `<source>`).
    pub read_only: bool,
    /// What tells this unit apart from others with the same source (a PO
    /// `msgctxt`): segment consistency compares only units of one context.
    pub context: Option<String>,
}

/// One piece of a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// The decoded text of an escape or entity; `None` for verbatim text.
    pub decoded: Option<String>,
}

/// The role of a segment in its file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Text of a monolingual document.
    #[default]
    Text,
    /// The source text of a translation unit.
    Source,
    /// The translated text of a translation unit.
    Target,
}

impl Piece {
    /// A verbatim piece.
    pub fn verbatim(range: Range<usize>) -> Self {
        Piece { range, decoded: None }
    }

    /// An escape or entity at `range` that stands for `decoded`.
    pub fn decoded(range: Range<usize>, decoded: impl Into<String>) -> Self {
        Piece {
            range,
            decoded: Some(decoded.into()),
        }
    }
}

impl Segment {
    /// A monolingual segment of verbatim pieces.
    pub fn text(pieces: impl IntoIterator<Item = Range<usize>>) -> Self {
        Segment {
            pieces: pieces.into_iter().map(Piece::verbatim).collect(),
            language: None,
            role: Role::Text,
            unit: None,
            info: SegmentInfo::default(),
        }
    }

    /// The byte range from the first piece to the last.
    pub fn span(&self) -> Range<usize> {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(first), Some(last)) => first.range.start..last.range.end,
            _ => 0..0,
        }
    }

    /// The verbatim ranges, when no piece is decoded.
    pub fn verbatim_ranges(&self) -> Option<Vec<Range<usize>>> {
        self.pieces
            .iter()
            .map(|p| p.decoded.is_none().then(|| p.range.clone()))
            .collect()
    }

    /// The segment as one decoded text, with the map back to the original.
    pub fn view<'a>(&self, original: &'a str) -> SegmentView<'a> {
        if let [piece] = self.pieces.as_slice() {
            if piece.decoded.is_none() {
                return SegmentView {
                    text: Cow::Borrowed(&original[piece.range.clone()]),
                    spans: vec![(0, piece.range.clone(), true)],
                };
            }
        }
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.pieces.len());
        for piece in &self.pieces {
            spans.push((text.len(), piece.range.clone(), piece.decoded.is_none()));
            match &piece.decoded {
                Some(decoded) => text.push_str(decoded),
                None => text.push_str(&original[piece.range.clone()]),
            }
        }
        SegmentView {
            text: Cow::Owned(text),
            spans,
        }
    }
}

/// The decoded text of `pieces` of `text`.
pub(crate) fn decoded_text(text: &str, pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match &piece.decoded {
            Some(decoded) => decoded.as_str(),
            None => text.get(piece.range.clone()).unwrap_or_default(),
        })
        .collect()
}

/// The decoded text of `pieces` before and after `range`, which covers
/// whole decoded pieces (a fix never splits an escape) and may split
/// verbatim ones.
pub(crate) fn decoded_around(text: &str, pieces: &[Piece], range: Range<usize>) -> (String, String) {
    let (mut before, mut after) = (String::new(), String::new());
    for piece in pieces {
        let part = |span: Range<usize>| match &piece.decoded {
            Some(decoded) if span == piece.range => decoded.as_str(),
            Some(_) => "",
            None => text.get(span).unwrap_or_default(),
        };
        let start = piece.range.start;
        let end = piece.range.end;
        before.push_str(part(start..end.min(range.start).max(start)));
        after.push_str(part(start.max(range.end).min(end)..end));
    }
    (before, after)
}

/// Pieces as `original|original[decoded]|…`, for tests of the extractors.
#[cfg(test)]
pub(crate) fn show_pieces(text: &str, pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match &p.decoded {
            Some(decoded) => format!("{}[{decoded}]", &text[p.range.clone()]),
            None => text[p.range.clone()].to_string(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A segment's decoded text and the map from its offsets to the original.
pub struct SegmentView<'a> {
    /// The decoded text.
    pub text: Cow<'a, str>,
    /// (offset in `text`, original range, verbatim) per piece.
    spans: Vec<(usize, Range<usize>, bool)>,
}

impl SegmentView<'_> {
    /// The original range of a range of the decoded text. A range that
    /// starts or ends inside a decoded escape covers the whole escape.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map_offset(range.start, false);
        let end = self.map_offset(range.end, true);
        start..end.max(start)
    }

    fn map_offset(&self, offset: usize, is_end: bool) -> usize {
        // The piece holding the offset; an end offset belongs to the piece
        // it closes.
        let index = self
            .spans
            .partition_point(|(start, _, _)| if is_end { *start < offset } else { *start <= offset })
            .saturating_sub(1);
        let Some((start, original, verbatim)) = self.spans.get(index) else {
            return 0;
        };
        if *verbatim {
            (original.start + (offset - start)).min(original.end)
        } else if is_end {
            original.end
        } else {
            original.start
        }
    }
}

impl Format {
    /// The format for a file name, by extension; `None` for files that
    /// termlint does not read when walking folders.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::from_name(&extension)
    }

    /// The format for a name as `--format-in` takes it, which is also the
    /// file extension (`md`, `xliff`, `po`, …).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mdx" => Format::Markdown,
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "xliff" | "xlf" | "xlif" | "sdlxliff" | "mqxliff" => Format::Xliff,
            "tmx" => Format::Tmx,
            "po" | "pot" => Format::Po,
            "ftl" | "fluent" => Format::Fluent,
            "tsv" | "tab" => Format::Tsv,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// Cuts `text` into the segments to check, or says why the file cannot
    /// be read in this format.
    pub fn segments(self, text: &str) -> Result<Vec<Segment>, FormatError> {
        let parts = self.map_segments(text, &|_| true, &|segments| segments)?;
        Ok(parts.into_iter().flatten().collect())
    }

    /// What `each` makes of the segments of `text`, part by part and in text
    /// order, or why the file cannot be read in this format. A large
    /// Markdown document comes in many parts, its blocks, and leaves out the
    /// blocks for which `may_matter` is false; plain text comes in parts of
    /// paragraphs; a large TMX memory in parts of whole units, each handed
    /// on while the rest is read; other formats come in one part.
    pub fn map_segments<R: Send>(
        self,
        text: &str,
        may_matter: &(dyn Fn(&str) -> bool + Sync),
        each: &(dyn Fn(Vec<Segment>) -> R + Sync),
    ) -> Result<Vec<R>, FormatError> {
        let whole = match self {
            Format::Markdown => return Ok(markdown::map_segments(text, may_matter, each)),
            Format::Text => {
                return Ok(paragraph_parts(text)
                    .into_par_iter()
                    .map(|part| {
                        each(
                            part.into_iter()
                                .map(|p| Segment::text(std::iter::once(p)))
                                .collect(),
                        )
                    })
                    .collect())
            }
            Format::Html => html::segments(text),
            Format::Xliff => xliff::segments(text),
            Format::Tmx => return tmx::map_segments(text, each),
            Format::Po => po::segments(text),
            Format::Fluent => fluent::segments(text),
            Format::Tsv => table::segments(text, b'\t'),
            Format::Csv => table::segments(text, b','),
        };
        Ok(vec![each(whole?)])
    }
}

/// A Markdown document's segments read in the smallest blocks, and read
/// whole; they must be equal. For the fuzz targets only (feature `fuzzing`).
#[cfg(feature = "fuzzing")]
pub fn markdown_in_blocks_and_whole(text: &str) -> (Vec<Segment>, Vec<Segment>) {
    markdown::read_in_blocks_and_whole(text)
}

/// Plain text comes in parts of about this size, handled in parallel.
const TEXT_PART_BYTES: usize = 256 * 1024;

/// The paragraphs of plain text in parts of about [`TEXT_PART_BYTES`]
/// (at least one part, however short the text).
fn paragraph_parts(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut parts = Vec::new();
    let mut part = Vec::new();
    let mut part_bytes = 0;
    for paragraph in paragraphs(text) {
        part_bytes += paragraph.len();
        part.push(paragraph);
        if part_bytes >= TEXT_PART_BYTES {
            parts.push(std::mem::take(&mut part));
            part_bytes = 0;
        }
    }
    if !part.is_empty() || parts.is_empty() {
        parts.push(part);
    }
    parts
}

/// The paragraphs of plain text: the stretches between blank lines (lines
/// of white space only). No name crosses a blank line (folding turns it into
/// a paragraph break), so each paragraph is matched on its own: a large file
/// is then matched in parallel and never folded whole.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let paragraph_start = start;
        let mut line_start = start;
        while let Some(newline) = memchr::memchr(b'\n', &bytes[line_start..]) {
            let line_end = line_start + newline + 1;
            let blank = bytes[line_start..line_end].iter().all(u8::is_ascii_whitespace);
            if blank && line_start > paragraph_start {
                start = line_end;
                return Some(paragraph_start..line_start);
            }
            line_start = line_end;
        }
        start = bytes.len();
        Some(paragraph_start..bytes.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_cut_at_blank_lines() {
        let text = "Abu\nHudhayfah.\n\nKirman  \r\n \t\r\nlast";
        let cut: Vec<&str> = Format::Text
            .segments(text)
            .unwrap()
            .iter()
            .map(|s| &text[s.span()])
            .collect();
        assert_eq!(cut, ["Abu\nHudhayfah.\n", "Kirman  \r\n", "last"]);
        assert_eq!(Format::Text.segments("").unwrap().len(), 0);
        assert_eq!(Format::Text.segments("\n\n").unwrap().len(), 1);
    }

    #[test]
    fn a_view_maps_decoded_escapes_to_the_whole_escape() {
        let original = "Abu&#32;Hafs &amp; Kerman";
        let segment = Segment {
            pieces: vec![
                Piece::verbatim(0..3),
                Piece::decoded(3..8, " "),
                Piece::verbatim(8..13),
                Piece::decoded(13..18, "&"),
                Piece::verbatim(18..25),
            ],
            language: None,
            role: Role::Text,
            unit: None,
            info: SegmentInfo::default(),
        };
        let view = segment.view(original);
        assert_eq!(view.text, "Abu Hafs & Kerman");
        assert_eq!(&original[view.to_original(0..8)], "Abu&#32;Hafs");
        assert_eq!(&original[view.to_original(11..17)], "Kerman");
        assert_eq!(&original[view.to_original(3..4)], "&#32;");
    }
}
