//! What a month or quarter item means once its years are read: "Декабрь
//! 2021", "Октябрь-март 2021-2022", "Декабрь 202- январь 2022", "IV квартал".

use super::Span;
use super::calendar::{self, Annual};
use crate::model::Period;

/// A month, or a run of quarters or half-years, as months of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    /// First month (1–12).
    pub(super) first: u32,
    /// Last month (1–12).
    pub(super) last: u32,
}

/// A year as written: in full, or cut short ("202-").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearRef {
    /// "2021".
    Full(i32),
    /// The first three digits of a year ("202").
    Partial(i32),
}

/// The years after a month or alone: "2021", "2021-2022".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Years {
    /// One year.
    One(YearRef),
    /// First and last year, in order.
    Range(i32, i32),
}

/// A month item read with its years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    /// A dated span, and whether the reading is a guess.
    Dated(Span, bool),
    /// No year: the same months every year.
    Yearly(Annual),
}

/// A unit with or without one year: "Декабрь", "Декабрь 2021", "IV квартал
/// 2023". A range of years after a single unit is not understood.
pub(super) fn single(unit: Unit, years: Option<Years>) -> Option<Item> {
    match years {
        None => Some(Item::Yearly(Annual::months(unit.first, unit.last))),
        Some(Years::One(YearRef::Full(y))) => Some(Item::Dated(
            calendar::months_span(unit.first, y, unit.last, y)?,
            false,
        )),
        Some(_) => None,
    }
}

/// A range of units with the years written around it:
/// - no year: the same months every year (wrapping into the next year);
/// - one year after the range: that year, or for a range across the new year
///   ("октябрь-март 2022") the school-year reading that fits `period` better
///   (a guess);
/// - "2021-2022" after a range across the new year: first and second year;
/// - a year on each side: as written; a cut year ("202-") is completed from
///   the other one (a guess);
/// - a year on the first side only: the second side takes the same year, or
///   the next one when the range crosses the new year (a guess).
pub(super) fn range(
    a: Unit,
    years_a: Option<Years>,
    b: Unit,
    years_b: Option<Years>,
    period: Option<Period>,
) -> Option<Item> {
    let wraps = b.last < a.first;
    match (years_a, years_b) {
        (None, None) => Some(Item::Yearly(Annual::months(a.first, b.last))),
        (None, Some(Years::One(YearRef::Full(y)))) if wraps => {
            Some(Item::Dated(school_span(a.first, b.last, y, period)?, true))
        }
        (None, Some(Years::One(YearRef::Full(y)))) => Some(Item::Dated(
            calendar::months_span(a.first, y, b.last, y)?,
            false,
        )),
        (None, Some(Years::Range(y1, y2))) if wraps && y1.checked_add(1) == Some(y2) => Some(
            Item::Dated(calendar::months_span(a.first, y1, b.last, y2)?, false),
        ),
        (Some(Years::One(YearRef::Full(y))), None) => {
            let y2 = if wraps { y.checked_add(1)? } else { y };
            Some(Item::Dated(
                calendar::months_span(a.first, y, b.last, y2)?,
                wraps,
            ))
        }
        (Some(Years::One(ra)), Some(Years::One(rb))) => both_years(a.first, ra, b.last, rb),
        _ => None,
    }
}

/// A range with a year on each side, completing one cut year.
fn both_years(month1: u32, year1: YearRef, month2: u32, year2: YearRef) -> Option<Item> {
    match (year1, year2) {
        (YearRef::Full(x), YearRef::Full(y)) => Some(Item::Dated(
            calendar::months_span(month1, x, month2, y)?,
            false,
        )),
        (YearRef::Partial(p), YearRef::Full(y)) => Some(Item::Dated(
            complete(p, y, |x| calendar::months_span(month1, x, month2, y))?,
            true,
        )),
        (YearRef::Full(x), YearRef::Partial(p)) => Some(Item::Dated(
            complete(p, x, |y| calendar::months_span(month1, x, month2, y))?,
            true,
        )),
        (YearRef::Partial(_), YearRef::Partial(_)) => None,
    }
}

/// Completes a cut year starting with `prefix` from the full year `near`: the
/// same year, the one before or the one after, whichever first gives a span.
fn complete(prefix: i32, near: i32, build: impl Fn(i32) -> Option<Span>) -> Option<Span> {
    [Some(near), near.checked_sub(1), near.checked_add(1)]
        .into_iter()
        .flatten()
        .filter(|year| year / 10 == prefix)
        .find_map(build)
}

/// "октябрь-март 2022": October 2022 – March 2023, unless October 2021 –
/// March 2022 (the year naming the later month) overlaps `period` more.
fn school_span(month1: u32, month2: u32, year: i32, period: Option<Period>) -> Option<Span> {
    let earlier = calendar::months_span(month1, year, month2, year.checked_add(1)?)?;
    let later = calendar::months_span(month1, year.checked_sub(1)?, month2, year)?;
    let later_fits_better = period
        .is_some_and(|p| calendar::overlap_days(later, p) > calendar::overlap_days(earlier, p));
    Some(if later_fits_better { later } else { earlier })
}
