//! Kinds of forms (issue 15): a translation or the original name beside it
//! is no mix of spellings, and a mix the text has not settled goes toward
//! the preferred form, never toward whichever form came first. Run on the
//! shipped glossary.

mod common;

use common::*;

/// `check --format json` of `text` with the shipped glossary only.
fn findings(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    summarize(&parse_json(&output))
}

#[test]
fn the_original_name_quoted_beside_its_translation_is_no_mix() {
    let text = "The outlet Voice of Khurasan, which calls itself Xuroson Ovozi, \
                published again. Voice of Khurasan said so.\n";
    assert_eq!(findings(text), Vec::<String>::new());
}

#[test]
fn two_spellings_of_the_translation_are_still_a_mix() {
    let text = "Voice of Khurasan said it. Voice of Khorasan said it again. Voice of Khurasan.\n";
    assert_eq!(
        findings(text),
        ["inconsistent 1:28-1:45 «Voice of Khorasan» -> Voice of Khurasan"]
    );
}

#[test]
fn acronyms_used_equally_often_go_toward_the_preferred_form() {
    let text = "ISIS claimed it. Later, ISIL denied it.\n";
    assert_eq!(
        findings(text),
        [
            "inconsistent 1:1-1:5 «ISIS» -> Islamic State",
            "inconsistent 1:25-1:29 «ISIL» -> Islamic State",
        ]
    );
}

#[test]
fn the_acronym_the_text_uses_most_is_its_choice() {
    let text = "ISIS claimed it. ISIS again. Later, ISIL denied it.\n";
    assert_eq!(findings(text), ["inconsistent 1:37-1:41 «ISIL» -> ISIS"]);
}

#[test]
fn forms_offered_as_alternatives_are_no_mix() {
    // `A or B` and `A/B` name the alternatives on purpose; a later mix of
    // the same forms, not offered as alternatives, is still one.
    let text = "Analysts call it IS-KP or ISIS-K. The ISIS/ISIL claim came first. Later ISIS denied it.\n";
    assert_eq!(findings(text), Vec::<String>::new());
    let text = "Analysts call it IS-KP or ISIS-K. Later ISKP and IS-K were both used.\n";
    assert_eq!(findings(text), ["inconsistent 1:50-1:54 «IS-K» -> ISKP"]);
}

#[test]
fn a_tie_of_acronyms_goes_toward_the_glossarys_first_acronym_when_used() {
    // `ISKP` is the first acronym the glossary lists: used once beside
    // `IS-K` once, it settles the tie, and the acronym in parentheses is
    // never rewritten into the full name.
    let text = "The Islamic State Khorasan Province (ISKP) claimed it. A recruiter for IS-K was held.\n";
    assert_eq!(findings(text), ["inconsistent 1:72-1:76 «IS-K» -> ISKP"]);
    // Used less often than the others, it does not.
    let text = "ISKP said so. IS-K and ISIS-K said so. IS-K and ISIS-K said so again.\n";
    assert_eq!(
        findings(text),
        [
            "inconsistent 1:1-1:5 «ISKP» -> Islamic State Khorasan Province",
            "inconsistent 1:15-1:19 «IS-K» -> Islamic State Khorasan Province",
            "inconsistent 1:24-1:30 «ISIS-K» -> Islamic State Khorasan Province",
            "inconsistent 1:40-1:44 «IS-K» -> Islamic State Khorasan Province",
            "inconsistent 1:49-1:55 «ISIS-K» -> Islamic State Khorasan Province",
        ]
    );
}
