//! `termlint check --fix` and `--diff`: plan each file's edits, print the
//! diff, write atomically, and leave in the report only what was not fixed.
//! Standard input's fixed text is handed back to be echoed (see
//! [`FixOutcome`]).

use std::io::Write;

use termlint::fix::{apply, is_fixable, plan, unified_diff, write_atomically, FixOptions};
use termlint::i18n::{Localizer, Message};
use termlint::lint::{Input, Report};

use super::write_stdout;

/// What `--fix`/`--diff` asked for.
#[derive(Clone, Copy, Debug, Default)]
pub struct FixRequest {
    /// Write the fixes.
    pub write: bool,
    /// Print the unified diff of the fixes.
    pub diff: bool,
    /// Which findings to fix.
    pub options: FixOptions,
}

/// What applying the fixes gave besides the files written.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// The problems met, as messages (exit status 2).
    pub problems: Vec<Message>,
    /// Standard input's text with its fixes made, when it had fixes to
    /// write; the caller echoes it (or, without fixes, the text as read).
    pub fixed_stdin: Option<String>,
}

/// Applies the fixes of every file of `report`; fixed findings are removed
/// from the report.
pub fn apply_fixes(report: &mut Report, request: FixRequest, localizer: &Localizer) -> FixOutcome {
    let mut problems = Vec::new();
    let mut fixed_stdin = None;
    let mut notes = Vec::new();
    let mut fixed = 0;
    let mut files = 0;
    let mut diffs = String::new();
    for file in &mut report.files {
        let plan = plan(&file.findings, request.options);
        if plan.edits.is_empty() {
            continue;
        }
        let name = file.input.to_string();
        for skipped in &plan.skipped {
            notes.push(
                Message::new("fix-skipped-overlap")
                    .text("path", &name)
                    .number("start", skipped.range.start)
                    .number("end", skipped.range.end),
            );
        }
        let new_text = apply(&file.text, &plan.edits);
        if request.diff {
            diffs.push_str(&unified_diff(diff_path(&name), &file.text, &new_text));
        }
        if !request.write {
            continue;
        }
        let written = match &file.input {
            // Standard input is echoed by the caller, fixed or not, as ruff
            // does: only then is it known whether it had fixes.
            Input::Stdin => {
                fixed_stdin = Some(new_text);
                Ok(())
            }
            Input::Path(path) => write_atomically(path, &file.text, &new_text)
                .map_err(|error| problems.push(error.message(&name))),
        };
        if written.is_ok() {
            let before = file.findings.len();
            file.findings.retain(|finding| {
                !(is_fixable(finding.check, request.options)
                    && finding.fix.as_ref().is_some_and(|fix| plan.contains(fix)))
            });
            fixed += before - file.findings.len();
            files += 1;
        }
    }
    report.files.retain(|file| !file.findings.is_empty());
    if !diffs.is_empty() {
        let _ = write_stdout(&diffs);
    }
    let mut stderr = anstream::stderr();
    for note in &notes {
        let _ = writeln!(stderr, "{}", localizer.render(note));
    }
    if request.write {
        let summary = Message::new("fix-summary")
            .number("fixed", fixed)
            .number("files", files);
        let _ = writeln!(stderr, "{}", localizer.render(&summary));
    }
    FixOutcome {
        problems,
        fixed_stdin,
    }
}

/// The path a diff names: without the leading `./` that walking the current
/// folder gives (`./docs/a.md`), which `git apply` refuses.
fn diff_path(name: &str) -> &str {
    let mut path = name;
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.trim_start_matches('/');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::diff_path;

    #[test]
    fn a_diff_names_paths_without_a_leading_dot() {
        assert_eq!(diff_path("./docs/a.md"), "docs/a.md");
        assert_eq!(diff_path(".//./a.md"), "a.md");
        assert_eq!(diff_path("docs/a.md"), "docs/a.md");
        assert_eq!(diff_path("../a.md"), "../a.md");
        assert_eq!(diff_path(".hidden.md"), ".hidden.md");
    }
}
