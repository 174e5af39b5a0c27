//! Command-line arguments and the subcommands.

mod check;
mod glossary;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use termlint::config::{find_config, load_config, Config};
use termlint::glossary::GlossaryLoader;
use termlint::i18n::{Localizer, Message};
use termlint::lint::Linter;
use termlint::matcher::Matcher;
use termlint::selftest::test_examples;

/// Exit statuses.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "termlint",
    version,
    about = "Checks names and terms in text against a multilingual glossary"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files, folders or standard input (`-`) against the glossary.
    Check(check::CheckArgs),
    /// Inspect the glossary.
    Glossary {
        #[command(subcommand)]
        command: glossary::GlossaryCommand,
        #[command(flatten)]
        source: GlossaryArgs,
    },
}

/// Where the glossary and configuration come from.
#[derive(clap::Args)]
struct GlossaryArgs {
    /// A glossary file or folder of .toml files (repeatable); adds to the built-in glossary.
    #[arg(long = "glossary", value_name = "PATH", global = true)]
    glossaries: Vec<PathBuf>,
    /// Leave out the glossary built into termlint.
    #[arg(long, global = true)]
    no_default_glossary: bool,
    /// Use this configuration file instead of searching for termlint.toml.
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    /// Ignore any termlint.toml.
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,
    /// Fail (exit 2) when an example sentence of the glossary does not behave as it says.
    #[arg(long, global = true)]
    strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let localizer = Localizer::new(termlint::i18n::FALLBACK_LOCALE);
    let status = match cli.command {
        Command::Check(args) => check::run(args, &localizer),
        Command::Glossary { command, source } => glossary::run(command, &source, &localizer),
    };
    ExitCode::from(status.unwrap_or_else(|messages| {
        report_errors(&localizer, &messages);
        EXIT_ERROR
    }))
}

/// Prints error messages to standard error.
fn report_errors(localizer: &Localizer, messages: &[Message]) {
    let prefix = localizer.render(&Message::new("error-prefix"));
    let mut stderr = anstream::stderr();
    for message in messages {
        let _ = writeln!(stderr, "{prefix}: {}", localizer.render(message));
    }
}

impl GlossaryArgs {
    /// The configuration: `--config`, else `termlint.toml` found upwards from
    /// the current folder, else defaults.
    fn load_config(&self) -> Result<Config, Vec<Message>> {
        if self.no_config {
            return Ok(Config::default());
        }
        let path = match &self.config {
            Some(path) => Some(path.clone()),
            None => std::env::current_dir().ok().and_then(|dir| find_config(&dir)),
        };
        match path {
            Some(path) => load_config(&path).map_err(|e| vec![e.message()]),
            None => Ok(Config::default()),
        }
    }

    /// Loads the glossary named by the configuration and the command line,
    /// and compiles it.
    fn load_matcher(&self, config: &Config) -> Result<Matcher, Vec<Message>> {
        let mut loader = GlossaryLoader::new();
        if self.no_default_glossary || !config.builtin_glossary {
            loader = loader.without_builtin();
        }
        for path in config.glossaries.iter().chain(&self.glossaries) {
            loader.add_path(path);
        }
        let glossary = loader
            .load()
            .map_err(|errors| errors.0.iter().map(|e| e.message()).collect::<Vec<_>>())?;
        Matcher::new(glossary).map_err(|e| vec![e.message()])
    }
}

impl GlossaryArgs {
    /// The linter for this run; with `--strict`, only if every glossary
    /// example behaves as it says.
    fn build_linter(&self, config: Config) -> Result<Linter, Vec<Message>> {
        let linter = Linter::new(self.load_matcher(&config)?, config);
        if self.strict {
            let report = test_examples(&linter);
            if !report.failures.is_empty() {
                return Err(report.failures.iter().map(|f| f.message()).collect());
            }
        }
        Ok(linter)
    }
}

/// Writes to standard output, treating a closed pipe as success.
fn write_stdout(text: &str) -> Result<(), Vec<Message>> {
    let mut stdout = anstream::stdout();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(vec![Message::new("config-error")
            .text("location", "stdout")
            .text("detail", err.to_string())]),
    }
}
