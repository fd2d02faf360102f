//! What a merge would put at risk for the one who receives it, found on the
//! merged copy before she accepts: her deleted items someone edited without
//! seeing the deletion (or edits of hers the sender deleted), fields that
//! will be in conflict, and numbers two activities will share. Each only
//! when the merge brings it: what was so before is left out.

use std::collections::{BTreeMap, HashSet};

use crate::model::Roadmap;

use crate::store::Doc;
use crate::store::exchange::conflicts::{Conflict, conflicts};
use crate::store::exchange::merge::deleted_but_edited;
use crate::store::history::changes::{Field, Item, ItemKind};
use crate::store::write::trash::Deleted;

/// A number the merge gives to two or more live activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateNumber {
    /// The number as the first of them writes it.
    pub number: String,
    /// The activities holding it, in the order of the roadmap.
    pub activities: Vec<Item>,
}

/// What a merge would put at risk, compared with the copy before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeRisks {
    /// Deleted items edited by someone who did not see the deletion, newly
    /// so after the merge (the edits are kept: see [`crate::store::write::trash`]).
    pub deleted_but_edited: Vec<Deleted>,
    /// Fields in conflict after the merge that were not before.
    pub conflicts: Vec<Conflict>,
    /// Numbers shared by live activities after the merge, not before.
    pub duplicates: Vec<DuplicateNumber>,
}

impl MergeRisks {
    /// Whether the merge puts nothing at risk.
    pub fn is_empty(&self) -> bool {
        self.deleted_but_edited.is_empty()
            && self.conflicts.is_empty()
            && self.duplicates.is_empty()
    }
}

/// What merging put at risk: `merged` is `before` with the incoming
/// changes merged in.
pub fn merge_risks(before: &mut Doc, merged: &mut Doc) -> MergeRisks {
    let edited_before = deleted_but_edited(before);
    let deleted = deleted_but_edited(merged)
        .into_iter()
        .filter(|d| !edited_before.contains(d))
        .collect();
    let open: HashSet<(String, String)> = conflicts(before).iter().map(conflict_key).collect();
    let new_conflicts = conflicts(merged)
        .into_iter()
        .filter(|c| !open.contains(&conflict_key(c)))
        .collect();
    let shared: HashSet<String> = duplicates(&before.roadmap())
        .into_iter()
        .map(|d| number_key(&d.number))
        .collect();
    let duplicates = duplicates(&merged.roadmap())
        .into_iter()
        .filter(|d| !shared.contains(&number_key(&d.number)))
        .collect();
    MergeRisks {
        deleted_but_edited: deleted,
        conflicts: new_conflicts,
        duplicates,
    }
}

/// Which item and field a conflict is in.
fn conflict_key(c: &Conflict) -> (String, String) {
    let field = match &c.field {
        Field::Column { key, .. } => format!("column:{key}"),
        Field::Heading(key) => format!("heading:{key}"),
        other => format!("{other:?}"),
    };
    (format!("{:?}:{}", c.item.kind, c.item.id), field)
}

/// A number as compared: "2.5." and "2.5" are one.
fn number_key(number: &str) -> String {
    number.trim().trim_end_matches('.').to_string()
}

/// Every number held by two or more live activities, in order of first
/// appearance.
fn duplicates(roadmap: &Roadmap) -> Vec<DuplicateNumber> {
    let mut by_number: BTreeMap<String, (usize, DuplicateNumber)> = BTreeMap::new();
    for (order, (_, activity)) in roadmap.activities_with_path().into_iter().enumerate() {
        let key = number_key(&activity.number);
        if key.is_empty() {
            continue;
        }
        let item = Item {
            kind: ItemKind::Activity,
            id: activity.id.clone(),
            number: activity.number.clone(),
            label: activity.text.clone(),
        };
        by_number
            .entry(key)
            .or_insert_with(|| {
                (
                    order,
                    DuplicateNumber {
                        number: activity.number.trim().to_string(),
                        activities: Vec::new(),
                    },
                )
            })
            .1
            .activities
            .push(item);
    }
    let mut out: Vec<(usize, DuplicateNumber)> = by_number
        .into_values()
        .filter(|(_, d)| d.activities.len() > 1)
        .collect();
    out.sort_by_key(|(order, _)| *order);
    out.into_iter().map(|(_, d)| d).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write::edit::ActivityField;

    #[test]
    fn a_merge_that_duplicates_a_number_and_makes_a_conflict_is_told_so() {
        let mut mine = crate::sample::document().expect("sample");
        mine.set_author(Some("Иванова И.И."));
        let roadmap = mine.roadmap();
        let all = roadmap.activities_with_path();
        let (first, second) = (all[0].1.clone(), all[1].1.clone());
        let mut theirs = mine.fork();
        theirs.set_author(Some("Корчевская И.П."));
        mine.set_activity_field(&first.id, &ActivityField::Deadline, "Май 2022")
            .expect("mine");
        theirs
            .set_activity_field(&first.id, &ActivityField::Deadline, "Июнь 2022")
            .expect("theirs");
        theirs
            .set_activity_field(&second.id, &ActivityField::Number, &first.number)
            .expect("renumbered");
        let mut merged = mine.scratch_copy();
        merged.merge(&mut theirs).expect("merge");
        let risks = merge_risks(&mut mine, &mut merged);
        assert_eq!(risks.conflicts.len(), 1, "{risks:?}");
        assert_eq!(risks.conflicts[0].item.id, first.id);
        assert_eq!(risks.duplicates.len(), 1, "{risks:?}");
        let ids: Vec<&str> = risks.duplicates[0]
            .activities
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, [first.id.as_str(), second.id.as_str()]);
        assert!(risks.deleted_but_edited.is_empty());
        let mut same = merged.scratch_copy();
        assert!(
            merge_risks(&mut merged, &mut same).is_empty(),
            "nothing new"
        );
    }
}
