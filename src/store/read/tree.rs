//! The section tree of a roadmap, built from sections and activities read
//! one by one, in time linear in their number and without recursion (a
//! crafted document may nest sections thousands deep):
//!
//! - a section whose parent is missing, deleted or itself is put at the top
//!   level;
//! - sections on a parent cycle (concurrent moves can make one) are broken
//!   deterministically: the smallest id of each cycle goes to the top level;
//! - sections nested deeper than [`MAX_DEPTH`] levels are shown at that
//!   level, under their ancestor one level up, in depth-first order.

use std::collections::HashMap;

use crate::model::{Activity, MAX_DEPTH, Section};

/// A section read from the document, before the tree is built.
pub(crate) struct Node {
    /// Parent section id (`""`: top level).
    pub parent: String,
    /// Position among siblings.
    pub pos: String,
    /// The section's own fields (no children yet).
    pub section: Section,
}

/// Builds the section tree (see the module's rules).
pub(crate) fn build_tree(
    nodes: &mut HashMap<String, Node>,
    activities: &mut HashMap<String, Vec<Activity>>,
) -> Vec<Section> {
    let shape = Shape::of(nodes);
    let order: Vec<String> = shape.order.iter().map(|id| id.to_string()).collect();
    let (children, roots) = (shape.children, shape.roots);
    let mut built: Vec<Option<Section>> = order
        .iter()
        .map(|id| {
            nodes.remove(id).map(|mut n| {
                n.section.activities = activities.remove(id).unwrap_or_default();
                n.section
            })
        })
        .collect();
    // Children come after their parent in depth-first order: fill them in
    // from the last one up, so that every child is whole when taken.
    for i in (0..built.len()).rev() {
        let kids: Vec<Section> = children[i]
            .iter()
            .filter_map(|&c| built[c].take())
            .collect();
        if let Some(s) = built[i].as_mut() {
            s.sections = kids;
        }
    }
    roots.iter().filter_map(|&r| built[r].take()).collect()
}

/// How deep the sections of `nodes` nest (1: all at the top level; 0: no
/// sections), before any flattening.
pub(crate) fn nesting(nodes: &HashMap<String, Node>) -> usize {
    Shape::of(nodes).deepest
}

/// Where every section is shown, by index into `order`.
struct Shape<'a> {
    /// Section ids in depth-first order.
    order: Vec<&'a str>,
    /// The sections shown under each one, in order.
    children: Vec<Vec<usize>>,
    /// The top-level sections, in order.
    roots: Vec<usize>,
    /// The deepest level any section sits at (uncapped).
    deepest: usize,
}

impl<'a> Shape<'a> {
    fn of(nodes: &'a HashMap<String, Node>) -> Shape<'a> {
        let parents = effective_parents(nodes);
        let mut kids: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        let mut tops: Vec<(&str, &str)> = Vec::new();
        for (id, n) in nodes {
            let entry = (n.pos.as_str(), id.as_str());
            match parents.get(id.as_str()) {
                Some(parent) => kids.entry(parent).or_default().push(entry),
                None => tops.push(entry),
            }
        }
        tops.sort_unstable();
        for list in kids.values_mut() {
            list.sort_unstable();
        }
        let mut shape = Shape {
            order: Vec::with_capacity(nodes.len()),
            children: Vec::with_capacity(nodes.len()),
            roots: Vec::with_capacity(tops.len()),
            deepest: 0,
        };
        // Depth-first walk with an explicit stack of (id, depth); `shown`
        // holds the index of the section shown at each level on the path.
        let mut stack: Vec<(&str, usize)> = tops.iter().rev().map(|(_, id)| (*id, 1)).collect();
        let mut shown: Vec<usize> = Vec::new();
        while let Some((id, depth)) = stack.pop() {
            let index = shape.order.len();
            shape.order.push(id);
            shape.children.push(Vec::new());
            shape.deepest = shape.deepest.max(depth);
            let level = depth.min(MAX_DEPTH);
            shown.truncate(level - 1);
            match shown.last() {
                Some(&parent) => shape.children[parent].push(index),
                None => shape.roots.push(index),
            }
            shown.push(index);
            if let Some(list) = kids.get(id) {
                stack.extend(list.iter().rev().map(|(_, c)| (*c, depth + 1)));
            }
        }
        shape
    }
}

/// The parent each section is shown under (absent: the top level): its
/// stored parent, unless that is missing or itself, or the section is the
/// smallest id of a parent cycle.
fn effective_parents(nodes: &HashMap<String, Node>) -> HashMap<&str, &str> {
    let mut parents: HashMap<&str, &str> = nodes
        .iter()
        .filter(|(id, n)| !n.parent.is_empty() && n.parent != **id && nodes.contains_key(&n.parent))
        .map(|(id, n)| (id.as_str(), n.parent.as_str()))
        .collect();
    // Each section has at most one parent, so following parents from any
    // section either reaches the top level or runs into one cycle. Each
    // section is walked over once: `on_path` marks it as on the current
    // walk (true) or finished (false).
    let mut on_path: HashMap<&str, bool> = HashMap::with_capacity(nodes.len());
    let mut lifted = Vec::new();
    for start in nodes.keys() {
        let mut path = Vec::new();
        let mut at = Some(start.as_str());
        while let Some(id) = at {
            match on_path.get(id) {
                Some(false) => break,
                Some(true) => {
                    // Back at a section of this walk: the path from it on
                    // is a cycle.
                    let from = path.iter().position(|p| *p == id).unwrap_or(0);
                    if let Some(smallest) = path[from..].iter().min() {
                        lifted.push(*smallest);
                    }
                    break;
                }
                None => {}
            }
            on_path.insert(id, true);
            path.push(id);
            at = parents.get(id).copied();
        }
        for id in path {
            on_path.insert(id, false);
        }
    }
    for id in lifted {
        parents.remove(id);
    }
    parents
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(list: &[Section]) -> Vec<&str> {
        list.iter().map(|s| s.id.as_str()).collect()
    }

    fn node(id: &str, parent: &str) -> (String, Node) {
        (
            id.to_string(),
            Node {
                parent: parent.to_string(),
                pos: "m".to_string(),
                section: Section {
                    id: id.to_string(),
                    ..Section::default()
                },
            },
        )
    }

    fn tree(list: &[(&str, &str)]) -> Vec<Section> {
        let mut nodes: HashMap<String, Node> = list.iter().map(|(i, p)| node(i, p)).collect();
        build_tree(&mut nodes, &mut HashMap::new())
    }

    #[test]
    fn missing_and_self_parents_go_to_the_top() {
        let t = tree(&[("a", ""), ("b", "a"), ("c", "gone"), ("d", "d")]);
        assert_eq!(sorted(&t), ["a", "c", "d"]);
        assert_eq!(sorted(&t[0].sections), ["b"]);
    }

    #[test]
    fn the_smallest_id_of_a_cycle_goes_to_the_top() {
        // The parents of x, y, z make a cycle; "a" hangs below it and has
        // the smallest id of all, but is not on the cycle.
        let t = tree(&[("z", "y"), ("y", "x"), ("x", "z"), ("a", "y")]);
        assert_eq!(sorted(&t), ["x"]);
        let y = &t[0].sections[0];
        assert_eq!(y.id, "y");
        assert_eq!(sorted(&y.sections), ["a", "z"]);
        assert!(y.sections[1].sections.is_empty());
    }

    #[test]
    fn deep_nesting_is_flattened_at_the_limit() {
        let ids: Vec<String> = (0..MAX_DEPTH + 5).map(|i| format!("s{i:03}")).collect();
        let list: Vec<(&str, &str)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), if i == 0 { "" } else { ids[i - 1].as_str() }))
            .collect();
        let mut nodes: HashMap<String, Node> = list.iter().map(|(i, p)| node(i, p)).collect();
        assert_eq!(nesting(&nodes), MAX_DEPTH + 5);
        let t = build_tree(&mut nodes, &mut HashMap::new());
        let mut level = &t;
        for _ in 0..MAX_DEPTH - 2 {
            assert_eq!(level.len(), 1);
            level = &level[0].sections;
        }
        // Level MAX_DEPTH - 1 holds the rest, one after another.
        assert_eq!(level.len(), 1);
        let last: Vec<&str> = sorted(&level[0].sections);
        assert_eq!(last.len(), 6);
        assert_eq!(last[0], ids[MAX_DEPTH - 1]);
        assert!(level[0].sections.iter().all(|s| s.sections.is_empty()));
    }
}
