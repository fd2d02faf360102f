//! The recycle bin from the editor: listing what was deleted (with the
//! edits made to it by people who did not see the deletion) and restoring
//! an item with everything deleted with it, as one undoable step.

use crate::describe::unseen_phrase;
use crate::model::text::one_line;
use crate::present::trash::deleted_line;
use crate::store::history::changes::ItemKind;
use crate::store::write::edit::NodeKind;
use crate::store::write::trash::{Deleted, deleted_items};

use super::action::{Action, Mode};
use super::app::App;
use super::ids::{ActivityId, RowKey, SectionId};
use super::overlay::{Binned, Overlay, Trash};

impl App {
    /// Opens the recycle bin, or says it is empty; read in a worker (the
    /// whole document is looked through).
    pub(super) fn show_trash(&mut self) {
        let what = crate::tr!(self.lang, "trash-reading");
        self.send_doc(&what, |doc| {
            let deleted = deleted_items(doc);
            Box::new(move |app: &mut App| app.open_trash(deleted))
        });
    }

    fn open_trash(&mut self, deleted: Vec<Deleted>) {
        if deleted.is_empty() {
            return self
                .status
                .say(crate::tr!(self.lang, "trash-the-bin-is-empty-2"));
        }
        let restore = self.key_words(Action::Select, &crate::tr!(self.lang, "trash-restore"));
        let items = deleted.iter().map(|d| self.binned(d, &restore)).collect();
        let title = format!(
            "{} ({restore}, {})",
            crate::tr!(self.lang, "trash-recycle-bin"),
            self.key_words(Action::Cancel, &crate::tr!(self.lang, "trash-close"))
        );
        self.overlay = Overlay::Trash(Box::new(Trash {
            title,
            items,
            selected: 0,
        }));
    }

    /// Restores a deletion listed in the bin, with everything deleted
    /// with it.
    pub(super) fn restore_binned(&mut self, item: &Binned) {
        let focus = match item.kind {
            NodeKind::Activity => RowKey::Activity(ActivityId(item.id.clone())),
            NodeKind::Section => RowKey::Section(SectionId(item.id.clone())),
        };
        let label = crate::tr!(self.lang, "trash-restored-from-the-bin").to_string();
        self.tree_step(item.kind, &item.id, false, label, Some(focus));
    }

    /// "Enter — вернуть": the first key of a list action and what it does.
    fn key_words(&self, action: Action, does: &str) -> String {
        match self.keymap.key_of(Mode::List, action) {
            Some(key) => format!("{key} — {does}"),
            None => does.to_string(),
        }
    }

    /// A deletion as the bin shows it.
    fn binned(&self, d: &Deleted, restore: &str) -> Binned {
        let lang = self.lang;
        let me = self.document.doc.author();
        let mut details = vec![one_line(&deleted_line(d, lang))];
        if d.activities > 0 {
            details.push(crate::tr!(lang, "bin-deleted-with", count = d.activities));
        }
        if !d.unseen.is_empty() {
            details.push(crate::tr!(lang, "trash-changed-after-the-deletion-by").to_string());
            details.extend(
                d.unseen
                    .iter()
                    .map(|e| one_line(&format!("‼ {}", unseen_phrase(d, e, me, lang)))),
            );
        }
        details.push(String::new());
        details.push(restore.to_string());
        Binned {
            kind: match d.item.kind {
                ItemKind::Section => NodeKind::Section,
                _ => NodeKind::Activity,
            },
            id: d.item.id.clone(),
            line: one_line(&deleted_line(d, lang)),
            warned: !d.unseen.is_empty(),
            details,
        }
    }
}
