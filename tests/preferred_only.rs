//! The preferred-only policy (issue 15): the `admitted` check, off unless
//! asked for, reports an admitted spelling with the preferred form as its
//! fix; acronyms, short forms, translations and original-language names are
//! forms of their own kind and stay quiet.

mod common;

use common::*;

const TEXT: &str = "ISKP fighters crossed Khurasan. Later, Xuroson Ovozi said so.\n";

fn run(dir: &std::path::Path, args: &[&str]) -> (std::process::Output, Vec<String>) {
    let output = termlint(dir)
        .args(["check", "--no-config", "--format", "json"])
        .args(args)
        .arg("a.txt")
        .output()
        .unwrap();
    let json = parse_json(&output);
    (output, summarize(&json))
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    dir
}

#[test]
fn admitted_spellings_pass_unless_the_policy_is_asked_for() {
    let dir = folder();
    let (output, findings) = run(dir.path(), &[]);
    assert_eq!(code(&output), 0);
    assert_eq!(findings, Vec::<String>::new());
}

#[test]
fn the_policy_reports_admitted_spellings_only_and_fixes_them() {
    let dir = folder();
    let (output, findings) = run(dir.path(), &["--preferred-only"]);
    assert_eq!(code(&output), 0, "a warning by default");
    assert_eq!(findings, ["admitted 1:23-1:31 «Khurasan» -> Khorasan"]);
    let fixed = termlint(dir.path())
        .args(["check", "--no-config", "--preferred-only", "--fix", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(code(&fixed), 0, "{}", String::from_utf8_lossy(&fixed.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        TEXT.replace("Khurasan", "Khorasan")
    );
}

#[test]
fn the_policy_is_one_line_of_configuration_with_its_own_severity() {
    let dir = folder();
    std::fs::write(
        dir.path().join("termlint.toml"),
        "[checks]\nadmitted = \"error\"\n",
    )
    .unwrap();
    let output = termlint(dir.path())
        .args(["check", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    let json = parse_json(&output);
    assert_eq!(code(&output), 1, "an error fails the run");
    assert_eq!(summarize(&json), ["admitted 1:23-1:31 «Khurasan» -> Khorasan"]);
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(
        json["findings"][0]["message"],
        "“Khurasan” is an admitted spelling of Khorasan; only the preferred “Khorasan” is used here"
    );
}
