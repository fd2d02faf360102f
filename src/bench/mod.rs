//! The store-level workloads of the benchmarks and their fixtures, shared by
//! `cargo bench` (criterion) and the side-by-side runner `karta-bench`.

pub mod checks;
pub mod fixtures;
pub mod frames;
pub mod memory;
pub mod open;
pub mod report;
pub mod run;
pub mod sync;
pub mod terminal;

use std::path::Path;

use crate::model::{Roadmap, search};
use crate::store::write::edit::ActivityField;
use crate::store::{Doc, StoreError};

/// A size of the benchmarks: activities imported and edits made after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Activities.
    pub activities: usize,
    /// Edits.
    pub edits: usize,
}

impl Size {
    /// A short name, `1k×10k`.
    pub fn label(&self) -> String {
        format!("{}×{}", short(self.activities), short(self.edits))
    }
}

fn short(n: usize) -> String {
    if n >= 1000 && n.is_multiple_of(1000) {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}

/// The sizes asked for by `KARTA_BENCH_SIZES` (`1000x10000,10000x100000`);
/// `all` is the full matrix; unset means the quick `1000x10000`.
pub fn sizes_from_env() -> Vec<Size> {
    parse_sizes(&std::env::var("KARTA_BENCH_SIZES").unwrap_or_default())
}

/// Parses a list of sizes as [`sizes_from_env`] reads it.
pub fn parse_sizes(spec: &str) -> Vec<Size> {
    let size = |activities, edits| Size { activities, edits };
    match spec.trim() {
        "" => vec![size(1000, 10_000)],
        "all" => vec![
            size(1000, 10_000),
            size(1000, 100_000),
            size(10_000, 10_000),
            size(10_000, 100_000),
        ],
        list => list
            .split(',')
            .filter_map(|s| {
                let (a, e) = s.trim().split_once(['x', '×'])?;
                Some(size(a.parse().ok()?, e.parse().ok()?))
            })
            .collect(),
    }
}

/// Opens a document from file bytes and reads the roadmap model.
pub fn open(bytes: &[u8]) -> Result<(Doc, Roadmap), StoreError> {
    let doc = Doc::from_bytes(bytes, Path::new("bench.karta"))?;
    let roadmap = doc.roadmap();
    Ok((doc, roadmap))
}

/// One small edit (a character typed into the first activity's text).
pub fn one_edit(doc: &mut Doc, roadmap: &Roadmap, round: usize) -> Result<(), StoreError> {
    let Some((_, first)) = roadmap.activities_with_path().into_iter().next() else {
        return Ok(());
    };
    let text = format!("{}{}", first.text, "абвгд".repeat(round % 3 + 1));
    doc.set_activity_field(&first.id, &ActivityField::Text, &text)?;
    Ok(())
}

/// Merges a foreign file (another copy's bytes) into `doc` and brings
/// `roadmap` (the model read before) up to date, as the editor does after
/// merging a colleague's file.
pub fn merge_file(doc: &mut Doc, roadmap: &mut Roadmap, foreign: &[u8]) -> Result<(), StoreError> {
    let mut other = Doc::from_bytes(foreign, Path::new("foreign.karta"))?;
    let before = doc.heads();
    doc.merge(&mut other)?;
    doc.refresh(roadmap, &before);
    Ok(())
}

/// Applies a bundle's changes to `doc` and brings `roadmap` (the model read
/// before) up to date.
pub fn apply_bundle(doc: &mut Doc, roadmap: &mut Roadmap, bundle: &[u8]) -> Result<(), StoreError> {
    let before = doc.heads();
    doc.apply_bundle(bundle, Path::new("bundle"))?;
    doc.refresh(roadmap, &before);
    Ok(())
}

/// The word searched for in the search workload.
pub const QUERY: &str = "мониторинг";

/// Searches all text; returns the number of hits.
pub fn search_all(roadmap: &Roadmap) -> usize {
    search::search(roadmap, QUERY).len()
}
