//! Invariants the fuzz targets assert, shared by every target.
//!
//! * Nothing panics, whatever the bytes.
//! * Folding: the same text folds twice to the same text and map, and every
//!   folded range maps back (if at all) to a non-empty range on character
//!   boundaries of the original.
//! * Documents: every segment's pieces are sorted, disjoint, inside the text
//!   and on character boundaries; every finding's span lies on character
//!   boundaries and slices the original to the reported `found`.
//! * Fixes: a form planted anywhere in a document, whose preferred form is
//!   full of characters formats give meaning to (quotes, commas, braces,
//!   angle brackets, pipes, backslashes, asterisks), is fixed into a text
//!   that parses as the same format into as many segments.
//! * Glossaries: loading gives a glossary or errors, never a panic; a
//!   glossary that loads compiles into a matcher and checks a sentence.
//! * Compiled glossaries (cache entries): any bytes give a matcher or
//!   `None`; a matcher read back checks a sentence without panicking.

use std::sync::OnceLock;

use termlint::config::Config;
use termlint::document::Format;
use termlint::glossary::{GlossaryFormat, GlossaryLoader};
use termlint::lang::Language;
use termlint::lint::Linter;
use termlint::matcher::Matcher;
use termlint::text::{CaseMode, FoldedText};

/// The test glossary of the main crate.
const GLOSSARY: &str = include_str!("../../tests/fixtures/glossary/names.toml");

/// A concept whose preferred form every format must escape or quote.
const ESCAPES: &str = r#"
[[concept]]
id = "fuzz-escapes"
[concept.lang.en]
preferred = 'Ab "Q", {x} <b>&amp; | *y* \ z'
deprecated = ["Qqzxv"]
"#;

/// The deprecated form of [`ESCAPES`], planted by [`check_fixes`].
const PLANTED: &str = " Qqzxv ";

/// The linter over the test glossary, built once per process.
fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("names.toml", GLOSSARY.to_string());
        loader.add_source("escapes.toml", ESCAPES.to_string());
        let glossary = loader.load().expect("the test glossary loads");
        Linter::new(Matcher::new(glossary).expect("compiles"), Config::default())
    })
}

/// Folding invariants on `text`.
pub fn check_fold(text: &str) {
    for case in [CaseMode::Fold, CaseMode::Keep] {
        let folded = FoldedText::new(text, case);
        assert_eq!(folded, FoldedText::new(text, case), "folding is deterministic");
        let boundaries: Vec<usize> = folded
            .as_str()
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(folded.as_str().len()))
            .collect();
        // All pairs would be quadratic: every start with a few ends.
        for (n, &start) in boundaries.iter().enumerate() {
            for &end in boundaries[n + 1..].iter().take(8) {
                if let Some(range) = folded.to_original(start..end) {
                    assert!(range.start < range.end && range.end <= text.len());
                    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                }
            }
        }
    }
}

/// Extractor and finding invariants for `text` read as `format`.
pub fn check_document(format: Format, text: &str) {
    let Ok(segments) = format.segments(text) else {
        return;
    };
    for segment in &segments {
        let mut previous_end = 0;
        for piece in &segment.pieces {
            let range = &piece.range;
            assert!(
                range.start >= previous_end,
                "pieces sorted and disjoint: {segments:?}"
            );
            assert!(range.start <= range.end && range.end <= text.len());
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            previous_end = range.end;
        }
    }
    // English, and Russian and Arabic, whose names the unlisted check also
    // reads with case endings, across scripts and with a joined article.
    for tag in ["en", "ru", "ar"] {
        let language = Language::parse(tag).expect("built-in tag");
        let findings = linter()
            .check_text(text, format, &language)
            .expect("segments parsed above");
        for finding in findings {
            let range = finding.range.clone();
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            assert_eq!(
                text.get(range),
                Some(finding.found.as_str()),
                "span slices to found"
            );
            if let Some(fix) = &finding.fix {
                assert!(text.is_char_boundary(fix.range.start) && text.is_char_boundary(fix.range.end));
            }
        }
    }
}

/// Fix invariants: [`PLANTED`] inserted at a few places of `text` (a
/// document that parses as `format`), the fixes of the findings applied,
/// the result still parses as `format`, into as many segments.
pub fn check_fixes(format: Format, text: &str) {
    let english = Language::parse("en").expect("en");
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    for at in [
        0,
        boundaries.len() / 3,
        boundaries.len() / 2,
        boundaries.len() - 1,
    ] {
        let at = boundaries[at];
        let planted = format!("{}{PLANTED}{}", &text[..at], &text[at..]);
        let Ok(segments) = format.segments(&planted) else {
            continue;
        };
        let Ok(findings) = linter().check_text(&planted, format, &english) else {
            continue;
        };
        let plan = termlint::fix::plan(&findings, termlint::fix::FixOptions { unlisted: true });
        let fixed = termlint::fix::apply(&planted, &plan.edits);
        let reparsed = format
            .segments(&fixed)
            .unwrap_or_else(|error| panic!("the fixed text no longer parses: {error:?}\n{fixed:?}"));
        assert_eq!(
            segments.len(),
            reparsed.len(),
            "segments before and after the fix:\n{planted:?}\n{fixed:?}"
        );
    }
}

/// Loads `text` as a glossary in `format`; when it loads, checks a sentence.
pub fn check_glossary(format: GlossaryFormat, text: &str) {
    let mut loader = GlossaryLoader::new().without_builtin();
    loader.add_text("fuzz", text.to_string(), format);
    let Ok(glossary) = loader.load() else {
        return;
    };
    let Ok(matcher) = Matcher::new(glossary) else {
        return;
    };
    check_sample(matcher);
}

/// Loads `bytes` as a glossary file in `format` (a spreadsheet); when it
/// loads, checks a sentence.
pub fn check_glossary_bytes(format: GlossaryFormat, bytes: &[u8]) {
    let mut loader = GlossaryLoader::new().without_builtin().with_size_limit(1 << 20);
    loader.add_bytes("fuzz", bytes.to_vec(), format);
    let Ok(glossary) = loader.load() else {
        return;
    };
    let Ok(matcher) = Matcher::new(glossary) else {
        return;
    };
    check_sample(matcher);
}

/// The test glossary compiled and serialized: the seed that the
/// `compiled` target mutates.
pub fn compiled_test_glossary() -> Vec<u8> {
    linter().matcher().to_bytes()
}

/// Invariants of reading compiled-glossary bytes (a damaged cache entry).
pub fn check_compiled(bytes: &[u8]) {
    let Some(matcher) = Matcher::from_bytes(bytes) else {
        return;
    };
    check_sample(matcher);
}

/// A matcher checks a sentence naming people and places, and every finding
/// slices the sentence to what it reports.
fn check_sample(matcher: Matcher) {
    let linter = Linter::new(matcher, Config::default());
    let english = Language::parse("en").expect("en");
    let sample = "Abu Hudhaifa al-Ansari was in Kirman, Khurasan (ISKP).";
    for finding in linter.check_text(sample, Format::Text, &english).expect("text") {
        assert_eq!(sample.get(finding.range.clone()), Some(finding.found.as_str()));
    }
}
