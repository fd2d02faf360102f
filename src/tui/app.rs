//! The editor's state, in four parts: the [`Document`] being edited, the
//! [`Views`] browsed, the [`Overlay`] on top and the [`StatusLine`]. Keys
//! change it through [`App::handle_key`] (see `update.rs`); the screen is
//! drawn from it (see `ui/`) and drawing never changes it.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::Roadmap;
use crate::present::errors::store_error;
use crate::store::exchange::conflicts::Conflict;
use crate::store::{self, Doc, StoreError};

use super::document::Document;
use super::ids::RowKey;
use super::keymap::Keymap;
use super::overlay::Overlay;
use super::rows::Row;
use super::status::StatusLine;
use super::view::Views;
use super::view::state::row_key;

/// Everything the editor knows.
pub struct App {
    /// The roadmap being edited.
    pub document: Document,
    /// What the screen lists and where the cursor is.
    pub views: Views,
    /// What is on top of the view.
    pub overlay: Overlay,
    /// The status line.
    pub status: StatusLine,
    /// The keys.
    pub keymap: Keymap,
    /// The interface language.
    pub lang: Lang,
    /// The day deadlines are judged by.
    pub today: NaiveDate,
    /// Set when the user has quit.
    pub quit: bool,
    /// When the last key came (drafts and compaction wait for a pause).
    pub(super) last_key: Instant,
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
        let conflicts = store::exchange::conflicts::conflicts(&doc);
        let mut app = App::assemble(doc, roadmap, conflicts, path, keymap, lang, today);
        app.read_marks();
        app
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
        let mut app = App {
            document: Document::new(doc, roadmap, conflicts, path, today),
            views: Views::default(),
            overlay: Overlay::None,
            status: StatusLine::default(),
            keymap,
            lang,
            today,
            quit: false,
            last_key: Instant::now(),
        };
        app.rebuild_rows();
        app
    }

    /// Rereads the roadmap from the document and rebuilds the screen's
    /// data, keeping the cursor on the same item where it can.
    pub fn reload(&mut self) {
        self.document.roadmap = self.document.doc.roadmap();
        self.document.refresh_conflicts();
        self.recatalog();
    }

    /// After changes from elsewhere (a merge) were added to the document
    /// since `before`: reads back only what they touched and rebuilds the
    /// screen's data.
    pub fn refresh_since(&mut self, before: &[automerge::ChangeHash]) {
        let document = &mut self.document;
        let (_, touched) = document.doc.refresh_touched(&mut document.roadmap, before);
        store::exchange::conflicts::update(&mut document.conflicts, &document.doc, &touched);
        // A merge may bring edits of what was deleted: found again by the
        // next conflict scan or `karta conflicts`.
        document.deleted_but_edited = None;
        self.recatalog();
    }

    /// Rebuilds the catalog and rows from the model.
    pub fn recatalog(&mut self) {
        let keep = self.current_key();
        let old = std::mem::take(&mut self.document.catalog);
        self.document.catalog = old.update(&self.document.roadmap, self.today);
        self.rebuild_rows();
        if let Some(key) = keep {
            self.select_key(&key);
        }
    }

    /// Rebuilds the rows of the view shown.
    pub fn rebuild_rows(&mut self) {
        self.views.rebuild(&self.document.catalog, self.lang);
    }

    /// The row under the cursor.
    pub fn current_row(&self) -> Option<&Row> {
        self.views.current_row()
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
        let catalog = &self.document.catalog;
        match self.current_row()? {
            Row::Section { section, .. } => Some(*section),
            Row::Activity { entry, .. } => catalog.section_index(&catalog.entries[*entry].section),
            Row::Group { .. } => None,
        }
    }

    /// What the row under the cursor shows, to find it again after a
    /// rebuild.
    pub fn current_key(&self) -> Option<RowKey> {
        Some(row_key(&self.document.catalog, self.current_row()?))
    }

    /// Puts the cursor on the row showing `key`; whether there is one.
    pub fn select_key(&mut self, key: &RowKey) -> bool {
        self.views.select(&self.document.catalog, key)
    }

    /// Fits the scroll position to a screen of `size`, so the cursor row is
    /// on screen; remembers the page height for paging.
    pub fn fit_to(&mut self, size: ratatui::layout::Rect) {
        let areas = super::ui::layout(size, self.views.show_detail);
        self.views.fit_to(areas.list.height);
    }

    /// Pasted text goes into the editor or prompt, if one is open.
    pub fn paste(&mut self, text: &str) {
        let clean = crate::model::text::sanitize(text);
        match &mut self.overlay {
            Overlay::Editor(editor) => {
                editor.area.insert_str(clean);
            }
            Overlay::Comment(form) => {
                form.area.insert_str(clean);
            }
            Overlay::Approve(form) => {
                let area = match form.field {
                    super::overlay::approve::Field::Number => &mut form.number,
                    super::overlay::approve::Field::Date => &mut form.date,
                };
                area.insert_str(crate::model::text::one_line(&clean));
            }
            Overlay::Prompt(prompt) => {
                prompt
                    .line
                    .area
                    .insert_str(crate::model::text::one_line(&clean));
            }
            Overlay::None
            | Overlay::Help(_)
            | Overlay::List(_)
            | Overlay::Filter(_)
            | Overlay::Question(_)
            | Overlay::Reading(_)
            | Overlay::Merge(_)
            | Overlay::Trash(_)
            | Overlay::Changes(_)
            | Overlay::Conflict(_) => {}
        }
    }

    /// Appends the latest changes to the crash journal (an error is shown).
    pub fn journal_changes(&mut self) {
        if let Err(e) = self.document.journal_changes() {
            self.complain_about_journal(e);
        }
    }

    /// Shows that the journal could not be written.
    pub(super) fn complain_about_journal(&mut self, e: StoreError) {
        let text = format!("{}: {e}", crate::tr!(self.lang, "app-change-journal"));
        self.status.complain(text);
    }

    /// Quits, forgetting the edits made since the last save: the journal
    /// goes, so they do not come back on the next open; live sync stops
    /// without sending what it has not sent yet.
    pub fn quit_without_saving(&mut self) {
        match self.document.discard_journal() {
            Ok(()) => {
                self.document.live = None;
                self.quit = true;
            }
            Err(e) => self.status.complain(store_error(&e, self.lang)),
        }
    }

    /// Saves under a new name from now on.
    pub fn save_as(&mut self, path: PathBuf) -> Result<(), StoreError> {
        // The save under way goes to the old name.
        let _ = self.wait_for_save();
        self.document.rename(path);
        self.save()
    }
}
