//! Segment consistency (Xbench's "Inconsistency in Target" and
//! "Inconsistency in Source"): one source translated two ways, and one
//! translation given to two different sources.
//!
//! Each translation unit of a bilingual file (XLIFF, SDLXLIFF, MQXLIFF, TMX,
//! PO, a bilingual table) is reduced to a *key* per side: its text folded
//! as the matcher folds it (case, marks, spacing, apostrophes; the
//! matcher's own fold where it has one), split into words, and every word
//! a glossary mention touches replaced by its concept. Two sides
//! with the same key say the same thing in the glossary's eyes: a source
//! that differs only by a listed spelling variant (`Kirman`, `Kerman`) is
//! the same source, and targets that differ only by the forms of one
//! concept (preferred, admitted, or deprecated, which `deprecated` reports
//! already) are the same target. An inflected mention counts whole, ending
//! included: `Казахстана` and `Казахстане` are both the concept. The words
//! around the mentions count as folded, punctuation included.
//!
//! Only a key (a 64-bit hash) is kept per side, with the side's byte range
//! and segment id: a project of many files keeps no copy of its texts for
//! this check. A unit takes part when it has a source and a target that is
//! not empty; its sources (PO `msgid` and `msgid_plural`) make one key, and
//! so do its targets of one language (PO plural forms). Units are compared
//! with units of the same source and target languages and the same context
//! (a PO `msgctxt`, which exists to let one source be translated two ways)
//! only.
//!
//! `inconsistent-target`: units with the same source key and different
//! target keys; `inconsistent-source`: units with the same target key and
//! different source keys. Each group is one finding, at the first unit's
//! target (or source), listing every unit of the group with the version of
//! the text it has (1, 2, … in order of first use).

use std::collections::HashMap;
use std::hash::Hasher;

// Keys are compared, never stored across runs: a fast hash of good
// quality (rustc's own, 64 bits) rather than SipHash, which stood out in
// the profile of a large translation memory.
use rustc_hash::FxHasher as KeyHasher;
use std::ops::Range;

use crate::document::{Role, Segment};
use crate::lang::Language;
use crate::matcher::Mention;
use crate::text::{CaseMode, FoldedText, Position};

use super::{CheckId, CheckedText, Detail, Finding, Severity};

/// The key of a segment's text: its folded words and the concepts it
/// mentions, hashed; `None` when it holds no word (empty, not translated).
/// `mentions` are the segment's leftmost-longest mentions, in text order.
/// Folds the segment as read (escapes decoded); [`folded_key`] does the
/// same from a fold already made.
pub fn segment_key(text: &str, segment: &Segment, mentions: &[Mention]) -> Option<u64> {
    let view = segment.view(text);
    let folded = FoldedText::new(&view.text, CaseMode::Fold);
    folded_key(
        &folded,
        |range| folded.to_original(range).map(|range| view.to_original(range)),
        mentions,
    )
}

/// The key of a segment from its fold: each folded word that no mention
/// touches, and each mention's concept once, in text order; `to_original`
/// maps a range of the fold to the original text, where mentions are.
pub fn folded_key(
    folded: &FoldedText,
    to_original: impl Fn(Range<usize>) -> Option<Range<usize>>,
    mentions: &[Mention],
) -> Option<u64> {
    let mentions: Vec<&Mention> = mentions.iter().filter(|m| !m.surname).collect();
    let mut hasher = KeyHasher::default();
    let mut any = false;
    let mut next = 0;
    // Whether mention `next` has been hashed already.
    let mut hashed = false;
    let concept = |hasher: &mut KeyHasher, index: usize| {
        hasher.write_u8(0xFE);
        hasher.write_usize(mentions[index].concept);
    };
    let text = folded.as_str();
    for word in text.split([' ', '\n']).filter(|word| !word.is_empty()) {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        // Past the last mention (most segments have none), words are
        // not mapped back.
        let original = match mentions.get(next) {
            Some(_) => to_original(start..start + word.len()),
            None => None,
        };
        let Some(original) = original else {
            hasher.write(word.as_bytes());
            hasher.write_u8(0xFF);
            any = true;
            continue;
        };
        while mentions.get(next).is_some_and(|m| m.range.end <= original.start) {
            if !hashed {
                concept(&mut hasher, next);
            }
            next += 1;
            hashed = false;
        }
        if mentions.get(next).is_some_and(|m| m.range.start < original.end) {
            if !hashed {
                concept(&mut hasher, next);
                hashed = true;
            }
        } else {
            hasher.write(word.as_bytes());
            // No byte of UTF-8 text is 0xFF: words cannot run together.
            hasher.write_u8(0xFF);
        }
        any = true;
    }
    for index in next..mentions.len() {
        if !(index == next && hashed) {
            concept(&mut hasher, index);
            any = true;
        }
    }
    any.then(|| hasher.finish())
}

/// One segment of a bilingual document, as the units are made from it.
pub struct KeyedSegment<'a> {
    /// Source or target (text segments are left out).
    pub role: Role,
    /// Its translation unit.
    pub unit: Option<usize>,
    /// Its language.
    pub language: &'a Language,
    /// Its byte range.
    pub span: Range<usize>,
    /// Its id, as the translation tool shows it.
    pub id: Option<&'a str>,
    /// Its key ([`segment_key`]).
    pub key: Option<u64>,
    /// Its unit's context (a PO `msgctxt`): units of different contexts
    /// are not compared.
    pub context: Option<&'a str>,
}

/// A translation unit as the check compares it: one source and its targets
/// in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitText {
    /// The source and target languages and the context, hashed: units
    /// are compared only with units of the same pair and context.
    pair: u64,
    source_key: u64,
    target_key: u64,
    /// The first source segment's byte range.
    source: Range<usize>,
    /// The first target segment's byte range.
    target: Range<usize>,
    /// The id of the target's segment (else the source's).
    id: Option<String>,
}

/// The units of a document's segments (in document order), each with a
/// source and a non-empty target; a unit with targets in several
/// languages gives one per language.
pub fn unit_texts<'a>(segments: impl IntoIterator<Item = KeyedSegment<'a>>) -> Vec<UnitText> {
    let mut by_unit: Vec<(usize, usize, KeyedSegment)> = segments
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.role != Role::Text)
        .filter_map(|(order, s)| s.unit.map(|unit| (unit, order, s)))
        .collect();
    // Segments come in unit order in most files: sorted, they are not
    // moved again (a memory of many units holds megabytes of them).
    if !by_unit.is_sorted_by_key(|(unit, order, _)| (*unit, *order)) {
        by_unit.sort_by_key(|(unit, order, _)| (*unit, *order));
    }
    let mut units = Vec::new();
    let mut pairs = PairKeys::default();
    // A memory has hundreds of thousands of units, most of one source and
    // one target: nothing is allocated per unit but its id.
    for members in by_unit.chunk_by(|a, b| a.0 == b.0) {
        let segments = || members.iter().map(|(_, _, s)| s);
        let sources = || segments().filter(|s| s.role == Role::Source && s.key.is_some());
        let Some(first_source) = sources().next() else {
            continue;
        };
        let source_key = combined(sources().filter_map(|s| s.key));
        // Each target language once, at its first target; the languages
        // past the first are listed only for a unit that has them.
        let mut first_language: Option<&Language> = None;
        let mut more_languages: Vec<&Language> = Vec::new();
        for target in segments().filter(|s| s.role == Role::Target) {
            let new_language = match first_language {
                None => {
                    first_language = Some(target.language);
                    true
                }
                Some(first) if first == target.language => false,
                Some(_) if more_languages.contains(&target.language) => false,
                Some(_) => {
                    more_languages.push(target.language);
                    true
                }
            };
            if !new_language {
                continue;
            }
            let targets = || {
                segments()
                    .filter(|s| s.role == Role::Target && s.language == target.language && s.key.is_some())
            };
            let Some(first_target) = targets().next() else {
                continue;
            };
            units.push(UnitText {
                pair: pairs.key(first_source.language, target.language, first_source.context),
                source_key,
                target_key: combined(targets().filter_map(|s| s.key)),
                source: first_source.span.clone(),
                target: first_target.span.clone(),
                id: first_target.id.or(first_source.id).map(str::to_string),
            });
        }
    }
    if !units.is_sorted_by_key(|u| u.target.start.min(u.source.start)) {
        units.sort_by_key(|u| u.target.start.min(u.source.start));
    }
    units
}

/// The keys of the language pairs and contexts of a document's units,
/// each hashed once: a memory of many units has few pairs.
#[derive(Default)]
struct PairKeys<'a> {
    known: Vec<(Pair<'a>, u64)>,
}

/// A unit's source and target languages and its context.
type Pair<'a> = (&'a Language, &'a Language, Option<&'a str>);

impl<'a> PairKeys<'a> {
    /// The key of units from `source` to `target` in `context`.
    fn key(&mut self, source: &'a Language, target: &'a Language, context: Option<&'a str>) -> u64 {
        let pair = (source, target, context);
        if let Some(&(_, key)) = self.known.iter().find(|(known, _)| *known == pair) {
            return key;
        }
        let mut hasher = KeyHasher::default();
        hasher.write(source.to_string().as_bytes());
        hasher.write_u8(0xFF);
        hasher.write(target.to_string().as_bytes());
        if let Some(context) = context {
            hasher.write_u8(0xFE);
            hasher.write(context.as_bytes());
        }
        let key = hasher.finish();
        // Contexts (PO `msgctxt`) may be many: only the first few pairs
        // are remembered, so the search stays short.
        if self.known.len() < 16 {
            self.known.push((pair, key));
        }
        key
    }
}

/// One key for several segments' keys, in order; a single key is itself.
fn combined(mut keys: impl Iterator<Item = u64>) -> u64 {
    let first = keys.next();
    let second = keys.next();
    match (first, second) {
        (Some(only), None) => only,
        _ => {
            let mut hasher = KeyHasher::default();
            first
                .into_iter()
                .chain(second)
                .chain(keys)
                .for_each(|k| hasher.write_u64(k));
            hasher.finish()
        }
    }
}

/// One document of the scope.
pub struct SegmentScope<'a> {
    /// The document's path, as reported; empty within one document.
    pub path: &'a str,
    /// Its text.
    pub document: &'a CheckedText<'a>,
    /// Its units.
    pub units: &'a [UnitText],
}

/// One segment of a group: where it is and which version of the text it
/// has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentPlace {
    /// Its file, as reported; empty for the finding's own file (within one
    /// document).
    pub path: String,
    /// The compared side's byte range.
    pub range: Range<usize>,
    /// Its first character.
    pub start: Position,
    /// Just after its last character.
    pub end: Position,
    /// The segment's id, as the translation tool shows it.
    pub segment: Option<String>,
    /// Which version of the text it has: 1, 2, … in order of first use.
    pub version: usize,
    /// The compared side's text as in the file.
    pub text: String,
}

/// The `inconsistent-target` and `inconsistent-source` findings of a scope,
/// each with its document's index; `None` severities leave a check out.
pub fn segment_findings(
    scope: &[SegmentScope],
    target: Option<Severity>,
    source: Option<Severity>,
) -> Vec<(usize, Finding)> {
    let mut findings = Vec::new();
    if let Some(severity) = target {
        findings.extend(groups(scope, Side::Target, severity));
    }
    if let Some(severity) = source {
        findings.extend(groups(scope, Side::Source, severity));
    }
    findings
}

/// The side a check holds to one version: the target of one source, or
/// the source of one target.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Target,
    Source,
}

/// A unit: (document index, unit index).
type Site = (usize, usize);

fn groups(scope: &[SegmentScope], side: Side, severity: Severity) -> Vec<(usize, Finding)> {
    let unit = |(doc, index): Site| &scope[doc].units[index];
    // Grouped by the other side's key; the side compared is `side`.
    let by = |u: &UnitText| match side {
        Side::Target => u.source_key,
        Side::Source => u.target_key,
    };
    let compared = |u: &UnitText| match side {
        Side::Target => u.target_key,
        Side::Source => u.source_key,
    };
    // A first pass finds the groups with more than one version, so that
    // only their members are gathered.
    let mut first: HashMap<(u64, u64), (u64, bool)> = HashMap::new();
    for input in scope {
        for u in input.units {
            let entry = first.entry((u.pair, by(u))).or_insert((compared(u), false));
            entry.1 |= entry.0 != compared(u);
        }
    }
    let mut members: HashMap<(u64, u64), Vec<Site>> = HashMap::new();
    let mut order: Vec<(u64, u64)> = Vec::new();
    for (doc, input) in scope.iter().enumerate() {
        for (index, u) in input.units.iter().enumerate() {
            let group = (u.pair, by(u));
            if first.get(&group).is_some_and(|(_, mixed)| *mixed) {
                let sites = members.entry(group).or_default();
                if sites.is_empty() {
                    order.push(group);
                }
                sites.push((doc, index));
            }
        }
    }
    drop(first);
    let range = |u: &UnitText| match side {
        Side::Target => u.target.clone(),
        Side::Source => u.source.clone(),
    };
    let other = |u: &UnitText| match side {
        Side::Target => u.source.clone(),
        Side::Source => u.target.clone(),
    };
    let mut findings = Vec::new();
    for group in order {
        let sites = &members[&group];
        let mut versions: Vec<u64> = Vec::new();
        let places: Vec<SegmentPlace> = sites
            .iter()
            .map(|&(doc, index)| {
                let u = unit((doc, index));
                let key = compared(u);
                let version = match versions.iter().position(|&k| k == key) {
                    Some(at) => at + 1,
                    None => {
                        versions.push(key);
                        versions.len()
                    }
                };
                let document = scope[doc].document;
                let span = range(u);
                SegmentPlace {
                    path: scope[doc].path.to_string(),
                    start: document.position(span.start),
                    end: document.position(span.end),
                    text: document.text.get(span.clone()).unwrap_or_default().to_string(),
                    range: span,
                    segment: u.id.clone(),
                    version,
                }
            })
            .collect();
        let (doc, index) = sites[0];
        let u = unit((doc, index));
        let first_place = &places[0];
        let document = scope[doc].document;
        let finding = Finding {
            check: match side {
                Side::Target => CheckId::InconsistentTarget,
                Side::Source => CheckId::InconsistentSource,
            },
            severity,
            range: first_place.range.clone(),
            start: first_place.start,
            end: first_place.end,
            concept: String::new(),
            found: first_place.text.clone(),
            suggestion: None,
            detail: Detail::InconsistentSegments {
                other: document.text.get(other(u)).unwrap_or_default().to_string(),
                versions: versions.len(),
                places,
            },
            fix: None,
            segment: u.id.clone(),
        };
        findings.push((doc, finding));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Segment;

    fn key(text: &str) -> Option<u64> {
        segment_key(text, &Segment::text(std::iter::once(0..text.len())), &[])
    }

    #[test]
    fn a_key_from_the_matcher_fold_is_the_key_of_the_segment_as_read() {
        use crate::document::Piece;
        let plain = "The Aral Sea keeps shrinking.";
        let folded = FoldedText::from_pieces(plain, std::slice::from_ref(&(0..plain.len())), CaseMode::Fold);
        let in_place = folded_key(&folded, |range| folded.to_original(range), &[]);
        // The same text with a character reference for a space.
        let escaped = "The Aral&#32;Sea keeps shrinking.";
        let mut segment = Segment::text(std::iter::once(0..8));
        segment.pieces.push(Piece::decoded(8..13, " "));
        segment.pieces.push(Piece::verbatim(13..escaped.len()));
        assert_eq!(segment_key(escaped, &segment, &[]), in_place);
        assert_eq!(in_place, key(plain));
    }

    #[test]
    fn keys_fold_case_spacing_and_marks() {
        assert_eq!(key("The  Aral\nSea."), key("the aral sea."));
        assert_eq!(key("Ḥisor"), key("hisor"));
        assert_ne!(key("the Aral Sea"), key("the Aral Sea."));
        assert_eq!(key("  \n"), None);
        assert_eq!(key(""), None);
    }
}
