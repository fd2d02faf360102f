//! Steps confirmed while the document is not at hand but coming: still
//! loading behind a first frame from the view cache, or away in a worker
//! (a whole save's bytes, a compaction, a conflict scan). Field edits are
//! made early (see `early.rs`); the others — adding, deleting and moving
//! activities and sections, renumbering, the heading, comments, approval,
//! undo and redo — do not hold up the keyboard either: the confirmed step is kept, with
//! everything it acts on named by id, and made in the document, in the
//! order confirmed, as soon as the document is back (after the early field
//! edits). The status line says that it waits; the screen shows it once
//! made. Undo and redo wait like this only while no field edit is kept
//! early (the early edits are made first, so an undo kept after one would
//! undo the wrong step): with one kept, they wait for the document as
//! before. Unlike early field edits these are not kept on disk meanwhile: a
//! crash in the seconds before the document arrives loses them. When the
//! document failed to load, they are refused as before (read-only).
//! Merges and the screens that read the document (history, changes since
//! the approval) still wait.

use crate::store::write::edit::NodeKind;

use super::app::App;
use super::ids::{ActivityId, RowKey, SectionId};
use super::overlay::question::Question;
use super::target::Target;
use super::undo::Op;

/// A confirmed step waiting for the document.
#[derive(Debug, Clone)]
pub enum Deferred {
    /// Ops resolved already (the heading, a comment changed, a form).
    Step {
        /// What the user did.
        label: String,
        /// The ops to make.
        ops: Vec<Op>,
        /// Where the cursor goes after.
        focus: Option<RowKey>,
    },
    /// A question answered yes (delete an activity or a section, renumber).
    Answer(Question),
    /// A node moved one place up or down among its siblings.
    Shift {
        /// Activity or section.
        kind: NodeKind,
        /// Its id.
        id: String,
        /// Down (true) or up.
        down: bool,
    },
    /// A node moved to the end of a section.
    MoveInto {
        /// Activity or section.
        kind: NodeKind,
        /// Its id.
        id: String,
        /// The section it goes to.
        target: SectionId,
    },
    /// A new comment on an activity.
    Comment {
        /// The activity's id.
        activity: String,
        /// What was written.
        text: String,
    },
    /// The edition approved by an order.
    Approve {
        /// The order's number.
        number: String,
        /// Its date.
        date: chrono::NaiveDate,
    },
    /// Undo of the last step (made after the steps kept before it).
    Undo,
    /// Redo of the last undone step.
    Redo,
    /// A new activity or section with its text.
    New {
        /// Where it goes ([`Target::NewActivity`] or [`Target::NewSection`]).
        target: Target,
        /// What was typed.
        text: String,
    },
}

impl App {
    /// Keeps `step` for when the document is back, when it is coming
    /// (true); false when it is here, or failed to load (then the caller
    /// goes on, and the read-only message is shown).
    pub(super) fn defer(&mut self, step: Deferred) -> bool {
        if self.document.at_hand() || self.document.load_error.is_some() {
            return false;
        }
        self.document.deferred.push(step);
        self.document.unsaved = true;
        let count = self.document.deferred.len();
        tracing::info!(count, "a step waits for the document");
        self.status
            .say(crate::tr!(self.lang, "deferred-waits", count = count));
        true
    }

    /// Makes the steps kept for the document, in order, now that it is at
    /// hand.
    pub(super) fn make_deferred(&mut self) {
        if self.document.deferred.is_empty() || !self.document.at_hand() {
            return;
        }
        let steps = std::mem::take(&mut self.document.deferred);
        tracing::info!(
            count = steps.len(),
            "steps that waited made in the document"
        );
        for step in steps {
            match step {
                Deferred::Step { label, ops, focus } => self.apply_step(label, ops, focus),
                Deferred::Answer(question) => self.answer(question, true),
                Deferred::New { target, text } => self.add_new(target, text),
                Deferred::Shift { kind, id, down } => self.shift_node(kind, &id, down),
                Deferred::Comment { activity, text } => self.add_comment(activity, text),
                Deferred::Approve { number, date } => self.approve(number, date),
                Deferred::Undo => self.undo(),
                Deferred::Redo => self.redo(),
                Deferred::MoveInto { kind, id, target } => match kind {
                    NodeKind::Activity => self.move_activity_into(&ActivityId(id), &target),
                    NodeKind::Section => self.move_section_into(&SectionId(id), &target),
                },
            }
        }
    }
}
