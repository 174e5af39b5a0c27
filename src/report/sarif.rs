//! SARIF 2.1.0, the format of code-scanning services (GitHub code scanning,
//! Azure DevOps, IDE viewers).
//!
//! One run; `tool.driver.rules` lists every check with a one-line
//! description; each finding is a result with its check as `ruleId`, its
//! severity as `level` (`error`, `warning`, `note`), the message in the
//! interface language (`run.language`), and one location:
//!
//! * `artifactLocation.uri` is the path as reported, with forward slashes and
//!   percent-encoding; a relative path is relative to `%SRCROOT%` (the folder
//!   termlint ran in), an absolute one is a `file://` URI;
//! * the `region` has lines and columns (`run.columnKind` is
//!   `unicodeCodePoints`: columns count Unicode scalar values, as everywhere
//!   in termlint; `endColumn` is the column just after the last character),
//!   `charOffset`/`charLength` in the same units, and `byteOffset`/
//!   `byteLength` in bytes of the UTF-8 file.
//!
//! `partialFingerprints["termlint/v1"]` identifies a result across runs
//! without line numbers: a hash of the check, the concept, the text found and
//! the how-manieth such finding it is in its file. Editing other lines, or
//! moving the finding, keeps it. A finding with a fix carries it as a SARIF
//! `fix` replacing its bytes. An `inconsistent-target` or
//! `inconsistent-source` result lists every segment of its group as
//! `relatedLocations` (lines, columns and bytes; a message with the
//! segment's id, version and text). Files that could not be checked are
//! `invocations[0].toolExecutionNotifications`.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::check::{CheckId, Detail, Finding, Fix, Severity};
use crate::glossary::Glossary;
use crate::i18n::{Localizer, Message};
use crate::lint::{FileError, FileReport, Report};

use super::statistics::Statistics;
use super::{file_error_kind, finding_message, segment_place_message};

/// The `$schema` of the documents written.
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of termlint's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "termlint/v1";

/// The base of relative artifact URIs: the folder termlint ran in.
const SRCROOT: &str = "%SRCROOT%";

/// The report as a pretty-printed SARIF 2.1.0 log; messages in the locale
/// of `localizer`, without bidi isolation marks. With `statistics`, the
/// counts go into the run's property bag.
pub fn sarif_report(
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
    statistics: Option<&Statistics>,
) -> String {
    let mut log = Vec::new();
    write_sarif_report(&mut log, report, glossary, localizer, statistics).expect("writing to memory");
    String::from_utf8(log).expect("JSON is UTF-8")
}

/// Writes the report as a pretty-printed SARIF 2.1.0 log to `out`, one
/// result at a time, so that the log never exists whole in memory.
pub fn write_sarif_report(
    out: impl std::io::Write,
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
    statistics: Option<&Statistics>,
) -> serde_json::Result<()> {
    let localizer = &Localizer::new(localizer.tag()).with_isolation(false);
    let run = Run {
        tool: json!({ "driver": driver(localizer) }),
        invocations: [invocation(&report.errors, localizer)],
        language: localizer.tag(),
        column_kind: "unicodeCodePoints",
        results: Results {
            report,
            glossary,
            localizer,
        },
        properties: statistics.map(|statistics| json!({ "statistics": statistics })),
    };
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [run],
    };
    serde_json::to_writer_pretty(out, &log)
}

/// The top of a SARIF log.
#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

/// termlint's one run.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Value,
    invocations: [Value; 1],
    language: &'a str,
    column_kind: &'static str,
    results: Results<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Value>,
}

/// The results of every file, serialized one by one as they are made.
struct Results<'a> {
    report: &'a Report,
    glossary: &'a Glossary,
    localizer: &'a Localizer,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let results = self
            .report
            .files
            .iter()
            .flat_map(|file| file_results(file, self.glossary, self.localizer));
        serializer.collect_seq(results)
    }
}

/// `tool.driver`: termlint, its version, and a rule per check.
fn driver(localizer: &Localizer) -> Value {
    let rules: Vec<Value> = CheckId::ALL.iter().map(|&check| rule(check, localizer)).collect();
    let mut driver = json!({
        "name": "termlint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !repository.is_empty() {
        driver["informationUri"] = json!(repository);
    }
    driver
}

fn rule(check: CheckId, localizer: &Localizer) -> Value {
    json!({
        "id": check.as_str(),
        "name": check.as_str(),
        "shortDescription": { "text": localizer.render(&Message::new(rule_description(check))) },
        "defaultConfiguration": { "level": level(check.default_severity()) },
    })
}

/// The message id of a check's one-line description.
pub fn rule_description(check: CheckId) -> &'static str {
    match check {
        CheckId::Deprecated => "finding-rule-deprecated",
        CheckId::Inconsistent => "finding-rule-inconsistent",
        CheckId::Case => "finding-rule-case",
        CheckId::Unlisted => "finding-rule-unlisted",
        CheckId::MissingTerm => "finding-rule-missing-term",
        CheckId::UntranslatedTerm => "finding-rule-untranslated-term",
        CheckId::UnusedSuppression => "finding-rule-unused-suppression",
        CheckId::Admitted => "finding-rule-admitted",
        CheckId::InconsistentTarget => "finding-rule-inconsistent-target",
        CheckId::InconsistentSource => "finding-rule-inconsistent-source",
        CheckId::OtherLanguage => "finding-rule-other-language",
        CheckId::Orthography => "finding-rule-orthography",
    }
}

/// SARIF's word for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `invocations[0]`: successful unless a file could not be checked, and a
/// notification per such file.
fn invocation(errors: &[FileError], localizer: &Localizer) -> Value {
    let notifications: Vec<Value> = errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": { "text": localizer.render(&error.message()) },
                "descriptor": { "id": file_error_kind(&error.kind) },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(&error.input.to_text()) } }],
            })
        })
        .collect();
    let mut invocation = json!({ "executionSuccessful": errors.is_empty() });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    invocation
}

/// The results of one file, in text order, made as they are read. Each
/// finding's occurrence index comes from a count per identity and its
/// character offset from a cursor that moves forward through the text, so
/// that a file's results take time linear in its findings and its length.
fn file_results<'a>(
    file: &'a FileReport,
    glossary: &'a Glossary,
    localizer: &'a Localizer,
) -> impl Iterator<Item = Value> + 'a {
    let mut seen: HashMap<(CheckId, &str, &str), usize> = HashMap::new();
    let mut chars = CharCursor::new(&file.text);
    file.findings.iter().map(move |finding| {
        let count = seen
            .entry((finding.check, finding.concept.as_str(), finding.found.as_str()))
            .or_default();
        let occurrence = *count;
        *count += 1;
        let char_offset = chars.chars_before(finding.range.start);
        result(file, finding, occurrence, char_offset, glossary, localizer)
    })
}

/// Counts characters before byte offsets that mostly come in increasing
/// order: each call counts only from the previous offset (or from the start
/// when the offset moved back).
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The number of characters in `text[..byte]`.
    fn chars_before(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn result(
    file: &FileReport,
    finding: &Finding,
    occurrence: usize,
    char_offset: usize,
    glossary: &Glossary,
    localizer: &Localizer,
) -> Value {
    let message = localizer.render(&finding_message(finding, glossary, localizer.language()));
    let mut properties = Map::new();
    properties.insert("concept".into(), json!(finding.concept));
    if let Some(suggestion) = &finding.suggestion {
        properties.insert("suggestion".into(), json!(suggestion));
    }
    let mut result = json!({
        "ruleId": finding.check.as_str(),
        "ruleIndex": finding.check as usize,
        "level": level(finding.severity),
        "message": { "text": message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(&file.input.to_text()),
                "region": region(&file.text, finding, char_offset),
            }
        }],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint(finding, occurrence) },
        "properties": properties,
    });
    if let Detail::InconsistentSegments { places, .. } = &finding.detail {
        let path = file.input.to_text();
        let related: Vec<Value> = places
            .iter()
            .enumerate()
            .map(|(id, place)| {
                let place_path = if place.path.is_empty() {
                    &path
                } else {
                    place.path.as_str()
                };
                json!({
                    "id": id,
                    "message": { "text": localizer.render(&segment_place_message(place, &path)) },
                    "physicalLocation": {
                        "artifactLocation": artifact_location(place_path),
                        "region": {
                            "startLine": place.start.line,
                            "startColumn": place.start.column,
                            "endLine": place.end.line,
                            "endColumn": place.end.column,
                            "byteOffset": place.range.start,
                            "byteLength": place.range.len(),
                        },
                    },
                })
            })
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    if let Some(fix) = &finding.fix {
        result["fixes"] = json!([sarif_fix(&file.input.to_text(), fix, finding, localizer)]);
    }
    result
}

/// The region of a finding, in lines and columns, characters and bytes;
/// `char_offset` is the number of characters before it.
fn region(text: &str, finding: &Finding, char_offset: usize) -> Value {
    let range = &finding.range;
    let char_length = text[range.clone()].chars().count();
    json!({
        "startLine": finding.start.line,
        "startColumn": finding.start.column,
        "endLine": finding.end.line,
        "endColumn": finding.end.column,
        "charOffset": char_offset,
        "charLength": char_length,
        "byteOffset": range.start,
        "byteLength": range.len(),
    })
}

/// A SARIF `fix`: the fix's bytes replaced by its text.
fn sarif_fix(path: &str, fix: &Fix, finding: &Finding, localizer: &Localizer) -> Value {
    let description = finding
        .suggestion
        .as_ref()
        .map(|s| localizer.render(&Message::new("finding-help").text("suggestion", s)));
    let mut value = json!({
        "artifactChanges": [{
            "artifactLocation": artifact_location(path),
            "replacements": [{
                "deletedRegion": { "byteOffset": fix.range.start, "byteLength": fix.range.len() },
                "insertedContent": { "text": fix.replacement },
            }],
        }],
    });
    if let Some(description) = description {
        value["description"] = json!({ "text": description });
    }
    value
}

/// A stable identity of a finding: FNV-1a (64 bits, hex) of its check,
/// concept, found text and occurrence index, NUL-separated.
pub fn fingerprint(finding: &Finding, occurrence: usize) -> String {
    let key = format!(
        "{}\0{}\0{}\0{occurrence}",
        finding.check.as_str(),
        finding.concept,
        finding.found
    );
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// The 64-bit FNV-1a hash: tiny, and the same on every platform and Rust
/// version (unlike `std`'s hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

/// The `artifactLocation` of a path as reported.
fn artifact_location(path: &str) -> Value {
    let path = path.replace('\\', "/");
    if path.starts_with('/') {
        return json!({ "uri": format!("file://{}", percent_encode(&path)) });
    }
    if let Some((drive, rest)) = windows_drive(&path) {
        return json!({ "uri": format!("file:///{drive}:{}", percent_encode(rest)) });
    }
    let relative = path.trim_start_matches("./");
    json!({ "uri": percent_encode(relative), "uriBaseId": SRCROOT })
}

/// `C:/x` → (`C`, `/x`).
fn windows_drive(path: &str) -> Option<(char, &str)> {
    let mut chars = path.chars();
    let drive = chars.next().filter(char::is_ascii_alphabetic)?;
    path[1..].starts_with(":/").then(|| (drive, &path[2..]))
}

/// Percent-encodes every byte but the unreserved characters of RFC 3986
/// and `/`.
fn percent_encode(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                encoded.push(char::from(byte))
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Detail;
    use crate::text::Position;

    fn finding(found: &str, range: std::ops::Range<usize>, line: usize) -> Finding {
        Finding {
            segment: None,
            check: CheckId::Deprecated,
            severity: Severity::Error,
            range,
            start: Position { line, column: 3 },
            end: Position { line, column: 9 },
            concept: "kerman".into(),
            found: found.into(),
            suggestion: Some("Kerman".into()),
            detail: Detail::Deprecated {
                language: "en".into(),
            },
            fix: None,
        }
    }

    fn log(report: &Report) -> Value {
        let text = sarif_report(report, &Glossary::default(), &Localizer::new("en-US"), None);
        serde_json::from_str(&text).expect("valid JSON")
    }

    fn report_of(text: &str, findings: Vec<Finding>) -> Report {
        Report {
            files: vec![FileReport {
                input: crate::lint::Input::Path("./docs/é x.md".into()),
                text: text.into(),
                findings,
            }],
            errors: Vec::new(),
            files_checked: 1,
        }
    }

    #[test]
    fn a_result_has_rule_level_location_and_fingerprint() {
        let text = "ü Kirman";
        let log = log(&report_of(text, vec![finding("Kirman", 3..9, 1)]));
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "deprecated");
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "deprecated");
        assert_eq!(result["level"], "error");
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "docs/%C3%A9%20x.md");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(location["region"]["charOffset"], 2);
        assert_eq!(location["region"]["charLength"], 6);
        assert_eq!(location["region"]["byteOffset"], 3);
        assert_eq!(location["region"]["byteLength"], 6);
        assert!(result.get("fixes").is_none());
    }

    #[test]
    fn fingerprints_ignore_position_and_count_repeats() {
        let first = finding("Kirman", 0..6, 1);
        let moved = finding("Kirman", 40..46, 7);
        assert_eq!(fingerprint(&first, 0), fingerprint(&moved, 0));
        assert_ne!(fingerprint(&first, 0), fingerprint(&first, 1));
        assert_ne!(
            fingerprint(&first, 0),
            fingerprint(&finding("KIRMAN", 0..6, 1), 0)
        );
        let text = "Kirman Kirman";
        let log = log(&report_of(
            text,
            vec![finding("Kirman", 0..6, 1), finding("Kirman", 7..13, 1)],
        ));
        let prints: Vec<&Value> = (0..2)
            .map(|i| &log["runs"][0]["results"][i]["partialFingerprints"][FINGERPRINT_KEY])
            .collect();
        assert_ne!(prints[0], prints[1]);
    }

    #[test]
    fn a_fix_becomes_a_replacement_of_bytes() {
        let mut with_fix = finding("Kirman", 3..9, 1);
        with_fix.fix = Some(Fix {
            range: 3..9,
            replacement: "Kerman".into(),
        });
        let log = log(&report_of("ü Kirman", vec![with_fix]));
        let fix = &log["runs"][0]["results"][0]["fixes"][0];
        let replacement = &fix["artifactChanges"][0]["replacements"][0];
        assert_eq!(
            replacement["deletedRegion"],
            json!({"byteOffset": 3, "byteLength": 6})
        );
        assert_eq!(replacement["insertedContent"]["text"], "Kerman");
        assert_eq!(fix["description"]["text"], "write “Kerman”");
    }

    #[test]
    fn file_errors_are_notifications() {
        let report = Report {
            errors: vec![FileError {
                input: crate::lint::Input::Path("missing.md".into()),
                kind: crate::lint::FileErrorKind::NotFound,
            }],
            ..Report::default()
        };
        let invocation = &log(&report)["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let notification = &invocation["toolExecutionNotifications"][0];
        assert_eq!(notification["descriptor"]["id"], "not-found");
        assert_eq!(
            notification["message"]["text"],
            "missing.md: no such file or folder"
        );
    }

    #[test]
    fn absolute_paths_are_file_uris() {
        assert_eq!(
            artifact_location("/tmp/a b.md"),
            json!({"uri": "file:///tmp/a%20b.md"})
        );
        assert_eq!(
            artifact_location("C:\\x\\y.md"),
            json!({"uri": "file:///C:/x/y.md"})
        );
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
