//! Matching one document: each segment searched in its own language for
//! glossary mentions and unlisted spellings.

use rayon::prelude::*;

use super::Linter;
use crate::check::SegmentMentions;
use crate::document::{Role, Segment};
use crate::lang::Language;
use crate::matcher::{LanguageFilter, Matcher, Mention};
use crate::unlisted::Unlisted;

/// The language filters of one document, made once per language.
pub(super) struct Filters<'a> {
    pub(super) matcher: &'a Matcher,
    pub(super) made: Vec<(Language, LanguageFilter)>,
}

impl<'a> Filters<'a> {
    fn new(matcher: &'a Matcher) -> Self {
        Filters {
            matcher,
            made: Vec::new(),
        }
    }

    fn get(&mut self, language: &Language) -> &LanguageFilter {
        let index = match self.made.iter().position(|(l, _)| l == language) {
            Some(index) => index,
            None => {
                self.made
                    .push((language.clone(), self.matcher.language_filter(language)));
                self.made.len() - 1
            }
        };
        &self.made[index].1
    }
}

/// What one document's segments yield.
#[derive(Default)]
pub(super) struct Found {
    /// All mentions, in text order.
    pub(super) mentions: Vec<Mention>,
    /// All unlisted spellings, in text order.
    pub(super) unlisted: Vec<Unlisted>,
    /// Per segment, for the bilingual checks.
    pub(super) segments: Vec<SegmentFound>,
}

impl Found {
    /// Adds what a later part of the same document yields.
    pub(super) fn append(&mut self, later: Found) {
        self.mentions.extend(later.mentions);
        self.unlisted.extend(later.unlisted);
        self.segments.extend(later.segments);
    }
}

pub(super) struct SegmentFound {
    pub(super) role: Role,
    pub(super) unit: Option<usize>,
    pub(super) span: std::ops::Range<usize>,
    pub(super) language: Language,
    pub(super) mentions: Vec<Mention>,
    pub(super) source_forms: Vec<Mention>,
}

impl Found {
    pub(super) fn bilingual(&self) -> Vec<SegmentMentions<'_>> {
        self.segments
            .iter()
            .map(|s| SegmentMentions {
                role: s.role,
                unit: s.unit,
                span: s.span.clone(),
                language: &s.language,
                mentions: &s.mentions,
                source_forms: &s.source_forms,
            })
            .collect()
    }
}

/// Segments spanning this many bytes or more (a large file that comes in
/// one part) are matched in parallel.
pub(super) const PARALLEL_TEXT_BYTES: usize = 1 << 20;

impl Linter {
    /// The mentions and unlisted spellings of one text, each segment matched
    /// in its own language; for targets, also the forms of their source's
    /// language (to find terms left untranslated).
    pub(super) fn find(&self, text: &str, segments: &[Segment], language: &Language) -> Found {
        let mut filters = Filters::new(&self.matcher);
        let mut found = Found::default();
        let monolingual = || {
            segments
                .iter()
                .all(|s| s.role == Role::Text && s.language.is_none())
        };
        let extent = match (segments.first(), segments.last()) {
            (Some(first), Some(last)) => last.span().end.saturating_sub(first.span().start),
            _ => 0,
        };
        if extent >= PARALLEL_TEXT_BYTES && monolingual() {
            // A large file alone would keep one core busy and the others idle.
            let filter = filters.get(language);
            let parts: Vec<(Vec<Mention>, Vec<Unlisted>)> = segments
                .par_iter()
                .with_min_len(16)
                .map(|segment| self.find_in_segment(text, segment, filter, true))
                .collect();
            for (mentions, unlisted) in parts {
                found.mentions.extend(mentions);
                found.unlisted.extend(unlisted);
            }
            return found;
        }
        let mut unit_languages: Vec<(usize, Language)> = Vec::new();
        for segment in segments {
            if segment.role == Role::Text && segment.language.is_none() {
                // Monolingual text, the common case: no per-segment record.
                let (mentions, unlisted) = self.find_in_segment(text, segment, filters.get(language), true);
                found.mentions.extend(mentions);
                found.unlisted.extend(unlisted);
                continue;
            }
            let segment_language = self.language_of(segment, language);
            let (mentions, unlisted) =
                self.find_in_segment(text, segment, filters.get(&segment_language), true);
            let source_forms = match (segment.role, segment.unit) {
                (Role::Source, Some(unit)) => {
                    unit_languages.push((unit, segment_language.clone()));
                    Vec::new()
                }
                (Role::Target, unit) => {
                    let source = unit
                        .and_then(|u| unit_languages.iter().rev().find(|(id, _)| *id == u))
                        .map_or(&self.config.source_language, |(_, l)| l);
                    if source.id().language == segment_language.id().language {
                        Vec::new()
                    } else {
                        self.find_in_segment(text, segment, filters.get(source), false).0
                    }
                }
                _ => Vec::new(),
            };
            found.mentions.extend(mentions.iter().cloned());
            found.unlisted.extend(unlisted);
            found.segments.push(SegmentFound {
                role: segment.role,
                unit: segment.unit,
                span: segment.span(),
                language: segment_language,
                mentions,
                source_forms,
            });
        }
        if !found.segments.is_empty() {
            // Bilingual segments may come out of text order.
            found.mentions.sort_by_key(|m| m.range.start);
            found.unlisted.sort_by_key(|u| u.range.start);
        }
        found
    }

    /// The language a segment is read in: its own, else the run's source or
    /// target language for its role, else the document's.
    pub(super) fn language_of(&self, segment: &Segment, document: &Language) -> Language {
        match (&segment.language, segment.role) {
            (Some(language), _) => language.clone(),
            (None, Role::Source) => self.config.source_language.clone(),
            (None, Role::Target) => self
                .config
                .target_language
                .clone()
                .unwrap_or_else(|| document.clone()),
            (None, Role::Text) => document.clone(),
        }
    }

    /// The mentions (and, if asked, unlisted spellings) of one segment.
    pub(super) fn find_in_segment(
        &self,
        text: &str,
        segment: &Segment,
        filter: &LanguageFilter,
        with_unlisted: bool,
    ) -> (Vec<Mention>, Vec<Unlisted>) {
        // Verbatim pieces with nothing between them are searched in place.
        // Otherwise the segment is read as its pieces joined, escapes decoded
        // and markup left out, so that words and their boundaries are those
        // of the text as read (`Kirman**istan**` and PO strings `"Kirman"`
        // `"istan"` are one word), whether a character is escaped or not.
        let in_place = segment
            .verbatim_ranges()
            .filter(|pieces| pieces.windows(2).all(|pair| pair[0].end == pair[1].start));
        match in_place {
            Some(pieces) => self.find_in(text, &pieces, filter, with_unlisted),
            None => {
                // Spans map back to whole escapes.
                let view = segment.view(text);
                let whole = 0..view.text.len();
                let (mut found, mut spelled) =
                    self.find_in(&view.text, std::slice::from_ref(&whole), filter, with_unlisted);
                for mention in &mut found {
                    let stem = view.to_original(mention.range.start..mention.stem_end);
                    mention.range = view.to_original(mention.range.clone());
                    mention.stem_end = stem.end;
                }
                spelled
                    .iter_mut()
                    .for_each(|u| u.range = view.to_original(u.range.clone()));
                (found, spelled)
            }
        }
    }

    /// The mentions and unlisted spellings in `pieces` of `text`.
    pub(super) fn find_in(
        &self,
        text: &str,
        pieces: &[std::ops::Range<usize>],
        filter: &LanguageFilter,
        with_unlisted: bool,
    ) -> (Vec<Mention>, Vec<Unlisted>) {
        let found = self.matcher.find(text, pieces, filter);
        let threshold = self.config.checks.unlisted_threshold;
        let spelled = match (&self.unlisted, with_unlisted) {
            (Some(finder), true) => finder.find(text, pieces, filter, &found, threshold),
            _ => Vec::new(),
        };
        (found, spelled)
    }
}
