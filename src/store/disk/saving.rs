//! Saving without decoding the file again when nobody else wrote it. A
//! document remembers the fingerprint (length and hash) of the bytes it was
//! last read from or wrote, and their heads ([`Seen`]); a save hashes the
//! file on disk (a few milliseconds) and decodes it to merge only when its
//! bytes differ (seconds for a large roadmap). Modification times are not
//! trusted alone: two writes within one tick of a coarse clock look alike.
//!
//! A save can also run in a worker thread ([`write`]): the caller makes the
//! document's bytes ([`Doc::save_request`]); the worker takes the lock,
//! looks at the file and writes atomically, or, when the file holds
//! changes the document lacks, writes nothing and hands them back
//! ([`Written::Behind`]) to be merged before saving again.

use std::path::{Path, PathBuf};

use automerge::ChangeHash;

use crate::store::disk::cache::Fingerprint;
use crate::store::disk::file::{read_limited, write_atomic};
use crate::store::disk::lock::FileLock;
use crate::store::{Doc, StoreError};

/// What a document knows of its file: the fingerprint of the bytes it was
/// last read from or wrote, and the heads of those bytes (the document
/// holds every change they hold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// The fingerprint of the bytes.
    pub fingerprint: Fingerprint,
    /// The heads of the document they hold.
    pub heads: Vec<ChangeHash>,
}

/// The file on disk beside what a document knows of it.
pub(crate) enum Disk {
    /// No file, the very bytes the document knows, or a file the document
    /// may replace (it was created in this session).
    Known,
    /// Other bytes: a copy of the same roadmap, decoded, and what they are.
    Changed(Box<Doc>, Seen),
}

/// Looks at the file at `path` (the caller holds its lock) for a document
/// of `roadmap_id` that knows `seen`. A file of another roadmap, or one
/// that cannot be read, is an error unless `created`.
pub(crate) fn look(
    path: &Path,
    seen: Option<&Seen>,
    roadmap_id: &str,
    created: bool,
) -> Result<Disk, StoreError> {
    if !path.exists() {
        return Ok(Disk::Known);
    }
    let bytes = match read_limited(path) {
        Ok(bytes) => bytes,
        Err(_) if created => return Ok(Disk::Known),
        Err(e) => return Err(e),
    };
    let fingerprint = Fingerprint::of(&bytes);
    if seen.is_some_and(|s| s.fingerprint == fingerprint) {
        tracing::debug!(file = %path.display(), "file unchanged since last read or written");
        return Ok(Disk::Known);
    }
    tracing::info!(
        file = %path.display(),
        bytes = bytes.len(),
        "file changed since last read or written: decoding it to merge"
    );
    match Doc::from_bytes(&bytes, path) {
        Ok(mut disk) if disk.roadmap_id() == roadmap_id => {
            let heads = disk.heads();
            Ok(Disk::Changed(Box::new(disk), Seen { fingerprint, heads }))
        }
        _ if created => Ok(Disk::Known),
        Ok(disk) => Err(StoreError::DifferentRoadmap {
            path: path.to_path_buf(),
            mine: roadmap_id.to_string(),
            theirs: disk.roadmap_id(),
        }),
        Err(e) => Err(e),
    }
}

/// A save to run in a worker thread (see [`write`]).
#[derive(Debug)]
pub struct Request {
    /// The file.
    pub path: PathBuf,
    /// The whole document, compacted.
    pub bytes: Vec<u8>,
    /// The heads of those bytes.
    pub heads: Vec<ChangeHash>,
    roadmap_id: String,
    seen: Option<Seen>,
    created: bool,
}

/// What a save in a worker did.
#[derive(Debug)]
pub enum Written {
    /// The bytes were written; the file is now known as this.
    Saved(Seen),
    /// The file holds changes the document lacks; nothing was written.
    /// Apply `changes` ([`Doc::apply_bundle`]), [`Doc::know_file`] `seen`,
    /// and save again.
    Behind {
        /// The file's changes the document may lack.
        changes: Vec<u8>,
        /// The file as read.
        seen: Seen,
    },
}

impl Doc {
    /// The document's bytes and what it knows of its file, for a save of
    /// `path` in a worker thread.
    pub fn save_request(&mut self, path: &Path) -> Request {
        Request {
            path: path.to_path_buf(),
            bytes: self.to_bytes(),
            heads: self.heads(),
            roadmap_id: self.roadmap_id(),
            seen: self.seen.clone(),
            created: self.is_created(),
        }
    }

    /// What the document knows of its file (None: nothing yet).
    pub fn seen(&self) -> Option<&Seen> {
        self.seen.as_ref()
    }

    /// Records that the document holds every change of the file as `seen`
    /// (after a save, or after merging the file's changes).
    pub fn know_file(&mut self, seen: Seen) {
        self.seen = Some(seen);
    }
}

/// Saves as `request` says, under the file's lock: writes the bytes
/// atomically when the file is absent or holds nothing the document lacks
/// (decoding it only when its bytes are not the ones the document knows);
/// otherwise hands the file's changes back.
pub fn write(request: Request) -> Result<Written, StoreError> {
    let _lock = FileLock::acquire(&request.path)?;
    let disk = look(
        &request.path,
        request.seen.as_ref(),
        &request.roadmap_id,
        request.created,
    )?;
    if let Disk::Changed(mut disk, seen) = disk {
        let mut since = request.seen.map(|s| s.heads).unwrap_or_default();
        since.extend(request.heads.iter().copied());
        let changes = disk.changes_since(&since);
        if !changes.is_empty() {
            return Ok(Written::Behind { changes, seen });
        }
    }
    write_atomic(&request.path, &request.bytes)?;
    Ok(Written::Saved(Seen {
        fingerprint: Fingerprint::of(&request.bytes),
        heads: request.heads,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write::edit::MetaField;

    fn sample() -> (tempfile::TempDir, PathBuf, Doc) {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("sample.karta");
        std::fs::write(&file, crate::commands::SAMPLE).expect("write");
        let doc = crate::store::open(&file).expect("open");
        (dir, file, doc)
    }

    #[test]
    fn a_save_over_the_file_as_read_or_written_does_not_decode_it() {
        let (_dir, file, mut doc) = sample();
        doc.set_meta(MetaField::Notes, "первое").expect("edit");
        assert!(!crate::store::save(&file, &mut doc).expect("save").read_disk);
        doc.set_meta(MetaField::Notes, "второе").expect("edit");
        assert!(!crate::store::save(&file, &mut doc).expect("save").read_disk);
        assert_eq!(
            crate::store::open(&file)
                .expect("reopen")
                .roadmap()
                .meta
                .notes,
            "второе"
        );
    }

    #[test]
    fn a_save_after_another_program_wrote_the_file_merges_it() {
        let (_dir, file, mut mine) = sample();
        let mut theirs = crate::store::open(&file).expect("open");
        theirs
            .set_meta(MetaField::Title, "их заголовок")
            .expect("edit");
        crate::store::save(&file, &mut theirs).expect("their save");
        mine.set_meta(MetaField::Notes, "мои заметки")
            .expect("edit");
        assert!(
            crate::store::save(&file, &mut mine)
                .expect("save")
                .read_disk
        );
        let meta = crate::store::open(&file).expect("reopen").roadmap().meta;
        assert_eq!(
            (meta.title.as_str(), meta.notes.as_str()),
            ("их заголовок", "мои заметки")
        );
        // The merged file is now the one known: the next save reads nothing.
        mine.set_meta(MetaField::Notes, "ещё").expect("edit");
        assert!(
            !crate::store::save(&file, &mut mine)
                .expect("save")
                .read_disk
        );
    }

    #[test]
    fn a_save_in_a_worker_hands_another_writers_changes_back() {
        let (_dir, file, mut mine) = sample();
        let mut theirs = crate::store::open(&file).expect("open");
        mine.set_meta(MetaField::Notes, "мои заметки")
            .expect("edit");
        let Written::Saved(seen) = write(mine.save_request(&file)).expect("save") else {
            panic!("nobody else wrote the file");
        };
        mine.know_file(seen);
        theirs
            .set_meta(MetaField::Title, "их заголовок")
            .expect("edit");
        crate::store::save(&file, &mut theirs).expect("their save");
        let written = std::fs::read(&file).expect("read");
        let Written::Behind { changes, seen } = write(mine.save_request(&file)).expect("save")
        else {
            panic!("the file holds their changes");
        };
        assert_eq!(
            std::fs::read(&file).expect("read"),
            written,
            "nothing written"
        );
        mine.apply_bundle(&changes, &file).expect("apply");
        mine.know_file(seen);
        assert!(matches!(
            write(mine.save_request(&file)).expect("save again"),
            Written::Saved(_)
        ));
        let meta = crate::store::open(&file).expect("reopen").roadmap().meta;
        assert_eq!(
            (meta.title.as_str(), meta.notes.as_str()),
            ("их заголовок", "мои заметки")
        );
    }
}
