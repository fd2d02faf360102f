//! Reading a whole document into a [`Roadmap`].
//!
//! Reading is forgiving: a missing or mistyped field reads as empty, a
//! section whose parent is gone is shown at the top level, an activity whose
//! section is gone stands outside any section. Nothing in the document is
//! ever hidden because of damage elsewhere.
//!
//! Each object is read in one pass over its keys (see [`crate::store::read::fields`]).

pub mod fields;
pub(super) mod locate;
pub mod lookup;
pub mod nodes;
pub(super) mod placing;
pub mod refresh;
pub(super) mod tree;

use std::collections::HashMap;

use automerge::{ObjId, ObjType, ROOT, ReadDoc, Value};
use chrono::NaiveDate;

use crate::model::{
    Activity, Approval, Column, ColumnRole, Meta, Period, Roadmap, Section, SectionKind, Stage,
    Status,
};

use crate::store::read::fields::{Raw, View};
use crate::store::read::tree::{Node, build_tree};
use crate::store::schema::{self, meta, node};

/// The string at `obj[key]`: a scalar string or the text of a text object
/// (another implementation may write a short field as one), or empty.
pub fn get_str<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str) -> String {
    get_text(doc, obj, key)
}

/// The text of an Automerge text (or a scalar string) at `obj[key]`, or empty.
pub fn get_text<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str) -> String {
    match doc.get(obj, key) {
        Ok(Some((Value::Object(ObjType::Text), id))) => doc.text(&id).unwrap_or_default(),
        Ok(Some((Value::Scalar(s), _))) => s.as_str().map(str::to_string).unwrap_or_default(),
        _ => String::new(),
    }
}

/// An unsigned integer at `obj[key]`.
pub fn get_uint<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str) -> Option<u64> {
    match doc.get(obj, key) {
        Ok(Some((Value::Scalar(s), _))) => crate::store::read::fields::whole_number(&s),
        _ => None,
    }
}

/// Whether `obj[key]` is `true`.
pub fn get_bool<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str) -> bool {
    matches!(doc.get(obj, key), Ok(Some((Value::Scalar(s), _))) if s.as_bool() == Some(true))
}

/// The map object at `obj[key]`.
pub fn get_map<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key) {
        Ok(Some((Value::Object(ObjType::Map), id))) => Some(id),
        _ => None,
    }
}

/// Splits a stored responsible string into entries.
pub fn split_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The objects under the root of a roadmap document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Roots {
    /// The roadmap's identity.
    pub id: String,
    /// The heading map.
    pub meta: Option<ObjId>,
    /// The columns map.
    pub columns: Option<ObjId>,
    /// The sections map.
    pub sections: Option<ObjId>,
    /// The activities map.
    pub activities: Option<ObjId>,
}

impl Roots {
    /// Reads the root in one pass.
    pub fn read<D: ReadDoc>(view: View<'_, D>) -> Roots {
        let mut roots = Roots::default();
        for (key, raw) in view.entries(&ROOT) {
            let slot = match key.as_ref() {
                schema::K_ID => {
                    roots.id = view.text_of(raw);
                    continue;
                }
                schema::K_META => &mut roots.meta,
                schema::K_COLUMNS => &mut roots.columns,
                schema::K_SECTIONS => &mut roots.sections,
                schema::K_ACTIVITIES => &mut roots.activities,
                _ => continue,
            };
            if let Raw::Map(obj) = raw {
                *slot = Some(obj);
            }
        }
        roots
    }
}

/// Reads the whole roadmap.
pub fn read_roadmap<D: ReadDoc + Sync>(doc: &D) -> Roadmap {
    let view = View::now(doc);
    let roots = Roots::read(view);
    let mut roadmap = Roadmap {
        meta: roots.meta.map(|o| read_meta(view, &o)).unwrap_or_default(),
        columns: roots
            .columns
            .map(|o| read_columns(view, &o))
            .unwrap_or_default(),
        id: roots.id,
        ..Roadmap::default()
    };
    let mut nodes = match &roots.sections {
        Some(obj) => read_sections(view, obj),
        None => HashMap::new(),
    };
    let mut by_section = match &roots.activities {
        Some(obj) => read_activities(view, obj, &nodes),
        None => HashMap::new(),
    };
    roadmap.activities = by_section.remove("").unwrap_or_default();
    roadmap.sections = build_tree(&mut nodes, &mut by_section);
    roadmap
}

/// How deep the sections of the document seen through `view` nest (see
/// [`crate::store::read::tree::nesting`]), without reading activities.
pub(crate) fn section_nesting<D: ReadDoc>(view: View<'_, D>) -> usize {
    let roots = Roots::read(view);
    roots
        .sections
        .map(|obj| crate::store::read::tree::nesting(&read_sections(view, &obj)))
        .unwrap_or(0)
}

/// Reads the heading map.
pub(crate) fn read_meta<D: ReadDoc>(view: View<'_, D>, obj: &ObjId) -> Meta {
    let mut m = Meta::default();
    let (mut number, mut date, mut from, mut to) = (String::new(), None, None, None);
    for (key, raw) in view.entries(obj) {
        match key.as_ref() {
            meta::TITLE => m.title = view.text_of(raw),
            meta::MUNICIPALITY => m.municipality = view.text_of(raw),
            meta::APPROVAL_NUMBER => number = view.text_of(raw),
            meta::APPROVAL_DATE => date = parse_date(&view.text_of(raw)),
            meta::PERIOD_FROM => from = parse_date(&view.text_of(raw)),
            meta::PERIOD_TO => to = parse_date(&view.text_of(raw)),
            meta::NOTES => m.notes = view.text_of(raw),
            _ => {}
        }
    }
    m.approval = (!number.is_empty() || date.is_some()).then_some(Approval { number, date });
    m.period = match (from, to) {
        (Some(from), Some(to)) if from <= to => Some(Period { from, to }),
        _ => None,
    };
    m
}

/// Reads the columns map, in the order of their positions.
pub(crate) fn read_columns<D: ReadDoc>(view: View<'_, D>, obj: &ObjId) -> Vec<Column> {
    let mut columns: Vec<(String, Column)> = view
        .entries(obj)
        .filter_map(|(key, raw)| {
            let Raw::Map(col) = raw else {
                return None;
            };
            let (mut pos, mut title, mut role) = (String::new(), String::new(), String::new());
            for (field, raw) in view.entries(&col) {
                match field.as_ref() {
                    node::POS => pos = view.text_of(raw),
                    node::COLUMN_TITLE => title = view.text_of(raw),
                    node::COLUMN_ROLE => role = view.text_of(raw),
                    _ => {}
                }
            }
            let key = key.into_owned();
            Some((pos, column_of(key, title, &role)))
        })
        .collect();
    columns.sort_by(|a, b| (&a.0, &a.1.key).cmp(&(&b.0, &b.1.key)));
    columns.into_iter().map(|(_, c)| c).collect()
}

/// A column read from a document: a role karta does not know is kept as
/// written (on one line), the column treated as [`ColumnRole::Other`].
pub(crate) fn column_of(key: String, title: String, role: &str) -> Column {
    let known = ColumnRole::parse(role);
    Column {
        key,
        title,
        role: known.unwrap_or(ColumnRole::Other),
        written_role: match known {
            None if !role.is_empty() => Some(crate::model::text::one_line(role)),
            _ => None,
        },
    }
}

/// Reads one section map: its place, its own fields and whether it is
/// deleted.
pub(crate) fn read_section<D: ReadDoc>(view: View<'_, D>, id: &str, obj: &ObjId) -> (Node, bool) {
    let mut node = Node {
        parent: String::new(),
        pos: String::new(),
        section: Section {
            id: id.to_string(),
            ..Section::default()
        },
    };
    let mut kind = String::new();
    let mut deleted = false;
    let s = &mut node.section;
    for (key, raw) in view.entries(obj) {
        match key.as_ref() {
            node::PARENT => node.parent = view.text_of(raw),
            node::POS => node.pos = view.text_of(raw),
            node::NUMBER => s.number = view.text_of(raw),
            node::TITLE => s.title = view.text_of(raw),
            node::KIND => kind = view.text_of(raw),
            node::STAGE => s.stage = raw.number().and_then(Stage::from_number),
            node::RESPONSIBLE => s.responsible = split_lines(&view.text_of(raw)),
            node::DELETED => deleted = raw.is_true(),
            _ => {}
        }
    }
    s.kind = SectionKind::parse(&kind);
    (node, deleted)
}

fn read_sections<D: ReadDoc>(view: View<'_, D>, obj: &ObjId) -> HashMap<String, Node> {
    view.entries(obj)
        .filter_map(|(id, raw)| {
            let Raw::Map(s) = raw else {
                return None;
            };
            let (node, deleted) = read_section(view, &id, &s);
            (!deleted).then(|| (id.into_owned(), node))
        })
        .collect()
}

/// One activity map as stored: the activity and its place.
pub(crate) struct Placed {
    /// The section it belongs to as stored (`""`: none).
    pub section: String,
    /// Position among its siblings.
    pub pos: String,
    /// Whether it carries a tombstone (its fields are then left unread).
    pub deleted: bool,
    /// The activity.
    pub activity: Activity,
}

/// Reads one activity map in one pass; with `skip_deleted`, a deleted
/// one's text and cells are left unread.
pub(crate) fn read_placed<D: ReadDoc>(
    view: View<'_, D>,
    id: &str,
    obj: &ObjId,
    skip_deleted: bool,
) -> Placed {
    let mut placed = Placed {
        section: String::new(),
        pos: String::new(),
        deleted: false,
        activity: Activity {
            id: id.to_string(),
            ..Activity::default()
        },
    };
    let (mut text, mut cells, mut status) = (None, None, String::new());
    let mut comments = None;
    let a = &mut placed.activity;
    for (key, raw, conflict) in view.flagged(obj) {
        match key.as_ref() {
            node::SECTION => placed.section = view.text_of(raw),
            node::POS => placed.pos = view.text_of(raw),
            node::DELETED => placed.deleted = raw.is_true(),
            node::NUMBER => a.number = view.text_of(raw),
            node::TEXT => text = Some(raw),
            node::DEADLINE => a.deadline = view.text_of(raw),
            node::RESPONSIBLE => a.responsible = split_lines(&view.text_of(raw)),
            node::STATUS => status = view.text_of(raw),
            node::CELLS => cells = Some((raw, conflict)),
            node::COMMENTS => comments = Some((raw, conflict)),
            node::STAGE => a.stage = raw.number().and_then(Stage::from_number),
            _ => {}
        }
    }
    if placed.deleted && skip_deleted {
        return placed;
    }
    a.status = Status::stored(&status);
    a.text = text.map(|t| view.text_of(t)).unwrap_or_default();
    if let Some((raw, conflict)) = cells {
        a.cells = view
            .cells_from(obj, raw, conflict)
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect();
    }
    if let Some((raw, conflict)) = comments {
        a.comments = crate::store::write::comment::read_from(view, obj, raw, conflict);
    }
    placed
}

/// Reads one activity map.
pub fn read_activity<D: ReadDoc>(doc: &D, id: &str, obj: &ObjId) -> Activity {
    read_placed(View::now(doc), id, obj, false).activity
}

/// Activities read from this many on are read by two threads.
const PARALLEL_FROM: usize = 2000;

fn read_activities<D: ReadDoc + Sync>(
    view: View<'_, D>,
    obj: &ObjId,
    sections: &HashMap<String, Node>,
) -> HashMap<String, Vec<Activity>> {
    let maps: Vec<(String, ObjId)> = view
        .entries(obj)
        .filter_map(|(id, raw)| match raw {
            Raw::Map(a) => Some((id.into_owned(), a)),
            _ => None,
        })
        .collect();
    let read = |part: &[(String, ObjId)]| -> Vec<Placed> {
        part.iter()
            .map(|(id, a)| read_placed(view, id, a, true))
            .filter(|placed| !placed.deleted)
            .collect()
    };
    let placed = if maps.len() < PARALLEL_FROM {
        read(&maps)
    } else {
        let (first, second) = maps.split_at(maps.len() / 2);
        std::thread::scope(|scope| {
            // A panic there (a document nobody foresaw) is not printed; the
            // part is read again here, under the caller's handling.
            let other = scope.spawn(|| crate::store::disk::file::quietly(|| read(second)));
            let mut placed = read(first);
            match other.join() {
                Ok(Ok(rest)) => placed.extend(rest),
                _ => placed.extend(read(second)),
            }
            placed
        })
    };
    let mut by_section: HashMap<String, Vec<(String, Activity)>> = HashMap::new();
    for mut placed in placed {
        if !sections.contains_key(&placed.section) {
            placed.section.clear();
        }
        by_section
            .entry(placed.section)
            .or_default()
            .push((placed.pos, placed.activity));
    }
    by_section
        .into_iter()
        .map(|(section, mut list)| {
            list.sort_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
            (section, list.into_iter().map(|(_, a)| a).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_roadmap_read_by_two_threads_is_the_roadmap_written() {
        let mut rng = fastrand::Rng::with_seed(7);
        let people = crate::r#gen::words::people();
        let roadmap =
            crate::r#gen::shape::roadmap(&mut rng, PARALLEL_FROM + PARALLEL_FROM / 4, &people);
        let count = roadmap.activity_count();
        assert!(count >= PARALLEL_FROM, "read by two threads: {count}");
        let doc =
            crate::store::Doc::create(&roadmap, Some("Тестова Т.Т."), "import").expect("create");
        let read = read_roadmap(doc.automerge());
        assert_eq!(read.activity_count(), count);
        assert_eq!(read, doc.roadmap(), "the same as the document's own read");
        assert_eq!(
            read.sections, roadmap.sections,
            "every activity in its place"
        );
    }
}
