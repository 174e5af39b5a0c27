//! The glossary: concepts, their terms per language, and loading them from
//! TOML files (and the glossary built into the binary).
//!
//! The model follows TBX (ISO 30042) so that TBX files can be imported without
//! loss: a *concept* has a stable id and, per language, exactly one
//! *preferred* term and any number of *admitted* and *deprecated* ones.

mod builtin;
mod error;
mod load;
mod model;

pub use builtin::BUILTIN_FILES;
pub use error::{GlossaryError, GlossaryErrorKind, GlossaryErrors};
pub use load::GlossaryLoader;
pub use model::{
    Concept, ConceptKind, Example, Examples, Glossary, LanguageTerms, SourceLocation, Status, Term, TermType,
};
