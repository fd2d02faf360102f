//! Scriptable edits: `karta set`, `karta add`, `karta rm`, each one change
//! recorded with the user's name.

use std::path::Path;

use anyhow::{Result, bail};

use crate::config::Config;
use crate::describe::{field_name, item_name, value_text};
use crate::i18n::Lang;
use crate::model::Activity;
use crate::model::numbering::next_number;
use crate::store::exchange::conflicts::set_field;
use crate::store::history::changes::{Field, ItemKind};
use crate::store::read::lookup::{find_field, find_item, stored_value};
use crate::store::write::edit::NodeKind;
use crate::store::{self, Doc};

use super::collab::in_file;

fn open_as_author(file: &Path, config: &Config) -> Result<Doc> {
    let mut doc = store::open(file)?;
    doc.set_author(Some(&config.author()));
    Ok(doc)
}

/// `karta set FILE NUMBER FIELD VALUE`.
pub fn set(
    file: &Path,
    number: &str,
    field: &str,
    value: &str,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let mut doc = open_as_author(file, config)?;
    let roadmap = doc.roadmap();
    let item = find_item(&roadmap, number, None).map_err(in_file(file))?;
    let field = find_field(&roadmap, item.kind, field).map_err(in_file(file))?;
    let value = stored_value(&field, value).map_err(in_file(file))?;
    let changed = set_field(&mut doc, &item, &field, &value).map_err(in_file(file))?;
    if changed {
        store::save(file, &mut doc)?;
    }
    let what = format!("{} {}", item_name(&item, lang), field_name(&field, lang));
    if changed {
        super::print(&format!(
            "{}: {what}: {}\n",
            file.display(),
            value_text(&field, &value, lang)
        ))?;
    } else {
        super::print(&format!(
            "{}: {what}: {}\n",
            file.display(),
            crate::tr!(lang, "edit-already-that-value")
        ))?;
    }
    Ok(())
}

/// What `karta add` puts into the new activity.
pub struct NewActivity<'a> {
    /// Number of the section to add to (None: outside any section).
    pub section: Option<&'a str>,
    /// Number as written (empty when absent).
    pub number: Option<&'a str>,
    /// What is to be done.
    pub text: &'a str,
    /// Deadline as written.
    pub deadline: Option<&'a str>,
    /// Responsible entries separated by `;`.
    pub responsible: Option<&'a str>,
}

/// `karta add FILE --section NUMBER --text …`: a new activity at the end of
/// the section.
pub fn add(file: &Path, new: &NewActivity<'_>, config: &Config, lang: Lang) -> Result<()> {
    let mut doc = open_as_author(file, config)?;
    let roadmap = doc.roadmap();
    let text = crate::model::text::sanitize(new.text).trim().to_string();
    if text.is_empty() {
        bail!(crate::msg!("text-empty", file = file.display().to_string()));
    }
    let (section_id, last, next) = match new.section {
        Some(number) => {
            let item =
                find_item(&roadmap, number, Some(ItemKind::Section)).map_err(in_file(file))?;
            let section = find_section(&roadmap.sections, &item.id);
            let last = section
                .and_then(|s| s.activities.last())
                .map(|a| a.id.clone());
            let next = section.map_or_else(String::new, |s| {
                next_number(&s.number, s.activities.iter().map(|a| a.number.as_str()))
            });
            (item.id, last, next)
        }
        None => (
            String::new(),
            roadmap.activities.last().map(|a| a.id.clone()),
            next_number("", roadmap.activities.iter().map(|a| a.number.as_str())),
        ),
    };
    let responsible = stored_value(&Field::Responsible, new.responsible.unwrap_or(""))?;
    let activity = Activity {
        number: new.number.map_or(next, |n| n.trim().to_string()),
        text,
        deadline: crate::model::text::one_line(new.deadline.unwrap_or(""))
            .trim()
            .to_string(),
        responsible: responsible.lines().map(str::to_string).collect(),
        ..Activity::default()
    };
    doc.add_activity(&section_id, last.as_deref(), &activity)
        .map_err(in_file(file))?;
    store::save(file, &mut doc)?;
    super::print(&format!(
        "{}: {} {} {}\n",
        file.display(),
        crate::tr!(lang, "since-added"),
        activity.number,
        crate::describe::quote(&activity.text)
    ))?;
    Ok(())
}

fn find_section<'a>(
    sections: &'a [crate::model::Section],
    id: &str,
) -> Option<&'a crate::model::Section> {
    sections.iter().find_map(|s| {
        if s.id == id {
            Some(s)
        } else {
            find_section(&s.sections, id)
        }
    })
}

/// `karta rm FILE NUMBER [--section]`: deletes an activity, or (with
/// `section` confirming it) a section with everything in it. A tombstone:
/// the bin keeps it, a concurrent edit elsewhere is not lost, and `karta
/// restore` brings it back.
pub fn rm(file: &Path, number: &str, section: bool, config: &Config, lang: Lang) -> Result<()> {
    let mut doc = open_as_author(file, config)?;
    let roadmap = doc.roadmap();
    let item = find_item(&roadmap, number, None).map_err(in_file(file))?;
    let kind = match item.kind {
        ItemKind::Activity => NodeKind::Activity,
        ItemKind::Section => NodeKind::Section,
        ItemKind::Heading => bail!(
            "{}: {}",
            file.display(),
            crate::tr!(lang, "edit-the-heading-cannot-be-deleted")
        ),
    };
    if kind == NodeKind::Section && !section {
        let inside = roadmap
            .activities_with_path()
            .iter()
            .filter(|(path, _)| path.iter().any(|s| s.id == item.id))
            .count();
        bail!(
            "{}: {} — {}; {}",
            file.display(),
            item_name(&item, lang),
            crate::tr!(lang, "section-holds", count = inside),
            crate::tr!(lang, "edit-add-section-to-delete-it")
        );
    }
    let count = doc
        .delete_tree(kind, &item.id)
        .map_err(in_file(file))?
        .len();
    store::save(file, &mut doc)?;
    let what = match kind {
        NodeKind::Section => "section",
        NodeKind::Activity => "activity",
    };
    let number = crate::model::text::one_line(item.number.trim());
    let label = crate::describe::quote(&item.label);
    let name = if number.is_empty() {
        label
    } else {
        format!("{number} {label}")
    };
    super::print(&format!(
        "{}: {}\n",
        file.display(),
        crate::tr!(
            lang,
            "rm-done",
            what = what,
            name = name,
            count = count.saturating_sub(1)
        )
    ))?;
    Ok(())
}
