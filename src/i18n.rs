//! Interface messages: every sentence termlint shows to a person comes from a
//! Fluent file `locales/<tag>/termlint.ftl`, embedded in the binary (the
//! build script lists the folders, so a new locale needs no code).
//!
//! Library types that carry something to say (errors, findings) describe it as
//! a [`Message`]: a message id and its arguments, never a finished string, so
//! any locale can render it.
//!
//! # Choosing the language
//!
//! [`ui_locale`] takes the first of `--ui-lang`, `TERMLINT_UI_LANG`, `LC_ALL`,
//! `LC_MESSAGES` and `LANG` that is set and not empty, reads POSIX forms
//! (`ru_RU.UTF-8`, `sr_RS@latin`; `C` and `POSIX` mean the fallback), and
//! negotiates it with fluent-langneg against the built-in locales
//! (`fa-IR` → `fa`, `tg-Cyrl-TJ` → `tg`, anything unknown → `en-US`).
//! A message missing from a locale is rendered from `en-US`.
//!
//! # Numbers
//!
//! fluent-bundle formats numbers with Rust's `to_string` in every locale. A
//! custom formatter ([`NumberStyle`]) writes them as CLDR's default number
//! system does: `1,234` in English, `1 234` (no-break space) in Russian and
//! Tajik, and `۱٬۲۳۴` with Extended Arabic-Indic digits in Persian, which is
//! what Persian readers expect in a sentence. Positions that editors parse
//! (`path:line:column` in the diagnostic header) and every machine format
//! keep ASCII digits, because they are not rendered through Fluent numbers.
//! Plural selection always sees the number itself.
//!
//! # Bidirectional text
//!
//! Fluent can wrap every placeable in FSI … PDI (U+2068 … U+2069) so that a
//! left-to-right term inside a right-to-left sentence keeps its place. Those
//! marks are invisible where the bidi algorithm runs and show as boxes or
//! nothing in terminals that do not run it. Fluent's blanket isolation is
//! therefore off, and termlint isolates an argument only where it helps: a
//! text argument that holds a strong character of the *other* direction than
//! the interface language (a Latin term or path in a Persian sentence, a
//! Persian or Arabic term in a Russian or English one). A Persian interface
//! is only readable in a terminal that runs the bidi algorithm, where the
//! marks do their work; an English or Russian sentence quoting English or
//! Russian terms gets no marks at all. Machine formats (JSON) use
//! [`Localizer::with_isolation`]`(false)`: their consumers isolate when they
//! display. Terms are inserted exactly as written, in their own script.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::regular_file::ReadError;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The locale every other one falls back to.
pub const FALLBACK_LOCALE: &str = "en-US";

/// The environment variables that choose the interface language, in order
/// of precedence (after `--ui-lang`).
pub const UI_LANG_VARIABLES: [&str; 4] = ["TERMLINT_UI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// First strong isolate: starts an isolated run of text.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate: ends the run started by [`FSI`].
pub const PDI: char = '\u{2069}';

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text, shown as is (and isolated when its direction differs).
    Text(String),
    /// A count or other number (drives plural selection).
    Number(usize),
    /// Another message, rendered in the same locale first.
    Message(Box<Message>),
}

/// Something to say: a Fluent message id and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The Fluent message id.
    pub id: &'static str,
    /// Named arguments.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Self {
        Message { id, args: Vec::new() }
    }

    /// Adds a text argument.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a numeric argument.
    pub fn number(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((name, Arg::Number(value)));
        self
    }

    /// Adds an argument that is itself a message.
    pub fn message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, Arg::Message(Box::new(value))));
        self
    }

    /// Adds an argument that is either text or a message.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }
}

impl std::fmt::Display for Message {
    /// Renders the message in the fallback locale.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Localizer::fallback().render(self))
    }
}

/// Why a message could not be rendered in a locale on its own.
#[derive(Debug)]
pub enum RenderError {
    /// The locale has no such message (or no such attribute).
    Missing(String),
    /// Fluent reported errors (an unknown variable, a bad reference, …).
    Fluent(String, Vec<FluentError>),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Missing(id) => write!(f, "no message `{id}`"),
            RenderError::Fluent(id, errors) => write!(f, "`{id}`: {errors:?}"),
        }
    }
}

/// Renders messages in one locale, falling back to `en-US` message by message.
pub struct Localizer {
    tag: &'static str,
    language: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
    isolate: bool,
    right_to_left: bool,
}

impl Localizer {
    /// The localizer for the built-in locale `tag`, or the fallback when it
    /// is not built in. Isolation of arguments is on (see the module docs).
    pub fn new(tag: &str) -> Self {
        let (tag, source) = LOCALES
            .iter()
            .find(|(t, _)| *t == tag)
            .or_else(|| LOCALES.iter().find(|(t, _)| *t == FALLBACK_LOCALE))
            .copied()
            .unwrap_or((FALLBACK_LOCALE, ""));
        let language: LanguageIdentifier = tag.parse().unwrap_or_default();
        let fallback = (tag != FALLBACK_LOCALE).then(|| Localizer::new(FALLBACK_LOCALE).bundle);
        Localizer {
            tag,
            right_to_left: language.character_direction() == CharacterDirection::RTL,
            bundle: bundle(&language, source),
            language,
            fallback,
            isolate: true,
        }
    }

    /// Turns the isolation of arguments on or off (off for machine formats).
    pub fn with_isolation(mut self, isolate: bool) -> Self {
        self.isolate = isolate;
        self
    }

    /// The shared fallback localizer.
    pub fn fallback() -> &'static Localizer {
        static FALLBACK: OnceLock<Localizer> = OnceLock::new();
        FALLBACK.get_or_init(|| Localizer::new(FALLBACK_LOCALE).with_isolation(false))
    }

    /// The tag of the locale, as built in (`ru`, `en-US`).
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// The language of the locale.
    pub fn language(&self) -> &LanguageIdentifier {
        &self.language
    }

    /// Renders `message`; a message this locale lacks comes from `en-US`,
    /// and an id no locale has renders as the id itself.
    pub fn render(&self, message: &Message) -> String {
        self.try_render(message).unwrap_or_else(|_| {
            let args = self.fluent_args(&message.args);
            self.fallback
                .as_ref()
                .and_then(|fallback| format(fallback, message.id, &args).ok())
                .unwrap_or_else(|| message.id.to_string())
        })
    }

    /// An argument as text of its own: a message is rendered, text and
    /// numbers are written as they are.
    pub fn render_arg(&self, arg: &Arg) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Number(n) => n.to_string(),
            Arg::Message(message) => self.render(message),
        }
    }

    /// Renders `message` from this locale alone, failing when the locale
    /// lacks it or Fluent reports an error. Tests use it to catch gaps.
    pub fn try_render(&self, message: &Message) -> Result<String, RenderError> {
        format(&self.bundle, message.id, &self.fluent_args(&message.args))
    }

    fn fluent_args(&self, args: &[(&'static str, Arg)]) -> FluentArgs<'static> {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value: FluentValue = match value {
                Arg::Text(text) => FluentValue::String(Cow::Owned(self.isolated(text))),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(message) => FluentValue::String(Cow::Owned(self.render(message))),
            };
            fluent_args.set(*name, value);
        }
        fluent_args
    }

    /// `text`, wrapped in FSI … PDI when it holds a strong character of the
    /// other direction than the interface (see the module docs).
    fn isolated(&self, text: &str) -> String {
        let foreign = if self.right_to_left {
            text.chars().any(is_strong_ltr)
        } else {
            text.chars().any(is_strong_rtl)
        };
        if self.isolate && foreign {
            format!("{FSI}{text}{PDI}")
        } else {
            text.to_string()
        }
    }
}

fn bundle(language: &LanguageIdentifier, source: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![language.clone()]);
    // termlint isolates arguments itself, only where it helps (module docs).
    bundle.set_use_isolating(false);
    // NUMBER() lets a message turn grouping off (positions: `1234:5`).
    let _ = bundle.add_builtins();
    bundle.set_formatter(Some(match NumberStyle::of(language) {
        NumberStyle::LATIN_COMMA => format_latin_comma,
        NumberStyle::LATIN_SPACE => format_latin_space,
        _ => format_persian,
    }));
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) => resource,
        // A broken built-in file is caught by the test suite; at run time
        // keep what parsed rather than fail.
        Err((resource, _errors)) => resource,
    };
    // Duplicate ids are also caught by tests; keep the first definition.
    let _ = bundle.add_resource(resource);
    bundle
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: &FluentArgs<'static>,
) -> Result<String, RenderError> {
    let pattern = bundle
        .get_message(id)
        .and_then(|message| message.value())
        .ok_or_else(|| RenderError::Missing(id.to_string()))?;
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .into_owned();
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(RenderError::Fluent(id.to_string(), errors))
    }
}

/// Whether `c` is a strong right-to-left character (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms).
fn is_strong_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
        && c.is_alphabetic()
}

/// Whether `c` is a strong left-to-right character (a letter of any other script).
fn is_strong_ltr(c: char) -> bool {
    c.is_alphabetic() && !is_strong_rtl(c)
}

/// How a locale writes numbers: CLDR's default number system and symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// The digit zero; the other digits follow it in Unicode.
    pub zero: char,
    /// The grouping separator (thousands).
    pub group: &'static str,
    /// The decimal separator.
    pub decimal: &'static str,
}

impl NumberStyle {
    /// `1,234.5` (English and the default).
    pub const LATIN_COMMA: NumberStyle = NumberStyle {
        zero: '0',
        group: ",",
        decimal: ".",
    };
    /// `1 234,5` with a no-break space (Russian, Tajik).
    pub const LATIN_SPACE: NumberStyle = NumberStyle {
        zero: '0',
        group: "\u{a0}",
        decimal: ",",
    };
    /// `۱٬۲۳۴٫۵` (Persian: Extended Arabic-Indic digits).
    pub const PERSIAN: NumberStyle = NumberStyle {
        zero: '\u{6f0}',
        group: "\u{66c}",
        decimal: "\u{66b}",
    };

    /// The style of a language.
    pub fn of(language: &LanguageIdentifier) -> NumberStyle {
        match language.language.as_str() {
            "ru" | "tg" => NumberStyle::LATIN_SPACE,
            "fa" => NumberStyle::PERSIAN,
            _ => NumberStyle::LATIN_COMMA,
        }
    }

    /// Writes a Fluent number in this style, honouring `useGrouping`.
    pub fn format(&self, number: &FluentNumber) -> String {
        let plain = number.as_string();
        let (integer, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
        let (sign, digits) = integer.strip_prefix('-').map_or(("", integer), |d| ("-", d));
        let mut out = String::from(sign);
        for (i, digit) in digits.chars().enumerate() {
            let left = digits.len() - i;
            if number.options.use_grouping && i > 0 && left % 3 == 0 {
                out.push_str(self.group);
            }
            out.push(self.digit(digit));
        }
        if !fraction.is_empty() {
            out.push_str(self.decimal);
            out.extend(fraction.chars().map(|d| self.digit(d)));
        }
        out
    }

    fn digit(&self, ascii: char) -> char {
        ascii
            .to_digit(10)
            .and_then(|d| char::from_u32(self.zero as u32 + d))
            .unwrap_or(ascii)
    }
}

fn format_number(value: &FluentValue, style: NumberStyle) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(style.format(number)),
        _ => None,
    }
}

fn format_latin_comma<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, NumberStyle::LATIN_COMMA)
}

fn format_latin_space<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, NumberStyle::LATIN_SPACE)
}

fn format_persian<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, NumberStyle::PERSIAN)
}

/// Why an I/O operation failed, in words of the interface: the common kinds
/// have messages of their own; any other keeps the system's text.
pub fn io_reason(error: &std::io::Error) -> Message {
    match error.kind() {
        std::io::ErrorKind::NotFound => Message::new("io-not-found"),
        std::io::ErrorKind::PermissionDenied => Message::new("io-permission-denied"),
        std::io::ErrorKind::InvalidData => Message::new("io-invalid-utf8"),
        _ => Message::new("io-other").text("detail", error.to_string()),
    }
}

/// Why a file was not read whole ([`crate::regular_file::read`]): not a
/// regular file, over its kind's limit (naming the variable that sets it),
/// or the system's reason.
pub fn read_reason(error: &ReadError) -> Message {
    match error {
        ReadError::NotRegular => Message::new("io-not-regular"),
        ReadError::TooLarge(limit) => Message::new("io-too-large")
            .text("limit", limit.to_string())
            .text("variable", limit.kind.variable()),
        ReadError::Io(error) => io_reason(error),
    }
}

/// The tags of the built-in locales, sorted.
pub fn available_locales() -> impl Iterator<Item = &'static str> {
    LOCALES.iter().map(|(tag, _)| *tag)
}

/// The Fluent source of a built-in locale.
pub fn locale_source(tag: &str) -> Option<&'static str> {
    LOCALES.iter().find(|(t, _)| *t == tag).map(|(_, source)| *source)
}

/// The name of a built-in locale in its own language (`Русский`).
pub fn native_name(tag: &str) -> String {
    Localizer::new(tag)
        .with_isolation(false)
        .render(&Message::new("language-name"))
}

/// The built-in locale to speak: the first of `flag` (`--ui-lang`) and the
/// variables of [`UI_LANG_VARIABLES`] (read through `env`) that is set and
/// not empty, negotiated against the built-in locales.
pub fn ui_locale(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> &'static str {
    let requested = flag
        .map(str::to_string)
        .into_iter()
        .chain(UI_LANG_VARIABLES.iter().filter_map(|name| env(name)))
        .find(|value| !value.trim().is_empty());
    requested
        .as_deref()
        .and_then(parse_locale)
        .map_or(FALLBACK_LOCALE, |language| negotiate(&language))
}

/// Reads a BCP 47 tag or a POSIX locale name (`ru_RU.UTF-8`, `sr_RS@latin`).
/// `C` and `POSIX` (with or without a codeset) name no language.
pub fn parse_locale(raw: &str) -> Option<LanguageIdentifier> {
    let (name, modifier) = raw.trim().split_once('@').unwrap_or((raw.trim(), ""));
    let name = name.split_once('.').map_or(name, |(name, _codeset)| name);
    if name.is_empty() || name.eq_ignore_ascii_case("c") || name.eq_ignore_ascii_case("posix") {
        return None;
    }
    let mut language: LanguageIdentifier = name.replace('_', "-").parse().ok()?;
    let script = match modifier {
        "latin" => "Latn".parse().ok(),
        "cyrillic" => "Cyrl".parse().ok(),
        _ => None,
    };
    if script.is_some() {
        language.script = script;
    }
    Some(language)
}

/// The built-in locale that best serves `requested` (fluent-langneg's
/// lookup, which knows likely subtags), or the fallback.
pub fn negotiate(requested: &LanguageIdentifier) -> &'static str {
    let available: Vec<LanguageIdentifier> = available_locales().filter_map(|t| t.parse().ok()).collect();
    let default: LanguageIdentifier = FALLBACK_LOCALE.parse().unwrap_or_default();
    let chosen = negotiate_languages(
        &[requested],
        &available,
        Some(&default),
        NegotiationStrategy::Lookup,
    );
    let chosen = chosen.first().map(|l| l.to_string());
    available_locales()
        .find(|tag| Some(*tag) == chosen.as_deref())
        .unwrap_or(FALLBACK_LOCALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn negotiates_regions_scripts_and_unknown_languages() {
        let pick = |raw: &str| parse_locale(raw).map_or(FALLBACK_LOCALE, |l| negotiate(&l));
        assert_eq!(pick("fa-IR"), "fa");
        assert_eq!(pick("tg-Cyrl-TJ"), "tg");
        assert_eq!(pick("ru_RU.UTF-8"), "ru");
        assert_eq!(pick("en_GB.UTF-8"), "en-US");
        assert_eq!(pick("de-DE"), "en-US");
        assert_eq!(pick("C.UTF-8"), "en-US");
        assert_eq!(pick("POSIX"), "en-US");
        assert_eq!(pick("ru_RU.KOI8-R@euro"), "ru");
    }

    #[test]
    fn the_flag_wins_then_the_variables_in_order() {
        let all = env(&[
            ("TERMLINT_UI_LANG", "fa"),
            ("LC_ALL", "ru_RU.UTF-8"),
            ("LANG", "tg_TJ"),
        ]);
        assert_eq!(ui_locale(Some("tg"), &all), "tg");
        assert_eq!(ui_locale(None, &all), "fa");
        assert_eq!(
            ui_locale(
                None,
                env(&[("LC_ALL", ""), ("LC_MESSAGES", "ru_RU"), ("LANG", "fa")])
            ),
            "ru"
        );
        assert_eq!(ui_locale(None, env(&[("LANG", "tg_TJ.UTF-8")])), "tg");
        assert_eq!(
            ui_locale(None, env(&[("LC_ALL", "C"), ("LANG", "ru_RU")])),
            "en-US"
        );
        assert_eq!(ui_locale(None, env(&[])), "en-US");
    }

    #[test]
    fn numbers_follow_the_locale() {
        let number = |n: f64| FluentNumber::new(n, Default::default());
        assert_eq!(NumberStyle::LATIN_COMMA.format(&number(1234567.0)), "1,234,567");
        assert_eq!(NumberStyle::LATIN_SPACE.format(&number(12345.0)), "12\u{a0}345");
        assert_eq!(NumberStyle::PERSIAN.format(&number(1024.0)), "۱٬۰۲۴");
        assert_eq!(NumberStyle::PERSIAN.format(&number(7.0)), "۷");
        let mut ungrouped = number(12345.0);
        ungrouped.options.use_grouping = false;
        assert_eq!(NumberStyle::LATIN_SPACE.format(&ungrouped), "12345");
    }

    #[test]
    fn arguments_are_isolated_only_against_the_interface_direction() {
        let latin = Message::new("file-binary").text("path", "notes.md");
        let persian = Message::new("error-glossary-not-found").text("query", "قاسم سلیمانی");
        let fa = Localizer::new("fa");
        assert!(fa.render(&latin).contains(&format!("{FSI}notes.md{PDI}")));
        assert!(
            !fa.render(&persian).contains(FSI),
            "Persian in Persian needs no isolation"
        );
        assert!(!fa.with_isolation(false).render(&latin).contains(FSI));
        let ru = Localizer::new("ru");
        assert!(
            !ru.render(&latin).contains(FSI),
            "Latin in Russian needs no isolation"
        );
        assert!(ru.render(&persian).contains(&format!("{FSI}قاسم سلیمانی{PDI}")));
    }

    #[test]
    fn a_missing_message_falls_back_to_english_but_not_in_try_render() {
        let ru = Localizer::new("ru");
        let message = Message::new("no-such-message");
        assert!(matches!(ru.try_render(&message), Err(RenderError::Missing(_))));
        assert_eq!(ru.render(&message), "no-such-message");
    }
}
