//! Command-line arguments and the subcommands. Help texts come from the
//! interface locale (see [`help`]); the comments on the argument types are
//! for developers only.

mod check;
mod fixes;
mod glossary;
mod help;
mod init;
mod lsp;
mod progress;
mod usage;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use termlint::cache::GlossaryCache;
use termlint::check::Severity;
use termlint::config::{find_config, load_config_limited, Config};
use termlint::glossary::GlossaryLoader;
use termlint::i18n::{self, io_reason, Localizer, Message};
use termlint::lint::Linter;
use termlint::matcher::Matcher;
use termlint::regular_file::{LimitedFile, SizeLimit};
use termlint::report::severity_message;
use termlint::selftest::test_examples;

/// Exit statuses.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(name = "termlint", version)]
struct Cli {
    // The interface language; read before parsing by `help::ui_lang_flag`.
    #[arg(long, value_name = "TAG", global = true)]
    ui_lang: Option<String>,
    // Lists the built-in interface languages.
    #[arg(long)]
    list_ui_langs: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    // Checks files, folders or standard input.
    Check(check::CheckArgs),
    // Inspects the glossary.
    // Runs a Language Server on standard input and output.
    Lsp(lsp::LspArgs),
    Glossary {
        #[command(subcommand)]
        command: glossary::GlossaryCommand,
        #[command(flatten)]
        source: GlossaryArgs,
    },
    // Writes a starter termlint.toml and glossary, and prints the pre-commit snippet.
    Init,
    // Sums the uses of forms counted by `check --format usage` in parts of a project.
    Merge(usage::MergeArgs),
}

// Where the glossary and configuration come from.
#[derive(clap::Args)]
struct GlossaryArgs {
    #[arg(long = "glossary", value_name = "PATH", global = true)]
    glossaries: Vec<PathBuf>,
    #[arg(long, global = true)]
    no_default_glossary: bool,
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,
    // Fail (exit 2) when a glossary example does not behave as it says.
    #[arg(long, global = true)]
    strict: bool,
    // Compile large glossaries every run instead of reading the cache.
    #[arg(long, global = true)]
    no_cache: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    /// JSON Lines: one finding per line.
    #[value(name = "jsonl")]
    JsonLines,
    Sarif,
    Github,
    Checkstyle,
    /// JSON Lines: how the files use each form, for `merge`.
    Usage,
    /// One self-contained HTML page.
    Html,
}

/// Chooses the interface language, parses the command line with localized
/// help, and runs it.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let tag = i18n::ui_locale(help::ui_lang_flag(&args).as_deref(), |name| {
        std::env::var(name).ok()
    });
    let localizer = Localizer::new(tag);
    let mut command = help::localized(Cli::command(), &localizer);
    let matches = command.clone().get_matches_from(args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    if cli.list_ui_langs {
        return ExitCode::from(list_ui_langs());
    }
    let status = match cli.command {
        Some(Command::Check(args)) => check::run(args, &localizer),
        Some(Command::Lsp(args)) => lsp::run(args, cli.ui_lang.as_deref()),
        Some(Command::Glossary { command, source }) => glossary::run(command, &source, &localizer),
        Some(Command::Init) => init::run(std::path::Path::new("."), &localizer),
        Some(Command::Merge(args)) => usage::run_merge(args),
        None => {
            let _ = command.print_help();
            Ok(EXIT_ERROR)
        }
    };
    ExitCode::from(status.unwrap_or_else(|messages| {
        report_errors(&localizer, &messages);
        EXIT_ERROR
    }))
}

/// `--list-ui-langs`: each built-in locale's tag and name in its own language.
fn list_ui_langs() -> u8 {
    let lines: String = i18n::available_locales()
        .map(|tag| format!("{tag:8}{}\n", i18n::native_name(tag)))
        .collect();
    match write_stdout(&lines) {
        Ok(()) => EXIT_CLEAN,
        Err(_) => EXIT_ERROR,
    }
}

/// Prints error messages to standard error.
fn report_errors(localizer: &Localizer, messages: &[Message]) {
    let prefix = localizer.render(&severity_message(Severity::Error));
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
            Some(path) => read_config(&path),
            None => Ok(Config::default()),
        }
    }

    /// Loads the glossary named by the configuration and the command line,
    /// and compiles it.
    fn load_matcher(&self, config: &Config) -> Result<Matcher, Vec<Message>> {
        let limit = size_limit(LimitedFile::Glossary)?.bytes;
        let new_loader = || {
            let mut loader = GlossaryLoader::new().with_size_limit(limit);
            if self.no_default_glossary || !config.builtin_glossary {
                loader = loader.without_builtin();
            }
            for path in config.glossaries.iter().chain(&self.glossaries) {
                loader.add_path(path);
            }
            loader
        };
        let mut loader = new_loader();
        let cache = (!self.no_cache)
            .then(GlossaryCache::default_dir)
            .flatten()
            .map(GlossaryCache::at);
        let mut key = cache
            .as_ref()
            .and_then(|_| GlossaryCache::key(&loader, &config.inflections));
        if let (Some(cache), Some(found)) = (&cache, &key) {
            // The sources' text is not needed to read the cache: freed
            // first, so that it never adds to the peak, and read again in
            // the rare run that finds no entry (with the key of what was
            // read then, should a source have changed meanwhile).
            drop(loader);
            if let Some(matcher) = cache.load(found) {
                return Ok(matcher);
            }
            loader = new_loader();
            key = GlossaryCache::key(&loader, &config.inflections);
        }
        let glossary = loader
            .load()
            .map_err(|errors| errors.0.iter().map(|e| e.message()).collect::<Vec<_>>())?;
        let matcher =
            Matcher::with_inflections(glossary, &config.inflections).map_err(|e| vec![e.message()])?;
        if let (Some(cache), Some(key)) = (&cache, &key) {
            // The cache only saves time: failing to fill it changes nothing.
            let _ = cache.store(key, &matcher);
        }
        Ok(matcher)
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

/// Reads the configuration file at `path`, within its size limit.
fn read_config(path: &Path) -> Result<Config, Vec<Message>> {
    let limit = size_limit(LimitedFile::Configuration)?;
    load_config_limited(path, limit.bytes).map_err(|e| vec![e.message()])
}

/// The size limit of a kind of file: its environment variable's, else the
/// default. A value that is not a size is a usage error.
fn size_limit(kind: LimitedFile) -> Result<SizeLimit, Vec<Message>> {
    let lookup = |name: &str| std::env::var_os(name).map(|value| value.to_string_lossy().into_owned());
    kind.limit(lookup).map_err(|bad| {
        vec![Message::new("error-bad-size-limit")
            .text("variable", bad.variable)
            .text("value", bad.value)]
    })
}

/// From now on, SIGINT and SIGTERM remove the temporary copies of the fixes
/// in flight (waiting for a rename or a rewrite in place under way to end)
/// and exit with 128 + the signal, 130 or 143, as a shell reports a process
/// the signal ended. Without this, the copies would be left behind.
#[cfg(unix)]
fn abandon_writes_on_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    // Where the handler cannot be installed, a signal ends the run as it
    // always did, and the next run removes what it left.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            termlint::fix::abandon_writes();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn abandon_writes_on_signals() {}

/// Writes to standard output, treating a closed pipe as success.
fn write_stdout(text: &str) -> Result<(), Vec<Message>> {
    let mut stdout = anstream::stdout();
    written(stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()))
}

/// Writes output without colour (a machine format) to standard output
/// through `write`, buffered; as with [`write_stdout`], a closed pipe is no
/// error.
fn write_stdout_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Vec<Message>> {
    written(buffered(std::io::stdout().lock(), write))
}

/// [`write_stdout_with`] for output that may hold colour: through anstream,
/// which drops it when standard output is not a terminal.
fn write_coloured_stdout_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Vec<Message>> {
    written(buffered(anstream::stdout(), write))
}

/// Runs `write` on `out` through a buffer, then flushes it: a report is
/// written as it is made, in large writes.
fn buffered(
    out: impl Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    write(&mut out)?;
    out.flush()
}

/// The outcome of writing to standard output: a closed pipe is no error
/// (`termlint check | head`), another failure is.
fn written(result: std::io::Result<()>) -> Result<(), Vec<Message>> {
    match result {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(vec![
            Message::new("error-write-stdout").message("reason", io_reason(&err))
        ]),
    }
}
