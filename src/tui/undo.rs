//! Undo and redo of the user's own edits. Each step remembers the values
//! before and after; undoing writes the old values back as a new change, so
//! it merges with other people's work like any edit.

use crate::store::write::approvals::Approved;
use crate::store::write::edit::{ActivityField, MetaField, NodeKind, Place, SectionField};
use crate::store::write::trash::Node;
use crate::store::{Doc, StoreError};

/// One change a step made, with what was there before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// A field of an activity.
    Activity {
        /// Activity id.
        id: String,
        /// Which field.
        field: ActivityField,
        /// Value before.
        old: String,
        /// Value after.
        new: String,
    },
    /// A field of a section.
    Section {
        /// Section id.
        id: String,
        /// Which field.
        field: SectionField,
        /// Value before.
        old: String,
        /// Value after.
        new: String,
    },
    /// A field of the heading.
    Meta {
        /// Which field.
        field: MetaField,
        /// Value before.
        old: String,
        /// Value after.
        new: String,
    },
    /// A node moved.
    Place {
        /// Activity or section.
        kind: NodeKind,
        /// Its id.
        id: String,
        /// Where it was.
        old: Place,
        /// Where it went.
        new: Place,
    },
    /// A node was created (`deleted: false`) or deleted (`deleted: true`).
    Exists {
        /// Activity or section.
        kind: NodeKind,
        /// Its id.
        id: String,
        /// Whether the step deleted it.
        deleted: bool,
    },
    /// A section with everything in it (or one activity) deleted or
    /// restored as one change, as the recycle bin lists it.
    Tree {
        /// Activity or section.
        kind: NodeKind,
        /// Its id.
        id: String,
        /// It and what went with it.
        nodes: Vec<Node>,
        /// Whether the step deleted them (false: restored).
        deleted: bool,
    },
    /// A comment on an activity written (`old` None), edited, or removed
    /// (`new` None).
    Comment {
        /// The activity commented on.
        activity: String,
        /// The comment's id.
        id: String,
        /// Its text before (None: not there, or removed).
        old: Option<String>,
        /// Its text after (None: removed).
        new: Option<String>,
    },
    /// The roadmap as it stands approved by an order: redone, the approval
    /// is recorded again (same id, the heads of then); undone, withdrawn.
    Approval(Box<Approved>),
}

impl Op {
    /// Writes the state after (`forward`) or before the op.
    pub(super) fn apply(&self, doc: &mut Doc, forward: bool) -> Result<(), StoreError> {
        let pick = |old: &str, new: &str| {
            if forward {
                new.to_string()
            } else {
                old.to_string()
            }
        };
        match self {
            Op::Activity {
                id,
                field,
                old,
                new,
            } => {
                doc.set_activity_field(id, field, &pick(old, new))?;
            }
            Op::Section {
                id,
                field,
                old,
                new,
            } => {
                doc.set_section_field(id, *field, &pick(old, new))?;
            }
            Op::Meta { field, old, new } => {
                doc.set_meta(*field, &pick(old, new))?;
            }
            Op::Place { kind, id, old, new } => {
                doc.set_place(*kind, id, if forward { new } else { old })?;
            }
            Op::Exists { kind, id, deleted } => {
                doc.set_deleted(*kind, id, if forward { *deleted } else { !*deleted })?;
            }
            Op::Tree {
                kind, id, deleted, ..
            } => {
                if forward == *deleted {
                    doc.delete_tree(*kind, id)?;
                } else {
                    doc.restore(*kind, id)?;
                }
            }
            Op::Comment { id, old, new, .. } => {
                let text = if forward { new } else { old };
                doc.set_comment(id, text.as_deref())?;
            }
            Op::Approval(approved) => {
                if forward {
                    doc.record_approval(approved)?;
                } else {
                    doc.withdraw_approval(&approved.id)?;
                }
            }
        }
        Ok(())
    }

    /// Whether the op only changed one field (the screen can patch it in).
    pub fn is_field(&self) -> bool {
        matches!(
            self,
            Op::Activity { .. } | Op::Meta { .. } | Op::Section { .. }
        )
    }
}

/// The ops of one user action, and a name for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What the user did ("изменение срока").
    pub label: String,
    /// The ops in the order they were made.
    pub ops: Vec<Op>,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// How many steps are kept.
const LIMIT: usize = 500;

impl History {
    /// Records a step just made; the redo stack is dropped.
    pub fn record(&mut self, step: Step) {
        if step.ops.is_empty() {
            return;
        }
        self.undo.push(step);
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// How many steps there are to undo and to redo.
    pub fn depths(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Undoes the last step; returns it.
    pub fn undo(&mut self, doc: &mut Doc) -> Result<Option<Step>, StoreError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        for op in step.ops.iter().rev() {
            op.apply(doc, false)?;
        }
        self.redo.push(step.clone());
        Ok(Some(step))
    }

    /// Redoes the last undone step; returns it.
    pub fn redo(&mut self, doc: &mut Doc) -> Result<Option<Step>, StoreError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        for op in &step.ops {
            op.apply(doc, true)?;
        }
        self.undo.push(step.clone());
        Ok(Some(step))
    }
}
