//! The rows a view lists, and what it lists them from: the [`Catalog`]
//! with folding and the filter applied. Rendering slices them to the
//! screen.

use std::collections::HashSet;

use crate::i18n::Lang;
use crate::model::Status;
use crate::model::deadline::DeadlineGroup;

use super::catalog::Catalog;
use super::ids::{FoldKey, GroupKey};

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
        /// What it groups by.
        key: GroupKey,
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

/// What a view lists its rows from.
pub struct Source<'a> {
    /// The roadmap flattened.
    pub catalog: &'a Catalog,
    /// Folded headings: what is under them is left out.
    pub folded: &'a HashSet<FoldKey>,
    /// The filter.
    pub filter: &'a Filter,
    /// For each entry of the catalog, whether it passes the filter.
    pub passing: Vec<bool>,
    /// The interface language.
    pub lang: Lang,
}

impl<'a> Source<'a> {
    /// The catalog seen through `folded` and `filter`.
    pub fn new(
        catalog: &'a Catalog,
        folded: &'a HashSet<FoldKey>,
        filter: &'a Filter,
        lang: Lang,
    ) -> Source<'a> {
        let passing = (0..catalog.entries.len())
            .map(|i| filter.passes(catalog, i))
            .collect();
        Source {
            catalog,
            folded,
            filter,
            passing,
            lang,
        }
    }

    /// Adds a group heading and, unless it is folded, its activities.
    pub fn push_group(
        &self,
        rows: &mut Vec<Row>,
        key: GroupKey,
        title: String,
        entries: Vec<usize>,
    ) {
        let folded = self.folded.contains(&FoldKey::Group(key.clone()));
        rows.push(Row::Group { key, title, folded });
        if !folded {
            rows.extend(
                entries
                    .into_iter()
                    .map(|entry| Row::Activity { entry, depth: 1 }),
            );
        }
    }
}
