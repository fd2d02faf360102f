//! Bundles that arrived before the changes they continue: kept aside, per
//! roadmap, in a folder of karta's data (`pending/<roadmap id>/`), and
//! applied by the next merge that brings what they were waiting for.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::Digest;

use crate::store::StoreError;
use crate::store::disk::file::{read_limited, write_atomic};
use crate::store::exchange::bundle::{self, Bundle};

/// The kept-aside bundles of one roadmap.
pub struct Pending {
    dir: PathBuf,
}

impl Pending {
    /// The kept-aside bundles of `roadmap_id` under karta's data folder
    /// `data`.
    pub fn new(data: &Path, roadmap_id: &str) -> Pending {
        let safe: String = roadmap_id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        Pending {
            dir: data.join("pending").join(safe),
        }
    }

    /// Every bundle kept aside, with its file there, oldest name first.
    /// A file there that no longer reads is left alone.
    pub fn list(&self) -> Vec<(PathBuf, Bundle)> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == bundle::EXTENSION))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .filter_map(|path| {
                let bytes = read_limited(&path).ok()?;
                let bundle = bundle::read_bundle(&bytes, &path).ok()?;
                Some((path, bundle))
            })
            .collect()
    }

    /// Keeps the bundle file `source` aside; returns where it went. The
    /// same bundle kept twice is one file.
    pub fn keep(&self, source: &Path) -> Result<PathBuf, StoreError> {
        let bytes = read_limited(source)?;
        let digest = sha2::Sha256::digest(&bytes);
        let name: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        fs::create_dir_all(&self.dir).map_err(|e| StoreError::Io {
            path: self.dir.clone(),
            source: e,
        })?;
        let target = self.dir.join(format!("{name}.{}", bundle::EXTENSION));
        write_atomic(&target, &bytes)?;
        Ok(target)
    }

    /// Forgets a bundle that has been applied.
    pub fn release(&self, path: &Path) {
        if path.starts_with(&self.dir) {
            let _ = fs::remove_file(path);
        }
    }
}
