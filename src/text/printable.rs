//! Text made safe to print on a terminal or in a CI log: a file name or a
//! quoted line may hold control characters (a newline followed by a
//! `::warning` workflow command, a carriage return, the C1 control U+009B,
//! bidirectional overrides) that would otherwise act instead of showing.

use std::borrow::Cow;

/// `text` with every control character (C0, C1) and bidirectional
/// formatting character written as `\u{…}`; unchanged, and not copied,
/// when it has none.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_when_printed) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts_when_printed(c) {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// Control characters, and the bidirectional embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) that reorder what follows.
fn acts_when_printed(c: char) -> bool {
    c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_and_the_rest_kept() {
        assert!(matches!(printable("docs/Kerman.md"), Cow::Borrowed(_)));
        assert_eq!(printable("a\n::warning file=x::y"), "a\\u{a}::warning file=x::y");
        assert_eq!(printable("a\rb\u{9b}c"), "a\\u{d}b\\u{9b}c");
        assert_eq!(printable("x\u{202e}gpj.md"), "x\\u{202e}gpj.md");
        assert_eq!(printable("Кирман/قاسم.md"), "Кирман/قاسم.md");
    }
}
