//! What a merge would put at risk, in words, one line each marked ‼: shown
//! by `karta merge` (and `--dry-run`) and by the editor before it asks.

use crate::describe::{
    author_name, deletion_line, deletion_words, field_name, item_name, quote, value_text,
};
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::store::exchange::conflicts::{Conflict, ConflictValue};
use crate::store::exchange::risks::{DuplicateNumber, MergeRisks};
use crate::tr;

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
            "{}; {}",
            deletion_words(d, me, lang),
            tr!(lang, "risk-kept-in-bin", key = key)
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
                Some(a) if Some(a) == me => tr!(lang, "risk-you"),
                other => author_name(other, lang),
            };
            format!("{} ({who})", value_text(&c.field, &v.value, lang))
        })
        .collect();
    tr!(
        lang,
        "risk-conflict",
        item = item_name(&c.item, lang),
        field = field_name(&c.field, lang),
        values = values.join(&tr!(lang, "risk-or"))
    )
}

/// "номер 2.5. будет у 2 мероприятий: «…», «…»".
fn duplicate_line(d: &DuplicateNumber, lang: Lang) -> String {
    let labels: Vec<String> = d.activities.iter().map(|a| quote(&a.label)).collect();
    tr!(
        lang,
        "risk-duplicate",
        number = &d.number,
        count = d.activities.len(),
        labels = labels.join(", ")
    )
}
