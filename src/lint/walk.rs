//! Finding the files to check: the paths named on the command line, and
//! the files of folders walked in parallel (honouring ignore files and the
//! configuration's include and exclude globs).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::input::Input;
use super::read::{FileError, FileErrorKind, Job};
use super::Linter;
use crate::config::Config;
use crate::document::Format;
use crate::i18n::io_reason;

impl Linter {
    /// The files to read for `inputs` (folders walked), whether standard
    /// input is among them, and the paths that do not exist or could not
    /// be walked.
    pub(super) fn jobs_of(&self, inputs: &[Input]) -> (Vec<Job>, bool, Vec<FileError>) {
        let mut jobs = Vec::new();
        let mut reads_stdin = false;
        let mut errors = Vec::new();
        for input in inputs {
            match input {
                Input::Stdin => reads_stdin = true,
                Input::Path(path) if path.is_dir() => {
                    let (walked, unreadable) = self.walk(path);
                    jobs.extend(walked);
                    errors.extend(unreadable);
                }
                // `symlink_metadata`: a dangling link or a symlink loop exists
                // and is reported when read, with the system's reason.
                Input::Path(path) if path.symlink_metadata().is_ok() => jobs.push(Job {
                    path: path.clone(),
                    format: self
                        .config
                        .format
                        .or_else(|| Format::from_path(path))
                        .unwrap_or(Format::Text),
                    explicit: true,
                }),
                Input::Path(_) => errors.push(FileError {
                    input: input.clone(),
                    kind: FileErrorKind::NotFound,
                }),
            }
        }
        (jobs, reads_stdin, errors)
    }

    /// The files under `folder`: walked ahead (see [`Walks`]) or now.
    pub(super) fn walk(&self, folder: &Path) -> (Vec<Job>, Vec<FileError>) {
        let ahead = self
            .walks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(folder);
        ahead.unwrap_or_else(|| walk_folder(&self.config, folder))
    }
}

/// The checkable files under `folder`, sorted, and the folders (or other
/// entries) that could not be read, named with the system's reason.
pub(super) fn walk_folder(config: &Config, folder: &Path) -> (Vec<Job>, Vec<FileError>) {
    let found = Mutex::new(Vec::new());
    let failed = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(folder).build_parallel().run(|| {
        Box::new(|entry| {
            let entry = match entry {
                Ok(entry) => Some(entry),
                Err(error) => {
                    // An I/O error (a folder that cannot be listed); the
                    // walker's other errors concern ignore files.
                    if let Some(io) = error.io_error() {
                        let path = walk_error_path(&error).unwrap_or(folder);
                        let error = FileError {
                            input: Input::Path(path.to_path_buf()),
                            kind: FileErrorKind::Unreadable {
                                reason: io_reason(io),
                            },
                        };
                        failed.lock().unwrap_or_else(|e| e.into_inner()).push(error);
                    }
                    None
                }
            };
            if let Some(entry) = entry {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if let (true, Some(format)) = (is_file, Format::from_path(path)) {
                    let selection = &config.selection;
                    if selection.is_everything() || selection.allows(&config.relative_path(path)) {
                        let job = Job {
                            path: path.to_path_buf(),
                            format: config.format.unwrap_or(format),
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
    files.sort_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    (files, failed.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// The path a walker error names, if any.
pub(super) fn walk_error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Partial(errors) if errors.len() == 1 => walk_error_path(&errors[0]),
        _ => None,
    }
}

/// Folders walked ahead of checking, e.g. while the glossary loads (the
/// walk needs only the configuration); [`Linter::with_walks`] hands them over.
#[derive(Debug, Default)]
pub struct Walks(pub(super) WalkMap);

/// Each folder's files to check and the entries that could not be read.
pub(super) type WalkMap = std::collections::HashMap<PathBuf, (Vec<Job>, Vec<FileError>)>;

impl Walks {
    /// Walks the folders among `inputs` as a linter with `config` would.
    pub fn of(config: &Config, inputs: &[Input]) -> Self {
        let folders = inputs.iter().filter_map(|input| match input {
            Input::Path(path) if path.is_dir() => Some(path),
            _ => None,
        });
        Walks(
            folders
                .map(|folder| (folder.clone(), walk_folder(config, folder)))
                .collect(),
        )
    }
}
