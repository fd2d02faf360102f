//! CSV files (comma- or semicolon-separated, as spreadsheets write them):
//! every record is a table row; the first row naming the columns is the
//! header, rows above it are the preamble (approval block, title). Russian
//! Excel writes `;`, CRLF and windows-1251 (decoded before this), sometimes
//! with a first line `sep=;`.

use super::{Line, Problem, SourceLine};

/// Reads the records of a CSV text. The delimiter is the one a `sep=` line
/// names, else `;` when the first line has more semicolons than commas
/// (Russian Excel), else `,`.
pub fn read(text: &str) -> Result<Vec<SourceLine>, Problem> {
    let (text, skipped, named) = match text.split_once('\n') {
        Some((first, rest)) if first.trim().starts_with("sep=") => {
            (rest, 1, first.trim().as_bytes().get(4).copied())
        }
        _ => (text, 0, None),
    };
    let delimiter = named.unwrap_or_else(|| {
        let first = text.lines().next().unwrap_or("");
        if first.matches(';').count() > first.matches(',').count() {
            b';'
        } else {
            b','
        }
    });
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Problem::BadCsv(i + 1, e.to_string()))?;
        let number = skipped + record.position().map_or(i + 1, |p| p.line() as usize);
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
