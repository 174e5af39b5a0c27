//! GitHub Actions workflow commands: one line per finding, which the runner
//! turns into an annotation on the pull request.
//!
//! ```text
//! ::error file=article.md,line=3,col=9,endLine=3,endColumn=15,title=termlint (deprecated)::“Kirman” is a deprecated spelling of Kerman
//! ```
//! Errors are `::error`, warnings `::warning`, infos `::notice`; columns
//! count Unicode scalar values and `endColumn` is the column just after the
//! finding. A file that could not be checked is an `::error` with the file
//! alone. As GitHub documents, `%`, CR and LF are escaped in the message,
//! and `:` and `,` too in property values.

use crate::check::{Finding, Severity};
use crate::glossary::Glossary;
use crate::i18n::{Localizer, Message};
use crate::lint::{FileError, Report};

use super::finding_message;

/// The report as workflow commands, one per line (each line ends with a
/// newline); messages in the locale of `localizer`, without bidi marks.
pub fn github_report(report: &Report, glossary: &Glossary, localizer: &Localizer) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_github_report(&mut out, report, glossary, localizer);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes [`github_report`]'s commands to `out` one by one, as they are made.
pub fn write_github_report(
    out: &mut dyn std::io::Write,
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
) -> std::io::Result<()> {
    let localizer = &Localizer::new(localizer.tag()).with_isolation(false);
    for file in &report.files {
        let path = file.input.to_text();
        for finding in &file.findings {
            writeln!(out, "{}", finding_command(&path, finding, glossary, localizer))?;
        }
    }
    for error in &report.errors {
        writeln!(out, "{}", error_command(error, localizer))?;
    }
    Ok(())
}

fn finding_command(path: &str, finding: &Finding, glossary: &Glossary, localizer: &Localizer) -> String {
    let mut message = localizer.render(&finding_message(finding, glossary, localizer.language()));
    if let Some(suggestion) = &finding.suggestion {
        message.push('\n');
        message.push_str(&localizer.render(&Message::new("finding-help").text("suggestion", suggestion)));
    }
    let title = format!("termlint ({})", finding.check.as_str());
    let properties = [
        ("file", path.to_string()),
        ("line", finding.start.line.to_string()),
        ("col", finding.start.column.to_string()),
        ("endLine", finding.end.line.to_string()),
        ("endColumn", finding.end.column.to_string()),
        ("title", title),
    ];
    command(command_name(finding.severity), &properties, &message)
}

fn error_command(error: &FileError, localizer: &Localizer) -> String {
    let properties = [
        ("file", error.input.to_text().into_owned()),
        ("title", "termlint".to_string()),
    ];
    command("error", &properties, &localizer.render(&error.message()))
}

/// The command for a severity.
fn command_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// `::name key=value,…::message`, escaped.
fn command(name: &str, properties: &[(&str, String)], message: &str) -> String {
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    format!("::{name} {}::{}", properties.join(","), escape_data(message))
}

/// Escapes a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckId, Detail};
    use crate::lint::{FileErrorKind, FileReport};
    use crate::text::Position;

    #[test]
    fn escapes_as_github_documents() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn one_command_per_finding_and_error() {
        let finding = Finding {
            segment: None,
            check: CheckId::Unlisted,
            severity: Severity::Info,
            range: 0..6,
            start: Position { line: 2, column: 1 },
            end: Position { line: 2, column: 7 },
            concept: "kerman".into(),
            found: "Kirmān".into(),
            suggestion: None,
            detail: Detail::Unlisted {
                nearest: "Kerman".into(),
                language: "en".into(),
                confidence: 0.8,
            },
            fix: None,
        };
        let report = Report {
            files: vec![FileReport {
                input: crate::lint::Input::Path("a,b:c.md".into()),
                text: "\nKirmān".into(),
                findings: vec![finding],
            }],
            errors: vec![FileError {
                input: crate::lint::Input::Path("gone.md".into()),
                kind: FileErrorKind::NotFound,
            }],
            files_checked: 1,
        };
        let out = github_report(&report, &Glossary::default(), &Localizer::new("en-US"));
        assert_eq!(
            out,
            "::notice file=a%2Cb%3Ac.md,line=2,col=1,endLine=2,endColumn=7,title=termlint (unlisted)::\
             “Kirmān” looks like an unlisted spelling of kerman (nearest listed form “Kerman”, confidence 80%25)\n\
             ::error file=gone.md,title=termlint::gone.md: no such file or folder\n"
        );
    }
}
