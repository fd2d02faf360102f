//! The command line's help and usage errors in the user's language. The
//! English help is the doc comments of `cli.rs`; the Russian one is
//! `locales/ru/help.ftl` (part of the Russian catalogue), one message per
//! command (`help-karta-import`) and per argument
//! (`help-karta-import--output`), put over the derived `Command` before
//! parsing. clap's own usage errors are told again in
//! Russian from their parts.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::config::Config;
use crate::i18n::{Lang, Message};
use crate::tr;

/// Parses the command line, its help and usage errors in the user's
/// language (`--lang` as typed, else the config's, else Russian).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = early_language(&args);
    let mut command = localized(Cli::command(), lang);
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => exit(e, lang),
    }
}

/// The language asked for before the command line is parsed: `--lang xx`
/// or `--lang=xx` anywhere, else the config's, else Russian.
fn early_language(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let typed = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        });
    typed
        .or_else(|| {
            Config::load()
                .ok()
                .and_then(|c| c.lang.as_deref().and_then(Lang::parse))
        })
        .unwrap_or_default()
}

/// The command with its help in `lang`.
pub fn localized(mut command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    command.build();
    translate(command, "karta", lang)
}

/// Puts the Russian texts over `command` (named `path`) and its
/// subcommands.
fn translate(command: Command, path: &str, lang: Lang) -> Command {
    let mut command = command
        .help_template(
            "{before-help}{about-with-newline}\nИспользование: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Команды")
        .mut_args(|arg| {
            let id = format!("help-{path}--{}", arg.get_id());
            let heading = if arg.is_positional() {
                "Аргументы"
            } else {
                "Параметры"
            };
            let arg = arg.help_heading(heading);
            match help_text(lang, &id) {
                Some(text) => arg.help(text.clone()).long_help(text),
                None => arg,
            }
        });
    if let Some(about) = help_text(lang, &format!("help-{path}")) {
        command = command.about(about.clone()).long_about(about);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path}-{name}");
        command = command.mut_subcommand(&name, |sub| translate(sub, &sub_path, lang));
    }
    command
}

/// The help text of `id`: its own, else the one all commands share
/// (`help-any--lang` for every `--lang`); `karta help import` shows the
/// text of `karta import`.
fn help_text(lang: Lang, id: &str) -> Option<String> {
    let id = id.replacen("help-karta-help-", "help-karta-", 1);
    crate::i18n::lookup(lang, &id).or_else(|| {
        let (_, arg) = id.split_once("--")?;
        crate::i18n::lookup(lang, &format!("help-any--{arg}"))
    })
}

/// Every help text the command line shows: (id, the English text).
pub fn help_ids(command: &Command, path: &str) -> Vec<(String, String)> {
    let mut out = vec![(
        format!("help-{path}"),
        command
            .get_about()
            .map(|a| a.to_string())
            .unwrap_or_default(),
    )];
    for arg in command.get_arguments() {
        out.push((
            format!("help-{path}--{}", arg.get_id()),
            arg.get_help().map(|h| h.to_string()).unwrap_or_default(),
        ));
    }
    for sub in command.get_subcommands() {
        out.extend(help_ids(sub, &format!("{path}-{}", sub.get_name())));
    }
    out
}

/// Ends the program on a parse error: help and version as clap prints
/// them, a usage error in one line in `lang`.
fn exit(e: clap::Error, lang: Lang) -> ! {
    let shown_by_clap = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_by_clap || lang == Lang::En {
        e.exit();
    }
    eprintln!("karta: {}", usage_error(&e, lang));
    eprintln!("{}", tr!(lang, "usage-see-help"));
    std::process::exit(2);
}

/// A usage error in words.
fn usage_error(e: &clap::Error, lang: Lang) -> String {
    let get = |kind| e.get(kind).map(context_text).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::InvalidValue => tr!(
            lang,
            "usage-invalid-value",
            arg = arg,
            value = value,
            valid = get(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .and_then(|s| s.downcast_ref::<Message>())
                .map(|m| m.text(lang))
                .unwrap_or(value);
            tr!(lang, "usage-bad-value", arg = arg, why = why)
        }
        ErrorKind::UnknownArgument => tr!(lang, "usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            "usage-unknown-command",
            command = get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            tr!(lang, "usage-missing", arg = arg)
        }
        ErrorKind::ArgumentConflict => tr!(
            lang,
            "usage-conflict",
            arg = arg,
            other = get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr!(lang, "usage-values", arg = arg)
        }
        _ => tr!(lang, "usage-other"),
    }
}

fn context_text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_its_russian_help() {
        let mut command = Cli::command();
        command.build();
        let ids = help_ids(&command, "karta");
        let missing: Vec<String> = ids
            .iter()
            .filter(|(id, _)| help_text(Lang::Ru, id).is_none())
            .map(|(id, english)| format!("{id} = {english}"))
            .collect();
        assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
        let text = include_str!("../locales/ru/help.ftl");
        let resource = fluent_syntax::parser::parse(text).expect("help.ftl parses");
        let stale: Vec<&str> = resource
            .body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .filter(|id| !id.starts_with("help-any--") && !ids.iter().any(|(i, _)| i == id))
            .collect();
        assert!(stale.is_empty(), "no such command or argument: {stale:?}");
    }

    #[test]
    fn russian_help_is_shown_by_default_and_english_on_request() {
        let mut ru = localized(Cli::command(), Lang::Ru);
        let help = ru.render_help().to_string();
        assert!(help.contains("Использование: karta"), "{help}");
        assert!(help.contains("Команды"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let mut import = ru.find_subcommand_mut("import").expect("import").clone();
        let help = import.render_long_help().to_string();
        assert!(help.contains("Файл .karta, который записать"), "{help}");
        assert!(help.contains("Показать справку"), "{help}");
        let mut en = localized(Cli::command(), Lang::En);
        assert!(en.render_help().to_string().contains("Usage: karta"));
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            early_language(&args(&["karta", "report", "--lang", "en"])),
            Lang::En
        );
        assert_eq!(early_language(&args(&["karta", "--lang=en"])), Lang::En);
    }
}
