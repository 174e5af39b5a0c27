//! Project-wide consistency over a corpus split between tasks: each task
//! counts its files' uses of forms (`check --format usage`), `merge` sums
//! them, and each task checks its files against the sum (`check
//! --project-usage`). The findings are those of one run over the whole
//! corpus with `--consistency project`, whatever the split.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{code, termlint};

/// A small project with the shipped glossary's names: mixed spellings
/// across files, a deprecated spelling (counted as the form its fix
/// writes), an acronym beside a full name, a surname alone after the full
/// name, a gloss, and a file that uses only one form.
const FILES: &[(&str, &str)] = &[
    (
        "a/brief.md",
        "# Brief\n\nKhurasan province saw raids. Qassem Soleimani was named; Suleimani led.\n",
    ),
    (
        "a/notes.md",
        "Notes on Khorasan and the ISKP (Islamic State – Khorasan Province).\n",
    ),
    (
        "b/report.md",
        "The attack in Kirman. Later, Khurasan again, and Khurasan.\n",
    ),
    ("b/quiet.md", "Nothing of note here.\n"),
    (
        "c/one.md",
        "Xuroson Ovozi (Voice of Khurasan) is an outlet. Khorasan.\n",
    ),
];

fn write_project(dir: &Path) {
    for (path, text) in FILES {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

/// `termlint check ARGS --files-from -` with the list of `paths` on
/// standard input.
fn run(dir: &Path, args: &[&str], paths: &[&str]) -> Output {
    let mut command = termlint(dir);
    command
        .args(["check", "--no-config"])
        .args(args)
        .args(["--files-from", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    use std::io::Write;
    let list: String = paths.iter().map(|p| format!("{p}\n")).collect();
    child.stdin.take().unwrap().write_all(list.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// The finding lines of a JSON Lines report, sorted.
fn finding_lines(output: &Output) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .filter(|line| line.starts_with("{\"type\":\"finding\""))
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

/// Checks the project split into `tasks`, the three steps, and returns
/// the findings.
fn split_run(dir: &Path, tasks: &[&[&str]]) -> Vec<String> {
    let mut usage_files = Vec::new();
    for (index, paths) in tasks.iter().enumerate() {
        let counted = run(dir, &["--format", "usage"], paths);
        assert_eq!(code(&counted), 0, "{}", String::from_utf8_lossy(&counted.stderr));
        let name = format!("usage-{index}.jsonl");
        fs::write(dir.join(&name), &counted.stdout).unwrap();
        usage_files.push(name);
    }
    let merged = termlint(dir).arg("merge").args(&usage_files).output().unwrap();
    assert_eq!(code(&merged), 0, "{}", String::from_utf8_lossy(&merged.stderr));
    fs::write(dir.join("project.jsonl"), &merged.stdout).unwrap();
    let mut findings = Vec::new();
    for paths in tasks {
        let checked = run(
            dir,
            &["--format", "jsonl", "--project-usage", "project.jsonl"],
            paths,
        );
        findings.extend(finding_lines(&checked));
    }
    findings.sort();
    findings
}

const ALL: &[&str] = &[
    "a/brief.md",
    "a/notes.md",
    "b/quiet.md",
    "b/report.md",
    "c/one.md",
];

#[test]
fn a_split_project_is_judged_as_one_run_judges_it() {
    let dir = tempfile::tempdir().unwrap();
    write_project(dir.path());
    let whole = run(
        dir.path(),
        &["--format", "jsonl", "--consistency", "project"],
        ALL,
    );
    let expected = finding_lines(&whole);
    let checks: Vec<&str> = expected
        .iter()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .map(|v| match v["check"].as_str().unwrap() {
            "inconsistent" => "inconsistent",
            "deprecated" => "deprecated",
            _ => "other",
        })
        .collect();
    // The project chose `Khorasan` (preferred), so each of the three
    // `Khurasan` outside the gloss is inconsistent, in whichever file it
    // is; and `Suleimani` alone after `Qassem Soleimani`.
    assert_eq!(
        checks.iter().filter(|c| **c == "inconsistent").count(),
        4,
        "{expected:#?}"
    );
    assert!(checks.contains(&"deprecated"), "{expected:#?}");
    for tasks in [
        &[ALL][..],
        &[&ALL[..2], &ALL[2..]][..],
        &[&ALL[4..], &ALL[..1], &ALL[1..4]][..],
        &[
            &["c/one.md"][..],
            &["b/report.md"],
            &["b/quiet.md"],
            &["a/notes.md"],
            &["a/brief.md"],
        ][..],
    ] {
        assert_eq!(split_run(dir.path(), tasks), expected, "split {tasks:?}");
    }
}

#[test]
fn merging_is_associative_and_order_free() {
    let dir = tempfile::tempdir().unwrap();
    write_project(dir.path());
    for (index, paths) in [&ALL[..2], &ALL[2..4], &ALL[4..]].iter().enumerate() {
        let counted = run(dir.path(), &["--format", "usage"], paths);
        fs::write(dir.path().join(format!("u{index}")), &counted.stdout).unwrap();
    }
    let merge = |files: &[&str]| {
        termlint(dir.path())
            .arg("merge")
            .args(files)
            .output()
            .unwrap()
            .stdout
    };
    let flat = merge(&["u0", "u1", "u2"]);
    fs::write(dir.path().join("u01"), merge(&["u1", "u0"])).unwrap();
    assert_eq!(merge(&["u2", "u01"]), flat);
    let whole = run(dir.path(), &["--format", "usage"], ALL);
    assert_eq!(
        whole.stdout, flat,
        "one count of all files is the sum of the parts'"
    );
    let text = String::from_utf8(flat).unwrap();
    assert!(
        text.contains(r#""concept":"khorasan","language":"en","kind":"full","form":"Khurasan","status":"admitted","count":3,"first":{"path":"a/brief.md","offset":9,"line":3,"column":1}"#),
        "{text}"
    );
}

#[test]
fn usage_files_that_are_not_usage_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.jsonl"), "{\"concept\":\"x\"}\n").unwrap();
    let merged = termlint(dir.path())
        .args(["merge", "bad.jsonl"])
        .output()
        .unwrap();
    assert_eq!(code(&merged), 2);
    let stderr = String::from_utf8_lossy(&merged.stderr);
    assert!(
        stderr.contains("bad.jsonl, line 1: not a line of form usage"),
        "{stderr}"
    );
    let missing = termlint(dir.path())
        .args(["check", "--no-config", "--project-usage", "none.jsonl", "x.md"])
        .output()
        .unwrap();
    assert_eq!(code(&missing), 2);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read the usage file none.jsonl"));
    let fixing = termlint(dir.path())
        .args(["check", "--no-config", "--format", "usage", "--fix", "x.md"])
        .output()
        .unwrap();
    assert_eq!(code(&fixing), 2);
    assert!(String::from_utf8_lossy(&fixing.stderr).contains("--format usage counts the uses of forms"));
}
