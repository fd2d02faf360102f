//! What the checks on untrusted documents (issue #10, `store/validate.rs`)
//! cost: each workload that runs them timed whole, and the checks alone
//! on the same data, medians in milliseconds.

use std::path::Path;

use automerge::AutoCommit;

use super::fixtures::Fixture;
use super::run::median;
use super::{apply_bundle, merge_file};
use crate::store::validate::{check_changes, check_document, check_nesting};
use crate::store::{Doc, StoreError};

/// One workload: its time whole and that of the checks it runs.
pub struct Cost {
    /// What is timed.
    pub workload: &'static str,
    /// The workload whole.
    pub total: f64,
    /// The checks alone.
    pub checks: f64,
}

/// Times opening the fixture's file, merging its foreign copy and applying
/// its bundle, each whole and by its checks alone.
pub fn measure(fixture: &Fixture, runs: usize) -> Result<Vec<Cost>, StoreError> {
    let read = |path: &Path| crate::store::file::read_limited(path);
    let (bytes, foreign, bundle) = (
        read(&fixture.karta)?,
        read(&fixture.foreign)?,
        read(&fixture.bundle)?,
    );
    let path = Path::new("bench.karta");
    let none = || Ok(());
    let open = median(runs, none, |_| Doc::from_bytes(&bytes, path))?;
    let mut loaded = AutoCommit::load(&bytes)?;
    let open_checks = median(runs, none, |_| check_document(&mut loaded, path))?;
    let fresh = || {
        let doc = Doc::from_bytes(&bytes, path)?;
        let roadmap = doc.roadmap();
        Ok((doc, roadmap))
    };
    let merge = median(runs, fresh, |(mut d, mut model)| {
        merge_file(&mut d, &mut model, &foreign)
    })?;
    let before = loaded.get_heads();
    let mut theirs = AutoCommit::load(&foreign)?;
    let mut merged = loaded.clone();
    merged.merge(&mut theirs)?;
    let merge_checks = median(runs, none, |_| {
        check_document(&mut theirs, path)?;
        check_nesting(&merged, &before, path)
    })?;
    let apply = median(runs, fresh, |(mut d, mut model)| {
        apply_bundle(&mut d, &mut model, &bundle)
    })?;
    let mut trial = loaded.clone();
    trial.load_incremental(&bundle)?;
    let apply_checks = median(runs, none, |_| {
        check_changes(&bundle, path)?;
        check_document(&mut trial, path)?;
        check_nesting(&trial, &before, path)
    })?;
    Ok(vec![
        Cost {
            workload: "open: file → document",
            total: open,
            checks: open_checks,
        },
        Cost {
            workload: "merge file with 1,000 changes + model",
            total: merge,
            checks: merge_checks,
        },
        Cost {
            workload: "apply bundle of 1,000 changes + model",
            total: apply,
            checks: apply_checks,
        },
    ])
}

/// The costs as a Markdown table.
pub fn table(costs: &[Cost]) -> String {
    let mut out = String::from("| workload | whole | the checks | share |\n|---|---:|---:|---:|\n");
    for c in costs {
        out.push_str(&format!(
            "| {} | {:.0} | {:.1} | {:.1} % |\n",
            c.workload,
            c.total,
            c.checks,
            100.0 * c.checks / c.total
        ));
    }
    out
}
