//! Running many documents: parallel scheduling, progress, project-wide
//! consistency and the [`Report`] of a run.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::analyze::{
    escape_fixes, markup_gaps, segment_id_at, withhold_all_fixes, withhold_fixes_across_markup, Analyzed,
};
use super::input::Input;
use super::read::{Document, FileError};
use super::Linter;
use crate::check::usage::ProjectUsage;
use crate::check::{
    form_usage, inconsistent_findings, segment_findings, sort_findings, CheckId, CheckedText,
    ConsistencyInput, Finding, SegmentScope, Severity,
};
use crate::config::ConsistencyScope;
use crate::document::Format;

/// How far a run has got: counters the engine updates as it reads and checks
/// files, for a caller that shows progress (the engine itself never prints).
/// A caller polls them from another thread; they only grow during a run.
#[derive(Debug, Default)]
pub struct Progress {
    files_total: AtomicUsize,
    files_done: AtomicUsize,
    bytes_done: AtomicUsize,
}

impl Progress {
    /// How many files the run will read, as far as it knows yet (folders
    /// are walked before their files are read).
    pub fn files_total(&self) -> usize {
        self.files_total.load(Ordering::Relaxed)
    }

    /// How many files are read and checked, or failed.
    pub fn files_done(&self) -> usize {
        self.files_done.load(Ordering::Relaxed)
    }

    /// How many bytes the files read so far hold.
    pub fn bytes_done(&self) -> usize {
        self.bytes_done.load(Ordering::Relaxed)
    }

    fn add_total(&self, files: usize) {
        self.files_total.fetch_add(files, Ordering::Relaxed);
    }

    fn add_bytes(&self, bytes: usize) {
        self.bytes_done.fetch_add(bytes, Ordering::Relaxed);
    }

    fn file_done(&self) {
        self.files_done.fetch_add(1, Ordering::Relaxed);
    }
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

/// How the files of a run use each form (see [`Linter::usage_of_inputs`]).
#[derive(Debug, Default)]
pub struct UsageReport {
    /// The uses, summed over the files.
    pub usage: ProjectUsage,
    /// Files that could not be read, sorted by path.
    pub errors: Vec<FileError>,
    /// How many files were read.
    pub files_checked: usize,
}

/// The findings of one file, with its text for showing context.
#[derive(Debug)]
pub struct FileReport {
    /// The file as named or walked, or standard input.
    pub input: Input,
    /// The file's text.
    pub text: String,
    /// Findings in text order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Every finding.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().flat_map(|f| f.findings.iter())
    }

    /// Whether some finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.fails_at(Severity::Error)
    }

    /// Whether some finding is at least as severe as `threshold`: with
    /// `Warning`, an error or a warning (`fail_on`, `--fail-on`).
    pub fn fails_at(&self, threshold: Severity) -> bool {
        // Severities order from the most severe: error < warning < info.
        self.findings().any(|f| f.severity <= threshold)
    }
}

impl Linter {
    pub(super) fn progress(&self, update: impl FnOnce(&Progress)) {
        if let Some(progress) = &self.progress {
            update(progress);
        }
    }

    /// Checks every input. Folders are walked (honouring ignore files and
    /// skipping hidden files) and their files checked in parallel; explicit
    /// files are checked whatever their extension. With project consistency,
    /// every file of the run is one scope for `inconsistent`.
    pub fn check_inputs(&self, inputs: &[Input]) -> Report {
        self.check_inputs_keeping(inputs, false).0
    }

    /// [`Linter::check_inputs`], also giving back the text of standard
    /// input when it was read and decoded, whether or not it had findings
    /// (a copy): `check --fix -` echoes it to standard output even when
    /// there was nothing to fix.
    pub fn check_inputs_and_stdin(&self, inputs: &[Input]) -> (Report, Option<String>) {
        self.check_inputs_keeping(inputs, true)
    }

    /// Checks every input; with `keep_stdin`, keeps a copy of standard
    /// input's text, which the report drops with every clean file's.
    fn check_inputs_keeping(&self, inputs: &[Input], keep_stdin: bool) -> (Report, Option<String>) {
        // Within one document, each file is finished where it is read, and
        // the text of a clean file is dropped at once: memory stays bounded
        // by the files with findings, not by the size of the run.
        let project = self.config.consistency == ConsistencyScope::Project && self.project_usage.is_none();
        let stdin_text = std::sync::OnceLock::new();
        let (outcomes, mut errors) = self.map_documents(inputs, |document| -> Result<_, Box<FileError>> {
            if keep_stdin && document.input == Input::Stdin {
                let _ = stdin_text.set(document.text.clone());
            }
            let mut file = self.analyze(document).map_err(Box::new)?;
            if project {
                return Ok(Some(Box::new(file)));
            }
            file.suppress(self);
            file.release(self.keep_texts);
            // A clean file leaves nothing behind but its count.
            Ok((!file.result.findings.is_empty()).then(|| Box::new(file)))
        });
        let mut analyzed = Vec::new();
        let mut files_checked = 0;
        for outcome in outcomes {
            match outcome {
                Ok(file) => {
                    files_checked += 1;
                    analyzed.extend(file.map(|file| *file));
                }
                Err(error) => errors.push(*error),
            }
        }
        errors.sort_by(|a, b| a.input.cmp(&b.input));
        if project {
            self.add_project_consistency(&mut analyzed);
            self.add_project_segment_consistency(&mut analyzed);
            for file in &mut analyzed {
                file.suppress(self);
                file.release(self.keep_texts);
            }
        }
        let files: Vec<FileReport> = analyzed
            .into_iter()
            .filter(|file| !file.result.findings.is_empty())
            .map(|mut file| {
                sort_findings(&mut file.result.findings);
                FileReport {
                    input: file.input,
                    text: file.text,
                    findings: file.result.findings,
                }
            })
            .collect();
        let report = Report {
            files,
            errors,
            files_checked,
        };
        (report, stdin_text.into_inner())
    }

    /// Counts how the inputs use each form, as a project-wide consistency
    /// check would count them (the first step of judging a project split
    /// between tasks; see [`crate::check::usage`]); nothing is reported.
    pub fn usage_of_inputs(&self, inputs: &[Input]) -> UsageReport {
        let (outcomes, errors) = self.map_documents(inputs, |document| {
            let name = document.input.to_text().into_owned();
            let file = self.analyze(document).map_err(Box::new)?;
            let checked = CheckedText {
                text: &file.text,
                lines: &file.lines,
            };
            let scope = [ConsistencyInput {
                path: &name,
                document: &checked,
                mentions: &file.result.mentions,
                flagged: &file.result.flagged,
            }];
            Ok::<_, Box<FileError>>(form_usage(&self.matcher, &scope))
        });
        let mut report = UsageReport {
            errors,
            ..UsageReport::default()
        };
        for outcome in outcomes {
            match outcome {
                Ok(usage) => {
                    report.files_checked += 1;
                    report.usage.merge(usage);
                }
                Err(error) => report.errors.push(*error),
            }
        }
        report.errors.sort_by(|a, b| a.input.cmp(&b.input));
        report
    }

    /// Reads every input document (walking folders in parallel) and applies
    /// `f` to each; returns the results and the files that could not be read,
    /// both sorted by path.
    pub fn map_documents<T: Send>(
        &self,
        inputs: &[Input],
        f: impl Fn(Document) -> T + Sync,
    ) -> (Vec<T>, Vec<FileError>) {
        let (jobs, reads_stdin, mut errors) = self.jobs_of(inputs);
        let mut results: Vec<(Input, T)> = Vec::new();
        if reads_stdin {
            match self.read_stdin() {
                Ok(document) => results.push((Input::Stdin, f(document))),
                Err(error) => errors.push(error),
            }
        }
        self.progress(|p| p.add_total(jobs.len()));
        // One outcome per file is kept until the end (to sort the results):
        // boxed errors keep each as small as the result.
        let outcomes: Vec<Outcome<T>> = jobs
            .par_iter()
            .map(|job| {
                let read = self.read_file(job);
                if let Ok(Some(document)) = &read {
                    self.progress(|p| p.add_bytes(document.text.len()));
                }
                let result = read
                    .map(|read| read.map(|document| (document.input.clone(), f(document))))
                    .map_err(Box::new);
                self.progress(Progress::file_done);
                result
            })
            .collect();
        drop(jobs);
        results.reserve(outcomes.len());
        for outcome in outcomes {
            match outcome {
                Ok(Some(result)) => results.push(result),
                Ok(None) => {}
                Err(error) => errors.push(*error),
            }
        }
        results.sort_by(|a, b| a.0.cmp(&b.0));
        errors.sort_by(|a, b| a.input.cmp(&b.input));
        (results.into_iter().map(|(_, result)| result).collect(), errors)
    }

    /// With project scope, adds the `inconsistent` findings of all files.
    pub(super) fn add_project_consistency(&self, analyzed: &mut [Analyzed]) {
        if !self.config.may_run(CheckId::Inconsistent) || self.config.consistency != ConsistencyScope::Project
        {
            return;
        }
        // Judged over all files; each finding then takes the severity its
        // own file's settings give (or is dropped where the check is off).
        let severity = self
            .config
            .checks
            .severity(CheckId::Inconsistent)
            .unwrap_or(CheckId::Inconsistent.default_severity());
        let (documents, names) = texts_and_names(analyzed);
        let scope: Vec<ConsistencyInput> = analyzed
            .iter()
            .zip(&documents)
            .zip(&names)
            .map(|((file, document), name)| ConsistencyInput {
                path: name,
                document,
                mentions: &file.result.mentions,
                flagged: &file.result.flagged,
            })
            .collect();
        let found = inconsistent_findings(&self.matcher, &scope, severity, None);
        drop(scope);
        drop(documents);
        drop(names);
        for (doc, mut finding) in found {
            let file = &mut analyzed[doc];
            let settings = self.config.checks_for(file.input.path(), &file.language);
            match settings.severity(CheckId::Inconsistent) {
                Some(severity) => finding.severity = severity,
                None => continue,
            }
            let mut finding = [finding];
            let named_segments = matches!(file.format, Format::Xliff | Format::Tmx);
            if finding[0].fix.is_some() || named_segments {
                // The segments are not kept: read them again (the file
                // parsed when it was checked).
                let segments = file.format.segments(&file.text).unwrap_or_default();
                withhold_fixes_across_markup(&mut finding, &markup_gaps(&file.text, &segments, file.format));
                finding[0].segment = segment_id_at(&segments, finding[0].range.start);
            }
            escape_fixes(&mut finding, &file.text, file.format);
            if file.transcoded {
                withhold_all_fixes(&mut finding);
            }
            file.result.findings.extend(finding);
        }
    }
}

impl Linter {
    /// With project scope, adds the `inconsistent-target` and
    /// `inconsistent-source` findings of all files; each takes the
    /// severity its own file's settings give (or is dropped where its
    /// check is off there).
    pub(super) fn add_project_segment_consistency(&self, analyzed: &mut [Analyzed]) {
        let severity = |check: CheckId| {
            self.config.may_run(check).then(|| {
                self.config
                    .checks
                    .severity(check)
                    .unwrap_or(check.default_severity())
            })
        };
        let (target, source) = (
            severity(CheckId::InconsistentTarget),
            severity(CheckId::InconsistentSource),
        );
        if (target.is_none() && source.is_none()) || analyzed.iter().all(|f| f.result.units.is_empty()) {
            return;
        }
        let (documents, names) = texts_and_names(analyzed);
        let scope: Vec<SegmentScope> = analyzed
            .iter()
            .zip(&documents)
            .zip(&names)
            .map(|((file, document), name)| SegmentScope {
                path: name,
                document,
                units: &file.result.units,
            })
            .collect();
        let found = segment_findings(&scope, target, source);
        drop(scope);
        drop(documents);
        drop(names);
        for (doc, mut finding) in found {
            let file = &mut analyzed[doc];
            let settings = self.config.checks_for(file.input.path(), &file.language);
            match settings.severity(finding.check) {
                Some(severity) => finding.severity = severity,
                None => continue,
            }
            file.result.findings.push(finding);
        }
    }
}

/// Each file's text as the checks see it, and its name as reported: what
/// a project-wide check's scope is made of.
fn texts_and_names(analyzed: &[Analyzed]) -> (Vec<CheckedText<'_>>, Vec<std::borrow::Cow<'_, str>>) {
    let documents = analyzed
        .iter()
        .map(|file| CheckedText {
            text: &file.text,
            lines: &file.lines,
        })
        .collect();
    let names = analyzed.iter().map(|file| file.input.to_text()).collect();
    (documents, names)
}

/// What reading and checking one file gave: nothing (a binary file met
/// while walking), its path and result, or why it could not be read.
pub(super) type Outcome<T> = Result<Option<(Input, T)>, Box<FileError>>;
