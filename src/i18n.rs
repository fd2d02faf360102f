//! The interface language. Texts are written in place with both languages
//! side by side (`lang.t("Сохранено", "Saved")`), so a reader sees what a
//! message says in either.

use serde::{Deserialize, Serialize};

/// Interface language; Russian unless the user chooses English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
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

    /// Picks the text in this language.
    pub fn t<'a>(self, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}
