//! Quotation marks around a stretch of text: what a writer quotes keeps
//! its spelling and its language (`«قاسم سليماني»` in a Persian article).

use std::ops::Range;

use super::{ceil_char_boundary, floor_char_boundary};

/// How far from a form, in bytes, its quotation marks are looked for: a
/// quoted name sits in a quoted phrase or sentence, not a page away, and
/// the bound keeps the test's cost per mention constant on long lines.
const QUOTE_REACH: usize = 1024;

/// Whether `range` lies inside quotation marks on its line within
/// `segment` (the byte range of the segment's text in `text`): the nearest
/// quotation mark before it opens a quotation and the nearest after it
/// closes one, each at most [`QUOTE_REACH`] bytes away. A quoted form is
/// reproduced as its source wrote it. Only the segment is read, so that a
/// format's own quotes (the `"` around a PO string, a CSV field) are never
/// taken for the writer's.
pub fn is_quoted(text: &str, range: &Range<usize>, segment: &Range<usize>) -> bool {
    let reach_start = floor_char_boundary(text, range.start.saturating_sub(QUOTE_REACH)).max(segment.start);
    let reach_end = ceil_char_boundary(text, range.end.saturating_add(QUOTE_REACH)).min(segment.end);
    let line_start = text[reach_start..range.start]
        .rfind('\n')
        .map_or(reach_start, |at| reach_start + at + 1);
    let line_end = text[range.end..reach_end.max(range.end)]
        .find('\n')
        .map_or(reach_end, |at| range.end + at)
        .max(range.end);
    let before = text[line_start..range.start].chars().rev().find(|&c| is_quote(c));
    let after = text[range.end..line_end].chars().find(|&c| is_quote(c));
    // Straight quotes open and close alike: their parity tells, when the
    // line's start is in reach.
    let line_in_reach = line_start > reach_start || reach_start == segment.start;
    let straight_open = || line_in_reach && text[line_start..range.start].matches('"').count() % 2 == 1;
    match (before, after) {
        (Some('"'), Some('"')) => straight_open(),
        (Some(open), Some(close)) => is_pair(open, close),
        _ => false,
    }
}

/// The quotation marks a text may hold: straight, guillemets, English and
/// German curly quotes.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„' | '‹' | '›')
}

/// Whether `open` … `close` is a quotation: `«…»`, `“…”`, `„…“`, `„…”`,
/// `‹…›`.
fn is_pair(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('«', '»') | ('“', '”') | ('„', '“') | ('„', '”') | ('‹', '›')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str, form: &str) -> bool {
        let start = text.find(form).unwrap();
        is_quoted(text, &(start..start + form.len()), &(0..text.len()))
    }

    #[test]
    fn quotation_marks_around_a_form_or_its_phrase() {
        assert!(quoted("نام او را «قاسم سليماني» نوشتند.", "قاسم سليماني"));
        assert!(quoted("از حمله به «ضريح شاهجراغ» خبر دادند.", "شاهجراغ"));
        assert!(quoted("He said \"Qosim Sulaymoniy\" twice.", "Qosim"));
        assert!(!quoted("Qosim Sulaymoniy said \"no\".", "Qosim"));
        assert!(!quoted("«Да», сказал он. Таджикистан — «нет».", "Таджикистан"));
        assert!(!quoted("“Yes,” he said. Qosim Sulaymoniy said “no”.", "Qosim"));
        assert!(quoted("Er sagte „Qosim Sulaymoniy“.", "Qosim"));
    }

    #[test]
    fn quotation_marks_out_of_reach_do_not_count() {
        let near = " word".repeat(QUOTE_REACH / 10);
        let far = " word".repeat(QUOTE_REACH / 5 + 1);
        assert!(quoted(&format!("«{near} Qosim Sulaymoniy{near}»"), "Qosim"));
        assert!(!quoted(&format!("«{far} Qosim Sulaymoniy{far}»"), "Qosim"));
        // The parity of straight quotes is unknown when the line's start
        // is out of reach.
        assert!(!quoted(&format!("{far}\"{far} Qosim\" said"), "Qosim"));
        assert!(quoted(&format!("\"Qosim\" {far}"), "Qosim"));
    }
}
