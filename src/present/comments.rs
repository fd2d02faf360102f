//! Comments in words: a comment's line in a listing or the detail pane,
//! and what a change did to one («прокомментировала 1.2. «…»: «…»»).

use crate::describe::{Gender, author_name, gender_of, item_name, quote, time_text, verb};
use crate::i18n::Lang;
use crate::model::Comment;
use crate::model::text::one_line;
use crate::store::comment::{CommentChange, Event};

/// A comment as one line: "2024-05-01 14:03 Иванова И.И.: текст".
pub fn comment_line(comment: &Comment, lang: Lang) -> String {
    format!(
        "{} {}: {}",
        time_text(comment.seconds()),
        author_name(Some(&comment.author), lang),
        one_line(&comment.text)
    )
}

/// What a change did to a comment, as a verb phrase by `author`.
pub fn comment_phrase(change: &CommentChange, author: Option<&str>, lang: Lang) -> String {
    let gender = author.map_or(Gender::Unknown, gender_of);
    let v = |ru: &str, en: &str| match lang {
        Lang::Ru => verb(ru, gender),
        Lang::En => en.to_string(),
    };
    let name = item_name(&change.item, lang);
    match change.event {
        Event::Added => format!(
            "{} {name}: {}",
            v("прокомментировал", "commented on"),
            quote(&change.new)
        ),
        Event::Edited => format!(
            "{} {} {name}: {} → {}",
            v("изменил", "changed"),
            lang.t("комментарий к", "a comment on"),
            quote(&change.old),
            quote(&change.new)
        ),
        Event::Removed => format!(
            "{} {} {name}: {}",
            v("удалил", "removed"),
            lang.t("комментарий к", "a comment on"),
            quote(&change.old)
        ),
        Event::Restored => format!(
            "{} {} {name}: {}",
            v("вернул", "brought back"),
            lang.t("комментарий к", "a comment on"),
            quote(&change.new)
        ),
    }
}
