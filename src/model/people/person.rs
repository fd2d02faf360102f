//! One person read from an entry: its key and its canonical spelling.

use super::classes::{Class, classify_all};
use super::letters::{Case, cyrillic_lower, cyrillic_upper, fold_char, fold_name};
use super::lists::people;
use super::words::tokenize;

/// A person read from an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Person {
    /// The surname as written.
    surname: String,
    /// The initials, upper-case Cyrillic.
    initials: Vec<char>,
}

impl Person {
    /// "сенюта л.а.": surname and initials folded.
    pub(super) fn key(&self) -> String {
        let initials: String = self
            .initials
            .iter()
            .map(|&c| format!("{}.", fold_char(c, true)))
            .collect();
        format!("{} {initials}", fold_name(&self.surname))
    }

    /// "Сенюта Л.А.".
    pub(super) fn display(&self) -> String {
        let surname: Vec<String> = self.surname.split('-').map(title_case).collect();
        let initials: String = self.initials.iter().map(|c| format!("{c}.")).collect();
        format!("{} {initials}", surname.join("-"))
    }
}

/// A name part with a Cyrillic capital first and small Cyrillic letters after.
fn title_case(part: &str) -> String {
    part.chars()
        .enumerate()
        .map(|(i, c)| match (i, cyrillic_lower(c)) {
            (0, _) => cyrillic_upper(c),
            (_, Some(l)) => l,
            (_, None) => c,
        })
        .collect()
}

/// The person an entry names, read with capitals first and in any case after
/// that; a reading in any case needs two initials at least, so that "г."
/// and "с." stay abbreviations of places.
pub(super) fn parse_person(entry: &str) -> Option<Person> {
    person_in(entry, Case::Strict)
        .or_else(|| person_in(entry, Case::Relaxed).filter(|p| p.initials.len() >= 2))
}

/// The person `entry` names when all its words make exactly one person.
fn person_in(entry: &str, case: Case) -> Option<Person> {
    let words = tokenize(entry, case);
    let classes = classify_all(entry, &words, case);
    let units = people(&classes, &words)?;
    let [unit] = units.as_slice() else {
        return None;
    };
    let mut person = Person {
        surname: String::new(),
        initials: Vec::new(),
    };
    for i in unit.clone() {
        let text = words
            .get(i)
            .and_then(|w| entry.get(w.span.clone()))
            .unwrap_or_default();
        match classes.get(i) {
            Some(Class::Initials(letters)) => person.initials.extend(letters),
            Some(Class::Surname) => person.surname = text.to_string(),
            Some(Class::Glued(letters, offset)) => {
                person.initials.extend(letters);
                person.surname = text.get(*offset..).unwrap_or_default().to_string();
            }
            _ => {}
        }
    }
    Some(person)
}
