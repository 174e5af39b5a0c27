//! Property tests (issue 8): random texts built from the test glossary's
//! forms, filler words, combining marks, mixed scripts and CRLF line ends,
//! checked and fixed through the library.
//!
//! * every finding's span lies on character boundaries and slices the
//!   original to the reported `found`;
//! * after `--fix` (every edit applied, none skipped), a check finds no
//!   `deprecated`, `case` or `inconsistent` finding;
//! * fixing changes bytes only inside reported spans;
//! * fixing twice gives what fixing once gives;
//! * folding the same text twice gives the same text and map, and every
//!   folded range maps back to a range on character boundaries.

mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use termlint::check::{CheckId, Finding};
use termlint::config::Config;
use termlint::document::Format;
use termlint::fix::{apply, plan, FixOptions};
use termlint::glossary::GlossaryLoader;
use termlint::lang::Language;
use termlint::lint::Linter;
use termlint::matcher::Matcher;
use termlint::text::{CaseMode, FoldedText};

/// The linter over the test glossary, built once.
fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_path(&common::test_glossary());
        let glossary = loader.load().expect("the test glossary loads");
        Linter::new(Matcher::new(glossary).expect("compiles"), Config::default())
    })
}

/// Forms of the test glossary (preferred, admitted, deprecated, acronyms,
/// other scripts) and their case variants.
const FORMS: &[&str] = &[
    "Abu Hudhayfah al-Ansari",
    "Abū Ḥudhayfah al-Anṣārī",
    "Abu Hudhaifa al-Ansari",
    "ABU HUDHAIFA AL-ANSARI",
    "Abu Hafs al-Hashimi al-Qurashi",
    "Khorasan",
    "Khurasan",
    "khurasan",
    "Xuroson",
    "Kerman",
    "Kirman",
    "KIRMAN",
    "kirman",
    "Kermanshah",
    "ISKP",
    "Iskp",
    "iskp",
    "ISIS-K",
    "Islamic State Khorasan Province",
    "Voice of Khurasan",
    "Xuroson Ovozi",
    "Qassem Soleimani",
    "Qasem Soleimani",
    "Ghasem Soleimani",
    "Касем Сулеймани",
    "قاسم سلیمانی",
    "قاسم سليماني",
    "Shia",
    "Shiʿa",
    "Shiah",
];

/// Filler: words, other scripts, emoji, punctuation.
const FILLER: &[&str] = &[
    "the",
    "in",
    "and",
    "spoke",
    "of",
    "Abu",
    "al",
    "German",
    "Ansari",
    "Кирмане",
    "в",
    "Москва",
    "كرمان",
    "سلام",
    "日本",
    "🙂",
    "x",
    "Ḥ",
    "ß",
    "Straße",
    "İ",
    "(",
    ")",
    ".",
    ",",
    "\"",
    "'s",
    "’",
    "&",
    "#",
];

/// What goes between and after pieces: spaces, line ends, marks.
const JOINERS: &[&str] = &[
    " ", " ", " ", "\r\n", "\n", "\n\n", "\r\n\r\n", "-", "\u{0301}", "\u{0308}", "\u{200C}", "\u{00A0}",
    "\t",
];

/// A random text of glossary forms, filler and joiners.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        3 => prop::sample::select(FORMS),
        2 => prop::sample::select(FILLER),
    ];
    let piece = (word, prop::sample::select(JOINERS)).prop_map(|(w, j)| format!("{w}{j}"));
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// The findings of `text` as plain text in English.
fn check(text: &str) -> Vec<Finding> {
    let english = Language::parse("en").expect("en");
    linter()
        .check_text(text, Format::Text, &english)
        .expect("plain text always parses")
}

/// The text with every fixable finding fixed, and whether an edit was
/// skipped for overlapping another.
fn fix(text: &str) -> (String, bool) {
    let plan = plan(&check(text), FixOptions::default());
    (apply(text, &plan.edits), !plan.skipped.is_empty())
}

fn is_fixable(check: CheckId) -> bool {
    matches!(check, CheckId::Deprecated | CheckId::Case | CheckId::Inconsistent)
}

proptest! {
    // 256 cases by default; `PROPTEST_CASES=N` runs more.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_the_original_to_what_was_found(text in text()) {
        for finding in check(&text) {
            let range = finding.range.clone();
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            prop_assert_eq!(text.get(range), Some(finding.found.as_str()));
        }
    }

    #[test]
    fn fixing_leaves_nothing_to_fix(text in text()) {
        let (fixed, skipped) = fix(&text);
        prop_assume!(!skipped);
        let left: Vec<String> = check(&fixed)
            .into_iter()
            .filter(|f| is_fixable(f.check))
            .map(|f| format!("{:?} {:?}", f.check, f.found))
            .collect();
        prop_assert!(left.is_empty(), "left after fixing {:?}: {:?}", fixed, left);
    }

    #[test]
    fn fixing_changes_bytes_only_inside_reported_spans(text in text()) {
        let findings = check(&text);
        let plan = plan(&findings, FixOptions::default());
        let fixed = apply(&text, &plan.edits);
        let mut copied = 0;
        let mut written = 0;
        for edit in &plan.edits {
            prop_assert!(findings.iter().any(|f| f.range == edit.range), "an edit is a reported span");
            let kept = &text[copied..edit.range.start];
            prop_assert_eq!(&fixed[written..written + kept.len()], kept);
            written += kept.len() + edit.replacement.len();
            copied = edit.range.end;
        }
        prop_assert_eq!(&fixed[written..], &text[copied..]);
    }

    #[test]
    fn fixing_twice_equals_fixing_once(text in text()) {
        let (once, skipped) = fix(&text);
        prop_assume!(!skipped);
        let (twice, _) = fix(&once);
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn folding_is_deterministic_and_maps_to_char_boundaries(text in text()) {
        for case in [CaseMode::Fold, CaseMode::Keep] {
            let folded = FoldedText::new(&text, case);
            prop_assert_eq!(&folded, &FoldedText::new(&text, case));
            let boundaries: Vec<usize> = folded
                .as_str()
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(folded.as_str().len()))
                .collect();
            for (n, &start) in boundaries.iter().enumerate() {
                for &end in &boundaries[n + 1..] {
                    if let Some(range) = folded.to_original(start..end) {
                        prop_assert!(range.start < range.end && range.end <= text.len());
                        prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                    }
                }
            }
        }
    }
}

/// Found by `fixing_leaves_nothing_to_fix`: the deprecated form was fixed to
/// the preferred one, while the admitted form, chosen because the preferred
/// one was not used, became inconsistent only after the fix.
#[test]
fn a_deprecated_form_counts_as_the_form_its_fix_writes() {
    let text = "Ghasem Soleimani met Qasem Soleimani.";
    let findings: Vec<(CheckId, &str)> = check(text)
        .iter()
        .map(|f| (f.check, &text[f.range.clone()]))
        .collect();
    assert_eq!(
        findings,
        [
            (CheckId::Deprecated, "Ghasem Soleimani"),
            (CheckId::Inconsistent, "Qasem Soleimani")
        ]
    );
    let (once, _) = fix(text);
    assert_eq!(once, "Qassem Soleimani met Qassem Soleimani.");
    assert_eq!(fix(&once).0, once);
}
