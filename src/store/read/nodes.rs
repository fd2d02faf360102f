//! Reading single sections and activities back after an edit, so that the
//! editor can patch its model instead of reading the whole roadmap again.

use automerge::{ObjId, ROOT, ReadDoc};

use crate::model::{Meta, Section, SectionKind, Stage};

use crate::store::Doc;
use crate::store::history::snapshot::{ACTIVITY_SCALARS, SECTION_SCALARS};
use crate::store::read::fields::View;
use crate::store::read::{get_bool, get_map, get_str, get_uint, read_meta, split_lines};
use crate::store::schema::node;
use crate::store::write::edit::{NodeKind, Place};

/// One node as the document has it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeState {
    /// Where it sits.
    pub place: Place,
    /// Whether it is deleted (a tombstone).
    pub deleted: bool,
}

impl Doc {
    fn node_obj(&self, kind: NodeKind, id: &str) -> Option<ObjId> {
        let doc = self.automerge();
        get_map(doc, &ROOT, kind.map_key()).and_then(|map| get_map(doc, &map, id))
    }

    /// Reads the heading alone (title, order, period, notes).
    pub fn meta(&self) -> Meta {
        let doc = self.automerge();
        get_map(doc, &ROOT, crate::store::schema::K_META)
            .map(|obj| read_meta(View::now(doc), &obj))
            .unwrap_or_default()
    }

    /// Where a node sits and whether it is deleted (None: no such node).
    pub fn node_state(&self, kind: NodeKind, id: &str) -> Option<NodeState> {
        let obj = self.node_obj(kind, id)?;
        let doc = self.automerge();
        Some(NodeState {
            place: Place {
                parent: get_str(doc, &obj, kind.parent_key()),
                pos: get_str(doc, &obj, node::POS),
            },
            deleted: get_bool(doc, &obj, node::DELETED),
        })
    }

    /// Reads one section without its children and activities, as the
    /// whole roadmap reads it (None if there is none with this id).
    pub fn section(&self, id: &str) -> Option<Section> {
        let s = self.node_obj(NodeKind::Section, id)?;
        let doc = self.automerge();
        Some(Section {
            id: id.to_string(),
            number: get_str(doc, &s, node::NUMBER),
            title: get_str(doc, &s, node::TITLE),
            kind: SectionKind::parse(&get_str(doc, &s, node::KIND)),
            stage: get_uint(doc, &s, node::STAGE).and_then(Stage::from_number),
            responsible: split_lines(&get_str(doc, &s, node::RESPONSIBLE)),
            sections: Vec::new(),
            activities: Vec::new(),
        })
    }

    /// Whether one of a node's short fields holds several values set
    /// concurrently (a conflict the conflicts list would show).
    pub fn has_conflict(&self, kind: NodeKind, id: &str) -> bool {
        let Some(obj) = self.node_obj(kind, id) else {
            return false;
        };
        let keys: &[&str] = match kind {
            NodeKind::Activity => &ACTIVITY_SCALARS,
            NodeKind::Section => &SECTION_SCALARS,
        };
        let doc = self.automerge();
        let stage = (kind == NodeKind::Activity).then_some(node::STAGE);
        keys.iter()
            .copied()
            .chain(stage)
            .any(|key| doc.get_all(&obj, key).is_ok_and(|all| all.len() > 1))
    }

    /// Ids of the live sections and activities whose parent is `section`,
    /// in no particular order (a scan of the whole document).
    pub fn live_children(&self, section: &str) -> Vec<String> {
        let doc = self.automerge();
        let mut out = Vec::new();
        for kind in [NodeKind::Section, NodeKind::Activity] {
            let Some(map) = get_map(doc, &ROOT, kind.map_key()) else {
                continue;
            };
            for id in doc.keys(&map) {
                let Some(obj) = get_map(doc, &map, &id) else {
                    continue;
                };
                if get_str(doc, &obj, kind.parent_key()) == section
                    && !get_bool(doc, &obj, node::DELETED)
                {
                    out.push(id);
                }
            }
        }
        out
    }
}
