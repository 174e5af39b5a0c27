//! `termlint glossary list`, `show`, `test`, `suggest`, `terms`, `import` and `export`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use termlint::check::{CheckId, Severity};
use termlint::glossary::{
    to_csv, to_tbx, to_toml, Concept, ConceptKind, GlossaryFormat, GlossaryLoader, Status, Term, TermType,
};
use termlint::i18n::{io_reason, Arg, Localizer, Message};
use termlint::lang::Language;
use termlint::lint::{Document, Linter};
use termlint::regular_file::LimitedFile;
use termlint::report::{concept_name, severity_message};
use termlint::selftest::test_examples;
use termlint::suggest::{groups_to_toml, PhraseCollector};
use termlint::terms::{to_concepts as terms_to_concepts, to_csv as terms_to_csv, FileTerms, TermList};
use termlint::unlisted::UnlistedFinder;

use super::{size_limit, write_stdout, GlossaryArgs, EXIT_CLEAN, EXIT_FINDINGS};

#[derive(clap::Subcommand)]
pub enum GlossaryCommand {
    // Every concept: id, kind and name.
    List,
    // One concept, found by id or by any term in any spelling.
    Show {
        id_or_term: String,
    },
    // Check every example sentence of the glossary (exit 1 when one fails).
    Test,
    // Find variant spellings of names in a corpus; print them as glossary TOML.
    Suggest {
        // None: the current folder, as for `check`.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_name = "TAG", default_value = "en")]
        lang: String,
    },
    // The concepts the files use, with forms and counts, and candidate terms
    // missing from the glossary; as CSV or TBX.
    Terms {
        // None: the current folder, as for `check`.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long = "format", value_enum, value_name = "FORMAT", default_value = "csv")]
        terms_format: TermsFormat,
        #[arg(long, value_name = "N", default_value_t = 2)]
        min_count: usize,
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    // Convert a TBX or CSV/TSV glossary to termlint TOML; say what was dropped.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    // Write the glossary as TBX-Basic (TBX v3, DCA style), CSV or TSV.
    Export {
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ExportFormat,
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// The formats `glossary terms` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum TermsFormat {
    Csv,
    Tbx,
}

/// The formats `glossary export` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Tbx,
    Csv,
    Tsv,
}

pub fn run(
    command: GlossaryCommand,
    source: &GlossaryArgs,
    localizer: &Localizer,
) -> Result<u8, Vec<Message>> {
    if let GlossaryCommand::Import { file, output } = &command {
        return import(file, output.as_deref(), localizer);
    }
    let config = source.load_config()?;
    let document_language = config.languages.default_language().clone();
    let linter = source.build_linter(config)?;
    let glossary = linter.matcher().glossary();
    let names = Names {
        localizer,
        document: &document_language,
    };
    let text = match command {
        GlossaryCommand::List => list(glossary.concepts(), &names),
        GlossaryCommand::Show { id_or_term } => {
            let concept = glossary
                .find(&id_or_term)
                .ok_or_else(|| vec![Message::new("error-glossary-not-found").text("query", &id_or_term)])?;
            show(concept, &names)
        }
        GlossaryCommand::Test => return run_examples(&linter, localizer),
        GlossaryCommand::Suggest { paths, lang } => suggest(&linter, &paths, &lang)?,
        GlossaryCommand::Export { to, output } => {
            let text = match to {
                ExportFormat::Tbx => to_tbx(glossary.concepts()),
                ExportFormat::Csv => to_csv(glossary.concepts(), b','),
                ExportFormat::Tsv => to_csv(glossary.concepts(), b'\t'),
            };
            write_output(output.as_deref(), &text)?;
            return Ok(EXIT_CLEAN);
        }
        GlossaryCommand::Terms {
            paths,
            terms_format,
            min_count,
            output,
        } => {
            let text = term_list(&linter, &paths, terms_format, min_count)?;
            write_output(output.as_deref(), &text)?;
            return Ok(EXIT_CLEAN);
        }
        GlossaryCommand::Import { .. } => unreachable!("handled above"),
    };
    write_stdout(&text)?;
    Ok(EXIT_CLEAN)
}

/// `glossary import`: the file as TOML on standard output or in `output`;
/// what was dropped or changed, and a summary, on standard error.
fn import(file: &Path, output: Option<&Path>, localizer: &Localizer) -> Result<u8, Vec<Message>> {
    let path = file.display().to_string();
    if GlossaryFormat::from_path(file).is_none() || file.is_dir() {
        return Err(vec![Message::new("error-import-format").text("path", path)]);
    }
    let limit = size_limit(LimitedFile::Glossary)?;
    let mut loader = GlossaryLoader::new()
        .without_builtin()
        .with_size_limit(limit.bytes);
    loader.add_path(file);
    let (glossary, reports) = loader
        .load_with_reports()
        .map_err(|errors| errors.0.iter().map(|e| e.message()).collect::<Vec<_>>())?;
    write_output(output, &to_toml(glossary.concepts()))?;
    let prefix = localizer.render(&severity_message(Severity::Warning));
    let mut notes = String::new();
    for (name, report) in &reports {
        for message in report.messages(name) {
            let _ = writeln!(notes, "{prefix}: {}", localizer.render(&message));
        }
    }
    let summary = Message::new("import-summary")
        .text("path", path)
        .number("count", glossary.concepts().len());
    let _ = writeln!(notes, "{}", localizer.render(&summary));
    eprint!("{notes}");
    Ok(EXIT_CLEAN)
}

/// Writes `text` to `output`, or to standard output when there is none.
fn write_output(output: Option<&Path>, text: &str) -> Result<(), Vec<Message>> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|err| {
            vec![Message::new("error-write-file")
                .text("path", path.display().to_string())
                .message("reason", io_reason(&err))]
        }),
        None => write_stdout(text),
    }
}

/// `glossary test`: every failing example, then a summary line.
fn run_examples(linter: &Linter, localizer: &Localizer) -> Result<u8, Vec<Message>> {
    let report = test_examples(linter);
    let mut out = String::new();
    for failure in &report.failures {
        let _ = writeln!(out, "{}", localizer.render(&failure.message()));
    }
    let summary = Message::new("examples-summary")
        .number("tested", report.tested)
        .number("failed", report.failures.len());
    let _ = writeln!(out, "{}", localizer.render(&summary));
    write_stdout(&out)?;
    Ok(if report.failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

/// `glossary suggest`: variant groups of the corpus as TOML.
fn suggest(linter: &Linter, paths: &[PathBuf], lang: &str) -> Result<String, Vec<Message>> {
    let language =
        Language::parse(lang).map_err(|_| vec![Message::new("error-bad-language").text("tag", lang)])?;
    let (collectors, errors) = linter.map_documents(&super::check::inputs(paths), |document| {
        let mut collector = PhraseCollector::default();
        // A file its format rejects contributes no phrases to the suggestions.
        for segment in document.format.segments(&document.text).unwrap_or_default() {
            let view = segment.view(&document.text);
            collector.add_segment(&view.text, std::slice::from_ref(&(0..view.text.len())));
        }
        add_unlisted_findings(linter, &document, &mut collector);
        collector
    });
    if !errors.is_empty() {
        return Err(errors.iter().map(|e| e.message()).collect());
    }
    let mut all = PhraseCollector::default();
    for collector in collectors {
        all.merge(collector);
    }
    let matcher = linter.matcher();
    let finder = UnlistedFinder::new(matcher);
    let groups = all.into_groups(matcher.glossary(), &finder, &matcher.language_filter(&language));
    Ok(groups_to_toml(&groups, &language.to_string()))
}

/// `glossary terms`: the concepts the files use and the candidate terms,
/// as CSV or TBX. A file its format rejects adds nothing, as for `suggest`.
fn term_list(
    linter: &Linter,
    paths: &[PathBuf],
    format: TermsFormat,
    min_count: usize,
) -> Result<String, Vec<Message>> {
    let (files, errors) = linter.map_documents(&super::check::inputs(paths), |document| {
        let segments = linter.segment_mentions(&document.text, document.format, &document.language);
        let name = document.input.to_text().into_owned();
        segments.map(|segments| (name, FileTerms::of_document(&document.text, &segments)))
    });
    if !errors.is_empty() {
        return Err(errors.iter().map(|e| e.message()).collect());
    }
    let mut list = TermList::default();
    for (name, file) in files.into_iter().flatten() {
        list.add(name, file);
    }
    let matcher = linter.matcher();
    let used = list.used(matcher);
    let candidates = list.candidates(min_count);
    Ok(match format {
        TermsFormat::Csv => terms_to_csv(&used, &candidates),
        TermsFormat::Tbx => to_tbx(&terms_to_concepts(matcher, &used, &candidates)),
    })
}

/// Gives `collector` the spellings `termlint check` reports in `document`
/// as `unlisted` forms of a concept: the check itself is run (same finder,
/// threshold, suppressions and `[[ignore]]` rules), so that suggest proposes
/// them as forms of the concept the check names, never as new concepts.
fn add_unlisted_findings(linter: &Linter, document: &Document, collector: &mut PhraseCollector) {
    let path = document.input.path();
    // A file its format rejects has no findings, as it has no phrases.
    let findings = linter
        .check_document_text(path, &document.text, document.format, &document.language)
        .unwrap_or_default();
    for finding in findings.iter().filter(|f| f.check == CheckId::Unlisted) {
        collector.add_unlisted(&finding.concept, &finding.found);
    }
}

/// Names concepts for the reader: in the interface language next to the
/// default document language.
struct Names<'a> {
    localizer: &'a Localizer,
    document: &'a Language,
}

impl Names<'_> {
    /// The concept's name as a message argument (isolated piece by piece).
    fn concept_arg(&self, concept: &Concept) -> Arg {
        concept_name(concept, Some(self.document), self.localizer.language())
    }

    /// The concept's name on its own.
    fn concept(&self, concept: &Concept) -> String {
        self.localizer.render_arg(&self.concept_arg(concept))
    }

    fn render(&self, message: &Message) -> String {
        self.localizer.render(message)
    }
}

fn list(concepts: &[Concept], names: &Names) -> String {
    let width = concepts.iter().map(|c| c.id.chars().count()).max().unwrap_or(0);
    let kinds: Vec<String> = concepts
        .iter()
        .map(|c| {
            c.kind
                .map_or_else(|| "-".to_string(), |k| names.render(&kind_message(k)))
        })
        .collect();
    let kind_width = kinds.iter().map(|k| k.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (concept, kind) in concepts.iter().zip(&kinds) {
        let languages: Vec<String> = concept.languages.iter().map(|l| l.language.to_string()).collect();
        let _ = writeln!(
            out,
            "{:width$}  {kind:kind_width$}  {}  [{}]",
            concept.id,
            names.concept(concept),
            languages.join(" ")
        );
    }
    let header = Message::new("glossary-list-header").number("count", concepts.len());
    let _ = writeln!(out, "{}", names.render(&header));
    out
}

fn show(concept: &Concept, names: &Names) -> String {
    let mut out = String::new();
    let mut line = |message: Message| {
        let _ = writeln!(out, "{}", names.render(&message));
    };
    line(
        Message::new("glossary-show-concept")
            .text("id", &concept.id)
            .arg("name", names.concept_arg(concept)),
    );
    if let Some(kind) = concept.kind {
        line(Message::new("glossary-show-kind").message("kind", kind_message(kind)));
    }
    if let Some(domain) = &concept.domain {
        line(Message::new("glossary-show-domain").text("domain", domain));
    }
    if let Some(note) = &concept.note {
        line(Message::new("glossary-show-note").text("note", note));
    }
    for source in &concept.sources {
        line(Message::new("glossary-show-source").text("source", source));
    }
    line(Message::new("glossary-show-defined").text("location", concept.location.to_string()));
    let statuses = [Status::Preferred, Status::Admitted, Status::Deprecated].map(|s| status_name(s, names));
    let status_width = statuses.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    for language in &concept.languages {
        let _ = writeln!(out, "  {}", language.language);
        for term in &language.terms {
            let status = &statuses[term.status as usize];
            let _ = writeln!(
                out,
                "    {status:status_width$}  {}{}",
                term.text,
                flags(term, names.localizer)
            );
        }
    }
    out
}

fn flags(term: &Term, localizer: &Localizer) -> String {
    let mut flags = Vec::new();
    if term.case_sensitive {
        flags.push(localizer.render(&Message::new("glossary-flag-case-sensitive")));
    }
    match term.term_type {
        TermType::Acronym => flags.push(localizer.render(&Message::new("glossary-flag-acronym"))),
        TermType::Short => flags.push(localizer.render(&Message::new("glossary-flag-short"))),
        TermType::Translation => flags.push(localizer.render(&Message::new("glossary-flag-translation"))),
        TermType::Original => flags.push(localizer.render(&Message::new("glossary-flag-original"))),
        TermType::Full => {}
    }
    if let Some(note) = &term.note {
        flags.push(note.clone());
    }
    if flags.is_empty() {
        String::new()
    } else {
        format!("  ({})", flags.join("; "))
    }
}

fn status_name(status: Status, names: &Names) -> String {
    let id = match status {
        Status::Preferred => "glossary-status-preferred",
        Status::Admitted => "glossary-status-admitted",
        Status::Deprecated => "glossary-status-deprecated",
    };
    names.render(&Message::new(id))
}

fn kind_message(kind: ConceptKind) -> Message {
    Message::new(match kind {
        ConceptKind::Person => "kind-person",
        ConceptKind::Organization => "kind-organization",
        ConceptKind::Media => "kind-media",
        ConceptKind::Place => "kind-place",
        ConceptKind::Term => "kind-term",
        ConceptKind::Event => "kind-event",
    })
}
