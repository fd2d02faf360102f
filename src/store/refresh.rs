//! Bringing a roadmap model up to date after a merge or an applied bundle
//! without reading the whole document again: the changes added since the
//! model was read name the activities, sections, heading and columns they
//! touched (see [`super::touched`]); only those are read and patched into
//! the model. Anything the patch cannot do exactly (sections moved, added
//! or deleted, the root rewritten, most of the roadmap touched) falls back
//! to a full read, so the result is always what [`Doc::roadmap`] gives.

use std::collections::{BTreeSet, HashMap};

use automerge::{AutoCommit, ChangeHash, ObjId};

use crate::model::{Activity, Roadmap, Section};

use super::Doc;
use super::fields::View;
use super::read::{Roots, get_str, read_columns, read_meta, read_placed, read_section};
use super::schema::node;
use super::touched::{Locator, Touched};

/// How [`Doc::refresh`] brought the model up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refreshed {
    /// Nothing was added since; the model was left alone.
    Unchanged,
    /// Only the touched parts were read and patched in.
    Patched,
    /// The whole roadmap was read again.
    Reread,
}

/// More operations than this in the added changes: read everything again.
const MAX_OPS: usize = 200_000;

impl Doc {
    /// Brings `roadmap`, read from this document when its heads were
    /// `before`, up to date with every change added since (by a merge, a
    /// bundle, edits).
    pub fn refresh(&mut self, roadmap: &mut Roadmap, before: &[ChangeHash]) -> Refreshed {
        let changes = self.doc.get_changes(before);
        if changes.is_empty() {
            return Refreshed::Unchanged;
        }
        let ops: usize = changes.iter().map(automerge::Change::len).sum();
        let patched = ops <= MAX_OPS && {
            let touched = Locator::new(&self.doc).touched(&changes);
            patch(&self.doc, roadmap, &touched, before)
        };
        if patched {
            Refreshed::Patched
        } else {
            *roadmap = self.roadmap();
            Refreshed::Reread
        }
    }
}

/// Patches the touched parts into `roadmap`; false when only a full read
/// will do (the model is then left half-patched for the caller to replace).
fn patch(doc: &AutoCommit, roadmap: &mut Roadmap, touched: &Touched, before: &[ChangeHash]) -> bool {
    let view = View::now(doc);
    let roots = Roots::read(view);
    let (Some(sections), Some(activities)) = (&roots.sections, &roots.activities) else {
        return false;
    };
    let mut places = HashMap::new();
    index_sections(&roadmap.sections, &mut Vec::new(), &mut places);
    let total = places.values().map(|p: &Place| p.activities).sum::<usize>() + roadmap.activities.len();
    if touched.everything
        || roots.id != roadmap.id
        || touched.activities.len() > total / 3 + 50
        || !patch_sections(doc, roadmap, &places, sections, &touched.sections, before)
    {
        return false;
    }
    if touched.meta {
        roadmap.meta = roots.meta.map(|o| read_meta(view, &o)).unwrap_or_default();
    }
    if touched.columns {
        roadmap.columns = roots
            .columns
            .map(|o| read_columns(view, &o))
            .unwrap_or_default();
    }
    patch_activities(view, roadmap, &places, activities, &touched.activities);
    true
}

/// Where a section of the model is: indices from the top level down.
struct Place {
    path: Vec<usize>,
    activities: usize,
}

fn index_sections(list: &[Section], path: &mut Vec<usize>, out: &mut HashMap<String, Place>) {
    for (i, s) in list.iter().enumerate() {
        path.push(i);
        out.insert(
            s.id.clone(),
            Place {
                path: path.clone(),
                activities: s.activities.len(),
            },
        );
        index_sections(&s.sections, path, out);
        path.pop();
    }
}

fn section_mut<'r>(roadmap: &'r mut Roadmap, path: &[usize]) -> Option<&'r mut Section> {
    let (first, rest) = path.split_first()?;
    let mut section = roadmap.sections.get_mut(*first)?;
    for i in rest {
        section = section.sections.get_mut(*i)?;
    }
    Some(section)
}

/// The list of activities of section `id` (`""`: the top level).
fn list_mut<'r>(
    roadmap: &'r mut Roadmap,
    places: &HashMap<String, Place>,
    id: &str,
) -> Option<&'r mut Vec<Activity>> {
    if id.is_empty() {
        return Some(&mut roadmap.activities);
    }
    let place = places.get(id)?;
    section_mut(roadmap, &place.path).map(|s| &mut s.activities)
}

/// Updates touched sections whose place did not change; false when one
/// was added, deleted, restored or moved.
fn patch_sections(
    doc: &AutoCommit,
    roadmap: &mut Roadmap,
    places: &HashMap<String, Place>,
    map: &ObjId,
    ids: &BTreeSet<String>,
    before: &[ChangeHash],
) -> bool {
    let (now, then) = (View::now(doc), View::at(doc, before));
    for id in ids {
        let read = |view: View<'_, AutoCommit>| {
            view.map(map, id).map(|obj| read_section(view, id, &obj))
        };
        let (Some((new, deleted)), Some((old, was_deleted))) = (read(now), read(then)) else {
            return false;
        };
        if deleted != was_deleted || new.parent != old.parent || new.pos != old.pos {
            return false;
        }
        let Some(section) = places.get(id).and_then(|p| section_mut(roadmap, &p.path)) else {
            // Deleted before and still deleted (or hidden): nothing shows.
            if deleted {
                continue;
            }
            return false;
        };
        let fresh = new.section;
        section.number = fresh.number;
        section.title = fresh.title;
        section.kind = fresh.kind;
        section.stage = fresh.stage;
        section.responsible = fresh.responsible;
    }
    true
}

/// Takes the touched activities out of the model and puts back the live
/// ones, each in its section's list at the place of its position.
fn patch_activities(
    view: View<'_, AutoCommit>,
    roadmap: &mut Roadmap,
    places: &HashMap<String, Place>,
    map: &ObjId,
    ids: &BTreeSet<String>,
) {
    if ids.is_empty() {
        return;
    }
    roadmap.activities.retain(|a| !ids.contains(&a.id));
    for place in places.values() {
        if let Some(section) = section_mut(roadmap, &place.path) {
            section.activities.retain(|a| !ids.contains(&a.id));
        }
    }
    let mut arrivals: HashMap<String, Vec<(String, Activity)>> = HashMap::new();
    for id in ids {
        let Some(obj) = view.map(map, id) else {
            continue;
        };
        let mut placed = read_placed(view, id, &obj, true);
        if placed.deleted {
            continue;
        }
        if !places.contains_key(&placed.section) {
            placed.section.clear();
        }
        arrivals
            .entry(placed.section)
            .or_default()
            .push((placed.pos, placed.activity));
    }
    let mut positions: HashMap<String, String> = HashMap::new();
    for (section, mut list) in arrivals {
        list.sort_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
        let Some(target) = list_mut(roadmap, places, &section) else {
            continue;
        };
        for (pos, activity) in list {
            let at = target.partition_point(|sibling| {
                let sibling_pos = positions
                    .entry(sibling.id.clone())
                    .or_insert_with(|| stored_pos(view, map, &sibling.id));
                (&*sibling_pos, &sibling.id) < (&pos, &activity.id)
            });
            positions.insert(activity.id.clone(), pos);
            target.insert(at, activity);
        }
    }
}

fn stored_pos(view: View<'_, AutoCommit>, map: &ObjId, id: &str) -> String {
    view.map(map, id)
        .map(|obj| get_str(view.doc(), &obj, node::POS))
        .unwrap_or_default()
}
