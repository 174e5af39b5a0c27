//! `[[overrides]]` in `termlint.toml`: check severities per glob and per
//! document language, over `[checks]`, run through the real binary.

mod common;

use common::*;

const GLOSSARY: &str = r#"
[[concept]]
id = "khorasan"
[concept.lang.en]
preferred = "Khorasan"
admitted = ["Khurasan"]
[concept.lang.ru]
preferred = "Хорасан"
admitted = ["Хурасан"]

[[concept]]
id = "iskp"
[concept.lang.en]
preferred = { term = "ISKP", case_sensitive = true }
"#;

const ENGLISH: &str = "We crossed Khurasan.\nThe iskp said so.\n";
const RUSSIAN: &str = "Мы пересекли Хурасан.\n";

/// A project with `config` between the glossary settings and `[languages]`, and the same
/// English text in `docs/strict`, `docs/loose` and `docs/plain`, Russian
/// text in `docs/ru`.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("terms.toml"), GLOSSARY).unwrap();
    std::fs::write(
        root.join("termlint.toml"),
        format!(
            "glossary = [\"terms.toml\"]\nbuiltin_glossary = false\n\n{config}\n[languages]\n\"docs/ru/**\" = \"ru\"\n"
        ),
    )
    .unwrap();
    for folder in ["strict", "loose", "plain"] {
        std::fs::create_dir_all(root.join("docs").join(folder)).unwrap();
        std::fs::write(root.join("docs").join(folder).join("a.md"), ENGLISH).unwrap();
    }
    std::fs::create_dir_all(root.join("docs/ru")).unwrap();
    std::fs::write(root.join("docs/ru/a.md"), RUSSIAN).unwrap();
    dir
}

/// Each finding as `path check severity line:col-line:col «found» -> suggestion`.
fn findings(dir: &std::path::Path, args: &[&str]) -> (i32, Vec<String>) {
    let output = termlint(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .arg("docs")
        .output()
        .unwrap();
    let json = parse_json(&output);
    assert_eq!(json["errors"], serde_json::json!([]), "{json:#}");
    let summaries = summarize(&json);
    let listed = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .zip(summaries)
        .map(|(finding, summary)| {
            let path = finding["path"].as_str().unwrap_or("?").replace('\\', "/");
            let (check, rest) = summary.split_once(' ').unwrap();
            format!(
                "{path} {check} {} {rest}",
                finding["severity"].as_str().unwrap_or("?")
            )
        })
        .collect();
    (code(&output), listed)
}

const OVERRIDES: &str = r#"
[checks]
case = "warning"

[[overrides]]
files = "docs/strict/**"
[overrides.checks]
admitted = "warning"

[[overrides]]
files = ["docs/loose/**", "nowhere/**"]
[overrides.checks]
case = "off"

[[overrides]]
languages = ["ru"]
[overrides.checks]
admitted = "error"
"#;

#[test]
fn overrides_set_checks_per_glob_and_per_language() {
    let dir = project(OVERRIDES);
    let (code, found) = findings(dir.path(), &[]);
    assert_eq!(
        found,
        [
            // `case` is on everywhere but in docs/loose.
            "docs/plain/a.md case warning 2:5-2:9 «iskp» -> ISKP",
            "docs/ru/a.md admitted error 1:14-1:21 «Хурасан» -> Хорасан",
            "docs/strict/a.md admitted warning 1:12-1:20 «Khurasan» -> Khorasan",
            "docs/strict/a.md case warning 2:5-2:9 «iskp» -> ISKP",
        ]
    );
    assert_eq!(code, 1, "the Russian document's admitted form is an error");
}

#[test]
fn without_overrides_the_checks_of_every_file_are_the_same() {
    let dir = project("[checks]\ncase = \"warning\"\n");
    let (code, found) = findings(dir.path(), &[]);
    assert_eq!(
        found,
        [
            "docs/loose/a.md case warning 2:5-2:9 «iskp» -> ISKP",
            "docs/plain/a.md case warning 2:5-2:9 «iskp» -> ISKP",
            "docs/strict/a.md case warning 2:5-2:9 «iskp» -> ISKP",
        ]
    );
    assert_eq!(code, 0);
}

#[test]
fn an_override_turning_admitted_off_wins_over_preferred_only() {
    let config =
        "[[overrides]]\nfiles = \"docs/loose/**\"\n[overrides.checks]\nadmitted = \"off\"\ncase = \"off\"\n";
    let dir = project(config);
    let (_, found) = findings(dir.path(), &["--preferred-only"]);
    assert_eq!(
        found,
        [
            "docs/plain/a.md admitted warning 1:12-1:20 «Khurasan» -> Khorasan",
            "docs/plain/a.md case error 2:5-2:9 «iskp» -> ISKP",
            "docs/ru/a.md admitted warning 1:14-1:21 «Хурасан» -> Хорасан",
            "docs/strict/a.md admitted warning 1:12-1:20 «Khurasan» -> Khorasan",
            "docs/strict/a.md case error 2:5-2:9 «iskp» -> ISKP",
        ]
    );
}

#[test]
fn an_override_without_a_condition_is_a_configuration_error() {
    let dir = project("[[overrides]]\n[overrides.checks]\nadmitted = \"warning\"\n");
    let output = termlint(dir.path()).args(["check", "docs"]).output().unwrap();
    assert_eq!(code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("termlint.toml:4:1: an [[overrides]] table needs files, languages or both"),
        "{stderr}"
    );
}

#[test]
fn project_consistency_takes_each_files_own_severity() {
    let config = "consistency = \"project\"\n\n[[overrides]]\nfiles = \"docs/loose/**\"\n[overrides.checks]\ninconsistent = \"off\"\ncase = \"off\"\n\n[[overrides]]\nfiles = \"docs/strict/**\"\n[overrides.checks]\ninconsistent = \"error\"\ncase = \"off\"\n";
    let dir = project(config);
    for folder in ["strict", "loose", "plain"] {
        std::fs::write(dir.path().join("docs").join(folder).join("a.md"), "Khurasan.\n").unwrap();
    }
    std::fs::write(
        dir.path().join("docs/plain/b.md"),
        "Khorasan, Khorasan, Khorasan.\n",
    )
    .unwrap();
    let (code, found) = findings(dir.path(), &[]);
    // Judged over all four files (`Khorasan` ×3 wins); docs/loose keeps
    // its `Khurasan` unreported, docs/strict reports it as an error.
    assert_eq!(
        found,
        [
            "docs/plain/a.md inconsistent warning 1:1-1:9 «Khurasan» -> Khorasan",
            "docs/strict/a.md inconsistent error 1:1-1:9 «Khurasan» -> Khorasan",
        ]
    );
    assert_eq!(code, 1);
}
