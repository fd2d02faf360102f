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
//!
//! The editor's saves mostly append ([`Doc::append_request`]): the file's
//! bytes as last read or written, then the changes made since, as Automerge
//! change chunks (Automerge loads a document chunk followed by change
//! chunks as one document). Making those bytes takes milliseconds where the
//! whole document's take a third of a second at 10,000 activities, so the
//! document never leaves the editor for such a save. The file is still
//! written whole to a temporary file and renamed over, never appended to in
//! place; once the appended part passes a quarter of the file, the next
//! save writes the document whole and compacted again.

use std::path::{Path, PathBuf};

use automerge::ChangeHash;

use crate::store::disk::cache::Fingerprint;
use crate::store::disk::file::{read_limited, write_atomic};
use crate::store::disk::lock::FileLock;
use crate::store::exchange::chunks;
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
    /// How many of the bytes follow the first chunk (changes appended to a
    /// whole document, see [`appended_len`]).
    pub appended: u64,
}

impl Seen {
    /// What is known of `bytes` holding the document at `heads`.
    pub fn of(bytes: &[u8], heads: Vec<ChangeHash>) -> Seen {
        Seen {
            fingerprint: Fingerprint::of(bytes),
            heads,
            appended: appended_len(bytes),
        }
    }
}

/// How many bytes of a saved document follow its first chunk: 0 for a
/// document saved whole, the length of the change chunks appended to it
/// otherwise. Bytes that do not start with a whole chunk count as appended
/// (so the next save writes the document whole).
pub fn appended_len(bytes: &[u8]) -> u64 {
    let first = chunks::first(bytes).map_or(0, |(chunk, _)| chunk.len());
    (bytes.len() - first) as u64
}

/// The file on disk beside what a document knows of it.
pub(crate) enum Disk {
    /// No file, the very bytes the document knows (given, for a save that
    /// appends to them), or a file the document may replace (it was
    /// created in this session).
    Known(Option<Vec<u8>>),
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
        return Ok(Disk::Known(None));
    }
    let bytes = match read_limited(path) {
        Ok(bytes) => bytes,
        Err(_) if created => return Ok(Disk::Known(None)),
        Err(e) => return Err(e),
    };
    let fingerprint = Fingerprint::of(&bytes);
    if seen.is_some_and(|s| s.fingerprint == fingerprint) {
        tracing::debug!(file = %path.display(), "file unchanged since last read or written");
        return Ok(Disk::Known(Some(bytes)));
    }
    tracing::info!(
        file = %path.display(),
        bytes = bytes.len(),
        "file changed since last read or written: decoding it to merge"
    );
    match Doc::from_bytes(&bytes, path) {
        Ok(mut disk) if disk.roadmap_id() == roadmap_id => {
            let heads = disk.heads();
            Ok(Disk::Changed(Box::new(disk), Seen::of(&bytes, heads)))
        }
        _ if created => Ok(Disk::Known(None)),
        Ok(disk) => Err(StoreError::DifferentRoadmap {
            path: path.to_path_buf(),
            mine: roadmap_id.to_string(),
            theirs: disk.roadmap_id(),
        }),
        Err(e) => Err(e),
    }
}

/// What a save writes.
#[derive(Debug)]
pub enum Payload {
    /// The whole document, compacted.
    Whole(Vec<u8>),
    /// The changes made since the bytes the document last read or wrote,
    /// to follow those bytes.
    Append(Vec<u8>),
}

impl Payload {
    /// How many bytes it holds.
    pub fn size(&self) -> usize {
        match self {
            Payload::Whole(bytes) | Payload::Append(bytes) => bytes.len(),
        }
    }
}

/// A save to run in a worker thread (see [`write`]).
#[derive(Debug)]
pub struct Request {
    /// The file.
    pub path: PathBuf,
    /// What to write.
    pub payload: Payload,
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
    /// The file is not the one an [`Payload::Append`] was made for, but
    /// holds nothing the document lacks (it was removed, or rewritten by
    /// another program with changes the document has): nothing was
    /// written; save the document whole.
    Rewrite,
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
        let payload = Payload::Whole(self.to_bytes());
        self.request(path, payload)
    }

    /// A save of `path` that appends the changes made since the bytes the
    /// document last read or wrote to those bytes, when it knows them and
    /// the appended part stays under a quarter of the file; None when the
    /// document is to be saved whole ([`Doc::save_request`]). Cheap: the
    /// document stays with the caller.
    pub fn append_request(&mut self, path: &Path) -> Option<Request> {
        let seen = self.seen.as_ref()?;
        let (heads, appended, len) = (seen.heads.clone(), seen.appended, seen.fingerprint.len);
        let changes = self.changes_since(&heads);
        let base = len.saturating_sub(appended);
        let fits = (appended + changes.len() as u64).saturating_mul(4) <= base;
        fits.then(|| self.request(path, Payload::Append(changes)))
    }

    fn request(&mut self, path: &Path, payload: Payload) -> Request {
        Request {
            path: path.to_path_buf(),
            payload,
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
    let known = match disk {
        Disk::Known(bytes) => bytes,
        Disk::Changed(mut disk, seen) => {
            let mut since = request.seen.map(|s| s.heads).unwrap_or_default();
            since.extend(request.heads.iter().copied());
            let changes = disk.changes_since(&since);
            if !changes.is_empty() {
                return Ok(Written::Behind { changes, seen });
            }
            None
        }
    };
    let bytes = match (request.payload, known) {
        (Payload::Whole(bytes), _) => bytes,
        (Payload::Append(changes), Some(mut bytes)) => {
            bytes.extend_from_slice(&changes);
            bytes
        }
        (Payload::Append(_), None) => return Ok(Written::Rewrite),
    };
    write_atomic(&request.path, &bytes)?;
    Ok(Written::Saved(Seen::of(&bytes, request.heads)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write::edit::MetaField;

    #[test]
    fn a_save_over_the_file_as_read_or_written_does_not_decode_it() {
        let (_dir, file, mut doc) = crate::store::disk::sample_file();
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
        let (_dir, file, mut mine) = crate::store::disk::sample_file();
        they_retitle(&file);
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
        let (_dir, file, mut mine) = crate::store::disk::sample_file();
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
        let request = mine.save_request(&file);
        takes_their_changes_back(&mut mine, &file, request);
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

    /// Another program sets the title in the file.
    fn they_retitle(file: &Path) {
        let mut theirs = crate::store::open(file).expect("open");
        theirs
            .set_meta(MetaField::Title, "их заголовок")
            .expect("edit");
        crate::store::save(file, &mut theirs).expect("their save");
    }

    /// Runs `request` over a file another program wrote: nothing is
    /// written, and their changes come back and are merged into `mine`.
    fn takes_their_changes_back(mine: &mut Doc, file: &Path, request: Request) {
        let written = std::fs::read(file).expect("read");
        let Written::Behind { changes, seen } = write(request).expect("save") else {
            panic!("the file holds their changes");
        };
        assert_eq!(
            std::fs::read(file).expect("read"),
            written,
            "nothing written"
        );
        mine.apply_bundle(&changes, file).expect("apply");
        mine.know_file(seen);
    }

    fn appended(doc: &mut Doc, file: &Path) -> Seen {
        let request = doc.append_request(file).expect("an append");
        assert!(matches!(request.payload, Payload::Append(_)));
        let Written::Saved(seen) = write(request).expect("save") else {
            panic!("nobody else wrote the file");
        };
        doc.know_file(seen.clone());
        seen
    }

    #[test]
    fn an_append_keeps_the_files_bytes_and_adds_the_changes() {
        let (_dir, file, mut doc) = crate::store::disk::sample_file();
        let before = std::fs::read(&file).expect("read");
        assert_eq!(appended_len(&before), 0, "the sample is saved whole");
        doc.set_meta(MetaField::Notes, "дописано").expect("edit");
        let seen = appended(&mut doc, &file);
        let after = std::fs::read(&file).expect("read");
        assert!(after.starts_with(&before), "the old bytes come first");
        assert_eq!(seen.appended, (after.len() - before.len()) as u64);
        assert_eq!(appended_len(&after), seen.appended);
        let mut reopened = crate::store::open(&file).expect("reopen");
        assert_eq!(reopened.roadmap().meta.notes, "дописано");
        assert_eq!(reopened.heads(), doc.heads());
    }

    #[test]
    fn appends_stop_at_a_quarter_of_the_file_and_a_whole_save_starts_again() {
        let (_dir, file, mut doc) = crate::store::disk::sample_file();
        let whole = std::fs::read(&file).expect("read").len() as u64;
        let mut n = 0;
        loop {
            n += 1;
            doc.set_meta(MetaField::Notes, &format!("правка {n}"))
                .expect("edit");
            if doc.append_request(&file).is_none() {
                break;
            }
            let seen = appended(&mut doc, &file);
            assert!(seen.appended * 4 <= whole, "within a quarter");
            assert!(n < 10_000, "appends never stop");
        }
        let Written::Saved(seen) = write(doc.save_request(&file)).expect("whole") else {
            panic!("nobody else wrote the file");
        };
        assert_eq!(seen.appended, 0);
        let notes = crate::store::open(&file)
            .expect("reopen")
            .roadmap()
            .meta
            .notes;
        assert_eq!(notes, format!("правка {n}"));
    }

    #[test]
    fn an_append_over_another_writers_file_hands_their_changes_back() {
        let (_dir, file, mut mine) = crate::store::disk::sample_file();
        they_retitle(&file);
        mine.set_meta(MetaField::Notes, "мои заметки")
            .expect("edit");
        let request = mine.append_request(&file).expect("an append");
        takes_their_changes_back(&mut mine, &file, request);
        appended(&mut mine, &file);
        let meta = crate::store::open(&file).expect("reopen").roadmap().meta;
        assert_eq!(
            (meta.title.as_str(), meta.notes.as_str()),
            ("их заголовок", "мои заметки")
        );
    }

    #[test]
    fn an_append_to_a_removed_file_asks_for_a_whole_save() {
        let (_dir, file, mut doc) = crate::store::disk::sample_file();
        doc.set_meta(MetaField::Notes, "дописано").expect("edit");
        std::fs::remove_file(&file).expect("remove");
        let request = doc.append_request(&file).expect("an append");
        assert!(matches!(write(request).expect("save"), Written::Rewrite));
        assert!(!file.exists(), "nothing written");
    }

    #[test]
    fn bytes_that_are_no_chunk_count_as_appended() {
        assert_eq!(appended_len(b""), 0);
        assert_eq!(appended_len(b"not automerge"), 13);
        let cut = [0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 0, 0xff];
        assert_eq!(appended_len(&cut), cut.len() as u64);
        let long = [0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 0, 5, 1, 2];
        assert_eq!(
            appended_len(&long),
            long.len() as u64,
            "shorter than it says"
        );
    }
}
