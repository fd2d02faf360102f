//! Comments from the editor: the form for a comment on the selected
//! activity, and adding it to the document (one change, journaled at
//! once, like any edit).

use crate::describe::item_name;
use crate::store::changes::{Item, ItemKind};

use super::app::App;
use super::ids::{ActivityId, RowKey};
use super::overlay::{CommentForm, Overlay};

impl App {
    /// Opens the comment form on the activity under the cursor.
    pub(super) fn begin_comment(&mut self) {
        let Some(entry) = self.current_entry() else {
            return self.status.say(crate::tr!(
                self.lang,
                "comments-comments-are-on-activities-select"
            ));
        };
        let a = &self.document.catalog.entries[entry].activity;
        let item = Item {
            kind: ItemKind::Activity,
            id: a.id.clone(),
            number: a.number.clone(),
            label: a.text.clone(),
        };
        let title = format!(
            "{} {}",
            crate::tr!(self.lang, "comments-comment-on"),
            item_name(&item, self.lang)
        );
        let form = CommentForm::new(ActivityId(a.id.clone()), title);
        self.overlay = Overlay::Comment(Box::new(form));
    }

    /// Adds the comment written in the form (nothing when it is empty).
    pub(super) fn commit_comment(&mut self, form: CommentForm) {
        let text = crate::model::text::sanitize(&form.text())
            .trim()
            .to_string();
        if text.is_empty() {
            return;
        }
        let id = form.activity.as_str();
        if let Err(e) = self.document.doc.add_comment(id, &text) {
            return self.status.complain(e.to_string());
        }
        self.journal_changes();
        self.document.unsaved = true;
        let fresh = self.document.doc.activity(id);
        match (fresh, self.document.roadmap.activity_mut(id)) {
            (Some(fresh), Some(slot)) => {
                *slot = fresh;
                self.recatalog();
            }
            _ => self.reload(),
        }
        self.select_key(&RowKey::Activity(form.activity));
        self.status
            .say(crate::tr!(self.lang, "comments-comment-added"));
    }
}
