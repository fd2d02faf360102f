//! The editor's state: the document, the flattened roadmap, the view and
//! cursor, the overlay, undo history and the crash journal. Keys change it
//! through [`App::handle_key`] (see `update.rs`); the screen is drawn from
//! it (see `ui.rs`) and drawing never changes it.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::Roadmap;
use crate::store::cache::ViewCache;
use crate::store::conflicts::Conflict;
use crate::store::journal::Journal;
use crate::store::{self, Doc, StoreError};

use super::catalog::Catalog;
use super::ids::{ActivityId, FoldKey, RowKey, SectionId};
use super::keymap::Keymap;
use super::loader::Loader;
use super::overlay::Overlay;
use super::rows::{Filter, Row, Source};
use super::undo::History;
use super::upkeep::Upkeep;
use super::view::{VIEWS, ViewId};

/// How a message in the status line looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain information.
    Info,
    /// Something went wrong.
    Error,
}

/// Everything the editor knows.
pub struct App {
    /// The document being edited.
    pub doc: Doc,
    /// Where it is saved (None: the bundled sample, not saved yet).
    pub path: Option<PathBuf>,
    /// The roadmap as last read from the document.
    pub roadmap: Roadmap,
    /// The roadmap flattened for the screen.
    pub catalog: Catalog,
    /// The interface language.
    pub lang: Lang,
    /// The day deadlines are judged by.
    pub today: NaiveDate,
    /// The keys.
    pub keymap: Keymap,
    /// The view shown.
    pub view: ViewId,
    /// Rows of the view shown.
    pub rows: Vec<Row>,
    /// Cursor row per view.
    pub cursor: Vec<usize>,
    /// First row on screen per view.
    pub scroll: Vec<usize>,
    /// Folded sections and groups.
    pub folded: HashSet<FoldKey>,
    /// The filter.
    pub filter: Filter,
    /// The last search query, lower-cased.
    pub search: Option<String>,
    /// What is on top of the view.
    pub overlay: Overlay,
    /// Whether the detail pane is shown.
    pub show_detail: bool,
    /// The status-line message.
    pub message: Option<(String, Tone)>,
    /// Undo and redo.
    pub history: History,
    /// Fields holding several values set concurrently.
    pub conflicts: Vec<crate::store::conflicts::Conflict>,
    /// Edits not yet saved to the file.
    pub unsaved: bool,
    /// Set when the user has quit.
    pub quit: bool,
    /// Rows the list area had at the last frame (for paging).
    pub page: usize,
    pub(super) journal: Option<Journal>,
    pub(super) last_key: Instant,
    /// The text of the open editor last kept as a draft beside the file.
    pub(super) draft: Option<String>,
    /// The document loading in the background (`doc` is a placeholder
    /// until it is done).
    pub(super) loading: Option<Loader>,
    /// Why the document could not be loaded: the editor is read-only.
    pub(super) load_error: Option<String>,
    /// Where views of the file are cached.
    pub(super) cache: Option<ViewCache>,
    pub(super) upkeep: Upkeep,
}

impl App {
    /// An editor over `doc`, saved to `path`.
    pub fn new(
        doc: Doc,
        path: Option<PathBuf>,
        keymap: Keymap,
        lang: Lang,
        today: NaiveDate,
    ) -> App {
        let roadmap = doc.roadmap();
        let conflicts = store::conflicts::conflicts(&doc);
        App::assemble(doc, roadmap, conflicts, path, keymap, lang, today)
    }

    /// An editor over `doc` showing `roadmap` (already read from it, or
    /// from the view cache while `doc` loads).
    pub(super) fn assemble(
        doc: Doc,
        roadmap: Roadmap,
        conflicts: Vec<Conflict>,
        path: Option<PathBuf>,
        keymap: Keymap,
        lang: Lang,
        today: NaiveDate,
    ) -> App {
        let catalog = Catalog::build(&roadmap, today);
        let journal = path.as_deref().map(Journal::new);
        let mut app = App {
            doc,
            path,
            roadmap,
            catalog,
            lang,
            today,
            keymap,
            view: ViewId::default(),
            rows: Vec::new(),
            cursor: vec![0; VIEWS.len()],
            scroll: vec![0; VIEWS.len()],
            folded: HashSet::new(),
            filter: Filter::default(),
            search: None,
            overlay: Overlay::None,
            show_detail: true,
            message: None,
            history: History::default(),
            conflicts,
            unsaved: false,
            quit: false,
            page: 20,
            journal,
            last_key: Instant::now(),
            draft: None,
            loading: None,
            load_error: None,
            cache: None,
            upkeep: Upkeep::default(),
        };
        app.rebuild_rows();
        app
    }

    /// Rereads the roadmap from the document and rebuilds the screen's
    /// data, keeping the cursor on the same item where it can.
    pub fn reload(&mut self) {
        self.roadmap = self.doc.roadmap();
        self.refresh_conflicts();
        self.recatalog();
    }

    /// After changes from elsewhere (a merge) were added to the document
    /// since `before`: reads back only what they touched and rebuilds the
    /// screen's data.
    pub fn refresh_since(&mut self, before: &[automerge::ChangeHash]) {
        self.doc.refresh(&mut self.roadmap, before);
        self.refresh_conflicts();
        self.recatalog();
    }

    /// Rebuilds the catalog and rows from `self.roadmap`.
    pub fn recatalog(&mut self) {
        let keep = self.current_key();
        let old = std::mem::take(&mut self.catalog);
        self.catalog = old.update(&self.roadmap, self.today);
        self.rebuild_rows();
        if let Some(key) = keep {
            self.select_key(&key);
        }
    }

    /// Rebuilds the rows of the view shown.
    pub fn rebuild_rows(&mut self) {
        let source = Source::new(&self.catalog, &self.folded, &self.filter, self.lang);
        self.rows = self.view.view().rows(&source);
        self.clamp_cursor();
    }

    /// The cursor of the view shown.
    pub fn cursor(&self) -> usize {
        self.cursor[self.view.index()]
    }

    /// Moves the cursor of the view shown (clamped).
    pub fn set_cursor(&mut self, row: usize) {
        self.cursor[self.view.index()] = row;
        self.clamp_cursor();
    }

    fn clamp_cursor(&mut self) {
        let i = self.view.index();
        self.cursor[i] = self.cursor[i].min(self.rows.len().saturating_sub(1));
    }

    /// The row under the cursor.
    pub fn current_row(&self) -> Option<&Row> {
        self.rows.get(self.cursor())
    }

    /// The activity under the cursor, if the row is one (index into the
    /// catalog's entries).
    pub fn current_entry(&self) -> Option<usize> {
        match self.current_row()? {
            Row::Activity { entry, .. } => Some(*entry),
            _ => None,
        }
    }

    /// The section under the cursor, or the section of the activity under
    /// it (index into the catalog's sections).
    pub fn current_section(&self) -> Option<usize> {
        match self.current_row()? {
            Row::Section { section, .. } => Some(*section),
            Row::Activity { entry, .. } => self
                .catalog
                .section_index(&self.catalog.entries[*entry].section),
            Row::Group { .. } => None,
        }
    }

    /// What the row under the cursor shows, to find it again after a
    /// rebuild.
    pub fn current_key(&self) -> Option<RowKey> {
        Some(self.row_key(self.current_row()?))
    }

    /// What a row shows.
    pub fn row_key(&self, row: &Row) -> RowKey {
        match row {
            Row::Section { section, .. } => RowKey::Section(SectionId(
                self.catalog.sections[*section].section.id.clone(),
            )),
            Row::Activity { entry, .. } => {
                RowKey::Activity(ActivityId(self.catalog.entries[*entry].activity.id.clone()))
            }
            Row::Group { key, .. } => RowKey::Group(key.clone()),
        }
    }

    /// Puts the cursor on the row showing `key`; whether there is one.
    pub fn select_key(&mut self, key: &RowKey) -> bool {
        let found = self.rows.iter().position(|row| match (row, key) {
            (Row::Section { section, .. }, RowKey::Section(id)) => {
                self.catalog.sections[*section].section.id == id.0
            }
            (Row::Activity { entry, .. }, RowKey::Activity(id)) => {
                self.catalog.entries[*entry].activity.id == id.0
            }
            (Row::Group { key, .. }, RowKey::Group(wanted)) => key == wanted,
            _ => false,
        });
        if let Some(row) = found {
            self.set_cursor(row);
        }
        found.is_some()
    }

    /// Fits the scroll position to a screen of `size`, so the cursor row is
    /// on screen; remembers the page height for paging.
    pub fn fit_to(&mut self, size: ratatui::layout::Rect) {
        let areas = super::ui::layout(size, self.show_detail);
        let height = usize::from(areas.list.height).max(1);
        self.page = height;
        let i = self.view.index();
        let cursor = self.cursor[i];
        if cursor < self.scroll[i] {
            self.scroll[i] = cursor;
        } else if cursor >= self.scroll[i] + height {
            self.scroll[i] = cursor + 1 - height;
        }
        let max_scroll = self.rows.len().saturating_sub(height);
        self.scroll[i] = self.scroll[i].min(max_scroll);
    }

    /// Pasted text goes into the editor or prompt, if one is open.
    pub fn paste(&mut self, text: &str) {
        let clean = crate::model::text::sanitize(text);
        match &mut self.overlay {
            super::overlay::Overlay::Editor(editor) => {
                editor.area.insert_str(clean);
            }
            super::overlay::Overlay::Prompt(editor) => {
                editor.area.insert_str(crate::model::text::one_line(&clean));
            }
            _ => {}
        }
    }

    /// Shows a message in the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Info));
    }

    /// Shows an error in the status line.
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Error));
    }

    /// Appends the latest changes to the crash journal.
    pub fn journal_changes(&mut self) {
        let changes = self.doc.save_incremental();
        self.append_journal(&changes);
    }

    /// Appends changes already taken from the document to the journal.
    pub(super) fn append_journal(&mut self, changes: &[u8]) {
        if !changes.is_empty() {
            self.upkeep.changes += 1;
        }
        if let Some(journal) = self.journal.as_mut()
            && let Err(e) = journal.append(changes)
        {
            let text = format!("{}: {e}", self.lang.t("журнал изменений", "change journal"));
            self.complain(text);
        }
    }

    /// Saves to the file (atomically) and clears the journal.
    pub fn save(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Err(StoreError::NotFound(
                self.lang.t("файл не выбран", "no file chosen").to_string(),
            ));
        };
        self.await_load();
        if let Some(e) = &self.load_error {
            return Err(StoreError::NotFound(e.clone()));
        }
        let before = self.doc.heads();
        let fingerprint = store::save(&path, &mut self.doc)?;
        self.doc.save_incremental();
        if self.doc.heads() != before {
            // Another program had changed the file: its changes are merged in.
            self.refresh_since(&before);
            let text = self.lang.t(
                "Сохранено вместе с изменениями, сделанными в файле другой программой",
                "Saved together with changes another program made to the file",
            );
            self.say(text);
        }
        if let Some(journal) = self.journal.as_mut() {
            journal.discard()?;
        }
        self.unsaved = false;
        self.store_view(fingerprint);
        Ok(())
    }

    /// Quits, forgetting the edits made since the last save: the journal
    /// goes, so they do not come back on the next open.
    pub fn quit_without_saving(&mut self) {
        if let Some(journal) = self.journal.as_mut()
            && let Err(e) = journal.discard()
        {
            return self.complain(e.to_string());
        }
        self.quit = true;
    }

    /// Saves under a new name from now on.
    pub fn save_as(&mut self, path: PathBuf) -> Result<(), StoreError> {
        self.journal = Some(Journal::new(&path));
        self.path = Some(path);
        self.save()
    }

    /// The name shown for the file.
    pub fn file_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => self
                .lang
                .t("образец (не сохранён)", "sample (not saved)")
                .to_string(),
        }
    }
}
