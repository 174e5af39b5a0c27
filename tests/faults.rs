//! No data loss under faults (issue 8): when `--fix` cannot write a file —
//! a read-only folder or file system, a full disk, a read-only file, the
//! file changed since it was read, a failing writer — the original stays
//! byte for byte as it was, no temporary file is left behind, and the run
//! says so and exits with status 2.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use termlint::fix::{write_atomically, FixError};

/// A file with a deprecated spelling, CRLF line ends and a BOM.
const ORIGINAL: &str = "\u{feff}Line one.\r\nIn Kirman, again Kirman.\r\n";

/// Runs `check --fix` on `file` in `dir`; returns (exit code, stderr).
fn fix(dir: &Path, file: &str) -> (i32, String) {
    let output = fix_command(dir, &[file]).output().expect("termlint runs");
    (
        code(&output),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Asserts that `stderr` of a `--fix` run on [`ORIGINAL`] reports both
/// findings, none fixed, and the file left unchanged for a reason.
fn assert_fix_refused(stderr: &str) {
    assert!(
        stderr.contains("fixed 0 findings in 0 files\n2 findings (2 errors, 0 warnings) in 1 file\n"),
        "{stderr}"
    );
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("error: a.md: the fix could not be written (")
            && last.ends_with("); the file is unchanged"),
        "{stderr}"
    );
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

/// A small tmpfs, unmounted on drop; `None` where mounting is not allowed.
struct Tmpfs {
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let path = dir.path().join("mnt");
        fs::create_dir(&path).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then_some(Tmpfs { path, _dir: dir })
    }

    fn remount_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[test]
fn a_read_only_folder_keeps_the_original() {
    let (dir, folder);
    let _mount;
    if am_root() {
        // Root writes into any folder whatever its mode: use a read-only mount.
        let Some(tmpfs) = Tmpfs::mount("1m") else {
            cannot_run_here("running as root without permission to mount a tmpfs");
            return;
        };
        fs::write(tmpfs.path.join("a.md"), ORIGINAL).unwrap();
        assert!(tmpfs.remount_read_only(), "remount read-only");
        folder = tmpfs.path.clone();
        _mount = Some(tmpfs);
        dir = None;
    } else {
        use std::os::unix::fs::PermissionsExt;
        let temp = tempfile::tempdir().unwrap();
        fs::write(temp.path().join("a.md"), ORIGINAL).unwrap();
        fs::set_permissions(temp.path(), fs::Permissions::from_mode(0o555)).unwrap();
        folder = temp.path().to_path_buf();
        dir = Some(temp);
        _mount = None;
    }
    let (code, stderr) = fix(&folder, "a.md");
    assert_eq!(code, 2, "{stderr}");
    assert_fix_refused(&stderr);
    assert_eq!(fs::read_to_string(folder.join("a.md")).unwrap(), ORIGINAL);
    assert_eq!(listing(&folder), ["a.md"]);
    if let Some(temp) = dir {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(temp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn a_full_disk_keeps_the_original() {
    let Some(tmpfs) = Tmpfs::mount("64k") else {
        cannot_run_here("mounting a small tmpfs needs root (or CAP_SYS_ADMIN)");
        return;
    };
    // 40 KB of text: the temporary copy cannot fit beside it and the filler.
    let text = format!("{}In Kirman.\n", "Kerman is fine here.\n".repeat(2000));
    fs::write(tmpfs.path.join("a.md"), &text).unwrap();
    let mut filler = fs::File::create(tmpfs.path.join("filler.bin")).unwrap();
    let _ = std::io::Write::write_all(&mut filler, &[0u8; 64 * 1024]);
    drop(filler);
    let (code, stderr) = fix(&tmpfs.path, "a.md");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("a.md: the fix could not be written"), "{stderr}");
    assert_eq!(fs::read_to_string(tmpfs.path.join("a.md")).unwrap(), text);
    assert_eq!(listing(&tmpfs.path), ["a.md", "filler.bin"]);
}

#[test]
fn a_read_only_file_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, ORIGINAL).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let (code, stderr) = fix(dir.path(), "a.md");
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.ends_with(
            "error: a.md: the fix could not be written (permission denied); the file is unchanged\n"
        ),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), ORIGINAL);
    assert_eq!(listing(dir.path()), ["a.md"]);
}

#[test]
fn a_file_changed_or_replaced_since_it_was_read_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, ORIGINAL).unwrap();
    // Changed in place after termlint read it.
    let edited = ORIGINAL.replace("again", "and");
    fs::write(&path, &edited).unwrap();
    let fixed = ORIGINAL.replace("Kirman", "Kerman");
    assert_eq!(
        write_atomically(&path, ORIGINAL, &fixed),
        Err(FixError::ChangedOnDisk)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    // Replaced by another file (as editors save) after termlint read it.
    let other = dir.path().join("other.md");
    fs::write(&other, "Someone else's text.\n").unwrap();
    fs::rename(&other, &path).unwrap();
    assert_eq!(
        write_atomically(&path, ORIGINAL, &fixed),
        Err(FixError::ChangedOnDisk)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "Someone else's text.\n");
    // Deleted after termlint read it: nothing is created.
    fs::remove_file(&path).unwrap();
    assert!(matches!(
        write_atomically(&path, ORIGINAL, &fixed),
        Err(FixError::Io(_))
    ));
    assert_eq!(listing(dir.path()), Vec::<String>::new());
}
