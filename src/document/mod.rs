//! Document formats: each turns a file's text into *segments*, the stretches
//! of prose to check, as byte ranges of the original text.
//!
//! A segment is a list of pieces read as one stretch (so a name may run
//! across `**emphasis**` markers or a line break); the bytes between pieces
//! are skipped, and nothing outside the segments is checked. Positions are
//! always those of the original file.

mod markdown;

use std::ops::Range;
use std::path::Path;

/// A document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: all of it is checked.
    Text,
    /// CommonMark with GitHub extensions and front matter.
    Markdown,
}

/// A stretch of prose: byte ranges of the original read as one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Sorted, disjoint byte ranges on character boundaries.
    pub pieces: Vec<Range<usize>>,
}

impl Format {
    /// The format for a file name, by extension; `None` for files that
    /// termlint does not read when walking folders.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mdx" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// Cuts `text` into the segments to check.
    pub fn segments(self, text: &str) -> Vec<Segment> {
        match self {
            Format::Text => vec![Segment {
                pieces: std::iter::once(0..text.len()).collect(),
            }],
            Format::Markdown => markdown::segments(text),
        }
    }
}
