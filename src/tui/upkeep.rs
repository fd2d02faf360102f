//! Work the editor does between keys: swapping in a document loaded or
//! scanned for conflicts in the background, settling a save made in the
//! background, and compacting the document against the memory an Automerge
//! document gains with every edit (see [`crate::store::disk::compact`]: the
//! document moves to a worker thread and back).

use std::time::Duration;

use crate::store::Doc;
use crate::store::disk::compact::Compaction;

use super::app::App;
use super::overlay::Overlay;

/// Changes after which the document is compacted (when the user pauses).
/// A loaded document gains memory with its first edits spread over a large
/// roadmap, then levels off (1.7× its loaded heap at 10k activities × 100k
/// edits, see `karta-bench soak` in BENCHMARKS.md), while a compaction
/// takes the document away for a save and a load (seconds at that size),
/// during which edits other than field edits wait for it. So it runs after
/// a long session's worth of edits, bounding growth without that wait
/// coming often.
pub const COMPACT_AFTER: usize = 1000;

/// How long the keyboard must be idle before a compaction starts.
pub const COMPACT_IDLE: Duration = Duration::from_secs(5);

/// The compaction state of an editor.
#[derive(Debug, Default)]
pub struct Upkeep {
    /// Changes made since the last compaction (or the load).
    pub changes: usize,
    compaction: Option<Compaction>,
}

impl Upkeep {
    /// Whether a load or compaction is under way, so that the caller should
    /// come back soon.
    pub fn busy(&self) -> bool {
        self.compaction.is_some()
    }
}

impl App {
    /// Between keys: swaps in a finished background load, takes in the
    /// marks and the list of changes read in the background, starts a
    /// compaction when enough changes were made and the user pauses, and
    /// swaps in a finished one.
    pub fn upkeep(&mut self) {
        self.poll_load();
        self.take_scan(false);
        self.take_errand(false);
        self.poll_save();
        self.poll_live();
        self.poll_marks(false);
        self.poll_changes(false);
        match &self.document.upkeep.compaction {
            Some(c) if c.is_ready() => self.finish_compaction(),
            Some(_) => {}
            None if self.document.upkeep.changes >= COMPACT_AFTER
                && self.last_key.elapsed() >= COMPACT_IDLE =>
            {
                self.start_compaction();
            }
            None => {}
        }
    }

    /// Whether background work is under way (the loop should poll soon).
    pub fn busy(&self) -> bool {
        self.document.away_for_long()
            || self.is_saving()
            || self.document.marking.is_some()
            || self.document.listing.is_some()
    }

    /// Starts compacting the document now (unless it is not at hand: still
    /// loading, failed to load, away in a save or a scan; or a compaction is
    /// under way). The document moves to the worker: field edits made
    /// meanwhile are kept aside, other edits wait for it.
    pub fn start_compaction(&mut self) {
        if !self.document.at_hand() || !matches!(self.overlay, Overlay::None) {
            return;
        }
        // Every change is in the journal before the document goes.
        self.journal_changes();
        tracing::info!(changes = self.document.upkeep.changes, "compacting");
        let doc = std::mem::replace(&mut self.document.doc, Doc::placeholder());
        self.document.upkeep.compaction = Some(doc.compact_in_background());
        self.status.say(self.lang.t(
            "Уплотнение документа в фоне…",
            "Compacting the document in the background…",
        ));
    }

    /// Waits for the compaction under way, if any, and takes the compacted
    /// document back; then makes the edits made meanwhile.
    pub fn finish_compaction(&mut self) {
        let Some(compaction) = self.document.upkeep.compaction.take() else {
            return;
        };
        self.document.upkeep.changes = 0;
        match compaction.finish() {
            Ok(doc) => self.document.doc = doc,
            Err(e) => {
                tracing::error!(error = %e, "compaction failed: the document is lost from memory");
                let text = self.lang.t(
                    "документ не восстановился после уплотнения; всё сделанное — в файле и журнале: откройте файл заново",
                    "the document did not come back from compacting; everything done is in the file and its journal: open the file again",
                );
                self.document.load_error = Some(text.to_string());
                self.status.complain(text.to_string());
            }
        }
        self.apply_early();
        self.after_load();
    }
}
