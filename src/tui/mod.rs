//! The terminal editor.

pub mod action;
pub mod app;
pub mod catalog;
pub mod editing;
pub mod keymap;
pub mod overlay;
pub mod rows;
pub mod undo;
pub mod update;
