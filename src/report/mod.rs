//! Reports: turning a [`Report`](crate::lint::Report) into words or JSON.
//! Only this module (and the CLI) decides how findings look.

mod human;
mod json;

pub use human::HumanReporter;
pub use json::{json_report, JSON_SCHEMA_VERSION};

use crate::check::{Detail, Finding};
use crate::glossary::Glossary;
use crate::i18n::Message;

/// The one-sentence message of a finding.
pub fn finding_message(finding: &Finding, glossary: &Glossary) -> Message {
    let concept = concept_name(glossary, &finding.concept);
    match &finding.detail {
        Detail::Deprecated { language } => Message::new("finding-deprecated")
            .text("found", &finding.found)
            .text("concept", concept)
            .text("language", language),
        Detail::Case { expected } => Message::new("finding-case")
            .text("found", &finding.found)
            .text("expected", expected),
        Detail::Unlisted { nearest, confidence } => Message::new("finding-unlisted")
            .text("found", &finding.found)
            .text("concept", concept)
            .text("nearest", nearest)
            .number("confidence", (confidence * 100.0).round() as usize),
        Detail::Inconsistent {
            chosen,
            chosen_in: None,
            chosen_at,
            ..
        } => Message::new("finding-inconsistent")
            .text("found", &finding.found)
            .text("concept", concept)
            .text("chosen", chosen)
            .number("line", chosen_at.line)
            .number("column", chosen_at.column),
        Detail::Inconsistent {
            chosen,
            chosen_in: Some(path),
            chosen_at,
            counts,
        } => Message::new("finding-inconsistent-project")
            .text("found", &finding.found)
            .text("concept", concept)
            .text("chosen", chosen)
            .text("path", path)
            .number("line", chosen_at.line)
            .number("column", chosen_at.column)
            .text("counts", format_counts(counts)),
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

/// How a concept is named in messages: its preferred English form, else its id.
pub fn concept_name(glossary: &Glossary, id: &str) -> String {
    let english = crate::lang::Language::parse("en").ok();
    glossary
        .concepts()
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| english.as_ref().and_then(|en| c.language(en)))
        .map_or_else(|| id.to_string(), |terms| terms.preferred().text.clone())
}
