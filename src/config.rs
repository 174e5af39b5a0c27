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
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::check::{CheckId, CheckSettings, Severity};
use crate::document::Format;
use crate::i18n::{io_reason, Message};
use crate::inflection::Inflections;
use crate::lang::Language;
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
    /// Report suppression directives that suppress nothing.
    pub report_unused_suppressions: bool,
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
    Unreadable { reason: Message },
    /// Invalid TOML, an unknown key or a value of the wrong type; `detail`
    /// is the TOML parser's own (English) description.
    Syntax { detail: String },
    /// A language tag is not valid BCP 47.
    BadLanguage { tag: String },
    /// A glob does not compile; `detail` is globset's description.
    BadGlob { glob: String, detail: String },
    /// `[checks]` names a check that does not exist.
    UnknownCheck { check: String },
    /// `[checks]` gives a severity that does not exist.
    UnknownSeverity { severity: String },
    /// `unlisted_threshold` is not between 0 and 1.
    BadThreshold { value: String },
    /// `consistency` is neither `document` nor `project`.
    UnknownScope { scope: String },
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
            report_unused_suppressions: false,
        }
    }
}

/// Looks for `termlint.toml` in `start` and its ancestors.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads and validates a configuration file.
pub fn load_config(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
        location: path.display().to_string(),
        kind: ConfigErrorKind::Unreadable {
            reason: io_reason(&err),
        },
    })?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let root = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    parse_config(&text, &path.display().to_string(), root)
}

/// Parses configuration text; `name` appears in error locations.
pub fn parse_config(text: &str, name: &str, root: PathBuf) -> Result<Config, ConfigError> {
    let lines = LineIndex::new(text);
    let error = |span: std::ops::Range<usize>, kind: ConfigErrorKind| {
        let mut offset = span.start.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let position = lines.position(text, offset);
        ConfigError {
            location: format!("{name}:{}:{}", position.line, position.column),
            kind,
        }
    };
    let raw: RawConfig = toml::from_str(text).map_err(|err| {
        let detail = err.message().trim().to_string();
        error(err.span().unwrap_or(0..0), ConfigErrorKind::Syntax { detail })
    })?;
    let parse_language = |tag: &Spanned<String>| {
        Language::parse(tag.get_ref()).map_err(|_| {
            let kind = ConfigErrorKind::BadLanguage {
                tag: tag.get_ref().clone(),
            };
            error(tag.span(), kind)
        })
    };
    let mut languages = LanguageRules::default();
    if let Some(tag) = &raw.language {
        languages.default = parse_language(tag)?;
    }
    for (glob, tag) in &raw.languages {
        let matcher = compile_glob(glob).map_err(|kind| error(glob.span(), kind))?;
        languages
            .by_glob
            .push((matcher.compile_matcher(), parse_language(tag)?));
    }
    let mut checks = CheckSettings::default();
    for (id, severity) in &raw.checks {
        let check: CheckId = id
            .get_ref()
            .parse()
            .map_err(|check| error(id.span(), ConfigErrorKind::UnknownCheck { check }))?;
        let severity = match severity.get_ref().as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "off" => None,
            other => {
                let kind = ConfigErrorKind::UnknownSeverity {
                    severity: other.to_string(),
                };
                return Err(error(severity.span(), kind));
            }
        };
        checks.set(check, severity);
    }
    if let Some(threshold) = &raw.unlisted_threshold {
        let value = *threshold.get_ref();
        if !(0.0..=1.0).contains(&value) {
            return Err(error(
                threshold.span(),
                ConfigErrorKind::BadThreshold {
                    value: value.to_string(),
                },
            ));
        }
        checks.unlisted_threshold = value as f32;
    }
    let consistency = match &raw.consistency {
        Some(scope) => scope
            .get_ref()
            .parse()
            .map_err(|other| error(scope.span(), ConfigErrorKind::UnknownScope { scope: other }))?,
        None => ConsistencyScope::Document,
    };
    let mut inflections = Inflections::default();
    for (tag, rule) in &raw.inflection {
        let language = parse_language(tag)?;
        if rule.enabled == Some(false) {
            inflections.remove(&language);
            continue;
        }
        let current = inflections.rule_for(&language).cloned();
        let endings = rule
            .endings
            .clone()
            .unwrap_or_else(|| current.as_ref().map(|r| r.endings.clone()).unwrap_or_default());
        let replaces = rule
            .replaces
            .clone()
            .unwrap_or_else(|| current.as_ref().map(|r| r.replaces.clone()).unwrap_or_default());
        inflections.set(language, &endings, &replaces);
    }
    let source_language = match &raw.source_language {
        Some(tag) => parse_language(tag)?,
        None => english(),
    };
    let target_language = raw.target_language.as_ref().map(parse_language).transpose()?;
    let mut ignores = Vec::new();
    for rule in &raw.ignore {
        let files = match &rule.files {
            Some(glob) => Some(
                compile_glob(glob)
                    .map_err(|kind| error(glob.span(), kind))?
                    .compile_matcher(),
            ),
            None => None,
        };
        let mut checks = Vec::new();
        for id in &rule.checks {
            let check: CheckId = id
                .get_ref()
                .parse()
                .map_err(|unknown| error(id.span(), ConfigErrorKind::UnknownCheck { check: unknown }))?;
            checks.push(check);
        }
        ignores.push(IgnoreRule {
            files,
            concepts: rule.concepts.clone(),
            phrases: rule.phrases.clone(),
            checks,
        });
    }
    let glob_set = |globs: &[Spanned<String>]| -> Result<Option<GlobSet>, ConfigError> {
        if globs.is_empty() {
            return Ok(None);
        }
        let mut builder = GlobSetBuilder::new();
        for glob in globs {
            builder.add(compile_glob(glob).map_err(|kind| error(glob.span(), kind))?);
        }
        builder.build().map(Some).map_err(|e| {
            let kind = ConfigErrorKind::BadGlob {
                glob: e.glob().unwrap_or_default().to_string(),
                detail: e.kind().to_string(),
            };
            error(0..0, kind)
        })
    };
    Ok(Config {
        glossaries: raw.glossary.iter().map(|p| root.join(p)).collect(),
        builtin_glossary: raw.builtin_glossary.unwrap_or(true),
        selection: FileSelection {
            include: glob_set(&raw.include)?,
            exclude: glob_set(&raw.exclude)?,
        },
        languages,
        checks,
        consistency,
        inflections,
        source_language,
        target_language,
        format: None,
        ignores,
        report_unused_suppressions: raw.report_unused_suppressions.unwrap_or(false),
        root,
    })
}

fn compile_glob(glob: &Spanned<String>) -> Result<Glob, ConfigErrorKind> {
    Glob::new(glob.get_ref()).map_err(|e| ConfigErrorKind::BadGlob {
        glob: glob.get_ref().clone(),
        detail: e.kind().to_string(),
    })
}
