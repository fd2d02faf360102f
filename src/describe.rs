//! Changes put into words, Russian by default: "Корчевская И.П.: изменила
//! срок 1.2 «…»: «Декабрь 2021» → «Январь 2022»". Verbs agree with the
//! author's gender as guessed from the surname. All text from files is made
//! one safe line before it is shown.

use crate::i18n::Lang;
use crate::model::Status;
use crate::model::text::one_line;
use crate::store::changes::{ChangeKind, Field, Item, ItemChange, ItemKind};
use crate::store::schema::meta;
use crate::store::trash::{Deleted, UnseenEdit};

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

/// Guesses the gender from a Russian surname written with initials in
/// either order ("Корчевская И.П.", "В.Г. Колосов").
pub fn gender_of(name: &str) -> Gender {
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

/// A past-tense verb agreeing with `gender`: `verb("изменил", …)` →
/// "изменила" / "изменил" / "изменил(а)".
pub fn verb(masculine: &str, gender: Gender) -> String {
    match gender {
        Gender::Female => format!("{masculine}а"),
        Gender::Male => masculine.to_string(),
        Gender::Unknown => format!("{masculine}(а)"),
    }
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

/// An item as people name it: "1.2. «Провести…»", "раздел 2. «…»".
pub fn item_name(item: &Item, lang: Lang) -> String {
    let number = one_line(item.number.trim());
    let label = quote(&item.label);
    let core = if number.is_empty() {
        label
    } else {
        format!("{number} {label}")
    };
    match item.kind {
        ItemKind::Section => format!("{} {core}", lang.t("раздел", "section")),
        ItemKind::Activity => core,
        ItemKind::Heading => lang.t("заголовок карты", "the heading").to_string(),
    }
}

/// The name of a field as the object of "изменил": "срок", "статус"…
pub fn field_name(field: &Field, lang: Lang) -> String {
    let t = |ru: &str, en: &str| lang.t(ru, en).to_string();
    match field {
        Field::Text => t("текст", "the text"),
        Field::Deadline => t("срок", "the deadline"),
        Field::Responsible => t("ответственных", "the responsible"),
        Field::Status => t("статус", "the status"),
        Field::Number => t("номер", "the number"),
        Field::Title => t("название", "the title"),
        Field::Stage => t("этап цикла", "the cycle stage"),
        Field::Column { key, title } => {
            let name = if title.trim().is_empty() { key } else { title };
            format!("{} {}", lang.t("графу", "the column"), quote(name))
        }
        Field::Heading(key) => match key.as_str() {
            meta::TITLE => t("название карты", "the title of the roadmap"),
            meta::MUNICIPALITY => t("муниципалитет", "the municipality"),
            meta::APPROVAL_NUMBER => t("номер приказа", "the order number"),
            meta::APPROVAL_DATE => t("дату приказа", "the order date"),
            meta::PERIOD_FROM => t("начало периода", "the start of the period"),
            meta::PERIOD_TO => t("конец периода", "the end of the period"),
            meta::NOTES => t("примечания", "the notes"),
            other => one_line(other),
        },
    }
}

/// A stored value as shown: statuses in words, responsible lists joined.
pub fn value_text(field: &Field, value: &str, lang: Lang) -> String {
    match field {
        Field::Status => match Status::parse(value) {
            Some(s) => format!("«{}»", lang.t(s.russian(), s.as_str())),
            None => quote(value),
        },
        Field::Stage => match value
            .parse()
            .ok()
            .and_then(crate::model::Stage::from_number)
        {
            Some(s) => format!("«{}. {}»", s.number(), s.title()),
            None => lang.t("«не задан»", "«not set»").to_string(),
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

/// One change as a verb phrase: "изменила срок 1.2 «…»: «A» → «B»".
pub fn phrase(change: &ItemChange, author: Option<&str>, lang: Lang) -> String {
    let gender = author.map_or(Gender::Unknown, gender_of);
    let v = |ru: &str, en: &str| match lang {
        Lang::Ru => verb(ru, gender),
        Lang::En => en.to_string(),
    };
    let name = item_name(&change.item, lang);
    match &change.kind {
        ChangeKind::Added => format!("{} {name}", v("добавил", "added")),
        ChangeKind::Removed => format!("{} {name}", v("удалил", "deleted")),
        ChangeKind::Restored => format!("{} {name}", v("восстановил", "restored")),
        ChangeKind::Renumbered { count } => match lang {
            Lang::Ru => format!(
                "{} карту: {count} {}",
                v("перенумеровал", ""),
                crate::plural::choose(*count, "номер", "номера", "номеров")
            ),
            Lang::En => format!("renumbered the roadmap: {count} number(s)"),
        },
        ChangeKind::Moved { from, to } => {
            let place = if from == to {
                match to {
                    Some(s) => format!("{} {}", lang.t("внутри:", "within"), item_name(s, lang)),
                    None => lang.t("на другое место", "to another place").to_string(),
                }
            } else {
                match to {
                    Some(s) => format!("{} {}", lang.t("в", "to"), item_name(s, lang)),
                    None => lang.t("на верхний уровень", "to the top level").to_string(),
                }
            };
            format!("{} {name} {place}", v("переместил", "moved"))
        }
        ChangeKind::FieldChanged { field, old, new } => {
            let of = match (change.item.kind, lang) {
                (ItemKind::Heading, _) => String::new(),
                (_, Lang::Ru) => format!(" {name}"),
                (_, Lang::En) => format!(" of {name}"),
            };
            let long = old.chars().count() > QUOTE_LIMIT || new.chars().count() > QUOTE_LIMIT;
            let words = match field {
                Field::Text | Field::Column { .. } | Field::Heading(_) if long => {
                    crate::present::words::changed_words(&one_line(old), &one_line(new))
                }
                _ => None,
            };
            match words {
                Some(words) => format!(
                    "{} {}{of}: {words}",
                    v("изменил", "changed"),
                    field_name(field, lang),
                ),
                None => format!(
                    "{} {}{of}: {} → {}",
                    v("изменил", "changed"),
                    field_name(field, lang),
                    value_text(field, old, lang),
                    value_text(field, new, lang)
                ),
            }
        }
    }
}

/// An author's name as shown ("неизвестный автор" when none was recorded).
pub fn author_name(author: Option<&str>, lang: Lang) -> String {
    match author.map(one_line) {
        Some(a) if !a.trim().is_empty() => a.trim().to_string(),
        _ => lang.t("неизвестный автор", "unknown author").to_string(),
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
    let tail = match lang {
        Lang::Ru => "всё сохранено в корзине (karta trash), вернуть — karta restore",
        Lang::En => "all kept in the bin (karta trash); bring it back with karta restore",
    };
    format!("{}; {tail}", deletion_words(deleted, me, lang))
}

/// The deletion and the edits made unseen, without saying where they are
/// kept: "Сенюта Л.А. удалил(а) 3.12. «…», а вы изменили в нём срок: «Май»
/// → «Июнь»".
pub fn deletion_words(deleted: &Deleted, me: Option<&str>, lang: Lang) -> String {
    let who = author_name(deleted.by.as_deref(), lang);
    let gender = deleted.by.as_deref().map_or(Gender::Unknown, gender_of);
    let deleted_verb = lang.t(&verb("удалил", gender), "deleted").to_string();
    let edits: Vec<String> = deleted
        .unseen
        .iter()
        .map(|e| unseen_phrase(deleted, e, me, lang))
        .collect();
    format!(
        "{who} {deleted_verb} {}, {} {}",
        item_name(&deleted.item, lang),
        lang.t("а", "but"),
        edits.join(lang.t(", а ", ", and "))
    )
}

/// One edit the person deleting did not see, as a phrase: "вы изменили в
/// нём срок: «Май» → «Июнь»", "Корчевская И.П. изменила в 3.12. «…»
/// текст: …". `me` is the reader's own name ("вы" for her edits).
pub fn unseen_phrase(deleted: &Deleted, e: &UnseenEdit, me: Option<&str>, lang: Lang) -> String {
    let mine = e.author.is_some() && e.author.as_deref() == me;
    let editor = match (mine, lang) {
        (true, Lang::Ru) => "вы изменили".to_string(),
        (true, Lang::En) => "you changed".to_string(),
        (false, Lang::Ru) => match e.author.as_deref() {
            Some(a) => format!(
                "{} {}",
                author_name(Some(a), lang),
                verb("изменил", gender_of(a))
            ),
            None => "кто-то изменил".to_string(),
        },
        (false, Lang::En) => format!("{} changed", author_name(e.author.as_deref(), lang)),
    };
    let place = if e.item.id == deleted.item.id {
        lang.t("в нём", "in it").to_string()
    } else {
        format!("{} {}", lang.t("в", "in"), item_name(&e.item, lang))
    };
    format!(
        "{editor} {place} {}: {} → {}",
        field_name(&e.field, lang),
        value_text(&e.field, &e.old, lang),
        value_text(&e.field, &e.new, lang)
    )
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
}
