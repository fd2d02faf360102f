//! `karta export`: the roadmap as JSON, Markdown, CSV, Word, Excel or a
//! calendar.

use std::io::{IsTerminal, Read, Write};
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
        Some(path) if holds_roadmap(file, path) => bail!(
            "{}",
            crate::tr!(
                lang,
                "export-over-roadmap",
                file = path.display().to_string()
            )
        ),
        Some(path) => Ok(store::disk::file::write_atomic(path, &bytes)?),
        None if format.is_binary() && std::io::stdout().is_terminal() => {
            bail!("{}", crate::tr!(lang, "export-a-word-or-excel-file"))
        }
        None => write_stdout(&bytes),
    }
}

/// Whether `output` holds a roadmap or a file of changes that an export
/// would replace: `file` itself, or a file that starts as one does.
fn holds_roadmap(file: &Path, output: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (file.canonicalize(), output.canonicalize())
        && a == b
    {
        return true;
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(output).and_then(|f| f.take(16).read_to_end(&mut head));
    read.is_ok()
        && (head.starts_with(&store::exchange::chunks::MAGIC)
            || head.starts_with(store::exchange::bundle::MAGIC_PREFIX.as_bytes()))
}

/// Writes bytes to standard output; a closed pipe is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}
