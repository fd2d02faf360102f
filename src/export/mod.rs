//! Writing a roadmap out: JSON (a stable contract), Markdown (a table to paste
//! back into Word), CSV (spreadsheet-safe), Word for signing, Excel, and a
//! calendar of the deadlines.

pub mod changes;
pub mod csv;
pub mod docx;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod table;
pub mod xlsx;

/// The formats karta writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The JSON contract documented in `docs/format.md`.
    Json,
    /// A Markdown table.
    Md,
    /// CSV with the roadmap's own columns, for Excel.
    Csv,
    /// A Word document for signing.
    Docx,
    /// An Excel workbook.
    Xlsx,
    /// A calendar of the dated deadlines (iCalendar to-dos).
    Ics,
}

impl ExportFormat {
    /// Whether the format is binary (never written to a terminal).
    pub fn is_binary(self) -> bool {
        matches!(self, ExportFormat::Docx | ExportFormat::Xlsx)
    }
}
