//! Commands for working together by exchanging files: `merge` (with a
//! preview in words), `bundle`, `conflicts`, `resolve`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};

use crate::config::Config;
use crate::describe::{self, field_name, item_name, value_text};
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::present::compare::bracketed_lines;
use crate::present::merge::{kept_aside_line, released_line};
use crate::present::preview_lines;
use crate::present::risks::risk_lines;
use crate::store::exchange::conflicts::{conflicts, resolve as resolve_conflict};
use crate::store::exchange::merge::{FileOutcome, MergedFile, merge_files};
use crate::store::read::lookup::{find_field, find_item, stored_value};
use crate::store::{self, exchange::bundle};
use crate::tr;

/// Prefixes a library error that does not name the file with its name.
pub(crate) fn in_file(file: &Path) -> impl Fn(store::StoreError) -> anyhow::Error + '_ {
    move |e| match e {
        store::StoreError::NotFound(_) => anyhow!(crate::present::errors::InFile {
            file: file.to_path_buf(),
            error: e,
        }),
        other => anyhow!(other),
    }
}

/// `karta merge MINE THEIRS…`: merges, or with `dry_run` shows what would change.
pub fn merge(
    mine: &Path,
    theirs: &[PathBuf],
    dry_run: bool,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let data = crate::config::data_dir();
    let outcome = merge_files(
        mine,
        theirs,
        Some(&config.author()),
        dry_run,
        data.as_deref(),
    )?;
    let mut out = String::new();
    if !dry_run && let Err(e) = remember_received(&outcome.files) {
        let _ = writeln!(
            out,
            "{}: {e}",
            crate::tr!(lang, "collab-could-not-remember-what-was")
        );
    }
    for file in &outcome.files {
        let path = file.path.display();
        let path = path.to_string();
        let line = match &file.outcome {
            FileOutcome::Merged(n) => tr!(lang, "merge-new-changes", file = path, count = *n),
            FileOutcome::KeptAside => kept_aside_line(&file.path, lang),
        };
        let _ = writeln!(out, "{line}");
    }
    for n in &outcome.released {
        let _ = writeln!(out, "{}", released_line(*n, lang));
    }
    summary(
        &mut out,
        mine,
        &outcome.preview,
        &outcome.risks,
        outcome.saved.then_some(outcome.conflicts),
        config,
        lang,
    )?;
    super::print(&out)
}

/// What a merge brought in, in words (or that it brought nothing), what it
/// put at risk, whether `mine` was saved and how many conflicts it holds:
/// the summary `karta merge` and `karta sync` print. `saved` is the number
/// of conflicts `mine` holds as written, None when it was not written.
pub(crate) fn summary(
    out: &mut String,
    mine: &Path,
    preview: &store::exchange::merge::MergePreview,
    risks: &store::exchange::risks::MergeRisks,
    saved: Option<usize>,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    if preview.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}",
            mine.display(),
            crate::tr!(lang, "collab-nothing-new-the-file-is")
        );
        return Ok(());
    }
    out.push_str(&preview_lines(preview, lang));
    for line in risk_lines(risks, Some(&config.author()), lang, None) {
        let _ = writeln!(out, "{line}");
    }
    if preview.by_author.is_empty() {
        let _ = writeln!(out, "{}", crate::tr!(lang, "collab-no-visible-changes"));
    }
    let verdict = if saved.is_some() {
        crate::tr!(lang, "collab-merged-and-saved")
    } else {
        crate::tr!(lang, "collab-preview-the-file-is-unchanged")
    };
    let _ = writeln!(out, "{}: {verdict}", mine.display());
    if let Some(open) = saved
        && open > 0
    {
        let line = tr!(
            lang,
            "merge-conflicts",
            count = open,
            file = mine.display().to_string()
        );
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}

/// Remembers, per sender, the last bundle merged from them (see
/// [`crate::received`]).
fn remember_received(files: &[MergedFile]) -> Result<()> {
    for file in files {
        if !matches!(file.outcome, FileOutcome::Merged(_)) {
            continue;
        }
        if let bundle::Incoming::Bundle(b) = bundle::read_incoming(&file.path)? {
            crate::received::remember(&b.roadmap_id, &b.header)?;
        }
    }
    Ok(())
}

/// `karta bundle FILE (--since THEIRS | --to NAME) -o OUT`.
pub fn make_bundle(
    file: &Path,
    since: Option<&Path>,
    to: Option<&str>,
    output: &Path,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let mut doc = store::open(file)?;
    // The bundle names its sender, so the receiver knows who has what.
    doc.set_author(Some(&config.author()));
    let known = match (since, to) {
        (Some(theirs), _) => {
            let mut other = store::open(theirs)?;
            if other.roadmap_id() != doc.roadmap_id() {
                return Err(store::StoreError::DifferentRoadmap {
                    path: theirs.to_path_buf(),
                    mine: doc.roadmap_id(),
                    theirs: other.roadmap_id(),
                }
                .into());
            }
            bundle::common_changes(&mut doc, &mut other)
        }
        (None, Some(name)) => crate::peers::last_sent(&doc.roadmap_id(), name)?,
        (None, None) => bail!(crate::msg!(
            "bundle-needs-since",
            file = file.display().to_string()
        )),
    };
    let (bytes, count) = bundle::write_bundle(&mut doc, &known);
    let output = &bundle_path(output);
    store::disk::file::write_atomic(output, &bytes)?;
    if let Some(name) = to {
        crate::peers::remember(&doc.roadmap_id(), name, &doc.heads())?;
    }
    let whole = doc.to_bytes().len();
    let line = tr!(
        lang,
        "bundle-written",
        file = output.display().to_string(),
        count = count,
        size = crate::i18n::size(bytes.len() as u64, lang),
        whole = crate::i18n::size(whole as u64, lang)
    );
    super::print(&format!("{line}\n"))
}

/// The file a bundle is written to: `output`, with the bundle extension
/// added when it has another (a bundle is never taken for a roadmap).
fn bundle_path(output: &Path) -> PathBuf {
    match output.extension() {
        Some(e) if e == bundle::EXTENSION => return output.to_path_buf(),
        Some(e) if e == "karta" => return output.with_extension(bundle::EXTENSION),
        _ => {}
    }
    let mut name = output.as_os_str().to_owned();
    name.push(".");
    name.push(bundle::EXTENSION);
    PathBuf::from(name)
}

/// `karta conflicts FILE`: every field holding several values, and every
/// deleted item someone edited without seeing the deletion.
pub fn list_conflicts(file: &Path, config: &Config, lang: Lang) -> Result<()> {
    let (found, deleted) = store::disk::file::open_conflicts(file)?;
    if found.is_empty() && deleted.is_empty() {
        return super::print(&format!(
            "{}: {}\n",
            file.display(),
            crate::tr!(lang, "collab-no-conflicts")
        ));
    }
    let mut out = String::new();
    for d in &deleted {
        let _ = writeln!(
            out,
            "‼ {}",
            describe::deletion_line(d, Some(&config.author()), lang)
        );
    }
    if found.is_empty() {
        return super::print(&out);
    }
    for c in &found {
        let number = match c.item.kind {
            store::history::changes::ItemKind::Heading => "-".to_string(),
            _ => crate::model::text::one_line(&c.item.number),
        };
        let _ = writeln!(
            out,
            "{} — {} [{number}]",
            item_name(&c.item, lang),
            field_name(&c.field, lang)
        );
        let free_text = c.is_free_text();
        for (i, v) in c.values.iter().enumerate() {
            // Free text in full, its words the other value lacks in
            // [brackets] (the first value against the second, the others
            // against the first).
            let other = c
                .values
                .get(usize::from(i == 0))
                .map_or("", |o| o.value.as_str());
            let shown = if free_text {
                format!("«{}»", marked(&v.value, other))
            } else {
                value_text(&c.field, &v.value, lang)
            };
            let _ = writeln!(
                out,
                "  {}. {shown} — {}",
                i + 1,
                describe::author_name(v.author.as_deref(), lang)
            );
        }
    }
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(lang, "collab-choose-karta-resolve-file-number")
    );
    super::print(&out)
}

/// A value of a text conflict in full, on one line, with its words that
/// `other` lacks in [brackets].
fn marked(value: &str, other: &str) -> String {
    one_line(&bracketed_lines(value, other).join(" / "))
}

/// How a conflict is resolved from the command line.
pub enum Choice<'a> {
    /// A value typed.
    Value(&'a str),
    /// Value N of the list `karta conflicts` shows.
    Pick(usize),
    /// For text: every value kept.
    KeepBoth,
}

/// `karta resolve FILE NUMBER FIELD (VALUE | --pick N | --keep-both)`.
pub fn resolve(
    file: &Path,
    number: &str,
    field: &str,
    choice: Choice<'_>,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let mut doc = store::open(file)?;
    doc.set_author(Some(&config.author()));
    let roadmap = doc.roadmap();
    let item = find_item(&roadmap, number, None).map_err(in_file(file))?;
    let field = find_field(&roadmap, item.kind, field).map_err(in_file(file))?;
    let value = match choice {
        Choice::Value(v) => stored_value(&field, v).map_err(in_file(file))?,
        Choice::Pick(n) => {
            let conflict = conflicts(&doc)
                .into_iter()
                .find(|c| c.item.id == item.id && c.item.kind == item.kind && c.field == field)
                .ok_or_else(|| {
                    anyhow!(crate::msg!(
                        "pick-without-conflict",
                        file = file.display().to_string()
                    ))
                })?;
            let count = conflict.values.len();
            conflict
                .values
                .into_iter()
                .nth(n.wrapping_sub(1))
                .map(|v| v.value)
                .ok_or_else(|| {
                    anyhow!(crate::msg!(
                        "pick-out-of-range",
                        file = file.display().to_string(),
                        pick = n,
                        count = count
                    ))
                })?
        }
        Choice::KeepBoth => {
            let conflict = conflicts(&doc)
                .into_iter()
                .find(|c| c.item.id == item.id && c.item.kind == item.kind && c.field == field)
                .ok_or_else(|| {
                    anyhow!(
                        "{}: {}",
                        file.display(),
                        crate::tr!(lang, "collab-no-conflict-in-this-field")
                    )
                })?;
            if !conflict.is_free_text() {
                bail!(
                    "{}: {}",
                    file.display(),
                    crate::tr!(lang, "collab-only-text-can-keep-both")
                );
            }
            conflict.keep_both()
        }
    };
    resolve_conflict(&mut doc, &item, &field, &value).map_err(in_file(file))?;
    store::save(file, &mut doc)?;
    super::print(&format!(
        "{}: {} {} {}: {}\n",
        file.display(),
        crate::tr!(lang, "collab-conflict-resolved"),
        item_name(&item, lang),
        field_name(&field, lang),
        value_text(&field, &value, lang)
    ))?;
    Ok(())
}
