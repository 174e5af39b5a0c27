//! `termlint glossary suggest` agrees with `termlint check` (issue 15,
//! item 5): a spelling `check` reports as `unlisted` is proposed as an
//! admitted form of the concept `check` names, never as a new concept; a
//! surname used alone is not proposed as a name of its own; a name no
//! concept is near is still proposed as a new concept.

mod common;

use std::path::Path;

use common::*;

/// A glossary of one person, Farhod Rakhimov.
const GLOSSARY: &str = "[[concept]]\nid = \"farhod-rakhimov\"\nkind = \"person\"\n\
                        [concept.lang.en]\npreferred = \"Farhod Rakhimov\"\n";

/// A folder with the glossary and `a.md` holding `corpus`.
fn corpus(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.toml"), GLOSSARY).unwrap();
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    dir
}

/// The options that choose the configuration: `--config FILE`, or none
/// for `--no-config`.
fn config_args<'a>(config: &[&'a str]) -> Vec<&'a str> {
    if config.is_empty() {
        vec!["--no-config"]
    } else {
        config.to_vec()
    }
}

/// `termlint glossary suggest` on `a.md` with only the test glossary and the
/// `config` options: its standard output, after checking it succeeded.
fn suggest(dir: &Path, config: &[&str]) -> String {
    let output = termlint(dir)
        .args([
            "glossary",
            "suggest",
            "--no-default-glossary",
            "--glossary",
            "g.toml",
            "a.md",
        ])
        .args(config_args(config))
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// What `termlint check` reports in `a.md` with the `config` options:
/// (check, concept, text found).
fn check(dir: &Path, config: &[&str]) -> Vec<(String, String, String)> {
    let output = termlint(dir)
        .args([
            "check",
            "--format",
            "json",
            "--no-default-glossary",
            "--glossary",
            "g.toml",
            "a.md",
        ])
        .args(config_args(config))
        .output()
        .unwrap();
    let json = parse_json(&output);
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_string();
            (text("check"), text("concept"), text("found"))
        })
        .collect()
}

#[test]
fn spellings_check_calls_unlisted_extend_the_concept_check_names() {
    // `Farhod Rakimov` and `Farhad Rakimov` share a key that is one
    // consonant from the listed form's: they were a new concept of their own.
    let dir = corpus(
        "The minister met Farhod Rakimov in Tashkent. Reporters also quoted \
         Farhad Rakimov on the plan, and Farkhod Rahimov on the budget.\n",
    );
    let unlisted = |found: &str| {
        (
            "unlisted".to_string(),
            "farhod-rakhimov".to_string(),
            found.to_string(),
        )
    };
    assert_eq!(
        check(dir.path(), &[]),
        [
            unlisted("Farhod Rakimov"),
            unlisted("Farhad Rakimov"),
            unlisted("Farkhod Rahimov")
        ]
    );
    assert_eq!(
        suggest(dir.path(), &[]),
        "# Farhad Rakimov ×1, Farhod Rakimov ×1, Farkhod Rahimov ×1\n\
         # + \"farhod-rakhimov\" [concept.lang.en] admitted = \
         [\"Farhad Rakimov\", \"Farhod Rakimov\", \"Farkhod Rahimov\"]\n\n"
    );
}

#[test]
fn the_threshold_of_the_check_is_the_threshold_of_suggest() {
    // At 0.9 the check no longer calls `Farhod Rakimov` (85%) or `Farhad
    // Rakimov` (82%) a spelling of Farhod Rakhimov: neither does suggest.
    let dir = corpus("The minister met Farhod Rakimov in Tashkent. Reporters also quoted Farhad Rakimov.\n");
    std::fs::write(dir.path().join("termlint.toml"), "unlisted_threshold = 0.9\n").unwrap();
    let config = ["--config", "termlint.toml"];
    assert_eq!(check(dir.path(), &config), []);
    assert_eq!(
        suggest(dir.path(), &config),
        "# Farhad Rakimov ×1, Farhod Rakimov ×1\n\
         [[concept]]\nid = \"farhad-rakimov\"\n[concept.lang.en]\n\
         preferred = \"Farhad Rakimov\"\nadmitted = [\"Farhod Rakimov\"]\n\n"
    );
}

#[test]
fn a_surname_used_alone_is_not_proposed_as_a_name() {
    // Tursunov and Tursonov are parts of a name of the corpus, Rakhimov and
    // Rahimov of a listed form: none is a name of its own.
    let dir = corpus(
        "Officials named Jamshid Tursunov as envoy. Tursunov said yes. Tursonov said no. \
         Rakhimov agreed and Rahimov smiled.\n",
    );
    assert_eq!(check(dir.path(), &[]), []);
    assert_eq!(suggest(dir.path(), &[]), "");
}

#[test]
fn a_name_no_concept_is_near_is_still_a_new_concept() {
    let dir = corpus(
        "Officials named Jamshid Tursunov and later Jamshed Tursonov as envoy. \
         Tursunov said yes. Tursonov said no.\n",
    );
    assert_eq!(check(dir.path(), &[]), []);
    assert_eq!(
        suggest(dir.path(), &[]),
        "# Jamshed Tursonov ×1, Jamshid Tursunov ×1\n\
         [[concept]]\nid = \"jamshed-tursonov\"\n[concept.lang.en]\n\
         preferred = \"Jamshed Tursonov\"\nadmitted = [\"Jamshid Tursunov\"]\n\n"
    );
}
