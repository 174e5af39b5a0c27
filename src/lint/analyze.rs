//! Linting one document: matching, the checks, suppressions and `[[ignore]]`
//! rules, and fixes withheld where they would write over markup.

use std::path::Path;

use super::find::Found;
use super::Linter;
use crate::check::{
    bilingual_findings, inconsistent_findings, mention_checks, CheckId, CheckedText, ConsistencyInput,
    Detail, DocumentFindings, Finding,
};
use crate::config::ConsistencyScope;
use crate::document::{Format, Segment};
use crate::lint::read::{malformed, Document, FileError};
use crate::suppress::{apply_directives, apply_ignores, directives};
use crate::text::LineIndex;

impl Linter {
    /// Whether a document is sure to have no finding, so that parsing it can
    /// be skipped (most files of a large repository name nobody). Only for
    /// Markdown, which never rejects a file, and only when no term's first
    /// word is in it ([`Matcher::could_mention`]), no markup splits a word,
    /// no suppression comment may need reporting, and the `unlisted` check,
    /// which looks at every word, is off.
    pub(super) fn cannot_have_findings(&self, text: &str, format: Format) -> bool {
        format == Format::Markdown
            && self.unlisted.is_none()
            && !text.contains("termlint-")
            && crate::document::markdown::keeps_words_whole(text)
            && !self.matcher.could_mention(text)
    }

    /// Runs the checks on one document; consistency too, unless it is
    /// judged over the whole project.
    pub(super) fn analyze(&self, document: Document) -> Result<Analyzed, FileError> {
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
        escape_fixes(&mut result.findings, format);
        Ok(Analyzed {
            path,
            text,
            format,
            lines,
            result,
        })
    }

    /// Removes the findings that directives and `ignore` rules cover, and
    /// reports unused directives when asked.
    pub(super) fn suppress(&self, file: &mut Analyzed) {
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
}

/// The markup inside segments, merged and sorted: between two pieces of a
/// segment, what is more than white space (and, in PO, more than the quotes
/// that continue a string on the next line). A name may run across it
/// (`Abu **Hafs**`, `Ghasem <pc id="1">Soleimani</pc>`), but a fix must not
/// write over it.
pub(super) fn markup_gaps(text: &str, segments: &[Segment], format: Format) -> Vec<std::ops::Range<usize>> {
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
pub(super) fn withhold_fixes_across_markup(findings: &mut [Finding], gaps: &[std::ops::Range<usize>]) {
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
pub(super) fn escape_fixes(findings: &mut [Finding], format: Format) {
    for fix in findings.iter_mut().filter_map(|f| f.fix.as_mut()) {
        fix.replacement = format.escape(&fix.replacement);
    }
}

/// A file after its checks ran.
pub(super) struct Analyzed {
    pub(super) path: String,
    pub(super) text: String,
    pub(super) format: Format,
    pub(super) lines: LineIndex,
    pub(super) result: DocumentFindings,
}

impl Analyzed {
    /// Drops the text and mentions of a file once they are no longer
    /// needed: always for a file without findings, else unless the text is
    /// kept for the report.
    pub(super) fn release(&mut self, keep_text: bool) {
        if self.result.findings.is_empty() || !keep_text {
            self.text = String::new();
            self.lines = LineIndex::lazy();
            self.result.mentions = Vec::new();
            self.result.flagged = Vec::new();
        }
    }
}
