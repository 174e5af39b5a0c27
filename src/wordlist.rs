//! The common words of a language, and words that are identifiers.
//!
//! A word of the document's language is never an unlisted spelling of a
//! different word: `Multiple` is no spelling of `multiply`, nor `Regions` of
//! `regains`. Names are rarely common words, and a name that is one
//! (`Mashed` beside `Mashhad`) is more often the word. The lists live in
//! `wordlists/` with their sources and licences.
//!
//! The lists are stored folded as text is (`ё` as `е`, Persian `ی` and `ک`
//! as Arabic `ي` and `ك`, no zero-width non-joiner): a word is folded the
//! same way before it is looked up, so that `ещё`, or a Persian word typed
//! with Arabic letters, is found.

use std::sync::OnceLock;

use crate::lang::Language;
use crate::text::{fold_term, CaseMode};

/// English: SCOWL's words in lower-case letters (see `wordlists/README.md`).
const ENGLISH: &str = include_str!("../wordlists/en.txt");
/// English: SCOWL's capitalized words (names of people, places, peoples,
/// gods), lower-cased.
const ENGLISH_NAMES: &str = include_str!("../wordlists/en-names.txt");
/// Russian: the most frequent inflected forms of the lower-case entries of
/// Lebedev's hunspell dictionary (see `wordlists/README.md`).
const RUSSIAN: &str = include_str!("../wordlists/ru.txt");
/// Persian: the most frequent words that hazm's lexicon holds (see
/// `wordlists/README.md`).
const PERSIAN: &str = include_str!("../wordlists/fa.txt");

/// The lists of one language, indexed the first time they are asked for.
struct LanguageLists {
    words: CommonWords,
    /// The language's names, where a list of them is at hand.
    names: Option<CommonWords>,
    /// Whether the language capitalizes names and the words made from
    /// them (English `Monday`, `Russian`), which its list then leaves out;
    /// Russian writes `понедельник` and `русский`, Persian has no case.
    capitalizes_names: bool,
}

/// The lists of `language`, if termlint has them: one place to add a
/// language.
fn lists_for(language: &Language) -> Option<&'static LanguageLists> {
    static EN: OnceLock<LanguageLists> = OnceLock::new();
    static RU: OnceLock<LanguageLists> = OnceLock::new();
    static FA: OnceLock<LanguageLists> = OnceLock::new();
    let (lists, words, names, capitalizes_names) = match language.id().language.as_str() {
        "en" => (&EN, ENGLISH, Some(ENGLISH_NAMES), true),
        "ru" => (&RU, RUSSIAN, None, false),
        "fa" => (&FA, PERSIAN, None, false),
        _ => return None,
    };
    Some(lists.get_or_init(|| LanguageLists {
        words: CommonWords::new(words),
        names: names.map(CommonWords::new),
        capitalizes_names,
    }))
}

/// A sorted list of words, one per line, searched in place.
pub struct CommonWords {
    text: &'static str,
    /// Where each line starts.
    starts: Vec<u32>,
}

impl CommonWords {
    /// The common words of `language`, if termlint has a list of them.
    pub fn for_language(language: &Language) -> Option<&'static CommonWords> {
        lists_for(language).map(|lists| &lists.words)
    }

    /// The common words of `language` of which no rendering of a name is
    /// made only: its list where the language capitalizes names and the
    /// words made from them, so that the list holds none of them. A
    /// Russian list holds `понедельник`, the rendering of `Monday`.
    pub fn for_renderings(language: &Language) -> Option<&'static CommonWords> {
        lists_for(language)
            .filter(|lists| lists.capitalizes_names)
            .map(|lists| &lists.words)
    }

    /// The names (proper nouns) of `language` that termlint has a list of:
    /// a miscased acronym that is one of them is that name instead (the
    /// goddess `Isis` is not `ISIS`).
    pub fn names_for_language(language: &Language) -> Option<&'static CommonWords> {
        lists_for(language).and_then(|lists| lists.names.as_ref())
    }

    /// A list of the lines of `text`, which are sorted bytewise.
    fn new(text: &'static str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at as u32 + 1));
        if text.ends_with('\n') {
            starts.pop();
        }
        CommonWords { text, starts }
    }

    fn line(&self, index: usize) -> &'static str {
        let start = self.starts[index] as usize;
        // The last line ends at the text's end, without its line break, so
        // that the last word of a list is found too.
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.text.trim_end_matches('\n').len(), |&next| next as usize - 1);
        &self.text[start..end]
    }

    /// Whether `word`, in any case and folded as text is, is one of the
    /// list.
    pub fn contains(&self, word: &str) -> bool {
        // ASCII words, most of them, need only their case folded.
        let lower = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            fold_term(word, CaseMode::Fold)
        };
        let (mut low, mut high) = (0, self.starts.len());
        while low < high {
            let middle = (low + high) / 2;
            match self.line(middle).cmp(lower.as_str()) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// Prefixes of names that a capital follows (`McDonald`, `MacArthur`,
/// `DiCaprio`, `LeBron`, `FitzGerald`, `VanDyke`).
const NAME_PREFIXES: [&str; 12] = [
    "Mc", "Mac", "Di", "De", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "O",
];

/// Whether `word` is an identifier rather than a word of prose: it holds
/// letters and digits (`utf8`, not `2024`) or an underscore, or a capital
/// after a lower-case letter (`DataType`, `OnActivate`, `XmlMaps`) other
/// than after the prefix of a name (`McDonald`).
pub fn is_identifier(word: &str) -> bool {
    if word.contains('_') || (word.chars().any(char::is_numeric) && word.chars().any(char::is_alphabetic)) {
        return true;
    }
    let mut previous_lower = false;
    for (at, c) in word.char_indices() {
        if c.is_uppercase() && previous_lower && !NAME_PREFIXES.contains(&&word[..at]) {
            return true;
        }
        previous_lower = c.is_lowercase();
    }
    false
}

/// Whether `word` is an acronym: two letters or more, all capitals.
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// Whether `word` is a capital followed by lower-case letters only
/// (`Isis`), as a name is written.
pub fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && {
        let rest = chars.as_str();
        !rest.is_empty() && rest.chars().all(char::is_lowercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> &'static CommonWords {
        CommonWords::for_language(&"en-GB".parse().unwrap()).unwrap()
    }

    #[test]
    fn english_words_in_any_case_are_common_and_names_are_not() {
        let words = english();
        for word in [
            "Multiple", "modules", "REGIONS", "product", "a", "zoos", "zygotes",
        ] {
            assert!(words.contains(word), "{word}");
        }
        for name in ["Kerman", "Kirman", "Soleimani", "Khorasan", "zzz", ""] {
            assert!(!words.contains(name), "{name}");
        }
    }

    #[test]
    fn the_list_is_sorted_so_that_it_can_be_searched() {
        let words = english();
        let lines: Vec<&str> = (0..words.starts.len()).map(|i| words.line(i)).collect();
        assert!(lines.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(lines.first(), Some(&"a"));
    }

    #[test]
    fn only_languages_with_a_list_have_one() {
        for language in ["tg", "uz", "ar", "de"] {
            assert!(
                CommonWords::for_language(&language.parse().unwrap()).is_none(),
                "{language}"
            );
        }
        assert!(CommonWords::names_for_language(&"ru".parse().unwrap()).is_none());
        assert!(CommonWords::for_renderings(&"en".parse().unwrap()).is_some());
        assert!(CommonWords::for_renderings(&"ru".parse().unwrap()).is_none());
    }

    fn list(language: &str) -> &'static CommonWords {
        CommonWords::for_language(&language.parse().unwrap()).unwrap()
    }

    #[test]
    fn russian_words_are_known_inflected_and_names_are_not() {
        let words = list("ru");
        for word in ["Взрывы", "прогремели", "городе", "ещё", "ЕЩЕ", "керамика"]
        {
            assert!(words.contains(word), "{word}");
        }
        for name in ["Кермане", "Тегеран", "Хорасан", "Сулеймани", "Москва", "Кирман"]
        {
            assert!(!words.contains(name), "{name}");
        }
    }

    #[test]
    fn persian_words_are_known_as_typed_with_either_yeh_and_kaf() {
        let words = list("fa");
        // `کتاب` "book", `کشور` "country", `می‌شود` "becomes", `دولت`
        // "government", each also typed with Arabic kaf and yeh.
        for word in ["کتاب", "كتاب", "کشور", "می‌شود", "ميشود", "دولت"] {
            assert!(words.contains(word), "{word}");
        }
        for name in ["کرمان", "سلیمانی", "تهران", "خراسان"] {
            assert!(!words.contains(name), "{name}");
        }
    }

    #[test]
    fn every_list_is_sorted_and_stored_as_words_are_folded() {
        for language in ["en", "ru", "fa"] {
            let words = list(language);
            let lines: Vec<&str> = (0..words.starts.len()).map(|i| words.line(i)).collect();
            assert!(lines.windows(2).all(|pair| pair[0] < pair[1]), "{language}");
            for line in lines {
                assert_eq!(fold_term(line, CaseMode::Fold), line, "{language}");
            }
        }
    }

    #[test]
    fn names_of_the_language_are_known_in_any_case() {
        let names = CommonWords::names_for_language(&"en".parse().unwrap()).unwrap();
        assert!(names.contains("Isis") && names.contains("ISIS"));
        assert!(!names.contains("Isil") && !names.contains("multiple"));
        assert!(is_title_case("Isis") && is_title_case("Доиш"));
        assert!(
            !is_title_case("ISIS") && !is_title_case("isis") && !is_title_case("I") && !is_title_case("")
        );
    }

    #[test]
    fn acronyms_are_two_capitals_or_more() {
        for word in ["ISKP", "UI", "DDE", "IS-K"] {
            assert!(is_acronym(word), "{word}");
        }
        for word in ["A", "Isis", "Kerman", "al"] {
            assert!(!is_acronym(word), "{word}");
        }
    }

    #[test]
    fn identifiers_hold_digits_underscores_or_inner_capitals() {
        for word in [
            "DataType",
            "JavaScript",
            "utf8",
            "max_len",
            "ISO639",
            "OnActivate",
            "XmlMaps",
            "IsSigned",
        ] {
            assert!(is_identifier(word), "{word}");
        }
        for word in [
            "McDonald",
            "MacArthur",
            "DiCaprio",
            "LeBron",
            "Soleimani",
            "ISKP",
            "al",
            "O'Neill",
            "2024",
        ] {
            assert!(!is_identifier(word), "{word}");
        }
    }
}
