//! `termlint init`: a starter `termlint.toml` and glossary file for a
//! repository, and the pre-commit snippet to use termlint there.

use std::io::Write;
use std::path::Path;

use termlint::i18n::{io_reason, Localizer, Message};

use super::{write_stdout, EXIT_CLEAN};

/// Writes the starter files into `folder` (never over existing ones).
pub fn run(folder: &Path, localizer: &Localizer) -> Result<u8, Vec<Message>> {
    let comment = |id: &'static str| {
        localizer
            .render(&Message::new(id))
            .lines()
            .map(|line| format!("# {line}\n"))
            .collect::<String>()
    };
    let config = format!(
        "{}glossary = [\"glossary/\"]\nbuiltin_glossary = true\nlanguage = \"en\"\n\n[checks]\ndeprecated = \"error\"\ninconsistent = \"warning\"\ncase = \"error\"\nunlisted = \"warning\"\n",
        comment("init-config-comment")
    );
    let glossary = format!("{}{STARTER_CONCEPT}", comment("init-glossary-comment"));
    let mut out = String::new();
    for (path, content) in [
        (folder.join("termlint.toml"), config),
        (folder.join("glossary").join("terms.toml"), glossary),
    ] {
        let shown = path.display().to_string();
        let message = if path.exists() {
            Message::new("init-kept").text("path", shown)
        } else {
            write_new(&path, &content).map_err(|reason| {
                vec![Message::new("init-failed")
                    .text("path", &shown)
                    .message("reason", reason)]
            })?;
            Message::new("init-wrote").text("path", shown)
        };
        out.push_str(&localizer.render(&message));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&localizer.render(&Message::new("init-pre-commit")));
    out.push_str(PRE_COMMIT_SNIPPET);
    write_stdout(&out)?;
    Ok(EXIT_CLEAN)
}

/// The starter glossary's one concept: an example of the format, with an
/// id and forms that no built-in concept has. A concept of a user file
/// with a built-in concept's id replaces it whole (see `GlossaryLoader`),
/// so a starter `kerman` would have dropped the built-in Kerman's Persian,
/// Arabic and Uzbek forms; and two concepts sharing a form is an error.
const STARTER_CONCEPT: &str = "[[concept]]
id = \"example-foundation\"
kind = \"organization\"

[concept.lang.en]
preferred = \"Example Foundation\"
deprecated = [\"Exampel Foundation\"]

[concept.lang.ru]
preferred = \"Фонд Пример\"
deprecated = [\"Фонд Экзампл\"]
";

/// A pre-commit hook that installs this version of termlint's wheel from
/// the Python package index (seconds, no Rust toolchain) and runs it on
/// changed files; warnings too (a name spelled two ways) stop the commit.
const PRE_COMMIT_SNIPPET: &str = concat!(
    "

repos:
  - repo: local
    hooks:
      - id: termlint
        name: termlint
        entry: termlint check --fail-on warning
        language: python
        additional_dependencies: [\"termlint==",
    env!("CARGO_PKG_VERSION"),
    "\"]
        files: \\.(md|markdown|mdx|txt|html?|xliff|xlf|sdlxliff|mqxliff|tmx|po|pot|ftl|tsv|csv)$
"
);

/// Writes a new file, never through a symbolic link: a dangling link, or a
/// folder on the way that is a link, would put it outside `folder`.
/// `create_new` also refuses a link made after the check.
fn write_new(path: &Path, content: &str) -> Result<(), Message> {
    if let Some(parent) = path.parent() {
        refuse_link(parent)?;
        std::fs::create_dir_all(parent).map_err(|e| io_reason(&e))?;
    }
    refuse_link(path)?;
    let mut file = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_reason(&e))?;
    file.write_all(content.as_bytes()).map_err(|e| io_reason(&e))
}

/// An error when `path` is a symbolic link (whether or not it leads anywhere).
fn refuse_link(path: &Path) -> Result<(), Message> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            Err(Message::new("init-symlink").text("path", path.display().to_string()))
        }
        _ => Ok(()),
    }
}
