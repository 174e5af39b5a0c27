//! Inflection: names decline in Russian, Ukrainian, Tajik, Uzbek and Turkish
//! (`в Кермане`, `Керманом`, `Xurosonda`, `Kerman'da`), and a correct
//! inflected translation must neither be reported missing nor flagged.
//! English terms of concepts that say what they are (`kind`) take the
//! plural endings (`Shias`, `Crusaders`, `Houthis`; `-ies` for a final
//! `y`): a plural is a mention of its singular, in the same form (see
//! [`InflectionRule::applies_to`]).
//!
//! Per language a rule lists the *endings* a name may take, and the final
//! letters of a name that an ending *replaces* (`Газа` → `Газе`: `а` is
//! replaced). A term matches a word that is the term plus one of the endings,
//! or the term without a replaceable letter plus one of the endings; a word
//! that merely starts with the term (`Керманшах`) does not match, since `шах`
//! is not an ending. Endings are compared folded (lower case, `ё` = `е`,
//! Turkish `ı` = `i`, diacritics removed), and a Turkish apostrophe before
//! the ending (`Kerman'da`) is allowed.
//!
//! The lists are deliberately the case and number endings of nouns (and the
//! possessive and plural suffixes of Tajik, Uzbek and Turkish), not a
//! morphological analyser: they cover names, which is what glossaries hold.
//!
//! Russian and Ukrainian decline every word of a name, not only its last:
//! an adjective with its noun (`Исламское государство`, `Исламского
//! государства`), a noun before its genitive (`Министерство информации`, `в
//! Министерстве информации`). For those languages a rule also lists the
//! *phrase endings* (adjective endings and the neuter `о`): each word of a
//! multi-word term matches its stem with an ending
//! ([`InflectionRule::phrase_stem`], [`InflectionRule::is_declined_from`]).
//! `termlint.toml` may replace a list or turn a language off:
//!
//! ```toml
//! [inflection.ru]
//! endings = ["а", "у", "е", "ом"]
//! replaces = ["а", "я"]
//!
//! [inflection.tr]
//! enabled = false
//! ```

use crate::lang::Language;
use crate::text::{fold_term, CaseMode};

/// How the names of one language inflect.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InflectionRule {
    /// The language (its primary subtag decides: `ru` covers `ru-RU`).
    pub language: Language,
    /// Folded endings a name may take.
    pub endings: Vec<String>,
    /// Folded final letters of a name that an ending replaces.
    pub replaces: Vec<String>,
    /// Folded endings the words of a multi-word name take besides
    /// `endings` and `replaces` (adjective endings): empty where only a
    /// name's last word declines.
    #[serde(default)]
    pub phrase_endings: Vec<String>,
}

/// The inflection rules of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inflections {
    rules: Vec<InflectionRule>,
}

const RUSSIAN_ENDINGS: &[&str] = &[
    "а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "ами",
    "ями", "ов", "ев", "ым", "им",
];
const UKRAINIAN_ENDINGS: &[&str] = &[
    "а", "я", "у", "ю", "е", "є", "і", "ї", "и", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "ами",
    "ями", "ів", "їв", "ові", "еві",
];
const TAJIK_ENDINGS: &[&str] = &[
    "ро", "и", "е", "ҳо", "ҳои", "ҳоро", "ам", "ат", "аш", "амон", "атон", "ашон", "ҳоям",
];
const UZBEK_ENDINGS: &[&str] = &[
    "da", "dan", "ga", "ka", "qa", "ni", "ning", "lar", "lari", "larning", "larda", "dagi", "dek", "cha",
    "i", "si", "ning",
];
/// Adjective endings and the neuter nominative `о`, for the words of a
/// multi-word name (`Исламское`, `Исламского`, `Министерство`).
const RUSSIAN_PHRASE_ENDINGS: &[&str] = &[
    "о", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ую", "юю", "ых",
    "их", "ыми", "ими",
];
const UKRAINIAN_PHRASE_ENDINGS: &[&str] = &[
    "о", "ий", "ій", "а", "я", "е", "є", "і", "ого", "ього", "ому", "ьому", "ім", "их", "іх", "ими", "іми",
];
const ENGLISH_ENDINGS: &[&str] = &["s", "es", "ies"];
const TURKISH_ENDINGS: &[&str] = &[
    "da", "de", "ta", "te", "dan", "den", "tan", "ten", "a", "e", "ya", "ye", "i", "u", "yi", "yu", "in",
    "un", "nin", "nun", "la", "le", "yla", "yle", "lar", "ler", "daki", "deki",
];

impl Default for Inflections {
    /// Rules for Russian, Ukrainian, Tajik, Uzbek, Turkish and (plurals)
    /// English.
    fn default() -> Self {
        let rule = |tag: &str, endings: &[&str], replaces: &[&str]| {
            let language = Language::parse(tag).expect("built-in tags are valid");
            InflectionRule {
                phrase_endings: folded(phrase_endings_of(&language)),
                language,
                endings: folded(endings),
                replaces: folded(replaces),
            }
        };
        Inflections {
            rules: vec![
                rule("ru", RUSSIAN_ENDINGS, &["а", "я", "ь", "й"]),
                rule("uk", UKRAINIAN_ENDINGS, &["а", "я", "ь", "й"]),
                rule("tg", TAJIK_ENDINGS, &[]),
                rule("uz", UZBEK_ENDINGS, &[]),
                rule("tr", TURKISH_ENDINGS, &[]),
                rule("en", ENGLISH_ENDINGS, &["y"]),
            ],
        }
    }
}

impl Inflections {
    /// No inflection at all.
    pub fn none() -> Self {
        Inflections { rules: Vec::new() }
    }

    /// Replaces or adds the rule of a language (`endings` and `replaces` are
    /// folded here).
    /// The language's phrase endings stay the built-in ones.
    pub fn set(&mut self, language: Language, endings: &[String], replaces: &[String]) {
        self.remove(&language);
        self.rules.push(InflectionRule {
            phrase_endings: folded(phrase_endings_of(&language)),
            language,
            endings: endings.iter().map(|e| fold_term(e, CaseMode::Fold)).collect(),
            replaces: replaces.iter().map(|e| fold_term(e, CaseMode::Fold)).collect(),
        });
    }

    /// Turns inflection off for a language.
    pub fn remove(&mut self, language: &Language) {
        let primary = language.id().language;
        self.rules.retain(|rule| rule.language.id().language != primary);
    }

    /// The rule for terms of `language`, if it inflects.
    pub fn rule_for(&self, language: &Language) -> Option<&InflectionRule> {
        let primary = language.id().language;
        self.rules
            .iter()
            .find(|rule| rule.language.id().language == primary)
    }
}

/// The built-in phrase endings of a language: none where only a name's
/// last word declines.
fn phrase_endings_of(language: &Language) -> &'static [&'static str] {
    match language.id().language.as_str() {
        "ru" => RUSSIAN_PHRASE_ENDINGS,
        "uk" => UKRAINIAN_PHRASE_ENDINGS,
        _ => &[],
    }
}

fn folded<S: AsRef<str>>(list: &[S]) -> Vec<String> {
    list.iter()
        .map(|e| fold_term(e.as_ref(), CaseMode::Fold))
        .collect()
}

impl InflectionRule {
    /// Whether the rule applies to the terms of `concept`. English
    /// plurals apply only to a concept that says what it is (`kind`): a
    /// person, organization, place, group or term of a curated glossary
    /// takes `-s`, while the strings of a terminology list without kinds
    /// (API names such as `TaskPane`, respellings that are words of their
    /// own) match only as listed. Other languages' rules apply to every
    /// concept.
    pub fn applies_to(&self, concept: &crate::glossary::Concept) -> bool {
        self.language.id().language.as_str() != "en" || concept.kind.is_some()
    }

    /// Whether `folded_ending` is one of the endings.
    pub fn is_ending(&self, folded_ending: &str) -> bool {
        self.endings.iter().any(|e| e == folded_ending)
    }

    /// The stem of a folded term that endings attach to after replacing its
    /// last letter, if it has a replaceable last letter and keeps at least
    /// three letters.
    pub fn stem<'a>(&self, folded_term: &'a str) -> Option<&'a str> {
        self.replaces.iter().find_map(|letter| {
            let stem = folded_term.strip_suffix(letter.as_str())?;
            (stem.chars().filter(|c| crate::text::is_letter(*c)).count() >= 3).then_some(stem)
        })
    }
}

impl InflectionRule {
    /// Whether `folded_ending` is an ending a word of a multi-word name may
    /// take after its phrase stem (a replaced letter or a phrase ending).
    pub fn is_phrase_ending(&self, folded_ending: &str) -> bool {
        self.declines_phrases()
            && self
                .replaces
                .iter()
                .chain(&self.phrase_endings)
                .any(|e| e == folded_ending)
    }

    /// Whether every word of a multi-word name takes endings.
    pub fn declines_phrases(&self) -> bool {
        !self.phrase_endings.is_empty()
    }

    /// The stem a word of a multi-word name declines from: `folded_word`
    /// (a word of a listed term, which is in the nominative) without a
    /// replaced letter or a phrase ending, the longest, if that leaves at
    /// least three letters; else the word (`исламское`: `исламск`;
    /// `министерство`: `министерств`; `аллах`, whose `ах` is no
    /// nominative ending, stays whole).
    pub fn phrase_stem<'a>(&self, folded_word: &'a str) -> &'a str {
        self.replaces
            .iter()
            .chain(&self.phrase_endings)
            .filter_map(|ending| folded_word.strip_suffix(ending.as_str()))
            .filter(|stem| stem.chars().filter(|c| crate::text::is_letter(*c)).count() >= 3)
            .min_by_key(|stem| stem.len())
            .unwrap_or(folded_word)
    }

    /// Whether `folded_word` is `stem` (see [`Self::phrase_stem`]) with no
    /// ending or one a word of a name takes (`исламского` from `исламск`).
    pub fn is_declined_from(&self, folded_word: &str, stem: &str) -> bool {
        folded_word
            .strip_prefix(stem)
            .is_some_and(|rest| rest.is_empty() || self.is_ending(rest) || self.is_phrase_ending(rest))
    }

    /// `folded_word` without its longest ending, a word of a multi-word
    /// name's (`phrase`) adjective endings included (`исламского`:
    /// `исламск`), if that leaves a stem of at least three letters.
    pub fn strip_declined_ending<'a>(&self, folded_word: &'a str, phrase: bool) -> Option<&'a str> {
        let phrase_endings = match phrase {
            true => self.phrase_endings.as_slice(),
            false => &[],
        };
        self.endings
            .iter()
            .chain(phrase_endings)
            .filter_map(|ending| folded_word.strip_suffix(ending.as_str()))
            .filter(|stem| stem.chars().filter(|c| crate::text::is_letter(*c)).count() >= 3)
            .min_by_key(|stem| stem.len())
    }

    /// `form` with the case endings `found` carries where `nearest` has none:
    /// the fix of an unlisted spelling keeps the case it is written in
    /// (`Касыма Сулеймани`, nearest `Касым Сулеймани`, gives `Касема
    /// Сулеймани` for the preferred `Касем Сулеймани`; an ending replaces
    /// a final letter the rule names, as `Хузайфы` for `Хузайфа`). `None`
    /// when the three do not have the same number of words or no word has
    /// an ending.
    pub fn inflect_like(&self, found: &str, nearest: &str, form: &str) -> Option<String> {
        let found: Vec<&str> = found.split_whitespace().collect();
        let nearest: Vec<&str> = nearest.split_whitespace().collect();
        let form: Vec<&str> = form.split_whitespace().collect();
        if found.len() != nearest.len() || found.len() != form.len() {
            return None;
        }
        let mut changed = false;
        let words: Vec<String> = (0..form.len())
            .map(|i| match self.added_ending(found[i], nearest[i]) {
                Some(ending) => {
                    changed = true;
                    self.with_ending(form[i], &ending)
                }
                None => form[i].to_string(),
            })
            .collect();
        changed.then(|| words.join(" "))
    }

    /// The ending, as written, that `found` ends with and `nearest` does
    /// not, leaving a stem of at least three letters that is closer to
    /// `nearest` than `found` is (with a final letter the rule replaces, if
    /// any): `Касыма` for `Касем` has the ending `а`, while `Касым` has no
    /// ending `ым`. The longest such.
    fn added_ending(&self, found: &str, nearest: &str) -> Option<String> {
        let folded = fold_term(found, CaseMode::Fold);
        let nearest = fold_term(nearest, CaseMode::Fold);
        let distance = strsim::levenshtein(&folded, &nearest);
        let closer = |stem: &str| {
            let replaced = self.replaces.iter().map(|letter| format!("{stem}{letter}"));
            std::iter::once(stem.to_string())
                .chain(replaced)
                .any(|candidate| strsim::levenshtein(&candidate, &nearest) < distance)
        };
        let ending = self
            .endings
            .iter()
            .filter(|e| folded.ends_with(e.as_str()) && !nearest.ends_with(e.as_str()))
            .filter(|e| {
                let stem = &folded[..folded.len() - e.len()];
                stem.chars().filter(|c| crate::text::is_letter(*c)).count() >= 3 && closer(stem)
            })
            .max_by_key(|e| e.chars().count())?;
        // As written in the text: its last letters, as many as the ending's.
        let letters = ending.chars().count();
        let start = found.char_indices().rev().nth(letters - 1)?.0;
        Some(found[start..].to_string())
    }

    /// `word` with `ending`, replacing its last letter when the rule says
    /// an ending replaces it.
    fn with_ending(&self, word: &str, ending: &str) -> String {
        let last = word
            .chars()
            .last()
            .map(|c| fold_term(&c.to_string(), CaseMode::Fold));
        let stem = match last {
            Some(last) if self.replaces.contains(&last) => {
                &word[..word.len() - word.chars().last().map_or(0, char::len_utf8)]
            }
            _ => word,
        };
        let ending = match word.chars().any(char::is_lowercase) {
            true => ending.to_lowercase(),
            false => ending.to_uppercase(),
        };
        format!("{stem}{ending}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_takes_the_case_endings_of_the_spelling_it_replaces() {
        let russian = Inflections::default();
        let rule = russian.rule_for(&Language::parse("ru").unwrap()).unwrap();
        assert_eq!(
            rule.inflect_like("Касыма Сулеймани", "Касым Сулеймани", "Касем Сулеймани")
                .as_deref(),
            Some("Касема Сулеймани")
        );
        assert_eq!(
            rule.inflect_like("Хузайфы аль-Ансари", "Хузайфа аль-Ансари", "Хузайфа аль-Ансари")
                .as_deref(),
            Some("Хузайфы аль-Ансари")
        );
        // Nominative, or a name that ends as the listed one does: as listed.
        assert_eq!(
            rule.inflect_like("Касым Сулеймани", "Касем Сулеймани", "Касем Сулеймани"),
            None
        );
        assert_eq!(rule.inflect_like("Хамза", "Хамза", "Хамза"), None);
        // Words that do not line up: as listed.
        assert_eq!(
            rule.inflect_like("Касыма", "Касем Сулеймани", "Касем Сулеймани"),
            None
        );
    }

    #[test]
    fn russian_endings_and_stems() {
        let inflections = Inflections::default();
        let ru = inflections.rule_for(&Language::parse("ru-RU").unwrap()).unwrap();
        assert!(ru.is_ending("е") && ru.is_ending("ом"));
        assert!(!ru.is_ending("шах"));
        assert_eq!(ru.stem("газа"), Some("газ"));
        assert_eq!(ru.stem("керман"), None);
        let en = inflections.rule_for(&Language::parse("en-GB").unwrap()).unwrap();
        assert!(en.is_ending("s") && !en.is_ending("ing"));
        assert!(inflections.rule_for(&Language::parse("fr").unwrap()).is_none());
    }

    #[test]
    fn the_words_of_a_russian_name_and_their_declined_forms_share_a_stem() {
        let inflections = Inflections::default();
        let ru = inflections.rule_for(&Language::parse("ru").unwrap()).unwrap();
        assert!(ru.declines_phrases());
        for (word, declined) in [
            ("исламское", "исламского"),
            ("государство", "государстве"),
            ("министерство", "министерством"),
            ("красная", "красной"),
            ("площадь", "площади"),
            ("комитет", "комитете"),
            ("аллах", "аллаха"),
        ] {
            assert!(
                ru.is_declined_from(declined, ru.phrase_stem(word)),
                "{word} {declined}"
            );
        }
        assert!(!ru.is_declined_from("комитетчики", ru.phrase_stem("комитет")));
        // `Алла` is not a case of `Аллах`: `ах` is no nominative ending.
        assert!(!ru.is_declined_from("алла", ru.phrase_stem("аллах")));
        assert_eq!(ru.phrase_stem("газ"), "газ");
        let tg = inflections.rule_for(&Language::parse("tg").unwrap()).unwrap();
        assert!(!tg.declines_phrases());
    }

    #[test]
    fn configuration_replaces_or_removes_a_rule() {
        let mut inflections = Inflections::default();
        let tr = Language::parse("tr").unwrap();
        inflections.remove(&tr);
        assert!(inflections.rule_for(&tr).is_none());
        inflections.set(tr.clone(), &["DA".to_string()], &[]);
        assert!(inflections.rule_for(&tr).unwrap().is_ending("da"));
    }
}
