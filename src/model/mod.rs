//! The roadmap domain: plain Rust types with no terminal and no Automerge in
//! them. The store reads a document into these types; the importer builds them
//! from text; exports and views render them.

pub mod comment;
pub mod cycle;
pub mod deadline;
pub mod numbering;
pub mod people;
pub mod position;
pub mod search;
pub mod stage;
pub mod text;
pub mod worddiff;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use comment::Comment;
pub use deadline::{Deadline, DeadlineContext, DeadlineGroup, DeadlineKind};
pub use stage::Stage;

/// A whole roadmap (дорожная карта): its heading, its own columns and its tree
/// of sections with activities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Roadmap {
    /// Identity of the roadmap, fixed at creation; copies share it.
    pub id: String,
    /// Title, municipality, approval, period, notes.
    pub meta: Meta,
    /// The roadmap's own table columns, in their order.
    pub columns: Vec<Column>,
    /// Top-level sections in order.
    pub sections: Vec<Section>,
    /// Activities that stand outside any section, in order.
    pub activities: Vec<Activity>,
}

/// The heading of a roadmap.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// Title as written ("План мероприятий («Дорожная карта») по …").
    pub title: String,
    /// Municipality ("город Тында", "Сасовский муниципальный район").
    pub municipality: String,
    /// The order (приказ) that approved the roadmap, when known.
    pub approval: Option<Approval>,
    /// The years the roadmap covers, when known.
    pub period: Option<Period>,
    /// Free text kept with the roadmap: an order's preamble, a brief.
    pub notes: String,
}

/// The order that approved a roadmap: "от 26.02.2022 № 20".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Approval {
    /// Number as written ("491/01-08").
    pub number: String,
    /// Date of the order.
    pub date: Option<NaiveDate>,
}

/// The span of dates a roadmap covers (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day covered.
    pub from: NaiveDate,
    /// Last day covered.
    pub to: NaiveDate,
}

impl Period {
    /// The calendar years `from..=to` as a period from 1 January to 31 December.
    pub fn years(from: i32, to: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(from, 1, 1)?,
            to: NaiveDate::from_ymd_opt(to, 12, 31)?,
        })
    }
}

/// What a column of a roadmap's table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// "№ п/п": the activity's number.
    Number,
    /// The management-cycle stage of seed-000-shaped roadmaps ("Цели", "Показатели"…).
    Stage,
    /// "Мероприятия", "Шаги", "Рекомендация": what is to be done.
    Text,
    /// "Сроки", "Срок решения".
    Deadline,
    /// "Ответственные", "Ответственный исполнитель".
    Responsible,
    /// "Ответственные за направление": responsible for a whole system/section.
    SectionResponsible,
    /// "Планируемый результат".
    Result,
    /// "Описание ситуации (проблемы)".
    Problem,
    /// "Способ решения".
    Solution,
    /// "Риски".
    Risks,
    /// Any other column: its cells are kept as free text.
    Other,
}

impl ColumnRole {
    /// Whether cells of this role are stored as extra free-text cells of an
    /// activity (as opposed to its built-in fields or its section).
    pub fn is_extra(self) -> bool {
        matches!(
            self,
            ColumnRole::Result
                | ColumnRole::Problem
                | ColumnRole::Solution
                | ColumnRole::Risks
                | ColumnRole::Other
        )
    }

    /// The stable name of the role, as used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnRole::Number => "number",
            ColumnRole::Stage => "stage",
            ColumnRole::Text => "text",
            ColumnRole::Deadline => "deadline",
            ColumnRole::Responsible => "responsible",
            ColumnRole::SectionResponsible => "section_responsible",
            ColumnRole::Result => "result",
            ColumnRole::Problem => "problem",
            ColumnRole::Solution => "solution",
            ColumnRole::Risks => "risks",
            ColumnRole::Other => "other",
        }
    }

    /// Parses a role name written by [`ColumnRole::as_str`].
    pub fn parse(name: &str) -> Option<ColumnRole> {
        [
            ColumnRole::Number,
            ColumnRole::Stage,
            ColumnRole::Text,
            ColumnRole::Deadline,
            ColumnRole::Responsible,
            ColumnRole::SectionResponsible,
            ColumnRole::Result,
            ColumnRole::Problem,
            ColumnRole::Solution,
            ColumnRole::Risks,
            ColumnRole::Other,
        ]
        .into_iter()
        .find(|r| r.as_str() == name)
    }
}

/// One column of a roadmap's own table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Stable key: the role name for built-in roles, `col1`, `col2`… for others.
    /// Extra cells of activities are stored under this key.
    pub key: String,
    /// The heading as written in the roadmap ("Планируемый результат").
    pub title: String,
    /// What the column holds.
    pub role: ColumnRole,
    /// The role as another program wrote it when karta does not know it
    /// (the column is then treated as [`ColumnRole::Other`]), kept and
    /// shown as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_role: Option<String>,
}

impl Column {
    /// A column of a role karta knows.
    pub fn new(key: impl Into<String>, title: impl Into<String>, role: ColumnRole) -> Column {
        Column {
            key: key.into(),
            title: title.into(),
            role,
            written_role: None,
        }
    }

    /// The name of the column's role as written: an unknown role as
    /// another program wrote it, else [`ColumnRole::as_str`].
    pub fn role_name(&self) -> &str {
        self.written_role
            .as_deref()
            .unwrap_or_else(|| self.role.as_str())
    }
}

/// What kind of node a section is in the roadmap's tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A mechanism of quality management (top of seed 000).
    Mechanism,
    /// A system / direction ("Система оценки качества подготовки обучающихся").
    System,
    /// One of the nine management-cycle stages of a system.
    Stage,
    /// Any other heading.
    #[default]
    Section,
    /// A kind another program wrote that karta does not know, kept and
    /// shown as written (treated as a plain section).
    Other(String),
}

impl SectionKind {
    /// The stable name used in files and JSON (an unknown kind as
    /// written).
    pub fn as_str(&self) -> &str {
        match self {
            SectionKind::Mechanism => "mechanism",
            SectionKind::System => "system",
            SectionKind::Stage => "stage",
            SectionKind::Section => "section",
            SectionKind::Other(written) => written,
        }
    }

    /// Parses a name written by [`SectionKind::as_str`]; an unknown name is
    /// kept as written, made one safe line (empty: a plain section).
    pub fn parse(name: &str) -> SectionKind {
        match name {
            "mechanism" => SectionKind::Mechanism,
            "system" => SectionKind::System,
            "stage" => SectionKind::Stage,
            "section" | "" => SectionKind::Section,
            other => SectionKind::Other(text::one_line(other)),
        }
    }
}

/// The deepest level sections are shown at (1: the top level). A document
/// may nest them deeper (only a damaged or crafted one does): the sections
/// below are shown at this level, in depth-first order (see
/// `docs/format.md`), so that no walk over the tree can run out of stack.
pub const MAX_DEPTH: usize = 32;

/// A heading of the roadmap with the sections and activities under it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// Number as written ("1.1", "2.", or empty).
    pub number: String,
    /// Title as written.
    pub title: String,
    /// Mechanism, system, stage or plain section.
    pub kind: SectionKind,
    /// The management-cycle stage, for stage sections.
    pub stage: Option<Stage>,
    /// People or bodies responsible for the whole section.
    pub responsible: Vec<String>,
    /// Sub-sections in order.
    pub sections: Vec<Section>,
    /// Activities directly in this section, in order.
    pub activities: Vec<Activity>,
}

impl Section {
    /// Number of activities in this section and all below it.
    pub fn activity_count(&self) -> usize {
        self.activities.len()
            + self
                .sections
                .iter()
                .map(Section::activity_count)
                .sum::<usize>()
    }
}

/// Progress of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not started (the default).
    #[default]
    Planned,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Dropped.
    Cancelled,
    /// A status another program wrote that karta does not know, kept and
    /// shown as written (counted as still to be done).
    Other(String),
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::Cancelled,
    ];

    /// The stable name used in files and JSON (an unknown status as
    /// written).
    pub fn as_str(&self) -> &str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
            Status::Other(written) => written,
        }
    }

    /// The Russian word a methodologist uses (an unknown status as
    /// written).
    pub fn russian(&self) -> &str {
        match self {
            Status::Planned => "запланировано",
            Status::InProgress => "в работе",
            Status::Done => "выполнено",
            Status::Cancelled => "отменено",
            Status::Other(written) => written,
        }
    }

    /// Reads a stored status: a known name, else kept as written, made one
    /// safe line (empty: planned).
    pub fn stored(name: &str) -> Status {
        match name {
            "" => Status::Planned,
            _ => Status::parse(name).unwrap_or_else(|| Status::Other(text::one_line(name))),
        }
    }

    /// Parses a status written in English or Russian, in any case
    /// ("done", "in progress", "выполнено", "в работе"…).
    pub fn parse(text: &str) -> Option<Status> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        match t.as_str() {
            "planned"
            | "plan"
            | "todo"
            | "запланировано"
            | "запланирована"
            | "план"
            | "не_начато" => Some(Status::Planned),
            "in_progress"
            | "inprogress"
            | "progress"
            | "started"
            | "в_работе"
            | "выполняется"
            | "в_процессе" => Some(Status::InProgress),
            "done" | "finished" | "complete" | "completed" | "выполнено" | "выполнена"
            | "готово" | "сделано" => Some(Status::Done),
            "cancelled" | "canceled" | "dropped" | "отменено" | "отменена" | "отмена" => {
                Some(Status::Cancelled)
            }
            _ => None,
        }
    }

    /// Whether the activity still has to be done.
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            Status::Planned | Status::InProgress | Status::Other(_)
        )
    }
}

/// One activity (мероприятие) of a roadmap.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Activity {
    /// Stable id.
    pub id: String,
    /// Number as written ("1.1.", "10.3.1.", or empty).
    pub number: String,
    /// What is to be done; may hold several lines.
    pub text: String,
    /// The deadline exactly as written ("Декабрь 2021 – май 2022").
    pub deadline: String,
    /// People and bodies responsible, one entry each, as written.
    pub responsible: Vec<String>,
    /// Progress.
    pub status: Status,
    /// The roadmap's other columns (result, problem, risks…) by column key.
    pub cells: BTreeMap<String, String>,
    /// The management-cycle stage set for the activity by hand (None: the
    /// structure or the wording tells it, see [`cycle`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// Comments, in time order (removed ones left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

impl Roadmap {
    /// The activity with this id, for changing it in place.
    pub fn activity_mut(&mut self, id: &str) -> Option<&mut Activity> {
        fn find<'a>(sections: &'a mut [Section], id: &str) -> Option<&'a mut Activity> {
            for s in sections {
                if let Some(a) = s.activities.iter_mut().find(|a| a.id == id) {
                    return Some(a);
                }
                if let Some(a) = find(&mut s.sections, id) {
                    return Some(a);
                }
            }
            None
        }
        if let Some(i) = self.activities.iter().position(|a| a.id == id) {
            return self.activities.get_mut(i);
        }
        find(&mut self.sections, id)
    }

    /// Every activity of the roadmap in document order, with the chain of
    /// sections above it (outermost first).
    pub fn activities_with_path(&self) -> Vec<(Vec<&Section>, &Activity)> {
        fn walk<'a>(
            section: &'a Section,
            path: &mut Vec<&'a Section>,
            out: &mut Vec<(Vec<&'a Section>, &'a Activity)>,
        ) {
            path.push(section);
            for a in &section.activities {
                out.push((path.clone(), a));
            }
            for s in &section.sections {
                walk(s, path, out);
            }
            path.pop();
        }
        let mut out: Vec<(Vec<&Section>, &Activity)> =
            self.activities.iter().map(|a| (Vec::new(), a)).collect();
        let mut path = Vec::new();
        for s in &self.sections {
            walk(s, &mut path, &mut out);
        }
        out
    }

    /// Number of activities in the whole roadmap.
    pub fn activity_count(&self) -> usize {
        self.activities.len()
            + self
                .sections
                .iter()
                .map(Section::activity_count)
                .sum::<usize>()
    }

    /// Number of sections at every level.
    pub fn section_count(&self) -> usize {
        fn count(s: &Section) -> usize {
            1 + s.sections.iter().map(count).sum::<usize>()
        }
        self.sections.iter().map(count).sum()
    }

    /// The context in which this roadmap's deadlines are read: its period and
    /// the date it was approved.
    pub fn deadline_context(&self) -> DeadlineContext {
        DeadlineContext {
            period: self.meta.period,
            anchor: self.meta.approval.as_ref().and_then(|a| a.date),
        }
    }

    /// The column with the given role, if the roadmap has one.
    pub fn column(&self, role: ColumnRole) -> Option<&Column> {
        self.columns.iter().find(|c| c.role == role)
    }
}

/// The columns of a roadmap created from scratch: № · Мероприятие · Сроки ·
/// Ответственные.
pub fn default_columns() -> Vec<Column> {
    [
        (ColumnRole::Number, "№ п/п"),
        (ColumnRole::Text, "Мероприятие"),
        (ColumnRole::Deadline, "Сроки"),
        (ColumnRole::Responsible, "Ответственные"),
    ]
    .into_iter()
    .map(|(role, title)| Column::new(role.as_str(), title, role))
    .collect()
}
