//! Paths as the system gives them: names that are not UTF-8, a real file
//! named like the standard-input marker, and names holding control
//! characters, from the command line and walks to the report and to the
//! file a fix writes.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// A folder holding `name` with `text`.
fn folder_with(name: &std::ffi::OsStr, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn a_walked_file_whose_name_is_not_utf8_is_reported_and_fixed() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    let dir = folder_with(name, "Roads to Kirman.\n");
    let (output, json) = check_json(dir.path(), &["."]);
    assert_eq!(code(&output), 1, "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(json["findings"][0]["path"], "./caf\u{FFFD}.md");
    assert_eq!(summarize(&json), ["deprecated 1:10-1:16 «Kirman» -> Kerman"]);

    let fixed = check_command(dir.path(), &["--fix", "."]).output().unwrap();
    assert_eq!(code(&fixed), 0, "{}", String::from_utf8_lossy(&fixed.stderr));
    assert_eq!(
        fs::read_to_string(dir.path().join(name)).unwrap(),
        "Roads to Kerman.\n"
    );
}

#[cfg(unix)]
#[test]
fn a_path_list_names_files_by_their_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"\xff\xfe-notes.md");
    let dir = folder_with(name, "Kirman\n");
    let mut list = name.as_bytes().to_vec();
    list.extend_from_slice(b"\r\n\n");
    fs::write(dir.path().join("list.txt"), list).unwrap();
    let fixed = check_command(dir.path(), &["--fix", "--files-from", "list.txt"])
        .output()
        .unwrap();
    assert_eq!(code(&fixed), 0, "{}", String::from_utf8_lossy(&fixed.stderr));
    assert_eq!(fs::read_to_string(dir.path().join(name)).unwrap(), "Kerman\n");
}

#[test]
fn a_real_file_named_like_standard_input_is_fixed_in_place() {
    let dir = folder_with("<stdin>".as_ref(), "Kirman\n");
    let output = check_command(dir.path(), &["--fix", "<stdin>"]).output().unwrap();
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        fs::read_to_string(dir.path().join("<stdin>")).unwrap(),
        "Kerman\n"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.contains("Kerman"),
        "the fix went to standard output: {stdout}"
    );
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_file_name_are_escaped_in_the_human_report() {
    let name = "a\n::warning file=x::boom\r.md";
    let dir = folder_with(name.as_ref(), "Kirman\n");
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .arg(Path::new(name))
        .output()
        .unwrap();
    assert_eq!(code(&output), 1);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("a\\u{a}::warning file=x::boom\\u{d}.md:1:1"),
        "{stdout}"
    );
    assert!(
        stdout.lines().all(|line| !line.starts_with("::")),
        "a line of the report is a workflow command: {stdout}"
    );
}
