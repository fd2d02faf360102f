//! The body of `word/document.xml` read in order: paragraphs and tables
//! (rows, cells merged across and down, nested tables flattened), Word's
//! automatic numbering written out as text.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::numbering::Numbering;
use crate::import::Problem;

/// A paragraph of the body.
#[derive(Debug, Default)]
pub(super) struct Paragraph {
    pub(super) text: String,
    pub(super) style: String,
}

/// How a cell is merged with the cell above it.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Default)]
pub(super) struct Cell {
    pub(super) paragraphs: Vec<String>,
    pub(super) span: usize,
    pub(super) merge: Merge,
}

#[derive(Debug, Default)]
pub(super) struct Row {
    pub(super) cells: Vec<Cell>,
    pub(super) header: bool,
    pub(super) grid_before: usize,
}

/// What the body holds, in order.
#[derive(Debug)]
pub(super) enum Block {
    Paragraph(Paragraph),
    Table(Vec<Row>),
}

/// Columns of a table read at most.
pub(super) const MAX_COLUMNS: usize = 256;

/// Elements whose content is not the document's running text.
const SKIPPED: [&str; 8] = [
    "drawing",
    "pict",
    "object",
    "Fallback",
    "txbxContent",
    "moveFrom",
    "del",
    "instrText",
];

/// The state of reading `document.xml`.
#[derive(Default)]
pub(super) struct Body {
    blocks: Vec<Block>,
    /// Open tables, outermost first, each with its rows so far.
    tables: Vec<Vec<Row>>,
    paragraph: Option<Paragraph>,
    numbered: Option<(String, usize)>,
    in_run: bool,
    in_text: bool,
    skip: usize,
}

impl Body {
    pub(super) fn parse(xml: &str, numbering: &mut Numbering) -> Result<Vec<Block>, Problem> {
        let mut reader = Reader::from_str(xml);
        let mut body = Body::default();
        loop {
            let event = reader
                .read_event()
                .map_err(|e| Problem::BadXml(format!("word/document.xml: {e}")))?;
            match event {
                Event::Eof => break,
                Event::Start(e) => body.start(&e, false),
                Event::Empty(e) => {
                    body.start(&e, true);
                    if body.skip == 0 {
                        body.end(e.local_name().as_ref(), numbering);
                    }
                }
                Event::End(e) => body.end(e.local_name().as_ref(), numbering),
                Event::Text(t) if body.in_text && body.skip == 0 => {
                    body.push_str(&t.xml10_content())
                }
                Event::CData(t) if body.in_text && body.skip == 0 => body.push_str(&t),
                Event::GeneralRef(r) if body.in_text && body.skip == 0 => {
                    if let Some(c) = resolve(&r) {
                        body.push_str(c.encode_utf8(&mut [0; 4]));
                    }
                }
                _ => {}
            }
        }
        Ok(body.blocks)
    }

    fn push_str(&mut self, s: &str) {
        if let Some(p) = &mut self.paragraph {
            p.text.push_str(s);
        }
    }

    fn cell(&mut self) -> Option<&mut Cell> {
        self.tables.last_mut()?.last_mut()?.cells.last_mut()
    }

    fn row(&mut self) -> Option<&mut Row> {
        self.tables.last_mut()?.last_mut()
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 || SKIPPED.contains(&name) {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            "tbl" => self.tables.push(Vec::new()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.push(Row::default());
                }
            }
            "tc" => {
                if let Some(r) = self.row() {
                    r.cells.push(Cell {
                        span: 1,
                        ..Cell::default()
                    });
                }
            }
            "gridSpan" => {
                let span = val(e).and_then(|v| v.parse().ok()).unwrap_or(1);
                if let Some(c) = self.cell() {
                    c.span = usize::clamp(span, 1, 64);
                }
            }
            "vMerge" => {
                let merge = match val(e).as_deref() {
                    Some("restart") => Merge::Restart,
                    _ => Merge::Continue,
                };
                if let Some(c) = self.cell() {
                    c.merge = merge;
                }
            }
            "tblHeader" => {
                let on = on_off(e);
                if let Some(r) = self.row() {
                    r.header = on;
                }
            }
            "gridBefore" => {
                let n = val(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                if let Some(r) = self.row() {
                    r.grid_before = usize::min(n, 64);
                }
            }
            "p" => {
                self.paragraph = Some(Paragraph::default());
                self.numbered = None;
            }
            "pStyle" => {
                if let (Some(p), Some(v)) = (&mut self.paragraph, val(e)) {
                    p.style = v;
                }
            }
            "numId" => {
                if let Some(v) = val(e) {
                    let level = self.numbered.as_ref().map_or(0, |n| n.1);
                    self.numbered = Some((v, level));
                }
            }
            "ilvl" => {
                let level = val(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                let id = self.numbered.take().map(|n| n.0).unwrap_or_default();
                self.numbered = Some((id, usize::min(level, 8)));
            }
            "r" => self.in_run = true,
            "t" if self.in_run => self.in_text = true,
            "tab" if self.in_run => self.push_str("\t"),
            "br" | "cr" if self.in_run => self.push_str("\n"),
            "noBreakHyphen" if self.in_run => self.push_str("-"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str, numbering: &mut Numbering) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            "t" => self.in_text = false,
            "r" => self.in_run = false,
            "p" => self.end_paragraph(numbering),
            "tbl" => {
                let Some(rows) = self.tables.pop() else {
                    return;
                };
                match self.cell() {
                    Some(cell) => cell.paragraphs.extend(rows.iter().map(flatten)),
                    None => self.blocks.push(Block::Table(rows)),
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self, numbering: &mut Numbering) {
        let Some(mut p) = self.paragraph.take() else {
            return;
        };
        if let Some((id, level)) = self.numbered.take()
            && let Some((label, joined)) = numbering.next(&id, level)
        {
            let gap = if joined { "" } else { " " };
            p.text = if p.text.trim().is_empty() {
                label
            } else {
                format!("{label}{gap}{}", p.text.trim_start())
            };
        }
        if self.tables.is_empty() {
            self.blocks.push(Block::Paragraph(p));
        } else if let Some(cell) = self.cell() {
            cell.paragraphs.push(p.text);
        }
    }
}

/// A nested table's row as one line of the enclosing cell.
fn flatten(row: &Row) -> String {
    row.cells
        .iter()
        .map(cell_text)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a cell: its paragraphs as lines, blank ones at the ends dropped.
pub(super) fn cell_text(cell: &Cell) -> String {
    let lines: Vec<&str> = cell.paragraphs.iter().map(|p| p.trim()).collect();
    lines.join("\n").trim().to_string()
}

/// The `w:val` attribute, whatever its prefix.
pub(super) fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == "val").then(|| a.value.to_string()))
}

/// An on/off property: on unless `w:val` says off.
fn on_off(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

/// A character or entity reference.
fn resolve(r: &quick_xml::events::BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.as_ref() {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}
