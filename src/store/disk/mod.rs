//! The file on disk: safe load and atomic save, the lock, the crash journal, compaction and the view cache.

pub mod cache;
pub mod compact;
pub mod file;
pub mod journal;
pub(super) mod lock;
pub mod saving;

/// The bundled sample roadmap written to a file in a fresh folder, and
/// opened: the folder (removed when dropped), the file, its document.
#[cfg(test)]
pub(crate) fn sample_file() -> (tempfile::TempDir, std::path::PathBuf, crate::store::Doc) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("sample.karta");
    std::fs::write(&file, crate::commands::SAMPLE).expect("write");
    let doc = crate::store::open(&file).expect("open");
    (dir, file, doc)
}
