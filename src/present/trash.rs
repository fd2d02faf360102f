//! The recycle bin in words: one line per deletion, as `karta trash`
//! prints it and the editor's Корзина lists it.

use crate::describe::{author_name, gender_of, item_name, time_text};
use crate::i18n::Lang;
use crate::store::write::trash::Deleted;
use crate::tr;

/// One deletion in a line: what, how much with it, by whom, when: "раздел
/// 2. «…» (с 5 мероприятиями) — удалила Корчевская И.П. 2024-05-01 14:03".
pub fn deleted_line(d: &Deleted, lang: Lang) -> String {
    let item = item_name(&d.item, lang);
    let who = author_name(d.by.as_deref(), lang);
    let gender =
        d.by.as_deref()
            .map_or(crate::describe::Gender::Unknown, gender_of);
    let time = time_text(d.time);
    match d.activities {
        0 => tr!(
            lang,
            "trash-line",
            item = item,
            gender = gender,
            who = who,
            time = time
        ),
        n => tr!(
            lang,
            "trash-line-with",
            item = item,
            count = n,
            gender = gender,
            who = who,
            time = time
        ),
    }
}
