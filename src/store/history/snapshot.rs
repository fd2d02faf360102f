//! A flat picture of a document at one point of its history: every section
//! and activity (deleted ones too) with its place and fields, the heading and
//! the column titles. Two pictures compared give the changes between them
//! (see [`crate::store::history::changes`]).

use std::collections::BTreeMap;

use automerge::{ObjId, ReadDoc};

use crate::store::history::touched::Touched;
use crate::store::read::Roots;
use crate::store::read::fields::{Raw, View};
use crate::store::schema::{meta, node};
use crate::store::write::edit::NodeKind;

/// One section or activity as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeState {
    /// Section or activity.
    pub kind: NodeKind,
    /// Parent section id (`""`: top level).
    pub parent: String,
    /// Fractional position among siblings.
    pub pos: String,
    /// Whether the node carries a tombstone.
    pub deleted: bool,
    /// Stored fields by key (`number`, `text`, `deadline`, `responsible`,
    /// `status`, `title`; extra cells by column key).
    pub fields: BTreeMap<String, String>,
}

impl NodeState {
    /// A field's value, empty when absent.
    pub fn field(&self, key: &str) -> &str {
        self.fields.get(key).map_or("", String::as_str)
    }

    /// The number as written.
    pub fn number(&self) -> &str {
        self.field(node::NUMBER)
    }

    /// What the node is called: an activity's text, a section's title.
    pub fn label(&self) -> &str {
        match self.kind {
            NodeKind::Activity => self.field(node::TEXT),
            NodeKind::Section => self.field(node::TITLE),
        }
    }
}

/// The whole document flattened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Heading fields by key (`title`, `municipality`, … see the schema).
    pub meta: BTreeMap<String, String>,
    /// Sections and activities by id.
    pub nodes: BTreeMap<String, NodeState>,
    /// Column titles by column key.
    pub columns: BTreeMap<String, String>,
}

/// Keys of activity fields stored as scalar strings.
pub const ACTIVITY_SCALARS: [&str; 4] = [
    node::NUMBER,
    node::DEADLINE,
    node::RESPONSIBLE,
    node::STATUS,
];

/// Keys of section fields stored as scalar strings.
pub const SECTION_SCALARS: [&str; 3] = [node::NUMBER, node::TITLE, node::RESPONSIBLE];

/// Keys of heading fields stored as scalar strings.
pub const META_SCALARS: [&str; 6] = [
    meta::TITLE,
    meta::MUNICIPALITY,
    meta::APPROVAL_NUMBER,
    meta::APPROVAL_DATE,
    meta::PERIOD_FROM,
    meta::PERIOD_TO,
];

/// Reads the document as it is now (or as isolated).
pub fn snapshot<D: ReadDoc>(doc: &D) -> Snapshot {
    read(View::now(doc))
}

/// Reads the whole document as `view` sees it.
pub fn read<D: ReadDoc>(view: View<'_, D>) -> Snapshot {
    let roots = Roots::read(view);
    let mut snap = Snapshot::default();
    snap.read_heading(view, &roots);
    for kind in [NodeKind::Section, NodeKind::Activity] {
        let Some(map) = roots_map(&roots, kind) else {
            continue;
        };
        for (id, raw) in view.entries(map) {
            if let Raw::Map(obj) = raw {
                snap.nodes
                    .insert(id.into_owned(), read_node(view, kind, &obj));
            }
        }
    }
    snap
}

/// Reads the nodes `touched` names as `view` sees them, and the heading and
/// the column titles when it touched them (everything when it touched
/// everything): the start of a picture to compare those nodes in (see
/// [`Snapshot::fill_in`]).
pub fn read_part<D: ReadDoc>(view: View<'_, D>, touched: &Touched) -> Snapshot {
    if touched.everything {
        return read(view);
    }
    let roots = Roots::read(view);
    let mut snap = Snapshot::default();
    if touched.meta {
        snap.read_meta(view, &roots);
    }
    if touched.columns {
        snap.read_columns(view, &roots);
    }
    for kind in [NodeKind::Section, NodeKind::Activity] {
        for id in touched.nodes(kind) {
            snap.read_one(view, &roots, kind, id);
        }
    }
    snap
}

/// One section or activity as `view` sees it (None when there is none
/// with this id): a few map lookups, not a read of the whole document.
pub fn read_node_of<D: ReadDoc>(view: View<'_, D>, kind: NodeKind, id: &str) -> Option<NodeState> {
    let roots = Roots::read(view);
    let obj = roots_map(&roots, kind).and_then(|map| view.map(map, id))?;
    Some(read_node(view, kind, &obj))
}

/// Keys of node fields that are not extra cells.
const OWN_FIELDS: [&str; 7] = [
    node::STAGE,
    node::TEXT,
    node::DEADLINE,
    node::RESPONSIBLE,
    node::STATUS,
    node::NUMBER,
    node::TITLE,
];

impl Snapshot {
    /// Completes two pictures from [`read_part`] for comparing: the parent
    /// sections of nodes that moved, and the column titles after when a
    /// cell changed.
    pub fn fill_in<D: ReadDoc>(
        before: &mut Snapshot,
        after: &mut Snapshot,
        (then, now): (View<'_, D>, View<'_, D>),
    ) {
        let mut parents = (Vec::new(), Vec::new());
        let mut cells = false;
        for (id, new) in &after.nodes {
            let Some(old) = before.nodes.get(id) else {
                continue;
            };
            if old.parent != new.parent || old.pos != new.pos {
                parents.0.push(old.parent.clone());
                parents.1.push(new.parent.clone());
            }
            cells |=
                new.fields.iter().chain(&old.fields).any(|(k, _)| {
                    !OWN_FIELDS.contains(&k.as_str()) && old.field(k) != new.field(k)
                });
        }
        for (snap, view, ids) in [(before, then, parents.0), (&mut *after, now, parents.1)] {
            if ids.is_empty() {
                continue;
            }
            let roots = Roots::read(view);
            for id in ids {
                if !id.is_empty() && !snap.nodes.contains_key(&id) {
                    snap.read_one(view, &roots, NodeKind::Section, &id);
                }
            }
        }
        if cells && after.columns.is_empty() {
            after.read_columns(now, &Roots::read(now));
        }
    }
}

fn roots_map(roots: &Roots, kind: NodeKind) -> Option<&ObjId> {
    match kind {
        NodeKind::Section => roots.sections.as_ref(),
        NodeKind::Activity => roots.activities.as_ref(),
    }
}

impl Snapshot {
    fn read_one<D: ReadDoc>(&mut self, view: View<'_, D>, roots: &Roots, kind: NodeKind, id: &str) {
        let obj = roots_map(roots, kind).and_then(|map| view.map(map, id));
        if let Some(obj) = obj {
            self.nodes
                .insert(id.to_string(), read_node(view, kind, &obj));
        }
    }

    fn read_heading<D: ReadDoc>(&mut self, view: View<'_, D>, roots: &Roots) {
        self.read_meta(view, roots);
        self.read_columns(view, roots);
    }

    fn read_meta<D: ReadDoc>(&mut self, view: View<'_, D>, roots: &Roots) {
        self.meta.clear();
        let Some(obj) = &roots.meta else {
            return;
        };
        for key in META_SCALARS {
            self.meta.insert(key.to_string(), String::new());
        }
        self.meta.insert(meta::NOTES.to_string(), String::new());
        for (key, raw) in view.entries(obj) {
            let value = match key.as_ref() {
                meta::NOTES => view.text_of(raw),
                k if META_SCALARS.contains(&k) => view.text_of(raw),
                _ => continue,
            };
            self.meta.insert(key.into_owned(), value);
        }
    }

    fn read_columns<D: ReadDoc>(&mut self, view: View<'_, D>, roots: &Roots) {
        self.columns.clear();
        let Some(obj) = &roots.columns else {
            return;
        };
        for (key, raw) in view.entries(obj) {
            if let Raw::Map(col) = raw {
                let title = view
                    .entries(&col)
                    .find(|(k, _)| k == node::COLUMN_TITLE)
                    .map(|(_, raw)| view.text_of(raw))
                    .unwrap_or_default();
                self.columns.insert(key.into_owned(), title);
            }
        }
    }
}

fn read_node<D: ReadDoc>(view: View<'_, D>, kind: NodeKind, obj: &ObjId) -> NodeState {
    let scalars: &[&str] = match kind {
        NodeKind::Activity => &ACTIVITY_SCALARS,
        NodeKind::Section => &SECTION_SCALARS,
    };
    let mut fields: BTreeMap<String, String> = scalars
        .iter()
        .map(|k| (k.to_string(), String::new()))
        .collect();
    let mut state = NodeState {
        kind,
        parent: String::new(),
        pos: String::new(),
        deleted: false,
        fields: BTreeMap::new(),
    };
    let mut text = String::new();
    let mut cells = None;
    for (key, raw, conflict) in view.flagged(obj) {
        match key.as_ref() {
            k if k == kind.parent_key() => state.parent = view.text_of(raw),
            node::POS => state.pos = view.text_of(raw),
            node::DELETED => state.deleted = raw.is_true(),
            node::TEXT if kind == NodeKind::Activity => text = view.text_of(raw),
            node::CELLS if kind == NodeKind::Activity => cells = Some((raw, conflict)),
            node::STAGE if kind == NodeKind::Activity => {
                let stage = raw.number().map(|n| n.to_string()).unwrap_or_default();
                fields.insert(node::STAGE.to_string(), stage);
            }
            k if scalars.contains(&k) => {
                fields.insert(key.into_owned(), view.text_of(raw));
            }
            _ => {}
        }
    }
    if kind == NodeKind::Activity {
        fields.insert(node::TEXT.to_string(), text);
        if let Some((raw, conflict)) = cells {
            fields.extend(view.cells_from(obj, raw, conflict));
        }
    }
    state.fields = fields;
    state
}
