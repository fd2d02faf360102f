//! Word documents (.docx): the body of `word/document.xml` read in order into
//! the lines the table reader takes. Paragraphs become text lines; the table
//! holding the header row becomes rows, with cells merged across the row
//! (`gridSpan`, section headings) spread over their columns and cells merged
//! down (`vMerge`, one responsible for several rows) repeated in every row;
//! the paragraphs of a cell are its lines; Word's automatic numbering
//! (`numPr` + `word/numbering.xml`) is written out as text. A later table
//! with the same header or the same columns continues the roadmap (a table
//! split across pages); tables above it (a borderless layout holding the
//! approval block) are read as text. Paragraphs styled as title or subtitle
//! give the title, the municipality and the period.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::archive::Archive;
use super::{Line, Problem, Source, SourceLine, columns, heading};
use crate::model::{ColumnRole, Period};

/// Reads the document in `archive`.
pub fn read(archive: &mut Archive) -> Result<Source, Problem> {
    let document = archive
        .text("word/document.xml")?
        .ok_or_else(|| Problem::BadXml("word/document.xml".into()))?;
    let mut numbering = match archive.text("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml)?,
        None => Numbering::default(),
    };
    let styles = match archive.text("word/styles.xml")? {
        Some(xml) => style_names(&xml)?,
        None => HashMap::new(),
    };
    let blocks = Body::parse(&document, &mut numbering)?;
    Ok(to_source(blocks, &styles))
}

/// A paragraph of the body.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    style: String,
}

/// How a cell is merged with the cell above it.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Default)]
struct Cell {
    paragraphs: Vec<String>,
    span: usize,
    merge: Merge,
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<Cell>,
    header: bool,
    grid_before: usize,
}

/// What the body holds, in order.
#[derive(Debug)]
enum Block {
    Paragraph(Paragraph),
    Table(Vec<Row>),
}

/// Columns of a table read at most.
const MAX_COLUMNS: usize = 256;

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
struct Body {
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
    fn parse(xml: &str, numbering: &mut Numbering) -> Result<Vec<Block>, Problem> {
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
fn cell_text(cell: &Cell) -> String {
    let lines: Vec<&str> = cell.paragraphs.iter().map(|p| p.trim()).collect();
    lines.join("\n").trim().to_string()
}

/// The `w:val` attribute, whatever its prefix.
fn val(e: &BytesStart) -> Option<String> {
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

/// The names of paragraph styles by id (`a3` → `Title` in a Russian Word).
fn style_names(xml: &str) -> Result<HashMap<String, String>, Problem> {
    let mut reader = Reader::from_str(xml);
    let mut names = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader
            .read_event()
            .map_err(|e| Problem::BadXml(format!("word/styles.xml: {e}")))?
        {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    current = e.attributes().flatten().find_map(|a| {
                        (a.key.local_name().as_ref() == "styleId").then(|| a.value.to_string())
                    });
                }
                "name" => {
                    if let (Some(id), Some(name)) = (&current, val(&e)) {
                        names.insert(id.clone(), name);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(names)
}

/// One level of a numbered list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
    /// No separator between the label and the text (`w:suff` = nothing).
    joined: bool,
}

/// Word's automatic numbering: the list definitions and the counters as the
/// document runs.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → its levels.
    abstract_levels: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<usize, i64>)>,
    /// abstractNumId → counters by level.
    counters: HashMap<String, [Option<i64>; 9]>,
    /// numIds whose start overrides were applied.
    started: Vec<String>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, Problem> {
        let mut reader = Reader::from_str(xml);
        let mut n = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| Problem::BadXml(format!("word/numbering.xml: {e}")))?;
            let (e, empty) = match event {
                Event::Eof => break,
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvl" | "lvlOverride" => level = None,
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            let attr = |name: &str| {
                e.attributes().flatten().find_map(|a| {
                    (a.key.local_name().as_ref() == name).then(|| a.value.to_string())
                })
            };
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abstract_id = attr("abstractNumId"),
                "num" if !empty => num_id = attr("numId"),
                "lvl" | "lvlOverride" if !empty => {
                    level = attr("ilvl").and_then(|v| v.parse().ok()).filter(|l| *l < 9);
                }
                "abstractNumId" => {
                    if let (Some(num), Some(v)) = (&num_id, val(&e)) {
                        n.nums.entry(num.clone()).or_default().0 = v;
                    }
                }
                "startOverride" => {
                    if let (Some(num), Some(l), Some(v)) =
                        (&num_id, level, val(&e).and_then(|v| v.parse().ok()))
                    {
                        n.nums.entry(num.clone()).or_default().1.insert(l, v);
                    }
                }
                name @ ("start" | "numFmt" | "lvlText" | "suff") => {
                    let (Some(a), Some(l)) = (&abstract_id, level) else {
                        continue;
                    };
                    let levels = n.abstract_levels.entry(a.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize(l + 1, Level::default());
                    }
                    let v = val(&e).unwrap_or_default();
                    let lvl = &mut levels[l];
                    match name {
                        "start" => lvl.start = v.parse().unwrap_or(1),
                        "numFmt" => lvl.format = v,
                        "lvlText" => lvl.text = v,
                        _ => lvl.joined = v == "nothing",
                    }
                }
                _ => {}
            }
        }
        Ok(n)
    }

    /// The label of the next paragraph of list `num_id` at `level` ("1.2."),
    /// advancing the counters, and whether the text follows it without a
    /// space; None for no list.
    fn next(&mut self, num_id: &str, level: usize) -> Option<(String, bool)> {
        let (abstract_id, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstract_levels.get(&abstract_id)?.clone();
        let lvl = levels.get(level)?;
        let counters = self.counters.entry(abstract_id).or_insert([None; 9]);
        if !self.started.iter().any(|s| s == num_id) {
            self.started.push(num_id.to_string());
            for (l, start) in &overrides {
                if let Some(c) = counters.get_mut(*l) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        counters[level] = Some(counters[level].map_or(lvl.start, |c| c.saturating_add(1)));
        for c in counters.iter_mut().skip(level + 1) {
            *c = None;
        }
        if lvl.format == "bullet" {
            return Some(("-".to_string(), false));
        }
        let mut label = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = counters[l].unwrap_or_else(|| levels.get(l).map_or(1, |x| x.start));
                    let format = levels.get(l).map_or("decimal", |x| x.format.as_str());
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        Some((label, lvl.joined))
    }
}

/// A counter in a list's number format.
fn format_number(n: i64, format: &str) -> String {
    const RUSSIAN: &[char] = &[
        'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т',
        'у', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
    ];
    let letters = |alphabet: &[char], upper: bool| {
        if n < 1 {
            return n.to_string();
        }
        let len = alphabet.len() as i64;
        let c = alphabet[((n - 1) % len) as usize];
        let repeat = ((n - 1) / len + 1).min(10) as usize;
        let s: String = std::iter::repeat_n(c, repeat).collect();
        if upper { s.to_uppercase() } else { s }
    };
    let latin: Vec<char> = ('a'..='z').collect();
    match format {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "lowerLetter" => letters(&latin, false),
        "upperLetter" => letters(&latin, true),
        "russianLower" => letters(RUSSIAN, false),
        "russianUpper" => letters(RUSSIAN, true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// A number in Roman numerals (1–3999; others in digits).
fn roman(mut n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in table {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

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
fn to_source(blocks: Vec<Block>, styles: &HashMap<String, String>) -> Source {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_in_their_formats() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(3, "russianLower"), "в");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(12, "decimal"), "12");
        assert_eq!(format_number(i64::MIN, "upperRoman"), i64::MIN.to_string());
    }

    #[test]
    fn counters_run_on_and_restart_below() {
        let xml = "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"5\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2.\"/><w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum><w:num w:numId=\"2\"><w:abstractNumId w:val=\"5\"/></w:num></w:numbering>";
        let mut n = Numbering::parse(xml).expect("numbering");
        let labels: Vec<(String, bool)> =
            [(0, "2"), (1, "2"), (1, "2"), (0, "2"), (1, "2"), (0, "9")]
                .iter()
                .filter_map(|(level, id)| n.next(id, *level))
                .collect();
        let texts: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(texts, ["1.", "1.1.", "1.2.", "2.", "2.1."]);
        assert!(labels[1].1, "no space after a level with suff nothing");
    }
}
