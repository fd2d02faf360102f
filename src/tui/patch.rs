//! After a structural edit (add, delete, move, or the undo and redo of
//! one) or an edit of the heading the model is patched from the few nodes
//! the edit touched (and the heading), read back from the document, instead of reading the whole roadmap again. The rules
//! are those of the whole read: siblings in order of (position, id); a
//! section or activity whose parent is missing stands at the top level.
//! Where the patch cannot follow them cheaply it gives up and the caller
//! reads the whole roadmap.

use crate::model::{Activity, Roadmap, Section};
use crate::store::Doc;
use crate::store::write::edit::NodeKind;

use super::app::App;
use super::undo::Op;

/// A touched section, detached from the tree, as the document has it now.
struct Pending {
    section: Section,
    parent: String,
    pos: String,
}

impl App {
    /// Patches the model after `ops` were made in the document (activity
    /// and section fields, moves, additions and deletions); false when the
    /// whole roadmap has to be read instead.
    pub(super) fn patch_structure(&mut self, ops: &[Op]) -> bool {
        let mut sections: Vec<&str> = Vec::new();
        let mut activities: Vec<&str> = Vec::new();
        let mut heading = false;
        for op in ops {
            let nodes: Vec<(NodeKind, &String)> = match op {
                Op::Activity { id, .. } | Op::Comment { activity: id, .. } => {
                    vec![(NodeKind::Activity, id)]
                }
                Op::Section { id, .. } => vec![(NodeKind::Section, id)],
                Op::Place { kind, id, .. } | Op::Exists { kind, id, .. } => vec![(*kind, id)],
                Op::Tree { nodes, .. } => nodes.iter().map(|(k, id)| (*k, id)).collect(),
                Op::Meta { .. } | Op::Approval(_) => {
                    heading = true;
                    Vec::new()
                }
            };
            for (kind, id) in nodes {
                let list = match kind {
                    NodeKind::Activity => &mut activities,
                    NodeKind::Section => &mut sections,
                };
                if !list.contains(&id.as_str()) {
                    list.push(id);
                }
            }
        }
        let touched = |kind, list: &[&str]| {
            list.iter()
                .any(|id| self.document.in_conflict(id) || self.document.doc.has_conflict(kind, id))
        };
        let conflicts =
            touched(NodeKind::Section, &sections) || touched(NodeKind::Activity, &activities);
        let mut roadmap = std::mem::take(&mut self.document.roadmap);
        let patched = patch(&self.document.doc, &mut roadmap, &sections, &activities);
        if heading {
            roadmap.meta = self.document.doc.meta();
        }
        self.document.roadmap = roadmap;
        let heading_conflict = || {
            let heading = crate::store::history::changes::ItemKind::Heading;
            self.document
                .conflicts
                .iter()
                .any(|c| c.item.kind == heading)
        };
        if patched && (conflicts || (heading && heading_conflict())) {
            self.document.refresh_conflicts_of(
                sections.iter().copied(),
                activities.iter().copied(),
                heading,
            );
        }
        patched
    }
}

/// Patches `roadmap` for the touched nodes; false when it cannot (the
/// roadmap is then left half-patched and must be read again).
fn patch(doc: &Doc, roadmap: &mut Roadmap, sections: &[&str], activities: &[&str]) -> bool {
    let mut detached: Vec<Section> = Vec::new();
    let mut restored = Vec::new();
    for id in sections {
        let old =
            take_section(&mut roadmap.sections, id).or_else(|| take_section(&mut detached, id));
        if old.is_none() {
            restored.push(*id);
        }
        detached.extend(old);
    }
    for id in activities {
        let _ = take_activity(roadmap, id) || detached.iter_mut().any(|s| take_within(s, id));
    }
    let mut pending = Vec::new();
    for mut old in detached {
        let Some(fresh) = fresh_section(doc, &old.id) else {
            if old.sections.is_empty() && old.activities.is_empty() {
                continue;
            }
            return false;
        };
        pending.push(Pending {
            section: Section {
                sections: std::mem::take(&mut old.sections),
                activities: std::mem::take(&mut old.activities),
                ..fresh.section
            },
            parent: fresh.parent,
            pos: fresh.pos,
        });
    }
    for id in restored {
        if let Some(fresh) = fresh_section(doc, id) {
            let touched =
                |c: &String| sections.contains(&c.as_str()) || activities.contains(&c.as_str());
            if !doc.live_children(id).iter().all(touched) {
                return false;
            }
            pending.push(fresh);
        }
    }
    if !attach_sections(doc, roadmap, pending) {
        return false;
    }
    for id in activities {
        let Some(state) = doc.node_state(NodeKind::Activity, id) else {
            continue;
        };
        if state.deleted {
            continue;
        }
        let Some(activity) = doc.activity(id) else {
            return false;
        };
        let list = match find_section(&mut roadmap.sections, &state.place.parent) {
            Some(s) => &mut s.activities,
            None => &mut roadmap.activities,
        };
        if !insert(
            doc,
            NodeKind::Activity,
            list,
            activity,
            &state.place.pos,
            |a| &a.id,
        ) {
            return false;
        }
    }
    true
}

/// A live section as the document has it now, childless (None if deleted).
fn fresh_section(doc: &Doc, id: &str) -> Option<Pending> {
    let state = doc.node_state(NodeKind::Section, id)?;
    if state.deleted {
        return None;
    }
    Some(Pending {
        section: doc.section(id)?,
        parent: state.place.parent,
        pos: state.place.pos,
    })
}

/// Puts the pending sections into the tree, parents first; a section whose
/// parent is neither in the tree nor pending goes to the top level. False
/// on a cycle.
fn attach_sections(doc: &Doc, roadmap: &mut Roadmap, mut pending: Vec<Pending>) -> bool {
    while !pending.is_empty() {
        let ready = pending.iter().position(|p| {
            !pending
                .iter()
                .any(|q| q.section.id == p.parent && q.section.id != p.section.id)
        });
        let Some(i) = ready else {
            return false;
        };
        let p = pending.swap_remove(i);
        let parent = (p.parent != p.section.id).then_some(p.parent.as_str());
        let list = match parent.and_then(|id| find_section(&mut roadmap.sections, id)) {
            Some(s) => &mut s.sections,
            None => &mut roadmap.sections,
        };
        if !insert(doc, NodeKind::Section, list, p.section, &p.pos, |s| &s.id) {
            return false;
        }
    }
    true
}

/// Inserts `node` among its siblings in order of (position, id), reading
/// the siblings' positions from the document; false if one is missing.
fn insert<T>(
    doc: &Doc,
    kind: NodeKind,
    list: &mut Vec<T>,
    node: T,
    pos: &str,
    id: impl Fn(&T) -> &String,
) -> bool {
    let key = (pos, id(&node).as_str());
    let mut at = list.len();
    for (i, sibling) in list.iter().enumerate() {
        let Some(state) = doc.node_state(kind, id(sibling)) else {
            return false;
        };
        if (state.place.pos.as_str(), id(sibling).as_str()) > key {
            at = i;
            break;
        }
    }
    list.insert(at, node);
    true
}

/// Finds a section anywhere in the tree.
fn find_section<'a>(sections: &'a mut [Section], id: &str) -> Option<&'a mut Section> {
    if id.is_empty() {
        return None;
    }
    for s in sections {
        if s.id == id {
            return Some(s);
        }
        if let Some(found) = find_section(&mut s.sections, id) {
            return Some(found);
        }
    }
    None
}

/// Takes a section (with everything in it) out of the tree.
fn take_section(sections: &mut Vec<Section>, id: &str) -> Option<Section> {
    if let Some(i) = sections.iter().position(|s| s.id == id) {
        return Some(sections.remove(i));
    }
    sections
        .iter_mut()
        .find_map(|s| take_section(&mut s.sections, id))
}

/// Takes an activity out of the roadmap; whether it was there.
fn take_activity(roadmap: &mut Roadmap, id: &str) -> bool {
    if take_from(&mut roadmap.activities, id) {
        return true;
    }
    roadmap.sections.iter_mut().any(|s| take_within(s, id))
}

/// Takes an activity out of a section or the sections below it.
fn take_within(section: &mut Section, id: &str) -> bool {
    take_from(&mut section.activities, id)
        || section.sections.iter_mut().any(|s| take_within(s, id))
}

fn take_from(list: &mut Vec<Activity>, id: &str) -> bool {
    match list.iter().position(|a| a.id == id) {
        Some(i) => {
            list.remove(i);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind;
    use crate::store::write::edit::new_section;

    fn sample() -> Doc {
        crate::sample::document().expect("sample")
    }

    /// Patches a copy of `before` for the touched nodes and checks it
    /// equals a whole read, without falling back.
    fn check(doc: &Doc, before: &Roadmap, sections: &[&str], activities: &[&str]) -> Roadmap {
        let mut roadmap = before.clone();
        assert!(patch(doc, &mut roadmap, sections, activities), "patched");
        assert!(roadmap == doc.roadmap(), "as a whole read");
        roadmap
    }

    #[test]
    fn additions_moves_deletions_and_restorations_patch_in_place() {
        let mut doc = sample();
        let mut roadmap = doc.roadmap();
        let first = roadmap.sections[0].id.clone();
        let second = roadmap.sections[1].id.clone();
        let a = doc
            .add_activity(&first, None, &Activity::default())
            .expect("add");
        roadmap = check(&doc, &roadmap, &[], &[&a]);
        doc.move_node(NodeKind::Activity, &a, &second, None)
            .expect("move");
        roadmap = check(&doc, &roadmap, &[], &[&a]);
        let s = doc
            .add_section(&first, None, &new_section("Новый", SectionKind::Section))
            .expect("section");
        roadmap = check(&doc, &roadmap, &[&s], &[]);
        doc.move_node(NodeKind::Activity, &a, &s, None)
            .expect("into");
        roadmap = check(&doc, &roadmap, &[], &[&a]);
        doc.move_node(NodeKind::Section, &s, &second, None)
            .expect("section moved");
        roadmap = check(&doc, &roadmap, &[&s], &[]);
        doc.set_deleted(NodeKind::Activity, &a, true)
            .expect("delete");
        doc.set_deleted(NodeKind::Section, &s, true)
            .expect("delete");
        roadmap = check(&doc, &roadmap, &[&s], &[&a]);
        doc.set_deleted(NodeKind::Section, &s, false)
            .expect("restore");
        doc.set_deleted(NodeKind::Activity, &a, false)
            .expect("restore");
        check(&doc, &roadmap, &[&s], &[&a]);
    }

    #[test]
    fn a_deleted_section_with_untouched_content_is_left_to_a_whole_read() {
        let mut doc = sample();
        let roadmap = doc.roadmap();
        let first = roadmap.sections[0].id.clone();
        doc.set_deleted(NodeKind::Section, &first, true)
            .expect("delete");
        let mut patched = roadmap.clone();
        assert!(!patch(&doc, &mut patched, &[&first], &[]));
    }
}
