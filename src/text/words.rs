//! Words of a text, with their byte ranges in the original.
//!
//! A word is a run of letters, digits and combining marks; an apostrophe
//! between two letters (`Ma'arri`) and invisible characters that folding drops
//! stay inside it. Words are what the search for unlisted spellings compares.

use std::ops::Range;

use super::is_combining_mark;

/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// The next word follows after a single hyphen (`al-Ansari`).
    pub hyphen_after: bool,
    /// Only white space and hyphens (no punctuation) lie between this word
    /// and the next one within the same piece.
    pub joined_to_next: bool,
    /// The first letter is upper case.
    pub capitalized: bool,
    /// The script of the first letter has letter case.
    pub cased_script: bool,
}

/// The words of the given pieces of `text`, in order.
pub fn words(text: &str, pieces: &[Range<usize>]) -> Vec<Word> {
    words_where(text, pieces, |_, _| true)
}

/// The words of the given pieces of `text`, in order, leaving out each word
/// that starts with a lower-case letter unless `keep_lower_case(range,
/// word)` says otherwise. A word left out still separates its neighbours:
/// they are not joined (see [`Word::joined_to_next`]), as they would not be
/// across it, and a kept word before a hyphen and a left-out word does not
/// have [`Word::hyphen_after`] set (`Kerman` in `Kerman-based`). The search
/// for names, which start and go on with capitals, so reads the many
/// lower-case words of a text without keeping them.
pub fn words_where(
    text: &str,
    pieces: &[Range<usize>],
    mut keep_lower_case: impl FnMut(Range<usize>, &str) -> bool,
) -> Vec<Word> {
    let mut keep = |range: Range<usize>| {
        let word = &text[range.clone()];
        let first = word.chars().next().unwrap_or_default();
        !super::is_lower(first) || keep_lower_case(range, word)
    };
    let mut words = Vec::new();
    for piece in pieces {
        let start_index = words.len();
        let slice = &text[piece.clone()];
        let bytes = slice.as_bytes();
        let mut current: Option<usize> = None;
        let mut offset = 0;
        while offset < bytes.len() {
            // ASCII, most of most texts, is read byte by byte.
            let (inside, len) = if bytes[offset].is_ascii() {
                let b = bytes[offset];
                let inside = b.is_ascii_alphanumeric()
                    || (b == b'\'' && current.is_some() && starts_with_letter(&slice[offset + 1..]));
                (inside, 1)
            } else {
                let c = slice[offset..].chars().next().unwrap_or_default();
                let len = c.len_utf8();
                let inside = is_word_char(c)
                    || (current.is_some() && is_inner_mark(c) && starts_with_letter(&slice[offset + len..]))
                    || (current.is_some() && is_invisible(c));
                (inside, len)
            };
            step(
                &mut words,
                text,
                piece.start,
                &mut current,
                inside,
                offset,
                &mut keep,
            );
            offset += len;
        }
        if let Some(start) = current {
            let range = piece.start + start..piece.end;
            if keep(range.clone()) {
                words.push(word(text, range));
            }
        }
        link_neighbours(text, &mut words[start_index..]);
    }
    words
}

/// Reads the character at `offset` of the piece starting at `piece_start`:
/// a word starts at it when `inside` and none is open (`current`), and the
/// open one ends before it when not `inside`.
fn step(
    words: &mut Vec<Word>,
    text: &str,
    piece_start: usize,
    current: &mut Option<usize>,
    inside: bool,
    offset: usize,
    keep: &mut impl FnMut(Range<usize>) -> bool,
) {
    match (inside, *current) {
        (true, None) => *current = Some(offset),
        (false, Some(start)) => {
            let range = piece_start + start..piece_start + offset;
            if keep(range.clone()) {
                words.push(word(text, range));
            }
            *current = None;
        }
        _ => {}
    }
}

fn starts_with_letter(rest: &str) -> bool {
    rest.chars().next().is_some_and(super::is_letter)
}

fn word(text: &str, mut range: Range<usize>) -> Word {
    // A possessive is not part of the name: `Ansari's` → `Ansari`.
    if text[range.clone()].ends_with(['s', 'S']) {
        for possessive in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
            if text[range.clone()].ends_with(possessive) && range.len() > possessive.len() {
                range.end -= possessive.len();
            }
        }
    }
    let first = text[range.clone()].chars().find(|c| super::is_letter(*c));
    Word {
        range,
        hyphen_after: false,
        joined_to_next: false,
        capitalized: first.is_some_and(super::is_upper),
        cased_script: first.is_some_and(|c| super::is_upper(c) || super::is_lower(c)),
    }
}

/// Records how each word is joined to the next one in the same piece.
fn link_neighbours(text: &str, words: &mut [Word]) {
    for i in 1..words.len() {
        let gap = &text[words[i - 1].range.end..words[i].range.start];
        let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
        // An apostrophe at the start of the next word (`al-'Adil`) is part of the join.
        let visible = gap.trim_end_matches(is_inner_mark);
        words[i - 1].hyphen_after = visible.chars().count() == 1 && visible.chars().all(is_hyphen);
        words[i - 1].joined_to_next = visible
            .chars()
            .all(|c| c.is_whitespace() || is_hyphen(c) || is_invisible(c))
            && gap.chars().filter(|&c| c == '\n').count() < 2;
    }
}

fn is_word_char(c: char) -> bool {
    super::is_letter_or_digit(c) || is_combining_mark(c)
}

/// Marks that stay inside a word when a letter follows: apostrophes.
fn is_inner_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BB}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{0640}')
}

#[cfg(test)]
// Whole texts are read as a single piece.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn words_left_out_still_part_their_neighbours() {
        let text = "Voice of Khurasan said Kabul al-Qaida";
        let kept = words_where(text, &[0..text.len()], |_, word| word == "of" || word == "al");
        let names: Vec<&str> = kept.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(names, ["Voice", "of", "Khurasan", "Kabul", "al", "Qaida"]);
        let joined: Vec<bool> = kept.iter().map(|w| w.joined_to_next).collect();
        // `Khurasan` and `Kabul` have `said` between them.
        assert_eq!(joined, [true, true, false, true, true, false]);
        assert!(kept[4].hyphen_after);
    }

    /// The words as first written, char by char: what the byte-wise
    /// reading must agree with.
    fn words_char_by_char(text: &str, pieces: &[Range<usize>]) -> Vec<Word> {
        let mut words = Vec::new();
        for piece in pieces {
            let start_index = words.len();
            let slice = &text[piece.clone()];
            let mut chars = slice.char_indices().peekable();
            let mut current: Option<usize> = None;
            while let Some((offset, c)) = chars.next() {
                let next = chars.peek().map(|&(_, n)| n);
                let inside = is_word_char(c)
                    || (current.is_some() && is_inner_mark(c) && next.is_some_and(crate::text::is_letter))
                    || (current.is_some() && is_invisible(c));
                step(
                    &mut words,
                    text,
                    piece.start,
                    &mut current,
                    inside,
                    offset,
                    &mut |_| true,
                );
            }
            if let Some(start) = current {
                words.push(word(text, piece.start + start..piece.end));
            }
            link_neighbours(text, &mut words[start_index..]);
        }
        words
    }

    proptest::proptest! {
        #[test]
        fn read_byte_by_byte_as_char_by_char(
            text in "[a-zA-Z0-9 '\\-\n.,’ʼ\u{00AD}\u{200C}\u{0640}\u{0301}аБйӣالسلام]{0,40}",
            cut in 0usize..40,
        ) {
            let whole = 0..text.len();
            proptest::prop_assert_eq!(words(&text, std::slice::from_ref(&whole)), words_char_by_char(&text, std::slice::from_ref(&whole)));
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let pieces = [0..cut, cut..text.len()];
            proptest::prop_assert_eq!(words(&text, &pieces), words_char_by_char(&text, &pieces));
        }
    }

    #[test]
    fn words_with_hyphens_apostrophes_and_marks() {
        let text = "Abū Ḥudhayfah al-Ansari's call, Ma'arri.";
        let found = words(text, &[0..text.len()]);
        let slices: Vec<&str> = found.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(slices, ["Abū", "Ḥudhayfah", "al", "Ansari", "call", "Ma'arri"]);
        assert!(found[2].hyphen_after && !found[1].hyphen_after);
        assert!(found[0].joined_to_next && !found[4].joined_to_next);
        assert!(found[0].capitalized && !found[2].capitalized && found[2].cased_script);
    }

    #[test]
    fn uncased_scripts() {
        let text = "قاسم سليماني";
        let found = words(text, &[0..text.len()]);
        assert_eq!(found.len(), 2);
        assert!(!found[0].cased_script && !found[0].capitalized);
    }
}
