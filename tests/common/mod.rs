//! Helpers for running the real `termlint` binary in tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The folder of test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The test glossary (without the built-in one).
pub fn test_glossary() -> PathBuf {
    fixtures().join("glossary/names.toml")
}

/// A `termlint` command with a clean environment, run in `cwd`.
pub fn termlint(cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_termlint"));
    command
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("TERMLINT_UI_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .stdin(Stdio::null());
    command
}

/// Runs `termlint check --format json` with only the test glossary.
pub fn check_json(cwd: &Path, args: &[&str]) -> (Output, Value) {
    let output = termlint(cwd)
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--format",
            "json",
            "--glossary",
        ])
        .arg(test_glossary())
        .args(args)
        .output()
        .expect("termlint runs");
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output, json)
}

/// Each finding as `check line:col-line:col «found» -> suggestion`.
pub fn summarize(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .map(|findings| {
            findings
                .iter()
                .map(|f| {
                    format!(
                        "{} {}:{}-{}:{} «{}» -> {}",
                        f["check"].as_str().unwrap_or("?"),
                        f["start"]["line"],
                        f["start"]["column"],
                        f["end"]["line"],
                        f["end"]["column"],
                        f["found"].as_str().unwrap_or("?"),
                        f["suggestion"].as_str().unwrap_or("-"),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts that every finding's byte span slices `text` to its `found`.
pub fn assert_spans_slice(text: &str, json: &Value) {
    for finding in json["findings"].as_array().expect("findings array") {
        let start = finding["span"]["start"].as_u64().expect("start") as usize;
        let end = finding["span"]["end"].as_u64().expect("end") as usize;
        assert_eq!(
            text.get(start..end),
            finding["found"].as_str(),
            "span {start}..{end} does not slice to the found text"
        );
    }
}

/// The exit code.
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exit code")
}
