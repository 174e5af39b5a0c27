//! Applying fixes: choosing the edits of a file, rewriting its text, and
//! writing it back without ever losing it.
//!
//! # Invariants
//! * Only the bytes of a chosen edit's range change; everything else —
//!   a byte-order mark, CRLF line endings, other text — is copied as is.
//! * Edits never overlap: they are taken in order of position, and an edit
//!   that overlaps one already taken is skipped and reported, so the outcome
//!   does not depend on the order checks ran in.
//! * A write goes to a temporary file in the same folder, which gets the
//!   original's mode, owner, group and extended attributes, is synced, and
//!   then replaces the original by renaming: the file is at any moment
//!   either the old or the new version, never a truncated one
//!   ([`write_atomically`], `src/fix/write.rs`).
//! * A file whose bytes changed since it was read, or that is read-only, is
//!   not written. Right before the rename the original is checked again
//!   through its open handle (inode, size, modification and status-change
//!   times) and by its name, so a write made while the copy was written is
//!   never lost; only the moment between that check and the rename
//!   remains.
//! * Only the file's text changes. Through a symbolic link, the file it
//!   names is written (its copy beside it), and the link stays. A file with
//!   other hard links, or whose owner, group or attributes the copy could
//!   not be given, is rewritten in place through its own handle once the
//!   whole copy is synced, then the copy is removed; if that rewrite fails,
//!   the old text is written back, and if even that fails the copy is kept
//!   and named ([`FixError::Damaged`]).
//! * When any step fails, the temporary file is removed and the original
//!   is left as it was. A process stopped by a signal removes its copies
//!   in flight ([`abandon_writes`]); the copies of one killed outright are
//!   removed by the next write in their folder (`src/fix/temporary.rs`).
//! * Fixing is idempotent: the replacements are the forms the checks ask
//!   for, so a second run finds nothing more to fix.

mod temporary;
mod write;

use std::path::PathBuf;

pub use temporary::abandon_writes;
pub use write::write_atomically;

use crate::check::{CheckId, Finding, Fix};
use crate::document::{Format, ReplacementWriter};
use crate::i18n::Message;

/// Which findings `--fix` applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FixOptions {
    /// Also apply `unlisted` findings (off by default: they are guesses).
    pub unlisted: bool,
}

/// The edits chosen for one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FixPlan {
    /// Non-overlapping edits, in order of position.
    pub edits: Vec<Fix>,
    /// Edits left out because they overlap an earlier one.
    pub skipped: Vec<Fix>,
}

impl FixPlan {
    /// Whether `fix` is one of the edits (a binary search: the edits are in
    /// order and disjoint), so that marking the fixed findings of a file
    /// stays n log n in its findings.
    pub fn contains(&self, fix: &Fix) -> bool {
        self.edits
            .binary_search_by(|edit| {
                (edit.range.start, edit.range.end, &edit.replacement).cmp(&(
                    fix.range.start,
                    fix.range.end,
                    &fix.replacement,
                ))
            })
            .is_ok()
    }
}

/// A fix that could not be written.
#[derive(Clone, Debug, PartialEq)]
pub enum FixError {
    /// The file changed on disk since termlint read it.
    ChangedOnDisk,
    /// Reading, writing or renaming failed; the file is unchanged.
    Io(Message),
    /// Rewriting the file in place failed, and so did writing its old text
    /// back: the file may be damaged, and `copy` holds the whole fixed text.
    Damaged {
        /// Why the rewrite failed.
        reason: Message,
        /// The temporary copy that was kept.
        copy: PathBuf,
    },
}

impl FixError {
    /// The message to show for `path`.
    pub fn message(&self, path: &str) -> Message {
        match self {
            FixError::ChangedOnDisk => Message::new("fix-changed-on-disk").text("path", path),
            FixError::Io(reason) => Message::new("fix-write-failed")
                .text("path", path)
                .message("reason", reason.clone()),
            FixError::Damaged { reason, copy } => Message::new("fix-damaged")
                .text("path", path)
                .message("reason", reason.clone())
                .text("copy", copy.display().to_string()),
        }
    }
}

/// Whether `--fix` applies a finding of this check.
pub fn is_fixable(check: CheckId, options: FixOptions) -> bool {
    match check {
        CheckId::Deprecated
        | CheckId::Inconsistent
        | CheckId::Case
        | CheckId::Admitted
        | CheckId::OtherLanguage
        | CheckId::Orthography => true,
        CheckId::Unlisted => options.unlisted,
        CheckId::MissingTerm
        | CheckId::UntranslatedTerm
        | CheckId::UnusedSuppression
        | CheckId::InconsistentTarget
        | CheckId::InconsistentSource => false,
    }
}

/// Chooses the edits of one file's findings.
pub fn plan(findings: &[Finding], options: FixOptions) -> FixPlan {
    let mut candidates: Vec<&Fix> = findings
        .iter()
        .filter(|f| is_fixable(f.check, options))
        .filter_map(|f| f.fix.as_ref())
        .collect();
    candidates.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.replacement).cmp(&(b.range.start, b.range.end, &b.replacement))
    });
    candidates.dedup();
    let mut plan = FixPlan::default();
    for fix in candidates {
        let overlaps = plan
            .edits
            .last()
            .is_some_and(|last| fix.range.start < last.range.end);
        if overlaps {
            plan.skipped.push(fix.clone());
        } else {
            plan.edits.push(fix.clone());
        }
    }
    plan
}

/// Writes the fixes of `findings`, found in `text`, as its format needs
/// them (see [`ReplacementWriter`]): escaped, quoted, or over a larger
/// range. A fix that the format cannot hold where it goes is withheld: the
/// finding is still reported, without a fix.
pub fn write_for_format(findings: &mut [Finding], text: &str, format: Format) {
    let writer = ReplacementWriter::new(format, text);
    for finding in findings {
        finding.fix = finding.fix.take().and_then(|fix| {
            let edit = writer.write(fix.range, &fix.replacement)?;
            Some(Fix {
                range: edit.range,
                replacement: edit.text,
            })
        });
    }
}

/// `text` with the edits made (edits must be sorted and disjoint).
pub fn apply(text: &str, edits: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for edit in edits {
        out.push_str(&text[copied..edit.range.start]);
        out.push_str(&edit.replacement);
        copied = edit.range.end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The unified diff between the old and new text of `path`. Myers' diff
/// takes time in lines × changes, quadratic when most lines of a large
/// file change: past half a second it gives a coarser diff (larger
/// hunks), still exact, rather than running on.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let deadline = std::time::Instant::now() + DIFF_DEADLINE;
    similar::TextDiff::configure()
        .deadline(deadline)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// How long one file's diff may search for the smallest diff.
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_millis(500);

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(range: std::ops::Range<usize>, replacement: &str) -> Fix {
        Fix {
            range,
            replacement: replacement.to_string(),
        }
    }

    #[test]
    fn applies_edits_and_keeps_everything_else() {
        let text = "\u{FEFF}In Kirman,\r\nand KIRMAN.\r\n";
        let edits = [fix(6..12, "Kerman"), fix(19..25, "KERMAN")];
        assert_eq!(apply(text, &edits), "\u{FEFF}In Kerman,\r\nand KERMAN.\r\n");
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let finding = |range: std::ops::Range<usize>, replacement: &str| Finding {
            segment: None,
            check: CheckId::Deprecated,
            severity: crate::check::Severity::Error,
            range: range.clone(),
            start: crate::text::Position { line: 1, column: 1 },
            end: crate::text::Position { line: 1, column: 1 },
            concept: "c".into(),
            found: String::new(),
            suggestion: None,
            detail: crate::check::Detail::Deprecated {
                language: "en".into(),
            },
            fix: Some(fix(range, replacement)),
        };
        let plan = plan(
            &[finding(5..9, "b"), finding(0..6, "a"), finding(0..6, "a")],
            FixOptions::default(),
        );
        assert_eq!(plan.edits, [fix(0..6, "a")]);
        assert_eq!(plan.skipped, [fix(5..9, "b")]);
    }
}
