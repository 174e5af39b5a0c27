//! Fluent `.ftl`: the values of messages, terms and their attributes.
//!
//! Checked: the text of every pattern (message, term and attribute values,
//! and the value of every variant of a select expression), and string
//! literals written as placeables (`{ "…" }`), with their escapes decoded.
//! Not checked: identifiers, comments, variant keys, selectors, variables
//! (`{ $name }`), message and term references, function calls and their
//! arguments.
//!
//! The file is parsed by `fluent-syntax`, whose AST has no positions but
//! borrows every text element and string literal from the source, so each
//! one's byte range is where its slice lies within the source. A pattern's
//! text runs are one segment across line breaks and literal placeables
//! (the common indentation of continuation lines is skipped); a placeable
//! that stands for unknown text (a variable, a reference, a call, a select
//! expression) ends the segment, so words on either side of it never join
//! into one name. Each variant of a select expression is its own segment.
//!
//! Entries with syntax errors are Junk and skipped, as Fluent itself does;
//! the file is a `FormatError` only when it has errors and no message or
//! term parsed at all.

use std::borrow::Cow;
use std::ops::Range;

use fluent_syntax::ast::{self, Expression, InlineExpression, PatternElement};
use fluent_syntax::parser::{self, ParserError};

use super::{FormatError, Piece, Role, Segment};

/// The segments of a Fluent resource.
pub fn segments(text: &str) -> Result<Vec<Segment>, FormatError> {
    collect(text).map(|(segments, _)| segments)
}

/// The raw contents of the string literals of a Fluent resource (between
/// their quotes), in text order; none when it does not parse.
pub fn string_literals(text: &str) -> Vec<Range<usize>> {
    collect(text).map(|(_, literals)| literals).unwrap_or_default()
}

/// A Fluent resource's segments and the raw contents of its string literals.
fn collect(text: &str) -> Result<(Vec<Segment>, Vec<Range<usize>>), FormatError> {
    // Offsets are the same in the defused copy, and its changes lie only in
    // invalid escapes, which make their entries junk (never checked).
    let defused = defuse_short_escapes(text);
    let text = defused.as_ref();
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let source = text.get(bom..).unwrap_or_default();
    let resource = match parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            if !resource.body.iter().any(is_message_or_term) {
                if let Some(first) = errors.first() {
                    return Err(format_error(bom, first));
                }
            }
            resource
        }
    };
    let mut collector = Collector {
        text,
        segments: Vec::new(),
        current: Vec::new(),
        literals: Vec::new(),
    };
    for entry in &resource.body {
        collector.entry(entry);
    }
    Ok((collector.segments, collector.literals))
}

/// fluent-syntax 0.12 panics on a `\u` or `\U` escape cut short by a
/// non-ASCII character (it slices inside the character; found by fuzzing).
/// Such an escape is invalid anyway: the character is replaced by as many
/// `?` bytes, which keeps every offset, and the parser reports the escape.
fn defuse_short_escapes(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut cut_short = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let length = match bytes[i + 1] {
            b'u' => 4,
            b'U' => 6,
            _ => {
                i += 2; // `\\` and other escapes: the next byte is taken
                continue;
            }
        };
        let digits = bytes[i + 2..]
            .iter()
            .take(length)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        let next = i + 2 + digits;
        if digits < length && bytes.get(next).is_some_and(|&b| b >= 0x80) {
            cut_short.push(next);
        }
        i = next;
    }
    if cut_short.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut defused = String::with_capacity(text.len());
    let mut copied = 0;
    for at in cut_short {
        let width = text[at..].chars().next().map_or(1, char::len_utf8);
        defused.push_str(&text[copied..at]);
        defused.extend(std::iter::repeat_n('?', width));
        copied = at + width;
    }
    defused.push_str(&text[copied..]);
    Cow::Owned(defused)
}

fn is_message_or_term(entry: &ast::Entry<&str>) -> bool {
    matches!(entry, ast::Entry::Message(_) | ast::Entry::Term(_))
}

fn format_error(bom: usize, error: &ParserError) -> FormatError {
    FormatError {
        offset: bom + error.pos.start,
        detail: error.to_string(),
    }
}

/// Walks the AST, collecting the pieces of the current segment.
struct Collector<'a> {
    text: &'a str,
    segments: Vec<Segment>,
    current: Vec<Piece>,
    /// The raw contents of the string literals met.
    literals: Vec<Range<usize>>,
}

impl<'a> Collector<'a> {
    fn entry(&mut self, entry: &ast::Entry<&'a str>) {
        let (value, attributes) = match entry {
            ast::Entry::Message(message) => (message.value.as_ref(), &message.attributes),
            ast::Entry::Term(term) => (Some(&term.value), &term.attributes),
            _ => return,
        };
        let patterns = value
            .into_iter()
            .chain(attributes.iter().map(|attribute| &attribute.value));
        for pattern in patterns {
            self.pattern(pattern);
        }
    }

    /// One pattern: its own segments, the current one left as it was.
    fn pattern(&mut self, pattern: &ast::Pattern<&'a str>) {
        let outer = std::mem::take(&mut self.current);
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => self.verbatim(value),
                PatternElement::Placeable { expression } => self.expression(expression),
            }
        }
        self.flush();
        self.current = outer;
    }

    fn expression(&mut self, expression: &Expression<&'a str>) {
        match expression {
            Expression::Inline(inline) => self.inline(inline),
            Expression::Select { variants, .. } => {
                self.flush();
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
        }
    }

    fn inline(&mut self, inline: &InlineExpression<&'a str>) {
        match inline {
            InlineExpression::StringLiteral { value } => self.string_literal(value),
            InlineExpression::NumberLiteral { value } => self.verbatim(value),
            InlineExpression::Placeable { expression } => self.expression(expression),
            _ => self.flush(),
        }
    }

    fn verbatim(&mut self, part: &str) {
        if let Some(range) = range_in(self.text, part).filter(|r| !r.is_empty()) {
            self.current.push(Piece::verbatim(range));
        }
    }

    /// A string literal's raw content, with `\\`, `\"`, `\uXXXX` and
    /// `\UXXXXXX` as decoded pieces.
    fn string_literal(&mut self, raw: &str) {
        let Some(range) = range_in(self.text, raw) else {
            return;
        };
        self.literals.push(range.clone());
        let mut run = 0;
        let mut rest = raw;
        while let Some(backslash) = rest.find('\\') {
            let at = raw.len() - rest.len() + backslash;
            let Some((length, decoded)) = decode_escape(&raw[at..]) else {
                rest = &raw[at + 1..];
                continue;
            };
            self.push_range(range.start + run..range.start + at);
            let escape = range.start + at..range.start + at + length;
            self.current.push(Piece::decoded(escape, decoded));
            run = at + length;
            rest = &raw[run..];
        }
        self.push_range(range.start + run..range.end);
    }

    fn push_range(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            self.current.push(Piece::verbatim(range));
        }
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            let pieces = std::mem::take(&mut self.current);
            self.segments.push(Segment {
                pieces,
                language: None,
                role: Role::Text,
                unit: None,
                info: super::SegmentInfo::default(),
            });
        }
    }
}

/// `replacement` written over `range` of a Fluent resource so that it reads
/// back as it is. Inside one of the string `literals`, with the literal's
/// escapes (`\"`, `\\`, and `\u000A` for a line break, which a literal
/// cannot hold). In text, the characters that text cannot hold as they are
/// become string-literal placeables (`{"{"}`), which Fluent and termlint read
/// as part of the text: braces, line breaks, white space at either end (a
/// pattern's ends are trimmed) and, where a line starts, `[`, `*` and `.`
/// (which would start a variant or an attribute).
pub fn escape(text: &str, literals: &[Range<usize>], range: Range<usize>, replacement: &str) -> String {
    let in_literal = literals
        .iter()
        .any(|literal| literal.start <= range.start && range.end <= literal.end);
    if in_literal {
        return literal_escaped(replacement);
    }
    let line_before = text[..range.start].rsplit('\n').next().unwrap_or_default();
    let starts_a_line = line_before.chars().all(|c| c == ' ');
    let last = replacement.chars().count().saturating_sub(1);
    let mut out = String::with_capacity(replacement.len());
    for (index, c) in replacement.chars().enumerate() {
        let at_an_end = (index == 0 || index == last) && c.is_whitespace();
        let starts_a_block = index == 0 && starts_a_line && matches!(c, '[' | '*' | '.');
        if matches!(c, '{' | '}' | '\n' | '\r') || at_an_end || starts_a_block {
            out.push_str("{\"");
            out.push_str(&literal_escaped(c.encode_utf8(&mut [0; 4])));
            out.push_str("\"}");
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` as the content of a string literal.
fn literal_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\u000A"),
            '\r' => out.push_str("\\u000D"),
            c => out.push(c),
        }
    }
    out
}

/// The byte range of `part`, a slice borrowed from `base`, within `base`.
fn range_in(base: &str, part: &str) -> Option<Range<usize>> {
    let start = (part.as_ptr() as usize).checked_sub(base.as_ptr() as usize)?;
    let end = start.checked_add(part.len())?;
    (end <= base.len()).then_some(start..end)
}

/// The length and decoded text of the string-literal escape that `escape`
/// starts with; `None` if it is not one.
fn decode_escape(escape: &str) -> Option<(usize, String)> {
    let mut chars = escape.chars().skip(1);
    let (digits, length) = match chars.next()? {
        '\\' => return Some((2, "\\".to_string())),
        '"' => return Some((2, "\"".to_string())),
        'u' => (4, 6),
        'U' => (6, 8),
        _ => return None,
    };
    let hex = escape.get(2..2 + digits)?;
    let value = u32::from_str_radix(hex, 16).ok()?;
    // A lone surrogate (`\uD83D`) stands for no character.
    let decoded = char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER);
    Some((length, decoded.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment's pieces, decoded ones shown as `[original=decoded]`.
    fn show(text: &str) -> Vec<String> {
        segments(text)
            .expect("parses")
            .iter()
            .map(|s| {
                s.pieces
                    .iter()
                    .map(|p| match &p.decoded {
                        Some(d) => format!("[{}={}]", &text[p.range.clone()], d),
                        None => text[p.range.clone()].to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn checks_values_and_attributes_but_not_identifiers_or_comments() {
        let ftl = "# Kirman\nkirman = Kirman city\n    .title = Kirman title\n-kirman-term = Kirman\n";
        assert_eq!(show(ftl), vec!["Kirman city", "Kirman title", "Kirman"]);
    }

    #[test]
    fn placeables_other_than_literals_break_the_segment() {
        let ftl = "m = Abu { $x } Hafs { -term } and { NUMBER($n, style: \"Kirman\") } { msg.attr }.\n";
        assert_eq!(show(ftl), vec!["Abu ", " Hafs ", " and ", " ", "."]);
    }

    #[test]
    fn select_variants_are_segments_of_their_own() {
        let ftl = "m = In { $n ->\n    [one] one Kerman\n   *[other] { $n } Kermans\n} here\n";
        assert_eq!(show(ftl), vec!["In ", "one Kerman", " Kermans", " here"]);
    }

    #[test]
    fn multiline_values_are_one_segment_without_the_indentation() {
        let ftl = "m =\n    Abu Hudhaifa\n    al-Ansari\n";
        assert_eq!(show(ftl), vec!["Abu Hudhaifa\n|al-Ansari"]);
        let crlf = "m = Abu\r\n  Hafs\r\n";
        assert_eq!(show(crlf), vec!["Abu|\n|Hafs"]);
    }

    #[test]
    fn string_literals_join_the_text_with_escapes_decoded() {
        let ftl = "m = Abu {\"Hudh\\u0061ifa\"} {\"\\\"\\\\\"}{ 5 }\n";
        assert_eq!(
            show(ftl),
            vec!["Abu |Hudh|[\\u0061=a]|ifa| |[\\\"=\"]|[\\\\=\\]|5"]
        );
        assert_eq!(
            show("m = {\"\\uD83D\\U01F602\"}\n"),
            vec!["[\\uD83D=\u{fffd}]|[\\U01F602=😂]"]
        );
    }

    #[test]
    fn junk_is_skipped_unless_nothing_parses() {
        let ftl = "\u{feff}err = {1x}\nok = Kerman\nerr2 = { \"open\n";
        assert_eq!(show(ftl), vec!["Kerman"]);
        let error = segments("\u{feff}err = {1x}\n").expect_err("only junk");
        assert_eq!(error.offset, 3 + 8);
        assert_eq!(segments("# only a comment\n"), Ok(Vec::new()));
    }

    #[test]
    fn never_panics_on_truncations() {
        let ftl = "\u{feff}m = Á { $x ->\n  *[a] {\"\\u00e9\"}\n}\n  .t = é\n";
        for end in (0..=ftl.len()).filter(|&end| ftl.is_char_boundary(end)) {
            let _ = segments(&ftl[..end]);
        }
    }

    #[test]
    fn an_escape_cut_short_by_a_non_ascii_character_is_junk_not_a_panic() {
        // Found by fuzzing: fluent-syntax 0.12 slices inside the `Ї`.
        let ftl = "a = { \"Kirm\\u012Ї\" }\nb = Kirman\nc = { \"\\\\uЖ\" }\n";
        let texts: Vec<String> = segments(ftl)
            .expect("parses")
            .iter()
            .map(|s| s.view(ftl).text.into_owned())
            .collect();
        assert_eq!(texts, ["Kirman", "\\uЖ"]);
    }
}
