//! The names in a `.karta` document (see `docs/format.md`) and the writing of
//! a whole [`Roadmap`] into one.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT};

use crate::model::{Activity, Column, Roadmap, Section, position};

use super::StoreError;

/// Marks the root of every karta document.
pub const FORMAT_TAG: &str = "karta";
/// The newest document format this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Root keys.
pub const K_FORMAT: &str = "format";
/// Root key of the format version.
pub const K_VERSION: &str = "version";
/// Root key of the roadmap's identity.
pub const K_ID: &str = "id";
/// Root key of the heading map.
pub const K_META: &str = "meta";
/// Root key of the columns map.
pub const K_COLUMNS: &str = "columns";
/// Root key of the sections map.
pub const K_SECTIONS: &str = "sections";
/// Root key of the activities map.
pub const K_ACTIVITIES: &str = "activities";
/// Root key of the approvals map (created by the first approval: read as
/// the union of every map under it, see [`super::approvals`]).
pub const K_APPROVALS: &str = "approvals";

/// Keys of `meta`.
pub mod meta {
    /// Title (scalar string).
    pub const TITLE: &str = "title";
    /// Municipality (scalar string).
    pub const MUNICIPALITY: &str = "municipality";
    /// Number of the approving order (scalar string).
    pub const APPROVAL_NUMBER: &str = "approval_number";
    /// Date of the approving order, `YYYY-MM-DD` or empty.
    pub const APPROVAL_DATE: &str = "approval_date";
    /// First day of the period, `YYYY-MM-DD` or empty.
    pub const PERIOD_FROM: &str = "period_from";
    /// Last day of the period, `YYYY-MM-DD` or empty.
    pub const PERIOD_TO: &str = "period_to";
    /// Notes (Automerge text).
    pub const NOTES: &str = "notes";
}

/// Keys shared by sections and activities.
pub mod node {
    /// Position among siblings (fractional index string).
    pub const POS: &str = "pos";
    /// Number as written.
    pub const NUMBER: &str = "number";
    /// Responsible entries, one per line (scalar string).
    pub const RESPONSIBLE: &str = "responsible";
    /// Tombstone: `true` once deleted.
    pub const DELETED: &str = "deleted";
    /// Parent section id of a section (`""` for top level).
    pub const PARENT: &str = "parent";
    /// Section of an activity (`""` for none).
    pub const SECTION: &str = "section";
    /// Title of a section (scalar string).
    pub const TITLE: &str = "title";
    /// Kind of a section.
    pub const KIND: &str = "kind";
    /// Management-cycle stage of a section, 1 to 9.
    pub const STAGE: &str = "stage";
    /// Text of an activity (Automerge text).
    pub const TEXT: &str = "text";
    /// Deadline as written (scalar string).
    pub const DEADLINE: &str = "deadline";
    /// Status of an activity (scalar string).
    pub const STATUS: &str = "status";
    /// Extra cells of an activity: map column key → Automerge text.
    pub const CELLS: &str = "cells";
    /// Comments of an activity: map comment id → map (see [`super::comment`]).
    pub const COMMENTS: &str = "comments";
    /// Column title.
    pub const COLUMN_TITLE: &str = "title";
    /// Column role.
    pub const COLUMN_ROLE: &str = "role";
}

/// Keys of one comment (`activities.<id>.comments.<comment id>`).
pub mod comment {
    /// Who wrote it (scalar string).
    pub const AUTHOR: &str = "author";
    /// When, milliseconds since 1970 (int).
    pub const TIME: &str = "time";
    /// What it says (Automerge text).
    pub const TEXT: &str = "text";
    /// Tombstone: `true` once removed.
    pub const DELETED: &str = "deleted";
}

/// A fresh random id for a section or an activity (12 hex digits).
pub fn new_item_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

/// Where the ids of items added by edits come from: random (normal use) or
/// a seeded sequence, so that a generated roadmap (`karta gen`) is the same
/// every time. Both give 12 hex digits; the format does not change.
#[derive(Debug, Clone, Default)]
pub enum IdSource {
    /// Fresh random ids.
    #[default]
    Random,
    /// A deterministic sequence.
    Seeded(fastrand::Rng),
}

impl IdSource {
    /// A deterministic sequence of ids from `seed`.
    pub fn seeded(seed: u64) -> IdSource {
        IdSource::Seeded(fastrand::Rng::with_seed(seed))
    }

    /// The next item id.
    pub fn next_item_id(&mut self) -> String {
        match self {
            IdSource::Random => new_item_id(),
            IdSource::Seeded(rng) => format!("{:012x}", rng.u64(..1 << 48)),
        }
    }

    /// An independent source for a copy of the document (a fork), so that
    /// two seeded copies never hand out the same ids.
    pub fn split(&mut self) -> IdSource {
        match self {
            IdSource::Random => IdSource::Random,
            IdSource::Seeded(rng) => IdSource::seeded(rng.u64(..)),
        }
    }
}

/// A fresh random id for a whole roadmap.
pub fn new_roadmap_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

type Result<T> = std::result::Result<T, StoreError>;

/// Writes the whole roadmap into an empty document (one pending change; the
/// caller commits it). Items without ids get fresh ones.
pub fn write_roadmap(doc: &mut AutoCommit, roadmap: &Roadmap) -> Result<()> {
    doc.put(ROOT, K_FORMAT, FORMAT_TAG)?;
    doc.put(ROOT, K_VERSION, FORMAT_VERSION)?;
    let id = if roadmap.id.is_empty() {
        new_roadmap_id()
    } else {
        roadmap.id.clone()
    };
    doc.put(ROOT, K_ID, id)?;
    write_meta(doc, roadmap)?;
    let columns = doc.put_object(ROOT, K_COLUMNS, ObjType::Map)?;
    let positions = position::spread(roadmap.columns.len());
    for (column, pos) in roadmap.columns.iter().zip(positions) {
        write_column(doc, &columns, column, &pos)?;
    }
    let sections = doc.put_object(ROOT, K_SECTIONS, ObjType::Map)?;
    let activities = doc.put_object(ROOT, K_ACTIVITIES, ObjType::Map)?;
    let mut out = Targets {
        sections,
        activities,
    };
    write_activities(doc, &mut out, "", &roadmap.activities)?;
    let positions = position::spread(roadmap.sections.len());
    for (section, pos) in roadmap.sections.iter().zip(positions) {
        write_section(doc, &mut out, "", section, &pos)?;
    }
    Ok(())
}

struct Targets {
    sections: ObjId,
    activities: ObjId,
}

fn write_meta(doc: &mut AutoCommit, roadmap: &Roadmap) -> Result<()> {
    let m = &roadmap.meta;
    let obj = doc.put_object(ROOT, K_META, ObjType::Map)?;
    doc.put(&obj, meta::TITLE, m.title.as_str())?;
    doc.put(&obj, meta::MUNICIPALITY, m.municipality.as_str())?;
    let (number, date) = match &m.approval {
        Some(a) => (a.number.clone(), a.date.map(|d| d.to_string())),
        None => (String::new(), None),
    };
    doc.put(&obj, meta::APPROVAL_NUMBER, number)?;
    doc.put(&obj, meta::APPROVAL_DATE, date.unwrap_or_default())?;
    let (from, to) = m
        .period
        .map(|p| (p.from.to_string(), p.to.to_string()))
        .unwrap_or_default();
    doc.put(&obj, meta::PERIOD_FROM, from)?;
    doc.put(&obj, meta::PERIOD_TO, to)?;
    put_new_text(doc, &obj, meta::NOTES, &m.notes)?;
    Ok(())
}

fn write_column(doc: &mut AutoCommit, columns: &ObjId, column: &Column, pos: &str) -> Result<()> {
    let obj = doc.put_object(columns, column.key.as_str(), ObjType::Map)?;
    doc.put(&obj, node::COLUMN_TITLE, column.title.as_str())?;
    doc.put(&obj, node::COLUMN_ROLE, column.role_name())?;
    doc.put(&obj, node::POS, pos)?;
    Ok(())
}

fn write_section(
    doc: &mut AutoCommit,
    out: &mut Targets,
    parent: &str,
    section: &Section,
    pos: &str,
) -> Result<()> {
    let id = if section.id.is_empty() {
        new_item_id()
    } else {
        section.id.clone()
    };
    put_section(doc, &out.sections, &id, parent, pos, section)?;
    write_activities(doc, out, &id, &section.activities)?;
    let positions = position::spread(section.sections.len());
    for (child, pos) in section.sections.iter().zip(positions) {
        write_section(doc, out, &id, child, &pos)?;
    }
    Ok(())
}

fn write_activities(
    doc: &mut AutoCommit,
    out: &mut Targets,
    section: &str,
    activities: &[Activity],
) -> Result<()> {
    let positions = position::spread(activities.len());
    for (activity, pos) in activities.iter().zip(positions) {
        put_activity(doc, &out.activities, section, &pos, activity)?;
    }
    Ok(())
}

/// Writes one section's own fields (not its children) under `sections`
/// (the root sections map) as `id`.
pub fn put_section(
    doc: &mut AutoCommit,
    sections: &ObjId,
    id: &str,
    parent: &str,
    pos: &str,
    section: &Section,
) -> Result<()> {
    let obj = doc.put_object(sections, id, ObjType::Map)?;
    doc.put(&obj, node::PARENT, parent)?;
    doc.put(&obj, node::POS, pos)?;
    doc.put(&obj, node::NUMBER, section.number.as_str())?;
    doc.put(&obj, node::TITLE, section.title.as_str())?;
    doc.put(&obj, node::KIND, section.kind.as_str())?;
    if let Some(stage) = section.stage {
        doc.put(&obj, node::STAGE, u64::from(stage.number()))?;
    }
    doc.put(&obj, node::RESPONSIBLE, section.responsible.join("\n"))?;
    Ok(())
}

/// Writes one activity under `activities` (the root activities map); returns its id.
/// Free text (the text, every extra cell) is written as Automerge `Text`, so
/// two people editing different places of one sentence merge character by
/// character from the very first edit. The `cells` and `comments` maps are
/// created with the activity, always: a map created later by two copies at once would leave
/// two maps under one key (readers still merge such maps, see
/// [`super::fields::View::cells`]).
pub fn put_activity(
    doc: &mut AutoCommit,
    activities: &ObjId,
    section: &str,
    pos: &str,
    activity: &Activity,
) -> Result<String> {
    let id = if activity.id.is_empty() {
        new_item_id()
    } else {
        activity.id.clone()
    };
    let obj = doc.put_object(activities, id.as_str(), ObjType::Map)?;
    doc.put(&obj, node::SECTION, section)?;
    doc.put(&obj, node::POS, pos)?;
    doc.put(&obj, node::NUMBER, activity.number.as_str())?;
    put_new_text(doc, &obj, node::TEXT, &activity.text)?;
    doc.put(&obj, node::DEADLINE, activity.deadline.as_str())?;
    doc.put(&obj, node::RESPONSIBLE, activity.responsible.join("\n"))?;
    doc.put(&obj, node::STATUS, activity.status.as_str())?;
    let cells = doc.put_object(&obj, node::CELLS, ObjType::Map)?;
    for (key, value) in &activity.cells {
        put_new_text(doc, &cells, key, value)?;
    }
    if let Some(stage) = activity.stage {
        doc.put(&obj, node::STAGE, u64::from(stage.number()))?;
    }
    let comments = doc.put_object(&obj, node::COMMENTS, ObjType::Map)?;
    for c in &activity.comments {
        put_comment(doc, &comments, c)?;
    }
    Ok(id)
}

/// Writes one comment under an activity's `comments` map.
pub(crate) fn put_comment(
    doc: &mut AutoCommit,
    comments: &ObjId,
    c: &crate::model::Comment,
) -> Result<()> {
    let obj = doc.put_object(comments, c.id.as_str(), ObjType::Map)?;
    doc.put(&obj, comment::AUTHOR, c.author.as_str())?;
    doc.put(&obj, comment::TIME, c.time)?;
    put_new_text(doc, &obj, comment::TEXT, &c.text)
}

/// Puts a new `Text` holding `value` at `obj[key]`.
pub(crate) fn put_new_text(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: &str,
) -> Result<()> {
    let text = doc.put_object(obj, key, ObjType::Text)?;
    if !value.is_empty() {
        doc.splice_text(&text, 0, 0, value)?;
    }
    Ok(())
}
