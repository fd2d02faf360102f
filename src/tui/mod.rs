//! The terminal editor.

pub mod action;
pub mod keymap;
pub mod catalog;
pub mod rows;
pub mod overlay;
pub mod undo;
pub mod app;
