//! Glossary files: validation errors with positions, `glossary list/show`,
//! and the glossary built into the binary.

mod common;

use common::*;

fn load_errors(glossary: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.toml"), glossary).unwrap();
    std::fs::write(dir.path().join("a.txt"), "text").unwrap();
    let output = termlint(dir.path())
        .args([
            "check",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            "g.toml",
            "a.txt",
        ])
        .output()
        .unwrap();
    (code(&output), String::from_utf8(output.stderr).unwrap())
}

#[test]
fn a_typo_in_a_key_names_file_line_and_column() {
    let (code, stderr) = load_errors(
        "[[concept]]\nid = \"kerman\"\n[concept.lang.en]\npreferred = \"Kerman\"\ndeprecatd = [\"Kirman\"]\n",
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("g.toml:5:1: unknown field `deprecatd`"),
        "{stderr}"
    );
}

#[test]
fn two_concepts_sharing_a_variant_is_a_conflict_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("one.toml"),
        "[[concept]]\nid = \"khorasan\"\n[concept.lang.en]\npreferred = \"Khorasan\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("two.toml"),
        "[[concept]]\nid = \"khorasan-province\"\n[concept.lang.en]\npreferred = \"Khorasan Province\"\nadmitted = [\"KHURASAN\", \"Khorāsan\"]\n",
    )
    .unwrap();
    let output = termlint(dir.path())
        .args([
            "glossary",
            "list",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
            ".",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&output), 2);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("two.toml:5:25: “Khorāsan” of concept “khorasan-province” folds to the same form as “Khorasan” of concept “khorasan”"),
        "{stderr}"
    );
    assert!(stderr.contains("one.toml:4:13)"), "{stderr}");
}

#[test]
fn every_validation_error_is_reported_with_its_position() {
    let (code, stderr) = load_errors(concat!(
        "[[concept]]\nid = \"a b\"\n[concept.lang.en]\npreferred = \"A\"\n",
        "[[concept]]\nid = \"c\"\n[concept.lang.\"en_GB x\"]\npreferred = \"C\"\n",
        "[[concept]]\nid = \"d\"\n[concept.lang.ru]\nadmitted = [\"Д\"]\n",
        "[[concept]]\nid = \"e\"\n[concept.lang.en]\npreferred = \" - \"\n",
        "[[concept]]\nid = \"f\"\n[concept.lang.en]\npreferred = \"F\"\n",
        "[[concept]]\nid = \"f\"\n[concept.lang.en]\npreferred = \"G\"\n",
    ));
    assert_eq!(code, 2);
    for expected in [
        "g.toml:2:6: invalid concept id “a b”",
        "g.toml:7:15: “en_GB x” is not a valid BCP 47 language tag",
        "g.toml:11:15: concept “d” has no preferred term for “ru”",
        "g.toml:16:13: empty term in concept “e”",
        "g.toml:22:6: concept id “f” is already used at g.toml:18:6",
    ] {
        assert!(stderr.contains(expected), "missing «{expected}» in:\n{stderr}");
    }
}

#[test]
fn wrong_value_types_are_reported() {
    let (code, stderr) = load_errors("[[concept]]\nid = 7\n");
    assert_eq!(code, 2);
    assert!(stderr.contains("g.toml:2:6"), "{stderr}");
    let (code, stderr) = load_errors(
        "[[concept]]\nid = \"x\"\n[concept.lang.en]\npreferred = { term = \"X\", case = true }\n",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown field `case`"), "{stderr}");
}

#[test]
fn show_finds_a_concept_by_any_spelling() {
    let output = termlint(&fixtures())
        .args([
            "glossary",
            "show",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
        ])
        .arg(test_glossary())
        .arg("abu hudhaifa AL ANSARI")
        .output()
        .unwrap();
    assert_eq!(code(&output), 0);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("Concept abu-hudhayfah-al-ansari: Abu Hudhayfah al-Ansari\n"),
        "{stdout}"
    );
    assert!(stdout.contains("deprecated  Abu Hudhaifa al-Ansari"), "{stdout}");
    let output = termlint(&fixtures())
        .args([
            "glossary",
            "show",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
        ])
        .arg(test_glossary())
        .arg("Nobody")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: no concept or term “Nobody” in the glossary\n"
    );
    assert_eq!(output.stdout, b"");
    assert_eq!(code(&output), 2);
}

#[test]
fn the_builtin_glossary_loads_and_covers_the_domain() {
    let output = termlint(&fixtures())
        .args(["glossary", "list", "--no-config"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let concepts = stdout.lines().count() - 1;
    assert!(concepts >= 40, "only {concepts} built-in concepts");
    for id in [
        "iskp",
        "qassem-soleimani",
        "kerman",
        "voice-of-khurasan",
        "abu-hudhayfah-al-ansari",
    ] {
        assert!(
            stdout.lines().any(|l| l.starts_with(&format!("{id} "))),
            "no concept {id}"
        );
    }
}

#[test]
fn every_glossary_file_is_built_in() {
    let mut on_disk: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/glossary"))
        .unwrap()
        .map(|e| format!("glossary/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|name| name.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let built_in: Vec<String> = termlint::glossary::BUILTIN_FILES
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(on_disk, built_in);
}

#[test]
fn every_builtin_concept_cites_its_sources() {
    let glossary = termlint::glossary::GlossaryLoader::new()
        .load()
        .expect("built-in glossary is valid");
    for concept in glossary.concepts() {
        assert!(!concept.sources.is_empty(), "{} has no source", concept.id);
        assert!(concept.kind.is_some(), "{} has no kind", concept.id);
    }
}

#[test]
fn glossary_examples_test_the_glossary() {
    let output = termlint(&fixtures())
        .args([
            "glossary",
            "test",
            "--no-config",
            "--no-default-glossary",
            "--glossary",
        ])
        .arg(test_glossary())
        .output()
        .unwrap();
    assert_eq!(code(&output), 0);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "4 examples tested, all pass\n"
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("g.toml"),
        concat!(
            "[[concept]]\nid = \"kerman\"\n[concept.lang.en]\npreferred = \"Kerman\"\ndeprecated = [\"Kirman\"]\n",
            "examples = { flagged = [\"Kerman is a city.\"], clean = [\"Kirman is a city.\"] }\n",
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "Kerman").unwrap();
    let run = |args: &[&str]| {
        termlint(dir.path())
            .args(args)
            .args(["--no-config", "--no-default-glossary", "--glossary", "g.toml"])
            .output()
            .unwrap()
    };
    let output = run(&["glossary", "test"]);
    assert_eq!(code(&output), 1);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("g.toml:6:25: example of “kerman” should be flagged but is not: Kerman is a city."),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "g.toml:6:56: example of “kerman” should be clean but gets deprecated: Kirman is a city."
        ),
        "{stdout}"
    );
    assert!(stdout.ends_with("2 examples tested, 2 fail\n"), "{stdout}");
    // Without --strict, examples are not run.
    let output = run(&["check", "a.txt"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "no findings (0 errors, 0 warnings) in 1 file\n"
    );
    assert_eq!(code(&output), 0);
    // --strict refuses a glossary whose examples fail, naming them.
    let output = run(&["check", "--strict", "a.txt"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: g.toml:6:25: example of “kerman” should be flagged but is not: Kerman is a city.\n\
         error: g.toml:6:56: example of “kerman” should be clean but gets deprecated: Kirman is a city.\n"
    );
    assert_eq!(output.stdout, b"", "nothing is checked");
    assert_eq!(code(&output), 2);
}

#[test]
fn suggest_groups_variant_spellings_of_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "Farhod Rakhimov was named. Later Farhod Rakhimov appeared again.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "Reports name Farkhod Rahimov too.\n").unwrap();
    std::fs::write(dir.path().join("c.md"), "Qasim Sulaimani and Qassem Soleimani.\n").unwrap();
    let output = termlint(dir.path())
        .args(["glossary", "suggest", "--no-config", "a.md", "b.txt", "c.md"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(concat!(
            "# Farhod Rakhimov ×2, Farkhod Rahimov ×1\n",
            "[[concept]]\nid = \"farhod-rakhimov\"\n[concept.lang.en]\n",
            "preferred = \"Farhod Rakhimov\"\nadmitted = [\"Farkhod Rahimov\"]\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("# + \"qassem-soleimani\" [concept.lang.en] admitted = [\"Qasim Sulaimani\"]"),
        "{stdout}"
    );
}

#[test]
fn the_builtin_glossary_passes_its_own_examples() {
    let output = termlint(&fixtures())
        .args(["glossary", "test", "--no-config"])
        .output()
        .unwrap();
    let status = code(&output);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(status, 0, "{stdout}");
    assert!(stdout.ends_with("examples tested, all pass\n"), "{stdout}");
}

/// A glossary of `count` generated concepts (over the cache's 512 KB
/// threshold for 3,000), the first one's preferred form given.
fn generated_glossary(count: usize, first_preferred: &str) -> String {
    let mut text = String::new();
    for n in 0..count {
        let preferred = if n == 0 {
            first_preferred.to_string()
        } else {
            format!("Qorbon{n} Rahimov")
        };
        text.push_str(&format!(
            "[[concept]]\nid = \"c{n}\"\nkind = \"person\"\nnote = \"A generated person, number {n}, to make the glossary large.\"\n\
             [concept.lang.en]\npreferred = \"{preferred}\"\nadmitted = [\"Qurbon{n} Rahimov\"]\ndeprecated = [\"Kurbon{n} Rakhimov\"]\n\n"
        ));
    }
    text
}

#[test]
fn a_large_glossary_is_compiled_once_and_a_changed_one_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let glossary = dir.path().join("big.toml");
    std::fs::write(&glossary, generated_glossary(3000, "Qorbon0 Rahimov")).unwrap();
    assert!(std::fs::metadata(&glossary).unwrap().len() > 512 * 1024);
    std::fs::write(
        dir.path().join("a.md"),
        "Kurbon0 Rakhimov met *Kurbon7* Rakhimov.\n",
    )
    .unwrap();
    let run = || {
        let output = json_check_with(dir.path(), &glossary)
            .env("TERMLINT_CACHE_DIR", &cache)
            .arg("a.md")
            .output()
            .unwrap();
        summarize(&serde_json::from_slice(&output.stdout).unwrap())
    };
    let entries = || std::fs::read_dir(&cache).map_or(0, |d| d.count());
    let expected = [
        "deprecated 1:1-1:17 «Kurbon0 Rakhimov» -> Qorbon0 Rahimov",
        "deprecated 1:23-1:40 «Kurbon7* Rakhimov» -> Qorbon7 Rahimov",
    ];
    assert_eq!(entries(), 0);
    assert_eq!(run(), expected, "compiled");
    assert_eq!(entries(), 1);
    assert_eq!(run(), expected, "read from the cache");
    assert_eq!(entries(), 1);
    // A changed glossary is a new key: never the stale entry.
    std::fs::write(&glossary, generated_glossary(3000, "Qurbonali Rahimov")).unwrap();
    assert_eq!(
        run()[0],
        "deprecated 1:1-1:17 «Kurbon0 Rakhimov» -> Qurbonali Rahimov"
    );
    assert_eq!(entries(), 2);
    // --no-cache neither reads nor writes it.
    std::fs::remove_dir_all(&cache).unwrap();
    let output = json_check_with(dir.path(), &glossary)
        .env("TERMLINT_CACHE_DIR", &cache)
        .args(["--no-cache", "a.md"])
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output))[0],
        "deprecated 1:1-1:17 «Kurbon0 Rakhimov» -> Qurbonali Rahimov"
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(entries(), 0);
}
