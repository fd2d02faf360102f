//! `karta gen`: a synthetic roadmap at regional scale, for benchmarks.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use crate::r#gen::{self, GenOptions};
use crate::store;

/// Generates a roadmap by `options` and saves it (compacted) to `output`.
pub fn run(options: &GenOptions, output: &Path, force: bool) -> Result<()> {
    super::refuse_overwrite(output, force)?;
    let started = Instant::now();
    let mut doc = r#gen::generate(options)?;
    store::save(output, &mut doc)?;
    let size = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "{}: {} activities, {} edits, seed {}: {} bytes in {:.1} s",
        output.display(),
        options.activities,
        options.edits,
        options.seed,
        size,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
