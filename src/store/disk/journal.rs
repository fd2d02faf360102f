//! The crash journal: while a file is open for editing, every change is
//! appended to `FILE.journal` and synced to disk as it is made, so a crash
//! (even `kill -9`) loses at most the keystrokes not yet committed.
//! Reopening the file applies the journal; a successful save removes it.
//!
//! Layout: the 8-byte magic `KARTAJ1\n`, then records, each a little-endian
//! `u32` length and that many bytes of Automerge changes. A torn last record
//! (the crash came mid-write) is ignored; a damaged journal is set aside
//! under another name, never applied to the document half-way.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::{Doc, StoreError, exchange::validate};

const MAGIC: &[u8; 8] = b"KARTAJ1\n";

/// The journal of one open file.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Option<File>,
}

/// What [`Journal::replay`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay<'b> {
    /// The records applied, in order.
    pub kept: Vec<&'b [u8]>,
    /// Whether the document changed (records not yet in the file).
    pub changed: bool,
    /// Why the reading stopped before the end, when it did.
    pub damage: Option<String>,
}

/// What reopening found in a journal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recovery {
    /// Records applied.
    pub records: usize,
    /// Whether the document changed (records not yet in the file).
    pub changed: bool,
    /// Where a damaged journal was set aside: a record in it could not be
    /// applied (the records before it were).
    pub set_aside: Option<PathBuf>,
}

impl Journal {
    /// The journal's path for a roadmap file: `FILE.journal`.
    pub fn path_for(file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_owned();
        name.push(".journal");
        PathBuf::from(name)
    }

    /// The journal of `file`; nothing is written until the first change.
    pub fn new(file: &Path) -> Journal {
        Journal {
            path: Journal::path_for(file),
            file: None,
        }
    }

    /// Where the journal lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends changes and syncs them to disk.
    pub fn append(&mut self, changes: &[u8]) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let io = |e: std::io::Error| StoreError::Io {
            path: self.path.clone(),
            source: e,
        };
        let len = u32::try_from(changes.len()).map_err(|_| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "change too large",
            ))
        })?;
        if self.file.is_none() {
            let fresh = !self.path.exists();
            let mut file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .map_err(io)?;
            if fresh {
                file.write_all(MAGIC).map_err(io)?;
            }
            self.file = Some(file);
        }
        if let Some(file) = self.file.as_mut() {
            let mut record = Vec::with_capacity(changes.len() + 4);
            record.extend_from_slice(&len.to_le_bytes());
            record.extend_from_slice(changes);
            file.write_all(&record).map_err(io)?;
            file.sync_data().map_err(io)?;
        }
        Ok(())
    }

    /// Applies the journal of `file`, if any, to `doc` (see
    /// [`Journal::replay`]). A damaged journal is set aside under another
    /// name (see [`Recovery::set_aside`]) and a fresh journal holds just the
    /// records kept, so a crash before the next save loses none of them.
    pub fn recover(file: &Path, doc: &mut Doc) -> Result<Recovery, StoreError> {
        let path = Journal::path_for(file);
        if !path.exists() {
            return Ok(Recovery::default());
        }
        let bytes = crate::store::disk::file::read_limited(&path)?;
        let replay = Journal::replay(&bytes, &path, doc);
        let mut recovery = Recovery {
            records: replay.kept.len(),
            changed: replay.changed,
            ..Recovery::default()
        };
        if let Some(reason) = replay.damage {
            let kept = replay.kept.len();
            tracing::warn!(journal = %path.display(), %reason, kept, "damaged journal set aside");
            recovery.set_aside = Some(set_aside(&path, &replay.kept)?);
        }
        Ok(recovery)
    }

    /// Applies the bytes of a journal (read from `path`) to `doc`. The
    /// records are applied to a copy of the document, which replaces `doc`
    /// only when they applied. A damaged record (or bytes that are not a
    /// journal) stops the reading there: the records before it are kept.
    pub fn replay<'b>(bytes: &'b [u8], path: &Path, doc: &mut Doc) -> Replay<'b> {
        let (records, mut damage) = match bytes.strip_prefix(MAGIC.as_slice()) {
            Some(rest) => split_records(rest),
            None => (Vec::new(), Some("not a karta journal".to_string())),
        };
        let mut kept = records.len();
        let mut trial = doc.doc.clone();
        for (i, record) in records.iter().enumerate() {
            if let Err(e) = validate::apply_checked(&mut trial, record, path) {
                damage = Some(e.to_string());
                kept = i;
                break;
            }
        }
        if damage.is_some() && kept > 0 {
            // The failed record may have left the copy half-changed: apply
            // the records before it again to a fresh copy.
            trial = doc.doc.clone();
            let again = records[..kept]
                .iter()
                .all(|record| validate::apply_checked(&mut trial, record, path).is_ok());
            if !again {
                kept = 0;
            }
        }
        let before = doc.heads();
        if kept > 0 {
            doc.doc = trial;
        }
        Replay {
            changed: doc.heads() != before,
            kept: records[..kept].to_vec(),
            damage,
        }
    }

    /// Removes the journal once its changes are safely in the file.
    pub fn discard(&mut self) -> Result<(), StoreError> {
        self.file = None;
        match fs::remove_file(&self.path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::Io {
                path: self.path.clone(),
                source: e,
            }),
        }
    }
}

/// The records of a journal (after its magic). A torn last record (the
/// crash came mid-write) is left out; a length that cannot be a record's
/// is damage.
fn split_records(mut rest: &[u8]) -> (Vec<&[u8]>, Option<String>) {
    let mut records = Vec::new();
    while rest.len() >= 4 {
        let len = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        let Some(record) = rest.get(4..4 + len) else {
            break;
        };
        if record.is_empty() {
            return (records, Some("an empty journal record".to_string()));
        }
        records.push(record);
        rest = &rest[4 + len..];
    }
    (records, None)
}

/// Renames a damaged journal to `FILE.journal.damaged-<date>-<time>` and
/// writes a fresh journal holding the records `kept`; returns the new name.
fn set_aside(path: &Path, kept: &[&[u8]]) -> Result<PathBuf, StoreError> {
    let io = |path: &Path, e: std::io::Error| StoreError::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".damaged-{stamp}"));
    let mut aside = PathBuf::from(&name);
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = PathBuf::from(format!("{}-{n}", name.to_string_lossy()));
    }
    fs::rename(path, &aside).map_err(|e| io(path, e))?;
    if !kept.is_empty() {
        let mut bytes = MAGIC.to_vec();
        for record in kept {
            bytes.extend_from_slice(&(record.len() as u32).to_le_bytes());
            bytes.extend_from_slice(record);
        }
        crate::store::disk::file::write_atomic(path, &bytes)?;
    }
    Ok(aside)
}
