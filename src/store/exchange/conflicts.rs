//! Conflicts: when two people set the same short field differently, the
//! document keeps both values (Automerge `get_all`); one value is shown
//! meanwhile. An activity's text conflicts only when two copies edit an
//! imported, never edited text concurrently (each turns the stored string
//! into its own `Text`); later edits merge character by character. Listing them and resolving one by setting the final value,
//! which replaces both for everyone who merges afterwards.

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, Value, ValueRef};

use crate::store::history::changes::{Field, Item, ItemKind};
use crate::store::history::snapshot::{
    ACTIVITY_SCALARS, META_SCALARS, SECTION_SCALARS, Snapshot, read_part,
};
use crate::store::history::touched::Touched;
use crate::store::read::fields::View;
use crate::store::read::get_map;
use crate::store::schema::{self, meta, node};
use crate::store::write::edit::{ActivityField, MetaField, NodeKind, SectionField};
use crate::store::write::textslot::{Slot, author_of};
use crate::store::{Doc, StoreError};

/// One of the values a conflicting field holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ConflictValue {
    /// The value.
    pub value: String,
    /// Who set it, when recorded.
    pub author: Option<String>,
}

/// A field that holds several values set concurrently.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Conflict {
    /// The activity, section or heading.
    pub item: Item,
    /// The field.
    pub field: Field,
    /// Every value, the one shown meanwhile first.
    pub values: Vec<ConflictValue>,
}

/// Every conflict of the roadmap (deleted items left out): the heading
/// first, then items in the order of their numbers. Reads the whole
/// document: where the changes since a list was made are known, see
/// [`update`].
pub fn conflicts(doc: &Doc) -> Vec<Conflict> {
    let mut list = Vec::new();
    update(&mut list, doc, &suspects(doc.automerge()));
    list
}

/// The heading and the sections and activities with a key that holds
/// several values (one of their fields, their cells, or a cell), found in
/// one pass over each one's keys: Automerge marks such keys, so the full
/// reading of [`in_snapshot`] runs for these alone.
fn suspects(am: &AutoCommit) -> Touched {
    let conflicted = |obj: &ObjId| {
        am.map_range(obj, ..).any(|item| {
            item.conflict
                || (item.key == node::CELLS
                    && matches!(item.value, ValueRef::Object(ObjType::Map))
                    && am.map_range(item.id(), ..).any(|cell| cell.conflict))
        })
    };
    let mut found = Touched {
        meta: get_map(am, &ROOT, schema::K_META).is_some_and(|m| conflicted(&m)),
        ..Touched::default()
    };
    for kind in [NodeKind::Activity, NodeKind::Section] {
        let Some(map) = get_map(am, &ROOT, kind.map_key()) else {
            continue;
        };
        for item in am.map_range(&map, ..) {
            let object = matches!(item.value, ValueRef::Object(ObjType::Map));
            if item.conflict || (object && conflicted(&item.id())) {
                let ids = match kind {
                    NodeKind::Activity => &mut found.activities,
                    NodeKind::Section => &mut found.sections,
                };
                ids.insert(item.key.into_owned());
            }
        }
    }
    found
}

/// Brings `list`, every conflict of the document before some changes,
/// up to date after them, from what they `touched` alone: only two changes
/// that touched a field can make it conflict or settle it.
pub fn update(list: &mut Vec<Conflict>, doc: &Doc, touched: &Touched) {
    if touched.everything {
        *list = conflicts(doc);
        return;
    }
    let am = doc.automerge();
    let mut part = touched.clone();
    // Cells are named by their column's title.
    part.columns = true;
    let snap = read_part(View::now(am), &part);
    list.retain(|c| match c.item.kind {
        ItemKind::Heading => !touched.meta,
        _ => !touched.has_node(&c.item.id),
    });
    list.extend(in_snapshot(am, &snap, touched.meta));
    list.sort_by_cached_key(|c| {
        (
            c.item.kind != ItemKind::Heading,
            crate::store::history::changes::number_order(&c.item.number),
            c.item.id.clone(),
        )
    });
}

/// The conflicts of the nodes in `snap` (and of the heading when
/// `heading`), in the order [`conflicts`] lists them.
fn in_snapshot(am: &AutoCommit, snap: &Snapshot, heading: bool) -> Vec<Conflict> {
    let mut out = Vec::new();
    if let Some(obj) = get_map(am, &ROOT, schema::K_META).filter(|_| heading) {
        let item = Item {
            kind: ItemKind::Heading,
            id: String::new(),
            number: String::new(),
            label: snap.meta.get(meta::TITLE).cloned().unwrap_or_default(),
        };
        let notes = Slot::direct(&obj, meta::NOTES);
        push_text_conflict(
            am,
            &notes,
            &item,
            Field::Heading(meta::NOTES.to_string()),
            &mut out,
        );
        for key in META_SCALARS.iter() {
            push_conflict(
                am,
                &obj,
                key,
                &item,
                Field::Heading(key.to_string()),
                &mut out,
            );
        }
    }
    let mut ids: Vec<&String> = snap.nodes.keys().collect();
    ids.sort_by_cached_key(|id| {
        (
            crate::store::history::changes::number_order(snap.nodes[*id].number()),
            (*id).clone(),
        )
    });
    for id in ids {
        let state = &snap.nodes[id];
        if state.deleted {
            continue;
        }
        let Some(obj) = get_map(am, &ROOT, state.kind.map_key()).and_then(|m| get_map(am, &m, id))
        else {
            continue;
        };
        let item = Item {
            kind: match state.kind {
                crate::store::write::edit::NodeKind::Activity => ItemKind::Activity,
                crate::store::write::edit::NodeKind::Section => ItemKind::Section,
            },
            id: id.clone(),
            number: state.number().to_string(),
            label: state.label().to_string(),
        };
        let scalars: &[&str] = match item.kind {
            ItemKind::Activity => &ACTIVITY_SCALARS,
            _ => &SECTION_SCALARS,
        };
        for key in scalars {
            let field = match *key {
                node::NUMBER => Field::Number,
                node::DEADLINE => Field::Deadline,
                node::RESPONSIBLE => Field::Responsible,
                node::STATUS => Field::Status,
                _ => Field::Title,
            };
            push_conflict(am, &obj, key, &item, field, &mut out);
        }
        if item.kind == ItemKind::Activity {
            push_conflict(am, &obj, node::STAGE, &item, Field::Stage, &mut out);
            let text = Slot::direct(&obj, node::TEXT);
            push_text_conflict(am, &text, &item, Field::Text, &mut out);
            let keys: std::collections::BTreeSet<String> = View::now(am)
                .all_maps(&obj, node::CELLS)
                .iter()
                .flat_map(|cells| am.keys(cells).collect::<Vec<_>>())
                .collect();
            for key in keys {
                let field = Field::Column {
                    title: snap.columns.get(&key).cloned().unwrap_or_default(),
                    key: key.clone(),
                };
                let cell = Slot::cell(am, &obj, &key);
                push_text_conflict(am, &cell, &item, field, &mut out);
            }
        }
    }
    out
}

fn push_conflict(
    doc: &AutoCommit,
    obj: &ObjId,
    key: &str,
    item: &Item,
    field: Field,
    out: &mut Vec<Conflict>,
) {
    let Ok(all) = doc.get_all(obj, key) else {
        return;
    };
    if all.len() < 2 {
        return;
    }
    let mut values: Vec<ConflictValue> = all
        .iter()
        .map(|(value, id)| ConflictValue {
            value: match value {
                Value::Scalar(s) => s
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| s.to_string()),
                Value::Object(automerge::ObjType::Text) => doc.text(id).unwrap_or_default(),
                Value::Object(_) => String::new(),
            },
            author: author_of(doc, id),
        })
        .collect();
    // The value shown meanwhile (the one Automerge picks) first.
    let shown = doc.get(obj, key).ok().flatten().map(|(_, id)| id);
    if let Some(i) = all.iter().position(|(_, id)| Some(id) == shown.as_ref()) {
        let first = values.remove(i);
        values.insert(0, first);
    }
    push_if_distinct(item, field, values, out);
}

/// Lists a field whose values are not all the same.
fn push_if_distinct(
    item: &Item,
    field: Field,
    values: Vec<ConflictValue>,
    out: &mut Vec<Conflict>,
) {
    let distinct: std::collections::HashSet<&str> =
        values.iter().map(|v| v.value.as_str()).collect();
    if distinct.len() > 1 {
        out.push(Conflict {
            item: item.clone(),
            field,
            values,
        });
    }
}

/// Lists a free-text field whose open values (see [`Slot::open_values`])
/// differ.
fn push_text_conflict(
    doc: &AutoCommit,
    slot: &Slot,
    item: &Item,
    field: Field,
    out: &mut Vec<Conflict>,
) {
    let values: Vec<ConflictValue> = slot
        .open_values(doc)
        .into_iter()
        .map(|v| ConflictValue {
            value: v.text,
            author: v.author,
        })
        .collect();
    push_if_distinct(item, field, values, out);
}

/// Sets the final value of a conflicting field, replacing every value it
/// held, for everyone who merges afterwards; returns false when nothing
/// needed to change.
pub fn resolve(doc: &mut Doc, item: &Item, field: &Field, value: &str) -> Result<bool, StoreError> {
    doc.resolving(|doc| set_field(doc, item, field, value))
}

impl Conflict {
    /// Whether the field is free text (an activity's text, a cell, the
    /// notes), whose values can all be kept.
    pub fn is_free_text(&self) -> bool {
        match &self.field {
            Field::Text | Field::Column { .. } => true,
            Field::Heading(key) => key == meta::NOTES,
            _ => false,
        }
    }

    /// Every value kept: the paragraphs of all values, each once, in the
    /// order they come (for free text: see [`Conflict::is_free_text`]).
    pub fn keep_both(&self) -> String {
        let mut paragraphs: Vec<&str> = Vec::new();
        for value in &self.values {
            for paragraph in value.value.lines().map(str::trim) {
                if !paragraph.is_empty() && !paragraphs.contains(&paragraph) {
                    paragraphs.push(paragraph);
                }
            }
        }
        paragraphs.join("\n")
    }
}

/// Sets one field of an activity, a section or the heading (the value as
/// stored: a status by its stable name); returns false when unchanged.
pub fn set_field(
    doc: &mut Doc,
    item: &Item,
    field: &Field,
    value: &str,
) -> Result<bool, StoreError> {
    let unsupported = || {
        StoreError::NotFound(match item.kind {
            ItemKind::Activity => crate::msg!("field-not-on-activity"),
            ItemKind::Section => crate::msg!("field-not-on-section"),
            ItemKind::Heading => crate::msg!("field-not-on-heading"),
        })
    };
    match item.kind {
        ItemKind::Activity => {
            let target = match field {
                Field::Text => ActivityField::Text,
                Field::Deadline => ActivityField::Deadline,
                Field::Responsible => ActivityField::Responsible,
                Field::Status => ActivityField::Status,
                Field::Number => ActivityField::Number,
                Field::Column { key, .. } => ActivityField::Cell(key.clone()),
                Field::Stage => return doc.set_activity_stage(&item.id, value),
                Field::Title | Field::Heading(_) => return Err(unsupported()),
            };
            doc.set_activity_field(&item.id, &target, value)
        }
        ItemKind::Section => {
            let target = match field {
                Field::Title => SectionField::Title,
                Field::Number => SectionField::Number,
                Field::Responsible => SectionField::Responsible,
                _ => return Err(unsupported()),
            };
            doc.set_section_field(&item.id, target, value)
        }
        ItemKind::Heading => match field {
            Field::Heading(key) => {
                let target = MetaField::from_key(key).ok_or_else(unsupported)?;
                doc.set_meta(target, value)
            }
            _ => Err(unsupported()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_pass_finds_every_conflict_the_whole_reading_finds() {
        use crate::store::history::snapshot::snapshot;
        use crate::store::write::edit::{ActivityField, MetaField, SectionField};
        let (_dir, _file, mut mine) = crate::store::disk::sample_file();
        let roadmap = mine.roadmap();
        let activities = roadmap.activities_with_path();
        let first = activities[0].1.id.clone();
        let second = activities[1].1.id.clone();
        let section = roadmap.sections[0].id.clone();
        let mut theirs = mine.fork();
        let column = roadmap.columns.first().map(|c| c.key.clone());
        for (doc, side) in [(&mut mine, "мой"), (&mut theirs, "их")] {
            doc.set_activity_field(&first, &ActivityField::Deadline, side)
                .expect("deadline");
            doc.set_activity_field(&second, &ActivityField::Text, side)
                .expect("text");
            doc.set_section_field(&section, SectionField::Title, side)
                .expect("title");
            doc.set_meta(MetaField::Municipality, side).expect("meta");
            if let Some(key) = &column {
                doc.set_activity_field(&second, &ActivityField::Cell(key.clone()), side)
                    .expect("cell");
            }
        }
        mine.merge(&mut theirs).expect("merge");
        let am = mine.automerge();
        let whole = in_snapshot(am, &snapshot(am), true);
        assert!(whole.len() >= 4, "{whole:?}");
        assert_eq!(conflicts(&mine), whole);
    }

    #[test]
    fn keeping_both_keeps_each_paragraph_once() {
        let value = |v: &str| ConflictValue {
            value: v.to_string(),
            author: None,
        };
        let conflict = Conflict {
            item: Item {
                kind: ItemKind::Activity,
                id: "a".into(),
                number: "1.1.".into(),
                label: String::new(),
            },
            field: Field::Text,
            values: vec![
                value("Провести семинар\nдля учителей"),
                value("Провести семинар\n\nдля учителей математики"),
            ],
        };
        assert!(conflict.is_free_text());
        assert_eq!(
            conflict.keep_both(),
            "Провести семинар\nдля учителей\nдля учителей математики"
        );
    }
}
