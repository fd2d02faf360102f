//! The message catalogue: one Fluent bundle per language, built once from
//! the `.ftl` files embedded in the binary.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The Russian catalogue.
const RU: &str = include_str!("../../locales/ru/karta.ftl");
/// The command line's help in Russian (the English is in `cli.rs`).
const RU_HELP: &str = include_str!("../../locales/ru/help.ftl");
/// The English catalogue.
const EN: &str = include_str!("../../locales/en/karta.ftl");

/// The value of a variable of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text, shown as it is (names, numbers of activities, dates).
    Text(String),
    /// A count: chooses plural forms, shown with the language's thousands
    /// separator.
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, i64, i32);

/// A message put into words when it is shown, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message `id` of the catalogue with its variables.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { id, args }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        format(lang, self.id, &self.args)
    }
}

impl std::fmt::Display for Message {
    /// In English: what logs and programmer-facing traces show.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A message is also an error: a command fails with `bail!(msg!(…))` and
/// the error is told in the reader's language
/// (`present::errors::error_line`).
impl std::error::Error for Message {}

/// The message `id` in `lang` with `args`. An id missing from the
/// catalogue (the tests make sure none is) shows as itself.
pub fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::warn!("message {id} is missing from the {lang:?} catalogue");
        return id.to_string();
    };
    let mut values = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Text(s) => values.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => values.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&values), &mut errors);
    if !errors.is_empty() {
        tracing::warn!("message {id} ({lang:?}): {errors:?}");
    }
    text.into_owned()
}

/// The message `id` in `lang` without variables, when the catalogue has
/// it (the command line's help, looked up by computed ids).
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// The message `id` in `lang` without variables, for the places that keep
/// a `&'static str` (a view's title, a mode's name): each text is made
/// once and kept for the rest of the run, so the memory taken is bounded
/// by the catalogue.
pub fn static_text(lang: Lang, id: &'static str) -> &'static str {
    type Kept = HashMap<(Lang, &'static str), &'static str>;
    static KEPT: OnceLock<Mutex<Kept>> = OnceLock::new();
    let kept = KEPT.get_or_init(|| Mutex::new(HashMap::new()));
    let Ok(mut kept) = kept.lock() else {
        return id;
    };
    kept.entry((lang, id))
        .or_insert_with(|| Box::leak(format(lang, id, &[]).into_boxed_str()))
}

/// The bundle of `lang`, built on first use.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static RU_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match lang {
        Lang::Ru => RU_BUNDLE.get_or_init(|| build(lang, &[RU, RU_HELP])),
        Lang::En => EN_BUNDLE.get_or_init(|| build(lang, &[EN])),
    }
}

fn build(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Ru => unic_langid::langid!("ru"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Ru => number_ru,
        Lang::En => number_en,
    }));
    for source in sources {
        // A syntax error leaves the rest of the file usable; the tests
        // parse every file and fail on any.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!("{lang:?} catalogue: {errors:?}");
        }
    }
    bundle
}

/// Whole numbers as Russian writes them («10 000»).
fn number_ru<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value).map(|n| super::number(n, Lang::Ru))
}

/// Whole numbers as English writes them ("10,000").
fn number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value).map(|n| super::number(n, Lang::En))
}

fn whole(value: &FluentValue) -> Option<i64> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(n.value as i64)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        let cases = [
            (0, "0 мероприятий"),
            (1, "1 мероприятие"),
            (2, "2 мероприятия"),
            (5, "5 мероприятий"),
            (11, "11 мероприятий"),
            (21, "21 мероприятие"),
            (84, "84 мероприятия"),
            (111, "111 мероприятий"),
            (10_000, "10\u{202f}000 мероприятий"),
        ];
        for (n, text) in cases {
            assert_eq!(crate::tr!(Lang::Ru, "activities", count = n), text);
        }
        assert_eq!(crate::tr!(Lang::En, "activities", count = 1), "1 activity");
        assert_eq!(
            crate::tr!(Lang::En, "activities", count = 12_345),
            "12,345 activities"
        );
    }

    #[test]
    fn a_message_made_early_speaks_the_language_it_is_shown_in() {
        let m = crate::msg!("activities", count = 3);
        assert_eq!(m.text(Lang::Ru), "3 мероприятия");
        assert_eq!(m.to_string(), "3 activities");
    }
}
