//! The compiled-glossary cache: a large glossary is parsed, validated and
//! compiled once, and later runs read the compiled [`Matcher`] back.
//!
//! # Why it is safe
//! * The key is a BLAKE3 hash of everything the compiled glossary depends
//!   on: the cache format, the termlint executable (its path, size and
//!   modification time, so that any other build has its own entries, the
//!   built-in glossary included), whether the built-in glossary is used, the
//!   inflection rules, and every glossary source's name, format and full
//!   text. Editing a glossary file gives a new key; nothing is ever
//!   "invalidated" in place.
//! * An entry is written to a temporary file in the cache folder and renamed
//!   into place, so a reader sees a whole entry or none, even with runs in
//!   parallel.
//! * Reading checks the key stored in the entry, lets daachorse validate the
//!   automaton and checks every index of the tables ([`Matcher::from_bytes`]);
//!   anything wrong and the glossary is simply compiled again.
//! * Only glossaries of at least [`MIN_CACHED_SOURCE_BYTES`] are cached
//!   (smaller ones compile faster than a cache entry is read), and the
//!   folder keeps the [`MAX_ENTRIES`] newest entries.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::glossary::GlossaryLoader;
use crate::inflection::Inflections;
use crate::matcher::Matcher;

/// Glossary sources smaller than this are compiled every run.
pub const MIN_CACHED_SOURCE_BYTES: usize = 512 * 1024;

/// How many entries the cache folder keeps (the newest).
pub const MAX_ENTRIES: usize = 8;

/// Bumped whenever the layout of [`Matcher::write_to`] changes.
const FORMAT: &[u8] = b"termlint compiled glossary 3\n";

/// Entry files are named by their key and end in this.
const EXTENSION: &str = "tlc";

/// A folder of compiled glossaries.
#[derive(Clone, Debug)]
pub struct GlossaryCache {
    dir: PathBuf,
}

/// What identifies one compiled glossary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheKey(blake3::Hash);

impl CacheKey {
    fn file_name(&self) -> String {
        format!("{}.{EXTENSION}", self.0.to_hex())
    }
}

impl GlossaryCache {
    /// A cache in `dir` (created when the first entry is stored).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        GlossaryCache { dir: dir.into() }
    }

    /// The default folder: `$TERMLINT_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/termlint`, else `$HOME/.cache/termlint`.
    pub fn default_dir() -> Option<PathBuf> {
        let from_env = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        from_env("TERMLINT_CACHE_DIR")
            .or_else(|| from_env("XDG_CACHE_HOME").map(|dir| dir.join("termlint")))
            .or_else(|| from_env("HOME").map(|home| home.join(".cache").join("termlint")))
    }

    /// The folder of this cache.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of what `loader` would load, compiled with `inflections`;
    /// `None` when the glossary is too small to be worth caching or a
    /// source could not be read (loading will report it).
    pub fn key(loader: &GlossaryLoader, inflections: &Inflections) -> Option<CacheKey> {
        let size: usize = loader.sources().map(|(_, text, _)| text.len()).sum();
        if size < MIN_CACHED_SOURCE_BYTES || loader.has_errors() {
            return None;
        }
        let mut hasher = blake3::Hasher::new();
        hasher.update(FORMAT);
        hasher.update(executable_identity().as_bytes());
        hasher.update(&[u8::from(loader.includes_builtin())]);
        hash_field(&mut hasher, format!("{inflections:?}").as_bytes());
        for (name, text, format) in loader.sources() {
            hash_field(&mut hasher, name.as_bytes());
            hash_field(&mut hasher, format!("{format:?}").as_bytes());
            hash_field(&mut hasher, text.as_bytes());
        }
        Some(CacheKey(hasher.finalize()))
    }

    /// The compiled glossary stored under `key`, if there is a sound one.
    /// The entry is read section by section, never whole.
    pub fn load(&self, key: &CacheKey) -> Option<Matcher> {
        let mut file = std::fs::File::open(self.dir.join(key.file_name())).ok()?;
        let metadata = file.metadata().ok()?;
        if !metadata.is_file() {
            return None;
        }
        let mut header = vec![0; FORMAT.len() + key.0.as_bytes().len()];
        file.read_exact(&mut header).ok()?;
        if header.strip_prefix(FORMAT)? != key.0.as_bytes() {
            return None;
        }
        let available = metadata.len().checked_sub(header.len() as u64)?;
        Matcher::read_from(std::io::BufReader::new(file), available)
    }

    /// Stores `matcher` under `key`, then drops the oldest entries beyond
    /// [`MAX_ENTRIES`]. A failure leaves the cache as it was.
    pub fn store(&self, key: &CacheKey, matcher: &Matcher) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        file.write_all(FORMAT)?;
        file.write_all(key.0.as_bytes())?;
        let mut writer = std::io::BufWriter::new(&mut file);
        matcher.write_to(&mut writer)?;
        writer.flush()?;
        drop(writer);
        file.persist(self.dir.join(key.file_name()))
            .map_err(|err| err.error)?;
        self.prune();
        Ok(())
    }

    /// Removes the oldest entries beyond [`MAX_ENTRIES`]; best effort.
    fn prune(&self) {
        let Ok(listing) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut entries: Vec<(std::time::SystemTime, PathBuf)> = listing
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == EXTENSION))
            .filter_map(|path| Some((path.metadata().ok()?.modified().ok()?, path)))
            .collect();
        if entries.len() <= MAX_ENTRIES {
            return;
        }
        entries.sort();
        for (_, path) in &entries[..entries.len() - MAX_ENTRIES] {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Hashes a length-prefixed field, so that field boundaries are unambiguous.
fn hash_field(hasher: &mut blake3::Hasher, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// What tells this build of termlint from any other: the executable's path,
/// size and modification time (and the crate version when it is unknown).
fn executable_identity() -> String {
    let version = env!("CARGO_PKG_VERSION");
    let Ok(path) = std::env::current_exe() else {
        return version.to_string();
    };
    let metadata = path.metadata().ok();
    let size = metadata.as_ref().map(|m| m.len());
    let modified = metadata.and_then(|m| m.modified().ok());
    format!("{version} {} {size:?} {modified:?}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big_loader(note: &str) -> GlossaryLoader {
        let mut text = String::new();
        let mut n = 0;
        while text.len() < MIN_CACHED_SOURCE_BYTES {
            text.push_str(&format!(
                "[[concept]]\nid = \"c{n}\"\nnote = \"{note}\"\n[concept.lang.en]\npreferred = \"Name{n} Qasimov\"\ndeprecated = [\"Name{n} Kasimov\"]\n\n"
            ));
            n += 1;
        }
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("big.toml", text);
        loader
    }

    fn mentions(matcher: &Matcher, text: &str) -> Vec<(std::ops::Range<usize>, usize, usize)> {
        let english = crate::lang::Language::parse("en").unwrap();
        let filter = matcher.language_filter(&english);
        matcher
            .find(text, std::slice::from_ref(&(0..text.len())), &filter)
            .into_iter()
            .map(|m| (m.range, m.concept, m.term))
            .collect()
    }

    /// The key and the compiled matcher of `big_loader(note)`.
    fn compiled(note: &str) -> (CacheKey, Matcher) {
        let inflections = Inflections::default();
        let loader = big_loader(note);
        let key = GlossaryCache::key(&loader, &inflections).unwrap();
        let matcher = Matcher::with_inflections(loader.load().unwrap(), &inflections).unwrap();
        (key, matcher)
    }

    #[test]
    fn a_stored_glossary_reads_back_and_finds_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GlossaryCache::at(dir.path().join("cache"));
        let (key, built) = compiled("a");
        assert!(cache.load(&key).is_none());
        cache.store(&key, &built).unwrap();
        let read = cache.load(&key).unwrap();
        let text = "Name7 Kasimov met Name12 Qasimov and Name7 Qasimova.";
        assert_eq!(mentions(&read, text), mentions(&built, text));
        assert_eq!(mentions(&read, text), [(0..13, 7, 1), (18..32, 12, 0)]);
        assert_eq!(read.glossary().concept("c12").unwrap().note.as_deref(), Some("a"));
    }

    #[test]
    fn any_change_of_a_source_or_the_rules_changes_the_key() {
        let inflections = Inflections::default();
        let a = GlossaryCache::key(&big_loader("a"), &inflections).unwrap();
        assert_eq!(
            GlossaryCache::key(&big_loader("a"), &inflections),
            Some(a.clone())
        );
        assert_ne!(
            GlossaryCache::key(&big_loader("b"), &inflections),
            Some(a.clone())
        );
        let no_inflection = Inflections::none();
        assert_ne!(GlossaryCache::key(&big_loader("a"), &no_inflection), Some(a));
    }

    #[test]
    fn small_glossaries_are_not_cached() {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("small.toml", "[[concept]]\nid = \"x\"\n".into());
        assert_eq!(GlossaryCache::key(&loader, &Inflections::default()), None);
    }

    #[test]
    fn damaged_entries_are_refused_or_still_sound() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GlossaryCache::at(dir.path());
        let (key, built) = compiled("a");
        cache.store(&key, &built).unwrap();
        let path = dir.path().join(key.file_name());
        let good = std::fs::read(&path).unwrap();
        let with = |bytes: &[u8]| {
            std::fs::write(&path, bytes).unwrap();
            cache.load(&key)
        };
        assert!(with(&good[..good.len() / 2]).is_none(), "cut short");
        let flipped = |at: usize| {
            let mut bytes = good.clone();
            bytes[at] ^= 0xff;
            bytes
        };
        assert!(with(&flipped(FORMAT.len() + 5)).is_none(), "another key");
        let first_length = FORMAT.len() + key.0.as_bytes().len();
        assert!(with(&flipped(first_length + 3)).is_none(), "a length");
        let mut longer = good.clone();
        longer.push(0);
        assert!(with(&longer).is_none(), "bytes after the last section");
        // Within the tables or an automaton: refused, or (a flipped byte of
        // a note) a matcher whose mentions still lie inside the text.
        let text = "Name7 Kasimov met Name12 Qasimov.";
        for at in [FORMAT.len() + 40, good.len() / 2, good.len() - 100] {
            if let Some(matcher) = with(&flipped(at)) {
                assert!(mentions(&matcher, text)
                    .iter()
                    .all(|(r, _, _)| text.get(r.clone()).is_some()));
            }
        }
    }

    #[test]
    fn the_folder_keeps_only_the_newest_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GlossaryCache::at(dir.path());
        let (key, built) = compiled("a");
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for n in 0..MAX_ENTRIES + 3 {
            let path = dir.path().join(format!("{n:064}.{EXTENSION}"));
            std::fs::write(&path, b"old").unwrap();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
        cache.store(&key, &built).unwrap();
        let count = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(count, MAX_ENTRIES);
        assert!(cache.load(&key).is_some());
    }
}
