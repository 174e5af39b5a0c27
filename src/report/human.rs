//! The human format, shaped like rustc's diagnostics: `path:line:col`, the
//! check id, the line with the span underlined, and the suggestion.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{Level, Renderer, Snippet};

use crate::check::{CheckId, Detail, Finding, Severity};
use crate::glossary::Glossary;
use crate::i18n::{Localizer, Message};
use crate::lint::{FileReport, Report};
use crate::text::LineIndex;

use super::{finding_message, segment_place_message, severity_message, summary_message};

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
        self.localizer.render(&summary_message(report))
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
        let end = finding.range.end.min(last.end);
        let (source, span) = quoted(&file.text, first.start..last.end, finding.range.start..end);
        // A segment-consistency finding lists every segment of its group.
        let places: Vec<String> = match &finding.detail {
            Detail::InconsistentSegments { places, .. } => places
                .iter()
                .map(|place| self.localizer.render(&segment_place_message(place, &origin)))
                .collect(),
            _ => Vec::new(),
        };
        let mut message = level.title(&title).id(finding.check.as_str()).snippet(
            Snippet::source(&source)
                .line_start(finding.start.line)
                .origin(&origin)
                .annotation(level.span(span.clone()).label(&help)),
        );
        for place in &places {
            message = message.footer(Level::Note.title(place));
        }
        let rendered = self.renderer.render(message).to_string();
        let rendered = with_true_column(rendered, &origin, &source, &span, finding);
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

/// annotate-snippets counts the column of the `-->` line in the text it
/// quotes; a long line is quoted from inside (see [`quoted`]), so the
/// column it writes is replaced by the finding's own, counted from the
/// start of the line.
fn with_true_column(
    rendered: String,
    origin: &str,
    source: &str,
    span: &Range<usize>,
    finding: &Finding,
) -> String {
    let quoted_column = source[..span.start].chars().count() + 1;
    if quoted_column == finding.start.column {
        return rendered;
    }
    let line = finding.start.line;
    rendered.replacen(
        &format!("{origin}:{line}:{quoted_column}"),
        &format!("{origin}:{line}:{}", finding.start.column),
        1,
    )
}

/// How much of a long line is quoted on each side of a finding, in bytes.
const CONTEXT: usize = 120;

/// The text to quote for a finding at `span` within the lines `lines` of
/// `text`, and the span within it. Long lines are cut to [`CONTEXT`] bytes
/// on each side (marked `…`): quoting a whole line per finding would make
/// many findings on one long line quadratic, and unreadable.
fn quoted(text: &str, lines: Range<usize>, span: Range<usize>) -> (String, Range<usize>) {
    let mut start = span.start.saturating_sub(CONTEXT).max(lines.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (span.end + CONTEXT).min(lines.end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = if start > lines.start { "…" } else { "" };
    let after = if end < lines.end { "…" } else { "" };
    let source = format!("{before}{}{after}", snippet_source(&text[start..end]));
    let shift = before.len();
    (source, span.start - start + shift..span.end - start + shift)
}

/// `source` made safe to quote with the same byte length, so spans stay
/// valid: a lone CR becomes LF (it ends a line, as the line numbers count
/// it) and the CR of CRLF a space (a bare CR would garble the terminal);
/// other control characters, which a terminal would act on, become `?`
/// (C0) or `·` (C1), and bidirectional overrides `�`.
fn snippet_source(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    for (at, c) in source.char_indices() {
        match c {
            '\r' if bytes.get(at + 1) == Some(&b'\n') => out.push(' '),
            '\r' => out.push('\n'),
            '\t' | '\n' => out.push(c),
            c if c.is_control() && c.len_utf8() == 1 => out.push('?'),
            c if c.is_control() => out.push('·'),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_quoted_around_the_finding_only() {
        let line = format!("{}Kirman{}", "é".repeat(500), "a".repeat(500));
        let at = line.find("Kirman").unwrap();
        let (source, span) = quoted(&line, 0..line.len(), at..at + 6);
        assert_eq!(&source[span.clone()], "Kirman");
        assert!(source.starts_with('…') && source.ends_with('…'), "{source}");
        assert!(
            source.len() <= 2 * CONTEXT + 6 + 2 * '…'.len_utf8(),
            "{}",
            source.len()
        );
        let short = "In Kirman.";
        assert_eq!(quoted(short, 0..short.len(), 3..9), (short.to_string(), 3..9));
    }

    #[test]
    fn control_characters_are_shown_not_acted_on() {
        let shown = snippet_source("a\u{1b}[2Jb\u{9b}c\u{202e}d\r\ne\rf\tg");
        assert_eq!(shown, "a?[2Jb·c\u{FFFD}d \ne\nf\tg");
        assert_eq!(shown.len(), "a\u{1b}[2Jb\u{9b}c\u{202e}d\r\ne\rf\tg".len());
    }
}
