//! A malformed attribute in an XLIFF file is reported at the attribute's
//! own line and column, as every other format error is, not at the start
//! of its tag with quick-xml's "position N" in the detail (issue 14).

mod common;

use common::*;

/// The one file error of checking `xliff` as `a.xlf`.
fn file_error(xliff: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.xlf"), xliff).unwrap();
    let (output, json) = check_json(dir.path(), &["a.xlf"]);
    assert_eq!(code(&output), 2, "{json:#}");
    let errors = json["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{json:#}");
    assert_eq!(errors[0]["kind"], "malformed");
    errors[0]["message"].as_str().expect("a message").to_string()
}

#[test]
fn a_duplicate_attribute_is_reported_at_its_line_and_column() {
    let xliff = "<xliff version=\"1.2\">\n  <file datatype=\"plaintext\" datatype=\"x\" source-language=\"en\">\n<body/></file></xliff>\n";
    assert_eq!(
        file_error(xliff),
        "a.xlf:2:30: cannot be read in its format: duplicate attribute “datatype”; skipped"
    );
}

#[test]
fn an_attribute_on_a_later_line_of_its_tag_is_reported_on_that_line() {
    let xliff = "<xliff version=\"1.2\">\n<file\n   datatype=\"a\"\n   datatype=\"b\" source-language=\"en\">\n<body/></file></xliff>\n";
    let message = file_error(xliff);
    assert!(message.starts_with("a.xlf:4:4: "), "{message}");
    let unquoted =
        "<xliff version=\"1.2\">\n<file target-language=ru source-language=\"en\">\n<body/></file></xliff>\n";
    let message = file_error(unquoted);
    assert!(message.starts_with("a.xlf:2:23: "), "{message}");
    assert!(!message.contains("position"), "{message}");
}
