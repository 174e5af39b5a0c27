//! CSV and TSV glossaries, as spreadsheets and memoQ, Trados or Xbench
//! exports have them: a header row names each column, every other row is one
//! concept.
//!
//! # Columns (also in README.md, "Glossary interchange")
//!
//! - `TAG` (a BCP 47 tag: `en`, `ru`, `fa-IR`): the terms of that language,
//!   separated by `|`; the first is preferred, the others admitted.
//! - `TAG_deprecated`: deprecated terms of that language, separated by `|`.
//! - `id`, `kind`, `domain`, `note`: the concept's attributes; `source`:
//!   its sources, separated by `|`. These names win over language tags; write
//!   `lang:TAG` for a language whose tag is one of them (`lang:id`, Indonesian).
//! - Any other column is dropped and reported. A language column needs a
//!   two- or three-letter language code: `English` or `Comments` is no tag.
//!
//! Header names are case-insensitive. A `.csv` file is separated by commas,
//! or by semicolons when its header holds more semicolons than commas (as
//! spreadsheets write in many locales); a `.tsv` file by tabs. Blank rows are
//! skipped. Term types, case sensitivity, term notes and examples have no
//! column: the CSV writer leaves them out.

use super::error::{GlossaryError, GlossaryErrorKind};
use super::import::{DraftConcept, DraftLanguage, DraftTerm, ImportReport};
use super::model::{Concept, ConceptKind, SourceLocation, Status};
use super::source::Locator;
use crate::lang::Language;

/// Separates several terms or sources in one cell.
const SEPARATOR: char = '|';
/// Marks the column of a language's deprecated terms.
const DEPRECATED_SUFFIX: &str = "_deprecated";
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
    let columns: Vec<Column> = match records.next() {
        Some(header) => header.map_err(csv_error)?.iter().map(column).collect(),
        None => Vec::new(),
    };
    if !columns
        .iter()
        .any(|c| matches!(c, Column::Terms(_) | Column::Deprecated(_)))
    {
        return Err(error(1, GlossaryErrorKind::CsvNoLanguage));
    }
    let mut concepts = Vec::new();
    for record in records {
        let record = record.map_err(csv_error)?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(1, |p| p.line() as usize);
        let location = locator.at(line_start(text, line)..line_start(text, line));
        concepts.push(row(&columns, &record, location, report));
    }
    Ok(concepts)
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
    let (tag, deprecated) = match lower.strip_suffix(DEPRECATED_SUFFIX) {
        Some(_) => (&name[..name.len() - DEPRECATED_SUFFIX.len()], true),
        None => (name, false),
    };
    let tag = tag.strip_prefix(LANGUAGE_PREFIX).unwrap_or(tag);
    match Language::parse(tag).ok().filter(|_| has_iso_639_language(tag)) {
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
fn row(
    columns: &[Column],
    record: &csv::StringRecord,
    location: SourceLocation,
    report: &mut ImportReport,
) -> DraftConcept {
    let mut concept = DraftConcept {
        location: Some(location.clone()),
        ..DraftConcept::default()
    };
    for (column, cell) in columns.iter().zip(record.iter()) {
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
                concept.languages.push(DraftLanguage {
                    tag: tag.clone(),
                    terms: terms.collect(),
                    location: location.clone(),
                });
            }
            Column::Other(name) => report.drop(format!("column “{name}”")),
        }
    }
    concept
}

/// Writes `concepts` as CSV (`delimiter` `,`) or TSV (`\t`) with the columns
/// of the module docs: `id`, `kind`, `domain`, `note`, `source`, then per
/// language (in order of first use) its terms and, where any, deprecated terms.
pub fn write(concepts: &[Concept], delimiter: u8) -> String {
    let languages = languages(concepts);
    let mut header: Vec<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    for (tag, has_deprecated) in &languages {
        let name = if RESERVED.contains(&tag.to_lowercase().as_str()) {
            format!("{LANGUAGE_PREFIX}{tag}")
        } else {
            tag.clone()
        };
        if *has_deprecated {
            header.push(name.clone());
            header.push(format!("{name}{DEPRECATED_SUFFIX}"));
        } else {
            header.push(name);
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

/// Every language tag used, in order of first use, and whether any of its
/// terms is deprecated.
fn languages(concepts: &[Concept]) -> Vec<(String, bool)> {
    let mut languages: Vec<(String, bool)> = Vec::new();
    for language in concepts.iter().flat_map(|c| &c.languages) {
        let tag = language.language.to_string();
        let deprecated = language.terms.iter().any(|t| t.status == Status::Deprecated);
        match languages.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, any)) => *any |= deprecated,
            None => languages.push((tag, deprecated)),
        }
    }
    languages
}

fn concept_row(concept: &Concept, languages: &[(String, bool)]) -> Vec<String> {
    let join = |items: Vec<&str>| items.join(&format!(" {SEPARATOR} "));
    let mut row = vec![
        concept.id.clone(),
        concept.kind.map(|k| k.name().to_string()).unwrap_or_default(),
        concept.domain.clone().unwrap_or_default(),
        concept.note.clone().unwrap_or_default(),
        join(concept.sources.iter().map(String::as_str).collect()),
    ];
    for (tag, has_deprecated) in languages {
        let terms = concept
            .languages
            .iter()
            .find(|l| l.language.to_string() == *tag)
            .map(|l| l.terms.as_slice())
            .unwrap_or_default();
        let with = |deprecated: bool| {
            join(
                terms
                    .iter()
                    .filter(|t| (t.status == Status::Deprecated) == deprecated)
                    .map(|t| t.text.as_str())
                    .collect(),
            )
        };
        row.push(with(false));
        if *has_deprecated {
            row.push(with(true));
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
}
