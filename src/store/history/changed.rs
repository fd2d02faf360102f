//! Which activities changed since the latest approved edition, for the
//! marks on the editor's rows. Only the activities the changes made after
//! the approval touched are compared (each read as it stands and as it
//! stood then), not the whole roadmap at the approved heads; after an edit
//! or a merge only the activities it touched are compared again, so a
//! keystroke never costs a read of the whole document. The list of the changes in
//! words is [`crate::store::history::since::report`]; these marks agree with it.

use std::collections::HashMap;

use automerge::{AutoCommit, ChangeHash};

use crate::store::Doc;
use crate::store::history::snapshot::{self, NodeState, read_node_of};
use crate::store::history::touched::Locator;
use crate::store::read::fields::View;
use crate::store::write::approvals::{self, Approved};
use crate::store::write::edit::NodeKind;

/// How an activity differs from the approved edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Not in the approved edition (or deleted there and restored since).
    Added,
    /// Changed, moved or renumbered since.
    Changed,
}

/// The marks against the latest approved edition.
#[derive(Debug, Clone)]
pub struct ChangedSince {
    /// The approval compared with.
    pub approved: Approved,
    /// The activities as they stood in the approved edition, read as they
    /// are compared (None: not there).
    base: HashMap<String, Option<NodeState>>,
    /// The activities marked, by id.
    marks: HashMap<String, Mark>,
}

impl ChangedSince {
    /// The marks of `doc` against its latest approval (None: the roadmap
    /// was never approved). Compares the activities the changes since the
    /// approval touched (the whole document, twice, when they touched
    /// everything): slow on a long history, run it in a worker.
    pub fn read(doc: &Doc) -> Option<ChangedSince> {
        let am = doc.automerge();
        let approved = approvals::latest(am)?;
        let mut changed = ChangedSince {
            approved,
            base: HashMap::new(),
            marks: HashMap::new(),
        };
        let changes = am.clone().get_changes(&changed.approved.heads);
        // The record of the approval itself (outside the roadmap) aside.
        let touched = Locator::new(am).touched(
            changes
                .iter()
                .filter(|c| !c.message().is_some_and(approvals::is_record)),
        );
        if !touched.everything {
            changed.update(doc, touched.activities.iter().map(String::as_str));
            return Some(changed);
        }
        changed.base = snapshot::read(View::at(am, &changed.approved.heads))
            .nodes
            .into_iter()
            .filter(|(_, n)| n.kind == NodeKind::Activity)
            .map(|(id, n)| (id, Some(n)))
            .collect();
        for (id, now) in snapshot::snapshot(am).nodes {
            if now.kind == NodeKind::Activity {
                changed.set(am, id, &now);
            }
        }
        Some(changed)
    }

    /// The marks right after the approval `id` was recorded, when it is the
    /// latest: nothing marked, and the approved edition is the roadmap as
    /// it stands (one read of it instead of two). Otherwise as
    /// [`ChangedSince::read`].
    pub fn just_approved(doc: &Doc, id: &str) -> Option<ChangedSince> {
        let am = doc.automerge();
        let approved = approvals::latest(am)?;
        if approved.id != id {
            return ChangedSince::read(doc);
        }
        let base = snapshot::snapshot(am)
            .nodes
            .into_iter()
            .filter(|(_, n)| n.kind == NodeKind::Activity)
            .map(|(id, n)| (id, Some(n)))
            .collect();
        Some(ChangedSince {
            approved,
            base,
            marks: HashMap::new(),
        })
    }

    /// The marks of `self`, true of `doc` at the heads `before`, brought up
    /// to date with the changes added since (edits made while they were
    /// read in a copy, a merge): only the activities they touched are
    /// compared again.
    /// None when they must be read anew: another approval is now the
    /// latest, or the changes touched everything.
    pub fn caught_up(mut self, doc: &mut Doc, before: &[ChangeHash]) -> Option<ChangedSince> {
        let latest = approvals::latest(doc.automerge())?;
        if latest.id != self.approved.id {
            return None;
        }
        let changes = doc.automerge_mut().get_changes(before);
        if changes.is_empty() {
            return Some(self);
        }
        let touched = Locator::new(doc.automerge()).touched(&changes);
        if touched.everything {
            return None;
        }
        self.update(doc, touched.activities.iter().map(String::as_str));
        Some(self)
    }

    /// The mark of the activity `id`, if it changed.
    pub fn mark(&self, id: &str) -> Option<Mark> {
        self.marks.get(id).copied()
    }

    /// How many activities standing now are marked.
    pub fn count(&self) -> usize {
        self.marks.len()
    }

    /// Compares the activities `ids` (just edited) again.
    pub fn update<'a>(&mut self, doc: &Doc, ids: impl IntoIterator<Item = &'a str>) {
        let am = doc.automerge();
        let view = View::now(am);
        for id in ids {
            match read_node_of(view, NodeKind::Activity, id) {
                Some(now) => self.set(am, id.to_string(), &now),
                None => {
                    self.marks.remove(id);
                }
            }
        }
    }

    fn set(&mut self, am: &AutoCommit, id: String, now: &NodeState) {
        let approved = &self.approved.heads;
        let was = self
            .base
            .entry(id.clone())
            .or_insert_with(|| read_node_of(View::at(am, approved), NodeKind::Activity, &id));
        match mark_of(was.as_ref(), now) {
            Some(mark) => self.marks.insert(id, mark),
            None => self.marks.remove(&id),
        };
    }
}

/// The mark of an activity standing as `now`, that stood as `was` in the
/// approved edition (None: was not there).
fn mark_of(was: Option<&NodeState>, now: &NodeState) -> Option<Mark> {
    if now.deleted {
        return None;
    }
    let Some(was) = was.filter(|w| !w.deleted) else {
        return Some(Mark::Added);
    };
    let moved = was.parent != now.parent || was.pos != now.pos;
    let edited = was
        .fields
        .keys()
        .chain(now.fields.keys())
        .any(|key| was.field(key) != now.field(key));
    (moved || edited).then_some(Mark::Changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Activity;
    use crate::store::history::changes::{ChangeKind, ItemKind};
    use crate::store::history::since::{Since, report};
    use crate::store::write::edit::ActivityField;
    use chrono::NaiveDate;

    /// The activities the list of changes names, deleted ones left out.
    fn listed(doc: &mut Doc) -> Vec<String> {
        let mut ids: Vec<String> = report(doc, &Since::Approved)
            .expect("report")
            .groups
            .iter()
            .flat_map(|g| &g.changes)
            .filter(|c| c.change.item.kind == ItemKind::Activity)
            .filter(|c| c.change.kind != ChangeKind::Removed)
            .map(|c| c.change.item.id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    fn marked(changed: &ChangedSince) -> Vec<String> {
        let mut ids: Vec<String> = changed.marks.keys().cloned().collect();
        ids.sort();
        ids
    }

    #[test]
    fn marks_patched_edit_by_edit_agree_with_the_list_of_changes() {
        let mut doc = crate::sample::document().expect("sample");
        assert!(ChangedSince::read(&doc).is_none(), "never approved");
        let date = NaiveDate::from_ymd_opt(2022, 2, 26).expect("date");
        doc.approve("20", date).expect("approve");
        let approved = crate::store::write::approvals::latest(doc.automerge()).expect("approved");
        let mut changed = ChangedSince::just_approved(&doc, &approved.id).expect("approved");
        assert_eq!(changed.count(), 0);
        assert_eq!(
            marked(&changed),
            marked(&ChangedSince::read(&doc).expect("read"))
        );
        let roadmap = doc.roadmap();
        let ids: Vec<String> = roadmap
            .activities_with_path()
            .iter()
            .map(|(_, a)| a.id.clone())
            .collect();
        let first = roadmap.sections[0].id.clone();
        let second = roadmap.sections[1].id.clone();

        doc.set_activity_field(&ids[0], &ActivityField::Deadline, "Май 2030")
            .expect("edit");
        let added = doc
            .add_activity(&first, None, &Activity::default())
            .expect("add");
        doc.move_node(NodeKind::Activity, &ids[1], &second, None)
            .expect("move");
        doc.set_deleted(NodeKind::Activity, &ids[2], true)
            .expect("delete");
        changed.update(&doc, [ids[0].as_str(), &added, &ids[1], &ids[2]]);
        assert_eq!(changed.mark(&ids[0]), Some(Mark::Changed));
        assert_eq!(changed.mark(&added), Some(Mark::Added));
        assert_eq!(changed.mark(&ids[1]), Some(Mark::Changed));
        assert_eq!(changed.mark(&ids[2]), None, "deleted: no row to mark");
        assert_eq!(marked(&changed), listed(&mut doc));
        assert_eq!(
            marked(&changed),
            marked(&ChangedSince::read(&doc).expect("read"))
        );

        // Changes from another copy: only what they touched is compared.
        let mut theirs = doc.fork();
        theirs
            .set_activity_field(&ids[3], &ActivityField::Deadline, "Июнь 2031")
            .expect("theirs");
        let heads = doc.heads();
        doc.merge(&mut theirs).expect("merge");
        let merged = changed.caught_up(&mut doc, &heads).expect("marks");
        assert_eq!(merged.mark(&ids[3]), Some(Mark::Changed));
        assert_eq!(marked(&merged), listed(&mut doc));
        let mut changed = merged;

        let before = roadmap.activities_with_path()[0].1.deadline.clone();
        doc.set_activity_field(&ids[0], &ActivityField::Deadline, &before)
            .expect("back");
        changed.update(&doc, [ids[0].as_str()]);
        assert_eq!(changed.mark(&ids[0]), None, "back as approved");
        assert_eq!(marked(&changed), listed(&mut doc));
    }
}
