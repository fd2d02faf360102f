//! Which parts of a roadmap a set of Automerge changes touched: each
//! change's operations name the objects they write to, and each object sits
//! under one heading field, column, section or activity (see
//! [`crate::store::read::locate`]). Views of the roadmap then re-read just those parts.

use std::collections::BTreeSet;

use automerge::legacy::{Key, OpType};
use automerge::{Change, ObjId, ReadDoc};

use crate::store::read::locate::{Place, Places};
use crate::store::write::edit::NodeKind;

/// The parts of a roadmap some changes touched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// Something outside the known layout (the root's own fields, a whole
    /// map replaced, an object that could not be placed): only a full read
    /// is safe.
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
    /// The touched ids of sections or activities.
    pub fn nodes(&self, kind: NodeKind) -> &BTreeSet<String> {
        match kind {
            NodeKind::Section => &self.sections,
            NodeKind::Activity => &self.activities,
        }
    }

    /// Whether the node `id` was touched.
    pub fn has_node(&self, id: &str) -> bool {
        self.sections.contains(id) || self.activities.contains(id)
    }

    fn mark(&mut self, place: &Place, key: &Key) {
        match (place, key) {
            (Place::Root, _) | (Place::Unknown, _) | (Place::Nodes(_), Key::Seq(_)) => {
                self.everything = true
            }
            (Place::Meta, _) => self.meta = true,
            (Place::Columns, _) => self.columns = true,
            (Place::Nodes(kind), Key::Map(id)) => self.node(*kind, id.to_string()),
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

/// Finds what changes touched, remembering where each object sits.
pub struct Locator<'a, D> {
    places: Places<'a, D>,
}

impl<'a, D: ReadDoc> Locator<'a, D> {
    /// A locator over `doc`, which must hold every change it is given.
    pub fn new(doc: &'a D) -> Self {
        Locator {
            places: Places::new(doc),
        }
    }

    /// What `changes` touched. The objects they create are remembered, so
    /// that objects made by a change are placed without reading the
    /// document (pass changes in causal order).
    pub fn touched<'c>(&mut self, changes: impl IntoIterator<Item = &'c Change>) -> Touched {
        let mut touched = Touched::default();
        for change in changes {
            let actor = change.actor_id().clone();
            let start = change.start_op().get();
            let message = change.message().unwrap_or_default();
            let ops = change.decode().operations;
            // Objects made first, then placed: a change may write to an
            // object it makes later in its own list.
            for (i, op) in ops.iter().enumerate() {
                if let (OpType::Make(_), Key::Map(key)) = (&op.action, &op.key) {
                    let made = ObjId::Id(start + i as u64, actor.clone(), usize::MAX);
                    self.places.made(made, &op.obj, key.to_string());
                }
            }
            for op in &ops {
                let place = self.places.place(&op.obj, message);
                touched.mark(&place, &op.key);
            }
        }
        touched
    }
}
