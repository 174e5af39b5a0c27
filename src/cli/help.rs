//! Localized `--help`: the interface language is chosen from the raw
//! arguments and the environment before clap parses anything, then every
//! about text, argument help and heading of the clap command is replaced by
//! its message. clap's own usage line (`[OPTIONS]`, value names) and its
//! parse errors stay as clap writes them: clap has no way to translate them.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};
use termlint::i18n::{Localizer, Message};

/// The message of each subcommand's about text, by command name.
const COMMAND_ABOUT: &[(&str, &str)] = &[
    ("termlint", "cli-about"),
    ("check", "cli-check-about"),
    ("lsp", "cli-lsp-about"),
    ("glossary", "cli-glossary-about"),
    ("list", "cli-glossary-list-about"),
    ("show", "cli-glossary-show-about"),
    ("test", "cli-glossary-test-about"),
    ("suggest", "cli-glossary-suggest-about"),
    ("terms", "cli-glossary-terms-about"),
    ("init", "cli-init-about"),
    ("import", "cli-glossary-import-about"),
    ("export", "cli-glossary-export-about"),
    ("merge", "cli-merge-about"),
];

/// The message of each argument's help, by clap argument id.
const ARG_HELP: &[(&str, &str)] = &[
    ("ui_lang", "cli-arg-ui-lang"),
    ("list_ui_langs", "cli-arg-list-ui-langs"),
    ("paths", "cli-arg-paths"),
    ("lang", "cli-arg-lang"),
    ("source_lang", "cli-arg-source-lang"),
    ("target_lang", "cli-arg-target-lang"),
    ("format_in", "cli-arg-format-in"),
    ("fix", "cli-arg-fix"),
    ("fix_unlisted", "cli-arg-fix-unlisted"),
    ("diff", "cli-arg-diff"),
    ("report_unused_suppressions", "cli-arg-report-unused-suppressions"),
    ("preferred_only", "cli-arg-preferred-only"),
    ("skip_locked", "cli-arg-skip-locked"),
    ("only_unconfirmed", "cli-arg-only-unconfirmed"),
    ("files_from", "cli-arg-files-from"),
    ("format", "cli-arg-format"),
    ("quiet", "cli-arg-quiet"),
    ("statistics", "cli-arg-statistics"),
    ("glossaries", "cli-arg-glossary"),
    ("no_default_glossary", "cli-arg-no-default-glossary"),
    ("no_cache", "cli-arg-no-cache"),
    ("config", "cli-arg-config"),
    ("no_config", "cli-arg-no-config"),
    ("id_or_term", "cli-arg-id-or-term"),
    ("unlisted_threshold", "cli-arg-unlisted-threshold"),
    ("consistency", "cli-arg-consistency"),
    ("fail_on", "cli-arg-fail-on"),
    ("project_usage", "cli-arg-project-usage"),
    ("files", "cli-arg-usage-files"),
    ("strict", "cli-arg-strict"),
    ("file", "cli-arg-import-file"),
    ("to", "cli-arg-export-to"),
    ("terms_format", "cli-arg-terms-format"),
    ("min_count", "cli-arg-min-count"),
    ("output", "cli-arg-output"),
    ("stdio", "cli-arg-stdio"),
    ("help", "cli-arg-help"),
    ("version", "cli-arg-version"),
];

/// The value of `--ui-lang` (`--ui-lang TAG` or `--ui-lang=TAG`) in the raw
/// arguments, before `--`.
pub fn ui_lang_flag(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--ui-lang" {
            return args.next().map(|value| value.into_owned());
        }
        if let Some(value) = arg.strip_prefix("--ui-lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// `command` with every help text from `localizer`.
pub fn localized(command: Command, localizer: &Localizer) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(localizer, "cli-usage-heading")
    );
    let command = command
        .disable_version_flag(true)
        .arg(flag("version", 'V', ArgAction::Version));
    localize(command, localizer, &template)
}

fn localize(mut command: Command, localizer: &Localizer, template: &str) -> Command {
    if let Some(id) = lookup(COMMAND_ABOUT, command.get_name()) {
        command = command.about(text(localizer, id));
    }
    command = command
        .help_template(template.to_string())
        .subcommand_help_heading(text(localizer, "cli-commands-heading"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(flag("help", 'h', ArgAction::Help));
    let ids: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        command = command.mut_arg(id, |arg| localize_arg(arg, localizer));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| localize(sub, localizer, template));
    }
    command
}

fn localize_arg(arg: Arg, localizer: &Localizer) -> Arg {
    let heading = if arg.is_positional() {
        "cli-arguments-heading"
    } else {
        "cli-options-heading"
    };
    let help = lookup(ARG_HELP, arg.get_id().as_str()).map(|id| text(localizer, id));
    let mut arg = arg.help_heading(text(localizer, heading));
    if arg.get_action().takes_values() {
        // The help text names the values and the default in words.
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    match help {
        Some(help) => arg.help(help),
        None => arg,
    }
}

/// `-h/--help` or `-V/--version`, replacing clap's English ones.
fn flag(id: &'static str, short: char, action: ArgAction) -> Arg {
    Arg::new(id).short(short).long(id).action(action)
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, id)| *id)
}

fn text(localizer: &Localizer, id: &'static str) -> String {
    localizer.render(&Message::new(id))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn all_commands(command: &Command) -> Vec<&Command> {
        let mut all = vec![command];
        for sub in command.get_subcommands() {
            all.extend(all_commands(sub));
        }
        all
    }

    #[test]
    fn every_command_and_argument_has_a_message() {
        let command = super::super::Cli::command();
        for command in all_commands(&command) {
            assert!(
                lookup(COMMAND_ABOUT, command.get_name()).is_some(),
                "{}",
                command.get_name()
            );
            for arg in command.get_arguments() {
                assert!(
                    lookup(ARG_HELP, arg.get_id().as_str()).is_some(),
                    "{}",
                    arg.get_id()
                );
            }
        }
    }

    #[test]
    fn help_is_in_the_interface_language() {
        let localizer = Localizer::new("ru");
        let mut command = localized(super::super::Cli::command(), &localizer);
        let help = command.render_long_help().to_string();
        assert!(help.contains(&text(&localizer, "cli-about")), "{help}");
        assert!(help.contains(&text(&localizer, "cli-arg-ui-lang")), "{help}");
        for english in ["Usage:", "Options:", "Commands:", "Print help", "Print version"] {
            assert!(!help.contains(english), "{english} in {help}");
        }
        let mut check = command.find_subcommand_mut("check").expect("check").clone();
        let help = check.render_long_help().to_string();
        assert!(help.contains(&text(&localizer, "cli-arg-format")), "{help}");
        assert!(!help.contains("possible values"), "{help}");
    }

    #[test]
    fn the_flag_is_read_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            ui_lang_flag(&args(&["termlint", "--ui-lang", "fa", "check"])).as_deref(),
            Some("fa")
        );
        assert_eq!(
            ui_lang_flag(&args(&["termlint", "check", "--ui-lang=ru"])).as_deref(),
            Some("ru")
        );
        assert_eq!(
            ui_lang_flag(&args(&["termlint", "check", "--", "--ui-lang=ru"])),
            None
        );
    }
}
