//! Quotation marks around a stretch of text: what a writer quotes keeps
//! its spelling and its language (`«قاسم سليماني»` in a Persian article).

use std::ops::Range;

/// Whether `range` lies inside quotation marks on its line within
/// `segment` (the byte range of the segment's text in `text`): the nearest
/// quotation mark before it opens a quotation and the nearest after it
/// closes one. A quoted form is reproduced as its source wrote it. Only the
/// segment is read, so that a format's own quotes (the `"` around a PO
/// string, a CSV field) are never taken for the writer's.
pub fn is_quoted(text: &str, range: &Range<usize>, segment: &Range<usize>) -> bool {
    let line_start = text[..range.start]
        .rfind('\n')
        .map_or(0, |at| at + 1)
        .max(segment.start);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |at| range.end + at)
        .min(segment.end)
        .max(range.end);
    let before = text[line_start..range.start].chars().rev().find(|&c| is_quote(c));
    let after = text[range.end..line_end].chars().find(|&c| is_quote(c));
    let straight_open = || text[line_start..range.start].matches('"').count() % 2 == 1;
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
}
