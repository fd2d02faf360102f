//! The terminal editor.

pub mod action;
pub mod keymap;
