//! The crash journal: while a file is open for editing, every change is
//! appended to `FILE.journal` and synced to disk as it is made, so a crash
//! (even `kill -9`) loses at most the keystrokes not yet committed.
//! Reopening the file applies the journal; a successful save removes it.
//!
//! Layout: the 8-byte magic `KARTAJ1\n`, then records, each a little-endian
//! `u32` length and that many bytes of Automerge changes. A torn last record
//! (the crash came mid-write) is ignored.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Doc, StoreError};

const MAGIC: &[u8; 8] = b"KARTAJ1\n";

/// The journal of one open file.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Option<File>,
}

/// What reopening found in a journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Recovery {
    /// Records applied.
    pub records: usize,
    /// Whether the document changed (records not yet in the file).
    pub changed: bool,
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

    /// Applies the journal of `file`, if any, to `doc`. A journal that is
    /// not one, or a damaged record, stops the reading there: what came
    /// before is kept.
    pub fn recover(file: &Path, doc: &mut Doc) -> Result<Recovery, StoreError> {
        let path = Journal::path_for(file);
        if !path.exists() {
            return Ok(Recovery::default());
        }
        let bytes = super::file::read_limited(&path)?;
        let Some(mut rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
            return Err(StoreError::Corrupt {
                path,
                reason: "not a karta journal".into(),
            });
        };
        let before = doc.heads();
        let mut recovery = Recovery::default();
        while rest.len() >= 4 {
            let len = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
            let Some(record) = rest.get(4..4 + len) else {
                break;
            };
            if doc.apply_incremental(record, &path).is_err() {
                break;
            }
            recovery.records += 1;
            rest = &rest[4 + len..];
        }
        recovery.changed = doc.heads() != before;
        Ok(recovery)
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
