//! Moving around the roadmap as shown: the cursor, views, folds, the
//! filter and search. Nothing here changes the document.

use super::action::Action;
use super::app::App;
use super::catalog::Catalog;
use super::ids::{FoldKey, RowKey};
use super::overlay::{FilterForm, Overlay, Prompt};
use super::rows::Row;
use super::target::Target;
use super::view::ViewId;

impl App {
    /// Moves the cursor for a moving action (up, down, a page, the ends).
    pub(super) fn move_cursor(&mut self, action: Action) {
        let views = &mut self.views;
        let last = views.rows.len().saturating_sub(1);
        let cursor = views.cursor();
        let page = views.page.max(1);
        let row = match action {
            Action::Up => cursor.saturating_sub(1),
            Action::Down => (cursor + 1).min(last),
            Action::PageUp => cursor.saturating_sub(page),
            Action::PageDown => (cursor + page).min(last),
            Action::First => 0,
            Action::Last => last,
            _ => cursor,
        };
        views.set_cursor(row);
    }

    /// Shows another view, on the same activity where it can.
    pub(super) fn switch_view(&mut self, view: ViewId) {
        let keep = self
            .current_entry()
            .map(|e| RowKey::Activity(self.document.catalog.entries[e].id()));
        self.views.current = view;
        self.rebuild_rows();
        if let Some(key) = keep {
            self.select_key(&key);
        }
    }

    /// Folds (`Some(true)`), unfolds or toggles the row's section or group;
    /// on an activity, folding folds the heading it is under.
    pub(super) fn fold(&mut self, fold: Option<bool>) {
        let cursor = self.views.cursor();
        let heading = match self.current_row() {
            Some(Row::Activity { .. }) if fold == Some(true) => self.views.rows[..cursor]
                .iter()
                .rev()
                .find(|r| !matches!(r, Row::Activity { .. })),
            Some(Row::Activity { .. }) | None => None,
            row => row,
        };
        let Some(key) = heading.and_then(fold_key(&self.document.catalog)) else {
            return;
        };
        let now = self.views.folded.contains(&key);
        if fold.unwrap_or(!now) {
            self.views.folded.insert(key.clone());
        } else {
            self.views.folded.remove(&key);
        }
        self.rebuild_rows();
        self.select_key(&key.row());
    }

    /// Folds (`true`) or unfolds every heading.
    pub(super) fn fold_all(&mut self, fold: bool) {
        let keep = self.current_key();
        if fold {
            let keys: Vec<FoldKey> = self
                .views
                .rows
                .iter()
                .filter_map(fold_key(&self.document.catalog))
                .collect();
            self.views.folded.extend(keys);
        } else {
            self.views.folded.clear();
        }
        self.rebuild_rows();
        if let Some(key) = keep
            && !self.select_key(&key)
        {
            self.views.set_cursor(0);
        }
    }

    /// Opens the filter form on the filter now set.
    pub(super) fn begin_filter(&mut self) {
        let form = FilterForm::new(&self.views.filter, &self.document.catalog);
        self.overlay = Overlay::Filter(form);
    }

    /// Sets the filter made in the form.
    pub(super) fn apply_filter(&mut self, form: &FilterForm) {
        self.views.filter = form.filter();
        self.rebuild_rows();
        self.views.set_cursor(0);
    }

    /// Clears the filter and the search.
    pub(super) fn clear_filter(&mut self) {
        let had = self.views.filter.is_active() || self.views.search.is_some();
        self.views.filter = Default::default();
        self.views.search = None;
        self.rebuild_rows();
        if had {
            self.status
                .say(crate::tr!(self.lang, "browse-filter-and-search-cleared"));
        }
    }

    /// Goes to the next (or previous) match of the last search.
    pub(super) fn search_again(&mut self, forward: bool) {
        match self.views.search.clone() {
            Some(q) => self.find(&q, forward, true),
            None => self
                .status
                .say(crate::tr!(self.lang, "browse-search-for-something-first")),
        }
    }

    /// Opens the search prompt.
    pub(super) fn begin_search(&mut self) {
        let line = self.editor_for(Target::Search, "");
        let prompt = Prompt::new(line, self.views.cursor());
        self.overlay = Overlay::Prompt(Box::new(prompt));
    }

    /// Searches as the query is typed, from `origin`, the row the search
    /// began on.
    pub(super) fn search_as_typed(&mut self, query: &str, origin: usize) {
        self.views.set_cursor(origin);
        if !query.trim().is_empty() {
            self.find(query, true, false);
        }
    }

    /// Moves to the next (or previous) row matching `query`; `skip_current`
    /// starts after the cursor. Matches hidden in folds are unfolded.
    pub fn find(&mut self, query: &str, forward: bool, skip_current: bool) {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return;
        }
        self.views.search = Some(q.clone());
        if !self.views.rows.iter().any(|r| self.row_matches(r, &q))
            && self
                .document
                .catalog
                .entries
                .iter()
                .any(|e| e.haystack().contains(&q))
        {
            self.views.folded.clear();
            self.rebuild_rows();
        }
        let n = self.views.rows.len();
        if n == 0 {
            return;
        }
        let start = self.views.cursor();
        let offset = usize::from(skip_current);
        for step in 0..n {
            let i = if forward {
                (start + offset + step) % n
            } else {
                (start + n * 2 - offset - step) % n
            };
            if self.row_matches(&self.views.rows[i], &q) {
                self.views.set_cursor(i);
                return;
            }
        }
        self.status.say(format!(
            "{} «{query}»",
            crate::tr!(self.lang, "browse-not-found")
        ));
    }

    /// Whether a row matches a lower-case query.
    pub fn row_matches(&self, row: &Row, query: &str) -> bool {
        match row {
            Row::Activity { entry, .. } => self.document.catalog.entries[*entry]
                .haystack()
                .contains(query),
            Row::Section { section, .. } => self.document.catalog.sections[*section]
                .heading()
                .to_lowercase()
                .contains(query),
            Row::Group { title, .. } => title.to_lowercase().contains(query),
        }
    }
}

/// What folding a heading row folds (None for an activity).
fn fold_key(catalog: &Catalog) -> impl Fn(&Row) -> Option<FoldKey> + '_ {
    |row| match row {
        Row::Section { section, .. } => Some(FoldKey::Section(catalog.sections[*section].id())),
        Row::Group { key, .. } => Some(FoldKey::Group(key.clone())),
        Row::Activity { .. } => None,
    }
}
