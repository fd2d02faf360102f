//! Tests of long and random cells: no panics, consistent results.

use super::super::letters::collapse_whitespace;
use super::super::{display_name, entry_key, is_person, split_deadline_and_names, split_entries};

#[test]
fn reads_long_cells() {
    let people = "Сенюта Л.А. ".repeat(3000);
    assert_eq!(split_entries(&people).len(), 3000);
    let (deadline, names) = split_deadline_and_names(&format!("Декабрь 2021 {people}"));
    assert_eq!((deadline.as_str(), names.len()), ("Декабрь 2021", 3000));

    let surnames = "Сенюта ".repeat(4000);
    assert_eq!(split_entries(&surnames), vec![surnames.trim().to_string()]);
    assert_eq!(split_deadline_and_names(&surnames).1, Vec::<String>::new());

    let initials = "Л. ".repeat(4000);
    assert_eq!(split_entries(&initials).len(), 1);
    assert!(!is_person(&initials));
}

/// A deterministic pseudo-random generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() % items.len()]
    }
}

/// A random cell of letters, initials, names, punctuation and digits.
fn random_cell(rng: &mut Lcg) -> String {
    const PIECES: &[&str] = &[
        "А",
        "Б",
        "В",
        "Г",
        "Ё",
        "Л",
        "Я",
        "а",
        "е",
        "ё",
        "о",
        "я",
        "ы",
        "ь",
        "A",
        "B",
        "K",
        "a",
        "y",
        "x",
        ".",
        ".",
        ",",
        ",",
        ";",
        " ",
        " ",
        " ",
        "\n",
        "\r",
        "\t",
        "-",
        "0",
        "2",
        "9",
        "«",
        "»",
        "\"",
        "“",
        "”",
        "„",
        "(",
        ")",
        "Сенюта",
        "Л.А.",
        "А,В.",
        "А.М",
        "УО",
        "ОО",
        "г.",
        "Декабрь",
        "2021",
        "Ежегодно",
        "Петрова-Водкина",
        "\u{a0}",
    ];
    let len = rng.next() % 40;
    (0..len).map(|_| *rng.pick(PIECES)).collect()
}

#[test]
fn never_panics_and_stays_consistent() {
    let mut rng = Lcg(2021);
    for _ in 0..5000 {
        let cell = random_cell(&mut rng);
        for entry in split_entries(&cell) {
            assert!(!entry.is_empty(), "{cell:?}");
            assert_eq!(entry, collapse_whitespace(&entry), "{cell:?}");
            let display = display_name(&entry);
            assert_eq!(entry_key(&display), entry_key(&entry), "{entry:?}");
            assert_eq!(is_person(&display), is_person(&entry), "{entry:?}");
        }
        let (deadline, names) = split_deadline_and_names(&cell);
        assert_eq!(deadline, deadline.trim(), "{cell:?}");
        assert!(names.iter().all(|n| !n.is_empty()), "{cell:?}");
        let _ = (entry_key(&cell), display_name(&cell), is_person(&cell));
    }
}
