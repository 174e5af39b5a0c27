//! The temporary copies that fixes are written to: named after the process
//! that writes them, listed while in flight so that a signal handler can
//! remove them ([`abandon_writes`]), and removed by a later run when a
//! process died without that chance ([`remove_stale`]).

use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// How every temporary copy's name begins; the writing process's id and a
/// `-` follow, then random characters.
const PREFIX: &str = ".termlint-fix-";

/// How old a copy of a process that is gone must be before a later run
/// removes it: a folder may be shared with machines whose processes this
/// one cannot see, and their copies are written within seconds.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// The paths of the copies in flight. Held while a copy is created and
/// listed, and while it is renamed or written back and unlisted, so that
/// [`abandon_writes`] never sees half of either.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The folders this process has cleared of stale copies.
static CLEARED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The lists stay sound whatever a panicking holder did.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes the temporary copies of the writes in flight and stops every
/// write from going on: for a process about to exit on a signal. A rename
/// or a rewrite in place under way is waited for, so the file written is
/// whole, old or new.
pub fn abandon_writes() {
    let mut in_flight = lock(&IN_FLIGHT);
    for path in in_flight.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    // Never unlocked: a write that would create, rename or write back a
    // copy now waits until the process exits.
    std::mem::forget(in_flight);
}

/// A temporary copy, listed as in flight until it is renamed, kept or
/// removed (when dropped).
pub(super) struct Copy {
    file: Option<NamedTempFile>,
}

impl Copy {
    /// Creates an empty copy in `folder`, readable and writable by its
    /// owner only.
    pub(super) fn create_in(folder: &Path) -> std::io::Result<Copy> {
        let mut in_flight = lock(&IN_FLIGHT);
        let file = tempfile::Builder::new()
            .prefix(&format!("{PREFIX}{}-", std::process::id()))
            .tempfile_in(folder)?;
        in_flight.push(file.path().to_path_buf());
        Ok(Copy { file: Some(file) })
    }

    /// The open copy.
    pub(super) fn file(&mut self) -> &mut File {
        self.file
            .as_mut()
            .expect("a copy is there until finished")
            .as_file_mut()
    }

    /// Where the copy is.
    pub(super) fn path(&self) -> PathBuf {
        self.file
            .as_ref()
            .expect("a copy is there until finished")
            .path()
            .to_path_buf()
    }

    /// Runs `finish` (the last check, then the rename or the rewrite in
    /// place) where no signal handler can remove the copy or stop the
    /// process half-way; then unlists the copy, and removes it unless
    /// `finish` renamed it (`Renamed`) or asked to keep it (`Keep`).
    pub(super) fn finish<T>(mut self, finish: impl FnOnce(&mut Option<NamedTempFile>) -> Finished<T>) -> T {
        let mut in_flight = lock(&IN_FLIGHT);
        let path = self.path();
        let (outcome, keep) = match finish(&mut self.file) {
            Finished::Remove(outcome) => (outcome, false),
            Finished::Keep(outcome) => (outcome, true),
        };
        match self.file.take() {
            Some(file) if keep => drop(file.keep()),
            Some(file) => drop(file.close()),
            None => {}
        }
        in_flight.retain(|listed| *listed != path);
        outcome
    }
}

/// What [`Copy::finish`] does with the copy after it.
pub(super) enum Finished<T> {
    /// Removes it, if it is still there (not renamed).
    Remove(T),
    /// Keeps it where it is: it holds the only whole fixed text.
    Keep(T),
}

impl Drop for Copy {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut in_flight = lock(&IN_FLIGHT);
            let path = file.path().to_path_buf();
            let _ = file.close();
            in_flight.retain(|listed| *listed != path);
        }
    }
}

/// Removes from `folder` the copies that processes killed before they could
/// (SIGKILL, a crash, a power cut) left: a regular file named as termlint
/// names them, not modified for a minute, and whose process is not running
/// here (a name without a process id, from an older termlint, is judged by
/// its age alone). Looks at each folder once per process; errors are
/// ignored, as the copies only take space.
pub(super) fn remove_stale(folder: &Path) {
    let first_time = lock(&CLEARED)
        .get_or_insert_with(HashSet::new)
        .insert(folder.to_path_buf());
    if !first_time {
        return;
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|name| name.strip_prefix(PREFIX)) else {
            continue;
        };
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let old = metadata
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if metadata.is_file() && old && !writer_may_be_running(rest) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the process named at the start of a copy's name (after the
/// prefix) may still be writing it.
fn writer_may_be_running(rest_of_name: &str) -> bool {
    let Some((pid, _)) = rest_of_name.split_once('-') else {
        return false;
    };
    match pid.parse::<u32>() {
        Ok(pid) => is_running(pid),
        Err(_) => false,
    }
}

/// Whether a process `pid` runs on this machine (or may: where that cannot
/// be told, it is taken to run).
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    // 0 and ids beyond i32 would name process groups or nothing.
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    if pid <= 0 {
        return true;
    }
    // SAFETY: signal 0 only checks that the process exists; it sends nothing.
    let found = unsafe { libc::kill(pid, 0) } == 0;
    found || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_listed_in_flight_until_it_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let copy = Copy::create_in(dir.path()).unwrap();
        let path = copy.path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        assert!(
            name.starts_with(&format!(".termlint-fix-{}-", std::process::id())),
            "{name}"
        );
        assert!(lock(&IN_FLIGHT).contains(&path));
        drop(copy);
        assert!(!lock(&IN_FLIGHT).contains(&path));
        assert!(!path.exists());
    }

    #[test]
    fn the_writer_of_a_copy_is_read_from_its_name() {
        assert!(writer_may_be_running(&format!("{}-abcdef", std::process::id())));
        // An old name without a process id.
        assert!(!writer_may_be_running("Ab3dEf"));
        // Process ids that would name a process group are never judged gone.
        assert!(writer_may_be_running("0-abcdef"));
        assert!(writer_may_be_running("4294967295-abcdef"));
    }
}
