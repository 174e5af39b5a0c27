//! CSV and TSV glossaries, as spreadsheets and memoQ, Trados or Xbench
//! exports have them: a header row names each column, every other row is one
//! concept. The sheets of `.xlsx` and `.ods` workbooks (`spreadsheet`) are
//! read by the same rules ([`Header`]).
//!
//! # Columns (also in README.md, "Glossary interchange")
//!
//! - `TAG` (a BCP 47 tag: `en`, `ru`, `fa-IR`): the terms of that language,
//!   separated by `|`; the first is preferred, the others admitted.
//! - `TAG_deprecated`: deprecated terms of that language, separated by `|`.
//! - `TAG_type`, `TAG_deprecated_type`: the types of the terms of the
//!   column `TAG` or `TAG_deprecated`, separated by `|`, one for each term in
//!   the same order (`full`, `acronym`, `short`, `translation`, `original`);
//!   an empty or missing type is `full`. The writer adds them for a language
//!   with a term of another type than `full`.
//! - `id`, `kind`, `domain`, `note`: the concept's attributes; `source`:
//!   its sources, separated by `|`. These names win over language tags; write
//!   `lang:TAG` for a language whose tag is one of them (`lang:id`, Indonesian).
//! - Any other column is dropped and reported. A language column needs a
//!   two- or three-letter language code: `English` or `Comments` is no tag.
//!
//! Header names are case-insensitive. A `.csv` file is separated by commas,
//! or by semicolons when its header holds more semicolons than commas (as
//! spreadsheets write in many locales); a `.tsv` file by tabs. Blank rows are
//! skipped. Case sensitivity, term notes and examples have no column: the
//! CSV writer leaves them out.

use super::error::{GlossaryError, GlossaryErrorKind};
use super::import::{DraftConcept, DraftLanguage, DraftTerm, ImportReport};
use super::model::{Concept, ConceptKind, SourceLocation, Status, TermType};
use super::source::Locator;
use crate::lang::Language;

/// Separates several terms or sources in one cell.
const SEPARATOR: char = '|';
/// Marks the column of a language's deprecated terms.
const DEPRECATED_SUFFIX: &str = "_deprecated";
/// Marks the column of the types of a terms column.
const TYPE_SUFFIX: &str = "_type";
/// The types a type column may name.
const TERM_TYPES: [TermType; 5] = [
    TermType::Full,
    TermType::Acronym,
    TermType::Short,
    TermType::Translation,
    TermType::Original,
];
/// Marks a column as a language whatever its tag.
const LANGUAGE_PREFIX: &str = "lang:";
/// Column names that are not languages.
const RESERVED: [&str; 5] = ["id", "kind", "domain", "note", "source"];

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    Id,
    Kind,
    Domain,
    Note,
    Source,
    /// Preferred, then admitted terms of a language.
    Terms(String),
    /// Deprecated terms of a language.
    Deprecated(String),
    /// The types of the terms of a language's column: that of its
    /// deprecated terms when `true`.
    Types(String, bool),
    /// Not understood; named as written.
    Other(String),
}

/// Reads CSV (`delimiter` `None`: comma or semicolon) or TSV text into drafts.
pub(crate) fn read(
    locator: &Locator,
    delimiter: Option<u8>,
    report: &mut ImportReport,
) -> Result<Vec<DraftConcept>, Box<GlossaryError>> {
    let text = locator.text;
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let error = |line: usize, kind| locator.boxed_error(line_start(text, line)..line_start(text, line), kind);
    let csv_error = |err: csv::Error| {
        let line = err.position().map_or(1, |p| p.line() as usize);
        error(
            line,
            GlossaryErrorKind::Csv {
                detail: err.to_string(),
            },
        )
    };
    let header = match records.next() {
        Some(header) => Header::of(header.map_err(csv_error)?.iter()),
        None => None,
    };
    let Some(header) = header else {
        return Err(error(1, GlossaryErrorKind::CsvNoLanguage));
    };
    let mut concepts = Vec::new();
    for record in records {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(1, |p| p.line() as usize);
        let location = || locator.at(line_start(text, line)..line_start(text, line));
        concepts.extend(header.row(record.iter(), location, report));
    }
    Ok(concepts)
}

/// What the header row of a glossary table (CSV, TSV or a spreadsheet's
/// sheet) says each column holds.
pub(crate) struct Header(Vec<Column>);

impl Header {
    /// The header of these cells, or `None` when no column names a language.
    pub(crate) fn of<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<Header> {
        let columns: Vec<Column> = cells.into_iter().map(column).collect();
        columns
            .iter()
            .any(|c| matches!(c, Column::Terms(_) | Column::Deprecated(_)))
            .then_some(Header(columns))
    }

    /// A row of the table as a concept at `location`; `None` for a blank row.
    pub(crate) fn row<'a>(
        &self,
        cells: impl IntoIterator<Item = &'a str> + Clone,
        location: impl FnOnce() -> SourceLocation,
        report: &mut ImportReport,
    ) -> Option<DraftConcept> {
        if cells.clone().into_iter().all(|cell| cell.trim().is_empty()) {
            return None;
        }
        Some(row(&self.0, cells, location(), report))
    }
}

/// Byte offset of the start of 1-based `line`.
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// Comma, or semicolon when the header line holds more semicolons.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// What a header cell names.
fn column(header: &str) -> Column {
    let name = header.trim();
    let lower = name.to_lowercase();
    match lower.as_str() {
        "id" => return Column::Id,
        "kind" => return Column::Kind,
        "domain" => return Column::Domain,
        "note" => return Column::Note,
        "source" => return Column::Source,
        _ => {}
    }
    let (tag, types) = match lower.strip_suffix(TYPE_SUFFIX) {
        Some(_) => (&name[..name.len() - TYPE_SUFFIX.len()], true),
        None => (name, false),
    };
    let (tag, deprecated) = match tag.to_lowercase().strip_suffix(DEPRECATED_SUFFIX) {
        Some(_) => (&tag[..tag.len() - DEPRECATED_SUFFIX.len()], true),
        None => (tag, false),
    };
    let tag = tag.strip_prefix(LANGUAGE_PREFIX).unwrap_or(tag);
    match Language::parse(tag).ok().filter(|_| has_iso_639_language(tag)) {
        Some(_) if types => Column::Types(tag.to_string(), deprecated),
        Some(_) if deprecated => Column::Deprecated(tag.to_string()),
        Some(_) => Column::Terms(tag.to_string()),
        None => Column::Other(name.to_string()),
    }
}

/// Whether the tag starts with a two- or three-letter language code. BCP 47
/// also allows five to eight letters, so that `Comments` or `English` would
/// pass for tags; in a header they are names.
fn has_iso_639_language(tag: &str) -> bool {
    let language = tag.split(['-', '_']).next().unwrap_or("");
    (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_alphabetic())
}

/// The pieces of a cell holding several values.
fn pieces(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split(SEPARATOR)
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .map(str::to_string)
}

/// One row as a concept.
fn row<'a>(
    columns: &[Column],
    cells: impl IntoIterator<Item = &'a str>,
    location: SourceLocation,
    report: &mut ImportReport,
) -> DraftConcept {
    let mut concept = DraftConcept {
        location: Some(location.clone()),
        ..DraftConcept::default()
    };
    // Where each terms column went, and the type cells, matched at the end
    // (a type column may come first).
    let mut terms_at: Vec<(&str, bool, usize)> = Vec::new();
    let mut types: Vec<(&str, bool, &str)> = Vec::new();
    for (column, cell) in columns.iter().zip(cells) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let value = Some(cell.to_string());
        match column {
            Column::Id => concept.id = value,
            Column::Kind => match ConceptKind::from_name(&cell.to_lowercase()) {
                Some(kind) => concept.kind = Some(kind),
                None => report.drop(format!("kind: {cell}")),
            },
            Column::Domain => concept.domain = value,
            Column::Note => concept.notes.push(cell.to_string()),
            Column::Source => concept.sources.extend(pieces(cell)),
            Column::Terms(tag) | Column::Deprecated(tag) => {
                let deprecated = matches!(column, Column::Deprecated(_));
                let terms = pieces(cell).enumerate().map(|(i, text)| DraftTerm {
                    text,
                    status: Some(match (deprecated, i) {
                        (true, _) => Status::Deprecated,
                        (false, 0) => Status::Preferred,
                        (false, _) => Status::Admitted,
                    }),
                    ..DraftTerm::new(location.clone())
                });
                terms_at.push((tag, deprecated, concept.languages.len()));
                concept.languages.push(DraftLanguage {
                    tag: tag.clone(),
                    terms: terms.collect(),
                    location: location.clone(),
                });
            }
            Column::Types(tag, deprecated) => types.push((tag, *deprecated, cell)),
            Column::Other(name) => report.drop(format!("column “{name}”")),
        }
    }
    for (tag, deprecated, cell) in types {
        let terms = terms_at
            .iter()
            .find(|(t, d, _)| t.eq_ignore_ascii_case(tag) && *d == deprecated)
            .map(|&(_, _, index)| &mut concept.languages[index].terms[..])
            .unwrap_or_default();
        set_types(terms, cell, report);
    }
    concept
}

/// Gives `terms` the types of a type cell, in order: an empty piece is
/// `full`; an unknown type, or one for no term, is reported.
fn set_types(terms: &mut [DraftTerm], cell: &str, report: &mut ImportReport) {
    for (i, name) in cell.split(SEPARATOR).map(str::trim).enumerate() {
        let term_type = match name.to_lowercase().as_str() {
            "" => Some(TermType::Full),
            name => TERM_TYPES.into_iter().find(|t| t.name() == name),
        };
        match (term_type, terms.get_mut(i)) {
            (Some(term_type), Some(term)) => term.term_type = term_type,
            (Some(TermType::Full), None) => {}
            _ => report.drop(format!("type: {name}")),
        }
    }
}

/// Writes `concepts` as CSV (`delimiter` `,`) or TSV (`\t`) with the columns
/// of the module docs: `id`, `kind`, `domain`, `note`, `source`, then per
/// language (in order of first use) its terms and, where any, deprecated terms.
pub fn write(concepts: &[Concept], delimiter: u8) -> String {
    let languages = languages(concepts);
    let mut header: Vec<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    for language in &languages {
        let tag = &language.tag;
        let name = if RESERVED.contains(&tag.to_lowercase().as_str()) {
            format!("{LANGUAGE_PREFIX}{tag}")
        } else {
            tag.clone()
        };
        header.push(name.clone());
        if language.typed {
            header.push(format!("{name}{TYPE_SUFFIX}"));
        }
        if language.deprecated {
            header.push(format!("{name}{DEPRECATED_SUFFIX}"));
        }
        if language.deprecated_typed {
            header.push(format!("{name}{DEPRECATED_SUFFIX}{TYPE_SUFFIX}"));
        }
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let _ = writer.write_record(&header);
    for concept in concepts {
        let _ = writer.write_record(concept_row(concept, &languages));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The columns of one language.
#[derive(Default)]
struct LanguageColumns {
    tag: String,
    /// Whether any term is deprecated.
    deprecated: bool,
    /// Whether any term that is not deprecated has another type than full.
    typed: bool,
    /// Whether any deprecated term has another type than full.
    deprecated_typed: bool,
}

/// Every language tag used, in order of first use, with the columns it needs.
fn languages(concepts: &[Concept]) -> Vec<LanguageColumns> {
    let mut languages: Vec<LanguageColumns> = Vec::new();
    for language in concepts.iter().flat_map(|c| &c.languages) {
        let tag = language.language.to_string();
        let index = match languages.iter().position(|l| l.tag == tag) {
            Some(index) => index,
            None => {
                languages.push(LanguageColumns {
                    tag,
                    ..LanguageColumns::default()
                });
                languages.len() - 1
            }
        };
        let columns = &mut languages[index];
        for term in &language.terms {
            let deprecated = term.status == Status::Deprecated;
            let typed = term.term_type != TermType::Full;
            columns.deprecated |= deprecated;
            columns.typed |= typed && !deprecated;
            columns.deprecated_typed |= typed && deprecated;
        }
    }
    languages
}

fn concept_row(concept: &Concept, languages: &[LanguageColumns]) -> Vec<String> {
    let join = |items: Vec<&str>| items.join(&format!(" {SEPARATOR} "));
    let mut row = vec![
        concept.id.clone(),
        concept.kind.map(|k| k.name().to_string()).unwrap_or_default(),
        concept.domain.clone().unwrap_or_default(),
        concept.note.clone().unwrap_or_default(),
        join(concept.sources.iter().map(String::as_str).collect()),
    ];
    for language in languages {
        let terms = concept
            .languages
            .iter()
            .find(|l| l.language.to_string() == language.tag)
            .map(|l| l.terms.as_slice())
            .unwrap_or_default();
        // The terms of one status group, or their types (an empty cell
        // when every one is full).
        let with = |deprecated: bool, types: bool| {
            let group = terms
                .iter()
                .filter(|t| (t.status == Status::Deprecated) == deprecated);
            if !types {
                return join(group.map(|t| t.text.as_str()).collect());
            }
            let names: Vec<&str> = group.map(|t| t.term_type.name()).collect();
            if names.iter().all(|name| *name == TermType::Full.name()) {
                return String::new();
            }
            join(names)
        };
        row.push(with(false, false));
        if language.typed {
            row.push(with(false, true));
        }
        if language.deprecated {
            row.push(with(true, false));
        }
        if language.deprecated_typed {
            row.push(with(true, true));
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::glossary::import::finish;

    fn read_text(text: &str, delimiter: Option<u8>) -> (Vec<Concept>, ImportReport) {
        let path: Arc<str> = Arc::from("g.csv");
        let locator = Locator::new(&path, text);
        let mut report = ImportReport::default();
        let drafts = read(&locator, delimiter, &mut report).expect("reads");
        let mut errors = Vec::new();
        let concepts = finish(drafts, &path, &mut report, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        (concepts, report)
    }

    fn forms(concept: &Concept) -> Vec<String> {
        concept
            .terms()
            .map(|(l, t)| format!("{l} {:?} {}", t.status, t.text))
            .collect()
    }

    #[test]
    fn columns_name_languages_and_attributes() {
        assert_eq!(column(" EN "), Column::Terms("EN".into()));
        assert_eq!(column("ru_Deprecated"), Column::Deprecated("ru".into()));
        assert_eq!(column("ID"), Column::Id);
        assert_eq!(column("lang:id"), Column::Terms("id".into()));
        assert_eq!(column("Comments"), Column::Other("Comments".into()));
    }

    #[test]
    fn a_row_is_a_concept_and_the_first_term_is_preferred() {
        let text = "id,en,en_deprecated,ru,note,Comments\n\
                    kabul,Kabul | Kabol,Cabool,Кабул,capital,x\n\
                    ,,,,\n\
                    ,Herat,,Герат,,\n";
        let (concepts, report) = read_text(text, None);
        assert_eq!(concepts.len(), 2);
        assert_eq!(
            forms(&concepts[0]),
            [
                "en Preferred Kabul",
                "en Admitted Kabol",
                "en Deprecated Cabool",
                "ru Preferred Кабул"
            ]
        );
        assert_eq!(concepts[0].note.as_deref(), Some("capital"));
        assert_eq!(concepts[1].id, "c2");
        assert_eq!(concepts[1].location.line, 4);
        assert_eq!(report.dropped.get("column “Comments”"), Some(&1));
    }

    #[test]
    fn semicolons_and_tabs_separate_too() {
        let (concepts, _) = read_text("en;ru\nKabul;Кабул\n", None);
        assert_eq!(forms(&concepts[0]), ["en Preferred Kabul", "ru Preferred Кабул"]);
        let (concepts, _) = read_text("en\tru\nKabul\tКабул\n", Some(b'\t'));
        assert_eq!(concepts[0].languages.len(), 2);
    }

    #[test]
    fn a_header_without_languages_is_an_error() {
        let path: Arc<str> = Arc::from("g.csv");
        let locator = Locator::new(&path, "English,Russian\nKabul,Кабул\n");
        let error = read(&locator, None, &mut ImportReport::default()).unwrap_err();
        assert_eq!(error.kind, GlossaryErrorKind::CsvNoLanguage);
    }

    #[test]
    fn written_csv_reads_back() {
        let text = "id,kind,en,en_deprecated,ru\nkabul,place,Kabul | Kabol,Cabool,Кабул\n";
        let (concepts, _) = read_text(text, None);
        let written = write(&concepts, b',');
        assert_eq!(
            written,
            "id,kind,domain,note,source,en,en_deprecated,ru\nkabul,place,,,,Kabul | Kabol,Cabool,Кабул\n"
        );
        let (again, _) = read_text(&written, None);
        assert_eq!(forms(&again[0]), forms(&concepts[0]));
    }

    #[test]
    fn type_columns_carry_every_term_type_both_ways() {
        assert_eq!(column("en_type"), Column::Types("en".into(), false));
        assert_eq!(column("EN_Deprecated_Type"), Column::Types("EN".into(), true));
        assert_eq!(column("lang:id_type"), Column::Types("id".into(), false));
        let toml = "[[concept]]\nid = \"xuroson-ovozi\"\n\n[concept.lang.en]\n\
            preferred = \"Voice of Khurasan\"\n\
            admitted = [\"Voice of Khorasan\", { term = \"VoK\", type = \"acronym\" }, \
            { term = \"Khorasan Voice\", type = \"translation\" }, \
            { term = \"Xuroson Ovozi\", type = \"original\" }, { term = \"Voice\", type = \"short\" }]\n\
            deprecated = [\"Voice of Chorasan\", { term = \"XO\", type = \"acronym\" }]\n\n\
            [concept.lang.ru]\npreferred = \"Голос Хорасана\"\n\n\
            [[concept]]\nid = \"kabul\"\n\n[concept.lang.en]\npreferred = \"Kabul\"\n";
        let mut loader = crate::glossary::GlossaryLoader::new().without_builtin();
        loader.add_source("g.toml", toml.to_string());
        let glossary = loader.load().expect("loads");
        let written = write(glossary.concepts(), b',');
        assert_eq!(
            written,
            "id,kind,domain,note,source,en,en_type,en_deprecated,en_deprecated_type,ru\n\
             xuroson-ovozi,,,,,Voice of Khurasan | Voice of Khorasan | VoK | Khorasan Voice | Xuroson Ovozi | Voice,\
             full | full | acronym | translation | original | short,Voice of Chorasan | XO,full | acronym,Голос Хорасана\n\
             kabul,,,,,Kabul,,,,\n"
        );
        let (concepts, report) = read_text(&written, None);
        assert!(report.is_empty(), "{report:?}");
        assert_eq!(crate::glossary::to_toml(&concepts), toml);
    }

    #[test]
    fn a_type_cell_may_leave_full_forms_empty_and_reports_what_it_cannot_use() {
        let text = "en,EN_TYPE\nIslamic State | ISKP | IS,| Acronym | nickname | short\n";
        let (concepts, report) = read_text(text, None);
        let types: Vec<_> = concepts[0].languages[0]
            .terms
            .iter()
            .map(|t| t.term_type)
            .collect();
        assert_eq!(types, [TermType::Full, TermType::Acronym, TermType::Full]);
        assert_eq!(report.dropped.get("type: nickname"), Some(&1));
        assert_eq!(report.dropped.get("type: short"), Some(&1), "no fourth term");
    }
}
