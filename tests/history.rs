//! The history found from the parts each change touched is the history
//! found by comparing whole pictures of the document before and after each
//! change, on a generated roadmap full of concurrent edits.

use karta::r#gen::{GenOptions, generate};
use karta::store::changes::compare;
use karta::store::history::history;
use karta::store::snapshot::{Snapshot, snapshot};

#[test]
fn the_history_matches_whole_document_comparisons() {
    let doc = generate(&GenOptions {
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
    expected.reverse();
    let found: Vec<_> = history(&doc, None)
        .into_iter()
        .map(|e| (e.hash, e.changes))
        .collect();
    assert_eq!(found.len(), expected.len());
    for (f, e) in found.iter().zip(&expected) {
        assert_eq!(f, e);
    }
}
