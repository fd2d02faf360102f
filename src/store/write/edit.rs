//! Edits of a roadmap document. Each public edit is one change (commit),
//! recorded with the user's name and a short message.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ROOT, ReadDoc};

use crate::model::{Activity, Section, SectionKind, position};

use crate::store::read::{get_bool, get_map, get_str};
use crate::store::write::textslot::Slot;
use crate::store::{Doc, StoreError, schema};
use schema::{meta, node};

type Result<T> = std::result::Result<T, StoreError>;

/// A field of an activity that can be set.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActivityField {
    /// What is to be done (Automerge text).
    Text,
    /// The deadline as written.
    Deadline,
    /// Responsible entries, one per line.
    Responsible,
    /// Status, as its stable name (`planned`, `in_progress`, `done`,
    /// `cancelled`).
    Status,
    /// Number as written.
    Number,
    /// One of the roadmap's other columns, by its key (Automerge text).
    Cell(String),
}

impl ActivityField {
    /// Whether the field is free text merged character by character.
    pub fn is_text(&self) -> bool {
        matches!(self, ActivityField::Text | ActivityField::Cell(_))
    }
}

/// A field of a section that can be set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionField {
    /// Title.
    Title,
    /// Number as written.
    Number,
    /// "Ответственные за направление", one per line.
    Responsible,
}

/// A field of the roadmap's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaField {
    /// Title.
    Title,
    /// Municipality.
    Municipality,
    /// Number of the approving order.
    ApprovalNumber,
    /// Date of the approving order, `YYYY-MM-DD` or empty.
    ApprovalDate,
    /// First day of the period, `YYYY-MM-DD` or empty.
    PeriodFrom,
    /// Last day of the period, `YYYY-MM-DD` or empty.
    PeriodTo,
    /// Notes (Automerge text).
    Notes,
}

impl MetaField {
    /// Every heading field.
    pub const ALL: [MetaField; 7] = [
        MetaField::Title,
        MetaField::Municipality,
        MetaField::ApprovalNumber,
        MetaField::ApprovalDate,
        MetaField::PeriodFrom,
        MetaField::PeriodTo,
        MetaField::Notes,
    ];

    /// The field stored under `key` in `meta`.
    pub fn from_key(key: &str) -> Option<MetaField> {
        MetaField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The key of the field in `meta`.
    pub fn key(self) -> &'static str {
        match self {
            MetaField::Title => meta::TITLE,
            MetaField::Municipality => meta::MUNICIPALITY,
            MetaField::ApprovalNumber => meta::APPROVAL_NUMBER,
            MetaField::ApprovalDate => meta::APPROVAL_DATE,
            MetaField::PeriodFrom => meta::PERIOD_FROM,
            MetaField::PeriodTo => meta::PERIOD_TO,
            MetaField::Notes => meta::NOTES,
        }
    }
}

/// Where a node sits: its parent (section id, `""` for the top level) and
/// its fractional position among siblings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Parent section id.
    pub parent: String,
    /// Fractional position.
    pub pos: String,
}

/// Which of the two node maps an edit works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// `activities`, parent key `section`.
    Activity,
    /// `sections`, parent key `parent`.
    Section,
}

impl NodeKind {
    pub(crate) fn map_key(self) -> &'static str {
        match self {
            NodeKind::Activity => schema::K_ACTIVITIES,
            NodeKind::Section => schema::K_SECTIONS,
        }
    }

    pub(crate) fn parent_key(self) -> &'static str {
        match self {
            NodeKind::Activity => node::SECTION,
            NodeKind::Section => node::PARENT,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            NodeKind::Activity => "activity",
            NodeKind::Section => "section",
        }
    }
}

impl Doc {
    /// Sets one field of an activity; returns false (and records nothing)
    /// when the value is already that.
    pub fn set_activity_field(
        &mut self,
        id: &str,
        field: &ActivityField,
        value: &str,
    ) -> Result<bool> {
        let obj = self.node(NodeKind::Activity, id)?;
        let doc = self.automerge_mut();
        let changed = match field {
            ActivityField::Text => Slot::direct(&obj, node::TEXT).set(doc, value)?,
            ActivityField::Cell(key) => Slot::cell(doc, &obj, key).set(doc, value)?,
            ActivityField::Deadline => put_scalar(doc, &obj, node::DEADLINE, value)?,
            ActivityField::Responsible => put_scalar(doc, &obj, node::RESPONSIBLE, value)?,
            ActivityField::Status => put_scalar(doc, &obj, node::STATUS, value)?,
            ActivityField::Number => put_scalar(doc, &obj, node::NUMBER, value)?,
        };
        if changed {
            self.commit(&format!("set {} of activity {id}", field_name(field)));
        }
        Ok(changed)
    }

    /// Sets one field of a section; returns false when unchanged.
    pub fn set_section_field(
        &mut self,
        id: &str,
        field: SectionField,
        value: &str,
    ) -> Result<bool> {
        let obj = self.node(NodeKind::Section, id)?;
        let key = match field {
            SectionField::Title => node::TITLE,
            SectionField::Number => node::NUMBER,
            SectionField::Responsible => node::RESPONSIBLE,
        };
        let changed = put_scalar(self.automerge_mut(), &obj, key, value)?;
        if changed {
            self.commit(&format!("set {key} of section {id}"));
        }
        Ok(changed)
    }

    /// Sets one field of the heading; returns false when unchanged.
    pub fn set_meta(&mut self, field: MetaField, value: &str) -> Result<bool> {
        let doc = self.automerge_mut();
        let obj = map_at(doc, &ROOT, schema::K_META)?;
        let changed = if field == MetaField::Notes {
            Slot::direct(&obj, field.key()).set(doc, value)?
        } else {
            put_scalar(doc, &obj, field.key(), value)?
        };
        if changed {
            self.commit(&format!("set {}", field.key()));
        }
        Ok(changed)
    }

    /// Adds an activity to `section` (`""`: outside any section) right
    /// after the sibling `after` (None: first). Returns its new id.
    pub fn add_activity(
        &mut self,
        section: &str,
        after: Option<&str>,
        activity: &Activity,
    ) -> Result<String> {
        let pos = self.position_after(NodeKind::Activity, section, after);
        let place = Place {
            parent: section.to_string(),
            pos,
        };
        self.add_activity_at(&place, activity)
    }

    /// Adds an activity at an exact place (a section, `""` for none, and a
    /// position among its siblings, as [`Doc::set_place`] takes). Returns its
    /// new id.
    pub fn add_activity_at(&mut self, place: &Place, activity: &Activity) -> Result<String> {
        self.check_parent(&place.parent)?;
        let mut fresh = activity.clone();
        fresh.id = self.ids.next_item_id();
        let doc = self.automerge_mut();
        let map = root_map(doc, schema::K_ACTIVITIES)?;
        let id = schema::put_activity(doc, &map, &place.parent, &place.pos, &fresh)?;
        self.commit(&format!("add activity {id}"));
        Ok(id)
    }

    /// Adds an empty section (title, number, kind and stage are taken from
    /// `section`; its children are not) under `parent` after `after`.
    /// Returns its new id.
    pub fn add_section(
        &mut self,
        parent: &str,
        after: Option<&str>,
        section: &Section,
    ) -> Result<String> {
        self.check_parent(parent)?;
        let pos = self.position_after(NodeKind::Section, parent, after);
        let id = self.ids.next_item_id();
        let doc = self.automerge_mut();
        let map = root_map(doc, schema::K_SECTIONS)?;
        schema::put_section(doc, &map, &id, parent, &pos, section)?;
        self.commit(&format!("add section {id}"));
        Ok(id)
    }

    /// Where a node sits now.
    pub fn place(&self, kind: NodeKind, id: &str) -> Result<Place> {
        let obj = self.node(kind, id)?;
        let doc = self.automerge();
        Ok(Place {
            parent: get_str(doc, &obj, kind.parent_key()),
            pos: get_str(doc, &obj, node::POS),
        })
    }

    /// Moves a node under `parent`, right after its sibling `after` (None:
    /// first). A section cannot move into itself or its own descendants.
    pub fn move_node(
        &mut self,
        kind: NodeKind,
        id: &str,
        parent: &str,
        after: Option<&str>,
    ) -> Result<()> {
        self.check_parent(parent)?;
        let after = after.filter(|a| *a != id);
        let pos = self.position_after(kind, parent, after);
        self.set_place(
            kind,
            id,
            &Place {
                parent: parent.to_string(),
                pos,
            },
        )
    }

    /// Puts a node at an exact place (used to undo a move). A section
    /// cannot go into itself or below itself: that would make a parent
    /// cycle.
    pub fn set_place(&mut self, kind: NodeKind, id: &str, place: &Place) -> Result<()> {
        let obj = self.node(kind, id)?;
        if kind == NodeKind::Section && self.is_within(&place.parent, id) {
            return Err(StoreError::IntoItself);
        }
        let doc = self.automerge_mut();
        let a = put_scalar(doc, &obj, kind.parent_key(), &place.parent)?;
        let b = put_scalar(doc, &obj, node::POS, &place.pos)?;
        if a || b {
            self.commit(&format!("move {} {id}", kind.noun()));
        }
        Ok(())
    }

    /// Deletes (`true`) or restores (`false`) a node. Deletion is a
    /// tombstone, so a concurrent edit of a deleted node is not lost.
    pub fn set_deleted(&mut self, kind: NodeKind, id: &str, deleted: bool) -> Result<()> {
        let obj = self.node(kind, id)?;
        let doc = self.automerge_mut();
        if get_bool(doc, &obj, node::DELETED) != deleted {
            doc.put(&obj, node::DELETED, deleted)?;
            let verb = if deleted { "delete" } else { "restore" };
            self.commit(&format!("{verb} {} {id}", kind.noun()));
        }
        Ok(())
    }

    /// The map of one section or activity, by id.
    fn node(&self, kind: NodeKind, id: &str) -> Result<ObjId> {
        let doc = self.automerge();
        get_map(doc, &ROOT, kind.map_key())
            .and_then(|map| get_map(doc, &map, id))
            .ok_or_else(|| {
                StoreError::NotFound(match kind {
                    NodeKind::Activity => crate::msg!("no-activity-id", id = id),
                    NodeKind::Section => crate::msg!("no-section-id", id = id),
                })
            })
    }

    /// Fails unless `parent` is `""` or an existing section.
    fn check_parent(&self, parent: &str) -> Result<()> {
        if parent.is_empty() {
            return Ok(());
        }
        self.node(NodeKind::Section, parent).map(|_| ())
    }

    /// Whether section `inner` is `outer` or lies below it, following the
    /// parents recorded in the document (a parent cycle that `outer` is
    /// not on ends the walk).
    pub fn is_within(&self, inner: &str, outer: &str) -> bool {
        let mut seen = std::collections::HashSet::new();
        let mut current = inner.to_string();
        while !current.is_empty() && seen.insert(current.clone()) {
            if current == outer {
                return true;
            }
            match self.place(NodeKind::Section, &current) {
                Ok(place) => current = place.parent,
                Err(_) => return false,
            }
        }
        false
    }

    /// A position right after sibling `after` (None: before the first).
    fn position_after(&self, kind: NodeKind, parent: &str, after: Option<&str>) -> String {
        let siblings = self.siblings(kind, parent);
        let index = after.and_then(|a| siblings.iter().position(|(_, id)| id == a));
        let (before, next) = match index {
            Some(i) => (Some(siblings[i].0.as_str()), siblings.get(i + 1)),
            None => (None, siblings.first()),
        };
        position::between(before, next.map(|(pos, _)| pos.as_str()))
    }

    /// The live siblings under `parent`, as (pos, id) in order.
    fn siblings(&self, kind: NodeKind, parent: &str) -> Vec<(String, String)> {
        let doc = self.automerge();
        let Some(map) = get_map(doc, &ROOT, kind.map_key()) else {
            return Vec::new();
        };
        let mut list: Vec<(String, String)> = doc
            .keys(&map)
            .filter_map(|id| {
                let obj = get_map(doc, &map, &id)?;
                let live = !get_bool(doc, &obj, node::DELETED)
                    && get_str(doc, &obj, kind.parent_key()) == parent;
                live.then(|| (get_str(doc, &obj, node::POS), id))
            })
            .collect();
        list.sort();
        list
    }
}

/// A fresh section to add: a title under a kind.
pub fn new_section(title: &str, kind: SectionKind) -> Section {
    Section {
        title: title.to_string(),
        kind,
        ..Section::default()
    }
}

fn field_name(field: &ActivityField) -> String {
    match field {
        ActivityField::Text => node::TEXT.to_string(),
        ActivityField::Deadline => node::DEADLINE.to_string(),
        ActivityField::Responsible => node::RESPONSIBLE.to_string(),
        ActivityField::Status => node::STATUS.to_string(),
        ActivityField::Number => node::NUMBER.to_string(),
        ActivityField::Cell(key) => format!("cell {key}"),
    }
}

fn root_map(doc: &mut automerge::AutoCommit, key: &str) -> Result<ObjId> {
    map_at(doc, &ROOT, key)
}

/// The map at `obj[key]`, made when nothing stands there. Anything else
/// there (written by another program) is never replaced: an error.
fn map_at(doc: &mut automerge::AutoCommit, obj: &ObjId, key: &str) -> Result<ObjId> {
    match doc.get(obj, key)? {
        Some((automerge::Value::Object(ObjType::Map), map)) => Ok(map),
        None => Ok(doc.put_object(obj, key, ObjType::Map)?),
        Some(_) => Err(StoreError::NotFound(crate::msg!("not-a-map", key = key))),
    }
}

/// Puts a scalar string unless it is already the (only) value.
fn put_scalar(
    doc: &mut automerge::AutoCommit,
    obj: &ObjId,
    key: &str,
    value: &str,
) -> Result<bool> {
    let conflicting = doc.get_all(obj, key).map(|v| v.len() > 1).unwrap_or(false);
    if !conflicting && get_str(doc, obj, key) == value {
        return Ok(false);
    }
    if conflicting {
        // Automerge skips a put of the value already shown, which would
        // leave a resolution unrecorded (and a colleague's different
        // resolution would then win silently): delete every value first,
        // so the put is always an operation of its own.
        doc.delete(obj, key)?;
    }
    doc.put(obj, key, value)?;
    Ok(true)
}
