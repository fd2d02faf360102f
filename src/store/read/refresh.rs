//! Bringing a roadmap model up to date after a merge or an applied bundle
//! without reading the whole document again: the changes added since the
//! model was read name the activities, sections, heading and columns they
//! touched (see [`crate::store::history::touched`]); only those are read and patched into
//! the model. Anything the patch cannot do exactly (sections moved, added
//! or deleted, the root rewritten, most of the roadmap touched) falls back
//! to a full read, so the result is always what [`Doc::roadmap`] gives.

use std::collections::{BTreeSet, HashMap};

use automerge::{AutoCommit, ChangeHash, ObjId};

use crate::model::{Roadmap, Section};

use crate::store::Doc;
use crate::store::history::touched::{Locator, Touched};
use crate::store::read::fields::View;
use crate::store::read::placing::patch_activities;
use crate::store::read::{Roots, read_columns, read_meta, read_section};

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

/// Whether touching `n` of `total` activities is better done by a full read.
fn too_many(n: usize, total: usize) -> bool {
    n > total / 3 + 50
}

impl Doc {
    /// Brings `roadmap`, read from this document when its heads were
    /// `before`, up to date with every change added since (by a merge, a
    /// bundle, edits).
    pub fn refresh(&mut self, roadmap: &mut Roadmap, before: &[ChangeHash]) -> Refreshed {
        self.refresh_touched(roadmap, before).0
    }

    /// What the changes added after `heads` touched.
    pub fn touched_since(&mut self, heads: &[ChangeHash]) -> Touched {
        let changes = self.doc.get_changes(heads);
        Locator::new(&self.doc).touched(&changes)
    }

    /// As [`Doc::refresh`], and what the changes touched (everything when
    /// that was not worked out), for bringing other views up to date (see
    /// [`crate::store::exchange::conflicts::update`]).
    pub fn refresh_touched(
        &mut self,
        roadmap: &mut Roadmap,
        before: &[ChangeHash],
    ) -> (Refreshed, Touched) {
        let changes = self.doc.get_changes(before);
        if changes.is_empty() {
            return (Refreshed::Unchanged, Touched::default());
        }
        let ops: usize = changes.iter().map(automerge::Change::len).sum();
        let total = roadmap.activities.len() + count(&roadmap.sections);
        let everything = Touched {
            everything: true,
            ..Touched::default()
        };
        let touched = (ops <= MAX_OPS && !too_many(changes.len(), total))
            .then(|| Locator::new(&self.doc).touched(&changes));
        let patched = touched.as_ref().is_some_and(|touched| {
            !too_many(touched.activities.len(), total) && patch(&self.doc, roadmap, touched, before)
        });
        if patched {
            (Refreshed::Patched, touched.unwrap_or(everything))
        } else {
            *roadmap = self.roadmap();
            (Refreshed::Reread, touched.unwrap_or(everything))
        }
    }
}

/// Patches the touched parts into `roadmap`; false when only a full read
/// will do (the model is then left half-patched for the caller to replace).
fn patch(
    doc: &AutoCommit,
    roadmap: &mut Roadmap,
    touched: &Touched,
    before: &[ChangeHash],
) -> bool {
    let view = View::now(doc);
    let roots = Roots::read(view);
    let (Some(sections), Some(activities)) = (&roots.sections, &roots.activities) else {
        return false;
    };
    let mut places = HashMap::new();
    index_sections(&roadmap.sections, &mut Vec::new(), &mut places);
    if touched.everything
        || roots.id != roadmap.id
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
    let live = |id: &str| places.contains_key(id);
    patch_activities(view, roadmap, activities, &touched.activities, live);
    true
}

/// How many activities the sections hold, subsections included.
fn count(sections: &[Section]) -> usize {
    sections
        .iter()
        .map(|s| s.activities.len() + count(&s.sections))
        .sum()
}

/// Where a section of the model is: indices from the top level down.
struct Place {
    path: Vec<usize>,
}

fn index_sections(list: &[Section], path: &mut Vec<usize>, out: &mut HashMap<String, Place>) {
    for (i, s) in list.iter().enumerate() {
        path.push(i);
        out.insert(s.id.clone(), Place { path: path.clone() });
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
        let read =
            |view: View<'_, AutoCommit>| view.map(map, id).map(|obj| read_section(view, id, &obj));
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
