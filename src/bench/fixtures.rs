//! The files the benchmarks run on, generated once (seed 1) into a folder
//! and reused: the roadmap, its JSON export, a colleague's copy with 1,000
//! more changes, and the bundle of those changes.

use std::fs;
use std::path::{Path, PathBuf};

use fastrand::Rng;

use super::Size;
use crate::r#gen::{self, GenOptions, edits};
use crate::store::write::edit::ActivityField;
use crate::store::{self, Doc, StoreError};

/// Changes in the foreign copy that the merge workloads merge.
pub const FOREIGN_CHANGES: usize = 1000;

/// The files of one size.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// The roadmap (`.karta`).
    pub karta: PathBuf,
    /// Its JSON export.
    pub json: PathBuf,
    /// A colleague's copy: the roadmap plus [`FOREIGN_CHANGES`] changes.
    pub foreign: PathBuf,
    /// Just those changes, as a bundle (`save_after` the roadmap's heads).
    pub bundle: PathBuf,
}

/// The folder for fixtures: `$KARTA_BENCH_DIR`, else
/// `$CARGO_TARGET_DIR/karta-fixtures`, else `target/karta-fixtures`.
pub fn dir() -> PathBuf {
    if let Some(d) = std::env::var_os("KARTA_BENCH_DIR") {
        return PathBuf::from(d);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    target.join("karta-fixtures")
}

/// The fixture of `size` in `dir`, generated first when missing.
pub fn ensure(dir: &Path, size: Size) -> Result<Fixture, StoreError> {
    let base = dir.join(format!("a{}-e{}", size.activities, size.edits));
    let fixture = Fixture {
        karta: base.with_extension("karta"),
        json: base.with_extension("json"),
        foreign: base.with_extension("foreign.karta"),
        bundle: base.with_extension("bundle"),
    };
    let io = |path: &Path, source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    if !fixture.karta.exists() {
        let options = GenOptions {
            activities: size.activities,
            edits: size.edits,
            seed: 1,
        };
        store::save(&fixture.karta, &mut r#gen::generate(&options)?)?;
    }
    if !fixture.json.exists() || !fixture.foreign.exists() || !fixture.bundle.exists() {
        let mut doc = store::open(&fixture.karta)?;
        let json = crate::export::json::to_string(&doc.roadmap());
        fs::write(&fixture.json, json).map_err(|e| io(&fixture.json, e))?;
        let heads = doc.heads();
        let mut other = doc.fork();
        other.set_author(Some("Коллегова К.К."));
        foreign_edits(&mut other, FOREIGN_CHANGES, 2)?;
        store::save(&fixture.foreign, &mut other)?;
        let bundle = other.changes_since(&heads);
        fs::write(&fixture.bundle, bundle).map_err(|e| io(&fixture.bundle, e))?;
    }
    Ok(fixture)
}

/// Makes `count` edits (texts typed into, statuses and deadlines set) on
/// random activities, one change each.
pub fn foreign_edits(doc: &mut Doc, count: usize, seed: u64) -> Result<(), StoreError> {
    let roadmap = doc.roadmap();
    let activities: Vec<_> = roadmap
        .activities_with_path()
        .into_iter()
        .map(|(_, a)| (a.id.clone(), a.text.clone()))
        .collect();
    if activities.is_empty() {
        return Ok(());
    }
    let mut texts = activities.clone();
    let mut rng = Rng::with_seed(seed);
    let mut made = 0;
    while made < count {
        let k = rng.usize(..texts.len());
        let (id, text) = &mut texts[k];
        let changed = if rng.u8(..4) == 0 {
            let status = ["planned", "in_progress", "done"][rng.usize(..3)];
            doc.set_activity_field(id, &ActivityField::Status, status)?
        } else {
            *text = edits::edit_text(&mut rng, text);
            doc.set_activity_field(id, &ActivityField::Text, text)?
        };
        made += usize::from(changed);
    }
    Ok(())
}
