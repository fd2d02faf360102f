//! Tab-separated text, as Word exports a document with tables: a table row is
//! a line with tab-separated cells, other lines are plain text.

use super::{Line, SourceLine};

/// Splits the text into lines, table rows and blank lines.
pub fn read(text: &str) -> Vec<SourceLine> {
    text.lines()
        .enumerate()
        .map(|(i, l)| SourceLine {
            number: i + 1,
            line: if l.trim().is_empty() {
                Line::Blank
            } else if l.contains('\t') {
                Line::Row(l.split('\t').map(str::to_string).collect())
            } else {
                Line::Text(l.to_string())
            },
        })
        .collect()
}

/// Whether the text looks like tab-separated tables.
pub fn looks_like(text: &str) -> bool {
    text.lines().filter(|l| l.contains('\t')).take(2).count() >= 2
}
