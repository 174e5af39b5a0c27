//! The `termlint` command: parses arguments, loads configuration and the
//! glossary, runs the library, renders the results, and exits with
//! 0 (clean), 1 (findings at error severity) or 2 (usage, configuration,
//! glossary or file error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
