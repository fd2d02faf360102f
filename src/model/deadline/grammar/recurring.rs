//! Recurring phrases: "ежегодно", "ежеквартально", "1 раз в 3 года".

use super::super::calendar::Annual;
use super::super::lexer::{self, Tok};
use super::super::{Meaning, Span};
use super::{Parser, Reading, Step};

/// "ежемесячно" and its kin, with their step in months.
const ADVERBS: &[(&str, u32)] = &[("ежемесячно", 1), ("ежеквартально", 3), ("ежеполугодно", 6)];

/// Lengths in months of the units in "1 раз в 3 года".
const UNIT_LENGTHS: &[(&str, u32)] = &[
    ("год", 12),
    ("года", 12),
    ("лет", 12),
    ("полугодие", 6),
    ("полугодия", 6),
    ("полгода", 6),
    ("квартал", 3),
    ("месяц", 1),
    ("месяца", 1),
    ("месяцев", 1),
];

/// Recurring phrases: "ежегодно", "ежеквартально", "1 раз в 3 года".
impl Parser<'_> {
    pub(super) fn every(&self, i: usize) -> Step<Reading> {
        let (spans, j) = self.yearly(i).or_else(|| self.frequency(i))?;
        let j = self.kw(j, "для").map_or(j, |k| self.tail(k));
        Some((Reading::Known(Meaning::recurring(spans, false)), j))
    }

    /// "Ежегодно" alone (every calendar year) or with the windows it repeats
    /// ("Ежегодно, август", "ежегодно до 20 декабря").
    pub(super) fn yearly(&self, i: usize) -> Step<Vec<Span>> {
        let j = self.kw(i, "ежегодно")?;
        match self.yearly_pattern(self.skip(j, &Tok::Comma)) {
            Some((annuals, k)) => Some((self.yearly_windows(&annuals), k)),
            None => Some((self.stepped_windows(12, 12), j)),
        }
    }

    pub(super) fn yearly_pattern(&self, i: usize) -> Step<Vec<Annual>> {
        match self.deadline(i).or_else(|| self.dated(i))? {
            (Reading::Yearly(annuals), j) => Some((annuals, j)),
            (Reading::Known(_), _) => None,
        }
    }

    pub(super) fn frequency(&self, i: usize) -> Step<Vec<Span>> {
        let ((step, len), j) = self.adverb(i).or_else(|| self.times(i))?;
        Some((self.stepped_windows(step, len), j))
    }

    /// "ежемесячно", "ежеквартально", "ежеполугодно" as (step, length).
    pub(super) fn adverb(&self, i: usize) -> Step<(u32, u32)> {
        let word = self.word(i)?;
        let (_, months) = ADVERBS.iter().find(|(a, _)| *a == word)?;
        Some(((*months, *months), i + 1))
    }

    /// "2 раза в год", "раз в полугодие", "1 раз в 3 года" as (step, length)
    /// in months: windows as long as the step, or a calendar year when the
    /// step is whole years; steps that do not divide a year are not read.
    pub(super) fn times(&self, i: usize) -> Step<(u32, u32)> {
        let (times, j) = self
            .count(i)
            .and_then(|(n, j)| Some((n, self.any_kw(j, &["раз", "раза"])?)))
            .or_else(|| Some((1, self.kw(i, "раз")?)))?;
        let j = self.kw(j, "в")?;
        let (count, j) = self.count(j).unwrap_or((1, j));
        let word = self.word(j)?;
        let (_, unit) = UNIT_LENGTHS.iter().find(|(w, _)| *w == word)?;
        let total = count.checked_mul(*unit)?;
        if total % times != 0 {
            return None;
        }
        let step = total / times;
        let len = if step % 12 == 0 { 12 } else { step };
        (12 % len == 0).then_some(((step, len), j + 1))
    }

    /// A count from 1 to 99, in digits or as a word.
    pub(super) fn count(&self, i: usize) -> Step<u32> {
        self.small(i, 2)
            .or_else(|| Some((lexer::count_word(self.word(i)?)?, i + 1)))
            .filter(|(n, _)| *n > 0)
    }
}
