//! Reading the inputs: regular files only, decoded as UTF-8, and the
//! errors of a file that cannot be checked.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::input::Input;
use super::Linter;
use crate::document::{Format, FormatError};
use crate::i18n::{io_reason, read_reason, Message};
use crate::lang::Language;
use crate::regular_file::{self, ReadError};
use crate::text::LineIndex;

/// A file to read, named or found by walking.
#[derive(Debug)]
pub(super) struct Job {
    pub(super) path: PathBuf,
    pub(super) format: Format,
    /// Named on the command line rather than found by walking.
    pub(super) explicit: bool,
}

/// A file that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file as named or walked.
    pub input: Input,
    /// What went wrong.
    pub kind: FileErrorKind,
}

/// Why a file could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileErrorKind {
    /// The path does not exist.
    NotFound,
    /// Reading failed.
    Unreadable {
        /// The system's reason.
        reason: Message,
    },
    /// The file contains NUL bytes.
    Binary,
    /// The file starts with a UTF-16 byte-order mark; only UTF-8 is read.
    Utf16,
    /// The path is a FIFO, a device or a socket: never read, since reading
    /// may block or never end (`/dev/zero`).
    NotRegular,
    /// The file is not UTF-8; the first bad byte is at this line and column.
    InvalidUtf8 {
        /// The line (from 1) of the first bad byte.
        line: usize,
        /// Its column (from 1).
        column: usize,
    },
    /// The file's format parser rejects it at this line and column.
    Malformed {
        /// The line (from 1) where the parser stopped.
        line: usize,
        /// Its column (from 1).
        column: usize,
        /// The parser's description.
        detail: String,
    },
}

impl FileError {
    /// The message to show.
    pub fn message(&self) -> Message {
        let message = match &self.kind {
            FileErrorKind::NotFound => Message::new("file-not-found"),
            FileErrorKind::Unreadable { reason } => {
                Message::new("file-unreadable").message("reason", reason.clone())
            }
            FileErrorKind::Binary => Message::new("file-binary"),
            FileErrorKind::Utf16 => Message::new("file-utf16"),
            FileErrorKind::NotRegular => Message::new("file-not-regular"),
            FileErrorKind::Malformed { line, column, detail } => Message::new("file-malformed")
                .number("line", *line)
                .number("column", *column)
                .text("detail", detail),
            FileErrorKind::InvalidUtf8 { line, column } => Message::new("file-invalid-utf8")
                .number("line", *line)
                .number("column", *column),
        };
        message.text("path", self.input.to_string())
    }
}

/// A document read from a file or standard input.
pub struct Document {
    /// Where it was read from.
    pub input: Input,
    /// The decoded text.
    pub text: String,
    /// Its format.
    pub format: Format,
    /// Its language.
    pub language: Language,
}

impl Linter {
    /// Reads standard input whole, in the language the configuration
    /// gives documents without a path.
    pub(super) fn read_stdin(&self) -> Result<Document, FileError> {
        let mut bytes = Vec::new();
        if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
            return Err(FileError {
                input: Input::Stdin,
                kind: FileErrorKind::Unreadable {
                    reason: io_reason(&err),
                },
            });
        }
        let text = decode(bytes).map_err(|kind| FileError {
            input: Input::Stdin,
            kind,
        })?;
        Ok(Document {
            input: Input::Stdin,
            text,
            format: self.config.format.unwrap_or(Format::Text),
            language: self.config.languages.default_language().clone(),
        })
    }

    /// The path as language globs see it; not computed when there are none.
    pub(super) fn relative_for_languages(&self, path: &Path) -> PathBuf {
        if self.config.languages.has_globs() {
            self.config.relative_path(path)
        } else {
            PathBuf::new()
        }
    }

    /// Reads one file. Binary files met while walking are skipped quietly,
    /// as ripgrep does; a binary file named on the command line is an error.
    pub(super) fn read_file(&self, job: &Job) -> Result<Option<Document>, FileError> {
        let failed = |kind| FileError {
            input: Input::Path(job.path.clone()),
            kind,
        };
        let bytes = match read_regular_file(&job.path) {
            Ok(bytes) => bytes,
            Err(FileErrorKind::Binary) if !job.explicit => return Ok(None),
            Err(kind) => return Err(failed(kind)),
        };
        let language = self
            .config
            .languages
            .language_of(&self.relative_for_languages(&job.path))
            .clone();
        match decode(bytes) {
            Ok(text) => Ok(Some(Document {
                input: Input::Path(job.path.clone()),
                text,
                format: job.format,
                language,
            })),
            Err(FileErrorKind::Binary) if !job.explicit => Ok(None),
            Err(kind) => Err(failed(kind)),
        }
    }
}

/// The error for a file its format's parser rejects.
pub(super) fn malformed(input: Input, text: &str, error: FormatError) -> FileError {
    let mut offset = error.offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let position = LineIndex::new(text).position(text, offset);
    FileError {
        input,
        kind: FileErrorKind::Malformed {
            line: position.line,
            column: position.column,
            detail: error.detail,
        },
    }
}

/// The bytes of a regular file (following symbolic links); documents have
/// no size limit.
fn read_regular_file(path: &Path) -> Result<Vec<u8>, FileErrorKind> {
    // A NUL in the first block marks a binary file, not read further
    // (UTF-16 text is full of NULs: `decode` names it).
    let read = regular_file::read_unless(path, None, |start| !is_utf16(start) && start.contains(&0));
    match read {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(FileErrorKind::Binary),
        Err(ReadError::NotRegular) => Err(FileErrorKind::NotRegular),
        Err(other) => Err(FileErrorKind::Unreadable {
            reason: read_reason(&other),
        }),
    }
}

/// Whether `bytes` start with a UTF-16 byte-order mark.
fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// The text of a file, unless it is UTF-16, binary or not UTF-8.
pub(super) fn decode(bytes: Vec<u8>) -> Result<String, FileErrorKind> {
    if is_utf16(&bytes) {
        return Err(FileErrorKind::Utf16);
    }
    if bytes.contains(&0) {
        return Err(FileErrorKind::Binary);
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let position = LineIndex::new(valid).position(valid, valid.len());
        FileErrorKind::InvalidUtf8 {
            line: position.line,
            column: position.column,
        }
    })
}
