//! Entries that name a person together with a position or an organisation:
//! «Фролова Е.В., начальник отдела общего образования» and «начальник отдела
//! Фролова Е.В.» are the person (the position is not a person of its own);
//! «МБУ «ЦРО» (Зайцева Н.П.)» is both the organisation and the person.

use super::person::{Person, parse_person};

/// First words of a position (lower case).
const POSITION_WORDS: [&str; 22] = [
    "начальник",
    "заместитель",
    "зам.",
    "методист",
    "специалист",
    "ведущий",
    "главный",
    "старший",
    "директор",
    "руководитель",
    "консультант",
    "инспектор",
    "педагог",
    "педагог-психолог",
    "учитель",
    "председатель",
    "секретарь",
    "эксперт",
    "советник",
    "референт",
    "координатор",
    "заведующий",
];

/// Whether an entry is a position ("начальник отдела общего образования").
pub(super) fn is_position(entry: &str) -> bool {
    let first = entry
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    POSITION_WORDS.contains(&first.as_str())
}

/// The person of "Фамилия И.О., должность" or "должность Фамилия И.О.".
pub(super) fn person_with_position(entry: &str) -> Option<Person> {
    if let Some((name, rest)) = entry.split_once(',')
        && is_position(rest.trim())
    {
        return parse_person(name);
    }
    if !is_position(entry) {
        return None;
    }
    let words: Vec<&str> = entry.split_whitespace().collect();
    (2..=4)
        .filter(|k| *k < words.len())
        .find_map(|k| parse_person(&words[words.len() - k..].join(" ")))
}

/// The entries of a cell with positions joined to the person before them and
/// "Организация (Фамилия И.О.)" given as the organisation and the people.
pub(super) fn regroup(entries: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for entry in entries {
        if is_position(&entry)
            && let Some(previous) = out.last_mut()
            && parse_person(previous).is_some()
        {
            previous.push_str(", ");
            previous.push_str(&entry);
            continue;
        }
        match organisation_and_people(&entry) {
            Some(parts) => out.extend(parts),
            None => out.push(entry),
        }
    }
    out
}

/// "МБУ «ЦРО» (Зайцева Н.П.)" → ["МБУ «ЦРО»", "Зайцева Н.П."], when the
/// brackets hold only people.
fn organisation_and_people(entry: &str) -> Option<Vec<String>> {
    let inner = entry.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let organisation = inner[..open].trim();
    let people = super::split_entries(&inner[open + 1..]);
    if organisation.is_empty()
        || people.is_empty()
        || !people.iter().all(|p| parse_person(p).is_some())
    {
        return None;
    }
    Some(
        std::iter::once(organisation.to_string())
            .chain(people)
            .collect(),
    )
}
