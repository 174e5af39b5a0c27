//! Project-wide consistency over a corpus split between tasks (see
//! [`termlint::check::usage`]): `check --format usage` counts, `merge`
//! sums, `check --project-usage` judges.

use std::io::Write;
use std::path::{Path, PathBuf};

use termlint::check::usage::ProjectUsage;
use termlint::glossary::Glossary;
use termlint::i18n::{Localizer, Message};
use termlint::lint::{Input, Linter, Report};
use termlint::regular_file::{self, LimitedFile};
use termlint::report::HumanReporter;

use super::{write_stdout_with, EXIT_CLEAN, EXIT_ERROR};

// Sums the uses of forms that `check --format usage` counted in parts of a
// project.
#[derive(clap::Args)]
pub struct MergeArgs {
    // Usage files; `-` or none: standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// `termlint merge`: the sum of the usage files, as one usage file.
pub fn run_merge(args: MergeArgs) -> Result<u8, Vec<Message>> {
    let usage = read_usage_files(&args.files)?;
    write_stdout_with(|out| usage.write_json_lines(out))?;
    Ok(EXIT_CLEAN)
}

/// The uses of forms in `files` (`-` or none: standard input), summed.
pub fn read_usage_files(files: &[PathBuf]) -> Result<ProjectUsage, Vec<Message>> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let limit = super::size_limit(LimitedFile::Usage)?;
    let mut usage = ProjectUsage::default();
    for file in files {
        let name = || match file.as_os_str() == "-" {
            true => Input::Stdin.to_text().into_owned(),
            false => file.display().to_string(),
        };
        let bytes = match file == Path::new("-") {
            true => regular_file::read_stream(std::io::stdin().lock(), limit),
            false => regular_file::read(file, Some(limit)),
        }
        .map_err(|error| {
            vec![Message::new("error-usage-file")
                .text("path", name())
                .message("reason", termlint::i18n::read_reason(&error))]
        })?;
        usage.read_json_lines(&bytes[..]).map_err(|error| {
            vec![Message::new("error-usage-line")
                .text("path", name())
                .number("line", error.line)
                .text("reason", error.reason)]
        })?;
    }
    Ok(usage)
}

/// `check --format usage`: the inputs' uses of forms on standard output,
/// one JSON line each; files that could not be read on standard error.
pub fn run_usage(
    linter: &Linter,
    inputs: &[Input],
    glossary: &Glossary,
    localizer: &Localizer,
) -> Result<u8, Vec<Message>> {
    let run = linter.usage_of_inputs(inputs);
    write_stdout_with(|out| run.usage.write_json_lines(out))?;
    if run.errors.is_empty() {
        return Ok(EXIT_CLEAN);
    }
    let report = Report {
        errors: run.errors,
        files_checked: run.files_checked,
        ..Report::default()
    };
    let mut stderr = anstream::stderr();
    let _ = HumanReporter::new(localizer, glossary).write_errors(&report, &mut stderr);
    let _ = stderr.flush();
    Ok(EXIT_ERROR)
}
