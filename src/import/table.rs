//! Interpreting the rows of a roadmap's table: section headings, stages of
//! the management cycle, activities, and rows that continue the previous one
//! after a page break.

use crate::model::{Activity, Column, ColumnRole, Section, SectionKind, Stage, Status, people};

use super::{ImportWarning, Line, Problem, SourceLine, columns, html};

/// How a format's rows are to be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Cells may hold HTML remnants (`<p>`, `<i>`, entities) to turn into text.
    pub html: bool,
    /// A blank line is a page break after which a row may continue the
    /// previous one.
    pub page_breaks: bool,
    /// Rows above the header are a preamble (the approval block and title in
    /// cells), not part of the table.
    pub preamble_rows: bool,
}

impl Default for Style {
    /// Text exported from Word: HTML remnants, page breaks, no preamble rows.
    fn default() -> Style {
        Style {
            html: true,
            page_breaks: true,
            preamble_rows: false,
        }
    }
}

/// What the table holds once read.
#[derive(Debug, Default)]
pub struct Table {
    /// The roadmap's columns from the header row.
    pub columns: Vec<Column>,
    /// Sections in order.
    pub sections: Vec<Section>,
    /// Activities before any section heading.
    pub activities: Vec<Activity>,
    /// Text lines among the rows that are neither headings nor rows.
    pub stray_text: Vec<String>,
    /// Things the reader had to decide, each naming its line.
    pub warnings: Vec<ImportWarning>,
}

/// Index of the first table row, and of the header row among them.
pub fn find_table(lines: &[SourceLine]) -> Result<(usize, usize), Problem> {
    let first = lines
        .iter()
        .position(|l| matches!(l.line, Line::Row(_)))
        .ok_or(Problem::NoTable)?;
    let header = lines[first..]
        .iter()
        .position(|l| match &l.line {
            Line::Row(cells) => columns::is_header(&clean_cells(cells, true)),
            _ => false,
        })
        .ok_or(Problem::NoHeader)?;
    Ok((first, first + header))
}

fn clean_cells(cells: &[String], html: bool) -> Vec<String> {
    cells
        .iter()
        .map(|c| {
            if html {
                crate::model::text::sanitize(&html::to_text(c))
            } else {
                crate::model::text::sanitize(c.trim())
            }
        })
        .collect()
}

/// Whether a row only numbers the columns ("1 2 3 4 5" under the header).
fn is_column_numbers(cells: &[String]) -> bool {
    cells.iter().filter(|c| !c.is_empty()).count() >= 3
        && cells
            .iter()
            .enumerate()
            .all(|(i, c)| c.is_empty() || c.trim_end_matches('.') == (i + 1).to_string())
}

/// An activity being read: its cells by column, where it lives.
struct RawActivity {
    cells: Vec<String>,
    section: Option<usize>,
}

/// A section being read, in an arena.
struct RawSection {
    section: Section,
    parent: Option<usize>,
    children: Vec<usize>,
    activities: Vec<usize>,
    depth: usize,
}

/// Reads the rows from `first` on; `header` is the header row's index.
pub fn read(lines: &[SourceLine], first: usize, header: usize, style: Style) -> Table {
    let header_cells = match &lines[header].line {
        Line::Row(cells) => clean_cells(cells, style.html),
        _ => Vec::new(),
    };
    let first_column: Vec<String> = lines[first..]
        .iter()
        .filter_map(|l| match &l.line {
            Line::Row(cells) => cells.first().map(|c| html::to_text(c)),
            _ => None,
        })
        .collect();
    let first_refs: Vec<&str> = first_column.iter().map(String::as_str).collect();
    let mut reader = Reader {
        columns: columns::layout(&header_cells, &first_refs),
        header: header_cells,
        style,
        ..Reader::default()
    };
    for (i, line) in lines.iter().enumerate().skip(first) {
        if i == header {
            continue;
        }
        reader.line(line);
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    columns: Vec<Column>,
    header: Vec<String>,
    sections: Vec<RawSection>,
    activities: Vec<RawActivity>,
    /// Open sections, outermost first (indices into `sections`).
    stack: Vec<usize>,
    last: Option<usize>,
    after_break: bool,
    stray_text: Vec<String>,
    warnings: Vec<ImportWarning>,
    style: Style,
}

impl Reader {
    fn html(&self) -> bool {
        self.style.html
    }

    fn col(&self, role: ColumnRole) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    fn cell<'a>(&self, cells: &'a [String], role: ColumnRole) -> &'a str {
        self.col(role)
            .and_then(|i| cells.get(i))
            .map_or("", |s| s.as_str())
    }

    fn line(&mut self, line: &SourceLine) {
        match &line.line {
            Line::Blank => self.after_break = self.style.page_breaks,
            Line::Text(t) => self.text_line(t, line.number),
            Line::Row(cells) => self.row(cells, line.number),
        }
    }

    fn text_line(&mut self, raw: &str, number: usize) {
        let html = self.html();
        let text = if html {
            crate::model::text::sanitize(&html::to_text(&html::strip_bold(raw)))
        } else {
            crate::model::text::sanitize(raw.trim())
        };
        if text.is_empty() {
            return;
        }
        if split_number(&text).0.is_empty() && !(html && html::is_emphasised(raw)) {
            self.warnings
                .push(ImportWarning::StrayText { line: number });
            self.stray_text.push(text);
        } else {
            self.open_section(&text);
        }
    }

    fn row(&mut self, raw: &[String], number: usize) {
        let mut cells = clean_cells(raw, self.html());
        if cells.len() > self.columns.len() {
            let extra: Vec<String> = cells.split_off(self.columns.len());
            if extra.iter().any(|c| !c.is_empty()) {
                self.warnings.push(ImportWarning::ExtraCells {
                    line: number,
                    count: extra.len(),
                });
                if let Some(last) = cells.last_mut() {
                    for e in extra.iter().filter(|e| !e.is_empty()) {
                        join_cell(last, e);
                    }
                }
            }
        }
        cells.resize(self.columns.len(), String::new());
        if cells.iter().all(String::is_empty) || cells == self.header || is_column_numbers(&cells) {
            return;
        }
        self.interpret(&cells, raw);
        self.after_break = false;
    }

    fn interpret(&mut self, cells: &[String], _raw: &[String]) {
        let first = cells[0].as_str();
        let rest_empty = cells[1..].iter().all(String::is_empty);
        let stage_layout = self.col(ColumnRole::Stage) == Some(0);
        let stage = (stage_layout && !first.starts_with(|c: char| c.is_ascii_digit()))
            .then(|| Stage::recognise(first))
            .flatten();
        if let Some(stage) = stage {
            self.open_stage(stage, first);
            self.section_responsible(cells);
            if !self.cell(cells, ColumnRole::Text).is_empty() {
                self.add_activity(cells);
            }
            return;
        }
        let first_is_heading =
            !first.is_empty() && first.chars().any(char::is_alphabetic) && rest_empty;
        if first_is_heading {
            self.open_section(first);
            return;
        }
        self.section_responsible(cells);
        let text = self.cell(cells, ColumnRole::Text);
        let number = self.cell(cells, ColumnRole::Number);
        let unnumbered = number.is_empty() && first.is_empty();
        if let (true, Some(last)) = (unnumbered, self.last)
            && (text.is_empty() || self.after_break && self.continues(cells, last))
        {
            self.merge_into(last, cells);
            return;
        }
        if text.is_empty()
            && self.cell(cells, ColumnRole::Deadline).is_empty()
            && !number.is_empty()
        {
            // A bare number with nothing else: nothing to keep as an activity.
            return;
        }
        self.add_activity(cells);
    }

    /// Whether a row after a page break continues activity `last`: its text
    /// starts in lower case or with punctuation, or it fills only the text
    /// while `last` has a deadline or responsible people.
    fn continues(&self, cells: &[String], last: usize) -> bool {
        let text = self.cell(cells, ColumnRole::Text);
        let starts_lower = text
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase)
            || text.starts_with(['(', ',', ';', '-', '–', ')']);
        if starts_lower {
            return true;
        }
        let side = [ColumnRole::Deadline, ColumnRole::Responsible];
        let row_has_side = side.iter().any(|r| !self.cell(cells, *r).is_empty());
        let last_has_side = side
            .iter()
            .any(|r| !self.cell(&self.activities[last].cells, *r).is_empty());
        !row_has_side && last_has_side
    }

    fn merge_into(&mut self, last: usize, cells: &[String]) {
        let target = &mut self.activities[last].cells;
        for (i, cell) in cells.iter().enumerate() {
            if cell.is_empty() || self.columns[i].role == ColumnRole::SectionResponsible {
                continue;
            }
            if let Some(t) = target.get_mut(i) {
                join_cell(t, cell);
            }
        }
    }

    fn add_activity(&mut self, cells: &[String]) {
        let section = self.stack.last().copied();
        self.activities.push(RawActivity {
            cells: cells.to_vec(),
            section,
        });
        let id = self.activities.len() - 1;
        if let Some(s) = section {
            self.sections[s].activities.push(id);
        }
        self.last = Some(id);
    }

    /// Adds the "ответственные за направление" of a row to the innermost
    /// section that is not a stage.
    fn section_responsible(&mut self, cells: &[String]) {
        let value = self.cell(cells, ColumnRole::SectionResponsible).to_string();
        if value.is_empty() {
            return;
        }
        let target = self
            .stack
            .iter()
            .rev()
            .copied()
            .find(|s| self.sections[*s].section.kind != SectionKind::Stage);
        if let Some(s) = target {
            let list = &mut self.sections[s].section.responsible;
            for entry in people::split_entries(&value) {
                if !list
                    .iter()
                    .any(|e| people::entry_key(e) == people::entry_key(&entry))
                {
                    list.push(entry);
                }
            }
        }
    }

    fn open_section(&mut self, heading: &str) {
        let (number, title) = split_number(heading);
        let depth = if number.is_empty() {
            self.stack
                .iter()
                .rev()
                .find_map(|s| {
                    let s = &self.sections[*s];
                    (s.section.kind != SectionKind::Stage).then_some(s.depth)
                })
                .unwrap_or(1)
        } else {
            number.trim_end_matches('.').split('.').count()
        };
        while let Some(top) = self.stack.last() {
            let s = &self.sections[*top];
            if s.depth >= depth || s.section.kind == SectionKind::Stage {
                self.stack.pop();
            } else {
                break;
            }
        }
        let lower = title.to_lowercase();
        let kind = if lower.starts_with("механизм") {
            SectionKind::Mechanism
        } else if lower.starts_with("систем") {
            SectionKind::System
        } else {
            SectionKind::Section
        };
        let section = Section {
            number,
            title,
            kind,
            ..Section::default()
        };
        self.push_section(section, depth);
        self.last = None;
    }

    fn open_stage(&mut self, stage: Stage, title: &str) {
        while let Some(top) = self.stack.last() {
            if self.sections[*top].section.kind == SectionKind::Stage {
                self.stack.pop();
            } else {
                break;
            }
        }
        let depth = self.stack.last().map_or(1, |s| self.sections[*s].depth + 1);
        if let Some(parent) = self.stack.last() {
            let p = &mut self.sections[*parent].section;
            if p.kind == SectionKind::Section {
                p.kind = SectionKind::System;
            }
        }
        let section = Section {
            title: title.trim().to_string(),
            kind: SectionKind::Stage,
            stage: Some(stage),
            ..Section::default()
        };
        self.push_section(section, depth);
        self.last = None;
    }

    fn push_section(&mut self, section: Section, depth: usize) {
        // Deeper than a roadmap is shown: at the deepest level, as a
        // document's sections are (see `MAX_DEPTH`).
        self.stack.truncate(crate::model::MAX_DEPTH - 1);
        let parent = self.stack.last().copied();
        self.sections.push(RawSection {
            section,
            parent,
            children: Vec::new(),
            activities: Vec::new(),
            depth,
        });
        let id = self.sections.len() - 1;
        if let Some(p) = parent {
            self.sections[p].children.push(id);
        }
        self.stack.push(id);
    }

    fn finish(mut self) -> Table {
        let statuses = self.completion();
        let activities: Vec<Activity> = self
            .activities
            .iter()
            .zip(statuses)
            .map(|(a, status)| Activity {
                status: status.unwrap_or_default(),
                ..to_activity(&self.columns, &a.cells)
            })
            .collect();
        let mut slots: Vec<Option<Activity>> = activities.into_iter().map(Some).collect();
        let top_activities = self
            .activities
            .iter()
            .enumerate()
            .filter(|(_, a)| a.section.is_none())
            .filter_map(|(i, _)| slots[i].take())
            .collect();
        let roots: Vec<usize> = (0..self.sections.len())
            .filter(|i| self.sections[*i].parent.is_none())
            .collect();
        let sections = roots
            .into_iter()
            .map(|r| assemble(&mut self.sections, r, &mut slots))
            .collect();
        Table {
            columns: self.columns,
            sections,
            activities: top_activities,
            stray_text: self.stray_text,
            warnings: self.warnings,
        }
    }
}

impl Reader {
    /// The status each activity's completion columns record. A completion
    /// column holding nothing but karta's status words says no more than the
    /// status: it is dropped (the other columns' keys closing up); any other
    /// keeps its text.
    fn completion(&mut self) -> Vec<Option<Status>> {
        let completion: Vec<usize> = (0..self.columns.len())
            .filter(|i| {
                self.columns[*i].role == ColumnRole::Other
                    && columns::is_completion(&self.columns[*i].title)
            })
            .collect();
        let cells = |i: usize| self.activities.iter().filter_map(move |a| a.cells.get(i));
        let pure: Vec<usize> = completion
            .iter()
            .copied()
            .filter(|i| {
                cells(*i).any(|c| !c.is_empty())
                    && cells(*i).all(|c| c.is_empty() || columns::is_status_word(c))
            })
            .collect();
        let order = pure
            .iter()
            .chain(completion.iter().filter(|i| !pure.contains(i)));
        let order: Vec<usize> = order.copied().collect();
        let statuses = self
            .activities
            .iter()
            .map(|a| {
                order
                    .iter()
                    .find_map(|i| a.cells.get(*i).and_then(|c| columns::completion_status(c)))
            })
            .collect();
        for i in pure.into_iter().rev() {
            self.columns.remove(i);
            for a in &mut self.activities {
                if i < a.cells.len() {
                    a.cells.remove(i);
                }
            }
        }
        let mut other = 0;
        for c in self
            .columns
            .iter_mut()
            .filter(|c| c.role == ColumnRole::Other)
        {
            other += 1;
            c.key = format!("col{other}");
        }
        statuses
    }
}

fn assemble(arena: &mut [RawSection], id: usize, slots: &mut [Option<Activity>]) -> Section {
    let mut section = std::mem::take(&mut arena[id].section);
    section.activities = arena[id]
        .activities
        .iter()
        .filter_map(|a| slots.get_mut(*a).and_then(Option::take))
        .collect();
    let children = arena[id].children.clone();
    section.sections = children
        .into_iter()
        .map(|c| assemble(arena, c, slots))
        .collect();
    section
}

/// Turns the cells of a row into an activity: names written in the deadline
/// cell join the responsible list; other columns become extra cells.
fn to_activity(columns: &[Column], cells: &[String]) -> Activity {
    let mut activity = Activity::default();
    let mut responsible: Vec<String> = Vec::new();
    let mut names_in_deadline = Vec::new();
    for (column, value) in columns.iter().zip(cells) {
        match column.role {
            ColumnRole::Number => activity.number = value.clone(),
            ColumnRole::Text => activity.text = value.clone(),
            ColumnRole::Deadline => {
                let (deadline, names) = people::split_deadline_and_names(value);
                activity.deadline = deadline;
                names_in_deadline = names;
            }
            ColumnRole::Responsible => responsible.extend(people::split_entries(value)),
            ColumnRole::Stage | ColumnRole::SectionResponsible => {}
            _ => {
                if !value.is_empty() {
                    activity.cells.insert(column.key.clone(), value.clone());
                }
            }
        }
    }
    for entry in responsible.into_iter().chain(names_in_deadline) {
        let key = people::entry_key(&entry);
        if !activity
            .responsible
            .iter()
            .any(|e| people::entry_key(e) == key)
        {
            activity.responsible.push(entry);
        }
    }
    activity
}

/// Joins a continuation to a cell: its first line continues the cell's last
/// line, its other lines follow as lines.
fn join_cell(target: &mut String, addition: &str) {
    if target.is_empty() {
        target.push_str(addition);
    } else {
        target.push(' ');
        target.push_str(addition);
    }
}

/// Splits "1.2. Title" into ("1.2.", "Title"); no number gives ("", text).
pub fn split_number(text: &str) -> (String, String) {
    let t = text.trim();
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let number = &t[..end];
    let rest = &t[end..];
    let valid = number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !number.contains("..")
        && (rest.is_empty() || rest.starts_with(char::is_whitespace));
    if valid && !rest.trim().is_empty() {
        (number.to_string(), rest.trim().to_string())
    } else {
        (String::new(), t.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_headings() {
        assert_eq!(
            split_number("1.2. Система"),
            ("1.2.".into(), "Система".into())
        );
        assert_eq!(
            split_number("10.3.1 Текст"),
            ("10.3.1".into(), "Текст".into())
        );
        assert_eq!(split_number("2025 год"), ("2025".into(), "год".into()));
        assert_eq!(split_number("Цели"), (String::new(), "Цели".into()));
        assert_eq!(split_number("1.1."), (String::new(), "1.1.".into()));
    }
}
