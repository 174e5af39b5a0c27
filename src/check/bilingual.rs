//! Bilingual checks: did each source term come through into the target?
//!
//! For every translation unit, each concept mentioned in the source must be
//! mentioned in a target, in any of its forms in the target's language
//! (inflected forms count). The check is by concept: the source's concepts
//! are those it names as read (the leftmost-longest mentions), but a target
//! names every concept it holds a form of, even inside a longer concept's
//! form: `Теракт в Кермане` (the 2024 Kerman bombings) names Kerman too, so
//! it translates `the attack in Kerman`. When a concept is missing:
//! * `untranslated-term` — the target keeps a form of the concept in the
//!   source's language (`Voice of Khurasan` left in a Russian target) while
//!   the glossary has a target-language form; the finding is on that form;
//! * `missing-term` — otherwise; the finding covers the whole target and
//!   names the source term, the concept and the expected target form.
//!
//! A concept without forms in the target language cannot be checked and is
//! skipped; so is a unit without a target, or with an empty one (not
//! translated yet).

use std::ops::Range;

use crate::document::Role;
use crate::lang::Language;
use crate::matcher::{Matcher, Mention};

use rayon::prelude::*;

use super::{CheckId, CheckSettings, CheckedText, Detail, Finding, Severity};

/// What was found in one segment of a bilingual document.
pub struct SegmentMentions<'a> {
    /// Source, target or plain text.
    pub role: Role,
    /// The translation unit.
    pub unit: Option<usize>,
    /// The segment's byte range.
    pub span: Range<usize>,
    /// The segment's language.
    pub language: &'a Language,
    /// Mentions in the segment's language, the leftmost-longest where they
    /// overlap (what the text names, as read).
    pub mentions: &'a [Mention],
    /// For a target: every mention in its language, those nested inside or
    /// overlapping a longer one included (see
    /// [`Matcher::find_all`](crate::matcher::Matcher::find_all)).
    pub all_mentions: &'a [Mention],
    /// For a target: every mention of forms in its unit's source language,
    /// nested ones included.
    pub source_forms: &'a [Mention],
}

/// The `missing-term` and `untranslated-term` findings of one document.
pub fn bilingual_findings(
    matcher: &Matcher,
    document: &CheckedText,
    segments: &[SegmentMentions],
    settings: &CheckSettings,
) -> Vec<Finding> {
    let missing = settings.severity(CheckId::MissingTerm);
    let untranslated = settings.severity(CheckId::UntranslatedTerm);
    if missing.is_none() && untranslated.is_none() {
        return Vec::new();
    }
    // Units are judged on their own: a memory of many units is judged on
    // every core, its findings kept in document order.
    units(segments)
        .par_iter()
        .with_min_len(256)
        .flat_map_iter(|unit| unit_findings(matcher, document, unit, missing, untranslated))
        .collect()
}

/// The `missing-term` and `untranslated-term` findings of one unit.
fn unit_findings(
    matcher: &Matcher,
    document: &CheckedText,
    unit: &[&SegmentMentions],
    missing: Option<Severity>,
    untranslated: Option<Severity>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let sources: Vec<&SegmentMentions> = unit.iter().filter(|s| s.role == Role::Source).copied().collect();
    let targets: Vec<&SegmentMentions> = unit
        .iter()
        .filter(|s| s.role == Role::Target && !document.text[s.span.clone()].trim().is_empty())
        .copied()
        .collect();
    let Some(first_target) = targets.first() else {
        return findings;
    };
    for (concept, source_mention) in concepts_in(&sources) {
        if targets.iter().any(|t| names_concept(t, concept)) {
            continue;
        }
        let Some(expected) = target_form(matcher, concept, first_target.language) else {
            continue;
        };
        let kept = targets
            .iter()
            .find_map(|t| t.source_forms.iter().find(|m| m.concept == concept));
        let concept_id = matcher.glossary().concepts()[concept].id.clone();
        let source_term = document.text[source_mention.range.clone()].to_string();
        let language = first_target.language.to_string();
        let finding = match (kept, untranslated, missing) {
            (Some(kept), Some(severity), _) => Finding {
                segment: None,
                check: CheckId::UntranslatedTerm,
                severity,
                range: kept.range.clone(),
                start: document.position(kept.range.start),
                end: document.position(kept.range.end),
                concept: concept_id,
                found: document.text[kept.range.clone()].to_string(),
                suggestion: Some(expected),
                fix: None,
                detail: Detail::UntranslatedTerm { language },
            },
            (None, _, Some(severity)) => {
                let span = first_target.span.clone();
                Finding {
                    segment: None,
                    check: CheckId::MissingTerm,
                    severity,
                    start: document.position(span.start),
                    end: document.position(span.end),
                    concept: concept_id,
                    found: document.text[span.clone()].to_string(),
                    range: span,
                    suggestion: Some(expected),
                    fix: None,
                    detail: Detail::MissingTerm {
                        source_term,
                        language,
                    },
                }
            }
            _ => continue,
        };
        findings.push(finding);
    }
    findings
}

/// The segments grouped by translation unit, in document order.
fn units<'s, 'a>(segments: &'s [SegmentMentions<'a>]) -> Vec<Vec<&'s SegmentMentions<'a>>> {
    // By index, not by searching the units so far: a memory of 100,000
    // units would take quadratic time.
    let mut units: Vec<Vec<&SegmentMentions>> = Vec::new();
    let mut index: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for segment in segments {
        let Some(unit) = segment.unit else {
            continue;
        };
        let at = *index.entry(unit).or_insert_with(|| {
            units.push(Vec::new());
            units.len() - 1
        });
        units[at].push(segment);
    }
    units
}

/// Whether a target holds a form of `concept` in its language, alone or
/// inside a longer concept's form.
fn names_concept(target: &SegmentMentions, concept: usize) -> bool {
    target.all_mentions.iter().any(|m| m.concept == concept)
}

/// Each concept mentioned in the sources, with its first mention.
fn concepts_in<'a>(sources: &[&'a SegmentMentions]) -> Vec<(usize, &'a Mention)> {
    let mut concepts: Vec<(usize, &Mention)> = Vec::new();
    for mention in sources.iter().flat_map(|s| s.mentions.iter()) {
        if !concepts.iter().any(|(c, _)| *c == mention.concept) {
            concepts.push((mention.concept, mention));
        }
    }
    concepts
}

/// The preferred form of a concept for a target language, if it has one.
fn target_form(matcher: &Matcher, concept: usize, language: &Language) -> Option<String> {
    matcher.glossary().concepts()[concept]
        .languages
        .iter()
        .find(|terms| terms.language.applies_to(language))
        .map(|terms| terms.preferred().text.clone())
}
