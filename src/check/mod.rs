//! Checks: what the mentions of a document say about its terminology.
//!
//! Each check has a stable id used in every output format and in
//! configuration. A mention gets at most one finding: `case` and `deprecated`
//! come first, and `inconsistent` reports only mentions not already flagged.

mod consistency;

use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::glossary::Status;
use crate::matcher::{Matcher, Mention};
use crate::text::{LineIndex, Position};

pub use consistency::inconsistent_findings;

/// The checks termlint runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckId {
    /// A deprecated form is used.
    Deprecated,
    /// One document uses several forms of one concept.
    Inconsistent,
    /// A case-sensitive term is written in another case.
    Case,
}

impl CheckId {
    /// Every check, in a stable order.
    pub const ALL: [CheckId; 3] = [CheckId::Deprecated, CheckId::Inconsistent, CheckId::Case];

    /// The stable id.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::Deprecated => "deprecated",
            CheckId::Inconsistent => "inconsistent",
            CheckId::Case => "case",
        }
    }

    /// The severity when configuration says nothing.
    pub fn default_severity(self) -> Severity {
        match self {
            CheckId::Deprecated | CheckId::Case => Severity::Error,
            CheckId::Inconsistent => Severity::Warning,
        }
    }
}

impl FromStr for CheckId {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CheckId::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| s.to_string())
    }
}

/// How serious a finding is. Only `error` findings make the run fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the run (exit status 1).
    Error,
    /// Reported, does not fail the run.
    Warning,
    /// Reported for information.
    Info,
}

impl Severity {
    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which checks run, and at which severity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckSettings {
    severities: [Option<Severity>; 3],
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            severities: CheckId::ALL.map(|c| Some(c.default_severity())),
        }
    }
}

impl CheckSettings {
    /// Sets a check's severity; `None` turns it off.
    pub fn set(&mut self, check: CheckId, severity: Option<Severity>) {
        self.severities[check as usize] = severity;
    }

    /// The check's severity, or `None` when it is off.
    pub fn severity(&self, check: CheckId) -> Option<Severity> {
        self.severities[check as usize]
    }
}

/// One problem found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Which check found it.
    pub check: CheckId,
    /// How serious it is.
    pub severity: Severity,
    /// Byte range in the original file.
    pub range: Range<usize>,
    /// Position of the first character.
    pub start: Position,
    /// Position just after the last character.
    pub end: Position,
    /// The concept's id.
    pub concept: String,
    /// The text as found.
    pub found: String,
    /// The replacement to make, if there is one.
    pub suggestion: Option<String>,
    /// What the check knows beyond that.
    pub detail: Detail,
}

/// Check-specific facts about a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// `deprecated`: the form's language.
    Deprecated { language: String },
    /// `case`: the term in its listed case.
    Case { expected: String },
    /// `inconsistent`: the form the document settled on, its language, where
    /// it is first used, and how often each form occurs.
    Inconsistent {
        chosen: String,
        language: String,
        chosen_at: Position,
        counts: Vec<(String, usize)>,
    },
}

/// A document's text as the checks see it.
pub struct CheckedText<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its line index.
    pub lines: &'a LineIndex,
}

impl CheckedText<'_> {
    fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }
}

/// Runs every enabled check on the mentions of one document (in text order)
/// and returns the findings sorted by position.
pub fn run_checks(
    matcher: &Matcher,
    document: &CheckedText,
    mentions: &[Mention],
    settings: &CheckSettings,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut flagged = vec![false; mentions.len()];
    for (index, mention) in mentions.iter().enumerate() {
        if let Some(finding) = mention_finding(matcher, document, mention, settings) {
            flagged[index] = true;
            findings.push(finding);
        }
    }
    if let Some(severity) = settings.severity(CheckId::Inconsistent) {
        findings.extend(inconsistent_findings(
            matcher, document, mentions, &flagged, severity,
        ));
    }
    findings.sort_by_key(|f| (f.range.start, f.range.end, f.check));
    findings
}

/// The `case` or `deprecated` finding of one mention, if any.
fn mention_finding(
    matcher: &Matcher,
    document: &CheckedText,
    mention: &Mention,
    settings: &CheckSettings,
) -> Option<Finding> {
    let (concept, language_terms, term) = matcher.resolve(mention);
    let (check, suggestion, detail) = if term.status == Status::Deprecated {
        let suggestion = language_terms.suggestion_for(term).text.clone();
        let language = language_terms.language.to_string();
        (CheckId::Deprecated, suggestion, Detail::Deprecated { language })
    } else if mention.case_mismatch {
        let expected = term.text.clone();
        (CheckId::Case, expected.clone(), Detail::Case { expected })
    } else {
        return None;
    };
    let severity = settings.severity(check)?;
    Some(Finding {
        check,
        severity,
        range: mention.range.clone(),
        start: document.position(mention.range.start),
        end: document.position(mention.range.end),
        concept: concept.id.clone(),
        found: document.text[mention.range.clone()].to_string(),
        suggestion: Some(suggestion),
        detail,
    })
}
