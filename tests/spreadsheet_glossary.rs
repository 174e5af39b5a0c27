//! `.xlsx` and `.ods` glossaries through the binary: read by the CSV
//! importer's column rules, within the glossary size limit; a sheet that
//! cannot be read is an error naming the sheet and the cell. The workbooks
//! are written by each test (`.xlsx` by rust_xlsxwriter, `.ods` part by
//! part with zip).

mod common;

use std::path::Path;
use std::process::Output;

use common::*;
use rust_xlsxwriter::Workbook;

/// The rows of `tests/fixtures/tbx/places.csv`, which has no quoted cells.
fn places_rows() -> Vec<Vec<String>> {
    std::fs::read_to_string(fixtures().join("tbx/places.csv"))
        .unwrap()
        .lines()
        .map(|line| line.split(',').map(str::to_string).collect())
        .collect()
}

/// Writes a workbook of `sheets` (name, first row, first column, rows) to
/// `path`; an empty cell is left unwritten.
fn write_workbook(path: &Path, sheets: &[(&str, u32, u16, Vec<Vec<String>>)]) {
    let mut workbook = Workbook::new();
    for (name, row, column, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, cells) in rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (r, c) = (row + r as u32, column + c as u16);
                match cell.parse::<f64>() {
                    Ok(number) => sheet.write_number(r, c, number).unwrap(),
                    Err(_) => sheet.write_string(r, c, cell).unwrap(),
                };
            }
        }
    }
    workbook.save(path).unwrap();
}

fn run(cwd: &Path, args: &[&str]) -> Output {
    termlint(cwd).args(args).output().expect("termlint runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn an_xlsx_glossary_imports_like_the_same_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixtures().join("tbx/places.csv"), dir.path().join("places.csv")).unwrap();
    write_workbook(
        &dir.path().join("places.xlsx"),
        &[
            ("Empty", 0, 0, vec![]),
            // Read from its first used cell, C3.
            ("Glossary", 2, 2, places_rows()),
        ],
    );
    let csv = run(dir.path(), &["glossary", "import", "places.csv"]);
    let xlsx = run(dir.path(), &["glossary", "import", "places.xlsx"]);
    assert_eq!(code(&xlsx), 0, "{}", text(&xlsx.stderr));
    assert_eq!(text(&xlsx.stdout), text(&csv.stdout));
    assert_eq!(
        text(&xlsx.stdout),
        std::fs::read_to_string(fixtures().join("tbx/places.toml")).unwrap()
    );
    assert_eq!(
        text(&xlsx.stderr),
        text(&csv.stderr).replace("places.csv", "places.xlsx")
    );
    assert!(text(&xlsx.stderr).contains("column “Comments” (once)"));
    // As a glossary to check with, too.
    std::fs::write(dir.path().join("a.txt"), "The road from Cabool to Kabul.\n").unwrap();
    for glossary in ["places.csv", "places.xlsx"] {
        let output = json_check_with(dir.path(), glossary)
            .arg("a.txt")
            .output()
            .unwrap();
        assert_eq!(code(&output), 1);
        assert_eq!(
            summarize(&parse_json(&output)),
            ["deprecated 1:15-1:21 «Cabool» -> Kabul"],
            "{glossary}"
        );
    }
}

#[test]
fn numbers_in_cells_read_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let rows = vec![
        vec!["id".to_string(), "en".to_string(), "note".to_string()],
        vec!["route-66".to_string(), "Route 66".to_string(), "2.5".to_string()],
        vec![String::new(), "42".to_string(), String::new()],
    ];
    write_workbook(&dir.path().join("g.xlsx"), &[("Sheet1", 0, 0, rows)]);
    let output = run(dir.path(), &["glossary", "import", "g.xlsx"]);
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "[[concept]]\nid = \"route-66\"\nnote = \"2.5\"\n\n[concept.lang.en]\npreferred = \"Route 66\"\n\n\
         [[concept]]\nid = \"c2\"\n\n[concept.lang.en]\npreferred = \"42\"\n"
    );
}

#[test]
fn a_sheet_without_languages_is_an_error_naming_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let notes = vec![
        vec!["English".to_string(), "Russian".to_string()],
        vec!["Kabul".to_string(), "Кабул".to_string()],
    ];
    write_workbook(
        &dir.path().join("terms.xlsx"),
        &[("Glossary", 0, 0, places_rows()), ("Notes", 1, 1, notes)],
    );
    let expected = "error: terms.xlsx:2:2: sheet “Notes”: no column of the header row (from cell B2) names a language (write BCP 47 tags such as en, ru, fa)\n";
    let import = run(dir.path(), &["glossary", "import", "terms.xlsx"]);
    assert_eq!(code(&import), 2);
    assert_eq!(text(&import.stderr), expected);
    assert_eq!(text(&import.stdout), "");
    // `check` stops at a glossary error with the same status.
    std::fs::write(dir.path().join("a.txt"), "Kabul\n").unwrap();
    let check = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            "terms.xlsx",
            "a.txt",
        ],
    );
    assert_eq!(code(&check), 2);
    assert!(
        text(&check.stderr).contains(expected.trim_start_matches("error: ").trim_end()),
        "{}",
        text(&check.stderr)
    );
}

#[test]
fn a_file_that_is_no_workbook_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixtures().join("tbx/places.csv"), dir.path().join("terms.xlsx")).unwrap();
    let output = run(dir.path(), &["glossary", "import", "terms.xlsx"]);
    assert_eq!(code(&output), 2);
    assert!(
        text(&output.stderr).starts_with("error: terms.xlsx:1:1: cannot read the workbook: "),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_workbook_is_read_within_the_glossary_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    write_workbook(
        &dir.path().join("terms.xlsx"),
        &[("Glossary", 0, 0, places_rows())],
    );
    let output = termlint(dir.path())
        .env("TERMLINT_MAX_GLOSSARY_SIZE", "1 KiB")
        .args(["glossary", "import", "terms.xlsx"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 2);
    let stderr = text(&output.stderr);
    for part in ["terms.xlsx", "larger than 1.0 KiB", "TERMLINT_MAX_GLOSSARY_SIZE"] {
        assert!(stderr.contains(part), "{part}: {stderr}");
    }
    let output = termlint(dir.path())
        .env("TERMLINT_MAX_GLOSSARY_SIZE", "1 MiB")
        .args(["glossary", "import", "terms.xlsx"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
}

#[test]
fn a_workbook_that_unpacks_past_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = vec![vec!["en".to_string(), "ru".to_string()]];
    rows.extend((0..5000).map(|i| vec![format!("Kabul {i}"), format!("Кабул {i}")]));
    let path = dir.path().join("terms.xlsx");
    write_workbook(&path, &[("Glossary", 0, 0, rows)]);
    let packed = std::fs::metadata(&path).unwrap().len();
    assert!(packed < 96 * 1024, "{packed} bytes");
    let output = termlint(dir.path())
        .env("TERMLINT_MAX_GLOSSARY_SIZE", "96 KiB")
        .args(["glossary", "import", "terms.xlsx"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 2);
    assert_eq!(
        text(&output.stderr),
        "error: terms.xlsx:1:1: cannot read the workbook: its parts unpack to more than 96.0 KiB (TERMLINT_MAX_GLOSSARY_SIZE)\n"
    );
}

#[test]
fn a_cell_holding_an_error_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Terms").unwrap();
    sheet.write_string(0, 0, "en").unwrap();
    sheet.write_string(1, 0, "Kabul").unwrap();
    sheet
        .write_formula(2, 0, rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!"))
        .unwrap();
    workbook.save(dir.path().join("terms.xlsx")).unwrap();
    let output = run(dir.path(), &["glossary", "import", "terms.xlsx"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        text(&output.stderr),
        "error: terms.xlsx:3:1: sheet “Terms”, cell A3: the cell holds an error (#DIV/0!)\n"
    );
}

/// An OpenDocument spreadsheet of one sheet, `name`, with `rows` of text
/// cells, as an office suite writes its parts (rust_xlsxwriter writes no
/// ODS).
fn write_ods(path: &Path, name: &str, rows: &[Vec<String>]) {
    use std::io::Write;
    let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;");
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in row {
            if cell.is_empty() {
                table.push_str("<table:table-cell/>");
            } else {
                table.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                    escape(cell)
                ));
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">\
         <office:body><office:spreadsheet><table:table table:name=\"{name}\">{table}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest \
         xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\
         <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
         <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
         </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn an_ods_glossary_imports_like_the_same_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixtures().join("tbx/places.csv"), dir.path().join("places.csv")).unwrap();
    write_ods(&dir.path().join("places.ods"), "Glossary", &places_rows());
    let csv = run(dir.path(), &["glossary", "import", "places.csv"]);
    let ods = run(dir.path(), &["glossary", "import", "places.ods"]);
    assert_eq!(code(&ods), 0, "{}", text(&ods.stderr));
    assert_eq!(text(&ods.stdout), text(&csv.stdout));
    assert_eq!(
        text(&ods.stderr),
        text(&csv.stderr).replace("places.csv", "places.ods")
    );
    let notes = vec![vec!["English".to_string()], vec!["Kabul".to_string()]];
    write_ods(&dir.path().join("notes.ods"), "Notes", &notes);
    let bad = run(dir.path(), &["glossary", "import", "notes.ods"]);
    assert_eq!(code(&bad), 2);
    assert!(
        text(&bad.stderr)
            .starts_with("error: notes.ods:1:1: sheet “Notes”: no column of the header row (from cell A1)"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn with_several_sheets_a_concept_is_placed_in_its_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = |id: &str, term: &str| {
        vec![
            vec!["id".to_string(), "en".to_string()],
            vec![id.to_string(), term.to_string()],
        ]
    };
    write_workbook(
        &dir.path().join("terms.xlsx"),
        &[
            ("Places", 0, 0, sheet("kabul", "Kabul")),
            ("People", 0, 0, sheet("kabul", "Kabol")),
        ],
    );
    let output = run(dir.path(), &["glossary", "import", "terms.xlsx"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        text(&output.stderr),
        "error: terms.xlsx[People]:2:1: concept id “kabul” is already used at terms.xlsx[Places]:2:1\n"
    );
}
