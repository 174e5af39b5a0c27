//! The interface locales under `locales/`: every file parses, every locale
//! has exactly the messages, attributes and variables of `en-US`, every
//! message renders in every locale without falling back, and every message
//! id the code uses exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use termlint::i18n::{available_locales, locale_source, Localizer, Message, RenderError, FALLBACK_LOCALE};

/// Message or attribute key (`id` or `id.attribute`) → variables it uses.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Every locale folder on disk: tag and the text of its `termlint.ftl`.
fn locale_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(locales_dir())
        .expect("locales/ exists")
        .map(|entry| entry.expect("readable entry"))
        .map(|entry| {
            let tag = entry.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(entry.path().join("termlint.ftl"))
                .unwrap_or_else(|err| panic!("locales/{tag}/termlint.ftl: {err}"));
            (tag, text)
        })
        .collect();
    files.sort();
    files
}

fn parse(tag: &str, text: &str) -> ast::Resource<String> {
    fluent_syntax::parser::parse(text.to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{tag}/termlint.ftl does not parse: {errors:?}"))
}

/// The messages, attributes and variables of a locale; panics on duplicates
/// and on terms (termlint's files use messages only).
fn shape(tag: &str, resource: &ast::Resource<String>) -> Shape {
    let mut shape = Shape::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name.clone();
                if let Some(value) = &message.value {
                    insert(&mut shape, tag, id.clone(), variables(value));
                }
                for attribute in &message.attributes {
                    let key = format!("{id}.{}", attribute.id.name);
                    insert(&mut shape, tag, key, variables(&attribute.value));
                }
            }
            ast::Entry::Term(term) => panic!("{tag}: unexpected term -{}", term.id.name),
            ast::Entry::Junk { content } => panic!("{tag}: junk {content:?}"),
            _ => {}
        }
    }
    shape
}

fn insert(shape: &mut Shape, tag: &str, key: String, variables: BTreeSet<String>) {
    assert!(
        shape.insert(key.clone(), variables).is_none(),
        "{tag}: `{key}` is defined twice"
    );
}

fn variables(pattern: &ast::Pattern<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    collect_pattern(pattern, &mut found);
    found
}

fn collect_pattern(pattern: &ast::Pattern<String>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, found);
        }
    }
}

fn collect_expression(expression: &ast::Expression<String>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, found);
            for variant in variants {
                collect_pattern(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, found),
    }
}

fn collect_inline(inline: &ast::InlineExpression<String>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.clone());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, found);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, found),
        _ => {}
    }
}

fn shapes() -> BTreeMap<String, Shape> {
    locale_files()
        .into_iter()
        .map(|(tag, text)| {
            let shape = shape(&tag, &parse(&tag, &text));
            (tag, shape)
        })
        .collect()
}

#[test]
fn every_locale_file_parses_without_errors() {
    let files = locale_files();
    assert!(files.len() >= 4, "en-US, ru, fa and tg at least: {files:?}");
    for (tag, text) in &files {
        parse(tag, text);
    }
}

#[test]
fn every_locale_has_exactly_the_messages_and_variables_of_en_us() {
    let shapes = shapes();
    let reference = &shapes[FALLBACK_LOCALE];
    let mut problems = Vec::new();
    for (tag, shape) in &shapes {
        for (key, variables) in reference {
            match shape.get(key) {
                None => problems.push(format!("{tag}: missing `{key}`")),
                Some(found) if found != variables => {
                    problems.push(format!("{tag}: `{key}` uses {found:?}, en-US uses {variables:?}"))
                }
                Some(_) => {}
            }
        }
        for key in shape.keys().filter(|key| !reference.contains_key(*key)) {
            problems.push(format!("{tag}: `{key}` is not in en-US"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_binary_embeds_every_locale_folder_as_it_is_on_disk() {
    let on_disk: Vec<String> = locale_files().into_iter().map(|(tag, _)| tag).collect();
    let embedded: Vec<String> = available_locales().map(str::to_string).collect();
    assert_eq!(embedded, on_disk);
    for (tag, text) in locale_files() {
        assert_eq!(
            locale_source(&tag),
            Some(text.as_str()),
            "{tag} is embedded as on disk"
        );
    }
}

/// `id` as a message with every variable of en-US set to `n`.
fn sample(id: &str, variables: &BTreeSet<String>, n: usize) -> Message {
    let mut message = Message::new(Box::leak(id.to_string().into_boxed_str()));
    for name in variables {
        message = message.number(Box::leak(name.clone().into_boxed_str()), n);
    }
    message
}

#[test]
fn every_message_renders_in_every_locale_without_fallback() {
    let reference = shapes().remove(FALLBACK_LOCALE).expect("en-US");
    let mut problems = Vec::new();
    for tag in available_locales() {
        let localizer = Localizer::new(tag);
        assert_eq!(localizer.tag(), tag);
        for (key, variables) in reference.iter().filter(|(key, _)| !key.contains('.')) {
            // 0, 1, 2, 5 and 21 walk every plural branch of ru, fa and tg.
            for n in [0, 1, 2, 5, 21] {
                match localizer.try_render(&sample(key, variables, n)) {
                    Ok(text) if text.trim().is_empty() && key != "io-other" => {
                        problems.push(format!("{tag}: `{key}` renders empty"))
                    }
                    Ok(_) => {}
                    Err(RenderError::Missing(id)) => problems.push(format!("{tag}: `{id}` falls back")),
                    Err(err) => problems.push(format!("{tag}: {err}")),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every string literal in `src/` that looks like a message id
/// (`finding-…`, `cli-…`, …).
fn message_ids_in_code() -> BTreeSet<String> {
    const PREFIXES: [&str; 13] = [
        "lsp-",
        "finding-",
        "summary",
        "file-",
        "io-",
        "glossary-",
        "config-",
        "error-",
        "kind-",
        "severity-",
        "cli-",
        "concept-",
        "language-",
    ];
    let mut ids = BTreeSet::new();
    let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder)
            .expect("src/ is readable")
            .map(Result::unwrap)
        {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            let code = code.split("#[cfg(test)]").next().unwrap_or_default();
            for literal in code.split('"').skip(1).step_by(2) {
                let is_id = literal.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && PREFIXES.iter().any(|prefix| literal.starts_with(prefix))
                    && literal.len() > 6;
                if is_id {
                    ids.insert(literal.to_string());
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_id_in_the_code_exists_in_en_us() {
    let reference = shapes().remove(FALLBACK_LOCALE).expect("en-US");
    let ids = message_ids_in_code();
    assert!(
        ids.contains("finding-deprecated") && ids.contains("cli-arg-help"),
        "{ids:?}"
    );
    let missing: Vec<&String> = ids.iter().filter(|id| !reference.contains_key(*id)).collect();
    assert!(
        missing.is_empty(),
        "ids used in src/ but missing from en-US: {missing:?}"
    );
}

fn summary(tag: &str, findings: usize, errors: usize, files: usize) -> String {
    let message = Message::new("summary")
        .number("findings", findings)
        .number("errors", errors)
        .number("warnings", findings - errors)
        .number("infos", 0)
        .number("files", files)
        .number("unreadable", 0);
    Localizer::new(tag).try_render(&message).expect("summary renders")
}

#[test]
fn counts_take_the_plural_forms_and_digits_of_each_language() {
    assert_eq!(
        summary("en-US", 1, 1, 1),
        "1 finding (1 error, 0 warnings) in 1 file"
    );
    assert_eq!(
        summary("en-US", 0, 0, 2),
        "no findings (0 errors, 0 warnings) in 2 files"
    );
    assert_eq!(
        summary("ru", 1, 1, 1),
        "1 замечание (1 ошибка, 0 предупреждений) в 1 файле"
    );
    assert_eq!(
        summary("ru", 3, 2, 5),
        "3 замечания (2 ошибки, 1 предупреждение) в 5 файлах"
    );
    assert_eq!(
        summary("ru", 25, 21, 21),
        "25 замечаний (21 ошибка, 4 предупреждения) в 21 файле"
    );
    assert_eq!(
        summary("ru", 0, 0, 1),
        "замечаний нет (0 ошибок, 0 предупреждений) в 1 файле"
    );
    assert_eq!(summary("fa", 3, 2, 5), "۳ یافته (۲ خطا، ۱ هشدار) در ۵ فایل");
    assert_eq!(summary("fa", 0, 0, 1), "بدون یافته (۰ خطا، ۰ هشدار) در ۱ فایل");
    assert_eq!(summary("tg", 3, 2, 5), "3 бозёфт (2 хато, 1 огоҳӣ) дар 5 файл");
    assert_eq!(
        summary("tg", 12345, 12345, 1),
        "12\u{a0}345 бозёфт (12\u{a0}345 хато, 0 огоҳӣ) дар 1 файл"
    );
}

#[test]
fn positions_in_sentences_are_not_grouped() {
    let message = Message::new("file-invalid-utf8")
        .text("path", "a.txt")
        .number("line", 12345)
        .number("column", 7);
    let en = Localizer::new("en-US").try_render(&message).unwrap();
    assert!(en.contains("12345:7"), "{en}");
    let fa = Localizer::new("fa")
        .with_isolation(false)
        .try_render(&message)
        .unwrap();
    assert!(fa.contains("سطر ۱۲۳۴۵، ستون ۷"), "{fa}");
}
