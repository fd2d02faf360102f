//! The conflict scan of a document opened without a cached view: the
//! whole document is read for fields holding several values, which takes
//! over a second for a large roadmap. It runs after the first frame, with
//! the document in a worker thread; field edits made meanwhile are shown at
//! once and made when it is back (see `early.rs`), other edits wait for it.
//! Later opens take the conflicts from the view cache, and merges bring
//! them up to date from what they touched (see
//! [`crate::store::exchange::conflicts::update`]).

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::store::Doc;
use crate::store::disk::cache::Fingerprint;
use crate::store::exchange::conflicts::{self, Conflict};
use crate::store::exchange::merge::deleted_but_edited;
use crate::store::write::trash::Deleted;

use super::app::App;

/// A scan under way (None: to start on the first poll, after the first
/// frame, so that the frame has the processor to itself).
pub struct Scan {
    back: Option<Receiver<Scanned>>,
    /// The fingerprint of the file the document holds, unchanged: its view
    /// is cached once the conflicts are known.
    store: Option<Fingerprint>,
}

/// What the scan's worker hands back.
struct Scanned {
    doc: Doc,
    conflicts: Vec<Conflict>,
    /// None when the scan failed.
    deleted: Option<Vec<Deleted>>,
}

impl App {
    /// Starts scanning the document for conflicts in a worker; the view is
    /// cached afterwards as that of the file with `store`, if given.
    pub(super) fn start_scan(&mut self, store: Option<Fingerprint>) {
        self.document.scan = Some(Scan { back: None, store });
    }

    /// Sends the document to the scan's worker.
    fn begin_scan(&mut self) -> Receiver<Scanned> {
        let mut doc = std::mem::replace(&mut self.document.doc, Doc::placeholder());
        let (send, back) = channel();
        std::thread::spawn(move || {
            let started = Instant::now();
            let found = std::panic::catch_unwind(AssertUnwindSafe(|| {
                (conflicts::conflicts(&doc), deleted_but_edited(&mut doc))
            }));
            let (conflicts, deleted) = match found {
                Ok((conflicts, deleted)) => (conflicts, Some(deleted)),
                Err(_) => {
                    tracing::error!("the conflict scan failed");
                    (Vec::new(), None)
                }
            };
            tracing::info!(
                conflicts = conflicts.len(),
                deleted_but_edited = deleted.as_ref().map_or(0, Vec::len),
                ms = started.elapsed().as_millis(),
                "conflicts scanned in the background"
            );
            let _ = send.send(Scanned {
                doc,
                conflicts,
                deleted,
            });
        });
        back
    }

    /// Whether the conflict scan is under way.
    pub fn is_scanning(&self) -> bool {
        self.document.scan.is_some()
    }

    /// Takes the document and its conflicts back from the scan, waiting
    /// for it if `wait`; then caches the view, makes the edits made
    /// meanwhile and a save asked for.
    pub(super) fn take_scan(&mut self, wait: bool) {
        if self
            .document
            .scan
            .as_ref()
            .is_some_and(|s| s.back.is_none())
        {
            let back = self.begin_scan();
            if let Some(scan) = self.document.scan.as_mut() {
                scan.back = Some(back);
            }
        }
        let Some(Scan {
            back: Some(back),
            store,
        }) = &self.document.scan
        else {
            return;
        };
        let store = *store;
        let back = match wait {
            true => back.recv().map_err(|_| TryRecvError::Disconnected),
            false => back.try_recv(),
        };
        match back {
            Ok(found) => {
                self.document.doc = found.doc;
                self.document.conflicts = found.conflicts;
                self.document.deleted_but_edited = found.deleted;
                // Edits made meanwhile are shown, not yet in the file.
                if let Some(fingerprint) = store.filter(|_| self.document.early.is_empty()) {
                    self.store_view(fingerprint);
                }
            }
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                tracing::error!("the conflict scan lost the document");
                let text = self.lang.t(
                    "документ потерян при поиске конфликтов; Ctrl-s сохранит показанное как копию",
                    "the document was lost looking for conflicts; Ctrl-s saves what is shown as a copy",
                );
                self.document.load_error = Some(text.to_string());
            }
        }
        self.document.scan = None;
        self.apply_early();
        self.after_load();
    }
}
