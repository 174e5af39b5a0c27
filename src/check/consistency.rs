//! The `inconsistent` check: one document, one spelling per name.
//!
//! Mentions of a concept are compared with others of the same term type
//! (full forms with full forms, acronyms with acronyms), by folded form. The
//! document's *chosen* form is the preferred one if the document uses it, else
//! its most frequent non-deprecated form (the first used on ties); a document
//! that uses only deprecated forms has no chosen form, since every use is
//! already a `deprecated` finding. Every other mention not yet flagged is
//! reported.
//!
//! A gloss is not an inconsistency: two forms of one concept that stand side
//! by side, the second in parentheses (`Xuroson Ovozi (Voice of Khurasan)`),
//! are both left alone.

use std::collections::BTreeMap;

use crate::glossary::{Status, TermType};
use crate::matcher::{Matcher, Mention};

use super::{CheckId, CheckedText, Detail, Finding, Severity};

/// How one folded form is used in a group of mentions.
struct FormUse {
    first: usize,
    count: usize,
    status: Status,
}

/// The `inconsistent` findings of one document. `flagged[i]` says whether
/// mention `i` already has a finding.
pub fn inconsistent_findings(
    matcher: &Matcher,
    document: &CheckedText,
    mentions: &[Mention],
    flagged: &[bool],
    severity: Severity,
) -> Vec<Finding> {
    let glosses = gloss_members(document.text, mentions);
    let mut groups: BTreeMap<(usize, TermType), Vec<usize>> = BTreeMap::new();
    for (index, mention) in mentions.iter().enumerate() {
        let (_, _, term) = matcher.resolve(mention);
        groups
            .entry((mention.concept, term.term_type))
            .or_default()
            .push(index);
    }
    let mut findings = Vec::new();
    for members in groups.values() {
        let uses = form_uses(matcher, mentions, members);
        let Some(chosen) = chosen_form(&uses) else {
            continue;
        };
        let chosen_mention = &mentions[uses[&chosen].first];
        let (_, chosen_terms, chosen_term) = matcher.resolve(chosen_mention);
        let (chosen_text, language) = (chosen_term.text.clone(), chosen_terms.language.to_string());
        let chosen_at = document.position(chosen_mention.range.start);
        let mut by_first_use: Vec<&FormUse> = uses.values().collect();
        by_first_use.sort_by_key(|u| u.first);
        let counts: Vec<(String, usize)> = by_first_use
            .iter()
            .map(|u| (matcher.resolve(&mentions[u.first]).2.text.clone(), u.count))
            .collect();
        for &index in members {
            let mention = &mentions[index];
            if mention.form == chosen || flagged[index] || glosses[index] {
                continue;
            }
            let (concept, _, _) = matcher.resolve(mention);
            findings.push(Finding {
                check: CheckId::Inconsistent,
                severity,
                range: mention.range.clone(),
                start: document.position(mention.range.start),
                end: document.position(mention.range.end),
                concept: concept.id.clone(),
                found: document.text[mention.range.clone()].to_string(),
                suggestion: Some(chosen_text.clone()),
                detail: Detail::Inconsistent {
                    chosen: chosen_text.clone(),
                    language: language.clone(),
                    chosen_at,
                    counts: counts.clone(),
                },
            });
        }
    }
    findings
}

/// Uses of each form among `members`, keyed by form and kept in order of
/// first use.
fn form_uses(matcher: &Matcher, mentions: &[Mention], members: &[usize]) -> BTreeMap<usize, FormUse> {
    let mut uses: BTreeMap<usize, FormUse> = BTreeMap::new();
    for &index in members {
        let mention = &mentions[index];
        let status = matcher.resolve(mention).2.status;
        let entry = uses.entry(mention.form).or_insert(FormUse {
            first: index,
            count: 0,
            status,
        });
        entry.count += 1;
        entry.status = entry.status.min(status);
    }
    uses
}

fn chosen_form(uses: &BTreeMap<usize, FormUse>) -> Option<usize> {
    if uses.len() < 2 {
        return None;
    }
    if let Some((&form, _)) = uses.iter().find(|(_, u)| u.status == Status::Preferred) {
        return Some(form);
    }
    uses.iter()
        .filter(|(_, u)| u.status != Status::Deprecated)
        .max_by(|(_, a), (_, b)| a.count.cmp(&b.count).then(b.first.cmp(&a.first)))
        .map(|(&form, _)| form)
}

/// Marks mentions that are part of a gloss: a mention followed by another of
/// the same concept with only an opening parenthesis, quotes and spaces
/// between them.
fn gloss_members(text: &str, mentions: &[Mention]) -> Vec<bool> {
    let mut glosses = vec![false; mentions.len()];
    for (index, pair) in mentions.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        if first.concept != second.concept || first.range.end > second.range.start {
            continue;
        }
        let between = &text[first.range.end..second.range.start];
        let is_gloss = between.contains('(')
            && between.chars().all(|c| {
                c.is_whitespace() || matches!(c, '(' | '"' | '“' | '”' | '«' | '»' | '„' | '\'' | '’' | '‘')
            });
        if is_gloss {
            glosses[index] = true;
            glosses[index + 1] = true;
        }
    }
    glosses
}
