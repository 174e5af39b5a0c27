//! Reading a file whole, as termlint reads every file it is given:
//! regular files only, and each kind of file within a size limit.
//!
//! A FIFO may block forever and a device (`/dev/zero`) may never end, so
//! neither is read; a glossary, configuration or path list larger than
//! its limit is refused before it fills memory. The limits have defaults
//! and an environment variable each ([`LimitedFile::variable`]), read by
//! the caller (the binary) and handed in: the library reads no environment.

use std::io::Read;
use std::path::Path;

use bytesize::ByteSize;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The path is a FIFO, a device or a socket.
    NotRegular,
    /// The file is larger than this limit.
    TooLarge(SizeLimit),
    /// The system's error.
    Io(std::io::Error),
}

/// The kinds of files read whole into memory, each with its own limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitedFile {
    /// A glossary file (TOML, TBX, CSV or TSV).
    Glossary,
    /// A `termlint.toml`.
    Configuration,
    /// The list of paths of `--files-from`.
    PathList,
    /// A project's uses of forms (`--project-usage`, `merge`).
    Usage,
}

impl LimitedFile {
    /// The environment variable that sets this kind's limit.
    pub fn variable(self) -> &'static str {
        match self {
            LimitedFile::Glossary => "TERMLINT_MAX_GLOSSARY_SIZE",
            LimitedFile::Configuration => "TERMLINT_MAX_CONFIG_SIZE",
            LimitedFile::PathList => "TERMLINT_MAX_PATH_LIST_SIZE",
            LimitedFile::Usage => "TERMLINT_MAX_USAGE_SIZE",
        }
    }

    /// The limit when the variable is not set. A configuration is a page of
    /// settings; a glossary may hold a million concepts; a path list may be
    /// a whole Hadoop split (128 MiB).
    pub fn default_limit(self) -> SizeLimit {
        let bytes = match self {
            LimitedFile::Glossary | LimitedFile::PathList | LimitedFile::Usage => ByteSize::mib(256),
            LimitedFile::Configuration => ByteSize::mib(16),
        };
        SizeLimit {
            kind: self,
            bytes: bytes.as_u64(),
        }
    }

    /// The limit `lookup` gives this kind's variable (`"512 MiB"`, `"1GB"`,
    /// a number of bytes), else the default.
    pub fn limit(self, lookup: impl Fn(&str) -> Option<String>) -> Result<SizeLimit, BadSizeLimit> {
        let Some(value) = lookup(self.variable()) else {
            return Ok(self.default_limit());
        };
        match value.trim().parse::<ByteSize>() {
            Ok(bytes) => Ok(SizeLimit {
                kind: self,
                bytes: bytes.as_u64(),
            }),
            Err(_) => Err(BadSizeLimit {
                variable: self.variable(),
                value,
            }),
        }
    }
}

/// The most bytes read from one file of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeLimit {
    /// The kind of file the limit is for.
    pub kind: LimitedFile,
    /// The limit in bytes.
    pub bytes: u64,
}

impl std::fmt::Display for SizeLimit {
    /// The limit as people write it (`256.0 MiB`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", ByteSize::b(self.bytes))
    }
}

/// A limit's variable holds something that is not a size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadSizeLimit {
    /// The variable.
    pub variable: &'static str,
    /// Its value.
    pub value: String,
}

/// The bytes of the regular file at `path` (following symbolic links), no
/// more than `limit` of them when there is one. FIFOs, devices and sockets
/// are refused before they are read.
pub fn read(path: &Path, limit: Option<SizeLimit>) -> Result<Vec<u8>, ReadError> {
    let whole = read_unless(path, limit, |_| false)?;
    Ok(whole.unwrap_or_default())
}

/// How much of a file [`read_unless`] reads before it judges the file.
pub const FIRST_BLOCK: usize = 8192;

/// [`read`], except that a file whose first [`FIRST_BLOCK`] bytes `refuse`
/// turns down is not read further (`None`): a binary document is known by
/// a NUL near its start, and reading all of a 2 GB image to skip it would
/// hold 2 GB.
pub fn read_unless(
    path: &Path,
    limit: Option<SizeLimit>,
    refuse: impl FnOnce(&[u8]) -> bool,
) -> Result<Option<Vec<u8>>, ReadError> {
    // Opened without blocking (a FIFO would wait for a writer), then
    // examined through the open file: one path lookup per file.
    let file = match open_without_blocking(path) {
        Ok(file) => file,
        Err(err) => {
            // Sockets cannot be opened at all: say what they are.
            let metadata = std::fs::metadata(path).map_err(ReadError::Io)?;
            return Err(match metadata.is_file() {
                true => ReadError::Io(err),
                false => ReadError::NotRegular,
            });
        }
    };
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular);
    }
    if let Some(limit) = limit.filter(|limit| metadata.len() > limit.bytes) {
        return Err(ReadError::TooLarge(limit));
    }
    let mut file = file;
    // Room for the first block only: a huge binary file is judged before
    // its size is reserved.
    let expected = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    let mut start = Vec::new();
    start
        .try_reserve_exact(expected.min(FIRST_BLOCK))
        .map_err(|_| ReadError::Io(std::io::ErrorKind::OutOfMemory.into()))?;
    (&mut file)
        .take(FIRST_BLOCK as u64)
        .read_to_end(&mut start)
        .map_err(ReadError::Io)?;
    if refuse(&start) {
        return Ok(None);
    }
    if start.len() < FIRST_BLOCK {
        // Short of the block: the end was reached (most documents), though
        // a file of `/proc` may still be over a limit its size hid.
        return match limit {
            Some(limit) if start.len() as u64 > limit.bytes => Err(ReadError::TooLarge(limit)),
            _ => Ok(Some(start)),
        };
    }
    read_within(file, metadata.len(), limit, start).map(Some)
}

/// All of `reader` (standard input), unless it gives more than `limit`.
pub fn read_stream(reader: impl Read, limit: SizeLimit) -> Result<Vec<u8>, ReadError> {
    read_within(reader, 0, Some(limit), Vec::new())
}

/// Reads to the end after the bytes `read` so far, reserving room for
/// `expected` bytes in all first; stops one byte past `limit` in all, since
/// the size on disk may change while it is read (and a file of `/proc` says
/// it is empty).
fn read_within(
    reader: impl Read,
    expected: u64,
    limit: Option<SizeLimit>,
    read: Vec<u8>,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = read;
    let expected = usize::try_from(expected).unwrap_or(usize::MAX);
    bytes
        .try_reserve_exact(expected.saturating_sub(bytes.len()))
        .map_err(|_| ReadError::Io(std::io::ErrorKind::OutOfMemory.into()))?;
    let most = limit.map_or(u64::MAX, |limit| {
        limit.bytes.saturating_add(1).saturating_sub(bytes.len() as u64)
    });
    reader.take(most).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    match limit {
        Some(limit) if bytes.len() as u64 > limit.bytes => Err(ReadError::TooLarge(limit)),
        _ => Ok(bytes),
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(bytes: u64) -> SizeLimit {
        SizeLimit {
            kind: LimitedFile::Glossary,
            bytes,
        }
    }

    #[test]
    fn a_file_of_exactly_the_limit_is_read_one_byte_more_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("terms.toml");
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read(&path, Some(limit(5))).unwrap(), b"12345");
        assert!(matches!(read(&path, Some(limit(4))), Err(ReadError::TooLarge(_))));
        assert_eq!(read(&path, None).unwrap(), b"12345");
    }

    #[test]
    fn a_stream_stops_one_byte_past_its_limit() {
        let endless = std::io::repeat(b'a');
        assert!(matches!(
            read_stream(endless, limit(10)),
            Err(ReadError::TooLarge(_))
        ));
        assert_eq!(read_stream(&b"ab"[..], limit(2)).unwrap(), b"ab");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_not_regular() {
        assert!(matches!(
            read(Path::new("/dev/zero"), None),
            Err(ReadError::NotRegular)
        ));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read(dir.path(), None), Err(ReadError::NotRegular)));
    }

    #[test]
    fn limits_are_read_as_people_write_them() {
        let lookup = |value: &'static str| move |_: &str| Some(value.to_string());
        let kind = LimitedFile::Configuration;
        assert_eq!(kind.limit(lookup("1 KiB")).unwrap().bytes, 1024);
        assert_eq!(kind.limit(lookup("2MB")).unwrap().bytes, 2_000_000);
        assert_eq!(kind.limit(lookup("300")).unwrap().bytes, 300);
        assert_eq!(kind.limit(|_| None).unwrap(), kind.default_limit());
        let bad = kind.limit(lookup("lots")).unwrap_err();
        assert_eq!(bad.variable, "TERMLINT_MAX_CONFIG_SIZE");
        assert_eq!(limit(1024).to_string(), "1.0 KiB");
    }

    #[test]
    fn a_file_refused_by_its_first_block_is_not_read_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("image.png");
        let mut bytes = vec![b'a'; 3 * FIRST_BLOCK];
        bytes[10] = 0;
        std::fs::write(&path, &bytes).unwrap();
        let mut seen = 0;
        let read = read_unless(&path, None, |start| {
            seen = start.len();
            start.contains(&0)
        });
        assert!(matches!(read, Ok(None)));
        assert_eq!(seen, FIRST_BLOCK);
        bytes[10] = b'a';
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(
            read_unless(&path, None, |s| s.contains(&0)).unwrap(),
            Some(bytes.clone())
        );
        assert!(matches!(
            read_unless(&path, Some(limit(2 * FIRST_BLOCK as u64)), |_| false),
            Err(ReadError::TooLarge(l)) if l.bytes == 2 * FIRST_BLOCK as u64
        ));
    }
}
