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
        // Large test glossaries are cached here, not in the user's cache.
        .env(
            "TERMLINT_CACHE_DIR",
            std::env::temp_dir().join("termlint-test-cache"),
        )
        .stdin(Stdio::null());
    command
}

/// `termlint check --format json` with only the glossary at `glossary`
/// (no configuration, no built-in glossary), in `cwd`.
pub fn json_check_with(cwd: &Path, glossary: impl AsRef<std::ffi::OsStr>) -> Command {
    json_check_configured(cwd, None, glossary)
}

/// `termlint check --format json` with the configuration file `config`
/// (none when `None`) and only the glossary at `glossary`, in `cwd`.
fn json_check_configured(cwd: &Path, config: Option<&str>, glossary: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut command = termlint(cwd);
    command.arg("check");
    match config {
        Some(file) => command.args(["--config", file]),
        None => command.arg("--no-config"),
    };
    command
        .args(["--no-default-glossary", "--format", "json", "--glossary"])
        .arg(glossary);
    command
}

/// The findings (as [`summarize`] gives them) of the shipped glossary on
/// `text`, a Markdown document in `lang`, with no configuration.
pub fn builtin_findings(lang: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let output = termlint(dir.path())
        .args(["check", "--no-config", "--format", "json", "--lang", lang, "a.md"])
        .output()
        .unwrap();
    summarize(&parse_json(&output))
}

/// Runs `termlint check --format json` with only the test glossary.
pub fn check_json(cwd: &Path, args: &[&str]) -> (Output, Value) {
    run_json(json_check_with(cwd, test_glossary()).args(args))
}

/// Runs `termlint check --format json` with the configuration file
/// `config` and only the test glossary.
pub fn check_json_with_config(cwd: &Path, config: &str, args: &[&str]) -> (Output, Value) {
    run_json(json_check_configured(cwd, Some(config), test_glossary()).args(args))
}

fn run_json(command: &mut Command) -> (Output, Value) {
    let output = command.output().expect("termlint runs");
    let json = parse_json(&output);
    (output, json)
}

/// Standard output of a run parsed as JSON. Panics, showing the exit code,
/// standard output and standard error, when it is not JSON (a crash, a
/// usage error, a glossary that does not load): a test that expects a
/// report must not read "no findings" into a run that made none.
pub fn parse_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "standard output is not JSON ({err}); exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Asserts that a JSON run checked `files` files and found nothing: exit
/// status 0, no finding, no file error, and `files` in the summary.
pub fn assert_clean(output: &Output, json: &Value, files: u64) {
    assert_clean_run(
        code(output),
        json,
        &String::from_utf8_lossy(&output.stderr),
        files,
    );
}

/// [`assert_clean`] for a run given as its exit code, report and standard error.
pub fn assert_clean_run(code: i32, json: &Value, stderr: &str, files: u64) {
    assert_eq!(
        json["findings"],
        serde_json::json!([]),
        "no findings: {json:#}\n{stderr}"
    );
    assert_eq!(
        json["errors"],
        serde_json::json!([]),
        "no file errors: {json:#}\n{stderr}"
    );
    assert_eq!(
        json["summary"]["files"], files,
        "files checked: {json:#}\n{stderr}"
    );
    assert_eq!(code, 0, "exit status of a clean run: {stderr}");
}

/// Each finding as `check line:col-line:col «found» -> suggestion`.
/// Panics when the report has no `findings` array.
pub fn summarize(json: &Value) -> Vec<String> {
    let Some(findings) = json["findings"].as_array() else {
        panic!("a report with a findings array, not {json:#}");
    };
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

/// What a bounded run of the binary gave.
pub struct Bounded {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Standard output parsed as JSON; `Null` if it is not JSON (a run
    /// refused for a bad glossary prints no report), which [`summarize`]
    /// and [`assert_clean_run`] refuse.
    pub json: Value,
    /// Peak resident memory in KiB, sampled from `/proc` (0 where unknown).
    pub peak_kib: u64,
    /// Wall time.
    pub elapsed: std::time::Duration,
}

/// Runs `command` and kills it if it outlives `limit` (then panics naming
/// the hang), sampling its peak memory while it runs.
pub fn run_bounded(mut command: Command, limit: std::time::Duration) -> Bounded {
    use std::io::Read;
    let started = std::time::Instant::now();
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("termlint starts");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0;
    let status = loop {
        peak_kib = peak_kib.max(peak_memory_kib(&status_path));
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("termlint did not finish within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let stdout = stdout.join().expect("stdout read");
    Bounded {
        code: status.code().expect("exit code"),
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stdout,
        stderr: stderr.join().expect("stderr read"),
        peak_kib,
        elapsed: started.elapsed(),
    }
}

/// `VmHWM` (peak resident set) of a running process, in KiB.
fn peak_memory_kib(status_path: &str) -> u64 {
    std::fs::read_to_string(status_path)
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

/// `termlint check --format json` with only the test glossary, as a command.
pub fn check_command(cwd: &Path, args: &[&str]) -> Command {
    let mut command = json_check_with(cwd, test_glossary());
    command.args(args);
    command
}

/// Whether the tests run as root (effective uid 0, from /proc): root reads
/// and writes every file, whatever its mode.
pub fn am_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("Uid:"))?.to_string();
            line.split_whitespace().nth(2).map(|uid| uid == "0")
        })
        .unwrap_or(false)
}

/// `check --fix` with the test glossary on `files`, in `dir`.
pub fn fix_command(dir: &Path, files: &[&str]) -> Command {
    let mut command = termlint(dir);
    command
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--fix",
            "--glossary",
        ])
        .arg(test_glossary())
        .args(files);
    command
}

/// Says that a test cannot run on this machine (no root, no `mkfifo`, no
/// tmpfs, a file system without `user.*` attributes) and returns, so that
/// the caller returns too; in CI (`CI` set), where every such test must
/// run, it fails instead: a skipped test never passes there unseen.
///
/// The line is written to the process's standard error, past the test
/// runner's capture of `eprintln!`, so that `cargo test` shows it among its
/// own lines whether or not the test passes (the runner has no "skipped"
/// of its own for a condition known only at run time; a condition known
/// when building, such as `../shared`, makes the test `ignored` instead).
pub fn cannot_run_here(why: &str) {
    use std::io::Write;
    let in_ci = std::env::var("CI").is_ok_and(|value| !matches!(value.as_str(), "" | "0" | "false"));
    assert!(!in_ci, "this test cannot run here, and CI must run it: {why}");
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    let line = format!("\nskipped {test}: {why}\n");
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
