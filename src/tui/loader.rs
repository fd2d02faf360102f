//! Opening a file in the background. When the view cache holds the
//! roadmap of the file's exact bytes, the editor starts from it at once and
//! the document loads in a worker thread (with the crash journal applied
//! after it). Browsing works meanwhile; an action that needs the document
//! waits for the load and then runs, so no edit is lost. A failed load is
//! shown and leaves the editor read-only.

use std::path::PathBuf;
use std::thread::JoinHandle;

use automerge::ChangeHash;

use crate::model::Roadmap;
use crate::store::disk::cache::{Fingerprint, View, ViewCache};
use crate::store::disk::journal::{Journal, Recovery};
use crate::store::exchange::conflicts;
use crate::store::history::touched::Touched;
use crate::store::{Doc, StoreError};

use super::action::Action;
use super::app::App;
use super::overlay::Overlay;
use super::overlay::list::ListKind;
use super::overlay::question::Question;
use super::target::Target;

/// A document read from a file with its journal applied, and what the
/// editor shows of it.
pub struct Loaded {
    /// The document.
    pub doc: Doc,
    /// What the journal added.
    pub recovery: Recovery,
    /// The roadmap read from the document; None when it is at the heads of
    /// the cached view shown meanwhile (nothing to read: the view is it).
    pub roadmap: Option<Roadmap>,
    /// What is known of its conflicts without scanning the whole document.
    pub conflicts: Found,
}

/// What is known of a loaded document's conflicts.
#[derive(Debug)]
pub enum Found {
    /// The view shown has them: the document is at its heads.
    Shown,
    /// The view shown had them before changes (the journal's) that touched
    /// these parts.
    Since(Touched),
    /// Nothing: a scan has to find them (see `scan.rs`).
    Unknown,
}

/// Reads a document from a file's bytes, records `author` with its
/// changes, applies the crash journal and reads the roadmap, unless the
/// document turns out to be at `shown` (the heads of a view already shown).
/// Slow for large files: run it in a worker when there is something to show
/// meanwhile.
pub fn load(
    bytes: Vec<u8>,
    path: &std::path::Path,
    author: &str,
    shown: Option<&[ChangeHash]>,
) -> Result<Loaded, StoreError> {
    let mut doc = Doc::from_bytes(&bytes, path)?;
    drop(bytes);
    doc.set_author(Some(author));
    let recovery = Journal::recover(path, &mut doc)?;
    // What the journal held is in it already.
    doc.save_incremental();
    let unchanged = !recovery.changed && shown.is_some_and(|heads| doc.heads() == heads);
    let roadmap = (!unchanged).then(|| doc.roadmap());
    let conflicts = match shown {
        _ if unchanged => Found::Shown,
        Some(heads) if doc.has_all(heads) => Found::Since(doc.touched_since(heads)),
        _ => Found::Unknown,
    };
    Ok(Loaded {
        doc,
        recovery,
        roadmap,
        conflicts,
    })
}

/// A load in a worker thread, started after the first frame (so that the
/// frame has the processor to itself).
pub struct Loader {
    state: State,
    fingerprint: Fingerprint,
    heads: Vec<ChangeHash>,
}

enum State {
    Waiting {
        bytes: Vec<u8>,
        path: PathBuf,
        author: String,
    },
    Running(JoinHandle<Result<Loaded, StoreError>>),
}

impl Loader {
    /// A load of `bytes` (the content of `path`, with `fingerprint`, whose
    /// cached view was made at `heads`), to start on the first poll.
    pub fn new(
        bytes: Vec<u8>,
        path: PathBuf,
        author: String,
        fingerprint: Fingerprint,
        heads: Vec<ChangeHash>,
    ) -> Loader {
        Loader {
            state: State::Waiting {
                bytes,
                path,
                author,
            },
            fingerprint,
            heads,
        }
    }

    /// Starts the worker if it has not started; whether it has finished.
    fn poll(&mut self) -> bool {
        let state = std::mem::replace(
            &mut self.state,
            State::Waiting {
                bytes: Vec::new(),
                path: PathBuf::new(),
                author: String::new(),
            },
        );
        self.state = match state {
            State::Waiting {
                bytes,
                path,
                author,
            } => {
                let heads = self.heads.clone();
                State::Running(std::thread::spawn(move || {
                    load(bytes, &path, &author, Some(&heads))
                }))
            }
            running => running,
        };
        matches!(&self.state, State::Running(worker) if worker.is_finished())
    }

    /// Waits for the load (starting it if need be).
    fn join(mut self) -> Option<Result<Loaded, StoreError>> {
        self.poll();
        match self.state {
            State::Running(worker) => worker.join().ok(),
            State::Waiting { .. } => None,
        }
    }
}

impl App {
    /// Whether the document is still loading in the background.
    pub fn is_loading(&self) -> bool {
        self.document.loading.is_some()
    }

    /// Swaps the document in if the background load has finished; true
    /// when it did.
    pub fn poll_load(&mut self) -> bool {
        if self.document.loading.as_mut().is_some_and(Loader::poll) {
            self.await_load();
            return true;
        }
        false
    }

    /// Waits for the background load, if any, and swaps the document in.
    pub fn await_load(&mut self) {
        let Some(loader) = self.document.loading.take() else {
            return;
        };
        let (fingerprint, heads) = (loader.fingerprint, loader.heads.clone());
        let result = loader
            .join()
            .unwrap_or_else(|| Err(StoreError::NotFound(crate::msg!("load-failed"))));
        match result {
            Ok(loaded) => {
                if loaded.roadmap.is_some() && !loaded.recovery.changed {
                    tracing::warn!(?heads, "the cached view was made at other heads");
                }
                self.finish_load(loaded, fingerprint);
            }
            Err(e) => {
                tracing::error!(error = %e, "background load failed");
                self.document.load_error = Some(e.to_string());
                self.document.asked = None;
                let text = format!(
                    "{} {e}",
                    self.lang.t(
                        "Файл не загружен (правки целы, Ctrl-s сохранит показанное как копию):",
                        "The file did not load (edits are kept, Ctrl-s saves what is shown as a copy):"
                    )
                );
                self.status.complain(text);
            }
        }
        self.apply_early();
        self.after_load();
    }

    /// Waits for the document wherever it is (loading, or away scanning,
    /// making a save's bytes, compacting or on an errand).
    pub fn await_doc(&mut self) {
        self.await_load();
        self.take_scan(true);
        self.take_doc_back(true);
        self.finish_compaction();
        self.take_errand(true);
    }

    fn finish_load(&mut self, loaded: Loaded, fingerprint: Fingerprint) {
        self.document.doc = loaded.doc;
        self.read_marks();
        let mut store = None;
        if let Some(roadmap) = loaded.roadmap.filter(|r| *r != self.document.roadmap) {
            tracing::info!("the document differs from its cached view");
            self.document.roadmap = roadmap;
            self.recatalog();
            store = (!loaded.recovery.changed).then_some(fingerprint);
        }
        self.take_conflicts(loaded.conflicts, store);
        self.announce_recovery(loaded.recovery);
    }

    /// Brings the conflicts shown up to date with a document just loaded
    /// (by a scan in a worker when nothing is known), then caches the view
    /// as that of the file with `store`, if given.
    pub(super) fn take_conflicts(&mut self, found: Found, store: Option<Fingerprint>) {
        match found {
            Found::Shown => {}
            Found::Since(touched) => {
                let document = &mut self.document;
                conflicts::update(&mut document.conflicts, &document.doc, &touched);
                // The journal's changes may be a merge's.
                document.deleted_but_edited = None;
            }
            Found::Unknown => return self.start_scan(store),
        }
        if let Some(fingerprint) = store {
            self.store_view(fingerprint);
        }
    }

    /// Tells the user what the journal restored, and where a damaged
    /// journal was set aside.
    pub(super) fn announce_recovery(&mut self, recovery: Recovery) {
        if let Some(aside) = &recovery.set_aside {
            if recovery.changed {
                self.document.unsaved = true;
            }
            let name = aside.file_name().map_or_else(
                || aside.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let text = crate::tr!(
                self.lang,
                "journal-damaged",
                count = recovery.records,
                name = name
            );
            self.status.complain(crate::model::text::one_line(&text));
            return;
        }
        if !recovery.changed {
            return;
        }
        self.document.unsaved = true;
        let text = format!(
            "{} {}",
            crate::tr!(self.lang, "loader-unsaved-changes-restored-from-the"),
            recovery.records
        );
        self.status.say(text);
        tracing::info!(records = recovery.records, "journal applied");
    }

    /// Keeps the roadmap shown in the view cache, as the view of the file
    /// bytes with `fingerprint` (which must be the document's saved state).
    pub(super) fn store_view(&mut self, fingerprint: Fingerprint) {
        let (Some(cache), Some(path)) = (&self.document.cache, &self.document.path) else {
            return;
        };
        let heads = self.document.doc.heads();
        let view = View {
            heads: &heads,
            roadmap: &self.document.roadmap,
            conflicts: &self.document.conflicts,
            deleted_but_edited: self.document.deleted_but_edited.as_deref(),
        };
        if let Err(e) = cache.store(path, fingerprint, &view) {
            tracing::warn!(error = %e, "view cache not written");
        }
    }

    /// Sets where views of the file are cached (None: nowhere).
    pub fn set_view_cache(&mut self, cache: Option<ViewCache>) {
        self.document.cache = cache;
    }

    /// Whether this key will wait for the background load (so that the
    /// caller can say so on screen first).
    pub fn waits_for(&self, event: crossterm::event::KeyEvent) -> bool {
        if self.is_loading() && matches!(self.overlay, Overlay::Editor(_)) {
            // Typing never waits; confirming a new item says so itself.
            return false;
        }
        let action = self
            .keymap
            .action(self.overlay.mode(), super::keymap::Key::from_event(event));
        self.is_loading() && self.needs_doc(action) && !self.can_wait(action) && !self.opens_later()
    }

    /// Whether an action on the roadmap shown that needs the document,
    /// away now, is kept to do once it is back (see `deferred.rs`)
    /// rather than waited for.
    fn opens_later(&self) -> bool {
        matches!(self.overlay, Overlay::None)
            && !self.document.at_hand()
            && self.document.load_error.is_none()
    }

    /// Whether `action` (None: a key with no action) in the current overlay
    /// would need the document. Browsing, searching, filtering and help
    /// do not.
    pub(super) fn needs_doc(&self, action: Option<Action>) -> bool {
        match &self.overlay {
            Overlay::None => action.is_some_and(|a| !browses(a) && !edits_early(a)),
            Overlay::Prompt(prompt) => prompt.line.target != Target::Search,
            Overlay::Filter(_) | Overlay::Help(_) | Overlay::Reading(_) => false,
            // What is typed waits for nothing; a field edit is made early,
            // anything else waits when confirmed (see `apply_step`).
            Overlay::Editor(_) => false,
            Overlay::List(list) => !matches!(
                list.kind,
                ListKind::ActivityForm(_) | ListKind::HeadingForm | ListKind::Status(_)
            ),
            Overlay::Comment(_)
            | Overlay::Question(_)
            | Overlay::Merge(_)
            | Overlay::Trash(_)
            | Overlay::Approve(_)
            | Overlay::Changes(_)
            | Overlay::Conflict(_) => true,
        }
    }

    /// Before an action: waits for the document when the action needs it;
    /// false (with the error shown) when the document could not be loaded.
    pub(super) fn ready_for(&mut self, action: Option<Action>) -> bool {
        if !self.needs_doc(action) || self.can_wait(action) {
            return true;
        }
        if let Some(action) = action.filter(|_| self.opens_later()) {
            self.ask_when_back(action);
            return false;
        }
        self.have_doc()
    }

    /// Whether `action` in the current overlay needs the document only
    /// for a step that can be kept until the document is back (see
    /// `deferred.rs`): adding, deleting, moving, renumbering (and the
    /// lists and questions they open); not when the document failed to
    /// load.
    fn can_wait(&self, action: Option<Action>) -> bool {
        if self.document.load_error.is_some() {
            return false;
        }
        match &self.overlay {
            Overlay::None => {
                matches!(
                    action,
                    Some(
                        Action::AddActivity
                            | Action::AddSection
                            | Action::Delete
                            | Action::Renumber
                            | Action::MoveUp
                            | Action::MoveDown
                            | Action::Move
                            | Action::Comment
                            | Action::Approve
                    )
                ) || matches!(action, Some(Action::Undo | Action::Redo))
            }
            Overlay::Question(asking) => asking.question != Question::QuitUnsaved,
            Overlay::List(list) => matches!(
                list.kind,
                ListKind::MoveActivity(_) | ListKind::MoveSection(_) | ListKind::Comments(_)
            ),
            Overlay::Comment(_) | Overlay::Approve(_) => true,
            _ => false,
        }
    }

    /// Waits for the document; false (with the error shown) when it could
    /// not be loaded.
    pub(super) fn have_doc(&mut self) -> bool {
        self.await_doc();
        match &self.document.load_error {
            Some(e) => {
                let text = format!(
                    "{} {e}",
                    crate::tr!(self.lang, "loader-read-only-the-file-did")
                );
                self.status.complain(text);
                false
            }
            None => true,
        }
    }
}

/// Actions that open a field's editor or save: they do not wait for the
/// document (see `early.rs`).
fn edits_early(action: Action) -> bool {
    matches!(
        action,
        Action::Edit | Action::Status | Action::Responsible | Action::Save
    )
}

/// Actions that only move around the roadmap as shown.
fn browses(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Up | Down
            | PageUp
            | PageDown
            | First
            | Last
            | Fold
            | Unfold
            | ToggleFold
            | FoldAll
            | UnfoldAll
            | ShowView(_)
            | NextView
            | PrevView
            | ToggleDetail
            | Search
            | SearchNext
            | SearchPrev
            | Filter
            | ClearFilter
            | Help
            | Quit
    )
}
