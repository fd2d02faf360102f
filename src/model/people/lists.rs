//! Reading a run of words as a list of people, each a surname next to its
//! initials, in either order.

use std::ops::Range;

use super::classes::Class;
use super::words::Word;

/// Which way round the people of a list are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// "Сенюта Л.А." only.
    SurnameFirst,
    /// "Л.А. Сенюта" only.
    InitialsFirst,
    /// Both, mixed within the list.
    Either,
}

/// The orders to try for a list of words, the order of its first pair first.
pub(super) fn orders(classes: &[Class]) -> [Order; 3] {
    match classes.first() {
        Some(Class::Initials(_)) => [Order::InitialsFirst, Order::SurnameFirst, Order::Either],
        _ => [Order::SurnameFirst, Order::InitialsFirst, Order::Either],
    }
}

/// Whether the words `at..at + count` form one person's initials: one
/// initials word, or several single-letter ones ("Л. А.").
fn initials_group(classes: &[Class], at: usize, count: usize) -> bool {
    match classes.get(at..at + count) {
        Some([Class::Initials(_)]) => true,
        Some(group) if count > 1 => group
            .iter()
            .all(|c| matches!(c, Class::Initials(l) if l.len() == 1)),
        _ => false,
    }
}

/// The ends of the people that may start at word `k` when read in `order`,
/// preferred first. A person never spans a comma or semicolon.
fn person_ends(classes: &[Class], words: &[Word], k: usize, order: Order) -> Vec<usize> {
    let mut ends = Vec::new();
    match classes.get(k) {
        Some(Class::Glued(..)) => ends.push(k + 1),
        Some(Class::Surname) if order != Order::InitialsFirst => ends.extend(
            (1..=3)
                .rev()
                .filter(|&g| initials_group(classes, k + 1, g))
                .map(|g| k + 1 + g),
        ),
        Some(Class::Initials(_)) if order != Order::SurnameFirst => ends.extend(
            (1..=3)
                .rev()
                .filter(|&g| {
                    initials_group(classes, k, g) && classes.get(k + g) == Some(&Class::Surname)
                })
                .map(|g| k + g + 1),
        ),
        _ => {}
    }
    ends.retain(|&end| {
        words
            .get(k + 1..end)
            .is_some_and(|inner| inner.iter().all(|w| !w.hard))
    });
    ends
}

/// For every word position up to the furthest one reached, the start of the
/// last person of a reading of the words before it as a list of people
/// (`Some(0)` at position 0, `None` where no reading ends).
pub(super) fn readings(classes: &[Class], words: &[Word], order: Order) -> Vec<Option<usize>> {
    let mut back = vec![Some(0)];
    let mut k = 0;
    while k < back.len() && k < classes.len() {
        if back[k].is_some() {
            for end in person_ends(classes, words, k, order) {
                if back.len() <= end {
                    back.resize(end + 1, None);
                }
                back[end].get_or_insert(k);
            }
        }
        k += 1;
    }
    back
}

/// The people (word ranges) of the reading that ends at `end`.
pub(super) fn trace(back: &[Option<usize>], end: usize) -> Option<Vec<Range<usize>>> {
    let mut people = Vec::new();
    let mut e = end;
    while e > 0 {
        let s = (*back.get(e)?)?;
        people.push(s..e);
        e = s;
    }
    people.reverse();
    Some(people)
}

/// The words read as a list of one or more people, all of them used.
pub(super) fn people(classes: &[Class], words: &[Word]) -> Option<Vec<Range<usize>>> {
    orders(classes)
        .into_iter()
        .filter_map(|order| trace(&readings(classes, words, order), classes.len()))
        .find(|people| !people.is_empty())
}
