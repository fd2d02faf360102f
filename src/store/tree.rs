//! The section tree of a roadmap, built from sections and activities read
//! one by one: sections whose parent is missing or deleted, or that sit on a
//! cycle, are put at the top level.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::{Activity, Section};

/// A section read from the document, before the tree is built.
pub(crate) struct Node {
    /// Parent section id (`""`: top level).
    pub parent: String,
    /// Position among siblings.
    pub pos: String,
    /// The section's own fields (no children yet).
    pub section: Section,
}

/// Builds the section tree. Sections whose parent is missing, deleted or part
/// of a cycle (concurrent moves can make one) are put at the top level.
pub(crate) fn build_tree(
    nodes: &mut HashMap<String, Node>,
    activities: &mut HashMap<String, Vec<Activity>>,
) -> Vec<Section> {
    let mut children: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut roots: Vec<(String, String)> = Vec::new();
    for (id, n) in nodes.iter() {
        if n.parent.is_empty() || !nodes.contains_key(&n.parent) || n.parent == *id {
            roots.push((n.pos.clone(), id.clone()));
        } else {
            children
                .entry(n.parent.clone())
                .or_default()
                .push((n.pos.clone(), id.clone()));
        }
    }
    // Sections unreachable from the roots sit on a cycle: lift the smallest id
    // of each cycle to the top level until everything is reachable.
    loop {
        let reachable = reachable_from(&roots, &children);
        let mut stranded: Vec<&String> =
            nodes.keys().filter(|id| !reachable.contains(*id)).collect();
        if stranded.is_empty() {
            break;
        }
        stranded.sort();
        let lifted = stranded[0].clone();
        if let Some(n) = nodes.get(&lifted) {
            if let Some(list) = children.get_mut(&n.parent) {
                list.retain(|(_, id)| *id != lifted);
            }
            roots.push((n.pos.clone(), lifted));
        }
    }
    assemble(&mut roots, nodes, &mut children, activities)
}

fn reachable_from(
    roots: &[(String, String)],
    children: &BTreeMap<String, Vec<(String, String)>>,
) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut stack: Vec<&String> = roots.iter().map(|(_, id)| id).collect();
    while let Some(id) = stack.pop() {
        if seen.insert(id.clone())
            && let Some(list) = children.get(id)
        {
            stack.extend(list.iter().map(|(_, c)| c));
        }
    }
    seen
}

fn assemble(
    list: &mut [(String, String)],
    nodes: &mut HashMap<String, Node>,
    children: &mut BTreeMap<String, Vec<(String, String)>>,
    activities: &mut HashMap<String, Vec<Activity>>,
) -> Vec<Section> {
    list.sort();
    let mut out = Vec::with_capacity(list.len());
    for (_, id) in list.iter() {
        let Some(node) = nodes.remove(id) else {
            continue;
        };
        let mut section = node.section;
        section.activities = activities.remove(id).unwrap_or_default();
        if let Some(mut kids) = children.remove(id) {
            section.sections = assemble(&mut kids, nodes, children, activities);
        }
        out.push(section);
    }
    out
}
