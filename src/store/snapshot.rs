//! A flat picture of a document at one point of its history: every section
//! and activity (deleted ones too) with its place and fields, the heading and
//! the column titles. Two pictures compared give the changes between them
//! (see [`super::changes`]).

use std::collections::BTreeMap;
use std::rc::Rc;

use automerge::{AutoCommit, ChangeHash, ObjId, ROOT, ReadDoc};

use super::edit::NodeKind;
use super::read::{get_bool, get_map, get_str, get_text};
use super::schema::{self, meta, node};

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

/// Reads the document as it is now (or as isolated, see [`Viewer`]).
pub fn snapshot<D: ReadDoc>(doc: &D) -> Snapshot {
    let mut snap = Snapshot::default();
    if let Some(obj) = get_map(doc, &ROOT, schema::K_META) {
        for key in META_SCALARS {
            snap.meta.insert(key.to_string(), get_str(doc, &obj, key));
        }
        snap.meta
            .insert(meta::NOTES.to_string(), get_text(doc, &obj, meta::NOTES));
    }
    if let Some(obj) = get_map(doc, &ROOT, schema::K_COLUMNS) {
        for key in doc.keys(&obj) {
            if let Some(col) = get_map(doc, &obj, &key) {
                let title = get_str(doc, &col, node::COLUMN_TITLE);
                snap.columns.insert(key, title);
            }
        }
    }
    for kind in [NodeKind::Section, NodeKind::Activity] {
        let Some(map) = get_map(doc, &ROOT, kind.map_key()) else {
            continue;
        };
        for id in doc.keys(&map) {
            if let Some(obj) = get_map(doc, &map, &id) {
                snap.nodes.insert(id, read_node(doc, kind, &obj));
            }
        }
    }
    snap
}

fn read_node<D: ReadDoc>(doc: &D, kind: NodeKind, obj: &ObjId) -> NodeState {
    let mut fields = BTreeMap::new();
    let scalars: &[&str] = match kind {
        NodeKind::Activity => &ACTIVITY_SCALARS,
        NodeKind::Section => &SECTION_SCALARS,
    };
    for key in scalars {
        fields.insert(key.to_string(), get_str(doc, obj, key));
    }
    if kind == NodeKind::Activity {
        fields.insert(node::TEXT.to_string(), get_text(doc, obj, node::TEXT));
        if let Some(cells) = get_map(doc, obj, node::CELLS) {
            for key in doc.keys(&cells) {
                let value = get_text(doc, &cells, &key);
                fields.insert(key, value);
            }
        }
    }
    NodeState {
        kind,
        parent: get_str(doc, obj, kind.parent_key()),
        pos: get_str(doc, obj, node::POS),
        deleted: get_bool(doc, obj, node::DELETED),
        fields,
    }
}

/// Reads a document at chosen points of its history, reusing one isolated
/// copy and remembering the last picture taken.
pub struct Viewer {
    view: AutoCommit,
    last: Option<(Vec<ChangeHash>, Rc<Snapshot>)>,
}

impl Viewer {
    /// A viewer over a copy of `doc`.
    pub fn new(doc: &AutoCommit) -> Viewer {
        Viewer {
            view: doc.clone(),
            last: None,
        }
    }

    /// The document as it was at `heads` (an empty list: before anything).
    pub fn at(&mut self, heads: &[ChangeHash]) -> Rc<Snapshot> {
        let mut key = heads.to_vec();
        key.sort();
        if let Some((last_heads, snap)) = &self.last
            && *last_heads == key
        {
            return Rc::clone(snap);
        }
        let snap = Rc::new(if key.is_empty() {
            Snapshot::default()
        } else {
            self.view.isolate(&key);
            snapshot(&self.view)
        });
        self.last = Some((key, Rc::clone(&snap)));
        snap
    }
}
