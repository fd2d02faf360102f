//! CSV files (comma- or semicolon-separated, as spreadsheets write them):
//! every record is a table row; the first row naming the columns is the header.

use super::{Line, SourceLine};

/// Reads the records of a CSV text. The delimiter is `;` when the first line
/// has more semicolons than commas (Russian Excel), else `,`.
pub fn read(text: &str) -> Result<Vec<SourceLine>, String> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("CSV record {}: {e}", i + 1))?;
        let number = record.position().map_or(i + 1, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(restore_neutralised).collect();
        let line = if cells.iter().all(|c| c.trim().is_empty()) {
            Line::Blank
        } else {
            Line::Row(cells)
        };
        out.push(SourceLine { number, line });
    }
    Ok(out)
}

/// Undoes the apostrophe that karta's CSV export puts before a cell starting
/// like a formula.
fn restore_neutralised(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => cell.to_string(),
    }
}
