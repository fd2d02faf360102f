//! The titles of the deadline view's groups.

use crate::i18n::Lang;
use crate::model::DeadlineGroup;

/// The title of a deadline group.
pub fn group_title(group: DeadlineGroup, lang: Lang) -> &'static str {
    match group {
        DeadlineGroup::Overdue => lang.t("Просрочено", "Overdue"),
        DeadlineGroup::Soon => lang.t("Ближайшие 30 дней", "Next 30 days"),
        DeadlineGroup::Later => lang.t("Позже", "Later"),
        DeadlineGroup::Past => lang.t(
            "Срок прошёл, выполнено или отменено",
            "Past, done or cancelled",
        ),
        DeadlineGroup::Recurring => lang.t("Регулярные", "Recurring"),
        DeadlineGroup::Event => lang.t("По событию", "Event-driven"),
        DeadlineGroup::Continuous => lang.t("Постоянно", "Continuous"),
        DeadlineGroup::Unknown => lang.t("Срок не распознан", "Not understood"),
        DeadlineGroup::Missing => lang.t("Без срока", "No deadline"),
    }
}
