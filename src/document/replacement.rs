//! Writing a fix's replacement into a file so that the file's format reads
//! it back as that text and nothing else changes: the rows and cells of a
//! table, the entries and placeables of a Fluent resource, the elements of
//! XML and HTML, the entries of a PO file, the blocks of Markdown.
//!
//! Each format escapes or quotes what it must, the way it must where the
//! replacement goes: a CSV cell that must be quoted is written anew, whole,
//! by the `csv` crate; Fluent text takes `{"{"}` where a string literal takes
//! `{`; XML text takes `&lt;` where a CDATA section takes nothing. Where a
//! replacement cannot be written safely (a line break in a Markdown line,
//! `]]>` in a CDATA section, white space in an unquoted HTML attribute
//! value), there is no edit: the finding is reported without a fix.

use std::cell::OnceCell;
use std::ops::Range;

use super::{fluent, html, markdown, po, table, xliff, Format};

/// Writes replacements into one text of one format. What the format must
/// know about the text (its cells, string literals, CDATA sections or
/// unquoted attribute values) is read once, when first needed.
pub struct ReplacementWriter<'a> {
    format: Format,
    text: &'a str,
    places: OnceCell<Places>,
}

/// The parts of a text where a replacement is written differently.
enum Places {
    /// The cells of a table.
    Cells(Vec<table::Cell>),
    /// Fluent string literals, XML CDATA sections or unquoted HTML attribute
    /// values, sorted.
    Ranges(Vec<Range<usize>>),
}

/// An edit in the form a file's format needs: write `text` over `range`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte range in the original text; it may be larger than the range
    /// replaced (a CSV cell written anew).
    pub range: Range<usize>,
    /// What to write there, escaped or quoted as the format requires.
    pub text: String,
}

impl<'a> ReplacementWriter<'a> {
    /// A writer for `text`, a file in `format`.
    pub fn new(format: Format, text: &'a str) -> Self {
        ReplacementWriter {
            format,
            text,
            places: OnceCell::new(),
        }
    }

    /// The edit that makes `range` of the text read `replacement` (plain
    /// text), or `None` when the format cannot hold it there.
    pub fn write(&self, range: Range<usize>, replacement: &str) -> Option<Edit> {
        let edit = |text: String| Edit {
            range: range.clone(),
            text,
        };
        match self.format {
            Format::Text => Some(edit(replacement.to_string())),
            Format::Markdown => markdown::escape_inline(self.text, range.clone(), replacement).map(edit),
            Format::Po => po::escape_string(replacement).map(edit),
            Format::Xliff | Format::Tmx => self.write_xml(range.clone(), replacement).map(edit),
            Format::Html => self.write_html(range.clone(), replacement).map(edit),
            Format::Fluent => {
                let literals = self.ranges(fluent::string_literals);
                Some(edit(fluent::escape(
                    self.text,
                    literals,
                    range.clone(),
                    replacement,
                )))
            }
            Format::Csv => self.write_in_cell(range, replacement, b','),
            Format::Tsv => self.write_in_cell(range, replacement, b'\t'),
        }
    }

    fn write_in_cell(&self, range: Range<usize>, replacement: &str, delimiter: u8) -> Option<Edit> {
        let places = self
            .places
            .get_or_init(|| Places::Cells(table::all_cells(self.text, delimiter).unwrap_or_default()));
        let Places::Cells(cells) = places else {
            return None;
        };
        let (range, text) = table::write_in_cell(self.text, cells, range, replacement, delimiter)?;
        Some(Edit { range, text })
    }

    /// XLIFF text: escaped, except in a CDATA section, which holds text as
    /// it is but for `]]>`.
    fn write_xml(&self, range: Range<usize>, replacement: &str) -> Option<String> {
        if !replacement.chars().all(is_xml_char) {
            return None;
        }
        if !replacement.contains(['<', '>', '&', '\r', ']']) {
            return Some(replacement.to_string());
        }
        if within_any(self.ranges(xliff::cdata_sections), &range) {
            // A CR is read as LF and `]]>` ends the section: such text
            // cannot be written there.
            let closes = self.joined_with_neighbours(&range, replacement).contains("]]>");
            return (!closes && !replacement.contains('\r')).then(|| replacement.to_string());
        }
        Some(with_carriage_returns_escaped(&quick_xml::escape::partial_escape(
            replacement,
        )))
    }

    /// HTML text and attribute values: escaped; an unquoted attribute value
    /// cannot hold white space, `=` or a backtick.
    fn write_html(&self, range: Range<usize>, replacement: &str) -> Option<String> {
        if replacement
            .chars()
            .any(|c| c.is_control() && !c.is_ascii_whitespace())
        {
            return None;
        }
        let ends_an_unquoted_value = |c: char| c.is_ascii_whitespace() || matches!(c, '=' | '`');
        if replacement.contains(ends_an_unquoted_value)
            && within_any(self.ranges(html::unquoted_attribute_values), &range)
        {
            return None;
        }
        Some(with_carriage_returns_escaped(&quick_xml::escape::escape(
            replacement,
        )))
    }

    /// `replacement` with the two bytes on either side of `range`.
    fn joined_with_neighbours(&self, range: &Range<usize>, replacement: &str) -> String {
        let bytes = self.text.as_bytes();
        let before = &bytes[range.start.saturating_sub(2)..range.start];
        let after = &bytes[range.end..(range.end + 2).min(bytes.len())];
        let lossy = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        lossy(before) + replacement + &lossy(after)
    }

    /// The format's special ranges, read on first use.
    fn ranges(&self, read: fn(&str) -> Vec<Range<usize>>) -> &[Range<usize>] {
        match self.places.get_or_init(|| Places::Ranges(read(self.text))) {
            Places::Ranges(ranges) => ranges,
            Places::Cells(_) => &[],
        }
    }
}

/// Whether `range` lies within one of `ranges` (sorted by start).
fn within_any(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    let after = ranges.partition_point(|r| r.start <= range.start);
    after.checked_sub(1).is_some_and(|at| range.end <= ranges[at].end)
}

/// A parser reads a CR in XML or HTML text as LF; a character reference
/// keeps it.
fn with_carriage_returns_escaped(escaped: &str) -> String {
    escaped.replace('\r', "&#13;")
}

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(format: Format, text: &str, found: &str, replacement: &str) -> Option<String> {
        let start = text.find(found).expect("found");
        let writer = ReplacementWriter::new(format, text);
        let edit = writer.write(start..start + found.len(), replacement)?;
        let mut fixed = text.to_string();
        fixed.replace_range(edit.range, &edit.text);
        Some(fixed)
    }

    #[test]
    fn a_csv_cell_that_must_be_quoted_is_written_anew() {
        let csv = "id,en\n1,In Kirman here\n2,\"Kirman, \"\"old\"\"\"\n";
        assert_eq!(
            write(Format::Csv, csv, "Kirman", "Washington, D.C.").as_deref(),
            Some("id,en\n1,\"In Washington, D.C. here\"\n2,\"Kirman, \"\"old\"\"\"\n")
        );
        let second = csv.rfind("Kirman").unwrap();
        let writer = ReplacementWriter::new(Format::Csv, csv);
        let edit = writer.write(second..second + 6, "A \"B\"").unwrap();
        assert_eq!(edit.text, "\"A \"\"B\"\", \"\"old\"\"\"");
        assert_eq!(
            write(Format::Csv, csv, "Kirman", "Kerman").as_deref(),
            Some("id,en\n1,In Kerman here\n2,\"Kirman, \"\"old\"\"\"\n"),
            "plain text is written in place"
        );
        assert_eq!(
            write(Format::Tsv, "id\ten\n1\tKirman\n", "Kirman", "a\tb, \"c\"").as_deref(),
            Some("id\ten\n1\t\"a\tb, \"\"c\"\"\"\n"),
        );
    }

    #[test]
    fn xml_text_is_escaped_but_cdata_is_not() {
        let xliff = "<t>Kirman <![CDATA[Kirman]>]]></t>";
        assert_eq!(
            write(Format::Xliff, xliff, "Kirman", "A & <B> \"C\"\r").as_deref(),
            Some("<t>A &amp; &lt;B&gt; \"C\"&#13; <![CDATA[Kirman]>]]></t>")
        );
        let writer = ReplacementWriter::new(Format::Xliff, xliff);
        let start = xliff.rfind("Kirman").unwrap();
        let cdata = start..start + "Kirman".len();
        assert_eq!(writer.write(cdata.clone(), "A & <B>").unwrap().text, "A & <B>");
        assert_eq!(writer.write(cdata.clone(), "A]]>B"), None);
        assert_eq!(
            writer.write(cdata.clone(), "A]"),
            None,
            "`]]>` with the text after"
        );
        assert_eq!(writer.write(cdata, "A\r"), None, "read as LF");
        assert_eq!(write(Format::Xliff, xliff, "Kirman", "A\u{1}"), None);
    }

    #[test]
    fn an_unquoted_html_attribute_takes_no_white_space() {
        let html = "<img alt=Kirman title=\"Kirman\"><p>Kirman</p>";
        assert_eq!(write(Format::Html, html, "Kirman", "Washington, D.C."), None);
        assert_eq!(
            write(Format::Html, html, "Kirman", "A&B").as_deref(),
            Some("<img alt=A&amp;B title=\"Kirman\"><p>Kirman</p>")
        );
        let quoted = html.find("\"Kirman").unwrap() + 1;
        let writer = ReplacementWriter::new(Format::Html, html);
        let edit = writer.write(quoted..quoted + 6, "O'Hara \"K\"").unwrap();
        assert_eq!(edit.text, "O&apos;Hara &quot;K&quot;");
    }

    #[test]
    fn markdown_markup_is_escaped_and_line_breaks_refused() {
        let markdown = "| a |\n| - |\n| Kirman |\n\nKirman here\n\nIn Kirman\n";
        assert_eq!(
            write(Format::Markdown, markdown, "Kirman", "A | *B* [c]").as_deref(),
            Some("| a |\n| - |\n| A \\| \\*B\\* \\[c\\] |\n\nKirman here\n\nIn Kirman\n")
        );
        let writer = ReplacementWriter::new(Format::Markdown, markdown);
        let line_start = markdown.find("Kirman here").unwrap();
        let mid_line = markdown.rfind("Kirman").unwrap();
        let text = |at: usize, replacement: &str| writer.write(at..at + 6, replacement).map(|e| e.text);
        assert_eq!(text(line_start, "- x").as_deref(), Some("\\- x"), "no list");
        assert_eq!(text(line_start, "12. x").as_deref(), Some("12\\. x"), "no list");
        assert_eq!(text(mid_line, "- x").as_deref(), Some("- x"));
        assert_eq!(text(mid_line, "A & B #1").as_deref(), Some("A \\& B \\#1"));
        assert_eq!(text(mid_line, "New\nLine"), None);
        assert_eq!(text(mid_line, "A\rB"), None);
        assert_eq!(text(mid_line, "A\tB").as_deref(), Some("A\tB"));
        // `>` as a reference: it would close raw HTML opened before it, and
        // quote a line it starts.
        assert_eq!(text(mid_line, "a>b").as_deref(), Some("a&gt;b"));
        assert_eq!(text(line_start, "> x").as_deref(), Some("&gt; x"));
        assert_eq!(
            write(Format::Markdown, "Br<!he said Kirman today\n", "Kirman", "<b>").as_deref(),
            Some("Br<!he said \\<b&gt; today\n")
        );
        let in_a_list = "1. Kirman\n> - Kirman\n";
        assert_eq!(
            write(Format::Markdown, in_a_list, "Kirman", "- x").as_deref(),
            Some("1. \\- x\n> - Kirman\n"),
            "no list inside the item"
        );
        let after_backslash = "\\Kirman";
        assert_eq!(write(Format::Markdown, after_backslash, "Kirman", "*A"), None);
        let after_reference = "&amKirman";
        assert_eq!(
            write(Format::Markdown, after_reference, "Kirman", "p;").as_deref(),
            Some("&amp\\;"),
            "no character reference"
        );
    }

    #[test]
    fn fluent_text_takes_placeables_and_literals_take_escapes() {
        let ftl = "m = In Kirman\n    Kirman { \"Kirman\" }\n";
        assert_eq!(
            write(Format::Fluent, ftl, "Kirman", "{x}\nA").as_deref(),
            Some("m = In {\"{\"}x{\"}\"}{\"\\u000A\"}A\n    Kirman { \"Kirman\" }\n")
        );
        let writer = ReplacementWriter::new(Format::Fluent, ftl);
        let line_start = ftl.find("    Kirman").unwrap() + 4;
        let literal = ftl.rfind("Kirman").unwrap();
        let text = |at: usize, replacement: &str| writer.write(at..at + 6, replacement).unwrap().text;
        assert_eq!(text(line_start, ".A"), "{\".\"}A", "no attribute");
        assert_eq!(text(line_start, "[A]"), "{\"[\"}A]", "no variant");
        assert_eq!(
            text(literal, "\"A\" \\ {B}\r\n"),
            "\\\"A\\\" \\\\ {B}\\u000D\\u000A"
        );
    }

    #[test]
    fn po_strings_take_escapes_and_refuse_other_control_characters() {
        let po = "msgid \"a\"\nmsgstr \"Kirman\"\n";
        assert_eq!(
            write(Format::Po, po, "Kirman", "\"A\"\\\tB\r\nC").as_deref(),
            Some("msgid \"a\"\nmsgstr \"\\\"A\\\"\\\\\\tB\\r\\nC\"\n")
        );
        assert_eq!(write(Format::Po, po, "Kirman", "A\u{1}"), None);
    }
}
