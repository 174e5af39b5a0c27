//! Acronyms written in another case (issue 15): a miscased acronym is
//! reported, unless it is written as a name of the language that it also
//! is (the goddess Isis is not ISIS).

mod common;

use std::fs;

use common::{parse_json, summarize, termlint};

#[test]
fn a_title_case_acronym_that_is_a_name_of_the_language_is_that_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.md"),
        "The temple of the goddess Isis stood at Philae.\n\nIsil and Iskp claimed it.\n",
    )
    .unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "json", "a.md"])
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output)),
        ["case 3:1-3:5 «Isil» -> ISIL", "case 3:10-3:14 «Iskp» -> ISKP"]
    );
}
