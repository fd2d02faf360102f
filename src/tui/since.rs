//! What changed since the approved edition, in the editor: the marks on
//! the rows of changed activities (read in a worker thread after the load,
//! a merge or an approval, then patched from what each edit touched) and
//! the list of the changes in words (made in a worker thread too), from
//! which the chosen activity is shown.

use std::thread::JoinHandle;

use automerge::ChangeHash;

use crate::present::since::{Line, lines};
use crate::store::Doc;
use crate::store::history::changed::ChangedSince;
use crate::store::history::changes::ItemKind;
use crate::store::history::since::{Since, report};
use crate::store::write::approvals;
use crate::store::write::edit::NodeKind;

use super::action::{Action, Mode};
use super::app::App;
use super::ids::{ActivityId, RowKey, SectionId};
use super::overlay::{Changes, Overlay};
use super::undo::Op;

/// Slow reading of a copy of the document in a worker thread, `T` what it
/// gives, the copy taken at `heads`.
pub(super) struct Reading<T> {
    heads: Vec<ChangeHash>,
    worker: JoinHandle<T>,
}

impl<T: Send + 'static> Reading<T> {
    /// Starts `read` on a copy of `doc` (a quick copy of memory).
    fn start(doc: &mut Doc, read: impl FnOnce(Doc) -> T + Send + 'static) -> Reading<T> {
        let heads = doc.heads();
        let copy = doc.reading_copy();
        Reading {
            heads,
            worker: std::thread::spawn(move || read(copy)),
        }
    }

    fn is_finished(&self) -> bool {
        self.worker.is_finished()
    }

    /// Waits for the result; None when the worker failed.
    fn join(self) -> Option<(Vec<ChangeHash>, T)> {
        let heads = self.heads;
        self.worker.join().ok().map(|t| (heads, t))
    }
}

/// The marks being read: wanted (to start when the document is at hand)
/// or under way.
pub(super) enum Marking {
    /// To start as soon as the document is at hand.
    Wanted,
    /// Reading in a worker.
    Running(Reading<Option<ChangedSince>>),
}

/// The list of changes being made for the open list, or the error.
pub(super) type Listing = Reading<Result<Vec<Line>, String>>;

impl App {
    /// Whether the marks are being read (the rows have none meanwhile).
    pub fn reading_marks(&self) -> bool {
        self.document.marking.is_some()
    }

    /// Reads the marks anew against the latest approval, in a worker: the
    /// rows have none until they come (see [`App::poll_marks`]).
    pub(super) fn read_marks(&mut self) {
        self.document.since = None;
        self.document.marking = Some(Marking::Wanted);
        self.poll_marks(false);
    }

    /// Between keys (or waiting, when `wait`): starts the reading of the
    /// marks once the document is at hand, and takes them in when read,
    /// brought up to date with the edits and merges made meanwhile.
    pub(super) fn poll_marks(&mut self, wait: bool) {
        if wait {
            self.await_doc();
        }
        if !self.document.at_hand() {
            return;
        }
        match self.document.marking.take() {
            None => {}
            Some(Marking::Wanted) => {
                let reading =
                    Reading::start(&mut self.document.doc, |copy| ChangedSince::read(&copy));
                self.document.marking = Some(Marking::Running(reading));
                if wait {
                    self.poll_marks(true);
                }
            }
            Some(Marking::Running(reading)) if !wait && !reading.is_finished() => {
                self.document.marking = Some(Marking::Running(reading));
            }
            Some(Marking::Running(reading)) => {
                let read = reading.join();
                self.take_marks(read);
                if wait && self.document.marking.is_some() {
                    self.poll_marks(true);
                }
            }
        }
    }

    /// Takes in marks read at some heads: caught up with what was done
    /// since, or read again when that cannot be done by parts.
    fn take_marks(&mut self, read: Option<(Vec<ChangeHash>, Option<ChangedSince>)>) {
        if self.document.since.is_some() {
            // An approval made meanwhile set them afresh.
            return;
        }
        let Some((heads, read)) = read else {
            tracing::warn!("reading the marks failed");
            return;
        };
        if approvals::latest(self.document.doc.automerge()).is_none() {
            return;
        }
        self.document.since = read.and_then(|r| r.caught_up(&mut self.document.doc, &heads));
        if self.document.since.is_none() {
            // Another approval, or changes that touched everything.
            self.document.marking = Some(Marking::Wanted);
        }
    }

    /// Brings the marks up to date after changes from elsewhere were
    /// merged since the heads `before`.
    pub(super) fn remark_merged(&mut self, before: &[automerge::ChangeHash]) {
        if self.document.marking.is_some() {
            // The marks being read catch up with the merge when they come.
            return;
        }
        let caught_up = match self.document.since.take() {
            Some(since) => since.caught_up(&mut self.document.doc, before),
            None => None,
        };
        self.document.since = caught_up;
        if self.document.since.is_none()
            && approvals::latest(self.document.doc.automerge()).is_some()
        {
            // Another approval came, or the merge touched everything.
            self.read_marks();
        }
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
            let latest = approvals::latest(self.document.doc.automerge());
            match latest.is_some_and(|a| a.id == id) {
                true => {
                    self.document.marking = None;
                    self.document.since = ChangedSince::just_approved(&self.document.doc, id);
                }
                false => self.read_marks(),
            }
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
    /// there is no approved edition yet. The list is made in a worker: it
    /// opens at once saying so, and fills when ready (see
    /// [`App::poll_changes`]).
    pub(super) fn show_changes(&mut self) {
        let lang = self.lang;
        if approvals::latest(self.document.doc.automerge()).is_none() {
            let text = self.keymap.titled(
                lang.t("Утверждённой редакции ещё нет", "No approved edition yet"),
                Mode::Normal,
                Action::Approve,
                lang.t("утвердить", "approves it"),
            );
            return self.status.say(text);
        }
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
        let note = lang.t(
            "Список изменений составляется…",
            "The list of changes is being made…",
        );
        self.overlay = Overlay::Changes(Box::new(Changes::preparing(title, note.to_string())));
        self.document.listing = Some(self.start_listing());
    }

    /// Starts making the list of changes of the document as it is now.
    fn start_listing(&mut self) -> Listing {
        let (title, lang) = (self.document.roadmap.meta.title.clone(), self.lang);
        Reading::start(&mut self.document.doc, move |mut copy| {
            report(&mut copy, &Since::Approved)
                .map(|found| lines(&found, &title, lang))
                .map_err(|e| e.to_string())
        })
    }

    /// Between keys (or waiting, when `wait`): fills the open list of
    /// changes when it is made; made again when the document changed
    /// meanwhile. Dropped when the list was closed.
    pub(super) fn poll_changes(&mut self, wait: bool) {
        let Some(listing) = self.document.listing.take() else {
            return;
        };
        if !matches!(self.overlay, Overlay::Changes(_)) {
            return;
        }
        if wait {
            self.await_doc();
        }
        if !self.document.at_hand() || (!wait && !listing.is_finished()) {
            self.document.listing = Some(listing);
            return;
        }
        let Some((heads, made)) = listing.join() else {
            self.overlay = Overlay::None;
            let text = self.lang.t(
                "Список изменений не составлен",
                "The list of changes could not be made",
            );
            return self.status.complain(text.to_string());
        };
        if self.document.doc.heads() != heads {
            // Edited or merged meanwhile: made again.
            self.document.listing = Some(self.start_listing());
            if wait {
                self.poll_changes(true);
            }
            return;
        }
        match made {
            Ok(list) => {
                if let Overlay::Changes(changes) = &mut self.overlay {
                    changes.fill(list);
                }
            }
            Err(e) => {
                self.overlay = Overlay::None;
                self.status.complain(e);
            }
        }
    }

    /// Waits for the marks and the list of changes being made, if any.
    pub fn await_reading(&mut self) {
        self.poll_marks(true);
        self.poll_changes(true);
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
