//! `karta export`: the roadmap as JSON, Markdown or CSV.

use std::path::Path;

use anyhow::{Context, Result};

use crate::export::ExportFormat;
use crate::store;

/// Writes `file` in `format` to `output` (atomically) or standard output.
pub fn run(file: &Path, format: ExportFormat, output: Option<&Path>) -> Result<()> {
    let roadmap = store::open(file)?.roadmap();
    let text = match format {
        ExportFormat::Json => crate::export::json::to_string(&roadmap),
        ExportFormat::Md => crate::export::markdown::to_string(&roadmap),
        ExportFormat::Csv => crate::export::csv::to_string(&roadmap)
            .with_context(|| format!("{}: writing CSV", file.display()))?,
    };
    match output {
        Some(path) => Ok(store::file::write_atomic(path, text.as_bytes())?),
        None => super::print(&text),
    }
}
