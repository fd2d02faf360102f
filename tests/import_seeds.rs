//! The five reference roadmaps import faithfully.

mod common;

use common::*;
use karta::model::{ColumnRole, SectionKind, Stage};

#[test]
fn every_seed_has_its_activities_and_sections() {
    for (name, activities, top) in SAMPLES {
        let r = import_sample(name);
        assert_eq!(r.activity_count(), activities, "{name}: activities");
        assert_eq!(r.sections.len(), top, "{name}: top-level sections");
        assert!(
            r.activities.is_empty(),
            "{name}: no activity outside sections"
        );
        for (_, a) in r.activities_with_path() {
            assert!(!a.text.trim().is_empty(), "{name}: empty activity text");
            assert!(!a.text.contains('<'), "{name}: HTML left in «{}»", a.text);
            assert!(
                !a.deadline.contains('<'),
                "{name}: HTML left in «{}»",
                a.deadline
            );
        }
    }
}

#[test]
fn lesosibirsk_follows_the_management_cycle() {
    let r = import_sample("lesosibirsk");
    assert_eq!(r.sections.len(), 2);
    assert!(r.sections.iter().all(|s| s.kind == SectionKind::Mechanism));
    let systems: Vec<_> = r.sections.iter().flat_map(|m| &m.sections).collect();
    assert_eq!(systems.len(), 8);
    for system in &systems {
        assert_eq!(system.kind, SectionKind::System, "{}", system.title);
        let stages: Vec<Stage> = system.sections.iter().filter_map(|s| s.stage).collect();
        assert_eq!(
            stages,
            Stage::ALL,
            "{}: the nine stages in order",
            system.title
        );
        assert!(
            !system.responsible.is_empty(),
            "{}: ответственные за направление",
            system.title
        );
    }
    let first = &systems[0];
    assert_eq!(first.number, "1.1");
    assert_eq!(first.responsible, ["Л.А. Сенюта", "И.П. Корчевская"]);
    // Empty stages stay, as gaps.
    assert!(first.sections[0].activities.is_empty());
    assert_eq!(first.sections[0].title, "Цели");
    // Columns of its own, with the untitled stage column recognised.
    let roles: Vec<ColumnRole> = r.columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [
            ColumnRole::Stage,
            ColumnRole::Text,
            ColumnRole::Deadline,
            ColumnRole::SectionResponsible
        ]
    );
}

#[test]
fn lesosibirsk_page_breaks_are_joined() {
    let r = import_sample("lesosibirsk");
    let all = r.activities_with_path();
    // "1. Определить и утвердить сроки…" continues after a page break in lower case.
    let (_, a) = all
        .iter()
        .find(|(_, a)| {
            a.text
                .starts_with("1. Определить и утвердить сроки мониторинга")
        })
        .expect("the activity split by a page break");
    assert!(
        a.text
            .contains("показателей по индивидуальным учебным планам;"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("\n2. Определить и утвердить"),
        "list items kept as lines: {}",
        a.text
    );
    assert!(
        a.deadline.starts_with("До конца апреля 2022\n"),
        "{}",
        a.deadline
    );
    // A name cut by a page break ("Гилязутдинова" / "А.М") is joined again.
    let (_, b) = all
        .iter()
        .find(|(_, a)| {
            a.text
                .starts_with("Провести анализ реализации программ развития ОУ")
        })
        .expect("activity 2.1 measures");
    assert_eq!(b.deadline, "Декабрь 2021");
    assert!(
        b.responsible.iter().any(|p| p == "Гилязутдинова А.М"),
        "{:?}",
        b.responsible
    );
}

#[test]
fn lesosibirsk_names_leave_the_deadline_cell() {
    let r = import_sample("lesosibirsk");
    let (_, a) = r
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| {
            a.text
                .starts_with("Внести коррективы в муниципальную Программу")
        })
        .expect("activity");
    assert_eq!(a.deadline, "Январь 2022");
    assert_eq!(a.responsible, ["Сенюта Л.А.", "Корчевская И.П."]);
}

#[test]
fn tynda_keeps_the_order_as_notes() {
    let r = import_sample("tynda");
    let approval = r.meta.approval.as_ref().expect("approval");
    assert_eq!(approval.number, "242");
    assert_eq!(
        approval.date.map(|d| d.to_string()).as_deref(),
        Some("2020-06-22")
    );
    assert!(r.meta.notes.contains("П Р И К А З"));
    assert!(r.meta.notes.contains("О.Н. Неронова"));
    assert!(
        r.meta
            .title
            .starts_with("План мероприятий («Дорожная карта») по развитию")
    );
    let period = r.meta.period.expect("period");
    assert_eq!(
        (period.from.to_string(), period.to.to_string()),
        ("2020-01-01".into(), "2021-12-31".into())
    );
    let s1 = section_by_number(&r.sections, "1.").expect("section 1");
    let a14 = s1
        .activities
        .iter()
        .find(|a| a.number == "1.4.")
        .expect("1.4.");
    assert!(
        a14.text
            .contains("эффективности деятельности руководителей"),
        "joined: {}",
        a14.text
    );
    assert!(
        a14.text
            .contains("\n- по качеству управленческой деятельности"),
        "{}",
        a14.text
    );
    let s2 = section_by_number(&r.sections, "2.").expect("section 2");
    let a23 = s2
        .activities
        .iter()
        .find(|a| a.number == "2.3.")
        .expect("2.3.");
    assert_eq!(
        a23.deadline,
        "в соответствии с графиком проведения международных исследований"
    );
    assert_eq!(a23.responsible, ["УО", "образовательные организации"]);
}

#[test]
fn lysva_keeps_its_result_column() {
    let r = import_sample("lysva");
    let result = r.column(ColumnRole::Result).expect("Планируемый результат");
    assert_eq!(result.title, "Планируемый результат");
    let a14 = section_by_number(&r.sections, "1.")
        .and_then(|s| s.activities.iter().find(|a| a.number == "1.4."))
        .expect("1.4.");
    assert!(
        a14.text
            .ends_with("федерального, регионального, муниципального уровня"),
        "{}",
        a14.text
    );
    assert_eq!(
        a14.cells.get(&result.key).map(String::as_str),
        Some(
            "Утвержден план мероприятий по переходу школ с низкими образовательными результатами обучающихся в эффективный режим работы"
        )
    );
    let a36 = section_by_number(&r.sections, "3.")
        .and_then(|s| s.activities.iter().find(|a| a.number == "3.6."))
        .expect("3.6.");
    assert_eq!(a36.responsible, ["Управление образования"]);
    assert_eq!(
        r.meta.approval.as_ref().map(|a| a.number.as_str()),
        Some("491/01-08")
    );
}

#[test]
fn sasovo_restarts_numbering_in_subsections() {
    let r = import_sample("sasovo");
    let subsections: usize = r.sections.iter().map(|s| s.sections.len()).sum();
    assert_eq!(subsections, 7);
    let roles: Vec<ColumnRole> = r.columns.iter().map(|c| c.role).collect();
    assert!(roles.contains(&ColumnRole::Problem));
    assert!(roles.contains(&ColumnRole::Solution));
    assert!(roles.contains(&ColumnRole::Risks));
    let kadry = section_by_number(&r.sections, "2.2.").expect("2.2. from a plain text line");
    assert_eq!(kadry.title, "КАДРОВОЕ ОБЕСПЕЧЕНИЕ");
    assert_eq!(kadry.activities.len(), 6);
    assert_eq!(kadry.activities[0].number, "1.");
    assert!(
        kadry.activities[5]
            .text
            .ends_with("в инновационной деятельности и пр.)")
    );
    assert!(r.meta.notes.starts_with("Информационная справка"));
}

#[test]
fn chernogorsk_subitems_and_the_unnumbered_row() {
    let r = import_sample("chernogorsk");
    assert_eq!(r.sections.len(), 10);
    let s10 = section_by_number(&r.sections, "10.").expect("10.");
    let numbers: Vec<&str> = s10.activities.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "10.1.", "10.2.", "", "10.3.", "10.3.1.", "10.4.", "10.4.1.", "10.5.", "10.5.1.",
            "10.6.", "10.6.1.", "10.7.", "10.8."
        ]
    );
    let s4 = section_by_number(&r.sections, "4.").expect("4.");
    let a47 = s4
        .activities
        .iter()
        .find(|a| a.number == "4.7")
        .expect("4.7");
    assert!(
        a47.text.ends_with("Принятие управленческих решений"),
        "{}",
        a47.text
    );
    let s3 = section_by_number(&r.sections, "3.").expect("3. from a plain text line");
    assert_eq!(s3.activities.len(), 14);
    assert_eq!(r.meta.municipality, "город Черногорск");
}
