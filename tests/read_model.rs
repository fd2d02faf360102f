//! The one-pass reader gives exactly the model the field-by-field reader of
//! earlier versions gave, on generated roadmaps full of edits, deletions,
//! moves and concurrent changes, and on the reference samples.

mod common;
#[path = "common/slow_read.rs"]
mod slow_read;

use karta::r#gen::{GenOptions, generate};
use karta::store::Doc;

fn generated(activities: usize, edits: usize, seed: u64) -> Doc {
    generate(&GenOptions {
        activities,
        edits,
        seed,
    })
    .expect("generate")
}

#[test]
fn the_fast_reader_matches_the_old_one_on_generated_roadmaps() {
    for (activities, edits, seed) in [(40, 500, 1), (150, 300, 2)] {
        let doc = generated(activities, edits, seed);
        let fast = doc.roadmap();
        let slow = slow_read::read_roadmap(doc.automerge());
        assert_eq!(fast, slow, "seed {seed}");
        assert!(!fast.activities_with_path().is_empty());
    }
}

#[test]
fn the_fast_reader_matches_the_old_one_on_the_samples() {
    for (name, _, _) in common::SAMPLES {
        let roadmap = common::import_sample(name);
        let doc = Doc::create(&roadmap, Some("test"), "import").expect("create");
        assert_eq!(
            doc.roadmap(),
            slow_read::read_roadmap(doc.automerge()),
            "{name}"
        );
    }
}

#[test]
fn a_deleted_activity_still_reads_whole_by_id() {
    let mut doc = generated(30, 0, 5);
    let roadmap = doc.roadmap();
    let (_, first) = roadmap
        .activities_with_path()
        .into_iter()
        .next()
        .expect("one");
    let before = doc.activity(&first.id).expect("there");
    doc.set_deleted(
        karta::store::write::edit::NodeKind::Activity,
        &first.id,
        true,
    )
    .expect("delete");
    assert_eq!(doc.activity(&first.id), Some(before));
    assert!(
        doc.roadmap()
            .activities_with_path()
            .iter()
            .all(|(_, a)| a.id != first.id)
    );
}
