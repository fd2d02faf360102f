//! `karta comment`: comments on activities — written, edited, removed and
//! listed. Each is one change recorded with the user's name, so comments
//! travel in copies and bundles like any edit.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};

use crate::config::Config;
use crate::describe::{author_name, item_name, quote, time_text};
use crate::i18n::Lang;
use crate::model::Roadmap;
use crate::model::text::{one_line, sanitize};
use crate::store;
use crate::store::history::changes::{Item, ItemKind};
use crate::store::read::lookup::find_item;

use super::collab::in_file;

/// What `karta comment` is asked to do.
pub enum Request<'a> {
    /// List the comments of one activity, or of all (None).
    List(Option<&'a str>),
    /// Write a comment on the activity numbered so.
    Add {
        /// Number of the activity.
        number: &'a str,
        /// What it says.
        text: &'a str,
    },
    /// Change a comment's text.
    Edit {
        /// The comment's id.
        id: &'a str,
        /// The new text.
        text: &'a str,
    },
    /// Remove a comment.
    Remove(&'a str),
}

/// Reads the command line's words: `NUMBER TEXT`, `--edit ID TEXT`,
/// `--remove ID`, `NUMBER` or nothing (a listing).
pub fn request<'a>(
    words: &'a [String],
    edit: Option<&'a str>,
    remove: Option<&'a str>,
) -> Result<Request<'a>> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    Ok(match (edit, remove, words.as_slice()) {
        (Some(id), None, [text]) => Request::Edit { id, text },
        (Some(_), None, _) => bail!(crate::msg!("comment-edit-needs-text")),
        (None, Some(id), []) => Request::Remove(id),
        (None, Some(_), _) => bail!(crate::msg!("comment-remove-alone")),
        (None, None, []) => Request::List(None),
        (None, None, [number]) => Request::List(Some(number)),
        (None, None, [number, text]) => Request::Add { number, text },
        _ => bail!(crate::msg!("comment-usage")),
    })
}

/// `karta comment FILE …`.
pub fn run(file: &Path, request: Request<'_>, config: &Config, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    doc.set_author(Some(&config.author()));
    let said = match request {
        Request::List(number) => return list(file, &doc.roadmap(), number, lang),
        Request::Add { number, text } => {
            let text = clean(file, text, lang)?;
            let item = find_item(&doc.roadmap(), number, Some(ItemKind::Activity))
                .map_err(in_file(file))?;
            doc.add_comment(&item.id, &text).map_err(in_file(file))?;
            store::save(file, &mut doc)?;
            format!(
                "{} {}: {}",
                crate::tr!(lang, "comment-comment-on"),
                item_name(&item, lang),
                quote(&text)
            )
        }
        Request::Edit { id, text } => {
            let text = clean(file, text, lang)?;
            let (activity, changed) = doc.edit_comment(id.trim(), &text).map_err(in_file(file))?;
            if changed {
                store::save(file, &mut doc)?;
            }
            let item = activity_item(&doc.roadmap(), &activity);
            let verb = if changed {
                crate::tr!(lang, "comment-comment-changed")
            } else {
                crate::tr!(lang, "comment-the-comment-already-says-so")
            };
            format!("{verb} ({}): {}", item_name(&item, lang), quote(&text))
        }
        Request::Remove(id) => {
            let activity = doc.remove_comment(id.trim()).map_err(in_file(file))?;
            store::save(file, &mut doc)?;
            let item = activity_item(&doc.roadmap(), &activity);
            format!(
                "{} {}",
                crate::tr!(lang, "comment-comment-removed"),
                item_name(&item, lang)
            )
        }
    };
    super::print(&format!("{}: {said}\n", file.display()))
}

/// The text of a comment as stored: safe, trimmed, never empty.
fn clean(file: &Path, text: &str, lang: Lang) -> Result<String> {
    let text = sanitize(text).trim().to_string();
    if text.is_empty() {
        bail!(
            "{}: {}",
            file.display(),
            crate::tr!(lang, "comment-the-comment-is-empty")
        );
    }
    Ok(text)
}

/// The activity `id` as people name it.
fn activity_item(roadmap: &Roadmap, id: &str) -> Item {
    find_item(roadmap, id, Some(ItemKind::Activity)).unwrap_or(Item {
        kind: ItemKind::Activity,
        id: id.to_string(),
        number: String::new(),
        label: String::new(),
    })
}

/// Lists comments: of one activity, or of every activity that has some.
fn list(file: &Path, roadmap: &Roadmap, number: Option<&str>, lang: Lang) -> Result<()> {
    let only = match number {
        Some(n) => Some(
            find_item(roadmap, n, Some(ItemKind::Activity))
                .map_err(in_file(file))?
                .id,
        ),
        None => None,
    };
    let mut out = String::new();
    for (_, activity) in roadmap.activities_with_path() {
        if only.as_ref().is_some_and(|id| *id != activity.id) || activity.comments.is_empty() {
            continue;
        }
        let item = activity_item(roadmap, &activity.id);
        let _ = writeln!(out, "{}", item_name(&item, lang));
        for c in &activity.comments {
            let _ = writeln!(
                out,
                "  {} {} [{}]: {}",
                time_text(c.seconds()),
                author_name(Some(&c.author), lang),
                one_line(&c.id),
                one_line(&c.text)
            );
        }
    }
    if out.is_empty() {
        out = format!(
            "{}: {}\n",
            file.display(),
            crate::tr!(lang, "comment-no-comments")
        );
    }
    super::print(&out)
}
