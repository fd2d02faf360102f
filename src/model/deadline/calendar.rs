//! Calendar arithmetic for deadlines: month ends, spans, windows that repeat
//! every year and windows that step through a roadmap's period.

use chrono::{Datelike, Months, NaiveDate};

use super::{DeadlineContext, Span};
use crate::model::Period;

/// The first day of a month.
pub(super) fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The last day of a month.
pub(super) fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    month_start(year, month)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// From the first day of one month to the last day of another; None when the
/// span would end before it starts.
pub(super) fn months_span(month1: u32, year1: i32, month2: u32, year2: i32) -> Option<Span> {
    let start = month_start(year1, month1)?;
    let end = month_end(year2, month2)?;
    (start <= end).then_some(Span { start, end })
}

/// From 1 January of one year to 31 December of another.
pub(super) fn years_span(first: i32, last: i32) -> Option<Span> {
    months_span(1, first, 12, last)
}

/// Whether a span lies wholly inside a period.
fn inside(span: Span, period: Period) -> bool {
    span.start >= period.from && span.end <= period.to
}

/// How many days of a span fall inside a period.
pub(super) fn overlap_days(span: Span, period: Period) -> i64 {
    let start = span.start.max(period.from);
    let end = span.end.min(period.to);
    if start > end {
        0
    } else {
        (end - start).num_days() + 1
    }
}

/// A day of a month: its first, its last, or a numbered one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthDay {
    First,
    Last,
    Nth(u32),
}

impl MonthDay {
    fn order(self) -> u32 {
        match self {
            MonthDay::First => 0,
            MonthDay::Last => 32,
            MonthDay::Nth(day) => day,
        }
    }

    fn date(self, year: i32, month: u32) -> Option<NaiveDate> {
        match self {
            MonthDay::First => month_start(year, month),
            MonthDay::Last => month_end(year, month),
            MonthDay::Nth(day) => NaiveDate::from_ymd_opt(year, month, day),
        }
    }
}

/// A day of the year without the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct YearDay {
    month: u32,
    day: MonthDay,
}

impl YearDay {
    fn order(self) -> (u32, u32) {
        (self.month, self.day.order())
    }
}

/// A window that comes back every year ("декабрь", "октябрь-март",
/// "до 1 февраля"); it ends in the next year when its end comes before its
/// start in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Annual {
    from: YearDay,
    to: YearDay,
}

impl Annual {
    /// From the first day of one month to the last day of another.
    pub(super) fn months(first: u32, last: u32) -> Annual {
        Annual {
            from: YearDay {
                month: first,
                day: MonthDay::First,
            },
            to: YearDay {
                month: last,
                day: MonthDay::Last,
            },
        }
    }

    /// From one day to another, each given as (month, day).
    pub(super) fn between(from: (u32, u32), to: (u32, u32)) -> Annual {
        Annual {
            from: YearDay {
                month: from.0,
                day: MonthDay::Nth(from.1),
            },
            to: YearDay {
                month: to.0,
                day: MonthDay::Nth(to.1),
            },
        }
    }

    /// A single day.
    pub(super) fn day(month: u32, day: u32) -> Annual {
        Annual::between((month, day), (month, day))
    }

    /// The last day of the window, as a single-day window.
    pub(super) fn end_day(self) -> Annual {
        Annual {
            from: self.to,
            to: self.to,
        }
    }

    /// Whether the window is a single day (a deadline rather than a span).
    pub(super) fn is_day(self) -> bool {
        self.from == self.to
    }

    /// The window that starts in `year`; None when that year has no such day
    /// (29 February).
    pub(super) fn window(self, year: i32) -> Option<Span> {
        let end_year = if self.to.order() < self.from.order() {
            year.checked_add(1)?
        } else {
            year
        };
        Some(Span {
            start: self.from.day.date(year, self.from.month)?,
            end: self.to.day.date(end_year, self.to.month)?,
        })
    }
}

/// When term (четверть) results are summed up: after the autumn term (25
/// October – 10 November), the second term (20–31 December), the third term
/// (15–31 March) and the fourth term (20–31 May).
pub(super) fn term_ends() -> Vec<Annual> {
    vec![
        Annual::between((10, 25), (11, 10)),
        Annual::between((12, 20), (12, 31)),
        Annual::between((3, 15), (3, 31)),
        Annual::between((5, 20), (5, 31)),
    ]
}

/// Every window of `annuals` that lies wholly inside `period`, sorted.
pub(super) fn yearly_windows(annuals: &[Annual], period: Period) -> Vec<Span> {
    let mut spans: Vec<Span> = (period.from.year()..=period.to.year())
        .flat_map(|year| annuals.iter().filter_map(move |a| a.window(year)))
        .filter(|span| inside(*span, period))
        .collect();
    spans.sort();
    spans.dedup();
    spans
}

/// Windows of `len` months starting every `step` months from 1 January of
/// the period's first year, those wholly inside `period`.
pub(super) fn stepped_windows(step: u32, len: u32, period: Period) -> Vec<Span> {
    if step == 0 || len == 0 {
        return Vec::new();
    }
    std::iter::successors(month_start(period.from.year(), 1), |start| {
        start.checked_add_months(Months::new(step))
    })
    .take_while(|start| *start <= period.to)
    .filter_map(|start| {
        let end = start.checked_add_months(Months::new(len))?.pred_opt()?;
        Some(Span { start, end })
    })
    .filter(|span| inside(*span, period))
    .collect()
}

/// Reads a year-less single day ("до конца апреля") with the roadmap's
/// context: the first such day inside the period and on or after the
/// approval date. The flag is true when more than one year would fit.
pub(super) fn yearless_day(day: Annual, ctx: &DeadlineContext) -> Option<(NaiveDate, bool)> {
    let period = ctx.period?;
    let fits: Vec<NaiveDate> = (period.from.year()..=period.to.year())
        .filter_map(|year| day.window(year))
        .map(|span| span.end)
        .filter(|d| *d >= period.from && *d <= period.to)
        .filter(|d| ctx.anchor.is_none_or(|anchor| *d >= anchor))
        .collect();
    let first = *fits.first()?;
    Some((first, fits.len() > 1))
}
