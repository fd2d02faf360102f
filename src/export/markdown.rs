//! The roadmap as a Markdown table a methodologist can paste back into Word:
//! the heading, then one table with the roadmap's own columns; section
//! headings are rows in bold.

use crate::model::{Activity, ColumnRole, Roadmap, Section};

/// The roadmap as Markdown.
pub fn to_string(roadmap: &Roadmap) -> String {
    let mut out = String::new();
    let m = &roadmap.meta;
    if let Some(a) = &m.approval {
        let date = a
            .date
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default();
        out.push_str(&format!(
            "Утверждена приказом от {date} № {}\n\n",
            escape(&a.number)
        ));
    }
    out.push_str(&format!("# {}\n\n", escape(&m.title)));
    if !m.municipality.is_empty() {
        out.push_str(&format!("{}\n\n", escape(&m.municipality)));
    }
    let columns = columns_of(roadmap);
    out.push('|');
    for (title, _) in &columns {
        out.push_str(&format!(" {} |", escape(title)));
    }
    out.push_str("\n|");
    for _ in &columns {
        out.push_str("---|");
    }
    out.push('\n');
    for a in &roadmap.activities {
        row(&mut out, &columns, a);
    }
    for s in &roadmap.sections {
        section(&mut out, &columns, s);
    }
    out
}

/// Columns to write: the roadmap's own, plus number/text/deadline/responsible
/// when it lacks them. Each with the role or extra key it shows.
fn columns_of(roadmap: &Roadmap) -> Vec<(String, Field)> {
    let mut cols: Vec<(String, Field)> = Vec::new();
    let has = |r: ColumnRole| roadmap.column(r).is_some();
    if !has(ColumnRole::Number) {
        cols.push(("№ п/п".into(), Field::Role(ColumnRole::Number)));
    }
    for c in &roadmap.columns {
        match c.role {
            ColumnRole::Stage | ColumnRole::SectionResponsible => {}
            r if r.is_extra() => cols.push((c.title.clone(), Field::Cell(c.key.clone()))),
            r => cols.push((c.title.clone(), Field::Role(r))),
        }
    }
    for (role, title) in [
        (ColumnRole::Text, "Мероприятие"),
        (ColumnRole::Deadline, "Сроки"),
        (ColumnRole::Responsible, "Ответственные"),
    ] {
        if !has(role) {
            cols.push((title.into(), Field::Role(role)));
        }
    }
    cols.push(("Статус".into(), Field::Status));
    cols
}

/// What a column shows.
pub enum Field {
    /// A built-in field.
    Role(ColumnRole),
    /// An extra cell by key.
    Cell(String),
    /// The status, in Russian.
    Status,
}

/// The text of one field of an activity.
pub fn field_text(a: &Activity, field: &Field) -> String {
    match field {
        Field::Role(ColumnRole::Number) => a.number.clone(),
        Field::Role(ColumnRole::Text) => a.text.clone(),
        Field::Role(ColumnRole::Deadline) => a.deadline.clone(),
        Field::Role(ColumnRole::Responsible) => a.responsible.join(", "),
        Field::Role(_) => String::new(),
        Field::Cell(key) => a.cells.get(key).cloned().unwrap_or_default(),
        Field::Status => a.status.russian().to_string(),
    }
}

fn row(out: &mut String, columns: &[(String, Field)], a: &Activity) {
    out.push('|');
    for (_, field) in columns {
        out.push_str(&format!(" {} |", escape(&field_text(a, field))));
    }
    out.push('\n');
}

fn section(out: &mut String, columns: &[(String, Field)], s: &Section) {
    let title = format!("{} {}", s.number, s.title);
    out.push_str(&format!("| **{}** |", escape(title.trim())));
    for _ in 1..columns.len() {
        out.push_str(" |");
    }
    out.push('\n');
    if !s.responsible.is_empty() {
        out.push_str(&format!(
            "| Ответственные: {} |",
            escape(&s.responsible.join(", "))
        ));
        for _ in 1..columns.len() {
            out.push_str(" |");
        }
        out.push('\n');
    }
    for a in &s.activities {
        row(out, columns, a);
    }
    for c in &s.sections {
        section(out, columns, c);
    }
}

/// Makes text safe inside a table cell: bars escaped, lines joined by `<br>`.
fn escape(s: &str) -> String {
    crate::model::text::sanitize(s)
        .replace('|', "\\|")
        .replace('\n', "<br>")
}
