//! Separating the names of people from the deadline text of a cell.

use std::ops::Range;

use super::classes::{Class, classify_all};
use super::letters::Case;
use super::lists::{orders, readings, trace};
use super::words::{Word, byte_span, span_text, tokenize};

/// Splits a deadline cell that also names people ("Декабрь 2021 Колосов В.Г.
/// Кирьянова Н.Е.") into the deadline text and the names found in it.
///
/// Names are lists of people at the end (or the start) of a line; a bare
/// surname right after such a list at the end of a line is kept as a name
/// fragment (cut by a page break). Names are returned as written; the
/// deadline keeps the other text as written, trimmed of the separators the
/// names left behind. A cell without names comes back trimmed.
pub fn split_deadline_and_names(cell: &str) -> (String, Vec<String>) {
    let words = tokenize(cell, Case::Strict);
    let classes = classify_all(cell, &words, Case::Strict);
    let runs = name_runs(&classes, &words);
    if runs.is_empty() {
        return (cell.trim().to_string(), Vec::new());
    }
    let names = runs
        .iter()
        .flatten()
        .map(|unit| span_text(cell, &words, unit.clone()))
        .collect();
    let covered: Vec<Range<usize>> = runs
        .iter()
        .filter_map(|run| byte_span(&words, run.first()?.start..run.last()?.end))
        .collect();
    (remaining_text(cell, &covered), names)
}

/// The lists of people found in a deadline cell, each as word ranges of
/// its people, leftmost first.
fn name_runs(classes: &[Class], words: &[Word]) -> Vec<Vec<Range<usize>>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        match run_at(classes, words, i) {
            Some(run) => {
                i = run.last().map_or(i + 1, |p| p.end.max(i + 1));
                runs.push(run);
            }
            None => i += 1,
        }
    }
    runs
}

/// The longest list of people starting at word `start` that ends a line (or
/// starts one), possibly followed by a trailing bare surname at the end of
/// a line. Lists in the order of the first pair win ties, then lists without
/// a fragment. The people are word ranges of the whole cell.
fn run_at(classes: &[Class], words: &[Word], start: usize) -> Option<Vec<Range<usize>>> {
    let cls = classes.get(start..)?;
    let ws = words.get(start..)?;
    if matches!(cls.first(), None | Some(Class::Other)) {
        return None;
    }
    let starts_line = start == 0 || ws.first().is_some_and(|w| w.line_break);
    let ends_line = |e: usize| ws.get(e).is_none_or(|w| w.line_break);
    let mut best: Option<Vec<Range<usize>>> = None;
    for order in orders(cls) {
        let back = readings(cls, ws, order);
        let complete = (1..back.len())
            .rev()
            .find(|&e| back[e].is_some() && (starts_line || ends_line(e)))
            .and_then(|end| trace(&back, end));
        let fragment = (2..=back.len())
            .rev()
            .find(|&e| {
                back[e - 1].is_some()
                    && cls.get(e - 1) == Some(&Class::Surname)
                    && ws.get(e - 1).is_some_and(|w| !w.hard)
                    && ends_line(e)
            })
            .and_then(|end| {
                let mut people = trace(&back, end - 1)?;
                people.push(end - 1..end);
                Some(people)
            });
        for run in complete.into_iter().chain(fragment) {
            if best.as_ref().is_none_or(|b| run_end(&run) > run_end(b)) {
                best = Some(run);
            }
        }
    }
    best.map(|run| {
        run.into_iter()
            .map(|p| p.start + start..p.end + start)
            .collect()
    })
}

/// The word index after the last person of a run.
fn run_end(run: &[Range<usize>]) -> usize {
    run.last().map_or(0, |p| p.end)
}

/// The cell without the byte ranges `covered`: untouched lines as written,
/// the rest of touched lines trimmed of separators, lines left empty dropped.
fn remaining_text(cell: &str, covered: &[Range<usize>]) -> String {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in cell.split('\n') {
        let range = offset..offset + line.len();
        offset = range.end + 1;
        let touching: Vec<&Range<usize>> = covered
            .iter()
            .filter(|c| c.start < range.end && c.end > range.start)
            .collect();
        if touching.is_empty() {
            lines.push(line.to_string());
            continue;
        }
        let kept = uncovered(cell, range, &touching);
        if !kept.is_empty() {
            lines.push(kept);
        }
    }
    lines.join("\n").trim().to_string()
}

/// The parts of `range` outside `covered` (sorted), each trimmed of
/// separators, joined by a space.
fn uncovered(cell: &str, range: Range<usize>, covered: &[&Range<usize>]) -> String {
    let mut parts = Vec::new();
    let mut cursor = range.start;
    for c in covered {
        parts.push(cursor..c.start.clamp(cursor, range.end));
        cursor = c.end.clamp(cursor, range.end);
    }
    parts.push(cursor..range.end);
    let texts: Vec<&str> = parts
        .into_iter()
        .filter_map(|p| cell.get(p))
        .map(|t| t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';')))
        .filter(|t| !t.is_empty())
        .collect();
    texts.join(" ")
}
