//! Work the editor does between keys: swapping in a document loaded in the
//! background, settling a save made in the background, and compacting the
//! document against the memory an Automerge document gains with every edit
//! (see [`crate::store::disk::compact`]: the slow part runs in a worker thread).

use std::time::Duration;

use crate::store::disk::compact::Compaction;

use super::app::App;
use super::overlay::Overlay;

/// Changes after which the document is compacted (when the user pauses).
/// A loaded document gains memory with its first edits spread over a large
/// roadmap, then levels off (1.7× its loaded heap at 10k activities × 100k
/// edits, see `karta-bench soak` in BENCHMARKS.md), while a compaction
/// briefly holds a second document being loaded: at that size it costs more
/// peak memory than it wins back if run often. So it runs after a long
/// session's worth of edits, bounding growth without paying that peak often.
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
        self.poll_save();
        self.poll_marks(false);
        self.poll_changes(false);
        match &self.document.upkeep.compaction {
            Some(c) if c.is_ready() && self.document.at_hand() => self.finish_compaction(),
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
        self.is_loading()
            || self.is_saving()
            || self.document.upkeep.busy()
            || self.document.marking.is_some()
            || self.document.listing.is_some()
    }

    /// Starts compacting the document now (unless it is not at hand: still
    /// loading, failed to load, away in a save; or a compaction is under
    /// way).
    pub fn start_compaction(&mut self) {
        if !self.document.at_hand() || self.document.upkeep.compaction.is_some() {
            return;
        }
        if !matches!(self.overlay, Overlay::None) {
            return;
        }
        tracing::info!(changes = self.document.upkeep.changes, "compacting");
        let Some(path) = &self.document.path else {
            return;
        };
        self.document.upkeep.compaction = self.document.doc.start_compaction(path);
        if self.document.upkeep.compaction.is_none() {
            tracing::info!("no file to compact from: not compacted");
            self.document.upkeep.changes = 0;
        }
    }

    /// Waits for the compaction under way, if any, and swaps the compacted
    /// document in.
    pub fn finish_compaction(&mut self) {
        if self.document.upkeep.compaction.is_none() {
            return;
        }
        self.await_doc();
        let Some(compaction) = self.document.upkeep.compaction.take() else {
            return;
        };
        match self.document.doc.finish_compaction(compaction) {
            Ok(Some(pending)) => {
                if let Err(e) = self.document.append_journal(&pending) {
                    self.complain_about_journal(e);
                }
                self.document.upkeep.changes = 0;
            }
            // Why is logged; tried again after as many changes more.
            Ok(None) => self.document.upkeep.changes = 0,
            Err(e) => tracing::warn!(error = %e, "compaction failed, the document is unchanged"),
        }
    }
}
