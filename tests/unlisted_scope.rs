//! Which spellings the `unlisted` check looks for (issue 17): other
//! spellings of names, not of a documentation team's ordinary vocabulary;
//! and never a common word of the text's language or an identifier.

mod common;

use std::fs;

use common::{fixtures, json_check_with, parse_json, summarize};

fn folder() -> std::path::PathBuf {
    fixtures().join("unlisted_scope")
}

/// The findings of `text` (written to `a.md`) against `glossary`.
fn findings(glossary: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    let output = json_check_with(dir.path(), folder().join(glossary))
        .arg("a.md")
        .output()
        .unwrap();
    summarize(&parse_json(&output))
}

#[test]
fn a_termbase_of_ordinary_words_gets_no_unlisted_spelling_of_them() {
    // `Multiple` is an English word (not `multiply`), `DataType` an
    // identifier (not `DateType`), and `Advanced Properties` is ordinary
    // words, so its near copy is a typo of words, not a name. `Khrushchev`
    // is a name in the same termbase: its unlisted spelling is reported.
    let text = "Multiple modules use DataType and the Advancedd Properties dialog.\n\n\
                In 1956 Khrushchov spoke; Krushchev is listed.\n";
    assert_eq!(
        findings("termbase.tbx", text),
        [
            "unlisted 3:9-3:19 «Khrushchov» -> Khrushchev",
            "deprecated 3:27-3:36 «Krushchev» -> Khrushchev",
        ]
    );
}

#[test]
fn terms_are_looked_for_only_where_the_glossary_says_so() {
    // `rafida` opts in (a transliteration), `crusader` does not (an English
    // word); a place is a name and needs no saying.
    let text = "They called them Rafedah and Crusadors.\nThe pilgrims reached Mashhed.\n";
    assert_eq!(
        findings("kinds.toml", text),
        [
            "unlisted 1:18-1:25 «Rafedah» -> Rafidah",
            "unlisted 2:22-2:29 «Mashhed» -> Mashhad",
        ]
    );
}

#[test]
fn a_common_word_is_no_spelling_of_a_name_but_a_rare_one_is() {
    // `Regans` is no English word, so `Regans Valley` is an unlisted
    // spelling; words of the text never are, whatever
    // its case (here `Regions Valley` beside a place `Regains Valley`).
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("g.toml"),
        "[[concept]]\nid = \"regains\"\nkind = \"place\"\n[concept.lang.en]\npreferred = \"Regains Valley\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.md"), "Regions Valley and Regans Valley.\n").unwrap();
    let output = json_check_with(dir.path(), "g.toml")
        .arg("a.md")
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output)),
        ["unlisted 1:20-1:33 «Regans Valley» -> Regains Valley"]
    );
}
