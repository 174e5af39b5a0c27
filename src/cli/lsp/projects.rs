//! The configuration and glossary of each open document, and their reload.
//!
//! A document is governed by the `termlint.toml` found by walking up from
//! its folder (or `--config`, or none with `--no-config`); each such file
//! gets one linter, built on first use and kept. When a configuration or
//! glossary file changes, every linter is built again; one that fails keeps
//! its previous glossary, and the errors are returned for the client to show.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use termlint::config::{find_config, Config, CONFIG_FILE_NAME};
use termlint::i18n::Message;
use termlint::lang::Language;
use termlint::lint::Linter;

use crate::cli::{read_config, GlossaryArgs};

/// What a document is checked with.
pub struct Project {
    /// The configuration, for document languages and formats.
    pub config: Config,
    /// The compiled glossary and settings.
    pub linter: Linter,
}

impl Project {
    /// The language of the document at `path`: the configuration's glob
    /// for it, else the default (`en` unless the configuration says).
    pub fn language_of(&self, path: Option<&Path>) -> &Language {
        match path {
            Some(path) => self
                .config
                .languages
                .language_of(&self.config.relative_path(path)),
            None => self.config.languages.default_language(),
        }
    }
}

/// The linters built so far, by configuration file (`None`: no file).
pub struct Projects {
    args: GlossaryArgs,
    /// The workspace folder, for documents that are not files.
    root: Option<PathBuf>,
    built: HashMap<Option<PathBuf>, Option<Project>>,
}

impl Projects {
    /// No linter built yet; glossaries and configuration as `args` say.
    pub fn new(args: GlossaryArgs, root: Option<PathBuf>) -> Self {
        Projects {
            args,
            root,
            built: HashMap::new(),
        }
    }

    /// Sets the workspace folder.
    pub fn set_root(&mut self, root: Option<PathBuf>) {
        self.root = root;
    }

    /// The project of the document at `path`, built if it is the first
    /// document of its configuration; the errors of a failed build are
    /// returned once, and the documents of that configuration go unchecked
    /// until a reload succeeds.
    pub fn project_for(&mut self, path: Option<&Path>) -> (Option<&Project>, Vec<Message>) {
        let key = self.config_path(path);
        let mut errors = Vec::new();
        if !self.built.contains_key(&key) {
            let project = build(&self.args, key.as_deref()).map_err(|e| errors = e).ok();
            self.built.insert(key.clone(), project);
        }
        (self.built.get(&key).and_then(Option::as_ref), errors)
    }

    /// The configuration file governing `path`.
    fn config_path(&self, path: Option<&Path>) -> Option<PathBuf> {
        if self.args.no_config {
            return None;
        }
        if let Some(config) = &self.args.config {
            return Some(std::path::absolute(config).unwrap_or_else(|_| config.clone()));
        }
        let start = path.and_then(Path::parent).or(self.root.as_deref())?;
        find_config(start)
    }

    /// Whether a change to `path` calls for a reload: it is a configuration
    /// file, or a glossary file or folder some project reads (or a file in
    /// such a folder).
    pub fn is_watched(&self, path: &Path) -> bool {
        let path = normalize(path);
        if path.file_name().is_some_and(|n| n == CONFIG_FILE_NAME)
            || self.args.config.as_deref().is_some_and(|c| normalize(c) == path)
        {
            return true;
        }
        self.glossary_paths().any(|glossary| path.starts_with(glossary))
    }

    fn glossary_paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        let from_configs = self
            .built
            .values()
            .flatten()
            .flat_map(|p| p.config.glossaries.iter());
        from_configs.chain(&self.args.glossaries).map(|p| normalize(p))
    }

    /// Builds every project again; one that fails keeps its previous
    /// linter. Configurations that no longer exist are forgotten. Returns
    /// the errors.
    pub fn reload(&mut self) -> Vec<Message> {
        self.built
            .retain(|key, _| key.as_deref().is_none_or(Path::is_file));
        let mut errors = Vec::new();
        for (key, slot) in &mut self.built {
            match build(&self.args, key.as_deref()) {
                Ok(project) => *slot = Some(project),
                Err(messages) => errors.extend(messages),
            }
        }
        errors
    }
}

/// Loads a configuration (or the defaults) and its glossary.
fn build(args: &GlossaryArgs, config: Option<&Path>) -> Result<Project, Vec<Message>> {
    let config = match config {
        Some(path) => read_config(path)?,
        None => Config::default(),
    };
    let linter = args.build_linter(config.clone())?;
    Ok(Project { config, linter })
}

/// `path` made absolute with symbolic links resolved, as far as it exists
/// (a deleted file keeps its name under its resolved folder).
fn normalize(path: &Path) -> PathBuf {
    if let Ok(path) = std::fs::canonicalize(path) {
        return path;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => {
            std::fs::canonicalize(parent).map_or(absolute.clone(), |p| p.join(name))
        }
        _ => absolute,
    }
}
