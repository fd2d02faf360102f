//! Saving in the background. Ctrl-s makes the document's bytes and hands
//! them to a worker (see [`crate::store::saving`]) that takes the file's
//! lock, checks whether another program wrote the file, writes a temporary
//! file, syncs it and renames it over the file; keys are handled meanwhile,
//! and the status line says «Сохранение…» until it says «Сохранено». When
//! the file held another program's changes, they are merged into the
//! document (the screen patched from what they touched) and the save starts
//! again. A failed save says so and keeps the edits and their journal.
//! Quitting waits for a save under way.

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Instant;

use automerge::ChangeHash;

use crate::store::StoreError;
use crate::store::saving::{self, Seen, Written};

use super::app::App;

/// A save under way.
pub struct Saving {
    worker: JoinHandle<Result<Written, StoreError>>,
    /// The file written.
    path: PathBuf,
    /// The heads of the bytes written.
    heads: Vec<ChangeHash>,
    /// Whether another program's changes were merged in on the way.
    merged: bool,
    /// Whether Ctrl-s came again meanwhile: save once more when done.
    again: bool,
    started: Instant,
}

impl App {
    /// Whether a save is under way.
    pub fn is_saving(&self) -> bool {
        self.document.saving.is_some()
    }

    /// Starts saving to the file in the background (once the document has
    /// loaded); while a save is under way, another follows it. An error
    /// when there is nothing to save to.
    pub fn start_save(&mut self) -> Result<(), StoreError> {
        match &mut self.document.saving {
            Some(saving) => {
                saving.again = true;
                Ok(())
            }
            None => self.spawn_save(false),
        }
    }

    /// Saves to the file and waits until it is written.
    pub fn save(&mut self) -> Result<(), StoreError> {
        self.start_save()?;
        self.wait_for_save()
    }

    /// Waits for the save under way, if any, and for the saves it leads
    /// to; the result of the last.
    pub fn wait_for_save(&mut self) -> Result<(), StoreError> {
        let mut result = Ok(());
        while self.is_saving() {
            result = self.settle_save();
        }
        result
    }

    /// Between keys: acts on a save that has finished.
    pub(super) fn poll_save(&mut self) {
        let done = self
            .document
            .saving
            .as_ref()
            .is_some_and(|s| s.worker.is_finished());
        if done {
            // A failure is on the status line.
            let _ = self.settle_save();
        }
    }

    fn spawn_save(&mut self, merged: bool) -> Result<(), StoreError> {
        let Some(path) = self.document.path.clone() else {
            return Err(StoreError::NotFound(crate::msg!("no-file-chosen")));
        };
        self.await_load();
        if let Some(e) = &self.document.load_error {
            return Err(StoreError::NotFound(crate::msg!("as-written", text = e)));
        }
        let started = Instant::now();
        let request = self.document.doc.save_request(&path);
        tracing::info!(
            file = %path.display(),
            bytes = request.bytes.len(),
            ms = started.elapsed().as_millis(),
            "save: bytes made, writing in the background"
        );
        let heads = request.heads.clone();
        let worker = std::thread::spawn(move || saving::write(request));
        self.document.saving = Some(Saving {
            worker,
            path,
            heads,
            merged,
            again: false,
            started,
        });
        self.status.say(crate::tr!(self.lang, "ui-saving"));
        Ok(())
    }

    /// Waits for the save's worker and acts on what it did; a failure is
    /// said on the status line too.
    fn settle_save(&mut self) -> Result<(), StoreError> {
        let Some(saving) = self.document.saving.take() else {
            return Ok(());
        };
        let Saving {
            worker,
            path,
            heads,
            merged,
            again,
            started,
        } = saving;
        let written = worker
            .join()
            .unwrap_or_else(|_| Err(StoreError::NotFound(crate::msg!("save-failed"))));
        let result = match written {
            Ok(Written::Saved(seen)) => {
                tracing::info!(
                    file = %path.display(),
                    ms = started.elapsed().as_millis(),
                    "saved"
                );
                self.saved(&heads, merged, again, seen)
            }
            Ok(Written::Behind { changes, seen }) => self
                .take_in(&changes, seen)
                .and_then(|()| self.spawn_save(true)),
            Err(e) => Err(e),
        };
        if let Err(e) = &result {
            tracing::error!(error = %e, "save failed");
            let text = format!("{} {e}", crate::tr!(self.lang, "saving-not-saved"));
            self.status.complain(text);
        }
        result
    }

    /// The bytes at `heads` are in the file, known as `seen` (`merged`:
    /// with another program's changes; `again`: Ctrl-s came meanwhile).
    fn saved(
        &mut self,
        heads: &[ChangeHash],
        merged: bool,
        again: bool,
        seen: Seen,
    ) -> Result<(), StoreError> {
        let fingerprint = seen.fingerprint;
        self.document.doc.know_file(seen);
        let text = if merged {
            crate::tr!(self.lang, "saving-saved-together-with-changes-another").to_string()
        } else {
            format!(
                "{} {}",
                crate::tr!(self.lang, "saving-saved"),
                self.document.file_name(self.lang)
            )
        };
        self.status.say(text);
        if self.document.doc.heads() != heads {
            // Edits made while saving: unsaved, and in the journal.
            return match again {
                true => self.spawn_save(false),
                false => Ok(()),
            };
        }
        self.document.discard_journal()?;
        self.document.unsaved = false;
        self.store_view(fingerprint);
        Ok(())
    }

    /// Merges the changes another program wrote to the file (known as
    /// `seen`) and patches the screen from what they touched.
    fn take_in(&mut self, changes: &[u8], seen: Seen) -> Result<(), StoreError> {
        let before = self.document.doc.heads();
        self.document.doc.apply_bundle(changes)?;
        self.document.doc.know_file(seen);
        // They are in the file: not for the journal.
        self.document.doc.save_incremental();
        if self.document.doc.heads() != before {
            tracing::info!("save: merged another program's changes to the file");
            self.refresh_since(&before);
        }
        Ok(())
    }
}
