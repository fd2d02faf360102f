//! Markdown pipe tables (`| № п/п | Мероприятия | … |`), as some converters
//! write Word tables. Separator rows (`|--|--|`) are dropped; the empty header
//! row repeated after a page break reads as an empty row. Cells are split by
//! hand rather than by a Markdown parser so their text stays exactly as
//! written (a parser would consume `*`, `_` and escapes).

use super::{Line, SourceLine};

/// Splits the text into lines, table rows and blank lines.
pub fn read(text: &str) -> Vec<SourceLine> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = l.trim();
            let line = if t.is_empty() {
                Line::Blank
            } else if t.starts_with('|') {
                let cells = split_row(t);
                if is_separator(&cells) {
                    return None;
                }
                Line::Row(cells)
            } else {
                Line::Text(l.to_string())
            };
            Some(SourceLine {
                number: i + 1,
                line,
            })
        })
        .collect()
}

/// Whether the text holds a Markdown pipe table.
pub fn looks_like(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim();
        t.starts_with('|') && is_separator(&split_row(t))
    })
}

/// Cells of a `| a | b |` row; `\|` is a literal bar.
fn split_row(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
            _ => cell.push(c),
        }
    }
    cells.push(cell.trim().to_string());
    cells
}

fn is_separator(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim().trim_matches(':');
            !c.is_empty() && c.chars().all(|ch| ch == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_separators_and_escapes() {
        let lines = read("| № | Мероприятия |\n|--|---|\n| 1. | a \\| b |\n\nтекст\n");
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[0].line,
            Line::Row(vec!["№".into(), "Мероприятия".into()])
        );
        assert_eq!(lines[1].line, Line::Row(vec!["1.".into(), "a | b".into()]));
        assert_eq!(lines[1].number, 3);
        assert_eq!(lines[2].line, Line::Blank);
        assert_eq!(lines[3].line, Line::Text("текст".into()));
        assert!(looks_like("| a | b |\n|--|--|\n"));
        assert!(!looks_like("a\tb\n"));
    }
}
