//! What changed since the approved edition, in the editor: the marks on
//! the rows of changed activities (read once on load, after a merge or an
//! approval, then patched from what each edit touched) and the list of the
//! changes in words, from which the chosen activity is shown.

use crate::present::since::lines;
use crate::store::history::changed::ChangedSince;
use crate::store::history::changes::ItemKind;
use crate::store::history::since::{Since, report};
use crate::store::write::edit::NodeKind;

use super::action::{Action, Mode};
use super::app::App;
use super::ids::{ActivityId, RowKey, SectionId};
use super::overlay::{Changes, Overlay};
use super::undo::Op;

impl App {
    /// Reads the marks anew against the latest approval (the whole
    /// document is read).
    pub(super) fn read_marks(&mut self) {
        self.document.since = ChangedSince::read(&self.document.doc);
    }

    /// Brings the marks up to date after changes from elsewhere were
    /// merged since the heads `before`.
    pub(super) fn remark_merged(&mut self, before: &[automerge::ChangeHash]) {
        let since = self.document.since.take();
        self.document.since = ChangedSince::merged(since, &mut self.document.doc, before);
    }

    /// Brings the marks up to date after the ops of a step: an approval
    /// starts them anew, any other edit compares just what it touched.
    pub(super) fn remark(&mut self, ops: &[Op]) {
        let approval = ops.iter().find_map(|op| match op {
            Op::Approval(approved) => Some(approved.id.as_str()),
            _ => None,
        });
        if let Some(id) = approval {
            // Recorded (approved or redone): nothing changed since it;
            // withdrawn (undone): against the one before, read anew.
            self.document.since = ChangedSince::just_approved(&self.document.doc, id);
            return;
        }
        let Some(since) = &mut self.document.since else {
            return;
        };
        let ids = ops.iter().flat_map(|op| -> Vec<&str> {
            match op {
                Op::Activity { id, .. } => vec![id],
                Op::Place { kind, id, .. } | Op::Exists { kind, id, .. } => match kind {
                    NodeKind::Activity => vec![id],
                    NodeKind::Section => Vec::new(),
                },
                Op::Tree { nodes, .. } => nodes
                    .iter()
                    .filter(|(k, _)| *k == NodeKind::Activity)
                    .map(|(_, id)| id.as_str())
                    .collect(),
                // Comments are not what the approved edition compares.
                Op::Section { .. } | Op::Meta { .. } | Op::Comment { .. } | Op::Approval(_) => {
                    Vec::new()
                }
            }
        });
        since.update(&self.document.doc, ids);
    }

    /// Opens the list of what changed since the approved edition, or says
    /// there is no approved edition yet.
    pub(super) fn show_changes(&mut self) {
        let lang = self.lang;
        if self.document.since.is_none() {
            let text = self.keymap.titled(
                lang.t("Утверждённой редакции ещё нет", "No approved edition yet"),
                Mode::Normal,
                Action::Approve,
                lang.t("утвердить", "approves it"),
            );
            return self.status.say(text);
        }
        let found = match report(&self.document.doc, &Since::Approved) {
            Ok(found) => found,
            Err(e) => return self.status.complain(e.to_string()),
        };
        let list = lines(&found, &self.document.roadmap.meta.title, lang);
        let key = |action, does| {
            self.keymap
                .key_of(Mode::List, action)
                .map(|k| format!("{k} — {does}"))
        };
        let keys: Vec<String> = [
            key(Action::Select, lang.t("показать", "show it")),
            key(Action::Cancel, lang.t("закрыть", "close")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let title = format!(
            "{} ({})",
            lang.t(
                "Изменения с утверждённой редакции",
                "Changes since the approved edition"
            ),
            keys.join(", ")
        );
        self.overlay = Overlay::Changes(Box::new(Changes::new(title, list)));
    }

    /// Shows in the view the item of line `index` of the list of changes
    /// (closed by then); a deleted one is in the recycle bin.
    pub(super) fn go_to_change(&mut self, list: &Changes, index: usize) {
        let Some(item) = list.lines.get(index).and_then(|l| l.item.as_ref()) else {
            return;
        };
        let key = match item.kind {
            ItemKind::Activity => RowKey::Activity(ActivityId(item.id.clone())),
            ItemKind::Section => RowKey::Section(SectionId(item.id.clone())),
            ItemKind::Heading => return,
        };
        if self.select_key(&key) {
            return;
        }
        self.views.folded.clear();
        self.rebuild_rows();
        if self.select_key(&key) {
            return;
        }
        let shown = match item.kind {
            ItemKind::Activity => self.document.catalog.entry(&item.id).is_some(),
            _ => self.document.catalog.section(&item.id).is_some(),
        };
        let lang = self.lang;
        let text = match shown {
            true => lang
                .t(
                    "Не показано в этом виде или под фильтром",
                    "Not shown in this view or under the filter",
                )
                .to_string(),
            false => self.keymap.titled(
                lang.t("Удалено после утверждения", "Deleted since the approval"),
                Mode::Normal,
                Action::Trash,
                lang.t("корзина", "the recycle bin"),
            ),
        };
        self.status.say(text);
    }
}
