//! What changed since a point of the roadmap's history (the approved
//! edition, a change, a day): the roadmap then and now compared item by
//! item and field by field, each change with the people who made it and
//! when, grouped by the section the item stands in.

use std::collections::{HashMap, HashSet};

use automerge::ChangeHash;
use chrono::{NaiveDate, TimeZone};

use crate::store::history::changes::{
    ChangeKind, Field, Item, ItemChange, ItemKind, compare, item_of,
};
use crate::store::history::snapshot::{self, Snapshot};
use crate::store::history::{entries_after, find_change};
use crate::store::read::fields::View;
use crate::store::write::approvals::{self, Approved};
use crate::store::write::edit::NodeKind;
use crate::store::{Doc, StoreError};

/// The point of history compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    /// The latest approved edition.
    Approved,
    /// Right after a change (the first hex digits of its hash).
    Change(String),
    /// The start of a day (by the local clock).
    Day(NaiveDate),
}

impl Since {
    /// Reads `approved`, a date `YYYY-MM-DD` (or `DD.MM.YYYY`), or the
    /// first digits of a change's hash.
    pub fn parse(text: &str) -> Since {
        let t = text.trim();
        if matches!(
            t.to_lowercase().as_str(),
            "approved" | "утверждено" | "утверждённой" | "утвержденной"
        ) {
            return Since::Approved;
        }
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
            .map_or_else(|_| Since::Change(t.to_string()), Since::Day)
    }
}

/// Where the comparison starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base {
    /// An approved edition.
    Approved(Approved),
    /// A change: its hash, author and time (seconds).
    Change {
        /// The change.
        hash: ChangeHash,
        /// Who made it.
        author: Option<String>,
        /// When (seconds since 1970).
        time: i64,
    },
    /// The start of a day.
    Day(NaiveDate),
}

/// One change of one item since the base, with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// What changed and how (old → new for a field).
    pub change: ItemChange,
    /// Everyone whose edits made it, in the order of their edits.
    pub authors: Vec<String>,
    /// When it was last changed (seconds since 1970; 0 when unknown).
    pub time: i64,
}

/// The changes of the items of one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The section (None: outside any section, or the heading).
    pub section: Option<Item>,
    /// The changes, items in the order of their numbers.
    pub changes: Vec<Changed>,
}

/// Everything that changed since a base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Where the comparison starts.
    pub base: Base,
    /// The changes, by section: the heading and the items outside any
    /// section first, then sections in the order of their numbers.
    pub groups: Vec<Group>,
}

impl Report {
    /// How many activities changed (added, deleted, moved or edited).
    pub fn activities(&self) -> usize {
        let ids: HashSet<&str> = self
            .groups
            .iter()
            .flat_map(|g| &g.changes)
            .filter(|c| c.change.item.kind == ItemKind::Activity)
            .map(|c| c.change.item.id.as_str())
            .collect();
        ids.len()
    }
}

/// What changed in `doc` since `since`.
pub fn report(doc: &mut Doc, since: &Since) -> Result<Report, StoreError> {
    let (base, heads) = base_of(doc, since)?;
    let who = who_changed(doc, &heads);
    let am = doc.automerge();
    let before = snapshot::read(View::at(am, &heads));
    let after = snapshot::snapshot(am);
    let changes = compare(&before, &after);
    let mut groups: Vec<Group> = Vec::new();
    for change in changes {
        let key = target(&change);
        let found = who.get(&(change.item.id.clone(), key));
        let changed = Changed {
            authors: found.map(|f| f.0.clone()).unwrap_or_default(),
            time: found.map_or(0, |f| f.1),
            change,
        };
        let section = section_of(&after, &changed.change.item);
        match groups.iter_mut().find(|g| g.section == section) {
            Some(group) => group.changes.push(changed),
            None => groups.push(Group {
                section,
                changes: vec![changed],
            }),
        }
    }
    groups.sort_by_cached_key(|g| {
        g.section
            .as_ref()
            .map(|s| crate::store::history::changes::number_order(&s.number))
    });
    Ok(Report { base, groups })
}

/// The base named by `since` and the heads the roadmap had there.
fn base_of(doc: &mut Doc, since: &Since) -> Result<(Base, Vec<ChangeHash>), StoreError> {
    match since {
        Since::Approved => {
            let approved = approvals::latest(doc.automerge())
                .ok_or_else(|| StoreError::NotFound(crate::msg!("no-approved-edition")))?;
            let heads = approved.heads.clone();
            Ok((Base::Approved(approved), heads))
        }
        Since::Change(prefix) => {
            let hash = find_change(doc, prefix)?;
            let meta = doc.automerge_mut().get_change_meta_by_hash(&hash);
            let author = meta.as_ref().and_then(|m| {
                m.author
                    .as_ref()
                    .map(|a| String::from_utf8_lossy(a.as_bytes()).into_owned())
            });
            let time = meta.map_or(0, |m| m.timestamp);
            Ok((Base::Change { hash, author, time }, vec![hash]))
        }
        Since::Day(day) => Ok((Base::Day(*day), heads_before(doc, *day))),
    }
}

/// The heads of the roadmap as it stood when `day` began: every change
/// made before then by its author's clock, with every change it came after.
fn heads_before(doc: &mut Doc, day: NaiveDate) -> Vec<ChangeHash> {
    let start = day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| chrono::Local.from_local_datetime(&t).earliest())
        .map_or(i64::MIN, |t| t.timestamp());
    // Their metadata is enough: no change is decoded.
    let changes = doc.automerge_mut().get_changes_meta(&[]);
    let mut kept: HashSet<ChangeHash> = changes
        .iter()
        .filter(|c| c.timestamp < start)
        .map(|c| c.hash)
        .collect();
    // Changes come in causal order: walking back, a kept change keeps what
    // it came after.
    for c in changes.iter().rev() {
        if kept.contains(&c.hash) {
            kept.extend(c.deps.iter().copied());
        }
    }
    let depended: HashSet<ChangeHash> = changes
        .iter()
        .filter(|c| kept.contains(&c.hash))
        .flat_map(|c| c.deps.iter().copied())
        .collect();
    let mut heads: Vec<ChangeHash> = kept.difference(&depended).copied().collect();
    heads.sort();
    heads
}

/// What a change did, as a key to match it with the edits that made it.
fn target(change: &ItemChange) -> String {
    match &change.kind {
        ChangeKind::Added => "added".to_string(),
        ChangeKind::Removed | ChangeKind::Restored => "deleted".to_string(),
        ChangeKind::Moved { .. } => "moved".to_string(),
        ChangeKind::Renumbered { .. } => "renumbered".to_string(),
        ChangeKind::FieldChanged { field, .. } => match field {
            Field::Column { key, .. } => format!("column:{key}"),
            Field::Heading(key) => format!("heading:{key}"),
            other => format!("{other:?}"),
        },
    }
}

/// For each (item id, target) changed after `heads`: the authors of the
/// edits, in order, and the time of the last one.
fn who_changed(
    doc: &mut Doc,
    heads: &[ChangeHash],
) -> HashMap<(String, String), (Vec<String>, i64)> {
    let mut out: HashMap<(String, String), (Vec<String>, i64)> = HashMap::new();
    let mut list = entries_after(doc.automerge_mut(), heads);
    list.sort_by_key(|e| (e.time, e.hash));
    for entry in list {
        for change in &entry.changes {
            let slot = out
                .entry((change.item.id.clone(), target(change)))
                .or_default();
            if let Some(author) = &entry.author
                && !slot.0.contains(author)
            {
                slot.0.push(author.clone());
            }
            slot.1 = slot.1.max(entry.time);
        }
    }
    out
}

/// The section an item stands in now (None: outside any, or the heading).
fn section_of(after: &Snapshot, item: &Item) -> Option<Item> {
    let parent = after.nodes.get(&item.id).map(|n| n.parent.as_str())?;
    let state = after.nodes.get(parent)?;
    (state.kind == NodeKind::Section).then(|| item_of(parent, state))
}

impl Doc {
    /// How many changes of this document a copy holding every change up to
    /// `known` lacks (hashes this document does not have are left out).
    pub fn lacking(&mut self, known: &[ChangeHash]) -> usize {
        let known: Vec<ChangeHash> = known
            .iter()
            .copied()
            .filter(|h| self.has_all(&[*h]))
            .collect();
        self.automerge_mut().get_changes_meta(&known).len()
    }

    /// The time of the latest of the changes `hashes` this document has
    /// (seconds since 1970, by their authors' clocks).
    pub fn latest_time(&mut self, hashes: &[ChangeHash]) -> Option<i64> {
        let doc = self.automerge_mut();
        hashes
            .iter()
            .filter_map(|h| doc.get_change_meta_by_hash(h).map(|c| c.timestamp))
            .max()
    }

    /// How many changes this document holds that came after `heads`, not
    /// counting the records of approvals.
    pub fn count_after(&mut self, heads: &[ChangeHash]) -> usize {
        self.automerge_mut()
            .get_changes_meta(heads)
            .iter()
            .filter(|m| !m.message.as_deref().is_some_and(approvals::is_record))
            .count()
    }
}
