//! termlint: a multilingual glossary and terminology checker.
//!
//! The library does all the work and returns data; the `termlint` binary
//! only parses arguments, loads configuration and renders results.
//!
//! ```
//! use termlint::{check::CheckId, document::Format, glossary::GlossaryLoader, lang::Language};
//! use termlint::{config::Config, lint::Linter, matcher::Matcher};
//!
//! let mut loader = GlossaryLoader::new().without_builtin();
//! loader.add_source("example.toml", r#"
//!     [[concept]]
//!     id = "kerman"
//!     [concept.lang.en]
//!     preferred = "Kerman"
//!     deprecated = ["Kirman"]
//! "#.to_string());
//! let linter = Linter::new(Matcher::new(loader.load().unwrap()).unwrap(), Config::default());
//! let english = Language::parse("en").unwrap();
//! let findings = linter.check_text("From Kirman to Kermanshah.", Format::Text, &english).unwrap();
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].check, CheckId::Deprecated);
//! assert_eq!(findings[0].range, 5..11);
//! assert_eq!(findings[0].suggestion.as_deref(), Some("Kerman"));
//! ```
//!
//! Modules, from the leaves up: [`regular_file`] (reading files whole),
//! [`text`] (folding, boundaries, positions), [`lang`] and [`i18n`];
//! [`glossary`]; [`matcher`] and [`document`]; [`check`]; [`config`] and
//! [`lint`]; [`report`].

#![warn(missing_docs)]

pub mod cache;
pub mod check;
pub mod config;
pub mod document;
pub mod fix;
pub mod glossary;
pub mod i18n;
pub mod inflection;
pub mod lang;
pub mod lint;
pub mod matcher;
pub mod names;
pub mod orthography;
pub mod regular_file;
pub mod report;
pub mod selftest;
pub mod suggest;
pub mod suppress;
pub mod terms;
pub mod text;
pub mod translit;
pub mod unlisted;
pub mod wordlist;
