//! Glossaries, configurations and path lists are read as documents are:
//! regular files only, and each kind within a size limit that an
//! environment variable sets (issue 14). A device such as `/dev/zero` or a
//! FIFO is refused at once with `not a regular file`; a file over its limit
//! is refused naming the limit and the variable.
//!
//! Every run here has its address space capped, so that a regression that
//! reads `/dev/zero` whole fails the test instead of taking the machine's
//! memory, and a time limit, so that one that waits on a FIFO fails too.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::*;

/// How long any run here may take.
const LIMIT: Duration = Duration::from_secs(30);

/// The address space a run may take: far more than checking needs, far
/// less than reading `/dev/zero` whole.
const ADDRESS_SPACE: u64 = 2 << 30;

/// `command` with its address space capped at [`ADDRESS_SPACE`].
fn capped(mut command: Command) -> Command {
    use std::os::unix::process::CommandExt;
    let limit = libc::rlimit {
        rlim_cur: ADDRESS_SPACE as libc::rlim_t,
        rlim_max: ADDRESS_SPACE as libc::rlim_t,
    };
    // SAFETY: setrlimit is async-signal-safe and touches no memory of the
    // parent; the closure allocates nothing.
    unsafe {
        command.pre_exec(move || match libc::setrlimit(libc::RLIMIT_AS, &limit) {
            0 => Ok(()),
            _ => Err(std::io::Error::last_os_error()),
        });
    }
    command
}

/// Runs `termlint ARGS` in `cwd`, capped and bounded.
fn run(cwd: &Path, args: &[&str]) -> Bounded {
    run_with(cwd, args, &[])
}

/// [`run`] with environment variables set.
fn run_with(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Bounded {
    let mut command = termlint(cwd);
    command.args(args).envs(env.iter().copied());
    run_bounded(capped(command), LIMIT)
}

/// A folder with a document to check.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.md"), "The road to Kirman.\n").unwrap();
    dir
}

/// Asserts a run failed with exit 2 and an error that says all of `parts`.
fn assert_refused(run: &Bounded, parts: &[&str]) {
    assert_eq!(run.code, 2, "exit status; stderr:\n{}", run.stderr);
    for part in parts {
        assert!(run.stderr.contains(part), "«{part}» in:\n{}", run.stderr);
    }
}

const NOT_REGULAR: &str = "not a regular file";

#[test]
fn a_device_as_glossary_is_not_a_regular_file() {
    let dir = folder();
    let args = [
        "check",
        "--no-config",
        "--no-default-glossary",
        "--glossary",
        "/dev/zero",
        "doc.md",
    ];
    let run = run(dir.path(), &args);
    assert_refused(&run, &["/dev/zero", "cannot read glossary", NOT_REGULAR]);
}

#[test]
fn a_device_as_configuration_is_not_a_regular_file() {
    let dir = folder();
    let run = run(dir.path(), &["check", "--config", "/dev/zero", "doc.md"]);
    assert_refused(&run, &["/dev/zero", "cannot read the configuration", NOT_REGULAR]);
}

#[test]
fn a_device_as_path_list_is_not_a_regular_file() {
    let dir = folder();
    let run = run(dir.path(), &["check", "--no-config", "--files-from", "/dev/zero"]);
    assert_refused(&run, &["/dev/zero", "list of paths", NOT_REGULAR]);
}

#[test]
fn a_device_named_by_the_configuration_is_not_a_regular_file() {
    let dir = folder();
    std::fs::write(dir.path().join("termlint.toml"), "glossary = [\"/dev/zero\"]\n").unwrap();
    let run = run(dir.path(), &["check", "doc.md"]);
    assert_refused(&run, &["/dev/zero", "cannot read glossary", NOT_REGULAR]);
}

#[test]
fn a_fifo_as_glossary_is_refused_without_waiting_for_a_writer() {
    let dir = folder();
    let fifo = dir.path().join("terms.toml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        cannot_run_here("mkfifo is not available");
        return;
    }
    let args = [
        "check",
        "--no-config",
        "--no-default-glossary",
        "--glossary",
        "terms.toml",
        "doc.md",
    ];
    let run = run(dir.path(), &args);
    assert_refused(&run, &["terms.toml", NOT_REGULAR]);
}

#[test]
fn a_configuration_linked_to_a_device_is_an_error_not_ignored() {
    let dir = folder();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("termlint.toml")).unwrap();
    let run = run(dir.path(), &["check", "doc.md"]);
    assert_refused(
        &run,
        &["termlint.toml", "cannot read the configuration", NOT_REGULAR],
    );
}

/// A valid glossary of a little over 2 KiB.
fn two_kib_glossary() -> String {
    let mut text = std::fs::read_to_string(test_glossary()).unwrap();
    while text.len() <= 2048 {
        text.push_str("# padding to pass the limit\n");
    }
    text
}

#[test]
fn a_glossary_over_its_limit_is_refused_naming_the_limit() {
    let dir = folder();
    std::fs::write(dir.path().join("terms.toml"), two_kib_glossary()).unwrap();
    let args = [
        "check",
        "--no-config",
        "--no-default-glossary",
        "--glossary",
        "terms.toml",
        "doc.md",
    ];
    let limit = [("TERMLINT_MAX_GLOSSARY_SIZE", "1 KiB")];
    let refused = run_with(dir.path(), &args, &limit);
    assert_refused(
        &refused,
        &["terms.toml", "larger than 1.0 KiB", "TERMLINT_MAX_GLOSSARY_SIZE"],
    );
    // Under its limit, the same glossary loads and finds `Kirman`.
    let loaded = run_with(dir.path(), &args, &[("TERMLINT_MAX_GLOSSARY_SIZE", "3KiB")]);
    assert_eq!(loaded.code, 1, "{}", loaded.stderr);
    assert!(loaded.stdout.contains("Kirman"), "{}", loaded.stdout);
}

#[test]
fn configurations_and_path_lists_have_their_own_limits() {
    let dir = folder();
    let config = format!("language = \"en\"\n{}", "# padding\n".repeat(200));
    std::fs::write(dir.path().join("termlint.toml"), config).unwrap();
    let limit = [("TERMLINT_MAX_CONFIG_SIZE", "1KiB")];
    let refused = run_with(dir.path(), &["check", "doc.md"], &limit);
    assert_refused(
        &refused,
        &[
            "termlint.toml",
            "cannot read the configuration",
            "larger than 1.0 KiB",
            "TERMLINT_MAX_CONFIG_SIZE",
        ],
    );

    std::fs::write(dir.path().join("paths.txt"), "doc.md\n".repeat(200)).unwrap();
    let args = ["check", "--no-config", "--files-from", "paths.txt"];
    let limit = [("TERMLINT_MAX_PATH_LIST_SIZE", "1KiB")];
    let refused = run_with(dir.path(), &args, &limit);
    assert_refused(
        &refused,
        &["paths.txt", "larger than 1.0 KiB", "TERMLINT_MAX_PATH_LIST_SIZE"],
    );
}

#[test]
fn an_endless_path_list_on_standard_input_stops_at_its_limit() {
    let dir = folder();
    let mut command = termlint(dir.path());
    command
        .args(["check", "--no-config", "--files-from", "-"])
        .env("TERMLINT_MAX_PATH_LIST_SIZE", "1 MiB")
        .stdin(std::fs::File::open("/dev/zero").unwrap());
    let run = run_bounded(capped(command), LIMIT);
    assert_refused(&run, &["list of paths", "larger than 1.0 MiB"]);
}

#[test]
fn a_limit_that_is_not_a_size_is_a_usage_error() {
    let dir = folder();
    let limit = [("TERMLINT_MAX_GLOSSARY_SIZE", "lots")];
    let run = run_with(dir.path(), &["check", "--no-config", "doc.md"], &limit);
    assert_refused(&run, &["TERMLINT_MAX_GLOSSARY_SIZE", "lots"]);
}

/// A binary document is known by its first block and not read further: a
/// sparse 4 GiB file of NULs met while walking is skipped (before, it was
/// read whole, past the capped address space).
#[test]
fn a_large_binary_file_is_skipped_after_its_first_block() {
    let dir = folder();
    let image = std::fs::File::create(dir.path().join("disk.txt")).unwrap();
    image.set_len(4 << 30).unwrap();
    let run = run(dir.path(), &["check", "--no-config", "--format", "json", "."]);
    assert_eq!(run.code, 1, "exit status; stderr:\n{}", run.stderr);
    assert_eq!(summarize(&run.json), ["deprecated 1:13-1:19 «Kirman» -> Kerman"]);
    assert_eq!(run.json["summary"]["files"], 1, "{}", run.json);
    assert_eq!(run.json["errors"], serde_json::json!([]));
}
