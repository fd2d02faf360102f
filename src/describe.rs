//! Changes put into words, Russian by default: "Корчевская И.П.: изменила
//! срок 1.2 «…»: «Декабрь 2021» → «Январь 2022»". The sentences are in the
//! catalogue (`locales/*/karta.ftl`); verbs agree there with the author's
//! gender, as told (`karta whoami --gender`) or guessed from the surname.
//! All text from files is made one safe line before it is shown.

use std::sync::Mutex;

use crate::i18n::{Arg, Lang};
use crate::model::Status;
use crate::model::text::one_line;
use crate::store::history::changes::{ChangeKind, Field, Item, ItemChange, ItemKind};
use crate::store::schema::meta;
use crate::store::write::trash::{Deleted, UnseenEdit};
use crate::tr;

/// Longest piece of free text quoted in a description.
const QUOTE_LIMIT: usize = 60;

/// Grammatical gender of an author, for verb endings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "изменила".
    Female,
    /// "изменил".
    Male,
    /// "изменил(а)".
    Unknown,
}

impl Gender {
    /// Reads "f" / "m" (also "ж", "м", "female", "male"); None otherwise.
    pub fn parse(s: &str) -> Option<Gender> {
        match s.trim().to_lowercase().as_str() {
            "f" | "ж" | "female" | "жен" => Some(Gender::Female),
            "m" | "м" | "male" | "муж" => Some(Gender::Male),
            _ => None,
        }
    }

    /// "f" / "m", as the config keeps it; None when unknown.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Gender::Female => Some("f"),
            Gender::Male => Some("m"),
            Gender::Unknown => None,
        }
    }
}

impl From<Gender> for Arg {
    /// The catalogue's selector: `f`, `m` or `other`.
    fn from(g: Gender) -> Arg {
        Arg::from(g.code().unwrap_or("other"))
    }
}

/// Genders people told karta (`karta whoami --gender`), for surnames that
/// do not show it (Сенюта, Белых).
static TOLD: Mutex<Vec<(String, Gender)>> = Mutex::new(Vec::new());

/// Remembers `name`'s gender for the rest of the run: verbs about her
/// changes agree with it.
pub fn tell_gender(name: &str, gender: Gender) {
    let name = one_line(name).trim().to_string();
    if let Ok(mut told) = TOLD.lock() {
        told.retain(|(n, _)| *n != name);
        told.push((name, gender));
    }
}

/// The gender of a Russian name: as told (`tell_gender`), else guessed
/// from the surname written with initials in either order ("Корчевская
/// И.П.", "В.Г. Колосов").
pub fn gender_of(name: &str) -> Gender {
    let trimmed = one_line(name);
    if let Ok(told) = TOLD.lock()
        && let Some((_, g)) = told.iter().find(|(n, _)| n == trimmed.trim())
    {
        return *g;
    }
    guess_gender(name)
}

/// The gender guessed from the surname alone.
fn guess_gender(name: &str) -> Gender {
    let Some(surname) = name
        .split_whitespace()
        .find(|w| !w.contains('.') && w.chars().count() > 2)
    else {
        return Gender::Unknown;
    };
    let s = surname.to_lowercase();
    const FEMALE: [&str; 8] = ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая"];
    const MALE: [&str; 9] = ["ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ий"];
    if FEMALE.iter().any(|e| s.ends_with(e)) {
        Gender::Female
    } else if MALE.iter().any(|e| s.ends_with(e)) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// The gender of an author who may be unknown.
fn gender(author: Option<&str>) -> Gender {
    author.map_or(Gender::Unknown, gender_of)
}

/// Free text shortened to one quoted line.
pub fn quote(text: &str) -> String {
    let line = one_line(text);
    let line = line.trim();
    if line.chars().count() > QUOTE_LIMIT {
        let short: String = line.chars().take(QUOTE_LIMIT - 1).collect();
        format!("«{}…»", short.trim_end())
    } else {
        format!("«{line}»")
    }
}

/// The grammatical case an item is named in: "добавила раздел 2",
/// "изменила номер раздела 2", "комментарий к разделу 2".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Именительный (and винительный, the same for these words).
    Nominative,
    /// Родительный.
    Genitive,
    /// Дательный.
    Dative,
}

impl From<Case> for Arg {
    /// The catalogue's selector.
    fn from(case: Case) -> Arg {
        Arg::from(match case {
            Case::Nominative => "nominative",
            Case::Genitive => "genitive",
            Case::Dative => "dative",
        })
    }
}

/// An item as people name it: "1.2. «Провести…»", "раздел 2. «…»".
pub fn item_name(item: &Item, lang: Lang) -> String {
    item_in(item, Case::Nominative, lang)
}

/// An item named in `case`: "раздела 2. «…»" (genitive).
pub fn item_in(item: &Item, case: Case, lang: Lang) -> String {
    let number = one_line(item.number.trim());
    let label = quote(&item.label);
    let core = if number.is_empty() {
        label
    } else {
        format!("{number} {label}")
    };
    match item.kind {
        ItemKind::Section => tr!(lang, "item-section", case = case, name = core),
        ItemKind::Activity => core,
        ItemKind::Heading => tr!(lang, "item-heading", case = case),
    }
}

/// The name of a field as the object of "изменил": "срок", "статус"…
pub fn field_name(field: &Field, lang: Lang) -> String {
    match field {
        Field::Text => tr!(lang, "field-text"),
        Field::Deadline => tr!(lang, "field-deadline"),
        Field::Responsible => tr!(lang, "field-responsible"),
        Field::Status => tr!(lang, "field-status"),
        Field::Number => tr!(lang, "field-number"),
        Field::Title => tr!(lang, "field-title"),
        Field::Stage => tr!(lang, "field-stage"),
        Field::Column { key, title } => {
            let name = if title.trim().is_empty() { key } else { title };
            tr!(lang, "field-column", name = quote(name))
        }
        Field::Heading(key) => match key.as_str() {
            meta::TITLE => tr!(lang, "field-roadmap-title"),
            meta::MUNICIPALITY => tr!(lang, "field-municipality"),
            meta::APPROVAL_NUMBER => tr!(lang, "field-order-number"),
            meta::APPROVAL_DATE => tr!(lang, "field-order-date"),
            meta::PERIOD_FROM => tr!(lang, "field-period-from"),
            meta::PERIOD_TO => tr!(lang, "field-period-to"),
            meta::NOTES => tr!(lang, "field-notes"),
            other => one_line(other),
        },
    }
}

/// A stored value as shown: statuses in words, responsible lists joined.
pub fn value_text(field: &Field, value: &str, lang: Lang) -> String {
    match field {
        Field::Status => match Status::parse(value) {
            Some(s) => format!("«{}»", status_words(&s, lang)),
            None => quote(value),
        },
        Field::Stage => match value
            .parse()
            .ok()
            .and_then(crate::model::Stage::from_number)
        {
            Some(s) => format!("«{}. {}»", s.number(), s.title()),
            None => tr!(lang, "value-not-set"),
        },
        Field::Responsible => {
            let list: Vec<&str> = value
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            quote(&list.join(", "))
        }
        _ => quote(value),
    }
}

/// A value before and after: "«A» → «B»".
fn values(field: &Field, old: &str, new: &str, lang: Lang) -> String {
    format!(
        "{} → {}",
        value_text(field, old, lang),
        value_text(field, new, lang)
    )
}

/// One change as a verb phrase: "изменила срок 1.2 «…»: «A» → «B»".
pub fn phrase(change: &ItemChange, author: Option<&str>, lang: Lang) -> String {
    let gender = gender(author);
    let item = item_name(&change.item, lang);
    match &change.kind {
        ChangeKind::Added => tr!(lang, "change-added", gender = gender, item = item),
        ChangeKind::Removed => tr!(lang, "change-removed", gender = gender, item = item),
        ChangeKind::Restored => tr!(lang, "change-restored", gender = gender, item = item),
        ChangeKind::Renumbered { count } => {
            tr!(lang, "change-renumbered", gender = gender, count = *count)
        }
        ChangeKind::Moved { from, to } => {
            let place = match (from == to, to) {
                (true, Some(s)) => tr!(
                    lang,
                    "place-within",
                    section = item_in(s, Case::Genitive, lang)
                ),
                (true, None) => tr!(lang, "place-elsewhere"),
                (false, Some(s)) => tr!(lang, "place-into", section = item_name(s, lang)),
                (false, None) => tr!(lang, "place-top"),
            };
            tr!(
                lang,
                "change-moved",
                gender = gender,
                item = item,
                place = place
            )
        }
        ChangeKind::FieldChanged { field, old, new } => {
            let long = old.chars().count() > QUOTE_LIMIT || new.chars().count() > QUOTE_LIMIT;
            let words = match field {
                Field::Text | Field::Column { .. } | Field::Heading(_) if long => {
                    crate::present::words::changed_words(&one_line(old), &one_line(new))
                }
                _ => None,
            };
            let values = words.unwrap_or_else(|| values(field, old, new, lang));
            let field = field_name(field, lang);
            match change.item.kind {
                ItemKind::Heading => tr!(
                    lang,
                    "change-heading-field",
                    gender = gender,
                    field = field,
                    values = values
                ),
                _ => tr!(
                    lang,
                    "change-field",
                    gender = gender,
                    field = field,
                    item = item_in(&change.item, Case::Genitive, lang),
                    values = values
                ),
            }
        }
    }
}

/// An author's name as shown ("неизвестный автор" when none was recorded).
pub fn author_name(author: Option<&str>, lang: Lang) -> String {
    match author.map(one_line) {
        Some(a) if !a.trim().is_empty() => a.trim().to_string(),
        _ => tr!(lang, "author-unknown"),
    }
}

/// One line for an author's changes: "Корчевская И.П.: изменила …; добавила …".
pub fn author_line(author: Option<&str>, changes: &[ItemChange], lang: Lang) -> String {
    let phrases: Vec<String> = changes.iter().map(|c| phrase(c, author, lang)).collect();
    format!("{}: {}", author_name(author, lang), phrases.join("; "))
}

/// A deletion whose item was edited by someone who did not see it, in one
/// line: "Сенюта Л.А. удалил(а) 3.12. «…», а вы изменили в нём срок:
/// «Май» → «Июнь»; всё сохранено в корзине (karta trash), вернуть — karta
/// restore". `me` is the reader's own name ("вы" for her edits).
pub fn deletion_line(deleted: &Deleted, me: Option<&str>, lang: Lang) -> String {
    format!(
        "{}; {}",
        deletion_words(deleted, me, lang),
        tr!(lang, "deletion-kept")
    )
}

/// The deletion and the edits made unseen, without saying where they are
/// kept: "Сенюта Л.А. удалил(а) 3.12. «…», а вы изменили в нём срок: «Май»
/// → «Июнь»".
pub fn deletion_words(deleted: &Deleted, me: Option<&str>, lang: Lang) -> String {
    let edits: Vec<String> = deleted
        .unseen
        .iter()
        .map(|e| unseen_phrase(deleted, e, me, lang))
        .collect();
    tr!(
        lang,
        "deleted-but-edited",
        who = author_name(deleted.by.as_deref(), lang),
        gender = gender(deleted.by.as_deref()),
        item = item_name(&deleted.item, lang),
        edits = edits.join(&tr!(lang, "and-but"))
    )
}

/// One edit the person deleting did not see, as a phrase: "вы изменили в
/// нём срок: «Май» → «Июнь»", "Корчевская И.П. изменила в 3.12. «…»
/// текст: …". `me` is the reader's own name ("вы" for her edits).
pub fn unseen_phrase(deleted: &Deleted, e: &UnseenEdit, me: Option<&str>, lang: Lang) -> String {
    let mine = e.author.is_some() && e.author.as_deref() == me;
    let place = if e.item.id == deleted.item.id {
        tr!(lang, "place-in-it")
    } else {
        tr!(lang, "place-in", item = item_name(&e.item, lang))
    };
    let field = field_name(&e.field, lang);
    let values = values(&e.field, &e.old, &e.new, lang);
    match (mine, e.author.as_deref()) {
        (true, _) => tr!(
            lang,
            "unseen-mine",
            place = place,
            field = field,
            values = values
        ),
        (false, Some(a)) => tr!(
            lang,
            "unseen-by",
            who = author_name(Some(a), lang),
            gender = gender_of(a),
            place = place,
            field = field,
            values = values
        ),
        (false, None) => tr!(
            lang,
            "unseen-someone",
            place = place,
            field = field,
            values = values
        ),
    }
}

/// A status in words: «в работе», "in progress" (an unknown one as
/// written).
pub fn status_words(status: &Status, lang: Lang) -> String {
    match status {
        Status::Planned => tr!(lang, "status-planned"),
        Status::InProgress => tr!(lang, "status-in-progress"),
        Status::Done => tr!(lang, "status-done"),
        Status::Cancelled => tr!(lang, "status-cancelled"),
        Status::Other(written) => one_line(written),
    }
}

/// An order as named: «приказ от 28.10.2021 № 491/01-08»; a missing date
/// or number is left out, not left dangling («приказ № 20»).
pub fn order_words(number: &str, date: Option<chrono::NaiveDate>, lang: Lang) -> String {
    let number = one_line(number.trim());
    let date = date.map(|d| d.format("%d.%m.%Y").to_string());
    match (date, number.is_empty()) {
        (Some(date), false) => tr!(lang, "order-dated-numbered", date = date, number = number),
        (Some(date), true) => tr!(lang, "order-dated", date = date),
        (None, false) => tr!(lang, "order-numbered", number = number),
        (None, true) => tr!(lang, "order"),
    }
}

/// A time of a change as local date and time ("2024-05-01 14:03").
pub fn time_text(seconds: i64) -> String {
    use chrono::TimeZone;
    match chrono::Local.timestamp_opt(seconds, 0) {
        chrono::LocalResult::Single(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        _ => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gender_is_guessed_from_the_surname() {
        assert_eq!(gender_of("Корчевская И.П."), Gender::Female);
        assert_eq!(gender_of("В.Г. Колосов"), Gender::Male);
        assert_eq!(gender_of("Иванова И.И."), Gender::Female);
        assert_eq!(gender_of("Сенюта Л.А."), Gender::Unknown);
        assert_eq!(gender_of("Харько А.В."), Gender::Unknown);
        assert_eq!(gender_of("root"), Gender::Unknown);
    }

    #[test]
    fn a_deadline_change_reads_as_a_sentence() {
        let change = ItemChange {
            item: Item {
                kind: ItemKind::Activity,
                id: "a1".into(),
                number: "1.2.".into(),
                label: "Мониторинг\u{1b}[31m результатов ВПР".into(),
            },
            kind: ChangeKind::FieldChanged {
                field: Field::Deadline,
                old: "Декабрь 2021".into(),
                new: "Январь 2022".into(),
            },
        };
        assert_eq!(
            author_line(
                Some("Корчевская И.П."),
                std::slice::from_ref(&change),
                Lang::Ru
            ),
            "Корчевская И.П.: изменила срок 1.2. «Мониторинг результатов ВПР»: «Декабрь 2021» → «Январь 2022»"
        );
        assert_eq!(
            phrase(&change, Some("Колосов В.Г."), Lang::En),
            "changed the deadline of 1.2. «Мониторинг результатов ВПР»: «Декабрь 2021» → «Январь 2022»"
        );
        assert!(phrase(&change, None, Lang::Ru).starts_with("изменил(а) срок"));
    }

    #[test]
    fn an_order_without_a_date_leaves_nothing_dangling() {
        let day = chrono::NaiveDate::from_ymd_opt(2021, 10, 28);
        assert_eq!(
            order_words("491/01-08", day, Lang::Ru),
            "приказ от 28.10.2021 № 491/01-08"
        );
        assert_eq!(order_words("20", None, Lang::Ru), "приказ № 20");
        assert_eq!(order_words(" ", day, Lang::Ru), "приказ от 28.10.2021");
        assert_eq!(order_words("", None, Lang::En), "order");
    }

    #[test]
    fn a_section_is_named_in_the_case_the_sentence_needs() {
        let change = ItemChange {
            item: Item {
                kind: ItemKind::Section,
                id: "s1".into(),
                number: "8".into(),
                label: "Мониторинг".into(),
            },
            kind: ChangeKind::FieldChanged {
                field: Field::Number,
                old: "3.".into(),
                new: "8".into(),
            },
        };
        tell_gender("Белых А.А.", Gender::Female);
        assert_eq!(
            phrase(&change, Some("Белых А.А."), Lang::Ru),
            "изменила номер раздела 8 «Мониторинг»: «3.» → «8»"
        );
        assert_eq!(
            phrase(&change, Some("Белых А.А."), Lang::En),
            "changed the number of section 8 «Мониторинг»: «3.» → «8»"
        );
    }
}
