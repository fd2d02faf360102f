//! Writing a roadmap out: JSON (a stable contract), Markdown (a table to paste
//! back into Word) and CSV (spreadsheet-safe).

pub mod csv;
pub mod json;
pub mod markdown;

/// The formats karta writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The JSON contract documented in `docs/format.md`.
    Json,
    /// A Markdown table.
    Md,
    /// CSV with the roadmap's own columns.
    Csv,
}
