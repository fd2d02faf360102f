//! An advisory lock beside a roadmap file (`FILE.lock`, created with
//! `create_new`), held while a save re-reads, merges and writes the file, so
//! two karta programs saving at once take turns instead of overwriting each
//! other. A lock older than [`STALE_AFTER`] is left over from a crashed
//! program and is taken over.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::store::StoreError;

/// How long to wait for another program's lock before giving up.
const WAIT_LIMIT: Duration = Duration::from_secs(20);
/// A lock file older than this is considered abandoned.
const STALE_AFTER: Duration = Duration::from_secs(120);
/// Pause between attempts.
const RETRY_EVERY: Duration = Duration::from_millis(15);

/// A held lock; dropping it removes the lock file.
pub struct FileLock {
    path: PathBuf,
}

/// The lock file of `path`: the same name with `.lock` appended.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

impl FileLock {
    /// Takes the lock of `path`, waiting while another program holds it.
    pub fn acquire(path: &Path) -> Result<FileLock, StoreError> {
        let lock = lock_path(path);
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&lock) {
                Ok(mut file) => {
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok(FileLock { path: lock });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if is_stale(&lock) {
                        let _ = fs::remove_file(&lock);
                        continue;
                    }
                    if start.elapsed() > WAIT_LIMIT {
                        return Err(StoreError::Locked {
                            path: path.to_path_buf(),
                            lock,
                        });
                    }
                    std::thread::sleep(RETRY_EVERY);
                }
                Err(source) => {
                    return Err(StoreError::Io { path: lock, source });
                }
            }
        }
    }
}

fn is_stale(lock: &Path) -> bool {
    fs::metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE_AFTER)
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}
