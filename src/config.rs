//! The user's settings: their name (recorded with every change) and language,
//! in `config.toml` under the platform's config folder, or under
//! `KARTA_CONFIG_DIR` when that is set (tests use it).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The settings file's content.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// "Фамилия И.О." recorded as the author of changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The user's grammatical gender, "f" or "m", for verbs about her
    /// changes when the surname does not show it (Сенюта, Белых).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Interface language: "ru" (default) or "en".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Built-in keymap of the editor: "default" or "vim".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keymap: Option<String>,
    /// Sync through a server: the default server and token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync: Option<SyncSettings>,
}

/// The `[sync]` table of the settings.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncSettings {
    /// The server a roadmap syncs with when none is remembered for it
    /// (`ws://HOST:PORT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// The token presented to servers that ask for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// The folder holding karta's settings.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("KARTA_CONFIG_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "karta").map(|p| p.config_dir().to_path_buf())
}

/// The folder holding karta's data (bundles kept aside until the changes
/// they continue arrive): `$KARTA_DATA_DIR`, else `data` in
/// `$KARTA_CONFIG_DIR` when that is set (tests), else the system's data
/// folder.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("KARTA_DATA_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("KARTA_CONFIG_DIR") {
        return Some(PathBuf::from(d).join("data"));
    }
    directories::ProjectDirs::from("", "", "karta").map(|p| p.data_dir().to_path_buf())
}

/// Path of the settings file.
pub fn file() -> Option<PathBuf> {
    dir().map(|d| d.join("config.toml"))
}

/// Path of the user's keys over the built-in keymap.
pub fn keymap_file() -> Option<PathBuf> {
    dir().map(|d| d.join("keymap.toml"))
}

impl Config {
    /// Loads the settings; a missing file gives the defaults.
    pub fn load() -> anyhow::Result<Config> {
        match file() {
            Some(path) if path.exists() => Config::load_from(&path),
            _ => Ok(Config::default()),
        }
    }

    fn load_from(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| {
            let msg = e.message().to_string();
            anyhow::anyhow!("{}: {msg}", path.display())
        })
    }

    /// Saves the settings atomically.
    pub fn save(&self) -> anyhow::Result<PathBuf> {
        let path = file().ok_or_else(|| anyhow::anyhow!(crate::msg!("no-config-folder")))?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow::anyhow!("{}: {e}", parent.display()))?;
        }
        let text = toml::to_string(self)?;
        crate::store::disk::file::write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }

    /// The author name to record: the configured one, else the system user.
    pub fn author(&self) -> String {
        self.name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .unwrap_or_else(|| "неизвестный автор".to_string())
    }
}
