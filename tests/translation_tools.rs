//! Files of translation tools: TMX memories, Trados SDLXLIFF and memoQ
//! MQXLIFF, checked like XLIFF, each finding naming its segment as the tool
//! shows it; locked and confirmed segments left out on request.

mod common;

use common::*;
use serde_json::Value;

/// `termlint check --format json` of a translation fixture with its glossary.
fn check_fixture(file: &str, flags: &[&str]) -> (std::process::Output, Value) {
    let dir = fixtures().join("translation");
    let output = json_check_with(&dir, "glossary.toml")
        .args(flags)
        .arg(file)
        .output()
        .unwrap();
    let json = parse_json(&output);
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    assert_spans_slice(&text, &json);
    (output, json)
}

/// Each finding as `segment check line:column-line:column [start..end] «found» -> suggestion`.
fn findings(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .zip(summarize(json))
        .map(|(f, line)| {
            let (check, rest) = line.split_once(' ').unwrap();
            format!(
                "{} {check} [{}..{}] {rest}",
                f["segment"].as_str().unwrap_or("-"),
                f["span"]["start"],
                f["span"]["end"]
            )
        })
        .collect()
}

#[test]
fn tmx_units_are_checked_like_xliff_with_their_tuids() {
    let (output, json) = check_fixture("briefing.en-ru.tmx", &[]);
    assert_eq!(
        findings(&json),
        [
            "brief-1 missing-term [488..568] 9:31-9:74 «Ответственность за нападение взяли на себя.» -> Керман",
            // After an inline <ph> in the middle of the segment.
            "brief-2 deprecated [805..819] 13:78-13:85 «Кирмане» -> Керман",
            // The third unit, without a tuid: «Кермане» inflects Керман, so
            // nothing is missing, and the <bpt>/<ept> codes are not text.
        ]
    );
    assert_eq!(code(&output), 1);
    let message = json["findings"][0]["message"].as_str().unwrap();
    assert!(message.ends_with("(segment brief-1)"), "{message}");
}

#[test]
fn a_tmx_fix_keeps_the_russian_ending_and_the_inline_codes() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["glossary.toml", "briefing.en-ru.tmx"] {
        std::fs::copy(fixtures().join("translation").join(file), dir.path().join(file)).unwrap();
    }
    let original = std::fs::read_to_string(dir.path().join("briefing.en-ru.tmx")).unwrap();
    let output = termlint(dir.path())
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            "glossary.toml",
        ])
        .args(["--fix", "briefing.en-ru.tmx"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 1, "the missing term cannot be fixed automatically");
    let fixed = std::fs::read_to_string(dir.path().join("briefing.en-ru.tmx")).unwrap();
    assert_eq!(
        fixed,
        original.replace(
            "<ph x=\"1\">&lt;br/&gt;</ph>находится в Кирмане.",
            "<ph x=\"1\">&lt;br/&gt;</ph>находится в Кермане."
        )
    );
}

#[test]
fn a_malformed_tmx_is_a_file_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"ru\"><seg>Кирман</tuv></tu>\n</body></tmx>";
    std::fs::write(dir.path().join("bad.tmx"), tmx).unwrap();
    std::fs::write(dir.path().join("xxe.tmx"), "<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tmx><body><tu><tuv xml:lang=\"en\"><seg>&x;</seg></tuv></tu></body></tmx>").unwrap();
    let glossary = fixtures().join("translation/glossary.toml");
    let output = json_check_with(dir.path(), &glossary)
        .args(["bad.tmx", "xxe.tmx"])
        .output()
        .unwrap();
    let json = parse_json(&output);
    let errors: Vec<(&str, &str, &str)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
                e["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{json:#}");
    assert_eq!((errors[0].0, errors[0].1), ("bad.tmx", "malformed"));
    assert!(errors[0].2.starts_with("bad.tmx:2:35:"), "{}", errors[0].2);
    assert_eq!((errors[1].0, errors[1].1), ("xxe.tmx", "malformed"));
    assert!(errors[1].2.starts_with("xxe.tmx:2:40:"), "{}", errors[1].2);
    assert_eq!(code(&output), 2);
    assert_eq!(json["findings"].as_array().unwrap().len(), 0);
}

const SDLXLIFF_ALL: [&str; 4] = [
    "1 missing-term [1225..1305] 10:34-10:77 «Ответственность за нападение взяли на себя.» -> Керман",
    "2 deprecated [1388..1402] 10:142-10:149 «Кирмане» -> Керман",
    "3 deprecated [1786..1798] 17:34-17:40 «Кирман» -> Керман",
    "4 deprecated [2212..2226] 23:56-23:63 «Кирмане» -> Керман",
];

#[test]
fn sdlxliff_segments_are_paired_by_mid_and_named_by_it() {
    let (output, json) = check_fixture("briefing.en-ru.sdlxliff", &[]);
    assert_eq!(findings(&json), SDLXLIFF_ALL);
    assert_eq!(code(&output), 1);
}

#[test]
fn skip_locked_leaves_out_the_locked_trados_segment() {
    let (_, json) = check_fixture("briefing.en-ru.sdlxliff", &["--skip-locked"]);
    assert_eq!(
        findings(&json),
        [SDLXLIFF_ALL[0], SDLXLIFF_ALL[1], SDLXLIFF_ALL[3]]
    );
}

#[test]
fn only_unconfirmed_leaves_out_translated_and_approved_trados_segments() {
    // Segment 2 is Translated (confirmed), 4 ApprovedTranslation; 1 and 3
    // are drafts.
    let (_, json) = check_fixture("briefing.en-ru.sdlxliff", &["--only-unconfirmed"]);
    assert_eq!(findings(&json), [SDLXLIFF_ALL[0], SDLXLIFF_ALL[2]]);
    let (_, json) = check_fixture(
        "briefing.en-ru.sdlxliff",
        &["--only-unconfirmed", "--skip-locked"],
    );
    assert_eq!(findings(&json), [SDLXLIFF_ALL[0]]);
}

#[test]
fn the_options_can_be_set_in_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["glossary.toml", "briefing.en-ru.sdlxliff"] {
        std::fs::copy(fixtures().join("translation").join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(
        dir.path().join("termlint.toml"),
        "glossary = [\"glossary.toml\"]\nbuiltin_glossary = false\nskip_locked = true\nonly_unconfirmed = true\n",
    )
    .unwrap();
    let output = termlint(dir.path())
        .args(["check", "--format", "json", "briefing.en-ru.sdlxliff"])
        .output()
        .unwrap();
    assert_eq!(findings(&parse_json(&output)), [SDLXLIFF_ALL[0]]);
}

#[test]
fn mqxliff_locked_units_are_skipped_on_request() {
    let all = [
        "1 deprecated [770..784] 9:59-9:66 «Кирмане» -> Керман",
        "2 deprecated [1086..1098] 13:38-13:44 «Кирман» -> Керман",
    ];
    let (output, json) = check_fixture("briefing.en-ru.mqxliff", &[]);
    assert_eq!(findings(&json), all);
    assert_eq!(code(&output), 1);
    let (_, json) = check_fixture("briefing.en-ru.mqxliff", &["--skip-locked"]);
    assert_eq!(findings(&json), [all[0]]);
    // Unit 2 is ManuallyConfirmed.
    let (_, json) = check_fixture("briefing.en-ru.mqxliff", &["--only-unconfirmed"]);
    assert_eq!(findings(&json), [all[0]]);
}

#[test]
fn a_fix_in_sdlxliff_writes_the_target_and_leaves_the_source_alone() {
    let dir = tempfile::tempdir().unwrap();
    let sdlxliff = "<xliff xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\" version=\"1.2\">\
<file source-language=\"en-US\" target-language=\"en-GB\"><body>\n\
<trans-unit id=\"u\"><source>From Kirman.</source>\n\
<seg-source><mrk mtype=\"seg\" mid=\"7\">From Kirman.</mrk></seg-source>\n\
<target><mrk mtype=\"seg\" mid=\"7\">From Kirman.</mrk></target>\n\
<sdl:seg-defs><sdl:seg id=\"7\" conf=\"Draft\"/></sdl:seg-defs></trans-unit>\n</body></file></xliff>\n";
    std::fs::write(dir.path().join("a.sdlxliff"), sdlxliff).unwrap();
    let (_, json) = check_json(dir.path(), &["a.sdlxliff"]);
    assert_eq!(
        findings(&json),
        [
            "7 deprecated [223..229] 3:43-3:49 «Kirman» -> Kerman",
            "7 deprecated [288..294] 4:39-4:45 «Kirman» -> Kerman",
        ]
    );
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .args(["--fix", "a.sdlxliff"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 1, "the source's finding stays");
    let fixed = std::fs::read_to_string(dir.path().join("a.sdlxliff")).unwrap();
    assert_eq!(
        fixed,
        sdlxliff.replace(
            "<target><mrk mtype=\"seg\" mid=\"7\">From Kirman.",
            "<target><mrk mtype=\"seg\" mid=\"7\">From Kerman."
        )
    );
}

#[test]
fn project_wide_inconsistencies_name_their_segment_too() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = |tuid: &str, text: &str| {
        format!(
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu tuid=\"{tuid}\"><tuv xml:lang=\"en\"><seg>{text}</seg></tuv></tu>\n</body></tmx>\n"
        )
    };
    std::fs::write(dir.path().join("a.tmx"), tmx("first", "Khorasan and Khorasan.")).unwrap();
    std::fs::write(dir.path().join("b.tmx"), tmx("second", "Khurasan.")).unwrap();
    let (_, json) = check_json(dir.path(), &["--consistency", "project", "a.tmx", "b.tmx"]);
    assert_eq!(
        findings(&json),
        ["second inconsistent [90..98] 2:43-2:51 «Khurasan» -> Khorasan"]
    );
}

#[test]
fn tmx_takes_suppression_comments() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n\
<!-- termlint-disable-next-line deprecated -->\n\
<tu tuid=\"a\"><tuv xml:lang=\"en\"><seg>Kirman</seg></tuv></tu>\n\
<tu tuid=\"b\"><tuv xml:lang=\"en\"><seg>Kirman</seg></tuv></tu>\n\
</body></tmx>\n";
    std::fs::write(dir.path().join("a.tmx"), tmx).unwrap();
    let (_, json) = check_json(dir.path(), &["a.tmx"]);
    assert_eq!(
        findings(&json),
        ["b deprecated [193..199] 4:38-4:44 «Kirman» -> Kerman"]
    );
}

/// `text` in UTF-16 after a byte-order mark, little or big endian.
fn utf16_with_bom(text: &str, little: bool) -> Vec<u8> {
    std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() })
        .collect()
}

#[test]
fn a_utf16_tmx_with_a_byte_order_mark_is_read_and_never_fixed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("translation/glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    let utf8 = std::fs::read_to_string(fixtures().join("translation/briefing.en-ru.tmx"))
        .unwrap()
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    let little = utf16_with_bom(&utf8, true);
    let big = utf16_with_bom(&utf8, false);
    std::fs::write(dir.path().join("le.tmx"), &little).unwrap();
    std::fs::write(dir.path().join("be.tmx"), &big).unwrap();
    let run = |args: &[&str]| {
        json_check_with(dir.path(), "glossary.toml")
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&["le.tmx", "be.tmx"]);
    let json = parse_json(&output);
    assert_eq!(json["errors"].as_array().unwrap().len(), 0, "{json:#}");
    // Lines and columns are the file's; spans are bytes of its text as
    // UTF-8 (the file without its mark: one byte more than the UTF-8
    // fixture, for the longer encoding name).
    let found: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .zip(summarize(&json))
        .map(|(f, line)| {
            format!(
                "{} {} [{}..{}] {line}",
                f["path"].as_str().unwrap(),
                f["segment"].as_str().unwrap(),
                f["span"]["start"],
                f["span"]["end"]
            )
        })
        .collect();
    let expected = |path: &str| {
        [
            format!("{path} brief-1 [489..569] missing-term 9:31-9:74 «Ответственность за нападение взяли на себя.» -> Керман"),
            format!("{path} brief-2 [806..820] deprecated 13:78-13:85 «Кирмане» -> Керман"),
        ]
    };
    assert_eq!(found, [expected("be.tmx"), expected("le.tmx")].concat());
    assert_eq!(code(&output), 1);
    // No fix is offered, and `--fix` leaves the files as they were.
    let output = run(&["--fix", "le.tmx", "be.tmx"]);
    assert_eq!(code(&output), 1);
    assert_eq!(std::fs::read(dir.path().join("le.tmx")).unwrap(), little);
    assert_eq!(std::fs::read(dir.path().join("be.tmx")).unwrap(), big);
    // An odd byte at the end is UTF-16 that cannot be read.
    let mut odd = little.clone();
    odd.push(b'<');
    std::fs::write(dir.path().join("odd.tmx"), odd).unwrap();
    let json = parse_json(&run(&["odd.tmx"]));
    assert_eq!(json["errors"][0]["kind"], "utf16", "{json:#}");
}
