//! `termlint glossary terms` (issue 19): the glossary concepts a job uses,
//! with their forms and counts, and candidate terms missing from the
//! glossary with their target rendering, as CSV or TBX; the TBX reads back
//! as a glossary.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

fn dir() -> PathBuf {
    fixtures().join("segments")
}

/// `termlint glossary terms` in `cwd` with `glossary` only.
fn terms(cwd: &Path, glossary: &str, args: &[&str]) -> Output {
    let output = termlint(cwd)
        .args([
            "glossary",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            glossary,
            "terms",
        ])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

const FILES: [&str; 4] = [
    "pipeline.en-ru.xlf",
    "summit-a.en-ru.xlf",
    "summit-b.en-ru.xlf",
    "summit-c.en-ru.xlf",
];

#[test]
fn the_csv_lists_forms_used_with_counts_and_candidates_with_renderings() {
    let output = terms(&dir(), "glossary.toml", &FILES);
    assert_eq!(
        stdout(&output).lines().collect::<Vec<_>>(),
        [
            "type,concept,language,form,status,count,files,target_language,target_form,target_count",
            "term,almaty,en,Almaty,preferred,3,pipeline.en-ru.xlf summit-a.en-ru.xlf summit-c.en-ru.xlf,,,",
            "term,almaty,en,Alma-Ata,admitted,2,pipeline.en-ru.xlf summit-b.en-ru.xlf,,,",
            "term,almaty,ru,Алматы,preferred,4,pipeline.en-ru.xlf summit-a.en-ru.xlf summit-b.en-ru.xlf,,,",
            // Inflected (`Алма-Ате`): counted as the form it inflects.
            "term,almaty,ru,Алма-Ата,admitted,1,summit-c.en-ru.xlf,,,",
            "term,kyrgyzstan,en,Kyrgyzstan,preferred,1,summit-a.en-ru.xlf,,,",
            "term,kyrgyzstan,en,Kirghizia,admitted,1,summit-c.en-ru.xlf,,,",
            "term,kyrgyzstan,ru,Кыргызстан,preferred,1,summit-a.en-ru.xlf,,,",
            "term,kyrgyzstan,ru,Киргизия,admitted,1,summit-c.en-ru.xlf,,,",
            // a4 has no target: its source still counts.
            "term,aral-sea,en,Aral Sea,preferred,3,summit-a.en-ru.xlf summit-b.en-ru.xlf summit-c.en-ru.xlf,,,",
            "term,aral-sea,ru,Аральское море,preferred,2,summit-b.en-ru.xlf summit-c.en-ru.xlf,,,",
            // `The` opening a sentence is not part of the name; the Russian
            // rendering has one capital only and is found all the same.
            "candidate,,en,Caspian Pipeline Consortium,,3,pipeline.en-ru.xlf,ru,Каспийский трубопроводный консорциум,3",
            "candidate,,en,Monday,,3,summit-a.en-ru.xlf summit-b.en-ru.xlf summit-c.en-ru.xlf,ru,понедельник,3",
            // `Lake` opens a sentence but is part of the name.
            "candidate,,en,Lake Balkhash,,2,pipeline.en-ru.xlf,ru,Балхаш,2",
        ]
    );
    // `Tuesday` occurs once: below the default minimum of 2. A higher
    // minimum leaves out the rarer candidates.
    let output = terms(
        &dir(),
        "glossary.toml",
        &["--min-count", "3", "pipeline.en-ru.xlf"],
    );
    let candidates: Vec<String> = stdout(&output)
        .lines()
        .filter(|line| line.starts_with("candidate"))
        .map(str::to_string)
        .collect();
    assert_eq!(
        candidates,
        ["candidate,,en,Caspian Pipeline Consortium,,3,pipeline.en-ru.xlf,ru,Каспийский трубопроводный консорциум,3"]
    );
}

#[test]
fn the_tbx_reads_back_as_a_glossary_with_the_candidates_as_concepts() {
    let temp = tempfile::tempdir().unwrap();
    for file in FILES.iter().chain(&["glossary.toml"]) {
        std::fs::copy(dir().join(file), temp.path().join(file)).unwrap();
    }
    terms(
        temp.path(),
        "glossary.toml",
        &[
            "--format",
            "tbx",
            "-o",
            "terms.tbx",
            "pipeline.en-ru.xlf",
            "summit-c.en-ru.xlf",
        ],
    );
    let tbx = std::fs::read_to_string(temp.path().join("terms.tbx")).unwrap();
    assert!(tbx.contains("<tbx type=\"TBX-Basic\""), "{tbx}");
    // Read back: the concepts used and the candidates.
    let list = termlint(temp.path())
        .args([
            "glossary",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            "terms.tbx",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&list), 0, "{}", String::from_utf8_lossy(&list.stderr));
    let ids: Vec<String> = stdout(&list)
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_string))
        .collect();
    assert_eq!(
        ids,
        [
            "almaty",
            "kyrgyzstan",
            "aral-sea",
            "candidate-1",
            "candidate-2",
            "5"
        ]
    );
    // Only the forms used, each with its count; a language whose preferred
    // form is not used keeps it first, marked so.
    // `glossary show` of a concept in the exported termbase.
    let show = |id: &str| {
        let output = termlint(temp.path())
            .args([
                "glossary",
                "--no-config",
                "--no-default-glossary",
                "--glossary",
                "terms.tbx",
            ])
            .args(["show", id])
            .output()
            .unwrap();
        stdout(&output)
    };
    let shown = show("almaty");
    for line in [
        "preferred   Almaty  (uses: 2; files: 2)",
        "admitted    Alma-Ata  (uses: 1; files: 1)",
        "preferred   Алматы  (uses: 2; files: 1)",
        "admitted    Алма-Ата  (uses: 1; files: 1)",
    ] {
        assert!(shown.contains(line), "{line} not in\n{shown}");
    }
    let shown = show("kyrgyzstan");
    assert!(shown.contains("preferred   Кыргызстан  (not used)"), "{shown}");
    // With the list as the glossary, the candidates are terms now.
    let again = terms(temp.path(), "terms.tbx", &["pipeline.en-ru.xlf"]);
    let rows = stdout(&again);
    assert!(
        rows.contains(
            "term,candidate-1,ru,Каспийский трубопроводный консорциум,preferred,3,pipeline.en-ru.xlf,,,"
        ),
        "{rows}"
    );
    assert!(!rows.contains("\ncandidate,"), "{rows}");
}
