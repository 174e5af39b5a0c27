//! `--statistics`: how many findings each check and each concept has.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::check::CheckId;
use crate::glossary::Glossary;
use crate::i18n::{Localizer, Message};
use crate::lint::Report;

use super::concept_name;

/// Finding counts per check and per concept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Statistics {
    /// Checks with findings, in the stable order of [`CheckId::ALL`].
    pub checks: Vec<CheckCount>,
    /// Concepts with findings, most findings first, then by id.
    pub concepts: Vec<ConceptCount>,
}

/// The findings of one check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckCount {
    /// The check's stable id.
    pub check: &'static str,
    /// How many findings it has.
    pub count: usize,
}

/// The findings about one concept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConceptCount {
    /// The concept's id.
    pub concept: String,
    /// How many findings it has.
    pub count: usize,
}

impl Statistics {
    /// Counts the findings of `report`.
    pub fn of(report: &Report) -> Self {
        let mut checks: BTreeMap<CheckId, usize> = BTreeMap::new();
        let mut concepts: BTreeMap<&str, usize> = BTreeMap::new();
        for finding in report.findings() {
            *checks.entry(finding.check).or_default() += 1;
            *concepts.entry(&finding.concept).or_default() += 1;
        }
        let checks = CheckId::ALL
            .into_iter()
            .filter_map(|check| {
                let count = *checks.get(&check)?;
                Some(CheckCount {
                    check: check.as_str(),
                    count,
                })
            })
            .collect();
        let mut concepts: Vec<ConceptCount> = concepts
            .into_iter()
            .map(|(concept, count)| ConceptCount {
                concept: concept.to_string(),
                count,
            })
            .collect();
        // Stable: ties keep the id order of the map.
        concepts.sort_by_key(|c| std::cmp::Reverse(c.count));
        Statistics { checks, concepts }
    }

    /// The statistics as two small tables for people: a heading, then one
    /// `count  id` row per check or concept (with the concept's name in the
    /// interface language when it differs from its id). Counts are right
    /// aligned and written in the interface's digits.
    pub fn to_text(&self, glossary: &Glossary, localizer: &Localizer) -> String {
        let checks: Vec<(usize, String)> = self
            .checks
            .iter()
            .map(|c| (c.count, c.check.to_string()))
            .collect();
        let concepts: Vec<(usize, String)> = self
            .concepts
            .iter()
            .map(|c| (c.count, concept_label(&c.concept, glossary, localizer)))
            .collect();
        let mut text = table(localizer, "summary-statistics-checks", &checks);
        text.push_str(&table(localizer, "summary-statistics-concepts", &concepts));
        text
    }
}

/// `id` or `id  Name`.
fn concept_label(id: &str, glossary: &Glossary, localizer: &Localizer) -> String {
    let name = glossary
        .concept(id)
        .map(|concept| localizer.render_arg(&concept_name(concept, None, localizer.language())));
    match name {
        Some(name) if name != id => format!("{id}  {name}"),
        _ => id.to_string(),
    }
}

/// A heading and its rows; nothing when there are no rows.
fn table(localizer: &Localizer, heading: &'static str, rows: &[(usize, String)]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let counts: Vec<String> = rows
        .iter()
        .map(|(count, _)| localizer.render(&Message::new("summary-statistics-count").number("count", *count)))
        .collect();
    let width = counts.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    let mut text = localizer.render(&Message::new(heading));
    text.push('\n');
    for (count, (_, label)) in counts.iter().zip(rows) {
        let pad = " ".repeat(width - count.chars().count());
        text.push_str(&format!("  {pad}{count}  {label}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Detail, Finding, Severity};
    use crate::lint::FileReport;
    use crate::text::Position;

    fn finding(check: CheckId, concept: &str) -> Finding {
        let at = Position { line: 1, column: 1 };
        Finding {
            segment: None,
            check,
            severity: Severity::Error,
            range: 0..1,
            start: at,
            end: at,
            concept: concept.into(),
            found: "x".into(),
            suggestion: None,
            detail: Detail::Case { expected: "X".into() },
            fix: None,
        }
    }

    fn report(findings: Vec<Finding>) -> Report {
        Report {
            files: vec![FileReport {
                input: crate::lint::Input::Path("a.md".into()),
                text: "x".into(),
                findings,
            }],
            errors: Vec::new(),
            files_checked: 1,
        }
    }

    #[test]
    fn counts_per_check_in_stable_order_and_per_concept_by_count() {
        let stats = Statistics::of(&report(vec![
            finding(CheckId::Inconsistent, "b"),
            finding(CheckId::Deprecated, "c"),
            finding(CheckId::Deprecated, "b"),
            finding(CheckId::Case, "a"),
        ]));
        let checks: Vec<_> = stats.checks.iter().map(|c| (c.check, c.count)).collect();
        assert_eq!(checks, [("deprecated", 2), ("inconsistent", 1), ("case", 1)]);
        let concepts: Vec<_> = stats
            .concepts
            .iter()
            .map(|c| (c.concept.as_str(), c.count))
            .collect();
        assert_eq!(concepts, [("b", 2), ("a", 1), ("c", 1)]);
    }

    #[test]
    fn the_table_aligns_counts() {
        let mut findings = vec![finding(CheckId::Case, "a")];
        findings.extend((0..10).map(|_| finding(CheckId::Deprecated, "a")));
        let text = Statistics::of(&report(findings)).to_text(&Glossary::default(), &Localizer::new("en-US"));
        assert_eq!(
            text,
            "Findings by check:\n  10  deprecated\n   1  case\nFindings by concept:\n  11  a\n"
        );
    }

    #[test]
    fn no_findings_no_table() {
        let text = Statistics::of(&Report::default()).to_text(&Glossary::default(), &Localizer::new("en-US"));
        assert_eq!(text, "");
    }
}
