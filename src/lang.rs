//! Language tags (BCP 47): parsing, canonical form, and which glossary
//! languages apply to a document's language.

use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

use crate::i18n::Message;

/// A canonical BCP 47 language tag such as `en`, `tg-Cyrl` or `uz-Latn`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(LanguageIdentifier);

/// A language tag that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLanguageTag(pub String);

impl BadLanguageTag {
    /// The message to show.
    pub fn message(&self) -> Message {
        Message::new("error-bad-language").text("tag", &self.0)
    }
}

impl fmt::Display for BadLanguageTag {
    /// Renders the message in the fallback locale.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for BadLanguageTag {}

impl Language {
    /// Parses and canonicalises a tag (`EN_us` → `en-US`). The POSIX forms
    /// `C` and `POSIX` are not language tags and are rejected.
    pub fn parse(tag: &str) -> Result<Self, BadLanguageTag> {
        let trimmed = tag.trim();
        if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("c") || trimmed.eq_ignore_ascii_case("posix") {
            return Err(BadLanguageTag(tag.to_string()));
        }
        LanguageIdentifier::from_str(trimmed)
            .map(Language)
            .map_err(|_| BadLanguageTag(tag.to_string()))
    }

    /// The underlying identifier.
    pub fn id(&self) -> &LanguageIdentifier {
        &self.0
    }

    /// Whether terms tagged `self` apply to a document written in `document`:
    /// every subtag of `self` must equal the document's, where a document
    /// without a script gets its likely script (`uz` → `uz-Latn`). So `tg`
    /// applies to `tg-Cyrl` and `en` to `en-GB`, but `uz-Latn` not to `uz-Cyrl`.
    pub fn applies_to(&self, document: &Language) -> bool {
        let (term, doc) = (&self.0, &document.0);
        if term.language != doc.language {
            return false;
        }
        if let Some(script) = term.script {
            let doc_script = doc.script.or_else(|| {
                let mut likely = doc.clone();
                likely.maximize();
                likely.script
            });
            if doc_script != Some(script) {
                return false;
            }
        }
        if let Some(region) = term.region {
            if doc.region != Some(region) {
                return false;
            }
        }
        term.variants()
            .all(|variant| doc.variants().any(|v| v == variant))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Serialized as its tag (for the compiled-glossary cache).
impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Language::parse(&tag).map_err(|err| serde::de::Error::custom(err.0))
    }
}

impl FromStr for Language {
    type Err = BadLanguageTag;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Language {
        Language::parse(tag).unwrap()
    }

    #[test]
    fn canonicalises() {
        assert_eq!(lang("EN_us").to_string(), "en-US");
        assert_eq!(lang("tg-cyrl").to_string(), "tg-Cyrl");
        assert!(Language::parse("en US").is_err());
        assert!(Language::parse("").is_err());
        assert!(Language::parse("C").is_err());
    }

    #[test]
    fn applies_by_subtag_prefix_with_likely_script() {
        assert!(lang("tg").applies_to(&lang("tg-Cyrl")));
        assert!(lang("en").applies_to(&lang("en-GB")));
        assert!(lang("uz-Latn").applies_to(&lang("uz")));
        assert!(!lang("uz-Latn").applies_to(&lang("uz-Cyrl")));
        assert!(!lang("en-GB").applies_to(&lang("en")));
        assert!(!lang("fa").applies_to(&lang("ar")));
    }
}
