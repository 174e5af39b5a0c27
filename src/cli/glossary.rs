//! `termlint glossary list` and `termlint glossary show`.

use std::fmt::Write;

use termlint::glossary::{Concept, ConceptKind, Status, Term, TermType};
use termlint::i18n::{Localizer, Message};

use termlint::lang::Language;
use termlint::lint::Linter;
use termlint::selftest::test_examples;
use termlint::suggest::{groups_to_toml, PhraseCollector};
use termlint::unlisted::UnlistedFinder;

use super::{write_stdout, GlossaryArgs, EXIT_CLEAN, EXIT_FINDINGS};

#[derive(clap::Subcommand)]
pub enum GlossaryCommand {
    /// List every concept: id, kind and preferred English form.
    List,
    /// Show one concept, found by id or by any of its terms in any spelling.
    Show {
        /// A concept id or a term.
        id_or_term: String,
    },
    /// Check every example sentence of the glossary (exit 1 when one fails).
    Test,
    /// Find variant spellings of names in a corpus and print them as glossary TOML.
    Suggest {
        /// Files or folders to scan; `-` reads standard input.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<String>,
        /// The language of the documents (BCP 47).
        #[arg(long, value_name = "TAG", default_value = "en")]
        lang: String,
    },
}

pub fn run(
    command: GlossaryCommand,
    source: &GlossaryArgs,
    localizer: &Localizer,
) -> Result<u8, Vec<Message>> {
    let linter = source.build_linter(source.load_config()?)?;
    let glossary = linter.matcher().glossary();
    let text = match command {
        GlossaryCommand::List => list(glossary.concepts(), localizer),
        GlossaryCommand::Show { id_or_term } => {
            let concept = glossary
                .find(&id_or_term)
                .ok_or_else(|| vec![Message::new("error-glossary-not-found").text("query", &id_or_term)])?;
            show(concept, localizer)
        }
        GlossaryCommand::Test => return run_examples(&linter, localizer),
        GlossaryCommand::Suggest { paths, lang } => suggest(&linter, &paths, &lang)?,
    };
    write_stdout(&text)?;
    Ok(EXIT_CLEAN)
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
fn suggest(linter: &Linter, paths: &[String], lang: &str) -> Result<String, Vec<Message>> {
    let language =
        Language::parse(lang).map_err(|_| vec![Message::new("error-bad-language").text("tag", lang)])?;
    let (collectors, errors) = linter.map_documents(&super::check::inputs(paths), |document| {
        let mut collector = PhraseCollector::default();
        for segment in document.format.segments(&document.text) {
            collector.add_segment(&document.text, &segment.pieces);
        }
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

fn list(concepts: &[Concept], localizer: &Localizer) -> String {
    let width = concepts.iter().map(|c| c.id.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for concept in concepts {
        let kind = concept.kind.map(kind_name).unwrap_or("-");
        let preferred = concept
            .languages
            .first()
            .map(|l| l.preferred().text.as_str())
            .unwrap_or("");
        let english = concept
            .languages
            .iter()
            .find(|l| l.language.id().language.as_str() == "en")
            .map_or(preferred, |l| l.preferred().text.as_str());
        let languages: Vec<String> = concept.languages.iter().map(|l| l.language.to_string()).collect();
        let _ = writeln!(
            out,
            "{:width$}  {:12}  {}  [{}]",
            concept.id,
            kind,
            english,
            languages.join(" ")
        );
    }
    let header = Message::new("glossary-list-header").number("count", concepts.len());
    let _ = writeln!(out, "{}", localizer.render(&header));
    out
}

fn show(concept: &Concept, localizer: &Localizer) -> String {
    let mut out = String::new();
    let mut line = |message: Message| {
        let _ = writeln!(out, "{}", localizer.render(&message));
    };
    line(Message::new("glossary-show-concept").text("id", &concept.id));
    if let Some(kind) = concept.kind {
        line(Message::new("glossary-show-kind").text("kind", kind_name(kind)));
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
    for language in &concept.languages {
        let _ = writeln!(out, "  {}", language.language);
        for term in &language.terms {
            let _ = writeln!(
                out,
                "    {:10}  {}{}",
                status_name(term.status, localizer),
                term.text,
                flags(term, localizer)
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

fn status_name(status: Status, localizer: &Localizer) -> String {
    let id = match status {
        Status::Preferred => "glossary-status-preferred",
        Status::Admitted => "glossary-status-admitted",
        Status::Deprecated => "glossary-status-deprecated",
    };
    localizer.render(&Message::new(id))
}

fn kind_name(kind: ConceptKind) -> &'static str {
    match kind {
        ConceptKind::Person => "person",
        ConceptKind::Organization => "organization",
        ConceptKind::Media => "media",
        ConceptKind::Place => "place",
        ConceptKind::Term => "term",
        ConceptKind::Event => "event",
    }
}
