//! Scores termlint on the shared evaluation sample (real name variants in
//! real news prose), as its README prescribes. The sample lives outside the
//! repository, in `../shared/data/eval-sample`; without it the test says it
//! was skipped.

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::*;
use serde_json::Value;

fn sample_dir() -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/eval-sample");
    dir.join("truth.jsonl").is_file().then_some(dir)
}

/// The sample glossary as termlint TOML: variants are deprecated forms.
fn glossary_toml(tsv: &str) -> String {
    let mut concepts = Vec::new();
    for line in tsv.lines().filter(|l| !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let (Some(id), Some(preferred)) = (fields.next(), fields.next()) else {
            continue;
        };
        let variants: Vec<&str> = fields.next().map(|v| v.split('|').collect()).unwrap_or_default();
        let mut en = toml::Table::new();
        en.insert("preferred".into(), preferred.into());
        en.insert("deprecated".into(), variants.into());
        let mut lang = toml::Table::new();
        lang.insert("en".into(), en.into());
        let mut concept = toml::Table::new();
        concept.insert("id".into(), id.into());
        concept.insert("lang".into(), lang.into());
        concepts.push(toml::Value::Table(concept));
    }
    let mut file = toml::Table::new();
    file.insert("concept".into(), concepts.into());
    toml::to_string(&file).expect("glossary serialises")
}

fn records(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn overlaps(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn span(record: &Value, start: &str, end: &str) -> (u64, u64) {
    (record[start].as_u64().unwrap(), record[end].as_u64().unwrap())
}

#[test]
fn eval_sample_listed_variants() {
    let Some(dir) = sample_dir() else {
        eprintln!("skipped: ../shared/data/eval-sample is not present");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let glossary = work.path().join("sample.toml");
    std::fs::write(
        &glossary,
        glossary_toml(&std::fs::read_to_string(dir.join("glossary.tsv")).unwrap()),
    )
    .unwrap();
    let output = termlint(&dir.join("texts"))
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--format",
            "json",
            "--glossary",
        ])
        .arg(&glossary)
        .arg(".")
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let truth = records(&dir.join("truth.jsonl"));
    let mentions = records(&dir.join("mentions.jsonl"));
    let findings: Vec<(String, (u64, u64), String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap().trim_start_matches("./").to_string();
            (
                path,
                span(&f["span"], "start", "end"),
                f["concept"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Expected: listed non-preferred variants, and inconsistent mentions not
    // in the preferred form. Unlisted variants (held out of the glossary) are
    // left to a check that finds spellings nobody listed.
    let unlisted = std::fs::read_to_string(dir.join("unlisted.tsv")).unwrap();
    let unlisted: HashSet<&str> = unlisted.lines().filter_map(|l| l.split('\t').nth(1)).collect();
    let expected: Vec<&Value> = truth
        .iter()
        .filter(|r| !unlisted.contains(r["text"].as_str().unwrap_or("")))
        .filter(|r| match r["kind"].as_str() {
            Some("nonpreferred") => true,
            Some("inconsistent") => r["text"] != r["preferred"],
            _ => false,
        })
        .collect();
    let found = |r: &Value| {
        findings.iter().any(|(path, s, concept)| {
            path == r["doc"].as_str().unwrap()
                && concept == r["concept_id"].as_str().unwrap()
                && overlaps(*s, span(r, "byte_start", "byte_end"))
        })
    };
    let hits = expected.iter().filter(|r| found(r)).count();
    let known: Vec<(&str, (u64, u64))> = truth
        .iter()
        .chain(&mentions)
        .filter(|r| r["kind"] != "decoy")
        .map(|r| (r["doc"].as_str().unwrap(), span(r, "byte_start", "byte_end")))
        .collect();
    let decoys: Vec<(&str, (u64, u64))> = truth
        .iter()
        .filter(|r| r["kind"] == "decoy")
        .map(|r| (r["doc"].as_str().unwrap(), span(r, "byte_start", "byte_end")))
        .collect();
    let false_alarms: HashSet<_> = findings
        .iter()
        .filter(|(path, s, _)| {
            decoys.iter().any(|(d, t)| d == path && overlaps(*s, *t))
                || !known.iter().any(|(d, t)| d == path && overlaps(*s, *t))
        })
        .collect();
    eprintln!(
        "eval-sample: {hits}/{} expected findings, {} findings in all, {} false alarms",
        expected.len(),
        findings.len(),
        false_alarms.len()
    );
    assert!(false_alarms.is_empty(), "false alarms: {false_alarms:?}");
    assert_eq!(
        hits,
        expected.len(),
        "every listed variant and mixed spelling is found"
    );
}
