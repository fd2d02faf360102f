//! The rows each view lists, built from the [`Catalog`] with folding and
//! the filter applied. Rendering slices them to the screen.

use std::collections::HashSet;

use crate::i18n::Lang;
use crate::model::Status;
use crate::model::deadline::DeadlineGroup;
use crate::report::group_title;
use crate::views::by_deadline::GROUPS;

use super::catalog::Catalog;

/// The three views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// The section tree.
    #[default]
    Mechanism,
    /// By responsible person or body.
    Person,
    /// By deadline group.
    Deadline,
}

impl View {
    /// The views in tab order.
    pub const ALL: [View; 3] = [View::Mechanism, View::Person, View::Deadline];

    /// The tab title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            View::Mechanism => lang.t("По механизмам", "By mechanism"),
            View::Person => lang.t("По ответственным", "By responsible"),
            View::Deadline => lang.t("По срокам", "By deadline"),
        }
    }

    /// 0, 1, 2.
    pub fn index(self) -> usize {
        match self {
            View::Mechanism => 0,
            View::Person => 1,
            View::Deadline => 2,
        }
    }
}

/// What one row of a view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A section of the tree (index into [`Catalog::sections`]).
    Section {
        /// Index of the section.
        section: usize,
        /// Whether its content is hidden.
        folded: bool,
    },
    /// A heading of the person or deadline view.
    Group {
        /// Fold key.
        key: String,
        /// Shown text.
        title: String,
        /// Whether its content is hidden.
        folded: bool,
    },
    /// An activity (index into [`Catalog::entries`]).
    Activity {
        /// Index of the entry.
        entry: usize,
        /// Indent.
        depth: usize,
    },
}

/// What the filter lets through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this person's activities (a person key).
    pub person: Option<String>,
    /// Only this status.
    pub status: Option<Status>,
    /// Only this deadline group.
    pub group: Option<DeadlineGroup>,
}

impl Filter {
    /// Whether anything is filtered.
    pub fn is_active(&self) -> bool {
        self.person.is_some() || self.status.is_some() || self.group.is_some()
    }

    /// Whether activity `entry` passes.
    pub fn passes(&self, catalog: &Catalog, entry: usize) -> bool {
        let e = &catalog.entries[entry];
        self.status.as_ref().is_none_or(|s| e.activity.status == *s)
            && self.group.is_none_or(|g| e.group == g)
            && self.person.as_ref().is_none_or(|key| e.keys.contains(key))
    }
}

/// Builds the rows of `view`. `folded` holds fold keys: section ids,
/// "p:" + person key, "d:" + group name.
pub fn build(
    view: View,
    catalog: &Catalog,
    folded: &HashSet<String>,
    filter: &Filter,
    lang: Lang,
) -> Vec<Row> {
    let passing: Vec<bool> = (0..catalog.entries.len())
        .map(|i| filter.passes(catalog, i))
        .collect();
    match view {
        View::Mechanism => mechanism(catalog, folded, filter, &passing),
        View::Person => person(catalog, folded, &passing, lang),
        View::Deadline => deadline(catalog, folded, &passing, lang),
    }
}

fn mechanism(
    catalog: &Catalog,
    folded: &HashSet<String>,
    filter: &Filter,
    passing: &[bool],
) -> Vec<Row> {
    let mut by_section: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, e) in catalog.entries.iter().enumerate() {
        if passing[i] {
            by_section.entry(e.section.as_str()).or_default().push(i);
        }
    }
    let visible_count = |id: &str| -> usize {
        catalog
            .subtree(id)
            .iter()
            .map(|s| by_section.get(s.as_str()).map_or(0, Vec::len))
            .sum()
    };
    let mut rows = Vec::new();
    for &i in by_section.get("").map(Vec::as_slice).unwrap_or(&[]) {
        rows.push(Row::Activity { entry: i, depth: 0 });
    }
    let mut hidden_below: Option<usize> = None;
    for (index, s) in catalog.sections.iter().enumerate() {
        if let Some(depth) = hidden_below {
            if s.depth > depth {
                continue;
            }
            hidden_below = None;
        }
        if filter.is_active() && visible_count(&s.section.id) == 0 {
            hidden_below = Some(s.depth);
            continue;
        }
        let is_folded = folded.contains(&s.section.id);
        rows.push(Row::Section {
            section: index,
            folded: is_folded,
        });
        if is_folded {
            hidden_below = Some(s.depth);
            continue;
        }
        for &i in by_section
            .get(s.section.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            rows.push(Row::Activity {
                entry: i,
                depth: s.depth + 1,
            });
        }
    }
    rows
}

fn person(catalog: &Catalog, folded: &HashSet<String>, passing: &[bool], lang: Lang) -> Vec<Row> {
    let mut rows = Vec::new();
    for p in &catalog.people {
        let entries: Vec<usize> = p.entries.iter().copied().filter(|i| passing[*i]).collect();
        if entries.is_empty() {
            continue;
        }
        let title = match lang {
            Lang::Ru => format!(
                "{} — {}, просрочено {}, выполнено {}",
                p.name,
                crate::plural::activities(entries.len()),
                p.overdue,
                p.done
            ),
            Lang::En => format!(
                "{} — {} activities, {} overdue, {} done",
                p.name,
                entries.len(),
                p.overdue,
                p.done
            ),
        };
        push_group(&mut rows, folded, format!("p:{}", p.key), title, entries);
    }
    let nobody: Vec<usize> = (0..catalog.entries.len())
        .filter(|i| passing[*i] && catalog.entries[*i].responsible.is_empty())
        .collect();
    if !nobody.is_empty() {
        let title = format!(
            "{} — {}",
            lang.t("Без ответственного", "Nobody responsible"),
            nobody.len()
        );
        push_group(&mut rows, folded, "p:".to_string(), title, nobody);
    }
    rows
}

fn deadline(catalog: &Catalog, folded: &HashSet<String>, passing: &[bool], lang: Lang) -> Vec<Row> {
    let mut rows = Vec::new();
    for group in GROUPS {
        let mut entries: Vec<usize> = (0..catalog.entries.len())
            .filter(|i| passing[*i] && catalog.entries[*i].group == group)
            .collect();
        if entries.is_empty() {
            continue;
        }
        entries.sort_by_key(|i| {
            let e = &catalog.entries[*i];
            e.next.map(|s| s.end).or(e.deadline.end)
        });
        let title = format!("{} — {}", group_title(group, lang), entries.len());
        push_group(&mut rows, folded, format!("d:{group:?}"), title, entries);
    }
    rows
}

/// Adds a group heading and, unless folded, its activities.
fn push_group(
    rows: &mut Vec<Row>,
    folded: &HashSet<String>,
    key: String,
    title: String,
    entries: Vec<usize>,
) {
    let is_folded = folded.contains(&key);
    rows.push(Row::Group {
        key,
        title,
        folded: is_folded,
    });
    if !is_folded {
        rows.extend(
            entries
                .into_iter()
                .map(|entry| Row::Activity { entry, depth: 1 }),
        );
    }
}
