//! Splits a deadline phrase into lower-case words, numbers and punctuation,
//! and knows the words for months and small numbers.

/// One piece of a deadline phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    /// Letters, lower-cased, "ё" read as "е".
    Word(String),
    /// ASCII digits as written (leading zeros kept).
    Num(String),
    /// Any hyphen, dash or minus.
    Dash,
    /// ".".
    Dot,
    /// ",".
    Comma,
    /// ";".
    Semi,
    /// A line break.
    Newline,
    /// "(" or "[".
    Open,
    /// ")" or "]".
    Close,
    /// Anything else that is not white space.
    Other(char),
}

/// Splits `text` into tokens; white space other than line breaks is dropped.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            let mut word = String::from(c);
            while let Some(n) = chars.next_if(|n| n.is_alphabetic()) {
                word.push(n);
            }
            toks.push(Tok::Word(normalize_word(&word)));
        } else if c.is_ascii_digit() {
            let mut num = String::from(c);
            while let Some(n) = chars.next_if(char::is_ascii_digit) {
                num.push(n);
            }
            toks.push(Tok::Num(num));
        } else if let Some(tok) = punctuation(c) {
            toks.push(tok);
        }
    }
    toks
}

fn punctuation(c: char) -> Option<Tok> {
    match c {
        '\n' | '\u{2028}' | '\u{2029}' => Some(Tok::Newline),
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => Some(Tok::Dash),
        '.' => Some(Tok::Dot),
        ',' => Some(Tok::Comma),
        ';' => Some(Tok::Semi),
        '(' | '[' => Some(Tok::Open),
        ')' | ']' => Some(Tok::Close),
        c if c.is_whitespace() => None,
        c => Some(Tok::Other(c)),
    }
}

/// Lower-cases, reads "ё" as "е", and in a Cyrillic word reads Latin
/// look-alikes ("Maй" typed with a Latin M) as the Cyrillic letters.
fn normalize_word(word: &str) -> String {
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    if lower
        .chars()
        .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        lower.chars().map(cyrillic_twin).collect()
    } else {
        lower
    }
}

fn cyrillic_twin(c: char) -> char {
    match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        _ => c,
    }
}

/// Month stems with the endings they take ("декабрь", "декабря", "декабре").
const MONTH_STEMS: [(&str, &[&str]); 12] = [
    ("январ", &["ь", "я", "е"]),
    ("феврал", &["ь", "я", "е"]),
    ("март", &["", "а", "е"]),
    ("апрел", &["ь", "я", "е"]),
    ("ма", &["й", "я", "е"]),
    ("июн", &["ь", "я", "е"]),
    ("июл", &["ь", "я", "е"]),
    ("август", &["", "а", "е"]),
    ("сентябр", &["ь", "я", "е"]),
    ("октябр", &["ь", "я", "е"]),
    ("ноябр", &["ь", "я", "е"]),
    ("декабр", &["ь", "я", "е"]),
];

/// Usual abbreviations of month names.
const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("янв", 1),
    ("фев", 2),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
];

/// The month (1–12) a lower-case word names, in any case form.
pub(super) fn month(word: &str) -> Option<u32> {
    MONTH_STEMS
        .iter()
        .zip(1..)
        .find_map(|((stem, endings), n)| {
            let rest = word.strip_prefix(stem)?;
            endings.contains(&rest).then_some(n)
        })
        .or_else(|| {
            MONTH_ABBREVIATIONS
                .iter()
                .find(|(abbr, _)| *abbr == word)
                .map(|&(_, n)| n)
        })
}

/// A Roman numeral from I to IV (quarters and half-years).
pub(super) fn roman(word: &str) -> Option<u32> {
    match word {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => None,
    }
}

/// A small number written as a word ("два раза в год").
pub(super) fn count_word(word: &str) -> Option<u32> {
    match word {
        "один" | "одна" | "одно" => Some(1),
        "два" | "две" => Some(2),
        "три" => Some(3),
        "четыре" => Some(4),
        "пять" => Some(5),
        "шесть" => Some(6),
        _ => None,
    }
}
