//! The bilingual check is by concept, not by longest match (issue #15): a
//! source term expects the target to name the same concept in any of its
//! target-language forms, and a longer concept's form in the target does
//! not hide a shorter concept's form inside it (`Теракт в Кермане`, the 2024
//! Kerman bombings, names Kerman too).

mod common;

use std::path::Path;

use common::*;

/// Nested names: the bombings hold Kerman, the magazine holds Khorasan;
/// Kermanshah is another city whose name begins like Kerman's.
const GLOSSARY: &str = r#"
[[concept]]
id = "kerman"
[concept.lang.en]
preferred = "Kerman"
[concept.lang.ru]
preferred = "Керман"

[[concept]]
id = "kerman-bombings"
[concept.lang.en]
preferred = "2024 Kerman bombings"
admitted = ["Kerman bombings"]
[concept.lang.ru]
preferred = "Теракт в Кермане"
admitted = ["Взрывы в Кермане"]

[[concept]]
id = "kermanshah"
[concept.lang.en]
preferred = "Kermanshah"
[concept.lang.ru]
preferred = "Керманшах"

[[concept]]
id = "khorasan"
[concept.lang.en]
preferred = "Khorasan"
admitted = ["Khurasan"]
[concept.lang.ru]
preferred = "Хорасан"

[[concept]]
id = "voice-of-khurasan"
[concept.lang.en]
preferred = "Voice of Khurasan"
[concept.lang.ru]
preferred = "Голос Хорасана"
"#;

/// The header of a Russian PO file.
const PO_HEADER: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\n";

/// Checks `file` (written with `content`) against [`GLOSSARY`] alone and
/// returns the exit code and the findings, summarized; every finding's
/// span must slice the file to what it found.
fn check_with_test_glossary(file: &str, content: &str) -> (i32, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("glossary.toml"), GLOSSARY).unwrap();
    std::fs::write(dir.path().join(file), content).unwrap();
    let output = json_check_with(dir.path(), "glossary.toml")
        .arg(file)
        .output()
        .unwrap();
    summarized(dir.path(), file, &output)
}

/// The exit code and summarized findings of a JSON run on `file` in `dir`,
/// after checking that every span slices the file to what it found.
fn summarized(dir: &Path, file: &str, output: &std::process::Output) -> (i32, Vec<String>) {
    let json = parse_json(output);
    assert_eq!(json["errors"], serde_json::json!([]), "{json:#}");
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    assert_spans_slice(&text, &json);
    (code(output), summarize(&json))
}

#[test]
fn a_shorter_concept_inside_a_longer_one_in_the_target_counts() {
    // Each source names the shorter concept; each target names only the
    // longer one, whose form holds the shorter one's, inflected (Кермане,
    // Хорасана), and once split across PO strings.
    let po = format!(
        "{PO_HEADER}\
         msgid \"The attack in Kerman was claimed.\"\n\
         msgstr \"Теракт в Кермане был заявлен.\"\n\n\
         msgid \"Kerman mourned its dead.\"\n\
         msgstr \"\"\n\"Теракт в \"\n\"Кермане потряс страну.\"\n\n\
         msgid \"The magazine spoke for Khurasan.\"\n\
         msgstr \"Так писал Голос Хорасана.\"\n"
    );
    assert_eq!(check_with_test_glossary("briefing.ru.po", &po), (0, vec![]));
}

#[test]
fn a_target_without_any_form_of_the_concept_is_still_missing_it() {
    // The first row is the contrast: Kerman, translated by an admitted form
    // of the longer concept, is there.
    let tsv = "en\tru\n\
               Kerman mourned its dead.\tВзрывы в Кермане потрясли страну.\n\
               Kerman is a city in Iran.\tЭто город в Иране.\n\
               The magazine spoke for Khurasan.\tТак писал журнал.\n";
    assert_eq!(
        check_with_test_glossary("briefing.tsv", tsv),
        (
            1,
            vec![
                "missing-term 3:27-3:45 «Это город в Иране.» -> Керман".to_string(),
                "missing-term 4:34-4:51 «Так писал журнал.» -> Хорасан".to_string(),
            ]
        )
    );
}

#[test]
fn a_different_concept_with_a_similar_name_does_not_count() {
    // Керманшахе is Kermanshah, not an inflected Kerman; and the shorter
    // concept in the target does not stand for the longer one in the
    // source. The first unit is the contrast: Кермане inside the longer
    // concept's form does count.
    let po = format!(
        "{PO_HEADER}\
         msgid \"The attack in Kerman was claimed.\"\n\
         msgstr \"Теракт в Кермане был заявлен.\"\n\n\
         msgid \"Kerman is quiet today.\"\n\
         msgstr \"Сегодня в Керманшахе спокойно.\"\n\n\
         msgid \"The 2024 Kerman bombings shocked Iran.\"\n\
         msgstr \"Взрыв в Кермане потряс Иран.\"\n"
    );
    assert_eq!(
        check_with_test_glossary("briefing.ru.po", &po),
        (
            1,
            vec![
                "missing-term 9:9-9:39 «Сегодня в Керманшахе спокойно.» -> Керман".to_string(),
                "missing-term 12:9-12:37 «Взрыв в Кермане потряс Иран.» -> Теракт в Кермане".to_string(),
            ]
        )
    );
}

#[test]
fn a_source_term_left_inside_a_longer_one_is_untranslated() {
    // The English name of the bombings, left in the Russian target, keeps
    // Kerman in English: that is an untranslated term, not a missing one.
    let po = format!(
        "{PO_HEADER}\
         msgid \"Kerman mourned its dead.\"\n\
         msgstr \"Kerman bombings потрясли страну.\"\n"
    );
    assert_eq!(
        check_with_test_glossary("briefing.ru.po", &po),
        (
            0,
            vec!["untranslated-term 6:9-6:15 «Kerman» -> Керман".to_string()]
        ),
        "a warning, by default"
    );
}

#[test]
fn the_shipped_glossary_kerman_inside_the_kerman_bombings() {
    // `kerman` (Керман) and `kerman-bombings-2024` (Теракт в Кермане) of
    // the built-in glossary, in XLIFF.
    let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>The attack in Kerman was claimed.</source>
        <target>Теракт в Кермане был заявлен.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment>
        <source>The 2024 Kerman bombings shocked Iran.</source>
        <target>Теракт в Кермане потряс Иран.</target>
      </segment>
    </unit>
    <unit id="u3">
      <segment>
        <source>The attack in Kerman was claimed.</source>
        <target>Ответственность за нападение взяли на себя.</target>
      </segment>
    </unit>
  </file>
</xliff>
"#;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("briefing.xlf"), xliff).unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "json", "briefing.xlf"])
        .output()
        .unwrap();
    assert_eq!(
        summarized(dir.path(), "briefing.xlf", &output),
        (
            1,
            vec![
                // u1 and u3 translate one source two ways (issue 19).
                "inconsistent-target 7:17-7:46 «Теракт в Кермане был заявлен.» -> -".to_string(),
                "missing-term 19:17-19:60 «Ответственность за нападение взяли на себя.» -> Керман"
                    .to_string()
            ]
        )
    );
}
