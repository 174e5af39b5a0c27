//! `--fix` keeps every format's structure (issue 14): a replacement with
//! characters the format gives a meaning to (`,`, `"`, `{`, `}`, `<`, `&`,
//! `|`, `*` …) is quoted or escaped as the format
//! requires where it goes, or the fix is withheld and the finding still
//! reported.
//!
//! Property tests, one per format: random documents of the format holding
//! the deprecated `Kirman`, and a glossary whose preferred form is a random
//! replacement. After the fixes, an independent parser (the `csv` crate,
//! `fluent-syntax`, `pulldown-cmark`, `quick-xml`, `html5gum`; for PO,
//! termlint's own reader) reads the same structure — the same rows and
//! fields, Fluent entries and placeables, Markdown blocks and table cells,
//! XML and HTML elements and attributes, PO entries — with only the fixed
//! text changed: `Kirman` replaced by the replacement, or left where the
//! fix was withheld. Withheld fixes are only those the format cannot hold.
//!
//! Then the cases of the issue through the binary: `Washington, D.C.` in a
//! CSV cell, and the same defects in TSV, Fluent and Markdown tables.

mod common;

use std::fs;

use proptest::prelude::*;
use termlint::check::{CheckId, Finding};
use termlint::config::Config;
use termlint::document::Format;
use termlint::fix::{apply, plan, FixOptions};
use termlint::glossary::GlossaryLoader;
use termlint::lang::Language;
use termlint::lint::Linter;
use termlint::matcher::Matcher;

use common::*;

/// The deprecated form planted in every document.
const DEPRECATED: &str = "Kirman";

/// A glossary in which `preferred` replaces [`DEPRECATED`].
fn glossary_toml(preferred: &str) -> String {
    let preferred = toml::Value::String(preferred.to_string());
    format!("[[concept]]\nid = \"kerman\"\n[concept.lang.en]\npreferred = {preferred}\ndeprecated = [\"{DEPRECATED}\"]\n")
}

/// A linter over the glossary of `preferred` alone.
fn linter(preferred: &str) -> Linter {
    let mut loader = GlossaryLoader::new().without_builtin();
    loader.add_source("glossary.toml", glossary_toml(preferred));
    let glossary = loader.load().expect("the glossary loads");
    Linter::new(Matcher::new(glossary).expect("compiles"), Config::default())
}

/// What fixing `text` did.
struct Fixed {
    /// The text after every fix.
    text: String,
    /// How many `deprecated` findings there were.
    reported: usize,
    /// How many of them had a fix.
    with_fix: usize,
}

/// `text` read in `format` with every fix applied.
fn fix(text: &str, format: Format, preferred: &str) -> Fixed {
    let english = Language::parse("en").expect("en");
    let findings = linter(preferred)
        .check_text(text, format, &english)
        .expect("the document parses");
    let deprecated: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.check == CheckId::Deprecated)
        .collect();
    for finding in &deprecated {
        assert_eq!(
            finding.suggestion.as_deref(),
            Some(preferred),
            "the glossary keeps the form"
        );
    }
    let plan = plan(&findings, FixOptions::default());
    assert!(plan.skipped.is_empty(), "no fix overlaps another: {plan:?}");
    Fixed {
        text: apply(text, &plan.edits),
        reported: deprecated.len(),
        with_fix: deprecated.iter().filter(|f| f.fix.is_some()).count(),
    }
}

/// Pieces of replacements: letters and the characters formats give a
/// meaning to. No tab or line break: a glossary refuses terms with control
/// characters (tests/glossary_validation.rs).
const REPLACEMENT_PIECES: &[&str] = &[
    "Ab", "Ce", " ", ",", "\"", "'", "{", "}", "{$x}", "<", ">", "&", "&amp;", "|", "*", "_", "#", "\\", "[",
    "]", "]]>", "-", "+", ".", "=", ";", "1.", "`", "!",
];

/// A random replacement with at least one letter, without white space at
/// either end (the glossary trims its forms).
fn replacement() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(REPLACEMENT_PIECES), 1..7).prop_map(|pieces| {
        let text = pieces.concat();
        let text = if text.chars().any(char::is_alphabetic) {
            text
        } else {
            format!("{text}Ab")
        };
        text.trim().to_string()
    })
}

/// Filler words of document text (no markup).
const WORDS: &[&str] = &["in", "the", "of", "Ab", "x1", "town"];

/// A stretch of text: filler words, with `Kirman` among them or not.
fn words() -> impl Strategy<Value = String> {
    let filler = prop::collection::vec(prop::sample::select(WORDS), 0..3);
    (filler.clone(), any::<bool>(), filler).prop_map(|(before, named, after)| {
        let mut words = before;
        if named {
            words.push(DEPRECATED);
        }
        words.extend(after);
        if words.is_empty() {
            words.push("the");
        }
        words.join(" ")
    })
}

/// Whether `after` is `before` with each `Kirman` replaced by `preferred`
/// or left (where the fix was withheld), and nothing else changed.
fn may_read(before: &str, after: &str, preferred: &str) -> bool {
    let parts: Vec<&str> = before.split(DEPRECATED).collect();
    after
        .strip_prefix(parts[0])
        .is_some_and(|rest| may_read_parts(&parts[1..], rest, preferred))
}

/// Whether `after` is `parts`, each after `Kirman` or `preferred`.
fn may_read_parts(parts: &[&str], after: &str, preferred: &str) -> bool {
    let Some((part, later)) = parts.split_first() else {
        return after.is_empty();
    };
    [DEPRECATED, preferred].iter().any(|form| {
        after
            .strip_prefix(form)
            .and_then(|rest| rest.strip_prefix(part))
            .is_some_and(|rest| may_read_parts(later, rest, preferred))
    })
}

/// Checks that `after` has the shape of `before` (the same items, by
/// `same_shape`) and that each text changed at most by the fixes.
fn assert_same_structure<T: std::fmt::Debug>(
    before: &[T],
    after: &[T],
    texts: impl Fn(&T) -> Vec<String>,
    preferred: &str,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(before.len(), after.len(), "{:?}\n{:?}", before, after);
    for (old, new) in before.iter().zip(after) {
        let (old_texts, new_texts) = (texts(old), texts(new));
        prop_assert_eq!(old_texts.len(), new_texts.len(), "{:?} became {:?}", old, new);
        for (old_text, new_text) in old_texts.iter().zip(&new_texts) {
            prop_assert!(
                may_read(old_text, new_text, preferred),
                "{:?} became {:?} (replacement {:?})",
                old_text,
                new_text,
                preferred
            );
        }
    }
    Ok(())
}

/// Checks that every finding was reported and that the fixes made are
/// those the format can hold: all of them when `all_fixable`.
fn assert_fixes_counted(
    fixed: &Fixed,
    original: &str,
    all_fixable: bool,
    preferred: &str,
) -> Result<(), TestCaseError> {
    let planted = original.matches(DEPRECATED).count();
    let counted = if all_fixable {
        fixed.with_fix
    } else {
        fixed.reported
    };
    prop_assert_eq!(
        counted,
        planted,
        "every finding is reported, and fixed when the format can hold {:?}",
        preferred
    );
    Ok(())
}

// ---------------------------------------------------------------- tables

/// The rows of a table as the `csv` crate reads them.
fn table_rows(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.expect("the table still reads");
            record.iter().map(str::to_string).collect()
        })
        .collect()
}

/// A table with an `en` column (checked) and a `note` column (not
/// checked), written by the `csv` crate, quoting as `quote_style` says.
fn table(rows: &[(String, String)], delimiter: u8, always_quote: bool, crlf: bool) -> String {
    let style = if always_quote {
        csv::QuoteStyle::Always
    } else {
        csv::QuoteStyle::Necessary
    };
    let terminator = if crlf {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(style)
        .terminator(terminator)
        .from_writer(Vec::new());
    writer.write_record(["id", "en", "note"]).unwrap();
    for (index, (en, note)) in rows.iter().enumerate() {
        writer.write_record([&index.to_string(), en, note]).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// Cells of tables: words, sometimes with the table's own delimiters.
fn cell() -> impl Strategy<Value = String> {
    (
        words(),
        prop::sample::select(&["", ", so", "\t", " \"q\"", "\nnext"][..]),
    )
        .prop_map(|(words, tail)| format!("{words}{tail}"))
}

fn assert_table_fixes_keep_rows(
    rows: &[(String, String)],
    delimiter: u8,
    always_quote: bool,
    crlf: bool,
    preferred: &str,
) -> Result<(), TestCaseError> {
    let format = if delimiter == b',' {
        Format::Csv
    } else {
        Format::Tsv
    };
    let original = table(rows, delimiter, always_quote, crlf);
    let fixed = fix(&original, format, preferred);
    let before = table_rows(&original, delimiter);
    let after = table_rows(&fixed.text, delimiter);
    // The `note` column is not checked: it must stay as it was.
    let notes = |rows: &[Vec<String>]| rows.iter().map(|row| row.get(2).cloned()).collect::<Vec<_>>();
    prop_assert_eq!(notes(&before), notes(&after));
    assert_same_structure(&before, &after, Clone::clone, preferred)?;
    let planted: String = rows.iter().map(|(en, _)| en.as_str()).collect();
    assert_fixes_counted(&fixed, &planted, true, preferred)
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn csv_fixes_keep_rows_and_fields(
        rows in prop::collection::vec((cell(), cell()), 1..5),
        always_quote in any::<bool>(),
        crlf in any::<bool>(),
        preferred in replacement(),
    ) {
        assert_table_fixes_keep_rows(&rows, b',', always_quote, crlf, &preferred)?;
    }

    #[test]
    fn tsv_fixes_keep_rows_and_fields(
        rows in prop::collection::vec((cell(), cell()), 1..5),
        always_quote in any::<bool>(),
        crlf in any::<bool>(),
        preferred in replacement(),
    ) {
        assert_table_fixes_keep_rows(&rows, b'\t', always_quote, crlf, &preferred)?;
    }
}

// ---------------------------------------------------------------- Fluent

/// One element of a Fluent pattern.
#[derive(Clone, Debug)]
enum FluentPart {
    Text(String),
    Variable,
    Literal(String),
    ContinuedLine(String),
}

fn fluent_part() -> impl Strategy<Value = FluentPart> {
    prop_oneof![
        3 => words().prop_map(FluentPart::Text),
        1 => Just(FluentPart::Variable),
        1 => words().prop_map(FluentPart::Literal),
        1 => words().prop_map(FluentPart::ContinuedLine),
    ]
}

/// A pattern that starts with text and is written on one or more lines.
fn fluent_pattern(parts: &[FluentPart]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            FluentPart::Text(words) => out.push_str(&format!(" {words}")),
            FluentPart::Variable => out.push_str(" { $x }"),
            FluentPart::Literal(words) => out.push_str(&format!(" {{ \"{words}\" }}")),
            FluentPart::ContinuedLine(words) => out.push_str(&format!("\n    {words}")),
        }
    }
    out
}

/// Messages, each with a value and maybe an attribute.
fn fluent(messages: &[(Vec<FluentPart>, Option<Vec<FluentPart>>)]) -> String {
    let mut out = String::from("# A comment with Kirman, never checked\n");
    for (index, (value, attribute)) in messages.iter().enumerate() {
        out.push_str(&format!("m{index} = first{}\n", fluent_pattern(value)));
        if let Some(attribute) = attribute {
            out.push_str(&format!("    .title = first{}\n", fluent_pattern(attribute)));
        }
    }
    out
}

/// A Fluent resource as `fluent-syntax` reads it: per message, its id and
/// attribute ids (the structure) and its patterns' texts, each placeable
/// other than a string literal shown as a marker.
fn fluent_entries(text: &str) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn pattern_text(pattern: &Pattern<&str>) -> String {
        let mut out = String::new();
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => out.push_str(value),
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::StringLiteral { value }),
                } => out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value)),
                PatternElement::Placeable { expression } => {
                    out.push_str(&format!("\u{1}{expression:?}\u{1}"))
                }
            }
        }
        out
    }
    let resource = fluent_syntax::parser::parse(text).expect("the resource parses without junk");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let mut texts: Vec<String> = message.value.iter().map(pattern_text).collect();
                let mut shape = message.id.name.to_string();
                for attribute in &message.attributes {
                    shape.push_str(&format!(" .{}", attribute.id.name));
                    texts.push(pattern_text(&attribute.value));
                }
                texts.insert(0, shape);
                Some((message.id.name.to_string(), texts))
            }
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fluent_fixes_keep_entries_and_placeables(
        messages in prop::collection::vec(
            (prop::collection::vec(fluent_part(), 1..4), prop::option::of(prop::collection::vec(fluent_part(), 1..3))),
            1..4,
        ),
        preferred in replacement(),
    ) {
        let original = fluent(&messages);
        let fixed = fix(&original, Format::Fluent, &preferred);
        let before = fluent_entries(&original);
        let after = fluent_entries(&fixed.text);
        assert_same_structure(&before, &after, |(_, texts)| texts.clone(), &preferred)?;
        let checked = original.split_once('\n').map_or("", |(_, rest)| rest);
        assert_fixes_counted(&fixed, checked, true, &preferred)?;
    }
}

// ---------------------------------------------------------------- Markdown

/// Blocks of a Markdown document around a table.
fn markdown_block() -> impl Strategy<Value = String> {
    prop_oneof![
        words().prop_map(|w| format!("{w}\n")),
        words().prop_map(|w| format!("- {w}\n")),
        words().prop_map(|w| format!("1. {w}\n")),
        words().prop_map(|w| format!("> {w}\n")),
        words().prop_map(|w| format!("# {w}\n")),
        (words(), words()).prop_map(|(a, b)| format!("{a}\n{b}\n")),
        prop::collection::vec((words(), words()), 1..4).prop_map(|rows| {
            let mut table = String::from("| en | note |\n| --- | --- |\n");
            for (a, b) in rows {
                table.push_str(&format!("| {a} | {b} |\n"));
            }
            table
        }),
    ]
}

/// The events of a Markdown document as `pulldown-cmark` reads them, with
/// the tables, blocks and inline markup as markers between runs of text.
fn markdown_events(text: &str) -> Vec<(String, String)> {
    use pulldown_cmark::{Event, Options, Parser};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut out: Vec<(String, String)> = Vec::new();
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Text(run) => match out.last_mut() {
                Some((_, text)) => text.push_str(&run),
                None => out.push((String::new(), run.to_string())),
            },
            other => out.push((format!("{other:?}"), String::new())),
        }
    }
    out
}

/// Whether Markdown can hold `replacement` inline.
fn markdown_can_hold(replacement: &str) -> bool {
    let edges = [replacement.chars().next(), replacement.chars().next_back()];
    !replacement.contains(['\n', '\r']) && !edges.iter().flatten().any(|c| c.is_whitespace())
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markdown_fixes_keep_blocks_and_table_cells(
        blocks in prop::collection::vec(markdown_block(), 1..5),
        preferred in replacement(),
    ) {
        let original = blocks.join("\n");
        let fixed = fix(&original, Format::Markdown, &preferred);
        let before = markdown_events(&original);
        let after = markdown_events(&fixed.text);
        // The markers must match exactly; the texts may change by the fixes.
        let markers = |events: &[(String, String)]| events.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>();
        prop_assert_eq!(markers(&before), markers(&after), "{:?}", fixed.text);
        assert_same_structure(&before, &after, |(_, text)| vec![text.clone()], &preferred)?;
        assert_fixes_counted(&fixed, &original, markdown_can_hold(&preferred), &preferred)?;
    }
}

// ---------------------------------------------------------------- XLIFF

/// Content of a source or target: text, CDATA and inline `<g>` elements.
fn xliff_content() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        3 => words().prop_map(|w| format!("{w} ")),
        1 => words().prop_map(|w| format!("<![CDATA[{w}]]> ")),
        1 => words().prop_map(|w| format!("<g id=\"1\">{w}</g> ")),
        1 => Just("&amp; ".to_string()),
    ];
    prop::collection::vec(part, 1..4).prop_map(|parts| parts.concat())
}

fn xliff(units: &[(String, String)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\
         <file source-language=\"en\" target-language=\"en\" datatype=\"plaintext\" original=\"x\"><body>\n",
    );
    for (index, (source, target)) in units.iter().enumerate() {
        out.push_str(&format!(
            "<trans-unit id=\"{index}\"><source>{source}</source><target>{target}</target></trans-unit>\n"
        ));
    }
    out.push_str("</body></file></xliff>\n");
    out
}

/// The elements of an XML document as `quick-xml` reads them, each run of
/// text (references resolved, CDATA included) after its element's marker.
fn xml_events(text: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out: Vec<(String, String)> = Vec::new();
    let push_text = |out: &mut Vec<(String, String)>, run: &str| match out.last_mut() {
        Some((_, text)) => text.push_str(run),
        None => out.push((String::new(), run.to_string())),
    };
    loop {
        match reader.read_event().expect("the XML is well formed") {
            Event::Eof => return out,
            Event::Text(run) => push_text(&mut out, &run.decode().unwrap()),
            Event::CData(run) => push_text(&mut out, &run.decode().unwrap()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => {
                        let name = reference.decode().unwrap();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .expect("only predefined entities")
                            .to_string()
                    }
                };
                push_text(&mut out, &resolved);
            }
            Event::Start(element) => out.push((format!("<{:?}>", element.name()), String::new())),
            Event::End(element) => out.push((format!("</{:?}>", element.name()), String::new())),
            other => out.push((format!("{other:?}"), String::new())),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn xliff_fixes_keep_elements(
        units in prop::collection::vec((xliff_content(), xliff_content()), 1..4),
        preferred in replacement(),
    ) {
        let original = xliff(&units);
        let fixed = fix(&original, Format::Xliff, &preferred);
        let before = xml_events(&original);
        let after = xml_events(&fixed.text);
        let markers = |events: &[(String, String)]| events.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>();
        prop_assert_eq!(markers(&before), markers(&after), "{:?}", fixed.text);
        assert_same_structure(&before, &after, |(_, text)| vec![text.clone()], &preferred)?;
        // A CDATA section cannot hold a CR, nor `]]>`.
        let all_fixable = !preferred.contains(['\r', ']']);
        assert_fixes_counted(&fixed, &original, all_fixable, &preferred)?;
    }
}

// ---------------------------------------------------------------- HTML

/// Pieces of HTML: text, and `alt` values in all three ways of writing
/// them (`title` is used unquoted, and holds one word).
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => words().prop_map(|w| format!("<p>{w}</p>\n")),
        1 => words().prop_map(|w| format!("<img alt=\"{w}\">\n")),
        1 => words().prop_map(|w| format!("<img alt='{w}'>\n")),
        1 => prop::sample::select(&[DEPRECATED, "town"][..]).prop_map(|w| format!("<img title={w}>\n")),
        1 => words().prop_map(|w| format!("<p>{w} <em>{w}</em> &amp; more</p>\n")),
    ]
}

/// The tokens of HTML as `html5gum` reads them: tags with their checked
/// attributes, and runs of text.
fn html_tokens(text: &str) -> Vec<(String, Vec<String>)> {
    use html5gum::{Token, Tokenizer};
    let lossy = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for token in Tokenizer::new(text).flatten() {
        match token {
            Token::StartTag(tag) => {
                let values = tag.attributes.values().map(|value| lossy(value)).collect();
                let names: Vec<String> = tag.attributes.keys().map(|name| lossy(name)).collect();
                out.push((format!("<{} {names:?}>", lossy(&tag.name)), values));
            }
            Token::EndTag(tag) => out.push((format!("</{}>", lossy(&tag.name)), Vec::new())),
            Token::String(run) => match out.last_mut() {
                Some((marker, texts)) if marker == "text" => texts[0].push_str(&lossy(&run)),
                _ => out.push(("text".to_string(), vec![lossy(&run)])),
            },
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn html_fixes_keep_elements_and_attributes(
        pieces in prop::collection::vec(html_piece(), 1..5),
        preferred in replacement(),
    ) {
        let original = pieces.concat();
        let fixed = fix(&original, Format::Html, &preferred);
        let before = html_tokens(&original);
        let after = html_tokens(&fixed.text);
        let markers = |tokens: &[(String, Vec<String>)]| tokens.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>();
        prop_assert_eq!(markers(&before), markers(&after), "{:?}", fixed.text);
        assert_same_structure(&before, &after, |(_, texts)| texts.clone(), &preferred)?;
        // An unquoted attribute value cannot hold white space, `=` or `` ` ``.
        let unquoted_can_hold = !preferred.contains(|c: char| c.is_ascii_whitespace() || c == '=' || c == '`');
        let all_fixable = unquoted_can_hold || !original.contains(&format!("title={DEPRECATED}"));
        assert_fixes_counted(&fixed, &original, all_fixable, &preferred)?;
    }
}

// ---------------------------------------------------------------- PO

/// Entries with their `msgstr` split over continuation lines.
fn po(entries: &[(&str, Vec<String>)]) -> String {
    let mut out = String::from("msgid \"\"\nmsgstr \"Language: en\\n\"\n");
    for (index, (id, parts)) in entries.iter().enumerate() {
        out.push_str(&format!(
            "\n#: a.c:{index}\nmsgid \"{id} {index}\"\nmsgstr \"\"\n"
        ));
        for part in parts {
            out.push_str(&format!("\"{part} \"\n"));
        }
    }
    out
}

/// The entries of a PO file as termlint reads them: each string's role and
/// decoded text.
fn po_strings(text: &str) -> Vec<(String, String)> {
    Format::Po
        .segments(text)
        .expect("the PO file parses")
        .iter()
        .map(|segment| {
            (
                format!("{:?} {:?}", segment.role, segment.unit),
                segment.view(text).text.into_owned(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn po_fixes_keep_entries(
        entries in prop::collection::vec(
            (prop::sample::select(WORDS), prop::collection::vec(words(), 1..3)),
            1..4,
        ),
        preferred in replacement(),
    ) {
        let original = po(&entries);
        let fixed = fix(&original, Format::Po, &preferred);
        let before = po_strings(&original);
        let after = po_strings(&fixed.text);
        let roles = |strings: &[(String, String)]| strings.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>();
        prop_assert_eq!(roles(&before), roles(&after), "{:?}", fixed.text);
        assert_same_structure(&before, &after, |(_, text)| vec![text.clone()], &preferred)?;
        prop_assert_eq!(original.matches("msgid").count(), fixed.text.matches("msgid").count());
        assert_fixes_counted(&fixed, &original, true, &preferred)?;
    }
}

// ---------------------------------------------------------------- the binary

/// Runs `termlint check --fix` on `files` in `dir` with the glossary of
/// `preferred`; returns the exit code and standard error.
fn fix_files(dir: &std::path::Path, preferred: &str, files: &[&str]) -> (i32, String) {
    fs::write(dir.join("g.toml"), glossary_toml(preferred)).unwrap();
    let output = termlint(dir)
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            "g.toml",
            "--fix",
        ])
        .args(files)
        .output()
        .unwrap();
    (
        code(&output),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_replacement_with_a_comma_requotes_its_csv_cell() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.csv"),
        "id,en,fa\n1,Kirman,x\n2,\"Kirman \"\"old\"\"\",y\n",
    )
    .unwrap();
    let (code, stderr) = fix_files(dir.path(), "Washington, D.C.", &["a.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.csv")).unwrap(),
        "id,en,fa\n1,\"Washington, D.C.\",x\n2,\"Washington, D.C. \"\"old\"\"\",y\n"
    );
}

#[test]
fn quotes_and_braces_are_written_as_each_format_needs() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "a.csv",
            "id,en\n1,In Kirman\n",
            "id,en\n1,\"In Abu \"\"Q\"\" {x}\"\n",
        ),
        (
            "a.tsv",
            "id\ten\n1\tIn Kirman\n",
            "id\ten\n1\t\"In Abu \"\"Q\"\" {x}\"\n",
        ),
        (
            "a.ftl",
            "m = In Kirman\n    .title = { \"Kirman\" }\n",
            "m = In Abu \"Q\" {\"{\"}x{\"}\"}\n    .title = { \"Abu \\\"Q\\\" {x}\" }\n",
        ),
    ];
    for (name, original, _) in files {
        fs::write(dir.path().join(name), original).unwrap();
    }
    let (code, stderr) = fix_files(dir.path(), "Abu \"Q\" {x}", &["a.csv", "a.tsv", "a.ftl"]);
    assert_eq!(code, 0, "{stderr}");
    for (name, _, expected) in files {
        assert_eq!(
            fs::read_to_string(dir.path().join(name)).unwrap(),
            expected,
            "{name}"
        );
    }
}

#[test]
fn a_pipe_and_emphasis_are_escaped_in_a_markdown_table() {
    let dir = tempfile::tempdir().unwrap();
    let table = "| en | fa |\n| --- | --- |\n| Kirman | x |\n";
    fs::write(dir.path().join("a.md"), table).unwrap();
    let (code, stderr) = fix_files(dir.path(), "A | B *c*", &["a.md"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "| en | fa |\n| --- | --- |\n| A \\| B \\*c\\* | x |\n"
    );
}
