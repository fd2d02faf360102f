//! The section tree as the roadmap has it: mechanisms, their systems and
//! the management-cycle stages, each with its activities.

use std::collections::HashMap;

use crate::i18n::Lang;

use super::super::ids::{FoldKey, SectionId};
use super::super::rows::{Row, Source};
use super::View;

/// The view by mechanism.
pub struct Mechanism;

impl View for Mechanism {
    fn name(&self) -> &'static str {
        "mechanism"
    }

    fn title(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "mechanism-by-mechanism")
    }

    fn describe(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "mechanism-view-by-mechanism")
    }

    fn rows(&self, source: &Source) -> Vec<Row> {
        rows(source)
    }
}

fn rows(source: &Source) -> Vec<Row> {
    let Source {
        catalog,
        folded,
        filter,
        passing,
        ..
    } = source;
    let mut by_section: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in catalog.entries.iter().enumerate() {
        if passing[i] {
            by_section.entry(e.section.as_str()).or_default().push(i);
        }
    }
    let visible_count = |id: &str| -> usize {
        catalog
            .subtree(id)
            .iter()
            .map(|s| by_section.get(s.as_str()).map_or(0, Vec::len))
            .sum()
    };
    let mut rows = Vec::new();
    for &i in by_section.get("").map(Vec::as_slice).unwrap_or(&[]) {
        rows.push(Row::Activity { entry: i, depth: 0 });
    }
    let mut hidden_below: Option<usize> = None;
    for (index, s) in catalog.sections.iter().enumerate() {
        if let Some(depth) = hidden_below {
            if s.depth > depth {
                continue;
            }
            hidden_below = None;
        }
        if filter.is_active() && visible_count(&s.section.id) == 0 {
            hidden_below = Some(s.depth);
            continue;
        }
        let is_folded = folded.contains(&FoldKey::Section(SectionId(s.section.id.clone())));
        rows.push(Row::Section {
            section: index,
            folded: is_folded,
        });
        if is_folded {
            hidden_below = Some(s.depth);
            continue;
        }
        for &i in by_section
            .get(s.section.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            rows.push(Row::Activity {
                entry: i,
                depth: s.depth + 1,
            });
        }
    }
    rows
}
