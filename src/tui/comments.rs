//! Comments from the editor: a new comment on the selected activity, or
//! one of its comments changed or removed; each is one undo step, journaled
//! at once, like any edit.

use crate::describe::{author_name, item_name, time_text};
use crate::model::text::one_line;
use crate::present::errors::store_error;
use crate::store::history::changes::{Item, ItemKind};

use super::app::App;
use super::deferred::Deferred;
use super::ids::{ActivityId, RowKey};
use super::overlay::{Choice, CommentForm, List, ListKind, Overlay};
use super::undo::Op;

impl App {
    /// On the activity under the cursor: the form for a new comment, or,
    /// when it has comments, the list to write a new one or pick one to
    /// change.
    pub(super) fn begin_comment(&mut self) {
        let Some(entry) = self.current_entry() else {
            return self.status.say(crate::tr!(
                self.lang,
                "comments-comments-are-on-activities-select"
            ));
        };
        let lang = self.lang;
        let a = &self.document.catalog.entries[entry].activity;
        if a.comments.is_empty() {
            return self.choose_comment(ActivityId(a.id.clone()), 0);
        }
        let mut choices = vec![Choice {
            label: lang.t("Новый комментарий…", "New comment…").to_string(),
            value: String::new(),
            depth: 0,
        }];
        choices.extend(a.comments.iter().map(|c| Choice {
            label: format!(
                "{}, {}",
                author_name(Some(&c.author), lang),
                time_text(c.seconds())
            ),
            value: one_line(&c.text),
            depth: 0,
        }));
        self.overlay = Overlay::List(List {
            kind: ListKind::Comments(ActivityId(a.id.clone())),
            title: format!(
                "{} {}",
                lang.t("Комментарии к", "Comments on"),
                item_name(&item_of(a), lang)
            ),
            choices,
            selected: 0,
        });
    }

    /// Opens the form for choice `index` of the comments list of
    /// `activity`: 0 a new comment, then its comments in order.
    pub(super) fn choose_comment(&mut self, activity: ActivityId, index: usize) {
        let lang = self.lang;
        let Some(e) = self.document.catalog.entry(activity.as_str()) else {
            return;
        };
        let name = item_name(&item_of(&e.activity), lang);
        let form = match index.checked_sub(1) {
            None => CommentForm::new(
                activity,
                format!("{} {name}", crate::tr!(lang, "comments-comment-on")),
            ),
            Some(i) => {
                let Some(c) = e.activity.comments.get(i) else {
                    return;
                };
                let title = format!(
                    "{} {name} ({})",
                    lang.t("Изменить комментарий к", "Change a comment on"),
                    author_name(Some(&c.author), lang)
                );
                CommentForm::editing(activity, title, c.id.clone(), &c.text)
            }
        };
        self.overlay = Overlay::Comment(Box::new(form));
    }

    /// Writes what the form holds: a new comment (nothing when empty), the
    /// comment changed, or removed when its text was emptied.
    pub(super) fn commit_comment(&mut self, form: CommentForm) {
        let lang = self.lang;
        let text = crate::model::text::sanitize(&form.text())
            .trim()
            .to_string();
        let activity = form.activity.as_str().to_string();
        let focus = Some(RowKey::Activity(form.activity));
        let Some((id, old)) = form.editing else {
            return self.add_comment(activity, text);
        };
        let (new, label) = match text.is_empty() {
            true => (None, lang.t("Комментарий удалён", "Comment removed")),
            false => (Some(text), lang.t("Комментарий изменён", "Comment changed")),
        };
        let op = Op::Comment {
            activity,
            id,
            old: Some(old),
            new,
        };
        self.apply_step(label.to_string(), vec![op], focus);
    }

    /// Adds a comment to `activity` (nothing when empty); kept for the
    /// document when it is coming (see `deferred.rs`).
    pub(super) fn add_comment(&mut self, activity: String, text: String) {
        if text.is_empty() {
            return;
        }
        if self.keeps_for_doc(|| Deferred::Comment {
            activity: activity.clone(),
            text: text.clone(),
        }) {
            return;
        }
        let lang = self.lang;
        let focus = Some(RowKey::Activity(ActivityId(activity.clone())));
        match self.document.doc.add_comment(&activity, &text) {
            Ok(id) => {
                let op = Op::Comment {
                    activity,
                    id,
                    old: None,
                    new: Some(text),
                };
                let label = crate::tr!(lang, "comments-comment-added");
                self.record(label.to_string(), vec![op], focus);
            }
            Err(e) => self.status.complain(store_error(&e, self.lang)),
        }
    }
}

/// An activity as people name it.
fn item_of(a: &crate::model::Activity) -> Item {
    Item {
        kind: ItemKind::Activity,
        id: a.id.clone(),
        number: a.number.clone(),
        label: a.text.clone(),
    }
}
