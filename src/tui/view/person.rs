//! One heading per person or body responsible, however their name is
//! spelled, with counts; then the activities nobody is responsible for.

use crate::i18n::Lang;

use super::super::ids::GroupKey;
use super::super::rows::{Row, Source};
use super::View;

/// The view by responsible.
pub struct Person;

impl View for Person {
    fn name(&self) -> &'static str {
        "person"
    }

    fn title(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "person-by-responsible")
    }

    fn describe(&self, lang: Lang) -> &'static str {
        crate::tr_static!(lang, "person-view-by-responsible")
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
    let mut rows = Vec::new();
    for p in &catalog.people {
        let entries: Vec<usize> = p.entries.iter().copied().filter(|i| passing[*i]).collect();
        if entries.is_empty() {
            continue;
        }
        let title = crate::tr!(
            lang,
            "person-line",
            name = &p.name,
            count = entries.len(),
            overdue = p.overdue,
            done = p.done
        );
        let key = GroupKey::Person(p.key.clone());
        source.push_group(&mut rows, key, title, entries);
    }
    let nobody: Vec<usize> = (0..catalog.entries.len())
        .filter(|i| passing[*i] && catalog.entries[*i].responsible.is_empty())
        .collect();
    if !nobody.is_empty() {
        let title = format!(
            "{} — {}",
            crate::tr_static!(lang, "person-nobody-responsible"),
            nobody.len()
        );
        source.push_group(&mut rows, GroupKey::Nobody, title, nobody);
    }
    rows
}
