//! Matching one document: each segment searched in its own language for
//! glossary mentions and unlisted spellings.

use rayon::prelude::*;

use super::Linter;
use crate::check::{
    anchor_surnames, folded_key, segment_key, unit_texts, CheckId, KeyedSegment, SegmentMentions, UnitText,
};
use crate::document::{Role, Segment};
use crate::lang::Language;
use crate::matcher::{leftmost_longest, LanguageFilter, Matcher, Mention, OtherForm};
use crate::text::is_quoted;
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
        let index = self.index(language);
        &self.made[index].1
    }

    /// Where the filter of `language` is kept, made if it is new.
    fn index(&mut self, language: &Language) -> usize {
        match self.made.iter().position(|(l, _)| l == language) {
            Some(index) => index,
            None => {
                self.made
                    .push((language.clone(), self.matcher.language_filter(language)));
                self.made.len() - 1
            }
        }
    }
}

/// What one document's segments yield.
#[derive(Default)]
pub(super) struct Found {
    /// All mentions, in text order.
    pub(super) mentions: Vec<Mention>,
    /// All unlisted spellings, in text order.
    pub(super) unlisted: Vec<Unlisted>,
    /// Forms listed only for another language than their segment's, in
    /// text order (see [`Matcher::find_all_with_other_languages`]).
    pub(super) others: Vec<OtherForm>,
    /// Per segment, for the bilingual checks, in the parts they were found
    /// in ([`Found::segments`] reads them in order): a memory of many units
    /// is found in parts, in parallel, and joining the parts into one list
    /// copied every record again.
    pub(super) segment_parts: Vec<Vec<SegmentFound>>,
    /// The translation units of `segments`, for segment consistency: made
    /// where the segments are found, so that each part of a large memory
    /// makes its own in parallel.
    pub(super) units: Vec<UnitText>,
}

impl Found {
    /// Settles what the searches found, once the whole document is read:
    /// a mention inside an unlisted spelling of a longer name is part of
    /// that name; surnames written alone are kept only where they name
    /// someone the document named in full before (see
    /// [`crate::check::anchor_surnames`]); the bilingual checks compare
    /// full names only.
    pub(super) fn settle(&mut self, text: &str) {
        anchor_surnames(text, &mut self.mentions, &mut self.unlisted);
        crate::unlisted::anchor_short_words(&self.mentions, &mut self.unlisted);
        let unlisted = &self.unlisted;
        if !unlisted.is_empty() {
            let outside = |m: &Mention| {
                let after = unlisted.partition_point(|u| u.range.end <= m.range.start);
                unlisted.get(after).is_none_or(|u| u.range.start >= m.range.end)
            };
            self.mentions.retain(outside);
            self.others.retain(|other| outside(&other.mention));
        }
        for segment in self.segment_parts.iter_mut().flatten() {
            for list in [
                &mut segment.mentions,
                &mut segment.all_mentions,
                &mut segment.source_forms,
            ] {
                list.retain(|m| !m.surname);
            }
        }
    }

    /// What the parts of one document yield, in order: each list is made
    /// at its full size at once (a memory of many units has hundreds of
    /// thousands of segments, which growing lists would copy again and
    /// again).
    pub(super) fn concat(parts: Vec<Found>) -> Found {
        if parts.len() == 1 {
            return parts.into_iter().next().unwrap_or_default();
        }
        let mut found = Found {
            mentions: Vec::with_capacity(parts.iter().map(|p| p.mentions.len()).sum()),
            unlisted: Vec::with_capacity(parts.iter().map(|p| p.unlisted.len()).sum()),
            others: Vec::with_capacity(parts.iter().map(|p| p.others.len()).sum()),
            segment_parts: Vec::with_capacity(parts.iter().map(|p| p.segment_parts.len()).sum()),
            units: Vec::with_capacity(parts.iter().map(|p| p.units.len()).sum()),
        };
        for part in parts {
            found.mentions.extend(part.mentions);
            found.unlisted.extend(part.unlisted);
            found.others.extend(part.others);
            found.segment_parts.extend(part.segment_parts);
            found.units.extend(part.units);
        }
        found
    }
}

/// Adds `more` to the end of `list`, taking it whole when `list` is empty:
/// the millions of mentions of one long text are moved, not copied (a copy
/// held them twice at the peak).
fn append<T>(list: &mut Vec<T>, more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.extend(more);
    }
}

pub(super) struct SegmentFound {
    pub(super) role: Role,
    pub(super) unit: Option<usize>,
    /// The id a translation tool shows for the segment.
    pub(super) id: Option<std::sync::Arc<str>>,
    pub(super) span: std::ops::Range<usize>,
    pub(super) language: Language,
    pub(super) mentions: Vec<Mention>,
    /// For a target: every mention, nested ones included.
    pub(super) all_mentions: Vec<Mention>,
    /// For a target: every mention of its source's language, nested ones
    /// included.
    pub(super) source_forms: Vec<Mention>,
    /// The key of its text for segment consistency
    /// ([`crate::check::segment_key`]), when that check may run; `None`
    /// for an empty segment.
    pub(super) key: Option<u64>,
    /// Its unit's context (a PO `msgctxt`).
    pub(super) context: Option<String>,
}

/// What a segment is searched for besides its leftmost-longest mentions.
#[derive(Clone, Copy)]
pub(super) struct Wanted {
    /// Unlisted spellings.
    pub(super) unlisted: bool,
    /// Every mention, those nested inside or overlapping a longer one
    /// included (for the bilingual checks), from the same search.
    pub(super) all_mentions: bool,
    /// Forms of other languages (the `other-language` check), and which
    /// mentions are misspelled (`orthography`), when those checks may run.
    pub(super) judged: bool,
    /// Forms of other languages are looked for: not in a bilingual file's
    /// source, which the translator was given and which is read in its
    /// own language.
    pub(super) other_languages: bool,
}

impl Wanted {
    /// What the per-mention and consistency checks need.
    const CHECKED: Wanted = Wanted {
        unlisted: true,
        all_mentions: false,
        judged: true,
        other_languages: true,
    };
    /// A bilingual file's source: checked, but not for forms of other
    /// languages.
    const SOURCE: Wanted = Wanted {
        other_languages: false,
        ..Wanted::CHECKED
    };
    /// A target in its own language: checked, and read by the bilingual
    /// checks for every concept it names.
    const TARGET: Wanted = Wanted {
        unlisted: true,
        all_mentions: true,
        judged: true,
        other_languages: true,
    };
}

/// What one segment's search yields.
pub(super) struct Searched {
    /// The mentions, the leftmost-longest where they overlap.
    pub(super) mentions: Vec<Mention>,
    /// Unlisted spellings, if [`Wanted::unlisted`].
    pub(super) unlisted: Vec<Unlisted>,
    /// Every mention, if [`Wanted::all_mentions`].
    pub(super) all_mentions: Vec<Mention>,
    /// Every mention in a second language, if one was given (a target's
    /// source language, for terms left untranslated).
    pub(super) source_forms: Vec<Mention>,
    /// Forms of other languages, if [`Wanted::other_languages`].
    pub(super) others: Vec<OtherForm>,
}

impl SegmentFound {
    /// The segment as segment consistency reads it.
    fn keyed(&self) -> KeyedSegment<'_> {
        KeyedSegment {
            role: self.role,
            unit: self.unit,
            language: &self.language,
            span: self.span.clone(),
            id: self.id.as_deref(),
            key: self.key,
            context: self.context.as_deref(),
        }
    }
}

impl Found {
    /// The segments, in the order they were found.
    pub(super) fn segments(&self) -> impl Iterator<Item = &SegmentFound> {
        self.segment_parts.iter().flatten()
    }

    pub(super) fn bilingual(&self) -> Vec<SegmentMentions<'_>> {
        self.segments()
            .map(|s| SegmentMentions {
                role: s.role,
                unit: s.unit,
                span: s.span.clone(),
                language: &s.language,
                mentions: &s.mentions,
                all_mentions: &s.all_mentions,
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
    /// in its own language; for targets, also every mention nested inside a
    /// longer one, and the forms of their source's language (to find terms
    /// left untranslated), for the bilingual checks only.
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
            let parts: Vec<Searched> = segments
                .par_iter()
                .with_min_len(16)
                // Each segment alone: surnames are looked for after a full
                // name in the same segment only.
                .map(|segment| self.find_in_segment(text, segment, filter, None, Wanted::CHECKED, &[]))
                .collect();
            for part in parts {
                append(&mut found.mentions, part.mentions);
                append(&mut found.unlisted, part.unlisted);
                append(&mut found.others, part.others);
            }
            return found;
        }
        if extent >= PARALLEL_TEXT_BYTES && segments.iter().all(|s| s.unit.is_some()) {
            // A large translation memory or XLIFF file: its units are read
            // in parallel, in parts of whole units. Surnames are then looked
            // for after a full name in the same part only.
            let parts: Vec<Found> = unit_parts(segments)
                .into_par_iter()
                .map(|part| self.find_in_order(text, part, language))
                .collect();
            let mut found = Found::concat(parts);
            found.mentions.sort_by_key(|m| m.range.start);
            found.unlisted.sort_by_key(|u| u.range.start);
            return found;
        }
        self.find_in_order(text, segments, language)
    }

    /// [`Linter::find`] for segments read one after the other.
    fn find_in_order(&self, text: &str, segments: &[Segment], language: &Language) -> Found {
        let mut filters = Filters::new(&self.matcher);
        let mut found = Found::default();
        let mut segments_found: Vec<SegmentFound> = Vec::new();
        let keyed = self.config.may_run(CheckId::InconsistentTarget)
            || self.config.may_run(CheckId::InconsistentSource);
        let mut unit_languages: Vec<(usize, Language)> = Vec::new();
        // The concepts named in full so far, whose surnames may follow.
        let mut named: Vec<usize> = Vec::new();
        for segment in segments {
            if segment.role == Role::Text && segment.language.is_none() {
                // Monolingual text, the common case: no per-segment record.
                let part = self.find_in_segment(
                    text,
                    segment,
                    filters.get(language),
                    None,
                    Wanted::CHECKED,
                    &named,
                );
                self.add_named(&mut named, &part.mentions);
                append(&mut found.mentions, part.mentions);
                append(&mut found.unlisted, part.unlisted);
                append(&mut found.others, part.others);
                continue;
            }
            let segment_language = self.language_of(segment, language);
            let wanted = match segment.role {
                Role::Target => Wanted::TARGET,
                Role::Source => Wanted::SOURCE,
                Role::Text => Wanted::CHECKED,
            };
            // A target is also read in its source's language, for terms
            // left untranslated, unless both share a language.
            let source_language = match segment.role {
                Role::Target => Some(source_language_of(
                    segment,
                    &unit_languages,
                    &self.config.source_language,
                ))
                .filter(|source| source.id().language != segment_language.id().language)
                .cloned(),
                _ => None,
            };
            let own = filters.index(&segment_language);
            let source = source_language.map(|language| filters.index(&language));
            let Searched {
                mentions,
                unlisted,
                all_mentions,
                source_forms,
                mut others,
            } = self.find_in_segment(
                text,
                segment,
                &filters.made[own].1,
                source.map(|index| &filters.made[index].1),
                wanted,
                &named,
            );
            self.add_named(&mut named, &mentions);
            if let (Role::Source, Some(unit)) = (segment.role, segment.unit) {
                unit_languages.push((unit, segment_language.clone()));
            }
            // A term of the source's language left in the target is
            // `untranslated-term`'s to report, not another language's form.
            others.retain(|OtherForm { mention: other, .. }| {
                !source_forms
                    .iter()
                    .any(|m| m.range.start < other.range.end && other.range.start < m.range.end)
            });
            let key = match segment.role {
                Role::Source | Role::Target if keyed => self.segment_key(text, segment, &mentions),
                _ => None,
            };
            found.mentions.extend(mentions.iter().cloned());
            found.unlisted.extend(unlisted);
            found.others.extend(others);
            segments_found.push(SegmentFound {
                key,
                context: segment.info.context.clone(),
                role: segment.role,
                unit: segment.unit,
                id: segment.info.id.clone(),
                span: segment.span(),
                language: segment_language,
                mentions,
                all_mentions,
                source_forms,
            });
        }
        found.units = unit_texts(segments_found.iter().map(SegmentFound::keyed));
        if !segments_found.is_empty() {
            found.segment_parts.push(segments_found);
            // Bilingual segments may come out of text order.
            found.mentions.sort_by_key(|m| m.range.start);
            found.unlisted.sort_by_key(|u| u.range.start);
            found.others.sort_by_key(|other| other.mention.range.start);
        }
        found
    }

    /// The key of a segment for segment consistency: from the fold its
    /// search made when it was searched in place, else folded again.
    fn segment_key(&self, text: &str, segment: &Segment, mentions: &[Mention]) -> Option<u64> {
        let in_place = segment
            .verbatim_ranges()
            .filter(|pieces| pieces.windows(2).all(|pair| pair[0].end == pair[1].start));
        match in_place {
            Some(pieces) => self.matcher.with_fold_of(text, &pieces, |folded| {
                folded_key(folded, |range| folded.to_original(range), mentions)
            }),
            None => segment_key(text, segment, mentions),
        }
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

    /// The mentions (and what else is `wanted`) of one segment.
    pub(super) fn find_in_segment(
        &self,
        text: &str,
        segment: &Segment,
        filter: &LanguageFilter,
        source: Option<&LanguageFilter>,
        wanted: Wanted,
        named: &[usize],
    ) -> Searched {
        // Verbatim pieces with nothing between them are searched in place.
        // Otherwise the segment is read as its pieces joined, escapes decoded
        // and markup left out, so that words and their boundaries are those
        // of the text as read (`Kirman**istan**` and PO strings `"Kirman"`
        // `"istan"` are one word), whether a character is escaped or not.
        let in_place = segment
            .verbatim_ranges()
            .filter(|pieces| pieces.windows(2).all(|pair| pair[0].end == pair[1].start));
        match in_place {
            Some(pieces) => self.find_in(text, &pieces, filter, source, wanted, named),
            None => {
                // Spans map back to whole escapes.
                let view = segment.view(text);
                let whole = 0..view.text.len();
                let mut found = self.find_in(
                    &view.text,
                    std::slice::from_ref(&whole),
                    filter,
                    source,
                    wanted,
                    named,
                );
                for mention in found
                    .mentions
                    .iter_mut()
                    .chain(&mut found.all_mentions)
                    .chain(&mut found.source_forms)
                {
                    let stem = view.to_original(mention.range.start..mention.stem_end);
                    mention.range = view.to_original(mention.range.clone());
                    mention.stem_end = stem.end;
                }
                for OtherForm { mention, .. } in &mut found.others {
                    let stem = view.to_original(mention.range.start..mention.stem_end);
                    mention.range = view.to_original(mention.range.clone());
                    mention.stem_end = stem.end;
                }
                found
                    .unlisted
                    .iter_mut()
                    .for_each(|u| u.range = view.to_original(u.range.clone()));
                found
            }
        }
    }

    /// Adds to `named` (sorted) the concepts with surnames or a short
    /// single-word form that `mentions` name in full: only those matter, so
    /// the list stays as short as the people a document names.
    fn add_named(&self, named: &mut Vec<usize>, mentions: &[Mention]) {
        let Some(finder) = &self.unlisted else {
            return;
        };
        for mention in mentions.iter().filter(|m| !m.surname) {
            if let Err(at) = named.binary_search(&mention.concept) {
                if finder.has_surnames(mention.concept) || finder.has_short_word(mention.concept) {
                    named.insert(at, mention.concept);
                }
            }
        }
    }

    /// The mentions (and what else is `wanted`) in `pieces` of `text`;
    /// `named` are the concepts named in full before them (sorted).
    pub(super) fn find_in(
        &self,
        text: &str,
        pieces: &[std::ops::Range<usize>],
        filter: &LanguageFilter,
        source: Option<&LanguageFilter>,
        wanted: Wanted,
        named: &[usize],
    ) -> Searched {
        // One search either way: the leftmost-longest are chosen from all,
        // and a second language's mentions and other languages' forms found
        // by the same pass.
        let others_wanted = wanted.other_languages && self.config.may_run(CheckId::OtherLanguage);
        let (mut mentions, all_mentions, source_forms, others) = if others_wanted || source.is_some() {
            let (all, source_forms, others) =
                self.matcher
                    .find_all_with_other_languages(text, pieces, filter, source, others_wanted);
            if wanted.all_mentions {
                (leftmost_longest(all.clone()), all, source_forms, others)
            } else {
                (leftmost_longest(all), Vec::new(), source_forms, others)
            }
        } else if wanted.all_mentions {
            let all = self.matcher.find_all(text, pieces, filter);
            (leftmost_longest(all.clone()), all, Vec::new(), Vec::new())
        } else {
            (
                self.matcher.find(text, pieces, filter),
                Vec::new(),
                Vec::new(),
                Vec::new(),
            )
        };
        if wanted.judged && self.config.may_run(CheckId::Orthography) {
            self.matcher.mark_misspellings(text, &mut mentions, filter);
        }
        // What the writer quotes keeps its spelling and its language;
        // quotation marks are looked for in the segment's own text.
        let segment = pieces.first().map_or(0, |p| p.start)..pieces.last().map_or(0, |p| p.end);
        for mention in mentions.iter_mut().filter(|m| m.misspelled) {
            mention.misspelled = !is_quoted(text, &mention.range, &segment);
        }
        let mut others = others;
        for other in &mut others {
            other.quoted = is_quoted(text, &other.mention.range, &segment);
        }
        let threshold = self.config.checks.unlisted_threshold;
        let unlisted = match &self.unlisted {
            Some(finder) if wanted.unlisted => {
                // A surname may turn out to be part of an unlisted full name
                // (`Qasim Sulaimani`): it hides nothing from the finder.
                // Most texts name nobody by surname alone: the mentions are
                // lent as they are, not copied (a copy doubled the memory of
                // a long text full of names).
                let full: std::borrow::Cow<[Mention]> = if mentions.iter().any(|m| m.surname) {
                    mentions.iter().filter(|m| !m.surname).cloned().collect()
                } else {
                    std::borrow::Cow::Borrowed(&mentions)
                };
                let mut named = named.to_vec();
                self.add_named(&mut named, &full);
                finder.find(text, pieces, filter, &full, &named, threshold)
            }
            _ => Vec::new(),
        };
        Searched {
            mentions,
            unlisted,
            all_mentions,
            source_forms,
            others,
        }
    }
}

/// Segments in parts of whole translation units, each part about
/// [`UNIT_PART_BYTES`] long (at least one part).
fn unit_parts(segments: &[Segment]) -> Vec<&[Segment]> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut part_start_byte = segments.first().map_or(0, |s| s.span().start);
    for index in 1..segments.len() {
        let (previous, segment) = (&segments[index - 1], &segments[index]);
        if segment.unit != previous.unit && segment.span().start - part_start_byte >= UNIT_PART_BYTES {
            parts.push(&segments[start..index]);
            start = index;
            part_start_byte = segment.span().start;
        }
    }
    parts.push(&segments[start..]);
    parts
}

/// The size of a part of a large bilingual file read in parallel.
const UNIT_PART_BYTES: usize = 256 * 1024;

/// A segment of a document with its language and what it names, for a
/// caller that lists terms ([`Linter::segment_mentions`]).
pub struct NamedSegment {
    /// The segment.
    pub segment: Segment,
    /// The language it is read in.
    pub language: Language,
    /// Its glossary mentions, the leftmost-longest, surnames alone left
    /// out; ranges of the original text.
    pub mentions: Vec<Mention>,
}

impl Linter {
    /// Each segment of a document that `check` reads (locked or confirmed
    /// ones left out as the configuration says), in its language, with its
    /// mentions; or why the format rejects the text.
    pub fn segment_mentions(
        &self,
        text: &str,
        format: crate::document::Format,
        language: &Language,
    ) -> Result<Vec<NamedSegment>, crate::document::FormatError> {
        let mut filters = Filters::new(&self.matcher);
        let only_mentions = Wanted {
            unlisted: false,
            all_mentions: false,
            judged: false,
            other_languages: false,
        };
        let segments = format.segments(text)?;
        Ok(segments
            .into_iter()
            .filter(|segment| self.wants(segment))
            .map(|segment| {
                let language = self.language_of(&segment, language);
                let mut mentions = self
                    .find_in_segment(text, &segment, filters.get(&language), None, only_mentions, &[])
                    .mentions;
                mentions.retain(|m| !m.surname);
                NamedSegment {
                    segment,
                    language,
                    mentions,
                }
            })
            .collect())
    }
}

/// The language of a target's source: that of its unit's source segment,
/// else the run's source language.
fn source_language_of<'a>(
    segment: &Segment,
    unit_languages: &'a [(usize, Language)],
    default: &'a Language,
) -> &'a Language {
    segment
        .unit
        .and_then(|u| unit_languages.iter().rev().find(|(id, _)| *id == u))
        .map_or(default, |(_, l)| l)
}
