//! Splitting a responsible cell into entries, one per person or body.

use std::ops::Range;

use super::classes::{Class, classify_all};
use super::letters::Case;
use super::lists::people;
use super::words::{Word, pieces, span_text, tokenize};

/// Splits a responsible cell into entries, one per person or body, each as
/// written (trimmed, whitespace collapsed). "Л.А. Сенюта И.П. Корчевская"
/// gives two entries; "УО, УМК," gives "УО" and "УМК".
///
/// A position after a person stays with the person («Фролова Е.В.,
/// начальник отдела» is one entry); «Организация (Фамилия И.О.)» gives the
/// organisation and the person.
///
/// Commas and semicolons always separate entries (except a comma typed inside
/// initials, "А,В.", or inside quotes or brackets). A piece made only of
/// people is split into the people; otherwise each of its lines is a person
/// list or one body phrase.
pub fn split_entries(cell: &str) -> Vec<String> {
    let words = tokenize(cell, Case::Strict);
    let classes = classify_all(cell, &words, Case::Strict);
    let entries = pieces(&words, |w| w.hard)
        .into_iter()
        .flat_map(|piece| piece_entries(cell, &words, &classes, piece))
        .collect();
    super::positions::regroup(entries)
}

/// The entries of one comma-separated piece of a responsible cell: its
/// people when it is made only of people, else line by line.
fn piece_entries(
    text: &str,
    words: &[Word],
    classes: &[Class],
    piece: Range<usize>,
) -> Vec<String> {
    if let Some(people) = read_people(text, words, classes, piece.clone()) {
        return people;
    }
    let lines = pieces(words.get(piece.clone()).unwrap_or_default(), |w| {
        w.line_break
    });
    lines
        .into_iter()
        .flat_map(|line| {
            let line = line.start + piece.start..line.end + piece.start;
            read_people(text, words, classes, line.clone())
                .unwrap_or_else(|| vec![span_text(text, words, line)])
        })
        .collect()
}

/// The people of the words `range`, as written, when they are all people.
fn read_people(
    text: &str,
    words: &[Word],
    classes: &[Class],
    range: Range<usize>,
) -> Option<Vec<String>> {
    let found = people(classes.get(range.clone())?, words.get(range.clone())?)?;
    let shifted = found
        .into_iter()
        .map(|p| p.start + range.start..p.end + range.start);
    Some(shifted.map(|p| span_text(text, words, p)).collect())
}
