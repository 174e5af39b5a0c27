//! Between termlint's findings and the protocol's shapes: URIs to paths,
//! byte ranges to positions, findings to diagnostics and fixes to edits.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use lsp_types::{
    CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, NumberOrString, Position, TextEdit, Uri,
    WorkspaceEdit,
};
use percent_encoding::percent_decode_str;
use termlint::check::{Finding, Severity};
use termlint::document::Format;
use termlint::fix::{is_fixable, FixOptions};
use termlint::glossary::Glossary;
use termlint::i18n::{Localizer, Message};
use termlint::report::finding_message;
use termlint::text::{ColumnUnit, LineIndex};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "termlint";

/// One text and its line index, converting byte ranges to protocol ranges.
pub struct Positions<'a> {
    text: &'a str,
    lines: LineIndex,
    unit: ColumnUnit,
}

impl<'a> Positions<'a> {
    /// Positions in `text`, columns counted in `unit`.
    pub fn new(text: &'a str, unit: ColumnUnit) -> Self {
        Positions {
            text,
            lines: LineIndex::new(text),
            unit,
        }
    }

    /// The protocol position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let (line, column) = self.lines.line_column(self.text, offset, self.unit);
        Position::new(saturate(line), saturate(column))
    }

    /// The byte offset of a protocol position (clamped to its line; see
    /// [`LineIndex::offset`]).
    pub fn offset(&self, position: Position) -> usize {
        self.lines.offset(
            self.text,
            position.line as usize,
            position.character as usize,
            self.unit,
        )
    }

    /// The protocol range of a byte range.
    pub fn range(&self, range: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.position(range.start), self.position(range.end))
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The local path of a `file:` URI (percent-decoded), or `None` for other
/// schemes (`untitled:`) and URIs naming another host.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let (host, path) = rest.split_at(rest.find('/')?);
    if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    Some(PathBuf::from(platform_path(decoded.into_owned())))
}

/// On Windows, `/C:/x` is `C:/x`.
#[cfg(windows)]
fn platform_path(path: String) -> String {
    let bytes = path.as_bytes();
    if bytes.len() >= 3 && bytes[0] == b'/' && bytes[1].is_ascii_alphabetic() && bytes[2] == b':' {
        path[1..].to_string()
    } else {
        path
    }
}

#[cfg(not(windows))]
fn platform_path(path: String) -> String {
    path
}

/// The format of a document: the configuration's, else its extension's,
/// else its editor language id's (`markdown`, `plaintext`, `html`, …).
pub fn document_format(forced: Option<Format>, uri: &Uri, language_id: &str) -> Option<Format> {
    let from_path = || file_path(uri).and_then(|p| Format::from_path(&p));
    let from_name = || {
        let extension = uri.as_str().rsplit_once('.').map(|(_, e)| e);
        extension.and_then(|e| Format::from_name(e.split(['?', '#']).next().unwrap_or_default()))
    };
    let from_language = || match language_id {
        "plaintext" => Some(Format::Text),
        id => Format::from_name(id),
    };
    forced
        .or_else(from_path)
        .or_else(from_name)
        .or_else(from_language)
}

/// Renders the messages of findings for one interface language.
pub struct Wording<'a> {
    pub localizer: &'a Localizer,
    pub glossary: &'a Glossary,
}

impl Wording<'_> {
    /// The diagnostic of a finding: its message, then what to write.
    pub fn diagnostic(&self, finding: &Finding, positions: &Positions) -> Diagnostic {
        let ui = self.localizer.language();
        let mut message = self
            .localizer
            .render(&finding_message(finding, self.glossary, ui));
        if let Some(suggestion) = &finding.suggestion {
            let help = Message::new("finding-help").text("suggestion", suggestion);
            message = format!("{message}\n{}", self.localizer.render(&help));
        }
        Diagnostic {
            range: positions.range(&finding.range),
            severity: Some(severity(finding.severity)),
            code: Some(NumberOrString::String(finding.check.as_str().to_string())),
            source: Some(SOURCE.to_string()),
            message,
            ..Diagnostic::default()
        }
    }

    /// The quick fix of a finding that has an edit: replace exactly the
    /// fix's range. Fixes `--fix` would apply are preferred; the others
    /// (`unlisted`) are offered as suggestions.
    pub fn quick_fix(&self, uri: &Uri, finding: &Finding, positions: &Positions) -> Option<CodeAction> {
        let fix = finding.fix.as_ref()?;
        let edit = TextEdit::new(positions.range(&fix.range), fix.replacement.clone());
        let title = Message::new("lsp-fix-title").text("found", &finding.found).text(
            "replacement",
            finding.suggestion.as_deref().unwrap_or(&fix.replacement),
        );
        Some(CodeAction {
            title: self.localizer.render(&title),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![self.diagnostic(finding, positions)]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(is_fixable(finding.check, FixOptions::default())),
            ..CodeAction::default()
        })
    }
}

/// A diagnostic for a document its format's parser rejects.
pub fn malformed(localizer: &Localizer, detail: &str, at: Position) -> Diagnostic {
    Diagnostic {
        range: lsp_types::Range::new(at, at),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message: localizer.render(&Message::new("lsp-malformed").text("detail", detail)),
        ..Diagnostic::default()
    }
}

/// The protocol's severity for a finding's.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Whether two ranges touch or overlap (a cursor at either end of a
/// diagnostic counts).
pub fn touches(a: &lsp_types::Range, b: &lsp_types::Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn uri(text: &str) -> Uri {
        Uri::from_str(text).expect("a valid URI")
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            file_path(&uri("file:///tmp/a%20b/%D0%BA.md")),
            Some(PathBuf::from("/tmp/a b/к.md"))
        );
        assert_eq!(
            file_path(&uri("file://localhost/x.md")),
            Some(PathBuf::from("/x.md"))
        );
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(file_path(&uri("file://server/share/x.md")), None);
    }

    #[test]
    fn the_format_comes_from_the_name_then_the_language_id() {
        assert_eq!(
            document_format(None, &uri("file:///a/b.po"), "plaintext"),
            Some(Format::Po)
        );
        assert_eq!(
            document_format(None, &uri("untitled:x"), "plaintext"),
            Some(Format::Text)
        );
        assert_eq!(
            document_format(None, &uri("untitled:x"), "markdown"),
            Some(Format::Markdown)
        );
        assert_eq!(document_format(None, &uri("file:///a/b.rs"), "rust"), None);
        assert_eq!(
            document_format(Some(Format::Csv), &uri("file:///a/b.md"), "markdown"),
            Some(Format::Csv)
        );
    }

    #[test]
    fn ranges_are_in_the_agreed_unit() {
        let text = "# T\n😀 Kirman\n";
        let start = text.find("Kirman").unwrap();
        let positions = Positions::new(text, ColumnUnit::Utf16);
        let range = positions.range(&(start..start + 6));
        assert_eq!(
            (range.start, range.end),
            (Position::new(1, 3), Position::new(1, 9))
        );
        let positions = Positions::new(text, ColumnUnit::Utf8);
        assert_eq!(positions.position(start), Position::new(1, 5));
    }
}
