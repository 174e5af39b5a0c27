//! The human format, shaped like rustc's diagnostics: `path:line:col`, the
//! check id, the line with the span underlined, and the suggestion.

use std::io::{self, Write};

use annotate_snippets::{Level, Renderer, Snippet};

use crate::check::{CheckId, Finding, Severity};
use crate::glossary::Glossary;
use crate::i18n::{Localizer, Message};
use crate::lint::{FileReport, Report};
use crate::text::LineIndex;

use super::{finding_message, severity_message};

/// Writes reports for people. Colour is written always; the caller decides
/// whether to strip it (anstream does, for pipes and `NO_COLOR`).
pub struct HumanReporter<'a> {
    localizer: &'a Localizer,
    glossary: &'a Glossary,
    renderer: Renderer,
}

impl<'a> HumanReporter<'a> {
    /// A reporter speaking through `localizer`.
    pub fn new(localizer: &'a Localizer, glossary: &'a Glossary) -> Self {
        HumanReporter {
            localizer,
            glossary,
            renderer: Renderer::styled(),
        }
    }

    /// Writes every finding and file error, then nothing else.
    pub fn write_findings(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for file in &report.files {
            let lines = LineIndex::new(&file.text);
            for finding in &file.findings {
                writeln!(out, "{}\n", self.render_finding(file, &lines, finding))?;
            }
        }
        Ok(())
    }

    /// Writes the file errors.
    pub fn write_errors(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for error in &report.errors {
            let title = self.localizer.render(&error.message());
            let rendered = self.renderer.render(Level::Error.title(&title)).to_string();
            writeln!(out, "{}", self.localize_level(rendered, Severity::Error))?;
        }
        Ok(())
    }

    /// The one-line summary.
    pub fn summary(&self, report: &Report) -> String {
        let count = |severity| report.findings().filter(|f| f.severity == severity).count();
        let message = Message::new("summary")
            .number("findings", report.findings().count())
            .number("errors", count(Severity::Error))
            .number("warnings", count(Severity::Warning))
            .number("infos", count(Severity::Info))
            .number("files", report.files_checked)
            .number("unreadable", report.errors.len());
        self.localizer.render(&message)
    }

    fn render_finding(&self, file: &FileReport, lines: &LineIndex, finding: &Finding) -> String {
        let level = match finding.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        };
        let title = self.localizer.render(&finding_message(
            finding,
            self.glossary,
            self.localizer.language(),
        ));
        let help = finding
            .suggestion
            .as_ref()
            .map(|s| {
                // A missing term is added to the target, not written over it.
                let id = match finding.check {
                    CheckId::MissingTerm => "finding-help-missing",
                    _ => "finding-help",
                };
                self.localizer.render(&Message::new(id).text("suggestion", s))
            })
            .unwrap_or_default();
        let origin = file.input.to_string();
        let first = lines.line_range(&file.text, finding.start.line);
        let last = lines.line_range(&file.text, finding.end.line.max(finding.start.line));
        let source = snippet_source(&file.text[first.start..last.end]);
        let span = finding.range.start - first.start..finding.range.end.min(last.end) - first.start;
        let message = level.title(&title).id(finding.check.as_str()).snippet(
            Snippet::source(&source)
                .line_start(finding.start.line)
                .origin(&origin)
                .annotation(level.span(span).label(&help)),
        );
        let rendered = self.renderer.render(message).to_string();
        self.localize_level(rendered, finding.severity)
    }

    /// annotate-snippets writes the level (`error`, `warning`, `info`) in
    /// English at the very start of a diagnostic, after colour codes at most
    /// (which hold no letters of these words); the first occurrence is
    /// therefore the level, and is replaced by the interface's word.
    fn localize_level(&self, rendered: String, severity: Severity) -> String {
        let word = self.localizer.render(&severity_message(severity));
        rendered.replacen(severity.as_str(), &word, 1)
    }
}

/// `source` with line breaks as the snippet renderer reads them: a lone CR
/// becomes LF (it ends a line, as the line numbers count it) and the CR of
/// CRLF a space (a bare CR would garble the terminal). Same byte length, so
/// spans stay valid.
fn snippet_source(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    for (at, c) in source.char_indices() {
        match c {
            '\r' if bytes.get(at + 1) == Some(&b'\n') => out.push(' '),
            '\r' => out.push('\n'),
            c => out.push(c),
        }
    }
    out
}
