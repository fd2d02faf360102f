//! Saving in the background. Ctrl-s mostly appends: it takes the changes
//! made since the file was last read or written (milliseconds) and a
//! worker writes the file's bytes with them after (see
//! [`Doc::append_request`]); the document stays here. Now and then (when
//! the appended part would pass a quarter of the file, or the file is not
//! the one last seen) the save is whole: it hands the document itself to a
//! worker that makes its bytes (Automerge `save`, a third of a second for a
//! large roadmap) and hands it straight back. Either worker then (see
//! [`crate::store::disk::saving`])
//! takes the file's lock, checks whether another program wrote the file,
//! writes a temporary file, syncs it and renames it over the file. Keys are
//! handled meanwhile: browsing as always, field edits shown at once and
//! made in the document when it is back (see `early.rs`), other edits wait
//! for it. The status line says «Сохранение…» until it says «Сохранено».
//! Ctrl-s while the document is still loading saves once it is in. When
//! the file held another program's changes, they are merged into the
//! document (the screen patched from what they touched) and the save starts
//! again. A failed save says so and keeps the edits and their journal.
//! Quitting waits for a save under way.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::Instant;

use automerge::ChangeHash;

use crate::present::errors::store_error;
use crate::store::disk::saving::{self, Seen, Written};
use crate::store::{Doc, StoreError};

use super::app::App;

/// A save under way.
pub struct Saving {
    worker: JoinHandle<Result<Written, StoreError>>,
    /// The document, coming back from the worker once its bytes are made.
    doc_back: Option<Receiver<Doc>>,
    /// A file to remove once saved (the early edits of a file that did not
    /// load, saved as a copy).
    leftover: Option<PathBuf>,
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

impl Saving {
    /// Whether the worker still has the document.
    pub fn has_doc(&self) -> bool {
        self.doc_back.is_some()
    }
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
        if self.document.away_for_long() {
            self.document.save_when_loaded = true;
            self.status.say(self.lang.t(
                "Сохранение — как только файл загрузится…",
                "Saving as soon as the file has loaded…",
            ));
            return Ok(());
        }
        match &mut self.document.saving {
            Some(saving) => {
                saving.again = true;
                Ok(())
            }
            None if self.document.load_error.is_some() => self.save_copy(),
            None => self.spawn_save(false, false),
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
        if self.document.save_when_loaded {
            self.await_load();
            self.take_scan(true);
            self.after_load();
        }
        let mut result = Ok(());
        while self.is_saving() {
            result = self.settle_save();
        }
        result
    }

    /// The file did not load: saves the roadmap shown, with the edits made
    /// since, as a new document in a copy beside the file (never over it),
    /// and goes on with the copy. Its history starts here.
    fn save_copy(&mut self) -> Result<(), StoreError> {
        let Some(original) = self.document.path.clone() else {
            return Err(StoreError::NotFound(crate::msg!("no-file-chosen")));
        };
        let copy = copy_path(&original, self.lang);
        let author = self.document.doc.author().map(str::to_string);
        let doc = Doc::create(
            &self.document.roadmap,
            author.as_deref(),
            "the roadmap as shown, its file did not load",
        )?;
        tracing::warn!(
            file = %original.display(),
            copy = %copy.display(),
            "the file did not load: saving what is shown as a copy"
        );
        self.document.doc = doc;
        self.document.load_error = None;
        self.document.early.clear();
        self.document.rename(copy);
        self.spawn_save(false, true)?;
        if let Some(saving) = self.document.saving.as_mut() {
            saving.leftover = Some(super::early::path_for(&original));
        }
        Ok(())
    }

    /// After the load: the save asked for meanwhile.
    pub(super) fn after_load(&mut self) {
        if std::mem::take(&mut self.document.save_when_loaded)
            && let Err(e) = self.start_save()
        {
            let text = format!("{} {e}", self.lang.t("Не сохранено:", "Not saved:"));
            self.status.complain(text);
        }
    }

    /// Takes the document back from the save's worker, waiting for it if
    /// `wait`; then makes the edits made while it was away.
    pub(super) fn take_doc_back(&mut self, wait: bool) {
        let Some(saving) = self.document.saving.as_mut() else {
            return;
        };
        let Some(back) = &saving.doc_back else {
            return;
        };
        let doc = match wait {
            true => back.recv().map_err(|_| TryRecvError::Disconnected),
            false => back.try_recv(),
        };
        match doc {
            Ok(doc) => self.document.doc = doc,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                let text = self.lang.t(
                    "документ не вернулся из сохранения; Ctrl-s сохранит показанное как копию",
                    "the document did not come back from saving; Ctrl-s saves what is shown as a copy",
                );
                tracing::error!("the save's worker lost the document");
                self.document.load_error = Some(text.to_string());
            }
        }
        saving.doc_back = None;
        self.apply_early();
    }

    /// Between keys: takes the document back from a save's worker, and
    /// acts on a save that has finished.
    pub(super) fn poll_save(&mut self) {
        self.take_doc_back(false);
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

    /// Starts a save: appending the changes to the file when it can
    /// (unless `whole`), else with the document's whole bytes.
    fn spawn_save(&mut self, merged: bool, whole: bool) -> Result<(), StoreError> {
        let Some(path) = self.document.path.clone() else {
            return Err(StoreError::NotFound(crate::msg!("no-file-chosen")));
        };
        self.await_doc();
        if let Some(e) = &self.document.load_error {
            return Err(StoreError::NotFound(crate::msg!("as-written", text = e)));
        }
        let started = Instant::now();
        let heads = self.document.doc.heads();
        let append = match whole {
            true => None,
            false => self.document.doc.append_request(&path),
        };
        let (worker, doc_back) = match append {
            Some(request) => (std::thread::spawn(move || saving::write(request)), None),
            None => {
                let doc = std::mem::replace(&mut self.document.doc, Doc::placeholder());
                let (send, doc_back) = channel();
                let target = path.clone();
                let worker = std::thread::spawn(move || make_and_write(doc, &target, &send));
                (worker, Some(doc_back))
            }
        };
        self.document.saving = Some(Saving {
            worker,
            doc_back,
            leftover: None,
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
        self.take_doc_back(true);
        let Some(saving) = self.document.saving.take() else {
            return Ok(());
        };
        let Saving {
            worker,
            doc_back: _,
            leftover,
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
                if let Some(file) = leftover {
                    let _ = std::fs::remove_file(file);
                }
                self.saved(&heads, merged, again, seen)
            }
            Ok(Written::Behind { changes, seen }) => self
                .take_in(&changes, seen, &path)
                .and_then(|()| self.spawn_save(true, false)),
            Ok(Written::Rewrite) => self.spawn_save(merged, true),
            Err(e) => Err(e),
        };
        if let Err(e) = &result {
            tracing::error!(error = %e, "save failed");
            let text = format!(
                "{} {}",
                crate::tr!(self.lang, "saving-not-saved"),
                store_error(e, self.lang)
            );
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
                true => self.spawn_save(false, false),
                false => Ok(()),
            };
        }
        self.document.discard_journal()?;
        self.document.unsaved = false;
        self.store_view(fingerprint);
        Ok(())
    }

    /// Merges the changes another program wrote to the file `path` (known
    /// as `seen`) and patches the screen from what they touched; nothing
    /// of them is taken when they cannot all be (see [`crate::store::Doc::apply_bundle`]).
    fn take_in(&mut self, changes: &[u8], seen: Seen, path: &Path) -> Result<(), StoreError> {
        let before = self.document.doc.heads();
        self.document.doc.apply_bundle(changes, path)?;
        self.document.doc.know_file(seen);
        // They are in the file: not for the journal.
        self.document.doc.save_incremental();
        if self.document.doc.heads() != before {
            tracing::info!("save: merged another program's changes to the file");
            self.refresh_since(&before);
            self.remark_merged(&before);
        }
        Ok(())
    }
}

/// The worker: makes the document's bytes, hands the document back at
/// once, then writes (see [`saving::write`]).
fn make_and_write(
    mut doc: Doc,
    path: &Path,
    back: &std::sync::mpsc::Sender<Doc>,
) -> Result<Written, StoreError> {
    let started = Instant::now();
    let request = std::panic::catch_unwind(AssertUnwindSafe(|| doc.save_request(path)));
    // The editor may be gone (quitting waits for the save, not for this).
    let _ = back.send(doc);
    let request =
        request.map_err(|_| StoreError::Failed("making the bytes of the document".into()))?;
    tracing::info!(
        file = %path.display(),
        bytes = request.payload.size(),
        ms = started.elapsed().as_millis(),
        "save: bytes made in the background, document handed back"
    );
    saving::write(request)
}

/// A free name beside `file` for a copy of it: `NAME (копия).karta`, then
/// `NAME (копия 2).karta`…
fn copy_path(file: &Path, lang: crate::i18n::Lang) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let word = lang.t("копия", "copy");
    let folder = file.parent().unwrap_or(Path::new("."));
    let mut n = 1;
    loop {
        let name = match n {
            1 => format!("{stem} ({word}).karta"),
            n => format!("{stem} ({word} {n}).karta"),
        };
        let path = folder.join(name);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}
