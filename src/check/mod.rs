//! Checks: what the mentions of a document say about its terminology.
//!
//! Each check has a stable id used in every output format and in
//! configuration. A mention gets at most one finding: `case` and `deprecated`
//! come first, and `inconsistent` reports only mentions not already flagged.

mod bilingual;
mod consistency;
mod other_language;
mod segments;
mod surnames;
pub mod usage;

use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::glossary::{Status, Term, TermType};
use crate::matcher::{Matcher, Mention, OtherForm};
use crate::text::{LineIndex, Position};
use crate::unlisted::Unlisted;

pub use bilingual::{bilingual_findings, SegmentMentions};
pub use consistency::{form_usage, inconsistent_findings, ConsistencyInput};
pub use segments::{
    folded_key, segment_findings, segment_key, unit_texts, KeyedSegment, SegmentPlace, SegmentScope, UnitText,
};
pub use surnames::anchor_surnames;

/// The checks termlint runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    /// A deprecated form is used.
    Deprecated,
    /// One document uses several forms of one concept.
    Inconsistent,
    /// A case-sensitive term is written in another case.
    Case,
    /// A spelling of a glossary name that the glossary does not list.
    Unlisted,
    /// A source term has no counterpart in the target.
    MissingTerm,
    /// The target keeps the source-language form of a term.
    UntranslatedTerm,
    /// A suppression directive that suppresses nothing.
    UnusedSuppression,
    /// An admitted spelling where the preferred one is asked for (off
    /// unless turned on: the preferred-only policy).
    Admitted,
    /// One source segment is translated two ways (Xbench's "Inconsistency
    /// in Target").
    InconsistentTarget,
    /// Two different source segments are given one translation (Xbench's
    /// "Inconsistency in Source").
    InconsistentSource,
    /// A form listed only for another language, where the document's
    /// language has a form of the concept (`Таджикистан` in Tajik text).
    OtherLanguage,
    /// A spelling that folds like a listed form of the document's language
    /// but differs from each in letters the language tells apart (Arabic
    /// `ي` for Persian `ی`).
    Orthography,
}

impl CheckId {
    /// Every check, in a stable order.
    pub const ALL: [CheckId; 12] = [
        CheckId::Deprecated,
        CheckId::Inconsistent,
        CheckId::Case,
        CheckId::Unlisted,
        CheckId::MissingTerm,
        CheckId::UntranslatedTerm,
        CheckId::UnusedSuppression,
        CheckId::Admitted,
        CheckId::InconsistentTarget,
        CheckId::InconsistentSource,
        CheckId::OtherLanguage,
        CheckId::Orthography,
    ];

    /// The stable id.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::Deprecated => "deprecated",
            CheckId::Inconsistent => "inconsistent",
            CheckId::Case => "case",
            CheckId::Unlisted => "unlisted",
            CheckId::MissingTerm => "missing-term",
            CheckId::UntranslatedTerm => "untranslated-term",
            CheckId::UnusedSuppression => "unused-suppression",
            CheckId::Admitted => "admitted",
            CheckId::InconsistentTarget => "inconsistent-target",
            CheckId::InconsistentSource => "inconsistent-source",
            CheckId::OtherLanguage => "other-language",
            CheckId::Orthography => "orthography",
        }
    }

    /// The severity when configuration says nothing.
    pub fn default_severity(self) -> Severity {
        match self {
            CheckId::Deprecated | CheckId::Case | CheckId::MissingTerm => Severity::Error,
            CheckId::Inconsistent
            | CheckId::Unlisted
            | CheckId::UntranslatedTerm
            | CheckId::UnusedSuppression
            | CheckId::Admitted
            | CheckId::InconsistentTarget
            | CheckId::InconsistentSource
            // New checks that may find much in texts checked clean until
            // now: reported, failing a run only when a team asks.
            | CheckId::OtherLanguage
            | CheckId::Orthography => Severity::Warning,
        }
    }

    /// Whether the check runs when configuration says nothing: all but the
    /// preferred-only policy, which a team asks for.
    pub fn on_by_default(self) -> bool {
        self != CheckId::Admitted
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

/// How serious a finding is, the most severe first. Only `error` findings
/// make the run fail, unless `fail_on` asks for less.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the run (exit status 1).
    Error,
    /// Reported; fails the run only with `fail_on` warning or info.
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

/// The default confidence an `unlisted` finding needs.
pub const DEFAULT_UNLISTED_THRESHOLD: f32 = 0.75;

/// Which checks run, at which severity, and how sure `unlisted` must be.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckSettings {
    severities: [Option<Severity>; CheckId::ALL.len()],
    /// The confidence in [0, 1] an `unlisted` finding needs.
    pub unlisted_threshold: f32,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            severities: CheckId::ALL.map(|c| c.on_by_default().then(|| c.default_severity())),
            unlisted_threshold: DEFAULT_UNLISTED_THRESHOLD,
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
#[derive(Clone, Debug, PartialEq)]
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
    /// The edit that applies the suggestion, where termlint can make it
    /// safely (see `lint` for when): set after the checks ran.
    pub fix: Option<Fix>,
    /// The id of the bilingual file's segment holding the finding, as the
    /// translation tool shows it ([`SegmentInfo::id`]): set after the
    /// checks ran.
    ///
    /// [`SegmentInfo::id`]: crate::document::SegmentInfo::id
    pub segment: Option<String>,
}

/// An edit of the original file: replace `range` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Byte range in the original file: the finding's, or more where the
    /// format needs it (a CSV cell that must now be quoted, whole).
    pub range: Range<usize>,
    /// The new text, already escaped or quoted for the file's format.
    pub replacement: String,
}

/// Check-specific facts about a finding.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// `deprecated`: the form's language.
    Deprecated {
        /// The language of the deprecated form.
        language: String,
    },
    /// `admitted`: the form's language.
    Admitted {
        /// The language of the admitted form.
        language: String,
    },
    /// `case`: the term in its listed case.
    Case {
        /// The term as listed.
        expected: String,
    },
    /// `unlisted`: the nearest listed form, its language and how sure the
    /// finder is.
    Unlisted {
        /// The nearest listed form.
        nearest: String,
        /// The language of the nearest form.
        language: String,
        /// How sure the finder is, from 0 to 1.
        confidence: f32,
    },
    /// `missing-term`: the source term and the target's language.
    MissingTerm {
        /// The term found in the source.
        source_term: String,
        /// The target's language.
        language: String,
    },
    /// `untranslated-term`: the target's language.
    UntranslatedTerm {
        /// The target's language.
        language: String,
    },
    /// `unused-suppression`: nothing beyond the directive text (`found`).
    UnusedSuppression,
    /// `other-language`: the language of the form found, and the document's
    /// language, whose form is the suggestion.
    OtherLanguage {
        /// The language the found form is listed for.
        form_language: String,
        /// The language of the suggested form (the document's).
        language: String,
    },
    /// `orthography`: the listed form and its language.
    Orthography {
        /// The listed form to write.
        expected: String,
        /// Its language (the document's).
        language: String,
    },
    /// `inconsistent`: the form the document (or project) settled on, its
    /// language, where it is first used, and how often each form occurs.
    Inconsistent {
        /// The form settled on.
        chosen: String,
        /// Its language.
        language: String,
        /// The file of the first use, when it is another file (project scope).
        chosen_in: Option<String>,
        /// Where it is first used; `None` when the scope has not chosen
        /// (its forms are used equally often) and the chosen form is the
        /// concept's preferred one.
        chosen_at: Option<Position>,
        /// How often each form occurs.
        counts: Vec<(String, usize)>,
    },
    /// `inconsistent-target` and `inconsistent-source`: one finding per
    /// group of translation units; `found` is the first unit's compared
    /// side (its target, or its source).
    InconsistentSegments {
        /// The first unit's other side: the source translated several
        /// ways, or the target given to several sources.
        other: String,
        /// How many versions of the compared side the group has.
        versions: usize,
        /// Every unit of the group, in scope order.
        places: Vec<SegmentPlace>,
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
    /// The line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }
}

/// What one document yields before consistency is judged: the findings of
/// the per-mention checks, and its mentions with whether each is flagged.
#[derive(Default)]
pub struct DocumentFindings {
    /// `deprecated`, `case` and `unlisted` findings.
    pub findings: Vec<Finding>,
    /// The mentions in text order.
    pub mentions: Vec<Mention>,
    /// `flagged[i]`: mention `i` already has a finding.
    pub flagged: Vec<bool>,
    /// The translation units, for segment consistency over a project.
    pub units: Vec<UnitText>,
}

/// Runs the per-mention checks (`deprecated`, `case`, `admitted`,
/// `orthography`) and turns unlisted spellings and forms of other
/// languages (`others`) into findings.
pub fn mention_checks(
    matcher: &Matcher,
    document: &CheckedText,
    mentions: Vec<Mention>,
    unlisted: &[Unlisted],
    others: &[OtherForm],
    settings: &CheckSettings,
) -> DocumentFindings {
    let mut findings = Vec::new();
    let mut reported_others = Vec::new();
    if let Some(severity) = settings.severity(CheckId::OtherLanguage) {
        for other in others {
            if let Some(finding) = other_language::finding(matcher, document, other, &mentions, severity) {
                findings.push(finding);
                reported_others.push(other_language::as_fixed(matcher, other));
            }
        }
    }
    if let Some(severity) = settings.severity(CheckId::Unlisted) {
        findings.extend(
            unlisted
                .iter()
                .map(|u| unlisted_finding(matcher, document, u, severity)),
        );
    }
    let mut flagged = vec![false; mentions.len()];
    for (index, mention) in mentions.iter().enumerate() {
        if let Some(finding) = mention_finding(matcher, document, mention, settings) {
            flagged[index] = true;
            findings.push(finding);
        }
    }
    let (mentions, flagged) = other_language::merge(mentions, flagged, reported_others);
    DocumentFindings {
        findings,
        mentions,
        flagged,
        units: Vec::new(),
    }
}

/// Sorts findings by position, then check.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.range.start, f.range.end, f.check));
}

fn unlisted_finding(
    matcher: &Matcher,
    document: &CheckedText,
    unlisted: &Unlisted,
    severity: Severity,
) -> Finding {
    let concept = &matcher.glossary().concepts()[unlisted.concept];
    let language = &concept.languages[unlisted.language];
    let nearest = &language.terms[unlisted.nearest];
    let found = &document.text[unlisted.range.clone()];
    // A respelled acronym-like name (`Da'ish` for `Daesh`) goes back to
    // the acronym it respells, not to the concept's first acronym (`IS`).
    let target = match nearest.term_type == TermType::Acronym && nearest.status != Status::Deprecated {
        true => nearest,
        false => language.suggestion_for(nearest),
    };
    let mut suggestion = target.text.clone();
    let mut nearest = nearest.text.clone();
    if unlisted.surname {
        // A spelling of a surname alone: the surname of the forms.
        suggestion = crate::names::surname_like(found, &suggestion).unwrap_or(suggestion);
        nearest = crate::names::surname_like(found, &nearest).unwrap_or(nearest);
    }
    // A declined spelling gets a declined fix (English plurals aside: they
    // apply only to concepts with a kind).
    let rule = matcher
        .inflection_rule(matcher.language_index(&language.language))
        .filter(|rule| rule.language.id().language.as_str() != "en");
    if let Some(inflected) = rule.and_then(|rule| rule.inflect_like(found, &nearest, &suggestion)) {
        suggestion = inflected;
    }
    Finding {
        segment: None,
        check: CheckId::Unlisted,
        severity,
        range: unlisted.range.clone(),
        start: document.position(unlisted.range.start),
        end: document.position(unlisted.range.end),
        concept: concept.id.clone(),
        found: found.to_string(),
        fix: text_fix(document.text, unlisted.range.clone(), &suggestion, true),
        suggestion: Some(suggestion),
        detail: Detail::Unlisted {
            nearest,
            language: language.language.to_string(),
            confidence: unlisted.confidence,
        },
    }
}

/// The `case` or `deprecated` finding of one mention, if any.
fn mention_finding(
    matcher: &Matcher,
    document: &CheckedText,
    mention: &Mention,
    settings: &CheckSettings,
) -> Option<Finding> {
    let (concept, language_terms, term) = matcher.resolve(mention);
    if mention.surname {
        return surname_mention_finding(matcher, document, mention, settings);
    }
    let (check, suggestion, detail) = if term.status == Status::Deprecated {
        let suggestion = language_terms.suggestion_for(term).text.clone();
        let language = language_terms.language.to_string();
        (CheckId::Deprecated, suggestion, Detail::Deprecated { language })
    } else if mention.case_mismatch {
        let expected = term.text.clone();
        (CheckId::Case, expected.clone(), Detail::Case { expected })
    } else if is_admitted_spelling(matcher, mention, term) && settings.severity(CheckId::Admitted).is_some() {
        let suggestion = language_terms.preferred().text.clone();
        let language = language_terms.language.to_string();
        (CheckId::Admitted, suggestion, Detail::Admitted { language })
    } else if mention.misspelled {
        // The exact listed form: the misspelling may be of an admitted one.
        let expected = term.text.clone();
        let language = language_terms.language.to_string();
        let detail = Detail::Orthography {
            expected: expected.clone(),
            language,
        };
        (CheckId::Orthography, expected, detail)
    } else {
        return None;
    };
    let severity = settings.severity(check)?;
    let keep_case = check != CheckId::Case;
    let judged = Judged {
        check,
        severity,
        suggestion,
        detail,
    };
    Some(judged.finding(document, mention, &concept.id, keep_case))
}

/// What a check made of a mention, before it becomes a [`Finding`].
struct Judged {
    check: CheckId,
    severity: Severity,
    suggestion: String,
    detail: Detail,
}

impl Judged {
    /// The finding at `mention`, with the fix that writes the suggestion
    /// (in capitals over capitals when `keep_case`).
    fn finding(self, document: &CheckedText, mention: &Mention, concept: &str, keep_case: bool) -> Finding {
        Finding {
            segment: None,
            check: self.check,
            severity: self.severity,
            range: mention.range.clone(),
            start: document.position(mention.range.start),
            end: document.position(mention.range.end),
            concept: concept.to_string(),
            found: document.text[mention.range.clone()].to_string(),
            fix: mention_fix(document.text, mention, &self.suggestion, keep_case),
            suggestion: Some(self.suggestion),
            detail: self.detail,
        }
    }
}

/// The `deprecated` or `admitted` finding of a surname written alone: the
/// surname of a deprecated (or, under the preferred-only policy, admitted)
/// full form, where the suggested form's surname is spelled otherwise.
fn surname_mention_finding(
    matcher: &Matcher,
    document: &CheckedText,
    mention: &Mention,
    settings: &CheckSettings,
) -> Option<Finding> {
    let (concept, language_terms, term) = matcher.resolve(mention);
    let language = language_terms.language.to_string();
    let (check, target, detail) = match term.status {
        Status::Deprecated => (
            CheckId::Deprecated,
            language_terms.suggestion_for(term),
            Detail::Deprecated { language },
        ),
        Status::Admitted => (
            CheckId::Admitted,
            language_terms.preferred(),
            Detail::Admitted { language },
        ),
        Status::Preferred => return None,
    };
    let severity = settings.severity(check)?;
    let found = surnames::found_surname(document.text, mention);
    let suggestion = surnames::surname_suggestion(found, &target.text)?;
    let judged = Judged {
        check,
        severity,
        suggestion,
        detail,
    };
    Some(judged.finding(document, mention, &concept.id, true))
}

/// Whether a mention is an admitted spelling of the name, which the
/// preferred-only policy reports: not an acronym, short form, translation
/// or original-language name (each is a form of its own kind, not a
/// spelling to replace), and not a form that folds like the preferred one.
fn is_admitted_spelling(matcher: &Matcher, mention: &Mention, term: &Term) -> bool {
    term.status == Status::Admitted && term.term_type == TermType::Full && !matcher.is_preferred_form(mention)
}

/// The edit that writes `replacement` in place of a mention: only the term
/// part of an inflected word is replaced, and an all-capitals original stays
/// in capitals (`ABU HUDHAIFA` → `ABU HUDHAYFAH`) when `keep_case`. None
/// when the match came from a stem (the ending would not fit the new form)
/// or nothing would change.
pub fn mention_fix(text: &str, mention: &Mention, replacement: &str, keep_case: bool) -> Option<Fix> {
    if mention.from_stem {
        return None;
    }
    let range = mention.range.start..mention.stem_end.max(mention.range.start);
    text_fix(text, range, replacement, keep_case)
}

/// The edit that writes `replacement` over `range` of `text`, keeping an
/// all-capitals original in capitals when `keep_case`.
pub fn text_fix(text: &str, range: Range<usize>, replacement: &str, keep_case: bool) -> Option<Fix> {
    let original = text.get(range.clone())?;
    let replacement = if keep_case && is_all_capitals(original) {
        replacement.to_uppercase()
    } else {
        replacement.to_string()
    };
    (original != replacement).then_some(Fix { range, replacement })
}

/// Whether the text has letters and all of its cased letters are capitals.
fn is_all_capitals(text: &str) -> bool {
    let mut cased = text
        .chars()
        .filter(|c| c.is_uppercase() || c.is_lowercase())
        .peekable();
    cased.peek().is_some()
        && cased.all(char::is_uppercase)
        && text.chars().filter(|c| c.is_alphabetic()).count() > 1
}
