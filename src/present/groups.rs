//! The titles of the deadline view's groups.

use crate::i18n::Lang;
use crate::model::DeadlineGroup;

/// The title of a deadline group.
pub fn group_title(group: DeadlineGroup, lang: Lang) -> String {
    match group {
        DeadlineGroup::Overdue => crate::tr!(lang, "groups-overdue"),
        DeadlineGroup::Soon => crate::tr!(lang, "groups-next-30-days"),
        DeadlineGroup::Later => crate::tr!(lang, "groups-later"),
        DeadlineGroup::Past => crate::tr!(lang, "groups-past-done-or-cancelled"),
        DeadlineGroup::Recurring => crate::tr!(lang, "groups-recurring"),
        DeadlineGroup::Event => crate::tr!(lang, "groups-event-driven"),
        DeadlineGroup::Continuous => crate::tr!(lang, "groups-continuous"),
        DeadlineGroup::Unknown => crate::tr!(lang, "groups-not-understood"),
        DeadlineGroup::Missing => crate::tr!(lang, "groups-no-deadline"),
    }
}
