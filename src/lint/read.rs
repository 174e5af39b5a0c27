//! Reading the inputs: regular files only, decoded as UTF-8 (a TMX or
//! XLIFF file also from UTF-16 with a byte-order mark), and the errors of a
//! file that cannot be checked.

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
    /// The file starts with a UTF-16 byte-order mark and is not a TMX or
    /// XLIFF file, or is one that is not well-formed UTF-16.
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
    /// The file is UTF-16 (a TMX or XLIFF file with a byte-order mark),
    /// read as its UTF-8 transcription: spans are bytes of that text, and
    /// no fix is offered, since none could be written into the file.
    pub transcoded: bool,
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
        let format = self.config.format.unwrap_or(Format::Text);
        let (text, transcoded) = decode(bytes, format).map_err(|kind| FileError {
            input: Input::Stdin,
            kind,
        })?;
        Ok(Document {
            input: Input::Stdin,
            text,
            format,
            language: self.config.languages.default_language().clone(),
            transcoded,
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
        match decode(bytes, job.format) {
            Ok((text, transcoded)) => Ok(Some(Document {
                input: Input::Path(job.path.clone()),
                text,
                format: job.format,
                language,
                transcoded,
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

/// UTF-16 text after its byte-order mark (which says the byte order), as
/// UTF-8 without the mark. An odd byte at the end or an unpaired surrogate
/// is an error, reported as UTF-16 that cannot be read.
fn decode_utf16(bytes: &[u8]) -> Result<String, FileErrorKind> {
    let little = bytes.starts_with(&[0xFF, 0xFE]);
    let body = &bytes[2..];
    if body.len() % 2 != 0 {
        return Err(FileErrorKind::Utf16);
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let text: Result<String, _> = char::decode_utf16(units).collect();
    text.map_err(|_| FileErrorKind::Utf16)
}

/// Whether `bytes` start with a UTF-16 byte-order mark.
fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// The text of a file, unless it is binary or not UTF-8, and whether it
/// was transcoded: a TMX or XLIFF file may be UTF-16 with a byte-order mark
/// (XML allows it, and Trados writes it), other formats may not.
pub(super) fn decode(bytes: Vec<u8>, format: Format) -> Result<(String, bool), FileErrorKind> {
    if is_utf16(&bytes) {
        return match format {
            Format::Tmx | Format::Xliff => decode_utf16(&bytes).map(|text| (text, true)),
            _ => Err(FileErrorKind::Utf16),
        };
    }
    if bytes.contains(&0) {
        return Err(FileErrorKind::Binary);
    }
    String::from_utf8(bytes).map(|text| (text, false)).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let position = LineIndex::new(valid).position(valid, valid.len());
        FileErrorKind::InvalidUtf8 {
            line: position.line,
            column: position.column,
        }
    })
}
