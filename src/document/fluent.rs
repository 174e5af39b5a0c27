//! Fluent `.ftl`: message and attribute values.

use super::{FormatError, Segment};

/// The segments of a file in this format.
pub fn segments(text: &str) -> Result<Vec<Segment>, FormatError> {
    let _ = text;
    Err(FormatError {
        offset: 0,
        detail: "not implemented yet".to_string(),
    })
}
