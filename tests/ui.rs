//! The interface in each language, on the real binary: one run of
//! `termlint check` per locale compared with `tests/fixtures/ui/<tag>.out`
//! (standard output, standard error and exit status), plus the choice of
//! language, `--list-ui-langs`, localized help and bidi marks.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test ui` rewrites the expected files;
//! review the diff before committing it.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use common::*;

const FSI: char = '\u{2068}';

fn ui_fixtures() -> PathBuf {
    fixtures().join("ui")
}

/// `termlint check` on the UI fixture with only the test glossary, without colour.
fn check(extra: &[&str]) -> Command {
    let mut command = termlint(&ui_fixtures());
    command
        .env("NO_COLOR", "1")
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .args(["briefing.md", "missing.txt"])
        .args(extra);
    command
}

fn transcript(output: &Output) -> String {
    format!(
        "--- stdout\n{}--- stderr\n{}--- exit {}\n",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        code(output)
    )
}

fn assert_snapshot(name: &str, output: &Output) {
    let path = ui_fixtures().join(format!("{name}.out"));
    let actual = transcript(output);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        actual == expected,
        "{name}: output differs from {}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn english_is_the_default_and_the_fallback() {
    let output = check(&[]).output().unwrap();
    assert_snapshot("en-US", &output);
}

#[test]
fn russian_is_chosen_from_lang() {
    let output = check(&[]).env("LANG", "ru_RU.UTF-8").output().unwrap();
    assert_snapshot("ru", &output);
}

#[test]
fn persian_is_chosen_by_the_flag_over_the_environment() {
    let output = check(&["--ui-lang", "fa"])
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert_snapshot("fa", &output);
}

#[test]
fn tajik_is_chosen_by_the_flag() {
    let output = check(&["--ui-lang", "tg"]).output().unwrap();
    assert_snapshot("tg", &output);
}

#[test]
fn the_variables_are_read_in_order_and_negotiated() {
    let stderr = |command: &mut Command| String::from_utf8(command.output().unwrap().stderr).unwrap();
    let tajik = stderr(
        check(&[])
            .env("TERMLINT_UI_LANG", "tg-Cyrl-TJ")
            .env("LC_ALL", "ru_RU.UTF-8"),
    );
    assert!(tajik.contains("бозёфт"), "{tajik}");
    let persian = stderr(check(&[]).env("LC_MESSAGES", "fa_IR.UTF-8").env("LANG", "ru_RU"));
    assert!(persian.contains("یافته"), "{persian}");
    let english = stderr(check(&[]).env("LC_ALL", "C").env("LANG", "ru_RU.UTF-8"));
    assert!(english.contains("4 findings"), "{english}");
    let unknown = stderr(&mut check(&["--ui-lang", "de-DE"]));
    assert!(unknown.contains("4 findings"), "{unknown}");
}

#[test]
fn json_messages_follow_the_language_without_bidi_marks() {
    let output = check(&["--ui-lang", "fa", "--format", "json"]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains(FSI), "no isolation marks in JSON");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        json["findings"][0]["check"], "deprecated",
        "check ids stay English"
    );
    assert_eq!(
        json["findings"][0]["severity"], "error",
        "severities stay English"
    );
    assert_eq!(
        json["findings"][1]["message"],
        "«Ghasem Soleimani» نگارش منسوخ قاسم سلیمانی (Qassem Soleimani) است"
    );
}

#[test]
fn persian_human_output_isolates_latin_terms_only() {
    let output = check(&["--ui-lang", "fa"]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("«\u{2068}Ghasem Soleimani\u{2069}»"), "{stdout}");
    assert!(
        stdout.contains(" قاسم سلیمانی ("),
        "Persian forms are not isolated: {stdout}"
    );
    let russian = check(&["--ui-lang", "ru"]).output().unwrap();
    assert!(!String::from_utf8(russian.stdout).unwrap().contains(FSI));
}

#[test]
fn list_ui_langs_names_each_locale_in_its_own_language() {
    let output = termlint(&fixtures()).arg("--list-ui-langs").output().unwrap();
    assert_eq!(code(&output), 0);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "en-US   English\nfa      فارسی\nru      Русский\ntg      Тоҷикӣ\n"
    );
}

#[test]
fn help_speaks_the_interface_language() {
    let output = termlint(&fixtures())
        .args(["check", "--help"])
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(
        help.starts_with("Проверить файлы, папки или стандартный ввод (-) по глоссарию\n"),
        "{help}"
    );
    assert!(help.contains("Использование: termlint check"), "{help}");
    assert!(help.contains("Формат вывода: human, json, jsonl"), "{help}");
    for english in ["Usage", "Options", "Arguments", "Print help", "possible values"] {
        assert!(!help.contains(english), "{english}: {help}");
    }
}

#[test]
fn glossary_show_names_the_concept_in_the_interface_language() {
    let output = termlint(&fixtures())
        .args([
            "--ui-lang",
            "ru",
            "glossary",
            "show",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
        ])
        .arg(test_glossary())
        .arg("Ghasem Soleimani")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("Понятие qassem-soleimani: Касем Сулеймани (Qassem Soleimani)\nтип: лицо\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    нерекомендуемый   Ghasem Soleimani\n"),
        "{stdout}"
    );
}
