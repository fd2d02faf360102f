//! The grammar of deadline phrases: a small backtracking reader over tokens.
//! Every reader takes a token position and returns what it read and the
//! position after it, or None; nothing is consumed on failure. The readers
//! of due days, of months and years and of recurring phrases are in their
//! own files.

mod due;
mod months;
mod recurring;
mod school;

use chrono::NaiveDate;

use super::calendar::{self, Annual};
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
        self.school_calendar(i)
            .or_else(|| self.continuous(i))
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
