//! Steps confirmed while the document is not at hand but coming: still
//! loading behind a first frame from the view cache, or away in a worker
//! (a whole save's bytes, a compaction, a conflict scan). Field edits are
//! made early (see `early.rs`); the others — adding, deleting and moving
//! activities and sections, renumbering, the heading, comments, approval,
//! undo and redo — do not hold up the keyboard either: the confirmed step
//! is kept, with everything it acts on named by id, and made in the
//! document, in the order confirmed, as soon as the document is back
//! (after the early field edits; once a step waits, later field edits wait
//! behind it instead of being made early, so that nothing overtakes it).
//! The status line says that it waits; the screen shows it once made.
//!
//! Each kept step is also written, synced, to the file of early edits
//! (`FILE.early`), so a crash before the document arrives loses none: the
//! next open makes them once its document is at hand. An undo kept there
//! undoes the step kept before it; one that reached further back, into the
//! crashed session's own steps, cannot be known again and is said, not
//! made. When the document failed to load, steps are refused as before
//! (read-only).
//!
//! A screen that reads the document (the history, a merge, the recycle
//! bin, the changes since the approval…) asked for meanwhile does not hold
//! the keys either: it opens once the document is back, on the row it was
//! asked on, unless something else is open by then.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::store::write::edit::NodeKind;

use super::action::Action;
use super::app::App;
use super::draft::{Saved, saved, target};
use super::ids::{ActivityId, RowKey, SectionId};
use super::overlay::Overlay;
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
        date: NaiveDate,
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

/// A [`Deferred`] step as written to the file of early edits.
#[derive(Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub(super) enum Kept {
    /// [`Deferred::Step`] (where the cursor went is not kept).
    Ops { label: String, ops: Vec<KeptOp> },
    /// An activity or a section deleted (a question answered yes).
    Delete { node: NodeKind, id: String },
    /// The whole roadmap renumbered.
    Renumber,
    /// [`Deferred::Shift`].
    Shift {
        node: NodeKind,
        id: String,
        down: bool,
    },
    /// [`Deferred::MoveInto`].
    MoveInto {
        node: NodeKind,
        id: String,
        into: String,
    },
    /// [`Deferred::Comment`].
    Comment { activity: String, text: String },
    /// [`Deferred::Approve`].
    Approve { number: String, date: NaiveDate },
    /// [`Deferred::Undo`].
    Undo,
    /// [`Deferred::Redo`].
    Redo,
    /// [`Deferred::New`].
    New { target: Saved, text: String },
}

/// An op of a kept [`Deferred::Step`]: those a step made before the
/// document is at hand can hold.
#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub(super) enum KeptOp {
    /// A field of an activity, a section or the heading.
    Field {
        target: Saved,
        old: String,
        new: String,
    },
    /// A comment changed or removed.
    Comment {
        activity: String,
        id: String,
        old: Option<String>,
        new: Option<String>,
    },
    /// A node deleted or brought back.
    Exists {
        node: NodeKind,
        id: String,
        deleted: bool,
    },
}

impl Deferred {
    /// Moves `depths` (steps to undo, steps to redo) past this step once
    /// made; false for an undo or a redo that finds nothing to act on.
    pub(super) fn replay(&self, depths: &mut (usize, usize)) -> bool {
        let (done, undone) = depths;
        match self {
            Deferred::Undo | Deferred::Redo => {
                let (from, to) = match self {
                    Deferred::Undo => (done, undone),
                    _ => (undone, done),
                };
                if *from == 0 {
                    return false;
                }
                *from -= 1;
                *to += 1;
            }
            _ => {
                *done += 1;
                *undone = 0;
            }
        }
        true
    }

    /// The step as written to a file; None for one that cannot be (a step
    /// of ops no edit made before the load holds).
    pub(super) fn kept(&self) -> Option<Kept> {
        Some(match self {
            Deferred::Step { label, ops, .. } => Kept::Ops {
                label: label.clone(),
                ops: ops.iter().map(kept_op).collect::<Option<_>>()?,
            },
            Deferred::Answer(Question::DeleteActivity(id)) => Kept::Delete {
                node: NodeKind::Activity,
                id: id.to_string(),
            },
            Deferred::Answer(Question::DeleteSection(id)) => Kept::Delete {
                node: NodeKind::Section,
                id: id.to_string(),
            },
            Deferred::Answer(Question::Renumber) => Kept::Renumber,
            Deferred::Answer(Question::QuitUnsaved) => return None,
            Deferred::Shift { kind, id, down } => Kept::Shift {
                node: *kind,
                id: id.clone(),
                down: *down,
            },
            Deferred::MoveInto { kind, id, target } => Kept::MoveInto {
                node: *kind,
                id: id.clone(),
                into: target.to_string(),
            },
            Deferred::Comment { activity, text } => Kept::Comment {
                activity: activity.clone(),
                text: text.clone(),
            },
            Deferred::Approve { number, date } => Kept::Approve {
                number: number.clone(),
                date: *date,
            },
            Deferred::Undo => Kept::Undo,
            Deferred::Redo => Kept::Redo,
            Deferred::New { target, text } => Kept::New {
                target: saved(target)?,
                text: text.clone(),
            },
        })
    }

    /// The step written as `kept`; None when it names no known field.
    pub(super) fn restored(kept: Kept) -> Option<Deferred> {
        Some(match kept {
            Kept::Ops { label, ops } => Deferred::Step {
                label,
                ops: ops.into_iter().map(op_of).collect::<Option<_>>()?,
                focus: None,
            },
            Kept::Delete {
                node: NodeKind::Activity,
                id,
            } => Deferred::Answer(Question::DeleteActivity(ActivityId(id))),
            Kept::Delete {
                node: NodeKind::Section,
                id,
            } => Deferred::Answer(Question::DeleteSection(SectionId(id))),
            Kept::Renumber => Deferred::Answer(Question::Renumber),
            Kept::Shift { node, id, down } => Deferred::Shift {
                kind: node,
                id,
                down,
            },
            Kept::MoveInto { node, id, into } => Deferred::MoveInto {
                kind: node,
                id,
                target: SectionId(into),
            },
            Kept::Comment { activity, text } => Deferred::Comment { activity, text },
            Kept::Approve { number, date } => Deferred::Approve { number, date },
            Kept::Undo => Deferred::Undo,
            Kept::Redo => Deferred::Redo,
            Kept::New { target: t, text } => Deferred::New {
                target: target(t)?,
                text,
            },
        })
    }
}

/// A field's old and new values as written to a file, with what it is.
pub(super) fn kept_field(op: &Op) -> Option<(Saved, &str, &str)> {
    let (target, old, new) = match op {
        Op::Activity {
            id,
            field,
            old,
            new,
        } => (
            Target::Activity(ActivityId(id.clone()), field.clone()),
            old,
            new,
        ),
        Op::Section {
            id,
            field,
            old,
            new,
        } => (Target::Section(SectionId(id.clone()), *field), old, new),
        Op::Meta { field, old, new } => (Target::Meta(*field), old, new),
        _ => return None,
    };
    Some((saved(&target)?, old, new))
}

/// The field op written as `target` with its values; None when it names
/// no known field.
pub(super) fn field_op(target_saved: Saved, old: String, new: String) -> Option<Op> {
    Some(match target(target_saved)? {
        Target::Activity(id, field) => Op::Activity {
            id: id.0,
            field,
            old,
            new,
        },
        Target::Section(id, field) => Op::Section {
            id: id.0,
            field,
            old,
            new,
        },
        Target::Meta(field) => Op::Meta { field, old, new },
        _ => return None,
    })
}

fn kept_op(op: &Op) -> Option<KeptOp> {
    if let Some((target, old, new)) = kept_field(op) {
        return Some(KeptOp::Field {
            target,
            old: old.to_string(),
            new: new.to_string(),
        });
    }
    Some(match op {
        Op::Comment {
            activity,
            id,
            old,
            new,
        } => KeptOp::Comment {
            activity: activity.clone(),
            id: id.clone(),
            old: old.clone(),
            new: new.clone(),
        },
        Op::Exists { kind, id, deleted } => KeptOp::Exists {
            node: *kind,
            id: id.clone(),
            deleted: *deleted,
        },
        _ => return None,
    })
}

fn op_of(kept: KeptOp) -> Option<Op> {
    Some(match kept {
        KeptOp::Field { target, old, new } => field_op(target, old, new)?,
        KeptOp::Comment {
            activity,
            id,
            old,
            new,
        } => Op::Comment {
            activity,
            id,
            old,
            new,
        },
        KeptOp::Exists { node, id, deleted } => Op::Exists {
            kind: node,
            id,
            deleted,
        },
    })
}

impl App {
    /// Before a step that needs the document: false when it is at hand
    /// (the caller goes on); else true, the caller stopping here, with
    /// the step made by `step` kept for when the document is back, or,
    /// when it failed to load, refused with the read-only message.
    pub(super) fn keeps_for_doc(&mut self, step: impl FnOnce() -> Deferred) -> bool {
        if self.document.at_hand() {
            return false;
        }
        if self.document.load_error.is_some() {
            return !self.have_doc();
        }
        let step = step();
        if let Some(path) = &self.document.path {
            match super::early::append_step(path, &step) {
                Ok(true) => {}
                Ok(false) => tracing::warn!("a waiting step not kept on disk"),
                Err(e) => self.complain_about_journal(e),
            }
        }
        self.document.deferred.push(step);
        self.document.unsaved = true;
        let count = self.document.deferred.len();
        tracing::info!(count, "a step waits for the document");
        self.status
            .say(crate::tr!(self.lang, "deferred-waits", count = count));
        true
    }

    /// Keeps `action`, which opens a screen that reads the document (the
    /// history, a merge, the recycle bin…), to do once the document is
    /// back, on the row under the cursor now; a later one replaces it.
    pub(super) fn ask_when_back(&mut self, action: Action) {
        self.document.asked = Some((action, self.current_key()));
        let text = crate::tr!(self.lang, "deferred-opens-when-ready");
        self.status.say(text);
    }

    /// Opens the screen asked for while the document was away, now that
    /// it is back: at once when nothing else is open, else the user is
    /// told to ask again.
    pub(super) fn open_asked(&mut self) {
        let Some((action, row)) = self.document.asked.take() else {
            return;
        };
        if !matches!(self.overlay, Overlay::None) {
            let text = crate::tr!(self.lang, "deferred-ask-again");
            return self.status.say(text);
        }
        if let Some(row) = row {
            self.select_key(&row);
        }
        self.dispatch(action);
    }

    /// Whether an undo (or a redo) kept now would find a step to act on,
    /// once the early edits and the steps kept before it are made.
    pub(super) fn can_replay(&self, step: &Deferred) -> bool {
        let (done, undone) = self.document.history.depths();
        let early = self.document.early.len();
        let mut depths = (done + early, if early > 0 { 0 } else { undone });
        for kept in &self.document.deferred {
            kept.replay(&mut depths);
        }
        step.replay(&mut depths)
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
