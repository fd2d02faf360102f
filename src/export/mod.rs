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
    /// The format a file name's extension names (`.docx`, `.xlsx`, `.csv`,
    /// `.md`, `.json`, `.ics`).
    pub fn from_extension(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_lowercase();
        Some(match ext.as_str() {
            "json" => ExportFormat::Json,
            "md" => ExportFormat::Md,
            "csv" => ExportFormat::Csv,
            "docx" => ExportFormat::Docx,
            "xlsx" => ExportFormat::Xlsx,
            "ics" => ExportFormat::Ics,
            _ => return None,
        })
    }

    /// Whether the format is binary (never written to a terminal).
    pub fn is_binary(self) -> bool {
        matches!(self, ExportFormat::Docx | ExportFormat::Xlsx)
    }
}

/// The roadmap in `format`, as the bytes of the file. CSV starts with a
/// byte-order mark so that Excel reads it as UTF-8.
pub fn render(
    roadmap: &crate::model::Roadmap,
    format: ExportFormat,
    delimiter: u8,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        ExportFormat::Json => json::to_string(roadmap).into_bytes(),
        ExportFormat::Md => markdown::to_string(roadmap).into_bytes(),
        ExportFormat::Csv => {
            let text = csv::to_string_with(roadmap, delimiter)?;
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()
        }
        ExportFormat::Docx => docx::to_bytes(roadmap)?,
        ExportFormat::Xlsx => xlsx::to_bytes(roadmap)?,
        ExportFormat::Ics => ics::to_string(roadmap).into_bytes(),
    })
}
