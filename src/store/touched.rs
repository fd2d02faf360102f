//! Which parts of a roadmap a set of Automerge changes touched: each
//! change's operations name the objects they write to, and each object sits
//! under one heading field, column, section or activity (found by walking up
//! its parents). Views of the roadmap then re-read just those parts.

use std::collections::{BTreeSet, HashMap};

use automerge::legacy::{Key, ObjectId};
use automerge::{Change, ObjId, Prop, ReadDoc};

use super::edit::NodeKind;
use super::schema;

/// The parts of a roadmap some changes touched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// Something outside the known layout (the root's own fields, a whole
    /// map replaced, an unknown object): only a full read is safe.
    pub everything: bool,
    /// The heading.
    pub meta: bool,
    /// The columns.
    pub columns: bool,
    /// Section ids.
    pub sections: BTreeSet<String>,
    /// Activity ids.
    pub activities: BTreeSet<String>,
}

impl Touched {
    /// Whether nothing was touched.
    pub fn is_empty(&self) -> bool {
        !self.everything
            && !self.meta
            && !self.columns
            && self.sections.is_empty()
            && self.activities.is_empty()
    }

    /// Adds what `other` touched.
    pub fn extend(&mut self, other: &Touched) {
        self.everything |= other.everything;
        self.meta |= other.meta;
        self.columns |= other.columns;
        self.sections.extend(other.sections.iter().cloned());
        self.activities.extend(other.activities.iter().cloned());
    }

    /// The touched ids of sections or activities.
    pub fn nodes(&self, kind: NodeKind) -> &BTreeSet<String> {
        match kind {
            NodeKind::Section => &self.sections,
            NodeKind::Activity => &self.activities,
        }
    }

    fn mark(&mut self, place: &Place, key: &Key) {
        match (place, key) {
            (Place::Root, _) | (Place::Unknown, _) => self.everything = true,
            (Place::Meta, _) => self.meta = true,
            (Place::Columns, _) => self.columns = true,
            (Place::Nodes(kind), Key::Map(id)) => self.node(*kind, id.to_string()),
            (Place::Nodes(_), Key::Seq(_)) => self.everything = true,
            (Place::Node(kind, id), _) => self.node(*kind, id.clone()),
        }
    }

    fn node(&mut self, kind: NodeKind, id: String) {
        match kind {
            NodeKind::Section => self.sections.insert(id),
            NodeKind::Activity => self.activities.insert(id),
        };
    }
}

/// Where an object sits in a roadmap document.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    /// The root map.
    Root,
    /// The heading map or anything in it.
    Meta,
    /// The columns map or anything in it.
    Columns,
    /// The sections or activities map itself (ops on it name a node by key).
    Nodes(NodeKind),
    /// One section or activity, or anything in it.
    Node(NodeKind, String),
    /// Outside the known layout.
    Unknown,
}

/// Finds what changes touched, remembering where each object sits.
pub struct Locator<'a, D> {
    doc: &'a D,
    places: HashMap<ObjId, Place>,
}

impl<'a, D: ReadDoc> Locator<'a, D> {
    /// A locator over `doc`, which must hold every change it is given.
    pub fn new(doc: &'a D) -> Self {
        Locator {
            doc,
            places: HashMap::new(),
        }
    }

    /// What `changes` touched.
    pub fn touched<'c>(&mut self, changes: impl IntoIterator<Item = &'c Change>) -> Touched {
        let mut touched = Touched::default();
        for change in changes {
            for op in change.decode().operations {
                let place = self.place(&op.obj);
                touched.mark(&place, &op.key);
            }
        }
        touched
    }

    fn place(&mut self, obj: &ObjectId) -> Place {
        let id = match obj {
            ObjectId::Root => return Place::Root,
            // The actor index is looked up by Automerge when it does not
            // match; equality and hashing ignore it.
            ObjectId::Id(op) => ObjId::Id(op.0, op.1.clone(), usize::MAX),
        };
        if let Some(place) = self.places.get(&id) {
            return place.clone();
        }
        let place = self.locate(&id);
        self.places.insert(id, place.clone());
        place
    }

    fn locate(&self, obj: &ObjId) -> Place {
        let Ok(parents) = self.doc.parents(obj) else {
            return Place::Unknown;
        };
        let path = parents.path();
        let key = |i: usize| match path.get(i) {
            Some((_, Prop::Map(k))) => Some(k.as_str()),
            _ => None,
        };
        let kind = match key(0) {
            Some(schema::K_META) => return Place::Meta,
            Some(schema::K_COLUMNS) => return Place::Columns,
            Some(schema::K_SECTIONS) => NodeKind::Section,
            Some(schema::K_ACTIVITIES) => NodeKind::Activity,
            _ => return Place::Unknown,
        };
        match (path.len(), key(1)) {
            (1, _) => Place::Nodes(kind),
            (_, Some(id)) => Place::Node(kind, id.to_string()),
            _ => Place::Unknown,
        }
    }
}
