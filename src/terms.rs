//! The term list of a job: `termlint glossary terms`.
//!
//! Which glossary concepts the given files use, how often and in which of
//! their forms (each glossary term counted with its status: a deprecated
//! form used is a form to fix), and *candidate terms*: name-like source
//! phrases (runs of capitalized words, as `glossary suggest` reads them; a
//! sentence's first word counts only when it is not a common word) that no
//! glossary form covers and that occur at least a minimum number of times.
//!
//! In a bilingual file, a candidate gets the target rendering that goes
//! with it most consistently: among the target's runs of words (at most as
//! many words as the candidate, within a sentence, not only common words,
//! glossary forms left out), the one whose units overlap most with the
//! candidate's (Dice coefficient at least one half, in at least the minimum
//! number of units; on a tie, the longer run). Russian renderings are found
//! so whatever their capitals (`Каспийский трубопроводный консорциум`).
//!
//! The list is written as CSV or as TBX-Basic ([`crate::glossary::to_tbx`]):
//! the concepts used, with only the forms used, each with its count in a
//! note; then each candidate as a concept of its own (`candidate-1`, …) with
//! its source phrase and rendering as preferred terms, ready for a client to
//! review and for termlint to read back as a glossary.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use crate::document::Role;
use crate::glossary::{Concept, LanguageTerms, SourceLocation, Status, Term, TermType};
use crate::lang::Language;
use crate::lint::NamedSegment;
use crate::matcher::Matcher;
use crate::suggest::{name_run_end, starts_sentence};
use crate::text::{fold_term, words, CaseMode};
use crate::wordlist::CommonWords;

/// Longest target rendering looked for, in words.
const MAX_RENDERING_WORDS: usize = 4;

/// A phrase: (language tag, folded text).
type PhraseKey = (String, String);

/// What one file yields; files are read in parallel, then added in order.
#[derive(Default)]
pub struct FileTerms {
    /// (concept, language, term) → uses.
    uses: HashMap<(usize, usize, usize), usize>,
    /// Candidate phrases → (spelling as first seen, words, uses).
    phrases: HashMap<PhraseKey, (String, usize, usize)>,
    /// Target word runs → (spelling as first seen, words, units).
    renderings: HashMap<PhraseKey, (String, usize, usize)>,
    /// Candidate phrase → units it is in, with a target.
    phrase_units: HashMap<PhraseKey, usize>,
    /// (candidate, target run) → units with both.
    together: HashMap<(PhraseKey, PhraseKey), usize>,
}

impl FileTerms {
    /// Reads one document's segments (with their mentions) of `text`.
    pub fn of_document(text: &str, segments: &[NamedSegment]) -> FileTerms {
        let mut terms = FileTerms::default();
        let mut units: BTreeMap<usize, (HashSet<PhraseKey>, HashSet<PhraseKey>)> = BTreeMap::new();
        for named in segments {
            for m in &named.mentions {
                *terms.uses.entry((m.concept, m.language, m.term)).or_default() += 1;
            }
            let language = named.language.to_string();
            let view = named.segment.view(text);
            // Mentions as ranges of the decoded text, to leave them out.
            let covered: Vec<Range<usize>> = named
                .mentions
                .iter()
                .filter_map(|m| original_to_view(&named.segment, m.range.clone()))
                .collect();
            match named.segment.role {
                Role::Source | Role::Text => {
                    let phrases = candidate_phrases(&view.text, &named.language, &covered);
                    for (spelling, count) in phrases {
                        let key = (language.clone(), fold_term(&spelling, CaseMode::Fold));
                        let entry = terms.phrases.entry(key.clone()).or_insert((spelling, count, 0));
                        entry.2 += 1;
                        if let Some(unit) = named.segment.unit {
                            units.entry(unit).or_default().0.insert(key);
                        }
                    }
                }
                Role::Target => {
                    let Some(unit) = named.segment.unit else {
                        continue;
                    };
                    for (spelling, count) in target_runs(&view.text, &named.language, &covered) {
                        let key = (language.clone(), fold_term(&spelling, CaseMode::Fold));
                        if units.entry(unit).or_default().1.insert(key.clone()) {
                            terms.renderings.entry(key).or_insert((spelling, count, 0)).2 += 1;
                        }
                    }
                }
            }
        }
        for (sources, targets) in units.into_values() {
            if targets.is_empty() {
                continue;
            }
            for source in sources {
                *terms.phrase_units.entry(source.clone()).or_default() += 1;
                for target in &targets {
                    *terms
                        .together
                        .entry((source.clone(), target.clone()))
                        .or_default() += 1;
                }
            }
        }
        terms
    }
}

/// The range of the decoded text of `segment` that `original` covers, if
/// it lies in the segment.
fn original_to_view(segment: &crate::document::Segment, original: Range<usize>) -> Option<Range<usize>> {
    let mut decoded = 0;
    let (mut start, mut end) = (None, None);
    for piece in &segment.pieces {
        let len = match &piece.decoded {
            Some(d) => d.len(),
            None => piece.range.len(),
        };
        let map = |offset: usize| match &piece.decoded {
            Some(_) if offset <= piece.range.start => decoded,
            Some(_) => decoded + len,
            None => decoded + offset - piece.range.start,
        };
        if start.is_none() && original.start < piece.range.end {
            start = Some(map(original.start.max(piece.range.start)));
        }
        if original.end <= piece.range.end && original.end >= piece.range.start {
            end = Some(map(original.end));
            break;
        }
        decoded += len;
    }
    Some(start?..end?)
}

/// English words that open a sentence with a capital without being part of
/// the name that follows (`The Aral Sea`, `In Almaty`).
const SENTENCE_OPENERS: &[&str] = &[
    "a", "after", "an", "and", "as", "at", "before", "but", "by", "during", "for", "from", "her", "his",
    "if", "in", "its", "near", "of", "on", "our", "since", "so", "that", "the", "their", "these", "this",
    "those", "to", "under", "when", "while", "with",
];

/// The name-like phrases of a source text that no mention covers, with
/// their number of words: runs of capitalized words, a sentence's first
/// word left out when it is the whole run, or, in English, a word such as
/// `The` or `In` (`The Aral Sea` → `Aral Sea`; `Lake Balkhash` stays).
fn candidate_phrases(text: &str, language: &Language, covered: &[Range<usize>]) -> Vec<(String, usize)> {
    let english = language.id().language.as_str() == "en";
    let words = words(text, std::slice::from_ref(&(0..text.len())));
    let mut phrases = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let end = name_run_end(text, &words, start);
        if end == start {
            start += 1;
            continue;
        }
        let mut first = start;
        if starts_sentence(text, &words[start]) {
            let word = fold_term(&text[words[start].range.clone()], CaseMode::Fold);
            if end - start == 1 || (english && SENTENCE_OPENERS.contains(&word.as_str())) {
                first += 1;
            }
        }
        if first < end {
            let range = words[first].range.start..words[end - 1].range.end;
            if !covered.iter().any(|c| c.start < range.end && range.start < c.end) {
                phrases.push((collapse(&text[range]), end - first));
            }
        }
        start = end;
    }
    phrases
}

/// Every run of one to [`MAX_RENDERING_WORDS`] words that stays inside a
/// sentence and touches no mention, with its number of words; runs made
/// only of common words or of words shorter than three letters (`в`, `на`) are left out.
/// Common words count only where the language capitalizes names and the
/// words made from them: a Russian name may be rendered by a common word
/// (`Monday` by `понедельник`).
fn target_runs(text: &str, language: &Language, covered: &[Range<usize>]) -> Vec<(String, usize)> {
    let common = CommonWords::for_renderings(language);
    let words = words(text, std::slice::from_ref(&(0..text.len())));
    let is_common = |range: &Range<usize>| {
        let word = fold_term(&text[range.clone()], CaseMode::Fold);
        word.chars().count() < 3 || common.is_some_and(|c| c.contains(&word))
    };
    let mut runs = Vec::new();
    for start in 0..words.len() {
        let mut all_common = true;
        for end in start + 1..=(start + MAX_RENDERING_WORDS).min(words.len()) {
            let range = words[start].range.start..words[end - 1].range.end;
            let between = &text[range.clone()];
            if between.contains(['.', '!', '?', ';', ':', ',', '(', ')', '"', '«', '»'])
                || covered.iter().any(|c| c.start < range.end && range.start < c.end)
            {
                break;
            }
            all_common &= is_common(&words[end - 1].range);
            if !all_common {
                runs.push((collapse(between), end - start));
            }
        }
    }
    runs
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The term list of a job.
#[derive(Default)]
pub struct TermList {
    /// The files read, as reported, in order.
    files: Vec<String>,
    /// (concept, language, term) → (uses, files).
    uses: BTreeMap<(usize, usize, usize), (usize, BTreeSet<usize>)>,
    phrases: HashMap<PhraseKey, Phrase>,
    renderings: HashMap<PhraseKey, (String, usize, usize)>,
    together: HashMap<PhraseKey, HashMap<PhraseKey, usize>>,
}

/// A candidate phrase in all files.
struct Phrase {
    spelling: String,
    words: usize,
    uses: usize,
    units: usize,
    files: BTreeSet<usize>,
}

/// A glossary form used in the files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsedTerm {
    /// The concept's id.
    pub concept: String,
    /// The form's language.
    pub language: String,
    /// The form, as the glossary writes it.
    pub form: String,
    /// Its status.
    pub status: Status,
    /// How often it is used.
    pub count: usize,
    /// The files using it, as reported.
    pub files: Vec<String>,
}

/// A source phrase without a glossary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The phrase's language.
    pub language: String,
    /// The phrase, as first seen.
    pub form: String,
    /// How often it occurs.
    pub count: usize,
    /// The files it occurs in, as reported.
    pub files: Vec<String>,
    /// Its most consistent target rendering: (language, form, units with
    /// both), in a bilingual job.
    pub rendering: Option<(String, String, usize)>,
}

impl TermList {
    /// Adds what the file `name` yields.
    pub fn add(&mut self, name: String, file: FileTerms) {
        let index = self.files.len();
        self.files.push(name);
        for (key, uses) in file.uses {
            let entry = self.uses.entry(key).or_default();
            entry.0 += uses;
            entry.1.insert(index);
        }
        for (key, (spelling, words, uses)) in file.phrases {
            let phrase = self.phrases.entry(key).or_insert_with(|| Phrase {
                spelling,
                words,
                uses: 0,
                units: 0,
                files: BTreeSet::new(),
            });
            phrase.uses += uses;
            phrase.files.insert(index);
        }
        for (key, units) in file.phrase_units {
            if let Some(phrase) = self.phrases.get_mut(&key) {
                phrase.units += units;
            }
        }
        for (key, (spelling, words, units)) in file.renderings {
            self.renderings.entry(key).or_insert((spelling, words, 0)).2 += units;
        }
        for ((source, target), units) in file.together {
            *self
                .together
                .entry(source)
                .or_default()
                .entry(target)
                .or_default() += units;
        }
    }

    /// The glossary forms used, in glossary order.
    pub fn used(&self, matcher: &Matcher) -> Vec<UsedTerm> {
        let concepts = matcher.glossary().concepts();
        self.uses
            .iter()
            .filter_map(|(&(concept, language, term), (count, files))| {
                let concept = concepts.get(concept)?;
                let terms = concept.languages.get(language)?;
                let term = terms.terms.get(term)?;
                Some(UsedTerm {
                    concept: concept.id.clone(),
                    language: terms.language.to_string(),
                    form: term.text.clone(),
                    status: term.status,
                    count: *count,
                    files: files.iter().map(|&f| self.files[f].clone()).collect(),
                })
            })
            .collect()
    }

    /// The candidates used at least `min_count` times, the most frequent
    /// first; a target rendering is given to one candidate only.
    pub fn candidates(&self, min_count: usize) -> Vec<Candidate> {
        let mut phrases: Vec<(&PhraseKey, &Phrase)> = self
            .phrases
            .iter()
            .filter(|(_, p)| p.uses >= min_count.max(1))
            .collect();
        phrases.sort_by(|a, b| {
            b.1.uses
                .cmp(&a.1.uses)
                .then_with(|| a.1.spelling.cmp(&b.1.spelling))
        });
        let mut taken: HashSet<&PhraseKey> = HashSet::new();
        let mut candidates = Vec::new();
        for (key, phrase) in phrases {
            let rendering = self
                .rendering(key, phrase, min_count)
                .filter(|(target, _)| taken.insert(*target));
            candidates.push(Candidate {
                language: key.0.clone(),
                form: phrase.spelling.clone(),
                count: phrase.uses,
                files: phrase.files.iter().map(|&f| self.files[f].clone()).collect(),
                rendering: rendering.map(|(target, together)| {
                    (target.0.clone(), self.renderings[target].0.clone(), together)
                }),
            });
        }
        candidates
    }

    /// The target run that goes with `phrase` most consistently.
    fn rendering<'a>(
        &'a self,
        key: &PhraseKey,
        phrase: &Phrase,
        min_count: usize,
    ) -> Option<(&'a PhraseKey, usize)> {
        let mut best: Option<(&PhraseKey, usize, f64, usize)> = None;
        for (target, &together) in self.together.get(key)? {
            let (_, words, units) = &self.renderings[target];
            if *words > phrase.words.max(1) || together < min_count.max(1) {
                continue;
            }
            let dice = 2.0 * together as f64 / (phrase.units + units) as f64;
            if dice < 0.5 {
                continue;
            }
            let better = match best {
                None => true,
                Some((best_target, best_together, best_dice, best_words)) => {
                    (dice, together, *words, std::cmp::Reverse(target))
                        > (
                            best_dice,
                            best_together,
                            best_words,
                            std::cmp::Reverse(best_target),
                        )
                }
            };
            if better {
                best = Some((target, together, dice, *words));
            }
        }
        best.map(|(target, together, _, _)| (target, together))
    }
}

/// The term list as CSV: a header, then one row per glossary form used
/// (`type` `term`) and one per candidate (`type` `candidate`).
pub fn to_csv(used: &[UsedTerm], candidates: &[Candidate]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![[
        "type",
        "concept",
        "language",
        "form",
        "status",
        "count",
        "files",
        "target_language",
        "target_form",
        "target_count",
    ]
    .map(str::to_string)
    .to_vec()];
    for u in used {
        rows.push(vec![
            "term".into(),
            u.concept.clone(),
            u.language.clone(),
            u.form.clone(),
            status_name(u.status).into(),
            u.count.to_string(),
            u.files.join(" "),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    for c in candidates {
        let (target_language, target_form, target_count) = match &c.rendering {
            Some((language, form, count)) => (language.clone(), form.clone(), count.to_string()),
            None => Default::default(),
        };
        rows.push(vec![
            "candidate".into(),
            String::new(),
            c.language.clone(),
            c.form.clone(),
            String::new(),
            c.count.to_string(),
            c.files.join(" "),
            target_language,
            target_form,
            target_count,
        ]);
    }
    for row in rows {
        // Writing to memory does not fail.
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Preferred => "preferred",
        Status::Admitted => "admitted",
        Status::Deprecated => "deprecated",
    }
}

/// The term list as concepts, for TBX: each concept used with only the
/// forms used (a count in each form's note), then each candidate as a
/// concept `candidate-N` with its phrase and rendering as preferred terms.
pub fn to_concepts(matcher: &Matcher, used: &[UsedTerm], candidates: &[Candidate]) -> Vec<Concept> {
    let location = SourceLocation {
        path: Arc::from("termlint glossary terms"),
        line: 1,
        column: 1,
    };
    let term = |text: &str, status: Status, note: String| Term {
        text: text.to_string(),
        status,
        case_sensitive: false,
        term_type: TermType::Full,
        note: Some(note),
        location: location.clone(),
    };
    let mut concepts: Vec<Concept> = Vec::new();
    for u in used {
        let Some(glossary_concept) = matcher.glossary().concept(&u.concept) else {
            continue;
        };
        if concepts.last().is_none_or(|c| c.id != u.concept) {
            concepts.push(Concept {
                id: u.concept.clone(),
                kind: glossary_concept.kind,
                unlisted: glossary_concept.unlisted,
                domain: glossary_concept.domain.clone(),
                note: glossary_concept.note.clone(),
                sources: glossary_concept.sources.clone(),
                languages: Vec::new(),
                location: location.clone(),
            });
        }
        let Some(concept) = concepts.last_mut() else {
            continue;
        };
        let Ok(language) = Language::parse(&u.language) else {
            continue;
        };
        let listed = glossary_concept
            .languages
            .iter()
            .flat_map(|l| l.terms.iter())
            .find(|t| t.text == u.form);
        let mut form = term(&u.form, u.status, uses_note(u.count, u.files.len()));
        if let Some(listed) = listed {
            form.case_sensitive = listed.case_sensitive;
            form.term_type = listed.term_type;
        }
        match concept.languages.iter_mut().find(|l| l.language == language) {
            Some(terms) => terms.terms.push(form),
            None => concept.languages.push(LanguageTerms {
                language,
                terms: vec![form],
                examples: Default::default(),
            }),
        }
    }
    for concept in &mut concepts {
        let Some(glossary_concept) = matcher.glossary().concept(&concept.id) else {
            continue;
        };
        for terms in &mut concept.languages {
            // The first term of a language is its preferred one: when only
            // other forms are used, the glossary's preferred form leads.
            terms.terms.sort_by_key(|t| t.status);
            if terms.terms.first().is_some_and(|t| t.status != Status::Preferred) {
                let listed = glossary_concept
                    .languages
                    .iter()
                    .find(|l| l.language == terms.language)
                    .map(|l| l.preferred());
                if let Some(listed) = listed {
                    let mut preferred = listed.clone();
                    preferred.note = Some("not used".to_string());
                    preferred.location = location.clone();
                    terms.terms.insert(0, preferred);
                }
            }
        }
    }
    for (index, c) in candidates.iter().enumerate() {
        let mut languages = Vec::new();
        if let Ok(language) = Language::parse(&c.language) {
            languages.push(LanguageTerms {
                language,
                terms: vec![term(
                    &c.form,
                    Status::Preferred,
                    uses_note(c.count, c.files.len()),
                )],
                examples: Default::default(),
            });
        }
        if let Some((target_language, form, together)) = &c.rendering {
            if let Ok(language) = Language::parse(target_language) {
                languages.push(LanguageTerms {
                    language,
                    terms: vec![term(
                        form,
                        Status::Preferred,
                        format!("units with the source phrase: {together}"),
                    )],
                    examples: Default::default(),
                });
            }
        }
        concepts.push(Concept {
            id: format!("candidate-{}", index + 1),
            kind: None,
            unlisted: None,
            domain: None,
            note: Some("candidate term: not in the glossary".to_string()),
            sources: Vec::new(),
            languages,
            location: location.clone(),
        });
    }
    concepts
}

fn uses_note(count: usize, files: usize) -> String {
    format!("uses: {count}; files: {files}")
}
