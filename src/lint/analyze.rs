//! Linting one document: matching, the checks, suppressions and `[[ignore]]`
//! rules, and fixes withheld where they would write over markup.

use std::ops::Range;
use std::path::Path;

use super::find::{Found, SegmentFound};
use super::input::Input;
use super::Linter;
use crate::check::{
    bilingual_findings, inconsistent_findings, mention_checks, segment_findings, CheckId, CheckSettings,
    CheckedText, ConsistencyInput, Detail, DocumentFindings, Finding, SegmentScope, UnitText,
};
use crate::config::ConsistencyScope;
use crate::document::{Format, FormatError, Segment};
use crate::lang::Language;
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

    /// Runs the checks on one document read from a file or standard input;
    /// consistency too, unless it is judged over the whole project.
    pub(super) fn analyze(&self, document: Document) -> Result<Analyzed, FileError> {
        let Document {
            input,
            text,
            format,
            language,
            transcoded,
        } = document;
        let within_document =
            self.config.consistency == ConsistencyScope::Document || self.project_usage.is_some();
        match self.analyze_text(input.path(), &text, format, &language, within_document) {
            Ok((mut result, lines)) => {
                if transcoded {
                    withhold_all_fixes(&mut result.findings);
                }
                Ok(Analyzed {
                    input,
                    text,
                    format,
                    language,
                    transcoded,
                    lines,
                    result,
                })
            }
            Err(error) => Err(malformed(input, &text, error)),
        }
    }

    /// The findings of one text before suppressions: its mentions and
    /// unlisted spellings checked, the bilingual checks, and consistency
    /// within the text when `judge_consistency`, each check at the severity
    /// the configuration gives the document at `path` in `language`
    /// ([`Config::checks_for`](crate::config::Config::checks_for)). Fixes
    /// that would write over markup are withheld and the others escaped as
    /// the format needs.
    pub(super) fn analyze_text(
        &self,
        path: Option<&Path>,
        text: &str,
        format: Format,
        language: &Language,
        judge_consistency: bool,
    ) -> Result<(DocumentFindings, LineIndex), FormatError> {
        if self.cannot_have_findings(text, format) {
            return Ok((DocumentFindings::default(), LineIndex::lazy()));
        }
        let (mut found, gaps) = self.find_in_document(text, format, language)?;
        found.settle(text);
        let lines = LineIndex::lazy();
        let checked = CheckedText { text, lines: &lines };
        let settings = &*self.config.checks_for(path, language);
        let mentions = std::mem::take(&mut found.mentions);
        let units = std::mem::take(&mut found.units);
        let found_ref = &found;
        // The three judgements read what was found and not one another: a
        // large bilingual file keeps every core busy with them.
        let ((bilingual, mut result), (units, segment_found)) = rayon::join(
            || {
                rayon::join(
                    || bilingual_findings(&self.matcher, &checked, &found_ref.bilingual(), settings),
                    || {
                        self.judge_mentions(
                            path,
                            &checked,
                            mentions,
                            (&found_ref.unlisted, &found_ref.others),
                            settings,
                            judge_consistency,
                        )
                    },
                )
            },
            || self.judge_segments(&checked, units, settings, judge_consistency),
        );
        result.findings.extend(bilingual);
        result.findings.extend(segment_found);
        result.units = units;
        withhold_fixes_across_markup(&mut result.findings, &gaps);
        escape_fixes(&mut result.findings, text, format);
        name_segments(&mut result.findings, found.segments());
        Ok((result, lines))
    }

    /// The per-mention checks, and consistency within the text when
    /// `judge_consistency`.
    fn judge_mentions(
        &self,
        path: Option<&Path>,
        checked: &CheckedText,
        mentions: Vec<crate::matcher::Mention>,
        (unlisted, others): (&[crate::unlisted::Unlisted], &[crate::matcher::OtherForm]),
        settings: &CheckSettings,
        judge_consistency: bool,
    ) -> DocumentFindings {
        let mut result = mention_checks(&self.matcher, checked, mentions, unlisted, others, settings);
        let severity = settings.severity(CheckId::Inconsistent);
        if let (Some(severity), true) = (severity, judge_consistency) {
            // Within one document, no other file is ever named; against a
            // project's uses, the file is named as the run names it.
            let name = match (&self.project_usage, path) {
                (Some(_), Some(path)) => path.to_string_lossy(),
                (Some(_), None) => Input::Stdin.to_text(),
                (None, _) => "".into(),
            };
            let scope = [ConsistencyInput {
                path: &name,
                document: checked,
                mentions: &result.mentions,
                flagged: &result.flagged,
            }];
            let found = inconsistent_findings(&self.matcher, &scope, severity, self.project_usage.as_ref());
            result.findings.extend(found.into_iter().map(|(_, f)| f));
        }
        result
    }

    /// The translation units of a bilingual text and, when
    /// `judge_consistency`, its segment consistency findings; else the
    /// units are kept, to be judged over the project.
    fn judge_segments(
        &self,
        checked: &CheckedText,
        units: Vec<UnitText>,
        settings: &CheckSettings,
        judge_consistency: bool,
    ) -> (Vec<UnitText>, Vec<Finding>) {
        if !judge_consistency || units.is_empty() {
            return (units, Vec::new());
        }
        let scope = [SegmentScope {
            path: "",
            document: checked,
            units: &units,
        }];
        let target = settings.severity(CheckId::InconsistentTarget);
        let source = settings.severity(CheckId::InconsistentSource);
        let found = segment_findings(&scope, target, source);
        (Vec::new(), found.into_iter().map(|(_, f)| f).collect())
    }

    /// What a document's segments yield, and the markup between their
    /// pieces. A large Markdown file is read and matched block by block, in
    /// parallel, and its blocks that cannot hold findings are not parsed.
    fn find_in_document(
        &self,
        text: &str,
        format: Format,
        language: &Language,
    ) -> Result<(Found, Vec<Range<usize>>), FormatError> {
        let may_matter = |part: &str| !self.cannot_have_findings(part, format);
        let each_part = |mut segments: Vec<Segment>| {
            let gaps = markup_gaps(text, &segments, format);
            segments.retain(|s| self.wants(s));
            (self.find(text, &segments, language), gaps)
        };
        let parts = format.map_segments(text, &may_matter, &each_part)?;
        let (founds, gaps): (Vec<Found>, Vec<Vec<Range<usize>>>) = parts.into_iter().unzip();
        Ok((Found::concat(founds), gaps.concat()))
    }

    /// Whether a segment is checked: not if it is locked and locked
    /// segments are skipped, nor if it is confirmed and only unconfirmed
    /// ones are checked.
    pub(super) fn wants(&self, segment: &Segment) -> bool {
        !(self.config.skip_locked && segment.info.locked
            || self.config.only_unconfirmed && segment.info.confirmed)
    }

    /// Removes the findings that directives and `ignore` rules cover (rules
    /// naming files apply only to a document with a path), and reports
    /// unused directives when asked (at the severity the document's
    /// settings give them).
    pub(super) fn suppress(
        &self,
        path: Option<&Path>,
        language: &Language,
        text: &str,
        format: Format,
        lines: &LineIndex,
        findings: &mut Vec<Finding>,
    ) {
        if !self.config.ignores.is_empty() {
            let relative = path.map(|path| self.config.relative_path(path));
            apply_ignores(findings, &self.config.ignores, relative.as_deref());
        }
        let directives = directives(text, format);
        if directives.is_empty() {
            return;
        }
        let unused = apply_directives(findings, &directives);
        let severity = self
            .config
            .checks_for(path, language)
            .severity(CheckId::UnusedSuppression);
        if let (true, Some(severity)) = (self.config.report_unused_suppressions, severity) {
            for index in unused {
                let range = directives[index].range.clone();
                findings.push(Finding {
                    segment: None,
                    check: CheckId::UnusedSuppression,
                    severity,
                    start: lines.position(text, range.start),
                    end: lines.position(text, range.end),
                    concept: String::new(),
                    found: text[range.clone()].to_string(),
                    range,
                    suggestion: None,
                    detail: Detail::UnusedSuppression,
                    fix: None,
                });
            }
        }
    }
}

/// Gives each finding inside a segment that has an id (a bilingual file's
/// translation unit or segment) that id.
fn name_segments<'a>(findings: &mut [Finding], segments: impl Iterator<Item = &'a SegmentFound>) {
    if findings.iter().all(|f| f.segment.is_some()) {
        return;
    }
    let named = SegmentIds::new(segments.map(|s| (s.span.clone(), s.id.as_deref())));
    if named.0.is_empty() {
        return;
    }
    for finding in findings.iter_mut().filter(|f| f.segment.is_none()) {
        finding.segment = named.at(finding.range.start).map(str::to_string);
    }
}

/// The id of the segment holding `offset`, if it has one.
pub(super) fn segment_id_at(segments: &[Segment], offset: usize) -> Option<String> {
    SegmentIds::new(segments.iter().map(|s| (s.span(), s.info.id.as_deref())))
        .at(offset)
        .map(str::to_string)
}

/// The spans of the segments that have an id, sorted (segments never
/// overlap), with their ids.
struct SegmentIds<'a>(Vec<(Range<usize>, &'a str)>);

impl<'a> SegmentIds<'a> {
    fn new(segments: impl Iterator<Item = (Range<usize>, Option<&'a str>)>) -> Self {
        let mut named: Vec<(Range<usize>, &str)> = segments
            .filter_map(|(span, id)| id.map(|id| (span, id)))
            .collect();
        named.sort_by_key(|(span, _)| span.start);
        SegmentIds(named)
    }

    /// The id of the segment holding `offset`.
    fn at(&self, offset: usize) -> Option<&'a str> {
        let after = self.0.partition_point(|(span, _)| span.start <= offset);
        let (span, id) = self.0.get(after.checked_sub(1)?)?;
        span.contains(&offset).then_some(*id)
    }
}

/// The markup inside segments, merged and sorted: between two pieces of a
/// segment, what is more than white space (and, in PO, more than the quotes
/// that continue a string on the next line). A name may run across it
/// (`Abu **Hafs**`, `Ghasem <pc id="1">Soleimani</pc>`), but a fix must not
/// write over it. A read-only segment is a gap whole.
pub(super) fn markup_gaps(text: &str, segments: &[Segment], format: Format) -> Vec<Range<usize>> {
    let mut gaps: Vec<Range<usize>> = segments
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
        // A fix must not write a read-only segment alone.
        .chain(segments.iter().filter(|s| s.info.read_only).map(Segment::span))
        .collect();
    gaps.sort_by_key(|gap| gap.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(gaps.len());
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
pub(super) fn withhold_fixes_across_markup(findings: &mut [Finding], gaps: &[Range<usize>]) {
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

/// Writes the fixes' replacements as the file's format needs them, or
/// withholds the fixes the format cannot hold.
pub(super) fn escape_fixes(findings: &mut [Finding], text: &str, format: Format) {
    crate::fix::write_for_format(findings, text, format);
}

/// A file after its checks ran.
pub(super) struct Analyzed {
    pub(super) input: Input,
    pub(super) text: String,
    pub(super) format: Format,
    pub(super) language: Language,
    /// Read from UTF-16: no fix can be written (see [`Document::transcoded`]).
    pub(super) transcoded: bool,
    pub(super) lines: LineIndex,
    pub(super) result: DocumentFindings,
}

/// Leaves findings without fixes (a file read from UTF-16).
pub(super) fn withhold_all_fixes(findings: &mut [Finding]) {
    findings.iter_mut().for_each(|finding| finding.fix = None);
}

impl Analyzed {
    /// Removes what suppressions and `ignore` rules cover (see
    /// [`Linter::suppress`]).
    pub(super) fn suppress(&mut self, linter: &Linter) {
        let path = self.input.path();
        linter.suppress(
            path,
            &self.language,
            &self.text,
            self.format,
            &self.lines,
            &mut self.result.findings,
        );
    }

    /// Drops what the report does not need once consistency is judged and
    /// suppressions applied: the mentions and the line index always, the
    /// text too for a file without findings or when texts are not kept.
    pub(super) fn release(&mut self, keep_text: bool) {
        self.lines = LineIndex::lazy();
        self.result.mentions = Vec::new();
        self.result.flagged = Vec::new();
        self.result.units = Vec::new();
        if self.result.findings.is_empty() || !keep_text {
            self.text = String::new();
        }
    }
}
