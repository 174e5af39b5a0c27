//! Glossary interchange through the binary: `glossary import` of TBX v2/v3
//! and CSV, `glossary export` to TBX and CSV, round trips, `--glossary` with
//! TBX and CSV files, and hostile or broken TBX.

mod common;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use common::*;

fn tbx_fixtures() -> std::path::PathBuf {
    fixtures().join("tbx")
}

fn run(cwd: &Path, args: &[&str]) -> Output {
    termlint(cwd).args(args).output().expect("termlint runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(tbx_fixtures().join(name)).expect("fixture")
}

/// `glossary import FILE` run in the fixture folder: exit 0 and its TOML.
fn import(cwd: &Path, file: &str) -> (String, String) {
    let output = run(cwd, &["glossary", "import", file]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    (stdout(&output), stderr(&output))
}

/// `glossary export --to FORMAT` of exactly `glossary`.
fn export(cwd: &Path, glossary: &str, format: &str) -> String {
    let output = run(
        cwd,
        &[
            "glossary",
            "export",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            glossary,
            "--to",
            format,
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn a_tbx_v2_file_imports_to_exact_toml_and_says_what_it_dropped() {
    let (toml, notes) = import(&tbx_fixtures(), "basic-v2.tbx");
    assert_eq!(toml, fixture("basic-v2.toml"));
    let expected = [
        "warning: basic-v2.tbx: dropped, the glossary has no place for it: descrip type=\"context\" (once)",
        "warning: basic-v2.tbx: dropped, the glossary has no place for it: termNote type=\"partOfSpeech\" (once)",
        "warning: basic-v2.tbx: dropped, the glossary has no place for it: transacGrp (once)",
        "warning: basic-v2.tbx: dropped, the glossary has no place for it: xref type=\"xGraphic\" (once)",
        "warning: basic-v2.tbx:53:9: concept “iskp” has several preferred terms in “en”; “ISKP” becomes admitted",
        "warning: basic-v2.tbx:68:9: concept “iskp” has only deprecated terms in “fr”; that language is left out",
        "warning: basic-v2.tbx:74:9: concept “iskp” has no preferred term in “fa”; the admitted term “\u{2068}داعش خراسان\u{2069}” becomes preferred",
        "basic-v2.tbx: 2 concepts imported",
    ];
    assert_eq!(notes.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn a_tbx_v3_file_imports_to_exact_toml_in_both_styles() {
    let (toml, notes) = import(&tbx_fixtures(), "basic-v3-dca.tbx");
    assert_eq!(toml, fixture("basic-v3-dca.toml"));
    assert!(
        notes.contains("termNote type=\"grammaticalGender\" (once)"),
        "{notes}"
    );
    let (toml, notes) = import(&tbx_fixtures(), "basic-v3-dct.tbx");
    assert_eq!(
        toml,
        "[[concept]]\nid = \"herat\"\ndomain = \"geography\"\n\n[concept.lang.en]\npreferred = \"Herat\"\ndeprecated = [\"Heart\"]\n"
    );
    assert!(notes.contains("min:partOfSpeech (once)"), "{notes}");
}

#[test]
fn toml_to_tbx_to_toml_loses_nothing_the_model_holds() {
    let dir = tempfile::tempdir().unwrap();
    let tbx = export(&tbx_fixtures(), "round-trip.toml", "tbx");
    assert!(tbx.contains("<tbx type=\"TBX-Basic\" style=\"dca\""), "{tbx}");
    std::fs::write(dir.path().join("g.tbx"), &tbx).unwrap();
    let (toml, notes) = import(dir.path(), "g.tbx");
    assert_eq!(toml, fixture("round-trip.toml"));
    assert_eq!(notes, "g.tbx: 2 concepts imported\n");
}

#[test]
fn tbx_v2_and_v3_files_round_trip_through_toml() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["basic-v2", "basic-v3-dca", "basic-v3-dct"] {
        let (first, _) = import(&tbx_fixtures(), &format!("{name}.tbx"));
        std::fs::write(dir.path().join("first.toml"), &first).unwrap();
        let tbx = export(dir.path(), "first.toml", "tbx");
        std::fs::write(dir.path().join("again.tbx"), &tbx).unwrap();
        let (again, notes) = import(dir.path(), "again.tbx");
        assert_eq!(again, first, "{name}");
        assert!(!notes.contains("warning"), "{name}: {notes}");
    }
}

#[test]
fn the_shipped_glossary_exports_to_tbx_and_reads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &[
            "glossary",
            "export",
            "--no-config",
            "--to",
            "tbx",
            "-o",
            "all.tbx",
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let tbx = std::fs::read_to_string(dir.path().join("all.tbx")).unwrap();
    let (toml, notes) = import(dir.path(), "all.tbx");
    assert!(!notes.contains("warning"), "{notes}");
    std::fs::write(dir.path().join("all.toml"), toml).unwrap();
    assert_eq!(export(dir.path(), "all.toml", "tbx"), tbx);
}

#[test]
fn a_csv_glossary_imports_and_exports() {
    let (toml, notes) = import(&tbx_fixtures(), "places.csv");
    assert_eq!(toml, fixture("places.toml"));
    assert!(notes.contains("column “Comments” (once)"), "{notes}");
    let csv = export(&tbx_fixtures(), "places.toml", "csv");
    assert_eq!(
        csv,
        "id,kind,domain,note,source,en,en_deprecated,fa,ru\n\
         kabul,place,,Capital of Afghanistan,,Kabul | Kabol,Cabool,کابل,Кабул\n\
         c2,place,,,,Herat,,هرات,Герат\n"
    );
    let tsv = export(&tbx_fixtures(), "places.toml", "tsv");
    assert!(
        tsv.starts_with("id\tkind\tdomain\tnote\tsource\ten\ten_deprecated\tfa\tru\n"),
        "{tsv}"
    );
}

/// A glossary with every term type, in a language's admitted and
/// deprecated terms, and one concept of full forms only.
const ALL_TYPES: &str = "[[concept]]\nid = \"xuroson-ovozi\"\nkind = \"organization\"\n\n\
    [concept.lang.en]\npreferred = \"Voice of Khurasan\"\n\
    admitted = [\"Voice of Khorasan\", { term = \"VoK\", type = \"acronym\" }, \
    { term = \"Khorasan Voice\", type = \"translation\" }, { term = \"Xuroson Ovozi\", type = \"original\" }, \
    { term = \"Voice\", type = \"short\" }]\n\
    deprecated = [{ term = \"Sado-i Khurasan\", type = \"original\" }, { term = \"Voice of Chorasan\", type = \"translation\" }]\n\n\
    [concept.lang.uz-Latn]\npreferred = { term = \"Xuroson Ovozi\", type = \"original\" }\n\
    admitted = [{ term = \"Voice of Khurasan\", type = \"translation\" }]\n\n\
    [[concept]]\nid = \"kabul\"\n\n[concept.lang.en]\npreferred = \"Kabul\"\n";

#[test]
fn every_term_type_survives_tbx_and_csv_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.toml"), ALL_TYPES).unwrap();
    let tbx = export(dir.path(), "g.toml", "tbx");
    assert!(tbx.contains("<note>termlint:type=translation</note>"), "{tbx}");
    std::fs::write(dir.path().join("g.tbx"), &tbx).unwrap();
    let (toml, notes) = import(dir.path(), "g.tbx");
    assert_eq!(toml, ALL_TYPES);
    assert_eq!(notes, "g.tbx: 2 concepts imported\n");
    for (format, extension) in [("csv", "csv"), ("tsv", "tsv")] {
        let table = export(dir.path(), "g.toml", format);
        let file = format!("g.{extension}");
        std::fs::write(dir.path().join(&file), &table).unwrap();
        let (toml, notes) = import(dir.path(), &file);
        assert_eq!(toml, ALL_TYPES, "{table}");
        assert_eq!(notes, format!("{file}: 2 concepts imported\n"));
    }
    assert_eq!(
        export(dir.path(), "g.toml", "csv").lines().next(),
        Some("id,kind,domain,note,source,en,en_type,en_deprecated,en_deprecated_type,uz-Latn,uz-Latn_type")
    );
}

#[test]
fn glossary_takes_tbx_and_csv_files_and_folders_directly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The road from Cabool to Kabul.\nISIS-K and ISKP.\n",
    )
    .unwrap();
    let check = |glossary: &Path| {
        let output = json_check_with(dir.path(), glossary)
            .arg("a.txt")
            .output()
            .unwrap();
        let json = parse_json(&output);
        (code(&output), summarize(&json))
    };
    let (status, findings) = check(&tbx_fixtures().join("basic-v2.tbx"));
    assert_eq!(status, 1);
    assert_eq!(
        findings,
        [
            "deprecated 1:15-1:21 «Cabool» -> Kabul",
            // Two acronyms used once each: the one the termbase lists
            // first settles the tie, though it is used second.
            "inconsistent 2:1-2:7 «ISIS-K» -> ISKP",
        ]
    );
    let (status, findings) = check(&tbx_fixtures().join("places.csv"));
    assert_eq!(
        (status, findings),
        (1, vec!["deprecated 1:15-1:21 «Cabool» -> Kabul".to_string()])
    );
    // A folder: its .tbx file is read (the CSV's Kabul would conflict, so it lives elsewhere).
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(tbx_fixtures().join("basic-v2.tbx"), folder.path().join("g.tbx")).unwrap();
    std::fs::write(folder.path().join("notes.txt"), "not a glossary").unwrap();
    let (status, findings) = check(folder.path());
    assert_eq!((status, findings.len()), (1, 2));
}

/// Runs `glossary import` on `tbx` and expects exit 2 with `message`, fast.
fn refused(tbx: &str, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.tbx"), tbx).unwrap();
    let started = Instant::now();
    let output = run(dir.path(), &["glossary", "import", "bad.tbx"]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), format!("error: {message}\n"));
}

#[test]
fn an_unclosed_tag_is_refused_with_its_position() {
    refused(
        "<martif type=\"TBX\">\n  <text>\n    <body>\n",
        "bad.tbx:3:5: element <body> is never closed",
    );
    refused(
        "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\">\n<text><body></text>",
        "bad.tbx:2:13: not well-formed XML: ill-formed document: expected `</body>`, but `</text>` was found",
    );
}

#[test]
fn an_external_entity_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET-MARKER").unwrap();
    let tbx = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file://{}\">]>\n\
         <martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&e;</term></tig></langSet>\
         </termEntry></body></text></martif>\n",
        secret.display()
    );
    std::fs::write(dir.path().join("bad.tbx"), &tbx).unwrap();
    let output = run(dir.path(), &["glossary", "import", "bad.tbx"]);
    assert_eq!(
        stderr(&output),
        "error: bad.tbx:2:1: the file declares entities in its DOCTYPE; termlint never expands entities and does not read such files\n"
    );
    assert_eq!(stdout(&output), "");
    assert_eq!(code(&output), 2);
    refused(
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<martif>&e;</martif>",
        "bad.tbx:1:1: the file declares entities in its DOCTYPE; termlint never expands entities and does not read such files",
    );
    // Without a declaration the reference is unknown, and still not looked up.
    refused(
        "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig>\n<term>&e;</term>",
        "bad.tbx:2:7: unknown entity “&e;” (only &lt; &gt; &amp; &apos; &quot; and character references are read; nothing is expanded)",
    );
}

#[test]
fn an_entity_bomb_is_refused_at_once() {
    let mut tbx = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for level in 1..10 {
        let previous = if level == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", level - 1)
        };
        tbx.push_str(&format!(
            " <!ENTITY lol{level} \"{}\">\n",
            format!("&{previous};").repeat(10)
        ));
    }
    tbx.push_str("]>\n<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&lol9;</term>");
    tbx.push_str("</tig></langSet></termEntry></body></text></martif>\n");
    refused(
        &tbx,
        "bad.tbx:2:1: the file declares entities in its DOCTYPE; termlint never expands entities and does not read such files",
    );
}

#[test]
fn a_file_of_another_kind_is_refused() {
    refused(
        "<xliff version=\"2.0\"/>",
        "bad.tbx:1:1: not a TBX file: the root element is <xliff>, not <martif> or <tbx>",
    );
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["glossary", "import", "terms.numbers"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stderr(&output),
        "error: cannot tell the format of “terms.numbers” from its extension (use .tbx, .csv, .tsv, .xlsx, .ods or .toml)\n"
    );
}

#[test]
fn import_writes_the_output_file_and_messages_are_localized() {
    let dir = tempfile::tempdir().unwrap();
    let output = termlint(&tbx_fixtures())
        .args([
            "--ui-lang",
            "ru",
            "glossary",
            "import",
            "basic-v3-dct.tbx",
            "--output",
        ])
        .arg(dir.path().join("out.toml"))
        .output()
        .unwrap();
    assert_eq!(code(&output), 0);
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).ends_with("basic-v3-dct.tbx: импортировано 1 понятие\n"),
        "{}",
        stderr(&output)
    );
    let written = std::fs::read_to_string(dir.path().join("out.toml")).unwrap();
    assert!(written.starts_with("[[concept]]\nid = \"herat\"\n"), "{written}");
}

/// Real-world TBX samples in `../shared/data/formats/tbx` (not shipped:
/// no licence or GPL).
#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn real_world_samples_import() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/formats/tbx");
    let (dca, _) = import(&samples, "ltac-basic-astronomy-dca.tbx");
    let (dct, _) = import(&samples, "ltac-basic-astronomy-dct.tbx");
    // The two files place a few notes differently; their terms are the same.
    let terms = |toml: &str| -> Vec<String> {
        toml.lines()
            .filter(|l| {
                l.starts_with("preferred") || l.starts_with("admitted") || l.starts_with("deprecated")
            })
            .map(str::to_string)
            .collect()
    };
    assert_eq!(terms(&dca), terms(&dct), "DCA and DCT styles read alike");
    assert_eq!(dca.matches("[[concept]]").count(), 45);
    for name in [
        "ltac-basic_good.tbx",
        "ltac-min_good.tbx",
        "ltac-core_structure_good.tbx",
        "weblate-cs.tbx",
    ] {
        let (toml, _) = import(&samples, name);
        assert!(toml.contains("[[concept]]"), "{name}");
    }
    let output = run(&samples, &["glossary", "import", "ltac-poorly_formed_xml.tbx"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("ltac-poorly_formed_xml.tbx:42:6: not well-formed XML"),
        "{}",
        stderr(&output)
    );
}
