//! Text formats for translators: PO, Fluent, TSV and CSV, checked by the
//! real binary, and the real-world samples of `../shared/data/formats`
//! (tests ignored without `../shared`, see build.rs).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use termlint::document::{Format, Role};

fn fixture(name: &str) -> PathBuf {
    fixtures().join("formats").join(name)
}

/// Checks one fixture and returns its findings, after asserting that every
/// span slices the original file.
fn check_fixture(name: &str) -> Vec<String> {
    let path = fixture(name);
    let text = fs::read_to_string(&path).expect("fixture");
    let (output, json) = check_json(&fixtures(), &[path.to_str().expect("utf-8 path")]);
    assert_eq!(
        json["errors"].as_array().map(Vec::len),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_spans_slice(&text, &json);
    summarize(&json)
}

#[test]
fn po_sources_are_checked_across_lines_and_escapes_but_not_comments_context_or_obsolete() {
    // The Russian targets hold English spellings, which no Russian form
    // matches; the header, msgctxt, comments and `#~` entries hold more.
    assert_eq!(
        check_fixture("messages.po"),
        vec![
            "deprecated 11:19-11:25 «Kirman» -> Kerman",
            "deprecated 16:12-17:11 «Abu Hudhaifa \"\n\"al-Ansari» -> Abu Hudhayfah al-Ansari",
            "deprecated 20:14-20:23 «Kirm\\x61n» -> Kerman",
        ]
    );
}

#[test]
fn fluent_values_attributes_variants_and_literals_are_checked_not_identifiers() {
    assert_eq!(
        check_fixture("messages.ftl"),
        vec![
            "deprecated 2:29-2:35 «Kirman» -> Kerman",
            "deprecated 4:9-5:18 «Abu Hudhaifa\n        al-Ansari» -> Abu Hudhayfah al-Ansari",
            "deprecated 6:50-6:61 «Kirm\\u0061n» -> Kerman",
            "deprecated 8:23-8:29 «Kirman» -> Kerman",
        ]
    );
}

#[test]
fn tsv_checks_language_columns_only() {
    // `id` and `note` are not languages; `Kirman` in the Russian column is
    // no Russian form of anything, so the Russian target of row 2 lacks the
    // name its English source has.
    assert_eq!(
        check_fixture("names.tsv"),
        vec![
            "deprecated 2:3-2:9 «Kirman» -> Kerman",
            "missing-term 3:20-3:26 «Kirman» -> Касем Сулеймани",
        ]
    );
}

#[test]
fn csv_quoted_cells_keep_their_positions() {
    // `"Kir""man"` is `Kir"man`, not a name; `comment` is not a language.
    assert_eq!(
        check_fixture("names.csv"),
        vec!["deprecated 2:8-2:14 «Kirman» -> Kerman"]
    );
}

#[test]
fn a_table_without_language_columns_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.csv"), "id,note\n1,Kirman\n").unwrap();
    let (output, json) = check_json(dir.path(), &["notes.csv"]);
    assert_eq!(code(&output), 2);
    assert_eq!(json["errors"][0]["kind"], "malformed");
    assert_eq!(
        json["errors"][0]["message"],
        "notes.csv:1:1: cannot be read in its format: the header names no language column; skipped"
    );
    assert_eq!(summarize(&json), Vec::<String>::new());
}

/// The real-world samples of `kind` in the shared data folder.
fn samples(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/formats")
        .join(kind);
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    assert!(!paths.is_empty(), "no samples in {}", dir.display());
    paths
}

/// Every piece lies in the text, on character boundaries, in order.
fn assert_pieces_fit(path: &Path, text: &str, format: Format) -> Result<usize, String> {
    let segments = format.segments(text).map_err(|e| format!("{e:?}"))?;
    let mut last = 0;
    for piece in segments.iter().flat_map(|s| &s.pieces) {
        let range = piece.range.clone();
        assert!(
            range.start >= last && text.get(range.clone()).is_some(),
            "{}: bad piece {range:?}",
            path.display()
        );
        last = range.end;
    }
    Ok(segments.len())
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn real_po_samples_parse() {
    for path in samples("po") {
        // The tgif sample is Latin-1 with `\r\r\n` line ends and a header
        // line without `\n`: the binary rejects it as not UTF-8, and read
        // leniently its PO syntax is valid (msgfmt only warns), so the
        // scanner reads it.
        let bytes = fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let result = assert_pieces_fit(&path, &text, Format::Po);
        let count = result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(count > 0, "{}: no segments", path.display());
        if path.ends_with("libgweather-locations-ru.po") {
            let segments = Format::Po.segments(&text).unwrap();
            let target = segments.iter().find(|s| s.role == Role::Target).unwrap();
            assert_eq!(
                target.language.as_ref().map(ToString::to_string).as_deref(),
                Some("ru")
            );
        }
    }
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn real_fluent_samples_parse_and_junk_is_skipped() {
    for path in samples("ftl") {
        let text = fs::read_to_string(&path).unwrap();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        match assert_pieces_fit(&path, &text, Format::Fluent) {
            // Every entry of the junk fixture is junk.
            Err(_) if name == "fixture-junk.ftl" => {}
            // The CR fixture is one comment: `\r` alone ends no line in Fluent.
            Ok(0) if name == "fixture-cr.ftl" => {}
            Ok(count) if count > 0 => {}
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn the_syntax_error_sample_is_rejected_by_the_binary_as_not_utf8() {
    let paths = samples("po");
    let path = paths
        .iter()
        .find(|p| p.ends_with("ttk-fedora-tgif-fr-syntax-errors.po"))
        .expect("the tgif sample is among the PO samples");
    let (output, json) = check_json(&fixtures(), &[path.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    assert_eq!(json["errors"][0]["kind"], "invalid-utf8");
    let message = json["errors"][0]["message"].as_str().expect("a message");
    // Six CRLF and six lone CR line breaks come before the bad byte.
    assert!(
        message.ends_with(
            "ttk-fedora-tgif-fr-syntax-errors.po: not valid UTF-8 (first bad byte at 13:21), skipped"
        ),
        "{message}"
    );
}
