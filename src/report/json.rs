//! The JSON format, schema version 1.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [{
//!     "path": "article.md", "check": "deprecated", "severity": "error",
//!     "concept": "kerman", "found": "Kirman", "suggestion": "Kerman",
//!     "message": "…",
//!     "span": {"start": 120, "end": 126},
//!     "start": {"line": 3, "column": 9}, "end": {"line": 3, "column": 15},
//!     "chosen": null, "counts": null,
//!     "segment": "3"   // only for a finding in a bilingual file's segment with an id
//!     // for inconsistent-target and inconsistent-source only, every segment of the group:
//!     // "segments": [{"path": "a.xlf", "segment": "3", "version": 1, "text": "…",
//!     //               "span": {…}, "start": {…}, "end": {…}}, …]
//!     // for inconsistent: "chosen": {"form": "Khorasan", "path": "a.md", "line": 1, "column": 1},
//!     //                   "counts": [{"form": "Khorasan", "count": 2}, {"form": "Khurasan", "count": 1}]
//!   }],
//!   "errors": [{"path": "bad.md", "kind": "invalid-utf8", "message": "…"}],
//!   "summary": {"files": 2, "findings": 1, "errors": 1, "warnings": 0, "infos": 0, "unreadable": 1},
//!   // with --statistics only:
//!   "statistics": {"checks": [{"check": "deprecated", "count": 1}],
//!                  "concepts": [{"concept": "kerman", "count": 1}]}
//! }
//! ```
//! `span` is in bytes of the original file (end exclusive); `line` and
//! `column` are 1-based, columns counted in Unicode scalar values, and `end`
//! is the position just after the last character. `chosen` (the form the
//! document, or the project, settled on, with the file and position of its
//! first use) and `counts` (each form's
//! uses) are set for `inconsistent` findings only. `segment` is the id of
//! the bilingual file's segment holding the finding, as the translation
//! tool shows it (XLIFF `trans-unit` id, Trados segment number, TMX `tuid`),
//! and is left out where there is none. `segments` lists, for
//! `inconsistent-target` and `inconsistent-source` findings only, every
//! translation unit of the group: its file, segment id, which version of
//! the compared text it has (1, 2, … in order of first use), that text as
//! in the file, and its span and positions. Fields may be added in a
//! version; none are removed or renamed without a new version number.

use std::borrow::Cow;

use serde::Serialize;

use crate::check::{Detail, Finding, Severity};
use crate::glossary::Glossary;
use crate::i18n::Localizer;
use crate::lint::{FileError, Report};
use crate::text::Position;

use super::statistics::Statistics;
use super::{file_error_kind, finding_message};

/// The version of the JSON schema written by [`json_report`].
pub const JSON_SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: Findings<'a>,
    errors: Vec<JsonError<'a>>,
    summary: JsonSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<&'a Statistics>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: Cow<'a, str>,
    check: &'static str,
    severity: &'static str,
    concept: &'a str,
    found: &'a str,
    suggestion: Option<&'a str>,
    message: String,
    span: JsonSpan,
    start: Position,
    end: Position,
    chosen: Option<JsonChosen<'a>>,
    counts: Option<Vec<JsonCount<'a>>>,
    nearest: Option<&'a str>,
    confidence: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<&'a str>,
    /// `inconsistent-target` and `inconsistent-source`: every segment of
    /// the group.
    #[serde(skip_serializing_if = "Option::is_none")]
    segments: Option<Vec<JsonPlace<'a>>>,
}

#[derive(Serialize)]
struct JsonPlace<'a> {
    path: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<&'a str>,
    version: usize,
    text: &'a str,
    span: JsonSpan,
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonChosen<'a> {
    form: &'a str,
    /// Where the form is first used; null when the scope has not chosen
    /// and the form is the concept's preferred one.
    path: Option<Cow<'a, str>>,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct JsonCount<'a> {
    form: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: Cow<'a, str>,
    kind: &'static str,
    message: String,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    unreadable: usize,
}

/// The report as pretty-printed JSON; `message` fields are in the locale of
/// `localizer`, without bidi isolation marks (a machine format: its readers
/// isolate when they display).
pub fn json_report(report: &Report, glossary: &Glossary, localizer: &Localizer) -> String {
    json_report_with(report, glossary, localizer, None)
}

/// [`json_report`] with a `statistics` object when `statistics` is given.
pub fn json_report_with(
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
    statistics: Option<&Statistics>,
) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only if serializing does, which it does not.
    let _ = write_json_report(&mut out, report, glossary, localizer, statistics);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes [`json_report_with`]'s document to `out` as it is made: each
/// finding is put into words and written in turn, so that memory holds the
/// report and not also its JSON (which is several times larger).
pub fn write_json_report(
    out: impl std::io::Write,
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
    statistics: Option<&Statistics>,
) -> serde_json::Result<()> {
    let localizer = &Localizer::new(localizer.tag()).with_isolation(false);
    let errors = report
        .errors
        .iter()
        .map(|error| json_error(error, localizer))
        .collect();
    let json = JsonReport {
        version: JSON_SCHEMA_VERSION,
        findings: Findings {
            report,
            glossary,
            localizer,
        },
        errors,
        summary: summary(report),
        statistics,
    };
    serde_json::to_writer_pretty(out, &json)
}

fn json_error<'a>(error: &'a FileError, localizer: &Localizer) -> JsonError<'a> {
    JsonError {
        path: error.input.to_text(),
        kind: file_error_kind(&error.kind),
        message: localizer.render(&error.message()),
    }
}

fn summary(report: &Report) -> JsonSummary {
    let count = |severity| report.findings().filter(|f| f.severity == severity).count();
    JsonSummary {
        files: report.files_checked,
        findings: report.findings().count(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        unreadable: report.errors.len(),
    }
}

/// One line of [`write_json_lines_report`]: a finding, a file error or the
/// summary, said by `type`, with the fields it has in the JSON document.
#[derive(Serialize)]
struct JsonLine<T> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    record: T,
}

/// Writes the report as JSON Lines: one finding per line, as they are
/// read, then one line per file error and a last line with the summary,
/// each an object whose `type` is `finding`, `error` or `summary` and whose
/// other fields are those of the JSON document's. A line-oriented engine
/// (Spark's `RDD.pipe`, Hadoop streaming) takes each line on its own.
pub fn write_json_lines_report(
    mut out: impl std::io::Write,
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
) -> serde_json::Result<()> {
    let localizer = &Localizer::new(localizer.tag()).with_isolation(false);
    for file in &report.files {
        for finding in &file.findings {
            let record = json_finding(file.input.to_text(), finding, glossary, localizer);
            write_line(&mut out, "finding", record)?;
        }
    }
    for error in &report.errors {
        write_line(&mut out, "error", json_error(error, localizer))?;
    }
    write_line(&mut out, "summary", summary(report))
}

fn write_line(
    out: &mut impl std::io::Write,
    kind: &'static str,
    record: impl Serialize,
) -> serde_json::Result<()> {
    serde_json::to_writer(&mut *out, &JsonLine { kind, record })?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The findings of a report, serialized one by one as they are read.
struct Findings<'a> {
    report: &'a Report,
    glossary: &'a Glossary,
    localizer: &'a Localizer,
}

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let findings = self.report.files.iter().flat_map(|file| {
            file.findings
                .iter()
                .map(move |f| json_finding(file.input.to_text(), f, self.glossary, self.localizer))
        });
        serializer.collect_seq(findings)
    }
}

fn json_finding<'a>(
    path: Cow<'a, str>,
    finding: &'a Finding,
    glossary: &Glossary,
    localizer: &Localizer,
) -> JsonFinding<'a> {
    let (chosen, counts) = match &finding.detail {
        Detail::Inconsistent {
            chosen,
            chosen_in,
            chosen_at,
            counts,
            ..
        } => (
            Some(JsonChosen {
                form: chosen,
                path: chosen_at.map(|_| chosen_in.as_deref().map_or_else(|| path.clone(), Cow::Borrowed)),
                line: chosen_at.map(|at| at.line),
                column: chosen_at.map(|at| at.column),
            }),
            Some(
                counts
                    .iter()
                    .map(|(form, count)| JsonCount { form, count: *count })
                    .collect(),
            ),
        ),
        _ => (None, None),
    };
    let (nearest, confidence) = match &finding.detail {
        Detail::Unlisted {
            nearest, confidence, ..
        } => (Some(nearest.as_str()), Some((confidence * 100.0).round() / 100.0)),
        _ => (None, None),
    };
    let segments = match &finding.detail {
        Detail::InconsistentSegments { places, .. } => Some(
            places
                .iter()
                .map(|place| JsonPlace {
                    path: if place.path.is_empty() {
                        path.clone()
                    } else {
                        Cow::Borrowed(place.path.as_str())
                    },
                    segment: place.segment.as_deref(),
                    version: place.version,
                    text: &place.text,
                    span: JsonSpan {
                        start: place.range.start,
                        end: place.range.end,
                    },
                    start: place.start,
                    end: place.end,
                })
                .collect(),
        ),
        _ => None,
    };
    JsonFinding {
        segments,
        path,
        check: finding.check.as_str(),
        severity: finding.severity.as_str(),
        concept: &finding.concept,
        found: &finding.found,
        suggestion: finding.suggestion.as_deref(),
        message: localizer.render(&finding_message(finding, glossary, localizer.language())),
        span: JsonSpan {
            start: finding.range.start,
            end: finding.range.end,
        },
        start: finding.start,
        end: finding.end,
        chosen,
        counts,
        nearest,
        confidence,
        segment: finding.segment.as_deref(),
    }
}
