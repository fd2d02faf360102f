//! `karta log` and `karta show --at`: who changed what and when, and the
//! roadmap as it was.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::describe::{
    Case, Gender, author_name, field_name, gender_of, item_in, phrase, time_text, value_text,
};
use crate::export::ExportFormat;
use crate::i18n::Lang;
use crate::present::comments::comment_phrase;
use crate::present::since::order_name;
use crate::report::{self, ReportKind};
use crate::store::exchange::bundle::short;
use crate::store::history::changes::ChangeKind;
use crate::store::history::{find_change, history, roadmap_at};
use crate::store::read::lookup::find_item;
use crate::store::{self};
use crate::store::{write::approvals, write::comment};
use crate::tr;

/// `karta log FILE [--number N] [--limit K]`: newest first, in words.
pub fn log(file: &Path, number: Option<&str>, limit: Option<usize>, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    let id = match number {
        Some(n) => Some(
            find_item(&doc.roadmap(), n, None)
                .map_err(super::collab::in_file(file))?
                .id,
        ),
        None => None,
    };
    let entries = history(&mut doc, id.as_deref());
    let mut out = String::new();
    for entry in entries.iter().take(limit.unwrap_or(usize::MAX)) {
        let author = entry.author.as_deref();
        let _ = writeln!(
            out,
            "{} {} {}",
            short(&entry.hash),
            time_text(entry.time),
            author_name(author, lang)
        );
        const SHOWN: usize = 12;
        let resolved = entry.message.starts_with(store::RESOLVE_PREFIX);
        for change in entry.changes.iter().take(SHOWN) {
            let said = match (&change.kind, resolved) {
                (ChangeKind::FieldChanged { field, new, .. }, true) => format!(
                    "{} {}: {}",
                    field_name(field, lang),
                    item_in(&change.item, Case::Genitive, lang),
                    value_text(field, new, lang)
                ),
                _ => phrase(change, author, lang),
            };
            let _ = if resolved {
                let gender = author.map_or(Gender::Unknown, gender_of);
                writeln!(
                    out,
                    "  {}",
                    tr!(lang, "log-resolved", gender = gender, said = said)
                )
            } else {
                writeln!(out, "  {said}")
            };
        }
        if let Some(a) = approvals::change_of(doc.automerge(), entry.hash, &entry.message) {
            let gender = author.map_or(Gender::Unknown, gender_of);
            let said = tr!(
                lang,
                "log-approved",
                gender = gender,
                order = order_name(&a, lang)
            );
            let _ = writeln!(out, "  {said}");
        }
        if let Some(c) =
            comment::change_of(doc.automerge(), entry.hash, &entry.deps, &entry.message)
        {
            let _ = writeln!(out, "  {}", comment_phrase(&c, author, lang));
        }
        if entry.changes.len() > SHOWN {
            let more = entry.changes.len() - SHOWN;
            let _ = writeln!(out, "  {}", tr!(lang, "log-more", count = more));
        }
    }
    if out.is_empty() {
        out = format!(
            "{}\n",
            tr!(lang, "log-none", file = file.display().to_string())
        );
    }
    super::print(&out)
}

/// `karta show FILE --at CHANGE [--format …]`: the roadmap right after a change.
pub fn show(file: &Path, at: &str, format: Option<ExportFormat>, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    let hash = find_change(&mut doc, at).map_err(super::collab::in_file(file))?;
    let roadmap = roadmap_at(&doc, hash);
    let text = match format {
        Some(f) if f.is_binary() => {
            anyhow::bail!(crate::msg!(
                "show-binary-format",
                format = format!("{f:?}").to_lowercase()
            ))
        }
        Some(f) => String::from_utf8(crate::export::render(
            &roadmap,
            f,
            super::export::DEFAULT_DELIMITER,
        )?)?,
        None => report::render(
            &roadmap,
            ReportKind::Mechanism,
            chrono::Local::now().date_naive(),
            lang,
        ),
    };
    super::print(&text)
}
