//! The exit status and what fails a run (issue 18, item 3): `--fail-on`
//! and `fail_on` in `termlint.toml`, the flag over the file; files that
//! cannot be checked keep status 2; the pre-commit hooks and the snippet
//! of `termlint init` fail on warnings.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::*;

/// A name spelled two ways: one `inconsistent` finding, a warning by default.
const MIXED: &str = "Khorasan and Khurasan were named.\n";

/// `termlint check` (human output) with only the test glossary, in `dir`,
/// whose `termlint.toml` is read when there is one.
fn check(dir: &Path, args: &[&str]) -> Output {
    termlint(dir)
        .args(["check", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .args(args)
        .output()
        .unwrap()
}

fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_warning_fails_the_run_only_with_fail_on_warning_or_info() {
    let dir = folder_with(&[("a.md", MIXED)]);
    let default = check(dir.path(), &["a.md"]);
    assert_eq!(code(&default), 0, "a warning alone: {}", stderr(&default));
    assert!(String::from_utf8_lossy(&default.stdout).contains("warning[inconsistent]"));
    let error = check(dir.path(), &["--fail-on", "error", "a.md"]);
    assert_eq!(code(&error), 0, "{}", stderr(&error));
    for level in ["warning", "info"] {
        let output = check(dir.path(), &["--fail-on", level, "a.md"]);
        assert_eq!(code(&output), 1, "--fail-on {level}: {}", stderr(&output));
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("warning[inconsistent]"),
            "the finding is shown"
        );
    }
}

#[test]
fn an_info_fails_only_with_fail_on_info_and_an_error_always() {
    let dir = folder_with(&[
        ("termlint.toml", "[checks]\ninconsistent = \"info\"\n"),
        ("a.md", MIXED),
        ("b.md", "In Kirman.\n"),
    ]);
    assert_eq!(code(&check(dir.path(), &["--fail-on", "warning", "a.md"])), 0);
    assert_eq!(code(&check(dir.path(), &["--fail-on", "info", "a.md"])), 1);
    for level in ["error", "warning", "info"] {
        let output = check(dir.path(), &["--fail-on", level, "b.md"]);
        assert_eq!(code(&output), 1, "a deprecated spelling, --fail-on {level}");
    }
    assert_eq!(code(&check(dir.path(), &["b.md"])), 1);
}

#[test]
fn fail_on_in_the_configuration_and_the_flag_over_it() {
    for key in ["fail_on", "fail-on"] {
        let config = format!("{key} = \"warning\"\n");
        let dir = folder_with(&[("termlint.toml", &config), ("a.md", MIXED)]);
        let output = check(dir.path(), &["a.md"]);
        assert_eq!(code(&output), 1, "{key}: {}", stderr(&output));
        let output = check(dir.path(), &["--fail-on", "error", "a.md"]);
        assert_eq!(code(&output), 0, "the flag wins over {key}: {}", stderr(&output));
        let output = check(dir.path(), &["--no-config", "a.md"]);
        assert_eq!(code(&output), 0, "without the file, errors only");
    }
}

#[test]
fn a_file_that_cannot_be_checked_keeps_status_2() {
    let dir = folder_with(&[("a.md", MIXED)]);
    for args in [
        &["--fail-on", "warning", "a.md", "missing.md"][..],
        &["--fail-on", "info", "missing.md"][..],
    ] {
        let output = check(dir.path(), args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn a_wrong_fail_on_is_refused_with_status_2() {
    let dir = folder_with(&[
        ("termlint.toml", "language = \"en\"\nfail_on = \"off\"\n"),
        ("a.md", MIXED),
    ]);
    let output = check(dir.path(), &["a.md"]);
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(
        message.starts_with("error: ")
            && message.ends_with(
                "termlint.toml:2:11: unknown fail_on severity “off” (use error, warning or info)\n"
            ),
        "{message}"
    );
    let output = check(dir.path(), &["--no-config", "--fail-on", "loud", "a.md"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("invalid value 'loud' for '--fail-on <SEVERITY>'"),
        "{}",
        stderr(&output)
    );
}

/// The arguments after `termlint` of the first `entry: termlint …` line of
/// `text` (a pre-commit hook definition).
fn entry_args(text: &str) -> Vec<String> {
    let line = text
        .lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix("entry: termlint "))
        .unwrap_or_else(|| panic!("no termlint entry in {text}"));
    line.split_whitespace().map(str::to_string).collect()
}

/// Runs a hook's entry as pre-commit does, on `a.md` holding a mixed
/// spelling, and asserts it fails with the finding shown (or, with
/// `--fix`, that it fixes it).
fn assert_entry_fails_on_a_warning(args: &[String]) {
    let dir = folder_with(&[("a.md", MIXED)]);
    let output = termlint(dir.path())
        .args(args)
        .args(["--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .arg("a.md")
        .output()
        .unwrap();
    if args.iter().any(|arg| arg == "--fix") {
        // Nothing is left to report; pre-commit fails the hook because it
        // changed the file.
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
        assert_eq!(
            fs::read_to_string(dir.path().join("a.md")).unwrap(),
            "Khorasan and Khorasan were named.\n"
        );
    } else {
        assert_eq!(code(&output), 1, "{args:?}: {}", stderr(&output));
        assert!(
            String::from_utf8_lossy(&output.stdout)
                .contains("warning[inconsistent]: “Khurasan” mixes spellings"),
            "{args:?}: the finding is shown"
        );
    }
}

#[test]
fn the_pre_commit_hooks_fail_on_a_mixed_spelling() {
    let hooks =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml")).unwrap();
    let entries: Vec<&str> = hooks.split("\n- id: ").skip(1).collect();
    // termlint and termlint-fix, from the wheel and built from source.
    assert_eq!(entries.len(), 4, "{hooks}");
    for entry in entries {
        let args = entry_args(entry);
        assert!(args.windows(2).any(|w| w == ["--fail-on", "warning"]), "{args:?}");
        assert_entry_fails_on_a_warning(&args);
    }
}

#[test]
fn the_snippet_of_init_fails_on_a_mixed_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let output = termlint(dir.path()).arg("init").output().unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let args = entry_args(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(args, ["check", "--fail-on", "warning"]);
    assert_entry_fails_on_a_warning(&args);
}
