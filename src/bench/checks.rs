//! What the checks on untrusted documents (issue #10, `store/exchange/validate.rs`)
//! cost: each workload that runs them timed whole, and the checks alone
//! on the same data, medians in milliseconds.

use std::path::Path;

use automerge::AutoCommit;

use super::fixtures::Fixture;
use super::run::median;
use super::{apply_bundle, merge_file};
use crate::store::exchange::validate::{check_added, check_changes, check_document, check_nesting};
use crate::store::{Doc, StoreError};

/// One workload: its time whole and those of the checks it runs.
pub struct Cost {
    /// What is timed.
    pub workload: &'static str,
    /// The workload whole.
    pub total: f64,
    /// The operation counters of the whole document checked.
    pub counters: f64,
    /// The chunks and counters of the incoming changes checked.
    pub changes: f64,
    /// The nesting of the sections checked.
    pub nesting: f64,
}

/// Times opening the fixture's file, merging its foreign copy and applying
/// its bundle, each whole and by its checks alone.
pub fn measure(fixture: &Fixture, runs: usize) -> Result<Vec<Cost>, StoreError> {
    let read = |path: &Path| crate::store::disk::file::read_limited(path);
    let (bytes, foreign, bundle) = (
        read(&fixture.karta)?,
        read(&fixture.foreign)?,
        read(&fixture.bundle)?,
    );
    let path = Path::new("bench.karta");
    let none = || Ok(());
    let open = median(runs, none, |_| Doc::from_bytes(&bytes, path))?;
    let mut loaded = AutoCommit::load(&bytes)?;
    let before = loaded.get_heads();
    let fresh = || {
        let doc = Doc::from_bytes(&bytes, path)?;
        let roadmap = doc.roadmap();
        Ok((doc, roadmap))
    };
    let merge = median(runs, fresh, |(mut d, mut model)| {
        merge_file(&mut d, &mut model, &foreign)
    })?;
    let mut theirs = AutoCommit::load(&foreign)?;
    let mut merged = loaded.clone();
    merged.merge(&mut theirs)?;
    let apply = median(runs, fresh, |(mut d, mut model)| {
        apply_bundle(&mut d, &mut model, &bundle)
    })?;
    let mut trial = loaded.clone();
    trial.load_incremental(&bundle)?;
    Ok(vec![
        Cost {
            workload: "open: file → document",
            total: open,
            counters: median(runs, none, |_| check_document(&mut loaded, path))?,
            changes: 0.0,
            nesting: 0.0,
        },
        Cost {
            workload: "merge file with 1,000 changes + model",
            total: merge,
            counters: median(runs, none, |_| check_document(&mut theirs, path))?,
            changes: 0.0,
            nesting: median(runs, none, |_| check_nesting(&merged, &before, path))?,
        },
        Cost {
            workload: "apply bundle of 1,000 changes + model",
            total: apply,
            counters: median(runs, none, |_| check_added(&mut trial, &before, path))?,
            changes: median(runs, none, |_| check_changes(&bundle, path))?,
            nesting: median(runs, none, |_| check_nesting(&trial, &before, path))?,
        },
    ])
}

/// The costs as a Markdown table.
pub fn table(costs: &[Cost]) -> String {
    let mut out = String::from(
        "| workload | whole | counters | incoming chunks | nesting | share of the checks |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for c in costs {
        let checks = c.counters + c.changes + c.nesting;
        out.push_str(&format!(
            "| {} | {:.0} | {:.1} | {:.1} | {:.1} | {:.1} % |\n",
            c.workload,
            c.total,
            c.counters,
            c.changes,
            c.nesting,
            100.0 * checks / c.total
        ));
    }
    out
}
