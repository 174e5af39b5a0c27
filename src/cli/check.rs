//! `termlint check`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use termlint::check::{CheckId, Severity};
use termlint::config::{confidence, Config, ConsistencyScope};
use termlint::document::Format;
use termlint::fix::FixOptions;
use termlint::glossary::Glossary;
use termlint::i18n::{Localizer, Message};
use termlint::lang::Language;
use termlint::lint::{Input, Linter, Progress, Report, Walks};
use termlint::report::{
    write_checkstyle_report, write_github_report, write_html_report, write_json_lines_report,
    write_json_report, write_sarif_report, HumanReporter, Statistics,
};

use super::fixes::{apply_fixes, FixOutcome, FixRequest};
use super::{
    buffered, progress, write_coloured_stdout_with, write_stdout, write_stdout_with, GlossaryArgs,
    OutputFormat, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS,
};

#[derive(clap::Args)]
pub struct CheckArgs {
    // Files or folders; `-` is standard input; none: the current folder.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: GlossaryArgs,
    // The document language, unless termlint.toml maps the path.
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    // The language of bilingual sources whose file does not say it.
    #[arg(long, value_name = "TAG")]
    source_lang: Option<String>,
    // The language of bilingual targets whose file does not say it.
    #[arg(long, value_name = "TAG")]
    target_lang: Option<String>,
    // Read every input in this format, whatever its extension.
    #[arg(long, value_name = "FORMAT")]
    format_in: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    // Rewrite deprecated, inconsistent and case findings in place.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    // With --fix or --diff: also unlisted findings.
    #[arg(long)]
    fix_unlisted: bool,
    // Print the unified diff the fixes would make, without writing.
    #[arg(long)]
    diff: bool,
    // Report suppression directives that suppress nothing.
    #[arg(long)]
    report_unused_suppressions: bool,
    // Leave out segments locked in a translation tool (SDLXLIFF, MQXLIFF, XLIFF).
    #[arg(long)]
    skip_locked: bool,
    // Check only segments not confirmed or approved in a translation tool.
    #[arg(long)]
    only_unconfirmed: bool,
    // Report admitted spellings too: only preferred forms are wanted.
    #[arg(long)]
    preferred_only: bool,
    // Read the paths to check, one per line, from this file (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    // Only the findings: no summary, no progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
    // Counts per check and per concept after the findings.
    #[arg(long)]
    statistics: bool,
    // The confidence (0 to 1) an `unlisted` finding needs.
    #[arg(long, value_name = "CONFIDENCE")]
    unlisted_threshold: Option<f64>,
    // `inconsistent` within each document, or across all files of the run.
    #[arg(long, value_enum)]
    consistency: Option<Scope>,
    // The least severity that fails the run (exit 1); over `fail_on`.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOn>,
    // Judge consistency against a whole project's uses of forms (from `merge`).
    #[arg(long, value_name = "FILE", conflicts_with = "consistency")]
    project_usage: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Scope {
    Document,
    Project,
}

pub fn run(args: CheckArgs, localizer: &Localizer) -> Result<u8, Vec<Message>> {
    if args.fix_unlisted && !args.fix && !args.diff {
        // clap's own message would be English (see `help`).
        return Err(vec![Message::new("error-fix-unlisted-alone")]);
    }
    let counts_usage = args.format == OutputFormat::Usage;
    if counts_usage && (args.fix || args.diff || args.project_usage.is_some() || args.statistics) {
        return Err(vec![Message::new("error-usage-alone")]);
    }
    if args.fix {
        super::abandon_writes_on_signals();
    }
    let project_usage = match &args.project_usage {
        Some(file) => Some(super::usage::read_usage_files(std::slice::from_ref(file))?),
        None => None,
    };
    let mut config = args.source.load_config()?;
    apply_overrides(&args, &mut config)?;
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        paths.extend(read_path_list(list)?);
    }
    let inputs = inputs(&paths);
    // Folders are walked while the glossary loads: the walk needs only the
    // configuration.
    let (linter, walks) = rayon::join(
        || args.source.build_linter(config.clone()),
        || Walks::of(&config, &inputs),
    );
    let mut linter = linter?.with_walks(walks);
    if counts_usage {
        return super::usage::run_usage(&linter, &inputs, linter.matcher().glossary(), localizer);
    }
    if let Some(usage) = &project_usage {
        let (with_usage, unknown) = linter.with_project_usage(usage);
        linter = with_usage;
        if unknown > 0 {
            let warning = Message::new("warning-usage-unknown-forms").number("count", unknown);
            eprintln!("{}", localizer.render(&warning));
        }
    }
    let quotes_text = matches!(
        args.format,
        OutputFormat::Human | OutputFormat::Sarif | OutputFormat::Html
    );
    if !quotes_text && !args.fix && !args.diff {
        // The human report quotes lines, SARIF counts characters, the HTML
        // page shows the text, fixes rewrite files; the other reports need
        // positions only.
        linter = linter.without_texts();
    }
    let request = FixRequest {
        write: args.fix,
        diff: args.diff,
        options: FixOptions {
            unlisted: args.fix_unlisted,
        },
    };
    let (linter, mut report, stdin_text) = check(linter, &inputs, request.write, args.quiet, localizer);
    let fixes = if request.write || request.diff {
        apply_fixes(&mut report, request, localizer)
    } else {
        FixOutcome::default()
    };
    let mut problems = fixes.problems;
    // `--fix -` is a filter: standard input goes to standard output, fixed
    // or not, and the report goes to standard error. So does `--diff`:
    // standard output carries the patch alone (`termlint check --diff |
    // git apply`).
    let echo = fixes.fixed_stdin.or(stdin_text);
    let stream = match &echo {
        Some(text) => {
            problems.extend(write_stdout(text).err().into_iter().flatten());
            Stream::Stderr
        }
        None if args.diff => Stream::Stderr,
        None => Stream::Stdout,
    };
    write_report(&args, &report, linter.matcher().glossary(), localizer, stream)?;
    if !problems.is_empty() {
        return Err(problems);
    }
    let status = exit_status(&report, config.fail_on);
    // The process ends here: freeing the report and the compiled glossary
    // piece by piece would only delay the exit (tens of milliseconds for a
    // large translation memory); the system takes the memory back at once.
    std::mem::forget(report);
    std::mem::forget(linter);
    Ok(status)
}

/// The command line's settings over those of `termlint.toml`.
fn apply_overrides(args: &CheckArgs, config: &mut Config) -> Result<(), Vec<Message>> {
    let parse = |tag: &String| Language::parse(tag).map_err(|err| vec![err.message()]);
    if let Some(tag) = &args.lang {
        config.languages.set_default(parse(tag)?);
    }
    if let Some(tag) = &args.source_lang {
        config.source_language = parse(tag)?;
    }
    if let Some(tag) = &args.target_lang {
        config.target_language = Some(parse(tag)?);
    }
    if let Some(name) = &args.format_in {
        let format = Format::from_name(name)
            .ok_or_else(|| vec![Message::new("error-unknown-format").text("format", name)])?;
        config.format = Some(format);
    }
    if let Some(threshold) = args.unlisted_threshold {
        config.checks.unlisted_threshold = confidence(threshold)
            .ok_or_else(|| vec![Message::new("error-bad-threshold").text("value", threshold.to_string())])?;
    }
    config.report_unused_suppressions |= args.report_unused_suppressions;
    config.skip_locked |= args.skip_locked;
    config.only_unconfirmed |= args.only_unconfirmed;
    // `--preferred-only` sets `[checks]` only: `[[overrides]]` still apply
    // over it, so one that turns `admitted` off for some files wins there.
    if args.preferred_only && config.checks.severity(CheckId::Admitted).is_none() {
        config
            .checks
            .set(CheckId::Admitted, Some(CheckId::Admitted.default_severity()));
    }
    match args.consistency {
        Some(Scope::Document) => config.consistency = ConsistencyScope::Document,
        Some(Scope::Project) => config.consistency = ConsistencyScope::Project,
        None => {}
    }
    match args.fail_on {
        Some(FailOn::Error) => config.fail_on = Severity::Error,
        Some(FailOn::Warning) => config.fail_on = Severity::Warning,
        Some(FailOn::Info) => config.fail_on = Severity::Info,
        None => {}
    }
    Ok(())
}

/// 2 when a file could not be checked, else 1 when a finding is at least
/// as severe as `fail_on` (by default an error), else 0.
fn exit_status(report: &Report, fail_on: Severity) -> u8 {
    if !report.errors.is_empty() {
        EXIT_ERROR
    } else if report.fails_at(fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// The paths listed one per line in `list` (`-`: standard input); blank
/// lines are skipped. A line is taken as the bytes of a path, so names that
/// are not UTF-8 are checked and fixed like any other.
fn read_path_list(list: &Path) -> Result<Vec<PathBuf>, Vec<Message>> {
    use termlint::regular_file::{self, LimitedFile};
    let limit = super::size_limit(LimitedFile::PathList)?;
    let bytes = if list == Path::new("-") {
        regular_file::read_stream(std::io::stdin().lock(), limit)
    } else {
        regular_file::read(list, Some(limit))
    };
    let bytes = bytes.map_err(|error| {
        vec![Message::new("error-files-from")
            .text("path", list.display().to_string())
            .message("reason", termlint::i18n::read_reason(&error))]
    })?;
    Ok(bytes
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .filter(|line| !line.trim_ascii().is_empty())
        .map(path_from_bytes)
        .collect())
}

/// A path from the bytes of a line: exact on Unix, where a path is bytes;
/// elsewhere read as UTF-8 (lossily).
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Runs the checks, with a progress bar on standard error when it is a
/// terminal and the run is not quiet; with `keep_stdin`, also gives back
/// standard input's text (see [`Linter::check_inputs_and_stdin`]).
fn check(
    linter: Linter,
    inputs: &[Input],
    keep_stdin: bool,
    quiet: bool,
    localizer: &Localizer,
) -> (Linter, Report, Option<String>) {
    let run = |linter: &Linter| match keep_stdin {
        true => linter.check_inputs_and_stdin(inputs),
        false => (linter.check_inputs(inputs), None),
    };
    if !progress::wanted(quiet) {
        let (report, stdin_text) = run(&linter);
        return (linter, report, stdin_text);
    }
    let counters = Arc::new(Progress::default());
    let linter = linter.with_progress(Arc::clone(&counters));
    let (report, stdin_text) = progress::with_bar(&counters, localizer, || run(&linter));
    (linter, report, stdin_text)
}

/// Where the report goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stream {
    Stdout,
    /// Standard error, when standard output carries standard input's text.
    Stderr,
}

impl Stream {
    /// Writes output without colour through `write`, buffered: the report
    /// is written as it is made, never held whole. A closed standard output
    /// counts as success (see [`write_stdout`]), and so does a failing
    /// standard error, where no error could be told.
    fn write_with(
        self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Vec<Message>> {
        match self {
            Stream::Stdout => write_stdout_with(write),
            Stream::Stderr => {
                let _ = buffered(std::io::stderr().lock(), write);
                Ok(())
            }
        }
    }

    /// [`Stream::write_with`] for output that may hold colour (dropped
    /// where the stream is not a terminal).
    fn write_coloured_with(
        self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Vec<Message>> {
        match self {
            Stream::Stdout => write_coloured_stdout_with(write),
            Stream::Stderr => {
                let _ = buffered(anstream::stderr(), write);
                Ok(())
            }
        }
    }
}

/// Writes the report in the chosen format. Machine formats go to `stream`
/// (standard output unless it carries standard input's text or the diff)
/// whole; the human format writes findings (and the statistics table) to
/// `stream`, file errors and the summary to standard error. With github,
/// checkstyle and html, the statistics table goes to standard error, so that
/// standard output stays one format; json and sarif carry the statistics
/// inside.
fn write_report(
    args: &CheckArgs,
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
    stream: Stream,
) -> Result<(), Vec<Message>> {
    let statistics = args.statistics.then(|| Statistics::of(report));
    let table = || {
        statistics
            .as_ref()
            .map(|s| s.to_text(glossary, localizer))
            .unwrap_or_default()
    };
    let mut stderr = anstream::stderr();
    match args.format {
        OutputFormat::Json => stream.write_with(|out| {
            write_json_report(&mut *out, report, glossary, localizer, statistics.as_ref())?;
            out.write_all(
                b"
",
            )
        }),
        OutputFormat::JsonLines => {
            stream.write_with(|out| Ok(write_json_lines_report(out, report, glossary, localizer)?))?;
            let _ = write!(stderr, "{}", table());
            Ok(())
        }
        OutputFormat::Sarif => stream.write_with(|out| {
            write_sarif_report(&mut *out, report, glossary, localizer, statistics.as_ref())?;
            out.write_all(b"\n")
        }),
        OutputFormat::Github => {
            stream.write_with(|out| write_github_report(out, report, glossary, localizer))?;
            let _ = write!(stderr, "{}", table());
            Ok(())
        }
        OutputFormat::Checkstyle => {
            stream.write_with(|out| write_checkstyle_report(out, report, glossary, localizer))?;
            let _ = write!(stderr, "{}", table());
            Ok(())
        }
        OutputFormat::Html => {
            stream.write_with(|out| write_html_report(out, report, glossary, localizer))?;
            let _ = write!(stderr, "{}", table());
            Ok(())
        }
        // Counted and written by `usage::run_usage`, never as a report.
        OutputFormat::Usage => Ok(()),
        OutputFormat::Human => {
            let reporter = HumanReporter::new(localizer, glossary);
            stream.write_coloured_with(|out| {
                // `--diff --quiet`: the patch alone, and the file errors.
                if !(args.diff && args.quiet) {
                    reporter.write_findings(report, out)?;
                }
                out.write_all(table().as_bytes())
            })?;
            // anstream drops colour when standard error is not a terminal.
            let _ = reporter.write_errors(report, &mut stderr);
            if !args.quiet {
                let _ = writeln!(stderr, "{}", reporter.summary(report));
            }
            Ok(())
        }
    }
}

/// The inputs named on the command line (`-` is standard input).
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Path(PathBuf::from("."))];
    }
    paths
        .iter()
        .map(|path| match path.as_os_str() == "-" {
            true => Input::Stdin,
            false => Input::Path(path.clone()),
        })
        .collect()
}
