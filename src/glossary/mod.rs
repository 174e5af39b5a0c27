//! The glossary: concepts, their terms per language, and loading them from
//! TOML files (and the glossary built into the binary), TBX and CSV/TSV
//! files and `.xlsx`/`.ods` workbooks; writing them as TOML, TBX and CSV/TSV.
//!
//! The model follows TBX (ISO 30042) so that TBX files can be imported without
//! loss: a *concept* has a stable id and, per language, exactly one
//! *preferred* term and any number of *admitted* and *deprecated* ones.

mod builtin;
mod csv;
mod error;
mod import;
mod load;
mod model;
mod source;
mod spreadsheet;
mod tbx;
mod toml_in;
mod toml_out;
mod validate;

pub use builtin::BUILTIN_FILES;
pub use csv::write as to_csv;
pub use error::{GlossaryError, GlossaryErrorKind, GlossaryErrors};
pub use import::{Adjustment, AdjustmentKind, ImportReport};
pub use load::{GlossaryFormat, GlossaryLoader, ImportReports};
pub use model::{
    Concept, ConceptKind, Example, Examples, Glossary, LanguageTerms, SourceLocation, Status, Term, TermType,
};
pub use tbx::write as to_tbx;
pub use toml_out::to_toml;
