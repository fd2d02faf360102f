//! Hierarchical renumbering of sections and activities.

use automerge::ROOT;
use automerge::transaction::Transactable;

use crate::model::Section;

use super::read::get_map;
use super::{Doc, StoreError, schema};

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
            let map = get_map(doc, &ROOT, map_key)
                .ok_or_else(|| StoreError::NotFound(format!("the document has no {map_key}")))?;
            let Some(obj) = get_map(doc, &map, &id) else {
                continue;
            };
            if super::read::get_str(doc, &obj, schema::node::NUMBER) != number {
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
    let mut child = 0;
    number_children(s, number, &mut child, plan);
}

/// Numbers activities then sub-sections; stages are transparent.
fn number_children(
    s: &Section,
    prefix: &str,
    child: &mut usize,
    plan: &mut Vec<(&'static str, String, String)>,
) {
    for a in &s.activities {
        *child += 1;
        plan.push((
            schema::K_ACTIVITIES,
            a.id.clone(),
            format!("{prefix}{child}."),
        ));
    }
    for c in &s.sections {
        if c.kind == crate::model::SectionKind::Stage {
            plan.push((schema::K_SECTIONS, c.id.clone(), String::new()));
            number_children(c, prefix, child, plan);
        } else {
            *child += 1;
            number_section(c, &format!("{prefix}{child}."), plan);
        }
    }
}
