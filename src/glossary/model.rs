//! Glossary data types.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::lang::Language;
use crate::text::{fold_term, CaseMode};

/// A whole glossary: every concept from every loaded file.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    concepts: Vec<Concept>,
    /// Concept index by id: reports name the concept of every finding.
    by_id: std::collections::HashMap<String, usize>,
}

/// One concept: a person, organisation, place or term, whatever it is called.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Concept {
    /// Stable identifier, unique in the glossary (`qassem-soleimani`).
    pub id: String,
    /// What sort of thing the concept is.
    pub kind: Option<ConceptKind>,
    /// Whether the `unlisted` check looks for spellings of it that nobody
    /// listed (`unlisted = true`): when not said, for names and for
    /// concepts of no kind, not for terms (see [`Concept::finds_unlisted`]).
    #[serde(default)]
    pub unlisted: Option<bool>,
    /// Subject field (TBX `subjectField`).
    pub domain: Option<String>,
    /// Free note for glossary readers.
    pub note: Option<String>,
    /// Where the forms come from: references or links.
    pub sources: Vec<String>,
    /// Terms per language, in file order.
    pub languages: Vec<LanguageTerms>,
    /// Where the concept is defined.
    pub location: SourceLocation,
}

impl Concept {
    /// Whether the `unlisted` check looks for spellings of the concept that
    /// nobody listed: names (people, organizations, media, places, events)
    /// and concepts of no kind, unless the glossary says otherwise; terms
    /// only where it says so (a transliterated term such as `Rafidah`).
    /// An ordinary word of a team's vocabulary has no romanizations, and
    /// the words that look like it are other words.
    pub fn finds_unlisted(&self) -> bool {
        self.unlisted.unwrap_or(self.kind != Some(ConceptKind::Term))
    }
}

/// What sort of thing a concept is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConceptKind {
    /// A person.
    Person,
    /// An organisation, group or movement.
    Organization,
    /// A media outlet or publication.
    Media,
    /// A place.
    Place,
    /// A religious, political or other term.
    Term,
    /// An event or operation.
    Event,
}

impl ConceptKind {
    /// Every kind.
    pub const ALL: [ConceptKind; 6] = [
        ConceptKind::Person,
        ConceptKind::Organization,
        ConceptKind::Media,
        ConceptKind::Place,
        ConceptKind::Term,
        ConceptKind::Event,
    ];

    /// The kind as written in glossary files (`person`).
    pub fn name(self) -> &'static str {
        match self {
            ConceptKind::Person => "person",
            ConceptKind::Organization => "organization",
            ConceptKind::Media => "media",
            ConceptKind::Place => "place",
            ConceptKind::Term => "term",
            ConceptKind::Event => "event",
        }
    }

    /// The kind written as `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// The terms of one concept in one language.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LanguageTerms {
    /// The language of these terms.
    pub language: Language,
    /// The terms; the first is the preferred one.
    pub terms: Vec<Term>,
    /// Sentences that test the concept's terms in this language.
    pub examples: Examples,
}

/// Sentences a glossary gives to test itself (`termlint glossary test`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Examples {
    /// Each must give a finding on the concept.
    pub flagged: Vec<Example>,
    /// None may give a finding on the concept.
    pub clean: Vec<Example>,
}

/// One example sentence and where it is written.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// Where it is defined.
    pub location: SourceLocation,
}

/// One written form of a concept.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Term {
    /// The form as written in the glossary.
    pub text: String,
    /// Whether the form is preferred, admitted or deprecated.
    pub status: Status,
    /// Whether letter case matters (acronyms such as `ISKP`).
    pub case_sensitive: bool,
    /// Full form, acronym or short form; consistency compares like with like.
    pub term_type: TermType,
    /// Free note for glossary readers.
    pub note: Option<String>,
    /// Where the term is defined.
    pub location: SourceLocation,
}

/// The standing of a term (TBX `administrativeStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The one form to use.
    Preferred,
    /// An accepted alternative.
    Admitted,
    /// A form not to use.
    Deprecated,
}

/// The type of a term (a subset of TBX `termType`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TermType {
    /// A spelling of the full name (the default): transliteration
    /// variants, forms with and without diacritics.
    #[default]
    Full,
    /// An acronym or abbreviation (`ISKP`).
    Acronym,
    /// A short form of the full name (a surname, a short name).
    Short,
    /// A translation or exonym of the name (`Voice of Khurasan` for the
    /// Uzbek `Xuroson Ovozi`).
    Translation,
    /// The name in its own language, quoted in another (`Xuroson Ovozi` in
    /// English text).
    Original,
}

impl TermType {
    /// The type as written in glossary files (`acronym`).
    pub fn name(self) -> &'static str {
        match self {
            TermType::Full => "full",
            TermType::Acronym => "acronym",
            TermType::Short => "short",
            TermType::Translation => "translation",
            TermType::Original => "original",
        }
    }
}

/// A place in a glossary file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLocation {
    /// The file, as given (built-in files are named `builtin:glossary/…`).
    #[serde(deserialize_with = "shared_path")]
    pub path: Arc<str>,
    /// 1-based line (32 bits: every concept and term keeps a location,
    /// and a glossary is far smaller than 4 G lines).
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

/// Reads a location's path, sharing one allocation among the locations of
/// one file (every concept and term of a compiled glossary read back from
/// the cache has one), as loading a glossary does.
fn shared_path<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
    thread_local! {
        static PATHS: std::cell::RefCell<Vec<Arc<str>>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let path = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    Ok(PATHS.with_borrow_mut(|paths| {
        // A glossary comes from a handful of files: the last few suffice.
        if let Some(shared) = paths.iter().rev().find(|p| ***p == *path) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(path.as_ref());
        if paths.len() == 16 {
            paths.remove(0);
        }
        paths.push(shared.clone());
        shared
    }))
}

impl std::fmt::Display for SourceLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

impl Glossary {
    /// A glossary of these concepts, assumed valid (ids unique).
    pub(crate) fn from_concepts(concepts: Vec<Concept>) -> Self {
        let by_id = concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        Glossary { concepts, by_id }
    }

    /// The concept with this id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.by_id.get(id).map(|&index| &self.concepts[index])
    }

    /// Every concept, in load order.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// Finds a concept by id, or by any of its terms in any language written
    /// in any spelling that folds to the same form.
    pub fn find(&self, id_or_term: &str) -> Option<&Concept> {
        if let Some(concept) = self.concept(id_or_term) {
            return Some(concept);
        }
        let wanted = fold_term(id_or_term, CaseMode::Fold);
        self.concepts.iter().find(|concept| {
            concept
                .terms()
                .any(|(_, term)| fold_term(&term.text, CaseMode::Fold) == wanted)
        })
    }
}

impl Concept {
    /// Every term with its language.
    pub fn terms(&self) -> impl Iterator<Item = (&Language, &Term)> {
        self.languages
            .iter()
            .flat_map(|lt| lt.terms.iter().map(move |t| (&lt.language, t)))
    }

    /// The terms for exactly this language tag, if any.
    pub fn language(&self, language: &Language) -> Option<&LanguageTerms> {
        self.languages.iter().find(|lt| &lt.language == language)
    }
}

/// Whether `id` may be a concept's id: not empty, and only ASCII letters,
/// digits, `-`, `_`, `.` and `:`. Every reader applies this one rule.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

impl LanguageTerms {
    /// The preferred term.
    pub fn preferred(&self) -> &Term {
        &self.terms[0]
    }

    /// The form to suggest instead of `term`: the preferred term when it has
    /// the same type, else the first admitted term of that type, else the
    /// preferred term. So a deprecated acronym is replaced by an acronym.
    pub fn suggestion_for(&self, term: &Term) -> &Term {
        let preferred = self.preferred();
        if preferred.term_type == term.term_type {
            return preferred;
        }
        self.terms
            .iter()
            .find(|t| t.status == Status::Admitted && t.term_type == term.term_type)
            .unwrap_or(preferred)
    }
}
