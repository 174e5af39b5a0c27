//! `termlint init` writes only new files inside the folder it is run in:
//! never through a symbolic link, dangling or not, to a place outside it
//! (issue 14).

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;

use common::*;

/// A project folder and, beside it, a folder it must not write into.
fn project_and_outside() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    let outside = dir.path().join("outside");
    std::fs::create_dir(&project).unwrap();
    std::fs::create_dir(&outside).unwrap();
    (dir, project, outside)
}

fn init(project: &Path) -> Output {
    termlint(project).arg("init").output().unwrap()
}

/// Asserts `init` refused, naming the link, and wrote nothing outside.
fn assert_refused(output: &Output, link: &str, outside: &Path) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(code(output), 2, "{stderr}");
    assert!(
        stderr.contains(link) && stderr.contains("symbolic link"),
        "{stderr}"
    );
    let written: Vec<_> = std::fs::read_dir(outside).unwrap().collect();
    assert!(written.is_empty(), "nothing written outside: {written:?}");
}

#[test]
fn a_dangling_link_as_the_configuration_is_not_written_through() {
    let (_dir, project, outside) = project_and_outside();
    symlink(outside.join("termlint.toml"), project.join("termlint.toml")).unwrap();
    assert_refused(&init(&project), "termlint.toml", &outside);
}

#[test]
fn a_dangling_link_as_the_glossary_file_is_not_written_through() {
    let (_dir, project, outside) = project_and_outside();
    std::fs::create_dir(project.join("glossary")).unwrap();
    symlink(outside.join("terms.toml"), project.join("glossary/terms.toml")).unwrap();
    assert_refused(&init(&project), "terms.toml", &outside);
}

#[test]
fn a_glossary_folder_linked_elsewhere_is_not_written_into() {
    let (_dir, project, outside) = project_and_outside();
    symlink(&outside, project.join("glossary")).unwrap();
    assert_refused(&init(&project), "glossary", &outside);
}
