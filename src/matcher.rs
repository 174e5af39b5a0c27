//! Finding glossary terms in text.
//!
//! # How a mention is found
//! 1. Every term of every concept is folded (see [`crate::text`]) and the
//!    distinct folded forms go into one Aho-Corasick automaton, built once
//!    (daachorse's double array: its search is several times faster than a
//!    classic NFA on large glossaries, and it serializes, so that a compiled
//!    glossary can be cached).
//! 2. A segment of a document is folded with its offset map and searched for
//!    *overlapping* hits, so that no candidate is hidden by another.
//! 3. A hit is kept only if it maps back to whole units of the original, sits
//!    on word boundaries of the original text, and one of its terms applies to
//!    the document's language.
//! 4. Among the kept hits the leftmost-longest win. Filtering before choosing
//!    matters: a longer term that fails the boundary test must not hide a
//!    shorter one that passes it. [`Matcher::find_all`] keeps them all, for
//!    the bilingual checks: a translation that names a longer concept
//!    (`Теракт в Кермане`) names the shorter one inside it too.
//! 5. The original slice is then compared with the forms sharing that folded
//!    key, from the exact spelling down to the folded one, to decide which
//!    listed form was written (`Abū Ḥudhayfah` is the admitted diacritic form
//!    even though it folds like the preferred `Abu Hudhayfah`).

use std::cell::OnceCell;
use std::io::{Read, Write};
use std::ops::Range;

use crate::wordlist::{is_acronym, is_title_case, CommonWords};
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};

use crate::glossary::{Concept, ConceptKind, Glossary, LanguageTerms, Status, Term, TermType};
use crate::inflection::{InflectionRule, Inflections};
use crate::lang::Language;
use crate::text::{
    as_written, fold_term, is_word_end, is_word_start, may_end_word, may_start_word, CaseMode, FoldedText,
};

/// Case-sensitive terms of fewer letters and digits than this match only in
/// their own case, so that `IS` and `U.S.` never match the word `is` or `us`.
const MIN_CASE_FINDING_LEN: usize = 4;

/// The glossary compiled for searching. Build it once and share it.
pub struct Matcher {
    glossary: Glossary,
    automaton: DoubleArrayAhoCorasick<u32>,
    /// The first word of every pattern, for [`Matcher::could_mention`];
    /// the value says whether the word may go on (see `OPEN_END`).
    anchors: DoubleArrayAhoCorasick<u32>,
    /// For each automaton pattern, the entries (terms) that fold to it.
    patterns: Groups<EntryId>,
    entries: Vec<Entry>,
    /// The distinct language tags of the glossary.
    languages: Vec<Language>,
    /// For each concept, the forms of its terms, language slot by language
    /// slot, in the order of the terms (the preferred term first).
    term_forms: Groups<u32>,
    /// For each glossary language (by index), its inflection rule.
    inflection: Vec<Option<InflectionRule>>,
    /// The surnames of person names that may stand alone (see
    /// [`crate::names`]), each matched as a form of its full name.
    surnames: Vec<DerivedSurname>,
    /// The folded term of each entry that is a declining phrase's first
    /// word stem (see [`Matcher::declined_phrase`]), by entry: made when
    /// the matcher is made, not at each match.
    phrase_terms: rustc_hash::FxHashMap<EntryId, Box<[PhraseWord]>>,
}

/// A word of a declining phrase's term: folded, and the length of the stem
/// its declined forms share ([`InflectionRule::phrase_stem`]).
struct PhraseWord {
    word: Box<str>,
    stem: usize,
}

type EntryId = u32;

/// The surname of a person's full form, matched alone.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct DerivedSurname {
    concept: u32,
    language_slot: u16,
    term: u16,
    /// Where it lies in the term's text.
    start: u16,
    end: u16,
}

/// An anchor's value when it may be followed by more letters: it is a whole
/// single-word pattern of an inflecting language, or a stem.
const OPEN_END: u32 = 1;

thread_local! {
    /// Each thread's buffer for folded text, reused from segment to segment.
    static FOLDED: std::cell::RefCell<FoldedText> = std::cell::RefCell::default();
    /// The text `FOLDED` holds the fold of, when [`Matcher::search`] folded
    /// it: a bilingual target is searched twice (in its language, and in its
    /// source's for terms left untranslated) and folded once.
    static FOLDED_FROM: std::cell::RefCell<FoldedFrom> = std::cell::RefCell::default();
}

/// The longest text whose fold is remembered for a second search, in bytes.
const MAX_REMEMBERED_FOLD: usize = 64 * 1024;

/// What a fold was made from: the pieces' ranges and their text.
#[derive(Default)]
struct FoldedFrom {
    /// Whether `FOLDED` holds the fold of the pieces below.
    valid: bool,
    pieces: Vec<Range<usize>>,
    text: String,
}

impl FoldedFrom {
    /// Whether these are the pieces `pieces` of `text`, byte for byte.
    fn is(&self, text: &str, pieces: &[Range<usize>]) -> bool {
        self.valid && self.pieces == pieces && {
            let mut at = 0;
            pieces.iter().all(|piece| {
                let part = text.get(piece.clone()).unwrap_or_default();
                let same = self.text.get(at..at + part.len()) == Some(part);
                at += part.len();
                same
            }) && at == self.text.len()
        }
    }

    fn set(&mut self, text: &str, pieces: &[Range<usize>]) {
        // A long text is not copied: memory stays a few times a large
        // file's size, and a long text is rarely searched twice.
        let length: usize = pieces.iter().map(|piece| piece.len()).sum();
        self.valid = length <= MAX_REMEMBERED_FOLD;
        if !self.valid {
            return;
        }
        self.pieces.clear();
        self.pieces.extend_from_slice(pieces);
        self.text.clear();
        for piece in pieces {
            self.text.push_str(text.get(piece.clone()).unwrap_or_default());
        }
    }
}

/// The matcher's tables, as serialized by [`Matcher::to_bytes`].
#[derive(serde::Serialize)]
struct Tables<'a> {
    concepts: &'a [Concept],
    patterns: &'a Groups<EntryId>,
    entries: &'a [Entry],
    languages: &'a [Language],
    term_forms: &'a Groups<u32>,
    inflection: &'a [Option<InflectionRule>],
    surnames: &'a [DerivedSurname],
}

/// The same tables, read back.
#[derive(serde::Deserialize)]
struct OwnedTables {
    concepts: Vec<Concept>,
    patterns: Groups<EntryId>,
    entries: Vec<Entry>,
    languages: Vec<Language>,
    term_forms: Groups<u32>,
    inflection: Vec<Option<InflectionRule>>,
    surnames: Vec<DerivedSurname>,
}

impl OwnedTables {
    /// Frees the room that reading left over: a list is read in steps
    /// (its length in the bytes is not trusted for the first allocation)
    /// and may end with up to half its capacity unused.
    fn shrink_to_fit(&mut self) {
        self.concepts.shrink_to_fit();
        self.entries.shrink_to_fit();
        self.languages.shrink_to_fit();
        self.inflection.shrink_to_fit();
        self.surnames.shrink_to_fit();
    }
}

/// The glossary could not be compiled into an automaton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatcherError(pub String);

impl MatcherError {
    /// The message to show.
    pub fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::new("glossary-too-large").text("detail", &self.0)
    }
}

/// One term, located in the glossary, with its forms precomputed for judging.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Entry {
    concept: u32,
    language: u32,
    language_slot: u16,
    term: u16,
    /// How the term is compared, where that is not its text itself: `None`
    /// for most terms, in one pointer (where the two forms took four).
    spellings: Option<Box<Spellings>>,
    /// The pattern is the term's stem: it matches only with an ending.
    stem: bool,
    /// The pattern is the term's surname alone, which lies at `part` in
    /// the term's text.
    surname: bool,
    part: (u16, u16),
    /// The term takes its language's endings (see [`InflectionRule::applies_to`]).
    inflects: bool,
    /// The pattern is the stem of the first word of a multi-word term whose
    /// language declines every word of a name: the words after it are
    /// compared one by one (see [`Matcher::declined_phrase`]).
    #[serde(default)]
    phrase: bool,
    /// The pattern of the whole term (the mention's form).
    form: u32,
}

/// An entry's forms for judging a match, each `None` when it is the one
/// before it.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Spellings {
    /// NFC with white space collapsed: the "as written" comparison; `None`
    /// when that is the term's text itself.
    written: Option<Box<str>>,
    /// Folded but keeping case; `None` when that is the "as written" form.
    cased: Option<Box<str>>,
}

/// A term found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the language in the concept's `languages`.
    pub language: usize,
    /// Index of the term in that language's `terms`.
    pub term: usize,
    /// Identifies the folded form: equal for mentions that fold alike.
    pub form: usize,
    /// The term is case-sensitive and was written in another case.
    pub case_mismatch: bool,
    /// Where the term (or its stem) ends, before an inflectional ending;
    /// `range.end` when the word is not inflected.
    pub stem_end: usize,
    /// The match is the term's stem with its last letter replaced by an
    /// ending (`Газе` for `Газа`).
    pub from_stem: bool,
    /// The match is the surname of the term (a person's full name) written
    /// alone (`Soleimani` for `Qassem Soleimani`; see [`crate::names`]).
    pub surname: bool,
    /// The status of the term.
    pub status: Status,
    /// The text differs from every listed form of the document's language
    /// that folds like it, in letters that language tells apart (Arabic
    /// `ي` in Persian, `х` for Tajik `ҳ`): the term is the form to write.
    /// Set by [`Matcher::mark_misspellings`]; false until then.
    pub misspelled: bool,
}

/// A form listed only for another language than the document's (see
/// [`Matcher::find_all_with_other_languages`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherForm {
    /// The form found, as a mention of its own language's term.
    pub mention: Mention,
    /// The concept's language slot (index in its `languages`) for the
    /// document's language, which holds the form to suggest.
    pub document_slot: usize,
    /// Whether the form stands in quotation marks within its segment (see
    /// [`crate::text::is_quoted`]): a quoted form keeps its language.
    pub quoted: bool,
}

/// The glossary languages that apply to one document language, and that
/// language's common words and names.
pub struct LanguageFilter {
    document: Language,
    applies: Vec<bool>,
    /// See [`Self::fingerprint`].
    fingerprint: u64,
    common_words: Option<&'static CommonWords>,
    proper_names: Option<&'static CommonWords>,
}

impl LanguageFilter {
    /// A number that tells this filter from the others of the glossary:
    /// equal for filters that let the same languages apply to the same
    /// document language.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The document's language.
    pub fn language(&self) -> &Language {
        &self.document
    }

    /// Whether the language is known: not `und` (undetermined), `mul`
    /// (several), `zxx` (no linguistic content) or `mis`. A form is of
    /// "another language" only where the document's is known.
    pub fn is_determined(&self) -> bool {
        !matches!(
            self.document.id().language.as_str(),
            "und" | "mul" | "zxx" | "mis"
        )
    }

    /// The common words of the document's language, if termlint knows them.
    pub fn common_words(&self) -> Option<&'static CommonWords> {
        self.common_words
    }

    /// Whether the glossary language with this index applies.
    pub fn applies_to(&self, language_index: usize) -> bool {
        self.applies.get(language_index).copied().unwrap_or(false)
    }
}

/// How closely an original slice matches a listed form; lower is closer.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    AsWritten,
    IgnoringCase,
    FoldedKeepingCase,
    Folded,
}

impl Matcher {
    /// Compiles `glossary` with the default inflection rules. Fails only
    /// when the automaton would exceed its size limits.
    pub fn new(glossary: Glossary) -> Result<Self, MatcherError> {
        Matcher::with_inflections(glossary, &Inflections::default())
    }

    /// Compiles `glossary`; terms of an inflecting language also match with
    /// that language's endings.
    pub fn with_inflections(glossary: Glossary, inflections: &Inflections) -> Result<Self, MatcherError> {
        let mut languages: Vec<Language> = Vec::new();
        let mut table = PatternTable::default();
        let mut surname_candidates = Vec::new();
        let mut term_forms = GroupsBuilder::default();
        for (concept_index, concept) in glossary.concepts().iter().enumerate() {
            for (slot, language_terms) in concept.languages.iter().enumerate() {
                let language = match languages.iter().position(|l| *l == language_terms.language) {
                    Some(index) => index,
                    None => {
                        languages.push(language_terms.language.clone());
                        languages.len() - 1
                    }
                };
                let rule = inflections
                    .rule_for(&language_terms.language)
                    .filter(|rule| rule.applies_to(concept));
                for (term_index, term) in language_terms.terms.iter().enumerate() {
                    let key = fold_term(&term.text, CaseMode::Fold);
                    let entry = Entry {
                        concept: concept_index as u32,
                        language: language as u32,
                        language_slot: slot as u16,
                        term: term_index as u16,
                        spellings: None,
                        stem: false,
                        surname: false,
                        part: (0, 0),
                        inflects: rule.is_some(),
                        phrase: false,
                        form: 0,
                    };
                    let first_word_stem = rule
                        .filter(|rule| rule.declines_phrases())
                        .filter(|_| term.term_type == TermType::Full && !term.case_sensitive)
                        .and_then(|rule| {
                            key.split_once(' ')
                                .map(|(first, _)| rule.phrase_stem(first).to_string())
                        });
                    let whole = table.add(key, rule, entry.clone());
                    if let Some(stem) = first_word_stem {
                        table.add_phrase_stem(stem, whole, entry.clone());
                    }
                    if let Some(spaced) = compound_written_apart(&term.text) {
                        // Found as the listed form; `orthography` judges it.
                        table.add_spelling(fold_term(&spaced, CaseMode::Fold), whole, entry);
                    }
                    term_forms.push(whole as u32);
                    if concept.kind == Some(ConceptKind::Person)
                        && !term.case_sensitive
                        && term.term_type == TermType::Full
                    {
                        surname_candidates.extend(surname_of(&term.text).into_iter().map(|(key, range)| {
                            let surname = DerivedSurname {
                                concept: concept_index as u32,
                                language_slot: slot as u16,
                                term: term_index as u16,
                                start: range.start as u16,
                                end: range.end as u16,
                            };
                            (key, language, surname)
                        }));
                    }
                }
            }
            term_forms.end_group();
        }
        let surnames = add_surnames(&glossary, &mut table, surname_candidates, &languages, inflections);
        let PatternTable {
            keys,
            patterns,
            mut entries,
            ..
        } = table;
        let term_forms = term_forms.finish();
        let patterns = Groups::from_lists(patterns);
        let inflection: Vec<Option<InflectionRule>> = languages
            .iter()
            .map(|l| inflections.rule_for(l).cloned())
            .collect();
        // The automaton takes most of the time of compiling a large
        // glossary: the rest is done meanwhile, on another core.
        let (automaton, anchors) = rayon::join(
            || {
                DoubleArrayAhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build_with_values(keys.iter().zip(0u32..))
                    .map_err(|err| MatcherError(err.to_string()))
            },
            || {
                for entry in entries.iter_mut().filter(|entry| !entry.surname) {
                    let text = &glossary.concepts()[entry.concept as usize].languages
                        [entry.language_slot as usize]
                        .terms[entry.term as usize]
                        .text;
                    entry.spellings = spellings_of(text);
                }
                build_anchors(&keys, &patterns, &entries, &inflection)
            },
        );
        let (automaton, anchors) = (automaton?, anchors?);
        let phrase_terms = phrase_terms(&glossary, &entries, &inflection);
        Ok(Matcher {
            glossary,
            automaton,
            anchors,
            patterns,
            entries,
            languages,
            term_forms,
            inflection,
            surnames,
            phrase_terms,
        })
    }

    /// The compiled glossary as bytes, for [`Matcher::from_bytes`] in a
    /// later run of the same build (see [`crate::cache`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.write_to(&mut bytes).expect("writing to memory");
        bytes
    }

    /// Writes the compiled glossary to `out` in three sections, each
    /// preceded by its length (8 bytes, little-endian): the tables, the
    /// automaton and the anchors' automaton.
    pub fn write_to(&self, mut out: impl Write) -> std::io::Result<()> {
        let tables = Tables {
            concepts: self.glossary.concepts(),
            patterns: &self.patterns,
            entries: &self.entries,
            languages: &self.languages,
            term_forms: &self.term_forms,
            inflection: &self.inflection,
            surnames: &self.surnames,
        };
        // Serializing plain owned data into a Vec cannot fail.
        let tables = postcard::to_stdvec(&tables).unwrap_or_default();
        for section in [tables, self.automaton.serialize(), self.anchors.serialize()] {
            out.write_all(&(section.len() as u64).to_le_bytes())?;
            out.write_all(&section)?;
        }
        Ok(())
    }

    /// A matcher from the bytes of [`Matcher::to_bytes`]; `None` when they
    /// are damaged or were written by another build.
    pub fn from_bytes(bytes: &[u8]) -> Option<Matcher> {
        Matcher::read_from(bytes, bytes.len() as u64)
    }

    /// A matcher read from `input`, which holds `available` bytes written
    /// by [`Matcher::write_to`]; `None` when they are damaged, were written
    /// by another build, or do not end where the last section does. Each
    /// section is read, turned into its tables and dropped before the next
    /// is read, so that the bytes are never held whole beside what is made
    /// of them. The automaton is validated as it is read, and every index
    /// into the tables is checked, so damaged bytes never lead to a wrong
    /// answer or a panic later.
    pub fn read_from(mut input: impl Read, available: u64) -> Option<Matcher> {
        let mut remaining = available;
        let mut tables: OwnedTables =
            postcard::from_bytes(&read_section(&mut input, &mut remaining)?).ok()?;
        tables.shrink_to_fit();
        let automaton = automaton_from(&read_section(&mut input, &mut remaining)?)?;
        let anchors = automaton_from(&read_section(&mut input, &mut remaining)?)?;
        if remaining != 0 || input.read(&mut [0]).ok()? != 0 {
            return None;
        }
        let mut matcher = Matcher {
            glossary: Glossary::from_concepts(tables.concepts),
            automaton,
            anchors,
            patterns: tables.patterns,
            entries: tables.entries,
            languages: tables.languages,
            term_forms: tables.term_forms,
            inflection: tables.inflection,
            surnames: tables.surnames,
            phrase_terms: Default::default(),
        };
        if !matcher.is_consistent() {
            return None;
        }
        matcher.phrase_terms = phrase_terms(&matcher.glossary, &matcher.entries, &matcher.inflection);
        Some(matcher)
    }

    /// Whether every index in the tables points at something: the
    /// automaton's values at patterns, patterns at entries, entries at
    /// concepts, languages and terms.
    fn is_consistent(&self) -> bool {
        // In this order, each check relying on those before it (a list is
        // read only once its bounds are known to be sound).
        self.patterns.is_sound()
            && self.term_forms.is_sound()
            && self.inflection.len() == self.languages.len()
            && self.patterns_are_sound()
            && self.entries_are_sound()
            && self.forms_are_sound()
            && self.surnames_are_sound()
    }

    /// The automaton's values point at patterns, patterns at entries.
    fn patterns_are_sound(&self) -> bool {
        self.automaton
            .iter()
            .all(|(_, value)| (value as usize) < self.patterns.len())
            && self
                .patterns
                .items
                .iter()
                .all(|&id| (id as usize) < self.entries.len())
    }

    /// Entries point at languages, forms, concepts and terms.
    fn entries_are_sound(&self) -> bool {
        self.entries.iter().all(|entry| {
            (entry.language as usize) < self.languages.len()
                && (entry.form as usize) < self.patterns.len()
                && self
                    .glossary
                    .concepts()
                    .get(entry.concept as usize)
                    .and_then(|c| c.languages.get(entry.language_slot as usize))
                    .is_some_and(|l| (entry.term as usize) < l.terms.len())
        })
    }

    /// Each concept has a form for each of its terms, each a pattern.
    fn forms_are_sound(&self) -> bool {
        let concepts = self.glossary.concepts();
        self.term_forms.len() == concepts.len()
            && concepts.iter().enumerate().all(|(index, concept)| {
                concept.languages.iter().all(|terms| !terms.terms.is_empty())
                    && self.term_forms.get(index).len()
                        == concept.languages.iter().map(|l| l.terms.len()).sum::<usize>()
            })
            && self
                .term_forms
                .items
                .iter()
                .all(|&f| (f as usize) < self.patterns.len())
    }

    /// Each surname lies inside the text of its term.
    fn surnames_are_sound(&self) -> bool {
        let concepts = self.glossary.concepts();
        self.surnames.iter().all(|surname| {
            concepts
                .get(surname.concept as usize)
                .and_then(|c| c.languages.get(usize::from(surname.language_slot)))
                .and_then(|l| l.terms.get(usize::from(surname.term)))
                .is_some_and(|term| {
                    term.text
                        .get(usize::from(surname.start)..usize::from(surname.end))
                        .is_some()
                })
        })
    }

    /// The surnames matched alone (see [`crate::names`]): for each, the
    /// concept, language slot and term of the full form it belongs to, and
    /// the surname as written there.
    pub fn surnames(&self) -> impl Iterator<Item = (usize, usize, usize, &str)> + '_ {
        self.surnames.iter().map(|surname| {
            let concept = surname.concept as usize;
            let (slot, term) = (usize::from(surname.language_slot), usize::from(surname.term));
            let text = &self.glossary.concepts()[concept].languages[slot].terms[term].text;
            (
                concept,
                slot,
                term,
                &text[usize::from(surname.start)..usize::from(surname.end)],
            )
        })
    }

    /// The compiled glossary.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// The index of a glossary language, as used by [`LanguageFilter::applies_to`].
    /// How many glossary languages there are (indexes run below it).
    pub fn language_count(&self) -> usize {
        self.languages.len()
    }

    /// The inflection rule of the glossary language with this index.
    pub fn inflection_rule(&self, language_index: usize) -> Option<&InflectionRule> {
        self.inflection.get(language_index)?.as_ref()
    }

    /// The index of a glossary language; `usize::MAX` if no term has it.
    pub fn language_index(&self, language: &Language) -> usize {
        self.languages
            .iter()
            .position(|l| l == language)
            .unwrap_or(usize::MAX)
    }

    /// Which glossary languages apply to documents in `document`.
    pub fn language_filter(&self, document: &Language) -> LanguageFilter {
        use std::hash::{Hash, Hasher};
        let applies: Vec<bool> = self.languages.iter().map(|l| l.applies_to(document)).collect();
        let mut hasher = rustc_hash::FxHasher::default();
        document.to_string().hash(&mut hasher);
        applies.hash(&mut hasher);
        LanguageFilter {
            document: document.clone(),
            fingerprint: hasher.finish(),
            applies,
            common_words: CommonWords::for_language(document),
            proper_names: CommonWords::names_for_language(document),
        }
    }

    /// Finds the mentions in the parts `pieces` of `text` (byte ranges that
    /// are read as one stretch; markup between them is skipped): where
    /// mentions overlap, the leftmost-longest, as the text is read.
    pub fn find(&self, text: &str, pieces: &[Range<usize>], filter: &LanguageFilter) -> Vec<Mention> {
        leftmost_longest(self.search(text, pieces, filter))
    }

    /// Every mention in the parts `pieces` of `text`, those nested inside or
    /// overlapping a longer one included (`Кермане` inside `Теракт в
    /// Кермане`), sorted by start, the longest first at each start. The same
    /// single search as [`Matcher::find`], which keeps only the
    /// leftmost-longest of these; [`leftmost_longest`] makes that choice
    /// from this list, for a caller that needs both.
    pub fn find_all(&self, text: &str, pieces: &[Range<usize>], filter: &LanguageFilter) -> Vec<Mention> {
        let mut all = self.search(text, pieces, filter);
        sort_leftmost_longest_first(&mut all);
        all
    }

    /// Every mention in `pieces` of `text`, in no particular order.
    fn search(&self, text: &str, pieces: &[Range<usize>], filter: &LanguageFilter) -> Vec<Mention> {
        self.with_fold_of(text, pieces, |folded| {
            self.find_folded(text, folded, filter, None, None).0
        })
    }

    /// [`Matcher::find_all`], and from the same search the mentions in a
    /// second language `source` when given (a bilingual target's source
    /// language, for terms left untranslated) and, when `other_languages`,
    /// the forms listed only for other languages (see
    /// [`Matcher::judge_other_language`]), the leftmost-longest of them,
    /// none overlapping a mention of the document's language: `Таджикистан`
    /// in a Tajik text, `Qosim Sulaymoniy` in an English one; none when the
    /// document's language is not known ([`LanguageFilter::is_determined`]).
    pub fn find_all_with_other_languages(
        &self,
        text: &str,
        pieces: &[Range<usize>],
        filter: &LanguageFilter,
        source: Option<&LanguageFilter>,
        other_languages: bool,
    ) -> (Vec<Mention>, Vec<Mention>, Vec<OtherForm>) {
        let other_languages = other_languages && filter.is_determined();
        let mut others = Vec::new();
        let (mut all, mut in_source) = self.with_fold_of(text, pieces, |folded| {
            let others = other_languages.then_some(&mut others);
            self.find_folded(text, folded, filter, source, others)
        });
        sort_leftmost_longest_first(&mut all);
        sort_leftmost_longest_first(&mut in_source);
        if others.is_empty() {
            return (all, in_source, Vec::new());
        }
        let mut others = leftmost_longest(others);
        // `all` is sorted by start: a mention overlapping `other` starts
        // before its end, and ends after its start; the furthest end of
        // the mentions up to each one answers that without a scan.
        let furthest_end: Vec<usize> = all
            .iter()
            .scan(0, |end, m| {
                *end = m.range.end.max(*end);
                Some(*end)
            })
            .collect();
        others.retain(|other| {
            let before_end = all.partition_point(|m| m.range.start < other.range.end);
            before_end == 0 || furthest_end[before_end - 1] <= other.range.start
        });
        let others = others
            .into_iter()
            .filter_map(|mention| {
                let document_slot = self.document_slot(mention.concept, filter)?;
                Some(OtherForm {
                    mention,
                    document_slot,
                    quoted: false,
                })
            })
            .collect();
        (all, in_source, others)
    }

    /// Calls `f` with the fold of `pieces` of `text`: the one the last
    /// search of the same text made, else a new one.
    pub fn with_fold_of<R>(
        &self,
        text: &str,
        pieces: &[Range<usize>],
        f: impl FnOnce(&FoldedText) -> R,
    ) -> R {
        FOLDED.with_borrow_mut(|folded| {
            FOLDED_FROM.with_borrow_mut(|from| {
                if !from.is(text, pieces) {
                    folded.refold(text, pieces, CaseMode::Fold);
                    from.set(text, pieces);
                }
            });
            f(folded)
        })
    }

    /// Whether `text`, read whole with its markup, could hold a mention in
    /// any language: false only when no term's first word appears in it as
    /// a word (as the start of a word, for a word that may take endings).
    /// Markup between the words of a name (`*Abu* Hudhayfah`, a line break
    /// inside a quotation) never hides its first word; markup *inside* a
    /// word (an entity or escape) can, so callers keep such texts. Costs a
    /// fold and a search of the text: checking skips parsing the documents
    /// for which it says no.
    pub fn could_mention(&self, text: &str) -> bool {
        // Chunk by chunk, so that a long text that does name someone is
        // folded only up to the first name. A chunk ends after a line
        // break, which no word crosses.
        const CHUNK: usize = 64 * 1024;
        // The buffer is folded from other text here.
        FOLDED_FROM.with_borrow_mut(|from| from.valid = false);
        FOLDED.with_borrow_mut(|folded| {
            let mut start = 0;
            while start < text.len() {
                let end = match text.as_bytes().get(start + CHUNK..) {
                    Some(rest) => rest
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(text.len(), |at| start + CHUNK + at + 1),
                    None => text.len(),
                };
                folded.refold(text, std::slice::from_ref(&(start..end)), CaseMode::Fold);
                let named = self.anchors.find_overlapping_iter(folded.as_str()).any(|hit| {
                    let Some(range) = folded.to_original(hit.start()..hit.end()) else {
                        return true;
                    };
                    may_start_word(text, range.start)
                        && (may_end_word(text, range.end)
                            || (hit.value() == OPEN_END && self.is_any_ending(text, range.end)))
                });
                if named {
                    return true;
                }
                start = end;
            }
            false
        })
    }

    /// Whether the rest of the word at `at` is an ending of some language
    /// (`Kermans`, not `Kermanshah`), or markup may hide where it ends.
    fn is_any_ending(&self, text: &str, at: usize) -> bool {
        let rest = word_rest(text, at);
        rest.end == text.len()
            || !may_end_word(text, rest.end)
            || self
                .inflection
                .iter()
                .flatten()
                .any(|rule| rule.is_ending(&rest.folded) || rule.is_phrase_ending(&rest.folded))
    }

    /// The mentions of `folded` in the languages of `filter` and, when
    /// given, of `source`, from one pass of the automaton; also, into
    /// `others` when given, the forms listed only for other languages.
    fn find_folded(
        &self,
        text: &str,
        folded: &FoldedText,
        filter: &LanguageFilter,
        source: Option<&LanguageFilter>,
        mut others: Option<&mut Vec<Mention>>,
    ) -> (Vec<Mention>, Vec<Mention>) {
        let mut candidates = Vec::new();
        let mut in_source = Vec::new();
        for hit in self.automaton.find_overlapping_iter(folded.as_str()) {
            let Some(range) = folded.to_original(hit.start()..hit.end()) else {
                continue;
            };
            if !is_word_start(text, range.start) {
                continue;
            }
            // A word that goes on may still be the term with an ending.
            let ending = (!is_word_end(text, range.end)).then(|| word_rest(text, range.end));
            let pattern = hit.value() as usize;
            let end = ending.as_ref().map_or(range.end, |rest| rest.end);
            let placed = |mention: Mention| Mention {
                range: range.start..end,
                stem_end: range.end,
                ..mention
            };
            let found = &text[range.clone()];
            // Most glossaries have no declining phrase: no hit looks for one.
            let declining = !self.phrase_terms.is_empty()
                && self
                    .patterns
                    .get(pattern)
                    .iter()
                    .any(|&id| self.entries[id as usize].phrase);
            if declining {
                let at = (text, folded, hit.start());
                candidates.extend(self.declined_phrase(at, pattern, filter));
                if let Some(source) = source {
                    in_source.extend(self.declined_phrase(at, pattern, source));
                }
            }
            if let Some(source) = source {
                in_source.extend(self.judge(found, pattern, source, ending.as_ref()).map(&placed));
            }
            if let Some(mention) = self.judge(found, pattern, filter, ending.as_ref()) {
                candidates.push(placed(mention));
            } else if let Some(others) = others.as_deref_mut() {
                others.extend(
                    self.judge_other_language(found, pattern, filter, ending.as_ref())
                        .map(placed),
                );
            }
        }
        (candidates, in_source)
    }

    /// The multi-word term, of a language that declines every word of a
    /// name, that the text at `start` writes with case endings (`Исламского
    /// государства`, `в Министерстве информации`): the hit of `pattern` is
    /// the stem of the term's first word, and each word of the text from
    /// there is the term's word declined ([`InflectionRule::is_declined_from`]).
    /// The longest such term; `None` where the text is a term as listed,
    /// which its own pattern finds. No fix is offered for it: a form to
    /// write instead would need each of its words declined alike.
    fn declined_phrase(
        &self,
        (text, folded, start): (&str, &FoldedText, usize),
        pattern: usize,
        filter: &LanguageFilter,
    ) -> Option<Mention> {
        let mut best: Option<(usize, &Entry)> = None;
        for &id in self.patterns.get(pattern) {
            let entry = &self.entries[id as usize];
            if !entry.phrase || !filter.applies[entry.language as usize] {
                continue;
            }
            let (Some(rule), Some(words)) = (
                &self.inflection[entry.language as usize],
                self.phrase_terms.get(&id),
            ) else {
                continue;
            };
            if let Some(end) = declined_words_end(folded.as_str(), start, words, rule) {
                if best.is_none_or(|(longest, _)| end > longest) {
                    best = Some((end, entry));
                }
            }
        }
        let (end, entry) = best?;
        let range = folded.to_original(start..end)?;
        if !is_word_end(text, range.end) {
            return None;
        }
        Some(Mention {
            stem_end: range.end,
            range,
            ..self.mention_of(entry)
        })
    }

    /// A mention of `entry`'s term, before it is placed in the text.
    fn mention_of(&self, entry: &Entry) -> Mention {
        Mention {
            range: 0..0,
            concept: entry.concept as usize,
            language: entry.language_slot as usize,
            term: entry.term as usize,
            form: entry.form as usize,
            case_mismatch: false,
            stem_end: 0,
            from_stem: entry.stem,
            surname: entry.surname,
            status: self.term(entry).status,
            misspelled: false,
        }
    }

    /// Decides which listed form `found` is, among the applicable entries of
    /// its folded form; `None` when none applies. `ending` is the rest of the
    /// word when the match does not end one: only an entry whose language
    /// takes that ending may match then, and a stem only with an ending.
    fn judge(
        &self,
        found: &str,
        pattern: usize,
        filter: &LanguageFilter,
        ending: Option<&WordRest>,
    ) -> Option<Mention> {
        let entries = self.patterns.get(pattern);
        let found_text = found;
        let found = FoundForms::new(found);
        let mut best: Option<(Closeness, Status, bool, &Entry)> = None;
        for entry in entries.iter().map(|&id| &self.entries[id as usize]) {
            if entry.phrase || !filter.applies[entry.language as usize] || !self.ending_fits(entry, ending) {
                continue;
            }
            let term = self.term(entry);
            let case_mismatch = term.case_sensitive && found.cased() != entry.cased_form(term);
            // A short acronym in another case is a word (`is`, `us`); one
            // in title case that is a name of the language is that name
            // (the goddess `Isis`).
            if case_mismatch
                && (term.text.chars().filter(|c| c.is_alphanumeric()).count() < MIN_CASE_FINDING_LEN
                    || (is_acronym(&term.text)
                        && is_title_case(found_text)
                        && filter
                            .proper_names
                            .is_some_and(|names| names.contains(found_text))))
            {
                continue;
            }
            // With a single entry there is nothing to choose between.
            let closeness = if entries.len() == 1 {
                Closeness::Folded
            } else {
                found.closeness_to(entry, term)
            };
            if best.is_none_or(|(c, s, _, _)| (closeness, term.status) < (c, s)) {
                best = Some((closeness, term.status, case_mismatch, entry));
            }
        }
        let (_, _, case_mismatch, entry) = best?;
        Some(Mention {
            case_mismatch,
            ..self.mention_of(entry)
        })
    }

    /// Which form of another language `found` is, when no form of the
    /// document's language folds like it: a form listed only for another
    /// language, of a concept that has a form in the document's language
    /// (else there is nothing to suggest). Never a form of kind
    /// `original` (the name in its own language, quoted on purpose), a
    /// surname alone, an acronym in another case, or a common word of the
    /// document's language.
    fn judge_other_language(
        &self,
        found: &str,
        pattern: usize,
        filter: &LanguageFilter,
        ending: Option<&WordRest>,
    ) -> Option<Mention> {
        let entries = self.patterns.get(pattern);
        let entries = || entries.iter().map(|&id| &self.entries[id as usize]);
        // A listed form of the document's language, with another ending.
        if entries().any(|entry| filter.applies[entry.language as usize]) {
            return None;
        }
        if entries().any(|entry| self.term(entry).term_type == TermType::Original) {
            return None;
        }
        if !found.contains(char::is_whitespace)
            && filter.common_words.is_some_and(|words| words.contains(found))
        {
            return None;
        }
        let forms = FoundForms::new(found);
        let mut best: Option<(Closeness, Status, &Entry)> = None;
        for entry in entries() {
            if entry.surname
                || entry.phrase
                || !(self.ending_fits(entry, ending) || self.takes_document_ending(entry, ending, filter))
            {
                continue;
            }
            let term = self.term(entry);
            if term.case_sensitive && forms.cased() != entry.cased_form(term) {
                continue;
            }
            if !self.has_form_for(entry.concept as usize, filter) {
                continue;
            }
            let closeness = forms.closeness_to(entry, term);
            if best.is_none_or(|(c, s, _)| (closeness, term.status) < (c, s)) {
                best = Some((closeness, term.status, entry));
            }
        }
        let (_, status, entry) = best?;
        Some(Mention {
            status,
            ..self.mention_of(entry)
        })
    }

    /// Whether a whole form of another language goes on with an ending of
    /// the document's language: a writer who uses the Russian name in a
    /// Tajik text declines it the Tajik way (`Таджикистанро`).
    fn takes_document_ending(
        &self,
        entry: &Entry,
        ending: Option<&WordRest>,
        filter: &LanguageFilter,
    ) -> bool {
        let (Some(rest), false) = (ending, entry.stem) else {
            return false;
        };
        let concept = &self.glossary.concepts()[entry.concept as usize];
        self.document_inflection(filter)
            .is_some_and(|rule| rule.applies_to(concept) && rule.is_ending(&rest.folded))
    }

    /// The inflection rule of the document's language, if it has one.
    pub fn document_inflection(&self, filter: &LanguageFilter) -> Option<&InflectionRule> {
        self.inflection
            .iter()
            .enumerate()
            .find_map(|(index, rule)| rule.as_ref().filter(|_| filter.applies_to(index)))
    }

    /// Whether a concept has a form in a language the filter applies.
    fn has_form_for(&self, concept: usize, filter: &LanguageFilter) -> bool {
        self.document_slot(concept, filter).is_some()
    }

    /// The concept's first language slot with forms in a language the
    /// filter applies.
    fn document_slot(&self, concept: usize, filter: &LanguageFilter) -> Option<usize> {
        self.glossary.concepts()[concept]
            .languages
            .iter()
            .position(|terms| {
                !terms.terms.is_empty() && filter.applies_to(self.language_index(&terms.language))
            })
    }

    /// The forms of the document's language a mention stands for: the
    /// listed whole forms that fold like it (its term among them), not
    /// stems or surnames.
    fn forms_alike<'a>(
        &'a self,
        mention: &Mention,
        filter: &'a LanguageFilter,
    ) -> impl Iterator<Item = &'a Term> + 'a {
        self.patterns
            .get(mention.form)
            .iter()
            .map(|&id| &self.entries[id as usize])
            .filter(|entry| !entry.stem && !entry.surname && filter.applies[entry.language as usize])
            .map(|entry| self.term(entry))
    }

    /// Marks the mentions whose text is no listed form of the document's
    /// language but a misspelling of one (see [`crate::orthography`]): it
    /// folds like the mention's listed forms and differs from each of them
    /// in letters the language tells apart. Latin diacritics count only
    /// where the text writes some and the glossary lists no form of the
    /// language without them (an English text that writes `Hudhayfah` for
    /// a listed `Ḥudhayfah` spells it as English writes it). A surname
    /// alone, a match from a stem and an acronym in another case are left
    /// to their own checks.
    pub fn mark_misspellings(&self, text: &str, mentions: &mut [Mention], filter: &LanguageFilter) {
        for mention in mentions.iter_mut() {
            if mention.surname || mention.from_stem || mention.case_mismatch {
                continue;
            }
            let Some(found) = text.get(mention.range.start..mention.stem_end) else {
                continue;
            };
            // Most mentions are written as listed; ASCII letters in single
            // spaces differ from a listed form only in what folding drops
            // (Latin marks, which count only where the text writes some).
            let term = &self.resolve(mention).2.text;
            if found == term
                || folds_to_itself(found)
                || !crate::orthography::may_differ(found, filter.language())
            {
                continue;
            }
            mention.misspelled = self.is_misspelled(found, mention, filter);
        }
    }

    fn is_misspelled(&self, found: &str, mention: &Mention, filter: &LanguageFilter) -> bool {
        use crate::orthography::{compare, has_latin_diacritics, is_diacritic_free, Verdict};
        let language = filter.language();
        let diacritics_count = has_latin_diacritics(found)
            && !self
                .forms_alike(mention, filter)
                .any(|t| is_diacritic_free(&t.text));
        let mut any = false;
        for term in self.forms_alike(mention, filter) {
            any = true;
            match compare(found, &term.text, language) {
                Verdict::Same => return false,
                Verdict::Differs {
                    diacritics_only: true,
                } if !diacritics_count => return false,
                Verdict::Differs { .. } => {}
            }
        }
        any
    }

    /// Whether an entry may match with `ending` after it (none: the match
    /// ends a word).
    fn ending_fits(&self, entry: &Entry, ending: Option<&WordRest>) -> bool {
        match (ending, &self.inflection[entry.language as usize]) {
            (None, _) => !entry.stem,
            (Some(rest), Some(rule)) => entry.inflects && rule.is_ending(&rest.folded),
            (Some(_), None) => false,
        }
    }

    fn term(&self, entry: &Entry) -> &Term {
        &self.glossary.concepts()[entry.concept as usize].languages[entry.language_slot as usize].terms
            [entry.term as usize]
    }

    /// Whether a mention is written in the preferred form once folded (it
    /// may still be an admitted variant with other diacritics).
    pub fn is_preferred_form(&self, mention: &Mention) -> bool {
        self.term_form(mention.concept, mention.language, 0) == mention.form
    }

    /// The form of a term, by concept, language slot and term index (as in
    /// a [`Mention`]).
    pub fn term_form(&self, concept: usize, language: usize, term: usize) -> usize {
        let concept_forms = self.term_forms.get(concept);
        let before: usize = self.glossary.concepts()[concept].languages[..language]
            .iter()
            .map(|l| l.terms.len())
            .sum();
        concept_forms[before + term] as usize
    }

    /// The concept, language terms and term of a mention.
    pub fn resolve(&self, mention: &Mention) -> (&Concept, &LanguageTerms, &Term) {
        let concept = &self.glossary.concepts()[mention.concept];
        let language = &concept.languages[mention.language];
        (concept, language, &language.terms[mention.term])
    }
}

impl Entry {
    /// The term as written (NFC, white space collapsed).
    fn written_form<'a>(&'a self, term: &'a Term) -> &'a str {
        self.spellings
            .as_ref()
            .and_then(|s| s.written.as_deref())
            .unwrap_or_else(|| self.text_in(term))
    }

    /// The part of the term's text the entry stands for: all of it, or the
    /// surname.
    fn text_in<'a>(&self, term: &'a Term) -> &'a str {
        if self.surname {
            term.text
                .get(usize::from(self.part.0)..usize::from(self.part.1))
                .unwrap_or_default()
        } else {
            &term.text
        }
    }

    /// The term folded, keeping case.
    fn cased_form<'a>(&'a self, term: &'a Term) -> &'a str {
        self.spellings
            .as_ref()
            .and_then(|s| s.cased.as_deref())
            .unwrap_or_else(|| self.written_form(term))
    }
}

/// An entry's "as written" and case-keeping folded forms of `text`, each
/// stored only where it differs from the one before it, and none where
/// neither does.
fn spellings_of(text: &str) -> Option<Box<Spellings>> {
    let written = as_written(text);
    let cased = fold_term(text, CaseMode::Keep);
    let cased = (cased != written).then(|| cased.into_boxed_str());
    let written = (written != text).then(|| written.into_boxed_str());
    (written.is_some() || cased.is_some()).then(|| Box::new(Spellings { written, cased }))
}

/// Lists of items kept in one array (a compressed sparse row): list `i` is
/// `items[starts[i]..starts[i + 1]]`. Two allocations however many lists,
/// where a `Vec` per list costs one each, and a heap block's overhead.
#[derive(serde::Serialize, serde::Deserialize)]
struct Groups<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Groups<T> {
    /// Groups `lists`, in order.
    fn from_lists(lists: Vec<Vec<T>>) -> Self {
        let mut builder = GroupsBuilder::default();
        for list in lists {
            for item in list {
                builder.push(item);
            }
            builder.end_group();
        }
        builder.finish()
    }

    /// The number of lists.
    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// List `index`.
    fn get(&self, index: usize) -> &[T] {
        &self.items[self.starts[index] as usize..self.starts[index + 1] as usize]
    }

    /// Whether the starts rise from 0 to the number of items (read from a
    /// cache, they might not).
    fn is_sound(&self) -> bool {
        self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|pair| pair[0] <= pair[1])
            && self.starts.last().map(|&end| end as usize) == Some(self.items.len())
    }
}

/// Builds [`Groups`] list by list.
struct GroupsBuilder<T> {
    groups: Groups<T>,
}

impl<T> Default for GroupsBuilder<T> {
    fn default() -> Self {
        GroupsBuilder {
            groups: Groups {
                starts: vec![0],
                items: Vec::new(),
            },
        }
    }
}

impl<T> GroupsBuilder<T> {
    /// Adds an item to the current list.
    fn push(&mut self, item: T) {
        self.groups.items.push(item);
    }

    /// Ends the current list (which may be empty).
    fn end_group(&mut self) {
        self.groups.starts.push(self.groups.items.len() as u32);
    }

    fn finish(self) -> Groups<T> {
        self.groups
    }
}

/// Whether two texts are equal but for case (Unicode's default caseless
/// match); ASCII texts, most of a documentation glossary's, are compared
/// without the normalization that match needs.
fn equal_ignoring_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        caseless::default_caseless_match_str(a, b)
    }
}

/// The forms of a found slice used for judging, computed on first use.
struct FoundForms<'a> {
    found: &'a str,
    written: OnceCell<String>,
    cased: OnceCell<String>,
}

impl<'a> FoundForms<'a> {
    fn new(found: &'a str) -> Self {
        FoundForms {
            found,
            written: OnceCell::new(),
            cased: OnceCell::new(),
        }
    }

    fn written(&self) -> &str {
        if folds_to_itself(self.found) {
            return self.found;
        }
        self.written.get_or_init(|| as_written(self.found))
    }

    fn cased(&self) -> &str {
        if folds_to_itself(self.found) {
            return self.found;
        }
        self.cased.get_or_init(|| fold_term(self.found, CaseMode::Keep))
    }

    fn closeness_to(&self, entry: &Entry, term: &Term) -> Closeness {
        let written = entry.written_form(term);
        if self.written() == written {
            Closeness::AsWritten
        } else if equal_ignoring_case(self.written(), written) {
            Closeness::IgnoringCase
        } else if self.cased() == entry.cased_form(term) {
            Closeness::FoldedKeepingCase
        } else {
            Closeness::Folded
        }
    }
}

/// Whether `text` is its own form as written and its own case-keeping
/// fold: ASCII letters and digits in words of single spaces, as most
/// matches are (judging them then costs no copy).
fn folds_to_itself(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b' ')
        && !text.contains("  ")
}

/// The rest of a word after a match: where it ends and its folded letters
/// (a Turkish apostrophe before an ending is dropped by folding).
/// Where, in the folded text, the words of the folded `term` end when the
/// text from `start` writes each of them as its phrase stem with an ending,
/// one at least declined (not as listed). Words are parted by one space, as
/// folding leaves white space and hyphens; a paragraph break parts names.
fn declined_words_end(
    folded: &str,
    start: usize,
    term: &[PhraseWord],
    rule: &InflectionRule,
) -> Option<usize> {
    let mut at = start;
    let mut declined = false;
    for (
        index,
        PhraseWord {
            word: term_word,
            stem,
        },
    ) in term.iter().enumerate()
    {
        if index > 0 {
            at += folded[at..].strip_prefix(' ').map(|_| 1)?;
        }
        let length = folded[at..]
            .find(|c: char| !crate::text::is_letter_or_digit(c))
            .unwrap_or(folded.len() - at);
        let word = &folded[at..at + length];
        if word.is_empty() {
            return None;
        }
        if word != &**term_word {
            if !rule.is_declined_from(word, &term_word[..*stem]) {
                return None;
            }
            declined = true;
        }
        at += length;
    }
    declined.then_some(at)
}

/// The folded words of the terms of the entries that stand for declining
/// phrases (see [`Matcher::declined_phrase`]), with their stems.
fn phrase_terms(
    glossary: &Glossary,
    entries: &[Entry],
    inflection: &[Option<InflectionRule>],
) -> rustc_hash::FxHashMap<EntryId, Box<[PhraseWord]>> {
    entries
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.phrase)
        .filter_map(|(id, entry)| {
            let rule = inflection[entry.language as usize].as_ref()?;
            let term = &glossary.concepts()[entry.concept as usize].languages[entry.language_slot as usize]
                .terms[entry.term as usize];
            let words = fold_term(&term.text, CaseMode::Fold)
                .split(' ')
                .map(|word| PhraseWord {
                    stem: rule.phrase_stem(word).len(),
                    word: word.into(),
                })
                .collect();
            Some((id as EntryId, words))
        })
        .collect()
}

struct WordRest {
    end: usize,
    folded: String,
}

fn word_rest(text: &str, start: usize) -> WordRest {
    let rest = &text[start..];
    let mut end = start;
    let mut chars = rest.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|&(_, n)| crate::text::is_letter(n));
        let apostrophe = matches!(c, '\'' | '\u{2019}') && next_is_letter;
        if !(crate::text::is_letter_or_digit(c) || crate::text::is_combining_mark(c) || apostrophe) {
            break;
        }
        end = start + offset + c.len_utf8();
    }
    WordRest {
        end,
        folded: fold_term(&text[start..end], CaseMode::Fold),
    }
}

/// The automaton's patterns while the matcher is built: each distinct
/// folded key once, with the entries that fold to it.
#[derive(Default)]
struct PatternTable {
    pattern_ids: std::collections::HashMap<String, usize>,
    keys: Vec<String>,
    patterns: Vec<Vec<EntryId>>,
    entries: Vec<Entry>,
}

impl PatternTable {
    /// The pattern of `key`, added if new.
    fn pattern(&mut self, key: String) -> usize {
        *self.pattern_ids.entry(key.clone()).or_insert_with(|| {
            self.keys.push(key);
            self.patterns.push(Vec::new());
            self.patterns.len() - 1
        })
    }

    /// Adds `entry` under `key`, and under its stem when `rule` gives one;
    /// returns the pattern of the whole key (the entry's form).
    fn add(&mut self, key: String, rule: Option<&InflectionRule>, entry: Entry) -> usize {
        let stem = rule.and_then(|rule| rule.stem(&key)).map(str::to_string);
        let whole = self.pattern(key);
        let whole_entry = Entry {
            form: whole as u32,
            ..entry.clone()
        };
        self.push(whole, whole_entry);
        if let Some(stem) = stem {
            let pattern = self.pattern(stem);
            self.push(
                pattern,
                Entry {
                    stem: true,
                    form: whole as u32,
                    ..entry
                },
            );
        }
        whole
    }

    /// Adds `entry` under `stem`, the stem of its term's first word, as a
    /// multi-word term whose words all decline (pattern `form` is the
    /// whole term).
    fn add_phrase_stem(&mut self, stem: String, form: usize, entry: Entry) {
        let pattern = self.pattern(stem);
        self.push(
            pattern,
            Entry {
                form: form as u32,
                stem: true,
                phrase: true,
                ..entry
            },
        );
    }

    /// Adds `entry` under `key` as another way of writing the form of
    /// pattern `form` (a Persian compound written apart).
    fn add_spelling(&mut self, key: String, form: usize, entry: Entry) {
        let pattern = self.pattern(key);
        if pattern != form {
            self.push(
                pattern,
                Entry {
                    form: form as u32,
                    ..entry
                },
            );
        }
    }

    fn push(&mut self, pattern: usize, entry: Entry) {
        self.patterns[pattern].push(self.entries.len() as EntryId);
        self.entries.push(entry);
    }
}

/// A compound of Arabic script joined by zero-width non-joiners
/// (`حزب‌الله`), written with spaces instead: Persian writers join the
/// parts of a compound, put a non-joiner between them or a space, and the
/// fold keeps only the space apart. `None` for any other term.
fn compound_written_apart(text: &str) -> Option<String> {
    let mut apart = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut any = false;
    for c in text.chars() {
        if c == '\u{200C}' && previous.is_some_and(|p| ('\u{0600}'..='\u{06FF}').contains(&p)) {
            apart.push(' ');
            any = true;
        } else {
            apart.push(c);
        }
        previous = Some(c);
    }
    any.then_some(apart)
}

/// The folded keys and ranges of a person's surname in a full form: with
/// its particle and without (`al-Baghdadi`, `Baghdadi`).
fn surname_of(text: &str) -> Vec<(String, Range<usize>)> {
    let Some(surname) = crate::names::surname(text) else {
        return Vec::new();
    };
    let mut ranges = vec![surname.core.clone()];
    if surname.has_particle() {
        ranges.push(surname.with_particle);
    }
    ranges
        .into_iter()
        .filter(|range| range.end <= usize::from(u16::MAX))
        .map(|range| (fold_term(&text[range.clone()], CaseMode::Fold), range))
        .collect()
}

/// Adds the surnames that may stand alone to `table`: those that fold like
/// no listed form (a listed form is what it is listed as) and belong to one
/// concept only (two people of one surname leave it ambiguous).
fn add_surnames(
    glossary: &Glossary,
    table: &mut PatternTable,
    mut candidates: Vec<(String, usize, DerivedSurname)>,
    languages: &[Language],
    inflections: &Inflections,
) -> Vec<DerivedSurname> {
    candidates.retain(|(key, _, _)| !table.pattern_ids.contains_key(key));
    // Stable: within a key, candidates stay in glossary order.
    candidates.sort_by(|a, b| a.0.cmp(&b.0));
    let mut surnames = Vec::new();
    for same_key in candidates.chunk_by(|a, b| a.0 == b.0) {
        let concept = same_key[0].2.concept;
        if same_key.iter().any(|(_, _, s)| s.concept != concept) {
            continue;
        }
        // One entry a language: the term of the best status to have the
        // surname (the preferred, else an admitted, else a deprecated one).
        let status = |surname: &DerivedSurname| {
            glossary.concepts()[surname.concept as usize].languages[usize::from(surname.language_slot)].terms
                [usize::from(surname.term)]
            .status
        };
        let mut best_per_slot: Vec<&(String, usize, DerivedSurname)> = Vec::new();
        for candidate in same_key {
            match best_per_slot
                .iter_mut()
                .find(|best| best.2.language_slot == candidate.2.language_slot)
            {
                Some(best) if status(&candidate.2) < status(&best.2) => *best = candidate,
                Some(_) => {}
                None => best_per_slot.push(candidate),
            }
        }
        for (key, language, surname) in best_per_slot {
            let term = &glossary.concepts()[surname.concept as usize].languages
                [usize::from(surname.language_slot)]
            .terms[usize::from(surname.term)];
            let text = &term.text[usize::from(surname.start)..usize::from(surname.end)];
            let entry = Entry {
                concept: surname.concept,
                language: *language as u32,
                language_slot: surname.language_slot,
                term: surname.term,
                spellings: None,
                stem: false,
                surname: true,
                part: (surname.start, surname.end),
                inflects: false,
                phrase: false,
                form: 0,
            };
            // Stored only where they differ from the surname as it stands
            // in the term: one allocation fewer each, most of the time.
            let entry = Entry {
                spellings: spellings_of(text),
                ..entry
            };
            let concept = &glossary.concepts()[surname.concept as usize];
            let rule = inflections
                .rule_for(&languages[*language])
                .filter(|rule| rule.applies_to(concept));
            table.add(
                key.clone(),
                rule,
                Entry {
                    inflects: rule.is_some(),
                    ..entry
                },
            );
            surnames.push(surname.clone());
        }
    }
    surnames
}

/// Reads one section written by [`Matcher::write_to`]: its length, then
/// that many bytes, if no more than `remaining` are left.
fn read_section(input: &mut impl Read, remaining: &mut u64) -> Option<Vec<u8>> {
    let mut length = [0; 8];
    input.read_exact(&mut length).ok()?;
    let length = u64::from_le_bytes(length);
    *remaining = remaining.checked_sub(8)?.checked_sub(length)?;
    let mut section = vec![0; usize::try_from(length).ok()?];
    input.read_exact(&mut section).ok()?;
    Some(section)
}

/// The automaton serialized in `bytes`, validated; `None` unless it fills
/// them exactly.
fn automaton_from(bytes: &[u8]) -> Option<DoubleArrayAhoCorasick<u32>> {
    let (automaton, tail) = DoubleArrayAhoCorasick::<u32>::deserialize(bytes).ok()?;
    tail.is_empty().then_some(automaton)
}

/// The automaton of the patterns' first words for [`Matcher::could_mention`].
fn build_anchors(
    keys: &[String],
    patterns: &Groups<EntryId>,
    entries: &[Entry],
    inflection: &[Option<InflectionRule>],
) -> Result<DoubleArrayAhoCorasick<u32>, MatcherError> {
    let mut anchors: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    for (index, key) in keys.iter().enumerate() {
        let pattern = patterns.get(index);
        let (first, single_word) = match key.split_once(' ') {
            Some((first, _)) => (first, false),
            None => (key.as_str(), true),
        };
        let open_end = single_word
            && pattern.iter().any(|&id| {
                let entry = &entries[id as usize];
                entry.stem || (entry.inflects && inflection[entry.language as usize].is_some())
            });
        *anchors.entry(first).or_default() |= u32::from(open_end) * OPEN_END;
    }
    DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build_with_values(anchors.into_iter().filter(|(word, _)| !word.is_empty()))
        .map_err(|err| MatcherError(err.to_string()))
}

/// Sorts mentions by start, the longest first at each start.
///
/// Where two cover the same text, the one that matches a form whole comes
/// before one that matches with an ending (`address` is the listed
/// `address`, not the listed `addres` with a plural `s`), then the one of
/// better status (`properties` is `property` with `-ies`, not a deprecated
/// `propertie` with `-s`): an innocent reading wins over a finding.
///
/// The order is total (the rest by glossary place), so an unstable sort,
/// which needs no buffer the size of a long text's mentions, gives the
/// same result every time.
fn sort_leftmost_longest_first(mentions: &mut [Mention]) {
    mentions.sort_unstable_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then((a.stem_end != a.range.end).cmp(&(b.stem_end != b.range.end)))
            .then(a.status.cmp(&b.status))
            .then(b.stem_end.cmp(&a.stem_end))
            .then((a.concept, a.language, a.term, a.form).cmp(&(b.concept, b.language, b.term, b.form)))
    });
}

/// The leftmost-longest of `all` (as [`Matcher::find_all`] returns them):
/// the first to start, the longest there, then the next that starts after
/// it ends, and so on.
pub fn leftmost_longest(mut all: Vec<Mention>) -> Vec<Mention> {
    // Already sorted when it comes from `find_all`; then this is linear.
    sort_leftmost_longest_first(&mut all);
    // Chosen in place: a long text's mentions are not held twice.
    let mut taken_until: Option<usize> = None;
    all.retain(|candidate| {
        let free = taken_until.is_none_or(|end| candidate.range.start >= end);
        if free {
            taken_until = Some(candidate.range.end);
        }
        free
    });
    all
}

#[cfg(test)]
// Whole texts are searched as a single piece.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::glossary::GlossaryLoader;
    use unicode_normalization::UnicodeNormalization;

    proptest::proptest! {
        #[test]
        fn ascii_case_comparison_is_the_caseless_match(a in "[a-zA-Z0-9 .-]{0,6}", b in "[a-zA-Z0-9 .-]{0,6}") {
            proptest::prop_assert_eq!(equal_ignoring_case(&a, &b), caseless::default_caseless_match_str(&a, &b));
            let upper = a.to_uppercase();
            proptest::prop_assert_eq!(equal_ignoring_case(&a, &upper), caseless::default_caseless_match_str(&a, &upper));
        }

        /// The shortcut of judging never changes a judgement: what it takes
        /// for its own fold is its own fold.
        #[test]
        fn what_folds_to_itself_does(text in "[A-Za-z0-9 .'-]{0,12}") {
            if folds_to_itself(&text) {
                proptest::prop_assert_eq!(fold_term(&text, CaseMode::Keep), text.clone());
                proptest::prop_assert_eq!(as_written(&text), text);
            }
        }
    }

    #[test]
    fn plain_words_fold_to_themselves() {
        assert!(folds_to_itself("Kerman"));
        assert!(folds_to_itself("Islamic State 2"));
        for other in [
            "",
            " Kerman",
            "Kerman ",
            "al-Qaida",
            "Shi'a",
            "U.S.",
            "two  spaces",
            "Kirmān",
        ] {
            assert!(!folds_to_itself(other), "{other:?}");
        }
    }

    const GLOSSARY: &str = r#"
        [[concept]]
        id = "ansari"
        [concept.lang.en]
        preferred = "Abu Hudhayfah al-Ansari"
        admitted = ["Abū Ḥudhayfah al-Anṣārī"]
        deprecated = ["Abu Hudhaifa al-Ansari"]

        [[concept]]
        id = "jean"
        [concept.lang.en]
        preferred = "Jean"

        [[concept]]
        id = "jean-paul"
        [concept.lang.en]
        preferred = "Jean-Paul"

        [[concept]]
        id = "soleimani"
        [concept.lang.ru]
        preferred = "Касем Сулеймани"
        [concept.lang.ar]
        preferred = "قاسم سليماني"

        [[concept]]
        id = "iskp"
        [concept.lang.en]
        preferred = { term = "ISKP", case_sensitive = true }

        [[concept]]
        id = "is"
        [concept.lang.en]
        preferred = { term = "IS", case_sensitive = true }
    "#;

    fn matcher() -> Matcher {
        matcher_from(GLOSSARY)
    }

    fn matcher_from(glossary: &str) -> Matcher {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("test.toml", glossary.to_string());
        Matcher::new(loader.load().expect("test glossary is valid")).expect("automaton builds")
    }

    #[test]
    fn any_damaged_byte_is_refused_or_still_sound() {
        // Bytes of a compiled glossary (people with surnames, so that every
        // table is there), flipped one at a time: reading it back never
        // panics, and what reads back still finds mentions inside the text.
        let people = format!(
            "{GLOSSARY}\n[[concept]]\nid = \"baghdadi\"\nkind = \"person\"\n[concept.lang.en]\n\
             preferred = \"Abu Bakr al-Baghdadi\"\ndeprecated = [\"Abu Bakr al-Bagdadi\"]\n"
        );
        let bytes = matcher_from(&people).to_bytes();
        let text = "Abu Bakr al-Baghdadi met Kirman; al-Bagdadi left. Ghasem Soleimani.";
        let english = Language::parse("en").unwrap();
        // The tables byte by byte; the automata (mostly their double
        // arrays, validated as they are read) at a stride.
        let tables_end = 8 + u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
        let positions = (0..tables_end).chain((tables_end..bytes.len()).step_by(211));
        for at in positions {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            if let Some(read) = Matcher::from_bytes(&damaged) {
                let filter = read.language_filter(&english);
                for mention in read.find(text, &[0..text.len()], &filter) {
                    assert!(text.get(mention.range.clone()).is_some(), "byte {at}");
                    let _ = read.resolve(&mention);
                }
            }
        }
    }

    #[test]
    fn a_text_searched_twice_is_folded_once_and_another_text_again() {
        let matcher = matcher();
        let russian = matcher.language_filter(&Language::parse("ru").unwrap());
        let english = matcher.language_filter(&Language::parse("en").unwrap());
        let count = |text: &str, filter: &LanguageFilter| matcher.find(text, &[0..text.len()], filter).len();
        let text = "Касем Сулеймани and Jean";
        assert_eq!(count(text, &russian), 1);
        assert_eq!(count(text, &english), 1, "the fold is reused, the search is not");
        // The same length and pieces, other bytes: folded anew.
        let other = "Касем Сулеймани and Joan";
        assert_eq!(count(other, &english), 0);
        assert!(matcher.could_mention("Jean"));
        assert_eq!(count(other, &russian), 1, "after another use of the buffer");
        assert_eq!(count("", &english), 0);
    }

    /// Each mention as (concept id, the original slice, listed form).
    fn find(text: &str, language: &str) -> Vec<(String, String, String)> {
        let matcher = matcher();
        let filter = matcher.language_filter(&Language::parse(language).unwrap());
        matcher
            .find(text, &[0..text.len()], &filter)
            .iter()
            .map(|m| {
                let (concept, _, term) = matcher.resolve(m);
                (
                    concept.id.clone(),
                    text[m.range.clone()].to_string(),
                    term.text.clone(),
                )
            })
            .collect()
    }

    fn found(text: &str, language: &str) -> Vec<String> {
        find(text, language)
            .into_iter()
            .map(|(_, slice, _)| slice)
            .collect()
    }

    #[test]
    fn nfd_and_combining_marks_map_to_whole_characters() {
        let nfd: String = "Abū Ḥudhayfah al-Anṣārī".nfd().collect();
        let text = format!("x {nfd} y");
        assert_eq!(
            find(&text, "en"),
            [("ansari".into(), nfd.clone(), "Abū Ḥudhayfah al-Anṣārī".into())]
        );
        // A stray mark on the last letter stays inside the span.
        let text = format!("x {nfd}\u{0301} y");
        assert_eq!(found(&text, "en"), [format!("{nfd}\u{0301}")]);
    }

    #[test]
    fn judges_which_listed_form_was_written() {
        let forms: Vec<String> = [
            "Abu Hudhayfah al-Ansari",
            "ABŪ ḤUDHAYFAH AL-ANṢĀRĪ",
            "abu hudhaifa al ansari",
        ]
        .iter()
        .flat_map(|t| find(t, "en"))
        .map(|(_, _, form)| form)
        .collect();
        assert_eq!(
            forms,
            [
                "Abu Hudhayfah al-Ansari",
                "Abū Ḥudhayfah al-Anṣārī",
                "Abu Hudhaifa al-Ansari"
            ]
        );
    }

    #[test]
    fn crlf_tabs_and_emoji_keep_byte_spans() {
        let text = "😀\tAbu Hudhaifa\r\nal-Ansari 😀";
        assert_eq!(found(text, "en"), ["Abu Hudhaifa\r\nal-Ansari"]);
    }

    #[test]
    fn cyrillic_and_arabic() {
        assert_eq!(
            found("Генерал КАСЕМ СУЛЕЙМАНИ, Касем Сулейманиния", "ru"),
            ["КАСЕМ СУЛЕЙМАНИ"]
        );
        assert_eq!(found("قال قاسم سلیمانی ذلك", "ar"), ["قاسم سلیمانی"]);
        assert_eq!(found("قال قاسم سلیمانی ذلك", "fa"), Vec::<String>::new());
    }

    #[test]
    fn inflected_names_match_with_their_language_endings_only() {
        let glossary = r#"
            [[concept]]
            id = "kerman"
            [concept.lang.ru]
            preferred = "Керман"
            [concept.lang.tg]
            preferred = "Кермон"
            [concept.lang.tr]
            preferred = "Kerman"
            [concept.lang.en]
            preferred = "Kerman"
            [[concept]]
            id = "gaza"
            [concept.lang.ru]
            preferred = "Газа"
            [[concept]]
            id = "khurasan"
            [concept.lang.uz-Latn]
            preferred = "Xuroson"
        "#;
        let matcher = matcher_from(glossary);
        let found = |text: &str, language: &str| -> Vec<(String, String)> {
            let filter = matcher.language_filter(&Language::parse(language).unwrap());
            matcher
                .find(text, std::slice::from_ref(&(0..text.len())), &filter)
                .iter()
                .map(|m| {
                    (
                        text[m.range.clone()].to_string(),
                        text[m.range.start..m.stem_end].to_string(),
                    )
                })
                .collect()
        };
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
        };
        assert_eq!(
            found("в Кермане, Керманом и Керманшах; в Газе и Газой", "ru"),
            pairs(&[
                ("Кермане", "Керман"),
                ("Керманом", "Керман"),
                ("Газе", "Газ"),
                ("Газой", "Газ")
            ])
        );
        assert_eq!(found("дар Кермонро", "tg"), pairs(&[("Кермонро", "Кермон")]));
        assert_eq!(
            found("Kerman'da ve Kermanda", "tr"),
            pairs(&[("Kerman'da", "Kerman"), ("Kermanda", "Kerman")])
        );
        assert_eq!(found("Xurosonda", "uz-Latn"), pairs(&[("Xurosonda", "Xuroson")]));
        assert_eq!(
            found("Kermanda and Kermani", "en"),
            pairs(&[]),
            "English does not inflect"
        );
    }

    #[test]
    fn a_longer_term_failing_the_boundary_does_not_hide_a_shorter_one() {
        assert_eq!(found("Jean-Paulo and Jean-Paul", "en"), ["Jean", "Jean-Paul"]);
    }

    #[test]
    fn find_all_keeps_the_mentions_that_find_hides() {
        let matcher = matcher();
        let filter = matcher.language_filter(&Language::parse("en").unwrap());
        let text = "Jean-Paul and Jean";
        let slices =
            |mentions: Vec<Mention>| -> Vec<&str> { mentions.into_iter().map(|m| &text[m.range]).collect() };
        let all = matcher.find_all(text, &[0..text.len()], &filter);
        assert_eq!(slices(all.clone()), ["Jean-Paul", "Jean", "Jean"]);
        assert_eq!(
            leftmost_longest(all),
            matcher.find(text, &[0..text.len()], &filter)
        );
        assert_eq!(
            slices(matcher.find(text, &[0..text.len()], &filter)),
            ["Jean-Paul", "Jean"]
        );
    }

    #[test]
    fn short_case_sensitive_terms_match_only_in_their_case() {
        let mentions = find("This is IS, and Iskp is ISKP.", "en");
        let slices: Vec<&str> = mentions.iter().map(|(_, s, _)| s.as_str()).collect();
        assert_eq!(slices, ["IS", "Iskp", "ISKP"]);
        let matcher = matcher();
        let filter = matcher.language_filter(&Language::parse("en").unwrap());
        let text = "Iskp and ISKP";
        let cases: Vec<bool> = matcher
            .find(text, &[0..text.len()], &filter)
            .iter()
            .map(|m| m.case_mismatch)
            .collect();
        assert_eq!(cases, [true, false]);
    }
}
