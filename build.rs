//! Embeds every interface locale: each folder `locales/<tag>/` holding a
//! `termlint.ftl` becomes one entry of the generated `LOCALES` table, so that
//! adding a language is adding a folder.
//!
//! Also tells the tests whether the shared data folder `../shared` is there
//! (`cfg(shared_data)`, see [`shared_data`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let locales = manifest.join("locales");
    println!("cargo::rerun-if-changed={}", locales.display());
    let mut entries = locale_files(&locales);
    entries.sort();
    let mut table =
        String::from("/// The locales built into the binary: tag and Fluent source, sorted by tag.\n");
    table.push_str("const LOCALES: &[(&str, &str)] = &[\n");
    for (tag, file) in &entries {
        println!("cargo::rerun-if-changed={}", file.display());
        let _ = writeln!(
            table,
            "    ({tag:?}, include_str!({:?})),",
            file.display().to_string()
        );
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("locales.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
    shared_data(&manifest.join(SHARED));
}

/// The shared data folder, beside the repository: not shipped, present on
/// the developers' machines and in CI.
const SHARED: &str = "../shared";

/// Sets `cfg(shared_data)` when the shared data folder `shared` is there.
/// The tests that read it are marked
/// `#[cfg_attr(not(shared_data), ignore = "needs ../shared")]`: without the
/// folder the test runner lists them as ignored, with the reason, instead
/// of passing them, and the build says so in a cargo warning (a fresh
/// clone must build and pass its tests without the folder).
///
/// While the folder is there, the parts the tests read are watched, so that
/// the build script runs again when they change or go away. Only those
/// parts: cargo scans a watched folder whole on every build, and the corpus
/// holds 38,000 files. A missing folder is not watched: cargo re-runs a
/// build script whose watched path is missing on every build, which would
/// rebuild the crate and every test each time on a fresh clone. After
/// putting the folder in place, `touch build.rs` (or `cargo clean -p
/// termlint`) makes its tests run.
fn shared_data(shared: &Path) {
    println!("cargo::rustc-check-cfg=cfg(shared_data)");
    if shared.is_dir() {
        println!("cargo::rustc-cfg=shared_data");
        let parts: Vec<PathBuf> = ["data", "seed"]
            .iter()
            .map(|part| shared.join(part))
            .filter(|path| path.exists())
            .collect();
        if parts.is_empty() {
            println!("cargo::rerun-if-changed={}", shared.display());
        }
        for path in parts {
            println!("cargo::rerun-if-changed={}", path.display());
        }
        return;
    }
    println!(
        "cargo::warning=the shared data folder {} is missing: the tests that need it are ignored",
        shared.display()
    );
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
