//! What a merge would put at risk, in words, one line each marked ‼: shown
//! by `karta merge` (and `--dry-run`) and by the editor before it asks.

use crate::describe::{
    author_name, deletion_line, deletion_words, field_name, item_name, quote, value_text,
};
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::store::conflicts::{Conflict, ConflictValue};
use crate::store::risks::{DuplicateNumber, MergeRisks};

/// The risks as lines. `me` is the reader's own name ("вы" for her edits
/// and values); `bin_key` is the editor's key of the recycle bin, named
/// instead of the commands that list and restore deletions.
pub fn risk_lines(
    risks: &MergeRisks,
    me: Option<&str>,
    lang: Lang,
    bin_key: Option<&str>,
) -> Vec<String> {
    let deleted = risks.deleted_but_edited.iter().map(|d| match bin_key {
        None => deletion_line(d, me, lang),
        Some(key) => format!(
            "{}; {} ({key})",
            deletion_words(d, me, lang),
            lang.t("всё сохранено в корзине", "all kept in the bin")
        ),
    });
    let conflicts = risks.conflicts.iter().map(|c| conflict_line(c, me, lang));
    let duplicates = risks.duplicates.iter().map(|d| duplicate_line(d, lang));
    deleted
        .chain(conflicts)
        .chain(duplicates)
        .map(|line| one_line(&format!("‼ {line}")))
        .collect()
}

/// "будет конфликт — 1.2. «…», срок: «Май 2022» (вы) или «Июнь 2022»
/// (Корчевская И.П.)".
fn conflict_line(c: &Conflict, me: Option<&str>, lang: Lang) -> String {
    // The reader's own value first, the others in the order listed.
    let mut values: Vec<&ConflictValue> = c.values.iter().collect();
    values.sort_by_key(|v| v.author.is_none() || v.author.as_deref() != me);
    let values: Vec<String> = values
        .into_iter()
        .map(|v| {
            let who = match v.author.as_deref() {
                Some(a) if Some(a) == me => lang.t("вы", "you").to_string(),
                other => author_name(other, lang),
            };
            format!("{} ({who})", value_text(&c.field, &v.value, lang))
        })
        .collect();
    format!(
        "{} — {}, {}: {}",
        lang.t("будет конфликт", "a conflict"),
        item_name(&c.item, lang),
        field_name(&c.field, lang),
        values.join(lang.t(" или ", " or "))
    )
}

/// "номер 2.5. будет у 2 мероприятий: «…», «…»".
fn duplicate_line(d: &DuplicateNumber, lang: Lang) -> String {
    let labels: Vec<String> = d.activities.iter().map(|a| quote(&a.label)).collect();
    let n = d.activities.len();
    match lang {
        Lang::Ru => format!(
            "номер {} будет у {n} {}: {}",
            d.number,
            crate::plural::choose(n, "мероприятия", "мероприятий", "мероприятий"),
            labels.join(", ")
        ),
        Lang::En => format!(
            "number {} will be shared by {n} activities: {}",
            d.number,
            labels.join(", ")
        ),
    }
}
