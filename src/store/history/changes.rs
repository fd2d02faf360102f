//! What changed between two pictures of a roadmap, item by item and field
//! by field: the structured form that `describe` puts into words and the TUI
//! shows.

use automerge::ChangeHash;
use serde::{Deserialize, Serialize};

use crate::store::history::snapshot::{NodeState, Snapshot};
use crate::store::schema::node;
use crate::store::write::edit::NodeKind;

/// What kind of thing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemKind {
    /// An activity.
    Activity,
    /// A section.
    Section,
    /// The roadmap's heading (title, period, notes…).
    Heading,
}

/// The thing that changed, named as people see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Activity, section or heading.
    pub kind: ItemKind,
    /// Stable id (empty for the heading).
    pub id: String,
    /// Number as written ("1.2.", or empty).
    pub number: String,
    /// Text of the activity or title of the section, as stored.
    pub label: String,
}

/// A field that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    /// Activity text.
    Text,
    /// Deadline as written.
    Deadline,
    /// Responsible entries.
    Responsible,
    /// Status (stored name: `planned`, `in_progress`, `done`, `cancelled`).
    Status,
    /// Number.
    Number,
    /// Section title.
    Title,
    /// The management-cycle stage of an activity set by hand (1–9, empty:
    /// not set).
    Stage,
    /// One of the roadmap's other columns.
    Column {
        /// Column key.
        key: String,
        /// Column title as written in the roadmap.
        title: String,
    },
    /// A field of the heading, by its key in `meta`.
    Heading(String),
}

/// How an item changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// Created.
    Added,
    /// Deleted (a tombstone; it can be restored).
    Removed,
    /// Brought back after a deletion.
    Restored,
    /// Moved under another section or to another place among its siblings.
    Moved {
        /// The section it was in (None: top level).
        from: Option<Item>,
        /// The section it is in now (None: top level).
        to: Option<Item>,
    },
    /// Many items got new numbers at once (a renumbering), told as one.
    Renumbered {
        /// How many numbers changed.
        count: usize,
    },
    /// A field got a new value.
    FieldChanged {
        /// Which field.
        field: Field,
        /// The value before.
        old: String,
        /// The value after.
        new: String,
    },
}

/// One change of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// What changed.
    pub item: Item,
    /// How.
    pub kind: ChangeKind,
}

/// One change of one item, with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The Automerge change it belongs to.
    pub hash: ChangeHash,
    /// The author's name, when recorded.
    pub author: Option<String>,
    /// Seconds since the Unix epoch, as recorded by the author's clock.
    pub time: i64,
    /// What changed.
    pub item: Item,
    /// How.
    pub kind: ChangeKind,
}

/// The changes that turn `before` into `after`: the heading first, then
/// items in the order of their numbers.
pub fn compare(before: &Snapshot, after: &Snapshot) -> Vec<ItemChange> {
    compare_some(before, after, |_| true)
}

/// Like [`compare`], for the nodes whose ids `wanted` accepts only (the
/// heading is always compared).
pub fn compare_some(
    before: &Snapshot,
    after: &Snapshot,
    wanted: impl Fn(&str) -> bool,
) -> Vec<ItemChange> {
    let mut out = Vec::new();
    let heading = Item {
        kind: ItemKind::Heading,
        id: String::new(),
        number: String::new(),
        label: after.meta.get("title").cloned().unwrap_or_default(),
    };
    for (key, new) in &after.meta {
        let old = before.meta.get(key).cloned().unwrap_or_default();
        if old != *new {
            out.push(ItemChange {
                item: heading.clone(),
                kind: ChangeKind::FieldChanged {
                    field: Field::Heading(key.clone()),
                    old,
                    new: new.clone(),
                },
            });
        }
    }
    let mut ids: Vec<&String> = after.nodes.keys().filter(|id| wanted(id)).collect();
    ids.sort_by_cached_key(|id| (number_order(after.nodes[*id].number()), (*id).clone()));
    for id in ids {
        let now = &after.nodes[id];
        let item = item_of(id, now);
        match before.nodes.get(id) {
            None if !now.deleted => out.push(ItemChange {
                item,
                kind: ChangeKind::Added,
            }),
            None => {}
            Some(was) => compare_node(was, now, &item, before, after, &mut out),
        }
    }
    out
}

fn compare_node(
    was: &NodeState,
    now: &NodeState,
    item: &Item,
    before: &Snapshot,
    after: &Snapshot,
    out: &mut Vec<ItemChange>,
) {
    let mut push = |kind| {
        out.push(ItemChange {
            item: item.clone(),
            kind,
        })
    };
    if was.deleted != now.deleted {
        push(if now.deleted {
            ChangeKind::Removed
        } else {
            ChangeKind::Restored
        });
    }
    if was.parent != now.parent || was.pos != now.pos {
        push(ChangeKind::Moved {
            from: parent_item(before, &was.parent),
            to: parent_item(after, &now.parent),
        });
    }
    let keys = was.fields.keys().chain(now.fields.keys());
    let mut seen = std::collections::BTreeSet::new();
    for key in keys {
        if !seen.insert(key) {
            continue;
        }
        let (old, new) = (was.field(key), now.field(key));
        if old != new {
            push(ChangeKind::FieldChanged {
                field: field_of(key, now.kind, after),
                old: old.to_string(),
                new: new.to_string(),
            });
        }
    }
}

/// The item a node is, as people name it.
pub(crate) fn item_of(id: &str, state: &NodeState) -> Item {
    Item {
        kind: match state.kind {
            NodeKind::Activity => ItemKind::Activity,
            NodeKind::Section => ItemKind::Section,
        },
        id: id.to_string(),
        number: state.number().to_string(),
        label: state.label().to_string(),
    }
}

fn parent_item(snap: &Snapshot, parent: &str) -> Option<Item> {
    snap.nodes.get(parent).map(|state| item_of(parent, state))
}

/// The field stored under `key` of a node.
pub(crate) fn field_of(key: &str, kind: NodeKind, snap: &Snapshot) -> Field {
    match key {
        node::TEXT => Field::Text,
        node::DEADLINE => Field::Deadline,
        node::RESPONSIBLE => Field::Responsible,
        node::STATUS => Field::Status,
        node::NUMBER => Field::Number,
        node::TITLE if kind == NodeKind::Section => Field::Title,
        node::STAGE if kind == NodeKind::Activity => Field::Stage,
        _ => Field::Column {
            key: key.to_string(),
            title: snap.columns.get(key).cloned().unwrap_or_default(),
        },
    }
}

/// Sort key of a number as written: "10.3.1." → [10, 3, 1]; unnumbered
/// items go last.
pub fn number_order(number: &str) -> (bool, Vec<u64>) {
    let parts: Vec<u64> = number
        .split('.')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    (parts.is_empty(), parts)
}
