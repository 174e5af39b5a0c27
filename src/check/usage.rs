//! How a project uses the forms of each concept: the counts that
//! project-wide consistency is judged from, gathered file by file and
//! summed, so that a corpus split between many tasks (a Spark or Hadoop
//! job) is judged as one run over all of it would judge it.
//!
//! Three steps, each a plain command:
//! 1. every task counts its files' uses (`termlint check --format usage`),
//!    one JSON line per concept, language, kind of form and form;
//! 2. `termlint merge` sums the tasks' lines into the project's (summing is
//!    associative, so merges may be nested);
//! 3. every task checks its files again against the project's uses
//!    (`termlint check --project-usage FILE`): a file's `inconsistent`
//!    findings are then those of one run over the whole project.
//!
//! A form is named by the glossary term it stands for, not by an index, so
//! the lines read the same whatever built them; only the glossary must be
//! the same in every step.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use crate::glossary::{Status, TermType};
use crate::matcher::Matcher;

/// Where a form was first used: the first file in path order (by bytes,
/// as reports are ordered), then the first place in it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FirstUse {
    /// The file, as the run named it.
    pub path: String,
    /// Byte offset of the use in the file.
    pub offset: usize,
    /// Its 1-based line.
    pub line: usize,
    /// Its 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// One form's uses in some files: a line of `check --format usage` and of
/// `merge`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormUsage {
    /// The concept's id.
    pub concept: String,
    /// The glossary language of the form (`en`, `ru`).
    pub language: String,
    /// The kind of form (forms are compared with forms of the same kind).
    pub kind: TermType,
    /// The glossary term the uses count as (a deprecated use counts as the
    /// form its fix writes).
    pub form: String,
    /// The best status among the uses.
    pub status: Status,
    /// How many uses.
    pub count: usize,
    /// The first use.
    pub first: FirstUse,
}

/// A project's uses of forms, summed over files and tasks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectUsage {
    forms: BTreeMap<(String, String, TermType, String), Tally>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Tally {
    status: Status,
    count: usize,
    first: FirstUse,
}

/// A line of a usage file that is not a form's usage.
#[derive(Debug)]
pub struct UsageError {
    /// The 1-based line.
    pub line: usize,
    /// Why it could not be read.
    pub reason: String,
}

impl ProjectUsage {
    /// Adds the uses of one form.
    pub fn add(&mut self, usage: FormUsage) {
        let key = (usage.concept, usage.language, usage.kind, usage.form);
        let tally = Tally {
            status: usage.status,
            count: usage.count,
            first: usage.first,
        };
        match self.forms.entry(key) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(tally);
            }
            std::collections::btree_map::Entry::Occupied(mut slot) => {
                let known = slot.get_mut();
                known.count += tally.count;
                known.status = known.status.min(tally.status);
                if tally.first < known.first {
                    known.first = tally.first;
                }
            }
        }
    }

    /// Adds every use of `other`.
    pub fn merge(&mut self, other: ProjectUsage) {
        for usage in other.forms() {
            self.add(usage);
        }
    }

    /// Whether no form is used.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Every form's uses, by concept, language, kind and form.
    pub fn forms(&self) -> impl Iterator<Item = FormUsage> + '_ {
        self.forms
            .iter()
            .map(|((concept, language, kind, form), tally)| FormUsage {
                concept: concept.clone(),
                language: language.clone(),
                kind: *kind,
                form: form.clone(),
                status: tally.status,
                count: tally.count,
                first: tally.first.clone(),
            })
    }

    /// Reads JSON lines of [`FormUsage`], adding them; blank lines are
    /// skipped.
    pub fn read_json_lines(&mut self, input: impl BufRead) -> Result<(), UsageError> {
        for (index, line) in input.lines().enumerate() {
            let error = |reason: String| UsageError {
                line: index + 1,
                reason,
            };
            let line = line.map_err(|e| error(e.to_string()))?;
            if line.trim().is_empty() {
                continue;
            }
            let usage: FormUsage = serde_json::from_str(&line).map_err(|e| error(e.to_string()))?;
            self.add(usage);
        }
        Ok(())
    }

    /// Writes one JSON line per form.
    pub fn write_json_lines(&self, mut out: impl Write) -> std::io::Result<()> {
        for usage in self.forms() {
            serde_json::to_writer(&mut out, &usage)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// The uses resolved against a compiled glossary: by concept, language
    /// and kind index, then by folded form, as the consistency check
    /// groups mentions. Forms the glossary does not know (a usage made
    /// with another glossary) are left out and counted.
    pub fn resolve(&self, matcher: &Matcher) -> (ResolvedUsage, usize) {
        let glossary = matcher.glossary();
        let concepts: HashMap<&str, usize> = glossary
            .concepts()
            .iter()
            .enumerate()
            .map(|(index, concept)| (concept.id.as_str(), index))
            .collect();
        let mut resolved = ResolvedUsage::default();
        let mut unknown = 0;
        for ((concept_id, language_tag, kind, form), tally) in &self.forms {
            let place = concepts.get(concept_id.as_str()).and_then(|&concept| {
                let languages = &glossary.concepts()[concept].languages;
                let language = languages
                    .iter()
                    .position(|l| l.language.to_string() == *language_tag)?;
                let term = languages[language].terms.iter().position(|t| t.text == *form)?;
                Some((concept, language, matcher.term_form(concept, language, term)))
            });
            let Some((concept, language, form_id)) = place else {
                unknown += 1;
                continue;
            };
            let uses = resolved.groups.entry((concept, language, *kind)).or_default();
            let use_ = uses.entry(form_id).or_insert_with(|| ResolvedUse {
                text: form.clone(),
                status: tally.status,
                count: 0,
                first: tally.first.clone(),
            });
            // Forms that fold alike are one form, as in one run: counted
            // together, named by the first used.
            use_.count += tally.count;
            use_.status = use_.status.min(tally.status);
            if tally.first < use_.first {
                use_.first = tally.first.clone();
                use_.text = form.clone();
            }
        }
        (resolved, unknown)
    }
}

/// [`ProjectUsage`] resolved against a compiled glossary.
#[derive(Debug, Default)]
pub struct ResolvedUsage {
    pub(crate) groups: HashMap<(usize, usize, TermType), BTreeMap<usize, ResolvedUse>>,
}

/// One form's uses in the project, resolved.
#[derive(Clone, Debug)]
pub(crate) struct ResolvedUse {
    pub(crate) text: String,
    pub(crate) status: Status,
    pub(crate) count: usize,
    pub(crate) first: FirstUse,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(form: &str, count: usize, path: &str, offset: usize, status: Status) -> FormUsage {
        FormUsage {
            concept: "khorasan".into(),
            language: "en".into(),
            kind: TermType::Full,
            form: form.into(),
            status,
            count,
            first: FirstUse {
                path: path.into(),
                offset,
                line: 1,
                column: offset + 1,
            },
        }
    }

    #[test]
    fn merging_sums_counts_and_keeps_the_first_use_in_path_order() {
        let mut a = ProjectUsage::default();
        a.add(usage("Khurasan", 2, "b.md", 0, Status::Admitted));
        let mut b = ProjectUsage::default();
        b.add(usage("Khurasan", 1, "a.md", 9, Status::Admitted));
        b.add(usage("Khorasan", 1, "c.md", 0, Status::Preferred));
        a.merge(b);
        let forms: Vec<FormUsage> = a.forms().collect();
        assert_eq!(forms.len(), 2);
        assert_eq!(forms[1].form, "Khurasan");
        assert_eq!(forms[1].count, 3);
        assert_eq!(forms[1].first.path, "a.md");
    }

    #[test]
    fn lines_read_back_as_written() {
        let mut usage_a = ProjectUsage::default();
        usage_a.add(usage("Khorasan", 4, "x.md", 3, Status::Preferred));
        let mut lines = Vec::new();
        usage_a.write_json_lines(&mut lines).unwrap();
        let mut read = ProjectUsage::default();
        read.read_json_lines(&lines[..]).unwrap();
        assert_eq!(read, usage_a);
        let error = read.read_json_lines(&b"\n{\"concept\": 1}\n"[..]).unwrap_err();
        assert_eq!(error.line, 2);
    }
}
