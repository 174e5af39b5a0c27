//! Running the checks over inputs: reading files, walking folders in
//! parallel, and gathering findings and per-file errors into a [`Report`].
//!
//! A file that cannot be read, is binary or is not UTF-8 is reported and
//! skipped; the run goes on with the other files.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::check::{
    bilingual_findings, inconsistent_findings, mention_checks, run_checks, sort_findings, CheckId,
    CheckSettings, CheckedText, ConsistencyInput, Detail, DocumentFindings, Finding, SegmentMentions,
    Severity,
};
use crate::config::{Config, ConsistencyScope};
use crate::document::{Format, FormatError, Role, Segment};
use crate::i18n::{io_reason, Message};
use crate::lang::Language;
use crate::matcher::{LanguageFilter, Matcher, Mention};
use crate::suppress::{apply_directives, apply_ignores, directives};
use crate::text::LineIndex;
use crate::unlisted::{Unlisted, UnlistedFinder};

/// What to check: a path (file or folder) or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder to walk.
    Path(PathBuf),
    /// Standard input (`-`), read as the given format.
    Stdin,
}

/// The language filters of one document, made once per language.
struct Filters<'a> {
    matcher: &'a Matcher,
    made: Vec<(Language, LanguageFilter)>,
}

impl<'a> Filters<'a> {
    fn new(matcher: &'a Matcher) -> Self {
        Filters {
            matcher,
            made: Vec::new(),
        }
    }

    fn get(&mut self, language: &Language) -> &LanguageFilter {
        let index = match self.made.iter().position(|(l, _)| l == language) {
            Some(index) => index,
            None => {
                self.made
                    .push((language.clone(), self.matcher.language_filter(language)));
                self.made.len() - 1
            }
        };
        &self.made[index].1
    }
}

/// What one document's segments yield.
#[derive(Default)]
struct Found {
    /// All mentions, in text order.
    mentions: Vec<Mention>,
    /// All unlisted spellings, in text order.
    unlisted: Vec<Unlisted>,
    /// Per segment, for the bilingual checks.
    segments: Vec<SegmentFound>,
}

impl Found {
    /// Adds what a later part of the same document yields.
    fn append(&mut self, later: Found) {
        self.mentions.extend(later.mentions);
        self.unlisted.extend(later.unlisted);
        self.segments.extend(later.segments);
    }
}

struct SegmentFound {
    role: Role,
    unit: Option<usize>,
    span: std::ops::Range<usize>,
    language: Language,
    mentions: Vec<Mention>,
    source_forms: Vec<Mention>,
}

impl Found {
    fn bilingual(&self) -> Vec<SegmentMentions<'_>> {
        self.segments
            .iter()
            .map(|s| SegmentMentions {
                role: s.role,
                unit: s.unit,
                span: s.span.clone(),
                language: &s.language,
                mentions: &s.mentions,
                source_forms: &s.source_forms,
            })
            .collect()
    }
}

/// A file to check.
#[derive(Debug)]
struct Job {
    path: PathBuf,
    format: Format,
    /// Named on the command line rather than found by walking.
    explicit: bool,
}

/// The checking engine: a compiled glossary and the settings of one run.
pub struct Linter {
    matcher: Matcher,
    unlisted: Option<UnlistedFinder>,
    config: Config,
    progress: Option<Arc<Progress>>,
    /// Whether reports keep each file's text (see [`Linter::without_texts`]).
    keep_texts: bool,
    /// Folders walked ahead, taken as they are checked.
    walks: Mutex<WalkMap>,
}

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
    /// The file starts with a UTF-16 byte-order mark; only UTF-8 is read.
    Utf16,
    /// The path is a FIFO, a device or a socket: never read, since reading
    /// may block or never end (`/dev/zero`).
    NotRegular,
    /// The file is not UTF-8; the first bad byte is at this line and column.
    InvalidUtf8 { line: usize, column: usize },
    /// The file's format parser rejects it at this line and column.
    Malformed {
        line: usize,
        column: usize,
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
        let unlisted = config
            .checks
            .severity(CheckId::Unlisted)
            .map(|_| UnlistedFinder::new(&matcher));
        Linter {
            matcher,
            unlisted,
            config,
            progress: None,
            keep_texts: true,
            walks: Mutex::default(),
        }
    }

    /// Drops each file's text as soon as its findings are made, so that
    /// [`Report`] files carry an empty `text`. For callers that never quote
    /// or fix the files (machine-readable reports): memory then stays flat
    /// however many files have findings.
    pub fn without_texts(mut self) -> Self {
        self.keep_texts = false;
        self
    }

    /// Uses these folder walks instead of walking the same folders again.
    /// The configuration they were made with must be this linter's.
    pub fn with_walks(self, walks: Walks) -> Self {
        *self.walks.lock().unwrap_or_else(|e| e.into_inner()) = walks.0;
        self
    }

    /// Makes the linter count files and bytes in `progress` as it goes.
    pub fn with_progress(mut self, progress: Arc<Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    fn progress(&self, update: impl FnOnce(&Progress)) {
        if let Some(progress) = &self.progress {
            update(progress);
        }
    }

    /// The compiled glossary.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The check settings.
    pub fn settings(&self) -> &CheckSettings {
        &self.config.checks
    }

    /// Checks one text in memory, consistency judged within it.
    pub fn check_text(
        &self,
        text: &str,
        format: Format,
        language: &Language,
    ) -> Result<Vec<Finding>, FormatError> {
        let segments = format.segments(text)?;
        let found = self.find(text, &segments, language);
        let lines = LineIndex::lazy();
        let document = CheckedText { text, lines: &lines };
        let settings = &self.config.checks;
        let mut findings = bilingual_findings(&self.matcher, &document, &found.bilingual(), settings);
        findings.extend(run_checks(
            &self.matcher,
            &document,
            found.mentions,
            &found.unlisted,
            settings,
        ));
        apply_directives(&mut findings, &directives(text, format));
        sort_findings(&mut findings);
        withhold_fixes_across_markup(&mut findings, &markup_gaps(text, &segments, format));
        escape_fixes(&mut findings, text, format);
        Ok(findings)
    }

    /// The mentions and unlisted spellings of one text, each segment matched
    /// in its own language; for targets, also the forms of their source's
    /// language (to find terms left untranslated).
    fn find(&self, text: &str, segments: &[Segment], language: &Language) -> Found {
        let mut filters = Filters::new(&self.matcher);
        let mut found = Found::default();
        let monolingual = || {
            segments
                .iter()
                .all(|s| s.role == Role::Text && s.language.is_none())
        };
        let extent = match (segments.first(), segments.last()) {
            (Some(first), Some(last)) => last.span().end.saturating_sub(first.span().start),
            _ => 0,
        };
        if extent >= PARALLEL_TEXT_BYTES && monolingual() {
            // A large file alone would keep one core busy and the others idle.
            let filter = filters.get(language);
            let parts: Vec<(Vec<Mention>, Vec<Unlisted>)> = segments
                .par_iter()
                .with_min_len(16)
                .map(|segment| self.find_in_segment(text, segment, filter, true))
                .collect();
            for (mentions, unlisted) in parts {
                found.mentions.extend(mentions);
                found.unlisted.extend(unlisted);
            }
            return found;
        }
        let mut unit_languages: Vec<(usize, Language)> = Vec::new();
        for segment in segments {
            if segment.role == Role::Text && segment.language.is_none() {
                // Monolingual text, the common case: no per-segment record.
                let (mentions, unlisted) = self.find_in_segment(text, segment, filters.get(language), true);
                found.mentions.extend(mentions);
                found.unlisted.extend(unlisted);
                continue;
            }
            let segment_language = self.language_of(segment, language);
            let (mentions, unlisted) =
                self.find_in_segment(text, segment, filters.get(&segment_language), true);
            let source_forms = match (segment.role, segment.unit) {
                (Role::Source, Some(unit)) => {
                    unit_languages.push((unit, segment_language.clone()));
                    Vec::new()
                }
                (Role::Target, unit) => {
                    let source = unit
                        .and_then(|u| unit_languages.iter().rev().find(|(id, _)| *id == u))
                        .map_or(&self.config.source_language, |(_, l)| l);
                    if source.id().language == segment_language.id().language {
                        Vec::new()
                    } else {
                        self.find_in_segment(text, segment, filters.get(source), false).0
                    }
                }
                _ => Vec::new(),
            };
            found.mentions.extend(mentions.iter().cloned());
            found.unlisted.extend(unlisted);
            found.segments.push(SegmentFound {
                role: segment.role,
                unit: segment.unit,
                span: segment.span(),
                language: segment_language,
                mentions,
                source_forms,
            });
        }
        if !found.segments.is_empty() {
            // Bilingual segments may come out of text order.
            found.mentions.sort_by_key(|m| m.range.start);
            found.unlisted.sort_by_key(|u| u.range.start);
        }
        found
    }

    /// The language a segment is read in: its own, else the run's source or
    /// target language for its role, else the document's.
    fn language_of(&self, segment: &Segment, document: &Language) -> Language {
        match (&segment.language, segment.role) {
            (Some(language), _) => language.clone(),
            (None, Role::Source) => self.config.source_language.clone(),
            (None, Role::Target) => self
                .config
                .target_language
                .clone()
                .unwrap_or_else(|| document.clone()),
            (None, Role::Text) => document.clone(),
        }
    }

    /// The mentions (and, if asked, unlisted spellings) of one segment.
    fn find_in_segment(
        &self,
        text: &str,
        segment: &Segment,
        filter: &LanguageFilter,
        with_unlisted: bool,
    ) -> (Vec<Mention>, Vec<Unlisted>) {
        // Verbatim pieces with nothing between them are searched in place.
        // Otherwise the segment is read as its pieces joined, escapes decoded
        // and markup left out, so that words and their boundaries are those
        // of the text as read (`Kirman**istan**` and PO strings `"Kirman"`
        // `"istan"` are one word), whether a character is escaped or not.
        let in_place = segment
            .verbatim_ranges()
            .filter(|pieces| pieces.windows(2).all(|pair| pair[0].end == pair[1].start));
        match in_place {
            Some(pieces) => self.find_in(text, &pieces, filter, with_unlisted),
            None => {
                // Spans map back to whole escapes.
                let view = segment.view(text);
                let whole = 0..view.text.len();
                let (mut found, mut spelled) =
                    self.find_in(&view.text, std::slice::from_ref(&whole), filter, with_unlisted);
                for mention in &mut found {
                    let stem = view.to_original(mention.range.start..mention.stem_end);
                    mention.range = view.to_original(mention.range.clone());
                    mention.stem_end = stem.end;
                }
                spelled
                    .iter_mut()
                    .for_each(|u| u.range = view.to_original(u.range.clone()));
                (found, spelled)
            }
        }
    }

    /// The mentions and unlisted spellings in `pieces` of `text`.
    fn find_in(
        &self,
        text: &str,
        pieces: &[std::ops::Range<usize>],
        filter: &LanguageFilter,
        with_unlisted: bool,
    ) -> (Vec<Mention>, Vec<Unlisted>) {
        let found = self.matcher.find(text, pieces, filter);
        let threshold = self.config.checks.unlisted_threshold;
        let spelled = match (&self.unlisted, with_unlisted) {
            (Some(finder), true) => finder.find(text, pieces, filter, &found, threshold),
            _ => Vec::new(),
        };
        (found, spelled)
    }

    /// Checks every input. Folders are walked (honouring ignore files and
    /// skipping hidden files) and their files checked in parallel; explicit
    /// files are checked whatever their extension. With project consistency,
    /// every file of the run is one scope for `inconsistent`.
    pub fn check_inputs(&self, inputs: &[Input]) -> Report {
        // Within one document, each file is finished where it is read, and
        // the text of a clean file is dropped at once: memory stays bounded
        // by the files with findings, not by the size of the run.
        let project = self.config.consistency == ConsistencyScope::Project;
        let (outcomes, mut errors) = self.map_documents(inputs, |document| -> Result<_, Box<FileError>> {
            let mut file = self.analyze(document).map_err(Box::new)?;
            if project {
                return Ok(Some(Box::new(file)));
            }
            self.suppress(&mut file);
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
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        if project {
            self.add_project_consistency(&mut analyzed);
            for file in &mut analyzed {
                self.suppress(file);
                file.release(self.keep_texts);
            }
        }
        let files: Vec<FileReport> = analyzed
            .into_iter()
            .filter(|file| !file.result.findings.is_empty())
            .map(|mut file| {
                sort_findings(&mut file.result.findings);
                FileReport {
                    path: file.path,
                    text: file.text,
                    findings: file.result.findings,
                }
            })
            .collect();
        Report {
            files,
            errors,
            files_checked,
        }
    }

    /// Reads every input document (walking folders in parallel) and applies
    /// `f` to each; returns the results and the files that could not be read,
    /// both sorted by path.
    pub fn map_documents<T: Send>(
        &self,
        inputs: &[Input],
        f: impl Fn(Document) -> T + Sync,
    ) -> (Vec<T>, Vec<FileError>) {
        let mut errors = Vec::new();
        let mut jobs: Vec<Job> = Vec::new();
        let mut results: Vec<(String, T)> = Vec::new();
        for input in inputs {
            match input {
                Input::Stdin => match self.read_stdin() {
                    Ok(document) => results.push((document.path.clone(), f(document))),
                    Err(error) => errors.push(error),
                },
                Input::Path(path) if path.is_dir() => {
                    let (walked, unreadable) = self.walk(path);
                    jobs.extend(walked);
                    errors.extend(unreadable);
                }
                // `symlink_metadata`: a dangling link or a symlink loop exists
                // and is reported by `read_file` with the system's reason.
                Input::Path(path) if path.symlink_metadata().is_ok() => jobs.push(Job {
                    path: path.clone(),
                    format: self
                        .config
                        .format
                        .or_else(|| Format::from_path(path))
                        .unwrap_or(Format::Text),
                    explicit: true,
                }),
                Input::Path(path) => errors.push(FileError {
                    path: path.display().to_string(),
                    kind: FileErrorKind::NotFound,
                }),
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
                    .map(|read| read.map(|document| (document.path.clone(), f(document))))
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
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        (results.into_iter().map(|(_, result)| result).collect(), errors)
    }

    /// Removes the findings that directives and `ignore` rules cover, and
    /// reports unused directives when asked.
    fn suppress(&self, file: &mut Analyzed) {
        let findings = &mut file.result.findings;
        if !self.config.ignores.is_empty() {
            let relative = self.config.relative_path(Path::new(&file.path));
            apply_ignores(findings, &self.config.ignores, &relative);
        }
        let directives = directives(&file.text, file.format);
        if directives.is_empty() {
            return;
        }
        let unused = apply_directives(findings, &directives);
        let severity = self.config.checks.severity(CheckId::UnusedSuppression);
        if let (true, Some(severity)) = (self.config.report_unused_suppressions, severity) {
            for index in unused {
                let range = directives[index].range.clone();
                findings.push(Finding {
                    check: CheckId::UnusedSuppression,
                    severity,
                    start: file.lines.position(&file.text, range.start),
                    end: file.lines.position(&file.text, range.end),
                    concept: String::new(),
                    found: file.text[range.clone()].to_string(),
                    range,
                    suggestion: None,
                    detail: Detail::UnusedSuppression,
                    fix: None,
                });
            }
        }
    }

    /// With project scope, adds the `inconsistent` findings of all files.
    fn add_project_consistency(&self, analyzed: &mut [Analyzed]) {
        let Some(severity) = self.config.checks.severity(CheckId::Inconsistent) else {
            return;
        };
        if self.config.consistency != ConsistencyScope::Project {
            return;
        }
        let documents: Vec<CheckedText> = analyzed
            .iter()
            .map(|file| CheckedText {
                text: &file.text,
                lines: &file.lines,
            })
            .collect();
        let scope: Vec<ConsistencyInput> = analyzed
            .iter()
            .zip(&documents)
            .map(|(file, document)| ConsistencyInput {
                path: &file.path,
                document,
                mentions: &file.result.mentions,
                flagged: &file.result.flagged,
            })
            .collect();
        let found = inconsistent_findings(&self.matcher, &scope, severity);
        drop(scope);
        drop(documents);
        for (doc, finding) in found {
            let file = &mut analyzed[doc];
            let mut finding = [finding];
            if finding[0].fix.is_some() {
                // The segments are not kept: read them again (the file
                // parsed when it was checked).
                let segments = file.format.segments(&file.text).unwrap_or_default();
                withhold_fixes_across_markup(&mut finding, &markup_gaps(&file.text, &segments, file.format));
            }
            escape_fixes(&mut finding, &file.text, file.format);
            file.result.findings.extend(finding);
        }
    }

    fn read_stdin(&self) -> Result<Document, FileError> {
        let path = "<stdin>".to_string();
        let mut bytes = Vec::new();
        if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
            return Err(FileError {
                path,
                kind: FileErrorKind::Unreadable {
                    reason: io_reason(&err),
                },
            });
        }
        let language = self.config.languages.language_of(Path::new(&path)).clone();
        Ok(Document {
            text: decode(&path, bytes)?,
            path,
            format: self.config.format.unwrap_or(Format::Text),
            language,
        })
    }

    /// The files under `folder`: walked ahead (see [`Walks`]) or now.
    fn walk(&self, folder: &Path) -> (Vec<Job>, Vec<FileError>) {
        let ahead = self
            .walks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(folder);
        ahead.unwrap_or_else(|| walk_folder(&self.config, folder))
    }

    /// The path as language globs see it; not computed when there are none.
    fn relative_for_languages(&self, path: &Path) -> PathBuf {
        if self.config.languages.has_globs() {
            self.config.relative_path(path)
        } else {
            PathBuf::new()
        }
    }

    /// Reads one file. Binary files met while walking are skipped quietly,
    /// as ripgrep does; a binary file named on the command line is an error.
    fn read_file(&self, job: &Job) -> Result<Option<Document>, FileError> {
        let path = job.path.display().to_string();
        let bytes = read_regular_file(&job.path).map_err(|kind| FileError {
            path: path.clone(),
            kind,
        })?;
        let language = self
            .config
            .languages
            .language_of(&self.relative_for_languages(&job.path))
            .clone();
        match decode(&path, bytes) {
            Ok(text) => Ok(Some(Document {
                path,
                text,
                format: job.format,
                language,
            })),
            Err(FileError {
                kind: FileErrorKind::Binary,
                ..
            }) if !job.explicit => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Whether a document is sure to have no finding, so that parsing it can
    /// be skipped (most files of a large repository name nobody). Only for
    /// Markdown, which never rejects a file, and only when no term's first
    /// word is in it ([`Matcher::could_mention`]), no markup splits a word,
    /// no suppression comment may need reporting, and the `unlisted` check,
    /// which looks at every word, is off.
    fn cannot_have_findings(&self, text: &str, format: Format) -> bool {
        format == Format::Markdown
            && self.unlisted.is_none()
            && !text.contains("termlint-")
            && crate::document::markdown::keeps_words_whole(text)
            && !self.matcher.could_mention(text)
    }

    /// Runs the checks on one document; consistency too, unless it is
    /// judged over the whole project.
    fn analyze(&self, document: Document) -> Result<Analyzed, FileError> {
        let Document {
            path,
            text,
            format,
            language,
        } = document;
        if self.cannot_have_findings(&text, format) {
            return Ok(Analyzed {
                path,
                text,
                format,
                lines: LineIndex::lazy(),
                result: DocumentFindings {
                    findings: Vec::new(),
                    mentions: Vec::new(),
                    flagged: Vec::new(),
                },
            });
        }
        // A large Markdown file is read and matched block by block, in
        // parallel, and its blocks that cannot hold findings are not parsed.
        let may_matter = |part: &str| !self.cannot_have_findings(part, format);
        let each_part = |segments: Vec<Segment>| {
            let gaps = markup_gaps(&text, &segments, format);
            (self.find(&text, &segments, &language), gaps)
        };
        let parts = match format.map_segments(&text, &may_matter, &each_part) {
            Ok(parts) => parts,
            Err(error) => return Err(malformed(path, &text, error)),
        };
        let mut found = Found::default();
        let mut gaps = Vec::new();
        for (part_found, part_gaps) in parts {
            found.append(part_found);
            gaps.extend(part_gaps);
        }
        let lines = LineIndex::lazy();
        let checked = CheckedText {
            text: &text,
            lines: &lines,
        };
        let settings = &self.config.checks;
        let bilingual = bilingual_findings(&self.matcher, &checked, &found.bilingual(), settings);
        let mut result = mention_checks(&self.matcher, &checked, found.mentions, &found.unlisted, settings);
        result.findings.extend(bilingual);
        let severity = settings.severity(CheckId::Inconsistent);
        if let (Some(severity), ConsistencyScope::Document) = (severity, self.config.consistency) {
            let scope = [ConsistencyInput {
                path: &path,
                document: &checked,
                mentions: &result.mentions,
                flagged: &result.flagged,
            }];
            let found = inconsistent_findings(&self.matcher, &scope, severity);
            result.findings.extend(found.into_iter().map(|(_, f)| f));
        }
        withhold_fixes_across_markup(&mut result.findings, &gaps);
        escape_fixes(&mut result.findings, &text, format);
        Ok(Analyzed {
            path,
            text,
            format,
            lines,
            result,
        })
    }
}

/// The markup inside segments, merged and sorted: between two pieces of a
/// segment, what is more than white space (and, in PO, more than the quotes
/// that continue a string on the next line). A name may run across it
/// (`Abu **Hafs**`, `Ghasem <pc id="1">Soleimani</pc>`), but a fix must not
/// write over it.
fn markup_gaps(text: &str, segments: &[Segment], format: Format) -> Vec<std::ops::Range<usize>> {
    let mut gaps: Vec<std::ops::Range<usize>> = segments
        .iter()
        .flat_map(|segment| segment.pieces.windows(2))
        .map(|pair| pair[0].range.end..pair[1].range.start)
        .filter(|gap| {
            text.get(gap.clone()).is_some_and(|between| {
                !between
                    .chars()
                    .all(|c| c.is_whitespace() || (format == Format::Po && c == '"'))
            })
        })
        .collect();
    gaps.sort_by_key(|gap| gap.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(gaps.len());
    for gap in gaps {
        match merged.last_mut() {
            Some(last) if gap.start <= last.end => last.end = last.end.max(gap.end),
            _ => merged.push(gap),
        }
    }
    merged
}

/// Leaves without a fix the findings whose fix would write over markup:
/// replacing the span would delete tags, emphasis markers or inline codes,
/// and could leave the file malformed. The finding is still reported.
fn withhold_fixes_across_markup(findings: &mut [Finding], gaps: &[std::ops::Range<usize>]) {
    if gaps.is_empty() {
        return;
    }
    for finding in findings {
        if let Some(fix) = &finding.fix {
            let next = gaps.partition_point(|gap| gap.end <= fix.range.start);
            if gaps.get(next).is_some_and(|gap| gap.start < fix.range.end) {
                finding.fix = None;
            }
        }
    }
}

/// Writes the fixes' replacements as the file's format needs them.
fn escape_fixes(findings: &mut [Finding], text: &str, format: Format) {
    crate::fix::write_for_format(findings, text, format);
}

impl Analyzed {
    /// Drops the text and mentions of a file once they are no longer
    /// needed: always for a file without findings, else unless the text is
    /// kept for the report.
    fn release(&mut self, keep_text: bool) {
        if self.result.findings.is_empty() || !keep_text {
            self.text = String::new();
            self.lines = LineIndex::lazy();
            self.result.mentions = Vec::new();
            self.result.flagged = Vec::new();
        }
    }
}

/// The checkable files under `folder`, sorted, and the folders (or other
/// entries) that could not be read, named with the system's reason.
fn walk_folder(config: &Config, folder: &Path) -> (Vec<Job>, Vec<FileError>) {
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
                            path: path.display().to_string(),
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
fn walk_error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Partial(errors) if errors.len() == 1 => walk_error_path(&errors[0]),
        _ => None,
    }
}

/// The error for a file its format's parser rejects.
fn malformed(path: String, text: &str, error: FormatError) -> FileError {
    let mut offset = error.offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let position = LineIndex::new(text).position(text, offset);
    FileError {
        path,
        kind: FileErrorKind::Malformed {
            line: position.line,
            column: position.column,
            detail: error.detail,
        },
    }
}

/// Folders walked ahead of checking, e.g. while the glossary loads (the
/// walk needs only the configuration); [`Linter::with_walks`] hands them over.
#[derive(Debug, Default)]
pub struct Walks(WalkMap);

/// Each folder's files to check and the entries that could not be read.
type WalkMap = std::collections::HashMap<PathBuf, (Vec<Job>, Vec<FileError>)>;

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

/// What reading and checking one file gave: nothing (a binary file met
/// while walking), its path and result, or why it could not be read.
type Outcome<T> = Result<Option<(String, T)>, Box<FileError>>;

/// Segments spanning this many bytes or more (a large file that comes in
/// one part) are matched in parallel.
const PARALLEL_TEXT_BYTES: usize = 1 << 20;

/// A document read from a file or standard input.
pub struct Document {
    /// The path as given or walked (`<stdin>` for standard input).
    pub path: String,
    /// The decoded text.
    pub text: String,
    /// Its format.
    pub format: Format,
    /// Its language.
    pub language: Language,
}

/// A file after its checks ran.
struct Analyzed {
    path: String,
    text: String,
    format: Format,
    lines: LineIndex,
    result: DocumentFindings,
}

/// The bytes of a regular file (following symbolic links). FIFOs, devices
/// and sockets are refused before they are opened: reading them may block
/// forever or never end.
fn read_regular_file(path: &Path) -> Result<Vec<u8>, FileErrorKind> {
    let unreadable = |err: std::io::Error| FileErrorKind::Unreadable {
        reason: io_reason(&err),
    };
    // Opened without blocking (a FIFO would wait for a writer), then
    // examined through the open file: one path lookup per file.
    let mut file = match open_without_blocking(path) {
        Ok(file) => file,
        Err(err) => {
            // Sockets cannot be opened at all: say what they are.
            let metadata = std::fs::metadata(path).map_err(unreadable)?;
            return Err(match metadata.is_file() {
                true => unreadable(err),
                false => FileErrorKind::NotRegular,
            });
        }
    };
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(FileErrorKind::NotRegular);
    }
    let mut bytes = Vec::new();
    let expected = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    bytes
        .try_reserve_exact(expected)
        .map_err(|_| FileErrorKind::Unreadable {
            reason: io_reason(&std::io::Error::from(std::io::ErrorKind::OutOfMemory)),
        })?;
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(unreadable)?;
    Ok(bytes)
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

/// The text of a file, unless it is UTF-16, binary or not UTF-8.
fn decode(path: &str, bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileError {
            path: path.to_string(),
            kind: FileErrorKind::Utf16,
        });
    }
    if bytes.contains(&0) {
        return Err(FileError {
            path: path.to_string(),
            kind: FileErrorKind::Binary,
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let position = LineIndex::new(valid).position(valid, valid.len());
        FileError {
            path: path.to_string(),
            kind: FileErrorKind::InvalidUtf8 {
                line: position.line,
                column: position.column,
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::GlossaryLoader;
    use proptest::prelude::*;

    const GLOSSARY: &str = r#"
        [[concept]]
        id = "abu-hudhayfah"
        [concept.lang.en]
        preferred = "Abu Hudhayfah"
        deprecated = ["Abu Hudhaifa"]

        [[concept]]
        id = "kerman"
        [concept.lang.en]
        preferred = "Kerman"
        deprecated = ["Kirman"]
        [concept.lang.ru]
        preferred = "Керман"
        deprecated = ["Кирман"]

        [[concept]]
        id = "shia"
        [concept.lang.en]
        preferred = "Shia"
        deprecated = ["Shi'ite"]

        [[concept]]
        id = "us"
        [concept.lang.en]
        preferred = { term = "U.S.", case_sensitive = true }
    "#;

    fn linter() -> Linter {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("test.toml", GLOSSARY.to_string());
        let mut config = Config::default();
        config.checks.set(CheckId::Unlisted, None);
        Linter::new(Matcher::new(loader.load().unwrap()).unwrap(), config)
    }

    /// Names with markup around and inside them, near-misses and filler.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Abu Hudhaifa",
            "**Abu** Hudhaifa",
            "Ab*u* Hudhaifa",
            "Abu *Hudhaifa*",
            "> Abu\n> Hudhaifa",
            "Abu\nHudhaifa",
            "[Abu Hudhaifa](https://example.org/abu)",
            "`Abu Hudhaifa`",
            "Abu-Hudhaifa",
            "Kirman",
            "Kir*man*",
            "Kir**man**",
            "Kir\\man",
            "~~Kirman~~",
            "Kir~~man~~",
            "KIRMAN",
            "Kirman's",
            "d'Kirman",
            "l’Kirman",
            "Кирмане",
            "Кирман",
            "Кир*мане*",
            "Shi'ite",
            "Shi\\'ite",
            "Shi*'ite*",
            "U.S.",
            "u.s.",
            "U.*S.*",
            "about",
            "Kermanshah",
            "Abul",
            "Hudhaifas",
            "the",
            "and",
            "\n\n",
            "# ",
            "- ",
            "1. ",
            "<b>",
            "</b>",
            "&amp;",
            "&#75;irman",
            "*",
            "_",
            "\\",
            "\n",
            "    ",
            "```\n",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// A Markdown document is skipped only when parsing it would find
        /// no mention at all.
        #[test]
        fn skipping_a_document_never_loses_a_mention(parts in prop::collection::vec(piece(), 0..10)) {
            let linter = linter();
            let text = parts.concat();
            if linter.cannot_have_findings(&text, Format::Markdown) {
                for language in ["en", "ru"] {
                    let language = Language::parse(language).unwrap();
                    let segments = Format::Markdown.segments(&text).unwrap();
                    let found = linter.find(&text, &segments, &language);
                    prop_assert!(found.mentions.is_empty(), "{:?} skipped, but mentions {:?}", text, found.mentions);
                }
            }
        }
    }

    #[test]
    fn a_large_document_matched_in_parallel_keeps_every_mention_in_order() {
        let linter = linter();
        let paragraph = "Roads *lead* on. Kirman, then Abu Hudhaifa.\n\n";
        let text = paragraph.repeat(PARALLEL_TEXT_BYTES / paragraph.len() + 100);
        let segments = Format::Markdown.segments(&text).unwrap();
        let found = linter.find(&text, &segments, &Language::parse("en").unwrap());
        let starts: Vec<usize> = found.mentions.iter().map(|m| m.range.start).collect();
        let expected: Vec<usize> = text
            .match_indices(paragraph)
            .flat_map(|(at, _)| [at + 17, at + 30])
            .collect();
        assert_eq!(starts.len(), expected.len());
        assert!(starts == expected, "first mentions {:?}", &starts[..4]);
    }

    #[test]
    fn documents_that_name_nobody_are_skipped_and_the_others_kept() {
        let linter = linter();
        let skipped = |text: &str| linter.cannot_have_findings(text, Format::Markdown);
        assert!(skipped("About the Kermanshah road, and Abul.\n"));
        assert!(!skipped("About **Abu** Hudhaifa.\n"));
        assert!(!skipped("Kir*man*\n"), "emphasis inside a word");
        assert!(!skipped("U.*S.*\n"), "emphasis inside an abbreviation");
        assert!(
            !skipped("KIRMAN`Abu Hudhaifa`Abu *Hudhaifa*\n"),
            "a name right after a code span"
        );
        assert!(!skipped("Кирмане\n"), "an inflected form");
        assert!(
            !skipped("A note. <!-- termlint-disable -->\n"),
            "a suppression comment"
        );
        assert!(!skipped("Kirman"));
        assert!(
            !linter.cannot_have_findings("About the road.", Format::Text),
            "only Markdown is skipped"
        );
    }
}
