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
//!   original's permissions and then replaces the original by renaming: the
//!   file is at any moment either the old or the new version, never a
//!   truncated one. A file whose bytes changed since it was read, or that
//!   is read-only, is not written; when any step fails, the temporary file
//!   is removed and the original is left as it was.
//! * Fixing is idempotent: the replacements are the forms the checks ask
//!   for, so a second run finds nothing more to fix.

use std::io::Write;
use std::path::Path;

use crate::check::{CheckId, Finding, Fix};
use crate::document::{Format, ReplacementWriter};
use crate::i18n::{io_reason, Message};

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
    /// Reading, writing or renaming failed.
    Io(Message),
}

impl FixError {
    /// The message to show for `path`.
    pub fn message(&self, path: &str) -> Message {
        match self {
            FixError::ChangedOnDisk => Message::new("fix-changed-on-disk").text("path", path),
            FixError::Io(reason) => Message::new("fix-write-failed")
                .text("path", path)
                .message("reason", reason.clone()),
        }
    }
}

/// Whether `--fix` applies a finding of this check.
pub fn is_fixable(check: CheckId, options: FixOptions) -> bool {
    match check {
        CheckId::Deprecated | CheckId::Inconsistent | CheckId::Case => true,
        CheckId::Unlisted => options.unlisted,
        CheckId::MissingTerm | CheckId::UntranslatedTerm | CheckId::UnusedSuppression => false,
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
/// file change: past [`DIFF_DEADLINE`] it gives a coarser diff (larger
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

/// Writes `new` to `path` atomically, if the file still holds `old`. A
/// read-only file is not written (permission denied), even where the folder
/// would let termlint replace it.
pub fn write_atomically(path: &Path, old: &str, new: &str) -> Result<(), FixError> {
    write_atomically_with(path, old, new, |file, bytes| file.write_all(bytes))
}

/// [`write_atomically`] with the writing of the temporary file's bytes left
/// to `write`: a seam for the tests that inject write errors. Whatever
/// `write` does, the original is replaced only after it succeeded.
fn write_atomically_with(
    path: &Path,
    old: &str,
    new: &str,
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), FixError> {
    let io = |err: std::io::Error| FixError::Io(io_reason(&err));
    let current = std::fs::read(path).map_err(io)?;
    if current != old.as_bytes() {
        return Err(FixError::ChangedOnDisk);
    }
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    if permissions.readonly() {
        return Err(io(std::io::ErrorKind::PermissionDenied.into()));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".termlint-fix-")
        .tempfile_in(folder)
        .map_err(io)?;
    write(temporary.as_file_mut(), new.as_bytes()).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    std::fs::set_permissions(temporary.path(), permissions).map_err(io)?;
    temporary.persist(path).map_err(|err| io(err.error))?;
    Ok(())
}

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

    #[test]
    fn writes_atomically_and_refuses_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "Kirman").unwrap();
        write_atomically(&path, "Kirman", "Kerman").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Kerman");
        assert_eq!(
            write_atomically(&path, "Kirman", "Kerman"),
            Err(FixError::ChangedOnDisk)
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn a_failing_writer_keeps_the_original() {
        const ORIGINAL: &str = "\u{feff}Line one.\r\nIn Kirman, again Kirman.\r\n";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, ORIGINAL).unwrap();
        let fixed = ORIGINAL.replace("Kirman", "Kerman");
        // Half the bytes written, then the disk fails.
        let result = write_atomically_with(&path, ORIGINAL, &fixed, |file, bytes| {
            std::io::Write::write_all(file, &bytes[..bytes.len() / 2])?;
            Err(std::io::Error::other("injected: no space left on device"))
        });
        let Err(FixError::Io(_)) = result else {
            panic!("the injected error is reported: {result:?}");
        };
        assert_eq!(std::fs::read_to_string(&path).unwrap(), ORIGINAL);
        let listing = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(listing, 1, "the temporary file is removed");
        // The same write without the fault succeeds, BOM and CRLF kept.
        write_atomically(&path, ORIGINAL, &fixed).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    }
}
