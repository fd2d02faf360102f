//! Where an Automerge object sits in a roadmap document: under the heading,
//! the columns, or one section or activity.
//!
//! Automerge's own `parents` lookup scans the whole operation set, far too
//! slow to call for every object a thousand changes touch. So objects are
//! placed, in order of preference, by the operations that made them (seen in
//! the changes examined), by an index of the section and activity maps, by
//! checking a likely owner (the activity made just before the object by the
//! same actor, or an id named in the change's message) with a few reads, and
//! only then by `parents`, a limited number of times. An object that cannot
//! be placed reads as [`Place::Unknown`], which callers treat as "anything
//! may have changed".

use std::collections::{BTreeMap, HashMap};

use automerge::legacy::ObjectId;
use automerge::{ActorId, ObjId, Prop, ROOT, ReadDoc};

use crate::store::read::Roots;
use crate::store::read::fields::{Raw, View};
use crate::store::schema::{self, node};
use crate::store::write::edit::NodeKind;

/// Where an object sits in a roadmap document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The root map.
    Root,
    /// The heading map or anything in it.
    Meta,
    /// The columns map or anything in it.
    Columns,
    /// The sections or activities map itself (its keys are node ids).
    Nodes(NodeKind),
    /// One section or activity, or anything in it.
    Node(NodeKind, String),
    /// Outside the known layout, or not found.
    Unknown,
}

impl Place {
    /// The place of an object stored at `key` of an object placed here.
    fn child(&self, key: &str) -> Place {
        match self {
            Place::Root => match key {
                schema::K_META => Place::Meta,
                schema::K_COLUMNS => Place::Columns,
                schema::K_SECTIONS => Place::Nodes(NodeKind::Section),
                schema::K_ACTIVITIES => Place::Nodes(NodeKind::Activity),
                _ => Place::Unknown,
            },
            Place::Nodes(kind) => Place::Node(*kind, key.to_string()),
            other => other.clone(),
        }
    }
}

/// How many times Automerge's slow `parents` lookup may be used.
const PARENTS_BUDGET: usize = 8;

/// The index of the section and activity maps as they are now.
struct Index {
    roots: Roots,
    /// Node map object → kind and id.
    nodes: HashMap<ObjId, (NodeKind, String)>,
    /// Activity id → its map object.
    activities: HashMap<String, ObjId>,
    /// Activity map objects by actor and counter, to find the activity made
    /// just before an object.
    order: BTreeMap<(ActorId, u64), String>,
}

/// Places objects, remembering every answer.
pub struct Places<'a, D> {
    doc: &'a D,
    made: HashMap<ObjId, (ObjId, String)>,
    known: HashMap<ObjId, Place>,
    index: Option<Index>,
    budget: usize,
}

/// An object id from a decoded operation. Automerge looks the actor index
/// up when it does not match; equality and hashing ignore it.
fn object(obj: &ObjectId) -> ObjId {
    match obj {
        ObjectId::Root => ROOT,
        ObjectId::Id(op) => ObjId::Id(op.0, op.1.clone(), usize::MAX),
    }
}

impl<'a, D: ReadDoc> Places<'a, D> {
    /// No objects placed yet.
    pub fn new(doc: &'a D) -> Self {
        Places {
            doc,
            made: HashMap::new(),
            known: HashMap::new(),
            index: None,
            budget: PARENTS_BUDGET,
        }
    }

    /// Remembers that `obj` was made at `key` of `parent`.
    pub fn made(&mut self, obj: ObjId, parent: &ObjectId, key: String) {
        self.made.insert(obj, (object(parent), key));
    }

    /// Where the object of a decoded operation sits; `message` is the
    /// message of the change that wrote to it (it may name the owner).
    pub fn place(&mut self, obj: &ObjectId, message: &str) -> Place {
        self.find(&object(obj), message, 0)
    }

    fn find(&mut self, obj: &ObjId, message: &str, depth: usize) -> Place {
        if *obj == ROOT {
            return Place::Root;
        }
        if let Some(place) = self.known.get(obj) {
            return place.clone();
        }
        let place = match self.made.get(obj).cloned() {
            Some((parent, key)) if depth < 8 => self.find(&parent, message, depth + 1).child(&key),
            _ => self.look_up(obj, message),
        };
        self.known.insert(obj.clone(), place.clone());
        place
    }

    /// Places an object made before the changes examined.
    fn look_up(&mut self, obj: &ObjId, message: &str) -> Place {
        let doc = self.doc;
        let index = self
            .index
            .get_or_insert_with(|| Index::read(View::now(doc)));
        if let Some(place) = index.direct(obj) {
            return place;
        }
        let view = View::now(doc);
        if let Some(place) = index.owner(view, obj, message) {
            return place;
        }
        if self.budget == 0 {
            return Place::Unknown;
        }
        self.budget -= 1;
        by_parents(doc, obj)
    }
}

impl Index {
    fn read<D: ReadDoc>(view: View<'_, D>) -> Index {
        let roots = Roots::read(view);
        let mut index = Index {
            nodes: HashMap::new(),
            activities: HashMap::new(),
            order: BTreeMap::new(),
            roots: Roots::default(),
        };
        for (kind, map) in [
            (NodeKind::Section, &roots.sections),
            (NodeKind::Activity, &roots.activities),
        ] {
            let Some(map) = map else {
                continue;
            };
            for (id, raw) in view.entries(map) {
                let Raw::Map(obj) = raw else {
                    continue;
                };
                let id = id.into_owned();
                if kind == NodeKind::Activity {
                    if let ObjId::Id(counter, actor, _) = &obj {
                        index.order.insert((actor.clone(), *counter), id.clone());
                    }
                    index.activities.insert(id.clone(), obj.clone());
                }
                index.nodes.insert(obj, (kind, id));
            }
        }
        index.roots = roots;
        index
    }

    /// The place of a map the index knows by itself.
    fn direct(&self, obj: &ObjId) -> Option<Place> {
        let r = &self.roots;
        let is = |o: &Option<ObjId>| o.as_ref() == Some(obj);
        if is(&r.meta) {
            Some(Place::Meta)
        } else if is(&r.columns) {
            Some(Place::Columns)
        } else if is(&r.sections) {
            Some(Place::Nodes(NodeKind::Section))
        } else if is(&r.activities) {
            Some(Place::Nodes(NodeKind::Activity))
        } else {
            let (kind, id) = self.nodes.get(obj)?;
            Some(Place::Node(*kind, id.clone()))
        }
    }

    /// Finds the owner of an object inside the heading, a column or an
    /// activity by checking likely owners.
    fn owner<D: ReadDoc>(&self, view: View<'_, D>, obj: &ObjId, message: &str) -> Option<Place> {
        if let Some(meta) = &self.roots.meta
            && holds(view, meta, obj)
        {
            return Some(Place::Meta);
        }
        if let Some(columns) = &self.roots.columns
            && holds(view, columns, obj)
        {
            return Some(Place::Columns);
        }
        let before = match obj {
            ObjId::Id(counter, actor, _) => self
                .order
                .range(..=(actor.clone(), *counter))
                .next_back()
                .filter(|((a, _), _)| a == actor)
                .map(|(_, id)| id.as_str()),
            ObjId::Root => None,
        };
        let named = message
            .split_whitespace()
            .filter(|w| self.activities.contains_key(*w));
        for id in before.into_iter().chain(named) {
            let Some(activity) = self.activities.get(id) else {
                continue;
            };
            let found = holds(view, activity, obj)
                || view
                    .all_maps(activity, node::CELLS)
                    .iter()
                    .any(|cells| holds(view, cells, obj));
            if found {
                return Some(Place::Node(NodeKind::Activity, id.to_string()));
            }
        }
        None
    }
}

/// Whether `obj` is (the visible value at) one of the keys of `map`.
fn holds<D: ReadDoc>(view: View<'_, D>, map: &ObjId, obj: &ObjId) -> bool {
    view.entries(map).any(|(_, raw)| match raw {
        Raw::Text(o) | Raw::Map(o) => o == *obj,
        _ => false,
    })
}

/// The place by Automerge's own (slow) walk up the parents.
fn by_parents<D: ReadDoc>(doc: &D, obj: &ObjId) -> Place {
    let found = crate::store::disk::file::quietly(|| doc.parents(obj).map(|p| p.path()));
    let Ok(Ok(path)) = found else {
        return Place::Unknown;
    };
    let mut place = Place::Root;
    for (_, prop) in path.iter().take(2) {
        let Prop::Map(key) = prop else {
            return Place::Unknown;
        };
        place = place.child(key);
    }
    match (path.len(), place) {
        (0, _) => Place::Unknown,
        (_, place) => place,
    }
}
