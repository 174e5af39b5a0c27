//! Finding spellings of glossary names that nobody listed.
//!
//! Every glossary term gets a transliteration key ([`crate::translit`]); the
//! terms are indexed by the consonants of their key and by every variant of
//! those consonants with one letter deleted, so that a lookup finds the terms
//! within one consonant edit without scanning the glossary.
//!
//! Candidates are the word n-grams of a segment that look like a name: in a
//! script with letter case, the first and last words are capitalized and any
//! word between is capitalized or a short particle (`al`, `bin`, `of`); a
//! name may also open with a lower-case particle joined by a hyphen
//! (`al-Aqsa`), and then always does, so that its span covers it. A
//! candidate is kept when its key is within a small weighted distance of a
//! term's key, the folded spellings are close too, and it is not a listed form
//! of any concept. A single word is a candidate only for a single-word term,
//! only when it is long enough, and only when it differs from the term in
//! which vowels it writes, doubled letters or a final `h` alone: a lone
//! English word such as `German` must not pass for `Kerman`. A shorter
//! word of a script with case (`Da'ish` for `Daesh`) must be nearer still,
//! and is reported only in a document that names its concept by a listed form
//! ([`anchor_short_words`]): five letters leave too little to tell a
//! romanization from another name (`Левин` is no spelling of `Ливан`).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::wordlist::{is_acronym, is_identifier, CommonWords};
use thread_local::ThreadLocal;

use crate::glossary::{LanguageTerms, Status, TermType};
use crate::inflection::InflectionRule;
use crate::matcher::{LanguageFilter, Matcher, Mention};
use crate::text::{fold_term, script, words, words_where, CaseMode, Script, Word};
use crate::translit::{
    consonants, is_name_particle, join_keys, key_distance, to_latin, word_key, MAX_PARTICLE_LETTERS,
};

/// Consonants a term's key needs before one consonant edit is tolerated.
const MIN_CONSONANTS_FOR_EDIT: usize = 5;
/// Letters a single-word candidate needs.
const MIN_SINGLE_WORD_LETTERS: usize = 7;
/// Consonants a single-word candidate needs.
const MIN_SINGLE_WORD_CONSONANTS: usize = 3;
/// Letters and consonants a shorter single word needs, to be reported
/// where the document names its concept.
const MIN_SHORT_WORD_LETTERS: usize = 5;
const MIN_SHORT_WORD_CONSONANTS: usize = 2;
/// Spelling similarity a shorter single word needs: one letter of five or
/// six changed, not two.
const MIN_SHORT_WORD_SIMILARITY: f64 = 0.75;
/// Endings that make a derived word (`Israeli`, `Kermani`, `Central Asian`,
/// `Rafidahs`), not another romanization of the same name.
const DERIVATIONAL_ENDINGS: [&str; 11] = ["i", "is", "ian", "ians", "an", "ans", "n", "ns", "s", "es", "ite"];
/// Spelling similarity (normalized Levenshtein on folded letters) a candidate needs.
const MIN_SPELLING_SIMILARITY: f64 = 0.6;
/// Words and key consonants a term may have to be looked for in unlisted
/// spellings; longer terms (titles, not names) are still found as listed.
/// Candidates run up to one word longer than the longest such term, and each
/// costs time in its length: a run over a near copy of a 10 KB term of
/// 1,300 words did not finish in 120 s. A term's deletion index holds its
/// consonants squared (one word of 8.7 KB added 30 MB to the peak memory).
const MAX_NAME_WORDS: usize = 16;
const MAX_NAME_CONSONANTS: usize = 100;

/// The glossary's terms indexed by transliteration key.
pub struct UnlistedFinder {
    /// The concepts with a short single-word form (see
    /// [`anchor_short_words`]), sorted.
    short_word_concepts: Vec<u32>,
    /// Per thread, the key of each word seen and whether it may start a name:
    /// prose repeats its capitalized words, so most lookups end here.
    /// Indexed by whether a hyphen follows the word.
    word_cache: ThreadLocal<RefCell<[HashMap<String, CachedWord>; 2]>>,
    /// Per thread, what each capitalized word alone was found to be a
    /// spelling of, if anything (see [`Self::single_word_match`]), indexed
    /// like `word_cache`.
    single_word_cache: ThreadLocal<RefCell<[HashMap<String, SingleWordMatch>; 2]>>,
    terms: Vec<KeyedTerm>,
    /// The terms' keys and letters (see [`KeyedTerm`]).
    texts: String,
    /// Terms by the consonants of their key, and by those consonants with
    /// one deleted.
    by_consonants: KeyIndex,
    by_deletion: KeyIndex,
    /// Every key of the two indexes: most keys a text makes are in
    /// neither, and this says so in two memory reads, where each index
    /// took a binary search through memory out of the cache (a Persian
    /// text, whose every phrase is looked up, spent most of the check
    /// there).
    index_keys: HashFilter,
    /// The consonants of terms' first words, whole and with one deleted.
    first_words: HashFilter,
    /// Every listed form, folded.
    listed: HalfHashes,
    /// Every listed form in lower case, not folded: a spelling that folds
    /// like a form of another language may differ from it in letters
    /// (`القاعده`, the Arabic `القاعدة` in Persian writing).
    listed_as_written: HalfHashes,
    /// The surnames of person names, by concept: `(concept, term id)`,
    /// sorted. They are looked for only after their person was named, so
    /// they stay out of the indexes above.
    surnames: Vec<(u32, u32)>,
    /// The most words of a term, plus one: how far a candidate phrase runs.
    max_words: usize,
    /// The same for terms that open with a word of a script without case
    /// (Arabic): there every phrase is a candidate, and the glossary's
    /// names in that script are shorter than its longest Latin ones.
    max_uncased_words: usize,
    /// The most consonants of a term's key, and of its first word's: a
    /// longer candidate is more than one edit from every term, and is not
    /// looked up (a long run of letters, such as base64 text, made
    /// thousands of deletions a word and took minutes).
    max_consonants: usize,
    max_first_consonants: usize,
    /// Per glossary language index, the endings its names take (English
    /// plurals left out: they apply only to concepts with a kind).
    inflection: Vec<Option<InflectionRule>>,
    /// Per concept, the glossary languages (bit `i`: language index `i`;
    /// all bits for an index past 63) it has forms in: a Cyrillic spelling
    /// of a name with no form in the document's language is compared with
    /// its Latin forms.
    concept_languages: Vec<u64>,
}

#[derive(Clone)]
struct CachedWord {
    key: Arc<str>,
    may_start: bool,
}

/// What a single word not in a mention was found to be, for the language
/// filter and short-word setting of the search that found it.
#[derive(Clone)]
struct SingleWordMatch {
    search: (u64, bool),
    found: Option<Unlisted>,
}

/// Words cached per thread before the cache is cleared.
const WORD_CACHE_LIMIT: usize = 100_000;

struct KeyedTerm {
    concept: u32,
    language_index: u32,
    language_slot: u16,
    term: u16,
    /// The key is the surname of the term, alone.
    surname: bool,
    /// The term with another concept's acronym in it replaced by another
    /// form of that concept (see `index_acronym_variants`).
    built: bool,
    consonants: u16,
    words: u16,
    /// The key and the letters lie one after the other in the
    /// finder's `texts`, from here: one string for all terms, where a string
    /// each cost a heap block and its overhead (a tenth of the finder).
    texts_at: u32,
    /// Where the letters start and end, from `texts_at` (a term has at
    /// most [`MAX_NAME_WORDS`] words and [`MAX_NAME_CONSONANTS`]
    /// consonants; a longer one is not indexed).
    letters_at: u16,
    end: u16,
    /// Where the key of the term's stems ends (see [`Self::stem_key`]).
    stem_key_end: u16,
}

impl KeyedTerm {
    /// The term's transliteration key.
    fn key<'a>(&self, texts: &'a str) -> &'a str {
        self.text(texts, 0, self.letters_at)
    }

    /// The term's letters, folded.
    fn letters<'a>(&self, texts: &'a str) -> &'a str {
        self.text(texts, self.letters_at, self.end)
    }

    /// The key of the term's words without their nominative endings
    /// (`исламское государство`: `исламск государств`), in a language
    /// whose names decline; else the key.
    fn stem_key<'a>(&self, texts: &'a str) -> &'a str {
        match self.stem_key_end > self.end {
            true => self.text(texts, self.end, self.stem_key_end),
            false => self.key(texts),
        }
    }

    fn text<'a>(&self, texts: &'a str, from: u16, to: u16) -> &'a str {
        let at = self.texts_at as usize;
        &texts[at + usize::from(from)..at + usize::from(to)]
    }
}

/// A phrase that holds listed mentions is a longer name only if they cover
/// this many words: one listed word and one more (`Project Guide` beside a
/// listed `Project`) is too little to tell a longer name from a listed
/// word followed by an ordinary one.
const MIN_LISTED_WORDS_IN_LONGER_NAME: usize = 2;

/// The listed mentions a candidate phrase holds.
#[derive(Default)]
struct ListedParts {
    /// Each mention's range in the text.
    ranges: Vec<Range<usize>>,
    /// Their letters, folded, without spaces: folded when first compared,
    /// as most phrases are never near a term.
    letters: std::cell::OnceCell<Vec<String>>,
    /// The words they cover.
    words: usize,
}

impl ListedParts {
    /// Whether `term` may be what a phrase holding these mentions spells:
    /// it holds each of them as listed, and is longer (a listed name with a
    /// stray word after it is no other name). A single listed word is
    /// enough when the phrase has the term's very key (`Israel Defence
    /// Forces` for `Israel Defense Forces`): then the other words are the
    /// term's, respelled.
    /// A mention declined by `rule` (`Исламского государства` of the listed
    /// `Исламское государство`) is held by the term if each of its words is,
    /// without its ending.
    fn fit(
        &self,
        text: &str,
        term: &KeyedTerm,
        texts: &str,
        same_key: bool,
        rule: Option<&InflectionRule>,
    ) -> bool {
        let enough = self.words >= MIN_LISTED_WORDS_IN_LONGER_NAME || (self.words == 1 && same_key);
        // A name built from another concept's acronym is all listed words
        // (`ИГ-Хорасан`: `ИГ` and `Хорасан`).
        let longer = usize::from(term.words) > self.words || term.built;
        let term_letters = term.letters(texts);
        let holds = |(part, range): (&String, &Range<usize>)| {
            term_letters.contains(part.as_str())
                || rule.is_some_and(|rule| {
                    fold_term(&text[range.clone()], CaseMode::Fold)
                        .split([' ', '-'])
                        .all(|word| {
                            term_letters.contains(rule.strip_declined_ending(word, true).unwrap_or(word))
                        })
                })
        };
        self.words == 0 || (enough && longer && self.letters(text).iter().zip(&self.ranges).all(holds))
    }

    /// Whether the phrase at `range` is exactly one listed mention.
    fn is_exactly(&self, range: Range<usize>) -> bool {
        matches!(self.ranges.as_slice(), [only] if *only == range)
    }

    /// Adds the mention at `range`.
    fn push(&mut self, range: Range<usize>) {
        self.ranges.push(range);
        self.letters = Default::default();
    }

    fn letters(&self, text: &str) -> &[String] {
        self.letters.get_or_init(|| {
            self.ranges
                .iter()
                .map(|range| fold_term(&text[range.clone()], CaseMode::Fold).replace(' ', ""))
                .collect()
        })
    }
}

/// A candidate phrase: its words and their key, and for a phrase compared
/// without its case endings, the folded stems (no separators) and the rule
/// that took them off.
#[derive(Clone, Copy)]
struct Phrase<'p> {
    span: &'p [Word],
    key: &'p str,
    stems: Option<(&'p str, &'p InflectionRule)>,
}

impl Phrase<'_> {
    /// The key of `term` to compare this phrase's key with: the key of its
    /// stems if this phrase is of stems.
    fn term_key<'t>(&self, term: &KeyedTerm, texts: &'t str) -> &'t str {
        match self.stems {
            Some(_) => term.stem_key(texts),
            None => term.key(texts),
        }
    }
}

/// What one search looks for, besides its text.
#[derive(Clone, Copy)]
struct Search<'a> {
    filter: &'a LanguageFilter,
    /// The mentions of the text searched, which spellings never overlap
    /// (but may hold whole, see [`ListedParts`]).
    mentions: &'a [Mention],
    /// The surnames that may be spelled alone here.
    surname_ids: &'a [u32],
    /// Whether the document has named a concept with a short single-word
    /// form, here or before, so that short words are worth looking up (see
    /// [`anchor_short_words`]).
    short_words: bool,
    threshold: f32,
    /// The case endings of the document's language, if its names decline.
    inflection: Option<&'a InflectionRule>,
    /// Tells the language filters apart, for [`SingleWordMatch`].
    filter_id: u64,
}

/// Where an indexed term comes from.
struct TermPlace {
    concept: usize,
    language_index: usize,
    language_slot: usize,
    term: usize,
    surname: bool,
    built: bool,
}

/// A spelling of a glossary name that the glossary does not list.
#[derive(Clone, Debug, PartialEq)]
pub struct Unlisted {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the language in the concept's `languages`.
    pub language: usize,
    /// Index of the nearest listed term in that language's `terms`.
    pub nearest: usize,
    /// How sure the finder is, in [0, 1].
    pub confidence: f32,
    /// It is a spelling of the nearest term's surname, written alone.
    pub surname: bool,
    /// It is a short single word, reported only where the document names
    /// the concept by a listed form ([`anchor_short_words`]).
    pub needs_context: bool,
}

impl UnlistedFinder {
    /// Indexes every term of the matcher's glossary.
    pub fn new(matcher: &Matcher) -> Self {
        let mut finder = UnlistedFinder {
            short_word_concepts: Vec::new(),
            word_cache: ThreadLocal::new(),
            single_word_cache: ThreadLocal::new(),
            terms: Vec::new(),
            texts: String::new(),
            by_consonants: KeyIndex::default(),
            by_deletion: KeyIndex::default(),
            index_keys: HashFilter::default(),
            first_words: HashFilter::default(),
            listed: HalfHashes::default(),
            listed_as_written: HalfHashes::default(),
            surnames: Vec::new(),
            max_words: 0,
            max_uncased_words: 0,
            max_consonants: 0,
            max_first_consonants: 0,
            inflection: Vec::new(),
            concept_languages: Vec::new(),
        };
        finder.inflection = (0..matcher.language_count())
            .map(|index| {
                matcher
                    .inflection_rule(index)
                    .filter(|rule| rule.language.id().language.as_str() != "en")
                    .cloned()
            })
            .collect();
        finder.concept_languages = matcher
            .glossary()
            .concepts()
            .iter()
            .map(|concept| {
                concept.languages.iter().fold(0u64, |bits, terms| {
                    let index = matcher.language_index(&terms.language);
                    bits | if index < 64 { 1 << index } else { u64::MAX }
                })
            })
            .collect();
        finder.reserve_for(matcher);
        for (concept_index, concept) in matcher.glossary().concepts().iter().enumerate() {
            for (slot, language_terms) in concept.languages.iter().enumerate() {
                let language_index = matcher.language_index(&language_terms.language);
                for (term_index, term) in language_terms.terms.iter().enumerate() {
                    finder
                        .listed
                        .insert(half_hash(&fold_term(&term.text, CaseMode::Fold)));
                    finder
                        .listed_as_written
                        .insert(half_hash(&term.text.to_lowercase()));
                    if term.case_sensitive || !concept.finds_unlisted() {
                        continue; // acronyms have no romanizations, terms no others
                    }
                    if concept.kind.is_none() && !names_a_name(language_terms) {
                        continue;
                    }
                    let place = TermPlace {
                        concept: concept_index,
                        language_index,
                        language_slot: slot,
                        term: term_index,
                        surname: false,
                        built: false,
                    };
                    finder.index(&term.text, place);
                }
            }
        }
        finder.index_acronym_variants(matcher);
        for (concept, slot, term, surname) in matcher.surnames() {
            finder
                .listed
                .insert(half_hash(&fold_term(surname, CaseMode::Fold)));
            if !matcher.glossary().concepts()[concept].finds_unlisted() {
                continue;
            }
            let language = &matcher.glossary().concepts()[concept].languages[slot].language;
            let place = TermPlace {
                concept,
                language_index: matcher.language_index(language),
                language_slot: slot,
                term,
                surname: true,
                built: false,
            };
            finder.index(surname, place);
        }
        finder.surnames.sort_unstable();
        finder.short_word_concepts.sort_unstable();
        finder.short_word_concepts.dedup();
        finder.surnames.shrink_to_fit();
        finder.terms.shrink_to_fit();
        finder.texts.shrink_to_fit();
        finder.listed.seal();
        finder.listed_as_written.seal();
        finder.by_consonants.seal();
        finder.by_deletion.seal();
        finder
    }

    /// Indexes, for each name that holds another concept's acronym as a
    /// word (`ИГИЛ-Хорасан` holds `ИГИЛ`, an acronym of the Islamic State),
    /// the name with that word replaced by each other form of that concept
    /// in its language (`ИГ-Хорасан`, `Исламское государство-Хорасан`), as
    /// a spelling of the same term: newsrooms build such names from
    /// whichever acronym they use.
    fn index_acronym_variants(&mut self, matcher: &Matcher) {
        let concepts = matcher.glossary().concepts();
        // (language, folded acronym) -> (concept, language slot).
        let mut acronyms: HashMap<(usize, String), (usize, usize)> = HashMap::default();
        for (index, concept) in concepts.iter().enumerate() {
            for (slot, language_terms) in concept.languages.iter().enumerate() {
                let language = matcher.language_index(&language_terms.language);
                for term in &language_terms.terms {
                    if term.term_type == TermType::Acronym && term.status != Status::Deprecated {
                        let folded = fold_term(&term.text, CaseMode::Fold);
                        acronyms.entry((language, folded)).or_insert((index, slot));
                    }
                }
            }
        }
        if acronyms.is_empty() {
            return;
        }
        // Most words of names are longer than any acronym: they are not
        // folded to be looked up.
        let longest = acronyms.keys().map(|(_, folded)| folded.len()).max().unwrap_or(0);
        let mut variants: Vec<(String, TermPlace)> = Vec::new();
        for (index, concept) in concepts.iter().enumerate() {
            if !concept.finds_unlisted() {
                continue;
            }
            for (slot, language_terms) in concept.languages.iter().enumerate() {
                let language = matcher.language_index(&language_terms.language);
                for (term_index, term) in language_terms.terms.iter().enumerate() {
                    if term.case_sensitive || term.status == Status::Deprecated {
                        continue;
                    }
                    let text = term.text.as_str();
                    let term_words = words(text, std::slice::from_ref(&(0..text.len())));
                    if term_words.len() < 2 {
                        continue;
                    }
                    for word in term_words.iter().filter(|word| word.range.len() <= longest * 2) {
                        let folded = fold_term(&text[word.range.clone()], CaseMode::Fold);
                        let Some(&(other, other_slot)) = acronyms.get(&(language, folded)) else {
                            continue;
                        };
                        if other == index {
                            continue;
                        }
                        for form in &concepts[other].languages[other_slot].terms {
                            if form.status == Status::Deprecated || form.text == text[word.range.clone()] {
                                continue;
                            }
                            let variant = format!(
                                "{}{}{}",
                                &text[..word.range.start],
                                form.text,
                                &text[word.range.end..]
                            );
                            let place = TermPlace {
                                concept: index,
                                language_index: language,
                                language_slot: slot,
                                term: term_index,
                                surname: false,
                                built: true,
                            };
                            variants.push((variant, place));
                        }
                    }
                }
            }
        }
        for (variant, place) in variants {
            self.index(&variant, place);
        }
    }

    /// Reserves room for the matcher's terms at once, so that the tables
    /// never grow by copying: a copy holds the old table and the new one,
    /// twice its size, at the same time, and the finder's peak was that
    /// of its largest table's last doubling. What is reserved beyond what
    /// the terms take is never written, and is returned when sealed.
    fn reserve_for(&mut self, matcher: &Matcher) {
        let texts = matcher
            .glossary()
            .concepts()
            .iter()
            .flat_map(|c| &c.languages)
            .flat_map(|l| &l.terms)
            .map(|t| t.text.as_str())
            .chain(matcher.surnames().map(|(_, _, _, surname)| surname));
        let (mut count, mut bytes) = (0, 0);
        for text in texts {
            count += 1;
            bytes += text.len();
        }
        self.terms.reserve_exact(count);
        self.listed.sorted.reserve_exact(count);
        self.by_consonants.entries.reserve_exact(count);
        // A key and the letters are each about the text's length; a term
        // has fewer consonants (deletions) than bytes.
        self.texts.reserve_exact(2 * bytes);
        self.by_deletion.entries.reserve_exact(bytes);
        self.first_words = HashFilter::for_bytes(bytes);
        self.index_keys = HashFilter::for_bytes(2 * bytes);
    }

    /// Whether the concept has a short single-word form, whose unlisted
    /// spellings are looked for only after it is named.
    pub fn has_short_word(&self, concept: usize) -> bool {
        self.short_word_concepts.binary_search(&(concept as u32)).is_ok()
    }

    /// Whether the concept has surnames that may be spelled alone.
    pub fn has_surnames(&self, concept: usize) -> bool {
        let concept = concept as u32;
        let at = self.surnames.partition_point(|&(c, _)| c < concept);
        self.surnames.get(at).is_some_and(|&(c, _)| c == concept)
    }

    /// Indexes the term `text` (a listed form, or a surname alone) by its
    /// transliteration key, unless it is too long to be a name.
    fn index(&mut self, text: &str, place: TermPlace) {
        let term_words = words(text, std::slice::from_ref(&(0..text.len())));
        if term_words.len() > MAX_NAME_WORDS {
            return;
        }
        let (key, letters) = phrase_key(text, &term_words);
        let skeleton = consonants(&key);
        let consonant_count = skeleton.chars().count();
        let stem_key = self.inflection[place.language_index]
            .as_ref()
            .map(|rule| stem_key(text, &term_words, rule))
            .filter(|stem_key| *stem_key != key)
            .unwrap_or_default();
        let length = key.len() + letters.len() + stem_key.len();
        let too_long = length > usize::from(u16::MAX) || self.texts.len() + length > u32::MAX as usize;
        if consonant_count == 0 || consonant_count > MAX_NAME_CONSONANTS || too_long {
            return;
        }
        let id = self.terms.len() as u32;
        if place.surname {
            self.surnames.push((place.concept as u32, id));
        } else {
            self.index_keys(text, &term_words, &skeleton, id);
        }
        if !place.surname
            && term_words.len() == 1
            && term_words[0].cased_script
            && word_size(text, &skeleton) != WordSize::Long
        {
            self.short_word_concepts.push(place.concept as u32);
        }
        let texts_at = self.texts.len() as u32;
        self.texts.push_str(&key);
        self.texts.push_str(&letters);
        self.texts.push_str(&stem_key);
        self.terms.push(KeyedTerm {
            concept: place.concept as u32,
            language_index: place.language_index as u32,
            language_slot: place.language_slot as u16,
            term: place.term as u16,
            surname: place.surname,
            built: place.built,
            consonants: consonant_count as u16,
            words: term_words.len() as u16,
            letters_at: key.len() as u16,
            end: (key.len() + letters.len()) as u16,
            stem_key_end: length as u16,
            texts_at,
        });
    }

    /// Adds term `id` to the indexes that candidates are looked up in.
    fn index_keys(&mut self, text: &str, term_words: &[Word], skeleton: &str, id: u32) {
        if let Some(first) = first_consonant_word(text, term_words) {
            self.max_first_consonants = self.max_first_consonants.max(first.chars().count());
            for hash in with_deletions(&first) {
                self.first_words.insert(hash);
            }
        }
        self.max_consonants = self.max_consonants.max(skeleton.chars().count());
        self.by_consonants.add(hash_str(skeleton), id);
        self.index_keys.insert(hash_str(skeleton));
        for deleted in deletions(skeleton) {
            self.by_deletion.add(deleted, id);
            self.index_keys.insert(deleted);
        }
        self.max_words = self.max_words.max(term_words.len() + 1);
        if term_words.first().is_some_and(|word| !word.cased_script) {
            self.max_uncased_words = self.max_uncased_words.max(term_words.len() + 1);
        }
    }

    /// The unlisted spellings in the `pieces` of `text` at `threshold`
    /// confidence or more, leaving out what `mentions` already cover.
    /// Spellings of a surname alone are looked for only among the surnames
    /// of `named`, the concepts (sorted) the document has named in full, and
    /// short single words only where `named` holds a concept with a short
    /// single-word form.
    pub fn find(
        &self,
        text: &str,
        pieces: &[Range<usize>],
        filter: &LanguageFilter,
        mentions: &[Mention],
        named: &[usize],
        threshold: f32,
    ) -> Vec<Unlisted> {
        let surname_ids: Vec<u32> = named
            .iter()
            .flat_map(|&concept| {
                let concept = concept as u32;
                let first = self.surnames.partition_point(|&(c, _)| c < concept);
                self.surnames[first..]
                    .iter()
                    .take_while(move |&&(c, _)| c == concept)
                    .map(|&(_, id)| id)
            })
            .collect();
        let short_words = named.iter().any(|&concept| self.has_short_word(concept));
        let inflection = (0..self.inflection.len())
            .filter(|&index| filter.applies_to(index))
            .find_map(|index| self.inflection[index].as_ref());
        let filter_id = filter.fingerprint();
        let mut found = Vec::new();
        for chunk in chunks(text, pieces, CHUNK_BYTES) {
            // Mentions are in text order: skip those before the chunk.
            let start = chunk.first().map_or(0, |piece| piece.start);
            let first = mentions.partition_point(|m| m.range.end <= start);
            let search = Search {
                filter,
                mentions: &mentions[first..],
                surname_ids: &surname_ids,
                short_words,
                threshold,
                inflection,
                filter_id,
            };
            found.extend(self.find_in_chunk(text, &chunk, &search));
        }
        found
    }

    /// [`Self::find`] on pieces that no name crosses the edges of.
    fn find_in_chunk(&self, text: &str, pieces: &[Range<usize>], search: &Search) -> Vec<Unlisted> {
        let Search {
            mentions,
            surname_ids,
            threshold,
            ..
        } = *search;
        // A lower-case word is part of no name unless it is a particle or
        // conjunction, or in a listed mention (`Исламского государства`).
        let mut next_mention = 0;
        let words = words_where(text, pieces, |range, word| {
            while next_mention < mentions.len() && mentions[next_mention].range.end <= range.start {
                next_mention += 1;
            }
            mentions
                .get(next_mention)
                .is_some_and(|m| m.range.start < range.end)
                || is_particle_word(word, true)
        });
        let covered = covering_mentions(&words, mentions);
        // Keys are computed only for words that may be part of a name.
        let mut cached: Vec<Option<CachedWord>> = vec![None; words.len()];
        let mut found = Vec::new();
        for start in 0..words.len() {
            let opens = starts_name(text, &words[start]) || opens_with_particle(text, &words, start);
            // A name written with a lower-case particle (`al-Aqsa`) starts at
            // the particle: the span then covers it, and a fix writes the
            // particle once.
            let after_particle = start > 0 && opens_with_particle(text, &words, start - 1);
            // A phrase may open with a listed mention, hold more, and go on
            // past them (`Islamic State of Khorasan Province` holds the
            // listed `Islamic State` and `Khorasan`): it is then a longer
            // name, unlisted, whose listed parts are spelled as listed. So
            // may a phrase that opens with an unlisted word (`Вилоят
            // Хорасан` holds the listed `Хорасан`): `ListedParts::fit`
            // keeps a word before a listed name (`The Islamic State`) from
            // passing for one.
            let phrase_start = words[start].range.start;
            let starts_mention = covered[start].is_none_or(|m| mentions[m].range.start == phrase_start);
            if !starts_mention || !opens || after_particle {
                continue;
            }
            if !self.cached_word(&mut cached, text, &words, start).may_start {
                continue;
            }
            // The words of the phrase so far, whose keys are in `cached`.
            let mut phrase: Vec<usize> = Vec::new();
            let mut listed = ListedParts::default();
            let max_words = match words[start].cased_script {
                true => self.max_words,
                false => self.max_uncased_words,
            };
            for end in start..(start + max_words).min(words.len()) {
                // A mention's own words go on even in lower case
                // (`Исламского государства Хорасан`).
                let within_mention =
                    end > start && covered[end].is_some() && covered[end] == covered[end - 1];
                if end > start && !within_mention && !continues_name(text, &words[end - 1], &words[end]) {
                    break;
                }
                if covered[end].is_some() && covered[start].is_none() && !words[start].cased_script {
                    // In a script without case any word may open a name, and
                    // most words before a listed name are no part of it.
                    break;
                }
                self.cached_word(&mut cached, text, &words, end);
                phrase.push(end);
                if let Some(m) = covered[end] {
                    let mention = &mentions[m];
                    listed.words += 1;
                    if words[end].range.start <= mention.range.start || end == start {
                        listed.push(mention.range.clone());
                    }
                    if words[end].range.end < mention.range.end {
                        continue; // no phrase ends inside a mention
                    }
                }
                if !ends_name(text, &words[end]) {
                    continue;
                }
                let span = &words[start..=end];
                if listed.is_exactly(span[0].range.start..span[span.len() - 1].range.end) {
                    continue; // a listed mention, declined or not, is no spelling
                }
                let key = join_keys(phrase.iter().filter_map(|&i| cached[i].as_ref().map(|c| &*c.key)));
                // A phrase that opens with an unlisted word and holds listed
                // ones fits only a term of its very key: looked up at once,
                // not among the terms one edit away.
                let exact = covered[start].is_none() && listed.words > 0;
                let phrase = Phrase {
                    span,
                    key: &key,
                    stems: None,
                };
                let best = match span.len() == 1 && covered[start].is_none() {
                    true => self.single_word_match(text, &phrase, search),
                    false => self
                        .match_key(text, &phrase, search, &listed, exact)
                        .or_else(|| self.declined_match(text, span, &key, search, &listed, exact)),
                };
                if let Some(best) = best.filter(|best| best.confidence >= threshold) {
                    found.push(best);
                }
            }
        }
        if !surname_ids.is_empty() {
            found.extend(self.surname_spellings(text, &words, &covered, &mut cached, search));
        }
        keep_best_disjoint(found)
    }

    /// [`Self::match_key`] (then [`Self::declined_match`]) for a single word
    /// outside any mention, from the thread's cache where the word was
    /// looked up before in a search of the same language: prose repeats its
    /// capitalized words, and most of them are near some term's key.
    fn single_word_match(&self, text: &str, phrase: &Phrase, search: &Search) -> Option<Unlisted> {
        let word = &phrase.span[0];
        let slice = &text[word.range.clone()];
        let caches = self.single_word_cache.get_or(Default::default);
        let settings = (search.filter_id, search.short_words);
        let index = usize::from(word.hyphen_after);
        if let Some(hit) = caches.borrow()[index]
            .get(slice)
            .filter(|hit| hit.search == settings)
        {
            return hit.found.clone().map(|found| Unlisted {
                range: word.range.clone(),
                ..found
            });
        }
        let listed = ListedParts::default();
        let found = self
            .match_key(text, phrase, search, &listed, false)
            .or_else(|| self.declined_match(text, phrase.span, phrase.key, search, &listed, false));
        let cache = &mut caches.borrow_mut()[index];
        if cache.len() >= WORD_CACHE_LIMIT {
            cache.clear();
        }
        let entry = SingleWordMatch {
            search: settings,
            found: found.clone(),
        };
        cache.insert(slice.to_string(), entry);
        found
    }

    /// Spellings of the surnames `search.surname_ids` alone: a capitalized
    /// word not in a mention, or a lower-case particle and the word it is
    /// joined to (`al-Bagdadi`).
    fn surname_spellings(
        &self,
        text: &str,
        words: &[Word],
        covered: &[Option<usize>],
        cached: &mut [Option<CachedWord>],
        search: &Search,
    ) -> Vec<Unlisted> {
        let mut found = Vec::new();
        for start in 0..words.len() {
            let particle = opens_with_particle(text, words, start);
            let after_particle = start > 0 && opens_with_particle(text, words, start - 1);
            if covered[start].is_some() || after_particle || !(particle || starts_name(text, &words[start])) {
                continue;
            }
            let end = if particle { start + 1 } else { start };
            if covered[end].is_some() {
                continue;
            }
            let span = &words[start..=end];
            // The words' keys from the chunk's cache: most capitalized
            // words were keyed by the search for full names already.
            let keys: Vec<Arc<str>> = (start..=end)
                .map(|i| self.cached_word(cached, text, words, i).key.clone())
                .collect();
            let key = join_keys(keys.iter().map(|key| &**key));
            let listed = ListedParts::default();
            let phrase = Phrase {
                span,
                key: &key,
                stems: None,
            };
            let best = self.best_match(text, &phrase, search, &listed, Some(search.surname_ids));
            found.extend(best.filter(|best| best.confidence >= search.threshold));
        }
        found
    }

    /// The concept with a term (of an applicable language) whose key is `key`.
    pub fn concept_with_key(&self, key: &str, filter: &LanguageFilter) -> Option<usize> {
        self.by_consonants
            .get(hash_str(&consonants(key)))
            .map(|id| &self.terms[id as usize])
            .find(|term| term.key(&self.texts) == key && filter.applies_to(term.language_index as usize))
            .map(|term| term.concept as usize)
    }

    /// Whether `spelling` folds like a listed form of any concept.
    pub fn is_listed(&self, spelling: &str) -> bool {
        self.listed
            .contains(half_hash(&fold_term(spelling, CaseMode::Fold)))
    }

    /// The key of a word and whether it may start a name, from the cache.
    /// Word `i` of `words` as [`Self::word`] gives it, kept in `cached`
    /// for the rest of the chunk: read in place, not copied.
    fn cached_word<'c>(
        &self,
        cached: &'c mut [Option<CachedWord>],
        text: &str,
        words: &[Word],
        i: usize,
    ) -> &'c CachedWord {
        cached[i].get_or_insert_with(|| self.word(&text[words[i].range.clone()], words[i].hyphen_after))
    }

    fn word(&self, word: &str, hyphen_after: bool) -> CachedWord {
        let caches = self.word_cache.get_or(Default::default);
        let cache = &mut caches.borrow_mut()[usize::from(hyphen_after)];
        if let Some(hit) = cache.get(word) {
            return hit.clone();
        }
        let key = word_key(&fold_term(word, CaseMode::Fold), hyphen_after);
        let entry = CachedWord {
            may_start: self.may_start(&key),
            key: Arc::from(key),
        };
        if cache.len() >= WORD_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.to_string(), entry.clone());
        entry
    }

    fn may_start(&self, first_key: &str) -> bool {
        let skeleton = consonants(first_key);
        skeleton.is_empty()
            || (skeleton.chars().count() <= self.max_first_consonants + 1
                && with_deletions(&skeleton).any(|k| self.first_words.may_contain(k)))
    }

    /// The closest term for the candidate `span`, if close enough.
    /// `listed` are the mentions the span holds: a term it may be a
    /// spelling of holds each of them unchanged, and more words.
    fn best_match(
        &self,
        text: &str,
        phrase: &Phrase,
        search: &Search,
        listed: &ListedParts,
        candidates: Option<&[u32]>,
    ) -> Option<Unlisted> {
        let Phrase { span, key, stems } = *phrase;
        let range = span[0].range.start..span[span.len() - 1].range.end;
        let slice = &text[range.clone()];
        let filter = search.filter;
        let skeleton = consonants(key);
        if candidates.is_none() && skeleton.chars().count() > self.max_consonants + 1 {
            return None;
        }
        let single = span.len() == 1;
        let size = match single {
            true => word_size(stems.map_or(slice, |(stems, _)| stems), &skeleton),
            false => WordSize::Long,
        };
        let short = size != WordSize::Long;
        // Not in a script without case, where no capital letter tells a
        // name from the many short words of the language.
        if short && (size == WordSize::TooShort || !search.short_words || !span[0].cased_script) {
            return None;
        }
        // The terms near the key, by the index; then those within the key
        // distance: most phrases have none, and are left before anything
        // is folded.
        let ids = match candidates {
            Some(ids) => ids.to_vec(),
            None => self.lookup(&skeleton),
        };
        let candidate_script = script(slice);
        let near: Vec<(u32, f32)> = ids
            .into_iter()
            .filter_map(|id| {
                let term = &self.terms[id as usize];
                if single && term.words != 1 {
                    return None;
                }
                // A concept with no form in the document's language is
                // compared with its forms of other languages in the
                // spelling's script (`القاعده` in Persian, `القاعدة` in
                // Arabic), and a Cyrillic spelling with its Latin forms too,
                // read in Latin; not a short word, of which five letters of
                // another language say too little.
                // (A form of a language that applies is compared in its own
                // script only: where every language applies, in a document
                // of no known language, a Cyrillic word is no spelling of a
                // Latin form.)
                let other_language = !filter.applies_to(term.language_index as usize);
                let term_script = script(term.letters(&self.texts));
                if other_language
                    && (short
                        || self.has_form_for(term.concept as usize, filter)
                        || !comparable_scripts(candidate_script, term_script))
                {
                    return None;
                }
                if !other_language && term_script != candidate_script {
                    return None;
                }
                let allowed = if usize::from(term.consonants) >= MIN_CONSONANTS_FOR_EDIT {
                    1.0
                } else {
                    0.5
                };
                let distance = key_distance(key, phrase.term_key(term, &self.texts));
                (distance <= allowed).then_some((id, distance))
            })
            .collect();
        if near.is_empty() || self.is_listed_spelling(slice, &near, filter) {
            return None;
        }
        let letters: String = match stems {
            Some((stems, _)) => stems.to_string(),
            None => span
                .iter()
                .map(|w| fold_term(&text[w.range.clone()], CaseMode::Fold))
                .collect(),
        };
        let mut latin_letters: Option<String> = None;
        let mut best: Option<Unlisted> = None;
        let mut best_built = false;
        for (id, distance) in near {
            let term = &self.terms[id as usize];
            let term_letters = term.letters(&self.texts);
            // A declined word is compared with the term's stem.
            let term_letters = match stems {
                Some((_, rule)) if single => rule.phrase_stem(term_letters),
                _ => term_letters,
            };
            let across_scripts = script(term_letters) != candidate_script;
            if !listed.fit(text, term, &self.texts, distance == 0.0, search.inflection) {
                continue;
            }
            let letters = match across_scripts {
                true => latin_letters.get_or_insert_with(|| to_latin(&letters)).as_str(),
                false => letters.as_str(),
            };
            if is_derived(letters, term_letters)
                || (single && word_shape(letters) != word_shape(term_letters))
                || (short && !same_ends(letters, term_letters))
            {
                continue;
            }
            let similarity = strsim::normalized_levenshtein(letters, term_letters);
            let needed = match short {
                true => MIN_SHORT_WORD_SIMILARITY,
                false => MIN_SPELLING_SIMILARITY,
            };
            if similarity < needed {
                continue;
            }
            if !term.built && self.is_inflected(text, span, term.language_index as usize, term_letters) {
                // The listed form with case endings: a mention of it (a
                // built name is not listed, declined or not).
                return None;
            }
            let confidence = confidence(distance, usize::from(term.consonants), similarity);
            if best.as_ref().is_none_or(|b| confidence > b.confidence) {
                best_built = term.built;
                best = Some(Unlisted {
                    range: range.clone(),
                    concept: term.concept as usize,
                    language: usize::from(term.language_slot),
                    nearest: usize::from(term.term),
                    confidence,
                    surname: term.surname,
                    needs_context: short,
                });
            }
        }
        // Last, as it is the dearest test and most candidates fail the others.
        best.filter(|_| !is_common_phrase(text, span, filter.common_words(), best_built))
    }

    /// [`Self::best_match`] for a phrase in a language whose names take
    /// case endings, compared without them (`Рахматуллой Норузовым`, the
    /// instrumental of an unlisted `Рахматулла Норузов`).
    fn declined_match(
        &self,
        text: &str,
        span: &[Word],
        key: &str,
        search: &Search,
        listed: &ListedParts,
        exact: bool,
    ) -> Option<Unlisted> {
        let rule = search.inflection?;
        let phrase = span.len() > 1;
        let mut stems = String::new();
        let keys: Vec<String> = span
            .iter()
            .map(|w| {
                let folded = fold_term(&text[w.range.clone()], CaseMode::Fold);
                let stem = rule.strip_declined_ending(&folded, phrase).unwrap_or(&folded);
                stems.push_str(stem);
                word_key(stem, w.hyphen_after)
            })
            .collect();
        let stripped = join_keys(keys.iter().map(String::as_str));
        if stripped == key {
            return None;
        }
        let phrase = Phrase {
            span,
            key: &stripped,
            stems: Some((&stems, rule)),
        };
        self.match_key(text, &phrase, search, listed, exact)
    }

    /// [`Self::best_match`] among the terms near `key`, or with `exact`
    /// among those whose key is `key`.
    fn match_key(
        &self,
        text: &str,
        phrase: &Phrase,
        search: &Search,
        listed: &ListedParts,
        exact: bool,
    ) -> Option<Unlisted> {
        let key = phrase.key;
        if !exact {
            return self.best_match(text, phrase, search, listed, None);
        }
        let skeleton = hash_str(&consonants(key));
        if !self.index_keys.may_contain(skeleton) {
            return None;
        }
        let ids: Vec<u32> = self
            .by_consonants
            .get(skeleton)
            .filter(|&id| phrase.term_key(&self.terms[id as usize], &self.texts) == key)
            .collect();
        if ids.is_empty() {
            return None;
        }
        self.best_match(text, phrase, search, listed, Some(&ids))
    }

    /// Whether `slice` is a listed form rather than a spelling of the
    /// `near` terms: it folds like one, and unless each of them is of
    /// another language (its concept having none in the document's), as
    /// written too.
    fn is_listed_spelling(&self, slice: &str, near: &[(u32, f32)], filter: &LanguageFilter) -> bool {
        if !self.listed.contains(half_hash(&fold_term(slice, CaseMode::Fold))) {
            return false;
        }
        let in_document_language =
            |&(id, _): &(u32, f32)| filter.applies_to(self.terms[id as usize].language_index as usize);
        near.iter().any(in_document_language)
            || self.listed_as_written.contains(half_hash(&slice.to_lowercase()))
    }

    /// Whether the concept has forms in a glossary language that applies
    /// to the document.
    fn has_form_for(&self, concept: usize, filter: &LanguageFilter) -> bool {
        let bits = self.concept_languages.get(concept).copied().unwrap_or(u64::MAX);
        bits == u64::MAX || (0..64).any(|index| bits & (1 << index) != 0 && filter.applies_to(index))
    }

    /// Whether the words of `span` are a listed term of the language with
    /// this index, inflected (see [`is_inflected_form`]).
    fn is_inflected(&self, text: &str, span: &[Word], language_index: usize, term_letters: &str) -> bool {
        let Some(Some(rule)) = self.inflection.get(language_index) else {
            return false;
        };
        let words: Vec<String> = span
            .iter()
            .map(|w| fold_term(&text[w.range.clone()], CaseMode::Fold))
            .collect();
        is_inflected_form(&words, term_letters, rule)
    }

    /// Terms whose consonants are within one edit of `skeleton`.
    fn lookup(&self, skeleton: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::new();
        for key in with_deletions(skeleton).filter(|&key| self.index_keys.may_contain(key)) {
            ids.extend(self.by_consonants.get(key));
            ids.extend(self.by_deletion.get(key));
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Whether a spelling in script `spelling` may be compared with a form in
/// script `form`: in the same script, or a Cyrillic spelling with a Latin
/// form, which it is read in (see [`to_latin`]).
fn comparable_scripts(spelling: Option<Script>, form: Option<Script>) -> bool {
    spelling == form || (spelling == Some(Script::Cyrillic) && form == Some(Script::Latin))
}

/// How a single word measures (in letters of the text, consonants of the
/// key) against the length a lone name needs.
fn word_size(slice: &str, skeleton: &str) -> WordSize {
    let letters = slice.chars().filter(|c| crate::text::is_letter(*c)).count();
    let consonants = skeleton.chars().count();
    if letters < MIN_SHORT_WORD_LETTERS || consonants < MIN_SHORT_WORD_CONSONANTS {
        WordSize::TooShort
    } else if letters < MIN_SINGLE_WORD_LETTERS || consonants < MIN_SINGLE_WORD_CONSONANTS {
        WordSize::Short
    } else {
        WordSize::Long
    }
}

/// How a single word measures against what a lone name needs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordSize {
    /// Long enough to be looked at anywhere.
    Long,
    /// Looked at only where the document names the concept.
    Short,
    /// Not looked at.
    TooShort,
}

/// Whether two words open and end with the same letter: a short word that
/// changes its last vowel is another word or another ending (`Europa`,
/// `Sunna`), not another romanization.
fn same_ends(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next() && a.chars().next_back() == b.chars().next_back()
}

/// Keeps the short single-word spellings (`Da'ish`) of concepts that the
/// document also names by a listed form; the others are dropped.
/// `mentions` are the document's listed mentions. (Short words are looked
/// up only once the document has named such a concept, in an earlier
/// passage or the same one: see [`UnlistedFinder::find`].)
pub fn anchor_short_words(mentions: &[Mention], unlisted: &mut Vec<Unlisted>) {
    if !unlisted.iter().any(|u| u.needs_context) {
        return;
    }
    let named: rustc_hash::FxHashSet<usize> = mentions
        .iter()
        .filter(|m| !m.surname)
        .map(|m| m.concept)
        .collect();
    unlisted.retain(|u| !u.needs_context || named.contains(&u.concept));
}

/// The shape of a folded word as written: its consonant letters without
/// doubling, each vowel as `V`, and no final `h` (`х`) after a vowel. A
/// single word may differ from a term only in which vowels it writes, in
/// doubled letters and in a final `h`: with no other words around it,
/// `German` must not pass for `Kerman` (g/k), nor `Korean` for `Koran` (an
/// extra vowel), though such differences are romanizations of one name in
/// longer names. Cyrillic vowels count as Latin ones (`Хизбалла`,
/// `Хезболла`). Arabic script writes short vowels not at all and long ones
/// now and then (`تاجکستان`, `تاجیکستان`): its vowel letters are left out.
fn word_shape(letters: &str) -> String {
    let letters = match letters.strip_suffix('h').or_else(|| letters.strip_suffix('х')) {
        Some(rest) if rest.ends_with(is_vowel) => rest,
        _ => letters,
    };
    let mut out = String::with_capacity(letters.len());
    for c in letters.chars() {
        if is_arabic_vowel_letter(c) {
            continue;
        }
        if is_vowel(c) {
            out.push('V');
        } else if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A vowel letter of a folded Latin or Cyrillic word.
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я'
    )
}

/// A letter Arabic script writes a long vowel with (alef, waw, yeh in
/// their forms), which a spelling may leave out.
fn is_arabic_vowel_letter(c: char) -> bool {
    matches!(c, 'ا' | 'آ' | 'أ' | 'إ' | 'و' | 'ی' | 'ي' | 'ى')
}

/// Whether `words` (folded) are the letters of a listed term, some of them
/// with a case ending of `rule` (`Касема Сулеймани` for `Касем Сулеймани`,
/// `Хузайфы` for `Хузайфа`, whose `а` the ending replaces).
fn is_inflected_form(words: &[String], term_letters: &str, rule: &InflectionRule) -> bool {
    let Some((word, others)) = words.split_first() else {
        return term_letters.is_empty();
    };
    if let Some(rest) = term_letters.strip_prefix(word.as_str()) {
        if is_inflected_form(others, rest, rule) {
            return true;
        }
    }
    rule.endings.iter().any(|ending| {
        let Some(stem) = word.strip_suffix(ending.as_str()).filter(|stem| !stem.is_empty()) else {
            return false;
        };
        let Some(rest) = term_letters.strip_prefix(stem) else {
            return false;
        };
        is_inflected_form(others, rest, rule)
            || rule.replaces.iter().any(|letter| {
                rest.strip_prefix(letter.as_str())
                    .is_some_and(|rest| is_inflected_form(others, rest, rule))
            })
    })
}

/// Whether `letters` is `term` with a derivational or plural ending.
fn is_derived(letters: &str, term: &str) -> bool {
    letters
        .strip_prefix(term)
        .is_some_and(|ending| DERIVATIONAL_ENDINGS.contains(&ending))
}

/// Confidence from the key distance, relative to the length of the name
/// (one edit matters less in a long name), and the spelling similarity.
fn confidence(distance: f32, consonants: usize, similarity: f64) -> f32 {
    let from_key = 1.0 - distance / (1.0 + consonants as f32 / 2.0);
    (0.6 * from_key + 0.4 * similarity as f32).clamp(0.0, 1.0)
}

/// The key of a listed term's words each without its nominative ending
/// (see [`InflectionRule::phrase_stem`]).
fn stem_key(text: &str, term_words: &[Word], rule: &InflectionRule) -> String {
    let keys: Vec<String> = term_words
        .iter()
        .map(|w| {
            word_key(
                rule.phrase_stem(&fold_term(&text[w.range.clone()], CaseMode::Fold)),
                w.hyphen_after,
            )
        })
        .collect();
    join_keys(keys.iter().map(String::as_str))
}

/// The key and the folded letters (no separators) of a phrase.
fn phrase_key(text: &str, phrase: &[Word]) -> (String, String) {
    let keys: Vec<String> = phrase
        .iter()
        .map(|w| word_key(&fold_term(&text[w.range.clone()], CaseMode::Fold), w.hyphen_after))
        .collect();
    let letters = phrase
        .iter()
        .map(|w| fold_term(&text[w.range.clone()], CaseMode::Fold))
        .collect();
    (join_keys(keys.iter().map(String::as_str)), letters)
}

/// The consonants of the first word of a term that has any.
fn first_consonant_word(text: &str, phrase: &[Word]) -> Option<String> {
    phrase
        .iter()
        .map(|w| {
            consonants(&word_key(
                &fold_term(&text[w.range.clone()], CaseMode::Fold),
                w.hyphen_after,
            ))
        })
        .find(|c| !c.is_empty())
}

/// For each word, the mention it overlaps, if any (both lists are in text
/// order).
fn covering_mentions(words: &[Word], mentions: &[Mention]) -> Vec<Option<usize>> {
    let mut next = 0;
    words
        .iter()
        .map(|word| {
            while next < mentions.len() && mentions[next].range.end <= word.range.start {
                next += 1;
            }
            mentions
                .get(next)
                .is_some_and(|m| m.range.start < word.range.end)
                .then_some(next)
        })
        .collect()
}

/// The hashes of `skeleton` with each of its letters deleted in turn (none
/// for a skeleton of one letter), made without building the strings: the
/// index holds millions of them for a large glossary.
fn deletions(skeleton: &str) -> impl Iterator<Item = u64> + '_ {
    // Each deletion's hash is made from the hashes of the part before it
    // and of the part after it (the hash is polynomial): time linear in
    // the skeleton, where hashing every deletion anew was quadratic (a
    // Persian text makes a candidate of every phrase).
    let chars: Vec<char> = skeleton.chars().collect();
    let count = if chars.len() >= 2 { chars.len() } else { 0 };
    let mut prefixes = Vec::with_capacity(count + 1);
    prefixes.push(0u64);
    for &c in &chars[..count] {
        let last = *prefixes.last().unwrap_or(&0);
        prefixes.push(extend_hash(last, c));
    }
    let mut suffixes = vec![0u64; count + 1];
    let mut power = 1u64;
    let mut powers = vec![1u64; count + 1];
    for i in (0..count).rev() {
        suffixes[i] = suffixes[i + 1].wrapping_add(char_value(chars[i]).wrapping_mul(power));
        power = power.wrapping_mul(HASH_BASE);
        powers[i] = power;
    }
    (0..count).map(move |skip| {
        // The part after `skip` has `count - skip - 1` characters.
        let after = powers[skip + 1];
        finish_hash(
            prefixes[skip]
                .wrapping_mul(after)
                .wrapping_add(suffixes[skip + 1]),
        )
    })
}

/// The hash of `skeleton` followed by those of its deletions.
fn with_deletions(skeleton: &str) -> impl Iterator<Item = u64> + '_ {
    std::iter::once(hash_str(skeleton)).chain(deletions(skeleton))
}

/// The upper half of a key's hash: what the sets of first words and of
/// listed forms keep, at half the memory. Two keys that share it count as
/// one: a word more looked at, or (about once in four billion) a spelling
/// taken as listed and not reported.
fn upper_half(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// The upper half of the hash of `key`.
fn half_hash(key: &str) -> u32 {
    upper_half(hash_str(key))
}

/// The 64-bit hash under which a key is indexed. Two keys may share one
/// (about once in 10^13 lookups for a million keys): a term found through
/// a shared hash is still measured against the candidate before it is
/// kept, and a spelling taken for listed by a shared hash is only a missed
/// suggestion.
fn hash_str(key: &str) -> u64 {
    finish_hash(key.chars().fold(0, extend_hash))
}

/// The odd multiplier of the polynomial hash of keys.
const HASH_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// A character's term in the polynomial hash: never zero, so that a
/// character always counts.
fn char_value(c: char) -> u64 {
    u64::from(c) + 1
}

/// The polynomial hash of a key followed by `c`, before [`finish_hash`].
fn extend_hash(hash: u64, c: char) -> u64 {
    hash.wrapping_mul(HASH_BASE).wrapping_add(char_value(c))
}

/// Mixes a polynomial hash so that its upper and lower halves both vary
/// with every character (the finalizer of MurmurHash3).
fn finish_hash(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// Term ids by key hash, in one sorted array: no string and no list per
/// key (a 100,000-concept glossary has over a million deletion keys). Each
/// entry is the upper half of the key's hash and the id, packed in one
/// `u64`; two keys that share the half only bring a term more to compare
/// (candidates are always measured against the term's key).
#[derive(Default)]
struct KeyIndex {
    entries: Vec<u64>,
}

impl KeyIndex {
    fn add(&mut self, hash: u64, id: u32) {
        self.entries
            .push(u64::from(upper_half(hash)) << 32 | u64::from(id));
    }

    /// Sorts the entries once all are added; [`KeyIndex::get`] needs it.
    fn seal(&mut self) {
        self.entries.sort_unstable();
        self.entries.dedup();
        self.entries.shrink_to_fit();
    }

    /// The ids indexed under `hash`.
    fn get(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let half = u64::from(upper_half(hash));
        let start = self.entries.partition_point(|&entry| entry >> 32 < half);
        self.entries[start..]
            .iter()
            .take_while(move |&&entry| entry >> 32 == half)
            .map(|&entry| entry as u32)
    }
}

/// A set of half-hashes (see [`upper_half`]) in one sorted array: half
/// the memory of a hash set, for a lookup of a few more steps.
#[derive(Default)]
struct HalfHashes {
    sorted: Vec<u32>,
}

impl HalfHashes {
    fn insert(&mut self, half: u32) {
        self.sorted.push(half);
    }

    /// Sorts the set once all is inserted; [`HalfHashes::contains`] needs it.
    fn seal(&mut self) {
        self.sorted.sort_unstable();
        self.sorted.dedup();
        self.sorted.shrink_to_fit();
    }

    fn contains(&self, half: u32) -> bool {
        self.sorted.binary_search(&half).is_ok()
    }
}

/// A set of key hashes that may answer "yes" for a key it does not hold
/// (about one time in a hundred), never "no" for one it holds: a bit array
/// with two bits set per key. The set of first words is asked about every
/// new word of the text; this answers in two memory reads, in a fraction of
/// the memory of a hash set. A wrong "yes" only has a word looked up.
#[derive(Default)]
struct HashFilter {
    bits: Vec<u64>,
}

impl HashFilter {
    /// An empty filter for keys made from `bytes` bytes of terms: a term's
    /// first word has fewer deletions than the term has bytes, so there
    /// are at least four bits a key, about 16 on names (1.4 % wrong
    /// answers).
    fn for_bytes(bytes: usize) -> Self {
        let bits = (bytes * 4).next_power_of_two().max(64);
        HashFilter {
            bits: vec![0; bits / 64],
        }
    }

    fn insert(&mut self, hash: u64) {
        if self.bits.is_empty() {
            *self = HashFilter::for_bytes(0);
        }
        for bit in self.positions(hash) {
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    fn may_contain(&self, hash: u64) -> bool {
        !self.bits.is_empty()
            && self
                .positions(hash)
                .into_iter()
                .all(|bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// The two bits of a hash: its upper half, and its lower half mixed
    /// (the lower bits of an Fx hash are its weakest).
    fn positions(&self, hash: u64) -> [usize; 2] {
        let mask = (self.bits.len() * 64).saturating_sub(1);
        let second = u64::from(hash as u32).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32;
        [(hash >> 32) as usize & mask, second as usize & mask]
    }
}

/// Whether the terms of a concept of no kind name a name, whose other
/// spellings are worth looking for: judged by the preferred term (its
/// variants may be misspellings of anything), a word of which is
/// capitalized (or in a script without case), and which is not common
/// words of its language or an identifier. A glossary of a team's
/// vocabulary lists `inactivity`, `Finish`, `Advanced Properties` and
/// `XmlMaps`; the words near them are other words.
fn names_a_name(terms: &LanguageTerms) -> bool {
    let Some(term) = terms
        .terms
        .iter()
        .find(|t| t.status == Status::Preferred)
        .or(terms.terms.first())
    else {
        return false;
    };
    let text = term.text.as_str();
    let term_words = words(text, std::slice::from_ref(&(0..text.len())));
    term_words.iter().any(|w| w.capitalized || !w.cased_script)
        && !is_common_phrase(
            text,
            &term_words,
            CommonWords::for_language(&terms.language),
            false,
        )
}

/// Whether the words of `span` are words of the text's language rather
/// than a name: one is an identifier (`DataType`, `utf8`), or every one is
/// a common word and none a particle joined to the next (`as-Sham` is a
/// name although `as` and `sham` are words).
fn is_common_phrase(text: &str, span: &[Word], common: Option<&CommonWords>, built: bool) -> bool {
    let slices = || span.iter().map(|w| (w, &text[w.range.clone()]));
    if slices().any(|(_, word)| is_identifier(word)) {
        return true;
    }
    // An acronym beside other words (`VBA Add-In`, `Enable DDE`) names a
    // thing of the text's domain; a name in capitals is all capitals. Not
    // where the name is one built from an acronym (`ИГ-Хорасан`).
    if !built
        && span.len() > 1
        && slices().any(|(_, word)| is_acronym(word))
        && !slices().all(|(_, word)| is_acronym(word))
    {
        return true;
    }
    common.is_some_and(|common| {
        slices().all(|(w, word)| {
            common.contains(word)
                && !(w.hyphen_after && is_name_particle(&fold_term(word, CaseMode::Fold), false))
        })
    })
}

/// A word that may start or end a name: capitalized (in a script with case)
/// and more than one letter (`A` is an article, not a name, nor the Persian
/// and Arabic `و`, "and", one letter of two bytes).
fn starts_name(text: &str, word: &Word) -> bool {
    (word.capitalized || !word.cased_script) && text[word.range.clone()].chars().nth(1).is_some()
}

fn ends_name(text: &str, word: &Word) -> bool {
    starts_name(text, word)
}

/// Whether word `index` is a lower-case particle joined by a hyphen to a
/// word that may start a name (`al-Qaeda`, `ad-Din`): the house style of
/// many glossaries, and of the names' own romanizations.
fn opens_with_particle(text: &str, words: &[Word], index: usize) -> bool {
    let (word, next) = (&words[index], words.get(index + 1));
    word.hyphen_after
        && !word.capitalized
        && next.is_some_and(|next| starts_name(text, next))
        && is_particle_word(&text[word.range.clone()], false)
}

/// Whether a word of the text is a name particle ([`is_name_particle`]).
/// No particle has more than [`MAX_PARTICLE_LETTERS`]: longer words, most
/// of those a name is followed by, are not folded to be looked up.
fn is_particle_word(word: &str, conjunctions: bool) -> bool {
    // Lower-case ASCII or basic Cyrillic, most words of most texts, is its
    // own folding.
    if word
        .chars()
        .all(|c| c.is_ascii_lowercase() || ('а'..='я').contains(&c))
    {
        return is_name_particle(word, conjunctions);
    }
    let letters = word.chars().filter(|&c| crate::text::is_letter(c));
    letters.take(MAX_PARTICLE_LETTERS + 1).count() <= MAX_PARTICLE_LETTERS
        && is_name_particle(&fold_term(word, CaseMode::Fold), conjunctions)
}

/// Whether `next` may continue a name that `previous` is part of.
fn continues_name(text: &str, previous: &Word, next: &Word) -> bool {
    previous.joined_to_next
        && (next.capitalized || !next.cased_script || is_particle_word(&text[next.range.clone()], true))
}

/// Keeps the most confident (then longest) of overlapping candidates, in
/// text order; a surname alone only where no other candidate overlaps it.
fn keep_best_disjoint(mut found: Vec<Unlisted>) -> Vec<Unlisted> {
    // A spelling of a surname alone yields to a spelling of a whole name
    // that contains it (`Qasim Sulaimani`): it may only stand where no
    // whole name does.
    found.sort_by(|a, b| {
        a.surname
            .cmp(&b.surname)
            .then(b.confidence.total_cmp(&a.confidence))
            .then((b.range.end - b.range.start).cmp(&(a.range.end - a.range.start)))
            .then(a.range.start.cmp(&b.range.start))
    });
    // Kept ranges by start. They are disjoint, so the only one that can
    // overlap a candidate is the last that starts before the candidate ends.
    let mut kept: BTreeMap<usize, Unlisted> = BTreeMap::new();
    for candidate in found {
        let overlaps = kept
            .range(..candidate.range.end)
            .next_back()
            .is_some_and(|(_, k)| k.range.end > candidate.range.start);
        if !overlaps {
            kept.insert(candidate.range.start, candidate);
        }
    }
    kept.into_values().collect()
}

/// Bytes of text searched for unlisted spellings at a time: the words of a
/// chunk and their keys are held in memory, so memory does not grow with
/// the size of a file.
const CHUNK_BYTES: usize = 1 << 16;

/// Characters that end every word and never join two words into a name: a
/// piece may be cut just after one.
fn is_name_break(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '<' | '>' | '|'
    )
}

/// `pieces` grouped into chunks of about `size` bytes. A piece is cut only
/// after a character that no name runs across (`is_name_break`), or, when
/// none comes within `4 * size` bytes, after white space (a name cut there
/// is not found: the price of bounded memory on text without punctuation).
fn chunks(text: &str, pieces: &[Range<usize>], size: usize) -> Vec<Vec<Range<usize>>> {
    let mut chunks = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut current_len = 0;
    for piece in pieces {
        let mut start = piece.start;
        while piece.end - start > size {
            let Some(cut) = cut_point(text, start + size, piece.end, size) else {
                break;
            };
            current.push(start..cut);
            chunks.push(std::mem::take(&mut current));
            current_len = 0;
            start = cut;
        }
        current.push(start..piece.end);
        current_len += piece.end - start;
        if current_len >= size {
            chunks.push(std::mem::take(&mut current));
            current_len = 0;
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// Where to cut `text[from..end]`: just after the first name break, else
/// after white space past `from + 4 * size`; `None` when neither comes.
fn cut_point(text: &str, from: usize, end: usize, size: usize) -> Option<usize> {
    let mut from = from.min(end);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let rest = text.get(from..end)?;
    let after = |(i, c): (usize, char)| from + i + c.len_utf8();
    let late = 4 * size;
    rest.char_indices()
        .find(|&(i, c)| is_name_break(c) || (i >= late && c.is_whitespace()))
        .map(after)
        .filter(|&cut| cut < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deletion_hashes_as_the_key_without_that_letter() {
        for skeleton in ["krmn", "KRMNŠ", "ab", "a", "", "قرقزستن"] {
            let chars: Vec<char> = skeleton.chars().collect();
            let expected: Vec<u64> = if chars.len() < 2 {
                Vec::new()
            } else {
                (0..chars.len())
                    .map(|skip| {
                        let kept: String = chars
                            .iter()
                            .enumerate()
                            .filter(|&(i, _)| i != skip)
                            .map(|(_, c)| c)
                            .collect();
                        hash_str(&kept)
                    })
                    .collect()
            };
            assert_eq!(deletions(skeleton).collect::<Vec<_>>(), expected, "{skeleton}");
        }
    }

    #[test]
    fn a_hash_filter_holds_what_was_inserted_and_little_else() {
        let empty = HashFilter::default();
        assert!(!empty.may_contain(hash_str("krmn")));
        let mut filter = HashFilter::for_bytes(1000);
        let held: Vec<u64> = (0..250).map(|i| hash_str(&format!("held{i}"))).collect();
        for &hash in &held {
            filter.insert(hash);
        }
        assert!(held.iter().all(|&hash| filter.may_contain(hash)));
        let wrong = (0..10_000)
            .filter(|i| filter.may_contain(hash_str(&format!("other{i}"))))
            .count();
        // 16 bits a key, two bits each: about 1.4 % wrong answers.
        assert!(wrong < 400, "{wrong} of 10,000 wrongly held");
    }

    #[test]
    fn common_words_identifiers_and_acronym_mixes_are_no_names() {
        let english = CommonWords::for_language(&"en".parse().unwrap());
        let common = |phrase: &str| {
            let all = words(phrase, std::slice::from_ref(&(0..phrase.len())));
            is_common_phrase(phrase, &all, english, false)
        };
        for phrase in [
            "Multiple",
            "Regions Valley",
            "DataType",
            "VBA Add-In",
            "Enable DDE",
        ] {
            assert!(common(phrase), "{phrase}");
        }
        for phrase in ["Kerman", "as-Sham", "Mashhed", "ISKP", "Regans Valley"] {
            assert!(!common(phrase), "{phrase}");
        }
    }

    #[test]
    fn a_one_letter_word_never_starts_or_ends_a_name_in_any_script() {
        let text = "A و Kerman قریشی";
        let all = words(text, std::slice::from_ref(&(0..text.len())));
        let starts: Vec<bool> = all.iter().map(|w| starts_name(text, w)).collect();
        assert_eq!(starts, [false, false, true, true]);
    }

    #[test]
    fn half_hashes_hold_what_was_inserted() {
        let mut set = HalfHashes::default();
        for key in ["kerman", "soleimani", "kerman"] {
            set.insert(half_hash(key));
        }
        set.seal();
        assert_eq!(set.sorted.len(), 2);
        assert!(set.contains(half_hash("kerman")) && set.contains(half_hash("soleimani")));
        assert!(!set.contains(half_hash("khorasan")));
    }

    #[test]
    fn chunks_cover_the_pieces_and_cut_only_after_a_break() {
        let text = "Abu Hafs, al-Qurashi spoke. Then Kerman; and more words here";
        let whole = 0..text.len();
        let chunks = chunks(text, std::slice::from_ref(&whole), 8);
        let joined: Vec<Range<usize>> = chunks.concat();
        assert_eq!(joined.first().map(|r| r.start), Some(0));
        assert_eq!(joined.last().map(|r| r.end), Some(text.len()));
        for pair in joined.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(is_name_break(text[..pair[0].end].chars().next_back().unwrap()));
        }
        assert_eq!(&text[joined[0].clone()], "Abu Hafs,");
    }

    #[test]
    fn keeps_the_best_of_overlapping_candidates() {
        let unlisted = |range: Range<usize>, confidence: f32| Unlisted {
            range,
            concept: 0,
            language: 0,
            nearest: 0,
            confidence,
            surname: false,
            needs_context: false,
        };
        let kept = keep_best_disjoint(vec![
            unlisted(0..5, 0.8),
            unlisted(3..9, 0.9),
            unlisted(9..12, 0.7),
        ]);
        let ranges: Vec<Range<usize>> = kept.into_iter().map(|u| u.range).collect();
        assert_eq!(ranges, [3..9, 9..12]);
    }
}
