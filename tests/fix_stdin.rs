//! `termlint check --fix -` is a filter (issue 14): standard input is always
//! echoed to standard output, fixed or not — clean, with no fixable finding,
//! or with findings left — the report and the errors go to standard error,
//! and the exit status counts every finding left and every error, of
//! standard input and of the other files of the run.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use common::*;

/// Runs `check --fix` with the test glossary on `args` in `cwd`, with
/// `input` on standard input.
fn fix_stdin(cwd: &Path, args: &[&str], input: &str) -> Output {
    let mut child = termlint(cwd)
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .arg("--fix")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("termlint starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    child.wait_with_output().expect("termlint ends")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn clean_standard_input_is_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let input = "Nothing to fix here.\r\nNor here.";
    let output = fix_stdin(dir.path(), &["-"], input);
    assert_eq!(stdout(&output), input, "{}", stderr(&output));
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

#[test]
fn standard_input_without_a_fixable_finding_is_echoed_and_its_finding_reported() {
    // `unlisted` is a guess: --fix leaves it (a warning) without
    // --fix-unlisted, and the text goes through unchanged.
    let dir = tempfile::tempdir().unwrap();
    let input = "Abou Houdheifa al-Ansari spoke.\n";
    let output = fix_stdin(dir.path(), &["-"], input);
    let stderr = stderr(&output);
    assert_eq!(stdout(&output), input, "{stderr}");
    assert!(
        stderr.contains("warning[unlisted]: “Abou Houdheifa al-Ansari”"),
        "{stderr}"
    );
    assert!(stderr.contains(" --> <stdin>:1:1\n"), "{stderr}");
    assert_eq!(code(&output), 0, "a warning alone: {stderr}");
}

#[test]
fn an_error_left_in_standard_input_sets_the_exit_status() {
    // A name across inline markup is reported without a fix.
    let dir = tempfile::tempdir().unwrap();
    let input = "In Kirman. Ghasem **Soleimani** spoke.\n";
    let output = fix_stdin(dir.path(), &["--format-in", "markdown", "-"], input);
    let stderr = stderr(&output);
    assert_eq!(
        stdout(&output),
        "In Kerman. Ghasem **Soleimani** spoke.\n",
        "{stderr}"
    );
    assert!(stderr.contains("fixed 1 finding in 1 file\n"), "{stderr}");
    assert!(
        stderr
            .contains("error[deprecated]: “Ghasem **Soleimani” is a deprecated spelling of Qassem Soleimani"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("“Kirman”"),
        "the fixed finding is gone: {stderr}"
    );
    assert_eq!(code(&output), 1, "{stderr}");
}

#[test]
fn the_other_files_errors_are_reported_beside_fixed_standard_input() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let unwritable = dir.path().join("unwritable.md");
    std::fs::write(&unwritable, "In Kirman.\n").unwrap();
    std::fs::set_permissions(&unwritable, std::fs::Permissions::from_mode(0o444)).unwrap();
    let output = fix_stdin(
        dir.path(),
        &["-", "missing.md", "unwritable.md"],
        "From Kirman.\n",
    );
    let stderr = stderr(&output);
    assert_eq!(stdout(&output), "From Kerman.\n", "{stderr}");
    assert!(
        stderr.contains("error: missing.md: no such file or folder\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: unwritable.md: the fix could not be written (permission denied); the file is unchanged\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(" --> unwritable.md:1:4\n"),
        "its finding stays: {stderr}"
    );
    assert_eq!(code(&output), 2, "{stderr}");
    assert_eq!(std::fs::read_to_string(&unwritable).unwrap(), "In Kirman.\n");
}

#[test]
fn a_machine_report_goes_to_standard_error_when_standard_input_is_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let input = "In Kirman. Ghasem **Soleimani** spoke.\n";
    let output = fix_stdin(
        dir.path(),
        &["--format", "json", "--format-in", "markdown", "-"],
        input,
    );
    let stderr = stderr(&output);
    assert_eq!(
        stdout(&output),
        "In Kerman. Ghasem **Soleimani** spoke.\n",
        "{stderr}"
    );
    let start = stderr
        .find("\n{")
        .unwrap_or_else(|| panic!("a JSON report on standard error: {stderr}"));
    let report: serde_json::Value = serde_json::Deserializer::from_str(&stderr[start..])
        .into_iter()
        .next()
        .expect("a JSON value")
        .expect("valid JSON");
    let found: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| finding["found"].as_str().unwrap())
        .collect();
    assert_eq!(found, ["Ghasem **Soleimani"]);
    assert_eq!(code(&output), 1, "{stderr}");
}
