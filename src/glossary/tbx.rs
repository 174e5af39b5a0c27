//! TBX (ISO 30042) glossaries: reading TBX v2 / TBX-Basic `martif` files and
//! TBX v3 `tbx` files of any dialect, in DCA style (`<termNote
//! type="administrativeStatus">`) and DCT style (`<basic:administrativeStatus>`),
//! and writing TBX-Basic v3 in DCA style.
//!
//! # Reading
//!
//! The file is walked event by event with quick-xml. Nothing is ever
//! fetched or expanded: a DOCTYPE naming an external DTD is ignored, a DOCTYPE
//! that declares entities is refused (so an entity bomb or an external entity
//! is an error before a single entity is seen), and a reference to any
//! entity but the five predefined ones and character references is an error.
//!
//! Structure: `termEntry`/`conceptEntry` is a concept (its `id` is the
//! concept id), `langSet`/`langSec` a language (`xml:lang`), and
//! `tig`/`ntig`/`termSec` a term. `termGrp`, `descripGrp`, `termNoteGrp`
//! and `adminGrp` are looked through. A data category is the `type` of a
//! `termNote`, `descrip`, `admin` … element (DCA) or the local name of a
//! namespaced element (DCT). Mapped: `administrativeStatus`,
//! `normativeAuthorization` and `usageStatus` (term status), `termType`,
//! `subjectField` (domain), `definition` and `note` (notes), `source`
//! (concept sources). Everything else in a concept is dropped and counted
//! in the [`ImportReport`]; the header is skipped.
//!
//! # White space
//!
//! Literal white space in text is XML layout: each run between two other
//! characters becomes one space and runs at either end go. White space
//! written as a character reference (`&#10;`) is kept. The writer uses
//! references for every space that layout rules would change, so notes
//! with line breaks survive a round trip exactly.
//!
//! # termlint's own attributes
//!
//! TBX-Basic has no data category for a concept's kind or a term's case
//! sensitivity. They travel as notes: `termlint:kind=person` on the concept
//! and `termlint:case_sensitive=true` on the term.
//!
//! TBX's `termType` picklist has no value for a translation or an
//! original-language name either. Such a term is written as a `fullForm`
//! (true of both, so another TBX tool reads a valid full form) with a note
//! `termlint:type=translation` or `termlint:type=original` on the term; the
//! reader takes the note's type, whatever the order of the two, and a
//! `termType` of `fullForm` never replaces it.

use std::fmt::Write;

use quick_xml::escape::{escape, partial_escape, resolve_predefined_entity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::error::{GlossaryError, GlossaryErrorKind};
use super::import::{DraftConcept, DraftLanguage, DraftTerm, ImportReport};
use super::model::{Concept, ConceptKind, SourceLocation, Status, Term, TermType};
use super::source::Locator;

/// The namespace of TBX v3 (ISO 30042:2019).
const TBX_NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";
/// Notes with this prefix hold termlint attributes.
const TERMLINT_NOTE: &str = "termlint:";

/// Reads a TBX file into drafts, counting what it drops in `report`.
pub(crate) fn read(
    locator: &Locator,
    report: &mut ImportReport,
) -> Result<Vec<DraftConcept>, Box<GlossaryError>> {
    let text = locator.text;
    // The reader skips one byte-order mark and counts positions after it;
    // given the text after the mark, it would skip a second one too.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut walker = Walker {
        locator,
        report,
        open: Vec::new(),
        skip_from: None,
        concepts: Vec::new(),
        concept: None,
        language: None,
        term: None,
        capture: None,
        saw_root: false,
    };
    loop {
        let start = bom + reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|err| {
            let at = bom + reader.error_position() as usize;
            locator.boxed_error(
                at..at,
                GlossaryErrorKind::Xml {
                    detail: err.to_string(),
                },
            )
        })?;
        match event {
            Event::Start(element) => walker.start(&element, start)?,
            Event::Empty(element) => {
                walker.start(&element, start)?;
                walker.end();
            }
            Event::End(_) => walker.end(),
            Event::Text(text) => {
                walker.literal(&text.xml_content(XmlVersion::Implicit1_0).unwrap_or_default())
            }
            Event::CData(text) => {
                walker.significant(&text.xml_content(XmlVersion::Implicit1_0).unwrap_or_default())
            }
            Event::GeneralRef(reference) => walker.reference(&reference, start)?,
            Event::DocType(doctype) => {
                if doctype.decode().unwrap_or_default().contains("<!ENTITY") {
                    return Err(locator.boxed_error(start..start, GlossaryErrorKind::XmlEntityDeclaration));
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if let Some((name, at)) = walker.open.last() {
        return Err(locator.boxed_error(
            *at..*at,
            GlossaryErrorKind::XmlUnclosed {
                element: name.clone(),
            },
        ));
    }
    if walker.saw_root {
        Ok(walker.concepts)
    } else {
        Err(locator.boxed_error(0..0, GlossaryErrorKind::NotTbx { root: String::new() }))
    }
}

/// Where a data category occurs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Concept,
    Language,
    Term,
}

/// What text is being collected for.
enum Target {
    /// The `term` element.
    Term,
    /// A `note` element.
    Note,
    /// A data category (`administrativeStatus`), as written (`key`).
    Category { category: String, key: String },
}

/// Text being collected, up to the end of the element opened at `depth`.
struct Capture {
    target: Target,
    level: Level,
    depth: usize,
    text: TextBuf,
}

/// Walks the events, keeping the concept, language and term being read.
struct Walker<'a, 'r> {
    locator: &'a Locator<'a>,
    report: &'r mut ImportReport,
    /// Open elements with the offset of their `<`.
    open: Vec<(String, usize)>,
    /// The depth of the element whose content is being skipped.
    skip_from: Option<usize>,
    concepts: Vec<DraftConcept>,
    concept: Option<(DraftConcept, usize)>,
    language: Option<(DraftLanguage, usize)>,
    term: Option<(DraftTerm, usize)>,
    capture: Option<Capture>,
    /// Whether the root element was `martif` or `tbx`.
    saw_root: bool,
}

impl Walker<'_, '_> {
    fn location(&self, offset: usize) -> SourceLocation {
        self.locator.at(offset..offset)
    }

    fn start(&mut self, element: &BytesStart, offset: usize) -> Result<(), Box<GlossaryError>> {
        let name = String::from_utf8_lossy(element.name().as_ref()).into_owned();
        self.open.push((name.clone(), offset));
        let depth = self.open.len();
        if self.skip_from.is_some() || self.capture.is_some() {
            return Ok(());
        }
        let local = name.rsplit(':').next().unwrap_or(&name).to_string();
        if depth == 1 {
            return self.root(element, &name, &local, offset);
        }
        match local.as_str() {
            "martifHeader" | "tbxHeader" => self.skip_from = Some(depth),
            "text" | "body" | "termGrp" | "descripGrp" | "termNoteGrp" | "adminGrp" => {}
            "termEntry" | "conceptEntry" if self.concept.is_none() => {
                let id = attribute(element, b"id", self.locator, offset)?;
                let concept = DraftConcept {
                    id: id.map(|id| id.trim().to_string()),
                    location: Some(self.location(offset)),
                    ..DraftConcept::default()
                };
                self.concept = Some((concept, depth));
            }
            "langSet" | "langSec" if self.concept.is_some() && self.language.is_none() => {
                let tag = attribute(element, b"xml:lang", self.locator, offset)?.unwrap_or_default();
                let language = DraftLanguage {
                    tag: tag.trim().to_string(),
                    terms: Vec::new(),
                    location: self.location(offset),
                };
                self.language = Some((language, depth));
            }
            "tig" | "ntig" | "termSec" if self.language.is_some() && self.term.is_none() => {
                self.term = Some((DraftTerm::new(self.location(offset)), depth));
            }
            _ => self.data(element, &name, &local, offset, depth)?,
        }
        Ok(())
    }

    /// Checks the root element: `martif`, or `tbx` in the TBX namespace.
    fn root(
        &mut self,
        element: &BytesStart,
        name: &str,
        local: &str,
        offset: usize,
    ) -> Result<(), Box<GlossaryError>> {
        let error = |kind| Err(self.locator.boxed_error(offset..offset, kind));
        match local {
            "martif" => {}
            "tbx" => {
                let namespace = attribute(element, b"xmlns", self.locator, offset)?;
                if let Some(namespace) = namespace.filter(|ns| ns != TBX_NAMESPACE) {
                    return error(GlossaryErrorKind::TbxNamespace { namespace });
                }
            }
            _ => {
                return error(GlossaryErrorKind::NotTbx {
                    root: name.to_string(),
                })
            }
        }
        self.saw_root = true;
        Ok(())
    }

    /// The level the next data category belongs to, if inside a concept.
    fn level(&self) -> Option<Level> {
        if self.term.is_some() {
            Some(Level::Term)
        } else if self.language.is_some() {
            Some(Level::Language)
        } else {
            self.concept.as_ref().map(|_| Level::Concept)
        }
    }

    /// A data category, `term` or `note`: collected when the model holds it,
    /// else dropped (counted) with everything inside it.
    fn data(
        &mut self,
        element: &BytesStart,
        name: &str,
        local: &str,
        offset: usize,
        depth: usize,
    ) -> Result<(), Box<GlossaryError>> {
        let target = if local == "term" && name == local {
            Target::Term
        } else if local == "note" && name == local {
            Target::Note
        } else if name != local {
            // DCT style: the element's local name is the data category.
            Target::Category {
                category: local.to_string(),
                key: name.to_string(),
            }
        } else {
            match attribute(element, b"type", self.locator, offset)? {
                Some(category) => Target::Category {
                    key: format!("{name} type=\"{category}\""),
                    category,
                },
                None => Target::Category {
                    category: String::new(),
                    key: name.to_string(),
                },
            }
        };
        match self.level().filter(|&level| is_mapped(&target, level)) {
            Some(level) => {
                if let (Target::Term, Some((term, _))) = (&target, self.term.as_mut()) {
                    term.location = self.locator.at(offset..offset);
                }
                self.capture = Some(Capture {
                    target,
                    level,
                    depth,
                    text: TextBuf::default(),
                });
            }
            None => {
                self.report.drop(match target {
                    Target::Category { key, .. } => key,
                    _ => name.to_string(),
                });
                self.skip_from = Some(depth);
            }
        }
        Ok(())
    }

    fn end(&mut self) {
        let depth = self.open.len();
        self.open.pop();
        if let Some(from) = self.skip_from {
            if from == depth {
                self.skip_from = None;
            }
            return;
        }
        if self.capture.as_ref().is_some_and(|c| c.depth == depth) {
            let capture = self.capture.take().expect("a capture");
            self.apply(capture);
        } else if self.term.as_ref().is_some_and(|(_, d)| *d == depth) {
            let (term, _) = self.term.take().expect("a term");
            if let Some((language, _)) = self.language.as_mut() {
                language.terms.push(term);
            }
        } else if self.language.as_ref().is_some_and(|(_, d)| *d == depth) {
            let (language, _) = self.language.take().expect("a language");
            if let Some((concept, _)) = self.concept.as_mut() {
                concept.languages.push(language);
            }
        } else if self.concept.as_ref().is_some_and(|(_, d)| *d == depth) {
            let (concept, _) = self.concept.take().expect("a concept");
            self.concepts.push(concept);
        }
    }

    fn literal(&mut self, text: &str) {
        if let Some(capture) = self.capture.as_mut() {
            capture.text.push(text, false);
        }
    }

    fn significant(&mut self, text: &str) {
        if let Some(capture) = self.capture.as_mut() {
            capture.text.push(text, true);
        }
    }

    /// `&…;`: a character reference or one of the five predefined entities;
    /// any other entity is an error and is never looked up.
    fn reference(
        &mut self,
        reference: &quick_xml::events::BytesRef,
        offset: usize,
    ) -> Result<(), Box<GlossaryError>> {
        let name = reference.decode().unwrap_or_default().into_owned();
        let resolved = if reference.is_char_ref() {
            match reference.resolve_char_ref() {
                Ok(Some(c)) => Some((c.to_string(), true)),
                _ => None,
            }
        } else {
            resolve_predefined_entity(&name).map(|text| (text.to_string(), false))
        };
        match resolved {
            Some((text, significant)) => {
                if let Some(capture) = self.capture.as_mut() {
                    capture.text.push(&text, significant);
                }
                Ok(())
            }
            None => Err(self
                .locator
                .boxed_error(offset..offset, GlossaryErrorKind::XmlUndefinedEntity { name })),
        }
    }

    /// Stores collected text where it belongs.
    fn apply(&mut self, capture: Capture) {
        let value = capture.text.finish();
        let (Some((concept, _)), language, term) = (
            self.concept.as_mut(),
            self.language.as_mut().map(|(l, _)| &*l),
            self.term.as_mut().map(|(t, _)| t),
        ) else {
            return;
        };
        let report = &mut *self.report;
        match (capture.target, capture.level) {
            (Target::Term, _) => {
                if let Some(term) = term {
                    term.text = value;
                }
            }
            (Target::Note, level) if value.starts_with(TERMLINT_NOTE) => {
                set_termlint_attribute(&value, level, concept, term, report)
            }
            (Target::Note, Level::Term) => {
                if let Some(term) = term {
                    term.notes.push(value);
                }
            }
            (Target::Note, _) => concept.notes.push(prefixed(language, value)),
            (Target::Category { category, key }, _) => match category.as_str() {
                "administrativeStatus" | "normativeAuthorization" | "usageStatus" => {
                    match (parse_status(&value), term) {
                        (Some(status), Some(term)) => term.status = Some(status),
                        _ => report.drop(format!("{key}: {value}")),
                    }
                }
                "termType" => match (parse_term_type(&value), term) {
                    // A full form that a note made a translation or an
                    // original-language name stays one.
                    (Some(TermType::Full), Some(term))
                        if matches!(term.term_type, TermType::Translation | TermType::Original) => {}
                    (Some(term_type), Some(term)) => term.term_type = term_type,
                    _ => report.drop(format!("{key}: {value}")),
                },
                "subjectField" if concept.domain.is_none() && !value.is_empty() => {
                    concept.domain = Some(value)
                }
                "definition" => concept.notes.push(prefixed(language, value)),
                "source" if !value.is_empty() => concept.sources.push(value),
                _ => report.drop(key),
            },
        }
    }
}

/// Whether the model holds `target` at `level`.
fn is_mapped(target: &Target, level: Level) -> bool {
    match target {
        Target::Term => level == Level::Term,
        Target::Note => true,
        Target::Category { category, .. } => match category.as_str() {
            "administrativeStatus" | "normativeAuthorization" | "usageStatus" | "termType" => {
                level == Level::Term
            }
            "definition" => level != Level::Term,
            "subjectField" | "source" => true,
            _ => false,
        },
    }
}

/// A note of a language set goes into the concept's note, after its tag.
fn prefixed(language: Option<&DraftLanguage>, note: String) -> String {
    match language {
        Some(language) => format!("{}: {note}", language.tag),
        None => note,
    }
}

/// `termlint:kind=…` on a concept; `termlint:case_sensitive=true` and
/// `termlint:type=translation` or `original` on a term.
fn set_termlint_attribute(
    note: &str,
    level: Level,
    concept: &mut DraftConcept,
    term: Option<&mut DraftTerm>,
    report: &mut ImportReport,
) {
    let setting = &note[TERMLINT_NOTE.len()..];
    match (level, setting.split_once('='), term) {
        (Level::Concept, Some(("kind", kind)), _) if ConceptKind::from_name(kind).is_some() => {
            concept.kind = ConceptKind::from_name(kind);
        }
        (Level::Term, Some(("case_sensitive", value)), Some(term)) if matches!(value, "true" | "false") => {
            term.case_sensitive = value == "true";
        }
        (Level::Term, Some(("type", value)), Some(term)) if note_term_type(value).is_some() => {
            term.term_type = note_term_type(value).unwrap_or_default();
        }
        _ => report.drop(format!("note: {note}")),
    }
}

/// A term status from `administrativeStatus` (`preferredTerm-admn-sts`),
/// `normativeAuthorization` (`preferredTerm`) or TBX-Min `usageStatus`
/// (`preferred`). Superseded, not recommended and obsolete terms are deprecated.
fn parse_status(value: &str) -> Option<Status> {
    let value = value.strip_suffix("-admn-sts").unwrap_or(value);
    match value.strip_suffix("Term").unwrap_or(value) {
        "preferred" | "standardized" | "legal" | "regulated" => Some(Status::Preferred),
        "admitted" => Some(Status::Admitted),
        "deprecated" | "superseded" | "notRecommended" | "obsolete" => Some(Status::Deprecated),
        _ => None,
    }
}

/// A term type TBX has no `termType` value for, as a `termlint:type=…`
/// note names it.
fn note_term_type(value: &str) -> Option<TermType> {
    [TermType::Translation, TermType::Original]
        .into_iter()
        .find(|t| t.name() == value)
}

/// A term type from `termType`; types the model does not tell apart are
/// `None` (and reported).
fn parse_term_type(value: &str) -> Option<TermType> {
    match value {
        "fullForm" => Some(TermType::Full),
        "acronym" | "abbreviation" | "initialism" => Some(TermType::Acronym),
        "shortForm" | "shortcut" | "clippedTerm" => Some(TermType::Short),
        _ => None,
    }
}

/// The value of attribute `name`, with references resolved (only the
/// predefined ones: anything else is an error).
fn attribute(
    element: &BytesStart,
    name: &[u8],
    locator: &Locator,
    offset: usize,
) -> Result<Option<String>, Box<GlossaryError>> {
    let error = |detail: String| locator.boxed_error(offset..offset, GlossaryErrorKind::Xml { detail });
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|err| error(err.to_string()))?;
        if attribute.key.as_ref() == name {
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| error(err.to_string()))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Text of an element, each character marked significant (from a character
/// reference or CDATA) or literal.
#[derive(Default)]
struct TextBuf {
    chars: Vec<(char, bool)>,
}

impl TextBuf {
    fn push(&mut self, text: &str, significant: bool) {
        self.chars.extend(text.chars().map(|c| (c, significant)));
    }

    /// The text with layout white space removed (see the module docs).
    fn finish(&self) -> String {
        let chars = &self.chars;
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let (c, significant) = chars[i];
            if significant || !is_xml_space(c) {
                out.push(c);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && !chars[i].1 && is_xml_space(chars[i].0) {
                i += 1;
            }
            let before = start > 0 && !is_xml_space(chars[start - 1].0);
            let after = i < chars.len() && !is_xml_space(chars[i].0);
            if before && after {
                out.push(' ');
            }
        }
        out
    }
}

/// Writes `concepts` as a TBX-Basic v3 file in DCA style. Examples are not
/// written: TBX has no place for test sentences.
pub fn write(concepts: &[Concept]) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n",
        "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n",
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n",
        "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>termlint</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n",
        "  <text>\n    <body>\n",
    ));
    for concept in concepts {
        write_concept(&mut out, concept);
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

fn write_concept(out: &mut String, concept: &Concept) {
    let _ = writeln!(
        out,
        "      <conceptEntry id=\"{}\">",
        escape_attribute(&concept.id)
    );
    if let Some(domain) = &concept.domain {
        element(out, 8, "descrip type=\"subjectField\"", domain);
    }
    for source in &concept.sources {
        element(out, 8, "admin type=\"source\"", source);
    }
    if let Some(note) = &concept.note {
        element(out, 8, "note", note);
    }
    if let Some(kind) = concept.kind {
        element(out, 8, "note", &format!("{TERMLINT_NOTE}kind={}", kind.name()));
    }
    for language in &concept.languages {
        let _ = writeln!(out, "        <langSec xml:lang=\"{}\">", language.language);
        for term in &language.terms {
            write_term(out, term);
        }
        out.push_str("        </langSec>\n");
    }
    out.push_str("      </conceptEntry>\n");
}

fn write_term(out: &mut String, term: &Term) {
    out.push_str("          <termSec>\n");
    element(out, 12, "term", &term.text);
    // TBX's termType has no value for a translation or an original-language
    // name: those are full forms with a `termlint:type=…` note (see the
    // module docs).
    let term_type = match term.term_type {
        TermType::Acronym => Some("acronym"),
        TermType::Short => Some("shortForm"),
        TermType::Translation | TermType::Original => Some("fullForm"),
        TermType::Full => None,
    };
    if let Some(value) = term_type {
        element(out, 12, "termNote type=\"termType\"", value);
    }
    let status = match term.status {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
    };
    element(out, 12, "termNote type=\"administrativeStatus\"", status);
    if let Some(note) = &term.note {
        element(out, 12, "note", note);
    }
    if term.case_sensitive {
        element(out, 12, "note", &format!("{TERMLINT_NOTE}case_sensitive=true"));
    }
    if matches!(term.term_type, TermType::Translation | TermType::Original) {
        let note = format!("{TERMLINT_NOTE}type={}", term.term_type.name());
        element(out, 12, "note", &note);
    }
    out.push_str("          </termSec>\n");
}

/// One element with text content on a line of its own.
fn element(out: &mut String, indent: usize, open: &str, text: &str) {
    let name = open.split(' ').next().unwrap_or(open);
    let _ = writeln!(out, "{:indent$}<{open}>{}</{name}>", "", escape_text(text));
}

/// `text` as element content: markup characters escaped, and layout white
/// space kept (see [`keep_layout_space`]).
fn escape_text(text: &str) -> String {
    keep_layout_space(&partial_escape(text))
}

/// `text` as an attribute value in double quotes.
fn escape_attribute(text: &str) -> String {
    keep_layout_space(&escape(text))
}

/// Writes as character references the white space a reader would take for
/// layout: every space not between two other characters, and every tab and
/// line break. Safe after markup escaping: an entity holds no white space,
/// so whether a space's neighbours are white space does not change.
fn keep_layout_space(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_others = c == ' '
            && i > 0
            && i + 1 < chars.len()
            && !is_xml_space(chars[i - 1])
            && !is_xml_space(chars[i + 1]);
        if is_xml_space(c) && !between_others {
            let _ = write!(out, "&#x{:X};", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::glossary::import::finish;
    use crate::glossary::{to_toml, GlossaryLoader};

    fn read_text(text: &str) -> Result<(Vec<Concept>, ImportReport), Box<GlossaryError>> {
        let path: Arc<str> = Arc::from("t.tbx");
        let locator = Locator::new(&path, text);
        let mut report = ImportReport::default();
        let drafts = read(&locator, &mut report)?;
        let mut errors = Vec::new();
        let concepts = finish(drafts, &path, &mut report, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        Ok((concepts, report))
    }

    fn error(text: &str) -> (GlossaryErrorKind, u32, u32) {
        let error = read_text(text).unwrap_err();
        (error.kind, error.location.line, error.location.column)
    }

    const V3: &str = "<tbx type=\"TBX-Core\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n\
        <conceptEntry id=\"a\"><note>one&#10;two  \n  three</note>\
        <langSec xml:lang=\"en\"><termSec><term> New\n   York </term></termSec></langSec>\
        </conceptEntry></body></text></tbx>";

    #[test]
    fn layout_white_space_goes_and_references_stay() {
        let (concepts, report) = read_text(V3).expect("reads");
        assert_eq!(concepts[0].note.as_deref(), Some("one\ntwo three"));
        assert_eq!(concepts[0].languages[0].terms[0].text, "New York");
        assert!(report.is_empty());
    }

    #[test]
    fn escaping_keeps_every_space() {
        for text in ["a  b", " a", "a\n  b\t", "x & <y> \"z\"", "a b"] {
            let mut buf = TextBuf::default();
            let escaped = escape_text(text);
            let mut rest = escaped.as_str();
            // Decode the way the reader does: references significant, the rest literal.
            while let Some(start) = rest.find('&') {
                buf.push(&rest[..start], false);
                let end = rest[start..].find(';').expect("a reference") + start;
                let reference = &rest[start + 1..end];
                match reference.strip_prefix("#x") {
                    Some(hex) => buf.push(
                        &char::from_u32(u32::from_str_radix(hex, 16).unwrap())
                            .unwrap()
                            .to_string(),
                        true,
                    ),
                    None => buf.push(resolve_predefined_entity(reference).unwrap(), false),
                }
                rest = &rest[end + 1..];
            }
            buf.push(rest, false);
            assert_eq!(buf.finish(), text, "{escaped}");
        }
    }

    #[test]
    fn malformed_xml_is_an_error_with_its_position() {
        let (kind, line, _) = error("<martif>\n<text><body></text></martif>");
        assert!(matches!(kind, GlossaryErrorKind::Xml { .. }), "{kind:?}");
        assert_eq!(line, 2);
        let (kind, line, column) = error("<martif>\n  <text>");
        assert_eq!(
            kind,
            GlossaryErrorKind::XmlUnclosed {
                element: "text".into()
            }
        );
        assert_eq!((line, column), (2, 3));
    }

    #[test]
    fn entities_are_never_expanded() {
        let external = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<martif>&e;</martif>";
        assert_eq!(error(external), (GlossaryErrorKind::XmlEntityDeclaration, 1, 1));
        let undeclared = "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&e;</term>";
        assert!(matches!(error(undeclared).0, GlossaryErrorKind::XmlUndefinedEntity { name } if name == "e"));
        let in_attribute = "<martif><text><body><termEntry id=\"&e;\">";
        assert!(matches!(error(in_attribute).0, GlossaryErrorKind::Xml { .. }));
    }

    #[test]
    fn other_roots_and_namespaces_are_refused() {
        assert_eq!(
            error("<xliff/>").0,
            GlossaryErrorKind::NotTbx { root: "xliff".into() }
        );
        assert_eq!(error("").0, GlossaryErrorKind::NotTbx { root: String::new() });
        let wrong = "<tbx xmlns=\"urn:example\"/>";
        assert!(matches!(error(wrong).0, GlossaryErrorKind::TbxNamespace { .. }));
    }

    #[test]
    fn dct_and_dca_styles_read_alike() {
        let dca = "<tbx><text><body><conceptEntry id=\"a\"><descrip type=\"subjectField\">geo</descrip>\
            <langSec xml:lang=\"en\"><termSec><term>A</term>\
            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></termSec>\
            <termSec><term>B</term><termNote type=\"termType\">acronym</termNote></termSec>\
            </langSec></conceptEntry></body></text></tbx>";
        let dct = dca
            .replace(
                "<descrip type=\"subjectField\">geo</descrip>",
                "<min:subjectField>geo</min:subjectField>",
            )
            .replace(
                "termNote type=\"administrativeStatus\">",
                "basic:administrativeStatus>",
            )
            .replace(
                "</termNote></termSec>\n",
                "</basic:administrativeStatus></termSec>\n",
            )
            .replace(
                "deprecatedTerm-admn-sts</termNote>",
                "deprecatedTerm-admn-sts</basic:administrativeStatus>",
            )
            .replace(
                "<termNote type=\"termType\">acronym</termNote>",
                "<basic:termType>acronym</basic:termType>",
            );
        let (a, _) = read_text(dca).expect("dca");
        let (b, _) = read_text(&dct).expect("dct");
        assert_eq!(to_toml(&a), to_toml(&b));
        assert_eq!(
            to_toml(&a),
            "[[concept]]\nid = \"a\"\ndomain = \"geo\"\n\n[concept.lang.en]\n\
             preferred = { term = \"B\", type = \"acronym\" }\ndeprecated = [\"A\"]\n"
        );
    }

    #[test]
    fn written_tbx_reads_back_to_the_same_toml() {
        let toml = "[[concept]]\nid = \"iskp\"\nkind = \"organization\"\ndomain = \"security\"\n\
            note = \"two\\nlines  and  spaces \"\nsource = [\"https://example.org/?a=1&b=2\"]\n\n\
            [concept.lang.en]\npreferred = \"Islamic State Khorasan Province\"\n\
            admitted = [{ term = \"ISKP\", type = \"acronym\", case_sensitive = true, note = \"<acronym>\" }]\n\
            deprecated = [{ term = \"IS-K\", type = \"short\" }]\n\n[concept.lang.fa]\npreferred = \"داعش خراسان\"\n\n\
            [[concept]]\nid = \"xuroson-ovozi\"\n\n[concept.lang.en]\npreferred = \"Voice of Khurasan\"\n\
            admitted = [{ term = \"Khorasan Voice\", type = \"translation\" }, \
            { term = \"Xuroson Ovozi\", type = \"original\", case_sensitive = true }]\n";
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("g.toml", toml.to_string());
        let glossary = loader.load().expect("loads");
        let tbx = write(glossary.concepts());
        let (concepts, report) = read_text(&tbx).expect("reads back");
        assert!(report.is_empty(), "{report:?}");
        assert_eq!(to_toml(&concepts), toml);
    }

    #[test]
    fn translations_and_originals_are_full_forms_with_a_note() {
        let toml = "[[concept]]\nid = \"x\"\n\n[concept.lang.en]\npreferred = \"Voice of Khurasan\"\n\
            admitted = [{ term = \"Khorasan Voice\", type = \"translation\" }, \
            { term = \"Xuroson Ovozi\", type = \"original\" }]\n";
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("g.toml", toml.to_string());
        let tbx = write(loader.load().expect("loads").concepts());
        assert!(tbx.contains(concat!(
            "            <term>Khorasan Voice</term>\n",
            "            <termNote type=\"termType\">fullForm</termNote>\n",
            "            <termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>\n",
            "            <note>termlint:type=translation</note>\n",
        )));
        assert!(tbx.contains("<note>termlint:type=original</note>"));
        assert_eq!(tbx.matches("termlint:type=").count(), 2, "none for the full form");
        // Another tool may write the note first: the note still wins over
        // `fullForm`, and a type TBX has its own value for is no note's.
        let entry = |notes: &str| {
            format!(
                "<tbx type=\"TBX-Basic\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\
                 <conceptEntry id=\"x\"><langSec xml:lang=\"en\"><termSec><term>A</term>\
                 <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec>\
                 <termSec><term>B</term>{notes}</termSec></langSec></conceptEntry></body></text></tbx>"
            )
        };
        let (concepts, report) = read_text(&entry(
            "<note>termlint:type=original</note><termNote type=\"termType\">fullForm</termNote>",
        ))
        .expect("reads");
        assert!(report.is_empty(), "{report:?}");
        assert_eq!(concepts[0].languages[0].terms[1].term_type, TermType::Original);
        let (concepts, report) = read_text(&entry("<note>termlint:type=acronym</note>")).expect("reads");
        assert_eq!(concepts[0].languages[0].terms[1].term_type, TermType::Full);
        assert_eq!(report.dropped.get("note: termlint:type=acronym"), Some(&1));
    }
}
