//! Russian plural forms: "1 мероприятие", "2 мероприятия", "5 мероприятий".

/// The form of a word for `n`: `one` for 1, 21, 31…; `few` for 2–4, 22–24…;
/// `many` for 0, 5–20, 25–30….
pub fn choose<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let tens = n % 100;
    let units = n % 10;
    if (11..=14).contains(&tens) {
        many
    } else if units == 1 {
        one
    } else if (2..=4).contains(&units) {
        few
    } else {
        many
    }
}

/// "N мероприятие/мероприятия/мероприятий".
pub fn activities(n: usize) -> String {
    format!(
        "{n} {}",
        choose(n, "мероприятие", "мероприятия", "мероприятий")
    )
}

/// "N раздел/раздела/разделов".
pub fn sections(n: usize) -> String {
    format!("{n} {}", choose(n, "раздел", "раздела", "разделов"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals() {
        let cases = [
            (0, "0 мероприятий"),
            (1, "1 мероприятие"),
            (2, "2 мероприятия"),
            (4, "4 мероприятия"),
            (5, "5 мероприятий"),
            (11, "11 мероприятий"),
            (14, "14 мероприятий"),
            (21, "21 мероприятие"),
            (22, "22 мероприятия"),
            (84, "84 мероприятия"),
            (111, "111 мероприятий"),
            (101, "101 мероприятие"),
        ];
        for (n, text) in cases {
            assert_eq!(activities(n), text);
        }
        assert_eq!(sections(3), "3 раздела");
    }
}
