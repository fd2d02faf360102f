//! What was last received from each correspondent: per roadmap and sender,
//! the header of the last bundle merged from them (its sender's heads and
//! when it was made) and when it was merged, kept in `received.toml` in
//! karta's data folder. `karta peers` tells from it (and from `sent.toml`,
//! see [`crate::peers`]) who has which version.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use automerge::ChangeHash;
use serde::{Deserialize, Serialize};

use crate::store::exchange::bundle::Header;

/// The last bundle received from one correspondent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    /// The sender's heads when the bundle was made (hex).
    #[serde(default)]
    pub heads: Vec<String>,
    /// When the bundle was made (seconds since 1970, the sender's clock).
    #[serde(default)]
    pub made: Option<i64>,
    /// When it was merged here (seconds since 1970).
    #[serde(default)]
    pub merged: i64,
}

impl Received {
    /// The sender's heads, parsed.
    pub fn hashes(&self) -> Vec<ChangeHash> {
        self.heads.iter().filter_map(|h| h.parse().ok()).collect()
    }
}

/// The file's content: roadmap id → sender → the last bundle.
#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    #[serde(default)]
    roadmaps: BTreeMap<String, BTreeMap<String, Received>>,
}

/// Where the record is kept: `received.toml` in karta's data folder.
pub fn file() -> Result<PathBuf> {
    crate::config::data_dir()
        .map(|d| d.join("received.toml"))
        .ok_or_else(|| anyhow!(crate::msg!("no-data-folder")))
}

fn load(path: &Path) -> Result<File> {
    if !path.exists() {
        return Ok(File::default());
    }
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    toml::from_str(&text).map_err(|e| anyhow!("{}: {}", path.display(), e.message()))
}

/// Everything received for `roadmap`, by sender, as the file `path` (a
/// `received.toml`) records it.
pub fn in_file(path: &Path, roadmap: &str) -> Result<BTreeMap<String, Received>> {
    Ok(load(path)?.roadmaps.remove(roadmap).unwrap_or_default())
}

/// Remembers that a bundle with `header` was merged into `roadmap` now
/// (nothing when it names no sender).
pub fn remember(roadmap: &str, header: &Header) -> Result<()> {
    remember_in(&file()?, roadmap, header)
}

/// Remembers, in the record `path` (a `received.toml`), that a bundle with
/// `header` was merged into `roadmap` now.
pub fn remember_in(path: &Path, roadmap: &str, header: &Header) -> Result<()> {
    let Some(from) = header
        .from
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
    else {
        return Ok(());
    };
    let mut file = load(path)?;
    let senders = file.roadmaps.entry(roadmap.to_string()).or_default();
    if let Some(known) = senders.get(from)
        && known.made > header.time
    {
        // An older bundle merged late: the newer one stays the last.
        return Ok(());
    }
    senders.insert(
        from.to_string(),
        Received {
            heads: header.heads.iter().map(|h| h.to_string()).collect(),
            made: header.time,
            merged: chrono::Utc::now().timestamp(),
        },
    );
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    crate::store::disk::file::write_atomic(path, toml::to_string(&file)?.as_bytes())?;
    Ok(())
}
