//! Inputs: folders walked in parallel, files that cannot be checked, and
//! configuration.

mod common;

use std::fs;

use common::*;

#[test]
fn a_folder_of_a_thousand_markdown_files_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        let sub = dir.path().join(format!("part{:02}", i % 10));
        fs::create_dir_all(&sub).unwrap();
        let body = if i % 100 == 0 {
            format!("# Note {i}\n\nThe attack in Kirman was claimed.\n")
        } else {
            format!("# Note {i}\n\nThe attack in Kerman was claimed, not in Kermanshah.\n")
        };
        fs::write(sub.join(format!("note{i:04}.md")), body).unwrap();
    }
    fs::write(dir.path().join("ignored.rs"), "// Kirman").unwrap();
    let (output, json) = check_json(dir.path(), &["."]);
    assert_eq!(
        json["summary"]["files"],
        1000,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(json["errors"].as_array().unwrap().len(), 0);
    let findings = summarize(&json);
    assert_eq!(findings.len(), 10);
    assert!(findings
        .iter()
        .all(|f| f == "deprecated 3:15-3:21 «Kirman» -> Kerman"));
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "findings are sorted by path");
    assert_eq!(code(&output), 1);
}

#[test]
fn gitignored_and_hidden_files_are_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join(".gitignore"), "drafts/\n").unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    fs::write(dir.path().join("drafts/a.md"), "Kirman").unwrap();
    fs::write(dir.path().join(".hidden.md"), "Kirman").unwrap();
    fs::write(dir.path().join("b.md"), "Kerman").unwrap();
    let (output, json) = check_json(dir.path(), &[]);
    assert_clean(&output, &json, 1);
}

#[test]
fn unreadable_files_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), "In Kirman.").unwrap();
    fs::write(dir.path().join("latin1.txt"), b"Line one\nCaf\xe9 in Kirman\n").unwrap();
    fs::write(dir.path().join("binary.txt"), b"Kirman\0\x01\x02").unwrap();
    let (output, json) = check_json(
        dir.path(),
        &["good.txt", "latin1.txt", "binary.txt", "missing.txt"],
    );
    assert_eq!(summarize(&json), ["deprecated 1:4-1:10 «Kirman» -> Kerman"]);
    let errors: Vec<(String, String)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("binary.txt".to_string(), "binary".to_string()),
            ("latin1.txt".to_string(), "invalid-utf8".to_string()),
            ("missing.txt".to_string(), "not-found".to_string()),
        ]
    );
    assert!(json["errors"][1]["message"]
        .as_str()
        .unwrap()
        .contains("first bad byte at 2:4"));
    assert_eq!(
        code(&output),
        2,
        "a file that could not be checked makes the run an error"
    );
}

#[test]
fn binary_files_met_while_walking_are_skipped_quietly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("data.txt"), b"\0\0Kirman").unwrap();
    fs::write(dir.path().join("ok.md"), "Kerman").unwrap();
    let (output, json) = check_json(dir.path(), &["."]);
    assert_clean(&output, &json, 1);
}

#[test]
fn configuration_sets_severity_languages_globs_and_glossaries() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("docs/ru")).unwrap();
    fs::create_dir_all(dir.path().join("docs/vendor")).unwrap();
    fs::create_dir_all(dir.path().join("terms")).unwrap();
    fs::copy(test_glossary(), dir.path().join("terms/names.toml")).unwrap();
    fs::write(
        dir.path().join("termlint.toml"),
        concat!(
            "glossary = [\"terms\"]\nbuiltin_glossary = false\n",
            "exclude = [\"docs/vendor/**\"]\n",
            "[languages]\n\"docs/ru/**\" = \"ru\"\n",
            "[checks]\ndeprecated = \"warning\"\ninconsistent = \"off\"\n",
        ),
    )
    .unwrap();
    fs::write(dir.path().join("docs/a.md"), "Kirman and Khorasan, Khurasan.").unwrap();
    fs::write(dir.path().join("docs/ru/b.md"), "Kirman").unwrap();
    fs::write(dir.path().join("docs/vendor/c.md"), "Kirman").unwrap();
    // Run from a subfolder: the configuration is found by walking up.
    let output = termlint(&dir.path().join("docs"))
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summarize(&json), ["deprecated 1:1-1:7 «Kirman» -> Kerman"]);
    assert_eq!(json["findings"][0]["severity"], "warning");
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(code(&output), 0, "warnings do not fail the run");
}

#[test]
fn a_bad_configuration_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("termlint.toml"),
        "[checks]\ndeprecated = \"loud\"\n",
    )
    .unwrap();
    let output = termlint(dir.path()).args(["check", "."]).output().unwrap();
    assert_eq!(code(&output), 2);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("termlint.toml:2:14: unknown severity “loud”"),
        "{stderr}"
    );
}

#[test]
fn a_bad_language_tag_is_a_usage_error() {
    let output = check_command(&fixtures(), &["--lang", "not a tag", "texts"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: “not a tag” is not a valid BCP 47 language tag\n"
    );
    assert_eq!(output.stdout, b"", "no report");
    assert_eq!(code(&output), 2);
}

#[test]
fn project_consistency_holds_every_file_to_one_spelling() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "Khurasan, then Khurasan again.\n").unwrap();
    fs::write(dir.path().join("b.md"), "Khorasan once.\n").unwrap();
    fs::write(dir.path().join("c.md"), "Khurasan.\n").unwrap();
    // Each document is consistent on its own.
    let (output, json) = check_json(dir.path(), &["."]);
    assert_clean(&output, &json, 3);
    let (output, json) = check_json(dir.path(), &["--consistency", "project", "."]);
    assert_eq!(
        summarize(&json),
        [
            "inconsistent 1:1-1:9 «Khurasan» -> Khorasan",
            "inconsistent 1:16-1:24 «Khurasan» -> Khorasan",
            "inconsistent 1:1-1:9 «Khurasan» -> Khorasan",
        ]
    );
    let first = &json["findings"][0];
    assert_eq!(first["path"], "./a.md");
    assert_eq!(first["chosen"]["path"], "./b.md");
    assert_eq!(first["chosen"]["line"], 1);
    assert_eq!(
        first["counts"],
        serde_json::json!([{"form": "Khurasan", "count": 3}, {"form": "Khorasan", "count": 1}])
    );
    assert_eq!(code(&output), 0, "inconsistent is a warning by default");
}

#[test]
fn consistency_and_threshold_from_configuration() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(test_glossary(), dir.path().join("names.toml")).unwrap();
    fs::write(
        dir.path().join("termlint.toml"),
        "glossary = [\"names.toml\"]\nbuiltin_glossary = false\nconsistency = \"project\"\nunlisted_threshold = 0.99\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.md"), "Khorasan.\n").unwrap();
    fs::write(dir.path().join("b.md"), "Khurasan. Qasim Sulaimani spoke.\n").unwrap();
    let output = termlint(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summarize(&json), ["inconsistent 1:1-1:9 «Khurasan» -> Khorasan"]);
    let output = termlint(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--unlisted-threshold",
            "0.5",
            "--consistency",
            "document",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        summarize(&json),
        ["unlisted 1:11-1:26 «Qasim Sulaimani» -> Qassem Soleimani"]
    );
}

#[test]
fn init_writes_starter_files_once_and_they_work() {
    let dir = tempfile::tempdir().unwrap();
    let output = termlint(dir.path()).arg("init").output().unwrap();
    assert_eq!(code(&output), 0);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("wrote ./termlint.toml") && stdout.contains("repo: local"),
        "{stdout}"
    );
    fs::write(dir.path().join("termlint.toml"), "# mine\n").unwrap();
    let again = termlint(dir.path()).arg("init").output().unwrap();
    assert!(String::from_utf8(again.stdout)
        .unwrap()
        .contains("kept ./termlint.toml"));
    assert_eq!(
        fs::read_to_string(dir.path().join("termlint.toml")).unwrap(),
        "# mine\n"
    );
    fs::write(dir.path().join("a.md"), "In Kirman.\n").unwrap();
    let check = termlint(dir.path())
        .args(["check", "--format", "json", "a.md"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(summarize(&json), ["deprecated 1:4-1:10 «Kirman» -> Kerman"]);
}

#[test]
fn a_corpus_checked_in_parts_gives_the_findings_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for i in 0..60 {
        let name = format!("doc{i:02}.md");
        let body = match i % 4 {
            0 => "In Kirman, and later Kerman.\n",
            1 => "Khorasan and Khurasan.\n",
            2 => "Iskp and ISKP.\n",
            _ => "Nothing to see.\n",
        };
        fs::write(dir.path().join(&name), body).unwrap();
        paths.push(name);
    }
    let findings = |json: &serde_json::Value| -> Vec<String> {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {} {}", f["path"], f["check"], f["span"]))
            .collect()
    };
    let (_, whole) = check_json(dir.path(), &paths.iter().map(String::as_str).collect::<Vec<_>>());
    let mut merged = Vec::new();
    for (part, chunk) in paths.chunks(25).enumerate() {
        let list = dir.path().join(format!("part{part}.txt"));
        fs::write(&list, chunk.join("\n")).unwrap();
        let (_, json) = check_json(dir.path(), &["--files-from", list.to_str().unwrap()]);
        merged.extend(findings(&json));
    }
    merged.sort();
    let mut expected = findings(&whole);
    expected.sort();
    assert_eq!(expected.len(), 45);
    assert_eq!(
        merged, expected,
        "document-level checks do not depend on how a corpus is split"
    );
}
