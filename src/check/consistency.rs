//! The `inconsistent` check: one spelling per name, in a document or in a
//! whole project.
//!
//! Mentions of a concept are compared with others of the same language and
//! term type (full forms with full forms, acronyms with acronyms), by folded
//! form. The
//! scope's *chosen* form is the preferred one if the scope uses it, else its
//! most frequent non-deprecated form (the first used on ties); a scope that
//! uses only deprecated forms has no chosen form, since every use is already a
//! `deprecated` finding. Every other mention not yet flagged is reported.
//!
//! A deprecated mention counts as a use of the form its `deprecated` fix
//! writes (usually the preferred one): the scope is judged as it will read
//! once fixed, so `--fix` leaves no inconsistency behind and a second run
//! changes nothing (`Ghasem Soleimani … Qasem Soleimani` makes the
//! preferred `Qassem Soleimani` the chosen form).
//!
//! The scope is one document, or every document of a run (`--consistency
//! project`), taken in the order given (the run sorts them by path). A
//! document may also be judged against a whole project's uses counted
//! elsewhere ([`ProjectUsage`](super::usage::ProjectUsage)): then the
//! chosen form, the counts and the first use are the project's.
//!
//! A gloss is not an inconsistency: two forms of one concept that stand side
//! by side, the second in parentheses (`Xuroson Ovozi (Voice of Khurasan)`)
//! or offered as an alternative (`IS-KP or ISIS-K`, `ISIS/ISIL`), are both
//! left alone.

use std::collections::BTreeMap;

use crate::glossary::{Status, TermType};
use crate::matcher::{Matcher, Mention};
use crate::text::Position;

use super::surnames::{found_surname, surname_suggestion};
use super::usage::{FirstUse, FormUsage, ProjectUsage, ResolvedUsage};
use super::{CheckId, CheckedText, Detail, Finding, Severity};

/// One document of the scope.
pub struct ConsistencyInput<'a> {
    /// The document's path, as reported.
    pub path: &'a str,
    /// Its text.
    pub document: &'a CheckedText<'a>,
    /// Its mentions, in text order.
    pub mentions: &'a [Mention],
    /// `flagged[i]`: mention `i` already has a finding.
    pub flagged: &'a [bool],
}

/// A mention: (document index, mention index).
type Site = (usize, usize);

/// A group of mentions compared with one another: a concept, a language
/// slot of it, a kind of form. Concepts, documents and a document's
/// mentions are counted in `u32` (four billion mentions would take tens of
/// gigabytes of text, far more than a run can hold), language slots in
/// `u16` as the glossary counts them.
type GroupKey = (u32, u16, TermType);

/// A [`Site`] as the grouping keeps it.
type CompactSite = (u32, u32);

/// Where a form is first used: a mention of the scope, or a place in a
/// project's file counted elsewhere. Never both kinds in one group.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Scope(Site),
    Project(FirstUse),
}

/// How one folded form is used in a group of mentions.
struct FormUse {
    first: Place,
    count: usize,
    status: Status,
    /// The glossary term the form stands for.
    text: String,
}

/// The `inconsistent` findings of a scope, each with its document's index;
/// with `project`, each group of mentions is held to the project's uses
/// rather than the scope's own.
pub fn inconsistent_findings(
    matcher: &Matcher,
    scope: &[ConsistencyInput],
    severity: Severity,
    project: Option<&ResolvedUsage>,
) -> Vec<(usize, Finding)> {
    // Glosses are looked for only in documents that may get a finding.
    let glosses: Vec<std::cell::OnceCell<Vec<bool>>> = scope.iter().map(|_| Default::default()).collect();
    let is_gloss = |(doc, index): Site| {
        glosses[doc].get_or_init(|| gloss_members(matcher, scope[doc].document.text, scope[doc].mentions))
            [index]
    };
    let mention = |(doc, index): Site| &scope[doc].mentions[index];
    // Mentions grouped by sorting one list, not one list per group: a
    // large run has hundreds of thousands of groups of a mention or two,
    // and one long text millions of mentions, each 16 bytes here.
    let total = scope.iter().map(|input| input.mentions.len()).sum();
    let mut keyed: Vec<(GroupKey, CompactSite)> = Vec::with_capacity(total);
    let mut surnames: BTreeMap<(usize, usize), Vec<Site>> = BTreeMap::new();
    for (doc, input) in scope.iter().enumerate() {
        for (index, m) in input.mentions.iter().enumerate() {
            if m.surname {
                surnames
                    .entry((m.concept, m.language))
                    .or_default()
                    .push((doc, index));
                continue;
            }
            let term_type = matcher.resolve(m).2.term_type;
            let key = (m.concept as u32, m.language as u16, term_type);
            keyed.push((key, (doc as u32, index as u32)));
        }
    }
    keyed.sort_unstable();
    let mut findings = Vec::new();
    let mut members: Vec<Site> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        let (concept, language, term_type) = group[0].0;
        let (concept, language) = (concept as usize, usize::from(language));
        members.clear();
        members.extend(
            group
                .iter()
                .map(|&(_, (doc, index))| (doc as usize, index as usize)),
        );
        let project_uses = project.and_then(|p| p.groups.get(&(concept, language, term_type)));
        let named_alone = surnames
            .get(&(concept, language))
            .filter(|_| term_type == TermType::Full);
        if project_uses.is_none() && named_alone.is_none() && uses_one_form(matcher, &members, mention) {
            // One form and no surname alone: nothing to settle.
            continue;
        }
        let uses = match project_uses {
            Some(project_uses) => project_form_uses(project_uses),
            None => form_uses(matcher, &members, mention),
        };
        let chosen = chosen_form(matcher, &uses, mention(members[0]));
        let reference = reference(matcher, &uses, chosen.as_ref(), mention(members[0]));
        let quiet = |&(doc, index): &Site| scope[doc].flagged[index] || is_gloss((doc, index));
        if let Some(sites) = named_alone {
            for &site in sites.iter().filter(|site| !quiet(site)) {
                let m = mention(site);
                let text = scope[site.0].document.text;
                if let Some(suggestion) = surname_suggestion(found_surname(text, m), &reference.text) {
                    findings.push(inconsistent_finding(
                        matcher, scope, site, suggestion, &reference, severity,
                    ));
                }
            }
        }
        let Some(chosen) = chosen else {
            continue;
        };
        for &site in &members {
            if Some(mention(site).form) != chosen.form && !quiet(&site) {
                let suggestion = reference.text.clone();
                findings.push(inconsistent_finding(
                    matcher, scope, site, suggestion, &reference, severity,
                ));
            }
        }
    }
    findings
}

/// The full form a group is held to, where the scope first uses it, and
/// the uses of each form: what an `inconsistent` finding says.
struct Reference {
    text: String,
    first: Option<Place>,
    language: String,
    counts: Vec<(String, usize)>,
}

/// The scope's reference form: the chosen one, else (for surnames, when no
/// choice was needed) its only form, else the concept's preferred form.
fn reference(
    matcher: &Matcher,
    uses: &BTreeMap<usize, FormUse>,
    chosen: Option<&Chosen>,
    any: &Mention,
) -> Reference {
    let language_terms = matcher.resolve(any).1;
    let (text, first) = match (chosen, uses.values().next()) {
        (Some(chosen), _) => (
            chosen.text.clone(),
            chosen.form.map(|form| uses[&form].first.clone()),
        ),
        (None, Some(only)) if uses.len() == 1 => (only.text.clone(), Some(only.first.clone())),
        _ => (language_terms.preferred().text.clone(), None),
    };
    let mut by_first_use: Vec<&FormUse> = uses.values().collect();
    by_first_use.sort_by(|a, b| a.first.cmp(&b.first));
    Reference {
        text,
        first,
        language: language_terms.language.to_string(),
        counts: by_first_use.iter().map(|u| (u.text.clone(), u.count)).collect(),
    }
}

/// The `inconsistent` finding at `site`, suggesting `suggestion` (the
/// reference form, or its surname for a surname alone).
fn inconsistent_finding(
    matcher: &Matcher,
    scope: &[ConsistencyInput],
    (doc, index): Site,
    suggestion: String,
    reference: &Reference,
    severity: Severity,
) -> (usize, Finding) {
    let input = &scope[doc];
    let text = input.document.text;
    let m = &input.mentions[index];
    let (chosen_in, chosen_at) = match &reference.first {
        None => (None, None),
        Some(Place::Scope((d, i))) => (
            (*d != doc).then(|| scope[*d].path.to_string()),
            Some(scope[*d].document.position(scope[*d].mentions[*i].range.start)),
        ),
        Some(Place::Project(first)) => (
            (first.path != input.path).then(|| first.path.clone()),
            Some(Position {
                line: first.line,
                column: first.column,
            }),
        ),
    };
    let detail = Detail::Inconsistent {
        chosen: suggestion.clone(),
        language: reference.language.clone(),
        chosen_in,
        chosen_at,
        counts: reference.counts.clone(),
    };
    let finding = Finding {
        segment: None,
        check: CheckId::Inconsistent,
        severity,
        range: m.range.clone(),
        start: input.document.position(m.range.start),
        end: input.document.position(m.range.end),
        concept: matcher.resolve(m).0.id.clone(),
        found: text[m.range.clone()].to_string(),
        fix: super::mention_fix(text, m, &suggestion, true),
        suggestion: Some(suggestion),
        detail,
    };
    (doc, finding)
}

/// What a mention counts as: the form, its status and the glossary term it
/// stands for. A mention that folds like the preferred term is the preferred
/// term; a deprecated one counts as the term its fix writes.
fn counted_form<'m>(matcher: &'m Matcher, mention: &Mention) -> (usize, Status, &'m str) {
    let (_, language_terms, term) = matcher.resolve(mention);
    if matcher.is_preferred_form(mention) {
        return (mention.form, Status::Preferred, &language_terms.preferred().text);
    }
    if term.status == Status::Deprecated {
        let target = language_terms.suggestion_for(term);
        if let Some(index) = language_terms.terms.iter().position(|t| std::ptr::eq(t, target)) {
            let status = if index == 0 {
                Status::Preferred
            } else {
                target.status
            };
            let form = matcher.term_form(mention.concept, mention.language, index);
            return (form, status, &target.text);
        }
    }
    (mention.form, term.status, &term.text)
}

/// Whether all of `members` count as one form.
fn uses_one_form<'a>(matcher: &Matcher, members: &[Site], mention: impl Fn(Site) -> &'a Mention) -> bool {
    let mut forms = members.iter().map(|&site| counted_form(matcher, mention(site)).0);
    let first = forms.next();
    forms.all(|form| Some(form) == first)
}

/// Uses of each form among `members`, keyed by form.
fn form_uses<'a>(
    matcher: &Matcher,
    members: &[Site],
    mention: impl Fn(Site) -> &'a Mention,
) -> BTreeMap<usize, FormUse> {
    let mut uses: BTreeMap<usize, FormUse> = BTreeMap::new();
    for &site in members {
        let (form, status, text) = counted_form(matcher, mention(site));
        let entry = uses.entry(form).or_insert_with(|| FormUse {
            first: Place::Scope(site),
            count: 0,
            status,
            text: text.to_string(),
        });
        entry.count += 1;
        entry.status = entry.status.min(status);
    }
    uses
}

/// A project's uses of each form of a group, keyed by form.
fn project_form_uses(project_uses: &BTreeMap<usize, super::usage::ResolvedUse>) -> BTreeMap<usize, FormUse> {
    project_uses
        .iter()
        .map(|(&form, use_)| {
            let form_use = FormUse {
                first: Place::Project(use_.first.clone()),
                count: use_.count,
                status: use_.status,
                text: use_.text.clone(),
            };
            (form, form_use)
        })
        .collect()
}

/// How the scope's documents use each form: what a project's usage is
/// summed from. Surnames written alone are judged by their full names'
/// uses and are not counted.
pub fn form_usage(matcher: &Matcher, scope: &[ConsistencyInput]) -> ProjectUsage {
    let mut usage = ProjectUsage::default();
    for input in scope {
        for mention in input.mentions.iter().filter(|m| !m.surname) {
            let (concept, language_terms, term) = matcher.resolve(mention);
            let (_, status, text) = counted_form(matcher, mention);
            let offset = mention.range.start;
            let position = input.document.position(offset);
            usage.add(FormUsage {
                concept: concept.id.clone(),
                language: language_terms.language.to_string(),
                kind: term.term_type,
                form: text.to_string(),
                status,
                count: 1,
                first: FirstUse {
                    path: input.path.to_string(),
                    offset,
                    line: position.line,
                    column: position.column,
                },
            });
        }
    }
    usage
}

/// The form a group's mentions should take.
struct Chosen {
    /// The form, when the scope uses it.
    form: Option<usize>,
    /// Its glossary term.
    text: String,
}

/// The form the scope settled on: the preferred form if it is used, else
/// the non-deprecated form used most often. When two are used equally
/// often, the one the glossary lists first of their kind settles it (of
/// `ISKP` and `IS-K`, the acronym `ISKP`); if neither is, the scope has not
/// chosen and the concept's preferred form is proposed (`ISIS` and `ISIL`
/// go toward `Islamic State`): never a form merely because it came first.
/// A scope that uses one form, or only deprecated ones, has nothing to
/// settle.
fn chosen_form(matcher: &Matcher, uses: &BTreeMap<usize, FormUse>, any: &Mention) -> Option<Chosen> {
    if uses.len() < 2 {
        return None;
    }
    let used = |(&form, use_): (&usize, &FormUse)| Chosen {
        form: Some(form),
        text: use_.text.clone(),
    };
    if let Some(preferred) = uses.iter().find(|(_, u)| u.status == Status::Preferred) {
        return Some(used(preferred));
    }
    let mut candidates: Vec<(&usize, &FormUse)> = uses
        .iter()
        .filter(|(_, u)| u.status != Status::Deprecated)
        .collect();
    candidates.sort_by_key(|(_, u)| std::cmp::Reverse(u.count));
    match candidates.as_slice() {
        [] => None,
        [only] => Some(used(*only)),
        [most, next, ..] if most.1.count > next.1.count => Some(used(*most)),
        [most, ..] => {
            let (_, language_terms, term) = matcher.resolve(any);
            let first_of_kind = &language_terms.suggestion_for(term).text;
            let tied = candidates.iter().take_while(|(_, u)| u.count == most.1.count);
            match tied.into_iter().find(|(_, u)| &u.text == first_of_kind) {
                Some(first) => Some(used(*first)),
                None => Some(Chosen {
                    form: None,
                    text: language_terms.preferred().text.clone(),
                }),
            }
        }
    }
}

/// Whether the text between two mentions opens a parenthesis: only an
/// opening parenthesis, quotes and spaces.
pub(super) fn is_parenthesis(between: &str) -> bool {
    between.contains('(')
        && between.chars().all(|c| {
            c.is_whitespace() || matches!(c, '(' | '"' | '“' | '”' | '«' | '»' | '„' | '\'' | '’' | '‘')
        })
}

/// Whether the text between two mentions offers the second as an
/// alternative to the first: `or`, `, or` or a slash (`IS-KP or ISIS-K`,
/// `ISIS/ISIL`), with quotes and spaces.
pub(super) fn is_alternative(between: &str) -> bool {
    let words: String = between
        .chars()
        .filter(|c| {
            !(c.is_whitespace() || matches!(c, ',' | '"' | '“' | '”' | '«' | '»' | '„' | '\'' | '’' | '‘'))
        })
        .collect();
    matches!(words.as_str(), "or" | "/")
}

/// Marks mentions that are part of a gloss: a mention followed by another
/// form of the same kind of the same concept with only an opening
/// parenthesis, quotes and spaces between them, or offered as its
/// alternative (`A or B`, `A/B`).
fn gloss_members(matcher: &Matcher, text: &str, mentions: &[Mention]) -> Vec<bool> {
    let mut glosses = vec![false; mentions.len()];
    let kind = |m: &Mention| matcher.resolve(m).2.term_type;
    for (index, pair) in mentions.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        // Forms of different kinds are compared apart anyway: a full name
        // with its acronym in parentheses is still held to the document's
        // other full names.
        if first.concept != second.concept
            || first.range.end > second.range.start
            || kind(first) != kind(second)
        {
            continue;
        }
        let between = &text[first.range.end..second.range.start];
        let is_gloss = is_parenthesis(between) || is_alternative(between);
        if is_gloss {
            glosses[index] = true;
            glosses[index + 1] = true;
        }
    }
    glosses
}
