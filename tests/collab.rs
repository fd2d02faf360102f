//! Merging, previews, bundles, conflicts and history through the library,
//! on real Automerge documents saved to and loaded from real files.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use karta::store::exchange::bundle::{Incoming, read_incoming, write_bundle};
use karta::store::exchange::conflicts::{conflicts, resolve};
use karta::store::exchange::merge::{merge_files, merge_incoming, preview};
use karta::store::history::changes::{ChangeKind, Field, ItemKind};
use karta::store::history::{find_change, history, roadmap_at};
use karta::store::write::edit::{ActivityField, NodeKind};
use karta::store::{self, Doc, StoreError};

fn base(dir: &Path) -> PathBuf {
    let path = dir.join("base.karta");
    let mut doc =
        Doc::create(&import_sample("lysva"), Some("Иванова И.И."), "import").expect("create");
    store::save(&path, &mut doc).expect("save");
    path
}

fn copy_as(dir: &Path, from: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(from, &path).expect("copy");
    path
}

fn open_as(path: &Path, author: &str) -> Doc {
    let mut doc = store::open(path).expect("open");
    doc.set_author(Some(author));
    doc
}

fn first_activity(doc: &Doc) -> (String, String) {
    let roadmap = doc.roadmap();
    let a = &roadmap.sections[0].activities[0];
    (a.id.clone(), a.number.clone())
}

#[test]
fn preview_says_who_changed_what_and_touches_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = base(dir.path());
    let mine = open_as(&base, "Колосов В.Г.");
    let mut theirs = open_as(&base, "Корчевская И.П.");
    let (id, number) = first_activity(&theirs);
    theirs
        .set_activity_field(&id, &ActivityField::Deadline, "Декабрь 2021")
        .expect("set");
    theirs
        .set_activity_field(&id, &ActivityField::Deadline, "Январь 2022")
        .expect("set");
    let before = mine.roadmap();
    let p = preview(&mine, &theirs).expect("preview");
    assert_eq!(mine.roadmap(), before, "mine untouched");
    assert_eq!(p.applied.len(), 2);
    assert_eq!(p.by_author.len(), 1);
    let group = &p.by_author[0];
    assert_eq!(group.author.as_deref(), Some("Корчевская И.П."));
    assert_eq!(
        group.changes.len(),
        1,
        "two edits of one field fold into one"
    );
    let c = &group.changes[0];
    assert_eq!(c.item.number, number);
    assert_eq!(
        c.kind,
        ChangeKind::FieldChanged {
            field: Field::Deadline,
            old: "Август, 2021".into(),
            new: "Январь 2022".into()
        }
    );
}

#[test]
fn bundles_carry_only_whats_new_and_name_missing_prerequisites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = base(dir.path());
    let theirs_path = copy_as(dir.path(), &base, "theirs.karta");
    let mut mine = open_as(&base, "Колосов В.Г.");
    let (id, _) = first_activity(&mine);
    let since = store::open(&theirs_path).expect("open").heads();
    mine.set_activity_field(&id, &ActivityField::Status, "done")
        .expect("set");
    let (first, n1) = write_bundle(&mut mine, &since);
    assert_eq!(n1, 1);
    let after_first = mine.heads();
    mine.set_activity_field(&id, &ActivityField::Deadline, "2025")
        .expect("set");
    let (second, n2) = write_bundle(&mut mine, &after_first);
    assert_eq!(n2, 1);
    let full = mine.to_bytes();
    assert!(
        first.len() * 5 < full.len(),
        "bundle {} vs file {}",
        first.len(),
        full.len()
    );
    let b1 = dir.path().join("b1.karta");
    let b2 = dir.path().join("b2.karta");
    std::fs::write(&b1, &first).expect("write");
    std::fs::write(&b2, &second).expect("write");
    let mut theirs = store::open(&theirs_path).expect("open");
    let Incoming::Bundle(_) = read_incoming(&b2).expect("read") else {
        panic!("a bundle")
    };
    let err = merge_incoming(&mut theirs, read_incoming(&b2).expect("read"), &b2)
        .expect_err("prerequisites missing");
    assert!(
        matches!(err, StoreError::MissingPrerequisites { count: 1, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("b2.karta"), "{err}");
    let added = merge_incoming(&mut theirs, read_incoming(&b1).expect("read"), &b1).expect("b1");
    assert_eq!(added.len(), 1);
    merge_incoming(&mut theirs, read_incoming(&b2).expect("read"), &b2).expect("b2");
    assert_eq!(theirs.roadmap(), mine.roadmap());
}

#[test]
fn separately_imported_roadmaps_are_never_mixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = base(dir.path());
    let other = dir.path().join("other.karta");
    let mut doc =
        Doc::create(&import_sample("lysva"), Some("Петров П.П."), "import").expect("create");
    store::save(&other, &mut doc).expect("save");
    let bytes = std::fs::read(&base).expect("read");
    let err = merge_files(&base, std::slice::from_ref(&other), Some("Я"), false, None)
        .expect_err("refused");
    assert!(matches!(err, StoreError::DifferentRoadmap { .. }), "{err}");
    assert_eq!(std::fs::read(&base).expect("read"), bytes, "mine untouched");
    let mut other_doc = store::open(&other).expect("open");
    let (bundle, _) = write_bundle(&mut other_doc, &[]);
    let b = dir.path().join("other-bundle.karta");
    std::fs::write(&b, bundle).expect("write");
    let err = merge_files(&base, &[b], Some("Я"), false, None).expect_err("refused");
    assert!(matches!(err, StoreError::DifferentRoadmap { .. }), "{err}");
    assert_eq!(std::fs::read(&base).expect("read"), bytes, "mine untouched");
}

#[test]
fn conflicts_keep_both_values_until_resolved_for_everyone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = base(dir.path());
    let mut a = open_as(&base, "Колосов В.Г.");
    let mut b = open_as(&base, "Корчевская И.П.");
    let mut c = open_as(&base, "Сенюта Л.А.");
    let (id, _) = first_activity(&a);
    a.set_activity_field(&id, &ActivityField::Deadline, "Май 2022")
        .expect("a");
    b.set_activity_field(&id, &ActivityField::Deadline, "Июнь 2022")
        .expect("b");
    a.merge(&mut b).expect("merge");
    let found = conflicts(&a);
    assert_eq!(found.len(), 1, "{found:?}");
    let conflict = &found[0];
    assert_eq!(conflict.field, Field::Deadline);
    assert_eq!(conflict.item.kind, ItemKind::Activity);
    let mut values: Vec<(String, Option<String>)> = conflict
        .values
        .iter()
        .map(|v| (v.value.clone(), v.author.clone()))
        .collect();
    values.sort();
    assert_eq!(
        values,
        [
            ("Июнь 2022".to_string(), Some("Корчевская И.П.".to_string())),
            ("Май 2022".to_string(), Some("Колосов В.Г.".to_string()))
        ]
    );
    assert!(resolve(&mut a, &conflict.item, &conflict.field, "Июль 2022").expect("resolve"));
    assert!(conflicts(&a).is_empty());
    c.merge(&mut b).expect("c gets b");
    c.merge(&mut a).expect("c gets a");
    assert!(
        conflicts(&c).is_empty(),
        "resolved for whoever merges afterwards"
    );
    assert_eq!(a.roadmap(), c.roadmap());
}

#[test]
fn history_lists_changes_newest_first_and_shows_the_past() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = base(dir.path());
    let mut doc = open_as(&base, "Корчевская И.П.");
    let (id, _) = first_activity(&doc);
    doc.set_activity_field(&id, &ActivityField::Status, "in_progress")
        .expect("set");
    doc.set_deleted(NodeKind::Activity, &id, true)
        .expect("delete");
    let entries = history(&mut doc, None);
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].changes[0].kind, ChangeKind::Removed);
    assert_eq!(entries[0].author.as_deref(), Some("Корчевская И.П."));
    assert!(matches!(
        &entries[1].changes[0].kind,
        ChangeKind::FieldChanged { field: Field::Status, new, .. } if new == "in_progress"
    ));
    assert!(entries[2].changes.len() > 10, "the import adds everything");
    let only = history(&mut doc, Some(&id));
    assert_eq!(only.len(), 3);
    assert_eq!(only[2].changes.len(), 1, "only the activity asked for");
    let hash = find_change(&mut doc, &entries[1].hash.to_string()[..8]).expect("find");
    let then = roadmap_at(&doc, hash);
    assert_eq!(then.sections[0].activities[0].id, id, "not yet deleted");
    assert!(find_change(&mut doc, "zz").is_err());
}

#[test]
fn saving_merges_what_another_program_wrote_meanwhile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = base(dir.path());
    let mut a = open_as(&path, "Колосов В.Г.");
    let mut b = open_as(&path, "Корчевская И.П.");
    let roadmap = a.roadmap();
    let (x, y) = (
        roadmap.sections[0].activities[0].id.clone(),
        roadmap.sections[0].activities[1].id.clone(),
    );
    a.set_activity_field(&x, &ActivityField::Deadline, "от A")
        .expect("a");
    b.set_activity_field(&y, &ActivityField::Deadline, "от B")
        .expect("b");
    store::save(&path, &mut a).expect("save a");
    store::save(&path, &mut b).expect("save b");
    let back = store::open(&path).expect("open").roadmap();
    assert_eq!(back.sections[0].activities[0].deadline, "от A");
    assert_eq!(back.sections[0].activities[1].deadline, "от B");
    assert!(
        !karta::store::disk::file::lock_path(&path).exists(),
        "lock removed"
    );
}
