//! The interface language and its words. Every message a user reads comes
//! from the catalogue (`locales/ru/karta.ftl`, `locales/en/karta.ftl`,
//! embedded in the binary) by its id: `tr!(lang, "saved")`,
//! `tr!(lang, "activities", count = n)`. Plurals and the gender of verbs
//! are chosen there, by Fluent's rules for each language. A message made
//! before the language is known (an error of the store) is a [`Message`]:
//! `msg!("no-number", number = n)`, put into words when it is shown.

mod catalogue;
mod numbers;

pub use catalogue::{Arg, Message, format, lookup, static_text};
pub use numbers::{number, size};

use serde::{Deserialize, Serialize};

/// A message of the catalogue in `lang`, with its variables:
/// `tr!(lang, "activities", count = 5)` → «5 мероприятий».
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::format(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// A message of the catalogue without variables as a `&'static str`:
/// `tr_static!(lang, "view-mechanism")`, for titles kept as such.
#[macro_export]
macro_rules! tr_static {
    ($lang:expr, $id:literal) => {
        $crate::i18n::static_text($lang, $id)
    };
}

/// A message of the catalogue to be put into words later, in the reader's
/// language: `msg!("no-number", number = n)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// Interface language; Russian unless the user chooses English.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Русский.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Reads "ru" / "en" (also "русский", "english"); None otherwise.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "ru" | "rus" | "russian" | "русский" => Some(Lang::Ru),
            "en" | "eng" | "english" | "английский" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text in this language. The older way, still used by the
    /// editor's screens not yet moved to the catalogue; new wording goes
    /// to the catalogue (`tr!`).
    pub fn t<'a>(self, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}
