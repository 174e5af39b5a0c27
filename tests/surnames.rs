//! Surnames written alone (issue 15): after a person is named in full, the
//! surname alone is a mention of that person, held to the spelling of the
//! full name the document uses, found when misspelled, and fixed with its
//! particle kept as written. Before a full mention, beside another
//! capitalized name, or shared by two people, a surname is left alone.

mod common;

use common::*;

fn people() -> std::path::PathBuf {
    fixtures().join("glossary/people.toml")
}

/// The findings of `text` (summarized) and the text after `--fix
/// --fix-unlisted`, with the people glossary only.
fn check_and_fix(text: &str) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, text).unwrap();
    let output = json_check_with(dir.path(), people())
        .arg("a.md")
        .output()
        .unwrap();
    let findings = summarize(&parse_json(&output));
    let fixed = termlint(dir.path())
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--fix",
            "--fix-unlisted",
            "--glossary",
        ])
        .arg(people())
        .arg("a.md")
        .output()
        .unwrap();
    assert!(fixed.status.code().is_some(), "{fixed:?}");
    (findings, std::fs::read_to_string(&path).unwrap())
}

#[test]
fn a_surname_after_the_full_name_is_held_to_its_spelling() {
    let (findings, fixed) =
        check_and_fix("Qassem Soleimani led the force. Suleimani’s men left; Soleimani stayed.\n");
    assert_eq!(findings, ["inconsistent 1:33-1:42 «Suleimani» -> Soleimani"]);
    assert_eq!(
        fixed,
        "Qassem Soleimani led the force. Soleimani’s men left; Soleimani stayed.\n"
    );
}

#[test]
fn a_surname_follows_the_full_form_the_document_uses() {
    // The admitted full form is this document's choice: its surname is
    // right, and the preferred form's surname is the odd one out.
    let (findings, _) = check_and_fix("Qasem Suleimani spoke. Later Suleimani and Soleimani met.\n");
    assert_eq!(findings, ["inconsistent 1:44-1:53 «Soleimani» -> Suleimani"]);
}

#[test]
fn an_unlisted_spelling_of_a_surname_is_found() {
    let (findings, fixed) = check_and_fix("Qassem Soleimani spoke. Soleimany left.\n");
    assert_eq!(findings, ["unlisted 1:25-1:34 «Soleimany» -> Soleimani"]);
    assert_eq!(fixed, "Qassem Soleimani spoke. Soleimani left.\n");
}

#[test]
fn the_particle_is_kept_as_written() {
    let text = "Abu Bakr al-Baghdadi spoke. Then al-Bagdadi left. Bagdadi returned. Al-Bagdadi wrote.\n";
    let (findings, fixed) = check_and_fix(text);
    assert_eq!(
        findings,
        [
            "inconsistent 1:34-1:44 «al-Bagdadi» -> al-Baghdadi",
            "inconsistent 1:51-1:58 «Bagdadi» -> Baghdadi",
            "inconsistent 1:69-1:79 «Al-Bagdadi» -> Al-Baghdadi",
        ]
    );
    assert_eq!(
        fixed,
        "Abu Bakr al-Baghdadi spoke. Then al-Baghdadi left. Baghdadi returned. Al-Baghdadi wrote.\n"
    );
}

#[test]
fn a_deprecated_surname_is_fixed_to_the_preferred_one() {
    let (findings, fixed) = check_and_fix("Qassem Soleimani spoke. Sulaymani left.\n");
    assert_eq!(findings, ["deprecated 1:25-1:34 «Sulaymani» -> Soleimani"]);
    assert_eq!(fixed, "Qassem Soleimani spoke. Soleimani left.\n");
}

#[test]
fn a_cyrillic_surname_keeps_its_particle() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.ru.md"),
        "Абу Бакр аль-Багдади выступил. Потом аль-Багдади уехал, а Багдади вернулся, и аль-Бегдади тоже.\n",
    )
    .unwrap();
    let output = json_check_with(dir.path(), people())
        .args(["--lang", "ru", "a.ru.md"])
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output)),
        ["unlisted 1:79-1:90 «аль-Бегдади» -> аль-Багдади"]
    );
}

#[test]
fn surnames_left_alone() {
    let texts = [
        // Before any full mention: it could be anyone.
        "Suleimani spoke first. Then Qassem Soleimani arrived.\n",
        // Beside another capitalized name: a different person, a street.
        "Qassem Soleimani spoke. Ali Suleimani and Suleimani Street did not.\n",
        // Two people share it: ambiguous.
        "Karim Rahimi met Nasser Rahimi. Rahimy left.\n",
        // A kunya has no surname to stand alone.
        "Abu Hudhayfah spoke. Hudhayfa listened.\n",
        // A place's last word is no surname.
        "Kerman City grew. The Citty fair opened.\n",
    ];
    for text in texts {
        let (findings, fixed) = check_and_fix(text);
        assert!(findings.is_empty(), "{text:?}: {findings:?}");
        assert_eq!(fixed, text);
    }
}

#[test]
fn the_shipped_glossary_flags_a_surname_spelled_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "Qassem Soleimani was buried in Kerman. Suleimani’s grave drew crowds.\n",
    )
    .unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "json", "a.md"])
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output)),
        ["inconsistent 1:40-1:49 «Suleimani» -> Soleimani"]
    );
}
