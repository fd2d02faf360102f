//! What was last sent to each correspondent: per roadmap and name, the heads
//! of the last bundle made with `karta bundle --to NAME`, kept in
//! `sent.toml` beside the config file, so the next bundle holds only what is
//! new since.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use automerge::ChangeHash;
use serde::{Deserialize, Serialize};

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

/// Everything sent for `roadmap`, by correspondent.
pub fn sent_for(roadmap: &str) -> Result<BTreeMap<String, LastSent>> {
    let mut sent = load()?;
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

fn file() -> Result<PathBuf> {
    crate::config::dir()
        .map(|d| d.join("sent.toml"))
        .ok_or_else(|| anyhow!(crate::msg!("no-config-folder")))
}

fn load() -> Result<Sent> {
    let path = file()?;
    if !path.exists() {
        return Ok(Sent::default());
    }
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
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
    crate::store::file::write_atomic(&path, toml::to_string(&sent)?.as_bytes())?;
    Ok(path)
}
