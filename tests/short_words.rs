//! Single words shorter than a lone name needs (five or six letters, or two
//! consonants: `Da'ish` for `Daesh`) in the unlisted check: found beside a
//! listed form of their concept, one letter from it, with the same first
//! and last letter; quiet otherwise.

mod common;

use common::builtin_findings;

#[test]
fn a_short_spelling_beside_a_listed_form_is_found() {
    let findings = builtin_findings(
        "en",
        "State media call the group Daesh.\n\nSome outlets write Da'ish instead.\n",
    );
    assert_eq!(findings, ["unlisted 3:20-3:26 «Da'ish» -> Daesh"]);
}

#[test]
fn a_short_spelling_alone_stays_quiet() {
    // Nothing else in the text names the group: five letters are too few
    // to call the word a spelling of it.
    assert_eq!(
        builtin_findings("en", "Some outlets write Da'ish instead.\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_short_word_with_another_ending_or_two_letters_changed_stays_quiet() {
    // `Europa` (an encoding's name) ends otherwise than `Europe`; `Левин`
    // (a surname) is two letters from `Ливан` (Lebanon), named just before.
    assert_eq!(
        builtin_findings("en", "Western Europe uses the Europa encoding.\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        builtin_findings("ru", "В Ливане прошли выборы. Писатель Левин приехал в Бейрут.\n"),
        Vec::<String>::new()
    );
}
