//! Bodies (departments, organisations, their abbreviations): how they are
//! displayed and keyed, known aliases brought together.

use super::letters::{close_quotes, collapse_whitespace, fold_char, is_quote};

/// Bodies known under several names: every phrase of a row (folded to lower
/// case) names the body whose key is the row's first phrase.
const BODY_ALIASES: &[&[&str]] = &[
    &[
        "оо",
        "образовательные организации",
        "образовательные организации (оо)",
    ],
    &[
        "доо",
        "дошкольные образовательные организации",
        "дошкольные образовательные организации (доо)",
    ],
    &[
        "уо",
        "управление образования",
        "управление образования (уо)",
    ],
];

/// A body as displayed: whitespace collapsed, commas and semicolons at the
/// ends dropped, quotes left open closed.
pub(super) fn display_body(entry: &str) -> String {
    let collapsed = collapse_whitespace(entry);
    let trimmed = collapsed.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
    close_quotes(trimmed)
}

/// A body's key: its display form folded (lower case, "ё" as "е",
/// look-alikes as Cyrillic in Cyrillic words, every quote as '"'), trailing
/// punctuation dropped, aliases brought to one key.
pub(super) fn body_key(entry: &str) -> String {
    let folded: Vec<String> = display_body(entry).split(' ').map(fold_body_word).collect();
    let joined = folded.join(" ");
    let key = joined.trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
    BODY_ALIASES
        .iter()
        .find(|row| row.contains(&key))
        .and_then(|row| row.first())
        .unwrap_or(&key)
        .to_string()
}

/// One word of a body folded for its key.
fn fold_body_word(word: &str) -> String {
    let cyrillic = word
        .chars()
        .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'));
    word.chars()
        .map(|c| {
            if is_quote(c) {
                "\"".to_string()
            } else {
                fold_char(c, cyrillic)
            }
        })
        .collect()
}
