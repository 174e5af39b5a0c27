//! Glossary errors: each names the file, and the line and column where it
//! has them (not a file that cannot be read, nor a folder), and renders
//! through the interface messages.

use crate::i18n::Message;
use crate::text::printable;

use super::model::{SourceLocation, Status};

/// Everything wrong with a set of glossary files (never empty).
#[derive(Debug)]
pub struct GlossaryErrors(pub Vec<GlossaryError>);

/// One problem in a glossary file.
#[derive(Debug, Clone, PartialEq)]
pub struct GlossaryError {
    /// Where the problem is.
    pub location: SourceLocation,
    /// What the problem is.
    pub kind: GlossaryErrorKind,
}

/// The kinds of glossary problems.
#[derive(Debug, Clone, PartialEq)]
pub enum GlossaryErrorKind {
    /// The file could not be read.
    Unreadable {
        /// The system's reason.
        reason: Message,
    },
    /// A path given as a glossary folder holds no `.toml` file.
    EmptyFolder,
    /// The file is not valid TOML, has an unknown key or a value of the wrong type.
    Syntax {
        /// The TOML parser's description.
        detail: String,
    },
    /// A concept id is not lowercase letters, digits and hyphens.
    BadId {
        /// The id as written.
        id: String,
    },
    /// Two concepts share an id.
    DuplicateId {
        /// The shared id.
        id: String,
        /// Where the first concept with it is.
        first: SourceLocation,
    },
    /// A language tag is not valid BCP 47.
    BadLanguageTag {
        /// The tag as written.
        tag: String,
    },
    /// A language has terms but no preferred term.
    MissingPreferred {
        /// The concept's id.
        concept: String,
        /// The language without a preferred term.
        language: String,
    },
    /// A concept has no language at all.
    NoTerms {
        /// The concept's id.
        concept: String,
    },
    /// A term is empty or only white space and punctuation that folding removes.
    EmptyTerm {
        /// The concept's id.
        concept: String,
    },
    /// A term holds a control character (a term is one line of text).
    ControlCharacter {
        /// The concept's id.
        concept: String,
        /// The first control character of the term.
        character: char,
    },
    /// A deprecated term is written as a preferred or admitted term of its
    /// language in its concept is.
    DeprecatedAndRecommended {
        /// The deprecated term.
        term: String,
        /// The concept's id.
        concept: String,
        /// The language.
        language: String,
        /// The other term's status: preferred or admitted.
        status: Status,
        /// Where the other term is.
        other: SourceLocation,
    },
    /// A TBX file is not well-formed XML.
    Xml {
        /// The XML parser's description.
        detail: String,
    },
    /// A TBX element is opened and never closed.
    XmlUnclosed {
        /// The element's name.
        element: String,
    },
    /// A TBX file declares entities in its DOCTYPE (never expanded).
    XmlEntityDeclaration,
    /// A TBX file refers to an entity other than the predefined ones.
    XmlUndefinedEntity {
        /// The entity's name.
        name: String,
    },
    /// The root element is not `martif` or `tbx` (empty: no element at all).
    NotTbx {
        /// The root element's name.
        root: String,
    },
    /// A `tbx` root in another namespace than TBX v3's.
    TbxNamespace {
        /// The namespace found.
        namespace: String,
    },
    /// A CSV or TSV file does not parse.
    Csv {
        /// The CSV reader's description.
        detail: String,
    },
    /// No header column of a CSV or TSV file names a language.
    CsvNoLanguage,
    /// A spreadsheet file (`.xlsx`, `.ods`) is no workbook, or a sheet of
    /// it cannot be read; `detail` is the reader's description.
    Workbook {
        /// The reader's description.
        detail: String,
    },
    /// No column of a sheet's header row names a language.
    SheetNoLanguage {
        /// The sheet's name.
        sheet: String,
        /// The first cell of the header row (`A1`).
        cell: String,
    },
    /// A cell of a sheet cannot be read as text.
    SheetCell {
        /// The sheet's name.
        sheet: String,
        /// The cell (`B3`).
        cell: String,
        /// What is wrong with it.
        detail: String,
    },
    /// Terms of two concepts fold to the same form.
    Conflict {
        /// The term met second.
        term: String,
        /// Its concept's id.
        concept: String,
        /// The term met first.
        other_term: String,
        /// Its concept's id.
        other_concept: String,
        /// Where the term met first is.
        other: SourceLocation,
    },
}

impl GlossaryError {
    /// The message to show for this error.
    pub fn message(&self) -> Message {
        use GlossaryErrorKind::*;
        let at = |m: Message| m.text("location", self.location.to_string());
        // A file that cannot be read, or a folder, has no position in it.
        let at_path = |m: Message| m.text("location", &*self.location.path);
        match &self.kind {
            Unreadable { reason } => {
                at_path(Message::new("glossary-unreadable").message("reason", reason.clone()))
            }
            EmptyFolder => at_path(Message::new("glossary-empty-folder")),
            Syntax { detail } => at(Message::new("glossary-syntax").text("detail", detail)),
            BadId { id } => at(Message::new("glossary-bad-id").text("id", id)),
            DuplicateId { id, first } => at(Message::new("glossary-duplicate-id")
                .text("id", id)
                .text("first", first.to_string())),
            BadLanguageTag { tag } => at(Message::new("glossary-bad-language").text("tag", tag)),
            MissingPreferred { concept, language } => at(Message::new("glossary-missing-preferred")
                .text("concept", concept)
                .text("language", language)),
            NoTerms { concept } => at(Message::new("glossary-no-terms").text("concept", concept)),
            EmptyTerm { concept } => at(Message::new("glossary-empty-term").text("concept", concept)),
            ControlCharacter { concept, character } => at(Message::new("glossary-control-character")
                .text("concept", concept)
                .text("character", format!("U+{:04X}", u32::from(*character)))),
            DeprecatedAndRecommended {
                term,
                concept,
                language,
                status,
                other,
            } => at(Message::new("glossary-deprecated-and-recommended")
                .text("term", printable(term))
                .text("concept", concept)
                .text("language", language)
                .text("status", status_name(*status))
                .text("other", other.to_string())),
            Xml { detail } => at(Message::new("glossary-xml").text("detail", detail)),
            XmlUnclosed { element } => at(Message::new("glossary-xml-unclosed").text("element", element)),
            XmlEntityDeclaration => at(Message::new("glossary-xml-entity-declaration")),
            XmlUndefinedEntity { name } => {
                at(Message::new("glossary-xml-undefined-entity").text("name", name))
            }
            NotTbx { root } => at(Message::new("glossary-not-tbx").text("root", root)),
            TbxNamespace { namespace } => {
                at(Message::new("glossary-tbx-namespace").text("namespace", namespace))
            }
            Csv { detail } => at(Message::new("glossary-csv").text("detail", detail)),
            CsvNoLanguage => at(Message::new("glossary-csv-no-language")),
            Workbook { detail } => at(Message::new("glossary-workbook").text("detail", detail)),
            SheetNoLanguage { sheet, cell } => at(Message::new("glossary-sheet-no-language")
                .text("sheet", printable(sheet))
                .text("cell", cell)),
            SheetCell { sheet, cell, detail } => at(Message::new("glossary-sheet-cell")
                .text("sheet", printable(sheet))
                .text("cell", cell)
                .text("detail", detail)),
            Conflict {
                term,
                concept,
                other_term,
                other_concept,
                other,
            } => at(Message::new("glossary-conflict")
                .text("term", term)
                .text("concept", concept)
                .text("other-term", other_term)
                .text("other-concept", other_concept)
                .text("other", other.to_string())),
        }
    }
}

/// A status as the messages select on it.
fn status_name(status: Status) -> &'static str {
    match status {
        Status::Preferred => "preferred",
        Status::Admitted => "admitted",
        Status::Deprecated => "deprecated",
    }
}

impl std::fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for GlossaryError {}

impl std::fmt::Display for GlossaryErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            error.fmt(f)?;
        }
        Ok(())
    }
}

impl std::error::Error for GlossaryErrors {}
