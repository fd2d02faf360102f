//! The file on disk: safe load and atomic save, the lock, the crash journal, compaction and the view cache.

pub mod cache;
pub mod compact;
pub mod file;
pub mod journal;
pub(super) mod lock;
pub mod saving;
