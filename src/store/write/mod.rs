//! Edits of a roadmap document, each one change recorded with its author: fields, free text, numbers, stages, comments, approvals, the recycle bin.

pub mod approvals;
pub mod comment;
pub mod edit;
pub(super) mod renumber;
pub(super) mod stage;
pub mod textslot;
pub mod trash;
