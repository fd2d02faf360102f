//! Months, quarters and years: "Декабрь 2021 – май 2022", "IV квартал
//! 2023", "Ноябрь, январь, март", "2020-2021".

use chrono::NaiveDate;

use super::super::calendar::{self};
use super::super::items::{self, Item, Unit, YearRef, Years};
use super::super::lexer::{self, Tok};
use super::super::{Meaning, Span};
use super::{Parser, Reading, Step};

/// What may come before months or years.
const IN: &[&[&str]] = &[&["в", "течение"], &["в"], &["во"]];

/// Words after a year ("2022 г.", "2020-2021 гг.").
const YEAR_WORDS: &[&str] = &["г", "гг", "год", "года", "годы", "году", "годах", "годов"];

/// Endings of ordinals written with digits ("1-й квартал", "2-е полугодие").
const ORDINAL_ENDINGS: &[&str] = &["й", "е", "ое", "ий", "ый", "го", "м", "ом"];

/// Nouns for quarters and half-years, with their length in months.
const PART_NOUNS: &[(&str, u32)] = &[
    ("квартал", 3),
    ("квартала", 3),
    ("квартале", 3),
    ("кварталы", 3),
    ("кварталов", 3),
    ("кв", 3),
    ("полугодие", 6),
    ("полугодия", 6),
    ("полугодии", 6),
    ("полугодье", 6),
];

/// Months, quarters and years: "Декабрь 2021 – май 2022", "IV квартал 2023",
/// "Ноябрь, январь, март", "2020-2021".
impl Parser<'_> {
    /// Months or years, after "в", "во" or "в течение".
    pub(super) fn dated(&self, i: usize) -> Step<Reading> {
        let j = self.any_seq(i, IN).unwrap_or(i);
        self.units(j).or_else(|| self.years(j))
    }

    /// A list of items ("Ноябрь, январь, март, июнь", "Декабрь Июнь"): all
    /// with years or all without; a list mixing both is not understood.
    pub(super) fn units(&self, i: usize) -> Step<Reading> {
        let (first, mut j) = self.item(i)?;
        let mut items = vec![first];
        while let Some((item, k)) = self.next_item(j) {
            items.push(item);
            j = k;
        }
        Some((list_reading(items)?, j))
    }

    pub(super) fn next_item(&self, i: usize) -> Step<Item> {
        let j = self.skip(i, &Tok::Comma);
        let j = self.kw(j, "и").unwrap_or(j);
        self.item(j)
    }

    /// One unit or a range of units ("с сентября 2021 по май 2022"), with
    /// their years. Once a range is seen it must be understood whole.
    pub(super) fn item(&self, i: usize) -> Step<Item> {
        let (with_s, i) = self.kw(i, "с").map_or((false, i), |j| (true, j));
        let (a, years_a, j) = self.unit_years(i)?;
        match self.range_end(j, with_s) {
            Some((b, years_b, k)) => {
                Some((items::range(a, years_a, b, years_b, self.ctx.period)?, k))
            }
            None if with_s => None,
            None => Some((items::single(a, years_a)?, j)),
        }
    }

    /// One unit with its year, not followed by a range.
    pub(super) fn single_item(&self, i: usize) -> Step<Item> {
        let (a, years_a, j) = self.unit_years(i)?;
        if self.range_end(j, false).is_some() {
            return None;
        }
        Some((items::single(a, years_a)?, j))
    }

    pub(super) fn range_end(&self, i: usize, with_s: bool) -> Option<(Unit, Option<Years>, usize)> {
        let j = self
            .punct(i, &Tok::Dash)
            .or_else(|| with_s.then(|| self.kw(i, "по"))?)?;
        self.unit_years(j)
    }

    /// A unit and the years after it, maybe after a comma ("Август, 2021").
    pub(super) fn unit_years(&self, i: usize) -> Option<(Unit, Option<Years>, usize)> {
        let (unit, j) = self.unit(i)?;
        match self.years_spec(self.skip(j, &Tok::Comma)) {
            Some((years, k)) => Some((unit, Some(years), k)),
            None => Some((unit, None, j)),
        }
    }

    pub(super) fn unit(&self, i: usize) -> Step<Unit> {
        match self.word(i).and_then(lexer::month) {
            Some(month) => Some((
                Unit {
                    first: month,
                    last: month,
                },
                i + 1,
            )),
            None => self.quarters(i),
        }
    }

    /// "IV квартал", "1-2 квартал", "2-е полугодие".
    pub(super) fn quarters(&self, i: usize) -> Step<Unit> {
        let (a, j) = self.ordinal(i)?;
        let (b, j) = self
            .punct(j, &Tok::Dash)
            .and_then(|k| self.ordinal(k))
            .unwrap_or((a, j));
        let word = self.word(j)?;
        let (noun, size) = PART_NOUNS.iter().find(|(w, _)| *w == word)?;
        let k = if *noun == "кв" {
            self.skip(j + 1, &Tok::Dot)
        } else {
            j + 1
        };
        if a < 1 || a > b || b > 12 / size {
            return None;
        }
        Some((
            Unit {
                first: (a - 1) * size + 1,
                last: b * size,
            },
            k,
        ))
    }

    pub(super) fn ordinal(&self, i: usize) -> Step<u32> {
        let (n, j) = self
            .small(i, 1)
            .or_else(|| Some((lexer::roman(self.word(i)?)?, i + 1)))?;
        let j = self
            .punct(j, &Tok::Dash)
            .and_then(|k| self.any_kw(k, ORDINAL_ENDINGS))
            .unwrap_or(j);
        Some((n, j))
    }

    pub(super) fn years(&self, i: usize) -> Step<Reading> {
        let (span, j) = self.years_span(i)?;
        Some((Reading::Known(Meaning::period(span, false)), j))
    }

    /// Whole years ("2020-2021") or, with "учебный год" after two years in a
    /// row, the school year from 1 September to 31 May.
    pub(super) fn years_span(&self, i: usize) -> Step<Span> {
        let (first, last, j) = match self.years_spec(i)? {
            (Years::One(YearRef::Full(y)), j) => (y, y, j),
            (Years::Range(a, b), j) => (a, b, j),
            (Years::One(YearRef::Partial(_)), _) => return None,
        };
        match self
            .any_kw(j, &["учебный", "учебного", "учебном"])
            .and_then(|k| self.any_kw(k, &["год", "года", "году"]))
        {
            Some(k) if first.checked_add(1) == Some(last) => Some((
                Span {
                    start: NaiveDate::from_ymd_opt(first, 9, 1)?,
                    end: NaiveDate::from_ymd_opt(last, 5, 31)?,
                },
                k,
            )),
            Some(_) => None,
            None => Some((calendar::years_span(first, last)?, j)),
        }
    }

    /// "2021", "2021 г.", "2020-2021 гг.", "202" (cut short).
    pub(super) fn years_spec(&self, i: usize) -> Step<Years> {
        let (first, j) = self.year_ref(i)?;
        if let YearRef::Full(a) = first {
            let second = self.punct(j, &Tok::Dash).and_then(|k| self.year_ref(k));
            if let Some((YearRef::Full(b), k)) = second
                && b >= a
            {
                return Some((Years::Range(a, b), k));
            }
        }
        Some((Years::One(first), j))
    }

    pub(super) fn year_ref(&self, i: usize) -> Step<YearRef> {
        let Some(Tok::Num(digits)) = self.toks.get(i) else {
            return None;
        };
        let value: i32 = digits.parse().ok()?;
        let year = match digits.len() {
            4 if (1900..=2100).contains(&value) => YearRef::Full(value),
            3 if (190..=210).contains(&value) => YearRef::Partial(value),
            _ => return None,
        };
        Some((year, self.year_suffix(i + 1)))
    }

    pub(super) fn year_suffix(&self, i: usize) -> usize {
        self.any_kw(i, YEAR_WORDS)
            .map_or(i, |j| self.skip(j, &Tok::Dot))
    }
}

/// The reading of a list of items: all year-less → yearly windows; all dated
/// → their combined span; mixed → not understood.
pub(super) fn list_reading(items: Vec<Item>) -> Option<Reading> {
    let mut annuals = Vec::new();
    let mut dated = Vec::new();
    for item in items {
        match item {
            Item::Yearly(annual) => annuals.push(annual),
            Item::Dated(span, guess) => dated.push(Meaning::period(span, guess)),
        }
    }
    match (annuals.is_empty(), dated.is_empty()) {
        (false, true) => Some(Reading::Yearly(annuals)),
        (true, false) => Some(Reading::Known(Meaning::combine(dated)?)),
        _ => None,
    }
}
