//! The coverage of the management cycle: one heading per system (or
//! top-level section) showing its activities at each of the nine stages,
//! gaps marked; under it its activities, in cycle order.

use crate::i18n::Lang;
use crate::model::SectionKind;
use crate::present::coverage::{header, row_line};
use crate::views::coverage::build;

use super::super::ids::GroupKey;
use super::super::rows::{Row, Source};
use super::View;

/// Width of the name column of the matrix.
const NAME_WIDTH: usize = 40;

/// The view by management-cycle stage.
pub struct Coverage;

impl View for Coverage {
    fn name(&self) -> &'static str {
        "cycle"
    }

    fn title(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "coverage-cycle-coverage")
    }

    fn describe(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "coverage-view-coverage-of-the-management")
    }

    fn rows(&self, source: &Source) -> Vec<Row> {
        rows(source)
    }
}

fn rows(source: &Source) -> Vec<Row> {
    let Source {
        catalog,
        passing,
        lang,
        ..
    } = source;
    let lang = *lang;
    let items = catalog
        .entries
        .iter()
        .enumerate()
        .filter(|(i, _)| passing[*i])
        .map(|(_, e)| (catalog.path_sections(e), &e.activity));
    let empty: Vec<&crate::model::Section> = catalog
        .sections
        .iter()
        .filter(|s| s.section.kind == SectionKind::System && s.activities == 0)
        .map(|s| &s.section)
        .collect();
    let matrix = build(items, &empty);
    let mut rows = Vec::new();
    let legend = crate::tr_static!(lang, "coverage-gap-3-from-the-wording");
    let title = format!("{}   {legend}", header(lang, NAME_WIDTH));
    source.push_group(&mut rows, GroupKey::Cycle(None), title, Vec::new());
    for row in &matrix.rows {
        let mut entries: Vec<(u8, usize)> = row
            .activities
            .iter()
            .filter_map(|(id, stage)| {
                let order = stage.map_or(10, |(s, _)| s.number());
                Some((order, catalog.entry_index(id)?))
            })
            .collect();
        entries.sort();
        let key = GroupKey::Cycle(Some(row.id.clone()));
        let title = row_line(row, lang, NAME_WIDTH);
        source.push_group(
            &mut rows,
            key,
            title,
            entries.into_iter().map(|(_, i)| i).collect(),
        );
    }
    rows
}
