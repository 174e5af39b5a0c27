//! Output formats (issue 6, item 3): SARIF validated against the official
//! schema, GitHub workflow commands and checkstyle XML exactly, `--quiet`
//! and `--statistics`; and the progress bar: drawn on a terminal, never on
//! a pipe.

mod common;

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::Duration;

use common::{code, fixtures, termlint, test_glossary};
use serde_json::Value;

const MIXED: &str = "tests/fixtures/texts/mixed.md";

/// Runs `termlint check` with only the test glossary, in the crate root.
fn check(args: &[&str]) -> Output {
    check_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn check_in(cwd: &Path, args: &[&str]) -> Output {
    termlint(cwd)
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .args(args)
        .output()
        .expect("termlint runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

/// Asserts that `log` is valid against the SARIF 2.1.0 schema.
fn assert_valid_sarif(log: &Value) {
    let errors = sarif_errors(log);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

/// What the SARIF 2.1.0 schema finds wrong with `log`.
fn sarif_errors(log: &Value) -> Vec<String> {
    let schema_path = fixtures().join("sarif/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema")).expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

fn sarif(cwd: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "sarif"];
    all.extend_from_slice(args);
    let output = check_in(cwd, &all);
    serde_json::from_slice(&output.stdout).expect("SARIF is JSON")
}

/// `ruleId line:col fingerprint` of each result.
fn results(log: &Value) -> Vec<(String, String, String)> {
    log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap_or("?").to_string(),
                format!("{}:{}", region["startLine"], region["startColumn"]),
                r["partialFingerprints"]["termlint/v1"]
                    .as_str()
                    .unwrap_or("?")
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn github_workflow_commands() {
    let output = check(&["--format", "github", MIXED]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stdout(&output),
        "::error file=tests/fixtures/texts/mixed.md,line=3,col=15,endLine=3,endColumn=37,title=termlint (deprecated)::\
         “Abu Hudhaifa al-Ansari” is a deprecated spelling of Abu Hudhayfah al-Ansari%0Awrite “Abu Hudhayfah al-Ansari”\n\
         ::warning file=tests/fixtures/texts/mixed.md,line=9,col=41,endLine=9,endColumn=49,title=termlint (inconsistent)::\
         “Khurasan” mixes spellings of Khorasan: this document writes “Khorasan” (first at 9:1)%0Awrite “Khorasan”\n"
    );
    assert_eq!(stderr(&output), "", "no summary in machine formats");
}

#[test]
fn json_lines_hold_the_json_documents_findings_one_per_line() {
    let lines = stdout(&check(&["--format", "jsonl", MIXED, "no-such-file.md"]));
    let records: Vec<Value> = lines
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect();
    let json: Value =
        serde_json::from_str(&stdout(&check(&["--format", "json", MIXED, "no-such-file.md"]))).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    let typed = |kind: &str| -> Vec<Value> {
        records
            .iter()
            .filter(|r| r["type"] == kind)
            .map(|r| {
                let mut r = r.clone();
                r.as_object_mut().unwrap().remove("type");
                r
            })
            .collect()
    };
    assert_eq!(&typed("finding"), findings);
    assert_eq!(typed("error"), json["errors"].as_array().unwrap().clone());
    assert_eq!(typed("summary"), [json["summary"].clone()]);
    assert_eq!(
        records.last().unwrap()["type"],
        "summary",
        "the summary comes last"
    );
}

#[test]
fn checkstyle_xml() {
    let output = check(&["--format", "checkstyle", MIXED, "missing.md"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stdout(&output),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <checkstyle version=\"4.3\">\n  \
         <file name=\"missing.md\">\n    \
         <error severity=\"error\" message=\"missing.md: no such file or folder\" source=\"termlint.file\"/>\n  \
         </file>\n  \
         <file name=\"tests/fixtures/texts/mixed.md\">\n    \
         <error line=\"3\" column=\"15\" severity=\"error\" message=\"“Abu Hudhaifa al-Ansari” is a deprecated spelling of Abu Hudhayfah al-Ansari\" source=\"termlint.deprecated\"/>\n    \
         <error line=\"9\" column=\"41\" severity=\"warning\" message=\"“Khurasan” mixes spellings of Khorasan: this document writes “Khorasan” (first at 9:1)\" source=\"termlint.inconsistent\"/>\n  \
         </file>\n\
         </checkstyle>\n"
    );
}

#[test]
fn sarif_is_valid_and_complete() {
    let log = sarif(Path::new(env!("CARGO_MANIFEST_DIR")), &[MIXED, "missing.md"]);
    assert_valid_sarif(&log);
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert_eq!(sarif_errors(&broken).len(), 2, "the validator catches mistakes");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "termlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        rules,
        [
            "deprecated",
            "inconsistent",
            "case",
            "unlisted",
            "missing-term",
            "untranslated-term",
            "unused-suppression",
            "admitted",
            "inconsistent-target",
            "inconsistent-source",
            "other-language",
            "orthography"
        ]
    );
    assert!(driver["rules"][0]["shortDescription"]["text"].is_string());
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let checks: Vec<(String, String)> = results(&log).into_iter().map(|(c, at, _)| (c, at)).collect();
    assert_eq!(
        checks,
        [
            ("deprecated".to_string(), "3:15".to_string()),
            ("inconsistent".to_string(), "9:41".to_string())
        ]
    );
    let first = &run["results"][0];
    assert_eq!(first["level"], "error");
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], MIXED);
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    let text = std::fs::read_to_string(fixtures().join("texts/mixed.md")).expect("fixture");
    let start = location["region"]["byteOffset"].as_u64().expect("offset") as usize;
    let length = location["region"]["byteLength"].as_u64().expect("length") as usize;
    assert_eq!(&text[start..start + length], "Abu Hudhaifa al-Ansari");
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["message"]["text"],
        "missing.md: no such file or folder"
    );
}

#[test]
fn sarif_fingerprints_survive_reruns_and_edits_elsewhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = std::fs::read_to_string(fixtures().join("texts/mixed.md")).expect("fixture");
    std::fs::write(dir.path().join("mixed.md"), &original).expect("write");
    let before = results(&sarif(dir.path(), &["mixed.md"]));
    assert_eq!(
        before,
        results(&sarif(dir.path(), &["mixed.md"])),
        "same run, same output"
    );
    let edited = format!("An unrelated line, with Kermanshah in it.\n\n{original}");
    std::fs::write(dir.path().join("mixed.md"), edited).expect("write");
    let log = sarif(dir.path(), &["mixed.md"]);
    assert_valid_sarif(&log);
    let after = results(&log);
    assert_eq!(after.len(), before.len());
    for (old, new) in before.iter().zip(&after) {
        assert_eq!(old.0, new.0);
        assert_ne!(old.1, new.1, "the finding moved two lines down");
        assert_eq!(old.2, new.2, "the fingerprint did not change");
    }
    assert_ne!(before[0].2, before[1].2);
}

#[test]
fn sarif_without_findings_is_valid() {
    let output = check(&["--format", "sarif", "tests/fixtures/texts/clean.md"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
    assert_eq!(
        log["runs"][0]["invocations"],
        serde_json::json!([{"executionSuccessful": true}]),
        "a successful run with no notifications"
    );
}

#[test]
fn quiet_prints_only_the_findings() {
    let output = check(&["--quiet", MIXED, "missing.md"]);
    assert_eq!(code(&output), 2);
    let out = stdout(&output);
    assert!(
        out.starts_with("error[deprecated]: “Abu Hudhaifa al-Ansari”"),
        "{out}"
    );
    assert!(out.contains("warning[inconsistent]: “Khurasan”"), "{out}");
    assert_eq!(
        stderr(&output),
        "error: missing.md: no such file or folder\n",
        "the file error, and no summary"
    );
    let loud = check(&[MIXED]);
    assert_eq!(stdout(&loud), out, "the same findings without --quiet");
    assert!(
        stderr(&loud).contains("2 findings (1 error, 1 warning) in 1 file"),
        "{}",
        stderr(&loud)
    );
}

#[test]
fn statistics_after_the_findings() {
    let output = check(&["--quiet", "--statistics", MIXED]);
    let out = stdout(&output);
    let table = "Findings by check:\n  \
                 1  deprecated\n  \
                 1  inconsistent\n\
                 Findings by concept:\n  \
                 1  abu-hudhayfah-al-ansari  Abu Hudhayfah al-Ansari\n  \
                 1  khorasan  Khorasan\n";
    assert!(out.ends_with(&format!("  |\n\n{table}")), "{out}");
    let russian = check(&["--quiet", "--statistics", "--ui-lang", "ru", MIXED]);
    assert!(stdout(&russian).contains("Замечания по проверкам:\n  1  deprecated\n"));
    let github = check(&["--format", "github", "--statistics", MIXED]);
    assert_eq!(stderr(&github), table, "machine formats keep stdout clean");
}

#[test]
fn statistics_in_json_and_sarif() {
    let output = check(&["--format", "json", "--statistics", MIXED]);
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["statistics"],
        serde_json::json!({
            "checks": [{"check": "deprecated", "count": 1}, {"check": "inconsistent", "count": 1}],
            "concepts": [
                {"concept": "abu-hudhayfah-al-ansari", "count": 1},
                {"concept": "khorasan", "count": 1}
            ]
        })
    );
    let plain: Value = serde_json::from_slice(&check(&["--format", "json", MIXED]).stdout).expect("JSON");
    assert!(plain.get("statistics").is_none(), "only with --statistics");
    let log = sarif(Path::new(env!("CARGO_MANIFEST_DIR")), &["--statistics", MIXED]);
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["properties"]["statistics"], json["statistics"]);
}

/// How long [`slow_check`] holds standard input open: well over the delay
/// (500 ms, `src/cli/progress.rs`) after which a run shows its progress
/// bar, whatever the speed of the machine.
const SLOW: Duration = Duration::from_millis(2000);

/// Starts `termlint check ARGS -` with the test glossary and standard
/// error going to `stderr`, and writes its standard input in two parts,
/// [`SLOW`] apart: a run long enough for the progress bar to appear, if it
/// is wanted.
fn slow_check(args: &[&str], stderr: Stdio) -> Child {
    let mut command = termlint(Path::new(env!("CARGO_MANIFEST_DIR")));
    command
        .args(["check", "--no-config", "--no-default-glossary", "--glossary"])
        .arg(test_glossary())
        .args(args)
        .arg("-")
        // Not a dumb terminal, where no bar is drawn at all.
        .env("TERM", "xterm")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr);
    let mut child = command.spawn().expect("termlint starts");
    // The command holds its own copy of a pseudo-terminal's descriptor.
    drop(command);
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"In Kirman").expect("write");
    std::thread::sleep(SLOW);
    stdin.write_all(b" and Kerman.\n").expect("write");
    child
}

const SLOW_SUMMARY: &str = "1 finding (1 error, 0 warnings) in 1 file";

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let output = slow_check(&[], Stdio::piped())
        .wait_with_output()
        .expect("termlint runs");
    assert!(
        stdout(&output).contains("error[deprecated]"),
        "{}",
        stdout(&output)
    );
    assert_eq!(stderr(&output), format!("{SLOW_SUMMARY}\n"), "only the summary");
    assert_eq!(code(&output), 1);
}

/// The other side of the test above: the same run with standard error on a
/// terminal (a pseudo-terminal) draws the bar, so the run above lasts long
/// enough to show one, and it shows none because its standard error is a
/// pipe.
#[test]
fn a_progress_bar_when_stderr_is_a_terminal() {
    let (output, shown) = slow_check_on_a_terminal(&[]);
    // The bar and its message (`… of … files, … KB`), redrawn in place.
    assert!(
        shown.contains('█') && shown.contains(" KB") && shown.contains('\r'),
        "no progress bar drawn: {shown:?}"
    );
    assert!(shown.contains(SLOW_SUMMARY), "{shown:?}");
    assert!(
        stdout(&output).contains("error[deprecated]"),
        "{}",
        stdout(&output)
    );
    assert_eq!(code(&output), 1);
}

#[test]
fn no_progress_bar_on_a_terminal_when_quiet() {
    let (output, shown) = slow_check_on_a_terminal(&["--quiet"]);
    assert_eq!(shown, "", "nothing on standard error");
    assert!(
        stdout(&output).contains("error[deprecated]"),
        "{}",
        stdout(&output)
    );
    assert_eq!(code(&output), 1);
}

/// [`slow_check`] with standard error on a pseudo-terminal: the output and
/// what was shown on the terminal.
fn slow_check_on_a_terminal(args: &[&str]) -> (Output, String) {
    let (terminal, slave) = pseudo_terminal();
    let child = slow_check(args, Stdio::from(slave));
    let reader = std::thread::spawn(move || {
        let mut terminal = std::fs::File::from(terminal);
        let mut bytes = Vec::new();
        let mut buffer = [0; 4096];
        // Reading fails (EIO) once the last descriptor of the slave side closes.
        while let Ok(count @ 1..) = terminal.read(&mut buffer) {
            bytes.extend_from_slice(&buffer[..count]);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let output = child.wait_with_output().expect("termlint runs");
    (output, reader.join().expect("terminal read"))
}

/// A pseudo-terminal of 24 lines of 80 columns: its master and slave sides.
fn pseudo_terminal() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into `master` and `slave`; the
    // name and terminal settings are optional (null), the size is read only.
    let status = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(status, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors are open and owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}
