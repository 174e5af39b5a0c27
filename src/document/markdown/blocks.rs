//! A large Markdown document read block by block.
//!
//! Parsing a whole large file builds one tree of all of it: memory grows
//! with the file and one core does the work. CommonMark's block structure
//! allows a cheaper way. Where a blank line is followed by a line that
//! starts at column 0, every open block ends (paragraphs, list items, quotes,
//! tables, indented code, footnote definitions), except a fenced code block
//! or a raw HTML block (`<!-- … -->`, `<pre>`, `<script>`…) still waiting for
//! its closing line. A list itself may go on (`- a`, blank, `- b` is one
//! loose list), but cut there it becomes two tight lists with the same
//! items: the events differ (a loose item's text is also a paragraph), the
//! segments do not, since an item's end and a paragraph's end both close a
//! segment. The document is cut at such lines into blocks of about
//! `SIZES.block`, and the blocks are parsed in parallel, each on its own.
//!
//! Three things keep the result that of parsing the whole document:
//! - a block that ends inside a fenced code or raw HTML block is parsed
//!   again together with the blocks after it, until it does not;
//! - link reference definitions and footnote definitions hold for the
//!   whole document: a block that cites a label defined in another block is
//!   parsed again knowing it;
//! - a block is left unparsed only when the caller rules it out and it
//!   neither opens a code or HTML block nor defines a label, so that the
//!   blocks after it read the same.
//!
//! Front matter is taken off by the caller; blocks are parsed without
//! metadata blocks, which only front matter may be.
//!
//! One difference remains, from a guard of the parser: pulldown-cmark stops
//! resolving link references once their expansions (URL and title bytes)
//! exceed the size of its input (at least 100 KB), against quadratic
//! blow-up. Read in blocks, each block has its own allowance, counted from
//! the block's size: in a document that spends more than that, some
//! references may resolve that would not, or stay text that would resolve
//! (a block past its allowance also stops reporting references it cannot
//! resolve, so it is not read again).

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag};
use rayon::prelude::*;
use unicase::UniCase;

use super::SegmentCollector;
use crate::document::Segment;

/// When a body is cut into blocks, and where.
#[derive(Clone, Copy)]
struct Sizes {
    /// Bodies from this size on are read block by block.
    cut_from: usize,
    /// A block ends at the first safe line from this size on.
    block: usize,
}

const SIZES: Sizes = Sizes {
    cut_from: 256 * 1024,
    block: 32 * 1024,
};

/// Every safe line a cut: for fuzzing.
#[cfg(feature = "fuzzing")]
const SMALLEST: Sizes = Sizes {
    cut_from: 0,
    block: 1,
};

/// The segments of `text[body..]` read in the smallest blocks, and read
/// whole: the two must be equal (for fuzzing).
#[cfg(feature = "fuzzing")]
pub(super) fn in_smallest_blocks_and_whole(text: &str, body: usize) -> (Vec<Segment>, Vec<Segment>) {
    let in_blocks = map_blocks_sized(text, body, &|_| true, &|segments| segments, SMALLEST).concat();
    let (_, whole) = parse(text, body..text.len(), &Knowledge::default());
    (in_blocks, whole)
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_TASKLISTS);

/// What `each` makes of the segments of `text[body..]`, the document
/// after its front matter, block by block and in order; blocks that
/// `may_matter` rules out are left out. A small body is one block.
pub(super) fn map_blocks<R: Send>(
    text: &str,
    body: usize,
    may_matter: &(dyn Fn(&str) -> bool + Sync),
    each: &(dyn Fn(Vec<Segment>) -> R + Sync),
) -> Vec<R> {
    map_blocks_sized(text, body, may_matter, each, SIZES)
}

fn map_blocks_sized<R: Send>(
    text: &str,
    body: usize,
    may_matter: &(dyn Fn(&str) -> bool + Sync),
    each: &(dyn Fn(Vec<Segment>) -> R + Sync),
    sizes: Sizes,
) -> Vec<R> {
    if text.len() - body < sizes.cut_from {
        let (_, segments) = parse(text, body..text.len(), &Knowledge::default());
        return vec![each(segments)];
    }
    let blocks = cut(text, body, sizes.block);
    let first_reads: Vec<Block<R>> = blocks
        .par_iter()
        .map(|range| read(text, range.clone(), may_matter, each))
        .collect();
    let settled = settle(text, &blocks, first_reads, each);
    with_labels_known(text, settled, each)
}

/// One block as read: what `each` made of its segments (none when the
/// block was left unparsed or ends open), and what it says about the rest.
struct Block<R> {
    facts: Facts,
    found: Option<R>,
}

/// What a block says about the rest of the document.
#[derive(Default)]
struct Facts {
    range: Range<usize>,
    /// A fenced code block or raw HTML block runs on past the block's end.
    open_at_end: bool,
    /// Labels cited in the block that no definition in it resolves.
    unresolved: Vec<String>,
    /// Link reference labels the block defines.
    defines: Vec<String>,
    /// Footnote labels the block defines.
    footnotes: Vec<String>,
    /// Whether the block may cite a footnote (holds `[^`).
    cites_footnotes: bool,
}

/// Definitions from other blocks that a block is parsed with.
#[derive(Default)]
struct Knowledge<'a> {
    /// Link reference labels defined anywhere in the document.
    references: Option<&'a HashSet<UniCase<&'a str>>>,
    /// Footnote labels defined in other blocks.
    footnotes: Vec<&'a str>,
}

/// Cuts `text[from..]` into ranges of about `size` bytes, each ending
/// before a line that starts at column 0 after a blank line.
fn cut(text: &str, from: usize, size: usize) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut start = from;
    while let Some(end) = safe_line_after(text, start + size) {
        blocks.push(start..end);
        start = end;
    }
    blocks.push(start..text.len());
    blocks
}

/// The start of the first line after the one holding `at` that begins at
/// column 0 (with neither white space nor a line ending) and follows a
/// blank line: spaces and tabs between two `\n` (a `\r` only just before
/// the second). A lone `\r` also ends a line in CommonMark, but
/// pulldown-cmark does not always take it so: no cut is made next to one.
fn safe_line_after(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line_start = at + memchr::memchr(b'\n', bytes.get(at..)?)? + 1;
    let mut previous_blank = false;
    while line_start < bytes.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |n| line_start + n + 1);
        let line = &bytes[line_start..line_end];
        let content = line.strip_suffix(b"\n").unwrap_or(line);
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        let blank = line_end < bytes.len() && content.iter().all(|b| matches!(b, b' ' | b'\t'));
        if previous_blank && !matches!(line[0], b' ' | b'\t' | b'\r' | b'\n') {
            return Some(line_start);
        }
        previous_blank = blank;
        line_start = line_end;
    }
    None
}

/// The end of the line holding byte `at`, after its line ending (none when
/// the text ends first).
fn line_end(bytes: &[u8], at: usize) -> Option<usize> {
    let found = at + memchr::memchr2(b'\n', b'\r', bytes.get(at..)?)?;
    let crlf = bytes[found] == b'\r' && bytes.get(found + 1) == Some(&b'\n');
    Some(found + 1 + usize::from(crlf))
}

/// Reads one block, or leaves it unparsed when `may_matter` rules it out
/// and it cannot change how the other blocks read.
fn read<R>(
    text: &str,
    range: Range<usize>,
    may_matter: &(dyn Fn(&str) -> bool + Sync),
    each: &(dyn Fn(Vec<Segment>) -> R + Sync),
) -> Block<R> {
    let block = &text[range.clone()];
    // The cheap tests first: most blocks of documentation hold a code fence.
    if !may_open_raw_block(block) && !block.contains("]:") && !may_matter(block) {
        let facts = Facts {
            range,
            ..Facts::default()
        };
        return Block { facts, found: None };
    }
    let (facts, segments) = parse(text, range, &Knowledge::default());
    // A block that ends open is parsed again with the blocks after it.
    let found = (!facts.open_at_end).then(|| each(segments));
    Block { facts, found }
}

/// Whether `block` may open a fenced code block or an HTML block that a
/// blank line does not end (CommonMark HTML blocks 1 to 5): it holds three
/// backticks or tildes, or `<` before `!`, `?` or the name `pre`, `script`,
/// `style` or `textarea`. Errs towards yes.
fn may_open_raw_block(block: &str) -> bool {
    let bytes = block.as_bytes();
    memchr::memchr3_iter(b'`', b'~', b'<', bytes).any(|at| {
        let rest = &bytes[at..];
        match rest[0] {
            b'<' => {
                let name =
                    |tag: &[u8]| rest.len() > tag.len() && rest[1..=tag.len()].eq_ignore_ascii_case(tag);
                matches!(rest.get(1), Some(b'!' | b'?'))
                    || name(b"pre")
                    || name(b"script")
                    || name(b"style")
                    || name(b"textarea")
            }
            fence => rest.len() >= 3 && rest[1] == fence && rest[2] == fence,
        }
    })
}

/// Parses `text[range]` on its own, with what `known` tells of the rest.
fn parse(text: &str, range: Range<usize>, known: &Knowledge) -> (Facts, Vec<Segment>) {
    let block = &text[range.clone()];
    let (source, prefix) = with_footnotes(block, &known.footnotes);
    let mut unresolved = Vec::new();
    let resolve = |link: BrokenLink| {
        let label = UniCase::new(link.reference.as_ref());
        if known.references.is_some_and(|labels| labels.contains(&label)) {
            Some((CowStr::Borrowed(""), CowStr::Borrowed("")))
        } else {
            unresolved.push(link.reference.to_string());
            None
        }
    };
    let parser = Parser::new_with_broken_link_callback(&source, OPTIONS, Some(resolve));
    let defines = parser
        .reference_definitions()
        .iter()
        .map(|(label, _)| label.to_string())
        .collect();
    let tail = trailing_blank_lines(block);
    let mut collector = SegmentCollector::default();
    let mut footnotes = Vec::new();
    let mut open_at_end = false;
    let mut depth = 0usize;
    for (event, local) in parser.into_offset_iter() {
        // Only the block's own events, not those of the added definitions.
        if local.start < prefix {
            continue;
        }
        if local.start >= prefix + block.len() {
            break;
        }
        let local = local.start - prefix..local.end.min(prefix + block.len()) - prefix;
        match &event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(_)) | Tag::HtmlBlock)
                if depth == 0 =>
            {
                open_at_end |= local.end > tail;
            }
            Event::Start(Tag::FootnoteDefinition(label)) => footnotes.push(label.to_string()),
            _ => {}
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        let global = range.start + local.start..range.start + local.end;
        collector.event(text, &event, global);
    }
    let facts = Facts {
        range,
        open_at_end,
        unresolved,
        defines,
        footnotes,
        cites_footnotes: block.contains("[^"),
    };
    (facts, collector.finish())
}

/// The text to parse for `block` when footnotes defined elsewhere must be
/// known, and how many bytes of definitions come before the block. They go
/// before it when it starts at column 0 (they end there, and a block may end
/// inside an unclosed code block that would swallow them), else after it.
fn with_footnotes<'a>(block: &'a str, footnotes: &[&str]) -> (Cow<'a, str>, usize) {
    if footnotes.is_empty() {
        return (Cow::Borrowed(block), 0);
    }
    let definitions: String = footnotes
        .iter()
        .map(|label| format!("[^{label}]: .\n\n"))
        .collect();
    let starts_at_column_0 = block
        .bytes()
        .next()
        .is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
    if starts_at_column_0 {
        (Cow::Owned(format!("{definitions}{block}")), definitions.len())
    } else {
        (Cow::Owned(format!("{block}\n\n{definitions}")), 0)
    }
}

/// Where the blank lines that end `block` begin: after the line ending
/// of its last line with more than spaces and tabs (its length when there
/// is none).
fn trailing_blank_lines(block: &str) -> usize {
    let bytes = block.as_bytes();
    let Some(last_content) = bytes
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    else {
        return 0;
    };
    line_end(bytes, last_content).unwrap_or(bytes.len())
}

/// Joins each block that ends inside a code or HTML block with the blocks
/// after it (twice as many at each try) until the joined block is closed or
/// reaches the end of the document.
fn settle<R>(
    text: &str,
    ranges: &[Range<usize>],
    first_reads: Vec<Block<R>>,
    each: &(dyn Fn(Vec<Segment>) -> R + Sync),
) -> Vec<Block<R>> {
    let mut settled = Vec::with_capacity(first_reads.len());
    let mut reads = first_reads.into_iter().enumerate();
    while let Some((first, block)) = reads.next() {
        if !block.facts.open_at_end {
            settled.push(block);
            continue;
        }
        let mut last = first;
        let (facts, segments) = loop {
            last = (last + (last - first + 1)).min(ranges.len() - 1);
            let (facts, segments) = parse(text, ranges[first].start..ranges[last].end, &Knowledge::default());
            if !facts.open_at_end || last + 1 == ranges.len() {
                break (facts, segments);
            }
        };
        // The blocks now joined into this one are read no more.
        for _ in first..last {
            reads.next();
        }
        settled.push(Block {
            facts,
            found: Some(each(segments)),
        });
    }
    settled
}

/// What `each` made of all blocks, each block that cites a label defined
/// in another block parsed again with that definition known.
fn with_labels_known<R: Send>(
    text: &str,
    mut blocks: Vec<Block<R>>,
    each: &(dyn Fn(Vec<Segment>) -> R + Sync),
) -> Vec<R> {
    let defined: Vec<String> = blocks
        .iter_mut()
        .flat_map(|block| std::mem::take(&mut block.facts.defines))
        .collect();
    let references: HashSet<UniCase<&str>> =
        defined.iter().map(|label| UniCase::new(label.as_str())).collect();
    let footnotes: Vec<String> = blocks
        .iter()
        .flat_map(|block| block.facts.footnotes.iter().cloned())
        .collect();
    let results: Vec<Option<R>> = blocks
        .into_par_iter()
        .map(|block| {
            let facts = &block.facts;
            let known = Knowledge {
                references: Some(&references),
                footnotes: footnotes_missing(text, facts, &footnotes),
            };
            let cites_reference = facts
                .unresolved
                .iter()
                .any(|label| references.contains(&UniCase::new(label.as_str())));
            if !cites_reference && known.footnotes.is_empty() {
                return block.found;
            }
            let (_, segments) = parse(text, facts.range.clone(), &known);
            Some(each(segments))
        })
        .collect();
    results.into_iter().flatten().collect()
}

/// The footnotes defined in other blocks that `block` may cite.
fn footnotes_missing<'a>(text: &str, block: &Facts, footnotes: &'a [String]) -> Vec<&'a str> {
    if !block.cites_footnotes {
        return Vec::new();
    }
    let own: HashSet<UniCase<&str>> = block.footnotes.iter().map(|l| UniCase::new(l.as_str())).collect();
    let cited = cited_footnotes(&text[block.range.clone()]);
    footnotes
        .iter()
        .map(String::as_str)
        .filter(|label| !own.contains(&UniCase::new(*label)))
        .filter(|label| {
            cited
                .as_ref()
                .is_none_or(|cited| cited.contains(&UniCase::new(*label)))
        })
        .collect()
}

/// The labels that `block` may cite as footnotes (`[^label]`), or `None`
/// when one is written in a way the parser may read otherwise (escapes,
/// brackets, control characters, white space other than single spaces
/// inside).
fn cited_footnotes(block: &str) -> Option<HashSet<UniCase<&str>>> {
    let mut cited = HashSet::new();
    for at in memchr::memmem::find_iter(block.as_bytes(), b"[^") {
        let rest = &block[at + 2..];
        let Some(end) = rest.find(']') else {
            continue;
        };
        let label = &rest[..end];
        let ordinary = |c: char| !c.is_ascii() || c == ' ' || (c.is_ascii_graphic() && c != '\\' && c != '[');
        let plain = label.chars().all(ordinary)
            && !label.contains("  ")
            && !label.starts_with(' ')
            && !label.ends_with(' ');
        if !plain {
            return None;
        }
        cited.insert(UniCase::new(label));
    }
    Some(cited)
}

#[cfg(test)]
mod tests {
    use super::super::tests::show as texts;
    use super::*;
    use proptest::prelude::*;

    /// Every safe line a cut.
    const TINY: Sizes = Sizes {
        cut_from: 0,
        block: 1,
    };

    fn whole(text: &str) -> Vec<Segment> {
        parse(text, 0..text.len(), &Knowledge::default()).1
    }

    fn in_blocks(text: &str, may_matter: &(dyn Fn(&str) -> bool + Sync)) -> Vec<Segment> {
        map_blocks_sized(text, 0, may_matter, &|segments| segments, TINY).concat()
    }

    #[test]
    fn cuts_only_before_an_unindented_line_after_a_blank_one() {
        let text = "a\n\nb\n\n  c\n\nd\n \t\ne\n";
        let ends: Vec<usize> = cut(text, 0, 1).iter().map(|r| r.end).collect();
        assert_eq!(ends, vec![3, 11, 16, text.len()]);
    }

    #[test]
    fn no_cut_next_to_a_lone_carriage_return() {
        // The `\r` lines are blank, so the tabbed line continues the item;
        // cut before it, it would read as indented code.
        let text = "- item\n\n\r\r\tKerman\n";
        assert_eq!(cut(text, 0, 1), vec![0..text.len()]);
        assert_eq!(texts(text, &in_blocks(text, &|_| true)), vec!["item", "Kerman"]);
        // CRLF line endings are cut as `\n` ones are.
        let text = "a\r\rb\r\n \r\nc\n\r\n\rd";
        let ends: Vec<usize> = cut(text, 0, 1).iter().map(|r| r.end).collect();
        assert_eq!(ends, vec![9, text.len()]);
    }

    #[test]
    fn a_code_block_across_blocks_stays_code() {
        let text = "Kerman\n\n```\ncode\n\nKerman in code\n\n~~~\n```\n\nKerman again\n";
        assert_eq!(
            texts(text, &in_blocks(text, &|_| true)),
            vec!["Kerman", "Kerman again"]
        );
    }

    #[test]
    fn a_comment_across_blocks_stays_a_comment() {
        let text = "<!-- start\n\nKerman hidden\n\n-->\n\nKerman\n";
        assert_eq!(texts(text, &in_blocks(text, &|_| true)), vec!["Kerman"]);
    }

    #[test]
    fn a_reference_defined_in_a_later_block_is_a_link() {
        // As a link, the label is no text; unresolved, it would be.
        let text = "[Kerman][kirman]\n\nmore\n\n[kirman]: https://example.org\n";
        assert_eq!(texts(text, &in_blocks(text, &|_| true)), vec!["Kerman", "more"]);
        assert_eq!(in_blocks(text, &|_| true), whole(text));
    }

    #[test]
    fn a_footnote_defined_in_a_later_block_is_cited() {
        let text = "Kerman[^kirman] and [^other]\n\nmore\n\n[^kirman]: A note.\n";
        assert_eq!(in_blocks(text, &|_| true), whole(text));
        assert_eq!(
            texts(text, &whole(text)),
            vec!["Kerman", " and |[|^other|]", "more", "A note."]
        );
    }

    #[test]
    fn a_block_ruled_out_is_not_read_unless_it_changes_the_rest() {
        let text = "Kerman\n\nnobody\n\n```\n\nKirman in code\n\n```\n\nKirman\n";
        let matters = |block: &str| block.contains("Kerman") || block.contains("Kirman");
        let found = in_blocks(text, &|block| !block.contains("nobody") && matters(block));
        assert_eq!(texts(text, &found), vec!["Kerman", "Kirman"]);
    }

    /// Lines that open, close or continue blocks in every way that could
    /// make a block read differently on its own.
    fn line() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Kerman is here.\n",
            "\n",
            "  \n",
            "```\n",
            "~~~\n",
            "````md\n",
            "    indented Kerman\n",
            "- item Kerman\n",
            "1. item\n",
            "  continued Kerman\n",
            "> quoted Kerman\n",
            "<!-- comment\n",
            "-->\n",
            "<div>\n",
            "</div>\n",
            "<pre>\n",
            "</pre>\n",
            "<script>\n",
            "<?php\n",
            "?>\n",
            "<!DOCTYPE\n",
            ">\n",
            "[kerman]: /url\n",
            "[Kerman] and [x][KERMAN] and [y][]\n",
            "Note[^1] and [^k].\n",
            "[^1]: Footnote Kerman\n",
            "[^K]: other\n",
            "See [^a b] and [^c\\]d].\n",
            "[^A  b]: spaced\n",
            "[^c\\]d]: escaped\n",
            "[^\x0bv]\n",
            "[^v]: after a vertical tab\n",
            "---\n",
            "...\n",
            "===\n",
            "| a | Kerman |\n",
            "|---|---|\n",
            "* **Kerman** *x*\n",
            "\tTabbed Kerman\n",
            "Kerman\r\n",
            "\r\n",
            "\r",
            "Kerman\r",
            "\r\tKerman\r",
            "\0Kerman\n",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn blocks_read_as_the_whole(lines in prop::collection::vec(line(), 0..40)) {
            let text: String = lines.concat();
            prop_assert_eq!(in_blocks(&text, &|_| true), whole(&text));
        }

        #[test]
        fn leaving_blocks_out_keeps_every_segment_that_matters(lines in prop::collection::vec(line(), 0..40)) {
            let text: String = lines.concat();
            let matters = |segment: &&Segment| segment.pieces.iter().any(|p| text[p.range.clone()].contains("Kerman"));
            let expected: Vec<Segment> = whole(&text).iter().filter(matters).cloned().collect();
            let found: Vec<Segment> = in_blocks(&text, &|block| block.contains("Kerman"))
                .iter()
                .filter(matters)
                .cloned()
                .collect();
            prop_assert_eq!(found, expected);
        }
    }
}
