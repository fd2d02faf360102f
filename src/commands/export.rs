//! `karta export`: the roadmap as JSON, Markdown, CSV, Word, Excel or a
//! calendar.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::export::ExportFormat;
use crate::i18n::Lang;
use crate::store;

/// The CSV delimiter Russian Excel expects.
pub const DEFAULT_DELIMITER: u8 = b';';

/// Writes `file` in `format` to `output` (atomically) or standard output;
/// `delimiter` is CSV's (`;` when absent).
pub fn run(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    delimiter: Option<u8>,
    lang: Lang,
) -> Result<()> {
    let roadmap = store::disk::file::open_roadmap(file)?;
    let bytes = crate::export::render(&roadmap, format, delimiter.unwrap_or(DEFAULT_DELIMITER))
        .with_context(|| format!("{}: {}", file.display(), crate::tr!(lang, "export-export")))?;
    match output {
        Some(path) => Ok(store::disk::file::write_atomic(path, &bytes)?),
        None if format.is_binary() && std::io::stdout().is_terminal() => {
            bail!("{}", crate::tr!(lang, "export-a-word-or-excel-file"))
        }
        None => write_stdout(&bytes),
    }
}

/// Writes bytes to standard output; a closed pipe is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}
