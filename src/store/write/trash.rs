//! The recycle bin (Корзина): deleted sections and activities, who deleted
//! each and when, and the edits made to it that the person deleting did not
//! see (made at the same time in another copy, or afterwards). A deletion
//! is a tombstone, so such an edit is kept in the document; here it is
//! found and told, and the item can be restored with everything in it.
//!
//! What the person deleting saw is the item as it stood at the deleting
//! change's dependencies: every field that differs now was written by
//! someone who did not see the deletion.

use automerge::{AutoCommit, ChangeHash, ObjId, ROOT, ReadDoc, Value};

use crate::store::history::changes::{ChangeKind, Field, Item, ItemKind, compare_some};
use crate::store::history::snapshot::{Snapshot, read_part, snapshot};
use crate::store::history::touched::Touched;
use crate::store::read::fields::View;
use crate::store::read::get_map;
use crate::store::schema::node;
use crate::store::write::edit::NodeKind;
use crate::store::write::textslot::author_of;
use crate::store::{Doc, StoreError};

/// A field of a deleted item edited by someone who did not see the
/// deletion.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnseenEdit {
    /// The item edited (the deleted one, or an item deleted with it).
    pub item: Item,
    /// The field.
    pub field: Field,
    /// The value the person deleting saw.
    pub old: String,
    /// The value now.
    pub new: String,
    /// Who wrote the value now, when known.
    pub author: Option<String>,
}

/// One deletion in the recycle bin.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deleted {
    /// The item deleted (a section stands for everything deleted with it).
    pub item: Item,
    /// Who deleted it, when recorded.
    pub by: Option<String>,
    /// When (seconds since 1970, by the deleting author's clock).
    pub time: i64,
    /// How many activities were deleted with it (a section's own).
    pub activities: usize,
    /// Edits the person deleting did not see.
    pub unseen: Vec<UnseenEdit>,
    /// The change that deleted it.
    pub change: Option<ChangeHash>,
}

/// Everything in the recycle bin, the latest deletion first. Items deleted
/// together with a section are listed under it, not on their own. (A
/// mutable document only because Automerge reads a change's metadata
/// cheaply through one; nothing is changed.)
pub fn deleted_items(doc: &mut Doc) -> Vec<Deleted> {
    let snap = snapshot(doc.automerge());
    let deleting: foldhash::HashMap<&str, Option<ChangeHash>> = snap
        .nodes
        .iter()
        .filter(|(_, n)| n.deleted)
        .map(|(id, n)| (id.as_str(), deleting_change(doc.automerge(), n.kind, id)))
        .collect();
    let metas = change_metas(doc, deleting.values().flatten());
    let am = doc.automerge();
    let children = children(&snap);
    let mut out: Vec<Deleted> = Vec::new();
    for (id, change) in &deleting {
        let state = &snap.nodes[*id];
        // Deleted with its parent section, by the same change: listed there.
        let parent_change = deleting.get(state.parent.as_str());
        if !state.parent.is_empty() && parent_change == Some(change) {
            continue;
        }
        let group = below(&snap, &children, id, |n| deleting.get(n) == Some(change));
        let meta = change.and_then(|h| metas.get(&h));
        out.push(Deleted {
            item: item_of(&snap, id),
            by: meta.and_then(|m| m.author.clone()),
            time: meta.map_or(0, |m| m.time),
            activities: group
                .iter()
                .filter(|n| snap.nodes[n.as_str()].kind == NodeKind::Activity && n != id)
                .count(),
            unseen: meta
                .map(|m| unseen_edits(am, &snap, &group, &m.deps))
                .unwrap_or_default(),
            change: *change,
        });
    }
    out.sort_by(|a, b| (b.time, &b.item.id).cmp(&(a.time, &a.item.id)));
    out
}

impl Doc {
    /// Deletes a section with everything in it (its sections and
    /// activities), or one activity, as one change; returns what was
    /// deleted, `id` first. Restoring brings back just that.
    pub fn delete_tree(&mut self, kind: NodeKind, id: &str) -> Result<Vec<Node>, StoreError> {
        let snap = snapshot(self.automerge());
        if !snap.nodes.get(id).is_some_and(|n| n.kind == kind) {
            return Err(StoreError::NotFound(crate::msg!(
                "nothing-with-id",
                id = id
            )));
        }
        let group = with_descendants(&snap, id, |n| !snap.nodes[n].deleted);
        let nodes = kinds(&snap, group);
        for (kind, node) in &nodes {
            self.put_deleted(*kind, node, true)?;
        }
        self.commit(&format!("delete {} {id}", noun(kind)));
        Ok(nodes)
    }

    /// Restores a deleted item and what was deleted with it (by the same
    /// change); returns what came back, `id` first.
    pub fn restore(&mut self, kind: NodeKind, id: &str) -> Result<Vec<Node>, StoreError> {
        let am = self.automerge();
        let snap = snapshot(am);
        if !snap
            .nodes
            .get(id)
            .is_some_and(|n| n.kind == kind && n.deleted)
        {
            return Err(StoreError::NotFound(crate::msg!(
                "nothing-deleted-with-id",
                id = id
            )));
        }
        let change = deleting_change(am, kind, id);
        let group = with_descendants(&snap, id, |n| {
            let state = &snap.nodes[n];
            state.deleted && deleting_change(am, state.kind, n) == change
        });
        let nodes = kinds(&snap, group);
        for (kind, node) in &nodes {
            self.put_deleted(*kind, node, false)?;
        }
        self.commit(&format!("restore {} {id}", noun(kind)));
        Ok(nodes)
    }

    /// Puts the tombstone of one node (no commit).
    fn put_deleted(&mut self, kind: NodeKind, id: &str, deleted: bool) -> Result<(), StoreError> {
        use automerge::transaction::Transactable;
        let doc = self.automerge_mut();
        let obj = get_map(doc, &ROOT, kind.map_key())
            .and_then(|m| get_map(doc, &m, id))
            .ok_or_else(|| StoreError::NotFound(crate::msg!("nothing-with-id", id = id)))?;
        doc.put(&obj, node::DELETED, deleted)?;
        Ok(())
    }
}

/// A section or an activity, by kind and id.
pub type Node = (NodeKind, String);

/// The nodes of `ids` with their kinds.
fn kinds(snap: &Snapshot, ids: Vec<String>) -> Vec<Node> {
    ids.into_iter()
        .map(|id| (snap.nodes[id.as_str()].kind, id))
        .collect()
}

/// `id` and every node below it (sections' sections and activities) that
/// `wanted` accepts, `id` first. Iterative: a deep tree costs no stack.
fn with_descendants(snap: &Snapshot, id: &str, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    below(snap, &children(snap), id, wanted)
}

/// Each section's children (sections and activities), by the section's id.
type Children<'a> = foldhash::HashMap<&'a str, Vec<&'a str>>;

fn children(snap: &Snapshot) -> Children<'_> {
    let mut children = Children::default();
    for (child, state) in &snap.nodes {
        children
            .entry(state.parent.as_str())
            .or_default()
            .push(child.as_str());
    }
    children
}

/// [`with_descendants`] with the children known.
fn below(
    snap: &Snapshot,
    children: &Children<'_>,
    id: &str,
    wanted: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut out = vec![id.to_string()];
    let mut seen: std::collections::HashSet<&str> = [id].into();
    let mut stack = vec![id];
    while let Some(parent) = stack.pop() {
        if snap.nodes.get(parent).map(|n| n.kind) != Some(NodeKind::Section) {
            continue;
        }
        for child in children.get(parent).into_iter().flatten() {
            if seen.insert(child) && wanted(child) {
                out.push(child.to_string());
                stack.push(child);
            }
        }
    }
    out
}

/// The change that put the node's tombstone.
fn deleting_change(doc: &AutoCommit, kind: NodeKind, id: &str) -> Option<ChangeHash> {
    let obj = get_map(doc, &ROOT, kind.map_key()).and_then(|m| get_map(doc, &m, id))?;
    let (_, op) = doc.get(&obj, node::DELETED).ok().flatten()?;
    doc.hash_for_opid(&op)
}

/// What the recycle bin needs of a deleting change.
struct Meta {
    author: Option<String>,
    time: i64,
    deps: Vec<ChangeHash>,
}

/// The author, time and dependencies of each of `hashes`, read from
/// Automerge's change graph (not by rebuilding each change from its ops,
/// which costs milliseconds a change in a long history).
fn change_metas<'a>(
    doc: &mut Doc,
    hashes: impl Iterator<Item = &'a ChangeHash>,
) -> foldhash::HashMap<ChangeHash, Meta> {
    let am = doc.automerge_mut();
    let mut metas = foldhash::HashMap::default();
    for hash in hashes {
        if metas.contains_key(hash) {
            continue;
        }
        let Some(meta) = am.get_change_meta_by_hash(hash) else {
            continue;
        };
        let author = meta
            .author
            .as_ref()
            .map(|a| String::from_utf8_lossy(a.as_bytes()).into_owned());
        let meta = Meta {
            author,
            time: meta.timestamp,
            deps: meta.deps,
        };
        metas.insert(*hash, meta);
    }
    metas
}

/// The fields of `group` that differ from what a change with `deps` (the
/// deleting one) saw.
fn unseen_edits(
    doc: &AutoCommit,
    now: &Snapshot,
    group: &[String],
    deps: &[ChangeHash],
) -> Vec<UnseenEdit> {
    let mut touched = Touched {
        columns: true,
        ..Touched::default()
    };
    for id in group {
        match now.nodes[id.as_str()].kind {
            NodeKind::Activity => touched.activities.insert(id.clone()),
            NodeKind::Section => touched.sections.insert(id.clone()),
        };
    }
    let then = read_part(View::at(doc, deps), &touched);
    let mut after = read_part(View::now(doc), &touched);
    for state in after.nodes.values_mut() {
        state.deleted = false;
    }
    compare_some(&then, &after, |_| true)
        .into_iter()
        .filter_map(|c| match c.kind {
            ChangeKind::FieldChanged { field, old, new } => {
                let author = field_author(doc, &c.item, &field);
                Some(UnseenEdit {
                    item: c.item,
                    field,
                    old,
                    new,
                    author,
                })
            }
            _ => None,
        })
        .collect()
}

/// Who wrote a short field's value now (None for free text, whose
/// characters may have many authors).
fn field_author(doc: &AutoCommit, item: &Item, field: &Field) -> Option<String> {
    let key = match field {
        Field::Deadline => node::DEADLINE,
        Field::Responsible => node::RESPONSIBLE,
        Field::Status => node::STATUS,
        Field::Number => node::NUMBER,
        Field::Title => node::TITLE,
        _ => return None,
    };
    let kind = match item.kind {
        ItemKind::Activity => NodeKind::Activity,
        _ => NodeKind::Section,
    };
    let obj: ObjId =
        get_map(doc, &ROOT, kind.map_key()).and_then(|m| get_map(doc, &m, &item.id))?;
    match doc.get(&obj, key).ok().flatten()? {
        (Value::Scalar(_), op) => author_of(doc, &op),
        _ => None,
    }
}

fn item_of(snap: &Snapshot, id: &str) -> Item {
    crate::store::history::changes::item_of(id, &snap.nodes[id])
}

fn noun(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Activity => "activity",
        NodeKind::Section => "section",
    }
}
