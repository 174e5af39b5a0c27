//! The translators' workflow: bilingual files (English → Russian) checked for
//! terms that were dropped, left in English, or spelled in a deprecated way.

mod common;

use common::*;

fn check_translation(file: &str) -> (std::process::Output, serde_json::Value) {
    let dir = fixtures().join("translation");
    let output = json_check_with(&dir, "glossary.toml")
        .args([file])
        .output()
        .unwrap();
    let json = parse_json(&output);
    (output, json)
}

#[test]
fn po_targets_are_checked_against_their_sources() {
    let (output, json) = check_translation("briefing.ru.po");
    assert_eq!(
        summarize(&json),
        [
            "missing-term 8:9-8:52 «Ответственность за нападение взяли на себя.» -> Керман",
            "untranslated-term 11:16-11:33 «Voice of Khurasan» -> Голос Хорасана",
            "deprecated 18:23-18:30 «Кирмане» -> Керман",
        ]
    );
    assert_eq!(code(&output), 1);
    let text = std::fs::read_to_string(fixtures().join("translation/briefing.ru.po")).unwrap();
    assert_spans_slice(&text, &json);
}

#[test]
fn fixing_a_po_file_keeps_the_russian_ending() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["glossary.toml", "briefing.ru.po"] {
        std::fs::copy(fixtures().join("translation").join(file), dir.path().join(file)).unwrap();
    }
    let output = termlint(dir.path())
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            "glossary.toml",
        ])
        .args(["--fix", "briefing.ru.po"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 1, "the missing term cannot be fixed automatically");
    let fixed = std::fs::read_to_string(dir.path().join("briefing.ru.po")).unwrap();
    assert!(fixed.contains("\"мемориал находится в Кермане.\""), "{fixed}");
    assert!(
        fixed.contains("Журнал Voice of Khurasan"),
        "untranslated terms are not rewritten"
    );
}

#[test]
fn xliff_and_po_against_a_tbx_glossary() {
    let dir = fixtures().join("translation");
    let output = termlint(&dir)
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--format",
            "json",
        ])
        .args([
            "--glossary",
            "glossary.tbx",
            "briefing.en-ru.xlf",
            "briefing.ru.po",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .zip(summarize(&json))
        .map(|(f, line)| format!("{} {line}", f["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            "briefing.en-ru.xlf missing-term 8:17-8:60 «Ответственность за нападение взяли на себя.» -> Керман",
            "briefing.en-ru.xlf untranslated-term 14:35-14:52 «Voice of Khurasan» -> Голос Хорасана",
            "briefing.en-ru.xlf deprecated 20:76-20:83 «Кирмане» -> Керман",
            "briefing.ru.po missing-term 8:9-8:52 «Ответственность за нападение взяли на себя.» -> Керман",
            "briefing.ru.po untranslated-term 11:16-11:33 «Voice of Khurasan» -> Голос Хорасана",
            "briefing.ru.po deprecated 18:23-18:30 «Кирмане» -> Керман",
        ]
    );
    assert_eq!(code(&output), 1);
    let xliff = std::fs::read_to_string(dir.join("briefing.en-ru.xlf")).unwrap();
    let xliff_findings = serde_json::json!({"findings": json["findings"].as_array().unwrap()[..3]});
    assert_spans_slice(&xliff, &xliff_findings);
}
