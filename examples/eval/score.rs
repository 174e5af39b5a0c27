//! Scoring termlint on an evaluation set laid out like
//! `../shared/data/eval-sample/` (see its README): `glossary.tsv`,
//! `texts/*.txt`, `truth.jsonl`, `mentions.jsonl` and `unlisted.tsv`.
//!
//! Scoring follows that README: a finding matches a truth record when their
//! spans overlap and they name the same concept, whatever the kinds. Expected
//! are the `nonpreferred` and `unlisted_variant` records and the
//! `inconsistent` records whose text is not the preferred form. A finding
//! that overlaps a decoy, or no record of `truth.jsonl` or `mentions.jsonl`,
//! is a false alarm, and so is one that overlaps any record marked
//! `must_not_flag` (short forms, acronyms and original names of the in-repo
//! `en-names` set). Per-kind figures pair `nonpreferred` with `deprecated`
//! (and `case` and `admitted`), `inconsistent` with `inconsistent`,
//! `unlisted_variant` with `unlisted`, `orthography` with `orthography` and
//! `other_language` with `other-language`.

use std::path::Path;

use serde_json::Value;
use termlint::check::{CheckId, Finding};
use termlint::config::Config;
use termlint::document::Format;
use termlint::glossary::GlossaryLoader;
use termlint::lang::Language;
use termlint::lint::Linter;
use termlint::matcher::Matcher;

/// A record of `truth.jsonl` or `mentions.jsonl`.
#[derive(Clone, Debug)]
pub struct Record {
    pub doc: String,
    pub span: (usize, usize),
    pub text: String,
    pub kind: String,
    pub concept: String,
    pub preferred: String,
    /// The form an inflected mention is a case of (`Керман` for
    /// `Кермане`); the text itself when not inflected.
    pub base: String,
    /// The kind of form of a mention (`preferred`, `unlisted`, …); empty
    /// for truth records.
    pub form_kind: String,
    /// A finding overlapping this record is a false alarm (decoys, and
    /// mentions that must stay quiet).
    pub must_not_flag: bool,
}

/// A finding of termlint on one document.
#[derive(Clone, Debug)]
pub struct Found {
    pub doc: String,
    pub finding: Finding,
}

/// Precision and recall of one kind (or of all).
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub expected: usize,
    pub hits: usize,
    pub findings: usize,
    pub correct: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.findings)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.expected)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The whole score.
#[derive(Debug, Default)]
pub struct Score {
    /// (kind, tally) for deprecated, inconsistent, unlisted, orthography and
    /// other-language.
    pub kinds: Vec<(&'static str, Tally)>,
    pub overall: Tally,
    pub misses: Vec<Record>,
    pub false_alarms: Vec<Found>,
}

/// The evaluation glossary as termlint TOML: variants are deprecated forms
/// (or left out with `preferred_only`, to test the `unlisted` check on them).
pub fn glossary_toml(tsv: &str, preferred_only: bool) -> String {
    let mut concepts = Vec::new();
    for line in tsv.lines().filter(|l| !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let (Some(id), Some(preferred)) = (fields.next(), fields.next()) else {
            continue;
        };
        let mut variants: Vec<&str> = fields.next().map(|v| v.split('|').collect()).unwrap_or_default();
        if preferred_only {
            variants.clear();
        }
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

/// Reads a JSON-lines file of records.
pub fn records(path: &Path) -> Vec<Record> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|r| Record {
            doc: r["doc"].as_str().unwrap_or_default().to_string(),
            span: (
                r["byte_start"].as_u64().unwrap_or(0) as usize,
                r["byte_end"].as_u64().unwrap_or(0) as usize,
            ),
            text: r["text"].as_str().unwrap_or_default().to_string(),
            kind: r["kind"].as_str().unwrap_or("mention").to_string(),
            concept: r["concept_id"].as_str().unwrap_or_default().to_string(),
            preferred: r["preferred"].as_str().unwrap_or_default().to_string(),
            base: r["base"]
                .as_str()
                .or(r["text"].as_str())
                .unwrap_or_default()
                .to_string(),
            form_kind: r["form_kind"].as_str().unwrap_or_default().to_string(),
            must_not_flag: r["must_not_flag"].as_bool().unwrap_or(false),
        })
        .collect()
}

/// How to run the evaluation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The `unlisted` threshold, if not the default.
    pub unlisted_threshold: Option<f32>,
    /// Leave the variants out of the glossary: every listed variant in the
    /// texts becomes an unlisted spelling to find.
    pub preferred_only: bool,
    /// Check against termlint's shipped glossary (`glossary/*.toml`) instead
    /// of the set's `glossary.tsv`, as for `examples/eval/en-names`.
    pub builtin: bool,
}

/// Runs termlint on every text of `dir`: against the set's `glossary.tsv`
/// (the built-in glossary left out), or with `builtin` against the shipped
/// glossary alone.
pub fn run(dir: &Path, options: Options) -> Vec<Found> {
    let unlisted_threshold = options.unlisted_threshold;
    let loader = if options.builtin {
        GlossaryLoader::new()
    } else {
        let tsv = std::fs::read_to_string(dir.join("glossary.tsv")).expect("glossary.tsv");
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("glossary.tsv", glossary_toml(&tsv, options.preferred_only));
        loader
    };
    let glossary = loader.load().expect("evaluation glossary loads");
    let mut config = Config::default();
    if let Some(threshold) = unlisted_threshold {
        config.checks.unlisted_threshold = threshold;
    }
    let linter = Linter::new(Matcher::new(glossary).expect("automaton"), config);
    // A set written in another language names it in `lang.txt` (`ru`);
    // the English sets have none.
    let lang = std::fs::read_to_string(dir.join("lang.txt")).unwrap_or_else(|_| "en".to_string());
    let language = Language::parse(lang.trim()).expect("lang.txt holds a language tag");
    let mut docs: Vec<_> = std::fs::read_dir(dir.join("texts"))
        .expect("texts/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    docs.sort();
    let mut found = Vec::new();
    for path in docs {
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        let doc = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        for finding in linter
            .check_text(&text, Format::Text, &language)
            .expect("plain text always parses")
        {
            found.push(Found {
                doc: doc.clone(),
                finding,
            });
        }
    }
    found
}

/// Whether a truth record expects a finding: every kind but decoys, and an
/// inconsistent mention only where it is not the preferred form itself.
fn is_expected(record: &Record) -> bool {
    match record.kind.as_str() {
        "nonpreferred" | "unlisted_variant" | "orthography" | "other_language" => true,
        "inconsistent" => record.base != record.preferred,
        _ => false,
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn kind_of(check: CheckId) -> &'static str {
    match check {
        CheckId::Deprecated | CheckId::Case | CheckId::Admitted => "nonpreferred",
        CheckId::Orthography => "orthography",
        CheckId::OtherLanguage => "other_language",
        CheckId::Inconsistent => "inconsistent",
        CheckId::Unlisted => "unlisted_variant",
        // Bilingual checks do not run on the monolingual sample.
        CheckId::MissingTerm
        | CheckId::UntranslatedTerm
        | CheckId::InconsistentTarget
        | CheckId::InconsistentSource => "bilingual",
        CheckId::UnusedSuppression => "suppression",
    }
}

/// Scores `found` against the set in `dir`. With `preferred_only`, listed
/// variants count as unlisted spellings.
pub fn score(dir: &Path, found: &[Found], options: Options) -> Score {
    let mut truth = records(&dir.join("truth.jsonl"));
    if options.preferred_only {
        for record in &mut truth {
            if record.kind == "nonpreferred"
                || (record.kind == "inconsistent" && record.base != record.preferred)
            {
                record.kind = "unlisted_variant".to_string();
            }
        }
    }
    let mentions = records(&dir.join("mentions.jsonl"));
    let expected: Vec<&Record> = truth.iter().filter(|r| is_expected(r)).collect();
    let matches = |f: &Found, r: &Record| {
        f.doc == r.doc
            && f.finding.concept == r.concept
            && overlaps((f.finding.range.start, f.finding.range.end), r.span)
    };
    let is_false_alarm = |f: &Found| {
        let span = (f.finding.range.start, f.finding.range.end);
        let on = |r: &&Record| r.doc == f.doc && overlaps(span, r.span);
        truth
            .iter()
            .chain(&mentions)
            .filter(|r| r.kind == "decoy" || r.must_not_flag)
            .any(|r| on(&r))
            || !truth
                .iter()
                .chain(&mentions)
                .filter(|r| r.kind != "decoy")
                .any(|r| on(&r))
    };
    let mut score = Score::default();
    for kind in [
        "nonpreferred",
        "inconsistent",
        "unlisted_variant",
        "orthography",
        "other_language",
    ] {
        let of_kind: Vec<&&Record> = expected.iter().filter(|r| r.kind == kind).collect();
        let findings: Vec<&Found> = found
            .iter()
            .filter(|f| kind_of(f.finding.check) == kind)
            .collect();
        let tally = Tally {
            expected: of_kind.len(),
            hits: of_kind
                .iter()
                .filter(|r| found.iter().any(|f| matches(f, r)))
                .count(),
            findings: findings.len(),
            correct: findings.iter().filter(|f| !is_false_alarm(f)).count(),
        };
        let name = match kind {
            "nonpreferred" => "deprecated",
            "inconsistent" => "inconsistent",
            "unlisted_variant" => "unlisted",
            "orthography" => "orthography",
            _ => "other-language",
        };
        score.kinds.push((name, tally));
    }
    score.misses = expected
        .iter()
        .filter(|r| !found.iter().any(|f| matches(f, r)))
        .map(|r| (*r).clone())
        .collect();
    score.false_alarms = found.iter().filter(|f| is_false_alarm(f)).cloned().collect();
    score.overall = Tally {
        expected: expected.len(),
        hits: expected.len() - score.misses.len(),
        findings: found.len(),
        correct: found.len() - score.false_alarms.len(),
    };
    score
}

/// How termlint treated the planted mentions of one kind of form
/// (`preferred`, `admitted`, `unlisted`, `original`, …).
#[derive(Clone, Debug, Default)]
pub struct FormTally {
    /// Mentions of this kind.
    pub mentions: usize,
    /// Of them, those a truth record expects a finding on.
    pub expected: usize,
    /// Of those, the ones a finding of the same concept overlaps.
    pub hits: usize,
    /// Mentions expected to stay quiet that a finding overlaps.
    pub flagged_quiet: usize,
}

/// Per kind of planted form (in order of first appearance in
/// `mentions.jsonl`): how many a finding was expected on and found, and
/// how many that should stay quiet drew one.
pub fn by_form(dir: &Path, found: &[Found]) -> Vec<(String, FormTally)> {
    let truth = records(&dir.join("truth.jsonl"));
    let mentions = records(&dir.join("mentions.jsonl"));
    let mut out: Vec<(String, FormTally)> = Vec::new();
    for m in &mentions {
        let overlapping =
            |f: &&Found| f.doc == m.doc && overlaps((f.finding.range.start, f.finding.range.end), m.span);
        let expected = truth
            .iter()
            .any(|r| r.doc == m.doc && r.span == m.span && is_expected(r));
        let i = match out.iter().position(|(k, _)| *k == m.form_kind) {
            Some(i) => i,
            None => {
                out.push((m.form_kind.clone(), FormTally::default()));
                out.len() - 1
            }
        };
        let tally = &mut out[i].1;
        tally.mentions += 1;
        if expected {
            tally.expected += 1;
            if found
                .iter()
                .filter(overlapping)
                .any(|f| f.finding.concept == m.concept)
            {
                tally.hits += 1;
            }
        } else if found.iter().any(|f| overlapping(&f)) {
            tally.flagged_quiet += 1;
        }
    }
    out
}
