//! Interface messages: every sentence termlint shows to a person comes from a
//! Fluent file under `locales/`, embedded in the binary.
//!
//! Library types that carry something to say (errors, findings) describe it as
//! a [`Message`]: a message id and its arguments, never a finished string, so
//! any locale can render it.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The locales built into the binary: tag and Fluent source.
const LOCALES: &[(&str, &str)] = &[("en-US", include_str!("../locales/en-US/termlint.ftl"))];

/// The locale every other one falls back to.
pub const FALLBACK_LOCALE: &str = "en-US";

/// An argument of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text, shown as is.
    Text(String),
    /// A count or other number (drives plural selection).
    Number(usize),
}

/// Something to say: a Fluent message id and its arguments.
#[derive(Clone, Debug, PartialEq)]
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
}

impl std::fmt::Display for Message {
    /// Renders the message in the fallback locale.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Localizer::fallback().render(self))
    }
}

/// Renders messages in one locale.
pub struct Localizer {
    bundle: FluentBundle<FluentResource>,
}

impl Localizer {
    /// The localizer for `locale`, or the fallback when it is not built in.
    pub fn new(locale: &str) -> Self {
        let (tag, source) = LOCALES
            .iter()
            .find(|(tag, _)| *tag == locale)
            .unwrap_or(&LOCALES[0]);
        let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks would garble terminals and machine formats; this
        // locale is left-to-right, so they bring nothing here.
        bundle.set_use_isolating(false);
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            // A broken built-in file is caught by the test suite; at run time
            // keep what parsed rather than fail.
            Err((resource, _errors)) => resource,
        };
        // Duplicate ids are also caught by tests; keep the first definition.
        let _ = bundle.add_resource(resource);
        Localizer { bundle }
    }

    /// The shared fallback localizer.
    pub fn fallback() -> &'static Localizer {
        static FALLBACK: OnceLock<Localizer> = OnceLock::new();
        FALLBACK.get_or_init(|| Localizer::new(FALLBACK_LOCALE))
    }

    /// Renders `message`; an unknown id renders as the id itself.
    pub fn render(&self, message: &Message) -> String {
        self.format(message.id, None, &message.args)
    }

    /// Renders an attribute of a message (`id.attribute`).
    pub fn render_attribute(&self, id: &str, attribute: &str) -> String {
        self.format(id, Some(attribute), &[])
    }

    fn format(&self, id: &str, attribute: Option<&str>, args: &[(&'static str, Arg)]) -> String {
        let Some(message) = self.bundle.get_message(id) else {
            return id.to_string();
        };
        let pattern = match attribute {
            Some(name) => message.get_attribute(name).map(|a| a.value()),
            None => message.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value: FluentValue = match value {
                Arg::Text(text) => FluentValue::String(Cow::Owned(text.clone())),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// The tags of the built-in locales.
pub fn available_locales() -> impl Iterator<Item = &'static str> {
    LOCALES.iter().map(|(tag, _)| *tag)
}
