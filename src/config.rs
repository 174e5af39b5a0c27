//! `termlint.toml`: project configuration, found by walking up from the
//! current folder.
//!
//! ```toml
//! glossary = ["terms/"]           # glossary files or folders, relative to this file
//! builtin_glossary = true         # also use the glossary built into termlint
//! include = ["docs/**/*.md"]      # files to check when walking folders
//! exclude = ["docs/vendor/**"]    # files never to check when walking folders
//! language = "en"                 # the language of documents not matched below
//!
//! [languages]                     # document language by glob, first match wins
//! "**/*.ru.md" = "ru"
//!
//! source_language = "en"         # language of bilingual sources whose file does not say
//! target_language = "ru"         # language of bilingual targets whose file does not say
//! consistency = "project"         # one spelling per name across all files of a run
//! unlisted_threshold = 0.8        # confidence an `unlisted` finding needs
//! fail_on = "warning"             # the least severity that fails a run (default: error)
//! skip_locked = true              # leave out segments locked in Trados or memoQ
//! only_unconfirmed = true         # check only segments not confirmed or approved
//!
//! [inflection.ru]                 # endings names take (see `inflection`); or enabled = false
//! endings = ["а", "у", "е", "ом"]
//!
//! [[ignore]]                      # findings to leave alone (quotations, titles)
//! files = "quotes/**"             # optional: only in these files
//! concepts = ["kerman"]           # by concept id
//! phrases = ["Abu Hudhaifa al-Ansari"]   # or by the exact text found
//! checks = ["deprecated"]         # optional: only these checks
//!
//! [checks]                        # severity per check: error, warning, info or off
//! inconsistent = "error"
//! case = "off"
//!
//! [[overrides]]                   # other severities for some documents, in file order
//! files = "docs/ru/**"            # optional: a glob or a list of globs
//! languages = ["ru", "tg"]        # optional: documents in one of these languages
//! [overrides.checks]              # over `[checks]`; a later override wins
//! admitted = "warning"
//! case = "off"
//! ```
//!
//! An override applies to a document that meets every condition it gives
//! (it must give `files`, `languages` or both): its path, relative to this
//! file's folder, matches one of the globs, and a language listed applies
//! to the document's language as a glossary term's does (`ru` to `ru-RU`).
//! A document without a path (standard input) meets no `files` condition.
//! `unlisted_threshold` is not set per override.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::de::IntoDeserializer;
use serde::Deserialize;
use toml::Spanned;

use crate::check::{CheckId, CheckSettings, Severity};
use crate::document::Format;
use crate::i18n::{read_reason, Message};
use crate::inflection::Inflections;
use crate::lang::Language;
use crate::regular_file::{self, LimitedFile, SizeLimit};
use crate::suppress::IgnoreRule;
use crate::text::LineIndex;

/// The name of the configuration file.
pub const CONFIG_FILE_NAME: &str = "termlint.toml";

/// A loaded and validated configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder holding the file; relative paths and globs start here.
    pub root: PathBuf,
    /// Glossary files and folders, resolved against `root`.
    pub glossaries: Vec<PathBuf>,
    /// Whether the built-in glossary is used.
    pub builtin_glossary: bool,
    /// Which files walking may check.
    pub selection: FileSelection,
    /// Document languages.
    pub languages: LanguageRules,
    /// Check severities and the `unlisted` threshold.
    pub checks: CheckSettings,
    /// Whether `inconsistent` judges each document or the whole run.
    pub consistency: ConsistencyScope,
    /// How names inflect, per language.
    pub inflections: Inflections,
    /// The language of source segments whose file does not say it.
    pub source_language: Language,
    /// The language of target segments whose file does not say it; the
    /// document's language when unset.
    pub target_language: Option<Language>,
    /// Read every input in this format (`--format-in`), whatever its name.
    pub format: Option<Format>,
    /// Findings to ignore, by concept or exact phrase, per glob.
    pub ignores: Vec<IgnoreRule>,
    /// Check severities for some files or languages, over `checks`, in
    /// file order (`[[overrides]]`).
    pub overrides: Vec<CheckOverride>,
    /// Report suppression directives that suppress nothing.
    pub report_unused_suppressions: bool,
    /// The least severity a finding needs to fail the run (`fail_on`;
    /// `--fail-on` overrides it): `error` by default.
    pub fail_on: Severity,
    /// Leave out the segments a translation tool has locked.
    pub skip_locked: bool,
    /// Check only the segments not yet confirmed or approved in a
    /// translation tool.
    pub only_unconfirmed: bool,
}

/// The scope within which `inconsistent` wants one spelling per name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConsistencyScope {
    /// Each document on its own.
    #[default]
    Document,
    /// Every document checked in one run, as one.
    Project,
}

impl std::str::FromStr for ConsistencyScope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "document" => Ok(ConsistencyScope::Document),
            "project" => Ok(ConsistencyScope::Project),
            other => Err(other.to_string()),
        }
    }
}

/// Include and exclude globs for files found by walking folders.
#[derive(Clone, Debug, Default)]
pub struct FileSelection {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

/// Document language by glob, with a default.
#[derive(Clone, Debug)]
pub struct LanguageRules {
    default: Language,
    by_glob: Vec<(globset::GlobMatcher, Language)>,
}

/// An `[[overrides]]` table: severities for the documents it picks out.
#[derive(Clone, Debug)]
pub struct CheckOverride {
    /// The files it applies to (relative to the configuration); any when `None`.
    pub files: Option<GlobSet>,
    /// The languages it applies to; any when empty.
    pub languages: Vec<Language>,
    /// The checks it sets, each to a severity or off (`None`).
    pub checks: Vec<(CheckId, Option<Severity>)>,
}

impl CheckOverride {
    /// Whether the override applies to a document at `path` (relative to
    /// the configuration's folder; `None` for standard input) written in
    /// `language`.
    pub fn applies(&self, path: Option<&Path>, language: &Language) -> bool {
        let files = match (&self.files, path) {
            (None, _) => true,
            (Some(globs), Some(path)) => globs.is_match(path.strip_prefix(".").unwrap_or(path)),
            (Some(_), None) => false,
        };
        files && (self.languages.is_empty() || self.languages.iter().any(|l| l.applies_to(language)))
    }

    /// Sets its checks in `settings`.
    pub fn apply(&self, settings: &mut CheckSettings) {
        for &(check, severity) in &self.checks {
            settings.set(check, severity);
        }
    }
}

/// A problem in a configuration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// `path:line:column` of the problem (`path` alone when the file cannot be read).
    pub location: String,
    /// What is wrong.
    pub kind: ConfigErrorKind,
}

/// The kinds of configuration problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigErrorKind {
    /// The file could not be read.
    Unreadable {
        /// The system's reason.
        reason: Message,
    },
    /// Invalid TOML, an unknown key or a value of the wrong type; `detail`
    /// is the TOML parser's own (English) description.
    Syntax {
        /// The TOML parser's description.
        detail: String,
    },
    /// A language tag is not valid BCP 47.
    BadLanguage {
        /// The tag as written.
        tag: String,
    },
    /// A glob does not compile; `detail` is globset's description.
    BadGlob {
        /// The glob as written.
        glob: String,
        /// globset's description.
        detail: String,
    },
    /// `[checks]` names a check that does not exist.
    UnknownCheck {
        /// The name as written.
        check: String,
    },
    /// `[checks]` gives a severity that does not exist.
    UnknownSeverity {
        /// The severity as written.
        severity: String,
    },
    /// `unlisted_threshold` is not between 0 and 1.
    BadThreshold {
        /// The value as written.
        value: String,
    },
    /// `consistency` is neither `document` nor `project`.
    UnknownScope {
        /// The scope as written.
        scope: String,
    },
    /// An `[[overrides]]` table gives neither `files` nor `languages`.
    OverrideWithoutCondition,
    /// `fail_on` is not `error`, `warning` or `info`.
    UnknownFailOn {
        /// The value as written.
        value: String,
    },
}

impl ConfigError {
    /// The message to show.
    pub fn message(&self) -> Message {
        use ConfigErrorKind::*;
        let message = match &self.kind {
            Unreadable { reason } => Message::new("config-unreadable").message("reason", reason.clone()),
            Syntax { detail } => Message::new("config-syntax").text("detail", detail),
            BadLanguage { tag } => Message::new("config-bad-language").text("tag", tag),
            BadGlob { glob, detail } => Message::new("config-bad-glob")
                .text("glob", glob)
                .text("detail", detail),
            UnknownCheck { check } => Message::new("config-unknown-check")
                .text("check", check)
                .text("checks", CheckId::ALL.map(CheckId::as_str).join(", ")),
            UnknownSeverity { severity } => {
                Message::new("config-unknown-severity").text("severity", severity)
            }
            BadThreshold { value } => Message::new("config-bad-threshold").text("value", value),
            UnknownScope { scope } => Message::new("config-unknown-scope").text("scope", scope),
            OverrideWithoutCondition => Message::new("config-override-without-condition"),
            UnknownFailOn { value } => Message::new("config-unknown-fail-on").text("value", value),
        };
        message.text("location", &self.location)
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    glossary: Vec<String>,
    builtin_glossary: Option<bool>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    language: Option<Spanned<String>>,
    #[serde(default)]
    languages: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    checks: BTreeMap<Spanned<String>, Spanned<String>>,
    consistency: Option<Spanned<String>>,
    unlisted_threshold: Option<Spanned<f64>>,
    source_language: Option<Spanned<String>>,
    target_language: Option<Spanned<String>>,
    #[serde(default)]
    inflection: BTreeMap<Spanned<String>, RawInflection>,
    #[serde(default)]
    ignore: Vec<RawIgnore>,
    report_unused_suppressions: Option<bool>,
    skip_locked: Option<bool>,
    only_unconfirmed: Option<bool>,
    #[serde(default)]
    overrides: Vec<Spanned<RawOverride>>,
    // `fail-on` too, as the command line's flag is spelled.
    #[serde(alias = "fail-on")]
    fail_on: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Option<Spanned<RawGlobs>>,
    #[serde(default)]
    languages: Vec<Spanned<String>>,
    #[serde(default)]
    checks: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// A glob, or a list of globs each with its own place in the file.
enum RawGlobs {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for RawGlobs {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawGlobs;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a glob or a list of globs")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawGlobs, E> {
                Ok(RawGlobs::One(value.to_string()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawGlobs, A::Error> {
                let mut globs = Vec::new();
                while let Some(glob) = seq.next_element()? {
                    globs.push(glob);
                }
                Ok(RawGlobs::Many(globs))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    files: Option<Spanned<String>>,
    #[serde(default)]
    concepts: Vec<String>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    checks: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInflection {
    enabled: Option<bool>,
    endings: Option<Vec<String>>,
    replaces: Option<Vec<String>>,
}

fn english() -> Language {
    Language::parse("en").expect("`en` is a valid tag")
}

impl Default for LanguageRules {
    fn default() -> Self {
        LanguageRules {
            default: english(),
            by_glob: Vec::new(),
        }
    }
}

impl LanguageRules {
    /// Rules with only a default language.
    pub fn new(default: Language) -> Self {
        LanguageRules {
            default,
            by_glob: Vec::new(),
        }
    }

    /// Replaces the default language (as `--lang` does).
    pub fn set_default(&mut self, language: Language) {
        self.default = language;
    }

    /// The language of documents no glob matches.
    pub fn default_language(&self) -> &Language {
        &self.default
    }

    /// The language of the document at `path`.
    pub fn language_of(&self, path: &Path) -> &Language {
        self.by_glob
            .iter()
            .find(|(glob, _)| glob.is_match(path))
            .map_or(&self.default, |(_, language)| language)
    }
}

impl LanguageRules {
    /// Whether any glob decides a language (else paths need not be computed).
    pub fn has_globs(&self) -> bool {
        !self.by_glob.is_empty()
    }
}

impl FileSelection {
    /// Whether the selection has any glob (else every file is allowed).
    pub fn is_everything(&self) -> bool {
        self.include.is_none() && self.exclude.is_none()
    }

    /// Whether walking may check `path`.
    pub fn allows(&self, path: &Path) -> bool {
        let path = path.strip_prefix(".").unwrap_or(path);
        self.include.as_ref().is_none_or(|set| set.is_match(path))
            && !self.exclude.as_ref().is_some_and(|set| set.is_match(path))
    }
}

impl Config {
    /// The check settings of a document at `path` (`None` for standard
    /// input) written in `language`: `checks`, with the `[[overrides]]`
    /// that apply to it set over them in file order.
    pub fn checks_for(
        &self,
        path: Option<&Path>,
        language: &Language,
    ) -> std::borrow::Cow<'_, CheckSettings> {
        if self.overrides.is_empty() {
            return std::borrow::Cow::Borrowed(&self.checks);
        }
        let relative = path.map(|path| self.relative_path(path));
        let mut settings = self.checks.clone();
        for rule in &self.overrides {
            if rule.applies(relative.as_deref(), language) {
                rule.apply(&mut settings);
            }
        }
        std::borrow::Cow::Owned(settings)
    }

    /// Whether `check` runs for some document: in `checks` or an override.
    pub fn may_run(&self, check: CheckId) -> bool {
        self.checks.severity(check).is_some()
            || self
                .overrides
                .iter()
                .any(|rule| rule.checks.iter().any(|&(c, s)| c == check && s.is_some()))
    }

    /// `path` relative to the configuration's folder, which is how globs
    /// are matched; paths outside it are returned as they are.
    pub fn relative_path(&self, path: &Path) -> PathBuf {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        absolute
            .strip_prefix(&root)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            root: PathBuf::from("."),
            glossaries: Vec::new(),
            builtin_glossary: true,
            selection: FileSelection::default(),
            languages: LanguageRules::default(),
            checks: CheckSettings::default(),
            consistency: ConsistencyScope::Document,
            inflections: Inflections::default(),
            source_language: english(),
            target_language: None,
            format: None,
            ignores: Vec::new(),
            overrides: Vec::new(),
            report_unused_suppressions: false,
            fail_on: Severity::Error,
            skip_locked: false,
            only_unconfirmed: false,
        }
    }
}

/// Looks for `termlint.toml` in `start` and its ancestors. Whatever is
/// there but a folder counts, so that a `termlint.toml` that cannot be read
/// (a link to a device, a dangling link) is an error rather than ignored.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.symlink_metadata().is_ok() && !candidate.is_dir())
}

/// Reads and validates a configuration file, within the default size limit.
pub fn load_config(path: &Path) -> Result<Config, ConfigError> {
    load_config_limited(path, LimitedFile::Configuration.default_limit().bytes)
}

/// Reads and validates a configuration file of at most `max_bytes`; a FIFO
/// or device is refused as not a regular file.
pub fn load_config_limited(path: &Path, max_bytes: u64) -> Result<Config, ConfigError> {
    let unreadable = |reason| ConfigError {
        location: path.display().to_string(),
        kind: ConfigErrorKind::Unreadable { reason },
    };
    let limit = SizeLimit {
        kind: LimitedFile::Configuration,
        bytes: max_bytes,
    };
    let bytes = regular_file::read(path, Some(limit)).map_err(|error| unreadable(read_reason(&error)))?;
    let text = String::from_utf8(bytes).map_err(|_| unreadable(Message::new("io-invalid-utf8")))?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let root = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    parse_config(&text, &path.display().to_string(), root)
}

/// Parses configuration text; `name` appears in error locations.
///
/// Sections are read in a fixed order and the first problem stops the
/// reading, so a file with several problems always reports the same one.
pub fn parse_config(text: &str, name: &str, root: PathBuf) -> Result<Config, ConfigError> {
    let at = Locator::new(text, name);
    let raw: RawConfig = toml::from_str(text).map_err(|err| {
        let detail = err.message().trim().to_string();
        at.error(err.span().unwrap_or(0..0), ConfigErrorKind::Syntax { detail })
    })?;
    let languages = language_rules(&raw, &at)?;
    let checks = check_settings(&raw, &at)?;
    let consistency = consistency_scope(raw.consistency.as_ref(), &at)?;
    let fail_on = fail_on(raw.fail_on.as_ref(), &at)?;
    let inflections = inflections(&raw.inflection, &at)?;
    let source_language = optional_language(raw.source_language.as_ref(), &at)?.unwrap_or_else(english);
    let target_language = optional_language(raw.target_language.as_ref(), &at)?;
    let ignores = ignore_rules(&raw.ignore, &at)?;
    let overrides = raw
        .overrides
        .iter()
        .map(|table| check_override(table, &at))
        .collect::<Result<_, _>>()?;
    let selection = FileSelection {
        include: glob_set(&raw.include, &at)?,
        exclude: glob_set(&raw.exclude, &at)?,
    };
    Ok(Config {
        glossaries: raw.glossary.iter().map(|p| root.join(p)).collect(),
        builtin_glossary: raw.builtin_glossary.unwrap_or(true),
        selection,
        languages,
        checks,
        consistency,
        inflections,
        source_language,
        target_language,
        format: None,
        ignores,
        overrides,
        report_unused_suppressions: raw.report_unused_suppressions.unwrap_or(false),
        fail_on,
        skip_locked: raw.skip_locked.unwrap_or(false),
        only_unconfirmed: raw.only_unconfirmed.unwrap_or(false),
        root,
    })
}

/// Turns byte spans of the configuration text into error locations.
struct Locator<'a> {
    text: &'a str,
    name: &'a str,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, name: &'a str) -> Self {
        Locator {
            text,
            name,
            lines: LineIndex::new(text),
        }
    }

    /// An error at the start of `span`, as `name:line:column`.
    fn error(&self, span: Range<usize>, kind: ConfigErrorKind) -> ConfigError {
        // The parser's span may start inside a character.
        let mut offset = span.start.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let position = self.lines.position(self.text, offset);
        ConfigError {
            location: format!("{}:{}:{}", self.name, position.line, position.column),
            kind,
        }
    }
}

/// `language` and `[languages]`: the default and the languages by glob.
fn language_rules(raw: &RawConfig, at: &Locator) -> Result<LanguageRules, ConfigError> {
    let default = optional_language(raw.language.as_ref(), at)?.unwrap_or_else(english);
    let by_glob = raw
        .languages
        .iter()
        .map(|(pattern, tag)| Ok((glob(pattern, at)?.compile_matcher(), language(tag, at)?)))
        .collect::<Result<_, ConfigError>>()?;
    Ok(LanguageRules { default, by_glob })
}

/// `[checks]` and `unlisted_threshold`.
fn check_settings(raw: &RawConfig, at: &Locator) -> Result<CheckSettings, ConfigError> {
    let mut checks = CheckSettings::default();
    for (id, level) in &raw.checks {
        checks.set(check_id(id, at)?, severity(level, at)?);
    }
    if let Some(threshold) = &raw.unlisted_threshold {
        checks.unlisted_threshold = unlisted_threshold(threshold, at)?;
    }
    Ok(checks)
}

/// An `[[overrides]]` table, which must give `files` or `languages`.
fn check_override(table: &Spanned<RawOverride>, at: &Locator) -> Result<CheckOverride, ConfigError> {
    let raw = table.get_ref();
    if raw.files.is_none() && raw.languages.is_empty() {
        return Err(at.error(table.span(), ConfigErrorKind::OverrideWithoutCondition));
    }
    let files = match &raw.files {
        None => None,
        Some(globs) => {
            let one;
            let list = match globs.get_ref() {
                RawGlobs::One(pattern) => {
                    one = [Spanned::new(globs.span(), pattern.clone())];
                    &one[..]
                }
                RawGlobs::Many(list) => &list[..],
            };
            match glob_set(list, at)? {
                Some(set) => Some(set),
                // `files = []` picks out no file.
                None => Some(GlobSet::empty()),
            }
        }
    };
    let languages = raw
        .languages
        .iter()
        .map(|tag| language(tag, at))
        .collect::<Result<_, _>>()?;
    let checks = raw
        .checks
        .iter()
        .map(|(id, level)| Ok((check_id(id, at)?, severity(level, at)?)))
        .collect::<Result<_, ConfigError>>()?;
    Ok(CheckOverride {
        files,
        languages,
        checks,
    })
}

/// `consistency`: `document` (the default) or `project`.
fn consistency_scope(scope: Option<&Spanned<String>>, at: &Locator) -> Result<ConsistencyScope, ConfigError> {
    let Some(scope) = scope else {
        return Ok(ConsistencyScope::Document);
    };
    scope
        .get_ref()
        .parse()
        .map_err(|other| at.error(scope.span(), ConfigErrorKind::UnknownScope { scope: other }))
}

/// `[inflection.*]`, each table over the built-in rule of its language.
fn inflections(
    tables: &BTreeMap<Spanned<String>, RawInflection>,
    at: &Locator,
) -> Result<Inflections, ConfigError> {
    let mut inflections = Inflections::default();
    for (tag, table) in tables {
        apply_inflection(&mut inflections, language(tag, at)?, table);
    }
    Ok(inflections)
}

/// `enabled = false` drops the language's rule; a list the table leaves
/// out keeps the built-in one.
fn apply_inflection(inflections: &mut Inflections, language: Language, table: &RawInflection) {
    if table.enabled == Some(false) {
        inflections.remove(&language);
        return;
    }
    let current = inflections.rule_for(&language).cloned();
    let endings = table
        .endings
        .clone()
        .unwrap_or_else(|| current.as_ref().map(|r| r.endings.clone()).unwrap_or_default());
    let replaces = table
        .replaces
        .clone()
        .unwrap_or_else(|| current.as_ref().map(|r| r.replaces.clone()).unwrap_or_default());
    inflections.set(language, &endings, &replaces);
}

/// `[[ignore]]` rules, in file order.
fn ignore_rules(rules: &[RawIgnore], at: &Locator) -> Result<Vec<IgnoreRule>, ConfigError> {
    rules.iter().map(|rule| ignore_rule(rule, at)).collect()
}

fn ignore_rule(rule: &RawIgnore, at: &Locator) -> Result<IgnoreRule, ConfigError> {
    let files = match &rule.files {
        Some(pattern) => Some(glob(pattern, at)?.compile_matcher()),
        None => None,
    };
    let checks = rule
        .checks
        .iter()
        .map(|id| check_id(id, at))
        .collect::<Result<_, _>>()?;
    Ok(IgnoreRule {
        files,
        concepts: rule.concepts.clone(),
        phrases: rule.phrases.clone(),
        checks,
    })
}

/// `include` or `exclude`: `None` when the list is empty (no filter).
fn glob_set(globs: &[Spanned<String>], at: &Locator) -> Result<Option<GlobSet>, ConfigError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for pattern in globs {
        builder.add(glob(pattern, at)?);
    }
    builder.build().map(Some).map_err(|e| {
        let kind = ConfigErrorKind::BadGlob {
            glob: e.glob().unwrap_or_default().to_string(),
            detail: e.kind().to_string(),
        };
        at.error(0..0, kind)
    })
}

/// A language tag, or [`ConfigErrorKind::BadLanguage`] at the tag.
fn language(tag: &Spanned<String>, at: &Locator) -> Result<Language, ConfigError> {
    Language::parse(tag.get_ref()).map_err(|_| {
        let kind = ConfigErrorKind::BadLanguage {
            tag: tag.get_ref().clone(),
        };
        at.error(tag.span(), kind)
    })
}

fn optional_language(tag: Option<&Spanned<String>>, at: &Locator) -> Result<Option<Language>, ConfigError> {
    tag.map(|tag| language(tag, at)).transpose()
}

/// A glob, or [`ConfigErrorKind::BadGlob`] at the glob.
fn glob(pattern: &Spanned<String>, at: &Locator) -> Result<Glob, ConfigError> {
    Glob::new(pattern.get_ref()).map_err(|e| {
        let kind = ConfigErrorKind::BadGlob {
            glob: pattern.get_ref().clone(),
            detail: e.kind().to_string(),
        };
        at.error(pattern.span(), kind)
    })
}

/// A check's name, in `[checks]` or an `[[ignore]]` rule.
fn check_id(id: &Spanned<String>, at: &Locator) -> Result<CheckId, ConfigError> {
    id.get_ref()
        .parse()
        .map_err(|check| at.error(id.span(), ConfigErrorKind::UnknownCheck { check }))
}

/// A check's setting in `[checks]`: a [`Severity`] by its serde name, or
/// `off`.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum CheckLevel {
    Off,
    #[serde(untagged)]
    On(Severity),
}

impl CheckLevel {
    /// The severity the check reports with; `None` when it is off.
    fn severity(self) -> Option<Severity> {
        match self {
            CheckLevel::Off => None,
            CheckLevel::On(severity) => Some(severity),
        }
    }
}

/// A `[checks]` value. Read from the string after parsing (not by the TOML
/// parser) so that a wrong value gets its own message.
fn severity(level: &Spanned<String>, at: &Locator) -> Result<Option<Severity>, ConfigError> {
    let name = level.get_ref().as_str();
    let parsed: Result<CheckLevel, serde::de::value::Error> =
        CheckLevel::deserialize(name.into_deserializer());
    parsed.map(CheckLevel::severity).map_err(|_| {
        let kind = ConfigErrorKind::UnknownSeverity {
            severity: name.to_string(),
        };
        at.error(level.span(), kind)
    })
}

/// `fail_on`: `error` (the default), `warning` or `info`.
fn fail_on(value: Option<&Spanned<String>>, at: &Locator) -> Result<Severity, ConfigError> {
    let Some(value) = value else {
        return Ok(Severity::Error);
    };
    let parsed: Result<Severity, serde::de::value::Error> =
        Severity::deserialize(value.get_ref().as_str().into_deserializer());
    parsed.map_err(|_| {
        let kind = ConfigErrorKind::UnknownFailOn {
            value: value.get_ref().clone(),
        };
        at.error(value.span(), kind)
    })
}

/// `unlisted_threshold`, which must lie between 0 and 1.
fn unlisted_threshold(threshold: &Spanned<f64>, at: &Locator) -> Result<f32, ConfigError> {
    let value = *threshold.get_ref();
    confidence(value).ok_or_else(|| {
        let kind = ConfigErrorKind::BadThreshold {
            value: value.to_string(),
        };
        at.error(threshold.span(), kind)
    })
}

/// `value` as an `unlisted` confidence threshold, if it lies between 0 and
/// 1: the one rule for the configuration and the command line.
pub fn confidence(value: f64) -> Option<f32> {
    (0.0..=1.0).contains(&value).then_some(value as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checks(table: &str) -> Result<CheckSettings, ConfigError> {
        parse_config(&format!("[checks]\n{table}\n"), "t.toml", PathBuf::from("."))
            .map(|config| config.checks)
    }

    #[test]
    fn severities_are_read_by_their_serde_names_or_off() {
        let settings =
            checks("case = \"error\"\ninconsistent = \"info\"\ndeprecated = \"off\"").expect("valid");
        assert_eq!(settings.severity(CheckId::Case), Some(Severity::Error));
        assert_eq!(settings.severity(CheckId::Inconsistent), Some(Severity::Info));
        assert_eq!(settings.severity(CheckId::Deprecated), None);
        let settings = checks("case = \"warning\"").expect("valid");
        assert_eq!(settings.severity(CheckId::Case), Some(Severity::Warning));
    }

    #[test]
    fn an_unknown_severity_is_named_at_its_value() {
        let error = checks("case = \"Error\"").expect_err("invalid");
        assert_eq!(error.location, "t.toml:2:8");
        assert_eq!(
            error.kind,
            ConfigErrorKind::UnknownSeverity {
                severity: "Error".to_string()
            }
        );
    }

    fn config(text: &str) -> Result<Config, ConfigError> {
        parse_config(text, "t.toml", PathBuf::from("/project"))
    }

    fn language(tag: &str) -> Language {
        Language::parse(tag).expect("valid tag")
    }

    #[test]
    fn overrides_apply_in_file_order_to_the_documents_they_pick_out() {
        let config = config(concat!(
            "[checks]\ncase = \"error\"\n",
            "[[overrides]]\nfiles = \"docs/ru/**\"\n[overrides.checks]\nadmitted = \"warning\"\ncase = \"off\"\n",
            "[[overrides]]\nfiles = [\"docs/ru/old/**\", \"x.md\"]\nlanguages = [\"ru\"]\n",
            "[overrides.checks]\ncase = \"info\"\n",
            "[[overrides]]\nlanguages = [\"tg\"]\n[overrides.checks]\nadmitted = \"error\"\n",
        ))
        .expect("valid");
        assert_eq!(config.overrides.len(), 3);
        let (ru, tg, en) = (language("ru-RU"), language("tg"), language("en"));
        let at = |path: &str, language: &Language, check| {
            let path = (!path.is_empty()).then(|| Path::new("/project").join(path));
            config.checks_for(path.as_deref(), language).severity(check)
        };
        // Nothing picks out an English document elsewhere: `[checks]` alone.
        assert_eq!(at("a.md", &en, CheckId::Case), Some(Severity::Error));
        assert_eq!(at("a.md", &en, CheckId::Admitted), None);
        // The first override, by path whatever the language.
        assert_eq!(at("docs/ru/a.md", &en, CheckId::Case), None);
        assert_eq!(
            at("docs/ru/a.md", &en, CheckId::Admitted),
            Some(Severity::Warning)
        );
        // The second needs both its path and its language (`ru` applies to
        // `ru-RU`), and wins over the first for `case` only.
        assert_eq!(at("docs/ru/old/a.md", &en, CheckId::Case), None);
        assert_eq!(at("docs/ru/old/a.md", &ru, CheckId::Case), Some(Severity::Info));
        assert_eq!(
            at("docs/ru/old/a.md", &ru, CheckId::Admitted),
            Some(Severity::Warning)
        );
        assert_eq!(at("x.md", &ru, CheckId::Case), Some(Severity::Info));
        // The third, by language; standard input meets no `files` condition.
        assert_eq!(at("", &tg, CheckId::Admitted), Some(Severity::Error));
        assert_eq!(at("", &ru, CheckId::Case), Some(Severity::Error));
        // `admitted`, off in `[checks]`, runs where an override asks.
        assert!(config.may_run(CheckId::Admitted));
        assert!(!Config::default().may_run(CheckId::Admitted));
    }

    #[test]
    fn fail_on_is_a_severity_spelled_either_way() {
        assert_eq!(config("").expect("empty").fail_on, Severity::Error);
        assert_eq!(
            config("fail_on = \"warning\"\n").expect("valid").fail_on,
            Severity::Warning
        );
        assert_eq!(
            config("fail-on = \"info\"\n").expect("valid").fail_on,
            Severity::Info
        );
        let error = config("language = \"en\"\nfail_on = \"off\"\n").expect_err("off fails nothing");
        assert_eq!(error.location, "t.toml:2:11");
        assert_eq!(
            error.kind,
            ConfigErrorKind::UnknownFailOn {
                value: "off".to_string()
            }
        );
    }

    #[test]
    fn an_override_needs_files_or_languages() {
        let error = config("[checks]\ncase = \"off\"\n\n[[overrides]]\nchecks = { case = \"error\" }\n")
            .expect_err("invalid");
        assert_eq!(error.kind, ConfigErrorKind::OverrideWithoutCondition);
        assert_eq!(error.location, "t.toml:4:1", "at the table's header");
        let error = config("[[overrides]]\nlanguages = []\n[overrides.checks]\ncase = \"off\"\n")
            .expect_err("an empty list is no condition");
        assert_eq!(error.kind, ConfigErrorKind::OverrideWithoutCondition);
    }

    #[test]
    fn an_override_names_known_checks_severities_globs_languages_and_keys() {
        let error = config("[[overrides]]\nfiles = \"a/**\"\n[overrides.checks]\nadmited = \"off\"\n")
            .expect_err("unknown check");
        assert_eq!(error.location, "t.toml:4:1");
        assert_eq!(
            error.kind,
            ConfigErrorKind::UnknownCheck {
                check: "admited".to_string()
            }
        );
        let error = config("[[overrides]]\nfiles = \"a/**\"\n[overrides.checks]\ncase = \"loud\"\n")
            .expect_err("unknown severity");
        assert_eq!(error.location, "t.toml:4:8");
        let error = config("[[overrides]]\nfiles = [\"ok/**\", \"a/[b\"]\n").expect_err("bad glob");
        assert_eq!(error.location, "t.toml:2:19");
        assert!(matches!(&error.kind, ConfigErrorKind::BadGlob { glob, .. } if glob == "a/[b"));
        let error = config("[[overrides]]\nfiles = \"a/[b\"\n").expect_err("bad glob");
        assert_eq!(error.location, "t.toml:2:9");
        let error = config("[[overrides]]\nlanguages = [\"en\", \"!!\"]\n").expect_err("bad language");
        assert_eq!(error.location, "t.toml:2:20");
        let error = config("[[overrides]]\nfile = \"a/**\"\n").expect_err("unknown key");
        assert!(matches!(&error.kind, ConfigErrorKind::Syntax { detail } if detail.contains("file")));
        assert_eq!(error.location, "t.toml:2:1");
        let error = config("[[overrides]]\nfiles = 3\n").expect_err("a number is no glob");
        assert!(matches!(&error.kind, ConfigErrorKind::Syntax { detail } if detail.contains("glob")));
    }
}
