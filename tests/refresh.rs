//! After a merge or an applied bundle, the model patched with only the
//! touched activities, sections, heading and columns equals a fresh full
//! read of the document.

use fastrand::Rng;
use karta::r#gen::edits::Mirror;
use karta::r#gen::{GenOptions, generate, words};
use karta::model::{Activity, SectionKind};
use karta::store::Doc;
use karta::store::exchange::bundle::{read_incoming, write_bundle};
use karta::store::exchange::conflicts;
use karta::store::exchange::merge::merge_incoming;
use karta::store::read::refresh::Refreshed;
use karta::store::write::edit::{ActivityField, MetaField, NodeKind, SectionField, new_section};

fn base(seed: u64) -> Doc {
    generate(&GenOptions {
        activities: 60,
        edits: 150,
        seed,
    })
    .expect("generate")
}

/// Merges `theirs` into `mine` and checks the patched model, and the
/// conflicts brought up to date from what the merge touched; returns how
/// the model was brought up to date.
fn merge_and_check(mine: &mut Doc, theirs: &mut Doc) -> Refreshed {
    let mut model = mine.roadmap();
    let mut list = conflicts::conflicts(mine);
    let before = mine.heads();
    mine.merge(theirs).expect("merge");
    let (how, touched) = mine.refresh_touched(&mut model, &before);
    assert_eq!(model, mine.roadmap(), "patched model differs ({how:?})");
    conflicts::update(&mut list, mine, &touched);
    assert_eq!(
        list,
        conflicts::conflicts(mine),
        "conflicts differ ({how:?})"
    );
    how
}

fn ids(doc: &Doc) -> Vec<String> {
    doc.roadmap()
        .activities_with_path()
        .into_iter()
        .map(|(_, a)| a.id.clone())
        .collect()
}

fn some_stage(doc: &Doc, n: usize) -> String {
    let roadmap = doc.roadmap();
    let mut stages = Vec::new();
    for m in &roadmap.sections {
        for s in &m.sections {
            for st in &s.sections {
                stages.push(st.id.clone());
            }
        }
    }
    stages[n % stages.len()].clone()
}

#[test]
fn random_edits_by_others_patch_in_exactly() {
    for seed in 1..=6u64 {
        let mut mine = base(seed);
        let mut theirs = mine.fork();
        theirs.set_author(Some("Другой"));
        let mut rng = Rng::with_seed(seed * 31);
        let mut mirror = Mirror::new(&theirs.roadmap(), 1, words::people());
        for _ in 0..(seed as usize * 8) {
            mirror.edit(&mut rng, &mut theirs, 0).expect("edit");
        }
        // Concurrent edits of mine too, so the merge makes conflicts.
        let mut mine_mirror = Mirror::new(&mine.roadmap(), 1, words::people());
        for _ in 0..10 {
            mine_mirror.edit(&mut rng, &mut mine, 0).expect("edit");
        }
        assert_eq!(merge_and_check(&mut mine, &mut theirs), Refreshed::Patched);
    }
}

#[test]
fn adds_deletes_moves_and_heading_edits_patch_in_exactly() {
    let mut mine = base(11);
    let mut theirs = mine.fork();
    let list = ids(&theirs);
    let stage = some_stage(&theirs, 3);
    let activity = Activity {
        text: "Новое мероприятие".into(),
        ..Activity::default()
    };
    theirs.add_activity(&stage, None, &activity).expect("add");
    theirs
        .add_activity("", None, &activity)
        .expect("add at top");
    theirs
        .set_deleted(NodeKind::Activity, &list[0], true)
        .expect("delete");
    theirs
        .move_node(NodeKind::Activity, &list[1], &stage, None)
        .expect("move");
    theirs
        .move_node(
            NodeKind::Activity,
            &list[2],
            &some_stage(&theirs, 0),
            Some(&list[5]),
        )
        .expect("move after");
    theirs
        .set_activity_field(&list[3], &ActivityField::Text, "Другой текст")
        .expect("text");
    theirs
        .set_activity_field(&list[4], &ActivityField::Cell("result".into()), "Итог")
        .expect("cell");
    theirs
        .set_meta(MetaField::Title, "Новое название")
        .expect("meta");
    theirs.set_meta(MetaField::Notes, "Заметки").expect("notes");
    theirs
        .set_section_field(&stage, SectionField::Title, "Этап переименован")
        .expect("section title");
    assert_eq!(merge_and_check(&mut mine, &mut theirs), Refreshed::Patched);
    // A restored activity comes back in its place.
    let mut theirs = mine.fork();
    theirs
        .set_deleted(NodeKind::Activity, &list[0], false)
        .expect("restore");
    assert_eq!(merge_and_check(&mut mine, &mut theirs), Refreshed::Patched);
}

#[test]
fn section_structure_changes_fall_back_to_a_full_read() {
    let mut mine = base(12);
    let mut theirs = mine.fork();
    let stage = some_stage(&theirs, 1);
    theirs
        .add_section(&stage, None, &new_section("Подэтап", SectionKind::Section))
        .expect("add section");
    assert_eq!(merge_and_check(&mut mine, &mut theirs), Refreshed::Reread);
    let mut theirs = mine.fork();
    theirs
        .set_deleted(NodeKind::Section, &some_stage(&theirs, 2), true)
        .expect("delete section");
    assert_eq!(merge_and_check(&mut mine, &mut theirs), Refreshed::Reread);
    let mut theirs = mine.fork();
    assert_eq!(
        merge_and_check(&mut mine, &mut theirs),
        Refreshed::Unchanged
    );
}

#[test]
fn a_bundle_patches_in_exactly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut mine = base(13);
    let mut theirs = mine.fork();
    let known = mine.heads();
    let mut rng = Rng::with_seed(5);
    let mut mirror = Mirror::new(&theirs.roadmap(), 1, words::people());
    for _ in 0..40 {
        mirror.edit(&mut rng, &mut theirs, 0).expect("edit");
    }
    let (bytes, _) = write_bundle(&mut theirs, &known);
    let path = dir.path().join("b.bundle");
    std::fs::write(&path, bytes).expect("write");
    let mut model = mine.roadmap();
    let before = mine.heads();
    let incoming = read_incoming(&path).expect("read");
    merge_incoming(&mut mine, incoming, &path).expect("merge");
    assert_eq!(mine.refresh(&mut model, &before), Refreshed::Patched);
    assert_eq!(model, mine.roadmap());
}

#[test]
fn conflicts_made_and_settled_by_a_merge_are_found_from_what_it_touched() {
    let mut mine = base(7);
    let mut theirs = mine.fork();
    let id = ids(&mine)[3].clone();
    mine.set_activity_field(&id, &ActivityField::Status, "done")
        .expect("my edit");
    theirs
        .set_activity_field(&id, &ActivityField::Status, "cancelled")
        .expect("their edit");
    theirs
        .set_meta(MetaField::Title, "их")
        .expect("their title");
    mine.set_meta(MetaField::Title, "мой").expect("my title");
    merge_and_check(&mut mine, &mut theirs);
    let found = conflicts::conflicts(&mine);
    assert!(found.iter().any(|c| c.item.id == id), "{found:?}");
    assert!(found.len() >= 2, "the heading too: {found:?}");
    let mut settled = mine.fork();
    let conflict = found.iter().find(|c| c.item.id == id).expect("conflict");
    conflicts::resolve(&mut settled, &conflict.item, &conflict.field, "done").expect("resolve");
    merge_and_check(&mut mine, &mut settled);
    assert!(!conflicts::conflicts(&mine).iter().any(|c| c.item.id == id));
}
