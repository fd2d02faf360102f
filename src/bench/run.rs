//! Timing the workloads on one fixture: the median of several runs of each,
//! by karta (store + model), by bare Automerge (Rust) and by the serde_json
//! floor.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use automerge::AutoCommit;

use super::fixtures::Fixture;
use super::{apply_bundle, merge_file, one_edit, open, search_all};
use crate::store::{Doc, StoreError};

/// Medians in milliseconds by workload name (`open`, `open.bare`…).
pub type Timings = BTreeMap<String, f64>;

/// The median of `runs` timings of `f` (which gets fresh state from
/// `setup` each run, untimed), in milliseconds.
pub fn median<S, T>(
    runs: usize,
    mut setup: impl FnMut() -> Result<S, StoreError>,
    mut f: impl FnMut(S) -> Result<T, StoreError>,
) -> Result<f64, StoreError> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let state = setup()?;
        let started = Instant::now();
        let out = f(state)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        drop(out);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

fn read(path: &Path) -> Result<Vec<u8>, StoreError> {
    crate::store::disk::file::read_limited(path)
}

fn bare_load(bytes: &[u8]) -> Result<AutoCommit, StoreError> {
    Ok(AutoCommit::load(bytes)?)
}

/// Times every workload on `fixture`.
pub fn measure(fixture: &Fixture, runs: usize) -> Result<Timings, StoreError> {
    let bytes = read(&fixture.karta)?;
    let foreign = read(&fixture.foreign)?;
    let bundle = read(&fixture.bundle)?;
    let json = read(&fixture.json)?;
    let (mut base, roadmap) = open(&bytes)?;
    let mut t = Timings::new();
    let none = || Ok(());
    t.insert("open".into(), median(runs, none, |_| open(&bytes))?);
    t.insert(
        "open.bare".into(),
        median(runs, none, |_| bare_load(&bytes))?,
    );
    t.insert(
        "open.json".into(),
        median(runs, none, |_| {
            serde_json::from_slice::<serde_json::Value>(&json)
                .map_err(|e| StoreError::NotFound(crate::msg!("as-written", text = e.to_string())))
        })?,
    );
    t.insert(
        "read_roadmap".into(),
        median(runs, none, |_| Ok(base.roadmap()))?,
    );
    let mut doc = base.fork();
    doc.save_incremental();
    let mut round = 0;
    t.insert(
        "save.incremental".into(),
        median(runs, none, |_| {
            round += 1;
            one_edit(&mut doc, &roadmap, round)?;
            Ok(doc.save_incremental())
        })?,
    );
    t.insert(
        "save.full".into(),
        median(runs, none, |_| {
            round += 1;
            one_edit(&mut doc, &roadmap, round)?;
            Ok(doc.to_bytes())
        })?,
    );
    // The model of the file as opened; merges bring it up to date.
    let fresh = || {
        Ok((
            Doc::from_bytes(&bytes, Path::new("base.karta"))?,
            roadmap.clone(),
        ))
    };
    t.insert(
        "merge".into(),
        median(runs, fresh, |(mut d, mut model)| {
            merge_file(&mut d, &mut model, &foreign)
        })?,
    );
    t.insert(
        "merge.bare".into(),
        median(
            runs,
            || bare_load(&bytes),
            |mut d| {
                let mut other = bare_load(&foreign)?;
                Ok(d.merge(&mut other)?)
            },
        )?,
    );
    t.insert(
        "bundle.apply".into(),
        median(runs, fresh, |(mut d, mut model)| {
            apply_bundle(&mut d, &mut model, &bundle)
        })?,
    );
    t.insert(
        "bundle.apply.bare".into(),
        median(
            runs,
            || bare_load(&bytes),
            |mut d| Ok(d.load_incremental(&bundle)?),
        )?,
    );
    let heads = base.heads();
    let mut other = Doc::from_bytes(&foreign, Path::new("foreign.karta"))?;
    t.insert(
        "bundle.make".into(),
        median(runs, none, |_| Ok(other.changes_since(&heads)))?,
    );
    t.insert(
        "export.json".into(),
        median(runs, none, |_| Ok(crate::export::json::to_string(&roadmap)))?,
    );
    t.insert(
        "search".into(),
        median(runs, none, |_| Ok(search_all(&roadmap)))?,
    );
    Ok(t)
}

/// File sizes of a fixture in bytes: the `.karta` file and its JSON export.
pub fn file_sizes(fixture: &Fixture) -> BTreeMap<String, u64> {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    BTreeMap::from([
        ("karta".to_string(), size(&fixture.karta)),
        ("json".to_string(), size(&fixture.json)),
    ])
}
