//! Writing a fixed text over its file, losing nothing else of the file: not
//! a write someone made meanwhile, not the symbolic link it was named by,
//! not its mode, owner, group, extended attributes or other hard links.

use std::fs::{File, Metadata};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use tempfile::NamedTempFile;

use super::temporary::{remove_stale, Copy, Finished};
use super::FixError;
use crate::i18n::io_reason;

/// Writes `new` over the file at `path`, if it still holds `old`; see the
/// invariants of [`crate::fix`]. Through a symbolic link, the file it
/// names is written. A read-only file is not written (permission denied),
/// even where the folder would let termlint replace it.
pub fn write_atomically(path: &Path, old: &str, new: &str) -> Result<(), FixError> {
    write_atomically_with(path, old, new, |file, bytes| file.write_all(bytes))
}

/// [`write_atomically`] with every writing of bytes left to `write`: the
/// new text to the temporary copy and, in place, to the original, and the
/// old text back after a failed rewrite in place. A seam for the tests that
/// inject write errors.
pub(super) fn write_atomically_with(
    path: &Path,
    old: &str,
    new: &str,
    mut write: impl FnMut(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<(), FixError> {
    // Through a symbolic link, its target is written, beside the target:
    // renaming over the link would turn it into a file.
    let target = std::fs::canonicalize(path).map_err(io)?;
    let mut original = Original::open(&target)?;
    if !original.holds(old.as_bytes()).map_err(io)? {
        return Err(FixError::ChangedOnDisk);
    }
    if original.metadata.permissions().readonly() {
        return Err(io(std::io::ErrorKind::PermissionDenied.into()));
    }
    let folder = target.parent().unwrap_or(Path::new("."));
    remove_stale(folder);
    let mut copy = Copy::create_in(folder).map_err(io)?;
    write(copy.file(), new.as_bytes()).map_err(io)?;
    // Renaming replaces the inode: only a copy that has all the original
    // has besides its text may take its place.
    let keeps_all = give_attributes(&original, copy.file()) && !has_other_names(&original.metadata);
    copy.file().sync_all().map_err(io)?;
    if keeps_all {
        rename_over(copy, &original, &target)
    } else {
        rewrite_in_place(copy, &original, &target, [old, new], &mut write)
    }
}

fn io(error: std::io::Error) -> FixError {
    FixError::Io(io_reason(&error))
}

/// The file as it was when it was compared with the text termlint read.
struct Original {
    file: File,
    metadata: Metadata,
    version: Version,
}

impl Original {
    fn open(target: &Path) -> Result<Original, FixError> {
        let file = File::open(target).map_err(io)?;
        let metadata = file.metadata().map_err(io)?;
        if !metadata.is_file() {
            // It was read as a regular file: something else is there now.
            return Err(FixError::ChangedOnDisk);
        }
        // Taken before the bytes are compared: a write during the reading
        // shows at the last check.
        let version = Version::of(&metadata);
        Ok(Original {
            file,
            metadata,
            version,
        })
    }

    /// Whether the file holds exactly `expected`, read through its own
    /// handle piece by piece (never a third copy of the text in memory).
    fn holds(&mut self, expected: &[u8]) -> std::io::Result<bool> {
        if self.metadata.len() != expected.len() as u64 {
            return Ok(false);
        }
        let mut piece = vec![0; 64 * 1024];
        let mut rest = expected;
        loop {
            let read = match self.file.read(&mut piece) {
                Ok(read) => read,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if read == 0 {
                return Ok(rest.is_empty());
            }
            if read > rest.len() || piece[..read] != rest[..read] {
                return Ok(false);
            }
            rest = &rest[read..];
        }
    }

    /// Checks, as the last thing before the file is replaced or rewritten,
    /// that it is as it was when compared and that `target` still names it.
    /// What remains is the moment between this check and the rename.
    fn unchanged(&self, target: &Path) -> Result<(), FixError> {
        let now = self.file.metadata().map_err(io)?;
        let named = std::fs::symlink_metadata(target).map_err(io)?;
        if Version::of(&now) == self.version && Version::of(&named).is_file_of(&self.version) {
            Ok(())
        } else {
            Err(FixError::ChangedOnDisk)
        }
    }
}

/// What changes when a file is written, truncated, replaced or has its
/// attributes changed: its inode, size, and modification and status-change
/// times to the nanosecond.
#[cfg(unix)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Version {
    device: u64,
    inode: u64,
    size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

#[cfg(unix)]
impl Version {
    fn of(metadata: &Metadata) -> Version {
        use std::os::unix::fs::MetadataExt;
        Version {
            device: metadata.dev(),
            inode: metadata.ino(),
            size: metadata.size(),
            modified: (metadata.mtime(), metadata.mtime_nsec()),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
        }
    }

    /// Whether both are versions of one file.
    fn is_file_of(&self, other: &Version) -> bool {
        (self.device, self.inode) == (other.device, other.inode)
    }
}

/// Elsewhere, the size and modification time.
#[cfg(not(unix))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Version {
    size: u64,
    modified: Option<std::time::SystemTime>,
}

#[cfg(not(unix))]
impl Version {
    fn of(metadata: &Metadata) -> Version {
        Version {
            size: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }

    fn is_file_of(&self, other: &Version) -> bool {
        self == other
    }
}

/// Whether other hard links share the file, which a rename would split.
fn has_other_names(metadata: &Metadata) -> bool {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(metadata) > 1
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        false
    }
}

/// Gives the copy the original's owner and group (where this process may
/// give files away), mode and extended attributes; false when one of them
/// could not be given.
#[cfg(unix)]
fn give_attributes(original: &Original, copy: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (from, to) = match copy.metadata() {
        Ok(to) => (&original.metadata, to),
        Err(_) => return false,
    };
    let changed = |was: u32, is: u32| (was != is).then_some(was);
    let (owner, group) = (changed(from.uid(), to.uid()), changed(from.gid(), to.gid()));
    let owned = (owner.is_none() && group.is_none()) || std::os::unix::fs::fchown(copy, owner, group).is_ok();
    // After the owner: chown clears set-user-id and set-group-id bits.
    let moded = copy.set_permissions(from.permissions()).is_ok();
    owned && moded && copy_extended_attributes(&original.file, copy)
}

#[cfg(not(unix))]
fn give_attributes(original: &Original, copy: &File) -> bool {
    copy.set_permissions(original.metadata.permissions()).is_ok()
}

/// Makes the extended attributes of `to` those of `from` (`user.*`, ACLs,
/// security labels): copies each, and removes those `to` got from its
/// folder (an inherited default ACL). False when one could not be set or
/// removed.
#[cfg(unix)]
fn copy_extended_attributes(from: &File, to: &File) -> bool {
    use xattr::FileExt;
    let list = |file: &File| match file.list_xattr() {
        Ok(names) => Some(names.collect::<Vec<_>>()),
        // A file system without them: nothing to copy.
        Err(err) if err.kind() == std::io::ErrorKind::Unsupported => Some(Vec::new()),
        Err(_) => None,
    };
    let (Some(wanted), Some(present)) = (list(from), list(to)) else {
        return false;
    };
    let removed = present
        .iter()
        .filter(|name| !wanted.contains(name))
        .all(|name| to.remove_xattr(name).is_ok());
    removed
        && wanted.iter().all(|name| match from.get_xattr(name) {
            Ok(Some(value)) => {
                to.get_xattr(name).ok().flatten().as_ref() == Some(&value)
                    || to.set_xattr(name, &value).is_ok()
            }
            // Gone since it was listed.
            Ok(None) => true,
            Err(_) => false,
        })
}

/// Renames the finished copy over the original, once it is checked to be
/// unchanged.
fn rename_over(copy: Copy, original: &Original, target: &Path) -> Result<(), FixError> {
    copy.finish(|file: &mut Option<NamedTempFile>| {
        if let Err(changed) = original.unchanged(target) {
            return Finished::Remove(Err(changed));
        }
        let Some(named) = file.take() else {
            return Finished::Remove(Ok(()));
        };
        match named.persist(target) {
            Ok(_) => Finished::Remove(Ok(())),
            Err(failed) => {
                *file = Some(failed.file);
                Finished::Remove(Err(io(failed.error)))
            }
        }
    })
}

/// Writes the new text over the original through a handle of its own, which
/// keeps its inode and with it the other names, owner and attributes that
/// a rename would lose; done once the whole copy is synced. If the rewrite
/// fails, the old text is written back; if that fails too, the copy, which
/// holds the whole fixed text, is kept and named in the error.
fn rewrite_in_place(
    copy: Copy,
    original: &Original,
    target: &Path,
    [old, new]: [&str; 2],
    write: &mut impl FnMut(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<(), FixError> {
    let path = copy.path();
    copy.finish(|_| {
        let mut file = match open_for_rewriting(original, target) {
            Ok(file) => file,
            Err(error) => return Finished::Remove(Err(error)),
        };
        if let Err(changed) = original.unchanged(target) {
            return Finished::Remove(Err(changed));
        }
        let Err(error) = overwrite(&mut file, new.as_bytes(), write) else {
            return Finished::Remove(Ok(()));
        };
        match overwrite(&mut file, old.as_bytes(), write) {
            Ok(()) => Finished::Remove(Err(io(error))),
            Err(_) => Finished::Keep(Err(FixError::Damaged {
                reason: io_reason(&error),
                copy: path,
            })),
        }
    })
}

/// The original opened for writing, if `target` still names it.
fn open_for_rewriting(original: &Original, target: &Path) -> Result<File, FixError> {
    let file = File::options().write(true).open(target).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if Version::of(&metadata).is_file_of(&original.version) {
        Ok(file)
    } else {
        Err(FixError::ChangedOnDisk)
    }
}

/// Makes `file` hold exactly `bytes`, synced.
fn overwrite(
    file: &mut File,
    bytes: &[u8],
    write: &mut impl FnMut(&mut File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    write(file, bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The temporary copies in `folder`.
    fn copies_in(folder: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                path.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(".termlint-fix-")
            })
            .collect()
    }

    const ORIGINAL: &str = "\u{feff}Line one.\r\nIn Kirman, again Kirman.\r\n";

    fn fixed() -> String {
        ORIGINAL.replace("Kirman", "Kerman")
    }

    #[test]
    fn writes_atomically_and_refuses_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "Kirman").unwrap();
        write_atomically(&path, "Kirman", "Kerman").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Kerman");
        assert_eq!(
            write_atomically(&path, "Kirman", "Kerman"),
            Err(FixError::ChangedOnDisk)
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn a_failing_writer_keeps_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, ORIGINAL).unwrap();
        // Half the bytes written, then the disk fails.
        let result = write_atomically_with(&path, ORIGINAL, &fixed(), |file, bytes| {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(std::io::Error::other("injected: no space left on device"))
        });
        let Err(FixError::Io(_)) = result else {
            panic!("the injected error is reported: {result:?}");
        };
        assert_eq!(std::fs::read_to_string(&path).unwrap(), ORIGINAL);
        let listing = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(listing, 1, "the temporary file is removed");
        // The same write without the fault succeeds, BOM and CRLF kept.
        write_atomically(&path, ORIGINAL, &fixed()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed());
    }

    #[test]
    fn an_append_while_the_copy_is_written_is_kept_and_the_fix_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, ORIGINAL).unwrap();
        let result = write_atomically_with(&path, ORIGINAL, &fixed(), |file, bytes| {
            // Someone appends while termlint writes its copy.
            let mut other = File::options().append(true).open(&path)?;
            other.write_all(b"Appended.\r\n")?;
            file.write_all(bytes)
        });
        assert_eq!(result, Err(FixError::ChangedOnDisk));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{ORIGINAL}Appended.\r\n")
        );
        assert_eq!(copies_in(dir.path()), Vec::<PathBuf>::new());
    }

    #[test]
    fn a_failed_rewrite_in_place_writes_the_old_text_back() {
        let dir = tempfile::tempdir().unwrap();
        let (path, other_name) = (dir.path().join("a.md"), dir.path().join("b.md"));
        std::fs::write(&path, ORIGINAL).unwrap();
        std::fs::hard_link(&path, &other_name).unwrap();
        let mut calls = 0;
        // The copy is written; the rewrite in place fails half-way.
        let result = write_atomically_with(&path, ORIGINAL, &fixed(), |file, bytes| {
            calls += 1;
            if calls == 2 {
                file.write_all(&bytes[..bytes.len() / 2])?;
                return Err(std::io::Error::other("injected: I/O error"));
            }
            file.write_all(bytes)
        });
        assert!(matches!(result, Err(FixError::Io(_))), "{result:?}");
        assert_eq!(calls, 3, "copy, rewrite, the old text back");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), ORIGINAL);
        assert_eq!(std::fs::read_to_string(&other_name).unwrap(), ORIGINAL);
        assert_eq!(copies_in(dir.path()), Vec::<PathBuf>::new());
    }

    #[test]
    fn when_the_old_text_cannot_be_written_back_the_copy_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (path, other_name) = (dir.path().join("a.md"), dir.path().join("b.md"));
        std::fs::write(&path, ORIGINAL).unwrap();
        std::fs::hard_link(&path, &other_name).unwrap();
        let mut calls = 0;
        let result = write_atomically_with(&path, ORIGINAL, &fixed(), |file, bytes| {
            calls += 1;
            if calls == 1 {
                return file.write_all(bytes);
            }
            file.write_all(&bytes[..1])?;
            Err(std::io::Error::other("injected: I/O error"))
        });
        let Err(FixError::Damaged { copy, .. }) = result else {
            panic!("the damage is reported: {result:?}");
        };
        assert_eq!(copies_in(dir.path()), std::slice::from_ref(&copy));
        assert_eq!(
            std::fs::read_to_string(&copy).unwrap(),
            fixed(),
            "the whole fixed text"
        );
    }
}
