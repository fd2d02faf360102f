//! Excel workbooks (.xlsx), read with calamine: the first sheet holding a
//! row that names the roadmap's columns, its rows as table rows. Cells merged
//! across a row keep their text in the first cell (section headings); cells
//! merged down repeat their value in every row (one responsible for several
//! activities); dates stored as Excel dates read as `dd.mm.yyyy`. The rows
//! above the header (approval block, title) are the heading.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader as _, Xlsx};

use super::archive::Archive;
use super::{Line, Problem, Source, SourceLine, columns};
use crate::model::ColumnRole;

/// Rows read from a sheet at most.
const MAX_ROWS: u32 = 100_000;

/// Columns read from a sheet at most.
const MAX_COLUMNS: u32 = 64;

/// Cells read from a sheet at most, merged regions filled in included.
const MAX_CELLS: usize = 1_000_000;

/// Reads the workbook in `archive`.
pub fn read(archive: &mut Archive) -> Result<Source, Problem> {
    let bytes = archive.repacked()?;
    std::panic::catch_unwind(|| read_workbook(&bytes)).unwrap_or_else(|_| {
        Err(Problem::BadWorkbook(
            "the reader failed on this workbook".into(),
        ))
    })
}

fn bad(e: impl std::fmt::Display) -> Problem {
    Problem::BadWorkbook(e.to_string())
}

/// A sheet's cells by row, then column (from the first used column).
type Grid = BTreeMap<u32, Vec<String>>;

fn read_workbook(bytes: &[u8]) -> Result<Source, Problem> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let mut first: Option<Grid> = None;
    for name in book.sheet_names() {
        let grid = sheet(&mut book, &name)?;
        if grid.values().any(|r| columns::is_header(r)) {
            return Ok(to_source(grid));
        }
        first.get_or_insert(grid);
    }
    Ok(to_source(first.unwrap_or_default()))
}

/// The cells of sheet `name`, merged regions filled in.
fn sheet(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Grid, Problem> {
    let merged = book.merge_cells_by_sheet_name(name).map_err(bad)?;
    let mut cells: BTreeMap<(u32, u32), String> = BTreeMap::new();
    {
        let mut reader = book.worksheet_cells_reader(name).map_err(bad)?;
        while let Some(cell) = reader.next_cell().map_err(bad)? {
            let (row, column) = cell.get_position();
            if row >= MAX_ROWS || column >= MAX_COLUMNS || cells.len() >= MAX_CELLS {
                continue;
            }
            let text = value_text(cell.get_value());
            if !text.is_empty() {
                cells.insert((row, column), text);
            }
        }
    }
    let header_roles = header_roles(&cells);
    for region in merged {
        let (top, left) = region.start;
        let (bottom, _) = region.end;
        let fill = left > 0
            && !matches!(
                header_roles.get(&left).copied().flatten(),
                Some(ColumnRole::Number | ColumnRole::Stage | ColumnRole::Text)
            );
        let Some(value) = cells.get(&(top, left)).cloned() else {
            continue;
        };
        if !fill {
            continue;
        }
        for row in top + 1..=bottom.min(MAX_ROWS - 1) {
            if cells.len() >= MAX_CELLS {
                break;
            }
            cells.entry((row, left)).or_insert_with(|| value.clone());
        }
    }
    let left = cells.keys().map(|(_, c)| *c).min().unwrap_or(0);
    let width = cells.keys().map(|(_, c)| *c + 1 - left).max().unwrap_or(0) as usize;
    let mut grid = Grid::new();
    for ((row, column), text) in cells {
        let r = grid
            .entry(row)
            .or_insert_with(|| vec![String::new(); width]);
        r[(column - left) as usize] = text;
    }
    Ok(grid)
}

/// The roles the header row names, by sheet column.
fn header_roles(cells: &BTreeMap<(u32, u32), String>) -> BTreeMap<u32, Option<ColumnRole>> {
    let mut rows: BTreeMap<u32, Vec<(u32, &String)>> = BTreeMap::new();
    for ((r, c), text) in cells {
        rows.entry(*r).or_default().push((*c, text));
    }
    rows.values()
        .find(|cells| {
            let texts: Vec<String> = cells.iter().map(|(_, t)| (*t).clone()).collect();
            columns::is_header(&texts)
        })
        .map(|cells| {
            cells
                .iter()
                .map(|(c, t)| (*c, columns::role_of(t)))
                .collect()
        })
        .unwrap_or_default()
}

/// A cell's value as the text a person sees: dates as `dd.mm.yyyy`, whole
/// numbers without a fraction.
fn value_text(value: &DataRef) -> String {
    match value {
        DataRef::String(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::DateTimeIso(s) => iso_date(s).unwrap_or_else(|| s.clone()),
        DataRef::SharedString(s) => s.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => d
            .as_datetime()
            .map(|dt| dt.format("%d.%m.%Y").to_string())
            .unwrap_or_else(|| d.as_f64().to_string()),
        DataRef::DateTime(d) => d.as_f64().to_string(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// "2024-09-01" or "2024-09-01T00:00:00" as "01.09.2024".
fn iso_date(s: &str) -> Option<String> {
    let day = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T')) {
        return None;
    }
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%d.%m.%Y").to_string())
}

/// The sheet's rows as lines; a run of empty rows is one blank line.
fn to_source(grid: Grid) -> Source {
    let mut lines = Vec::new();
    let mut previous: Option<u32> = None;
    for (row, cells) in grid {
        if previous.is_some_and(|p| row > p + 1) {
            lines.push(SourceLine {
                number: row as usize,
                line: Line::Blank,
            });
        }
        previous = Some(row);
        lines.push(SourceLine {
            number: row as usize + 1,
            line: Line::Row(cells),
        });
    }
    Source {
        lines,
        ..Source::default()
    }
}
