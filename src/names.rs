//! Name parts: the particles, given names and surname of a person's name.
//!
//! A press text names a person in full once (`Qassem Soleimani`,
//! `Abu Bakr al-Baghdadi`) and by surname after that (`Soleimani’s`,
//! `al-Baghdadi`, `Baghdadi`). [`surname`] finds the surname in a full
//! form: its last word, with the particle that belongs to it, joined by a
//! hyphen (`al-Baghdadi`, `аль-Багдади`) or standing before it (`bin
//! Laden`), and the *core* without that particle (`Baghdadi`). A name with
//! no given name before its surname (`Abu Hudhayfah`: a kunya, a particle
//! and one word) has no surname to use alone, and neither has an
//! Arabic-script name whose last word carries the article `ال`
//! (`سيف الله المجاهد`): without capitals such a word alone cannot be told
//! from the ordinary word.

use std::ops::Range;

use crate::text::{fold_term, CaseMode};
use crate::translit::is_name_particle;

/// Surnames shorter than this many letters are not used alone: too many
/// ordinary words and given names are that short.
pub const MIN_SURNAME_LETTERS: usize = 4;

/// Particles that open a name but are not joined to the surname: `Abu`
/// (father of), `Umm` (mother of).
const NAME_OPENERS: [&str; 4] = ["abu", "umm", "абу", "умм"];

/// Where the surname of a full name lies, in bytes of the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Surname {
    /// The surname with its particle (`al-Baghdadi`, `bin Laden`); the
    /// same as `core` when it has none.
    pub with_particle: Range<usize>,
    /// The surname without its particle (`Baghdadi`, `Laden`).
    pub core: Range<usize>,
}

impl Surname {
    /// Whether the surname carries a particle.
    pub fn has_particle(&self) -> bool {
        self.with_particle != self.core
    }
}

/// Whether a folded word is a particle of a name (`al`, `bin`, `аль`) or
/// opens one (`abu`).
pub fn is_particle(folded_word: &str) -> bool {
    is_name_particle(folded_word, false) || NAME_OPENERS.contains(&folded_word)
}

/// The surname of a person's full form, if it has one that may stand
/// alone: at least two words, one of them before the surname and not a
/// particle, and a core of [`MIN_SURNAME_LETTERS`] letters or more that
/// starts with a capital (in a script with case).
pub fn surname(name: &str) -> Option<Surname> {
    let words: Vec<Range<usize>> = word_ranges(name);
    let (last, before) = words.split_last()?;
    let (core, joined_particle) = split_joined_particle(name, last.clone(), false);
    let mut start = last.start;
    let mut given = before;
    if joined_particle.is_none() {
        if let Some((previous, rest)) = before.split_last() {
            if is_particle(&fold_term(&name[previous.clone()], CaseMode::Fold))
                && name[previous.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            {
                start = previous.start;
                given = rest;
            }
        }
    }
    let has_given_name = given
        .iter()
        .any(|word| !is_particle(&fold_term(&name[word.clone()], CaseMode::Fold)));
    let core_text = &name[core.clone()];
    let letters = core_text.chars().filter(|c| c.is_alphabetic()).count();
    let capitalized = core_text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_lowercase());
    (has_given_name && letters >= MIN_SURNAME_LETTERS && capitalized && !is_arabic_nisba(core_text))
        .then_some(Surname {
            with_particle: start..last.end,
            core,
        })
}

/// Whether `word` carries the Arabic article joined to it (`المجاهد`,
/// `القرشي`): in Arabic script, with no capitals to set a name apart, such a
/// word alone is as often an ordinary noun or adjective (`the fighter`) as
/// the person's nisba, so it is not used as a surname alone.
fn is_arabic_nisba(word: &str) -> bool {
    word.starts_with("ال")
}

/// The surname part of a full form as it should replace `found`, a surname
/// written alone: with the particle when `found` has one, without it when
/// not, so that a fix never adds or drops a particle (`Baghdadi` →
/// `Bagdadi`, `al-Baghdadi` → `al-Bagdadi`). `None` when the full form has
/// no surname.
pub fn surname_like(found: &str, full_form: &str) -> Option<String> {
    let surname = surname(full_form)?;
    let found_has_particle = split_joined_particle(found, 0..found.len(), true).1.is_some()
        || found.split_whitespace().count() > 1;
    let range = if found_has_particle {
        surname.with_particle
    } else {
        surname.core
    };
    let written = &full_form[range];
    // At the start of a sentence the particle is capitalized: so is the fix.
    let mut chars = written.chars();
    match (found.chars().next(), chars.next()) {
        (Some(first), Some(initial)) if first.is_uppercase() && initial.is_lowercase() => {
            Some(initial.to_uppercase().chain(chars).collect())
        }
        _ => Some(written.to_string()),
    }
}

/// The core of a surname written alone: without the particle it carries.
pub fn surname_core(found: &str) -> &str {
    if let Some(last_space) = found.trim_end().rfind(char::is_whitespace) {
        let (particle, rest) = found.split_at(last_space);
        if is_particle(&fold_term(particle, CaseMode::Fold)) {
            return rest.trim_start();
        }
    }
    &found[split_joined_particle(found, 0..found.len(), true).0]
}

/// Splits a particle joined by a hyphen off the start of the word at
/// `word`: (`Baghdadi`, `Some(al)`) for `al-Baghdadi`. In a glossary form
/// only a lower-case particle is one (`Al-Qaeda` is a name of its own);
/// in running text, with `any_case`, a capitalized one too (`Al-Baghdadi`
/// opening a sentence).
fn split_joined_particle(
    name: &str,
    word: Range<usize>,
    any_case: bool,
) -> (Range<usize>, Option<Range<usize>>) {
    let text = &name[word.clone()];
    if let Some(hyphen) = text.find(['-', '\u{2010}', '\u{2011}']) {
        let particle = &text[..hyphen];
        let after = hyphen + text[hyphen..].chars().next().map_or(1, char::len_utf8);
        if !particle.is_empty()
            && after < text.len()
            && is_particle(&fold_term(particle, CaseMode::Fold))
            && (any_case || particle.chars().next().is_some_and(char::is_lowercase))
        {
            return (
                word.start + after..word.end,
                Some(word.start..word.start + hyphen),
            );
        }
    }
    (word, None)
}

/// The byte ranges of the words of `name`, split at white space.
fn word_ranges(name: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in name.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                words.push(from..at);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push(from..name.len());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(name: &str) -> Option<(&str, &str)> {
        surname(name).map(|s| (&name[s.with_particle], &name[s.core]))
    }

    #[test]
    fn the_last_word_with_its_particle() {
        assert_eq!(parts("Qassem Soleimani"), Some(("Soleimani", "Soleimani")));
        assert_eq!(parts("Abu Bakr al-Baghdadi"), Some(("al-Baghdadi", "Baghdadi")));
        assert_eq!(parts("Osama bin Laden"), Some(("bin Laden", "Laden")));
        assert_eq!(parts("Абу Бакр аль-Багдади"), Some(("аль-Багдади", "Багдади")));
        assert_eq!(parts("قاسم سليماني"), Some(("سليماني", "سليماني")));
        assert_eq!(
            parts("سيف الله المجاهد"),
            None,
            "an Arabic nisba with the article"
        );
    }

    #[test]
    fn no_surname_without_a_given_name_or_too_short() {
        assert_eq!(parts("Abu Hudhayfah"), None, "a kunya");
        assert_eq!(parts("Soleimani"), None, "one word");
        assert_eq!(parts("Ali Ali"), None, "three letters");
        assert_eq!(parts("Mohammad al-Ali"), None, "three letters");
        assert_eq!(parts("Jean-Paul Sartre"), Some(("Sartre", "Sartre")));
    }

    #[test]
    fn a_replacement_keeps_the_particle_as_found() {
        assert_eq!(
            surname_like("Baghdadi", "Abu Bakr al-Bagdadi").as_deref(),
            Some("Bagdadi")
        );
        assert_eq!(
            surname_like("al-Baghdadi", "Abu Bakr al-Bagdadi").as_deref(),
            Some("al-Bagdadi")
        );
        assert_eq!(
            surname_like("Soleimany", "Qassem Soleimani").as_deref(),
            Some("Soleimani")
        );
        assert_eq!(surname_like("Hudhayfah", "Abu Hudhayfah"), None);
        assert_eq!(
            surname_like("Al-Bagdadi", "Abu Bakr al-Baghdadi").as_deref(),
            Some("Al-Baghdadi")
        );
        assert_eq!(surname_core("al-Baghdadi"), "Baghdadi");
        assert_eq!(surname_core("Al-Baghdadi"), "Baghdadi");
        assert_eq!(surname_core("bin Laden"), "Laden");
        assert_eq!(surname_core("Soleimani"), "Soleimani");
    }
}
