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
//!
//! The same on random Markdown, HTML, XLIFF 2.0 and PO documents: forms and
//! filler in inline markup (emphasis, links, inline tags, PO continuation
//! lines), with characters written as entities and escapes (`&#233;`,
//! `\303\251`), and markup that is never checked (code, link targets, `<ph/>`
//! codes, comments, `msgctxt`) holding deprecated forms. There a finding's
//! span covers whole escapes and slices the file to the reported text (as
//! written, escapes and all), no finding comes from unchecked markup, and
//! after `--fix` the file still parses and the findings left that a fix
//! would clear are those of names across markup, which get no fix.
//!
//! Each of these says what findings must not be, and would hold if the
//! checker found nothing; so beside each is a recall property: a deprecated
//! form planted (outside unchecked markup) in the same random texts and
//! documents is found at exactly its byte range, as `deprecated`, with its
//! suggestion and the fix that writes it there, and fixing writes it.

mod common;

use std::ops::Range;
use std::sync::OnceLock;

use proptest::prelude::*;
use termlint::check::{CheckId, Finding, Fix};
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

/// Random pieces of text, each a glossary form or filler and a joiner.
fn pieces() -> impl Strategy<Value = Vec<String>> {
    let word = prop_oneof![
        3 => prop::sample::select(FORMS),
        2 => prop::sample::select(FILLER),
    ];
    let piece = (word, prop::sample::select(JOINERS)).prop_map(|(w, j)| format!("{w}{j}"));
    prop::collection::vec(piece, 0..24)
}

/// A random text of glossary forms, filler and joiners.
fn text() -> impl Strategy<Value = String> {
    pieces().prop_map(|pieces| pieces.concat())
}

/// Deprecated forms of the test glossary and the suggestion of each. A
/// property that only says what findings must not be passes when the
/// checker finds nothing; so beside each such property is one that plants
/// one of these forms where it must be found.
const DEPRECATED: &[(&str, &str)] = &[
    ("Kirman", "Kerman"),
    ("Ghasem Soleimani", "Qassem Soleimani"),
    ("Abu Hudhaifa al-Ansari", "Abu Hudhayfah al-Ansari"),
    ("Abu Hudhayfa al-Ansari", "Abu Hudhayfah al-Ansari"),
    ("Shiah", "Shia"),
    ("ISIS-K", "ISKP"),
];

/// A deprecated form planted in a generated text: where, and what its
/// finding must say.
#[derive(Clone, Debug)]
struct Planted {
    range: Range<usize>,
    form: &'static str,
    suggestion: &'static str,
}

/// A random text with one deprecated form planted between two of its
/// pieces, a space on either side.
fn planted_text() -> impl Strategy<Value = (String, Planted)> {
    (
        pieces(),
        any::<prop::sample::Index>(),
        prop::sample::select(DEPRECATED),
    )
        .prop_map(|(pieces, at, (form, suggestion))| {
            let at = at.index(pieces.len() + 1);
            let mut text = pieces[..at].concat();
            text.push(' ');
            let start = text.len();
            text.push_str(form);
            let range = start..text.len();
            text.push(' ');
            text.push_str(&pieces[at..].concat());
            (
                text,
                Planted {
                    range,
                    form,
                    suggestion,
                },
            )
        })
}

/// Fails unless `findings` of `text` hold a `deprecated` finding at exactly
/// the planted range with its suggestion and the fix that writes it there,
/// and fixing the text writes the suggestion in place of the planted form.
fn planted_is_found(text: &str, planted: &Planted, findings: &[Finding]) -> Result<(), TestCaseError> {
    prop_assert_eq!(&text[planted.range.clone()], planted.form);
    let at_range: Vec<String> = findings
        .iter()
        .filter(|f| f.range == planted.range)
        .map(|f| format!("{:?} {:?} -> {:?}", f.check, f.found, f.suggestion))
        .collect();
    let Some(finding) = findings
        .iter()
        .find(|f| f.check == CheckId::Deprecated && f.range == planted.range)
    else {
        return Err(TestCaseError::fail(format!(
            "{:?} planted at {:?} is not found as deprecated there in {:?}; at that range: {:?}; all: {:?}",
            planted.form,
            planted.range,
            text,
            at_range,
            findings
                .iter()
                .map(|f| format!("{:?} {:?} {:?}", f.check, f.range, f.found))
                .collect::<Vec<_>>()
        )));
    };
    prop_assert_eq!(finding.found.as_str(), planted.form);
    prop_assert_eq!(finding.suggestion.as_deref(), Some(planted.suggestion));
    let fix = Fix {
        range: planted.range.clone(),
        replacement: planted.suggestion.to_string(),
    };
    prop_assert_eq!(finding.fix.as_ref(), Some(&fix));
    // Fixing applies that edit: the suggestion stands where the form was,
    // shifted by the edits before it.
    let plan = plan(findings, FixOptions::default());
    prop_assert!(plan.edits.contains(&fix), "{:?} not in {:?}", fix, plan);
    let shift: isize = plan
        .edits
        .iter()
        .filter(|e| e.range.end <= planted.range.start)
        .map(|e| e.replacement.len() as isize - e.range.len() as isize)
        .sum();
    let start = (planted.range.start as isize + shift) as usize;
    let fixed = apply(text, &plan.edits);
    prop_assert_eq!(
        fixed.get(start..start + planted.suggestion.len()),
        Some(planted.suggestion),
        "fixed: {:?}",
        fixed
    );
    Ok(())
}

/// The findings of `text` as plain text in English.
fn check(text: &str) -> Vec<Finding> {
    check_as(text, Format::Text).expect("plain text always parses")
}

/// The findings of `text` read in `format`, the document in English.
fn check_as(text: &str, format: Format) -> Result<Vec<Finding>, termlint::document::FormatError> {
    let english = Language::parse("en").expect("en");
    linter().check_text(text, format, &english)
}

/// The text with every fixable finding fixed, and whether an edit was
/// skipped for overlapping another.
fn fix(text: &str) -> (String, bool) {
    fix_findings(text, &check(text))
}

/// `text` with the fixes of `findings` applied, and whether an edit was
/// skipped for overlapping another.
fn fix_findings(text: &str, findings: &[Finding]) -> (String, bool) {
    let plan = plan(findings, FixOptions::default());
    (apply(text, &plan.edits), !plan.skipped.is_empty())
}

fn is_fixable(check: CheckId) -> bool {
    matches!(check, CheckId::Deprecated | CheckId::Case | CheckId::Inconsistent)
}

/// Fails unless the fixes of `findings` change `text` only inside their
/// findings' spans.
fn fixes_change_only_reported_spans(text: &str, findings: &[Finding]) -> Result<(), TestCaseError> {
    let plan = plan(findings, FixOptions::default());
    let fixed = apply(text, &plan.edits);
    let mut copied = 0;
    let mut written = 0;
    for edit in &plan.edits {
        // Inside, not equal: a fix of an inflected word (`Moslems`) edits
        // the term and keeps its ending.
        prop_assert!(
            findings
                .iter()
                .any(|f| f.range.start <= edit.range.start && edit.range.end <= f.range.end),
            "an edit lies inside a reported span"
        );
        let kept = &text[copied..edit.range.start];
        prop_assert_eq!(&fixed[written..written + kept.len()], kept);
        written += kept.len() + edit.replacement.len();
        copied = edit.range.end;
    }
    prop_assert_eq!(&fixed[written..], &text[copied..]);
    Ok(())
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
    fn a_planted_deprecated_form_is_found_at_its_span((text, planted) in planted_text()) {
        planted_is_found(&text, &planted, &check(&text))?;
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
    fn fixing_clears_a_planted_deprecated_form((text, planted) in planted_text()) {
        let findings = check(&text);
        planted_is_found(&text, &planted, &findings)?;
        let (fixed, skipped) = fix_findings(&text, &findings);
        prop_assume!(!skipped);
        let left: Vec<String> = check(&fixed)
            .into_iter()
            .filter(|f| f.check == CheckId::Deprecated)
            .map(|f| format!("{:?}", f.found))
            .collect();
        prop_assert!(left.is_empty(), "left after fixing {:?}: {:?}", fixed, left);
    }

    #[test]
    fn fixing_changes_bytes_only_inside_reported_spans(text in text()) {
        fixes_change_only_reported_spans(&text, &check(&text))?;
    }

    #[test]
    fn fixing_changes_the_bytes_of_a_planted_deprecated_form((text, planted) in planted_text()) {
        let findings = check(&text);
        fixes_change_only_reported_spans(&text, &findings)?;
        planted_is_found(&text, &planted, &findings)?;
    }

    #[test]
    fn fixing_twice_equals_fixing_once(text in text()) {
        let (once, skipped) = fix(&text);
        prop_assume!(!skipped);
        let (twice, _) = fix(&once);
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn fixing_once_changes_a_text_with_a_planted_deprecated_form((text, planted) in planted_text()) {
        let (once, skipped) = fix(&text);
        prop_assume!(!skipped);
        prop_assert_ne!(&once, &text, "{:?} planted at {:?}", planted.form, planted.range);
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

// --- Formats beyond plain text ----------------------------------------------

/// A piece of a generated document, rendered by each format in its syntax.
#[derive(Clone, Debug)]
enum Token {
    /// A form or filler word, escaped as the format needs.
    Word(&'static str),
    /// A form in inline markup of kind `0..3` (emphasis, a link, an inline
    /// tag; in PO, the string continued on the next line inside the word).
    Wrapped(usize, &'static str),
    /// A form with one character written as an entity or escape.
    Escaped(&'static str, prop::sample::Index),
    /// Markup of kind `0..3` that is never checked, holding `Kirman`.
    Skipped(usize),
    /// What goes between tokens.
    Joiner(&'static str),
    /// A deprecated form and its suggestion, planted (with a space on
    /// either side) where it must be found.
    Planted(&'static str, &'static str),
}

/// Random tokens, each followed by one of `joiners`.
fn tokens(joiners: &'static [&'static str], max: usize) -> impl Strategy<Value = Vec<Token>> {
    let word = prop_oneof![
        3 => prop::sample::select(FORMS),
        2 => prop::sample::select(FILLER),
    ];
    let token = prop_oneof![
        4 => word.prop_map(Token::Word),
        1 => (0..3usize, prop::sample::select(FORMS)).prop_map(|(kind, w)| Token::Wrapped(kind, w)),
        1 => (prop::sample::select(FORMS), any::<prop::sample::Index>()).prop_map(|(w, i)| Token::Escaped(w, i)),
        1 => (0..3usize).prop_map(Token::Skipped),
    ];
    let pair = (token, prop::sample::select(joiners));
    prop::collection::vec(pair, 0..max).prop_map(|pairs| {
        pairs
            .into_iter()
            .flat_map(|(t, j)| [t, Token::Joiner(j)])
            .collect()
    })
}

/// A generated document, the byte ranges of it that are never checked and
/// the deprecated form planted in it, if any.
#[derive(Debug, Default)]
struct Doc {
    text: String,
    skipped: Vec<Range<usize>>,
    planted: Option<Planted>,
}

impl Doc {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends markup that must never be checked.
    fn push_skipped(&mut self, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.skipped.push(start..self.text.len());
    }

    /// Appends ` form ` and records where `form` is.
    fn push_planted(&mut self, form: &'static str, suggestion: &'static str) {
        self.text.push(' ');
        let start = self.text.len();
        self.text.push_str(form);
        self.planted = Some(Planted {
            range: start..self.text.len(),
            form,
            suggestion,
        });
        self.text.push(' ');
    }
}

/// `tokens` with a deprecated form planted at `at`.
fn plant(
    mut tokens: Vec<Token>,
    at: &prop::sample::Index,
    (form, suggestion): (&'static str, &'static str),
) -> Vec<Token> {
    let at = at.index(tokens.len() + 1);
    tokens.insert(at, Token::Planted(form, suggestion));
    tokens
}

/// Random tokens with one deprecated form planted among them.
fn planted_tokens(joiners: &'static [&'static str], max: usize) -> impl Strategy<Value = Vec<Token>> {
    (
        tokens(joiners, max),
        any::<prop::sample::Index>(),
        prop::sample::select(DEPRECATED),
    )
        .prop_map(|(tokens, at, deprecated)| plant(tokens, &at, deprecated))
}

/// Random pairs of token lists with one deprecated form planted in the
/// source or the target of one of them.
fn planted_pairs(joiners: &'static [&'static str]) -> impl Strategy<Value = Vec<(Vec<Token>, Vec<Token>)>> {
    (
        pairs(joiners),
        any::<prop::sample::Index>(),
        any::<bool>(),
        any::<prop::sample::Index>(),
        prop::sample::select(DEPRECATED),
    )
        .prop_map(|(mut pairs, unit, in_target, at, deprecated)| {
            let unit = unit.index(pairs.len());
            let (source, target) = &mut pairs[unit];
            let tokens = if in_target { target } else { source };
            *tokens = plant(std::mem::take(tokens), &at, deprecated);
            pairs
        })
}

/// `word` with its `index`th character replaced by `escape(c)`.
fn escape_one(word: &str, index: &prop::sample::Index, escape: impl Fn(char) -> String) -> String {
    let chars: Vec<char> = word.chars().collect();
    let at = index.index(chars.len());
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == at { escape(c) } else { c.to_string() })
        .collect()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A character reference, decimal or hexadecimal.
fn char_reference(c: char, hex: bool) -> String {
    if hex {
        format!("&#x{:X};", c as u32)
    } else {
        format!("&#{};", c as u32)
    }
}

const MARKDOWN_JOINERS: &[&str] = &[
    " ", " ", " ", "\n", "\n\n", "\r\n", "-", "\u{0301}", "\u{00A0}", "  \n",
];

/// Markdown: emphasis, strong emphasis and links around forms (the link
/// target is not checked), a backslash escape inside a form; inline code,
/// an HTML comment and a fenced code block are never checked.
fn markdown(tokens: &[Token]) -> Doc {
    let mut doc = Doc::default();
    for token in tokens {
        match token {
            Token::Word(w) | Token::Joiner(w) => doc.push(w),
            Token::Wrapped(0, w) => doc.push(&format!("*{w}*")),
            Token::Wrapped(1, w) => doc.push(&format!("**{w}**")),
            Token::Wrapped(_, w) => {
                doc.push(&format!("[{w}]"));
                doc.push_skipped("(https://kirman.example/Kirman)");
            }
            Token::Escaped(w, i) => doc.push(&escape_one(w, i, |c| {
                if c.is_ascii_punctuation() {
                    format!("\\{c}")
                } else {
                    c.to_string()
                }
            })),
            Token::Planted(form, suggestion) => {
                // A line that starts with a comment is an HTML block to its
                // end, the text after the comment included: plant the form
                // in a paragraph of its own there.
                let line = &doc.text[doc.text.rfind('\n').map_or(0, |i| i + 1)..];
                if line.trim_start().starts_with("<!--") {
                    doc.push("\n\n");
                }
                doc.push_planted(form, suggestion);
            }
            Token::Skipped(0) => doc.push_skipped("`Kirman`"),
            Token::Skipped(1) => doc.push_skipped("<!-- Kirman -->"),
            Token::Skipped(_) => {
                doc.push("\n\n");
                doc.push_skipped("```\nKirman\n```\n");
                doc.push("\n");
            }
        }
    }
    doc
}

const HTML_JOINERS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "<br>",
    "</p>\n<p>",
    "&nbsp;",
    "\u{0301}",
    "-",
];

/// HTML: inline tags and links around forms (the `href` is not checked),
/// characters as references; `code`, `script` and comments are not checked.
fn html(tokens: &[Token]) -> Doc {
    let mut doc = Doc::default();
    doc.push("<!DOCTYPE html>\n<html lang=\"en\"><body><p>");
    for token in tokens {
        match token {
            Token::Word(w) => doc.push(&xml_escape(w)),
            Token::Joiner(j) => doc.push(j),
            Token::Wrapped(0, w) => doc.push(&format!("<em>{}</em>", xml_escape(w))),
            Token::Wrapped(1, w) => doc.push(&format!("<b>{}</b>", xml_escape(w))),
            Token::Wrapped(_, w) => {
                doc.push("<a href=\"");
                doc.push_skipped("https://kirman.example/Kirman");
                doc.push(&format!("\">{}</a>", xml_escape(w)));
            }
            Token::Escaped(w, i) => doc.push(&escape_one(w, i, |c| char_reference(c, w.len() % 2 == 0))),
            Token::Planted(form, suggestion) => doc.push_planted(form, suggestion),
            Token::Skipped(0) => doc.push_skipped("<code>Kirman</code>"),
            Token::Skipped(1) => doc.push_skipped("<script>var Kirman = 1;</script>"),
            Token::Skipped(_) => doc.push_skipped("<!-- Kirman -->"),
        }
    }
    doc.push("</p></body></html>\n");
    doc
}

const XLIFF_JOINERS: &[&str] = &[" ", " ", " ", "\n", "&#160;", "&#x20;", "\u{0301}", "-"];

/// The inline content of an XLIFF 2.0 `source` or `target`: `<pc>` and
/// `<mrk>` around forms, references for characters; `<ph/>` codes (their
/// `disp` text is not checked).
fn xliff_content(doc: &mut Doc, tokens: &[Token], ids: &mut usize) {
    for token in tokens {
        *ids += 1;
        match token {
            Token::Word(w) => doc.push(&xml_escape(w)),
            Token::Joiner(j) => doc.push(j),
            Token::Wrapped(0, w) => doc.push(&format!("<pc id=\"{ids}\">{}</pc>", xml_escape(w))),
            Token::Wrapped(_, w) => doc.push(&format!(
                "<mrk id=\"m{ids}\" translate=\"yes\">{}</mrk>",
                xml_escape(w)
            )),
            Token::Escaped(w, i) => doc.push(&escape_one(w, i, |c| char_reference(c, w.len() % 2 == 1))),
            Token::Planted(form, suggestion) => doc.push_planted(form, suggestion),
            Token::Skipped(0) => doc.push_skipped(&format!("<ph id=\"{ids}\" disp=\"Kirman\"/>")),
            Token::Skipped(_) => doc.push_skipped(&format!("<ph id=\"{ids}\"/>")),
        }
    }
}

/// An XLIFF 2.0 file (English to English) with one unit per pair.
fn xliff(units: &[(Vec<Token>, Vec<Token>)]) -> Doc {
    let mut doc = Doc::default();
    doc.push(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" \
         version=\"2.0\" srcLang=\"en\" trgLang=\"en\">\n<file id=\"f1\">\n",
    );
    let mut ids = 0;
    for (n, (source, target)) in units.iter().enumerate() {
        doc.push(&format!("<unit id=\"u{n}\"><segment>\n<source>"));
        xliff_content(&mut doc, source, &mut ids);
        doc.push("</source>\n<target>");
        xliff_content(&mut doc, target, &mut ids);
        doc.push("</target>\n</segment></unit>\n");
    }
    doc.push("</file>\n</xliff>\n");
    doc
}

/// The inline content of a TMX `<seg>`: `<hi>` around forms, references
/// for characters; native code in `<ph>` and `<it>` (not checked, even
/// when it holds a deprecated form).
fn tmx_content(doc: &mut Doc, tokens: &[Token], ids: &mut usize) {
    for token in tokens {
        *ids += 1;
        match token {
            Token::Word(w) => doc.push(&xml_escape(w)),
            Token::Joiner(j) => doc.push(j),
            Token::Wrapped(0, w) => doc.push(&format!("<hi>{}</hi>", xml_escape(w))),
            Token::Wrapped(_, w) => doc.push(&format!("<hi type=\"b{ids}\">{}</hi>", xml_escape(w))),
            Token::Escaped(w, i) => doc.push(&escape_one(w, i, |c| char_reference(c, w.len() % 2 == 1))),
            Token::Planted(form, suggestion) => doc.push_planted(form, suggestion),
            Token::Skipped(0) => doc.push_skipped(&format!("<ph x=\"{ids}\">Kirman</ph>")),
            Token::Skipped(_) => {
                doc.push_skipped(&format!("<it pos=\"begin\" x=\"{ids}\">&lt;b&gt;Kirman</it>"))
            }
        }
    }
}

/// A TMX 1.4b memory (English to English) with one unit per pair.
fn tmx(units: &[(Vec<Token>, Vec<Token>)]) -> Doc {
    let mut doc = Doc::default();
    doc.push(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" \
         datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" creationtool=\"x\" \
         creationtoolversion=\"1\"/>\n<body>\n",
    );
    let mut ids = 0;
    for (n, (source, target)) in units.iter().enumerate() {
        doc.push(&format!("<tu tuid=\"t{n}\"><tuv xml:lang=\"en\"><seg>"));
        tmx_content(&mut doc, source, &mut ids);
        doc.push("</seg></tuv>\n<tuv xml:lang=\"en-GB\"><seg>");
        tmx_content(&mut doc, target, &mut ids);
        doc.push("</seg></tuv></tu>\n");
    }
    doc.push("</body>\n</tmx>\n");
    doc
}

/// Marks a joiner that closes a PO string and continues it on the next line.
const CONTINUE: &str = "\"\n\"";
const PO_JOINERS: &[&str] = &[" ", " ", " ", "\n", "\t", CONTINUE, "\u{0301}", "-", "\""];

fn po_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
        .replace('\r', "\\r")
}

/// The inside of a PO string: escapes, forms continued on the next line
/// inside a word, a character as octal or hex escapes of its UTF-8 bytes.
fn po_string(doc: &mut Doc, tokens: &[Token]) {
    for token in tokens {
        match token {
            Token::Joiner(j) if *j == CONTINUE => doc.push(CONTINUE),
            Token::Word(w) | Token::Joiner(w) => doc.push(&po_escape(w)),
            Token::Wrapped(kind, w) => {
                let cut = w.char_indices().nth(kind + 1).map_or(w.len(), |(i, _)| i);
                doc.push(&format!(
                    "{}{CONTINUE}{}",
                    po_escape(&w[..cut]),
                    po_escape(&w[cut..])
                ));
            }
            Token::Escaped(w, i) => doc.push(&escape_one(w, i, |c| {
                let mut bytes = [0; 4];
                c.encode_utf8(&mut bytes)
                    .bytes()
                    .map(|b| {
                        if w.len() % 2 == 0 {
                            format!("\\{b:03o}")
                        } else {
                            format!("\\x{b:02x}")
                        }
                    })
                    .collect()
            })),
            Token::Planted(form, suggestion) => doc.push_planted(form, suggestion),
            Token::Skipped(_) => {}
        }
    }
}

/// A PO file in English with one entry per pair; an entry may have an
/// extracted comment and a `msgctxt`, neither of them checked.
fn po(entries: &[(Vec<Token>, Vec<Token>)]) -> Doc {
    let mut doc = Doc::default();
    doc.push(
        "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n",
    );
    for (n, (source, target)) in entries.iter().enumerate() {
        if source.iter().any(|t| matches!(t, Token::Skipped(0))) {
            doc.push_skipped("#. Kirman, said the developer\n");
        }
        doc.push_skipped(&format!("msgctxt \"Kirman {n}\"\n"));
        doc.push("msgid \"");
        po_string(&mut doc, source);
        doc.push("\"\nmsgstr \"");
        po_string(&mut doc, target);
        doc.push("\"\n\n");
    }
    doc
}

/// Pairs of token lists: the sources and targets of a bilingual file.
fn pairs(joiners: &'static [&'static str]) -> impl Strategy<Value = Vec<(Vec<Token>, Vec<Token>)>> {
    prop::collection::vec((tokens(joiners, 8), tokens(joiners, 8)), 1..4)
}

/// Fails unless `doc` parses in `format`, its findings slice it to what
/// they report and none comes from unchecked markup, fixing changes only
/// reported spans, the fixed file parses and has nothing left that a fix
/// could clear, and fixing it again changes nothing.
fn assert_format_properties(doc: &Doc, format: Format) -> Result<(), TestCaseError> {
    let text = &doc.text;
    let findings = check_as(text, format).map_err(|e| TestCaseError::fail(format!("{e:?} in {text:?}")))?;
    for finding in &findings {
        let range = finding.range.clone();
        prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        prop_assert_eq!(text.get(range.clone()), Some(finding.found.as_str()));
        for skipped in &doc.skipped {
            // A name may run across markup, never start or end inside it.
            let disjoint = range.end <= skipped.start || skipped.end <= range.start;
            let around = range.start < skipped.start && skipped.end < range.end;
            prop_assert!(
                disjoint || around,
                "{:?} found in unchecked {:?}",
                finding.found,
                &text[skipped.clone()]
            );
        }
    }
    fixes_change_only_reported_spans(text, &findings)?;
    let (fixed, skipped) = fix_findings(text, &findings);
    if skipped {
        return Ok(());
    }
    let after = check_as(&fixed, format)
        .map_err(|e| TestCaseError::fail(format!("fixed file: {e:?} in {fixed:?}")))?;
    let left: Vec<String> = after
        .iter()
        .filter(|f| is_fixable(f.check) && f.fix.is_some())
        .map(|f| format!("{:?} {:?}", f.check, f.found))
        .collect();
    prop_assert!(left.is_empty(), "left after fixing {:?}: {:?}", fixed, left);
    let (twice, _) = fix_findings(&fixed, &after);
    prop_assert_eq!(twice, fixed);
    Ok(())
}

/// Fails unless `doc` parses in `format` and the deprecated form planted
/// in it is found at exactly its place, with its suggestion and fix.
fn assert_planted_found(doc: &Doc, format: Format) -> Result<(), TestCaseError> {
    let text = &doc.text;
    let planted = doc.planted.as_ref().expect("a form was planted");
    for skipped in &doc.skipped {
        prop_assert!(planted.range.end <= skipped.start || skipped.end <= planted.range.start);
    }
    let findings = check_as(text, format).map_err(|e| TestCaseError::fail(format!("{e:?} in {text:?}")))?;
    planted_is_found(text, planted, &findings)
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markdown_finds_a_planted_deprecated_form(tokens in planted_tokens(MARKDOWN_JOINERS, 16)) {
        assert_planted_found(&markdown(&tokens), Format::Markdown)?;
    }

    #[test]
    fn html_finds_a_planted_deprecated_form(tokens in planted_tokens(HTML_JOINERS, 16)) {
        assert_planted_found(&html(&tokens), Format::Html)?;
    }

    #[test]
    fn xliff_finds_a_planted_deprecated_form(units in planted_pairs(XLIFF_JOINERS)) {
        assert_planted_found(&xliff(&units), Format::Xliff)?;
    }

    #[test]
    fn tmx_finds_a_planted_deprecated_form(units in planted_pairs(XLIFF_JOINERS)) {
        assert_planted_found(&tmx(&units), Format::Tmx)?;
    }

    #[test]
    fn po_finds_a_planted_deprecated_form(entries in planted_pairs(PO_JOINERS)) {
        assert_planted_found(&po(&entries), Format::Po)?;
    }

    #[test]
    fn markdown_findings_slice_and_fix_cleanly(tokens in tokens(MARKDOWN_JOINERS, 16)) {
        assert_format_properties(&markdown(&tokens), Format::Markdown)?;
    }

    #[test]
    fn html_findings_slice_and_fix_cleanly(tokens in tokens(HTML_JOINERS, 16)) {
        assert_format_properties(&html(&tokens), Format::Html)?;
    }

    #[test]
    fn xliff_findings_slice_and_fix_cleanly(units in pairs(XLIFF_JOINERS)) {
        assert_format_properties(&xliff(&units), Format::Xliff)?;
    }

    #[test]
    fn tmx_findings_slice_and_fix_cleanly(units in pairs(XLIFF_JOINERS)) {
        assert_format_properties(&tmx(&units), Format::Tmx)?;
    }

    #[test]
    fn po_findings_slice_and_fix_cleanly(entries in pairs(PO_JOINERS)) {
        assert_format_properties(&po(&entries), Format::Po)?;
    }
}

/// Found by `po_findings_slice_and_fix_cleanly`: markup inside a segment
/// (here a PO string continued on the next line inside a word: `"Shiah"`
/// `"Ḥ"` is `ShiahḤ`) was a word boundary when the segment had no escape,
/// and joined its two sides when it had one. So whether a name was found
/// depended on an escape elsewhere in the string, and fixing `Shiah` to
/// `Shia` made `Shia` and `Ḥ` fold to the deprecated `Shiah` again. The
/// segment is now read as its text reads: the markup joins the two sides.
#[test]
fn markup_inside_a_word_joins_its_two_sides() {
    let found = |text: &str, format: Format| -> Vec<String> {
        check_as(text, format)
            .expect("parses")
            .iter()
            .map(|f| format!("{:?} {}", f.check, f.found))
            .collect()
    };
    let po =
        |strings: &str| format!("msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"a\"\nmsgstr {strings}\n");
    assert_eq!(
        found(&po("\"Kirman Kirman\"\n\"Abu\""), Format::Po),
        ["Deprecated Kirman"]
    );
    assert_eq!(
        found(&po("\"\\113irman Kirman\"\n\"Abu\""), Format::Po),
        ["Deprecated \\113irman"]
    );
    assert_eq!(found(&po("\"Shiah\"\n\"Ḥ \""), Format::Po), Vec::<String>::new());
    // `ShiaḤ` folds to the deprecated `Shiah`: found, and fixed as one word.
    let text = po("\"Shia\"\n\"Ḥ \"");
    assert_eq!(found(&text, Format::Po), ["Deprecated Shia\"\n\"Ḥ"]);
    let (fixed, _) = fix_findings(&text, &check_as(&text, Format::Po).expect("parses"));
    assert_eq!(fixed, po("\"Shia \""));
    // A name broken across lines is still one name.
    assert_eq!(
        found(&po("\"Kir\"\n\"man.\""), Format::Po),
        ["Deprecated Kir\"\n\"man"]
    );
    assert_eq!(
        found("Kirman**istan** and *Kirman*.\n", Format::Markdown),
        ["Deprecated Kirman"]
    );
}
