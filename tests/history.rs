//! The history found from the parts each change touched is the history
//! found by comparing whole pictures of the document before and after each
//! change, on a generated roadmap full of concurrent edits.

use karta::r#gen::{GenOptions, generate};
use karta::store::history::changes::compare;
use karta::store::history::history;
use karta::store::history::snapshot::{Snapshot, snapshot};

#[test]
fn the_history_matches_whole_document_comparisons() {
    let mut doc = generate(&GenOptions {
        activities: 40,
        edits: 250,
        seed: 9,
    })
    .expect("generate");
    let mut all = doc.automerge().clone();
    let picture = |heads: &[automerge::ChangeHash]| {
        if heads.is_empty() {
            return Snapshot::default();
        }
        let mut view = doc.automerge().clone();
        view.isolate(heads);
        snapshot(&view)
    };
    let mut expected = Vec::new();
    for change in all.get_changes(&[]) {
        let before = picture(change.deps());
        let after = picture(&[change.hash()]);
        expected.push((change.hash(), compare(&before, &after)));
    }
    expected.sort_by_key(|(hash, _)| *hash);
    let entries = history(&mut doc, None);
    // Newest first by the authors' clocks, never a change listed before
    // (below) one it depends on.
    for pair in entries.windows(2) {
        assert!(pair[0].time >= pair[1].time, "newest first");
    }
    let place: std::collections::HashMap<_, _> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.hash, i))
        .collect();
    for (i, e) in entries.iter().enumerate() {
        assert!(
            e.deps.iter().all(|d| place[d] > i),
            "after what it depends on"
        );
    }
    let mut found: Vec<_> = entries.into_iter().map(|e| (e.hash, e.changes)).collect();
    found.sort_by_key(|(hash, _)| *hash);
    assert_eq!(found.len(), expected.len());
    for (f, e) in found.iter().zip(&expected) {
        assert_eq!(f, e);
    }
}

#[test]
fn the_history_of_one_item_is_the_whole_history_narrowed_to_it() {
    let mut doc = generate(&GenOptions {
        activities: 30,
        edits: 200,
        seed: 4,
    })
    .expect("generate");
    let whole = history(&mut doc, None);
    let roadmap = doc.roadmap();
    let mut ids: Vec<String> = roadmap
        .activities_with_path()
        .iter()
        .map(|(_, a)| a.id.clone())
        .take(8)
        .collect();
    ids.extend(roadmap.sections.iter().map(|s| s.id.clone()).take(2));
    let mut compared = 0;
    for id in &ids {
        let expected: Vec<_> = whole
            .iter()
            .map(|e| {
                let mut e = e.clone();
                e.changes.retain(|c| c.item.id == *id);
                e
            })
            .filter(|e| {
                !e.changes.is_empty()
                    || karta::store::write::comment::noted(&e.message)
                        .is_some_and(|n| n.activity == *id)
            })
            .collect();
        compared += expected.len();
        assert_eq!(history(&mut doc, Some(id)), expected, "{id}");
    }
    assert!(compared > 10, "the items have histories to compare");
}
