//! Segment consistency (issue 19): one source translated two ways
//! (`inconsistent-target`) and one translation given to two sources
//! (`inconsistent-source`), one finding per group naming every segment, in
//! a file or, with project scope, across files. Sources and targets are
//! compared folded, with every glossary form standing for its concept.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::*;
use serde_json::Value;

fn dir() -> PathBuf {
    fixtures().join("segments")
}

/// `termlint check --format json` on the segment fixtures with their glossary.
fn check(args: &[&str]) -> (Output, Value) {
    let output = json_check_with(&dir(), "glossary.toml")
        .args(args)
        .output()
        .unwrap();
    let json = parse_json(&output);
    (output, json)
}

/// The segment-consistency findings as
/// `check path segment [start..end] line:column «found»`, each followed by
/// its group's segments as `  path segment vVERSION line:column [start..end]`.
/// Every span is checked to slice its file to the text reported.
fn segment_findings(json: &Value) -> Vec<String> {
    let slice = |path: &str, span: &Value| {
        let text = std::fs::read_to_string(dir().join(path)).unwrap();
        let (start, end) = (span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
        text[start as usize..end as usize].to_string()
    };
    let mut lines = Vec::new();
    for f in json["findings"].as_array().unwrap() {
        let check = f["check"].as_str().unwrap();
        if !check.starts_with("inconsistent-") {
            continue;
        }
        let path = f["path"].as_str().unwrap();
        assert_eq!(slice(path, &f["span"]), f["found"].as_str().unwrap());
        lines.push(format!(
            "{check} {path} {} [{}..{}] {}:{} «{}»",
            f["segment"].as_str().unwrap_or("-"),
            f["span"]["start"],
            f["span"]["end"],
            f["start"]["line"],
            f["start"]["column"],
            f["found"].as_str().unwrap()
        ));
        for place in f["segments"].as_array().unwrap() {
            let place_path = place["path"].as_str().unwrap();
            assert_eq!(slice(place_path, &place["span"]), place["text"].as_str().unwrap());
            lines.push(format!(
                "  {place_path} {} v{} {}:{} [{}..{}]",
                place["segment"].as_str().unwrap_or("-"),
                place["version"],
                place["start"]["line"],
                place["start"]["column"],
                place["span"]["start"],
                place["span"]["end"]
            ));
        }
    }
    lines
}

const PROJECT: [&str; 3] = ["summit-a.en-ru.xlf", "summit-b.en-ru.xlf", "summit-c.en-ru.xlf"];

#[test]
fn three_xliff_files_give_one_finding_per_group_naming_every_segment() {
    let (output, json) = check(&[&["--consistency", "project"][..], &PROJECT[..]].concat());
    assert_eq!(
        segment_findings(&json),
        [
            // `Almaty` and `Alma-Ata` (admitted), a double space and a lower
            // case `the` make one source; c1 differs from a1 only by the
            // admitted `Алма-Ата` (inflected), so it is version 1 too.
            "inconsistent-target summit-a.en-ru.xlf a1 [406..478] 8:17 «Саммит в Алматы открылся в понедельник.»",
            "  summit-a.en-ru.xlf a1 v1 8:17 [406..478]",
            "  summit-b.en-ru.xlf b1 v2 8:17 [409..516]",
            "  summit-c.en-ru.xlf c1 v1 8:17 [406..481]",
            "inconsistent-source summit-a.en-ru.xlf a3 [770..795] 15:17 «The talks were postponed.»",
            "  summit-a.en-ru.xlf a3 v1 15:17 [770..795]",
            "  summit-b.en-ru.xlf b2 v2 11:17 [589..621]",
        ]
    );
    // a2 and c2 differ only by admitted forms on both sides, b3 and c3 are
    // the same, and a4 is not translated: none of them is inconsistent.
    // Findings are warnings: the run passes.
    assert_eq!(code(&output), 0);
    assert_eq!(json["summary"]["errors"], 0);
    let message = json["findings"][0]["message"].as_str().unwrap();
    assert_eq!(
        message,
        "The source “The summit in Almaty opened on Monday.” is translated 2 ways in 3 segments; \
         this one reads “Саммит в Алматы открылся в понедельник.” (segment a1)"
    );
}

#[test]
fn by_default_segments_are_compared_within_each_file_only() {
    let (_, json) = check(&PROJECT);
    assert_eq!(segment_findings(&json), Vec::<String>::new());
}

#[test]
fn a_tmx_memory_is_checked_within_itself() {
    let (_, json) = check(&["report.en-ru.tmx"]);
    assert_eq!(
        segment_findings(&json),
        [
            "inconsistent-target report.en-ru.tmx w1 [388..450] 6:104 «Аральское море продолжает мелеть.»",
            "  report.en-ru.tmx w1 v1 6:104 [388..450]",
            "  report.en-ru.tmx w3 v2 8:105 [732..780]",
            "inconsistent-source report.en-ru.tmx w2 [506..530] 7:39 «Water levels fell again.»",
            "  report.en-ru.tmx w2 v1 7:39 [506..530]",
            "  report.en-ru.tmx w4 v2 9:39 [836..863]",
        ]
    );
    // w5 and w6 swap `Almaty` and `Alma-Ata` on both sides: one source,
    // one target. w7 and w8 are different sentences with different
    // translations; w9 repeats w7 untranslated (an empty target).
    let inconsistent: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "inconsistent")
        .map(|f| f["segment"].as_str().unwrap())
        .collect();
    assert_eq!(inconsistent, ["w5", "w6"]);
}

#[test]
fn po_plural_forms_are_one_target_and_msgids_are_compared_within_a_context() {
    let (_, json) = check(&["delegates.ru.po"]);
    // The plural forms of one entry are one target, not three versions;
    // the two Kyrgyzstan entries differ only by admitted forms. `Exit` in
    // the contexts `hall` and `menu` may be translated two ways (that is
    // what `msgctxt` is for); within `menu`, `Exit` and `Quit` share one.
    assert_eq!(
        segment_findings(&json),
        [
            "inconsistent-source delegates.ru.po - [775..793] 20:8 «The summit closed.»",
            "  delegates.ru.po - v1 20:8 [775..793]",
            "  delegates.ru.po - v2 23:8 [843..860]",
            "inconsistent-source delegates.ru.po - [974..978] 31:8 «Exit»",
            "  delegates.ru.po - v1 31:8 [974..978]",
            "  delegates.ru.po - v2 35:8 [1023..1027]",
        ]
    );
}

#[test]
fn severities_come_from_the_checks_table_and_the_checks_can_be_turned_off() {
    let temp = tempfile::tempdir().unwrap();
    for file in PROJECT.iter().chain(&["glossary.toml"]) {
        std::fs::copy(dir().join(file), temp.path().join(file)).unwrap();
    }
    std::fs::write(
        temp.path().join("termlint.toml"),
        "glossary = [\"glossary.toml\"]\nbuiltin_glossary = false\nconsistency = \"project\"\n\
         [checks]\ninconsistent-target = \"error\"\ninconsistent-source = \"off\"\ninconsistent = \"off\"\n",
    )
    .unwrap();
    let output = termlint(temp.path())
        .args(["check", "--no-default-glossary", "--format", "json"])
        .args(PROJECT)
        .output()
        .unwrap();
    let json = parse_json(&output);
    let checks: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["check"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(checks, [("inconsistent-target", "error")]);
    assert_eq!(code(&output), 1);
}

#[test]
fn every_output_format_names_the_group() {
    let args = [&["--consistency", "project"][..], &PROJECT[..]].concat();
    // Human output lists every segment under the finding.
    let human = termlint(&dir())
        .args(["check", "--no-config", "--no-default-glossary"])
        .args(["--glossary", "glossary.toml"])
        .args(&args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(human.stdout).unwrap();
    for line in [
        "warning[inconsistent-target]: The source “The summit in Almaty opened on Monday.” is translated 2 ways",
        "= note: summit-a.en-ru.xlf:8:17 (segment a1), version 1: “Саммит в Алматы открылся в понедельник.”",
        "= note: summit-b.en-ru.xlf:8:17 (segment b1), version 2: “Встреча на высшем уровне в Алматы открылась в понедельник.”",
        "= note: summit-c.en-ru.xlf:8:17 (segment c1), version 1: “Саммит в Алма-Ате открылся в понедельник.”",
        "warning[inconsistent-source]:",
        "= note: summit-b.en-ru.xlf:11:17 (segment b2), version 2: “The negotiations were postponed.”",
    ] {
        assert!(stdout.contains(line), "{line}\nnot in\n{stdout}");
    }
    // SARIF: every segment as a related location.
    let sarif = termlint(&dir())
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--format",
            "sarif",
        ])
        .args(["--glossary", "glossary.toml"])
        .args(&args)
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options().build(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
    let result = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "inconsistent-target")
        .unwrap();
    let related: Vec<String> = result["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["physicalLocation"];
            format!(
                "{} {}:{} +{}",
                location["artifactLocation"]["uri"].as_str().unwrap(),
                location["region"]["startLine"],
                location["region"]["startColumn"],
                location["region"]["byteOffset"]
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            "summit-a.en-ru.xlf 8:17 +406",
            "summit-b.en-ru.xlf 8:17 +409",
            "summit-c.en-ru.xlf 8:17 +406"
        ]
    );
    // GitHub workflow commands and checkstyle: one entry per group.
    for (format, marker) in [
        ("github", "inconsistent-target"),
        ("checkstyle", "termlint.inconsistent-target"),
    ] {
        let output = termlint(&dir())
            .args([
                "check",
                "--no-config",
                "--no-default-glossary",
                "--format",
                format,
            ])
            .args(["--glossary", "glossary.toml"])
            .args(&args)
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(text.matches(marker).count(), 1, "{format}:\n{text}");
    }
    // JSON Lines: the group on the finding's line.
    let lines = termlint(&dir())
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--format",
            "jsonl",
        ])
        .args(["--glossary", "glossary.toml"])
        .args(&args)
        .output()
        .unwrap();
    let first: Value = String::from_utf8(lines.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .find(|line| line["check"] == "inconsistent-target")
        .unwrap();
    assert_eq!(first["segments"].as_array().unwrap().len(), 3);
}
