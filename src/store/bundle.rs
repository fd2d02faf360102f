//! Bundles: just the changes another copy lacks, much smaller than the whole
//! file. A bundle is one header line, `KARTA-BUNDLE 1 <roadmap id>\n`,
//! followed by Automerge changes as written by `saveSince` / `save_after`
//! (any Automerge implementation applies them with `loadIncremental`).

use std::path::Path;

use automerge::ChangeHash;

use super::file::{decode_with, read_limited};
use super::{Doc, StoreError};

/// The start of every bundle's header line.
pub const MAGIC: &str = "KARTA-BUNDLE 1 ";

/// A bundle read from a file.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The roadmap the changes belong to.
    pub roadmap_id: String,
    /// The Automerge changes.
    pub changes: Vec<u8>,
}

/// What a file given to `karta merge` holds.
pub enum Incoming {
    /// A whole roadmap document.
    Document(Box<Doc>),
    /// Changes only.
    Bundle(Bundle),
}

/// The changes of `doc` that a copy having `known` lacks (hashes `doc`
/// does not have are ignored), with how many changes that is.
pub fn write_bundle(doc: &mut Doc, known: &[ChangeHash]) -> (Vec<u8>, usize) {
    let known: Vec<ChangeHash> = known
        .iter()
        .copied()
        .filter(|h| doc.has_all(&[*h]))
        .collect();
    let count = doc.automerge_mut().get_changes(&known).len();
    let mut out = format!("{MAGIC}{}\n", doc.roadmap_id()).into_bytes();
    // Single changes carry their dependencies' hashes and are compressed
    // one by one, so after many changes the compressed whole document is
    // smaller; `loadIncremental` reads either form.
    let changes = doc.automerge_mut().save_after(&known);
    let whole = doc.to_bytes();
    out.extend(if known.is_empty() || whole.len() < changes.len() {
        whole
    } else {
        changes
    });
    (out, count)
}

/// Reads a file given to `karta merge`: a bundle or a whole document.
pub fn read_incoming(path: &Path) -> Result<Incoming, StoreError> {
    let bytes = read_limited(path)?;
    let Some(rest) = bytes.strip_prefix(MAGIC.as_bytes()) else {
        return Ok(Incoming::Document(Box::new(Doc::from_bytes(&bytes, path)?)));
    };
    let corrupt = |reason: &str| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let end = rest
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| corrupt("the bundle header is cut off"))?;
    let roadmap_id = std::str::from_utf8(&rest[..end])
        .ok()
        .map(str::trim)
        .filter(|id| !id.is_empty() && id.len() <= 100 && id.chars().all(|c| c.is_ascii_graphic()))
        .ok_or_else(|| corrupt("the bundle header names no roadmap"))?
        .to_string();
    Ok(Incoming::Bundle(Bundle {
        roadmap_id,
        changes: rest[end + 1..].to_vec(),
    }))
}

/// Applies a bundle read from `path` to `doc`; returns the hashes of the
/// changes it added. Nothing is applied when its prerequisites are missing.
pub fn apply_bundle(
    doc: &mut Doc,
    bundle: &Bundle,
    path: &Path,
) -> Result<Vec<ChangeHash>, StoreError> {
    if bundle.roadmap_id != doc.roadmap_id() {
        return Err(StoreError::DifferentRoadmap {
            path: path.to_path_buf(),
            mine: doc.roadmap_id(),
            theirs: bundle.roadmap_id.clone(),
        });
    }
    if bundle.changes.is_empty() {
        return Ok(Vec::new());
    }
    super::validate::check_changes(&bundle.changes, path)?;
    let mut trial = doc.automerge().clone();
    let before = trial.get_heads();
    decode_with(path, || trial.load_incremental(&bundle.changes))?;
    super::validate::check_document(&mut trial, path)?;
    let missing = trial.get_missing_deps(&[]);
    if !missing.is_empty() {
        let hashes: Vec<String> = missing.iter().take(3).map(short).collect();
        return Err(StoreError::MissingPrerequisites {
            path: path.to_path_buf(),
            count: missing.len(),
            hashes: hashes.join(", "),
        });
    }
    let added: Vec<ChangeHash> = trial
        .get_changes(&before)
        .iter()
        .map(|c| c.hash())
        .collect();
    let mut source = Doc::from_loaded(trial);
    doc.merge(&mut source)?;
    Ok(added)
}

/// A change hash shortened for people (8 hex digits).
pub fn short(hash: &ChangeHash) -> String {
    hash.to_string().chars().take(8).collect()
}
