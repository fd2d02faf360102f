//! Putting touched activities back into a roadmap model: edited ones stay
//! where they are when their position still sorts between their neighbours,
//! the others (added, restored, moved) are taken out and inserted where
//! their position sorts, reading only the positions of the siblings the
//! search looks at. Every list stays sorted by (position, id), as a full
//! read sorts it.

use std::collections::{BTreeSet, HashMap, HashSet};

use automerge::{AutoCommit, ObjId};

use crate::model::{Activity, Roadmap, Section};

use crate::store::read::fields::View;
use crate::store::read::{Placed, get_str, read_placed};
use crate::store::schema::node;

/// Positions of activities, read from the document once each.
struct Positions<'v, 'd> {
    view: View<'d, AutoCommit>,
    map: &'v ObjId,
    known: HashMap<String, String>,
}

impl Positions<'_, '_> {
    fn of(&mut self, id: &str) -> &str {
        if !self.known.contains_key(id) {
            let pos = self
                .view
                .map(self.map, id)
                .map(|obj| get_str(self.view.doc(), &obj, node::POS))
                .unwrap_or_default();
            self.known.insert(id.to_string(), pos);
        }
        self.known.get(id).map_or("", String::as_str)
    }

    /// Whether `a` sorts before `b`.
    fn before(&mut self, a: &str, b: &str) -> bool {
        let pa = self.of(a).to_string();
        (pa.as_str(), a) < (self.of(b), b)
    }
}

/// Patches the activities `ids` of `roadmap` from the activities map `map`;
/// `live` says whether a section id is one of the model's sections.
pub(crate) fn patch_activities(
    view: View<'_, AutoCommit>,
    roadmap: &mut Roadmap,
    map: &ObjId,
    ids: &BTreeSet<String>,
    live: impl Fn(&str) -> bool,
) {
    if ids.is_empty() {
        return;
    }
    let mut fresh: HashMap<String, Placed> = HashMap::new();
    for id in ids {
        let Some(obj) = view.map(map, id) else {
            continue;
        };
        let mut placed = read_placed(view, id, &obj, true);
        if placed.deleted {
            continue;
        }
        if !live(&placed.section) {
            placed.section.clear();
        }
        fresh.insert(id.clone(), placed);
    }
    let mut positions = Positions {
        view,
        map,
        known: fresh
            .iter()
            .map(|(id, p)| (id.clone(), p.pos.clone()))
            .collect(),
    };
    let mut kept = HashSet::new();
    for_each_list(roadmap, &mut |section, list| {
        keep_in_place(section, list, ids, &mut fresh, &mut kept, &mut positions);
    });
    let mut arrivals: HashMap<String, Vec<Activity>> = HashMap::new();
    for (_, placed) in fresh {
        arrivals
            .entry(placed.section)
            .or_default()
            .push(placed.activity);
    }
    for_each_list(roadmap, &mut |section, list| {
        for activity in arrivals.remove(section).unwrap_or_default() {
            let at = list.partition_point(|a| positions.before(&a.id, &activity.id));
            list.insert(at, activity);
        }
    });
}

/// In one list (of section `section`, `""` for the top level): replaces
/// touched activities that are still in this section and still sort
/// between their neighbours, takes the others out (they stay in `fresh`
/// to be inserted).
fn keep_in_place(
    section: &str,
    list: &mut Vec<Activity>,
    ids: &BTreeSet<String>,
    fresh: &mut HashMap<String, Placed>,
    kept: &mut HashSet<String>,
    positions: &mut Positions<'_, '_>,
) {
    if !list.iter().any(|a| ids.contains(&a.id)) {
        return;
    }
    list.retain_mut(|a| {
        if !ids.contains(&a.id) {
            return true;
        }
        match fresh.get(&a.id) {
            Some(p) if p.section == section => {
                kept.insert(a.id.clone());
                true
            }
            _ => false,
        }
    });
    // Kept ones out of order go too, until every kept one sorts between
    // its neighbours (untouched ones keep their order).
    loop {
        let out_of_order = (0..list.len()).find(|&i| {
            kept.contains(&list[i].id)
                && ((i > 0 && !positions.before(&list[i - 1].id, &list[i].id))
                    || (i + 1 < list.len() && !positions.before(&list[i].id, &list[i + 1].id)))
        });
        match out_of_order {
            Some(i) => {
                kept.remove(&list.remove(i).id);
            }
            None => break,
        }
    }
    for a in list.iter_mut() {
        if kept.contains(&a.id)
            && let Some(p) = fresh.remove(&a.id)
        {
            *a = p.activity;
        }
    }
}

/// Calls `f` with every list of activities of the model and the id of the
/// section holding it (`""` for the top level).
fn for_each_list(roadmap: &mut Roadmap, f: &mut impl FnMut(&str, &mut Vec<Activity>)) {
    fn walk(sections: &mut [Section], f: &mut impl FnMut(&str, &mut Vec<Activity>)) {
        for s in sections {
            f(&s.id, &mut s.activities);
            walk(&mut s.sections, f);
        }
    }
    f("", &mut roadmap.activities);
    walk(&mut roadmap.sections, f);
}
