//! Forms of another language (`other-language`) and letters a language
//! tells apart (`orthography`), issue 16 items 5 and 4: the real binary on
//! real files, with the shipped glossary where the issue names its forms
//! and small glossaries for the rest.

mod common;

use std::fs;
use std::path::Path;

use common::{json_check_with, parse_json, summarize, termlint};
use serde_json::Value;

/// `termlint check --format json` with the shipped glossary only, the
/// document in `language`.
fn check_builtin(dir: &Path, language: &str, file: &str) -> Value {
    let output = termlint(dir)
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--lang",
            language,
            file,
        ])
        .output()
        .unwrap();
    parse_json(&output)
}

/// `termlint check --format json` with the glossary `glossary` (TOML text)
/// only, `text` in `a.md`, read in `language`; `extra` arguments after.
fn check_with(glossary: &str, text: &str, language: &str, extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), glossary).unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    let output = json_check_with(dir.path(), "g.toml")
        .args(["--lang", language])
        .args(extra)
        .arg("a.md")
        .output()
        .unwrap();
    parse_json(&output)
}

/// The text of `file` after `termlint check --fix` with the shipped
/// glossary, in `language`.
fn fixed_builtin(text: &str, language: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    termlint(dir.path())
        .args(["check", "--no-config", "--fix", "--lang", language, "a.md"])
        .output()
        .unwrap();
    fs::read_to_string(dir.path().join("a.md")).unwrap()
}

fn in_dir(text: &str, language: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    check_builtin(dir.path(), language, "a.md")
}

const TAJIKISTAN: &str = "[[concept]]\nid = \"tajikistan\"\nkind = \"place\"\n\
    [concept.lang.ru]\npreferred = \"Таджикистан\"\n\
    [concept.lang.tg]\npreferred = \"Тоҷикистон\"\n";

// ---- other-language ----

#[test]
fn a_russian_form_in_a_tajik_text_is_reported_with_the_tajik_form() {
    let text = "Ӯ шаҳрванди Таджикистан буд.\n";
    assert_eq!(
        summarize(&in_dir(text, "tg")),
        ["other-language 1:13-1:24 «Таджикистан» -> Тоҷикистон"]
    );
    assert_eq!(fixed_builtin(text, "tg"), "Ӯ шаҳрванди Тоҷикистон буд.\n");
}

#[test]
fn an_arabic_form_in_persian_and_an_uzbek_one_in_english() {
    assert_eq!(
        summarize(&in_dir("او شهروند طاجيكستان بود.\n", "fa")),
        ["other-language 1:11-1:20 «طاجيكستان» -> تاجیکستان"]
    );
    let json = in_dir("Qosim Sulaymoniy was killed in 2020.\n", "en");
    assert_eq!(
        summarize(&json),
        ["other-language 1:1-1:17 «Qosim Sulaymoniy» -> Qassem Soleimani"]
    );
    assert_eq!(json["findings"][0]["severity"], "warning");
    assert_eq!(
        fixed_builtin("Qosim Sulaymoniy was killed in 2020.\n", "en"),
        "Qassem Soleimani was killed in 2020.\n"
    );
}

#[test]
fn a_foreign_form_declined_the_document_languages_way_keeps_its_ending() {
    // The Tajik accusative `-ро` on the Russian name: the fix keeps it. A
    // Russian genitive ending is none of Tajik's: reported, not fixed.
    let text = "Ман Таджикистанро дидам. Аз Таджикистана.\n";
    let json = check_with(TAJIKISTAN, text, "tg", &[]);
    assert_eq!(
        summarize(&json),
        [
            "other-language 1:5-1:18 «Таджикистанро» -> Тоҷикистон",
            "other-language 1:29-1:41 «Таджикистана» -> Тоҷикистон",
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), TAJIKISTAN).unwrap();
    fs::write(dir.path().join("a.md"), text).unwrap();
    json_check_with(dir.path(), "g.toml")
        .args(["--lang", "tg", "--fix", "a.md"])
        .output()
        .unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "Ман Тоҷикистонро дидам. Аз Таджикистана.\n"
    );
}

#[test]
fn a_form_also_listed_for_the_document_language_is_that_form() {
    // The same spelling listed for Russian and Tajik: in a Tajik text it is
    // the Tajik form, not a Russian one.
    let glossary = "[[concept]]\nid = \"rasht\"\nkind = \"place\"\n\
        [concept.lang.ru]\npreferred = \"Рашт\"\n[concept.lang.tg]\npreferred = \"Рашт\"\n";
    assert_eq!(
        summarize(&check_with(glossary, "Дар Рашт.\n", "tg", &[])),
        Vec::<String>::new()
    );
    // Control: the Russian form alone is reported.
    assert_eq!(
        summarize(&check_with(TAJIKISTAN, "Дар Таджикистан.\n", "tg", &[])),
        ["other-language 1:5-1:16 «Таджикистан» -> Тоҷикистон"]
    );
}

#[test]
fn a_concept_without_a_form_in_the_document_language_stays_quiet() {
    let glossary = "[[concept]]\nid = \"tajikistan\"\nkind = \"place\"\n\
        [concept.lang.ru]\npreferred = \"Таджикистан\"\n[concept.lang.en]\npreferred = \"Tajikistan\"\n";
    assert_eq!(
        summarize(&check_with(glossary, "Ӯ шаҳрванди Таджикистан буд.\n", "tg", &[])),
        Vec::<String>::new()
    );
}

#[test]
fn original_forms_stay_quiet() {
    // The Uzbek name of the outlet, listed as the original, quoted in
    // English; a plain Uzbek spelling of the same kind would be reported.
    let glossary = "[[concept]]\nid = \"voice-of-khurasan\"\nkind = \"media\"\n\
        [concept.lang.en]\npreferred = \"Voice of Khurasan\"\n\
        [concept.lang.uz-Latn]\npreferred = \"Xuroson Ovozi\"\n\
        admitted = [{ term = \"Xuroson Sadosi\", type = \"original\" }]\n";
    let json = check_with(
        glossary,
        "The magazine Xuroson Sadosi printed it. Xuroson Ovozi too.\n",
        "en",
        &[],
    );
    assert_eq!(
        summarize(&json),
        ["other-language 1:41-1:54 «Xuroson Ovozi» -> Voice of Khurasan"]
    );
}

#[test]
fn quotations_glosses_and_other_scripts_stay_quiet() {
    let text = "Агентства писали «Таджикистан». Тоҷикистон (рус. Таджикистан) дар Осиё.\n\
        Tajikistan is the English name.\n";
    let glossary = format!("{TAJIKISTAN}[concept.lang.en]\npreferred = \"Tajikistan\"\n");
    assert_eq!(
        summarize(&check_with(&glossary, text, "tg", &[])),
        Vec::<String>::new()
    );
}

#[test]
fn a_document_of_undetermined_language_gets_no_other_language_finding() {
    for language in ["und", "mul"] {
        let json = check_with(TAJIKISTAN, "Дар Таджикистан.\n", language, &[]);
        assert_eq!(summarize(&json), Vec::<String>::new(), "{language}");
    }
}

#[test]
fn other_language_severity_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), TAJIKISTAN).unwrap();
    fs::write(dir.path().join("a.md"), "Дар Таджикистан.\n").unwrap();
    let run = |config: &str| {
        fs::write(dir.path().join("termlint.toml"), config).unwrap();
        let output = termlint(dir.path())
            .args([
                "check",
                "--config",
                "termlint.toml",
                "--no-default-glossary",
                "--format",
                "json",
            ])
            .args(["--glossary", "g.toml", "--lang", "tg", "a.md"])
            .output()
            .unwrap();
        let json = parse_json(&output);
        let severities: Vec<String> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["check"].as_str().unwrap(),
                    f["severity"].as_str().unwrap()
                )
            })
            .collect();
        (output.status.code(), severities)
    };
    assert_eq!(
        run("[checks]\nother-language = \"error\"\n"),
        (Some(1), vec!["other-language error".to_string()])
    );
    assert_eq!(run("[checks]\nother-language = \"off\"\n"), (Some(0), vec![]));
    assert_eq!(
        run("[[overrides]]\nlanguages = [\"tg\"]\n[overrides.checks]\nother-language = \"info\"\n"),
        (Some(0), vec!["other-language info".to_string()])
    );
}

#[test]
fn bilingual_sources_are_read_in_their_own_language() {
    // The English source names the outlet in Uzbek: the translator was
    // given it. The Tajik target writing the Russian form is reported.
    let glossary = format!(
        "{TAJIKISTAN}[concept.lang.en]\npreferred = \"Tajikistan\"\n\
         [concept.lang.uz-Latn]\npreferred = \"Tojikiston\"\n"
    );
    let xliff = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
        <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"tg\">\n\
        <file id=\"f1\"><unit id=\"u1\"><segment>\n\
        <source>Tojikiston, that is Tajikistan.</source>\n\
        <target>Таджикистан.</target>\n\
        </segment></unit></file></xliff>\n";
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), glossary).unwrap();
    fs::write(dir.path().join("a.xlf"), xliff).unwrap();
    let output = json_check_with(dir.path(), "g.toml")
        .arg("a.xlf")
        .output()
        .unwrap();
    let json = parse_json(&output);
    let checks: Vec<String> = summarize(&json)
        .into_iter()
        .filter(|s| s.starts_with("other-language"))
        .collect();
    assert_eq!(checks, ["other-language 5:9-5:20 «Таджикистан» -> Тоҷикистон"]);
}

#[test]
fn a_form_in_another_script_stays_quiet_however_it_is_escaped() {
    // Found by the property tests: the script was read from the text, and
    // `&#x41A;` starts with the Latin letter `x`.
    let glossary = "[[concept]]\nid = \"soleimani\"\nkind = \"person\"\n\
        [concept.lang.en]\npreferred = \"Qassem Soleimani\"\n\
        [concept.lang.ru]\npreferred = \"Касем Сулеймани\"\n";
    let xliff = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
        <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"en\">\n\
        <file id=\"f1\"><unit id=\"u0\"><segment>\n<source></source>\n\
        <target>&#x41A;асем Сулеймани и &#1050;асем Сулеймани</target>\n\
        </segment></unit></file></xliff>\n";
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.toml"), glossary).unwrap();
    fs::write(dir.path().join("a.xlf"), xliff).unwrap();
    let output = json_check_with(dir.path(), "g.toml")
        .arg("a.xlf")
        .output()
        .unwrap();
    assert_eq!(summarize(&parse_json(&output)), Vec::<String>::new());
}

// ---- orthography ----

#[test]
fn arabic_letters_in_a_persian_text_are_reported_with_the_listed_form() {
    let text = "قاسم سليماني در بغداد کشته شد.\n";
    let json = in_dir(text, "fa");
    assert_eq!(
        summarize(&json),
        ["orthography 1:1-1:13 «قاسم سليماني» -> قاسم سلیمانی"]
    );
    assert_eq!(fixed_builtin(text, "fa"), "قاسم سلیمانی در بغداد کشته شد.\n");
}

#[test]
fn tajik_typed_with_russian_letters_is_reported() {
    let json = check_with(TAJIKISTAN, "Дар Точикистон ва Тоҷикистон.\n", "tg", &[]);
    assert_eq!(
        summarize(&json),
        ["orthography 1:5-1:15 «Точикистон» -> Тоҷикистон"]
    );
}

#[test]
fn persian_joiners_and_ezafe_forms() {
    let glossary = "[[concept]]\nid = \"hezbollah\"\nkind = \"organization\"\n\
        [concept.lang.fa]\npreferred = \"حزب‌الله\"\n\
        [[concept]]\nid = \"attack\"\nkind = \"event\"\n[concept.lang.fa]\npreferred = \"حملهٔ شاهچراغ\"\n";
    // A missing non-joiner after `ب`, which joins the next letter; `ۀ`
    // for `هٔ`. The ezafe left out is no misspelling.
    let text = "حزبالله و حملۀ شاهچراغ و حمله شاهچراغ.\n";
    assert_eq!(
        summarize(&check_with(glossary, text, "fa", &[])),
        [
            "orthography 1:1-1:8 «حزبالله» -> حزب‌الله",
            "orthography 1:11-1:23 «حملۀ شاهچراغ» -> حملهٔ شاهچراغ",
        ]
    );
}

#[test]
fn presentation_forms_kashida_joiners_and_nfd_stay_quiet() {
    let glossary = "[[concept]]\nid = \"soleimani\"\nkind = \"person\"\n\
        [concept.lang.fa]\npreferred = \"قاسم سلیمانی\"\n\
        [[concept]]\nid = \"tajikistan\"\nkind = \"place\"\n[concept.lang.tg]\npreferred = \"Осиёи Марказӣ\"\n";
    // Presentation forms of `سلیمانی`, a kashida, a zero-width joiner.
    let persian = "قاسم \u{FEB3}\u{FEE0}\u{FBFF}\u{FEE4}\u{FE8E}\u{FEE7}\u{FBFD}.\nقاسم سلیـمانی.\nقاسم سلی\u{200D}مانی.\n";
    assert_eq!(
        summarize(&check_with(glossary, persian, "fa", &[])),
        Vec::<String>::new()
    );
    // Presentation forms are read as the letters they present: those of
    // the Arabic yeh are Arabic yeh.
    let arabic_yeh = "قاسم \u{FEB3}\u{FEE0}\u{FEF4}\u{FEE4}\u{FE8E}\u{FEE7}\u{FEF2}.\n";
    assert_eq!(
        summarize(&check_with(glossary, arabic_yeh, "fa", &[])),
        ["orthography 1:1-1:13 «قاسم \u{FEB3}\u{FEE0}\u{FEF4}\u{FEE4}\u{FE8E}\u{FEE7}\u{FEF2}» -> قاسم سلیمانی"]
    );
    // `ӣ` written as `и` and a combining macron.
    let tajik = "Дар Осиёи Марказ\u{0438}\u{0304}.\n";
    assert_eq!(
        summarize(&check_with(glossary, tajik, "tg", &[])),
        Vec::<String>::new()
    );
}

#[test]
fn an_admitted_spelling_and_ordinary_words_stay_quiet() {
    // The glossary admits the spelling with Arabic letters: it is listed.
    let glossary = "[[concept]]\nid = \"soleimani\"\nkind = \"person\"\n\
        [concept.lang.fa]\npreferred = \"قاسم سلیمانی\"\nadmitted = [\"قاسم سليماني\"]\n";
    // Arabic yeh and kaf in words that are no listed form.
    let text = "قاسم سليماني في الكتاب.\n";
    assert_eq!(
        summarize(&check_with(glossary, text, "fa", &[])),
        Vec::<String>::new()
    );
    // Control: without the admitted form it is reported.
    let preferred_only = "[[concept]]\nid = \"soleimani\"\nkind = \"person\"\n\
        [concept.lang.fa]\npreferred = \"قاسم سلیمانی\"\n";
    assert_eq!(
        summarize(&check_with(preferred_only, text, "fa", &[])),
        ["orthography 1:1-1:13 «قاسم سليماني» -> قاسم سلیمانی"]
    );
}

#[test]
fn latin_diacritics_count_only_where_the_text_writes_some() {
    let glossary = "[[concept]]\nid = \"abu-hudhayfah\"\nkind = \"person\"\n\
        [concept.lang.en]\npreferred = \"Abū Ḥudhayfah\"\n";
    // Plain letters are how English news writes the name; wrong marks are
    // a misspelling of the scholarly form.
    let text = "Abu Hudhayfah spoke. Abū Ḥudhāyfah spoke. Abū Ḥudhayfah spoke.\n";
    assert_eq!(
        summarize(&check_with(glossary, text, "en", &[])),
        ["orthography 1:22-1:35 «Abū Ḥudhāyfah» -> Abū Ḥudhayfah"]
    );
    // A glossary that lists a form without marks accepts any marks.
    let both = format!("{glossary}admitted = [\"Abu Hudhayfah\"]\n");
    assert_eq!(
        summarize(&check_with(&both, text, "en", &[])),
        Vec::<String>::new()
    );
}

#[test]
fn quoted_misspellings_and_a_check_turned_off_stay_quiet() {
    let text = "خبرگزاری‌ها نوشتند «قاسم سليماني».\n";
    assert_eq!(summarize(&in_dir(text, "fa")), Vec::<String>::new());
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "قاسم سليماني در بغداد.\n").unwrap();
    fs::write(
        dir.path().join("termlint.toml"),
        "[checks]\northography = \"off\"\n",
    )
    .unwrap();
    let output = termlint(dir.path())
        .args(["check", "--format", "json", "--lang", "fa", "a.md"])
        .output()
        .unwrap();
    assert_eq!(summarize(&parse_json(&output)), Vec::<String>::new());
}

#[test]
fn a_po_strings_own_quotes_are_no_quotation() {
    // The `"` around a PO string delimits it; a form alone on a
    // continuation line (`"Xuroson"`) is not quoted by its writer, and is
    // reported as the same form elsewhere in the string is (the
    // property tests found a fix that left the second for a second run).
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.po"),
        "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\nmsgid \"Khorasan and Khorasan\"\n\
         msgstr \"\"\n\"Xuroson\"\n\" and Xuroson\"\n",
    )
    .unwrap();
    let output = json_check_with(dir.path(), common::test_glossary().to_str().unwrap())
        .arg("a.po")
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output)),
        [
            "other-language 7:2-7:9 «Xuroson» -> Khorasan",
            "missing-term 7:2-8:14 «Xuroson\"\n\" and Xuroson» -> Khorasan",
            "other-language 8:7-8:14 «Xuroson» -> Khorasan",
        ]
    );
}
