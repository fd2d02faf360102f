//! Hierarchical renumbering of sections and activities.

use automerge::ROOT;
use automerge::transaction::Transactable;

use crate::model::Section;
use crate::model::numbering;

use crate::store::read::get_map;
use crate::store::{Doc, StoreError, schema};

impl Doc {
    /// Numbers sections and activities hierarchically ("1.", "1.1.",
    /// "1.1.1.") in document order, as one change. Stage sections keep no
    /// number; their activities continue the numbering of the system.
    /// Returns how many numbers changed.
    pub fn renumber(&mut self) -> Result<usize, StoreError> {
        let roadmap = self.roadmap();
        let mut plan: Vec<(&'static str, String, String)> = Vec::new();
        let mut n = 0;
        for a in &roadmap.activities {
            n += 1;
            plan.push((schema::K_ACTIVITIES, a.id.clone(), format!("{n}.")));
        }
        for (i, s) in roadmap.sections.iter().enumerate() {
            number_section(s, &format!("{}.", i + 1), &mut plan);
        }
        let doc = self.automerge_mut();
        let mut changed = 0;
        for (map_key, id, number) in plan {
            let map = get_map(doc, &ROOT, map_key).ok_or_else(|| {
                StoreError::NotFound(crate::msg!("document-lacks", key = map_key))
            })?;
            let Some(obj) = get_map(doc, &map, &id) else {
                continue;
            };
            if crate::store::read::get_str(doc, &obj, schema::node::NUMBER) != number {
                doc.put(&obj, schema::node::NUMBER, number)?;
                changed += 1;
            }
        }
        if changed > 0 {
            self.commit("renumber");
        }
        Ok(changed)
    }
}

fn number_section(s: &Section, number: &str, plan: &mut Vec<(&'static str, String, String)>) {
    plan.push((schema::K_SECTIONS, s.id.clone(), number.to_string()));
    let mut level = Levels::default();
    number_children(s, number, &mut level, plan);
}

/// The running numbers below one section: a counter per level of
/// sub-items ("10.3." then its sub-item "10.3.1."), and the old number of
/// the item before, which tells whether the next one was written one level
/// deeper.
#[derive(Default)]
struct Levels {
    counters: Vec<u64>,
    previous: Vec<u64>,
}

impl Levels {
    /// The next number at the depth `old` (an item's number as written)
    /// had relative to the item before it: a sub-item stays a sub-item.
    fn next(&mut self, old: &str) -> Vec<u64> {
        let old = numbering::parts(old);
        let depth = self.counters.len();
        let prev = &self.previous;
        let wanted = if old.is_empty() || prev.is_empty() || depth == 0 {
            1
        } else if old.len() > prev.len() && old.starts_with(prev) {
            depth + old.len() - prev.len()
        } else {
            (depth + old.len()).saturating_sub(prev.len()).max(1)
        };
        let wanted = wanted.min(depth + 1);
        self.counters.truncate(wanted);
        if self.counters.len() == wanted {
            if let Some(last) = self.counters.last_mut() {
                *last += 1;
            }
        } else {
            self.counters.push(1);
        }
        if !old.is_empty() {
            self.previous = old;
        }
        self.counters.clone()
    }

    /// The next number of a sub-section: always one level below.
    fn next_section(&mut self) -> u64 {
        self.counters.truncate(1);
        match self.counters.first_mut() {
            Some(first) => *first += 1,
            None => self.counters.push(1),
        }
        self.previous.clear();
        self.counters[0]
    }
}

/// Numbers activities then sub-sections; stages are transparent. Activities
/// written as sub-items of the one before ("10.3.1." after "10.3.") stay
/// sub-items.
fn number_children(
    s: &Section,
    prefix: &str,
    level: &mut Levels,
    plan: &mut Vec<(&'static str, String, String)>,
) {
    for a in &s.activities {
        let parts = level.next(&a.number);
        plan.push((
            schema::K_ACTIVITIES,
            a.id.clone(),
            format!("{prefix}{}", numbering::write(&parts)),
        ));
    }
    for c in &s.sections {
        if c.kind == crate::model::SectionKind::Stage {
            plan.push((schema::K_SECTIONS, c.id.clone(), String::new()));
            number_children(c, prefix, level, plan);
        } else {
            let n = level.next_section();
            number_section(c, &format!("{prefix}{n}."), plan);
        }
    }
}
