//! `--fix` changes a file's text and nothing else about it (issue 14): a
//! write made by someone else while it writes is never lost, a symbolic link
//! stays a link, the owner, group and extended attributes stay, both names of
//! a hard-linked file see the fix, and no temporary file is left behind by
//! an interrupted run (SIGINT, SIGTERM), nor, after SIGKILL, by the next run
//! in that folder.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use common::*;

/// A small file with a deprecated spelling, a BOM and CRLF line ends.
const ORIGINAL: &str = "\u{feff}Line one.\r\nIn Kirman, again Kirman.\r\n";

/// How temporary copies of `--fix` begin.
const TEMPORARY_PREFIX: &str = ".termlint-fix-";

fn fixed(text: &str) -> String {
    text.replace("Kirman", "Kerman")
}

/// Runs `check --fix` on `files` in `dir`; returns (exit code, stderr).
fn fix(dir: &Path, files: &[&str]) -> (i32, String) {
    let output = fix_command(dir, files).output().expect("termlint runs");
    (
        code(&output),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("listable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The temporary copies of `--fix` in `dir`.
fn temporary_files(dir: &Path) -> Vec<String> {
    listing(dir)
        .into_iter()
        .filter(|name| name.starts_with(TEMPORARY_PREFIX))
        .collect()
}

/// Some 22 MB of Markdown whose only finding is at the start: most of it is
/// one code block, which the checks skip, so the check is quick while the
/// temporary copy takes tens of milliseconds to write and sync.
fn large_markdown() -> String {
    format!(
        "In Kirman.\n\n```\n{}```\n",
        "x = 1 + 2 # fine here\n".repeat(1_000_000)
    )
}

/// Starts `check --fix big.md` in `dir`, its output piped.
fn start_fix(dir: &Path) -> Child {
    fix_command(dir, &["big.md"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("termlint starts")
}

/// Waits until `--fix` has a temporary copy in `dir`; false if `child`
/// ended first.
fn wait_for_temporary_file(dir: &Path, child: &mut Child) -> bool {
    loop {
        if !temporary_files(dir).is_empty() {
            return true;
        }
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
    }
}

/// Appends numbered lines to `path`, opening it anew each time as a shell's
/// `>>` does, from the moment a temporary copy shows in `dir` until `done`.
/// Returns the lines appended, and whether the appends started while the
/// copy was being written (else the race was not run).
fn append_while_fix_writes(dir: &Path, path: &Path, done: &AtomicBool) -> (String, bool) {
    use std::io::Write;
    let mut appended = String::new();
    // Appends before the copy exists are seen by the first comparison.
    while temporary_files(dir).is_empty() {
        if done.load(Ordering::SeqCst) {
            return (appended, false);
        }
    }
    for number in 0.. {
        if done.load(Ordering::SeqCst) {
            break;
        }
        let line = format!("appended {number}\n");
        let mut file = fs::OpenOptions::new()
            .append(true)
            .open(path)
            .expect("opened to append");
        file.write_all(line.as_bytes()).expect("appended");
        appended.push_str(&line);
        std::thread::sleep(Duration::from_micros(200));
    }
    (appended, true)
}

#[test]
fn an_append_made_while_fix_writes_is_never_lost() {
    // The file is either fixed with every append after it, or left unfixed
    // with every append, the run saying it changed on disk.
    let original = large_markdown();
    for attempt in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        fs::write(&path, &original).unwrap();
        let done = Arc::new(AtomicBool::new(false));
        let appender = {
            let (dir, path, done) = (dir.path().to_path_buf(), path.clone(), Arc::clone(&done));
            std::thread::spawn(move || append_while_fix_writes(&dir, &path, &done))
        };
        let output = start_fix(dir.path()).wait_with_output().expect("termlint ends");
        done.store(true, Ordering::SeqCst);
        let (appended, raced) = appender.join().expect("appender");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let text = fs::read_to_string(&path).unwrap();
        match code(&output) {
            0 => assert!(
                text == fixed(&original) + &appended,
                "fixed, but an append was lost ({} of {} bytes appended are there): {stderr}",
                text.len().saturating_sub(fixed(&original).len()),
                appended.len()
            ),
            2 => {
                assert!(
                    stderr.contains("big.md: changed on disk since it was read; not fixed"),
                    "{stderr}"
                );
                assert!(
                    text == original.clone() + &appended,
                    "refused, but the file is not the original and the appends"
                );
            }
            other => panic!("exit {other}: {stderr}"),
        }
        assert_eq!(temporary_files(dir.path()), Vec::<String>::new());
        if raced {
            eprintln!(
                "attempt {attempt}: {} bytes appended from the moment the copy showed; exit {}",
                appended.len(),
                code(&output)
            );
            return;
        }
    }
    panic!("in 3 runs, no append started while --fix wrote its copy: the race was not run");
}

#[test]
fn a_symbolic_link_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/target.md"), ORIGINAL).unwrap();
    std::os::unix::fs::symlink("sub/target.md", dir.path().join("link.md")).unwrap();
    let (code, stderr) = fix(dir.path(), &["link.md"]);
    assert_eq!(code, 0, "{stderr}");
    let link = dir.path().join("link.md");
    assert!(
        fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "still a link"
    );
    assert_eq!(fs::read_link(&link).unwrap(), PathBuf::from("sub/target.md"));
    assert_eq!(
        fs::read_to_string(dir.path().join("sub/target.md")).unwrap(),
        fixed(ORIGINAL)
    );
    assert_eq!(listing(dir.path()), ["link.md", "sub"]);
    assert_eq!(listing(&dir.path().join("sub")), ["target.md"]);
}

#[test]
fn owner_and_group_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    if !am_root() {
        cannot_run_here("only root may give a file to another owner to test this");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, ORIGINAL).unwrap();
    std::os::unix::fs::chown(&path, Some(1234), Some(5678)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let (code, stderr) = fix(dir.path(), &["a.md"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed(ORIGINAL));
    let metadata = fs::metadata(&path).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (1234, 5678));
    assert_eq!(metadata.mode() & 0o7777, 0o640);
    assert_eq!(listing(dir.path()), ["a.md"]);
}

/// `setpriv` running a command as user and group 65534 with no other
/// groups, when this process may (it runs as root) and that user can run
/// termlint where it is built and read the test glossary; else why not.
fn as_another_user() -> Result<Command, String> {
    let setpriv = || {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command
    };
    let works = |command: &mut Command| command.output().is_ok_and(|o| o.status.success());
    if !am_root() {
        return Err("only root may run termlint as another user".into());
    }
    if !works(setpriv().arg(env!("CARGO_BIN_EXE_termlint")).arg("--version"))
        || !works(setpriv().arg("test").arg("-r").arg(test_glossary()))
    {
        return Err("`setpriv` cannot run termlint, or read the test glossary, as user 65534 here".into());
    }
    Ok(setpriv())
}

#[test]
fn a_file_whose_owner_the_copy_cannot_take_is_rewritten_in_place() {
    use std::os::unix::fs::PermissionsExt;
    let mut command = match as_another_user() {
        Ok(command) => command,
        Err(why) => {
            cannot_run_here(&why);
            return;
        }
    };
    // Root's file, writable by all, in a folder open to all: another user
    // may fix it, but could not give a copy to root.
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, ORIGINAL).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    let fix = fix_command(dir.path(), &["a.md"]);
    command
        .arg(fix.get_program())
        .args(fix.get_args())
        .current_dir(dir.path());
    for (key, value) in fix.get_envs() {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    let output = command.stdin(Stdio::null()).output().expect("setpriv runs");
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed(ORIGINAL));
    let metadata = fs::metadata(&path).unwrap();
    assert_eq!(
        (metadata.uid(), metadata.gid(), metadata.ino()),
        (0, 0, inode),
        "root's, the same file"
    );
    assert_eq!(metadata.mode() & 0o7777, 0o666);
    assert_eq!(listing(dir.path()), ["a.md"]);
}

#[test]
fn extended_attributes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, ORIGINAL).unwrap();
    if let Err(err) = xattr::set(&path, "user.termlint.test", b"kept") {
        cannot_run_here(&format!("this file system takes no user.* attribute ({err})"));
        return;
    }
    let (code, stderr) = fix(dir.path(), &["a.md"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed(ORIGINAL));
    assert_eq!(
        xattr::get(&path, "user.termlint.test").unwrap().as_deref(),
        Some(&b"kept"[..])
    );
}

#[test]
fn both_names_of_a_hard_linked_file_see_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a.md"), dir.path().join("b.md"));
    fs::write(&first, ORIGINAL).unwrap();
    fs::hard_link(&first, &second).unwrap();
    let inode = fs::metadata(&first).unwrap().ino();
    let (code, stderr) = fix(dir.path(), &["a.md"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&first).unwrap(), fixed(ORIGINAL));
    assert_eq!(fs::read_to_string(&second).unwrap(), fixed(ORIGINAL));
    let metadata = fs::metadata(&first).unwrap();
    assert_eq!(
        (metadata.ino(), metadata.nlink()),
        (inode, 2),
        "the same file, still linked twice"
    );
    assert_eq!(listing(dir.path()), ["a.md", "b.md"]);
}

/// Starts `--fix` on a large file, sends `signal` while it writes its
/// temporary copy, and returns how it ended and its standard error.
fn interrupt_fix(dir: &Path, signal: i32) -> (std::process::ExitStatus, String) {
    fs::write(dir.join("big.md"), large_markdown()).unwrap();
    let mut child = start_fix(dir);
    assert!(
        wait_for_temporary_file(dir, &mut child),
        "--fix ended before it wrote"
    );
    // SAFETY: kill(2) on our own child's pid, which has not been waited for.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, signal) };
    assert_eq!(sent, 0, "signal sent");
    let output = child.wait_with_output().expect("termlint ends");
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn sigint_and_sigterm_leave_no_temporary_file() {
    let original = large_markdown();
    for (signal, status) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let dir = tempfile::tempdir().unwrap();
        let (exit, stderr) = interrupt_fix(dir.path(), signal);
        assert_eq!(exit.code(), Some(status), "signal {signal}: {exit:?} {stderr}");
        assert_eq!(
            temporary_files(dir.path()),
            Vec::<String>::new(),
            "signal {signal}"
        );
        let text = fs::read_to_string(dir.path().join("big.md")).unwrap();
        assert!(text == original || text == fixed(&original), "whole, old or new");
    }
}

/// Sets the modification time of `path` to `age` ago.
fn age(path: &Path, age: Duration) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

#[test]
fn a_temporary_file_left_by_sigkill_is_removed_by_the_next_run() {
    // Nothing can clean up after SIGKILL; the next run that writes in the
    // folder removes such a copy once its run is gone and it is over a
    // minute old — never one whose run may still be writing it.
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let (exit, stderr) = interrupt_fix(dir.path(), libc::SIGKILL);
    assert_eq!(exit.code(), None, "killed: {stderr}");
    let leftovers = temporary_files(dir.path());
    assert_eq!(leftovers.len(), 1, "SIGKILL leaves the copy: {leftovers:?}");
    let killed = dir.path().join(&leftovers[0]);
    age(&killed, Duration::from_secs(120));
    // The same dead run's copy, but recent; and an old one of a live run.
    let recent = dir.path().join(format!("{}-recent", leftovers[0]));
    fs::write(&recent, "").unwrap();
    let live = dir
        .path()
        .join(format!("{TEMPORARY_PREFIX}{}-live00", std::process::id()));
    fs::write(&live, "").unwrap();
    age(&live, Duration::from_secs(120));
    fs::write(dir.path().join("a.md"), ORIGINAL).unwrap();
    let (code, stderr) = fix(dir.path(), &["a.md"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.md")).unwrap(),
        fixed(ORIGINAL)
    );
    let mut kept = vec![
        recent.file_name().unwrap().to_string_lossy().into_owned(),
        live.file_name().unwrap().to_string_lossy().into_owned(),
    ];
    kept.sort();
    assert_eq!(
        temporary_files(dir.path()),
        kept,
        "{:?} after {:?}",
        leftovers,
        started.elapsed()
    );
}
