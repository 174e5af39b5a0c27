//! Arabic-script spellings (issue 16): letters that are one letter's other
//! forms are found as the listed form.

mod common;

use std::fs;

use common::{json_check_with, parse_json, summarize, termlint};

/// The findings (`summarize`d) of `text`, written to `a.md` beside the
/// TOML `glossary` in a new folder and read in `language`; and the folder.
fn check_with(glossary: &str, language: &str, text: &str) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), glossary).unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    let output = json_check_with(dir.path(), "g.toml")
        .args(["--lang", language, "a.md"])
        .output()
        .unwrap();
    (dir, summarize(&parse_json(&output)))
}

#[test]
fn heh_with_yeh_above_is_found_as_heh_with_hamza() {
    // RFE/RL's Persian services write `حملۀ` where a glossary lists
    // `حملهٔ`: the same word, so the deprecated form is found in both.
    let glossary = "[[concept]]\nid = \"shah-cheragh-attack\"\nkind = \"event\"\n[concept.lang.fa]\n\
                    preferred = \"حملهٔ شاهچراغ\"\ndeprecated = [\"حملهٔ شاه چراغ\"]\n";
    let (_dir, findings) = check_with(glossary, "fa", "پس از حملۀ شاه چراغ.\n");
    assert_eq!(findings, ["deprecated 1:7-1:20 «حملۀ شاه چراغ» -> حملهٔ شاهچراغ"]);
}

#[test]
fn a_name_written_without_its_joined_article_is_an_unlisted_spelling() {
    // `ال` is written joined to its word; a name written without it
    // (`عمر موحد` for `عمر الموحد`) is another spelling of the name, as
    // `Omar Mowahhed` is of `Omar al-Mowahhed`. Other names with the
    // article stay quiet.
    let glossary = "[[concept]]\nid = \"omar-al-mowahhed\"\nkind = \"person\"\n[concept.lang.ar]\n\
                    preferred = \"عمر الموحد\"\n";
    let text = "قال عمر موحد إن الهجوم وقع.\nذهب أحمد الموسوي إلى المدرسة.\n";
    let (_dir, findings) = check_with(glossary, "ar", text);
    assert_eq!(findings, ["unlisted 1:5-1:13 «عمر موحد» -> عمر الموحد"]);
}

#[test]
fn a_persian_name_with_a_long_vowel_left_unwritten_is_an_unlisted_spelling() {
    // Persian writes `ā` with `ا`; a spelling that leaves it out
    // (`سلیمنی` for `سلیمانی`) is the same name, found by the shipped
    // glossary; a different name of similar letters stays quiet.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.md"),
        "سردار قاسم سلیمنی کشته شد.\nسردار قاسم سلامی سخن گفت.\n",
    )
    .unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "json", "--lang", "fa", "a.md"])
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output)),
        ["unlisted 1:7-1:18 «قاسم سلیمنی» -> قاسم سلیمانی"]
    );
}

#[test]
fn a_persian_compound_written_apart_or_joined_is_found_as_the_listed_name() {
    // Persian writes a compound's parts with a zero-width non-joiner
    // between them, or joined, or apart: all three are the listed name,
    // and the two that lack the non-joiner are reported with the listed
    // spelling. `و` between the parts makes another phrase.
    let glossary = "[[concept]]\nid = \"hezbollah\"\nkind = \"organization\"\n[concept.lang.fa]\n\
                    preferred = \"حزب\u{200C}الله\"\n";
    let text = "حزب\u{200C}الله حمله کرد.\nحزب الله حمله کرد.\nحزبالله حمله کرد.\nحزب و الله.\n";
    let (dir, findings) = check_with(glossary, "fa", text);
    assert_eq!(
        findings,
        [
            "orthography 2:1-2:9 «حزب الله» -> حزب\u{200C}الله",
            "orthography 3:1-3:8 «حزبالله» -> حزب\u{200C}الله",
        ]
    );
    let fixed = json_check_with(dir.path(), "g.toml")
        .args(["--lang", "fa", "--fix", "a.md"])
        .output()
        .unwrap();
    assert!(
        fixed.status.success(),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "حزب\u{200C}الله حمله کرد.\n".repeat(3) + "حزب و الله.\n"
    );
}
