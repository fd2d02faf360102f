//! Which server each roadmap syncs with. A server's address is local
//! knowledge (one office reaches it as `ws://10.0.0.5:3030`, another through
//! a proxy), so it is not written into the roadmap: `karta share`
//! remembers it per roadmap in `servers.toml` in karta's data folder, with
//! the token when one was given; `[sync] server` and `token` in the config
//! are the defaults for every roadmap.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use serde::{Deserialize, Serialize};

use crate::config::Config;

/// Where a roadmap syncs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remote {
    /// The server's address.
    pub server: String,
    /// The token it asks for, when it asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// The file's content: roadmap id → where it syncs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Servers {
    #[serde(default)]
    roadmaps: BTreeMap<String, Remote>,
}

fn file() -> Result<PathBuf> {
    crate::config::data_dir()
        .map(|d| d.join("servers.toml"))
        .ok_or_else(|| anyhow!("no data folder on this system"))
}

fn load() -> Result<Servers> {
    let path = file()?;
    if !path.exists() {
        return Ok(Servers::default());
    }
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    toml::from_str(&text).map_err(|e| anyhow!("{}: {}", path.display(), e.message()))
}

/// The server remembered for `roadmap`, if any.
pub fn remembered(roadmap: &str) -> Result<Option<Remote>> {
    Ok(load()?.roadmaps.remove(roadmap))
}

/// Remembers that `roadmap` syncs with `remote`.
pub fn remember(roadmap: &str, remote: &Remote) -> Result<PathBuf> {
    let mut servers = load()?;
    servers.roadmaps.insert(roadmap.to_string(), remote.clone());
    let path = file()?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    crate::store::disk::file::write_atomic(&path, toml::to_string(&servers)?.as_bytes())?;
    Ok(path)
}

/// Where the server a roadmap syncs with is known from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Remembered for the roadmap (`karta share`, `karta sync --server`).
    Remembered,
    /// The config's `[sync] server`, for every roadmap.
    Config,
}

/// The server `roadmap` syncs with when nothing is given on the command
/// line, and where that is known from; None: no server known.
pub fn configured(roadmap: &str, config: &Config) -> Result<Option<(Remote, Origin)>> {
    if let Some(remote) = remembered(roadmap)? {
        return Ok(Some((remote, Origin::Remembered)));
    }
    let settings = config.sync.clone().unwrap_or_default();
    Ok(settings.server.map(|server| {
        let remote = Remote {
            server,
            token: settings.token,
        };
        (remote, Origin::Config)
    }))
}

/// Where `roadmap` syncs: the server and token given on the command line,
/// else the ones remembered for it, else the config's. None: no server
/// known.
pub fn resolve(
    roadmap: &str,
    server: Option<&str>,
    token: Option<&str>,
    config: &Config,
) -> Result<Option<Remote>> {
    let remembered = remembered(roadmap)?;
    let settings = config.sync.clone().unwrap_or_default();
    let chosen = server
        .map(str::to_string)
        .or_else(|| remembered.as_ref().map(|r| r.server.clone()))
        .or(settings.server);
    let Some(server) = chosen else {
        return Ok(None);
    };
    let token = token
        .map(str::to_string)
        .or_else(|| {
            remembered
                .filter(|r| r.server == server)
                .and_then(|r| r.token)
        })
        .or(settings.token);
    Ok(Some(Remote { server, token }))
}
