//! Due days: "до 01.03.22", "к 15 мая 2023 г.", "До конца апреля", and
//! ranges of dates.

use chrono::NaiveDate;

use super::super::calendar::Annual;
use super::super::items::{Item, YearRef, Years};
use super::super::lexer::{self, Tok};
use super::super::{Meaning, Span};
use super::{DateVal, Parser, Reading, Step};

/// What may come before a due day.
const BY: &[&[&str]] = &[
    &["в", "срок", "до"],
    &["срок", "до"],
    &["не", "позднее"],
    &["не", "позже"],
    &["до"],
    &["к"],
];

/// "до конца" and its kin.
const UNTIL_END: &[&[&str]] = &[
    &["до", "конца"],
    &["к", "концу"],
    &["до", "окончания"],
    &["к", "окончанию"],
];

/// Due days: "до 01.03.22", "к 15 мая 2023 г.", "До конца апреля".
impl Parser<'_> {
    pub(super) fn deadline(&self, i: usize) -> Step<Reading> {
        self.until_end(i)
            .or_else(|| self.date_range(i))
            .or_else(|| self.by_date(i))
    }

    /// "до конца мая 2022", "до конца 2022 года", "до конца учебного года".
    pub(super) fn until_end(&self, i: usize) -> Step<Reading> {
        let j = self.any_seq(i, UNTIL_END)?;
        self.end_of_item(j)
            .or_else(|| self.end_of_years(j))
            .or_else(|| self.end_of_year_words(j))
    }

    pub(super) fn end_of_item(&self, i: usize) -> Step<Reading> {
        let (item, j) = self.single_item(i)?;
        let reading = match item {
            Item::Dated(span, guess) => Reading::Known(Meaning::date(span.end, guess)),
            Item::Yearly(annual) => Reading::Yearly(vec![annual.end_day()]),
        };
        Some((reading, j))
    }

    pub(super) fn end_of_years(&self, i: usize) -> Step<Reading> {
        let (span, j) = self.years_span(i)?;
        Some((Reading::Known(Meaning::date(span.end, false)), j))
    }

    /// "года" (31 December) and "учебного года" (31 May) without a year.
    pub(super) fn end_of_year_words(&self, i: usize) -> Step<Reading> {
        let (month, j) = self
            .seq(i, &["учебного", "года"])
            .map(|j| (5, j))
            .or_else(|| {
                let j = self.any_kw(i, &["текущего", "календарного"]).unwrap_or(i);
                Some((12, self.kw(j, "года")?))
            })?;
        Some((
            Reading::Yearly(vec![Annual::months(month, month).end_day()]),
            j,
        ))
    }

    /// "с 01.09.2021 по 31.05.2022", "01.09.2021-31.05.2022".
    pub(super) fn date_range(&self, i: usize) -> Step<Reading> {
        let (with_s, i) = self.kw(i, "с").map_or((false, i), |j| (true, j));
        let (a, j) = self.date_val(i)?;
        let j = self
            .punct(j, &Tok::Dash)
            .or_else(|| with_s.then(|| self.any_kw(j, &["по", "до"]))?)?;
        let (b, k) = self.date_val(j)?;
        let reading = match (a, b) {
            (DateVal::Dated(start), DateVal::Dated(end)) if start <= end => {
                Reading::Known(Meaning::period(Span { start, end }, false))
            }
            (DateVal::Yearless(m1, d1), DateVal::Yearless(m2, d2)) => {
                Reading::Yearly(vec![Annual::between((m1, d1), (m2, d2))])
            }
            _ => return None,
        };
        Some((reading, k))
    }

    pub(super) fn by_date(&self, i: usize) -> Step<Reading> {
        let j = self.any_seq(i, BY).unwrap_or(i);
        let (value, k) = self.date_val(j)?;
        let reading = match value {
            DateVal::Dated(day) => Reading::Known(Meaning::date(day, false)),
            DateVal::Yearless(month, day) => Reading::Yearly(vec![Annual::day(month, day)]),
        };
        Some((reading, k))
    }

    pub(super) fn date_val(&self, i: usize) -> Step<DateVal> {
        self.numeric_date(i).or_else(|| self.worded_date(i))
    }

    /// "01.03.2022", "1.3.22", "01.03" (no year).
    pub(super) fn numeric_date(&self, i: usize) -> Step<DateVal> {
        let (day, j) = self.small(i, 2)?;
        let j = self.punct(j, &Tok::Dot)?;
        let (month, j) = self.small(j, 2)?;
        match self.punct(j, &Tok::Dot).and_then(|k| self.date_year(k)) {
            Some((year, k)) => {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                Some((DateVal::Dated(date), self.year_suffix(k)))
            }
            None => Some((yearless(month, day)?, j)),
        }
    }

    /// The year of a numeric date: four digits, or two (00–69 → 2000s,
    /// 70–99 → 1900s).
    pub(super) fn date_year(&self, i: usize) -> Step<i32> {
        match self.toks.get(i) {
            Some(Tok::Num(n)) if n.len() == 4 => Some((n.parse().ok()?, i + 1)),
            Some(Tok::Num(n)) if n.len() == 2 => {
                let short: i32 = n.parse().ok()?;
                let century = if short < 70 { 2000 } else { 1900 };
                Some((century + short, i + 1))
            }
            _ => None,
        }
    }

    /// "1 февраля 2024", "15 мая" (no year).
    pub(super) fn worded_date(&self, i: usize) -> Step<DateVal> {
        let (day, j) = self.small(i, 2)?;
        let month = lexer::month(self.word(j)?)?;
        match self.years_spec(j + 1) {
            Some((Years::One(YearRef::Full(year)), k)) => Some((
                DateVal::Dated(NaiveDate::from_ymd_opt(year, month, day)?),
                k,
            )),
            Some(_) => None,
            None => Some((yearless(month, day)?, j + 1)),
        }
    }
}

/// A year-less day, if some year has it (29 February does).
pub(super) fn yearless(month: u32, day: u32) -> Option<DateVal> {
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| DateVal::Yearless(month, day))
}
