//! Rules every glossary keeps, whatever its format (TOML, TBX, CSV): a
//! term is one line of text without control characters, and no form of a
//! concept is both deprecated and recommended (preferred or admitted) in
//! one language. A glossary that breaks one is refused with an error at the
//! term (issue 14).

mod common;

use std::process::Output;

use common::*;

/// Loads the glossary `text` written to `name` (its extension gives the
/// format) and checks a document with it; returns the run.
fn load(name: &str, text: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    std::fs::write(dir.path().join("doc.txt"), "Kerman and Kirman.\n").unwrap();
    termlint(dir.path())
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            name,
            "doc.txt",
        ])
        .output()
        .unwrap()
}

/// Asserts the glossary was refused (exit 2) with one error per entry of
/// `expected`, each at its `file:line:column` and saying its words.
fn assert_refused(output: &Output, expected: &[(&str, &str)]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(code(output), 2, "refused:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{stderr}");
    for (line, (location, words)) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(&format!("error: {location}: ")),
            "{location} in {line}"
        );
        assert!(line.contains(words), "«{words}» in {line}");
    }
}

/// A TOML glossary of one concept whose English terms are `terms` (TOML).
fn toml_glossary(terms: &str) -> String {
    format!("[[concept]]\nid = \"kerman\"\n\n[concept.lang.en]\n{terms}\n")
}

#[test]
fn toml_terms_with_control_characters_are_refused_at_the_term() {
    let glossary = toml_glossary(
        "preferred = \"\\u0007\"\nadmitted = [\"Ker\\tman\", \"Ker\\nman\"]\n\
         deprecated = [\"\\u0000\", \"Kir\\u0085man\", \"Kir\\u007Fman\"]",
    );
    let output = load("g.toml", &glossary);
    assert_refused(
        &output,
        &[
            ("g.toml:5:13", "control character U+0007"),
            ("g.toml:6:13", "control character U+0009"),
            ("g.toml:6:25", "control character U+000A"),
            ("g.toml:7:15", "control character U+0000"),
            ("g.toml:7:25", "control character U+0085"),
            ("g.toml:7:41", "control character U+007F"),
        ],
    );
}

#[test]
fn a_zero_width_joiner_alone_is_still_an_empty_term() {
    let output = load(
        "g.toml",
        &toml_glossary("preferred = \"Kerman\"\ndeprecated = [\"\\u200D\"]"),
    );
    assert_refused(&output, &[("g.toml:6:15", "empty term")]);
}

#[test]
fn tbx_and_csv_terms_with_control_characters_are_refused() {
    let tbx = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n\
<text><body>\n<conceptEntry id=\"kerman\">\n<langSec xml:lang=\"en\">\n\
<termSec><term>Kerman</term></termSec>\n\
<termSec><term>Kir\u{7}man</term><termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></termSec>\n\
</langSec>\n</conceptEntry>\n</body></text>\n</tbx>\n";
    assert_refused(&load("g.tbx", tbx), &[("g.tbx:7:10", "control character U+0007")]);

    let csv = "id,en,en_deprecated\nkerman,Kerman,Kir\u{0}man|Kirman\n";
    assert_refused(&load("g.csv", csv), &[("g.csv:2:1", "control character U+0000")]);
}

#[test]
fn a_form_both_deprecated_and_recommended_is_refused_at_the_deprecated_term() {
    // `Kermān` precomposed and decomposed are one form as written (NFC).
    let glossary = toml_glossary(
        "preferred = \"Kerm\\u0101n\"\nadmitted = [\"Kirmon\"]\n\
         deprecated = [\"Kerma\\u0304n\", \"Kirman\", \"Kirmon\"]",
    );
    assert_refused(
        &load("g.toml", &glossary),
        &[
            (
                "g.toml:7:15",
                "of concept “kerman” is deprecated and also preferred in “en” (g.toml:5:13)",
            ),
            (
                "g.toml:7:41",
                "“Kirmon” of concept “kerman” is deprecated and also admitted in “en” (g.toml:6:13)",
            ),
        ],
    );
}

#[test]
fn forms_that_only_fold_alike_may_differ_in_status() {
    // As the shipped glossary has it: the apostrophe tells them apart.
    let output = load(
        "g.toml",
        &toml_glossary("preferred = \"Quran\"\ndeprecated = [\"Qu'ran\"]"),
    );
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn tbx_and_csv_forms_both_deprecated_and_recommended_are_refused() {
    let tbx = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n\
<text><body>\n<conceptEntry id=\"kerman\">\n<langSec xml:lang=\"en\">\n\
<termSec><term>Kerman</term></termSec>\n\
<termSec><term>Kerman</term><termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></termSec>\n\
</langSec>\n</conceptEntry>\n</body></text>\n</tbx>\n";
    assert_refused(
        &load("g.tbx", tbx),
        &[("g.tbx:7:10", "is deprecated and also preferred")],
    );

    let csv = "id,en,en_deprecated\nkerman,Kerman|Kirmon,Kirmon\n";
    assert_refused(
        &load("g.csv", csv),
        &[("g.csv:2:1", "is deprecated and also admitted")],
    );
}

#[test]
fn case_sensitive_forms_that_differ_in_case_may_differ_in_status() {
    let glossary = toml_glossary(
        "preferred = { term = \"ISIS\", case_sensitive = true }\n\
         deprecated = [{ term = \"Isis\", case_sensitive = true }]",
    );
    let output = load("g.toml", &glossary);
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn the_same_form_in_two_languages_is_not_a_contradiction() {
    let glossary = "[[concept]]\nid = \"kerman\"\n[concept.lang.en]\npreferred = \"Kerman\"\n\
                    [concept.lang.de]\npreferred = \"Kirman\"\ndeprecated = [\"Kerman\"]\n";
    let output = load("g.toml", glossary);
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
}
