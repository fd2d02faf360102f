//! The history of a roadmap: every Automerge change with its author, time
//! and the field-level changes it made, found by comparing the parts of the
//! roadmap the change touched just before the change (at its dependencies)
//! with the same parts right after it.

pub mod changed;
pub mod changes;
pub mod since;
pub mod snapshot;
pub mod touched;

use automerge::{AutoCommit, ChangeHash};

use crate::model::Roadmap;

use crate::store::history::changes::{
    Change, ChangeKind, ItemChange, compare, compare_some, field_of, item_of,
};
use crate::store::history::snapshot::{Snapshot, read_part};
use crate::store::history::touched::{Locator, Touched};
use crate::store::read::fields::View;
use crate::store::read::read_roadmap;
use crate::store::{Doc, StoreError};

/// One Automerge change in words-ready form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The change's hash.
    pub hash: ChangeHash,
    /// The author's name (the change's Automerge author as UTF-8).
    pub author: Option<String>,
    /// Seconds since the Unix epoch, by the author's clock.
    pub time: i64,
    /// The message karta recorded ("set deadline of activity …").
    pub message: String,
    /// What the change did, item by item.
    pub changes: Vec<ItemChange>,
    /// The changes it came right after.
    pub deps: Vec<ChangeHash>,
}

impl HistoryEntry {
    /// The entry's item changes, each carrying the author and time.
    pub fn flatten(&self) -> Vec<Change> {
        self.changes
            .iter()
            .map(|c| Change {
                hash: self.hash,
                author: self.author.clone(),
                time: self.time,
                item: c.item.clone(),
                kind: c.kind.clone(),
            })
            .collect()
    }
}

/// The history of the roadmap, newest first by the authors' clocks (ties
/// broken by hash, so identical copies list it in the same order); with
/// `activity`, only the changes that touched that activity (or section) id,
/// and those of its comments.
pub fn history(doc: &mut Doc, activity: Option<&str>) -> Vec<HistoryEntry> {
    // Only the changes that touched the item (or commented on it) are
    // compared: in a long history, reading each one before and after is
    // what costs.
    let touching = |change: &automerge::Change, touched: &Touched| {
        activity.is_none_or(|id| {
            touched.everything
                || touched.has_node(id)
                || change
                    .message()
                    .and_then(crate::store::write::comment::noted)
                    .is_some_and(|n| n.activity == id)
        })
    };
    let mut entries = in_time_order(entries(doc.automerge_mut(), touching));
    if let Some(id) = activity {
        for entry in &mut entries {
            entry.changes.retain(|c| c.item.id == id);
        }
        entries.retain(|e| {
            !e.changes.is_empty()
                || crate::store::write::comment::noted(&e.message).is_some_and(|n| n.activity == id)
        });
    }
    entries.reverse();
    entries
}

/// Entries oldest first by their authors' clocks, never a change before one
/// it came after, ties broken by hash: the same order in every copy that
/// holds the same changes, whatever order they were merged in.
fn in_time_order(entries: Vec<HistoryEntry>) -> Vec<HistoryEntry> {
    use std::cmp::Reverse;
    use std::collections::{BinaryHeap, HashMap};
    let index: HashMap<ChangeHash, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.hash, i))
        .collect();
    let mut waiting: Vec<usize> = vec![0; entries.len()];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    for (i, e) in entries.iter().enumerate() {
        for dep in e.deps.iter().filter_map(|d| index.get(d)) {
            waiting[i] += 1;
            after[*dep].push(i);
        }
    }
    let key = |i: usize| Reverse((entries[i].time, entries[i].hash, i));
    let mut ready: BinaryHeap<_> = (0..entries.len())
        .filter(|i| waiting[*i] == 0)
        .map(key)
        .collect();
    let mut order = Vec::with_capacity(entries.len());
    while let Some(Reverse((_, _, i))) = ready.pop() {
        order.push(i);
        for &next in &after[i] {
            waiting[next] -= 1;
            if waiting[next] == 0 {
                ready.push(key(next));
            }
        }
    }
    let mut slots: Vec<Option<HistoryEntry>> = entries.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The entries of the changes of `doc`, oldest first (in causal order),
/// those `wanted` accepts compared (the others with no changes). Each
/// change is compared in the parts it touched
/// (found from its operations, see [`crate::store::history::touched`]): the document read at
/// the change's dependencies against the document read right after it.
pub(crate) fn entries(
    doc: &mut AutoCommit,
    wanted: impl Fn(&automerge::Change, &Touched) -> bool,
) -> Vec<HistoryEntry> {
    entries_of(doc, &[], wanted)
}

/// The entries of the changes of `doc` made after `heads`, oldest first:
/// only those changes are decoded and located (objects made before them
/// are placed from the document), so a short history after `heads` costs
/// little however long the history before them.
pub(crate) fn entries_after(doc: &mut AutoCommit, heads: &[ChangeHash]) -> Vec<HistoryEntry> {
    entries_of(doc, heads, |_, _| true)
}

/// The entries of the changes after `heads`, those `wanted` accepts (given
/// each change and what it touched) compared, the others listed with no
/// changes (to keep the order of what they came after). (A
/// mutable document only because Automerge hands out changes through
/// one; nothing is changed, and no copy of the document is made.)
fn entries_of(
    doc: &mut AutoCommit,
    heads: &[ChangeHash],
    wanted: impl Fn(&automerge::Change, &Touched) -> bool,
) -> Vec<HistoryEntry> {
    // Authors live in the document's actor table, so they are read from the
    // change metadata, not from the change itself.
    let authors: std::collections::HashMap<ChangeHash, Option<String>> = doc
        .get_changes_meta(heads)
        .into_iter()
        .map(|m| {
            let author = m
                .author
                .map(|a| String::from_utf8_lossy(a.as_bytes()).into_owned());
            (m.hash, author)
        })
        .collect();
    let changes = doc.get_changes(heads);
    let doc: &AutoCommit = doc;
    let mut locator = Locator::new(doc);
    let mut out = Vec::new();
    for change in changes {
        // Every change is located, wanted or not: the objects it makes
        // place the later changes' operations.
        let touched = locator.touched([&change]);
        let hash = change.hash();
        let message = change.message().unwrap_or_default().to_string();
        let mut entry = HistoryEntry {
            hash,
            author: authors.get(&hash).cloned().flatten(),
            time: change.timestamp(),
            message,
            changes: Vec::new(),
            deps: change.deps().to_vec(),
        };
        if !wanted(&change, &touched) {
            // Listed uncompared, so that the entries keep their order.
            out.push(entry);
            continue;
        }
        let heads = [hash];
        let views = (View::at(doc, change.deps()), View::at(doc, &heads));
        let mut before = read_part(views.0, &touched);
        let mut after = read_part(views.1, &touched);
        Snapshot::fill_in(&mut before, &mut after, views);
        entry.changes = compare_touched(&before, &after, &touched);
        if entry.changes.is_empty() {
            // A resolution that kept the value shown changes nothing
            // visible, but is history all the same.
            entry.changes.extend(resolution(&entry.message, &after));
        }
        out.push(entry);
    }
    out
}

fn compare_touched(before: &Snapshot, after: &Snapshot, touched: &Touched) -> Vec<ItemChange> {
    if touched.everything {
        compare(before, after)
    } else {
        compare_some(before, after, |id| touched.has_node(id))
    }
}

/// The field a resolving change set, from its message (`resolve deadline
/// of activity <id>`), as a change from the value to itself.
fn resolution(message: &str, after: &Snapshot) -> Option<ItemChange> {
    let rest = message.strip_prefix(crate::store::RESOLVE_PREFIX)?;
    let (key, node) = rest.split_once(" of ")?;
    let id = node.split_whitespace().nth(1)?;
    let state = after.nodes.get(id)?;
    let key = key.strip_prefix("cell ").unwrap_or(key);
    let value = state.field(key).to_string();
    Some(ItemChange {
        item: item_of(id, state),
        kind: ChangeKind::FieldChanged {
            field: field_of(key, state.kind, after),
            old: value.clone(),
            new: value,
        },
    })
}

/// The change whose hash starts with `prefix` (at least 4 hex digits).
pub fn find_change(doc: &mut Doc, prefix: &str) -> Result<ChangeHash, StoreError> {
    let prefix = prefix.trim().to_lowercase();
    if prefix.len() < 4 || !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(StoreError::NotFound(crate::msg!(
            "not-a-change",
            text = crate::model::text::one_line(&prefix)
        )));
    }
    let found: Vec<ChangeHash> = doc
        .automerge_mut()
        .get_changes_meta(&[])
        .into_iter()
        .map(|m| m.hash)
        .filter(|h| h.to_string().starts_with(&prefix))
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(StoreError::NotFound(crate::msg!(
            "no-change",
            prefix = &prefix
        ))),
        many => Err(StoreError::NotFound(crate::msg!(
            "many-changes",
            prefix = &prefix,
            count = many.len()
        ))),
    }
}

/// The roadmap as it was right after `change`.
pub fn roadmap_at(doc: &Doc, change: ChangeHash) -> Roadmap {
    let mut view = doc.automerge().clone();
    view.isolate(&[change]);
    read_roadmap(&view)
}
