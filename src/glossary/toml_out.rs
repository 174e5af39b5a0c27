//! Writing concepts as termlint TOML, in the layout README.md documents:
//! loading the output gives the same concepts (locations aside).

use std::fmt::Write;

use toml_writer::{ToTomlKey, ToTomlValue, TomlKeyBuilder, TomlStringBuilder};

use super::model::{Concept, Example, LanguageTerms, Status, Term, TermType};

/// The concepts as a glossary TOML file.
pub fn to_toml(concepts: &[Concept]) -> String {
    let mut out = String::new();
    for (i, concept) in concepts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_concept(&mut out, concept);
    }
    out
}

fn write_concept(out: &mut String, concept: &Concept) {
    out.push_str("[[concept]]\n");
    let _ = writeln!(out, "id = {}", string(&concept.id));
    if let Some(kind) = concept.kind {
        let _ = writeln!(out, "kind = {}", string(kind.name()));
    }
    if let Some(unlisted) = concept.unlisted {
        let _ = writeln!(out, "unlisted = {unlisted}");
    }
    if let Some(domain) = &concept.domain {
        let _ = writeln!(out, "domain = {}", string(domain));
    }
    if let Some(note) = &concept.note {
        let _ = writeln!(out, "note = {}", string(note));
    }
    if !concept.sources.is_empty() {
        let sources: Vec<String> = concept.sources.iter().map(|s| string(s)).collect();
        let _ = writeln!(out, "source = [{}]", sources.join(", "));
    }
    for language in &concept.languages {
        write_language(out, language);
    }
}

fn write_language(out: &mut String, language: &LanguageTerms) {
    let _ = writeln!(out, "\n[concept.lang.{}]", key(&language.language.to_string()));
    let _ = writeln!(out, "preferred = {}", term(language.preferred()));
    for (name, status) in [("admitted", Status::Admitted), ("deprecated", Status::Deprecated)] {
        let terms: Vec<String> = language
            .terms
            .iter()
            .filter(|t| t.status == status)
            .map(term)
            .collect();
        if !terms.is_empty() {
            let _ = writeln!(out, "{name} = [{}]", terms.join(", "));
        }
    }
    let examples = &language.examples;
    let lists: Vec<String> = [("flagged", &examples.flagged), ("clean", &examples.clean)]
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(name, list)| format!("{name} = [{}]", sentences(list)))
        .collect();
    if !lists.is_empty() {
        let _ = writeln!(out, "examples = {{ {} }}", lists.join(", "));
    }
}

fn sentences(examples: &[Example]) -> String {
    let quoted: Vec<String> = examples.iter().map(|e| string(&e.text)).collect();
    quoted.join(", ")
}

/// A term as a plain string, or as an inline table when it has attributes.
fn term(term: &Term) -> String {
    let mut attributes = Vec::new();
    if term.term_type != TermType::Full {
        attributes.push(format!("type = {}", string(term.term_type.name())));
    }
    if term.case_sensitive {
        attributes.push("case_sensitive = true".to_string());
    }
    if let Some(note) = &term.note {
        attributes.push(format!("note = {}", string(note)));
    }
    if attributes.is_empty() {
        string(&term.text)
    } else {
        format!("{{ term = {}, {} }}", string(&term.text), attributes.join(", "))
    }
}

/// A TOML basic string on one line: line breaks are escaped, as inline
/// tables need (the writer's default would choose literal or multi-line forms).
fn string(text: &str) -> String {
    TomlStringBuilder::new(text).as_basic().to_toml_value()
}

/// A table key: bare when it can be, else quoted.
fn key(text: &str) -> String {
    TomlKeyBuilder::new(text).as_default().to_toml_key()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::GlossaryLoader;

    fn reload(text: &str) -> String {
        let mut loader = GlossaryLoader::new().without_builtin();
        loader.add_source("g.toml", text.to_string());
        to_toml(loader.load().expect("loads").concepts())
    }

    #[test]
    fn written_toml_loads_to_the_same_concepts() {
        let text = r#"[[concept]]
id = "iskp"
kind = "organization"
domain = "security"
note = "line one\nline \"two\""
source = ["https://example.org/a", "b"]

[concept.lang.en]
preferred = "Islamic State Khorasan Province"
admitted = [{ term = "ISKP", type = "acronym", case_sensitive = true }, "IS-K"]
deprecated = [{ term = "ISIS Khorasan", note = "old" }]
examples = { flagged = ["The ISIS Khorasan said."], clean = ["ISKP said."] }

[concept.lang.fa-IR]
preferred = "داعش خراسان"
"#;
        assert_eq!(reload(text), text);
        assert_eq!(reload(&reload(text)), text);
    }

    #[test]
    fn strings_stay_on_one_line_with_control_characters_escaped() {
        assert_eq!(
            string("a \"b\" \\ c\td\r\ne\u{1}\u{7f}к"),
            r#""a \"b\" \\ c\td\r\ne\u0001\u007Fк""#
        );
        assert_eq!(string("Kabul"), r#""Kabul""#);
        assert_eq!(key("fa-IR"), "fa-IR");
    }
}
