//! What the screen lists and where the user is in it: the view shown, its
//! rows, a cursor and a scroll position per view, the folds, the filter,
//! the search. No terminal here.

use std::collections::HashSet;

use crate::i18n::Lang;

use super::super::catalog::Catalog;
use super::super::ids::{FoldKey, RowKey};
use super::super::rows::{Filter, Row, Source};
use super::{VIEWS, ViewId};

/// The state of browsing the views.
#[derive(Debug, Clone)]
pub struct Views {
    /// The view shown.
    pub current: ViewId,
    /// Rows of the view shown.
    pub rows: Vec<Row>,
    /// Cursor row, per view.
    pub cursors: Vec<usize>,
    /// First row on screen, per view.
    pub scrolls: Vec<usize>,
    /// Folded sections and groups.
    pub folded: HashSet<FoldKey>,
    /// The filter.
    pub filter: Filter,
    /// The last search query, lower-cased.
    pub search: Option<String>,
    /// Whether the detail pane is shown.
    pub show_detail: bool,
    /// Rows the list area had at the last frame (for paging).
    pub page: usize,
}

impl Default for Views {
    fn default() -> Views {
        Views {
            current: ViewId::default(),
            rows: Vec::new(),
            cursors: vec![0; VIEWS.len()],
            scrolls: vec![0; VIEWS.len()],
            folded: HashSet::new(),
            filter: Filter::default(),
            search: None,
            show_detail: true,
            page: 20,
        }
    }
}

impl Views {
    /// Rebuilds the rows of the view shown from `catalog`.
    pub fn rebuild(&mut self, catalog: &Catalog, lang: Lang) {
        let source = Source::new(catalog, &self.folded, &self.filter, lang);
        self.rows = self.current.view().rows(&source);
        self.set_cursor(self.cursor());
    }

    /// The cursor of the view shown.
    pub fn cursor(&self) -> usize {
        self.cursors[self.current.index()]
    }

    /// The first row on screen in the view shown.
    pub fn scroll(&self) -> usize {
        self.scrolls[self.current.index()]
    }

    /// Moves the cursor of the view shown (kept on a row).
    pub fn set_cursor(&mut self, row: usize) {
        let last = self.rows.len().saturating_sub(1);
        self.cursors[self.current.index()] = row.min(last);
    }

    /// The row under the cursor.
    pub fn current_row(&self) -> Option<&Row> {
        self.rows.get(self.cursor())
    }

    /// Puts the cursor on the row showing `key`; whether there is one.
    pub fn select(&mut self, catalog: &Catalog, key: &RowKey) -> bool {
        let found = self.rows.iter().position(|row| shows(catalog, row, key));
        if let Some(row) = found {
            self.set_cursor(row);
        }
        found.is_some()
    }

    /// Fits the scroll position to a list of `height` rows so that the
    /// cursor row is on screen; remembers the height for paging.
    pub fn fit_to(&mut self, height: u16) {
        let height = usize::from(height).max(1);
        self.page = height;
        let i = self.current.index();
        let cursor = self.cursors[i];
        if cursor < self.scrolls[i] {
            self.scrolls[i] = cursor;
        } else if cursor >= self.scrolls[i] + height {
            self.scrolls[i] = cursor + 1 - height;
        }
        let max_scroll = self.rows.len().saturating_sub(height);
        self.scrolls[i] = self.scrolls[i].min(max_scroll);
    }
}

/// What a row shows, to find it again after a rebuild.
pub fn row_key(catalog: &Catalog, row: &Row) -> RowKey {
    match row {
        Row::Section { section, .. } => RowKey::Section(catalog.sections[*section].id()),
        Row::Activity { entry, .. } => RowKey::Activity(catalog.entries[*entry].id()),
        Row::Group { key, .. } => RowKey::Group(key.clone()),
    }
}

/// Whether `row` shows `key` (without making the row's key).
fn shows(catalog: &Catalog, row: &Row, key: &RowKey) -> bool {
    match (row, key) {
        (Row::Section { section, .. }, RowKey::Section(id)) => {
            catalog.sections[*section].section.id == id.0
        }
        (Row::Activity { entry, .. }, RowKey::Activity(id)) => {
            catalog.entries[*entry].activity.id == id.0
        }
        (Row::Group { key, .. }, RowKey::Group(wanted)) => key == wanted,
        _ => false,
    }
}
