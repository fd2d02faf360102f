//! Loading and saving `.karta` files safely.
//!
//! Loading refuses oversized files and runs the Automerge decoder under
//! `catch_unwind`, because Automerge 0.12 can panic on crafted input; every
//! failure is one line naming the file. Saving writes a temporary file beside
//! the target, syncs it and renames it over the target, so an existing file is
//! never truncated by a failed save. Saving merges what another program
//! wrote to the file since it was opened (see [`save`]).

use std::fs;
use std::io::{Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use automerge::AutoCommit;

use crate::store::disk::cache::{Fingerprint, View, ViewCache};
use crate::store::disk::lock::FileLock;
pub use crate::store::disk::lock::lock_path;
use crate::store::disk::saving::{self, Disk, Seen};
use crate::store::exchange::conflicts::{Conflict, conflicts};
use crate::store::exchange::merge::deleted_but_edited;
use crate::store::write::trash::Deleted;
use crate::store::{Doc, StoreError};

/// Files larger than this are refused before decoding (256 MiB).
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens a roadmap file.
pub fn open(path: &Path) -> Result<Doc, StoreError> {
    let bytes = read_limited(path)?;
    Doc::from_bytes(&bytes, path)
}

/// The roadmap in a file, for commands that only read it: from the view
/// cache (see [`crate::store::disk::cache`]) when it holds the view of the file's exact
/// bytes, without decoding the document; else read from the file.
pub fn open_roadmap(path: &Path) -> Result<crate::model::Roadmap, StoreError> {
    let bytes = read_limited(path)?;
    let cache = ViewCache::default_dir().map(ViewCache::new);
    let fingerprint = Fingerprint::of(&bytes);
    if let Some(view) = cache.and_then(|c| c.load(path, fingerprint)) {
        tracing::debug!(file = %path.display(), "roadmap read from the view cache");
        return Ok(view.roadmap);
    }
    Ok(Doc::from_bytes(&bytes, path)?.roadmap())
}

/// The conflicts of a roadmap file and its deleted items edited by people
/// who did not see the deletion, for `karta conflicts`: from the view
/// cache when it holds both for the file's exact bytes; else read from the
/// file, and then kept in the cache for the next time.
pub fn open_conflicts(path: &Path) -> Result<(Vec<Conflict>, Vec<Deleted>), StoreError> {
    let bytes = read_limited(path)?;
    let cache = ViewCache::default_dir().map(ViewCache::new);
    let fingerprint = Fingerprint::of(&bytes);
    if let Some(view) = cache.as_ref().and_then(|c| c.load(path, fingerprint))
        && let Some(deleted) = view.deleted_but_edited
    {
        tracing::debug!(file = %path.display(), "conflicts read from the view cache");
        return Ok((view.conflicts, deleted));
    }
    let mut doc = Doc::from_bytes(&bytes, path)?;
    drop(bytes);
    let found = conflicts(&doc);
    let deleted = deleted_but_edited(&mut doc);
    if let Some(cache) = cache {
        let view = View {
            heads: &doc.heads(),
            roadmap: &doc.roadmap(),
            conflicts: &found,
            deleted_but_edited: Some(&deleted),
        };
        if let Err(e) = cache.store(path, fingerprint, &view) {
            tracing::warn!(error = %e, "view cache not written");
        }
    }
    Ok((found, deleted))
}

/// Reads a file, refusing one over [`MAX_FILE_SIZE`] and anything that is
/// not a regular file (a directory, a device such as `/dev/zero`, a pipe),
/// which could be read without end. The read itself is bounded too, so a
/// file growing meanwhile cannot exceed the limit.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, StoreError> {
    // Looked at before opening: opening a pipe waits for a writer.
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        let e = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        return Err(io_error(path, e));
    }
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let too_large = |size: u64| StoreError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_SIZE,
    };
    if meta.len() > MAX_FILE_SIZE {
        return Err(too_large(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decodes Automerge bytes without letting a decoder panic escape, and
/// refuses a document with implausible operation counters (see
/// [`crate::store::exchange::validate`]).
pub fn decode(bytes: &[u8], path: &Path) -> Result<AutoCommit, StoreError> {
    if bytes.is_empty() {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: "the file is empty".into(),
        });
    }
    let mut doc = decode_with(path, || AutoCommit::load(bytes))?;
    crate::store::exchange::validate::check_document(&mut doc, path)?;
    Ok(doc)
}

/// Runs an Automerge decoding step on data from `path`; a decoder error or
/// panic becomes one line naming the file.
pub fn decode_with<T>(
    path: &Path,
    step: impl FnOnce() -> Result<T, automerge::AutomergeError>,
) -> Result<T, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason,
    };
    match quietly(step) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => Err(corrupt(one_line(&e.to_string()))),
        Err(_) => Err(corrupt(
            "the Automerge decoder failed on damaged data".into(),
        )),
    }
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, catching a panic without printing it (only on this thread; other
/// threads' panics are reported as usual).
pub fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(hush_caught_panics);
    let outer = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(outer));
    result
}

/// The message a caught panic carried, as one line.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    one_line(&crate::model::text::one_line(&text))
}

/// Wraps the current panic hook so that panics caught while decoding
/// untrusted bytes stay silent: they only go to the log ([`log_panic`]).
/// The editor calls it again after installing its own hook (which
/// restores the terminal), so that a caught panic does not tear the
/// screen down.
pub fn hush_caught_panics() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        match QUIET.with(std::cell::Cell::get) {
            true => log_panic(info),
            false => previous(info),
        }
    }));
}

/// Writes a panic to the log (see [`crate::log`]): its message, where it
/// happened and, when `RUST_BACKTRACE` asks for one, the backtrace.
pub fn log_panic(info: &panic::PanicHookInfo<'_>) {
    let location = info
        .location()
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_default();
    tracing::error!(
        panic = %panic_text(info.payload()),
        %location,
        backtrace = %std::backtrace::Backtrace::capture(),
        "panic"
    );
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What [`save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The fingerprint of the bytes written.
    pub fingerprint: Fingerprint,
    /// Whether the file on disk was decoded: its bytes were not the ones
    /// this document was last read from or wrote (another program wrote
    /// it).
    pub read_disk: bool,
}

/// Saves the whole document to `path` atomically, without losing what
/// another program wrote there meanwhile: under the file's advisory lock the
/// file on disk is hashed and, when its bytes are not the ones this document
/// last read or wrote, decoded and merged in before writing (see
/// [`crate::store::disk::saving`]). A file that now holds another roadmap (or cannot
/// be read) is not overwritten, unless this document was created in this
/// session (an import with `--force` replaces the file). The file is always
/// written whole and compacted; the bytes are dropped before returning.
pub fn save(path: &Path, doc: &mut Doc) -> Result<Saved, StoreError> {
    if doc.is_damaged() {
        return Err(StoreError::Failed(format!(
            "changing the document of {}",
            path.display()
        )));
    }
    let _lock = FileLock::acquire(path)?;
    let disk = saving::look(path, doc.seen(), &doc.roadmap_id(), doc.is_created())?;
    let read_disk = matches!(disk, Disk::Changed(..));
    if let Disk::Changed(mut disk, _) = disk
        && !doc.has_all(&disk.heads())
    {
        // Merged on a copy first: what another writer left in the file is
        // refused, and nothing saved, when the result could not be shown.
        let before = doc.heads();
        let mut trial = doc.scratch_copy();
        trial.merge(&mut disk)?;
        crate::store::exchange::validate::check_nesting(trial.automerge(), &before, path)?;
        doc.merge(&mut trial)?;
    }
    let bytes = doc.to_bytes();
    write_atomic(path, &bytes)?;
    let seen = Seen::of(&bytes, doc.heads());
    let fingerprint = seen.fingerprint;
    doc.know_file(seen);
    Ok(Saved {
        fingerprint,
        read_disk,
    })
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// fsync, rename over the target, fsync of the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "karta".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e: std::io::Error| {
        let _ = fs::remove_file(&tmp);
        io_error(path, e)
    })
}
