//! Comments in words: a comment's line in a listing or the detail pane,
//! and what a change did to one («прокомментировала 1.2. «…»: «…»»).

use crate::describe::{Case, Gender, author_name, gender_of, item_in, item_name, quote, time_text};
use crate::i18n::Lang;
use crate::model::Comment;
use crate::model::text::one_line;
use crate::store::write::comment::{CommentChange, Event};
use crate::tr;

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
    match change.event {
        Event::Added => tr!(
            lang,
            "comment-added",
            gender = gender,
            item = item_name(&change.item, lang),
            text = quote(&change.new)
        ),
        Event::Edited => tr!(
            lang,
            "comment-edited",
            gender = gender,
            item = item_in(&change.item, Case::Dative, lang),
            values = format!("{} → {}", quote(&change.old), quote(&change.new))
        ),
        Event::Removed => tr!(
            lang,
            "comment-removed",
            gender = gender,
            item = item_in(&change.item, Case::Dative, lang),
            text = quote(&change.old)
        ),
        Event::Restored => tr!(
            lang,
            "comment-restored",
            gender = gender,
            item = item_in(&change.item, Case::Dative, lang),
            text = quote(&change.new)
        ),
    }
}
