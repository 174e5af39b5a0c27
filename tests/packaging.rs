//! The Python packaging agrees with the crate: the wheel is built from this
//! crate, and the pre-commit hooks' package pins the wheel of the crate's
//! version, so a release tag's hooks install that release.

use std::fs;
use std::path::Path;

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn the_hooks_package_pins_the_wheel_of_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    let hooks = read("pyproject.toml");
    assert!(
        hooks.contains(&format!("version = \"{version}\"")),
        "pyproject.toml: the hooks' package is not at version {version}"
    );
    assert!(
        hooks.contains(&format!("dependencies = [\"termlint=={version}\"]")),
        "pyproject.toml: the hooks do not pin termlint=={version}"
    );
}

#[test]
fn the_wheel_is_the_binary_of_this_crate() {
    let wheel = read("python/pyproject.toml");
    assert!(wheel.contains("bindings = \"bin\""));
    assert!(wheel.contains("manifest-path = \"../Cargo.toml\""));
    assert!(
        wheel.contains("dynamic = [\"version\"]"),
        "the wheel takes the crate's version"
    );
}

#[test]
fn the_python_hooks_come_first_and_the_rust_ones_stay() {
    let manifest = read(".pre-commit-hooks.yaml");
    for (id, language) in [
        ("termlint", "python"),
        ("termlint-fix", "python"),
        ("termlint-rust", "rust"),
        ("termlint-fix-rust", "rust"),
    ] {
        let start = manifest
            .find(&format!("- id: {id}\n"))
            .unwrap_or_else(|| panic!("no hook {id}"));
        let hook = &manifest[start..];
        let end = hook[1..].find("- id:").map_or(hook.len(), |i| i + 1);
        assert!(
            hook[..end].contains(&format!("language: {language}")),
            "hook {id} is not language: {language}"
        );
    }
}
