//! Deadlines (сроки) as written in roadmaps, and what they mean.
//!
//! The text is always kept exactly as written; [`parse`] adds its meaning so
//! the deadline view can tell what is overdue. Anything not understood is
//! [`DeadlineKind::Unknown`], never a silent guess.

mod calendar;
mod grammar;
mod items;
mod lexer;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Period;

/// Longer cells are not read: no real deadline runs to pages.
const MAX_PHRASE_CHARS: usize = 2000;

/// How many days ahead count as "soon".
pub const SOON_DAYS: i64 = 30;

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
    let meaning = if text.trim().is_empty() || text.chars().count() > MAX_PHRASE_CHARS {
        None
    } else {
        grammar::read(text, ctx)
    };
    let meaning = meaning.unwrap_or_else(Meaning::unknown);
    Deadline {
        text: text.to_string(),
        kind: meaning.kind,
        start: meaning.start,
        end: meaning.end,
        guess: meaning.guess,
        occurrences: meaning.occurrences,
    }
}

/// What one phrase (or a whole cell) means, before the text is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Meaning {
    kind: DeadlineKind,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    guess: bool,
    occurrences: Vec<Span>,
}

impl Meaning {
    fn unknown() -> Meaning {
        Meaning {
            kind: DeadlineKind::Unknown,
            start: None,
            end: None,
            guess: false,
            occurrences: Vec::new(),
        }
    }

    /// Due by a day.
    fn date(day: NaiveDate, guess: bool) -> Meaning {
        Meaning {
            kind: DeadlineKind::Date,
            end: Some(day),
            guess,
            ..Meaning::unknown()
        }
    }

    /// Within a span; a one-day span is a date.
    fn period(span: Span, guess: bool) -> Meaning {
        if span.start == span.end {
            return Meaning::date(span.end, guess);
        }
        Meaning {
            kind: DeadlineKind::Period,
            start: Some(span.start),
            end: Some(span.end),
            guess,
            ..Meaning::unknown()
        }
    }

    /// All the time, over the roadmap's period when it is known.
    fn continuous(period: Option<Period>) -> Meaning {
        Meaning {
            kind: DeadlineKind::Continuous,
            start: period.map(|p| p.from),
            end: period.map(|p| p.to),
            ..Meaning::unknown()
        }
    }

    /// Tied to an event.
    fn event() -> Meaning {
        Meaning {
            kind: DeadlineKind::Event,
            ..Meaning::unknown()
        }
    }

    /// Again and again, in the given windows.
    fn recurring(mut occurrences: Vec<Span>, guess: bool) -> Meaning {
        occurrences.sort();
        occurrences.dedup();
        Meaning {
            kind: DeadlineKind::Recurring,
            start: occurrences.first().map(|s| s.start),
            end: occurrences.last().map(|s| s.end),
            guess,
            occurrences,
        }
    }

    /// The first day the meaning covers, for dated kinds.
    fn first_day(&self) -> Option<NaiveDate> {
        self.start.or(self.end)
    }

    /// Several phrases of one cell read together: anything recurring makes
    /// the cell recurring (dated phrases become further occurrences); else
    /// dated phrases give the span from the first to the last; else
    /// continuous wins over event. None for no phrases at all.
    fn combine(parts: Vec<Meaning>) -> Option<Meaning> {
        let guess = parts.iter().any(|m| m.guess);
        let has = |kind: DeadlineKind| parts.iter().any(|m| m.kind == kind);
        let dated = |m: &&Meaning| matches!(m.kind, DeadlineKind::Date | DeadlineKind::Period);
        if parts.len() <= 1 {
            return parts.into_iter().next();
        }
        if has(DeadlineKind::Recurring) {
            let occurrences = parts
                .iter()
                .flat_map(|m| match m.kind {
                    DeadlineKind::Recurring => m.occurrences.clone(),
                    DeadlineKind::Date | DeadlineKind::Period => m
                        .end
                        .map(|end| Span {
                            start: m.first_day().unwrap_or(end),
                            end,
                        })
                        .into_iter()
                        .collect(),
                    _ => Vec::new(),
                })
                .collect();
            return Some(Meaning::recurring(occurrences, guess));
        }
        if parts.iter().any(|m| dated(&m)) {
            let start = parts
                .iter()
                .filter(dated)
                .filter_map(Meaning::first_day)
                .min()?;
            let end = parts.iter().filter(dated).filter_map(|m| m.end).max()?;
            return Some(Meaning::period(Span { start, end }, guess));
        }
        let kind = if has(DeadlineKind::Continuous) {
            DeadlineKind::Continuous
        } else {
            DeadlineKind::Event
        };
        parts.into_iter().find(|m| m.kind == kind)
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
        if self.text.trim().is_empty() {
            return DeadlineGroup::Missing;
        }
        match self.kind {
            DeadlineKind::Unknown => DeadlineGroup::Unknown,
            DeadlineKind::Event => DeadlineGroup::Event,
            DeadlineKind::Continuous => DeadlineGroup::Continuous,
            DeadlineKind::Recurring => DeadlineGroup::Recurring,
            DeadlineKind::Date | DeadlineKind::Period => match self.end {
                None => DeadlineGroup::Unknown,
                Some(end) if end < today && open => DeadlineGroup::Overdue,
                Some(end) if end < today => DeadlineGroup::Past,
                Some(end) if (end - today).num_days() <= SOON_DAYS => DeadlineGroup::Soon,
                Some(_) => DeadlineGroup::Later,
            },
        }
    }
}
