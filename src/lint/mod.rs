//! The engine that turns inputs into findings.
//!
//! A run follows one path, a module for each step:
//!
//! 1. `walk`: the [`Input`]s named (paths, or standard input) become files
//!    to read; folders are walked in parallel, honouring ignore files.
//! 2. `read`: each file is read (regular files only) and decoded into a
//!    [`Document`], or becomes a [`FileError`]; the run goes on.
//! 3. `find`: the document's segments are matched, each in its language,
//!    for glossary mentions and unlisted spellings.
//! 4. `analyze`: the checks turn those into findings; suppressions and
//!    `[[ignore]]` rules remove some; fixes that would write over markup
//!    are withheld.
//! 5. `run`: many documents are scheduled in parallel, project-wide
//!    consistency is judged, and the findings and errors are gathered into
//!    a [`Report`], sorted by input.
//!
//! [`Linter::check_text`] runs steps 3 and 4 on a text in memory, the same
//! path `termlint check` takes for a file, so the language server, the
//! glossary's self-tests and the fuzz targets see what the command line
//! sees. `input` is the vocabulary the steps share.

mod analyze;
mod find;
mod input;
mod read;
mod run;
mod walk;

use std::path::Path;
use std::sync::{Arc, Mutex};

pub use find::NamedSegment;
pub use input::Input;
pub use read::{Document, FileError, FileErrorKind};
pub use run::{FileReport, Progress, Report, UsageReport};
pub use walk::Walks;

use crate::check::usage::{ProjectUsage, ResolvedUsage};
use crate::check::{sort_findings, CheckId, CheckSettings, Finding};
use crate::config::Config;
use crate::document::{Format, FormatError};
use crate::lang::Language;
use crate::matcher::Matcher;
use crate::unlisted::UnlistedFinder;
use walk::WalkMap;

/// The checking engine: a compiled glossary and the settings of one run.
pub struct Linter {
    matcher: Matcher,
    unlisted: Option<UnlistedFinder>,
    config: Config,
    progress: Option<Arc<Progress>>,
    /// Whether reports keep each file's text (see [`Linter::without_texts`]).
    keep_texts: bool,
    /// Folders walked ahead, taken as they are checked.
    walks: Mutex<WalkMap>,
    /// A whole project's uses of forms, counted elsewhere: consistency is
    /// then judged file by file against them (see [`crate::check::usage`]).
    project_usage: Option<ResolvedUsage>,
}

impl Linter {
    /// A linter over a compiled glossary with the given configuration.
    pub fn new(matcher: Matcher, config: Config) -> Self {
        let unlisted = config
            .may_run(CheckId::Unlisted)
            .then(|| UnlistedFinder::new(&matcher));
        Linter {
            matcher,
            unlisted,
            config,
            progress: None,
            keep_texts: true,
            walks: Mutex::default(),
            project_usage: None,
        }
    }

    /// Judges consistency in each file against a whole project's uses of
    /// forms (summed from `check --format usage` runs over parts of the
    /// project by `merge`), as one run over the whole project would: each
    /// file is then finished as it is read, whatever the configured scope.
    /// Also gives how many of the usage's forms this glossary does not
    /// know (they were counted with another glossary, and are left out).
    pub fn with_project_usage(mut self, usage: &ProjectUsage) -> (Self, usize) {
        let (resolved, unknown) = usage.resolve(&self.matcher);
        self.project_usage = Some(resolved);
        (self, unknown)
    }

    /// Drops each file's text as soon as its findings are made, so that
    /// [`Report`] files carry an empty `text`. For callers that never quote
    /// or fix the files (machine-readable reports): memory then stays flat
    /// however many files have findings.
    pub fn without_texts(mut self) -> Self {
        self.keep_texts = false;
        self
    }

    /// Uses these folder walks instead of walking the same folders again.
    /// The configuration they were made with must be this linter's.
    pub fn with_walks(self, walks: Walks) -> Self {
        *self.walks.lock().unwrap_or_else(|e| e.into_inner()) = walks.0;
        self
    }

    /// Makes the linter count files and bytes in `progress` as it goes.
    pub fn with_progress(mut self, progress: Arc<Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    /// The compiled glossary.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The check settings of `[checks]`, before any `[[overrides]]` (see
    /// [`Config::checks_for`]).
    pub fn settings(&self) -> &CheckSettings {
        &self.config.checks
    }

    /// Checks one text in memory exactly as `termlint check` checks a
    /// file, consistency judged within the text: the checks, suppression
    /// comments, and the configuration's `[[ignore]]` rules that name no
    /// files. Findings come sorted by position.
    pub fn check_text(
        &self,
        text: &str,
        format: Format,
        language: &Language,
    ) -> Result<Vec<Finding>, FormatError> {
        self.check_document_text(None, text, format, language)
    }

    /// [`Linter::check_text`] for the text of the file at `path` if it
    /// has one (an editor's unsaved buffer): `[[ignore]]` rules and
    /// `[[overrides]]` naming that file apply too, as they do when
    /// `termlint check` reads it.
    pub fn check_document_text(
        &self,
        path: Option<&Path>,
        text: &str,
        format: Format,
        language: &Language,
    ) -> Result<Vec<Finding>, FormatError> {
        let (mut result, lines) = self.analyze_text(path, text, format, language, true)?;
        self.suppress(path, language, text, format, &lines, &mut result.findings);
        sort_findings(&mut result.findings);
        Ok(result.findings)
    }
}

#[cfg(test)]
mod tests {
    use super::find::PARALLEL_TEXT_BYTES;
    use super::*;
    use crate::glossary::GlossaryLoader;
    use proptest::prelude::*;

    const GLOSSARY: &str = r#"
        [[concept]]
        id = "abu-hudhayfah"
        [concept.lang.en]
        preferred = "Abu Hudhayfah"
        deprecated = ["Abu Hudhaifa"]

        [[concept]]
        id = "kerman"
        [concept.lang.en]
        preferred = "Kerman"
        deprecated = ["Kirman"]
        [concept.lang.ru]
        preferred = "Керман"
        deprecated = ["Кирман"]

        [[concept]]
        id = "shia"
        [concept.lang.en]
        preferred = "Shia"
        deprecated = ["Shi'ite"]

        [[concept]]
        id = "us"
        [concept.lang.en]
        preferred = { term = "U.S.", case_sensitive = true }
    "#;

    fn linter() -> Linter {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("test.toml", GLOSSARY.to_string());
        let mut config = Config::default();
        config.checks.set(CheckId::Unlisted, None);
        Linter::new(Matcher::new(loader.load().unwrap()).unwrap(), config)
    }

    /// Names with markup around and inside them, near-misses and filler.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Abu Hudhaifa",
            "**Abu** Hudhaifa",
            "Ab*u* Hudhaifa",
            "Abu *Hudhaifa*",
            "> Abu\n> Hudhaifa",
            "Abu\nHudhaifa",
            "[Abu Hudhaifa](https://example.org/abu)",
            "`Abu Hudhaifa`",
            "Abu-Hudhaifa",
            "Kirman",
            "Kir*man*",
            "Kir**man**",
            "Kir\\man",
            "~~Kirman~~",
            "Kir~~man~~",
            "KIRMAN",
            "Kirman's",
            "d'Kirman",
            "l’Kirman",
            "Кирмане",
            "Кирман",
            "Кир*мане*",
            "Shi'ite",
            "Shi\\'ite",
            "Shi*'ite*",
            "U.S.",
            "u.s.",
            "U.*S.*",
            "about",
            "Kermanshah",
            "Abul",
            "Hudhaifas",
            "the",
            "and",
            "\n\n",
            "# ",
            "- ",
            "1. ",
            "<b>",
            "</b>",
            "&amp;",
            "&#75;irman",
            "*",
            "_",
            "\\",
            "\n",
            "    ",
            "```\n",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// A Markdown document is skipped only when parsing it would find
        /// no mention at all.
        #[test]
        fn skipping_a_document_never_loses_a_mention(parts in prop::collection::vec(piece(), 0..10)) {
            let linter = linter();
            let text = parts.concat();
            if linter.cannot_have_findings(&text, Format::Markdown) {
                for language in ["en", "ru"] {
                    let language = Language::parse(language).unwrap();
                    let segments = Format::Markdown.segments(&text).unwrap();
                    let found = linter.find(&text, &segments, &language);
                    prop_assert!(found.mentions.is_empty(), "{:?} skipped, but mentions {:?}", text, found.mentions);
                }
            }
        }
    }

    #[test]
    fn a_large_document_matched_in_parallel_keeps_every_mention_in_order() {
        let linter = linter();
        let paragraph = "Roads *lead* on. Kirman, then Abu Hudhaifa.\n\n";
        let text = paragraph.repeat(PARALLEL_TEXT_BYTES / paragraph.len() + 100);
        let segments = Format::Markdown.segments(&text).unwrap();
        let found = linter.find(&text, &segments, &Language::parse("en").unwrap());
        let starts: Vec<usize> = found.mentions.iter().map(|m| m.range.start).collect();
        let expected: Vec<usize> = text
            .match_indices(paragraph)
            .flat_map(|(at, _)| [at + 17, at + 30])
            .collect();
        assert_eq!(starts.len(), expected.len());
        assert!(starts == expected, "first mentions {:?}", &starts[..4]);
    }

    #[test]
    fn a_large_memory_read_in_parallel_parts_pairs_every_unit() {
        let linter = linter();
        let unit = "<tu><tuv xml:lang=\"en\"><seg>The road to Kirman.</seg></tuv>\
                    <tuv xml:lang=\"ru\"><seg>Дорога в Кирман.</seg></tuv></tu>\n";
        let units = PARALLEL_TEXT_BYTES / unit.len() + 100;
        let text = format!(
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n{}</body></tmx>",
            unit.repeat(units)
        );
        let findings = linter
            .check_text(&text, Format::Tmx, &Language::parse("en").unwrap())
            .unwrap();
        // Each unit: a deprecated form in the source and in the target, in
        // text order; and every unit of the memory is one group of
        // identical units (no segment-consistency finding).
        assert_eq!(findings.len(), 2 * units);
        assert!(findings.iter().all(|f| f.check == CheckId::Deprecated));
        assert!(findings
            .windows(2)
            .all(|pair| pair[0].range.start < pair[1].range.start));
        let found: Vec<&str> = findings[..2].iter().map(|f| f.found.as_str()).collect();
        assert_eq!(found, ["Kirman", "Кирман"]);
    }

    #[test]
    fn documents_that_name_nobody_are_skipped_and_the_others_kept() {
        let linter = linter();
        let skipped = |text: &str| linter.cannot_have_findings(text, Format::Markdown);
        assert!(skipped("About the Kermanshah road, and Abul.\n"));
        assert!(!skipped("About **Abu** Hudhaifa.\n"));
        assert!(!skipped("Kir*man*\n"), "emphasis inside a word");
        assert!(!skipped("U.*S.*\n"), "emphasis inside an abbreviation");
        assert!(
            !skipped("KIRMAN`Abu Hudhaifa`Abu *Hudhaifa*\n"),
            "a name right after a code span"
        );
        assert!(!skipped("Кирмане\n"), "an inflected form");
        assert!(
            !skipped("A note. <!-- termlint-disable -->\n"),
            "a suppression comment"
        );
        assert!(!skipped("Kirman"));
        assert!(
            !linter.cannot_have_findings("About the road.", Format::Text),
            "only Markdown is skipped"
        );
    }

    /// A linter over the test glossary with this `termlint.toml`.
    fn configured(toml: &str) -> Linter {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("test.toml", GLOSSARY.to_string());
        let config =
            crate::config::parse_config(toml, "termlint.toml", std::path::PathBuf::from("/project")).unwrap();
        Linter::new(Matcher::new(loader.load().unwrap()).unwrap(), config)
    }

    #[test]
    fn text_in_memory_is_checked_with_the_suppressions_and_ignore_rules_of_a_file() {
        let english = Language::parse("en").unwrap();
        let text = "Kirman and Abu Hudhaifa.\n";
        let checks = |linter: &Linter, path: Option<&str>| -> Vec<String> {
            let findings = linter
                .check_document_text(path.map(Path::new), text, Format::Text, &english)
                .unwrap();
            findings
                .iter()
                .map(|f| format!("{} {:?}", f.concept, f.range))
                .collect()
        };
        let everywhere = configured("[[ignore]]\nconcepts = [\"kerman\"]\n");
        assert_eq!(checks(&everywhere, None), ["abu-hudhayfah 11..23"]);
        let in_quotes = configured("[[ignore]]\nfiles = \"quotes/**\"\nconcepts = [\"kerman\"]\n");
        assert_eq!(checks(&in_quotes, None), ["kerman 0..6", "abu-hudhayfah 11..23"]);
        assert_eq!(
            checks(&in_quotes, Some("/project/quotes/a.txt")),
            ["abu-hudhayfah 11..23"]
        );
        assert_eq!(
            checks(&in_quotes, Some("/project/docs/a.txt")),
            ["kerman 0..6", "abu-hudhayfah 11..23"]
        );
        let commented = linter()
            .check_text(
                "<!-- termlint-disable-next-line -->\nKirman\n",
                Format::Markdown,
                &english,
            )
            .unwrap();
        assert!(commented.is_empty(), "{commented:?}");
    }

    #[test]
    fn text_in_memory_takes_the_overrides_of_its_path_and_language() {
        let linter = configured(concat!(
            "[[overrides]]\nfiles = \"old/**\"\n[overrides.checks]\ndeprecated = \"off\"\n",
            "[[overrides]]\nlanguages = [\"ru\"]\n[overrides.checks]\ndeprecated = \"info\"\n",
        ));
        let checks = |path: Option<&str>, text: &str, tag: &str| -> Vec<String> {
            let language = Language::parse(tag).unwrap();
            let findings = linter
                .check_document_text(path.map(Path::new), text, Format::Text, &language)
                .unwrap();
            findings
                .iter()
                .map(|f| format!("{} {} {:?}", f.concept, f.severity.as_str(), f.range))
                .collect()
        };
        assert_eq!(checks(None, "Kirman.\n", "en"), ["kerman error 0..6"]);
        assert_eq!(
            checks(Some("/project/new/a.txt"), "Kirman.\n", "en"),
            ["kerman error 0..6"]
        );
        assert!(checks(Some("/project/old/a.txt"), "Kirman.\n", "en").is_empty());
        assert_eq!(checks(None, "Кирман.\n", "ru"), ["kerman info 0..12"]);
        // The later override wins for the check both name.
        assert_eq!(
            checks(Some("/project/old/a.txt"), "Кирман.\n", "ru-RU"),
            ["kerman info 0..12"]
        );
    }
}
