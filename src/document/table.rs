//! Bilingual tables (TSV, CSV) whose header names the language of each column.
//!
//! The first row is the header. A column whose header is a language tag
//! (`en`, `ru`, `tg-Cyrl`, `pt_BR`) is checked in that language: the first
//! such column holds the sources (`Role::Source`), the others the targets
//! (`Role::Target`), and all cells of a row share a translation unit (the
//! row's index among the data rows, from 0). Other columns (`id`, `note`,
//! `English`) are not checked, nor is the header itself, nor empty cells.
//! A header tag must have a two- or three-letter primary language, and a
//! few common column names that happen to be tags (`id`, `key`, `ref`, …)
//! are not taken for languages: an Indonesian column is headed `id-ID`.
//!
//! Records are read by the `csv` crate (RFC 4180 quoting for both
//! delimiters, ragged rows allowed); its record positions give each row's
//! bytes, and each cell is then located within them by the same rules: a
//! quoted cell's text lies between its quotes, with every doubled quote
//! (`""`) a decoded piece. Each cell's decoded text is compared with the
//! `csv` crate's, so a cell is never mapped to the wrong bytes. A header
//! without any language column is a `FormatError`.

use std::ops::Range;

use csv::{ByteRecord, ReaderBuilder};

use super::{FormatError, Piece, Role, Segment};
use crate::lang::Language;

/// Header names that are column names, not languages, though they parse as
/// language tags.
const NOT_LANGUAGES: &[&str] = &["id", "key", "ref", "nr", "num", "url", "tag", "pos"];

/// The segments of a table separated by `delimiter`.
pub fn segments(text: &str, delimiter: u8) -> Result<Vec<Segment>, FormatError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rows = records(text, bom, delimiter)?;
    let Some((header_start, header)) = rows.first() else {
        return Ok(Vec::new());
    };
    let languages = header_languages(header);
    if languages.iter().all(Option::is_none) {
        return Err(FormatError {
            offset: *header_start,
            detail: "the header names no language column".to_string(),
        });
    }
    let source = languages.iter().position(Option::is_some);
    let mut segments = Vec::new();
    for (unit, (start, record)) in rows.iter().skip(1).enumerate() {
        let cells = cells(text, *start, record, delimiter)?;
        for (column, Cell { pieces, .. }) in cells.into_iter().enumerate() {
            let Some(Some(language)) = languages.get(column) else {
                continue;
            };
            if is_blank(text, &pieces) {
                continue;
            }
            let role = if Some(column) == source {
                Role::Source
            } else {
                Role::Target
            };
            segments.push(Segment {
                pieces,
                language: Some(language.clone()),
                role,
                unit: Some(unit),
                info: super::SegmentInfo::default(),
            });
        }
    }
    Ok(segments)
}

/// Every record with the byte offset where it starts.
fn records(text: &str, bom: usize, delimiter: u8) -> Result<Vec<(usize, ByteRecord)>, FormatError> {
    let body = text.get(bom..).unwrap_or_default();
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut record = ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => return Ok(rows),
            Ok(true) => {
                let start = record.position().map_or(0, |p| offset(p.byte()));
                rows.push((bom + start, record.clone()));
            }
            Err(error) => {
                return Err(FormatError {
                    offset: bom + error.position().map_or(0, |p| offset(p.byte())),
                    detail: error.to_string(),
                })
            }
        }
    }
}

fn offset(byte: u64) -> usize {
    usize::try_from(byte).unwrap_or(usize::MAX)
}

/// The language of each column, `None` for columns not checked.
fn header_languages(header: &ByteRecord) -> Vec<Option<Language>> {
    header
        .iter()
        .map(|cell| std::str::from_utf8(cell).ok().and_then(column_language))
        .collect()
}

/// The language a header cell names, if it names one.
fn column_language(cell: &str) -> Option<Language> {
    let name = cell.trim();
    if NOT_LANGUAGES.iter().any(|n| n.eq_ignore_ascii_case(name)) {
        return None;
    }
    let language = Language::parse(name).ok()?;
    let primary = language.id().language.as_str().len();
    (2..=3).contains(&primary).then_some(language)
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The cell's bytes, quotes included, without its delimiter.
    pub range: Range<usize>,
    /// Its text: verbatim pieces and doubled quotes as decoded pieces.
    pub pieces: Vec<Piece>,
}

/// Every cell of every row (the header's too), in text order.
pub fn all_cells(text: &str, delimiter: u8) -> Result<Vec<Cell>, FormatError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut all = Vec::new();
    for (start, record) in records(text, bom, delimiter)? {
        all.extend(cells(text, start, &record, delimiter)?);
    }
    Ok(all)
}

/// The cells of `record`, which starts at `start` in `text`.
fn cells(text: &str, start: usize, record: &ByteRecord, delimiter: u8) -> Result<Vec<Cell>, FormatError> {
    let mut cells = Vec::with_capacity(record.len());
    // A record's position may be the `\n` of the line end before it.
    let bytes = text.as_bytes();
    let mut at = start;
    while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    for expected in record.iter() {
        let (pieces, end) = cell(bytes, at, delimiter);
        if super::decoded_text(text, &pieces).as_bytes() != expected {
            return Err(FormatError {
                offset: at,
                detail: "a cell that cannot be mapped to its bytes".to_string(),
            });
        }
        cells.push(Cell {
            range: at..end,
            pieces,
        });
        at = end + 1;
    }
    Ok(cells)
}

/// The pieces of the cell starting at `start`, and the offset where it ends
/// (its delimiter or line end).
fn cell(bytes: &[u8], start: usize, delimiter: u8) -> (Vec<Piece>, usize) {
    if bytes.get(start) != Some(&b'"') {
        let end = unquoted_end(bytes, start, delimiter);
        return (piece(start..end).into_iter().collect(), end);
    }
    let mut pieces = Vec::new();
    let mut run = start + 1;
    loop {
        let Some(quote) = find(bytes, run, b'"') else {
            // An unclosed quote runs to the end, as the csv crate reads it.
            pieces.extend(piece(run..bytes.len()));
            return (pieces, bytes.len());
        };
        pieces.extend(piece(run..quote));
        if bytes.get(quote + 1) == Some(&b'"') {
            pieces.push(Piece::decoded(quote..quote + 2, "\""));
            run = quote + 2;
        } else {
            // Text after the closing quote belongs to the cell too.
            let end = unquoted_end(bytes, quote + 1, delimiter);
            pieces.extend(piece(quote + 1..end));
            return (pieces, end);
        }
    }
}

fn piece(range: Range<usize>) -> Option<Piece> {
    (!range.is_empty()).then(|| Piece::verbatim(range))
}

fn find(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    let rest = bytes.get(from..)?;
    rest.iter().position(|b| *b == byte).map(|i| from + i)
}

fn unquoted_end(bytes: &[u8], from: usize, delimiter: u8) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    rest.iter()
        .position(|b| *b == delimiter || *b == b'\r' || *b == b'\n')
        .map_or(bytes.len().max(from), |i| from + i)
}

/// The edit that writes `replacement` over `range`, which lies in one of
/// `cells` (sorted, as [`all_cells`] gives them). Text that the `csv` crate
/// would quote (a delimiter, a quote, a line break) cannot go into a cell as
/// it is: the whole cell is then written anew, as the `csv` crate writes it,
/// with the replacement in its text. `None` for a range in no cell.
pub fn write_in_cell(
    text: &str,
    cells: &[Cell],
    range: Range<usize>,
    replacement: &str,
    delimiter: u8,
) -> Option<(Range<usize>, String)> {
    if write_field(replacement, delimiter)? == replacement {
        return Some((range, replacement.to_string()));
    }
    let next = cells.partition_point(|cell| cell.range.start <= range.start);
    let cell = cells.get(next.checked_sub(1)?)?;
    if range.end > cell.range.end {
        return None;
    }
    let (before, after) = super::decoded_around(text, &cell.pieces, range);
    let field = write_field(&format!("{before}{replacement}{after}"), delimiter)?;
    Some((cell.range.clone(), field))
}

/// `field` written as one field of a table with `delimiter`, by the `csv`
/// crate: quoted only where it must be.
fn write_field(field: &str, delimiter: u8) -> Option<String> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // A field is closed (its quote written) only when its record ends.
    writer.write_record([field]).ok()?;
    let record = String::from_utf8(writer.into_inner().ok()?).ok()?;
    record.strip_suffix('\n').map(str::to_string)
}

fn is_blank(text: &str, pieces: &[Piece]) -> bool {
    super::decoded_text(text, pieces).trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment as `role unit language: piece|piece`.
    fn show(text: &str, delimiter: u8) -> Vec<String> {
        segments(text, delimiter)
            .expect("parses")
            .iter()
            .map(|s| {
                let pieces: Vec<String> = s
                    .pieces
                    .iter()
                    .map(|p| match &p.decoded {
                        Some(d) => format!("[{}={}]", &text[p.range.clone()], d),
                        None => text[p.range.clone()].to_string(),
                    })
                    .collect();
                let language = s.language.as_ref().map_or("-".to_string(), |l| l.to_string());
                format!("{:?} {:?} {}: {}", s.role, s.unit, language, pieces.join("|"))
            })
            .collect()
    }

    #[test]
    fn tsv_columns_by_language_with_id_and_note_skipped() {
        let tsv = "id\ten\tru\tnote\ttg-cyrl\n1\tKerman\tКерман\tKirman\t\n2\tKirman\t\tx\tКирмон\n";
        assert_eq!(
            show(tsv, b'\t'),
            vec![
                "Source Some(0) en: Kerman",
                "Target Some(0) ru: Керман",
                "Source Some(1) en: Kirman",
                "Target Some(1) tg-Cyrl: Кирмон",
            ]
        );
    }

    #[test]
    fn quoted_csv_cells_map_doubled_quotes_as_escapes() {
        let csv = "\u{feff}en,fa\r\n\"Abu \"\"Hudhaifa\"\", al-Ansari\",\"قاسم\nسلیمانی\"\r\nKerman,\"\"\r\n";
        assert_eq!(
            show(csv, b','),
            vec![
                "Source Some(0) en: Abu |[\"\"=\"]|Hudhaifa|[\"\"=\"]|, al-Ansari",
                "Target Some(0) fa: قاسم\nسلیمانی",
                "Source Some(1) en: Kerman",
            ]
        );
    }

    #[test]
    fn text_after_a_closing_quote_and_ragged_rows() {
        let csv = "en,ru\n\"Ker\"man,x,extra\nKirman\n";
        assert_eq!(
            show(csv, b','),
            vec![
                "Source Some(0) en: Ker|man",
                "Target Some(0) ru: x",
                "Source Some(1) en: Kirman",
            ]
        );
    }

    #[test]
    fn a_header_without_languages_is_an_error() {
        let error = segments("id,note,English\n1,a,b\n", b',').expect_err("no language");
        assert_eq!(error.offset, 0);
        assert_eq!(segments("", b','), Ok(Vec::new()));
    }

    #[test]
    fn column_names_that_parse_as_tags_are_not_languages() {
        let language = |s: &str| column_language(s).map(|l| l.to_string());
        assert_eq!(language("id"), None);
        assert_eq!(language("source"), None);
        assert_eq!(language("comment"), None);
        assert_eq!(language(" pt_BR "), Some("pt-BR".into()));
        assert_eq!(language("id-ID"), Some("id-ID".into()));
    }

    #[test]
    fn never_panics_on_truncations() {
        let csv = "en,ru\n\"a \"\"é\"\"\",\"б\nв\"x\n\"open,é";
        for end in (0..=csv.len()).filter(|&end| csv.is_char_boundary(end)) {
            let _ = segments(&csv[..end], b',');
        }
    }
}
