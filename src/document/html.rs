//! HTML: the text of elements and the values of `alt` and `title`
//! attributes, with character references decoded and positions kept.
//!
//! Not checked: the content of `script`, `style`, `code`, `pre`, `kbd`,
//! `samp`, `var`, `template`, `noscript`, `iframe`, `xmp`, `noembed`,
//! `noframes`, `plaintext`, `svg` and `math` (code, raw text or markup that
//! is not prose), comments, the doctype, and attributes other than `alt`
//! and `title`.
//!
//! Segments: text runs joined by inline elements (`a`, `em`, `strong`,
//! `span`, `abbr` …) form one segment of several pieces, so
//! `Abu <em>Hafs</em>` is still one name; any other element (`p`, `div`,
//! `li`, `td`, `br`, headings, unknown elements …) ends the segment, and so
//! does a change of language. Each `alt` or `title` value is a segment of
//! its own. The nearest `lang` (or `xml:lang`) attribute gives a segment's
//! language.
//!
//! HTML is read leniently, the way browsers do, and never rejected:
//! html5gum's WHATWG tokenizer gives the byte spans of text and attributes,
//! and a lenient element stack (end tags close up to their open element,
//! stray end tags are ignored) tracks languages and skipped elements. A
//! character reference becomes a decoded piece covering the whole
//! reference; html5gum decodes it, so the full table of named references
//! and the legacy rules (`&copy` without `;`) are the browser's.

use std::collections::HashMap;
use std::convert::Infallible;
use std::ops::Range;

use html5gum::{DefaultEmitter, HtmlString, Span, Spanned, StartTag, Token, Tokenizer};

use super::{FormatError, Piece, Role, Segment};
use crate::lang::Language;

/// Cuts an HTML document into segments of prose. Never fails: HTML is
/// read as leniently as a browser reads it.
pub fn segments(text: &str) -> Result<Vec<Segment>, FormatError> {
    let mut walker = Walker::new(text);
    for token in tokens(text) {
        match token {
            Token::StartTag(tag) => walker.start(&tag),
            Token::EndTag(tag) => walker.end(&tag.name),
            Token::String(string) => walker.text(string.span),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    walker.flush();
    Ok(walker.segments)
}

fn tokens(text: &str) -> impl Iterator<Item = Token<usize>> + '_ {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Switches to raw text after `<script>`, `<style>`, `<title>` …
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(text, emitter).filter_map(|token: Result<_, Infallible>| token.ok())
}

/// The values of the checked attributes (`alt`, `title`) that are written
/// without quotes (`alt=Kerman`), in text order.
pub fn unquoted_attribute_values(text: &str) -> Vec<Range<usize>> {
    let mut values = Vec::new();
    for token in tokens(text) {
        let Token::StartTag(tag) = token else {
            continue;
        };
        for name in [b"alt".as_slice(), b"title"] {
            let value = tag
                .attributes
                .get(name)
                .and_then(|attribute| attribute_value(text, attribute.span));
            let quoted = |value: &Range<usize>| {
                let before = value
                    .start
                    .checked_sub(1)
                    .and_then(|at| text.get(at..value.start));
                matches!(before, Some("\"" | "'"))
            };
            values.extend(value.filter(|value| !quoted(value)));
        }
    }
    values.sort_by_key(|value| value.start);
    values
}

/// Elements whose content is not prose.
const SKIPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"code",
    b"pre",
    b"kbd",
    b"samp",
    b"var",
    b"template",
    b"noscript",
    b"iframe",
    b"xmp",
    b"noembed",
    b"noframes",
    b"plaintext",
    b"svg",
    b"math",
];

/// Elements that do not end a stretch of prose.
const INLINE: &[&[u8]] = &[
    b"a", b"abbr", b"acronym", b"b", b"bdi", b"bdo", b"big", b"cite", b"data", b"del", b"dfn", b"em",
    b"font", b"i", b"img", b"ins", b"label", b"mark", b"q", b"s", b"small", b"span", b"strike", b"strong",
    b"sub", b"sup", b"time", b"tt", b"u", b"wbr",
];

/// Elements that have no end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// An open element.
struct Open {
    name: HtmlString,
    language: Option<Language>,
    skipped: bool,
}

struct Walker<'a> {
    text: &'a str,
    open: Vec<Open>,
    /// How many elements of each name are open: a stray end tag is known
    /// at once, without scanning the stack (100,000 stray end tags under
    /// 100,000 open elements would otherwise take quadratic time).
    open_counts: HashMap<HtmlString, usize>,
    /// The stretch of prose being read.
    current: Vec<Piece>,
    current_language: Option<Language>,
    segments: Vec<Segment>,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str) -> Self {
        Walker {
            text,
            open: Vec::new(),
            open_counts: HashMap::new(),
            current: Vec::new(),
            current_language: None,
            segments: Vec::new(),
        }
    }

    fn language(&self) -> Option<&Language> {
        self.open.last().and_then(|open| open.language.as_ref())
    }

    fn skipped(&self) -> bool {
        self.open.last().is_some_and(|open| open.skipped)
    }

    fn start(&mut self, tag: &StartTag<usize>) {
        let name = tag.name.as_slice();
        if !INLINE.contains(&name) || SKIPPED.contains(&name) {
            self.flush();
        }
        let language = own_language(tag).or_else(|| self.language().cloned());
        let skipped = self.skipped() || SKIPPED.contains(&name);
        if !skipped {
            self.attributes(tag, &language);
        }
        if !VOID.contains(&name) && !tag.self_closing {
            *self.open_counts.entry(tag.name.clone()).or_default() += 1;
            self.open.push(Open {
                name: tag.name.clone(),
                language,
                skipped,
            });
        }
    }

    /// Closes the element up to its start tag; a stray end tag is ignored.
    fn end(&mut self, name: &HtmlString) {
        if !INLINE.contains(&name.as_slice()) {
            self.flush();
        }
        if self.open_counts.get(name).is_none_or(|&count| count == 0) {
            return;
        }
        // The scan is paid for by the elements it closes.
        if let Some(index) = self.open.iter().rposition(|open| open.name == *name) {
            for closed in self.open.drain(index..) {
                if let Some(count) = self.open_counts.get_mut(&closed.name) {
                    *count = count.saturating_sub(1);
                }
            }
        }
    }

    fn text(&mut self, span: Span<usize>) {
        if self.skipped() {
            return;
        }
        if self.current_language.as_ref() != self.language() {
            self.flush();
            self.current_language = self.language().cloned();
        }
        // A byte-order mark is not text.
        let start = match span.start {
            0 if self.text.starts_with('\u{feff}') => '\u{feff}'.len_utf8(),
            start => start,
        };
        self.current
            .extend(pieces(self.text, start..span.end, Context::Text));
    }

    /// Each `alt` and `title` value as a segment of its own.
    fn attributes(&mut self, tag: &StartTag<usize>, language: &Option<Language>) {
        let mut values: Vec<&Spanned<HtmlString, usize>> = [b"alt".as_slice(), b"title"]
            .iter()
            .filter_map(|name| tag.attributes.get(*name))
            .collect();
        values.sort_by_key(|value| value.span.start);
        for attribute in values {
            let Some(range) = attribute_value(self.text, attribute.span) else {
                continue;
            };
            let pieces = pieces(self.text, range, Context::Attribute);
            // Trust the positions only when they decode to html5gum's value.
            if decoded(self.text, &pieces) == newlines_normalized(&String::from_utf8_lossy(&attribute.value))
            {
                self.push(pieces, language.clone());
            }
        }
    }

    fn flush(&mut self) {
        let pieces = std::mem::take(&mut self.current);
        let language = self.current_language.take();
        self.push(pieces, language);
    }

    fn push(&mut self, pieces: Vec<Piece>, language: Option<Language>) {
        let blank = |p: &Piece| {
            p.decoded.is_none() && self.text.get(p.range.clone()).is_none_or(|s| s.trim().is_empty())
        };
        if pieces.iter().all(blank) {
            return;
        }
        self.segments.push(Segment {
            pieces,
            language,
            role: Role::Text,
            unit: None,
            info: super::SegmentInfo::default(),
        });
    }
}

fn own_language(tag: &StartTag<usize>) -> Option<Language> {
    [b"lang".as_slice(), b"xml:lang"]
        .iter()
        .filter_map(|name| tag.attributes.get(*name))
        .find_map(|value| Language::parse(&String::from_utf8_lossy(&value.value)).ok())
}

/// Where character references are decoded: the rules for a reference
/// without `;` differ in attribute values.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Text,
    Attribute,
}

/// The pieces of raw text at `range`: verbatim runs and decoded references.
fn pieces(text: &str, range: Range<usize>, context: Context) -> Vec<Piece> {
    let Some(raw) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut pieces = Vec::new();
    let mut verbatim_start = 0;
    let mut search = 0;
    while let Some(found) = raw[search..].find('&') {
        let at = search + found;
        let end = at + reference_len(&raw[at..]);
        let next = raw[end..].chars().next();
        let decoded = match (context, next) {
            (Context::Attribute, Some('=')) if !raw[..end].ends_with(';') => None,
            _ => decode_reference(&raw[at..end], context),
        };
        search = end.max(at + 1);
        let Some(decoded) = decoded else { continue };
        if verbatim_start < at {
            pieces.push(Piece::verbatim(range.start + verbatim_start..range.start + at));
        }
        pieces.push(Piece::decoded(range.start + at..range.start + end, decoded));
        verbatim_start = end;
    }
    if verbatim_start < raw.len() {
        pieces.push(Piece::verbatim(range.start + verbatim_start..range.end));
    }
    pieces
}

/// The length of what could be a character reference at the start of `s`
/// (which starts with `&`): `&name;`, `&#123;`, `&#x1F;`, `;` optional.
fn reference_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut end = 1;
    let hex = match (bytes.get(1), bytes.get(2)) {
        (Some(b'#'), Some(b'x' | b'X')) => {
            end = 3;
            true
        }
        (Some(b'#'), _) => {
            end = 2;
            false
        }
        _ => false,
    };
    let numeric = end > 1;
    while bytes.get(end).is_some_and(|b| match (numeric, hex) {
        (true, true) => b.is_ascii_hexdigit(),
        (true, false) => b.is_ascii_digit(),
        _ => b.is_ascii_alphanumeric(),
    }) {
        end += 1;
    }
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    end
}

/// The text a character reference stands for, as html5gum decodes it;
/// `None` when it is not a reference.
fn decode_reference(reference: &str, context: Context) -> Option<String> {
    let decoded = match context {
        Context::Text => tokens(reference)
            .filter_map(|token| match token {
                Token::String(string) => Some(String::from_utf8_lossy(&string.value).into_owned()),
                _ => None,
            })
            .collect::<String>(),
        Context::Attribute => {
            let tag = format!("<a v=\"{reference}\">");
            let value = tokens(&tag).find_map(|token| match token {
                Token::StartTag(tag) => tag
                    .attributes
                    .get(b"v".as_slice())
                    .map(|value| String::from_utf8_lossy(&value.value).into_owned()),
                _ => None,
            });
            value?
        }
    };
    (decoded != reference).then_some(decoded)
}

/// The range of the value inside an attribute's span (`name = "value"`),
/// without its quotes; `None` for an attribute without a value.
fn attribute_value(text: &str, span: Span<usize>) -> Option<Range<usize>> {
    let raw = text.get(span.start..span.end)?;
    let after_name = raw.find(|c: char| c.is_ascii_whitespace() || c == '=')?;
    let rest = raw[after_name..].trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.strip_prefix('=')?;
    let value = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let value_start = raw.len() - value.len();
    let (start, len) = match value.chars().next()? {
        quote @ ('"' | '\'') => {
            let inner = &value[1..];
            (value_start + 1, inner.find(quote).unwrap_or(inner.len()))
        }
        _ => (
            value_start,
            value
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(value.len()),
        ),
    };
    Some(span.start + start..span.start + start + len)
}

fn decoded(text: &str, pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match &piece.decoded {
            Some(decoded) => decoded.clone(),
            None => newlines_normalized(text.get(piece.range.clone()).unwrap_or_default()),
        })
        .collect()
}

/// `\r\n` and `\r` as `\n`, as the tokenizer reads them.
fn newlines_normalized(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment as `lang: piece|piece`, decoded pieces in brackets
    /// after their original text.
    fn show(html: &str) -> Vec<String> {
        segments(html)
            .expect("HTML is never rejected")
            .iter()
            .map(|segment| {
                let pieces = super::super::show_pieces(html, &segment.pieces);
                let language = segment
                    .language
                    .as_ref()
                    .map_or("-".to_string(), |l| l.to_string());
                format!("{language}: {}", pieces)
            })
            .collect()
    }

    #[test]
    fn joins_text_across_inline_elements_and_splits_at_blocks() {
        let html = "<p>Abu <em>Hudhaifa</em> al-<b>Ansari</b><br>Kirman</p><div>Khurasan</div>";
        assert_eq!(
            show(html),
            vec!["-: Abu |Hudhaifa| al-|Ansari", "-: Kirman", "-: Khurasan"]
        );
    }

    #[test]
    fn skips_code_scripts_styles_and_comments() {
        let html = "<style>p { content: 'Kirman' }</style><p>See <code>Kirman</code> and <!-- Kirman --> \
<script>if (a<b) { Kirman() }</script>Kerman</p><pre>Kirman\n</pre><p>end";
        assert_eq!(show(html), vec!["-: See ", "-:  and | ", "-: Kerman", "-: end"]);
    }

    #[test]
    fn decodes_references_as_whole_pieces() {
        let html = "<p>Tom &amp; Jerry&nbsp;&#233;&#x41; &copy 2024 &unknown; &amp</p>";
        assert_eq!(
            show(html),
            vec!["-: Tom |&amp;[&]| Jerry|&nbsp;[\u{a0}]|&#233;[é]|&#x41;[A]| |&copy[©]| 2024 &unknown; |&amp[&]"]
        );
    }

    #[test]
    fn reads_alt_and_title_in_both_quote_styles() {
        let html =
            "<p title='Qassem &amp; Soleimani'>x<img alt=\"Kirman\" src=a.png> <abbr title=ISKP>I</abbr></p>";
        assert_eq!(
            show(html),
            vec![
                "-: Qassem |&amp;[&]| Soleimani",
                "-: Kirman",
                "-: ISKP",
                "-: x| |I"
            ]
        );
    }

    #[test]
    fn the_nearest_lang_sets_the_language() {
        let html = "<html lang=\"ru\"><head><title>Касем Сулеймани</title></head>\
<body><p>Касем <span lang=\"fa\">قاسم سلیمانی</span> 🙂</p><p xml:lang=ar>قاسم سليماني</p></body></html>";
        assert_eq!(
            show(html),
            vec![
                "ru: Касем Сулеймани",
                "ru: Касем ",
                "fa: قاسم سلیمانی",
                "ru:  🙂",
                "ar: قاسم سليماني"
            ]
        );
    }

    #[test]
    fn keeps_crlf_and_a_byte_order_mark_in_positions() {
        let html = "\u{feff}<p>Abu\r\nHafs</p>\r\n<p>Kerman</p>";
        let segments = segments(html).expect("never fails");
        assert_eq!(&html[segments[0].span()], "Abu\r\nHafs");
        assert_eq!(&html[segments[1].span()], "Kerman");
    }

    #[test]
    fn malformed_html_is_read_leniently() {
        let html = "<p>Kirman <b>bold <i>both</b> after</x></p><div><span>open";
        assert_eq!(show(html), vec!["-: Kirman |bold |both| after", "-: open"]);
        assert_eq!(show("<p title=\"unterminated>Kerman"), Vec::<String>::new());
        assert_eq!(show("<code>Kirman</p>Kerman"), Vec::<String>::new());
    }

    #[test]
    fn deep_nesting_is_fine() {
        let html = format!("{}Kerman{}", "<span>".repeat(100_000), "</span>".repeat(100_000));
        assert_eq!(show(&html), vec!["-: Kerman"]);
    }
}
