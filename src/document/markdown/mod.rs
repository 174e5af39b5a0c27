//! Markdown: the prose of a CommonMark document, without its code.
//!
//! Checked: text of paragraphs, headings, list items, tables, block quotes,
//! link texts and image alt texts. Not checked: fenced and indented code,
//! inline code, link and image destinations, HTML (including comments), and
//! YAML or TOML front matter. Text runs of one block are joined into one
//! segment when only inline markup (`*`, `_`, `~`, backslashes, white space)
//! lies between them, so `Abu **Hafs**` is still one name.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Segment;

mod blocks;

/// Whether every word of the prose appears whole in the source text, so
/// that a term's first word found in the source is found in the prose too:
/// false when emphasis, strikethrough or an escape sits inside a word
/// (`Ab*u*`, `Shi\'a`, `U.*S.*`), since the segments skip those bytes and
/// join the word's parts. (Underscores inside a word are never emphasis in
/// CommonMark; they stay in the text.)
pub fn keeps_words_whole(text: &str) -> bool {
    let bytes = text.as_bytes();
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut at = 0;
    while let Some(found) = memchr::memchr3(b'*', b'~', b'\\', &bytes[at..]) {
        let start = at + found;
        let mut end = start;
        while bytes.get(end).is_some_and(|b| matches!(b, b'*' | b'~' | b'\\')) {
            end += 1;
        }
        // Looking through one dot or apostrophe on each side: joined, `U.*S.*`
        // is the abbreviation `U.S.` and `Shi'*ite*` the word `Shi'ite`.
        let is_joiner = |b: u8| matches!(b, b'.' | b'\'' | b'`');
        let mut before = start.checked_sub(1).map(|at| bytes[at]);
        if before.is_some_and(is_joiner) {
            before = start.checked_sub(2).map(|at| bytes[at]);
        }
        let mut after = bytes.get(end).copied();
        if after.is_some_and(is_joiner) {
            after = bytes.get(end + 1).copied();
        }
        let inside_a_word = before.is_some_and(is_word_byte) && after.is_some_and(is_word_byte);
        if inside_a_word {
            return false;
        }
        at = end;
    }
    true
}

/// What `each` makes of the segments of prose of a Markdown document, part
/// by part and in order. A large document is read block by block (see
/// [`blocks`]), so that its parts are parsed in parallel and their segments
/// never held all at once; a block for which `may_matter` is false, and that
/// cannot change how the rest is read, is not parsed at all.
pub fn map_segments<R: Send>(
    text: &str,
    may_matter: &(dyn Fn(&str) -> bool + Sync),
    each: &(dyn Fn(Vec<Segment>) -> R + Sync),
) -> Vec<R> {
    let body = front_matter_end(text).unwrap_or(0);
    blocks::map_blocks(text, body, may_matter, each)
}

/// The segments of a Markdown document read in the smallest blocks, and
/// read whole; they must be equal. For the fuzz targets only.
#[cfg(feature = "fuzzing")]
pub(crate) fn read_in_blocks_and_whole(text: &str) -> (Vec<Segment>, Vec<Segment>) {
    blocks::in_smallest_blocks_and_whole(text, front_matter_end(text).unwrap_or(0))
}

/// The end of the YAML (`---`) or TOML (`+++`) front matter that opens the
/// document. The front matter is recognised here, and not by the parser,
/// because the parser would take such a block anywhere in the document: a
/// rule, text and a later rule would hide the text between. The rules are
/// pulldown-cmark's for a metadata block (`scan_metadata_block`): lines end
/// at `\n`; an opening line of exactly three `-` or `+` and white space; a
/// first line that is neither blank nor closing; a closing line of exactly
/// three `-` or `.` (YAML) or `+` (TOML), spaces, and a line ending (`\n`,
/// `\r\n` or `\r`) or the end of the text.
fn front_matter_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let fence = *bytes.first()?;
    if fence != b'-' && fence != b'+' {
        return None;
    }
    let fence_len = bytes.iter().take_while(|&&b| b == fence).count();
    let opening_end = next_line(bytes, 0);
    if fence_len != 3 || !bytes[fence_len..opening_end].iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let mut line_start = opening_end;
    let mut first_line = true;
    while line_start < bytes.len() || first_line {
        let line = &bytes[line_start..];
        let closing = closing_fence_end(line, fence);
        if first_line && (closing.is_some() || is_blank(line)) {
            return None;
        }
        if let Some(end) = closing {
            return Some(line_start + end);
        }
        first_line = false;
        line_start = next_line(bytes, line_start);
    }
    None
}

/// The start of the line after the one starting at `at` (lines end at `\n`).
fn next_line(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n + 1)
}

/// Where a closing front matter line at the start of `line` ends, line
/// ending included.
fn closing_fence_end(line: &[u8], fence: u8) -> Option<usize> {
    let run = |byte: u8| line.iter().take_while(|&&b| b == byte).count();
    let fence_len = match run(fence) {
        3 => 3,
        _ if fence == b'-' && run(b'.') == 3 => 3,
        _ => return None,
    };
    let spaces = line[fence_len..].iter().take_while(|&&b| b == b' ').count();
    let end = fence_len + spaces;
    match &line[end..] {
        [] => Some(end),
        [b'\r', b'\n', ..] => Some(end + 2),
        [b'\n' | b'\r', ..] => Some(end + 1),
        _ => None,
    }
}

/// Whether `line` is blank to the parser: spaces, tabs, vertical tabs and
/// form feeds, then a line ending or the end of the text.
fn is_blank(line: &[u8]) -> bool {
    let white = line
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | 0x0b | 0x0c))
        .count();
    matches!(line.get(white), None | Some(b'\n' | b'\r'))
}

/// `replacement` written over `range` of a Markdown document as inline
/// text that reads back as it is: the ASCII punctuation that inline markup
/// is made of (emphasis, code, links, HTML, references, strikethrough, table
/// cells, heading closers) is backslash-escaped, and so is a character that
/// would start a block where a line starts (`-`, `+`, `=`, the `.` of
/// `1.`); `>` is written `&gt;`, since no backslash keeps it from closing
/// raw HTML opened earlier (`<!x … >`). `None` for a replacement that Markdown cannot hold inline: one
/// with a line break (it would end a table row or a heading, or start a
/// block) or a control character other than tab, or with white space at either end
/// (trimmed from a cell; indentation or a hard break at a line's ends).
pub fn escape_inline(text: &str, range: Range<usize>, replacement: &str) -> Option<String> {
    let first = replacement.chars().next()?;
    let last = replacement.chars().next_back()?;
    let is_control = |c: char| c.is_control() && c != '\t';
    if first.is_whitespace() || last.is_whitespace() || replacement.contains(is_control) {
        return None;
    }
    let before = text.get(..range.start)?;
    // `\` then an escaped character would escape the backslash instead.
    if before.ends_with('\\') && first.is_ascii_punctuation() {
        return None;
    }
    let line_before = before.rsplit(['\n', '\r']).next().unwrap_or_default();
    let at_line_start = line_before.chars().all(is_container_marker);
    let list_number = replacement.chars().take_while(char::is_ascii_digit).count();
    let reference_open = ends_in_open_reference(before);
    let mut out = String::with_capacity(replacement.len() + 2);
    for (index, c) in replacement.chars().enumerate() {
        let starts_a_block = at_line_start
            && (index == 0 && matches!(c, '-' | '+' | '=')
                || index == list_number && list_number > 0 && matches!(c, '.' | ')'));
        if c == '>' {
            // As a reference: a backslash does not keep `>` from closing
            // raw HTML opened earlier on the line (`<!x … >`), nor from
            // starting a quotation.
            out.push_str("&gt;");
            continue;
        }
        let ends_a_reference = reference_open && c == ';';
        if INLINE_MARKUP.contains(c) || starts_a_block || ends_a_reference {
            out.push('\\');
        }
        out.push(c);
    }
    Some(out)
}

/// Whether `c` may be part of what opens a line's containers (indentation,
/// `>`, list markers such as `-` or `12.`, a table's `|`), after which a
/// block may start.
fn is_container_marker(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_digit() || matches!(c, '>' | '-' | '+' | '*' | '.' | ')' | '|')
}

/// ASCII punctuation that inline markup is made of, wherever it stands.
const INLINE_MARKUP: &str = "\\`*_[]<&~|#!";

/// Whether `text` ends in what a `;` would make a character reference of
/// (`&amp`, `&#123`).
fn ends_in_open_reference(text: &str) -> bool {
    let name = text.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#');
    name.ends_with('&')
}

/// Gathers a block's events into segments: text runs of one block joined
/// where only inline markup lies between them.
#[derive(Default)]
struct SegmentCollector {
    segments: Vec<Segment>,
    current: Vec<Range<usize>>,
    /// Depth inside code, raw HTML and metadata, whose text is not prose.
    skipping: usize,
}

impl SegmentCollector {
    /// Takes one event; `range` is in `text`, the document.
    fn event(&mut self, text: &str, event: &Event, range: Range<usize>) {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => self.skipping += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                self.skipping = self.skipping.saturating_sub(1)
            }
            Event::Text(_) | Event::SoftBreak | Event::HardBreak if self.skipping == 0 => {
                let joins = self.current.last().is_some_and(|last| {
                    last.end <= range.start && only_inline_markup(&text[last.end..range.start])
                });
                if !joins {
                    self.flush();
                }
                self.current.push(range);
            }
            // Inline emphasis neither starts nor ends a stretch of prose.
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {}
            _ => self.flush(),
        }
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.segments
                .push(Segment::text(std::mem::take(&mut self.current)));
        }
    }

    fn finish(mut self) -> Vec<Segment> {
        self.flush();
        self.segments
    }
}

fn only_inline_markup(gap: &str) -> bool {
    gap.chars()
        .all(|c| matches!(c, '*' | '_' | '~' | '\\') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment's pieces, joined by `|`.
    pub(super) fn show(text: &str, segments: &[Segment]) -> Vec<String> {
        segments
            .iter()
            .map(|s| {
                s.pieces
                    .iter()
                    .map(|p| &text[p.range.clone()])
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    fn texts(markdown: &str) -> Vec<String> {
        show(
            markdown,
            &crate::document::Format::Markdown.segments(markdown).unwrap(),
        )
    }

    #[test]
    fn skips_code_front_matter_urls_and_comments() {
        let doc = "---\ntitle: Kerman\n---\n\n# Kerman\n\n```\nKerman\n```\n\n    Kerman indented\n\nSee `Kerman` and [Kerman](http://kerman.example) <!-- Kerman -->.\n";
        assert_eq!(texts(doc), vec!["Kerman", "See ", " and ", "Kerman", " ", "."]);
    }

    #[test]
    fn front_matter_only_opens_the_document() {
        assert_eq!(texts("+++\ntitle = \"Kerman\"\n+++\nKirman\n"), vec!["Kirman"]);
        assert_eq!(texts("---\ntitle: Kerman\n...\nKirman\n"), vec!["Kirman"]);
        // Never closed, or opened by a blank line: a rule, then prose.
        assert_eq!(texts("---\ntitle: Kerman\n"), vec!["title: Kerman"]);
        assert_eq!(texts("---\n\nKerman\n---\n"), vec!["Kerman"]);
        // Further down, a rule, text and a rule (a setext heading) are prose.
        assert_eq!(
            texts("Intro\n\n---\nKerman\n\nKirman\n---\n"),
            vec!["Intro", "Kerman", "Kirman"]
        );
    }

    #[test]
    fn front_matter_follows_the_parsers_rules() {
        assert_eq!(front_matter_end("---\na: 1\n---\nText"), Some(13));
        assert_eq!(front_matter_end("---\r\na: 1\r\n...  \r\nText"), Some(18));
        assert_eq!(front_matter_end("+++\na = 1\n+++"), Some(13));
        // Lines end at `\n` only; a form feed line is blank; `----` is no fence.
        assert_eq!(front_matter_end("---\ntitle: a\r---\r\nKerman\n"), None);
        assert_eq!(front_matter_end("---\n\x0c\nx\n---\nKerman\n"), None);
        assert_eq!(front_matter_end("----\na: 1\n----\n"), None);
        assert_eq!(front_matter_end("+++\na = 1\n---\n"), None);
    }

    proptest::proptest! {
        #[test]
        fn front_matter_is_what_the_parser_takes_for_it(lines in proptest::collection::vec(
            proptest::sample::select(vec![
                "---\n", "+++\n", "...\n", "--- \r\n", "---\r", "----\n", "a: 1\n", "\n",
                " \t\n", "\x0c\n", "\r", "Kerman\n", "  ---\n", "---",
            ]),
            0..8,
        )) {
            use pulldown_cmark::{Options, Parser};
            let text: String = lines.concat();
            let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
            let parsed = Parser::new_ext(&text, options).into_offset_iter().next().and_then(|(event, range)| {
                (matches!(event, Event::Start(Tag::MetadataBlock(_))) && range.start == 0).then_some(range)
            });
            let ours = front_matter_end(&text);
            proptest::prop_assert_eq!(ours.is_some(), parsed.is_some(), "{:?}", text);
            if let (Some(end), Some(range)) = (ours, parsed) {
                proptest::prop_assert!(matches!(&text[range.end..end], "" | "\n" | "\r\n" | "\r"), "{:?}", text);
            }
        }
    }

    #[test]
    fn joins_text_across_emphasis_and_line_breaks() {
        let doc = "Abu **Hafs**\nal-Qurashi";
        assert_eq!(texts(doc), vec!["Abu |Hafs|\n|al-Qurashi"]);
    }
}
