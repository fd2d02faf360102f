//! Table-driven tests of deadline phrases: every phrase of DOMAIN.md and
//! the forms real roadmaps use.

use chrono::NaiveDate;

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Лесосибирск: 2021–2022, approved 26.02.2022.
fn ctx() -> DeadlineContext {
    DeadlineContext {
        period: Some(crate::model::Period {
            from: day("2021-01-01"),
            to: day("2022-12-31"),
        }),
        anchor: Some(day("2021-02-26")),
    }
}

use DeadlineKind::*;

/// (text, kind, start, end, guess); dates as "YYYY-MM-DD" or "".
const TABLE: &[(&str, DeadlineKind, &str, &str, bool)] = &[
    // By a date.
    ("до 01.03.22", Date, "", "2022-03-01", false),
    ("До 01.11.2021", Date, "", "2021-11-01", false),
    ("до 1 февраля 2024", Date, "", "2024-02-01", false),
    ("к 15 мая 2023 г.", Date, "", "2023-05-15", false),
    ("не позднее 20.12.2021", Date, "", "2021-12-20", false),
    ("01.09.2021", Date, "", "2021-09-01", false),
    (
        "с 01.09.2021 по 31.05.2022",
        Period,
        "2021-09-01",
        "2022-05-31",
        false,
    ),
    (
        "01.09.2021-31.05.2022",
        Period,
        "2021-09-01",
        "2022-05-31",
        false,
    ),
    // Months.
    ("Декабрь 2021", Period, "2021-12-01", "2021-12-31", false),
    ("Май 2022", Period, "2022-05-01", "2022-05-31", false),
    ("август 2022", Period, "2022-08-01", "2022-08-31", false),
    (
        "в сентябре 2021 года",
        Period,
        "2021-09-01",
        "2021-09-30",
        false,
    ),
    (
        "Декабрь 2021 – май 2022",
        Period,
        "2021-12-01",
        "2022-05-31",
        false,
    ),
    (
        "Октябрь-март 2021-2022",
        Period,
        "2021-10-01",
        "2022-03-31",
        false,
    ),
    (
        "Сентябрь-октябрь, 2021",
        Period,
        "2021-09-01",
        "2021-10-31",
        false,
    ),
    (
        "с сентября 2021 по май 2022",
        Period,
        "2021-09-01",
        "2022-05-31",
        false,
    ),
    (
        "Ноябрь 2021, январь 2022",
        Period,
        "2021-11-01",
        "2022-01-31",
        false,
    ),
    // Quarters and half-years.
    ("IV квартал 2023", Period, "2023-10-01", "2023-12-31", false),
    (
        "1 квартал 2022 г.",
        Period,
        "2022-01-01",
        "2022-03-31",
        false,
    ),
    (
        "2-е полугодие 2022",
        Period,
        "2022-07-01",
        "2022-12-31",
        false,
    ),
    (
        "I-II квартал 2022",
        Period,
        "2022-01-01",
        "2022-06-30",
        false,
    ),
    // The school calendar.
    (
        "2024/2025 учебный год",
        Period,
        "2024-09-01",
        "2025-05-31",
        false,
    ),
    (
        "2024-2025 уч. г.",
        Period,
        "2024-09-01",
        "2025-05-31",
        false,
    ),
    (
        "1 полугодие 2024/2025 уч. года",
        Period,
        "2024-09-01",
        "2024-12-31",
        false,
    ),
    (
        "2 полугодие 2024-2025 учебного года",
        Period,
        "2025-01-01",
        "2025-05-31",
        false,
    ),
    (
        "II четверть 2024/25 учебного года",
        Period,
        "2024-11-01",
        "2024-12-31",
        false,
    ),
    ("I четверть", Recurring, "2021-09-01", "2022-10-31", false),
    (
        "в течение 2024/2025 учебного года",
        Continuous,
        "2024-09-01",
        "2025-05-31",
        false,
    ),
    (
        "по итогам 2024-2025 учебного года",
        Period,
        "2025-06-01",
        "2025-06-30",
        false,
    ),
    (
        "в течение 2 недель после получения результатов",
        Event,
        "",
        "",
        false,
    ),
    (
        "не позднее 10 дней с момента получения результатов",
        Event,
        "",
        "",
        false,
    ),
    ("в течение месяца после проведения", Event, "", "", false),
    // Years.
    ("2025", Period, "2025-01-01", "2025-12-31", false),
    ("2020 год", Period, "2020-01-01", "2020-12-31", false),
    ("2020-2021", Period, "2020-01-01", "2021-12-31", false),
    ("2022-2025 гг.", Period, "2022-01-01", "2025-12-31", false),
    (
        "2021-2022 учебный год",
        Period,
        "2021-09-01",
        "2022-05-31",
        false,
    ),
    (
        "в течение 2022 года",
        Period,
        "2022-01-01",
        "2022-12-31",
        false,
    ),
    // By the end of a month.
    ("До конца мая 2022г.", Date, "", "2022-05-31", false),
    ("до конца 2022 года", Date, "", "2022-12-31", false),
    ("До конца апреля", Date, "", "2021-04-30", true),
    // Typos read as guesses.
    (
        "Декабрь 202- январь 2022",
        Period,
        "2021-12-01",
        "2022-01-31",
        true,
    ),
    // Recurring: first and last window inside the period.
    ("Ежегодно", Recurring, "2021-01-01", "2022-12-31", false),
    (
        "Ежегодно (при наличии)",
        Recurring,
        "2021-01-01",
        "2022-12-31",
        false,
    ),
    (
        "Ежегодно, август",
        Recurring,
        "2021-08-01",
        "2022-08-31",
        false,
    ),
    (
        "ежегодно до 20 декабря",
        Recurring,
        "2021-12-20",
        "2022-12-20",
        false,
    ),
    ("Декабрь Июнь", Recurring, "2021-06-01", "2022-12-31", false),
    (
        "Ноябрь, январь, март, июнь",
        Recurring,
        "2021-01-01",
        "2022-11-30",
        false,
    ),
    (
        "Август-сентябрь",
        Recurring,
        "2021-08-01",
        "2022-09-30",
        false,
    ),
    ("Июнь-июль", Recurring, "2021-06-01", "2022-07-31", false),
    (
        "ежеквартально",
        Recurring,
        "2021-01-01",
        "2022-12-31",
        false,
    ),
    ("2 раза в год", Recurring, "2021-01-01", "2022-12-31", false),
    (
        "По итогам учебного года",
        Recurring,
        "2021-06-01",
        "2022-06-30",
        false,
    ),
    (
        "по итогам четверти",
        Recurring,
        "2021-03-15",
        "2022-12-31",
        false,
    ),
    // Events.
    ("По итогам проведения", Event, "", "", false),
    ("По итогам выявления", Event, "", "", false),
    (
        "В соответствии с графиком проведения НИКО",
        Event,
        "",
        "",
        false,
    ),
    ("По плану", Event, "", "", false),
    ("по мере необходимости", Event, "", "", false),
    ("После проведения ВПР", Event, "", "", false),
    // Continuous.
    ("Постоянно", Continuous, "2021-01-01", "2022-12-31", false),
    (
        "В течение года",
        Continuous,
        "2021-01-01",
        "2022-12-31",
        false,
    ),
    (
        "В течение учебного года",
        Continuous,
        "2021-01-01",
        "2022-12-31",
        false,
    ),
    (
        "в течение всего периода реализации",
        Continuous,
        "2021-01-01",
        "2022-12-31",
        false,
    ),
    // Not understood: never a silent guess.
    ("", Unknown, "", "", false),
    ("по итогам 2021 года", Unknown, "", "", false),
    ("когда-нибудь", Unknown, "", "", false),
    ("31.02.2022", Unknown, "", "", false),
    ("Декабрь 2021 Колосов", Unknown, "", "", false),
    ("32 декабря 2021", Unknown, "", "", false),
];

fn opt(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| day(s))
}

#[test]
fn every_phrase_of_the_table_reads_as_expected() {
    let mut wrong = Vec::new();
    for &(text, kind, start, end, guess) in TABLE {
        let d = parse(text, &ctx());
        let got = (d.kind, d.start, d.end, d.guess);
        let want = (kind, opt(start), opt(end), guess);
        if got != want {
            wrong.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
        assert_eq!(d.text, text, "the text is kept as written");
    }
    assert!(wrong.is_empty(), "misread:\n{}", wrong.join("\n"));
}

#[test]
fn recurring_deadlines_list_their_windows_and_the_next_one() {
    let d = parse("Декабрь Июнь", &ctx());
    let ends: Vec<NaiveDate> = d.occurrences.iter().map(|s| s.end).collect();
    assert_eq!(
        ends,
        [
            day("2021-06-30"),
            day("2021-12-31"),
            day("2022-06-30"),
            day("2022-12-31")
        ]
    );
    let next = d.next_occurrence(day("2022-01-10")).expect("a next window");
    assert_eq!(next.start, day("2022-06-01"));
    assert_eq!(d.next_occurrence(day("2023-01-01")), None);
}

#[test]
fn every_three_years_steps_through_the_period() {
    let long = DeadlineContext {
        period: Some(crate::model::Period {
            from: day("2020-01-01"),
            to: day("2028-12-31"),
        }),
        anchor: None,
    };
    let d = parse("1 раз в 3 года для каждой организации", &long);
    assert_eq!(d.kind, Recurring);
    let starts: Vec<NaiveDate> = d.occurrences.iter().map(|s| s.start).collect();
    assert_eq!(
        starts,
        [day("2020-01-01"), day("2023-01-01"), day("2026-01-01")]
    );
}

#[test]
fn yearless_phrases_need_the_period() {
    let none = DeadlineContext::default();
    assert_eq!(parse("До конца апреля", &none).kind, Unknown);
    assert_eq!(parse("Ежегодно", &none).kind, Recurring);
    assert!(parse("Ежегодно", &none).occurrences.is_empty());
}

#[test]
fn a_yearless_day_after_the_approval_takes_the_next_year() {
    let approved_in_june = DeadlineContext {
        anchor: Some(day("2021-06-01")),
        ..ctx()
    };
    let d = parse("До конца апреля", &approved_in_june);
    assert_eq!(
        (d.kind, d.end, d.guess),
        (Date, Some(day("2022-04-30")), false)
    );
}

#[test]
fn groups_follow_today_and_the_status() {
    let today = day("2022-03-01");
    let g = |text: &str, open: bool| parse(text, &ctx()).group(today, open);
    assert_eq!(g("до 01.02.22", true), DeadlineGroup::Overdue);
    assert_eq!(g("до 01.02.22", false), DeadlineGroup::Past);
    assert_eq!(g("до 01.03.22", true), DeadlineGroup::Soon);
    assert_eq!(g("до 31.03.2022", true), DeadlineGroup::Soon);
    assert_eq!(g("до 01.04.2022", true), DeadlineGroup::Later);
    assert_eq!(g("Декабрь 2021 – май 2022", true), DeadlineGroup::Later);
    assert_eq!(g("Ежегодно", true), DeadlineGroup::Recurring);
    assert_eq!(g("По плану", true), DeadlineGroup::Event);
    assert_eq!(g("Постоянно", true), DeadlineGroup::Continuous);
    assert_eq!(g("когда-нибудь", true), DeadlineGroup::Unknown);
    assert_eq!(g("  ", true), DeadlineGroup::Missing);
}

#[test]
fn several_lines_in_one_cell_are_read_together() {
    let d = parse("Декабрь 2021\nМай 2022", &ctx());
    assert_eq!(
        (d.kind, d.start, d.end),
        (Period, opt("2021-12-01"), opt("2022-05-31"))
    );
    let d = parse("Декабрь 2021;\nпо итогам проведения", &ctx());
    assert_eq!(d.kind, Period);
}

proptest::proptest! {
    #[test]
    fn parse_never_panics(text in "\\PC{0,80}") {
        let d = parse(&text, &ctx());
        proptest::prop_assert_eq!(d.text, text);
    }

    #[test]
    fn phrase_soup_never_panics(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "до", "конца", "декабрь", "2021", "202", "-", "ежегодно", ",", "по",
            "итогам", "IV", "квартал", "01.03.22", "31", "с", "в", "течение",
            "года", "раз", "3", "0", "29.02", "\n", "9999", "учебного",
        ]),
        0..12,
    )) {
        let text = words.join(" ");
        let _ = parse(&text, &ctx());
    }
}
