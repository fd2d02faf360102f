//! The roadmap being edited: the Automerge document and where it is saved,
//! the model read from it and flattened for the screen, its conflicts, the
//! undo history, the crash journal and draft, the background load and
//! upkeep. No terminal here.

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::model::Roadmap;
use crate::peers::Records;
use crate::store::disk::cache::ViewCache;
use crate::store::disk::journal::Journal;
use crate::store::exchange::conflicts::{self, Conflict};
use crate::store::history::changed::ChangedSince;
use crate::store::history::touched::Touched;
use crate::store::write::trash::Deleted;
use crate::store::{Doc, StoreError};

use super::action::Action;
use super::catalog::Catalog;
use super::deferred::Deferred;
use super::early::Early;
use super::errand::Errand;
use super::ids::RowKey;
use super::loader::Loader;
use super::saving::Saving;
use super::scan::Scan;
use super::since::{Listing, Marking};
use super::undo::{History, Op};
use super::upkeep::Upkeep;

/// The document and everything the editor keeps about it.
pub struct Document {
    /// The Automerge document.
    pub doc: Doc,
    /// Where it is saved (None: the bundled sample, not saved yet).
    pub path: Option<PathBuf>,
    /// The roadmap as last read from the document.
    pub roadmap: Roadmap,
    /// The roadmap flattened for the screen.
    pub catalog: Catalog,
    /// Fields holding several values set concurrently.
    pub conflicts: Vec<Conflict>,
    /// Deleted items edited by people who did not see the deletion, when
    /// known (found with the conflicts; merges make them unknown again),
    /// kept in the view cache for `karta conflicts`.
    pub deleted_but_edited: Option<Vec<Deleted>>,
    /// Which activities changed since the approved edition (None: never
    /// approved, or still loading or being read).
    pub since: Option<ChangedSince>,
    /// Where the exchanges with colleagues are recorded (None: nowhere).
    pub records: Option<Records>,
    /// Undo and redo.
    pub history: History,
    /// Edits not yet saved to the file.
    pub unsaved: bool,
    pub(super) journal: Option<Journal>,
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
    /// The save under way in the background.
    pub(super) saving: Option<Saving>,
    /// Field edits made while the document was not at hand, to make in it
    /// when it arrives (see `early.rs`).
    pub(super) early: Vec<Early>,
    /// Other confirmed steps waiting for the document (see `deferred.rs`).
    pub(super) deferred: Vec<Deferred>,
    /// A screen asked for while the document was away, opened once it is
    /// back, on the row it was asked for (see `deferred.rs`).
    pub(super) asked: Option<(Action, Option<RowKey>)>,
    /// Ctrl-s came while the document was loading: save once it is in.
    pub(super) save_when_loaded: bool,
    /// karta's data folder, where a bundle that continues changes not
    /// received yet is kept aside (None: nowhere, such a bundle is refused).
    pub(super) data: Option<PathBuf>,
    /// Live sync with the roadmap's server, when one is known.
    pub(super) live: Option<super::live::LiveSync>,
    /// The conflict scan of a document opened without a cached view.
    pub(super) scan: Option<Scan>,
    /// Reading the document in a worker (a history, a merge preview).
    pub(super) errand: Option<Errand>,
    /// The marks being read in the background (`since` is None meanwhile).
    pub(super) marking: Option<Marking>,
    /// The list of changes being made for the list open.
    pub(super) listing: Option<Listing>,
}

impl Document {
    /// `doc` showing `roadmap` (read from it, or from the view cache while
    /// it loads), flattened on `today`'s terms.
    pub fn new(
        doc: Doc,
        roadmap: Roadmap,
        conflicts: Vec<Conflict>,
        path: Option<PathBuf>,
        today: chrono::NaiveDate,
    ) -> Document {
        Document {
            catalog: Catalog::build(&roadmap, today),
            journal: path.as_deref().map(Journal::new),
            doc,
            path,
            roadmap,
            conflicts,
            deleted_but_edited: None,
            since: None,
            records: Records::system(),
            history: History::default(),
            unsaved: false,
            draft: None,
            loading: None,
            load_error: None,
            cache: None,
            upkeep: Upkeep::default(),
            saving: None,
            early: Vec::new(),
            deferred: Vec::new(),
            asked: None,
            save_when_loaded: false,
            data: None,
            live: None,
            scan: None,
            errand: None,
            marking: None,
            listing: None,
        }
    }

    /// Whether the document itself is here to edit: loaded, not away in a
    /// save's worker (see `saving.rs`), the conflict scan's (`scan.rs`), a
    /// compaction's (`upkeep.rs`) or an errand's (`errand.rs`).
    pub fn at_hand(&self) -> bool {
        !self.away_for_long()
            && self.load_error.is_none()
            && !self.saving.as_ref().is_some_and(Saving::has_doc)
    }

    /// Whether the document is loading, or away in a worker for longer than
    /// making a save's bytes (a conflict scan, a compaction, an errand).
    pub fn away_for_long(&self) -> bool {
        self.loading.is_some() || self.scan.is_some() || self.upkeep.busy() || self.errand.is_some()
    }

    /// Rereads the conflicts.
    pub fn refresh_conflicts(&mut self) {
        self.conflicts = conflicts::conflicts(&self.doc);
    }

    /// Rereads the conflicts of these sections and activities alone, and of
    /// the heading when `meta` (an edit touched nothing else).
    pub fn refresh_conflicts_of<'a>(
        &mut self,
        sections: impl IntoIterator<Item = &'a str>,
        activities: impl IntoIterator<Item = &'a str>,
        meta: bool,
    ) {
        let touched = Touched {
            meta,
            sections: sections.into_iter().map(str::to_string).collect(),
            activities: activities.into_iter().map(str::to_string).collect(),
            ..Touched::default()
        };
        conflicts::update(&mut self.conflicts, &self.doc, &touched);
    }

    /// Drops from the deleted items edited unseen those that `ops`
    /// restored or deleted again (a deletion made here has seen every
    /// edit, so no op adds one).
    pub fn forget_deleted(&mut self, ops: &[Op]) {
        let Some(list) = self.deleted_but_edited.as_mut() else {
            return;
        };
        for op in ops {
            if let Op::Exists { id, .. } | Op::Tree { id, .. } = op {
                list.retain(|d| d.item.id != *id);
            }
        }
    }

    /// Whether an activity or section has a conflicting field.
    pub fn in_conflict(&self, id: &str) -> bool {
        self.conflicts.iter().any(|c| c.item.id == id)
    }

    /// Appends the latest changes to the crash journal.
    pub fn journal_changes(&mut self) -> Result<(), StoreError> {
        let changes = self.doc.save_incremental();
        self.append_journal(&changes)
    }

    /// Appends changes already taken from the document to the journal.
    pub(super) fn append_journal(&mut self, changes: &[u8]) -> Result<(), StoreError> {
        if !changes.is_empty() {
            self.upkeep.changes += 1;
        }
        match self.journal.as_mut() {
            Some(journal) => journal.append(changes),
            None => Ok(()),
        }
    }

    /// Drops the journal: the edits since the last save are not to come
    /// back.
    pub fn discard_journal(&mut self) -> Result<(), StoreError> {
        match self.journal.as_mut() {
            Some(journal) => journal.discard(),
            None => Ok(()),
        }
    }

    /// Saves under `path` from now on (the journal moves with it).
    pub fn rename(&mut self, path: PathBuf) {
        self.journal = Some(Journal::new(&path));
        self.path = Some(path);
    }

    /// The name shown for the file.
    pub fn file_name(&self, lang: Lang) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => crate::tr!(lang, "document-sample-not-saved").to_string(),
        }
    }

    /// The folder of the roadmap, which paths typed in prompts start from
    /// (the current folder for the bundled sample).
    pub fn folder(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }
}
