//! The blocks of the body laid out as the lines the table reader takes:
//! paragraphs and layout tables as text, the roadmap's table (and tables
//! continuing it) as rows spread over the grid; the title, municipality
//! and period from styled paragraphs.

use std::collections::HashMap;

use super::body::{Block, MAX_COLUMNS, Merge, Paragraph, Row, cell_text};
use crate::import::{Line, Source, SourceLine, columns, heading};
use crate::model::{ColumnRole, Period};

/// The cells of a row spread over the table's grid: a cell merged across
/// several columns fills the first, a cell merged down takes the value above
/// it where `fill` allows.
fn grid_cells(row: &Row, above: &[String], fill: &dyn Fn(usize) -> bool) -> Vec<String> {
    let mut out = vec![String::new(); row.grid_before];
    for cell in &row.cells {
        if out.len() >= MAX_COLUMNS {
            break;
        }
        let at = out.len();
        let text = match cell.merge {
            Merge::Continue if fill(at) => above.get(at).cloned().unwrap_or_default(),
            Merge::Continue => String::new(),
            _ => cell_text(cell),
        };
        out.push(text);
        out.extend(std::iter::repeat_n(String::new(), cell.span - 1));
    }
    out
}

/// The body as lines: paragraphs and layout tables as text, the roadmap's
/// table (and the tables continuing it) as rows.
pub(super) fn to_source(blocks: Vec<Block>, styles: &HashMap<String, String>) -> Source {
    let mut source = Source::default();
    let style_of = |p: &Paragraph| {
        styles
            .get(&p.style)
            .map_or(p.style.to_lowercase(), |n| n.to_lowercase())
    };
    let expanded = |rows: &[Row]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| grid_cells(r, &[], &|_| false))
            .collect()
    };
    let roadmap_table = blocks.iter().position(|b| match b {
        Block::Table(rows) => expanded(rows).iter().any(|r| columns::is_header(r)),
        _ => false,
    });
    let mut header: Option<Vec<String>> = None;
    let mut title: Vec<String> = Vec::new();
    let mut number = 0;
    let mut push = |source: &mut Source, line: Line| {
        number += 1;
        source.lines.push(SourceLine { number, line });
    };
    for (i, block) in blocks.into_iter().enumerate() {
        let in_table = roadmap_table.is_some_and(|t| i >= t);
        match block {
            Block::Paragraph(p) => {
                let text = p.text.trim().to_string();
                let style = style_of(&p);
                if !in_table && style == "title" && !text.is_empty() {
                    title.push(text);
                } else if !in_table && style == "subtitle" && !text.is_empty() {
                    match subtitle_period(&text) {
                        Some(period) => source.period = Some(period),
                        None => source.municipality = Some(text),
                    }
                } else if text.is_empty() {
                    if !in_table {
                        push(&mut source, Line::Blank);
                    }
                } else if in_table && text.contains("___") {
                    // A line for a signature or a date under the table.
                } else {
                    push(&mut source, Line::Text(text));
                }
            }
            Block::Table(rows) => {
                let first_cells = rows
                    .first()
                    .map(|r| grid_cells(r, &[], &|_| false))
                    .unwrap_or_default();
                let is_roadmap = roadmap_table == Some(i);
                let continues = header.as_ref().is_some_and(|h| {
                    *h == first_cells
                        || rows.first().is_some_and(|r| r.header)
                        || h.len() == first_cells.len()
                });
                if roadmap_table.is_none() || is_roadmap || continues {
                    let head = match &header {
                        Some(h) => h.clone(),
                        None => expanded(&rows)
                            .into_iter()
                            .find(|r| columns::is_header(r))
                            .unwrap_or_default(),
                    };
                    for cells in table_rows(&rows, &head, continues) {
                        push(&mut source, Line::Row(cells));
                    }
                    if is_roadmap {
                        header = Some(head);
                    }
                } else {
                    let lines: Vec<String> = rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .flat_map(|c| cell_text(c).lines().map(str::to_string).collect::<Vec<_>>())
                        .filter(|l| !l.contains("___"))
                        .collect();
                    for line in lines {
                        push(&mut source, Line::Text(line));
                    }
                }
            }
        }
    }
    if !title.is_empty() {
        source.title = Some(title.join(" "));
    }
    source
}

/// The rows of a table of the roadmap spread over its grid, cells merged
/// down filled in the columns `header` does not name number, stage or text;
/// a continuing table's repeated header rows left out.
fn table_rows(rows: &[Row], header: &[String], continues: bool) -> Vec<Vec<String>> {
    let roles: Vec<Option<ColumnRole>> = header.iter().map(|t| columns::role_of(t)).collect();
    let fill = |at: usize| {
        at > 0
            && !matches!(
                roles.get(at).copied().flatten(),
                Some(ColumnRole::Number | ColumnRole::Stage | ColumnRole::Text)
            )
    };
    let mut above: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for row in rows {
        let cells = grid_cells(row, &above, &fill);
        above = cells.clone();
        if !(continues && row.header) {
            out.push(cells);
        }
    }
    out
}

/// A subtitle naming the period: "на 2024–2025 годы", "с 01.09.2024 по 31.05.2025".
fn subtitle_period(text: &str) -> Option<Period> {
    if let Some(p) = heading::find_period(text) {
        return Some(p);
    }
    let rest = text.trim().strip_prefix("с ")?;
    let (from, to) = rest.split_once(" по ")?;
    Some(Period {
        from: heading::parse_date(from)?,
        to: heading::parse_date(to)?,
    })
}
