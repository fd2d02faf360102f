//! What a word can be in a name: initials, a surname, initials glued to a
//! surname, or anything else.

use super::letters::{
    Case, cyrillic_lower, cyrillic_upper, fold_name, is_name_capital, is_name_small,
};
use super::words::Word;

/// Capitalised words that are never surnames: months in the forms deadlines
/// use them in, and the other words deadline phrases start with.
const NOT_SURNAMES: &[&str] = &[
    "январь",
    "января",
    "январе",
    "февраль",
    "февраля",
    "феврале",
    "март",
    "марта",
    "марте",
    "апрель",
    "апреля",
    "апреле",
    "май",
    "мая",
    "мае",
    "июнь",
    "июня",
    "июне",
    "июль",
    "июля",
    "июле",
    "август",
    "августа",
    "августе",
    "сентябрь",
    "сентября",
    "сентябре",
    "октябрь",
    "октября",
    "октябре",
    "ноябрь",
    "ноября",
    "ноябре",
    "декабрь",
    "декабря",
    "декабре",
    "ежегодно",
    "ежемесячно",
    "ежеквартально",
    "еженедельно",
    "ежедневно",
    "постоянно",
    "регулярно",
    "до",
    "по",
    "во",
    "со",
    "на",
    "от",
    "за",
    "при",
    "для",
    "после",
    "итогам",
    "течение",
    "конца",
    "начала",
    "года",
    "год",
    "квартал",
    "полугодие",
    "весь",
    "согласно",
];

/// What a word can be in a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Class {
    /// "Л.А.", "А,В.", "А.М", "Л.": the letters, upper-case Cyrillic.
    Initials(Vec<char>),
    /// A capitalised word that may be a surname.
    Surname,
    /// "Г.Л.Горошникова": initials glued to a surname that starts at the
    /// given byte offset of the word.
    Glued(Vec<char>, usize),
    /// Anything else.
    Other,
}

/// Classifies every word of `text`.
pub(super) fn classify_all(text: &str, words: &[Word], case: Case) -> Vec<Class> {
    words
        .iter()
        .map(|w| classify(text.get(w.span.clone()).unwrap_or_default(), case))
        .collect()
}

/// What `word` can be in a name.
fn classify(word: &str, case: Case) -> Class {
    if let Some(letters) = parse_initials(word, case) {
        Class::Initials(letters)
    } else if is_surname(word, case) {
        Class::Surname
    } else if let Some((letters, offset)) = split_glued(word, case) {
        Class::Glued(letters, offset)
    } else {
        Class::Other
    }
}

/// Reads letters each followed by "." or ",": the letters (upper case) and
/// whether the last one has its dot. `None` when `word` is anything else.
pub(super) fn scan_initials(word: &str, case: Case) -> Option<(Vec<char>, bool)> {
    let mut letters = Vec::new();
    let mut terminated = true;
    for c in word.chars() {
        if terminated && is_name_capital(c, case) {
            letters.push(cyrillic_upper(c));
            terminated = false;
        } else if !terminated && matches!(c, '.' | ',') {
            terminated = true;
        } else {
            return None;
        }
    }
    (letters.len() <= 3).then_some((letters, terminated))
}

/// The letters of an initials word: one to three letters each followed by
/// "." or ","; the last dot may be missing when there are several letters.
pub(super) fn parse_initials(word: &str, case: Case) -> Option<Vec<char>> {
    let (letters, terminated) = scan_initials(word, case)?;
    let complete = terminated || letters.len() > 1;
    (!letters.is_empty() && complete).then_some(letters)
}

/// Whether `word` may be a surname: a capitalised word of Cyrillic letters
/// (or look-alikes), possibly hyphenated, and no deadline word.
fn is_surname(word: &str, case: Case) -> bool {
    let letters = word.chars().filter(|&c| c != '-').count();
    letters >= 2
        && word
            .split('-')
            .enumerate()
            .all(|(i, part)| is_surname_part(part, i == 0, case))
        && !word
            .split('-')
            .any(|part| NOT_SURNAMES.contains(&fold_name(part).as_str()))
}

/// Whether one hyphen-separated part of a word may belong to a surname; only
/// the first part must be capitalised ("Петрова-Водкина", "Мамин-сибиряк").
fn is_surname_part(part: &str, first: bool, case: Case) -> bool {
    let mut chars = part.chars();
    let Some(head) = chars.next() else {
        return false;
    };
    let head_ok = if first {
        is_name_capital(head, case)
    } else {
        cyrillic_lower(head).is_some()
    };
    head_ok && chars.all(|c| is_name_small(c, case))
}

/// Splits "Г.Л.Горошникова" into its initials and the byte offset of its
/// surname.
fn split_glued(word: &str, case: Case) -> Option<(Vec<char>, usize)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut letters = Vec::new();
    let mut offset = 0;
    for pair in chars.chunks(2) {
        match pair {
            [(_, letter), (dot, '.')] if is_name_capital(*letter, case) => {
                letters.push(cyrillic_upper(*letter));
                offset = dot + 1;
            }
            _ => break,
        }
    }
    let surname = word.get(offset..)?;
    let fits = (1..=3).contains(&letters.len()) && is_surname(surname, case);
    fits.then_some((letters, offset))
}
