//! Compaction: rebuilding a document from its saved form. A loaded
//! Automerge 0.12 document grows in memory with every edit (1.7× its loaded
//! heap after a long session of edits spread over a large roadmap); a
//! document loaded afresh from `save()` holds the same history in its
//! compact form.
//!
//! The document itself moves to a worker thread, which saves it, drops it
//! and loads the bytes again, so that two documents are never held at once:
//! the peak is that of loading the file. The caller has no document
//! meanwhile (the editor shows its model, and edits made meanwhile wait or
//! are kept aside, see `tui/early.rs`). The fresh document keeps the actor,
//! author and what it knows of its file and journal. Each step is logged
//! with its figures.

use std::path::Path;
use std::thread::JoinHandle;
use std::time::Instant;

use crate::store::{Doc, StoreError, disk::file};

/// A compaction under way (see [`Doc::compact_in_background`]).
#[derive(Debug)]
pub struct Compaction {
    worker: JoinHandle<Result<Doc, StoreError>>,
}

const NAME: &str = "(compaction)";

impl Compaction {
    /// Whether the worker has finished, so that [`Compaction::finish`]
    /// will not wait.
    pub fn is_ready(&self) -> bool {
        self.worker.is_finished()
    }

    /// Waits for the worker and hands the compacted document back. An
    /// error means the document is lost from memory (its bytes did not
    /// load again): what it held is in its file and journal.
    pub fn finish(self) -> Result<Doc, StoreError> {
        self.worker.join().unwrap_or_else(|_| {
            Err(StoreError::Corrupt {
                path: NAME.into(),
                reason: "the compaction worker failed".into(),
            })
        })
    }
}

impl Doc {
    /// Moves the document to a worker thread that compacts it (see the
    /// module's words); [`Compaction::finish`] gives it back.
    pub fn compact_in_background(self) -> Compaction {
        Compaction {
            worker: std::thread::spawn(move || self.compacted()),
        }
    }

    /// The document saved, dropped and loaded again from its bytes.
    pub fn compacted(mut self) -> Result<Doc, StoreError> {
        let started = Instant::now();
        let actor = self.doc.get_actor().clone();
        let bytes = self.doc.save();
        let saved_ms = started.elapsed().as_millis();
        let Doc {
            doc,
            author,
            created,
            ids,
            journaled,
            resolving,
            damaged,
            seen,
        } = self;
        drop(doc);
        let loading = Instant::now();
        let fresh = file::decode(&bytes, Path::new(NAME))?;
        let mut doc = Doc {
            doc: fresh,
            author: None,
            created,
            ids,
            journaled,
            resolving,
            damaged,
            seen,
        };
        // Setting an author picks a new actor: the old one is set after it.
        doc.set_author(author.as_deref());
        doc.doc.set_actor(actor);
        tracing::info!(
            compacted_bytes = bytes.len(),
            save_ms = saved_ms,
            load_ms = loading.elapsed().as_millis(),
            total_ms = started.elapsed().as_millis(),
            "compaction finished"
        );
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::write::edit::{ActivityField, MetaField};

    #[test]
    fn a_compacted_document_is_the_same_document() {
        let (_dir, _, mut doc) = crate::store::disk::sample_file();
        doc.set_author(Some("Тестова Т.Т."));
        doc.save_incremental();
        doc.set_meta(MetaField::Notes, "до").expect("edit");
        let id = doc.roadmap().activities_with_path()[0].1.id.clone();
        doc.set_activity_field(&id, &ActivityField::Text, "текст")
            .expect("edit");
        let journal = doc.save_incremental();
        assert!(!journal.is_empty());
        let actor = doc.automerge().get_actor().clone();
        let (before, seen) = (doc.roadmap(), doc.seen().cloned());
        let mut heads = doc.heads();
        heads.sort();
        let mut doc = doc.compact_in_background().finish().expect("compacted");
        assert_eq!(doc.roadmap(), before);
        let mut after = doc.heads();
        after.sort();
        assert_eq!(after, heads);
        assert_eq!(doc.automerge().get_actor(), &actor);
        assert_eq!(doc.author(), Some("Тестова Т.Т."));
        assert_eq!(doc.seen().cloned(), seen, "what it knows of its file");
        assert!(doc.save_incremental().is_empty(), "nothing new to journal");
        doc.set_meta(MetaField::Notes, "после").expect("edit after");
        assert!(!doc.save_incremental().is_empty());
        assert_eq!(doc.roadmap().meta.notes, "после");
    }
}
