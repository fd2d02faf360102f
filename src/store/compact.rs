//! Compaction: rebuilding a document from its own saved bytes. A loaded
//! Automerge 0.12 document grows in memory with every edit (several times
//! its loaded size after a long session of edits spread over the roadmap);
//! a document loaded afresh from `save()` holds the same history in its
//! compact form.
//!
//! The bytes are saved on the caller's thread and loaded in a worker, so
//! the editor goes on meanwhile; when the worker is done, the changes made
//! since the save are applied to the fresh document and it takes the old
//! one's place, with the same actor and author.

use std::path::Path;
use std::thread::JoinHandle;

use automerge::{AutoCommit, ChangeHash};

use super::{Doc, StoreError, file};

/// A compaction under way (see [`Doc::start_compaction`]).
#[derive(Debug)]
pub struct Compaction {
    heads: Vec<ChangeHash>,
    worker: JoinHandle<Result<AutoCommit, StoreError>>,
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

impl Doc {
    /// Saves the document and starts loading the bytes in a worker thread.
    pub fn start_compaction(&mut self) -> Compaction {
        let bytes = self.doc.save();
        let heads = self.doc.get_heads();
        let worker = std::thread::spawn(move || {
            let fresh = file::decode(&bytes, Path::new(NAME))?;
            drop(bytes);
            Ok(fresh)
        });
        Compaction { heads, worker }
    }

    /// Waits for the worker (if it is still busy), applies the changes made
    /// since [`Doc::start_compaction`] to the fresh document and puts it in
    /// place of this one. Returns the changes this document had not yet
    /// handed out through [`Doc::save_incremental`], for the journal.
    ///
    /// When more than [`MAX_CATCH_UP`] bytes of changes were made meanwhile,
    /// the fresh document is dropped instead (Ok(None)): Automerge 0.12
    /// grows far more applying many changes to a freshly loaded document
    /// than it would have by keeping the old one. On an error, or None,
    /// the document stays as it was.
    pub fn finish_compaction(
        &mut self,
        compaction: Compaction,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let mut fresh = match compaction.worker.join() {
            Ok(result) => result?,
            Err(_) => {
                return Err(StoreError::Corrupt {
                    path: NAME.into(),
                    reason: "the compaction worker failed".into(),
                });
            }
        };
        let delta = self.doc.save_after(&compaction.heads);
        if delta.len() > MAX_CATCH_UP {
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
        Ok(Some(pending))
    }
}

#[cfg(test)]
mod tests {
    use crate::store::edit::{ActivityField, MetaField};

    #[test]
    fn edits_made_while_compacting_are_kept() {
        let mut doc = crate::store::Doc::from_bytes(
            crate::commands::SAMPLE,
            std::path::Path::new("sample.karta"),
        )
        .expect("sample");
        doc.set_author(Some("Тестова Т.Т."));
        doc.save_incremental();
        doc.set_meta(MetaField::Notes, "до").expect("edit");
        let compaction = doc.start_compaction();
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
}
