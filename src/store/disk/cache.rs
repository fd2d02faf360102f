//! The view cache: the roadmap model read from a file, kept in the user's
//! cache folder and keyed by a fingerprint of the file's bytes, so that the
//! editor can show a large roadmap at once while its document loads.
//!
//! An optimisation only. Nothing is ever written to a roadmap from the
//! cache; a cache whose key does not match the file, or that is damaged or
//! not a cache at all, is ignored (and logged) and the file is read as
//! usual.
//!
//! Layout of a cache file: one line of JSON with the key ([`Header`]), then
//! a line with the model without its sections and with its conflicts and,
//! when known, the deleted items edited by people who did not see the
//! deletion (so that opening from the cache, and `karta conflicts`, scan
//! no document for them), then two
//! lines holding the top-level sections, split where half the activities
//! are, read by two threads at once. All JSON; the file is named by a hash
//! of the roadmap file's canonical path and written atomically.

use std::path::{Path, PathBuf};

use automerge::ChangeHash;
use serde::{Deserialize, Serialize};

use crate::model::{Roadmap, Section};
use crate::store::StoreError;
use crate::store::exchange::conflicts::Conflict;
use crate::store::write::trash::Deleted;

const TAG: &str = "karta-view-cache";
/// The version of karta that writes the cache.
const PROGRAM: &str = env!("CARGO_PKG_VERSION");
const VERSION: u32 = 5;

/// What identifies one version of a file's bytes: its length and a 64-bit
/// hash of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Length in bytes.
    pub len: u64,
    /// Hash of the bytes ([`hash64`]).
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of a file's bytes.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            hash: hash64(bytes),
        }
    }
}

/// A fast, stable (across builds and platforms) 64-bit hash; not for
/// adversaries, only to tell versions of a file apart.
pub fn hash64(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let mut h = 0xCBF2_9CE4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = mix(h, u64::from_le_bytes(tail));
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^ (h >> 33)
}

/// The first line of a cache file: what it was made from.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    /// The karta that wrote it: another build may read documents otherwise.
    #[serde(default)]
    program: String,
    file: String,
    fingerprint: Fingerprint,
    heads: Vec<String>,
}

/// The line after the header: the view without the roadmap's sections.
#[derive(Serialize)]
struct Body<'a> {
    roadmap: &'a Roadmap,
    conflicts: &'a [Conflict],
    deleted_but_edited: Option<&'a [Deleted]>,
}

/// [`Body`] as read.
#[derive(Deserialize)]
struct ReadBody {
    roadmap: Roadmap,
    conflicts: Vec<Conflict>,
    deleted_but_edited: Option<Vec<Deleted>>,
}

/// A view found in the cache.
#[derive(Debug)]
pub struct CachedView {
    /// The roadmap as read from the file.
    pub roadmap: Roadmap,
    /// Its conflicting fields.
    pub conflicts: Vec<Conflict>,
    /// Its deleted items edited by people who did not see the deletion,
    /// when they were known as it was cached.
    pub deleted_but_edited: Option<Vec<Deleted>>,
    /// The document's heads when it was cached.
    pub heads: Vec<ChangeHash>,
}

/// What is kept of a file: the document's heads, the roadmap read from it,
/// its conflicts and, when known, its deleted items edited unseen.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// The document's heads.
    pub heads: &'a [ChangeHash],
    /// The roadmap.
    pub roadmap: &'a Roadmap,
    /// Its conflicting fields.
    pub conflicts: &'a [Conflict],
    /// Its deleted items edited by people who did not see the deletion;
    /// None when not known.
    pub deleted_but_edited: Option<&'a [Deleted]>,
}

/// The folder of view caches.
#[derive(Debug, Clone)]
pub struct ViewCache {
    dir: PathBuf,
}

impl ViewCache {
    /// View caches kept in `dir` (created on the first write).
    pub fn new(dir: PathBuf) -> ViewCache {
        ViewCache { dir }
    }

    /// The folder used unless told otherwise: `KARTA_CACHE_DIR` when set (an
    /// empty value turns the cache off), else `cache` in `KARTA_CONFIG_DIR`
    /// when that is set (tests), else the platform's cache folder.
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(d) = std::env::var_os("KARTA_CACHE_DIR") {
            return (!d.is_empty()).then(|| PathBuf::from(d));
        }
        if let Some(d) = std::env::var_os("KARTA_CONFIG_DIR") {
            return Some(PathBuf::from(d).join("cache"));
        }
        directories::ProjectDirs::from("", "", "karta").map(|p| p.cache_dir().to_path_buf())
    }

    /// Where the view of `file` is kept, with `file`'s canonical path; None
    /// when the file has no canonical path (it does not exist).
    fn entry(&self, file: &Path) -> Option<(PathBuf, String)> {
        let canonical = std::fs::canonicalize(file).ok()?;
        let name = canonical.to_string_lossy().into_owned();
        let hash = hash64(name.as_bytes());
        Some((self.dir.join(format!("view-{hash:016x}.json")), name))
    }

    /// The cached view of `file` if it was made from bytes with this
    /// fingerprint; anything else (no cache, another version, damage) is
    /// None.
    pub fn load(&self, file: &Path, fingerprint: Fingerprint) -> Option<CachedView> {
        let (path, name) = self.entry(file)?;
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                tracing::warn!(cache = %path.display(), error = %e, "view cache unreadable");
                return None;
            }
        };
        match parse(&bytes, &name, fingerprint) {
            Ok(view) => view,
            Err(reason) => {
                tracing::warn!(cache = %path.display(), %reason, "view cache ignored");
                None
            }
        }
    }

    /// Keeps the view of `file`, whose bytes have `fingerprint`; written
    /// atomically.
    pub fn store(
        &self,
        file: &Path,
        fingerprint: Fingerprint,
        view: &View<'_>,
    ) -> Result<(), StoreError> {
        let View {
            heads,
            roadmap,
            conflicts,
            deleted_but_edited,
        } = *view;
        let Some((path, name)) = self.entry(file) else {
            return Ok(());
        };
        let header = Header {
            format: TAG.into(),
            version: VERSION,
            program: PROGRAM.into(),
            file: name,
            fingerprint,
            heads: heads.iter().map(ToString::to_string).collect(),
        };
        let io = |e: std::io::Error| StoreError::Io {
            path: path.clone(),
            source: e,
        };
        // The sections go on lines of their own (see the module's words).
        let shell = Roadmap {
            id: roadmap.id.clone(),
            meta: roadmap.meta.clone(),
            columns: roadmap.columns.clone(),
            sections: Vec::new(),
            activities: roadmap.activities.clone(),
        };
        let (first, second) = roadmap.sections.split_at(halfway(&roadmap.sections));
        let mut bytes = serde_json::to_vec(&header).map_err(|e| io(e.into()))?;
        bytes.push(b'\n');
        let body = Body {
            roadmap: &shell,
            conflicts,
            deleted_but_edited,
        };
        serde_json::to_writer(&mut bytes, &body).map_err(|e| io(e.into()))?;
        for part in [first, second] {
            bytes.push(b'\n');
            serde_json::to_writer(&mut bytes, part).map_err(|e| io(e.into()))?;
        }
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        crate::store::disk::file::write_atomic(&path, &bytes)
    }
}

/// Where to split top-level sections so that each part holds about half
/// of their activities.
fn halfway(sections: &[Section]) -> usize {
    let total: usize = sections.iter().map(Section::activity_count).sum();
    let mut before = 0;
    for (i, s) in sections.iter().enumerate() {
        if before * 2 >= total {
            return i;
        }
        before += s.activity_count();
    }
    sections.len()
}

/// A line of a cache file as text, checked as UTF-8 once (so that the JSON
/// reader need not check every string again).
fn text(line: &[u8]) -> Result<&str, String> {
    simdutf8::basic::from_utf8(line).map_err(|_| "not UTF-8".to_string())
}

/// Reads a cache file: Ok(None) when it is a cache of another version of
/// the file, Err when it is not a cache at all or damaged.
fn parse(bytes: &[u8], name: &str, fingerprint: Fingerprint) -> Result<Option<CachedView>, String> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let head = text(lines.next().ok_or("no header line")?)?;
    let header: Header = serde_json::from_str(head).map_err(|e| e.to_string())?;
    if header.format != TAG || header.version != VERSION || header.program != PROGRAM {
        return Err(format!("format {} {}", header.format, header.version));
    }
    if header.file != name {
        return Err(format!("made for {}", header.file));
    }
    if header.fingerprint != fingerprint {
        tracing::info!(file = name, "view cache is of another version of the file");
        return Ok(None);
    }
    let heads = header
        .heads
        .iter()
        .map(|h| h.parse::<ChangeHash>().map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let (Some(body), Some(first), Some(second), None) =
        (lines.next(), lines.next(), lines.next(), lines.next())
    else {
        return Err("not four lines".into());
    };
    let sections = |part: &[u8]| -> Result<Vec<Section>, String> {
        serde_json::from_str(text(part)?).map_err(|e| e.to_string())
    };
    let (body, first, second) = std::thread::scope(|scope| {
        let other = scope.spawn(|| sections(second));
        let body =
            text(body).and_then(|b| serde_json::from_str::<ReadBody>(b).map_err(|e| e.to_string()));
        let first = sections(first);
        (body, first, other.join())
    });
    let second = second.map_err(|_| "the second part failed".to_string())?;
    let (
        ReadBody {
            mut roadmap,
            conflicts,
            deleted_but_edited,
        },
        first,
        second,
    ) = (body?, first?, second?);
    roadmap.sections = first;
    roadmap.sections.extend(second);
    Ok(Some(CachedView {
        roadmap,
        conflicts,
        deleted_but_edited,
        heads,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A view with no conflicts and nothing known of deletions.
    fn plain<'a>(heads: &'a [ChangeHash], roadmap: &'a Roadmap) -> View<'a> {
        View {
            heads,
            roadmap,
            conflicts: &[],
            deleted_but_edited: None,
        }
    }

    #[test]
    fn a_hit_gives_the_documents_model() {
        let (dir, file, mut doc) = crate::store::disk::sample_file();
        let cache = ViewCache::new(dir.path().join("cache"));
        let bytes = std::fs::read(&file).expect("read");
        let fp = Fingerprint::of(&bytes);
        assert!(cache.load(&file, fp).is_none(), "empty cache");
        cache
            .store(&file, fp, &plain(&doc.heads(), &doc.roadmap()))
            .expect("store");
        let view = cache.load(&file, fp).expect("hit");
        assert_eq!(view.roadmap, doc.roadmap());
        assert_eq!(view.heads, doc.heads());
    }

    #[test]
    fn a_changed_file_misses() {
        let (dir, file, mut doc) = crate::store::disk::sample_file();
        let cache = ViewCache::new(dir.path().join("cache"));
        let bytes = std::fs::read(&file).expect("read");
        cache
            .store(
                &file,
                Fingerprint::of(&bytes),
                &plain(&doc.heads(), &doc.roadmap()),
            )
            .expect("store");
        doc.set_meta(crate::store::write::edit::MetaField::Notes, "другое")
            .expect("edit");
        crate::store::save(&file, &mut doc).expect("save");
        let changed = std::fs::read(&file).expect("read");
        assert!(cache.load(&file, Fingerprint::of(&changed)).is_none());
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_ignored() {
        let (dir, file, mut doc) = crate::store::disk::sample_file();
        let cache = ViewCache::new(dir.path().join("cache"));
        let fp = Fingerprint::of(&std::fs::read(&file).expect("read"));
        cache
            .store(&file, fp, &plain(&doc.heads(), &doc.roadmap()))
            .expect("store");
        let (path, _) = cache.entry(&file).expect("entry");
        let good = std::fs::read(&path).expect("cache");
        for bad in [
            &good[..good.len() / 2],
            b"".as_slice(),
            b"not json\n{}".as_slice(),
            b"{\"format\":\"other\"}\n{}".as_slice(),
        ] {
            std::fs::write(&path, bad).expect("damage");
            assert!(cache.load(&file, fp).is_none());
        }
    }

    #[test]
    fn the_hash_tells_bytes_apart() {
        assert_ne!(hash64(b"abcdefgh1"), hash64(b"abcdefgh2"));
        assert_ne!(hash64(b""), hash64(b"\0"));
        assert_eq!(hash64(b"karta"), hash64(b"karta"));
    }
}
