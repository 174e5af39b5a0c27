//! Transliteration keys: one key for the many romanizations of a name.
//!
//! A name written in Arabic, Persian, Russian, Tajik or Uzbek reaches English
//! through several romanization systems, and through press habits that follow
//! none. The key keeps what those systems agree on — the consonant skeleton —
//! and merges what they render differently. It is computed on *folded* words
//! (lowercase, no diacritics, no apostrophes; see [`crate::text`]).
//!
//! # Rules, and where they come from
//! | rule | source |
//! |---|---|
//! | Cyrillic letters to Latin first (`х` kh, `ж` zh, `ч` ch, `ш` sh, `щ` shch, `ц` ts, `й` y, `ю` yu, `я` ya); Tajik `ғ` gh, `қ` q, `ҳ` h, `ҷ` j; Uzbek `ў` o | Russian passport transliteration (ICAO Doc 9303 as adopted in 2013), BGN/PCGN Russian, Tajik and Uzbek Cyrillic alphabets |
//! | `q`, `k`, `gh`, `g`, hard `c`, `ck` are one consonant | ق rendered q (ALA-LC, DIN 31635, IJMES), k (press), and غ/گ gh or g (BGN/PCGN Persian, Tajik `ғ`) |
//! | `kh`, `x`, `h` are one consonant (`ḥ` folds to `h`) | خ kh (ALA-LC, BGN/PCGN), x (Uzbek Latin), ḥ for ح (DIN 31635, IJMES) written plain h in the press |
//! | `dh`, `th`, `z` (`ẓ`, `ż`) are one consonant | ذ dh and ث th (ALA-LC, IJMES) pronounced and written z in Persian and the press; ظ ẓ (DIN 31635) |
//! | `j`, `dj`, `dzh`, `zh`, `dsch` are one consonant | ج j (ALA-LC), dj (French), dzh (Russian `дж`), dsch (German) |
//! | `sh`, `sch`, `ch`, `tch`, `tsch` are one consonant | ش sh (ALA-LC), ch (French), sch (German); چ ch and Russian `ч` tch/tsch (French, German) |
//! | `ph` is `f`; `w` is `v` between vowels or before one | ف and Greek-style ph; و v (Persian, BGN/PCGN Persian) or w (ALA-LC Arabic) |
//! | every run of vowels (`a e i o u y`, and `w` after a vowel and before a consonant, as in `Nowruz`) is one vowel | vowel marks are not written in Arabic script, so every system and the press guess them differently: `ou`/`u`/`oo` (French, English), `i`/`ee`/`y`/`ey`, `ai`/`ay`/`ei` |
//! | a word-final `h` after a vowel is dropped (`-ah`, `-eh` = `-a`, `-e`) | ة and final ه rendered -ah (ALA-LC), -a (IJMES, press), -eh (Persian BGN/PCGN) |
//! | doubled letters are single | shadda (gemination) is marked by doubling in ALA-LC and DIN but often not in the press (`Qassem`/`Qasem`) |
//! | the Arabic article `al`, `el`, `ul`, `il` keeps only its vowel; so do the assimilated `ash`, `ar`, `ad`, `an`, `as`, `at`, `az`, `adh`, `ath`, `ud`, `ur`, … but only when joined by a hyphen | ال rendered al- (ALA-LC, IJMES), el- (Egyptian and French press), ul- (South Asian), assimilated before sun letters (DIN 31635, IJMES: ash-Shām) |
//! | `abdel`, `abdul`, `abdol`, `abdal` are `abd` + the article | عبد ال… written as one word in the press |
//!
//! Vowels count for half of a consonant when keys are compared
//! ([`key_distance`]), since they are the least stable part of a romanization.

/// The transliteration key of one folded word: consonant classes as capital
/// letters and `a` for each run of vowels. An Arabic article keeps only its
/// vowel, so that `ud-Din` = `u-Din` and `Abd al-Rahman` = `Abdulrahman`.
pub fn word_key(folded_word: &str, joined_by_hyphen: bool) -> String {
    let latin = to_latin(folded_word);
    if is_article(&latin, joined_by_hyphen) {
        return VOWEL.to_string();
    }
    // The Arabic-script article is written joined to its word (`الموحد`):
    // it keeps only its vowel, as `al-` does, so that a name written with
    // or without it has nearly one key.
    if let Some(rest) = latin.strip_prefix("ال").filter(|rest| rest.chars().count() >= 2) {
        return join_keys([VOWEL.to_string().as_str(), word_key(rest, false).as_str()]);
    }
    skeleton(&dedouble(&strip_abd_article(&latin)))
}

/// The key of a phrase: the keys of its words joined, with adjacent vowel
/// marks merged (`Seif-Allah` = `Sayfullah`).
///
/// ```
/// use termlint::translit::{join_keys, word_key};
/// let key = |words: &[&str]| {
///     let keys: Vec<String> = words.iter().map(|w| word_key(w, false)).collect();
///     join_keys(keys.iter().map(String::as_str))
/// };
/// assert_eq!(key(&["qassem", "soleimani"]), key(&["ghasem", "suleimani"]));
/// ```
pub fn join_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> String {
    let mut joined = String::new();
    for key in keys {
        for symbol in key.chars() {
            if !(symbol == VOWEL && joined.ends_with(VOWEL)) {
                joined.push(symbol);
            }
        }
    }
    joined
}

/// The consonants of a key, without its vowel marks.
pub fn consonants(key: &str) -> String {
    key.chars().filter(|&c| c != VOWEL).collect()
}

/// Weighted edit distance between two keys: inserting, deleting or
/// substituting a vowel mark costs 0.5, a consonant 1.
pub fn key_distance(a: &str, b: &str) -> f32 {
    let cost = |c: char| if c == VOWEL { 0.5 } else { 1.0 };
    // One row of the table, reused from call to call: the unlisted search
    // compares hundreds of thousands of keys in a large run.
    thread_local! {
        static ROW: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    ROW.with_borrow_mut(|row| {
        row.clear();
        row.push(0.0);
        let mut sum = 0.0;
        for cb in b.chars() {
            sum += cost(cb);
            row.push(sum);
        }
        for ca in a.chars() {
            // `diagonal` is the previous row's value left of `j + 1`.
            let mut diagonal = row[0];
            row[0] += cost(ca);
            for (j, cb) in b.chars().enumerate() {
                let substitute = if ca == cb { 0.0 } else { cost(ca).max(cost(cb)) };
                let best = (diagonal + substitute)
                    .min(row[j + 1] + cost(ca))
                    .min(row[j] + cost(cb));
                diagonal = row[j + 1];
                row[j + 1] = best;
            }
        }
        row[row.len() - 1]
    })
}

/// A list of words, and a function telling whether a word is one of them:
/// a `match`, which compares a word with the few of its length, where
/// looking through the list compared it with each.
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $is_in:ident, [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        #[cfg_attr(not(test), allow(dead_code))]
        const $list: &[&str] = &[$($word),*];

        fn $is_in(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
}

word_list!(
    /// Lower-case words that may stand inside a name: Arabic, Persian and
    /// European particles, and the prepositions of organisation names
    /// (`Voice of Khurasan`, `Foundation for Media Production`); then the
    /// Russian and Tajik spellings of the Arabic article and of `ibn`/`bin`.
    NAME_PARTICLES,
    is_particle,
    [
        "al", "el", "ul", "il", "ad", "ar", "as", "ash", "at", "az", "ud", "ur", "us", "e", "bin", "ibn", "bint",
        "ben", "de", "da", "di", "du", "del", "der", "van", "von", "la", "le", "of", "for", "аль", "ал", "эль",
        "уль", "ад", "ас", "аш", "ат", "ибн", "бин",
    ]
);

/// The most letters a name particle has (`bint`), conjunctions included.
pub const MAX_PARTICLE_LETTERS: usize = 4;

/// Whether a folded lower-case word may stand inside a name. `and` and
/// `in` count only when `conjunctions` is set (organisation names such as
/// `Research and Self-Sufficiency Jihad Organization`, `Islamic Resistance
/// in Iraq`): a name followed by `in` and a place (`Farhod Rakimov in
/// Tashkent`) is otherwise one name too many for `glossary suggest`.
pub fn is_name_particle(folded_word: &str, conjunctions: bool) -> bool {
    if folded_word.is_ascii() && !may_be_ascii_particle(folded_word.as_bytes()) {
        return false; // most short words of a Latin text, told at once
    }
    is_particle(folded_word) || (conjunctions && is_conjunction(folded_word))
}

/// Whether an ASCII word has the length and first letter of a particle or
/// conjunction (a test keeps this true of each of them).
fn may_be_ascii_particle(word: &[u8]) -> bool {
    word.len() <= MAX_PARTICLE_LETTERS
        && matches!(
            word.first(),
            Some(b'a' | b'b' | b'd' | b'e' | b'f' | b'i' | b'l' | b'o' | b'u' | b'v')
        )
}

word_list!(
    /// The conjunctions and prepositions that join the parts of a name:
    /// `and` and `in`, the Russian `и` (`Систан и Белуджистан`), the
    /// Ukrainian `і` and `та`, and the Tajik and Uzbek `ва`/`va`.
    CONJUNCTIONS,
    is_conjunction,
    ["and", "in", "и", "і", "та", "ва", "va"]
);

/// The vowel mark in keys.
pub const VOWEL: char = 'a';

/// Folded Cyrillic letters in Latin, by the rules of the keys (other
/// letters as they are): what a Cyrillic spelling is compared with a
/// Latin one by.
pub fn to_latin(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match cyrillic(c) {
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
    out
}

/// Cyrillic to Latin, for folded (lowercase, diacritic-free but `й`) text.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "gh",
        'д' => "d",
        'е' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ы' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ү' | 'ұ' => "u",
        'ф' => "f",
        'х' | 'ҳ' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ҷ' => "j",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        'ө' => "o",
        'ң' => "ng",
        _ => return None,
    })
}

/// `abdel`, `abdul`, `abdol`, `abdal`, `abdil` (+ name) → `abda` (+ name):
/// `abd` and the article's vowel.
fn strip_abd_article(word: &str) -> String {
    for prefix in ["abdel", "abdul", "abdol", "abdal", "abdil"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            return format!("abda{rest}");
        }
    }
    word.to_string()
}

fn is_article(word: &str, joined_by_hyphen: bool) -> bool {
    const ARTICLES: [&str; 4] = ["al", "el", "ul", "il"];
    const ASSIMILATED: [&str; 16] = [
        "ash", "ar", "ad", "an", "as", "at", "az", "adh", "ath", "ud", "ur", "un", "us", "ut", "uz", "ush",
    ];
    ARTICLES.contains(&word) || (joined_by_hyphen && ASSIMILATED.contains(&word))
}

fn dedouble(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Maps a Latin word to consonant classes and vowel marks.
fn skeleton(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut key = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let (symbol, used) = classify(rest, i.checked_sub(1).map(|p| chars[p]));
        i += used;
        match symbol {
            Some(VOWEL) if key.ends_with(VOWEL) => {}
            Some(symbol) => key.push(symbol),
            None => {}
        }
    }
    // A word-final h after a vowel (-ah, -eh) is not written in other systems.
    if key.ends_with("aH") && word.ends_with('h') {
        key.pop();
    }
    key
}

/// The symbol of the longest rule matching at the start of `rest`, and how
/// many letters it takes.
fn classify(rest: &[char], previous: Option<char>) -> (Option<char>, usize) {
    if let Some((symbol, used)) = letter_group(rest) {
        return (Some(symbol), used);
    }
    let c = rest[0];
    let next = rest.get(1).copied();
    let symbol = match c {
        _ if is_vowel(c) => VOWEL,
        // `ow`, `aw` before a consonant are a vowel (Nowruz = Noruz); at the
        // end of a word or before a vowel, w is the consonant و.
        'w' => {
            let after_vowel = previous.is_some_and(is_vowel);
            let before_consonant = next.is_some_and(|n| !is_vowel(n));
            if after_vowel && before_consonant {
                VOWEL
            } else {
                'V'
            }
        }
        'c' if next.is_some_and(|n| matches!(n, 'e' | 'i' | 'y')) => 'S',
        'b' => 'B',
        'p' => 'P',
        'f' => 'F',
        'v' => 'V',
        'm' => 'M',
        'n' => 'N',
        'l' => 'L',
        'r' => 'R',
        't' => 'T',
        'd' => 'D',
        's' => 'S',
        'z' => 'Z',
        'j' => 'J',
        'q' | 'k' | 'g' | 'c' => 'K',
        'h' | 'x' => 'H',
        _ if crate::text::is_letter_or_digit(c) => c.to_ascii_uppercase(),
        _ => return (None, 1),
    };
    (Some(symbol), 1)
}

/// The consonant of a letter group at the start of `rest`, longest first.
fn letter_group(rest: &[char]) -> Option<(char, usize)> {
    Some(match rest {
        ['t', 's', 'c', 'h', ..] | ['s', 'h', 'c', 'h', ..] => ('X', 4),
        ['d', 's', 'c', 'h', ..] => ('J', 4),
        ['d', 'z', 'h', ..] => ('J', 3),
        ['s', 'c', 'h', ..] | ['t', 'c', 'h', ..] => ('X', 3),
        ['s', 'h', ..] | ['c', 'h', ..] => ('X', 2),
        ['z', 'h', ..] | ['d', 'j', ..] => ('J', 2),
        ['k', 'h', ..] => ('H', 2),
        ['g', 'h', ..] | ['c', 'k', ..] => ('K', 2),
        ['d', 'h', ..] | ['t', 'h', ..] => ('Z', 2),
        ['p', 'h', ..] => ('F', 2),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_particle_has_more_letters_than_the_unlisted_check_folds() {
        for particle in NAME_PARTICLES.iter().chain(CONJUNCTIONS) {
            assert!(particle.chars().count() <= MAX_PARTICLE_LETTERS, "{particle}");
            assert!(is_name_particle(particle, true), "{particle}");
            if particle.is_ascii() {
                assert!(may_be_ascii_particle(particle.as_bytes()), "{particle}");
            }
        }
        assert!(!is_name_particle("the", true) && !is_name_particle("and", false));
    }

    fn key(phrase: &str) -> String {
        let words: Vec<(String, bool)> = phrase
            .split(' ')
            .flat_map(|chunk| {
                let parts: Vec<&str> = chunk.split('-').collect();
                let last = parts.len() - 1;
                parts
                    .into_iter()
                    .enumerate()
                    .map(move |(i, p)| (crate::text::fold_term(p, crate::text::CaseMode::Fold), i < last))
            })
            .collect();
        let keys: Vec<String> = words.iter().map(|(w, hyphen)| word_key(w, *hyphen)).collect();
        join_keys(keys.iter().map(String::as_str))
    }

    #[test]
    fn romanizations_of_one_name_share_a_key() {
        for (a, b) in [
            ("Qassem Soleimani", "Qasem Suleimani"),
            ("Qassem Soleimani", "Ghasem Soleimani"),
            ("Abu Ḥudhayfah al-Ansari", "Abu Hudhaifa al-Ansari"),
            ("Abu Hudhayfah al-Ansari", "Abou Houdheifa el-Ansari"),
            ("Khorasan", "Xuroson"),
            ("Khurasan", "Хорасан"),
            ("Umar al-Muvahhid", "Omar al-Mowahhed"),
            ("Sayfullah al-Mujahid", "Seif-Allah al-Mujahed"),
            ("Rahmatollah Nowruzov", "Rahmatullah Noruzov"),
            ("Shahab-ud-Din", "Shahab-U-Din"),
            ("Abdel Moneim", "Abd al-Moneim"),
            ("Abdul Rahman", "Abdulrahman"),
            ("Jalal-Abad", "Джалал-Абад"),
            ("Hezbollah", "Hizbullah"),
            ("Kerman", "Kirman"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (a, b) in [
            ("Kerman", "Kermanshah"),
            ("Abu Hafs", "Abu Hudhayfah"),
            ("Hassan Firouzabadi", "Abdolhassan Firouzabadi"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn assimilated_articles_need_a_hyphen() {
        assert_eq!(key("as-Safrani"), key("al-Safrani"));
        assert_ne!(key("as Safrani"), key("Safrani"));
    }

    #[test]
    fn the_joined_arabic_article_keeps_only_its_vowel() {
        let with = word_key("الموحد", false);
        assert_eq!(key_distance(&with, &word_key("موحد", false)), 0.5);
        // A word that is only the article and a letter is no article.
        assert_eq!(
            word_key("الا", false),
            skeleton(&dedouble(&strip_abd_article("الا")))
        );
    }

    #[test]
    fn vowels_cost_half() {
        assert_eq!(key_distance("KaRMaN", "KaRMaN"), 0.0);
        assert_eq!(key_distance("KRMaN", "KaRMaN"), 0.5);
        assert_eq!(key_distance("KaRMaN", "KaRMaNXaH"), 2.5);
        assert_eq!(key_distance("KaRMaN", "KaRTaN"), 1.0);
    }
}
