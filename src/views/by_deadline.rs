//! The roadmap by deadline: overdue, next 30 days, later, recurring (with the
//! next occurrence), event-driven, continuous, not understood, none.

use chrono::NaiveDate;

use crate::model::deadline::{Deadline, DeadlineGroup, Span};
use crate::model::{Roadmap, deadline};

use super::{Item, items};

/// The groups in the order they are shown.
pub const GROUPS: [DeadlineGroup; 9] = [
    DeadlineGroup::Overdue,
    DeadlineGroup::Soon,
    DeadlineGroup::Later,
    DeadlineGroup::Recurring,
    DeadlineGroup::Event,
    DeadlineGroup::Continuous,
    DeadlineGroup::Unknown,
    DeadlineGroup::Missing,
    DeadlineGroup::Past,
];

/// An activity with its deadline read.
#[derive(Debug)]
pub struct Dated<'a> {
    /// The activity.
    pub item: Item<'a>,
    /// Its deadline.
    pub deadline: Deadline,
    /// For recurring deadlines, the next window.
    pub next: Option<Span>,
}

/// The activities of each group on `today`, groups in [`GROUPS`] order
/// (empty groups included); within a group by due date, then document order.
pub fn group(roadmap: &Roadmap, today: NaiveDate) -> Vec<(DeadlineGroup, Vec<Dated<'_>>)> {
    let ctx = roadmap.deadline_context();
    let mut groups: Vec<(DeadlineGroup, Vec<Dated<'_>>)> =
        GROUPS.iter().map(|g| (*g, Vec::new())).collect();
    for item in items(roadmap) {
        let d = deadline::parse(&item.activity.deadline, &ctx);
        let g = d.group(today, item.activity.status.is_open());
        let next = d.next_occurrence(today);
        if let Some((_, list)) = groups.iter_mut().find(|(k, _)| *k == g) {
            list.push(Dated {
                item,
                deadline: d,
                next,
            });
        }
    }
    for (_, list) in &mut groups {
        list.sort_by_key(|x| x.next.map(|s| s.end).or(x.deadline.end));
    }
    groups
}
