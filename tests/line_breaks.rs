//! Line breaks (issue 14): `\n`, `\r\n` and a lone `\r` each end a line, as
//! the Language Server Protocol counts them, and every output (human, JSON,
//! the language server's diagnostics and quick fixes (tested in
//! `tests/lsp.rs`), suppression directives) counts lines the same way.

mod common;

use common::*;

/// Line breaks of every kind, mixed: `Kirman` is on lines 3, 5 and 6.
const MIXED: &str = "one\rtwo\r\nKirman here\nfour\rKirman\r\nand Kirman\r";

#[test]
fn json_positions_count_every_kind_of_line_break() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), MIXED).unwrap();
    let (_, json) = check_json(dir.path(), &["a.txt"]);
    assert_eq!(
        summarize(&json),
        [
            "deprecated 3:1-3:7 «Kirman» -> Kerman",
            "deprecated 5:1-5:7 «Kirman» -> Kerman",
            "deprecated 6:5-6:11 «Kirman» -> Kerman",
        ]
    );
    assert_spans_slice(MIXED, &json);
}

/// The human output of checking `file` in `dir` with the test glossary.
fn human_check(dir: &std::path::Path, file: &str) -> String {
    let output = termlint(dir)
        .args(["check", "--no-config", "--no-default-glossary"])
        .arg("--glossary")
        .arg(test_glossary())
        .arg(file)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn human_output_shows_the_line_of_a_lone_cr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "one\rtwo\rKirman here\r").unwrap();
    let stdout = human_check(dir.path(), "a.txt");
    assert!(stdout.contains("--> a.txt:3:1\n"), "{stdout}");
    assert!(stdout.contains("3 | Kirman here\n"), "{stdout}");
    assert!(
        !stdout.contains("one"),
        "only the finding's line is shown: {stdout}"
    );
}

#[test]
fn human_output_gives_the_column_of_a_finding_far_into_a_long_line() {
    // The line is quoted from inside, 120 bytes before the finding; the
    // column is still counted from the start of the line (JSON's).
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}Kirman and {} Kirman again\n",
        "word ".repeat(40),
        "ş".repeat(50)
    );
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    let stdout = human_check(dir.path(), "a.txt");
    // 200 characters before the first; `Kirman and `, 50 characters and a
    // space more before the second.
    assert!(stdout.contains("--> a.txt:1:201\n"), "{stdout}");
    assert!(stdout.contains("--> a.txt:1:263\n"), "{stdout}");
}

#[test]
fn a_next_line_directive_covers_the_line_after_a_lone_cr() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kirman\rtermlint-disable-next-line\rKirman\r";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let (_, json) = check_json(dir.path(), &["a.txt"]);
    assert_eq!(summarize(&json), ["deprecated 1:1-1:7 «Kirman» -> Kerman"]);
}
