//! Growing a glossary from an archive: `termlint glossary suggest`.
//!
//! Name-like phrases (runs of capitalized words, with short particles such as
//! `al` or `bin` inside) are collected from every document and grouped by
//! transliteration key ([`crate::translit`]). A group with two or more
//! spellings that differ once folded is a set of variants of one name. Groups
//! are ranked by how often their phrases occur; a group whose key is the key
//! of a glossary term extends that concept with the spellings it lacks.
//!
//! Suggestions agree with `termlint check`: a spelling that the check
//! reports as `unlisted` (given with [`PhraseCollector::add_unlisted`])
//! extends the concept the check named, never starts a new one; and a
//! fragment of a name — a phrase whose words are only part of a longer
//! phrase of the corpus or of a listed form, such as a surname used alone —
//! is not proposed as a name of its own.

use std::collections::{HashMap, HashSet};

use crate::glossary::Glossary;
use crate::matcher::LanguageFilter;
use crate::text::{fold_term, words, CaseMode, Word};
use crate::translit::{consonants, is_name_particle, join_keys, word_key};
use crate::unlisted::UnlistedFinder;

/// Longest phrase, in words, that is collected.
const MAX_PHRASE_WORDS: usize = 6;
/// Consonants a phrase key needs to be worth grouping.
const MIN_KEY_CONSONANTS: usize = 3;
/// Words a listed form may have for its parts to count as fragments: longer
/// forms are titles, not names, and each costs its length squared.
const MAX_LISTED_WORDS: usize = 16;

/// Spellings of one name found in a corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantGroup {
    /// The spellings, most frequent first: (spelling as first seen, uses).
    pub forms: Vec<(String, usize)>,
    /// All uses together.
    pub total: usize,
    /// The concept the group extends, if the glossary knows the name.
    pub extends: Option<String>,
}

/// Spellings by their folded form: folded → (first spelling, uses).
type Spellings = HashMap<String, (String, usize)>;

/// Collects the name-like phrases of documents.
#[derive(Default)]
pub struct PhraseCollector {
    /// key → folded spelling → (first spelling, uses)
    groups: HashMap<String, Spellings>,
    /// Keys of the parts of collected phrases: a group with one of these
    /// keys is a fragment of a longer name.
    fragments: HashSet<String>,
    /// concept id → the spellings `check` reported as unlisted forms of it.
    unlisted: HashMap<String, Spellings>,
}

impl PhraseCollector {
    /// Adds the phrases of `pieces` of `text` (one segment).
    pub fn add_segment(&mut self, text: &str, pieces: &[std::ops::Range<usize>]) {
        let words = words(text, pieces);
        let mut start = 0;
        while start < words.len() {
            let end = name_run_end(text, &words, start);
            if end > start {
                // A capital at the start of a sentence may not belong to the
                // name (`Later Qasem Suleimani said`): count the rest too.
                let initial = end - start > 1 && starts_sentence(text, &words[start]);
                self.add_phrase(text, &words[start..end], initial);
                if initial {
                    self.add_phrase(text, &words[start + 1..end], false);
                }
                start = end;
            } else {
                start += 1;
            }
        }
    }

    /// Records `spelling` as one use of an unlisted form of the concept
    /// `concept` (an id), as `termlint check` reported it: the spelling is
    /// then proposed as an admitted form of that concept and nowhere else.
    pub fn add_unlisted(&mut self, concept: &str, spelling: &str) {
        let spelling = collapse_spaces(spelling);
        let folded = fold_term(&spelling, CaseMode::Fold);
        let spellings = self.unlisted.entry(concept.to_string()).or_default();
        spellings.entry(folded).or_insert((spelling, 0)).1 += 1;
    }

    /// Merges another collector into this one.
    pub fn merge(&mut self, other: PhraseCollector) {
        for (key, forms) in other.groups {
            merge_spellings(self.groups.entry(key).or_default(), forms);
        }
        for (concept, forms) in other.unlisted {
            merge_spellings(self.unlisted.entry(concept).or_default(), forms);
        }
        self.fragments.extend(other.fragments);
    }

    /// Counts one use of `phrase`, and notes its parts as fragments. When
    /// the phrase is `initial` (its first word may be only a capital at the
    /// start of a sentence), the rest without that word is not one of its
    /// fragments: it is counted as a phrase of its own.
    fn add_phrase(&mut self, text: &str, phrase: &[Word], initial: bool) {
        let keys: Vec<String> = phrase
            .iter()
            .map(|w| word_key(&fold_term(&text[w.range.clone()], CaseMode::Fold), w.hyphen_after))
            .collect();
        let key = join_keys(keys.iter().map(String::as_str));
        if consonants(&key).chars().count() < MIN_KEY_CONSONANTS {
            return;
        }
        let tail = initial.then(|| join_keys(keys[1..].iter().map(String::as_str)));
        self.fragments
            .extend(part_keys(&keys).filter(|part| Some(part) != tail.as_ref()));
        let spelling = collapse_spaces(&text[phrase[0].range.start..phrase[phrase.len() - 1].range.end]);
        let folded = fold_term(&spelling, CaseMode::Fold);
        let entry = self
            .groups
            .entry(key)
            .or_default()
            .entry(folded)
            .or_insert((spelling, 0));
        entry.1 += 1;
    }

    /// The groups to propose, most used first: groups of two or more
    /// spellings as new concepts, and for each concept the spellings that
    /// extend it (those `check` reported as unlisted, and groups with the key
    /// of one of its terms). Spellings the glossary already lists are left
    /// out of groups that extend a concept; fragments of longer names are
    /// left out altogether.
    pub fn into_groups(
        self,
        glossary: &Glossary,
        finder: &UnlistedFinder,
        filter: &LanguageFilter,
    ) -> Vec<VariantGroup> {
        let fragments = listed_fragments(glossary, self.fragments);
        // A spelling `check` gives a concept is proposed for that concept only.
        let reported: HashSet<&String> = self.unlisted.values().flat_map(HashMap::keys).collect();
        let mut extensions: HashMap<String, Spellings> = HashMap::new();
        let mut groups = Vec::new();
        for (key, mut forms) in self.groups {
            if fragments.contains(&key) {
                continue;
            }
            forms.retain(|folded, _| !reported.contains(folded));
            match finder.concept_with_key(&key, filter) {
                Some(index) => {
                    forms.retain(|_, (spelling, _)| !finder.is_listed(spelling));
                    let id = glossary.concepts()[index].id.clone();
                    merge_spellings(extensions.entry(id).or_default(), forms);
                }
                None if forms.len() >= 2 => groups.push(variant_group(forms, None)),
                None => {}
            }
        }
        for (concept, forms) in self.unlisted {
            merge_spellings(extensions.entry(concept).or_default(), forms);
        }
        groups.extend(
            extensions
                .into_iter()
                .filter(|(_, forms)| !forms.is_empty())
                .map(|(concept, forms)| variant_group(forms, Some(concept))),
        );
        groups.sort_by(|a, b| b.total.cmp(&a.total).then(a.forms[0].0.cmp(&b.forms[0].0)));
        groups
    }
}

/// Adds the uses of `from` to `into`, keeping the spelling seen first there.
fn merge_spellings(into: &mut Spellings, from: Spellings) {
    for (folded, (first, count)) in from {
        into.entry(folded).or_insert((first, 0)).1 += count;
    }
}

/// A group of `forms`, most used first (then in alphabetical order).
fn variant_group(forms: Spellings, extends: Option<String>) -> VariantGroup {
    let mut forms: Vec<(String, usize)> = forms.into_values().collect();
    forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total = forms.iter().map(|(_, n)| n).sum();
    VariantGroup {
        forms,
        total,
        extends,
    }
}

/// The keys of every run of words shorter than the whole of `keys` (the
/// word keys of one phrase or form).
fn part_keys(keys: &[String]) -> impl Iterator<Item = String> + '_ {
    let n = keys.len();
    (0..n).flat_map(move |start| {
        (start + 1..=n)
            .filter(move |&end| end - start < n)
            .map(move |end| join_keys(keys[start..end].iter().map(String::as_str)))
    })
}

/// `fragments` and the keys of the parts of every listed form: a surname
/// used alone is a fragment of the listed full name, whatever its spelling.
fn listed_fragments(glossary: &Glossary, mut fragments: HashSet<String>) -> HashSet<String> {
    let terms = glossary
        .concepts()
        .iter()
        .flat_map(|concept| &concept.languages)
        .flat_map(|language| &language.terms);
    for term in terms {
        let text = &term.text;
        let term_words = words(text, std::slice::from_ref(&(0..text.len())));
        if term_words.len() < 2 || term_words.len() > MAX_LISTED_WORDS {
            continue;
        }
        let keys: Vec<String> = term_words
            .iter()
            .map(|w| word_key(&fold_term(&text[w.range.clone()], CaseMode::Fold), w.hyphen_after))
            .collect();
        fragments.extend(part_keys(&keys));
    }
    fragments
}

/// `text` with each run of white space made one space.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `word` is the first of a sentence: only white space, quotes or
/// brackets since the last `.`, `!`, `?` or the start of the text.
pub(crate) fn starts_sentence(text: &str, word: &Word) -> bool {
    let before = text[..word.range.start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '«' | '(' | '[' | '\'' | '‘' | '#' | '*' | '>')
    });
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}

/// The end (exclusive) of the name-like run of words starting at `start`, or
/// `start` when no name starts there.
pub(crate) fn name_run_end(text: &str, words: &[Word], start: usize) -> usize {
    if !words[start].capitalized {
        return start;
    }
    let mut end = start + 1;
    let mut last_capitalized = end;
    while end < words.len() && end - start < MAX_PHRASE_WORDS {
        let (previous, next) = (&words[end - 1], &words[end]);
        let particle = !next.capitalized
            && is_name_particle(&fold_term(&text[next.range.clone()], CaseMode::Fold), false);
        if !previous.joined_to_next || !(next.capitalized || particle) {
            break;
        }
        end += 1;
        if next.capitalized {
            last_capitalized = end;
        }
    }
    last_capitalized
}

/// Writes groups as glossary TOML ready to paste: the most frequent spelling
/// preferred, the others admitted, after a comment with each spelling's
/// uses; a group that extends a concept becomes a comment `# + "id"` naming
/// the concept, its language table and the spellings to add.
pub fn groups_to_toml(groups: &[VariantGroup], language: &str) -> String {
    let mut out = String::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for group in groups {
        let quoted: Vec<String> = group.forms.iter().map(|(form, _)| toml_string(form)).collect();
        let uses: Vec<String> = group
            .forms
            .iter()
            .map(|(form, n)| format!("{form} ×{n}"))
            .collect();
        out.push_str(&format!("# {}\n", uses.join(", ")));
        if let Some(concept) = &group.extends {
            out.push_str(&format!(
                "# + \"{concept}\" [concept.lang.{language}] admitted = [{}]\n\n",
                quoted.join(", ")
            ));
            continue;
        }
        let id = unique_id(&group.forms[0].0, &mut ids);
        out.push_str(&format!(
            "[[concept]]\nid = \"{id}\"\n[concept.lang.{language}]\npreferred = {}\nadmitted = [{}]\n\n",
            quoted[0],
            quoted[1..].join(", ")
        ));
    }
    out
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// An id from a spelling: folded ASCII letters and digits joined by hyphens,
/// made unique with a number.
fn unique_id(spelling: &str, ids: &mut HashMap<String, usize>) -> String {
    let folded = fold_term(spelling, CaseMode::Fold);
    let base: String = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "concept".to_string()
    } else {
        base
    };
    let count = ids.entry(base.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        base
    } else {
        format!("{base}-{count}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_group_by_key_and_rank_by_use() {
        let mut collector = PhraseCollector::default();
        let text =
            "Qassem Soleimani met Qasem Suleimani. The Office said Qassem Soleimani left. Houthi Rebels.";
        collector.add_segment(text, std::slice::from_ref(&(0..text.len())));
        let mut other = PhraseCollector::default();
        let more = "Tehran and Tehran; Qasim Sulaimani.";
        other.add_segment(more, std::slice::from_ref(&(0..more.len())));
        collector.merge(other);
        let glossary = Glossary::default();
        let matcher = crate::matcher::Matcher::new(glossary).unwrap();
        let finder = UnlistedFinder::new(&matcher);
        let filter = matcher.language_filter(&crate::lang::Language::parse("en").unwrap());
        let groups = collector.into_groups(matcher.glossary(), &finder, &filter);
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(
            groups[0].forms,
            [
                ("Qassem Soleimani".to_string(), 2),
                ("Qasem Suleimani".to_string(), 1),
                ("Qasim Sulaimani".to_string(), 1)
            ]
        );
        let toml = groups_to_toml(&groups, "en");
        assert!(toml.contains("id = \"qassem-soleimani\"\n[concept.lang.en]\npreferred = \"Qassem Soleimani\"\nadmitted = [\"Qasem Suleimani\", \"Qasim Sulaimani\"]"), "{toml}");
    }

    #[test]
    fn fragments_of_longer_names_are_not_groups() {
        // `Later` may only be a capital at the start of a sentence: the name
        // after it is not a fragment of `Later Qasem Suleimani`, but the
        // surnames used alone are fragments of the full names.
        let mut collector = PhraseCollector::default();
        let text = "Later Qasem Suleimani said so. The Office said Qassem Soleimani left. \
                    Soleimani spoke and Suleimani smiled.";
        collector.add_segment(text, std::slice::from_ref(&(0..text.len())));
        let matcher = crate::matcher::Matcher::new(Glossary::default()).unwrap();
        let finder = UnlistedFinder::new(&matcher);
        let filter = matcher.language_filter(&crate::lang::Language::parse("en").unwrap());
        let groups = collector.into_groups(matcher.glossary(), &finder, &filter);
        let spellings: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.forms.iter().map(|(form, _)| form.as_str()).collect())
            .collect();
        assert_eq!(spellings, [["Qasem Suleimani", "Qassem Soleimani"]]);
    }
}
