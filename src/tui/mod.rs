//! The terminal editor: key → action (from the keymap) → update of the
//! state and the document → drawing from the state. The state is
//! [`app::App`]: the [`document::Document`], the [`view::Views`], the
//! [`overlay::Overlay`] and the [`status::StatusLine`]. See
//! `ARCHITECTURE.md` for where each kind of change goes.

pub mod action;
pub mod app;
mod approval;
mod browse;
pub mod catalog;
pub mod collab;
mod comments;
pub mod complete;
pub mod deferred;
pub mod document;
mod draft;
pub mod early;
pub mod editing;
mod errand;
pub mod forms;
pub mod ids;
pub mod keymap;
pub mod live;
pub mod loader;
pub mod overlay;
mod patch;
mod peers;
pub mod rows;
pub mod run;
pub mod saving;
mod scan;
mod since;
pub mod status;
pub mod structure;
pub mod target;
mod trash;
pub mod ui;
pub mod undo;
pub mod update;
pub mod upkeep;
pub mod view;

pub use run::{Options, open_app, run};
