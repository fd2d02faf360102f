//! What a merge brings, in words: the preview `karta merge --dry-run` prints
//! and the editor shows before asking.

use std::fmt::Write as _;

use crate::describe::author_line;
use crate::i18n::Lang;
use crate::store::exchange::merge::MergePreview;
use crate::store::history::changes::ItemChange;

/// Says that the bundle `path` continues changes not received yet and was
/// kept aside, to be applied by itself when they come.
pub fn kept_aside_line(path: &std::path::Path, lang: Lang) -> String {
    crate::tr!(lang, "merge-kept-aside", file = path.display().to_string())
}

/// Says that a bundle kept aside earlier was applied, adding `added`
/// changes.
pub fn released_line(added: usize, lang: Lang) -> String {
    crate::tr!(lang, "merge-released", count = added)
}

/// The preview as lines: one per author.
pub fn preview_lines(preview: &MergePreview, lang: Lang) -> String {
    let mut out = String::new();
    for group in &preview.by_author {
        let changes: Vec<ItemChange> = group
            .changes
            .iter()
            .map(|c| ItemChange {
                item: c.item.clone(),
                kind: c.kind.clone(),
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            author_line(group.author.as_deref(), &changes, lang)
        );
    }
    out
}
