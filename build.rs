//! Embeds every interface locale: each folder `locales/<tag>/` holding a
//! `termlint.ftl` becomes one entry of the generated `LOCALES` table, so that
//! adding a language is adding a folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let locales = manifest.join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut entries = locale_files(&locales);
    entries.sort();
    let mut table =
        String::from("/// The locales built into the binary: tag and Fluent source, sorted by tag.\n");
    table.push_str("const LOCALES: &[(&str, &str)] = &[\n");
    for (tag, file) in &entries {
        println!("cargo:rerun-if-changed={}", file.display());
        let _ = writeln!(
            table,
            "    ({tag:?}, include_str!({:?})),",
            file.display().to_string()
        );
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("locales.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}

/// `(tag, path of termlint.ftl)` for every locale folder.
fn locale_files(locales: &Path) -> Vec<(String, PathBuf)> {
    let Ok(folders) = std::fs::read_dir(locales) else {
        return Vec::new();
    };
    folders
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file = entry.path().join("termlint.ftl");
            let tag = entry.file_name().to_str()?.to_string();
            file.is_file().then_some((tag, file))
        })
        .collect()
}
