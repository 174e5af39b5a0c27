//! `.xlsx` and `.ods` glossaries: every sheet that holds anything is a
//! table read by the CSV importer's rules (`csv::Header`): its first
//! non-blank row is the header, every other row one concept.
//!
//! The workbook is read (by the `calamine` crate) as soon as the file is,
//! within the glossary size limit, into the cells' texts; the loader keeps
//! them as JSON text ([`cells_as_text`]), so that the compiled-glossary
//! cache keys on the cells as it does on any glossary's text. A number
//! stands as Excel shows it unformatted (`3`, `2.5`), a date as its serial
//! number. The parts of the workbook (a zip archive) are held to the
//! glossary size limit once unpacked, too. A cell holding an error (`#DIV/0!`), a sheet whose header names
//! no language, and a file that is no workbook are errors naming the sheet
//! and the cell (`B3`). A concept's location is its row (as the line) and
//! first column, in `FILE[SHEET]` when the workbook has several sheets.

use std::io::Cursor;
use std::sync::Arc;

use calamine::{Data, Ods, Reader, Xlsx};
use serde::{Deserialize, Serialize};

use super::csv::Header;
use super::error::{GlossaryError, GlossaryErrorKind};
use super::import::{DraftConcept, ImportReport};
use super::model::SourceLocation;
use crate::regular_file::SizeLimit;

/// The workbook formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WorkbookFormat {
    /// Office Open XML (`.xlsx`).
    Xlsx,
    /// OpenDocument (`.ods`).
    Ods,
}

/// A workbook's sheets as the texts of their cells.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Workbook {
    sheets: Vec<Sheet>,
}

/// One sheet: its name, the row and column (0-based) of its first used
/// cell, and its rows of cell texts from there.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Sheet {
    name: String,
    start: (u32, u32),
    rows: Vec<Vec<String>>,
}

/// The cells of the workbook in `bytes` as text for the loader, or the
/// error that makes it unreadable (`path` names the file in it).
pub(crate) fn cells_as_text(
    path: &Arc<str>,
    bytes: Vec<u8>,
    format: WorkbookFormat,
    limit: SizeLimit,
) -> Result<String, Box<GlossaryError>> {
    let unreadable = |detail: String| error_at(path, (0, 0), GlossaryErrorKind::Workbook { detail });
    unpacked_within(&bytes, limit).map_err(unreadable)?;
    let read = || match format {
        WorkbookFormat::Xlsx => {
            let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
            sheets(path, &mut book)
        }
        WorkbookFormat::Ods => {
            let mut book = Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
            sheets(path, &mut book)
        }
    };
    // The spreadsheet reader is not fuzzed here: should it panic on a
    // hostile file, the file is unreadable, not the run over.
    let workbook = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(unreadable(
            "the spreadsheet reader failed on this file".to_string(),
        ))
    })?;
    Ok(serde_json::to_string(&workbook).unwrap_or_default())
}

/// Whether the parts of the zip archive in `bytes` unpack to at most
/// `limit`: each is unpacked into nothing and counted, never trusting the
/// sizes the archive declares. A workbook is a zip archive of XML parts,
/// which the spreadsheet reader unpacks whole.
fn unpacked_within(bytes: &[u8], limit: SizeLimit) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut left = limit.bytes;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(|e| e.to_string())?;
        let unpacked = std::io::copy(
            &mut std::io::Read::take(part, left.saturating_add(1)),
            &mut std::io::sink(),
        )
        .map_err(|e| e.to_string())?;
        left = left.checked_sub(unpacked).ok_or_else(|| {
            format!(
                "its parts unpack to more than {limit} ({})",
                limit.kind.variable()
            )
        })?;
    }
    Ok(())
}

/// The used sheets of a workbook, or why one cannot be read: the reader's
/// error, or a cell that holds an error.
fn sheets<R: Reader<Cursor<Vec<u8>>>>(path: &Arc<str>, book: &mut R) -> Result<Workbook, Box<GlossaryError>>
where
    R::Error: std::fmt::Display,
{
    let mut workbook = Workbook::default();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| {
            error_at(
                path,
                (0, 0),
                GlossaryErrorKind::Workbook {
                    detail: format!("sheet “{name}”: {e}"),
                },
            )
        })?;
        let Some(start) = range.start() else {
            continue;
        };
        let mut rows = Vec::new();
        for (r, row) in range.rows().enumerate() {
            let mut cells = Vec::with_capacity(row.len());
            for (c, cell) in row.iter().enumerate() {
                let text = match cell {
                    Data::Empty => String::new(),
                    Data::String(text) => text.clone(),
                    Data::Error(error) => {
                        let at = (offset(start.0, r), offset(start.1, c));
                        return Err(error_at(
                            path,
                            at,
                            GlossaryErrorKind::SheetCell {
                                sheet: name.clone(),
                                cell: cell_name(at),
                                detail: format!("the cell holds an error ({error})"),
                            },
                        ));
                    }
                    other => other.to_string(),
                };
                cells.push(text);
            }
            rows.push(cells);
        }
        workbook.sheets.push(Sheet { name, start, rows });
    }
    Ok(workbook)
}

/// `start` moved on by `index` rows or columns.
fn offset(start: u32, index: usize) -> u32 {
    start.saturating_add(u32::try_from(index).unwrap_or(u32::MAX))
}

/// Reads the text [`cells_as_text`] made into drafts, sheet by sheet.
pub(crate) fn read(
    path: &Arc<str>,
    text: &str,
    report: &mut ImportReport,
) -> Result<Vec<DraftConcept>, Box<GlossaryError>> {
    let workbook: Workbook = serde_json::from_str(text).map_err(|e| {
        error_at(
            path,
            (0, 0),
            GlossaryErrorKind::Workbook {
                detail: e.to_string(),
            },
        )
    })?;
    let mut concepts = Vec::new();
    let several = workbook.sheets.len() > 1;
    for sheet in &workbook.sheets {
        // With several sheets, a concept's place names its sheet:
        // `terms.xlsx[Places]:3:1`.
        let sheet_path: Arc<str> = match several {
            true => Arc::from(format!("{path}[{}]", crate::text::printable(&sheet.name))),
            false => Arc::clone(path),
        };
        let row_at = |index: usize| offset(sheet.start.0, index);
        let mut rows = sheet.rows.iter().enumerate();
        let header = rows.find(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
        let Some((header_index, cells)) = header else {
            continue;
        };
        let Some(header) = Header::of(cells.iter().map(String::as_str)) else {
            let at = (row_at(header_index), sheet.start.1);
            return Err(error_at(
                path,
                at,
                GlossaryErrorKind::SheetNoLanguage {
                    sheet: sheet.name.clone(),
                    cell: cell_name(at),
                },
            ));
        };
        for (index, cells) in rows {
            let location = || location(&sheet_path, (row_at(index), sheet.start.1));
            concepts.extend(header.row(cells.iter().map(String::as_str), location, report));
        }
    }
    Ok(concepts)
}

/// The location of the cell at (row, column), 0-based: its row as the
/// line, its column as the column.
fn location(path: &Arc<str>, (row, column): (u32, u32)) -> SourceLocation {
    SourceLocation {
        path: Arc::clone(path),
        line: row.saturating_add(1),
        column: column.saturating_add(1),
    }
}

fn error_at(path: &Arc<str>, at: (u32, u32), kind: GlossaryErrorKind) -> Box<GlossaryError> {
    Box::new(GlossaryError {
        location: location(path, at),
        kind,
    })
}

/// A cell's name as spreadsheets show it: `A1`, `AB12`.
fn cell_name((row, column): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(column) + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(u64::from(row) + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name((0, 0)), "A1");
        assert_eq!(cell_name((2, 1)), "B3");
        assert_eq!(cell_name((9, 25)), "Z10");
        assert_eq!(cell_name((0, 26)), "AA1");
        assert_eq!(cell_name((0, 701)), "ZZ1");
        assert_eq!(cell_name((0, 702)), "AAA1");
    }

    #[test]
    fn a_file_that_is_no_workbook_is_an_error() {
        let path: Arc<str> = Arc::from("g.xlsx");
        let limit = crate::regular_file::LimitedFile::Glossary.default_limit();
        let error = cells_as_text(&path, b"en,ru\n".to_vec(), WorkbookFormat::Xlsx, limit).unwrap_err();
        assert!(
            matches!(error.kind, GlossaryErrorKind::Workbook { .. }),
            "{error:?}"
        );
        let error = cells_as_text(&path, Vec::new(), WorkbookFormat::Ods, limit).unwrap_err();
        assert!(
            matches!(error.kind, GlossaryErrorKind::Workbook { .. }),
            "{error:?}"
        );
    }

    #[test]
    fn sheets_are_read_from_their_first_used_cell() {
        let path: Arc<str> = Arc::from("g.xlsx");
        let workbook = Workbook {
            sheets: vec![
                Sheet {
                    name: "Empty".into(),
                    start: (0, 0),
                    rows: vec![vec![String::new()]],
                },
                Sheet {
                    name: "Terms".into(),
                    start: (1, 2),
                    rows: vec![
                        vec!["".into(), "".into()],
                        vec!["en".into(), "ru_deprecated".into()],
                        vec!["Kerman".into(), "Кирман".into()],
                    ],
                },
            ],
        };
        let text = serde_json::to_string(&workbook).unwrap();
        let drafts = read(&path, &text, &mut ImportReport::default()).unwrap();
        assert_eq!(drafts.len(), 1);
        let location = drafts[0].location.clone().unwrap();
        assert_eq!((location.line, location.column), (4, 3));
        let bad = text
            .replace("ru_deprecated", "Russian")
            .replace("\"en\"", "\"English\"");
        let error = read(&path, &bad, &mut ImportReport::default()).unwrap_err();
        assert_eq!(
            error.kind,
            GlossaryErrorKind::SheetNoLanguage {
                sheet: "Terms".into(),
                cell: "C3".into()
            }
        );
    }
}
