//! `termlint check` on real files: exact findings, spans and exit codes.

mod common;

use std::fs;

use common::*;
use unicode_normalization::UnicodeNormalization;

#[test]
fn mixed_spellings_get_the_findings_an_editor_would_give() {
    let (output, json) = check_json(&fixtures().join("texts"), &["mixed.md"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 3:15-3:37 «Abu Hudhaifa al-Ansari» -> Abu Hudhayfah al-Ansari",
            "inconsistent 9:41-9:49 «Khurasan» -> Khorasan",
        ]
    );
    assert_eq!(code(&output), 1, "a deprecated spelling is an error");
    assert_eq!(json["findings"][1]["chosen"]["line"], 9);
    assert_eq!(json["findings"][1]["chosen"]["column"], 1);
    assert_eq!(json["findings"][0]["concept"], "abu-hudhayfah-al-ansari");
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(json["findings"][1]["severity"], "warning");
    let text = std::fs::read_to_string(fixtures().join("texts/mixed.md")).unwrap();
    assert_spans_slice(&text, &json);
}

#[test]
fn nfd_input_gives_the_same_findings_with_exact_byte_spans() {
    let nfc = std::fs::read_to_string(fixtures().join("texts/mixed.md")).unwrap();
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd, "the fixture has precomposed characters");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nfd.md"), &nfd).unwrap();
    let (_, json) = check_json(dir.path(), &["nfd.md"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 3:15-3:37 «Abu Hudhaifa al-Ansari» -> Abu Hudhayfah al-Ansari",
            "inconsistent 9:41-9:49 «Khurasan» -> Khorasan",
        ]
    );
    assert_spans_slice(&nfd, &json);
}

#[test]
fn a_correct_text_is_clean_and_similar_names_are_not_flagged() {
    // Abu Hafs is not Abu Hudhayfah, Kermanshah is not Kerman, Alansari is
    // one word, and code and link targets are not prose.
    let (output, json) = check_json(&fixtures().join("texts"), &["clean.md"]);
    assert_clean(&output, &json, 1);
}

#[test]
fn human_output_points_at_the_line_and_column() {
    let output = termlint(&fixtures().join("texts"))
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .arg("mixed.md")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("error[deprecated]"), "{stdout}");
    assert!(stdout.contains(" --> mixed.md:3:15"), "{stdout}");
    assert!(
        stdout.contains("^^^^^^^^^^^^^^^^^^^^^^ write “Abu Hudhayfah al-Ansari”"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'), "no colour when not on a terminal");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("2 findings (1 error, 1 warning) in 1 file"),
        "{stderr}"
    );
}

#[test]
fn crlf_tabs_emoji_and_case_sensitive_acronyms() {
    let path = fixtures().join("texts/crlf-emoji.txt");
    let (_, json) = check_json(&fixtures().join("texts"), &["crlf-emoji.txt"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 2:5-2:11 «ISIS-K» -> ISKP",
            "deprecated 2:20-2:26 «Kirman» -> Kerman",
            "inconsistent 4:1-4:16 «Qasem Soleimani» -> Qassem Soleimani",
        ]
    );
    assert_spans_slice(&std::fs::read_to_string(path).unwrap(), &json);
}

#[test]
fn arabic_script_matches_with_interchanged_letters_and_boundaries() {
    let (output, json) = check_json(&fixtures().join("texts"), &["--lang", "ar", "arabic.txt"]);
    // Both spellings (Arabic yeh, Persian yeh) are the one preferred Arabic
    // form once folded: no finding; كرمانشاه is not a term.
    assert_clean(&output, &json, 1);
    // Arabic terms do not apply to English text.
    let (output, json) = check_json(&fixtures().join("texts"), &["--lang", "en", "arabic.txt"]);
    assert_clean(&output, &json, 1);
}

#[test]
fn terms_apply_only_in_their_language() {
    let (output, json) = check_json(&fixtures().join("texts"), &["--lang", "ru", "russian.txt"]);
    assert_clean(&output, &json, 1);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mixed.txt"),
        "Касем Сулеймани and Ghasem Soleimani",
    )
    .unwrap();
    // English forms do not apply to Russian text.
    let (output, json) = check_json(dir.path(), &["--lang", "ru", "mixed.txt"]);
    assert_clean(&output, &json, 1);
}

#[test]
fn possessives_elisions_and_apostrophes_inside_names() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kirman's mayor. L’Kirman? Shiah, Shi'ah and Shiʿa.\nQuestions for Kirman’s.";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let (_, json) = check_json(dir.path(), &["a.txt"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 1:1-1:7 «Kirman» -> Kerman",
            "deprecated 1:19-1:25 «Kirman» -> Kerman",
            "deprecated 1:27-1:32 «Shiah» -> Shia",
            "deprecated 1:34-1:40 «Shi'ah» -> Shia",
            "deprecated 2:15-2:21 «Kirman» -> Kerman",
        ]
    );
    assert_spans_slice(text, &json);
}

#[test]
fn names_across_line_breaks_and_markdown_emphasis() {
    let dir = tempfile::tempdir().unwrap();
    let text = "He quoted Abu\nHudhaifa al-Ansari and **Abu Hudhaifa** al-Ansari.\n";
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let (_, json) = check_json(dir.path(), &["a.md"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 1:11-2:19 «Abu\nHudhaifa al-Ansari» -> Abu Hudhayfah al-Ansari",
            "deprecated 2:26-2:50 «Abu Hudhaifa** al-Ansari» -> Abu Hudhayfah al-Ansari",
        ]
    );
    assert_spans_slice(text, &json);
}

#[test]
fn standard_input_is_read_with_dash() {
    use std::io::Write;
    let mut child = check_command(&fixtures(), &["-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"From Kirman.").unwrap();
    let output = child.wait_with_output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summarize(&json), ["deprecated 1:6-1:12 «Kirman» -> Kerman"]);
    assert_eq!(json["findings"][0]["path"], "<stdin>");
}

/// A Markdown file of over 256 KB is read block by block; it must read as
/// one document: a code block or comment with blank lines inside stays
/// code, a link label defined at the end is no text, front matter is
/// skipped, and a rule, a name and a rule further down are prose.
#[test]
fn a_large_markdown_file_reads_as_one_document() {
    let filler = "Plain prose that names nobody at all, line after line.\n\n".repeat(1_000);
    let code = "Kirman inside a code block\n\nmore code\n\n".repeat(2_000);
    let doc = [
        "---\ntitle: Kirman\n---\n\n",
        &filler,
        "```text\n",
        &code,
        "```\n\n",
        &filler,
        "<!--\n\nKirman inside a comment\n\n-->\n\n",
        &filler,
        "See [the city][Kirman].\n\n",
        &filler,
        "---\nKirman\n---\n\n",
        &filler,
        "At last, Kirman.\n\n[Kirman]: https://example.org\n",
    ]
    .concat();
    assert!(doc.len() > 300_000, "large enough to be read in blocks");
    let line_of = |needle: &str| {
        doc[..doc.find(needle).expect("in the document")]
            .matches('\n')
            .count()
            + 1
    };
    let expected = vec![
        format!(
            "deprecated {0}:1-{0}:7 «Kirman» -> Kerman",
            line_of("---\nKirman\n---") + 1
        ),
        format!("deprecated {0}:10-{0}:16 «Kirman» -> Kerman", line_of("At last")),
    ];
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("large.md"), &doc).unwrap();
    // With `unlisted` on, every block is read; with it off, blocks that name
    // nobody are left unparsed.
    let (_, json) = check_json(dir.path(), &["large.md"]);
    assert_spans_slice(&doc, &json);
    assert_eq!(summarize(&json), expected);
    fs::write(dir.path().join("off.toml"), "[checks]\nunlisted = \"off\"\n").unwrap();
    let (_, json) = check_json_with_config(dir.path(), "off.toml", &["large.md"]);
    assert_eq!(summarize(&json), expected);
}
