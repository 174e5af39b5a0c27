//! Running the checks over inputs: reading files, walking folders in
//! parallel, and gathering findings and per-file errors into a [`Report`].
//!
//! A file that cannot be read, is binary or is not UTF-8 is reported and
//! skipped; the run goes on with the other files.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::check::{run_checks, CheckSettings, CheckedText, Finding, Severity};
use crate::config::Config;
use crate::document::Format;
use crate::i18n::{io_reason, Message};
use crate::lang::Language;
use crate::matcher::Matcher;
use crate::text::LineIndex;

/// What to check: a path (file or folder) or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder to walk.
    Path(PathBuf),
    /// Standard input (`-`), read as the given format.
    Stdin,
}

/// A file to check.
struct Job {
    path: PathBuf,
    format: Format,
    /// Named on the command line rather than found by walking.
    explicit: bool,
}

/// The checking engine: a compiled glossary and the settings of one run.
pub struct Linter {
    matcher: Matcher,
    config: Config,
}

/// The outcome of a run.
#[derive(Debug, Default)]
pub struct Report {
    /// Files with findings, sorted by path.
    pub files: Vec<FileReport>,
    /// Files that could not be checked, sorted by path.
    pub errors: Vec<FileError>,
    /// How many files were checked.
    pub files_checked: usize,
}

/// The findings of one file, with its text for showing context.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given or walked (`-` is `<stdin>`).
    pub path: String,
    /// The file's text.
    pub text: String,
    /// Findings in text order.
    pub findings: Vec<Finding>,
}

/// A file that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The path as given or walked.
    pub path: String,
    /// What went wrong.
    pub kind: FileErrorKind,
}

/// Why a file could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileErrorKind {
    /// The path does not exist.
    NotFound,
    /// Reading failed.
    Unreadable { reason: Message },
    /// The file contains NUL bytes.
    Binary,
    /// The file is not UTF-8; the first bad byte is at this line and column.
    InvalidUtf8 { line: usize, column: usize },
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
            FileErrorKind::InvalidUtf8 { line, column } => Message::new("file-invalid-utf8")
                .number("line", *line)
                .number("column", *column),
        };
        message.text("path", &self.path)
    }
}

impl Report {
    /// Every finding.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().flat_map(|f| f.findings.iter())
    }

    /// Whether some finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.findings().any(|f| f.severity == Severity::Error)
    }
}

impl Linter {
    /// A linter over a compiled glossary with the given configuration.
    pub fn new(matcher: Matcher, config: Config) -> Self {
        Linter { matcher, config }
    }

    /// The compiled glossary.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The check settings.
    pub fn settings(&self) -> &CheckSettings {
        &self.config.checks
    }

    /// Checks one text in memory.
    pub fn check_text(&self, text: &str, format: Format, language: &Language) -> Vec<Finding> {
        let filter = self.matcher.language_filter(language);
        let mentions: Vec<_> = format
            .segments(text)
            .iter()
            .flat_map(|segment| self.matcher.find(text, &segment.pieces, &filter))
            .collect();
        let lines = LineIndex::new(text);
        let document = CheckedText { text, lines: &lines };
        run_checks(&self.matcher, &document, &mentions, &self.config.checks)
    }

    /// Checks every input. Folders are walked (honouring ignore files and
    /// skipping hidden files) and their files checked in parallel; explicit
    /// files are checked whatever their extension.
    pub fn check_inputs(&self, inputs: &[Input]) -> Report {
        let mut errors = Vec::new();
        let mut jobs: Vec<Job> = Vec::new();
        let mut report = Report::default();
        for input in inputs {
            match input {
                Input::Stdin => self.check_stdin(&mut report, &mut errors),
                Input::Path(path) if path.is_dir() => jobs.extend(self.walk(path)),
                Input::Path(path) if path.exists() => jobs.push(Job {
                    path: path.clone(),
                    format: Format::from_path(path).unwrap_or(Format::Text),
                    explicit: true,
                }),
                Input::Path(path) => errors.push(FileError {
                    path: path.display().to_string(),
                    kind: FileErrorKind::NotFound,
                }),
            }
        }
        let outcomes: Vec<Result<Option<FileReport>, FileError>> =
            jobs.par_iter().map(|job| self.check_file(job)).collect();
        report.files_checked += outcomes.iter().filter(|o| o.is_ok()).count();
        for outcome in outcomes {
            match outcome {
                Ok(Some(file)) => report.files.push(file),
                Ok(None) => {}
                Err(error) => errors.push(error),
            }
        }
        report.files.sort_by(|a, b| a.path.cmp(&b.path));
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        report.errors = errors;
        report
    }

    fn check_stdin(&self, report: &mut Report, errors: &mut Vec<FileError>) {
        let path = "<stdin>".to_string();
        let mut bytes = Vec::new();
        if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
            errors.push(FileError {
                path,
                kind: FileErrorKind::Unreadable {
                    reason: io_reason(&err),
                },
            });
            return;
        }
        let language = self.config.languages.language_of(Path::new(&path)).clone();
        match self.check_bytes(path, bytes, Format::Text, &language) {
            Ok(file) => {
                report.files_checked += 1;
                report.files.extend(file);
            }
            Err(error) => errors.push(error),
        }
    }

    /// The checkable files under `folder`, sorted.
    fn walk(&self, folder: &Path) -> Vec<Job> {
        let found = Mutex::new(Vec::new());
        ignore::WalkBuilder::new(folder).build_parallel().run(|| {
            Box::new(|entry| {
                if let Ok(entry) = entry {
                    let path = entry.path();
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if let (true, Some(format)) = (is_file, Format::from_path(path)) {
                        if self.config.selection.allows(&self.config.relative_path(path)) {
                            let job = Job {
                                path: path.to_path_buf(),
                                format,
                                explicit: false,
                            };
                            found.lock().unwrap_or_else(|e| e.into_inner()).push(job);
                        }
                    }
                }
                ignore::WalkState::Continue
            })
        });
        let mut files = found.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    /// Checks one file. Binary files met while walking are skipped quietly,
    /// as ripgrep does; a binary file named on the command line is an error.
    fn check_file(&self, job: &Job) -> Result<Option<FileReport>, FileError> {
        let shown = job.path.display().to_string();
        let bytes = std::fs::read(&job.path).map_err(|err| FileError {
            path: shown.clone(),
            kind: FileErrorKind::Unreadable {
                reason: io_reason(&err),
            },
        })?;
        let language = self
            .config
            .languages
            .language_of(&self.config.relative_path(&job.path));
        match self.check_bytes(shown, bytes, job.format, language) {
            Err(FileError {
                kind: FileErrorKind::Binary,
                ..
            }) if !job.explicit => Ok(None),
            outcome => outcome,
        }
    }

    fn check_bytes(
        &self,
        path: String,
        bytes: Vec<u8>,
        format: Format,
        language: &Language,
    ) -> Result<Option<FileReport>, FileError> {
        if bytes.contains(&0) {
            return Err(FileError {
                path,
                kind: FileErrorKind::Binary,
            });
        }
        let text = String::from_utf8(bytes).map_err(|err| {
            let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let position = LineIndex::new(valid).position(valid, valid.len());
            FileError {
                path: path.clone(),
                kind: FileErrorKind::InvalidUtf8 {
                    line: position.line,
                    column: position.column,
                },
            }
        })?;
        let findings = self.check_text(&text, format, language);
        Ok((!findings.is_empty()).then_some(FileReport { path, text, findings }))
    }
}
