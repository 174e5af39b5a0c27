//! Markdown: the prose of a CommonMark document, without its code.
//!
//! Checked: text of paragraphs, headings, list items, tables, block quotes,
//! link texts and image alt texts. Not checked: fenced and indented code,
//! inline code, link and image destinations, HTML (including comments), and
//! YAML or TOML front matter. Text runs of one block are joined into one
//! segment when only inline markup (`*`, `_`, `~`, backslashes, white space)
//! lies between them, so `Abu **Hafs**` is still one name.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Segment;

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

/// Cuts a Markdown document into segments of prose.
pub fn segments(text: &str) -> Vec<Segment> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut segments = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut skipping = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => skipping += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                skipping = skipping.saturating_sub(1)
            }
            Event::Text(_) | Event::SoftBreak | Event::HardBreak if skipping == 0 => {
                let joins = current.last().is_some_and(|last| {
                    last.end <= range.start && only_inline_markup(&text[last.end..range.start])
                });
                if !joins {
                    flush(&mut current, &mut segments);
                }
                current.push(range);
            }
            // Inline emphasis neither starts nor ends a stretch of prose.
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {}
            _ => flush(&mut current, &mut segments),
        }
    }
    flush(&mut current, &mut segments);
    segments
}

fn flush(current: &mut Vec<Range<usize>>, segments: &mut Vec<Segment>) {
    if !current.is_empty() {
        segments.push(Segment::text(std::mem::take(current)));
    }
}

fn only_inline_markup(gap: &str) -> bool {
    gap.chars()
        .all(|c| matches!(c, '*' | '_' | '~' | '\\') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(markdown: &str) -> Vec<String> {
        segments(markdown)
            .into_iter()
            .map(|s| {
                s.pieces
                    .iter()
                    .map(|p| &markdown[p.range.clone()])
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn skips_code_front_matter_urls_and_comments() {
        let doc = "---\ntitle: Kerman\n---\n\n# Kerman\n\n```\nKerman\n```\n\n    Kerman indented\n\nSee `Kerman` and [Kerman](http://kerman.example) <!-- Kerman -->.\n";
        assert_eq!(texts(doc), vec!["Kerman", "See ", " and ", "Kerman", " ", "."]);
    }

    #[test]
    fn joins_text_across_emphasis_and_line_breaks() {
        let doc = "Abu **Hafs**\nal-Qurashi";
        assert_eq!(texts(doc), vec!["Abu |Hafs|\n|al-Qurashi"]);
    }
}
