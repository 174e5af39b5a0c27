//! Checkstyle XML, read by Jenkins, reviewdog, GitLab converters and many
//! other CI tools.
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <checkstyle version="4.3">
//!   <file name="article.md">
//!     <error line="3" column="9" severity="error" message="…" source="termlint.deprecated"/>
//!   </file>
//! </checkstyle>
//! ```
//! Files come in path order; `column` counts Unicode scalar values; a file
//! that could not be checked has one error with `source="termlint.file"` (and
//! a line and column when the problem has one).

use std::io::{self, Write};

use crate::check::Severity;
use crate::glossary::Glossary;
use crate::i18n::Localizer;
use crate::lint::{FileError, FileErrorKind, FileReport, Input, Report};

use super::finding_message;

/// A file's entry: checked, with findings, or not checked at all.
enum Entry<'a> {
    Checked(&'a FileReport),
    Unchecked(&'a FileError),
}

impl Entry<'_> {
    fn input(&self) -> &Input {
        match self {
            Entry::Checked(file) => &file.input,
            Entry::Unchecked(error) => &error.input,
        }
    }
}

/// The report as a checkstyle XML document; messages in the locale of
/// `localizer`, without bidi marks.
pub fn checkstyle_report(report: &Report, glossary: &Glossary, localizer: &Localizer) -> String {
    let mut xml = Vec::new();
    write_checkstyle_report(&mut xml, report, glossary, localizer).expect("writing to memory");
    String::from_utf8(xml).expect("the report is UTF-8")
}

/// Writes the report as a checkstyle XML document to `out`, one `<error>`
/// at a time, so that the output never exists whole in memory.
pub fn write_checkstyle_report(
    mut out: impl Write,
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
) -> io::Result<()> {
    let localizer = &Localizer::new(localizer.tag()).with_isolation(false);
    let mut entries: Vec<Entry> = report
        .files
        .iter()
        .map(Entry::Checked)
        .chain(report.errors.iter().map(Entry::Unchecked))
        .collect();
    entries.sort_by(|a, b| a.input().cmp(b.input()));
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")?;
    for entry in entries {
        writeln!(out, "  <file name=\"{}\">", escape(&entry.input().to_text()))?;
        match entry {
            Entry::Checked(file) => write_file_errors(&mut out, file, glossary, localizer)?,
            Entry::Unchecked(error) => write_unchecked_file(&mut out, error, localizer)?,
        }
        out.write_all(b"  </file>\n")?;
    }
    out.write_all(b"</checkstyle>\n")
}

/// The `<error>` lines of a checked file.
fn write_file_errors(
    out: &mut impl Write,
    file: &FileReport,
    glossary: &Glossary,
    localizer: &Localizer,
) -> io::Result<()> {
    for finding in &file.findings {
        let message = localizer.render(&finding_message(finding, glossary, localizer.language()));
        writeln!(
            out,
            "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"termlint.{}\"/>",
            finding.start.line,
            finding.start.column,
            severity(finding.severity),
            escape(&message),
            finding.check.as_str()
        )?;
    }
    Ok(())
}

/// The `<error>` line of a file that could not be checked.
fn write_unchecked_file(out: &mut impl Write, error: &FileError, localizer: &Localizer) -> io::Result<()> {
    let position = match &error.kind {
        FileErrorKind::InvalidUtf8 { line, column } | FileErrorKind::Malformed { line, column, .. } => {
            format!("line=\"{line}\" column=\"{column}\" ")
        }
        _ => String::new(),
    };
    let message = escape(&localizer.render(&error.message()));
    writeln!(
        out,
        "    <error {position}severity=\"error\" message=\"{message}\" source=\"termlint.file\"/>"
    )
}

/// Checkstyle's word for a severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Escapes text for an XML 1.0 attribute value: the five markup characters
/// as entities, tab and line breaks as character references (so attribute
/// normalization keeps them), and the characters XML 1.0 forbids (other C0
/// controls, U+FFFE, U+FFFF) as U+FFFD.
pub fn escape(text: &str) -> String {
    let markup_escaped = quick_xml::escape::escape(text);
    let mut escaped = String::with_capacity(markup_escaped.len());
    for c in markup_escaped.chars() {
        match c {
            '\t' => escaped.push_str("&#9;"),
            '\n' => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => escaped.push('\u{fffd}'),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckId, Detail, Finding};
    use crate::text::Position;

    #[test]
    fn escapes_markup_breaks_and_forbidden_characters() {
        assert_eq!(
            escape("a<b>&\"c\"'d'\te\r\nf\u{1}g“ش”"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#9;e&#13;&#10;f\u{fffd}g“ش”"
        );
    }

    #[test]
    fn files_in_path_order_with_their_errors() {
        let finding = Finding {
            segment: None,
            check: CheckId::Case,
            severity: Severity::Warning,
            range: 0..4,
            start: Position { line: 1, column: 1 },
            end: Position { line: 1, column: 5 },
            concept: "iskp".into(),
            found: "Iskp".into(),
            suggestion: Some("ISKP".into()),
            detail: Detail::Case {
                expected: "ISKP".into(),
            },
            fix: None,
        };
        let report = Report {
            files: vec![FileReport {
                input: crate::lint::Input::Path("b&c.md".into()),
                text: "Iskp".into(),
                findings: vec![finding],
            }],
            errors: vec![FileError {
                input: crate::lint::Input::Path("a.md".into()),
                kind: FileErrorKind::InvalidUtf8 { line: 2, column: 3 },
            }],
            files_checked: 1,
        };
        let xml = checkstyle_report(&report, &Glossary::default(), &Localizer::new("en-US"));
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n  <file name=\"a.md\">\n    \
             <error line=\"2\" column=\"3\" severity=\"error\" message=\"a.md: not valid UTF-8 (first bad byte at 2:3), skipped\" source=\"termlint.file\"/>\n  \
             </file>\n  <file name=\"b&amp;c.md\">\n    \
             <error line=\"1\" column=\"1\" severity=\"warning\" message=\"“Iskp” is written in the wrong case: the glossary has “ISKP”\" source=\"termlint.case\"/>\n  \
             </file>\n</checkstyle>\n"
        );
    }
}
