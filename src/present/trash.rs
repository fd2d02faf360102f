//! The recycle bin in words: one line per deletion, as `karta trash`
//! prints it and the editor's Корзина lists it.

use crate::describe::{Gender, author_name, gender_of, item_name, time_text, verb};
use crate::i18n::Lang;
use crate::store::trash::Deleted;

/// One deletion in a line: what, how much with it, by whom, when: "раздел
/// 2. «…» (с 5 мероприятиями) — удалила Корчевская И.П. 2024-05-01 14:03".
pub fn deleted_line(d: &Deleted, lang: Lang) -> String {
    let with = match (d.activities, lang) {
        (0, _) => String::new(),
        (n, Lang::Ru) => format!(
            " (с {n} {})",
            crate::plural::choose(n, "мероприятием", "мероприятиями", "мероприятиями")
        ),
        (n, Lang::En) => format!(" (with {n} activities)"),
    };
    let gender = d.by.as_deref().map_or(Gender::Unknown, gender_of);
    format!(
        "{}{with} — {} {} {}",
        item_name(&d.item, lang),
        lang.t(&verb("удалил", gender), "deleted by"),
        author_name(d.by.as_deref(), lang),
        time_text(d.time),
    )
}
