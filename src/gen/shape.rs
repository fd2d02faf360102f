//! The imported state of a synthetic roadmap: mechanisms → systems → the
//! nine management-cycle stages → activities, as seed 000 is laid out.

use fastrand::Rng;

use crate::model::{
    Activity, Approval, Column, ColumnRole, Meta, Period, Roadmap, Section, SectionKind, Stage,
    Status, default_columns,
};

use super::words;

/// Systems per mechanism.
const SYSTEMS_PER_MECHANISM: usize = 4;
/// About this many activities per system; more activities, more systems.
const ACTIVITIES_PER_SYSTEM: usize = 400;

/// A 12-hex-digit item id from `rng`.
pub fn item_id(rng: &mut Rng) -> String {
    format!("{:012x}", rng.u64(..1 << 48))
}

fn roadmap_id(rng: &mut Rng) -> String {
    let (a, b) = (rng.u64(..), rng.u64(..));
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}

/// The roadmap as first imported: `activities` activities spread over the
/// stages of enough systems (stages of Меры get the most; some stay empty).
pub fn roadmap(rng: &mut Rng, activities: usize, people: &[String]) -> Roadmap {
    let systems = activities.div_ceil(ACTIVITIES_PER_SYSTEM).max(8);
    let mechanisms = systems.div_ceil(SYSTEMS_PER_MECHANISM);
    let mut sections: Vec<Section> = (0..mechanisms)
        .map(|m| Section {
            id: item_id(rng),
            number: format!("{}.", m + 1),
            title: words::mechanism_title(m),
            kind: SectionKind::Mechanism,
            ..Section::default()
        })
        .collect();
    for s in 0..systems {
        let mechanism = &mut sections[s % mechanisms];
        let number = format!("{}{}.", mechanism.number, mechanism.sections.len() + 1);
        let mut system = Section {
            id: item_id(rng),
            title: words::system_title(s),
            kind: SectionKind::System,
            responsible: words::responsible(rng, people),
            number,
            ..Section::default()
        };
        system.sections = Stage::ALL
            .iter()
            .map(|stage| Section {
                id: item_id(rng),
                number: format!("{}{}.", system.number, stage.number()),
                title: stage.title().to_string(),
                kind: SectionKind::Stage,
                stage: Some(*stage),
                ..Section::default()
            })
            .collect();
        mechanism.sections.push(system);
    }
    for _ in 0..activities {
        let system = rng.usize(..systems);
        // Меры / мероприятия (index 6) is three times as full as the rest.
        let stage = match rng.usize(..11) {
            i @ 0..=8 => i,
            _ => 6,
        };
        let target =
            &mut sections[system % mechanisms].sections[system / mechanisms].sections[stage];
        let number = format!("{}{}.", target.number, target.activities.len() + 1);
        target.activities.push(activity(rng, number, people));
    }
    Roadmap {
        id: roadmap_id(rng),
        meta: meta(activities),
        columns: columns(),
        sections,
        activities: Vec::new(),
    }
}

/// A fresh activity numbered `number`.
pub fn activity(rng: &mut Rng, number: String, people: &[String]) -> Activity {
    let mut cells = std::collections::BTreeMap::new();
    if rng.bool() {
        cells.insert(
            ColumnRole::Result.as_str().to_string(),
            words::result_text(rng),
        );
    }
    Activity {
        id: item_id(rng),
        number,
        text: words::activity_text(rng),
        deadline: words::pick(rng, &words::DEADLINES).to_string(),
        responsible: words::responsible(rng, people),
        status: Status::Planned,
        cells,
        ..Activity::default()
    }
}

fn meta(activities: usize) -> Meta {
    Meta {
        title: format!(
            "План мероприятий («Дорожная карта») по развитию механизмов управления качеством образования (синтетический, {activities} мероприятий)"
        ),
        municipality: "Синтетический край".to_string(),
        approval: Some(Approval {
            number: "491/01-08".to_string(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 2, 26),
        }),
        period: Period::years(2025, 2027),
        notes: "В целях совершенствования муниципальной системы оценки качества образования ПРИКАЗЫВАЮ: утвердить план мероприятий («дорожную карту»).".to_string(),
    }
}

fn columns() -> Vec<Column> {
    let mut columns = default_columns();
    columns.push(Column::new(
        ColumnRole::Result.as_str(),
        "Планируемый результат",
        ColumnRole::Result,
    ));
    columns
}
