//! Pathological glossaries (issue 8): 10,000 terms sharing a long prefix,
//! terms of one character, terms of 10 KB. Each glossary and a few KB of
//! text naming some of its terms are generated here and given to the real
//! binary, which must finish within a bounded time with exactly the
//! findings planted — no hang, no flood of findings.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Duration;

use common::*;

/// Time any single run may take in a debug build before it counts as a hang.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs `check --format json` with only the glossary `glossary` on `args`.
fn check_with(cwd: &Path, glossary: &str, args: &[&str]) -> Bounded {
    let mut command = json_check_with(cwd, glossary);
    command.args(args);
    let run = run_bounded(command, LIMIT);
    assert!(
        !run.stderr.contains("panicked"),
        "termlint panicked: {}",
        run.stderr
    );
    eprintln!("{glossary}: {:?}, peak {} MiB", run.elapsed, run.peak_kib / 1024);
    run
}

/// Each finding as `(check, byte span, found, suggestion)`.
fn findings(json: &serde_json::Value) -> Vec<(String, std::ops::Range<usize>, String, String)> {
    json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
            let offset = |v: &serde_json::Value| v.as_u64().expect("offset") as usize;
            (
                text(&f["check"]),
                offset(&f["span"]["start"])..offset(&f["span"]["end"]),
                text(&f["found"]),
                text(&f["suggestion"]),
            )
        })
        .collect()
}

/// The expected finding for the one occurrence of `found` in `text`.
fn at(
    text: &str,
    check: &str,
    found: &str,
    suggestion: &str,
) -> (String, std::ops::Range<usize>, String, String) {
    assert_eq!(text.matches(found).count(), 1, "{found} is planted once");
    let start = text.find(found).expect("planted");
    (
        check.into(),
        start..start + found.len(),
        found.into(),
        suggestion.into(),
    )
}

/// Plain prose, none of it a glossary term.
const FILLER: &str = "The chronicle was copied in the city and read aloud to the scholars. ";

#[test]
fn ten_thousand_terms_with_a_long_common_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let mut glossary = String::new();
    for i in 1..=10_000 {
        writeln!(
            glossary,
            "[[concept]]\nid = \"p{i:05}\"\n[concept.lang.en]\n\
             preferred = \"Abu al-Qasim ibn Muhammad {i:05}\"\n\
             deprecated = [\"Abu al-Qasem ibn Mohammad {i:05}\"]\n"
        )
        .unwrap();
    }
    fs::write(dir.path().join("prefix.toml"), glossary).unwrap();
    // About 6 KB: listed names, the bare prefix (no term), one deprecated
    // form and one spelling nobody listed.
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(FILLER);
        match i % 4 {
            0 => write!(text, "Abu al-Qasim ibn Muhammad {:05} wrote. ", 1 + i * 249).unwrap(),
            1 => text.push_str("Abu al-Qasim ibn Muhammad alone is no term. "),
            2 => text.push_str("Abu al-Qasim spoke. "),
            _ => write!(text, "Muhammad {:05} is no term either. ", i).unwrap(),
        }
        if i == 17 {
            text.push_str("Then Abu al-Qasem ibn Mohammad 04711 came. ");
        }
        if i == 29 {
            text.push_str("And Abu al-Qasim ibn Muhamad 00042 left. ");
        }
    }
    fs::write(dir.path().join("a.md"), &text).unwrap();
    let run = check_with(dir.path(), "prefix.toml", &["a.md"]);
    assert_eq!(
        findings(&run.json),
        [
            at(
                &text,
                "deprecated",
                "Abu al-Qasem ibn Mohammad 04711",
                "Abu al-Qasim ibn Muhammad 04711"
            ),
            at(
                &text,
                "unlisted",
                "Abu al-Qasim ibn Muhamad 00042",
                "Abu al-Qasim ibn Muhammad 00042"
            ),
        ],
        "{}",
        run.stderr
    );
    assert_spans_slice(&text, &run.json);
    assert_eq!(run.code, 1);
}

/// A glossary of one-letter terms: every letter but `o` and `x` as a term
/// of its own (so every one-letter word of English prose is a mention),
/// `o` with the deprecated `ø`, and a case-sensitive `X` with the
/// deprecated `Ẋ`.
fn one_letter_glossary() -> String {
    let mut glossary = String::new();
    for letter in ('a'..='z').filter(|c| !matches!(c, 'o' | 'x')) {
        writeln!(
            glossary,
            "[[concept]]\nid = \"letter-{letter}\"\n[concept.lang.en]\npreferred = \"{letter}\"\n"
        )
        .unwrap();
    }
    glossary.push_str(
        "[[concept]]\nid = \"letter-o\"\n[concept.lang.en]\npreferred = \"o\"\ndeprecated = [\"ø\"]\n\n\
         [[concept]]\nid = \"x\"\n[concept.lang.en]\n\
         preferred = { term = \"X\", case_sensitive = true }\n\
         deprecated = [{ term = \"Ẋ\", case_sensitive = true }]\n",
    );
    glossary
}

#[test]
fn one_letter_terms_match_whole_words_only() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("letters.toml"), one_letter_glossary()).unwrap();
    // A one-letter term is loaded like any other and matched at word
    // boundaries: `a` and `I` of the prose are mentions of preferred forms
    // (no finding), the letters inside words are automaton hits the
    // boundary test rejects. `ø` and `Ẋ` are deprecated. The lower-case `x`
    // is not the case-sensitive `X`: shorter than four letters, a term in
    // another case is no match (nor a `case` finding).
    let sentence = "I saw a cat, a dog and a bird; O, what a day it was, said Q. and I. ";
    let mut text = String::new();
    for i in 0..60 {
        text.push_str(sentence);
        match i {
            20 => text.push_str("Then ø came. "),
            40 => text.push_str("Write Ẋ, not x, they said of X. "),
            _ => {}
        }
    }
    fs::write(dir.path().join("a.md"), &text).unwrap();
    let run = check_with(dir.path(), "letters.toml", &["a.md"]);
    assert_eq!(
        findings(&run.json),
        [
            at(&text, "deprecated", "ø", "o"),
            at(&text, "deprecated", "Ẋ", "X")
        ],
        "{}",
        run.stderr
    );
    assert_spans_slice(&text, &run.json);
    assert_eq!(run.code, 1);
    // A term of one character that folding removes (an ayn, a lone
    // combining mark) is empty: a glossary error at its position.
    fs::write(
        dir.path().join("empty.toml"),
        "[[concept]]\nid = \"ayn\"\n[concept.lang.en]\npreferred = \"ʿ\"\n",
    )
    .unwrap();
    let run = check_with(dir.path(), "empty.toml", &["a.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("empty.toml:4:13: empty term in concept “ayn”"),
        "{}",
        run.stderr
    );
}

/// A deterministic capitalized word of three syllables, the `n`th.
fn name_word(n: u64) -> String {
    const ONSETS: [&str; 16] = [
        "b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "t", "z",
    ];
    const VOWELS: [&str; 5] = ["a", "i", "u", "o", "e"];
    let mut state = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEE_CE66;
    let mut word = String::new();
    for _ in 0..3 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        word.push_str(ONSETS[(state % 16) as usize]);
        word.push_str(VOWELS[((state >> 8) % 5) as usize]);
    }
    let mut chars = word.chars();
    let first = chars.next().expect("a letter").to_ascii_uppercase();
    std::iter::once(first).chain(chars).collect()
}

#[test]
fn ten_kilobyte_terms_are_found_and_near_copies_finish() {
    let dir = tempfile::tempdir().unwrap();
    // A 10 KB title of some 1,350 words, and a single word of 10 KB.
    let mut words: Vec<String> = Vec::new();
    while words.iter().map(|w| w.len() + 1).sum::<usize>() < 10_000 {
        words.push(name_word(words.len() as u64));
    }
    let title = words.join(" ");
    let old_title = format!("{} Zuzuzu", words[..words.len() - 1].join(" "));
    let word: String = words.concat().repeat(2).chars().take(10_000).collect();
    let old_word = format!("{}q", &word[..word.len() - 1]);
    fs::write(
        dir.path().join("long.toml"),
        format!(
            "[[concept]]\nid = \"title\"\n[concept.lang.en]\npreferred = \"{title}\"\ndeprecated = [\"{old_title}\"]\n\n\
             [[concept]]\nid = \"word\"\n[concept.lang.en]\npreferred = \"{word}\"\ndeprecated = [\"{old_word}\"]\n"
        ),
    )
    .unwrap();
    // Near copies, one letter added in the middle: no term, but the search
    // for unlisted spellings tries every name-like stretch of them (a
    // near copy of the title did not finish in 120 s before that search was
    // bounded).
    let middle = words.len() / 2;
    let mut near = words.clone();
    near[middle].push('x');
    let near_title = near.join(" ");
    let near_word = format!("{}x{}", &word[..5_000], &word[5_000..]);
    let filler = FILLER.repeat(15);
    let text = format!(
        "{filler}{title}.\n\n{filler}{old_title}.\n\n{filler}{near_title}.\n\n\
         {filler}{word}.\n\n{filler}{old_word}.\n\n{filler}{near_word}.\n"
    );
    fs::write(dir.path().join("a.md"), &text).unwrap();
    let run = check_with(dir.path(), "long.toml", &["a.md"]);
    assert_eq!(
        findings(&run.json),
        [
            at(&text, "deprecated", &old_title, &title),
            at(&text, "deprecated", &old_word, &word)
        ],
        "{}",
        run.stderr
    );
    assert_spans_slice(&text, &run.json);
    assert_eq!(run.code, 1);
}
