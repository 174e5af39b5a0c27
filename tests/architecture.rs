//! ARCHITECTURE.md stays true: every path it names exists, every type and
//! function it names is defined in `src/`, and every file of `src/` is named.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The text between backticks in the map.
fn code_spans(map: &str) -> Vec<&str> {
    map.split('`').skip(1).step_by(2).collect()
}

/// Every `.rs` file under `folder`, relative to the crate root.
fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path.strip_prefix(root()).unwrap().to_path_buf());
        }
    }
    files
}

/// All of the library's and binary's source, one string.
fn all_source() -> String {
    rust_files(&root().join("src"))
        .iter()
        .map(|file| std::fs::read_to_string(root().join(file)).unwrap())
        .collect()
}

fn map() -> String {
    std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md exists")
}

#[test]
fn every_path_the_map_names_exists() {
    let map = map();
    let missing: Vec<&str> = code_spans(&map)
        .into_iter()
        .filter(|span| span.starts_with("src/") || span.starts_with("tests/") || span.starts_with("fuzz/"))
        .map(|span| span.trim_end_matches('/'))
        .filter(|path| !path.contains('*') && !root().join(path).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist: {missing:?}"
    );
}

#[test]
fn every_source_file_is_named_in_the_map() {
    let map = map();
    let named: BTreeSet<&str> = code_spans(&map).into_iter().collect();
    let unnamed: Vec<PathBuf> = rust_files(&root().join("src"))
        .into_iter()
        .filter(|file| !named.contains(file.to_str().unwrap()))
        .collect();
    assert!(
        unnamed.is_empty(),
        "files of src/ that ARCHITECTURE.md does not name: {unnamed:?}"
    );
}

#[test]
fn every_type_and_function_the_map_names_is_defined() {
    let source = all_source();
    // Types of the standard library the map may name.
    let standard = ["PathBuf"];
    let defined = |name: &str| {
        standard.contains(&name)
            || ["struct", "enum", "trait", "type", "fn"]
                .iter()
                .any(|kind| source.contains(&format!("{kind} {name}")))
    };
    let map = map();
    let mut undefined = Vec::new();
    for span in code_spans(&map) {
        // `Type`, `Type::function` and `function` names; not paths or code.
        let is_name =
            |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let parts: Vec<&str> = span.split("::").collect();
        let is_type = |part: &str| part.starts_with(|c: char| c.is_ascii_uppercase()) && is_name(part);
        let names: Vec<&str> = match parts.as_slice() {
            [single] if is_type(single) && single.chars().any(|c| c.is_ascii_lowercase()) => vec![single],
            [ty, function] if is_type(ty) && is_name(function) => vec![ty, function],
            _ => Vec::new(),
        };
        undefined.extend(names.into_iter().filter(|name| !defined(name)));
    }
    assert!(
        undefined.is_empty(),
        "ARCHITECTURE.md names what src/ does not define: {undefined:?}"
    );
}
