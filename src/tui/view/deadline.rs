//! Activities by where their deadline stands today: overdue, the next 30
//! days, later, recurring (with the next occurrence), event-driven,
//! continuous, not understood, none, past.

use crate::i18n::Lang;
use crate::present::group_title;
use crate::views::by_deadline::GROUPS;

use super::super::ids::GroupKey;
use super::super::rows::{Row, Source};
use super::View;

/// The view by deadline.
pub struct Deadline;

impl View for Deadline {
    fn name(&self) -> &'static str {
        "deadline"
    }

    fn title(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "deadline-by-deadline")
    }

    fn describe(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "deadline-view-by-deadline")
    }

    fn rows(&self, source: &Source) -> Vec<Row> {
        rows(source)
    }

    fn shows_next_occurrence(&self) -> bool {
        true
    }
}

fn rows(source: &Source) -> Vec<Row> {
    let Source {
        catalog,
        passing,
        lang,
        ..
    } = source;
    let mut rows = Vec::new();
    for group in GROUPS {
        let mut entries: Vec<usize> = (0..catalog.entries.len())
            .filter(|i| passing[*i] && catalog.entries[*i].group == group)
            .collect();
        if entries.is_empty() {
            continue;
        }
        entries.sort_by_key(|i| {
            let e = &catalog.entries[*i];
            e.next.map(|s| s.end).or(e.deadline.end)
        });
        let title = format!("{} — {}", group_title(group, *lang), entries.len());
        source.push_group(&mut rows, GroupKey::Deadline(group), title, entries);
    }
    rows
}
