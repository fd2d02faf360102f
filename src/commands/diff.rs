//! `karta diff FILE --since approved|CHANGE|DATE`: what changed since, in
//! words, grouped by section; as text, Markdown or a Word «лист
//! изменений».

use std::path::Path;

use anyhow::{Result, bail};

use crate::i18n::Lang;
use crate::present::since::{lines, to_markdown, to_text};
use crate::store::history::since::{Since, report};
use crate::store::{self, disk::file::write_atomic, write::approvals};

use super::collab::in_file;

/// How `karta diff` writes the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DiffFormat {
    /// Plain text (added words as `[+…]`, removed as `[-…]`).
    #[default]
    Text,
    /// Markdown.
    Md,
    /// A Word document (needs `-o`).
    Docx,
}

/// `karta diff FILE --since … [--format …] [-o OUT]`.
pub fn run(
    file: &Path,
    since: &str,
    format: DiffFormat,
    output: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    let mut doc = store::open(file)?;
    let since = Since::parse(since);
    if since == Since::Approved && approvals::latest(doc.automerge()).is_none() {
        bail!(
            "{}: {}",
            file.display(),
            crate::tr!(lang, "diff-no-approved-edition-yet-record")
        );
    }
    let found = report(&mut doc, &since).map_err(in_file(file))?;
    let list = lines(&found, &doc.roadmap().meta.title, lang);
    let bytes = match format {
        DiffFormat::Text => to_text(&list).into_bytes(),
        DiffFormat::Md => to_markdown(&list).into_bytes(),
        DiffFormat::Docx => crate::export::changes::to_bytes(&list)?,
    };
    match output {
        Some(path) => {
            write_atomic(path, &bytes)?;
            super::print(&format!(
                "{}: {}\n",
                path.display(),
                crate::tr!(lang, "diff-list-of-changes-written")
            ))
        }
        None if format == DiffFormat::Docx => bail!(
            "--format docx: {}",
            crate::tr!(lang, "diff-name-the-file-o-file")
        ),
        None => super::print(&String::from_utf8_lossy(&bytes)),
    }
}
