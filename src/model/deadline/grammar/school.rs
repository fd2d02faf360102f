//! The school calendar (see `docs/deadlines.md`): school years
//! («2024/2025 учебный год», «2024-2025 уч. г.»), their halves and quarters
//! («1 полугодие 2024/2025 уч. года», «I четверть»), «в течение 2024/2025
//! учебного года», «по итогам 2024-2025 учебного года», and deadlines
//! counted from an event («в течение 2 недель после …», «не позднее 10 дней
//! после …»), which have no date of their own.

use chrono::NaiveDate;

use super::super::calendar::{self, Annual};
use super::super::lexer::Tok;
use super::super::{DeadlineKind, Meaning, Span};
use super::{Parser, Reading, Step};

/// Halves of a school year as (first month, last month).
const HALVES: [(u32, u32); 2] = [(9, 12), (1, 5)];

/// Quarters (четверти) of a school year as (first month, last month).
const QUARTERS: [(u32, u32); 4] = [(9, 10), (11, 12), (1, 3), (4, 5)];

/// Ordinals written as words, feminine and neuter.
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("первое", 1),
    ("первая", 1),
    ("второе", 2),
    ("вторая", 2),
    ("третья", 3),
    ("четвертая", 4),
];

/// Units of time a relative deadline counts.
const UNITS: &[&str] = &[
    "день",
    "дня",
    "дней",
    "недели",
    "недель",
    "неделю",
    "месяца",
    "месяцев",
    "месяц",
];

/// What a relative deadline counts from.
const FROM: &[&[&str]] = &[
    &["после"],
    &["с", "момента"],
    &["со", "дня"],
    &["с", "даты"],
    &["от", "даты"],
];

impl Parser<'_> {
    /// A phrase of the school calendar, or a deadline counted from an event.
    pub(super) fn school_calendar(&self, i: usize) -> Step<Reading> {
        self.relative(i)
            .or_else(|| self.school_part(i))
            .or_else(|| self.during_school_year(i))
            .or_else(|| self.after_school_year(i))
            .or_else(|| {
                let (first, j) = self.school_year(i)?;
                Some((
                    Reading::Known(Meaning::period(school_span(first)?, false)),
                    j,
                ))
            })
    }

    /// "2024/2025 учебный год", "2024-2025 уч. г.", "2024/25 учебного года":
    /// the first calendar year of the school year.
    fn school_year(&self, i: usize) -> Step<i32> {
        let (first, j) = match self.toks.get(i) {
            Some(Tok::Num(d)) if d.len() == 4 => (d.parse::<i32>().ok()?, i + 1),
            _ => return None,
        };
        let j = self
            .punct(j, &Tok::Dash)
            .or_else(|| self.punct(j, &Tok::Other('/')))?;
        let next = first.checked_add(1)?;
        let j = match self.toks.get(j) {
            Some(Tok::Num(d)) if d.len() == 4 && d.parse::<i32>().ok()? == next => j + 1,
            Some(Tok::Num(d)) if d.len() == 2 && d.parse::<i32>().ok()? == next % 100 => j + 1,
            _ => return None,
        };
        let j = self
            .any_kw(j, &["учебный", "учебного", "учебном"])
            .or_else(|| self.kw(j, "уч").map(|k| self.skip(k, &Tok::Dot)))?;
        let j = self.any_kw(j, &["год", "года", "году", "г"])?;
        Some((first, self.skip(j, &Tok::Dot)))
    }

    /// "1 полугодие 2024/2025 уч. года", "II четверть 2024-2025 учебного
    /// года"; a quarter without a year is the same quarter every year.
    fn school_part(&self, i: usize) -> Step<Reading> {
        let (n, j) = self
            .ordinal(i)
            .map(|(n, j)| {
                (
                    n,
                    self.punct(j, &Tok::Dash)
                        .and_then(|k| self.kw(k, "я"))
                        .unwrap_or(j),
                )
            })
            .or_else(|| {
                let word = self.word(i)?;
                let (_, n) = ORDINAL_WORDS.iter().find(|(w, _)| *w == word)?;
                Some((*n, i + 1))
            })?;
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        let (parts, j): (&[(u32, u32)], usize) = match self
            .any_kw(j, &["полугодие", "полугодия", "полугодии"])
        {
            Some(k) => (&HALVES, k),
            None => (&QUARTERS, self.any_kw(j, &["четверть", "четверти"])?),
        };
        let (first_month, last_month) = *parts.get(index)?;
        let k = self.kw(j, "в").unwrap_or(j);
        match self.school_year(k) {
            Some((first, k)) => {
                let year = if first_month >= 9 { first } else { first + 1 };
                let span = calendar::months_span(first_month, year, last_month, year)?;
                Some((Reading::Known(Meaning::period(span, false)), k))
            }
            None if parts.len() == QUARTERS.len() => Some((
                Reading::Yearly(vec![Annual::months(first_month, last_month)]),
                j,
            )),
            None => None,
        }
    }

    /// "в течение 2024/2025 учебного года": all the time in that school year.
    fn during_school_year(&self, i: usize) -> Step<Reading> {
        let j = self.seq(i, &["в", "течение"])?;
        let (first, j) = self.school_year(j)?;
        let span = school_span(first)?;
        let meaning = Meaning {
            kind: DeadlineKind::Continuous,
            start: Some(span.start),
            end: Some(span.end),
            ..Meaning::unknown()
        };
        Some((Reading::Known(meaning), j))
    }

    /// "по итогам 2024-2025 учебного года": June after that school year, as
    /// «по итогам учебного года» is every June.
    fn after_school_year(&self, i: usize) -> Step<Reading> {
        let j = self.seq(i, &["по", "итогам"])?;
        let (first, j) = self.school_year(j)?;
        let year = first.checked_add(1)?;
        let span = calendar::months_span(6, year, 6, year)?;
        Some((Reading::Known(Meaning::period(span, false)), j))
    }

    /// "в течение 2 недель после …", "не позднее 10 дней с момента …":
    /// counted from an event, so no date of its own.
    fn relative(&self, i: usize) -> Step<Reading> {
        let j = self.any_seq(
            i,
            &[&["в", "течение"], &["не", "позднее"], &["не", "позже"]],
        )?;
        let j = self.count(j).map_or(j, |(_, k)| k);
        let j = self.kw(j, "рабочих").unwrap_or(j);
        let j = self.any_kw(j, UNITS)?;
        let j = self.any_seq(j, FROM)?;
        Some((Reading::Known(Meaning::event()), self.tail(j)))
    }
}

/// A school year from 1 September to 31 May, the end of classes.
fn school_span(first: i32) -> Option<Span> {
    Some(Span {
        start: NaiveDate::from_ymd_opt(first, 9, 1)?,
        end: NaiveDate::from_ymd_opt(first.checked_add(1)?, 5, 31)?,
    })
}
