//! The grammar of deadline phrases: a small backtracking reader over tokens.
//! Every reader takes a token position and returns what it read and the
//! position after it, or None; nothing is consumed on failure.

use chrono::NaiveDate;

use super::calendar::{self, Annual};
use super::items::{self, Item, Unit, YearRef, Years};
use super::lexer::{self, Tok};
use super::{DeadlineContext, Meaning, Span};

/// What a phrase says before the roadmap's context is applied.
enum Reading {
    /// Fully read.
    Known(Meaning),
    /// Year-less windows or a year-less day, the same every year.
    Yearly(Vec<Annual>),
}

/// A date as written: with its year or without.
enum DateVal {
    Dated(NaiveDate),
    /// Month and day.
    Yearless(u32, u32),
}

/// A reader's result: the value and the position after it.
type Step<T> = Option<(T, usize)>;

/// Phrases that mean "all the time".
const CONTINUOUS: &[&[&str]] = &[
    &["постоянно"],
    &["систематически"],
    &["ежедневно"],
    &["еженедельно"],
    &["на", "постоянной", "основе"],
    &["в", "течение", "года"],
    &["в", "течение", "учебного", "года"],
];

/// Phrases that mean "all the time" and may go on ("…периода реализации").
const CONTINUOUS_OPEN: &[&[&str]] = &[
    &["в", "течение", "всего", "периода"],
    &["в", "течение", "периода"],
    &["в", "течение", "всего", "срока"],
    &["на", "весь", "период"],
    &["весь", "период"],
];

/// Event phrases; `true` when the phrase needs an object that is not itself
/// a date ("по итогам 2021 года" is not understood).
const EVENTS: &[(&[&str], bool)] = &[
    (&["по", "итогам"], true),
    (&["по", "результатам"], true),
    (&["по", "окончании"], true),
    (&["по", "завершении"], true),
    (&["после"], true),
    (&["в", "соответствии"], false),
    (&["согласно"], false),
    (&["по", "плану"], false),
    (&["по", "графику"], false),
    (&["по", "мере"], false),
    (&["по", "запросу"], false),
    (&["по", "запросам"], false),
    (&["по", "факту"], false),
    (&["при", "наличии"], false),
    (&["при", "необходимости"], false),
];

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

/// Reads a whole cell; None when any part of it is not understood.
pub(super) fn read(text: &str, ctx: &DeadlineContext) -> Option<Meaning> {
    Parser {
        toks: lexer::tokenize(text),
        ctx,
    }
    .cell()
}

struct Parser<'a> {
    toks: Vec<Tok>,
    ctx: &'a DeadlineContext,
}

/// Token-level helpers.
impl Parser<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.toks.get(i) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn kw(&self, i: usize, word: &str) -> Option<usize> {
        (self.word(i)? == word).then_some(i + 1)
    }

    fn any_kw(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| self.kw(i, w))
    }

    fn seq(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().try_fold(i, |j, w| self.kw(j, w))
    }

    fn any_seq(&self, i: usize, seqs: &[&[&str]]) -> Option<usize> {
        seqs.iter().find_map(|s| self.seq(i, s))
    }

    fn punct(&self, i: usize, tok: &Tok) -> Option<usize> {
        (self.toks.get(i)? == tok).then_some(i + 1)
    }

    fn skip(&self, i: usize, tok: &Tok) -> usize {
        self.punct(i, tok).unwrap_or(i)
    }

    /// A number of at most `max_digits` digits.
    fn small(&self, i: usize, max_digits: usize) -> Step<u32> {
        match self.toks.get(i) {
            Some(Tok::Num(n)) if n.len() <= max_digits => Some((n.parse().ok()?, i + 1)),
            _ => None,
        }
    }

    fn at_line_start(&self, i: usize) -> bool {
        i == 0 || matches!(self.toks.get(i - 1), Some(Tok::Newline | Tok::Semi))
    }

    /// Skips punctuation between phrases, "и", and bullets at a line start.
    fn skip_separators(&self, mut i: usize) -> usize {
        while let Some(tok) = self.toks.get(i) {
            let skip = match tok {
                Tok::Comma | Tok::Dot | Tok::Semi | Tok::Newline | Tok::Open | Tok::Close => true,
                Tok::Word(w) => w == "и",
                Tok::Dash | Tok::Other('•' | '*' | '·') => self.at_line_start(i),
                Tok::Num(_) | Tok::Other(_) => false,
            };
            if !skip {
                break;
            }
            i += 1;
        }
        i
    }

    /// Free words after an event phrase: up to the end of the line or the
    /// next phrase that means something by itself.
    fn tail(&self, mut i: usize) -> usize {
        while let Some(tok) = self.toks.get(i) {
            if matches!(tok, Tok::Newline | Tok::Semi) || self.plain_phrase(i).is_some() {
                break;
            }
            i += 1;
        }
        i
    }
}

/// Cells and phrases.
impl Parser<'_> {
    fn cell(&self) -> Option<Meaning> {
        let mut parts = Vec::new();
        let mut i = self.skip_separators(0);
        while i < self.toks.len() {
            let (reading, next) = self.phrase(i)?;
            parts.push(self.resolve(reading)?);
            i = self.skip_separators(next);
        }
        Meaning::combine(parts)
    }

    fn resolve(&self, reading: Reading) -> Option<Meaning> {
        match reading {
            Reading::Known(meaning) => Some(meaning),
            Reading::Yearly(annuals) => match annuals.as_slice() {
                [day] if day.is_day() => {
                    let (date, guess) = calendar::yearless_day(*day, self.ctx)?;
                    Some(Meaning::date(date, guess))
                }
                _ => Some(Meaning::recurring(self.yearly_windows(&annuals), false)),
            },
        }
    }

    fn yearly_windows(&self, annuals: &[Annual]) -> Vec<Span> {
        self.ctx
            .period
            .map(|p| calendar::yearly_windows(annuals, p))
            .unwrap_or_default()
    }

    fn stepped_windows(&self, step: u32, len: u32) -> Vec<Span> {
        self.ctx
            .period
            .map(|p| calendar::stepped_windows(step, len, p))
            .unwrap_or_default()
    }

    fn phrase(&self, i: usize) -> Step<Reading> {
        self.plain_phrase(i).or_else(|| self.event(i))
    }

    /// Any phrase but an event one.
    fn plain_phrase(&self, i: usize) -> Step<Reading> {
        self.continuous(i)
            .or_else(|| self.school(i))
            .or_else(|| self.every(i))
            .or_else(|| self.deadline(i))
            .or_else(|| self.dated(i))
    }

    fn continuous(&self, i: usize) -> Step<Reading> {
        let j = self
            .any_seq(i, CONTINUOUS_OPEN)
            .map(|j| self.tail(j))
            .or_else(|| self.any_seq(i, CONTINUOUS))?;
        Some((Reading::Known(Meaning::continuous(self.ctx.period)), j))
    }

    fn event(&self, i: usize) -> Step<Reading> {
        let (j, needs_object) = EVENTS
            .iter()
            .find_map(|(words, needs)| Some((self.seq(i, words)?, *needs)))?;
        if needs_object && self.plain_phrase(j).is_some() {
            return None;
        }
        Some((Reading::Known(Meaning::event()), self.tail(j)))
    }

    /// "По итогам учебного года" (June) and "по итогам четверти" (the ends of
    /// terms, see [`calendar::term_ends`]).
    fn school(&self, i: usize) -> Step<Reading> {
        let j = self.seq(i, &["по", "итогам"])?;
        if let Some(k) = self.seq(j, &["учебного", "года"]) {
            return Some((Reading::Yearly(vec![Annual::months(6, 6)]), k));
        }
        let j = self.any_kw(j, &["учебной", "учебных"]).unwrap_or(j);
        let k = self.any_kw(j, &["четверти", "четвертей"])?;
        Some((Reading::Yearly(calendar::term_ends()), k))
    }
}

/// Recurring phrases: "ежегодно", "ежеквартально", "1 раз в 3 года".
impl Parser<'_> {
    fn every(&self, i: usize) -> Step<Reading> {
        let (spans, j) = self.yearly(i).or_else(|| self.frequency(i))?;
        let j = self.kw(j, "для").map_or(j, |k| self.tail(k));
        Some((Reading::Known(Meaning::recurring(spans, false)), j))
    }

    /// "Ежегодно" alone (every calendar year) or with the windows it repeats
    /// ("Ежегодно, август", "ежегодно до 20 декабря").
    fn yearly(&self, i: usize) -> Step<Vec<Span>> {
        let j = self.kw(i, "ежегодно")?;
        match self.yearly_pattern(self.skip(j, &Tok::Comma)) {
            Some((annuals, k)) => Some((self.yearly_windows(&annuals), k)),
            None => Some((self.stepped_windows(12, 12), j)),
        }
    }

    fn yearly_pattern(&self, i: usize) -> Step<Vec<Annual>> {
        match self.deadline(i).or_else(|| self.dated(i))? {
            (Reading::Yearly(annuals), j) => Some((annuals, j)),
            (Reading::Known(_), _) => None,
        }
    }

    fn frequency(&self, i: usize) -> Step<Vec<Span>> {
        let ((step, len), j) = self.adverb(i).or_else(|| self.times(i))?;
        Some((self.stepped_windows(step, len), j))
    }

    /// "ежемесячно", "ежеквартально", "ежеполугодно" as (step, length).
    fn adverb(&self, i: usize) -> Step<(u32, u32)> {
        let word = self.word(i)?;
        let (_, months) = ADVERBS.iter().find(|(a, _)| *a == word)?;
        Some(((*months, *months), i + 1))
    }

    /// "2 раза в год", "раз в полугодие", "1 раз в 3 года" as (step, length)
    /// in months: windows as long as the step, or a calendar year when the
    /// step is whole years; steps that do not divide a year are not read.
    fn times(&self, i: usize) -> Step<(u32, u32)> {
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
    fn count(&self, i: usize) -> Step<u32> {
        self.small(i, 2)
            .or_else(|| Some((lexer::count_word(self.word(i)?)?, i + 1)))
            .filter(|(n, _)| *n > 0)
    }
}

/// Due days: "до 01.03.22", "к 15 мая 2023 г.", "До конца апреля".
impl Parser<'_> {
    fn deadline(&self, i: usize) -> Step<Reading> {
        self.until_end(i)
            .or_else(|| self.date_range(i))
            .or_else(|| self.by_date(i))
    }

    /// "до конца мая 2022", "до конца 2022 года", "до конца учебного года".
    fn until_end(&self, i: usize) -> Step<Reading> {
        let j = self.any_seq(i, UNTIL_END)?;
        self.end_of_item(j)
            .or_else(|| self.end_of_years(j))
            .or_else(|| self.end_of_year_words(j))
    }

    fn end_of_item(&self, i: usize) -> Step<Reading> {
        let (item, j) = self.single_item(i)?;
        let reading = match item {
            Item::Dated(span, guess) => Reading::Known(Meaning::date(span.end, guess)),
            Item::Yearly(annual) => Reading::Yearly(vec![annual.end_day()]),
        };
        Some((reading, j))
    }

    fn end_of_years(&self, i: usize) -> Step<Reading> {
        let (span, j) = self.years_span(i)?;
        Some((Reading::Known(Meaning::date(span.end, false)), j))
    }

    /// "года" (31 December) and "учебного года" (31 May) without a year.
    fn end_of_year_words(&self, i: usize) -> Step<Reading> {
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
    fn date_range(&self, i: usize) -> Step<Reading> {
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

    fn by_date(&self, i: usize) -> Step<Reading> {
        let j = self.any_seq(i, BY).unwrap_or(i);
        let (value, k) = self.date_val(j)?;
        let reading = match value {
            DateVal::Dated(day) => Reading::Known(Meaning::date(day, false)),
            DateVal::Yearless(month, day) => Reading::Yearly(vec![Annual::day(month, day)]),
        };
        Some((reading, k))
    }

    fn date_val(&self, i: usize) -> Step<DateVal> {
        self.numeric_date(i).or_else(|| self.worded_date(i))
    }

    /// "01.03.2022", "1.3.22", "01.03" (no year).
    fn numeric_date(&self, i: usize) -> Step<DateVal> {
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
    fn date_year(&self, i: usize) -> Step<i32> {
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
    fn worded_date(&self, i: usize) -> Step<DateVal> {
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
fn yearless(month: u32, day: u32) -> Option<DateVal> {
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| DateVal::Yearless(month, day))
}

/// Months, quarters and years: "Декабрь 2021 – май 2022", "IV квартал 2023",
/// "Ноябрь, январь, март", "2020-2021".
impl Parser<'_> {
    /// Months or years, after "в", "во" or "в течение".
    fn dated(&self, i: usize) -> Step<Reading> {
        let j = self.any_seq(i, IN).unwrap_or(i);
        self.units(j).or_else(|| self.years(j))
    }

    /// A list of items ("Ноябрь, январь, март, июнь", "Декабрь Июнь"): all
    /// with years or all without; a list mixing both is not understood.
    fn units(&self, i: usize) -> Step<Reading> {
        let (first, mut j) = self.item(i)?;
        let mut items = vec![first];
        while let Some((item, k)) = self.next_item(j) {
            items.push(item);
            j = k;
        }
        Some((list_reading(items)?, j))
    }

    fn next_item(&self, i: usize) -> Step<Item> {
        let j = self.skip(i, &Tok::Comma);
        let j = self.kw(j, "и").unwrap_or(j);
        self.item(j)
    }

    /// One unit or a range of units ("с сентября 2021 по май 2022"), with
    /// their years. Once a range is seen it must be understood whole.
    fn item(&self, i: usize) -> Step<Item> {
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
    fn single_item(&self, i: usize) -> Step<Item> {
        let (a, years_a, j) = self.unit_years(i)?;
        if self.range_end(j, false).is_some() {
            return None;
        }
        Some((items::single(a, years_a)?, j))
    }

    fn range_end(&self, i: usize, with_s: bool) -> Option<(Unit, Option<Years>, usize)> {
        let j = self
            .punct(i, &Tok::Dash)
            .or_else(|| with_s.then(|| self.kw(i, "по"))?)?;
        self.unit_years(j)
    }

    /// A unit and the years after it, maybe after a comma ("Август, 2021").
    fn unit_years(&self, i: usize) -> Option<(Unit, Option<Years>, usize)> {
        let (unit, j) = self.unit(i)?;
        match self.years_spec(self.skip(j, &Tok::Comma)) {
            Some((years, k)) => Some((unit, Some(years), k)),
            None => Some((unit, None, j)),
        }
    }

    fn unit(&self, i: usize) -> Step<Unit> {
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
    fn quarters(&self, i: usize) -> Step<Unit> {
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

    fn ordinal(&self, i: usize) -> Step<u32> {
        let (n, j) = self
            .small(i, 1)
            .or_else(|| Some((lexer::roman(self.word(i)?)?, i + 1)))?;
        let j = self
            .punct(j, &Tok::Dash)
            .and_then(|k| self.any_kw(k, ORDINAL_ENDINGS))
            .unwrap_or(j);
        Some((n, j))
    }

    fn years(&self, i: usize) -> Step<Reading> {
        let (span, j) = self.years_span(i)?;
        Some((Reading::Known(Meaning::period(span, false)), j))
    }

    /// Whole years ("2020-2021") or, with "учебный год" after two years in a
    /// row, the school year from 1 September to 31 May.
    fn years_span(&self, i: usize) -> Step<Span> {
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
    fn years_spec(&self, i: usize) -> Step<Years> {
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

    fn year_ref(&self, i: usize) -> Step<YearRef> {
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

    fn year_suffix(&self, i: usize) -> usize {
        self.any_kw(i, YEAR_WORDS)
            .map_or(i, |j| self.skip(j, &Tok::Dot))
    }
}

/// The reading of a list of items: all year-less → yearly windows; all dated
/// → their combined span; mixed → not understood.
fn list_reading(items: Vec<Item>) -> Option<Reading> {
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
