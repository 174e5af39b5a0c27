//! Inline suppression directives and `ignore` rules.

mod common;

use std::fs;

use common::*;

#[test]
fn directives_suppress_the_next_line_or_a_region() {
    let dir = tempfile::tempdir().unwrap();
    let text = concat!(
        "In Kirman.\n",
        "<!-- termlint-disable-next-line deprecated -->\n",
        "A quotation: “Kirman”.\n",
        "<!-- termlint-disable -->\n",
        "Kirman, and Iskp.\n",
        "<!-- termlint-enable -->\n",
        "Kirman again.\n",
        "<!-- termlint-disable-next-line case -->\n",
        "Kirman is not a case problem.\n",
    );
    fs::write(dir.path().join("a.md"), text).unwrap();
    let (_, json) = check_json(dir.path(), &["a.md"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 1:4-1:10 «Kirman» -> Kerman",
            "deprecated 7:1-7:7 «Kirman» -> Kerman",
            "deprecated 9:1-9:7 «Kirman» -> Kerman",
        ]
    );
    let (_, json) = check_json(dir.path(), &["--report-unused-suppressions", "a.md"]);
    let unused: Vec<String> = summarize(&json)
        .into_iter()
        .filter(|f| f.starts_with("unused"))
        .collect();
    assert_eq!(
        unused,
        ["unused-suppression 8:6-8:37 «termlint-disable-next-line case» -> -"]
    );
}

#[test]
fn po_and_fluent_use_hash_comments() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.po"),
        "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\n# termlint-disable-next-line\nmsgid \"Kirman\"\nmsgstr \"Kirman\"\n",
    )
    .unwrap();
    let (_, json) = check_json(dir.path(), &["a.po"]);
    assert_eq!(
        summarize(&json),
        ["deprecated 7:9-7:15 «Kirman» -> Kerman"],
        "only the msgid line is covered"
    );
}

#[test]
fn ignore_rules_by_concept_or_phrase_per_glob() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("quotes")).unwrap();
    fs::copy(test_glossary(), dir.path().join("names.toml")).unwrap();
    fs::write(
        dir.path().join("termlint.toml"),
        concat!(
            "glossary = [\"names.toml\"]\nbuiltin_glossary = false\n",
            "[[ignore]]\nfiles = \"quotes/**\"\nconcepts = [\"kerman\"]\n",
            "[[ignore]]\nphrases = [\"Abu Hudhaifa al-Ansari\"]\nchecks = [\"deprecated\"]\n",
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("quotes/q.md"),
        "Kirman, said Abu Hudhaifa al-Ansari.\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.md"), "Kirman, said Abu Hudhaifa al-Ansari.\n").unwrap();
    let output = termlint(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summarize(&json), ["deprecated 1:1-1:7 «Kirman» -> Kerman"]);
    assert_eq!(json["findings"][0]["path"], "./a.md");
}
