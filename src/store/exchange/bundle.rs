//! Bundles: just the changes another copy lacks, much smaller than the whole
//! file, sent by e-mail or on a stick as `NAME.karta-changes`.
//!
//! A bundle is a few header lines and Automerge changes (see
//! `docs/format.md`):
//!
//! ```text
//! KARTA-BUNDLE 2 <roadmap id>
//! from: <sender's name>
//! time: <seconds since 1970>
//! heads: <hash> <hash>…        the sender's heads: every change up to them
//! changes: <count>             how many changes the payload holds
//! length: <bytes>              the payload's length
//! sha256: <hex>                SHA-256 of the lines above and the payload
//!
//! <payload: save_after(heads the receiver has), or the whole document>
//! ```
//!
//! Nothing of a bundle is applied unless all of it is sound: the length, the
//! checksum (of the header too, so a damaged sender's name is caught), every chunk of the payload ([`crate::store::exchange::chunks`]) and the count of
//! changes must agree. Bundles of version 1 (a header line, then the
//! payload) carry no checksum; they are accepted when every chunk checks.

use std::collections::HashSet;
use std::path::Path;

use automerge::{Change, ChangeHash};
use sha2::Digest;

use crate::store::disk::file::{decode_with, read_limited};
use crate::store::exchange::chunks::{self, Damage};
use crate::store::{Doc, StoreError, schema};

/// The start of every bundle's first line.
pub const MAGIC_PREFIX: &str = "KARTA-BUNDLE ";
/// The first line's start in the bundles this version writes.
pub const MAGIC: &str = "KARTA-BUNDLE 2 ";
/// The first line's start in bundles of version 1.
const MAGIC_V1: &str = "KARTA-BUNDLE 1 ";
/// The extension of bundle files (never `.karta`: a bundle is not a roadmap).
pub const EXTENSION: &str = "karta-changes";
/// The longest header read (a header is a few lines).
const MAX_HEADER: usize = 64 * 1024;

/// What a bundle says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The sender's name, when given.
    pub from: Option<String>,
    /// When it was made (seconds since 1970), when given.
    pub time: Option<i64>,
    /// The sender's heads when it was made.
    pub heads: Vec<ChangeHash>,
}

/// A bundle read from a file, its integrity checked.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The roadmap the changes belong to.
    pub roadmap_id: String,
    /// What the header says (empty for version 1).
    pub header: Header,
    /// The Automerge changes.
    pub changes: Vec<u8>,
    /// The hashes of the changes the payload holds.
    pub hashes: Vec<ChangeHash>,
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
    // Single changes carry their dependencies' hashes, so after many
    // changes the compressed whole document is smaller; either is read.
    let changes = doc.automerge_mut().save_after(&known);
    let whole = doc.to_bytes();
    let payload = if known.is_empty() || whole.len() < changes.len() {
        let total = doc.automerge_mut().get_changes(&[]).len();
        (whole, total)
    } else {
        (changes, count)
    };
    let header = Header {
        from: doc.author().map(str::to_string),
        time: Some(chrono::Utc::now().timestamp()),
        heads: doc.heads(),
    };
    (
        frame(&doc.roadmap_id(), &header, Some(payload.1), &payload.0),
        count,
    )
}

/// A bundle of version 2 of roadmap `roadmap_id` around `payload`: the
/// header lines (the count of changes when given), the payload's length
/// and the checksum of both.
pub fn frame(roadmap_id: &str, header: &Header, count: Option<usize>, payload: &[u8]) -> Vec<u8> {
    let mut out = format!("{MAGIC}{roadmap_id}\n");
    if let Some(from) = &header.from {
        out.push_str(&format!("from: {}\n", one_line(from)));
    }
    if let Some(time) = header.time {
        out.push_str(&format!("time: {time}\n"));
    }
    let heads: Vec<String> = header.heads.iter().map(|h| h.to_string()).collect();
    out.push_str(&format!("heads: {}\n", heads.join(" ")));
    if let Some(count) = count {
        out.push_str(&format!("changes: {count}\n"));
    }
    out.push_str(&format!("length: {}\n", payload.len()));
    let sum = checksum(out.as_bytes(), payload);
    out.push_str(&format!("sha256: {sum}\n\n"));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(payload);
    bytes
}

/// The common changes of two copies: every change of `theirs` that `mine`
/// has too. A bundle for `theirs` written after these holds only what it
/// lacks, even when it has changes of its own.
pub fn common_changes(mine: &mut Doc, theirs: &mut Doc) -> Vec<ChangeHash> {
    let hashes: Vec<ChangeHash> = theirs
        .automerge_mut()
        .get_changes(&[])
        .iter()
        .map(|c| c.hash())
        .collect();
    hashes.into_iter().filter(|h| mine.has_all(&[*h])).collect()
}

/// Reads a file given to `karta merge`: a bundle (checked whole) or a whole
/// document.
pub fn read_incoming(path: &Path) -> Result<Incoming, StoreError> {
    let bytes = read_limited(path)?;
    if bytes.starts_with(MAGIC_PREFIX.as_bytes()) {
        return read_bundle(&bytes, path).map(Incoming::Bundle);
    }
    Ok(Incoming::Document(Box::new(Doc::from_bytes(&bytes, path)?)))
}

/// Parses and checks a bundle's bytes (`path` names it in errors).
pub fn read_bundle(bytes: &[u8], path: &Path) -> Result<Bundle, StoreError> {
    let damaged = |damage: Damage| StoreError::Damaged {
        path: path.to_path_buf(),
        damage,
    };
    let cut = || damaged(Damage::CutOff);
    let (first, mut rest) = split_line(bytes).ok_or_else(cut)?;
    let (version, roadmap_id) = if let Some(id) = first.strip_prefix(MAGIC) {
        (2, id)
    } else if let Some(id) = first.strip_prefix(MAGIC_V1) {
        (1, id)
    } else {
        return Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            version: first
                .strip_prefix(MAGIC_PREFIX)
                .and_then(|v| v.split(' ').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            supported: 2,
        });
    };
    let roadmap_id = roadmap_id.trim();
    if roadmap_id.is_empty()
        || roadmap_id.len() > 100
        || !roadmap_id.chars().all(|c| c.is_ascii_graphic())
    {
        return Err(damaged(Damage::NotAChunk));
    }
    let mut header = Header::default();
    let mut declared = Declared::default();
    if version == 2 {
        let mut summed = bytes.len() - rest.len();
        loop {
            let (line, after) = split_line(rest).ok_or_else(cut)?;
            rest = after;
            if line.is_empty() {
                break;
            }
            if declared.sha256.is_some() || bytes.len() - rest.len() > MAX_HEADER {
                return Err(damaged(Damage::Corrupted));
            }
            let (key, value) = line.split_once(": ").unwrap_or((line, ""));
            let bad = || damaged(Damage::Corrupted);
            match key {
                "from" => header.from = Some(value.to_string()),
                "time" => header.time = Some(value.parse().map_err(|_| bad())?),
                "heads" => {
                    header.heads = value
                        .split_whitespace()
                        .map(|h| h.parse().map_err(|_| bad()))
                        .collect::<Result<_, _>>()?;
                }
                "changes" => declared.count = Some(value.parse().map_err(|_| bad())?),
                "length" => declared.length = Some(value.parse().map_err(|_| bad())?),
                "sha256" => declared.sha256 = Some(value.to_string()),
                _ => {}
            }
            if declared.sha256.is_none() {
                summed = bytes.len() - rest.len();
            }
        }
        let (Some(length), Some(sha256)) = (declared.length, &declared.sha256) else {
            return Err(damaged(Damage::Corrupted));
        };
        if rest.len() < length {
            return Err(cut());
        }
        if rest.len() > length || checksum(&bytes[..summed], rest) != *sha256 {
            return Err(damaged(Damage::Corrupted));
        }
    }
    let hashes = chunks::verify(rest).map_err(damaged)?;
    if declared.count.is_some_and(|n| n != hashes.len()) {
        return Err(damaged(Damage::Corrupted));
    }
    Ok(Bundle {
        roadmap_id: roadmap_id.to_string(),
        header,
        changes: rest.to_vec(),
        hashes,
    })
}

/// The counts a version-2 header declares about its payload.
#[derive(Default)]
struct Declared {
    count: Option<usize>,
    length: Option<usize>,
    sha256: Option<String>,
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
    if bundle.changes.is_empty() || doc.has_all(&bundle.hashes) {
        return Ok(Vec::new());
    }
    crate::store::exchange::validate::check_changes(&bundle.changes, path)?;
    let mut trial = doc.automerge().clone();
    let before = trial.get_heads();
    decode_with(path, || trial.load_incremental(&bundle.changes))?;
    let missing = trial.get_missing_deps(&[]);
    if !missing.is_empty() {
        return Err(StoreError::MissingPrerequisites {
            path: path.to_path_buf(),
            count: missing.len(),
        });
    }
    crate::store::exchange::validate::check_added(&mut trial, &before, path)?;
    // An identity written as a text could be edited by a later change:
    // the roadmap stays the one it was.
    let now = crate::store::read::get_str(&trial, &automerge::ROOT, schema::K_ID);
    if now != doc.roadmap_id() {
        return Err(StoreError::DifferentRoadmap {
            path: path.to_path_buf(),
            mine: doc.roadmap_id(),
            theirs: now,
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

/// Whether `doc` has every change a bundle's payload depends on, so that
/// applying it would succeed. Single changes name what they depend on, so
/// only the bundle is read; a payload holding a whole document is tried on
/// a copy of `doc`.
pub fn applicable(doc: &mut Doc, bundle: &Bundle) -> bool {
    if let Some(needed) = outside_dependencies(&bundle.changes) {
        return doc.has_all(&needed);
    }
    let mut trial = doc.automerge().clone();
    crate::store::disk::file::quietly(|| trial.load_incremental(&bundle.changes))
        .map(|r| r.is_ok() && trial.get_missing_deps(&[]).is_empty())
        .unwrap_or(false)
}

/// The changes a payload of single changes depends on without holding
/// them; None when it is not such a payload (a whole document, or damage).
fn outside_dependencies(payload: &[u8]) -> Option<Vec<ChangeHash>> {
    let mut changes = Vec::new();
    for chunk in chunks::split(payload).ok()? {
        let change = crate::store::disk::file::quietly(|| Change::try_from(chunk)).ok()?;
        changes.push(change.ok()?);
    }
    let own: HashSet<ChangeHash> = changes.iter().map(|c| c.hash()).collect();
    let needed = changes.iter().flat_map(|c| c.deps().iter().copied());
    Some(needed.filter(|d| !own.contains(d)).collect())
}

/// A change hash shortened for people (8 hex digits).
pub fn short(hash: &ChangeHash) -> String {
    hash.to_string().chars().take(8).collect()
}

/// The next line of `bytes` (as UTF-8, without its `\n`) and what follows.
fn split_line(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let end = bytes.iter().take(MAX_HEADER).position(|b| *b == b'\n')?;
    let line = std::str::from_utf8(&bytes[..end]).ok()?;
    Some((line.trim_end_matches('\r'), &bytes[end + 1..]))
}

/// The SHA-256 of a bundle's header lines and payload, in hex.
fn checksum(header: &[u8], payload: &[u8]) -> String {
    let mut sha = sha2::Sha256::new();
    sha.update(header);
    sha.update(payload);
    hex(&sha.finalize())
}

/// Lower-case hex digits of `bytes`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A name on one line (a header line must not break).
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
