//! Glossaries that test themselves: every example sentence of a concept is
//! checked with all checks on, as `termlint glossary test` and `--strict`
//! loading do. A `flagged` example must give at least one finding on its
//! concept; a `clean` example must give none on it. This catches a glossary
//! edit that would cause false alarms, as prh's rule `specs` do.

use crate::document::Format;
use crate::glossary::{Example, SourceLocation};
use crate::i18n::Message;
use crate::lint::Linter;

/// An example that did not behave as its glossary says.
#[derive(Clone, Debug, PartialEq)]
pub struct ExampleFailure {
    /// The concept's id.
    pub concept: String,
    /// The example sentence.
    pub text: String,
    /// Where the example is written.
    pub location: SourceLocation,
    /// It should have been flagged (true) or left clean (false).
    pub expected_flagged: bool,
    /// The checks that fired on the concept.
    pub checks: Vec<&'static str>,
}

impl ExampleFailure {
    /// The message to show.
    pub fn message(&self) -> Message {
        let id = if self.expected_flagged {
            "example-not-flagged"
        } else {
            "example-flagged"
        };
        Message::new(id)
            .text("location", self.location.to_string())
            .text("concept", &self.concept)
            .text("text", &self.text)
            .text("checks", self.checks.join(", "))
    }
}

/// The outcome of testing every example.
#[derive(Clone, Debug, Default)]
pub struct ExampleReport {
    /// How many examples were tested.
    pub tested: usize,
    /// The ones that failed.
    pub failures: Vec<ExampleFailure>,
}

/// Tests every example of the linter's glossary.
pub fn test_examples(linter: &Linter) -> ExampleReport {
    let mut report = ExampleReport::default();
    for concept in linter.matcher().glossary().concepts() {
        for language_terms in &concept.languages {
            let cases = language_terms
                .examples
                .flagged
                .iter()
                .map(|e| (e, true))
                .chain(language_terms.examples.clean.iter().map(|e| (e, false)));
            for (example, expected_flagged) in cases {
                report.tested += 1;
                let checks = checks_on(linter, example, &concept.id, &language_terms.language);
                if checks.is_empty() == expected_flagged {
                    report.failures.push(ExampleFailure {
                        concept: concept.id.clone(),
                        text: example.text.clone(),
                        location: example.location.clone(),
                        expected_flagged,
                        checks,
                    });
                }
            }
        }
    }
    report
}

/// The checks that fire on `concept` in `example`.
fn checks_on(
    linter: &Linter,
    example: &Example,
    concept: &str,
    language: &crate::lang::Language,
) -> Vec<&'static str> {
    linter
        .check_text(&example.text, Format::Text, language)
        .unwrap_or_default()
        .into_iter()
        .filter(|f| f.concept == concept)
        .map(|f| f.check.as_str())
        .collect()
}
