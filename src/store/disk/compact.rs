//! Compaction: rebuilding a document from its saved form. A loaded
//! Automerge 0.12 document grows in memory with every edit (several times
//! its loaded size after a long session of edits spread over the roadmap);
//! a document loaded afresh from `save()` holds the same history in its
//! compact form.
//!
//! Nothing slow runs on the caller's thread: it only takes the changes made
//! since the document last read or wrote its file (see
//! [`crate::store::disk::saving::Seen`]). A worker reads the file (given up if its bytes
//! are no longer the ones the document knows), loads it, applies those
//! changes, saves and loads the result. When the worker is done, the
//! changes made meanwhile are applied to the fresh document and it takes
//! the old one's place, with the same actor and author. Each step is logged
//! with its figures.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use automerge::{AutoCommit, ChangeHash};

use crate::store::disk::cache::Fingerprint;
use crate::store::{Doc, StoreError, disk::file};

/// A compaction under way (see [`Doc::start_compaction`]).
#[derive(Debug)]
pub struct Compaction {
    heads: Vec<ChangeHash>,
    started: Instant,
    worker: JoinHandle<Result<Option<Fresh>, StoreError>>,
}

/// What the worker made.
#[derive(Debug)]
struct Fresh {
    doc: AutoCommit,
    /// Bytes of the file read, and of the changes made since.
    file_bytes: usize,
    delta_bytes: usize,
    /// Bytes of the compacted document.
    compacted_bytes: usize,
    took: Duration,
}

impl Compaction {
    /// Whether the worker has finished, so that [`Doc::finish_compaction`]
    /// will not wait.
    pub fn is_ready(&self) -> bool {
        self.worker.is_finished()
    }
}

const NAME: &str = "(compaction)";

/// The most changes (in bytes) made during a compaction that are applied
/// to the fresh document (a few edits' worth).
pub const MAX_CATCH_UP: usize = 16 * 1024;

/// The worker: the file at `path` (if its bytes are still `fingerprint`)
/// with `delta` applied, saved and loaded again.
fn rebuild(
    path: &Path,
    fingerprint: Fingerprint,
    delta: &[u8],
) -> Result<Option<Fresh>, StoreError> {
    let started = Instant::now();
    let bytes = file::read_limited(path)?;
    if Fingerprint::of(&bytes) != fingerprint {
        tracing::info!(file = %path.display(), "compaction given up: the file changed");
        return Ok(None);
    }
    let name = Path::new(NAME);
    let mut doc = file::decode(&bytes, name)?;
    let file_bytes = bytes.len();
    drop(bytes);
    let mut compacted_bytes = file_bytes;
    if !delta.is_empty() {
        file::decode_with(name, || doc.load_incremental(delta))?;
        let bytes = doc.save();
        drop(doc);
        compacted_bytes = bytes.len();
        doc = file::decode(&bytes, name)?;
    }
    Ok(Some(Fresh {
        doc,
        file_bytes,
        delta_bytes: delta.len(),
        compacted_bytes,
        took: started.elapsed(),
    }))
}

impl Doc {
    /// Starts compacting in a worker thread from `path`, the file this
    /// document was read from or wrote; None when it knows no bytes of a
    /// file (nothing to start from).
    pub fn start_compaction(&mut self, path: &Path) -> Option<Compaction> {
        let started = Instant::now();
        let seen = self.seen.clone()?;
        let delta = self.doc.save_after(&seen.heads);
        let heads = self.doc.get_heads();
        tracing::info!(
            delta_bytes = delta.len(),
            ms = started.elapsed().as_millis(),
            "compaction started"
        );
        let path: PathBuf = path.to_path_buf();
        let worker = std::thread::spawn(move || rebuild(&path, seen.fingerprint, &delta));
        Some(Compaction {
            heads,
            started,
            worker,
        })
    }

    /// Waits for the worker (if it is still busy), applies the changes made
    /// since [`Doc::start_compaction`] to the fresh document and puts it in
    /// place of this one. Returns the changes this document had not yet
    /// handed out through [`Doc::save_incremental`], for the journal.
    ///
    /// When more than [`MAX_CATCH_UP`] bytes of changes were made meanwhile,
    /// the fresh document is dropped instead (Ok(None)): Automerge 0.12
    /// grows far more applying many changes to a freshly loaded document
    /// than it would have by keeping the old one. Ok(None) too when the
    /// file changed before the worker read it. On an error, or None, the
    /// document stays as it was.
    pub fn finish_compaction(
        &mut self,
        compaction: Compaction,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let finishing = Instant::now();
        let fresh = match compaction.worker.join() {
            Ok(result) => result?,
            Err(_) => {
                return Err(StoreError::Corrupt {
                    path: NAME.into(),
                    reason: "the compaction worker failed".into(),
                });
            }
        };
        let Some(Fresh {
            doc: mut fresh,
            file_bytes,
            delta_bytes,
            compacted_bytes,
            took,
        }) = fresh
        else {
            return Ok(None);
        };
        let delta = self.doc.save_after(&compaction.heads);
        if delta.len() > MAX_CATCH_UP {
            tracing::info!(
                catch_up_bytes = delta.len(),
                "compaction dropped: too much was edited meanwhile"
            );
            return Ok(None);
        }
        if !delta.is_empty() {
            file::decode_with(Path::new(NAME), || fresh.load_incremental(&delta))?;
        }
        let pending = self.save_incremental();
        let actor = self.doc.get_actor().clone();
        self.journaled = fresh.get_heads();
        self.doc = fresh;
        let author = self.author.clone();
        // Setting an author picks a new actor: the old one is set after it.
        self.set_author(author.as_deref());
        self.doc.set_actor(actor);
        tracing::info!(
            file_bytes,
            delta_bytes,
            compacted_bytes,
            catch_up_bytes = delta.len(),
            worker_ms = took.as_millis(),
            total_ms = compaction.started.elapsed().as_millis(),
            swap_ms = finishing.elapsed().as_millis(),
            "compaction finished"
        );
        Ok(Some(pending))
    }
}

#[cfg(test)]
mod tests {
    use crate::store::write::edit::{ActivityField, MetaField};

    #[test]
    fn edits_made_while_compacting_are_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sample.karta");
        std::fs::write(&path, crate::commands::SAMPLE).expect("write");
        let mut doc = crate::store::open(&path).expect("sample");
        doc.set_author(Some("Тестова Т.Т."));
        doc.save_incremental();
        doc.set_meta(MetaField::Notes, "до").expect("edit");
        let compaction = doc.start_compaction(&path).expect("a file to start from");
        let id = doc.roadmap().activities_with_path()[0].1.id.clone();
        doc.set_activity_field(&id, &ActivityField::Text, "во время")
            .expect("edit");
        let actor = doc.automerge().get_actor().clone();
        let before = doc.roadmap();
        let mut heads = doc.heads();
        heads.sort();
        let pending = doc
            .finish_compaction(compaction)
            .expect("finish")
            .expect("a few edits are caught up");
        assert!(!pending.is_empty(), "the edits not yet journaled");
        assert_eq!(doc.roadmap(), before);
        let mut after = doc.heads();
        after.sort();
        assert_eq!(after, heads);
        assert_eq!(doc.automerge().get_actor(), &actor);
        assert!(doc.save_incremental().is_empty(), "nothing new to journal");
        doc.set_meta(MetaField::Notes, "после").expect("edit after");
        assert!(!doc.save_incremental().is_empty());
        assert_eq!(doc.roadmap().meta.notes, "после");
    }

    #[test]
    fn a_file_changed_by_another_program_is_not_compacted_from() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sample.karta");
        std::fs::write(&path, crate::commands::SAMPLE).expect("write");
        let mut doc = crate::store::open(&path).expect("sample");
        let mut theirs = crate::store::open(&path).expect("their copy");
        theirs.set_meta(MetaField::Title, "их").expect("edit");
        crate::store::save(&path, &mut theirs).expect("their save");
        doc.set_meta(MetaField::Notes, "мои").expect("edit");
        let before = doc.roadmap();
        let compaction = doc.start_compaction(&path).expect("started");
        assert!(doc.finish_compaction(compaction).expect("finish").is_none());
        assert_eq!(doc.roadmap(), before, "the document stays as it was");
    }
}
