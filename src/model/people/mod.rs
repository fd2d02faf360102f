//! Names of responsible people and bodies, however they were spelled.
//!
//! "Л.А. Сенюта" = "Сенюта Л.А." = "Сенюта Л. А."; "А,В. Харько" = "Харько А.В.";
//! lists are separated by spaces, commas or line breaks. Bodies ("УО",
//! "ГУО администрации г. Черногорска", "МАУ ДПО «ЦНМО»") are kept as phrases.
//!
//! A person is a surname next to its initials, in either order. Initials are
//! one to three capital letters, each followed by "." (or by "," typed by
//! mistake), the last dot may be missing ("А.М"). A surname is a capitalised
//! Cyrillic word, possibly hyphenated, that is not a deadline word (months,
//! "Ежегодно", "До", "По"…). Latin letters that look Cyrillic count as Cyrillic.
//! Glued capitals without dots ("АВ") are never read as initials: they look
//! just like the abbreviations of bodies ("УО", "ОО").

mod bodies;
mod classes;
mod deadline;
mod entries;
mod letters;
mod lists;
mod person;
mod positions;
#[cfg(test)]
mod tests;
mod words;

use bodies::{body_key, display_body};
use person::parse_person;

pub use deadline::split_deadline_and_names;
pub use entries::split_entries;

/// The key under which all spellings of one person or body meet: equal keys
/// mean the same person or body. People: "сенюта л.а."; bodies: folded to
/// lower case with quotes unified, and known aliases ("ОО", "образовательные
/// организации") brought to one key.
pub fn entry_key(entry: &str) -> String {
    match person_of(entry) {
        Some(person) => person.key(),
        None => body_key(entry),
    }
}

/// The canonical spelling of an entry: "Сенюта Л.А." for people; bodies
/// trimmed, with spaces collapsed, trailing commas dropped and quotes
/// balanced ("МАУ ДПО «ЦНМО" gives "МАУ ДПО «ЦНМО»").
pub fn display_name(entry: &str) -> String {
    match person_of(entry) {
        Some(person) => person.display(),
        None => display_body(entry),
    }
}

/// Whether an entry names one person (a surname with its initials) rather
/// than a body.
pub fn is_person(entry: &str) -> bool {
    person_of(entry).is_some()
}

/// The person an entry names, alone or with a position
/// («Фролова Е.В., начальник отдела», «начальник отдела Фролова Е.В.»).
fn person_of(entry: &str) -> Option<person::Person> {
    parse_person(entry).or_else(|| positions::person_with_position(entry))
}
