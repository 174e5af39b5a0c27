//! Reports: turning a [`Report`](crate::lint::Report) into words, JSON,
//! SARIF, GitHub workflow commands, checkstyle XML or an HTML page. Only this module (and
//! the CLI) decides how findings look.

mod checkstyle;
mod github;
mod html;
mod human;
mod json;
mod sarif;
mod statistics;

pub use checkstyle::{checkstyle_report, write_checkstyle_report};
pub use github::{github_report, write_github_report};
pub use html::{html_report, write_html_report, CONTEXT_LINES, FULL_TEXT_LINES, OPEN_DOCUMENTS};
pub use human::HumanReporter;
pub use json::{
    json_report, json_report_with, write_json_lines_report, write_json_report, JSON_SCHEMA_VERSION,
};
pub use sarif::{
    fingerprint, rule_description, sarif_report, write_sarif_report, FINGERPRINT_KEY, SARIF_SCHEMA,
};
pub use statistics::{CheckCount, ConceptCount, Statistics};

use unic_langid::LanguageIdentifier;

use crate::check::{CheckId, Detail, Finding, SegmentPlace, Severity};
use crate::glossary::{Concept, Glossary};
use crate::i18n::{Arg, Message};
use crate::lang::Language;
use crate::lint::FileErrorKind;

/// The stable name of a kind of file error (`not-found`, `invalid-utf8`),
/// as machine formats write it.
pub fn file_error_kind(kind: &FileErrorKind) -> &'static str {
    match kind {
        FileErrorKind::NotFound => "not-found",
        FileErrorKind::Unreadable { .. } => "unreadable",
        FileErrorKind::Binary => "binary",
        FileErrorKind::Utf16 => "utf16",
        FileErrorKind::NotRegular => "not-a-file",
        FileErrorKind::InvalidUtf8 { .. } => "invalid-utf8",
        FileErrorKind::Malformed { .. } => "malformed",
    }
}

/// The one-sentence message of a finding; concepts are named for a reader
/// of the interface language `ui` (see [`concept_name`]).
pub fn finding_message(finding: &Finding, glossary: &Glossary, ui: &LanguageIdentifier) -> Message {
    let message = finding_words(finding, glossary, ui);
    match &finding.segment {
        // A segment id is shown on terminals and in logs: escape it.
        Some(segment) => Message::new("finding-in-segment")
            .arg("message", Arg::Message(Box::new(message)))
            .text("segment", crate::text::printable(segment)),
        None => message,
    }
}

/// What a finding says, without the segment holding it.
fn finding_words(finding: &Finding, glossary: &Glossary, ui: &LanguageIdentifier) -> Message {
    let name = |language: &str| {
        let concept = glossary.concept(&finding.concept);
        let document = Language::parse(language).ok();
        concept.map_or_else(
            || Arg::Text(finding.concept.clone()),
            |concept| concept_name(concept, document.as_ref(), ui),
        )
    };
    match &finding.detail {
        Detail::Deprecated { language } => Message::new("finding-deprecated")
            .text("found", &finding.found)
            .arg("concept", name(language)),
        Detail::Admitted { language } => Message::new("finding-admitted")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("preferred", finding.suggestion.clone().unwrap_or_default()),
        Detail::Case { expected } => Message::new("finding-case")
            .text("found", &finding.found)
            .text("expected", expected),
        Detail::UnusedSuppression => Message::new("finding-unused-suppression").text("found", &finding.found),
        Detail::OtherLanguage {
            form_language,
            language,
        } => Message::new("finding-other-language")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("form-language", form_language)
            .text("expected", finding.suggestion.clone().unwrap_or_default()),
        Detail::Orthography { expected, language } => Message::new("finding-orthography")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("expected", expected),
        Detail::MissingTerm {
            source_term,
            language,
        } => Message::new("finding-missing-term")
            .text("source-term", source_term)
            .arg("concept", name(language))
            .text("expected", finding.suggestion.clone().unwrap_or_default()),
        Detail::UntranslatedTerm { language } => Message::new("finding-untranslated-term")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("expected", finding.suggestion.clone().unwrap_or_default()),
        Detail::Unlisted {
            nearest,
            language,
            confidence,
        } => Message::new("finding-unlisted")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("nearest", nearest)
            .number("confidence", (confidence * 100.0).round() as usize),
        Detail::Inconsistent { .. } => inconsistent_message(finding, &name),
        Detail::InconsistentSegments {
            other,
            versions,
            places,
        } => Message::new(match finding.check {
            CheckId::InconsistentSource => "finding-inconsistent-source",
            _ => "finding-inconsistent-target",
        })
        .text("found", excerpt(&finding.found))
        .text("other", excerpt(other))
        .number("versions", *versions)
        .number("segments", places.len()),
    }
}

/// What a report says of one segment of an `inconsistent-target` or
/// `inconsistent-source` group: where it is, its id and which version of
/// the text it has; `path` names the file when the place's own is empty.
pub fn segment_place_message(place: &SegmentPlace, path: &str) -> Message {
    let path = if place.path.is_empty() { path } else { &place.path };
    let message = match &place.segment {
        Some(segment) => Message::new("segment-place").text("segment", crate::text::printable(segment)),
        None => Message::new("segment-place-unnamed"),
    };
    message
        .text("path", crate::text::printable(path))
        .number("line", place.start.line)
        .number("column", place.start.column)
        .number("version", place.version)
        .text("text", excerpt(&place.text))
}

/// A segment's text as a message quotes it: white space collapsed, control
/// characters escaped, and cut after [`EXCERPT_CHARS`] characters.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    let mut cut: String = joined.chars().take(EXCERPT_CHARS).collect();
    if cut.len() < joined.len() {
        cut.push('…');
    }
    crate::text::printable(&cut).into_owned()
}

/// How much of a segment a message quotes, in characters.
const EXCERPT_CHARS: usize = 80;

/// The message of an `inconsistent` finding: within a document, across a
/// project, or where the text has not settled on a form.
fn inconsistent_message(finding: &Finding, name: &dyn Fn(&str) -> Arg) -> Message {
    match &finding.detail {
        Detail::Inconsistent {
            chosen,
            language,
            chosen_at: None,
            counts,
            ..
        } => Message::new("finding-inconsistent-undecided")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("chosen", chosen)
            .text("counts", format_counts(counts)),
        Detail::Inconsistent {
            chosen,
            language,
            chosen_in: None,
            chosen_at: Some(chosen_at),
            ..
        } => Message::new("finding-inconsistent")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("chosen", chosen)
            .number("line", chosen_at.line)
            .number("column", chosen_at.column),
        Detail::Inconsistent {
            chosen,
            language,
            chosen_in: Some(path),
            chosen_at: Some(chosen_at),
            counts,
        } => Message::new("finding-inconsistent-project")
            .text("found", &finding.found)
            .arg("concept", name(language))
            .text("chosen", chosen)
            // A message is shown on terminals and in logs: escape the name.
            .text("path", crate::text::printable(path))
            .number("line", chosen_at.line)
            .number("column", chosen_at.column)
            .text("counts", format_counts(counts)),
        // Only `inconsistent` findings come here (see `finding_message`).
        _ => Message::new("finding-inconsistent-undecided"),
    }
}

/// Form counts as `“Khorasan” ×3, “Khurasan” ×1`.
fn format_counts(counts: &[(String, usize)]) -> String {
    counts
        .iter()
        .map(|(form, count)| format!("“{form}” ×{count}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a concept is named in messages: its preferred form in the interface
/// language `ui` next to its preferred form in the document's language
/// (`Касем Сулеймани (Qassem Soleimani)`); one of them when the other is
/// missing or the same; its id when it has neither. Forms keep their own
/// script and spelling.
pub fn concept_name(concept: &Concept, document: Option<&Language>, ui: &LanguageIdentifier) -> Arg {
    let in_document = document
        .and_then(|language| concept.language(language))
        .map(|terms| terms.preferred().text.clone());
    let ui = Language::parse(&ui.to_string()).ok();
    let in_ui = concept
        .languages
        .iter()
        .find(|terms| ui.as_ref().is_some_and(|ui| terms.language.applies_to(ui)))
        .map(|terms| terms.preferred().text.clone());
    match (in_ui, in_document) {
        (Some(ui), Some(document)) if ui != document => Arg::Message(Box::new(
            Message::new("concept-name")
                .text("ui-form", ui)
                .text("document-form", document),
        )),
        (Some(form), _) | (None, Some(form)) => Arg::Text(form),
        (None, None) => Arg::Text(concept.id.clone()),
    }
}

/// The run's one-line summary: findings by severity, files checked and
/// files that could not be (the human format's last line, the HTML page's
/// first).
pub fn summary_message(report: &crate::lint::Report) -> Message {
    let count = |severity| report.findings().filter(|f| f.severity == severity).count();
    Message::new("summary")
        .number("findings", report.findings().count())
        .number("errors", count(Severity::Error))
        .number("warnings", count(Severity::Warning))
        .number("infos", count(Severity::Info))
        .number("files", report.files_checked)
        .number("unreadable", report.errors.len())
}

/// The word for a severity in human output (`error`, `ошибка`).
pub fn severity_message(severity: Severity) -> Message {
    Message::new(match severity {
        Severity::Error => "severity-error",
        Severity::Warning => "severity-warning",
        Severity::Info => "severity-info",
    })
}
