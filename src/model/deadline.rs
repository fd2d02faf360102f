//! Deadlines (сроки) as written in roadmaps, and what they mean.
//!
//! The text is always kept exactly as written; [`parse`] adds its meaning so
//! the deadline view can tell what is overdue. Anything not understood is
//! [`DeadlineKind::Unknown`], never a silent guess.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Period;

/// What a deadline phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// By a day: "до 01.03.22", "до 1 февраля 2024".
    Date,
    /// Within a span: "Декабрь 2021", "Декабрь 2021 – май 2022", "2020-2021".
    Period,
    /// Again and again: "Ежегодно", "Декабрь Июнь", "По итогам учебного года".
    Recurring,
    /// Tied to an event, no date: "По итогам проведения", "По плану".
    Event,
    /// All the time: "Постоянно", "В течение года".
    Continuous,
    /// Not understood (or empty); the text stays as written.
    Unknown,
}

impl DeadlineKind {
    /// The stable name used in JSON: `date`, `period`, `recurring`, `event`,
    /// `continuous`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::Date => "date",
            DeadlineKind::Period => "period",
            DeadlineKind::Recurring => "recurring",
            DeadlineKind::Event => "event",
            DeadlineKind::Continuous => "continuous",
            DeadlineKind::Unknown => "unknown",
        }
    }
}

/// What a year-less phrase needs to be read: the roadmap's period and the date
/// it was approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeadlineContext {
    /// The roadmap's period, if known.
    pub period: Option<Period>,
    /// The approval date, if known: a year-less single deadline is read as the
    /// first one on or after it.
    pub anchor: Option<NaiveDate>,
}

/// An inclusive span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// A deadline: the text as written and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// Exactly as written.
    pub text: String,
    /// What it means.
    pub kind: DeadlineKind,
    /// First day of the span (None for a plain date and for undated kinds).
    pub start: Option<NaiveDate>,
    /// Last day by which it is due (None for undated kinds).
    pub end: Option<NaiveDate>,
    /// True when the reading corrects or infers something ("Декабрь 202-").
    pub guess: bool,
    /// For recurring deadlines, every window inside the roadmap's period.
    pub occurrences: Vec<Span>,
}

/// Where an activity stands in the deadline view on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineGroup {
    /// Due date passed and the activity is still open.
    Overdue,
    /// Due within the next 30 days.
    Soon,
    /// Due later than 30 days from now.
    Later,
    /// Due date passed and the activity is done or cancelled.
    Past,
    /// Recurring; shown with its next occurrence.
    Recurring,
    /// Tied to an event.
    Event,
    /// Continuous.
    Continuous,
    /// Written but not understood.
    Unknown,
    /// No deadline written at all.
    Missing,
}

/// Reads a deadline phrase. Never panics, whatever the text.
pub fn parse(text: &str, ctx: &DeadlineContext) -> Deadline {
    let _ = ctx;
    Deadline {
        text: text.to_string(),
        kind: DeadlineKind::Unknown,
        start: None,
        end: None,
        guess: false,
        occurrences: Vec::new(),
    }
}

impl Deadline {
    /// The first occurrence that has not ended before `today`, for recurring
    /// deadlines.
    pub fn next_occurrence(&self, today: NaiveDate) -> Option<Span> {
        self.occurrences.iter().copied().find(|s| s.end >= today)
    }

    /// The group of the deadline view this deadline falls in on `today`;
    /// `open` says whether the activity still has to be done.
    pub fn group(&self, today: NaiveDate, open: bool) -> DeadlineGroup {
        let _ = (today, open);
        DeadlineGroup::Unknown
    }
}
