//! What each command of the command line does; `cli.rs` only parses and
//! dispatches.

pub mod approval;
pub mod collab;
pub mod comment;
pub mod cycle;
pub mod diff;
pub mod edit;
pub mod export;
pub mod r#gen;
pub mod history;
pub mod import;
pub mod peers;
pub mod roadmap;
pub mod sync;
pub mod trash;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::report::{self, ReportKind};
pub use crate::sample::{SAMPLE, SAMPLE_NAME};
use crate::store;

/// Writes text to standard output; a closed pipe is not an error.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

/// Opens the roadmap `file`, or the bundled sample.
pub fn open(file: Option<&Path>, lang: crate::i18n::Lang) -> Result<()> {
    let doc = match file {
        Some(path) => store::open(path)?,
        None => crate::sample::document()?,
    };
    let today = chrono::Local::now().date_naive();
    print(&report::render(
        &doc.roadmap(),
        ReportKind::Mechanism,
        today,
        lang,
    ))
}

/// Fails when `output` exists and `force` is not given.
pub fn refuse_overwrite(output: &Path, force: bool) -> Result<()> {
    if output.exists() && !force {
        bail!(crate::msg!(
            "exists-use-force",
            file = output.display().to_string()
        ));
    }
    Ok(())
}
