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
    format!(
        "{}: {}",
        path.display(),
        lang.t(
            "эти изменения продолжают более ранние, которых у вас ещё нет; файл отложен и будет применён сам, когда придут более ранние",
            "these changes continue earlier ones you have not received yet; kept aside, applied by itself when the earlier ones arrive"
        )
    )
}

/// Says that a bundle kept aside earlier was applied, adding `added`
/// changes.
pub fn released_line(added: usize, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("применён отложенный ранее файл изменений: новых изменений — {added}"),
        Lang::En => format!("applied a file of changes kept aside earlier: {added} new change(s)"),
    }
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
