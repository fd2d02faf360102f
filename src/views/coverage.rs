//! The management-cycle coverage of a roadmap as data: for each system (or
//! top-level section) the number of activities at each of the nine stages;
//! a stage with none is a gap. Stages come from the structure where the
//! roadmap is built on stage sections, else from each activity's wording
//! (or as set by hand), see [`crate::model::cycle`].

use crate::model::cycle::{StageSource, stage_of};
use crate::model::{Activity, Roadmap, Section, SectionKind, Stage};

/// One cell: how many activities, and how many of them were placed by
/// their wording only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cell {
    /// Activities at the stage.
    pub count: usize,
    /// Of them, those whose stage was inferred from the wording.
    pub inferred: usize,
}

impl Cell {
    /// Whether the stage has no activity.
    pub fn is_gap(&self) -> bool {
        self.count == 0
    }
}

/// One row: a system or section with its activities by stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The section's id (empty: the activities outside any section).
    pub id: String,
    /// Number and title as written (empty: outside any section).
    pub title: String,
    /// One cell per stage, in cycle order.
    pub cells: [Cell; 9],
    /// Activities whose stage could not be told.
    pub unknown: usize,
    /// The row's activities (ids) with their stage, in reading order.
    pub activities: Vec<(String, Option<(Stage, StageSource)>)>,
}

impl Row {
    /// How many stages have no activity.
    pub fn gaps(&self) -> usize {
        self.cells.iter().filter(|c| c.is_gap()).count()
    }
}

/// The whole matrix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Rows in the roadmap's order.
    pub rows: Vec<Row>,
}

impl Coverage {
    /// How many cells of the matrix are gaps.
    pub fn gaps(&self) -> usize {
        self.rows.iter().map(Row::gaps).sum()
    }

    /// Whether any stage was inferred from wording.
    pub fn has_inferred(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.inferred > 0))
    }
}

/// The coverage of `roadmap`. Each activity counts in the row of the
/// nearest system above it, else of its top-level section; activities
/// outside any section make a row of their own.
pub fn coverage(roadmap: &Roadmap) -> Coverage {
    let mut empty = Vec::new();
    empty_systems(&roadmap.sections, &mut empty);
    build(roadmap.activities_with_path(), &empty)
}

/// The coverage of some activities (each with the sections above it,
/// outermost first), with rows for the systems in `empty` that have none.
pub fn build<'a>(
    items: impl IntoIterator<Item = (Vec<&'a Section>, &'a Activity)>,
    empty: &[&Section],
) -> Coverage {
    let mut rows: Vec<Row> = Vec::new();
    for (path, activity) in items {
        let owner = row_section(&path);
        let id = owner.map_or(String::new(), |s| s.id.clone());
        let index = match rows.iter().position(|r| r.id == id) {
            Some(i) => i,
            None => {
                rows.push(Row {
                    title: owner.map_or(String::new(), title),
                    id,
                    cells: [Cell::default(); 9],
                    unknown: 0,
                    activities: Vec::new(),
                });
                rows.len() - 1
            }
        };
        let row = &mut rows[index];
        let stage = stage_of(&path, activity);
        match stage {
            Some((stage, source)) => {
                let cell = &mut row.cells[usize::from(stage.number()) - 1];
                cell.count += 1;
                if source == StageSource::Inferred {
                    cell.inferred += 1;
                }
            }
            None => row.unknown += 1,
        }
        row.activities.push((activity.id.clone(), stage));
    }
    for s in empty {
        if !rows.iter().any(|r| r.id == s.id) {
            rows.push(Row {
                id: s.id.clone(),
                title: title(s),
                cells: [Cell::default(); 9],
                unknown: 0,
                activities: Vec::new(),
            });
        }
    }
    Coverage { rows }
}

/// The section whose row an activity under `path` counts in.
fn row_section<'a>(path: &[&'a Section]) -> Option<&'a Section> {
    path.iter()
        .rev()
        .find(|s| s.kind == SectionKind::System)
        .or_else(|| path.first())
        .copied()
}

/// The systems with no activity at all: rows too (every stage a gap).
fn empty_systems<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
    for s in sections {
        if s.kind == SectionKind::System && s.activity_count() == 0 {
            out.push(s);
        }
        empty_systems(&s.sections, out);
    }
}

fn title(s: &Section) -> String {
    let number = s.number.trim();
    if number.is_empty() {
        s.title.clone()
    } else {
        format!("{number} {}", s.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn activity(text: &str) -> Activity {
        Activity {
            id: text.to_string(),
            text: text.to_string(),
            ..Activity::default()
        }
    }

    #[test]
    fn stages_from_structure_and_from_wording_fill_the_matrix() {
        let stage = |n: u64, texts: &[&str]| Section {
            id: format!("stage{n}"),
            kind: SectionKind::Stage,
            stage: Stage::from_number(n),
            activities: texts.iter().map(|t| activity(t)).collect(),
            ..Section::default()
        };
        let system = Section {
            id: "sys".into(),
            number: "1.".into(),
            title: "Система оценки".into(),
            kind: SectionKind::System,
            sections: vec![stage(1, &["a", "b"]), stage(4, &["c"])],
            ..Section::default()
        };
        let plain = Section {
            id: "plain".into(),
            title: "Прочее".into(),
            activities: vec![activity("Семинар для учителей"), activity("Прочее")],
            ..Section::default()
        };
        let roadmap = Roadmap {
            sections: vec![system, plain],
            ..Roadmap::default()
        };
        let c = coverage(&roadmap);
        assert_eq!(c.rows.len(), 2);
        let sys = &c.rows[0];
        assert_eq!(sys.title, "1. Система оценки");
        assert_eq!(sys.cells[0].count, 2);
        assert_eq!(sys.cells[3].count, 1);
        assert_eq!(sys.gaps(), 7);
        let plain = &c.rows[1];
        assert_eq!(
            plain.cells[6],
            Cell {
                count: 1,
                inferred: 1
            }
        );
        assert_eq!(plain.unknown, 1);
        assert!(c.has_inferred());
        assert_eq!(c.gaps(), 7 + 8);
    }
}
