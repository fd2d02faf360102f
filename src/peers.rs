//! What was last sent to each correspondent: per roadmap and name, the heads
//! of the last bundle made with `karta bundle --to NAME`, kept in
//! `sent.toml` beside the config file, so the next bundle holds only what is
//! new since.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use automerge::ChangeHash;
use serde::{Deserialize, Serialize};

use crate::store::Doc;

/// The file's content: roadmap id → correspondent → hashes (hex), and
/// when each was last sent (seconds since 1970).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Sent {
    #[serde(default)]
    roadmaps: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    times: BTreeMap<String, BTreeMap<String, i64>>,
}

/// What was last sent to one correspondent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastSent {
    /// The heads sent: they have every change up to them.
    pub heads: Vec<ChangeHash>,
    /// When (seconds since 1970), when recorded.
    pub time: Option<i64>,
}

/// Everything sent for `roadmap`, by correspondent, as the file `path`
/// (a `sent.toml`) records it.
pub fn sent_in(path: &Path, roadmap: &str) -> Result<BTreeMap<String, LastSent>> {
    let mut sent = load_from(path)?;
    let times = sent.times.remove(roadmap).unwrap_or_default();
    Ok(sent
        .roadmaps
        .remove(roadmap)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, hashes)| {
            let last = LastSent {
                heads: hashes.iter().filter_map(|h| h.parse().ok()).collect(),
                time: times.get(&name).copied(),
            };
            (name, last)
        })
        .collect())
}

/// Where the records of exchanges are kept: what was sent (`sent.toml`
/// in the config folder) and received (`received.toml` in the data
/// folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    /// The record of what was sent.
    pub sent: PathBuf,
    /// The record of what was received.
    pub received: PathBuf,
}

impl Records {
    /// The records of this system's karta (None: it has no config folder).
    pub fn system() -> Option<Records> {
        Some(Records {
            sent: file().ok()?,
            received: crate::received::file().ok()?,
        })
    }
}

/// One correspondent of a roadmap: what was last sent to them and received
/// from them, and how many of this copy's changes they lack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correspondent {
    /// Their name, as given to `karta bundle --to` or carried by their
    /// bundles.
    pub name: String,
    /// What was last sent to them.
    pub sent: Option<LastSent>,
    /// The time of the latest change they were sent (seconds since 1970).
    pub sent_version: Option<i64>,
    /// The last bundle received from them.
    pub received: Option<crate::received::Received>,
    /// How many changes of this copy they have not received.
    pub lacking: usize,
}

/// Every correspondent of the roadmap `doc`, by name, from the records.
pub fn correspondents(doc: &mut Doc, records: &Records) -> Result<Vec<Correspondent>> {
    let id = doc.roadmap_id();
    let mut sent = sent_in(&records.sent, &id)?;
    let mut received = crate::received::in_file(&records.received, &id)?;
    let names: BTreeSet<String> = sent.keys().chain(received.keys()).cloned().collect();
    Ok(names
        .into_iter()
        .map(|name| {
            let sent = sent.remove(&name);
            let received = received.remove(&name);
            let mut known: Vec<ChangeHash> = Vec::new();
            known.extend(sent.iter().flat_map(|s| s.heads.iter().copied()));
            known.extend(received.iter().flat_map(|r| r.hashes()));
            Correspondent {
                sent_version: sent.as_ref().and_then(|s| doc.latest_time(&s.heads)),
                lacking: doc.lacking(&known),
                name,
                sent,
                received,
            }
        })
        .collect())
}

fn file() -> Result<PathBuf> {
    crate::config::dir()
        .map(|d| d.join("sent.toml"))
        .ok_or_else(|| anyhow!(crate::msg!("no-config-folder")))
}

fn load() -> Result<Sent> {
    load_from(&file()?)
}

fn load_from(path: &Path) -> Result<Sent> {
    if !path.exists() {
        return Ok(Sent::default());
    }
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    toml::from_str(&text).map_err(|e| anyhow!("{}: {}", path.display(), e.message()))
}

/// The heads last sent to `name` for `roadmap` (empty: nothing yet).
pub fn last_sent(roadmap: &str, name: &str) -> Result<Vec<ChangeHash>> {
    let sent = load()?;
    let hashes = sent
        .roadmaps
        .get(roadmap)
        .and_then(|m| m.get(name))
        .cloned()
        .unwrap_or_default();
    Ok(hashes.iter().filter_map(|h| h.parse().ok()).collect())
}

/// Remembers that `name` was sent everything up to `heads` of `roadmap`.
pub fn remember(roadmap: &str, name: &str, heads: &[ChangeHash]) -> Result<PathBuf> {
    let mut sent = load()?;
    sent.roadmaps
        .entry(roadmap.to_string())
        .or_default()
        .insert(
            name.to_string(),
            heads.iter().map(|h| h.to_string()).collect(),
        );
    sent.times
        .entry(roadmap.to_string())
        .or_default()
        .insert(name.to_string(), chrono::Utc::now().timestamp());
    let path = file()?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    crate::store::disk::file::write_atomic(&path, toml::to_string(&sent)?.as_bytes())?;
    Ok(path)
}
