//! Orthography: whether a spelling that folds like a listed form is that
//! form, or differs from it in letters the document's language tells apart.
//!
//! Folding is right for *finding* a name and wrong for *judging* it: it
//! unifies Arabic and Persian yeh and kaf, drops the Tajik macron of `ӣ`
//! and `ӯ`, maps `ҳ қ ғ ҷ` to `х к г ч`, drops zero-width non-joiners and
//! every diacritic. This module compares a found spelling with a listed
//! form unit by unit (a letter and its combining marks), aligned through
//! their folds, and says which differences are real letters.
//!
//! # What is a difference
//! * **Presentation only, never**: Arabic presentation forms (read through
//!   their compatibility decomposition), the tatweel, ZWJ, bidi controls,
//!   NFC against NFD, letter case, apostrophe-like marks, how a separator is
//!   written (`al-Ansari`, `al Ansari`).
//! * **Letters a language distinguishes**, by table (see [`group_of`]):
//!   Persian `ی`/`ي`/`ى`, `ک`/`ك`, `ه`/`ة` and `ۀ`/`هٔ` (the ezafe written
//!   either way; an ezafe left out is not a misspelling); Tajik `ӣ ӯ ҳ қ ғ ҷ` against `и у х к г ч`; Uzbek
//!   Cyrillic `қ ғ ҳ ў` against `к г х у`. Arabic has none on purpose:
//!   writers in Egypt and elsewhere drop the dots of a final yeh, and a
//!   Persian yeh draws like it there. Other languages of these scripts
//!   (Urdu, Pashto, Kazakh…) have no table yet: their folded variants pass.
//! * **A zero-width non-joiner** present on one side only, in Persian, Urdu
//!   and Pashto, after a letter that joins the next: it changes how the
//!   word is drawn.
//! * **Latin diacritics** of a scholarly form (`Ḥudhayfah`): reported only
//!   as [`Verdict::Differs`] with `diacritics_only`, since whether they
//!   matter depends on the other listed forms (see the matcher): a plain
//!   `Hudhayfah` in English news is not a misspelling of `Ḥudhayfah`.

use unicode_normalization::UnicodeNormalization;

use crate::lang::Language;
use crate::text::{fold_term, CaseMode};

/// How a found spelling compares with one listed form that folds alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No difference the language makes: the listed form, as far as the
    /// reader is concerned.
    Same,
    /// A real difference.
    Differs {
        /// Every difference is a Latin diacritic (added, dropped or another
        /// one); no letter of a table differs.
        diacritics_only: bool,
    },
}

/// Compares `found` with `listed` (which should fold alike) in `language`.
/// Spellings that cannot be aligned through their folds are [`Verdict::Same`]:
/// this module judges only what it understands.
pub fn compare(found: &str, listed: &str, language: &Language) -> Verdict {
    let code = language.id().language.as_str();
    let (found, listed) = (units(found), units(listed));
    let (mut i, mut j) = (0, 0);
    let mut letters = false;
    let mut diacritics = false;
    // The last letter before the gap being read, on the listed side.
    let mut before: Option<char> = None;
    loop {
        let (found_joiner, next_i) = skip_ignorable(&found, i);
        let (listed_joiner, next_j) = skip_ignorable(&listed, j);
        (i, j) = (next_i, next_j);
        if found_joiner != listed_joiner && non_joiner_matters(code) && before.is_some_and(joins_next) {
            letters = true;
        }
        match (found.get(i), listed.get(j)) {
            (None, None) => break,
            (Some(a), Some(b)) if a.fold == " " && b.fold == " " => {
                i = skip_separators(&found, i);
                j = skip_separators(&listed, j);
                before = None;
            }
            (Some(a), Some(b)) if a.fold != " " && b.fold != " " => {
                let Some((end_i, end_j)) = align(&found, &listed, i, j) else {
                    return Verdict::Same;
                };
                if end_i == i + 1 && end_j == j + 1 {
                    match difference(a, b, code) {
                        Difference::None => {}
                        Difference::Letter => letters = true,
                        Difference::Diacritic => diacritics = true,
                    }
                }
                before = listed[end_j - 1].text.chars().next();
                (i, j) = (end_i, end_j);
            }
            // A space where the listed form joins two parts with a
            // non-joiner (`حزب الله` for `حزب‌الله`).
            (Some(a), Some(_)) if a.fold == " " && listed_joiner && non_joiner_matters(code) => {
                letters = true;
                i = skip_separators(&found, i);
            }
            _ => return Verdict::Same,
        }
    }
    match (letters, diacritics) {
        (false, false) => Verdict::Same,
        (letters, _) => Verdict::Differs {
            diacritics_only: !letters,
        },
    }
}

/// Whether comparing a found spelling with listed forms in `language` can
/// find a difference: the language has a table, or the spelling writes
/// Latin diacritics (the one difference every language makes, under the
/// matcher's conditions). Most mentions of a Russian or English text need
/// no comparison at all.
pub fn may_differ(found: &str, language: &Language) -> bool {
    has_table(language.id().language.as_str()) || has_latin_diacritics(found)
}

/// Whether the language has letters told apart here, or non-joiners.
fn has_table(language: &str) -> bool {
    matches!(language, "fa" | "tg" | "uz") || non_joiner_matters(language)
}

/// Whether `text` writes a Latin letter with a diacritic: a precomposed
/// one, a combining mark on a Latin letter, or a stroked letter.
pub fn has_latin_diacritics(text: &str) -> bool {
    let mut previous_latin = false;
    for c in text.chars() {
        if crate::text::is_combining_mark(c) && previous_latin {
            return true;
        }
        if matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic() {
            return true;
        }
        if !crate::text::is_combining_mark(c) {
            previous_latin = c.is_ascii_alphabetic();
        }
    }
    false
}

/// Whether a Latin spelling writes no diacritic: no combining mark and no
/// stroked letter (`ł ø đ ħ ı`), as a plain English form of a name does.
pub fn is_diacritic_free(text: &str) -> bool {
    text.nfd()
        .all(|c| !crate::text::is_combining_mark(c) && !is_stroked(c))
}

fn is_stroked(c: char) -> bool {
    matches!(
        c,
        'ł' | 'Ł' | 'ø' | 'Ø' | 'đ' | 'Đ' | 'ħ' | 'Ħ' | 'ı' | 'ŧ' | 'Ŧ' | 'ƶ' | 'Ƶ'
    )
}

/// One unit of a spelling: a character and its combining marks (NFC), and
/// its fold (empty for what folding ignores, a space for a separator).
struct Unit {
    text: String,
    fold: String,
}

/// The units of `text`, presentation forms read as the letters they
/// present.
fn units(text: &str) -> Vec<Unit> {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        if is_presentation_form(c) {
            chars.extend(std::iter::once(c).nfkd());
        } else {
            chars.extend(std::iter::once(c).nfd());
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    let mut current = String::new();
    for c in chars {
        if crate::text::is_combining_mark(c) && !current.is_empty() {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            units.push(unit(&current));
        }
        current.clear();
        current.push(c);
    }
    if !current.is_empty() {
        units.push(unit(&current));
    }
    units
}

fn unit(decomposed: &str) -> Unit {
    let text: String = decomposed.nfc().collect();
    let fold = crate::text::FoldedText::new(&text, CaseMode::Fold)
        .as_str()
        .to_string();
    // A separator alone folds to a space; `fold_term` would trim it away.
    let fold = if fold.trim().is_empty() && !fold.is_empty() {
        " ".to_string()
    } else {
        fold_term(&text, CaseMode::Fold)
    };
    Unit { text, fold }
}

/// Arabic presentation forms A and B: contextual shapes of letters that
/// some old text and PDF extraction write instead of the letters.
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Skips what folding ignores from `at`; says whether a zero-width
/// non-joiner was among it.
fn skip_ignorable(units: &[Unit], mut at: usize) -> (bool, usize) {
    let mut joiner = false;
    while let Some(unit) = units.get(at).filter(|u| u.fold.is_empty()) {
        joiner |= unit.text == "\u{200C}";
        at += 1;
    }
    (joiner, at)
}

/// Skips a run of separators and what folding ignores among them.
fn skip_separators(units: &[Unit], mut at: usize) -> usize {
    while units.get(at).is_some_and(|u| u.fold.is_empty() || u.fold == " ") {
        at += 1;
    }
    at
}

/// The ends of the smallest groups of units from `i` and `j` that fold to
/// the same text (one unit each, or `ß` against `ss`); `None` when the
/// folds part ways.
fn align(found: &[Unit], listed: &[Unit], mut i: usize, mut j: usize) -> Option<(usize, usize)> {
    let mut a = found.get(i)?.fold.clone();
    let mut b = listed.get(j)?.fold.clone();
    (i, j) = (i + 1, j + 1);
    while a != b {
        if a.len() < b.len() && b.starts_with(&a) {
            a.push_str(&found.get(i).filter(|u| !u.fold.is_empty() && u.fold != " ")?.fold);
            i += 1;
        } else if b.len() < a.len() && a.starts_with(&b) {
            b.push_str(
                &listed
                    .get(j)
                    .filter(|u| !u.fold.is_empty() && u.fold != " ")?
                    .fold,
            );
            j += 1;
        } else {
            return None;
        }
    }
    Some((i, j))
}

/// What tells two aligned units apart.
enum Difference {
    None,
    Letter,
    Diacritic,
}

fn difference(found: &Unit, listed: &Unit, language: &str) -> Difference {
    let (a, b) = (found.text.to_lowercase(), listed.text.to_lowercase());
    if a == b {
        return Difference::None;
    }
    let (a, b) = (table_letter(&a, language), table_letter(&b, language));
    if a == b {
        return Difference::None;
    }
    match (group_of(&a, language), group_of(&b, language)) {
        (Some(x), Some(y)) if x == y => return Difference::Letter,
        _ => {}
    }
    if is_latin(&found.text) && is_latin(&listed.text) {
        Difference::Diacritic
    } else {
        Difference::None
    }
}

/// A unit as the tables read it: its letter with the combining marks
/// dropped, except the hamza of Persian `هٔ` and the marks
/// that make `ӣ ӯ ў й` (whose NFC is one character).
fn table_letter(unit: &str, language: &str) -> String {
    let mut chars = unit.chars();
    let Some(base) = chars.next() else {
        return String::new();
    };
    let hamza_heh = base == '\u{0647}' && chars.any(|c| c == '\u{0654}') && language == "fa";
    if hamza_heh {
        return "\u{0647}\u{0654}".to_string();
    }
    base.to_string()
}

/// The group of letters a language tells apart that `letter` belongs to:
/// two different letters of one group are a misspelling of each other.
fn group_of(letter: &str, language: &str) -> Option<u8> {
    let group = match (language, letter) {
        ("fa", "\u{064A}" | "\u{0649}" | "\u{06CC}") => 0,
        ("fa", "\u{0643}" | "\u{06A9}") => 1,
        ("fa", "\u{0629}" | "\u{0647}") => 2,
        ("fa", "\u{06C0}" | "\u{0647}\u{0654}") => 3,
        ("tg", "и" | "ӣ") => 4,
        ("tg", "у" | "ӯ") | ("uz", "у" | "ў") => 5,
        ("tg" | "uz", "х" | "ҳ") => 6,
        ("tg" | "uz", "к" | "қ") => 7,
        ("tg" | "uz", "г" | "ғ") => 8,
        ("tg", "ч" | "ҷ") => 9,
        _ => return None,
    };
    Some(group)
}

fn is_latin(unit: &str) -> bool {
    unit.chars().next().is_some_and(|c| {
        c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
    })
}

/// Whether a zero-width non-joiner changes how words are drawn in the
/// language's script as it is written.
fn non_joiner_matters(language: &str) -> bool {
    matches!(language, "fa" | "ur" | "ps")
}

/// Whether an Arabic-script letter joins the letter after it (so that a
/// non-joiner after it shows).
fn joins_next(c: char) -> bool {
    let arabic = matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}');
    // Letters that join only the letter before them, and hamza alone.
    let right_joining = matches!(
        c,
        'ا' | 'آ' | 'أ' | 'إ' | 'ٱ' | 'د' | 'ذ' | 'ر' | 'ز' | 'ژ' | 'و' | 'ؤ' | 'ة' | 'ۀ' | 'ە' | 'ء'
    );
    arabic && !right_joining
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare_in(found: &str, listed: &str, language: &str) -> Verdict {
        compare(found, listed, &Language::parse(language).unwrap())
    }

    const SAME: Verdict = Verdict::Same;
    const LETTER: Verdict = Verdict::Differs {
        diacritics_only: false,
    };
    const DIACRITIC: Verdict = Verdict::Differs {
        diacritics_only: true,
    };

    #[test]
    fn persian_tells_arabic_yeh_kaf_and_teh_marbuta_apart() {
        assert_eq!(compare_in("قاسم سليماني", "قاسم سلیمانی", "fa"), LETTER);
        assert_eq!(compare_in("کرمان", "کرمان", "fa"), SAME);
        assert_eq!(compare_in("كرمان", "کرمان", "fa"), LETTER);
        assert_eq!(compare_in("حملۀ", "حملهٔ", "fa"), LETTER);
        // The ezafe left out is no misspelling.
        assert_eq!(compare_in("حمله", "حملهٔ", "fa"), SAME);
        // Arabic has no table: writers there drop the dots of a final yeh
        // (Egypt) and a Persian yeh draws alike at the end of a word.
        assert_eq!(compare_in("قاسم سلیمانی", "قاسم سليماني", "ar"), SAME);
    }

    #[test]
    fn presentation_forms_kashida_and_joiners_are_no_difference() {
        // Presentation forms of `سلیمانی`, a kashida, a ZWJ.
        assert_eq!(
            compare_in(
                "\u{FEB3}\u{FEE0}\u{FBFF}\u{FEE4}\u{FE8E}\u{FEE7}\u{FBFD}",
                "سلیمانی",
                "fa"
            ),
            SAME
        );
        assert_eq!(compare_in("سلیـمانی", "سلیمانی", "fa"), SAME);
        assert_eq!(compare_in("سلی\u{200D}مانی", "سلیمانی", "fa"), SAME);
    }

    #[test]
    fn a_missing_non_joiner_differs_after_a_joining_letter_only() {
        assert_eq!(compare_in("میخواهد", "می\u{200C}خواهد", "fa"), LETTER);
        // After `ا` nothing joins: the non-joiner is invisible.
        assert_eq!(compare_in("ابوحفص", "ابو\u{200C}حفص", "fa"), SAME);
        assert_eq!(compare_in("میخواهد", "می\u{200C}خواهد", "ar"), SAME);
    }

    #[test]
    fn tajik_letters_typed_as_russian_ones_differ() {
        assert_eq!(compare_in("Точикистон", "Тоҷикистон", "tg"), LETTER);
        assert_eq!(compare_in("Рахмон", "Раҳмон", "tg"), LETTER);
        assert_eq!(compare_in("Тоҷикистон", "Тоҷикистон", "tg"), SAME);
        assert_eq!(compare_in("ТОҶИКИСТОН", "Тоҷикистон", "tg"), SAME);
        // NFD of `ӣ` is `ӣ`.
        assert_eq!(compare_in("Ҷумъаи\u{0304}", "Ҷумъаӣ", "tg"), SAME);
        assert_eq!(compare_in("Ҷумъаи", "Ҷумъаӣ", "tg"), LETTER);
        // Russian has no such letters: `ё` for `е` is no misspelling.
        assert_eq!(compare_in("Королёв", "Королев", "ru"), SAME);
    }

    #[test]
    fn latin_diacritics_are_told_apart_as_diacritics() {
        assert_eq!(compare_in("Hudhayfah", "Ḥudhayfah", "en"), DIACRITIC);
        assert_eq!(compare_in("Ḥudhāyfah", "Ḥudhayfah", "en"), DIACRITIC);
        assert_eq!(compare_in("H\u{0323}udhayfah", "Ḥudhayfah", "en"), SAME);
        assert_eq!(compare_in("al-Ansari", "al Ansari", "en"), SAME);
        assert!(is_diacritic_free("Abu Hudhayfah"));
        assert!(!is_diacritic_free("Abū Ḥudhayfah"));
    }
}
