//! Where things are in a glossary file: every reader (TOML, TBX, CSV)
//! turns the byte spans its parser gives into the file, line and column
//! that messages show.

use std::ops::Range;
use std::sync::Arc;

use super::error::{GlossaryError, GlossaryErrorKind};
use super::model::SourceLocation;
use crate::text::{floor_char_boundary, LineIndex};

/// Turns byte spans of one file into locations.
pub(crate) struct Locator<'a> {
    pub path: &'a Arc<str>,
    pub text: &'a str,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    /// A locator for `text`, the content of `path`.
    pub fn new(path: &'a Arc<str>, text: &'a str) -> Self {
        Locator {
            path,
            text,
            lines: LineIndex::new(text),
        }
    }

    /// The location of the start of `span`.
    pub fn at(&self, span: Range<usize>) -> SourceLocation {
        let offset = floor_char_boundary(self.text, span.start);
        let position = self.lines.position(self.text, offset);
        SourceLocation {
            path: Arc::clone(self.path),
            line: saturating_u32(position.line),
            column: saturating_u32(position.column),
        }
    }

    /// An error at the start of `span`, boxed (as readers return it).
    pub fn boxed_error(&self, span: Range<usize>, kind: GlossaryErrorKind) -> Box<GlossaryError> {
        Box::new(self.error(span, kind))
    }

    /// An error at the start of `span`.
    pub fn error(&self, span: Range<usize>, kind: GlossaryErrorKind) -> GlossaryError {
        GlossaryError {
            location: self.at(span),
            kind,
        }
    }
}

/// A line or column in 32 bits; one past them (a glossary file within its
/// size limit has none) shows as the largest.
fn saturating_u32(number: usize) -> u32 {
    u32::try_from(number).unwrap_or(u32::MAX)
}
