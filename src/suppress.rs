//! Suppressions: inline directives in a document's comments, and `ignore`
//! rules of `termlint.toml`, for quotations that must keep their spelling.
//!
//! Directives, in the comment syntax of each format (`<!-- … -->` in
//! Markdown, HTML and XLIFF; `# …` in PO and Fluent; anywhere on a line of
//! plain text):
//! * `termlint-disable-next-line [check…]` — the findings of the next line;
//! * `termlint-disable [check…]` … `termlint-enable` — every finding between.
//!
//! Without check ids a directive covers every check. A directive that covers
//! no finding is *unused*, which `--report-unused-suppressions` reports.

use std::ops::Range;

use crate::check::{CheckId, Finding};
use crate::document::Format;
use crate::text::lines_with_breaks;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// Covers the next line.
    NextLine,
    /// Starts a region.
    Disable,
    /// Ends a region.
    Enable,
}

/// One suppression directive of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: DirectiveKind,
    /// The checks it covers; empty for all.
    pub checks: Vec<CheckId>,
    /// 1-based line of the directive.
    pub line: usize,
    /// Byte range of the directive's text.
    pub range: Range<usize>,
}

/// An `ignore` rule of `termlint.toml`.
#[derive(Clone, Debug, Default)]
pub struct IgnoreRule {
    /// Files the rule applies to (relative to the configuration); all when `None`.
    pub files: Option<globset::GlobMatcher>,
    /// Concept ids whose findings are ignored.
    pub concepts: Vec<String>,
    /// Exact phrases (as found in the text) whose findings are ignored.
    pub phrases: Vec<String>,
    /// The checks the rule covers; empty for all.
    pub checks: Vec<CheckId>,
}

/// The directives of a document.
pub fn directives(text: &str, format: Format) -> Vec<Directive> {
    let mut found = Vec::new();
    if !text.contains("termlint-") {
        return found;
    }
    // Lines as findings count them, so `next-line` means the same line.
    for (index, (line_start, line)) in lines_with_breaks(text).enumerate() {
        for (offset, comment) in comments(line, format) {
            if let Some(directive) = parse_directive(comment, index + 1, line_start + offset) {
                found.push(directive);
            }
        }
    }
    found
}

/// The comments of one line, with their byte offsets in the line.
fn comments(line: &str, format: Format) -> Vec<(usize, &str)> {
    match format {
        Format::Markdown | Format::Html | Format::Xliff | Format::Tmx => {
            let mut out = Vec::new();
            let mut from = 0;
            while let Some(start) = line[from..].find("<!--") {
                let body = from + start + 4;
                let end = line[body..].find("-->").map_or(line.len(), |e| body + e);
                out.push((body, &line[body..end]));
                from = end;
            }
            out
        }
        Format::Po | Format::Fluent => {
            let trimmed = line.trim_start();
            match trimmed.strip_prefix('#') {
                Some(body) => vec![(line.len() - body.len(), body)],
                None => Vec::new(),
            }
        }
        Format::Text | Format::Tsv | Format::Csv => vec![(0, line)],
    }
}

fn parse_directive(comment: &str, line: usize, offset: usize) -> Option<Directive> {
    let start = comment.find("termlint-")?;
    let rest = &comment[start..];
    let word_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let kind = match &rest[..word_end] {
        "termlint-disable-next-line" => DirectiveKind::NextLine,
        "termlint-disable" => DirectiveKind::Disable,
        "termlint-enable" => DirectiveKind::Enable,
        _ => return None,
    };
    let checks = rest[word_end..]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|word| word.parse::<CheckId>().ok())
        .collect();
    let text_end = rest.trim_end().len();
    Some(Directive {
        kind,
        checks,
        line,
        range: offset + start..offset + start + text_end,
    })
}

fn covers(checks: &[CheckId], check: CheckId) -> bool {
    checks.is_empty() || checks.contains(&check)
}

/// Removes the findings the directives cover; returns the indices of the
/// directives that covered none (`Disable` regions count as one directive,
/// `Enable` never counts).
pub fn apply_directives(findings: &mut Vec<Finding>, directives: &[Directive]) -> Vec<usize> {
    let mut used = vec![false; directives.len()];
    findings.retain(|finding| match covering_directive(directives, finding) {
        Some(index) => {
            used[index] = true;
            false
        }
        None => true,
    });
    (0..directives.len())
        .filter(|&i| !used[i] && directives[i].kind != DirectiveKind::Enable)
        .collect()
}

/// The directive that covers a finding, if any.
fn covering_directive(directives: &[Directive], finding: &Finding) -> Option<usize> {
    let line = finding.start.line;
    let mut region: Option<usize> = None;
    for (index, directive) in directives.iter().enumerate() {
        if directive.line >= line {
            break;
        }
        match directive.kind {
            DirectiveKind::Disable if covers(&directive.checks, finding.check) => region = Some(index),
            DirectiveKind::Enable => region = None,
            _ => {}
        }
    }
    let next_line = directives.iter().position(|d| {
        d.kind == DirectiveKind::NextLine && d.line + 1 == line && covers(&d.checks, finding.check)
    });
    next_line.or(region)
}

/// Removes the findings an ignore rule covers. A rule that names files
/// applies only to a document with a path (`path`, relative to the
/// configuration's folder) that one of them matches.
pub fn apply_ignores(findings: &mut Vec<Finding>, rules: &[IgnoreRule], path: Option<&std::path::Path>) {
    let applicable: Vec<&IgnoreRule> = rules
        .iter()
        .filter(|rule| match (&rule.files, path) {
            (None, _) => true,
            (Some(glob), Some(path)) => glob.is_match(path),
            (Some(_), None) => false,
        })
        .collect();
    if applicable.is_empty() {
        return;
    }
    findings.retain(|finding| {
        !applicable.iter().any(|rule| {
            covers(&rule.checks, finding.check)
                && (rule.concepts.contains(&finding.concept) || rule.phrases.contains(&finding.found))
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_directives_in_each_comment_syntax() {
        let markdown = "a\n<!-- termlint-disable-next-line deprecated -->\nKirman\n";
        let found = directives(markdown, Format::Markdown);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, DirectiveKind::NextLine);
        assert_eq!(found[0].checks, [CheckId::Deprecated]);
        assert_eq!(found[0].line, 2);
        assert_eq!(
            &markdown[found[0].range.clone()],
            "termlint-disable-next-line deprecated"
        );
        let po = "# termlint-disable\nmsgid \"x\"\n#termlint-enable\n";
        let kinds: Vec<_> = directives(po, Format::Po).iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DirectiveKind::Disable, DirectiveKind::Enable]);
        assert!(directives("msgid \"termlint-disable\"", Format::Po).is_empty());
    }
}
