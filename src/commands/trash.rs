//! The recycle bin from the command line: `karta trash` lists what was
//! deleted (and edits made to it by people who did not see the deletion),
//! `karta restore` brings an item back with everything deleted with it.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, anyhow};

use crate::config::Config;
use crate::describe::{deletion_line, item_name};
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::present::trash::deleted_line;
use crate::store::history::changes::ItemKind;
use crate::store::write::edit::NodeKind;
use crate::store::write::trash::{Deleted, deleted_items};
use crate::store::{self};

/// `karta trash FILE`: everything deleted, the latest first.
pub fn trash(file: &Path, config: &Config, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    let items = deleted_items(&mut doc);
    if items.is_empty() {
        return super::print(&format!(
            "{}: {}\n",
            file.display(),
            crate::tr!(lang, "trash-the-bin-is-empty")
        ));
    }
    let me = config.author();
    let mut out = String::new();
    for d in &items {
        let _ = writeln!(out, "{}", entry_line(d, lang));
        if !d.unseen.is_empty() {
            let _ = writeln!(out, "  ‼ {}", deletion_line(d, Some(&me), lang));
        }
    }
    let _ = writeln!(out, "{}", crate::tr!(lang, "trash-to-bring-one-back-karta"));
    super::print(&out)
}

/// One line of the bin; an item without a number is named by its id too,
/// for `karta restore`.
fn entry_line(d: &Deleted, lang: Lang) -> String {
    let line = deleted_line(d, lang);
    if d.item.number.trim().is_empty() {
        format!("{line} [id {}]", d.item.id)
    } else {
        line
    }
}

/// `karta restore FILE NUMBER|ID`: brings back a deleted item and what was
/// deleted with it.
pub fn restore(file: &Path, what: &str, config: &Config, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    doc.set_author(Some(&config.author()));
    let items = deleted_items(&mut doc);
    let wanted = what.trim().trim_end_matches('.');
    let found: Vec<&Deleted> = items
        .iter()
        .filter(|d| {
            d.item.id == wanted || one_line(d.item.number.trim()).trim_end_matches('.') == wanted
        })
        .collect();
    let d = match found.as_slice() {
        [one] => *one,
        [] => {
            return Err(anyhow!(
                "{}: {} «{}»",
                file.display(),
                crate::tr!(lang, "trash-the-bin-holds-nothing-numbered"),
                one_line(what)
            ));
        }
        many => {
            let ids: Vec<String> = many.iter().map(|d| d.item.id.clone()).collect();
            return Err(anyhow!(
                "{}: {} «{}»: {}",
                file.display(),
                crate::tr!(lang, "trash-several-in-the-bin-are"),
                one_line(what),
                ids.join(", ")
            ));
        }
    };
    let kind = match d.item.kind {
        ItemKind::Section => NodeKind::Section,
        _ => NodeKind::Activity,
    };
    let count = doc.restore(kind, &d.item.id)?.len();
    store::save(file, &mut doc)?;
    super::print(&format!(
        "{}: {} {}{}\n",
        file.display(),
        crate::tr!(lang, "since-restored"),
        item_name(&d.item, lang),
        match count.saturating_sub(1) {
            0 => String::new(),
            n => format!(" {}", crate::tr!(lang, "restored-with", count = n)),
        }
    ))
}
