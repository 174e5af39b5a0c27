//! Surprises of the command line, each fixed (issue 18, item 6): flags that
//! did nothing or fought each other, `--diff` mixing the patch with the
//! findings, `glossary suggest` without paths, `init` replacing a built-in
//! concept, and a position given to a file that has none.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::*;

/// `termlint check` with only the test glossary, in `dir`.
fn check(dir: &Path, args: &[&str]) -> Output {
    termlint(dir)
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn fix_unlisted_without_fix_or_diff_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Qasim Sulaimani spoke.\n").unwrap();
    let output = check(dir.path(), &["--fix-unlisted", "a.txt"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        text(&output.stderr),
        "error: --fix-unlisted works only with --fix or --diff\n"
    );
    assert_eq!(text(&output.stdout), "", "nothing is checked");
    let russian = check(dir.path(), &["--ui-lang", "ru", "--fix-unlisted", "a.txt"]);
    assert_eq!(
        text(&russian.stderr),
        "ошибка: --fix-unlisted действует только вместе с --fix или --diff\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Qasim Sulaimani spoke.\n"
    );
}

#[test]
fn fix_and_diff_together_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "In Kirman.\n").unwrap();
    let output = check(dir.path(), &["--fix", "--diff", "a.md"]);
    assert_eq!(code(&output), 2);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("the argument '--fix' cannot be used with '--diff'"),
        "{stderr}"
    );
    assert_eq!(text(&output.stdout), "");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "In Kirman.\n"
    );
}

/// A git repository with two files to fix, one in a subfolder.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let git = Command::new("git")
        .args(["init", "--quiet", "."])
        .current_dir(dir.path())
        .status()
        .expect("git runs");
    assert!(git.success());
    fs::create_dir(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join("docs/a.md"), "one\nIn Kirman.\nthree\n").unwrap();
    fs::write(dir.path().join("b.md"), "Khorasan and Khurasan.\n").unwrap();
    dir
}

/// Feeds `patch` to `git apply` in `dir`.
fn git_apply(dir: &Path, patch: &[u8]) -> Output {
    let mut child = Command::new("git")
        .arg("apply")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("git runs");
    child.stdin.take().unwrap().write_all(patch).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn diff_writes_only_the_patch_to_standard_output_and_git_applies_it() {
    let dir = repository();
    // No path: the current folder is walked, and its files named `./…`.
    let output = check(dir.path(), &["--diff"]);
    assert_eq!(code(&output), 1, "the findings still stand");
    let patch = text(&output.stdout);
    assert_eq!(
        patch,
        concat!(
            "--- a/b.md\n+++ b/b.md\n@@ -1 +1 @@\n-Khorasan and Khurasan.\n+Khorasan and Khorasan.\n",
            "--- a/docs/a.md\n+++ b/docs/a.md\n@@ -1,3 +1,3 @@\n one\n-In Kirman.\n+In Kerman.\n three\n",
        )
    );
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("error[deprecated]: “Kirman”") && stderr.contains("warning[inconsistent]"),
        "the findings go to standard error: {stderr}"
    );
    let applied = git_apply(dir.path(), &output.stdout);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert_eq!(
        fs::read_to_string(dir.path().join("docs/a.md")).unwrap(),
        "one\nIn Kerman.\nthree\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("b.md")).unwrap(),
        "Khorasan and Khorasan.\n"
    );
    assert_eq!(code(&check(dir.path(), &[])), 0, "nothing left to fix");
}

#[test]
fn diff_quiet_prints_the_patch_alone_and_machine_reports_go_to_standard_error() {
    let dir = repository();
    let quiet = check(dir.path(), &["--diff", "-q", "docs/a.md"]);
    assert_eq!(code(&quiet), 1);
    assert!(text(&quiet.stdout).starts_with("--- a/docs/a.md\n"));
    assert_eq!(text(&quiet.stderr), "", "no findings with --quiet");
    let json = check(dir.path(), &["--diff", "--format", "json", "docs/a.md"]);
    assert!(text(&json.stdout).starts_with("--- a/docs/a.md\n"));
    let report: serde_json::Value = serde_json::from_slice(&json.stderr).expect("JSON on standard error");
    assert_eq!(summarize(&report), ["deprecated 2:4-2:10 «Kirman» -> Kerman"]);
}

#[test]
fn glossary_suggest_reads_the_current_folder_without_paths() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.md"),
        "Farhod Rakhimov was named. Later Farhod Rakhimov appeared again.\n",
    )
    .unwrap();
    fs::write(dir.path().join("b.txt"), "Reports name Farkhod Rahimov too.\n").unwrap();
    let suggest = |paths: &[&str]| {
        termlint(dir.path())
            .args(["glossary", "suggest", "--no-config"])
            .args(paths)
            .output()
            .unwrap()
    };
    let output = suggest(&[]);
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("# Farhod Rakhimov ×2, Farkhod Rahimov ×1\n"),
        "{stdout}"
    );
    assert_eq!(stdout, text(&suggest(&["."]).stdout), "as with `.`");
}

/// The concept ids `glossary list` prints (one per line, before the count).
fn listed_ids(output: &Output) -> Vec<String> {
    assert_eq!(code(output), 0, "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    lines[..lines.len() - 1]
        .iter()
        .map(|line| line.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn init_starter_glossary_uses_no_builtin_id() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(&termlint(dir.path()).arg("init").output().unwrap()), 0);
    let builtin = listed_ids(
        &termlint(dir.path())
            .args(["glossary", "list", "--no-config"])
            .output()
            .unwrap(),
    );
    assert!(builtin.iter().any(|id| id == "kerman"), "{builtin:?}");
    let starter = listed_ids(
        &termlint(dir.path())
            .args([
                "glossary",
                "list",
                "--no-config",
                "--no-default-glossary",
                "--glossary",
                "glossary/terms.toml",
            ])
            .output()
            .unwrap(),
    );
    assert!(!starter.is_empty());
    for id in &starter {
        assert!(
            !builtin.contains(id),
            "the starter glossary replaces the built-in {id}"
        );
    }
    // The starter glossary, with the built-in one, loads and works.
    fs::write(dir.path().join("a.md"), "The Exampel Foundation met in Kirman.\n").unwrap();
    let (_, json) = run_json_in(dir.path(), &["a.md"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 1:5-1:23 «Exampel Foundation» -> Example Foundation",
            "deprecated 1:31-1:37 «Kirman» -> Kerman",
        ]
    );
}

/// `termlint check --format json` in `dir`, with its `termlint.toml`.
fn run_json_in(dir: &Path, args: &[&str]) -> (Output, serde_json::Value) {
    let output = termlint(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json = parse_json(&output);
    (output, json)
}

#[test]
fn after_init_the_builtin_persian_forms_are_still_known() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(&termlint(dir.path()).arg("init").output().unwrap()), 0);
    // A Persian translation: the first target has the built-in Kerman's
    // Persian form, the second lacks it.
    fs::write(
        dir.path().join("brief.fa.po"),
        concat!(
            "msgid \"\"\nmsgstr \"\"\n\"Language: fa\\n\"\n\n",
            "msgid \"The blast in Kerman.\"\nmsgstr \"انفجار در کرمان.\"\n\n",
            "msgid \"A court in Kerman ruled.\"\nmsgstr \"دادگاهی حکم داد.\"\n",
        ),
    )
    .unwrap();
    let (output, json) = run_json_in(dir.path(), &["brief.fa.po"]);
    assert_eq!(
        summarize(&json),
        ["missing-term 9:9-9:25 «دادگاهی حکم داد.» -> کرمان"],
        "{}",
        text(&output.stderr)
    );
    let show = termlint(dir.path())
        .args(["glossary", "show", "كرمان"])
        .output()
        .unwrap();
    assert_eq!(code(&show), 0, "{}", text(&show.stderr));
    let stdout = text(&show.stdout);
    assert!(
        stdout.starts_with("Concept kerman: Kerman\n")
            && stdout.contains("كرمان")
            && stdout.contains("کرمان"),
        "{stdout}"
    );
}

#[test]
fn a_glossary_that_cannot_be_read_is_named_without_a_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "text\n").unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    let run = |glossary: &str| {
        termlint(dir.path())
            .args(["check", "--no-config", "--glossary", glossary, "a.md"])
            .output()
            .unwrap()
    };
    let missing = run("nope.toml");
    assert_eq!(code(&missing), 2);
    assert_eq!(
        text(&missing.stderr),
        "error: nope.toml: cannot read glossary: no such file or folder\n"
    );
    let empty = run("empty");
    assert_eq!(code(&empty), 2);
    assert_eq!(
        text(&empty.stderr),
        "error: empty: the glossary folder holds no glossary file (.toml, .tbx, .csv, .tsv, .xlsx or .ods)\n"
    );
    // A file read has positions: the first line of a bad one.
    fs::write(dir.path().join("bad.toml"), "[[concept]]\nid = 3\n").unwrap();
    let bad = run("bad.toml");
    assert_eq!(code(&bad), 2);
    assert!(
        text(&bad.stderr).starts_with("error: bad.toml:2:6: "),
        "{}",
        text(&bad.stderr)
    );
}
