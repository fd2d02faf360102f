//! The table the office exports (Word, Excel) write: the roadmap's own
//! columns in their order, a column for each built-in field the roadmap holds
//! values of but has no column for, and the status last. Its rows are laid
//! out the way the importer reads them back: a section is one row with only
//! its heading, a stage of the management cycle names itself in the stage
//! column, the people responsible for a section sit in the first row under
//! it.

use crate::model::{Activity, ColumnRole, Roadmap, Section, SectionKind};

/// The title of the status column.
pub const STATUS_TITLE: &str = "Статус";

/// What a column shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// A built-in field or the section's responsible, by role.
    Role(ColumnRole),
    /// An extra cell, by column key.
    Cell(String),
    /// The activity's status, in Russian.
    Status,
    /// The deadline followed by the responsible people, for a roadmap that
    /// writes them in its deadline column ("Декабрь 2021 Колосов В.Г.").
    DeadlineAndNames,
}

/// One column of the exported table.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportColumn {
    /// The heading.
    pub title: String,
    /// What it shows.
    pub field: Field,
}

/// The columns to write.
pub fn columns(roadmap: &Roadmap) -> Vec<ExportColumn> {
    let mut out: Vec<ExportColumn> = roadmap
        .columns
        .iter()
        .map(|c| ExportColumn {
            title: c.title.clone(),
            field: if c.role.is_extra() {
                Field::Cell(c.key.clone())
            } else {
                Field::Role(c.role)
            },
        })
        .collect();
    let all = roadmap.activities_with_path();
    let holds = |role: ColumnRole| {
        all.iter().any(|(_, a)| match role {
            ColumnRole::Number => !a.number.is_empty(),
            ColumnRole::Text => !a.text.is_empty(),
            ColumnRole::Deadline => !a.deadline.is_empty(),
            _ => !a.responsible.is_empty(),
        })
    };
    let missing = [
        (ColumnRole::Number, "№ п/п", 0),
        (ColumnRole::Text, "Мероприятие", 1),
        (ColumnRole::Deadline, "Сроки", usize::MAX),
        (ColumnRole::Responsible, "Ответственные", usize::MAX),
    ];
    if roadmap.column(ColumnRole::Responsible).is_none()
        && holds(ColumnRole::Responsible)
        && let Some(c) = out
            .iter_mut()
            .find(|c| c.field == Field::Role(ColumnRole::Deadline))
    {
        c.field = Field::DeadlineAndNames;
    }
    let has_field = |out: &[ExportColumn], role: ColumnRole| {
        out.iter().any(|c| {
            c.field == Field::Role(role)
                || matches!(role, ColumnRole::Responsible | ColumnRole::Deadline)
                    && c.field == Field::DeadlineAndNames
        })
    };
    for (role, title, at) in missing {
        if !has_field(&out, role) && holds(role) {
            let column = ExportColumn {
                title: title.to_string(),
                field: Field::Role(role),
            };
            out.insert(at.min(out.len()), column);
        }
    }
    out.push(ExportColumn {
        title: STATUS_TITLE.to_string(),
        field: Field::Status,
    });
    out
}

/// One row of the exported table.
#[derive(Debug)]
pub enum Row<'a> {
    /// A section heading across the table: "number title".
    Heading(String),
    /// A stage of the management cycle: its name in the stage column, and
    /// the responsible of the section above when this is its first row.
    Stage(&'a Section, String),
    /// An activity, with the responsible of its section when this is the
    /// first row under it.
    Activity(&'a Activity, String),
}

/// The rows of the table in document order.
pub fn rows<'a>(roadmap: &'a Roadmap, columns: &[ExportColumn]) -> Vec<Row<'a>> {
    let has = |role: ColumnRole| columns.iter().any(|c| c.field == Field::Role(role));
    let mut layout = Layout {
        rows: Vec::new(),
        pending: String::new(),
        stage_column: has(ColumnRole::Stage),
        responsible_column: has(ColumnRole::SectionResponsible),
    };
    for a in &roadmap.activities {
        layout.activity(a);
    }
    for s in &roadmap.sections {
        layout.section(s);
    }
    layout.rows
}

struct Layout<'a> {
    rows: Vec<Row<'a>>,
    pending: String,
    stage_column: bool,
    responsible_column: bool,
}

impl<'a> Layout<'a> {
    fn section(&mut self, s: &'a Section) {
        if self.responsible_column && s.kind != SectionKind::Stage {
            self.pending = s.responsible.join("\n");
        }
        if s.kind == SectionKind::Stage && self.stage_column {
            let pending = std::mem::take(&mut self.pending);
            self.rows.push(Row::Stage(s, pending));
        } else {
            let heading = format!("{} {}", s.number, s.title).trim().to_string();
            self.rows.push(Row::Heading(heading));
        }
        for a in &s.activities {
            self.activity(a);
        }
        for c in &s.sections {
            self.section(c);
        }
    }

    fn activity(&mut self, a: &'a Activity) {
        let pending = std::mem::take(&mut self.pending);
        self.rows.push(Row::Activity(a, pending));
    }
}

/// The text of a row's cell in `field`; None for a heading row (one cell
/// across the table).
pub fn cell(row: &Row, field: &Field) -> Option<String> {
    Some(match (row, field) {
        (Row::Heading(_), _) => return None,
        (Row::Stage(s, _), Field::Role(ColumnRole::Stage)) => s.title.clone(),
        (Row::Stage(_, r) | Row::Activity(_, r), Field::Role(ColumnRole::SectionResponsible)) => {
            r.clone()
        }
        (Row::Stage(..), _) => String::new(),
        (Row::Activity(a, _), field) => match field {
            Field::Role(ColumnRole::Number) => a.number.clone(),
            Field::Role(ColumnRole::Text) => a.text.clone(),
            Field::Role(ColumnRole::Deadline) => a.deadline.clone(),
            Field::DeadlineAndNames => [a.deadline.clone(), a.responsible.join(" ")]
                .join(" ")
                .trim()
                .to_string(),
            Field::Role(ColumnRole::Responsible) => a.responsible.join("\n"),
            Field::Role(_) => String::new(),
            Field::Cell(key) => a.cells.get(key).cloned().unwrap_or_default(),
            Field::Status => a.status.russian().to_string(),
        },
    })
}

/// A relative width for a column by what it holds.
pub fn weight(field: &Field) -> u32 {
    match field {
        Field::Role(ColumnRole::Number) => 8,
        Field::Role(ColumnRole::Text) => 40,
        Field::Role(ColumnRole::Stage) => 16,
        Field::Role(ColumnRole::Deadline) => 16,
        Field::Status => 15,
        _ => 22,
    }
}
