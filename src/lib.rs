//! karta: roadmaps (дорожные карты) of municipal education departments, kept
//! as Automerge documents so copies edited offline merge without loss.

#[cfg(feature = "bench")]
pub mod bench;
pub mod cli;
pub mod cli_help;
pub mod commands;
pub mod config;
pub mod describe;
pub mod export;
pub mod fuzz;
pub mod r#gen;
pub mod i18n;
pub mod import;
pub mod log;
pub mod model;
pub mod peers;
pub mod present;
pub mod received;
pub mod report;
pub mod sample;
pub mod store;
pub mod sync;
pub mod tui;
pub mod views;
