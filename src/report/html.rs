//! The HTML format: one self-contained page for people to read a run in a
//! browser, on a desktop or a phone.
//!
//! The page loads nothing: its style and its one small script are inline,
//! and a Content-Security-Policy forbids every other source, so that a
//! report opened from a mail or an artifact store cannot reach the network.
//! Every piece of document text, path, form and message is escaped
//! (`html-escape`) where it is written, as text or as a quoted attribute;
//! a path shown also has its control characters escaped, as on terminals
//! (`data-path` keeps the name as the JSON report writes it).
//!
//! Each document with findings is a `<section>`: its text with every
//! finding marked in place, and beside it (below it on a narrow screen) the
//! list of its findings, each linking to its place. The text is cut at
//! finding boundaries and line breaks into pieces; a piece that one or more
//! findings cover is a `<mark>` whose `data-ids` names them, so the text of
//! finding `n` is the text of the marks naming `n`, in order, whatever the
//! overlaps (less the line breaks of a finding that crosses lines: each
//! line is its own block). An empty `<span id="fN">` before the first character of
//! finding `N` is where its link leads. Each line has `dir="auto"`: a line of
//! Persian or Arabic runs right to left, a line of English left to right,
//! in the same document; the text block as a whole takes the direction of
//! the document language the findings name.
//!
//! Large runs stay readable: a document of up to [`FULL_TEXT_LINES`] lines
//! is shown whole, a longer one as the lines around its findings
//! ([`CONTEXT_LINES`] either side) with the count of lines left out between
//! them; the first [`OPEN_DOCUMENTS`] documents are open, and each further
//! one is closed, its body kept in a `<template>` that the browser neither
//! lays out nor renders until the reader opens it.
//!
//! Filters (check, concept, severity) hide the findings of the list, the
//! documents and concepts with none left, and turn the highlight of the
//! others' marks off (class `off`); they need the script, and without it
//! the page shows everything. Text comes from the report's `FileReport::text`
//! (the CLI keeps it for this format); a file whose text was not kept shows
//! its list alone.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use unic_langid::LanguageIdentifier;

use crate::check::{Detail, Finding, Severity};
use crate::glossary::Glossary;
use crate::i18n::{Localizer, Message};
use crate::lint::{FileReport, Report};
use crate::text::{lines_with_breaks, printable};

use super::{concept_name, finding_message, severity_message, summary_message};

/// A document of at most this many lines is shown whole.
pub const FULL_TEXT_LINES: usize = 400;
/// Lines shown either side of a finding in a longer document.
pub const CONTEXT_LINES: usize = 2;
/// How many documents are open (rendered) when the page loads.
pub const OPEN_DOCUMENTS: usize = 20;

/// The report as one HTML page (see [`write_html_report`]).
pub fn html_report(report: &Report, glossary: &Glossary, localizer: &Localizer) -> String {
    let mut out = Vec::new();
    // Writing into memory does not fail.
    let _ = write_html_report(&mut out, report, glossary, localizer);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the report as one self-contained HTML page, in the interface
/// language of `localizer`, document by document as it goes.
pub fn write_html_report(
    out: &mut dyn Write,
    report: &Report,
    glossary: &Glossary,
    localizer: &Localizer,
) -> io::Result<()> {
    let page = Page {
        report,
        glossary,
        localizer,
    };
    page.write(out)
}

struct Page<'a> {
    report: &'a Report,
    glossary: &'a Glossary,
    localizer: &'a Localizer,
}

/// What the filters offer and what a document or concept holds.
#[derive(Default)]
struct Facets {
    checks: BTreeSet<&'static str>,
    concepts: BTreeSet<String>,
    severities: BTreeSet<Severity>,
}

impl Facets {
    fn add(&mut self, finding: &Finding) {
        self.checks.insert(finding.check.as_str());
        self.concepts.insert(finding.concept.clone());
        self.severities.insert(finding.severity);
    }

    /// The `data-` attributes a filter reads: check ids and severities
    /// separated by spaces, concept ids (which may hold spaces) by line
    /// breaks.
    fn attributes(&self) -> String {
        let join = |items: Vec<&str>, separator: &str| attr(&items.join(separator)).into_owned();
        format!(
            " data-checks=\"{}\" data-concepts=\"{}\" data-severities=\"{}\"",
            join(self.checks.iter().copied().collect(), " "),
            join(self.concepts.iter().map(String::as_str).collect(), "\n"),
            join(self.severities.iter().map(|s| s.as_str()).collect(), " "),
        )
    }
}

/// One concept's row of the summary: forms found, how often, in which files.
#[derive(Default)]
struct ConceptRow {
    forms: BTreeMap<String, usize>,
    /// Document number (its section) and how many findings it has there.
    files: BTreeMap<usize, usize>,
    facets: Facets,
}

impl Page<'_> {
    fn say(&self, message: &Message) -> String {
        text(&self.localizer.render(message)).into_owned()
    }

    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let ui = self.localizer.language();
        let mut facets = Facets::default();
        self.report.findings().for_each(|f| facets.add(f));
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
             <meta name=\"generator\" content=\"termlint {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            attr(&ui.to_string()),
            direction(ui),
            env!("CARGO_PKG_VERSION"),
            self.say(&Message::new("html-title")),
        )?;
        writeln!(
            out,
            "<header>\n<h1>{}</h1>",
            self.say(&Message::new("html-title"))
        )?;
        writeln!(
            out,
            "<p class=\"summary\">{}</p>",
            self.say(&summary_message(self.report))
        )?;
        self.write_filters(out, &facets)?;
        writeln!(out, "</header>\n<main>")?;
        self.write_concepts(out)?;
        if self.report.files.is_empty() {
            writeln!(
                out,
                "<p class=\"none\">{}</p>",
                self.say(&Message::new("html-no-findings"))
            )?;
        }
        let mut first_id = 0;
        for (number, file) in self.report.files.iter().enumerate() {
            self.write_document(out, number, first_id, file)?;
            first_id += file.findings.len();
        }
        self.write_errors(out)?;
        writeln!(out, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>")
    }

    fn write_filters(&self, out: &mut dyn Write, facets: &Facets) -> io::Result<()> {
        let all = self.say(&Message::new("html-filter-all"));
        writeln!(out, "<form class=\"filters\" id=\"filters\">")?;
        let mut select = |name: &str, label: &str, options: Vec<(String, String)>| {
            write!(
                out,
                "<label>{label} <select name=\"{name}\" id=\"filter-{name}\"><option value=\"\">{all}</option>"
            )?;
            for (value, shown) in options {
                write!(out, "<option value=\"{}\">{}</option>", attr(&value), shown)?;
            }
            writeln!(out, "</select></label>")
        };
        select(
            "check",
            &self.say(&Message::new("html-filter-check")),
            facets
                .checks
                .iter()
                .map(|c| (c.to_string(), text(c).into_owned()))
                .collect(),
        )?;
        select(
            "concept",
            &self.say(&Message::new("html-filter-concept")),
            facets
                .concepts
                .iter()
                .map(|id| (id.clone(), self.concept_label(id, None)))
                .collect(),
        )?;
        select(
            "severity",
            &self.say(&Message::new("html-filter-severity")),
            facets
                .severities
                .iter()
                .map(|s| (s.as_str().to_string(), self.say(&severity_message(*s))))
                .collect(),
        )?;
        writeln!(out, "</form>")
    }

    /// A concept named for the reader (escaped), in the document's language
    /// too when it is known.
    fn concept_label(&self, id: &str, language: Option<&str>) -> String {
        let document = language.and_then(|tag| crate::lang::Language::parse(tag).ok());
        match self.glossary.concept(id) {
            Some(concept) => text(&self.localizer.render_arg(&concept_name(
                concept,
                document.as_ref(),
                self.localizer.language(),
            )))
            .into_owned(),
            None => text(id).into_owned(),
        }
    }

    /// The table of concepts: each form found, how often, and in which files.
    fn write_concepts(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut rows: BTreeMap<&str, ConceptRow> = BTreeMap::new();
        for (number, file) in self.report.files.iter().enumerate() {
            for finding in &file.findings {
                let row = rows.entry(&finding.concept).or_default();
                *row.forms.entry(finding.found.clone()).or_default() += 1;
                *row.files.entry(number).or_default() += 1;
                row.facets.add(finding);
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        writeln!(
            out,
            "<section class=\"concepts\" id=\"concepts\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            self.say(&Message::new("html-concepts")),
            self.say(&Message::new("html-concept-column")),
            self.say(&Message::new("html-forms-column")),
            self.say(&Message::new("html-files-column")),
        )?;
        for (id, row) in &rows {
            write!(
                out,
                "<tr class=\"concept\" data-concept=\"{}\"{}><td>{}</td><td><ul>",
                attr(id),
                row.facets.attributes(),
                self.concept_label(id, None)
            )?;
            for (form, count) in &row.forms {
                write!(
                    out,
                    "<li><bdi>{}</bdi> {}</li>",
                    text(form),
                    self.say(&Message::new("html-times").number("count", *count))
                )?;
            }
            write!(out, "</ul></td><td><ul>")?;
            for (number, count) in &row.files {
                let path = self.report.files[*number].input.to_text();
                write!(
                    out,
                    "<li><a href=\"#d{number}\"><bdi>{}</bdi></a> {}</li>",
                    text(&printable(&path)),
                    self.say(&Message::new("html-times").number("count", *count))
                )?;
            }
            writeln!(out, "</ul></td></tr>")?;
        }
        writeln!(out, "</tbody>\n</table>\n</section>")
    }

    fn write_document(
        &self,
        out: &mut dyn Write,
        number: usize,
        first_id: usize,
        file: &FileReport,
    ) -> io::Result<()> {
        let mut facets = Facets::default();
        file.findings.iter().for_each(|f| facets.add(f));
        let path = file.input.to_text();
        let open = number < OPEN_DOCUMENTS;
        writeln!(
            out,
            "<section class=\"doc\" id=\"d{number}\" data-first=\"{first_id}\" data-count=\"{}\" data-path=\"{}\"{}>\n<details{}>\n<summary><bdi class=\"path\">{}</bdi> <span class=\"count\">{}</span></summary>",
            file.findings.len(),
            attr(&path),
            facets.attributes(),
            if open { " open" } else { "" },
            text(&printable(&path)),
            self.say(&Message::new("html-document-findings").number("findings", file.findings.len())),
        )?;
        if !open {
            write!(out, "<template>")?;
        }
        writeln!(out, "<div class=\"doc-body\">")?;
        let language = file.findings.iter().find_map(|f| detail_language(&f.detail));
        let placed = self.write_text(out, number, first_id, file, language)?;
        self.write_list(out, first_id, file, &placed)?;
        writeln!(out, "</div>")?;
        if !open {
            write!(out, "</template>")?;
        }
        writeln!(out, "</details>\n</section>")
    }

    /// Writes the text with its marks; gives back which findings have a
    /// place in it (a range outside the text, or on no character boundary,
    /// has none: the list still shows the finding).
    fn write_text(
        &self,
        out: &mut dyn Write,
        number: usize,
        first_id: usize,
        file: &FileReport,
        language: Option<&str>,
    ) -> io::Result<Vec<bool>> {
        let source = file.text.as_str();
        let placed: Vec<bool> = file
            .findings
            .iter()
            .map(|f| {
                f.range.start <= f.range.end
                    && f.range.end <= source.len()
                    && source.is_char_boundary(f.range.start)
                    && source.is_char_boundary(f.range.end)
            })
            .collect();
        if source.is_empty() {
            return Ok(placed);
        }
        let lines: Vec<(usize, &str)> = lines_with_breaks(source).collect();
        // The lines each finding touches (0-based), found by its offsets.
        let line_of = |offset: usize| {
            lines
                .partition_point(|(start, _)| *start <= offset)
                .saturating_sub(1)
        };
        let mut on_line: Vec<Vec<usize>> = vec![Vec::new(); lines.len()];
        for (index, finding) in file.findings.iter().enumerate() {
            if !placed[index] {
                continue;
            }
            let first = line_of(finding.range.start);
            let last = line_of(finding.range.end.saturating_sub(1).max(finding.range.start));
            for line in on_line.iter_mut().take(last + 1).skip(first) {
                line.push(index);
            }
        }
        let shown: Vec<bool> = if lines.len() <= FULL_TEXT_LINES {
            vec![true; lines.len()]
        } else {
            let mut shown = vec![false; lines.len()];
            for (line, findings) in on_line.iter().enumerate() {
                if !findings.is_empty() {
                    let from = line.saturating_sub(CONTEXT_LINES);
                    let to = (line + CONTEXT_LINES).min(lines.len() - 1);
                    shown[from..=to].iter_mut().for_each(|s| *s = true);
                }
            }
            shown
        };
        let (lang, dir) = match language {
            Some(tag) => {
                let id: Option<LanguageIdentifier> = tag.parse().ok();
                (
                    format!(" lang=\"{}\"", attr(tag)),
                    id.as_ref().map_or("auto", direction),
                )
            }
            None => (String::new(), "auto"),
        };
        // What a mark says when hovered: each finding's message and fix.
        let titles: Vec<String> = file
            .findings
            .iter()
            .map(|finding| {
                let message = finding_message(finding, self.glossary, self.localizer.language());
                let mut title = self.localizer.render(&message);
                if let Some(suggestion) = &finding.suggestion {
                    title.push('\n');
                    let help = Message::new("finding-help").text("suggestion", suggestion);
                    title.push_str(&self.localizer.render(&help));
                }
                title
            })
            .collect();
        writeln!(out, "<div class=\"text\" dir=\"{dir}\"{lang}>")?;
        let mut hidden = 0;
        for (line, (start, with_break)) in lines.iter().enumerate() {
            if !shown[line] {
                hidden += 1;
                continue;
            }
            if hidden > 0 {
                writeln!(out, "{}", self.gap(hidden))?;
                hidden = 0;
            }
            let content = with_break.trim_end_matches(['\n', '\r']);
            // A blank line takes the document's direction, so that its
            // number stands on the same side as its neighbours'.
            let dir = match content.trim().is_empty() {
                true => "",
                false => " dir=\"auto\"",
            };
            write!(
                out,
                "<div class=\"line\"{dir} id=\"d{number}-l{}\" data-line=\"{}\">",
                line + 1,
                line + 1
            )?;
            let line = Line {
                start: *start,
                content,
                findings: &on_line[line],
            };
            write_line(out, file, line, &titles, first_id)?;
            writeln!(out, "</div>")?;
        }
        if hidden > 0 {
            writeln!(out, "{}", self.gap(hidden))?;
        }
        writeln!(out, "</div>")?;
        Ok(placed)
    }

    fn gap(&self, lines: usize) -> String {
        format!(
            "<div class=\"gap\">{}</div>",
            self.say(&Message::new("html-lines-left-out").number("lines", lines))
        )
    }

    fn write_list(
        &self,
        out: &mut dyn Write,
        first_id: usize,
        file: &FileReport,
        placed: &[bool],
    ) -> io::Result<()> {
        let path = file.input.to_text();
        writeln!(out, "<ol class=\"findings\">")?;
        for (index, finding) in file.findings.iter().enumerate() {
            let id = first_id + index;
            let message = self.say(&finding_message(
                finding,
                self.glossary,
                self.localizer.language(),
            ));
            let position = format!("{}:{}", finding.start.line, finding.start.column);
            let position = match placed.get(index) {
                Some(true) => format!("<a href=\"#f{id}\">{position}</a>"),
                _ => position,
            };
            let fix = finding
                .suggestion
                .as_ref()
                .map_or_else(String::new, |suggestion| {
                    format!(
                        " <span class=\"fix\">{}</span>",
                        self.say(&Message::new("finding-help").text("suggestion", suggestion))
                    )
                });
            writeln!(
                out,
                "<li class=\"finding sev-{severity}\" data-id=\"{id}\" data-path=\"{}\" data-check=\"{check}\" \
                 data-concept=\"{}\" data-severity=\"{severity}\" data-start=\"{}\" data-end=\"{}\" data-found=\"{}\">\
                 {position} <span class=\"sev\">{}</span> <code>{check}</code> <span class=\"message\">{message}</span>{fix}</li>",
                attr(&path),
                attr(&finding.concept),
                finding.range.start,
                finding.range.end,
                attr(&finding.found),
                self.say(&severity_message(finding.severity)),
                severity = finding.severity.as_str(),
                check = finding.check.as_str(),
            )?;
        }
        writeln!(out, "</ol>")
    }

    fn write_errors(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.report.errors.is_empty() {
            return Ok(());
        }
        writeln!(
            out,
            "<section class=\"errors\">\n<h2>{}</h2>\n<ul>",
            self.say(&Message::new("html-errors"))
        )?;
        for error in &self.report.errors {
            writeln!(out, "<li>{}</li>", self.say(&error.message()))?;
        }
        writeln!(out, "</ul>\n</section>")
    }
}

/// One line of a document's text, as [`write_line`] writes it.
struct Line<'a> {
    /// Its offset in the file.
    start: usize,
    /// Its text, without its line break.
    content: &'a str,
    /// The findings over it (indices into the file's findings).
    findings: &'a [usize],
}

/// Writes one line's text, cut into pieces at the edges of its findings,
/// each covered piece a `<mark>` naming the findings over it and saying
/// them (`titles`, by finding, unescaped) when hovered.
fn write_line(
    out: &mut dyn Write,
    file: &FileReport,
    line: Line,
    titles: &[String],
    first_id: usize,
) -> io::Result<()> {
    let Line {
        start: line_start,
        content,
        findings,
    } = line;
    let line_end = line_start + content.len();
    let mut edges: BTreeSet<usize> = BTreeSet::from([line_start, line_end]);
    for &index in findings {
        let range = &file.findings[index].range;
        edges.insert(range.start.clamp(line_start, line_end));
        edges.insert(range.end.clamp(line_start, line_end));
    }
    let edges: Vec<usize> = edges.into_iter().collect();
    for (i, &at) in edges.iter().enumerate() {
        // The place each finding starting here links to.
        for &index in findings {
            if file.findings[index].range.start == at {
                write!(out, "<span class=\"anchor\" id=\"f{}\"></span>", first_id + index)?;
            }
        }
        let Some(&next) = edges.get(i + 1) else { break };
        let piece = &file.text[at..next];
        let over: Vec<&usize> = findings
            .iter()
            .filter(|&&index| {
                let range = &file.findings[index].range;
                range.start <= at && next <= range.end
            })
            .collect();
        if over.is_empty() {
            write!(out, "{}", text(piece))?;
            continue;
        }
        let severity = over
            .iter()
            .map(|&&index| file.findings[index].severity)
            .min()
            .unwrap_or(Severity::Info);
        let ids: Vec<String> = over
            .iter()
            .map(|&&index| (first_id + index).to_string())
            .collect();
        let title: Vec<&str> = over.iter().map(|&&index| titles[index].as_str()).collect();
        write!(
            out,
            "<mark class=\"sev-{}\" data-ids=\"{}\" title=\"{}\">{}</mark>",
            severity.as_str(),
            ids.join(" "),
            attr(&title.join("\n")),
            text(piece)
        )?;
    }
    Ok(())
}

/// The document language a finding names, where it names one.
fn detail_language(detail: &Detail) -> Option<&str> {
    match detail {
        Detail::Deprecated { language }
        | Detail::Admitted { language }
        | Detail::MissingTerm { language, .. }
        | Detail::UntranslatedTerm { language }
        | Detail::Unlisted { language, .. }
        | Detail::OtherLanguage { language, .. }
        | Detail::Orthography { language, .. }
        | Detail::Inconsistent { language, .. } => Some(language),
        Detail::Case { .. } | Detail::UnusedSuppression | Detail::InconsistentSegments { .. } => None,
    }
}

/// `rtl` for a language written right to left (its likely script is
/// Arabic, Hebrew, Syriac, Thaana, N'Ko or Adlam), else `ltr`.
fn direction(language: &LanguageIdentifier) -> &'static str {
    let mut language = language.clone();
    language.maximize();
    let rtl = language.script.is_some_and(|script| {
        matches!(
            script.as_str(),
            "Arab" | "Hebr" | "Syrc" | "Thaa" | "Nkoo" | "Adlm" | "Rohg"
        )
    });
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

const STYLE: &str = r#"
:root { --error: #b3261e; --error-bg: #fde7e4; --warning: #8a5a00; --warning-bg: #fff1c7; --info: #0b57d0; --info-bg: #dfeaff; --line: #d7d7d7; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif; color: #1b1b1b; background: #fafafa; }
header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: .5rem 1rem; }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: 1.1rem; }
.summary { margin: .25rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.filters select { font: inherit; max-width: 16rem; }
main { padding: 0 1rem 2rem; max-width: 90rem; margin: 0 auto; }
.concepts { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; background: #fff; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: start; vertical-align: top; overflow-wrap: anywhere; }
td ul { margin: 0; padding-inline-start: 1.1rem; }
.doc { margin: 1rem 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
.doc > details > summary { padding: .5rem .75rem; cursor: pointer; font-weight: 600; overflow-wrap: anywhere; }
.count { font-weight: normal; color: #555; }
.doc-body { padding: 0 .75rem .75rem; }
.text { font-size: .95rem; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; background: #fcfcfc; }
.line { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.35em; }
.line::before { content: attr(data-line); display: inline-block; min-width: 2.5em; color: #888; padding-inline-end: .75em; text-align: end; user-select: none; }
.gap { color: #777; font-style: italic; text-align: center; border-block: 1px dashed var(--line); margin: .25rem 0; }
mark { border-radius: 2px; padding: 0 1px; color: inherit; border-bottom: 2px solid; cursor: help; }
mark.sev-error { background: var(--error-bg); border-color: var(--error); }
mark.sev-warning { background: var(--warning-bg); border-color: var(--warning); }
mark.sev-info { background: var(--info-bg); border-color: var(--info); }
mark.off { background: none; border-color: transparent; cursor: auto; }
.anchor { scroll-margin-top: 9rem; }
:target + mark { outline: 3px solid #444; }
.findings { margin: .75rem 0 0; padding-inline-start: 1.5rem; font-size: .95rem; }
.findings li { margin: .35rem 0; overflow-wrap: anywhere; }
.findings .sev { font-weight: 600; }
.findings .sev-error .sev { color: var(--error); }
.findings .sev-warning .sev { color: var(--warning); }
.findings .sev-info .sev { color: var(--info); }
.fix { color: #1e6b2e; }
[hidden] { display: none !important; }
@media (max-width: 899px) { header { position: static; } }
@media (min-width: 900px) {
  .doc-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1rem; align-items: start; }
  .findings { margin: 0; position: sticky; top: 7rem; max-height: calc(100vh - 8rem); overflow: auto; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  "use strict";
  var form = document.getElementById("filters");
  function wanted(data) {
    var f = { check: form.elements.check.value, concept: form.elements.concept.value, severity: form.elements.severity.value };
    return (!f.check || data.check === f.check) && (!f.concept || data.concept === f.concept) && (!f.severity || data.severity === f.severity);
  }
  function has(list, separator, value) { return !value || list.split(separator).indexOf(value) >= 0; }
  function wantedSet(data) {
    return has(data.checks, " ", form.elements.check.value) && has(data.concepts, "\n", form.elements.concept.value) &&
      has(data.severities, " ", form.elements.severity.value);
  }
  function applyTo(section) {
    var on = {};
    section.querySelectorAll("li.finding").forEach(function (li) {
      var ok = wanted(li.dataset);
      li.hidden = !ok;
      on[li.dataset.id] = ok;
    });
    section.querySelectorAll("mark").forEach(function (mark) {
      var ok = mark.dataset.ids.split(" ").some(function (id) { return on[id]; });
      mark.classList.toggle("off", !ok);
    });
  }
  function apply() {
    document.querySelectorAll("section.doc").forEach(function (section) {
      section.hidden = !wantedSet(section.dataset);
      applyTo(section);
    });
    document.querySelectorAll("tr.concept").forEach(function (row) { row.hidden = !wantedSet(row.dataset); });
  }
  function render(details) {
    var template = details.querySelector(":scope > template");
    if (template) {
      details.replaceChild(template.content, template);
      applyTo(details.parentNode);
    }
  }
  document.querySelectorAll("section.doc > details").forEach(function (details) {
    details.addEventListener("toggle", function () { if (details.open) render(details); });
  });
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var match = /^d(\d+)/.exec(id) || /^f(\d+)$/.exec(id);
    if (!match) return;
    var n = Number(match[1]), section = null;
    document.querySelectorAll("section.doc").forEach(function (doc) {
      var first = Number(doc.dataset.first);
      if (id.charAt(0) === "d" ? doc.id === "d" + n || id.indexOf(doc.id + "-") === 0
                               : first <= n && n < first + Number(doc.dataset.count)) section = doc;
    });
    var details = section && section.querySelector(":scope > details");
    if (details && !details.open) { details.open = true; render(details); }
    var target = document.getElementById(id);
    if (target) target.scrollIntoView();
  }
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckId;
    use crate::lint::Input;
    use crate::text::{LineIndex, Position};

    fn finding(text: &str, range: std::ops::Range<usize>, severity: Severity) -> Finding {
        let lines = LineIndex::new(text);
        let position = |offset: usize| match offset <= text.len() && text.is_char_boundary(offset) {
            true => lines.position(text, offset),
            false => Position { line: 1, column: 1 },
        };
        Finding {
            check: CheckId::Case,
            severity,
            start: position(range.start),
            end: position(range.end),
            found: text.get(range.clone()).unwrap_or_default().to_string(),
            range,
            concept: "kerman".into(),
            suggestion: Some("Kerman".into()),
            detail: Detail::Case {
                expected: "Kerman".into(),
            },
            fix: None,
            segment: None,
        }
    }

    fn page(text: &str, ranges: &[(std::ops::Range<usize>, Severity)]) -> String {
        let report = Report {
            files: vec![FileReport {
                input: Input::Path("a.md".into()),
                text: text.into(),
                findings: ranges.iter().map(|(r, s)| finding(text, r.clone(), *s)).collect(),
            }],
            errors: Vec::new(),
            files_checked: 1,
        };
        html_report(&report, &Glossary::default(), Localizer::fallback())
    }

    /// The marks' texts by finding id, in page order.
    fn marks(html: &str) -> BTreeMap<String, String> {
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        for part in html.split("<mark ").skip(1) {
            let ids = part
                .split("data-ids=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap();
            let inner = part.split_once('>').unwrap().1.split("</mark>").next().unwrap();
            for id in ids.split(' ') {
                texts.entry(id.into()).or_default().push_str(inner);
            }
        }
        texts
    }

    #[test]
    fn overlapping_and_crossing_findings_each_keep_their_text() {
        let text = "ab Kirman Kirman cd";
        // 0: "Kirman Kirman", 1: the first "Kirman" inside it, 2: "man Kirman cd"
        // crossing 0's end, 3: the same span as 1.
        let html = page(
            text,
            &[
                (3..16, Severity::Warning),
                (3..9, Severity::Error),
                (6..19, Severity::Info),
                (3..9, Severity::Info),
            ],
        );
        let marks = marks(&html);
        assert_eq!(marks["0"], "Kirman Kirman");
        assert_eq!(marks["1"], "Kirman");
        assert_eq!(marks["2"], "man Kirman cd");
        assert_eq!(marks["3"], "Kirman");
        // A piece under an error and others takes the error's colour.
        assert!(
            html.contains("<mark class=\"sev-error\" data-ids=\"0 1 3\""),
            "{html}"
        );
        for id in 0..4 {
            assert!(html.contains(&format!("id=\"f{id}\"")));
        }
    }

    #[test]
    fn a_finding_across_a_line_break_is_marked_on_both_lines() {
        let text = "one Kir\r\nman two\n";
        let html = page(text, &[(4..12, Severity::Error)]);
        assert_eq!(marks(&html)["0"], "Kirman");
        assert_eq!(html.matches("<mark ").count(), 2);
    }

    #[test]
    fn a_range_outside_the_text_or_inside_a_character_is_listed_but_not_placed() {
        let text = "Ķirman\n";
        let html = page(
            text,
            &[
                (1..3, Severity::Error),
                (5..40, Severity::Error),
                (0..2, Severity::Error),
            ],
        );
        assert_eq!(marks(&html).keys().collect::<Vec<_>>(), ["2"]);
        assert_eq!(html.matches("<li class=\"finding").count(), 3);
        assert!(!html.contains("href=\"#f0\"") && !html.contains("href=\"#f1\""));
        assert!(html.contains("href=\"#f2\""));
    }

    #[test]
    fn directions_follow_the_script() {
        let dir = |tag: &str| direction(&tag.parse().unwrap());
        assert_eq!(dir("fa"), "rtl");
        assert_eq!(dir("ar"), "rtl");
        assert_eq!(dir("he"), "rtl");
        assert_eq!(dir("ur"), "rtl");
        assert_eq!(dir("en"), "ltr");
        assert_eq!(dir("tg"), "ltr");
        assert_eq!(dir("uz-Latn"), "ltr");
        assert_eq!(dir("uz-Arab"), "rtl");
    }
}
