//! Letters and quotes: Cyrillic case with Latin look-alikes, folding for
//! keys, whitespace, and quotes opened and closed in a cell.

/// How strictly letter case is read: split cells demand capitalised names;
/// a single entry may fall back to any case ("сенюта л.а").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// Name parts must be capitalised, as in cells of several entries.
    Strict,
    /// Name parts may be in any case, as in a single entry.
    Relaxed,
}

/// The lower-case Cyrillic letter a Cyrillic letter or a Latin look-alike
/// stands for.
pub(super) fn cyrillic_lower(c: char) -> Option<char> {
    let lower = match c {
        'а'..='я' | 'ё' => c,
        'А'..='Я' => char::from_u32(u32::from(c) + 0x20)?,
        'Ё' => 'ё',
        'A' | 'a' => 'а',
        'B' => 'в',
        'C' | 'c' => 'с',
        'E' | 'e' => 'е',
        'H' => 'н',
        'K' => 'к',
        'M' => 'м',
        'O' | 'o' => 'о',
        'P' | 'p' => 'р',
        'T' => 'т',
        'X' | 'x' => 'х',
        'y' => 'у',
        _ => return None,
    };
    Some(lower)
}

/// The upper-case Cyrillic letter for `c`, or `c` itself when it is no
/// Cyrillic letter or look-alike.
pub(super) fn cyrillic_upper(c: char) -> char {
    cyrillic_lower(c)
        .and_then(|l| l.to_uppercase().next())
        .unwrap_or(c)
}

/// A capital Cyrillic letter or a Latin capital that looks like one.
fn is_capital(c: char) -> bool {
    cyrillic_lower(c).is_some() && c.is_uppercase()
}

/// A small Cyrillic letter or a Latin small letter that looks like one.
fn is_small(c: char) -> bool {
    cyrillic_lower(c).is_some() && c.is_lowercase()
}

/// Whether `c` may start a name part (a surname or an initial) in `case`.
pub(super) fn is_name_capital(c: char, case: Case) -> bool {
    match case {
        Case::Strict => is_capital(c),
        Case::Relaxed => cyrillic_lower(c).is_some(),
    }
}

/// Whether `c` may continue a surname in `case`.
pub(super) fn is_name_small(c: char, case: Case) -> bool {
    match case {
        Case::Strict => is_small(c),
        Case::Relaxed => cyrillic_lower(c).is_some(),
    }
}

/// Folds one character for a key: lower case, "ё" as "е", look-alikes as
/// Cyrillic when `cyrillic` is set.
pub(super) fn fold_char(c: char, cyrillic: bool) -> String {
    let mapped = if cyrillic { cyrillic_lower(c) } else { None };
    match mapped {
        Some('ё') => "е".to_string(),
        Some(l) => l.to_string(),
        None => c
            .to_lowercase()
            .map(|l| if l == 'ё' { 'е' } else { l })
            .collect(),
    }
}

/// Folds a name word for comparison: lower-case Cyrillic, "ё" as "е".
pub(super) fn fold_name(word: &str) -> String {
    word.chars().map(|c| fold_char(c, true)).collect()
}

/// The text with every run of whitespace turned into one space, trimmed.
pub(super) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ----------------------------------------------------------------- quotes

/// Whether a quote character opens or closes a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteRole {
    Open,
    Close,
}

/// The role of `c` given the innermost open quote `top`; `None` for
/// characters that are no quotes (and for a stray "»").
fn quote_role(c: char, top: Option<char>) -> Option<QuoteRole> {
    match c {
        '«' | '„' => Some(QuoteRole::Open),
        '»' if top == Some('«') => Some(QuoteRole::Close),
        '“' if matches!(top, Some('„' | '“')) => Some(QuoteRole::Close),
        '”' if matches!(top, Some('„' | '“' | '”')) => Some(QuoteRole::Close),
        '"' if top == Some('"') => Some(QuoteRole::Close),
        '“' | '”' | '"' => Some(QuoteRole::Open),
        _ => None,
    }
}

/// The quote that closes the opening quote `open`.
fn closing_quote(open: char) -> char {
    match open {
        '«' => '»',
        '„' => '“',
        '“' => '”',
        other => other,
    }
}

/// Whether `c` is any of the quote characters a key unifies.
pub(super) fn is_quote(c: char) -> bool {
    matches!(c, '«' | '»' | '"' | '“' | '”' | '„')
}

/// The text with every quote left open closed at its end.
pub(super) fn close_quotes(text: &str) -> String {
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        match quote_role(c, open.last().copied()) {
            Some(QuoteRole::Open) => open.push(c),
            Some(QuoteRole::Close) => {
                open.pop();
            }
            None => {}
        }
    }
    let mut closed = text.to_string();
    closed.extend(open.iter().rev().map(|&c| closing_quote(c)));
    closed
}

/// Byte positions of the commas that stand inside quotes or brackets closed
/// later on the same line; such commas do not separate entries.
pub(super) fn protected_commas(text: &str) -> Vec<usize> {
    let mut protected = Vec::new();
    let mut open: Vec<char> = Vec::new();
    let mut inside = Vec::new();
    for (i, c) in text.char_indices() {
        let role = match c {
            '\n' | '\r' | ';' => {
                open.clear();
                inside.clear();
                continue;
            }
            ',' if !open.is_empty() => {
                inside.push(i);
                continue;
            }
            '(' => Some(QuoteRole::Open),
            ')' if open.last() == Some(&'(') => Some(QuoteRole::Close),
            _ => quote_role(c, open.last().copied()),
        };
        match role {
            Some(QuoteRole::Open) => open.push(c),
            Some(QuoteRole::Close) => {
                open.pop();
                if open.is_empty() {
                    protected.append(&mut inside);
                }
            }
            None => {}
        }
    }
    protected
}
