//! Edits through the store: every field, add, move, delete, and what
//! concurrent edits of two copies merge into.

mod common;

use common::*;
use karta::model::{Activity, SectionKind, Status};
use karta::store::write::edit::{ActivityField, MetaField, NodeKind, SectionField, new_section};
use karta::store::{self, Doc};

fn doc() -> Doc {
    Doc::create(&import_sample("lysva"), Some("Иванова И.И."), "import").expect("create")
}

/// Ids of the activities of the first section, in order.
fn first_section_ids(doc: &Doc) -> (String, Vec<String>) {
    let roadmap = doc.roadmap();
    let s = &roadmap.sections[0];
    (
        s.id.clone(),
        s.activities.iter().map(|a| a.id.clone()).collect(),
    )
}

fn activity(doc: &Doc, id: &str) -> Activity {
    doc.roadmap()
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(_, a)| a.clone())
        .unwrap_or_else(|| panic!("no activity {id}"))
}

#[test]
fn every_activity_field_can_be_set_and_reads_back() {
    let mut doc = doc();
    let (_, ids) = first_section_ids(&doc);
    let id = &ids[0];
    let key = doc
        .roadmap()
        .columns
        .iter()
        .find(|c| c.role.is_extra())
        .expect("extra column")
        .key
        .clone();
    doc.set_activity_field(id, &ActivityField::Text, "Новый текст\nвторая строка")
        .expect("text");
    doc.set_activity_field(id, &ActivityField::Deadline, "до 01.03.2023")
        .expect("deadline");
    doc.set_activity_field(id, &ActivityField::Responsible, "Петров П.П.\nУО")
        .expect("resp");
    doc.set_activity_field(id, &ActivityField::Status, Status::Done.as_str())
        .expect("status");
    doc.set_activity_field(id, &ActivityField::Cell(key.clone()), "Итог")
        .expect("cell");
    let a = activity(&doc, id);
    assert_eq!(a.text, "Новый текст\nвторая строка");
    assert_eq!(a.deadline, "до 01.03.2023");
    assert_eq!(a.responsible, ["Петров П.П.", "УО"]);
    assert_eq!(a.status, Status::Done);
    assert_eq!(a.cells.get(&key).map(String::as_str), Some("Итог"));
    let unchanged = doc
        .set_activity_field(id, &ActivityField::Deadline, "до 01.03.2023")
        .expect("same");
    assert!(!unchanged, "setting the same value records nothing");
}

#[test]
fn sections_and_heading_can_be_edited() {
    let mut doc = doc();
    let (section, _) = first_section_ids(&doc);
    doc.set_section_field(&section, SectionField::Title, "Новое название")
        .expect("title");
    doc.set_meta(MetaField::Title, "Карта 2").expect("meta");
    doc.set_meta(MetaField::Notes, "Заметки").expect("notes");
    let roadmap = doc.roadmap();
    assert_eq!(roadmap.sections[0].title, "Новое название");
    assert_eq!(roadmap.meta.title, "Карта 2");
    assert_eq!(roadmap.meta.notes, "Заметки");
}

#[test]
fn added_activities_land_where_asked_and_survive_a_save() {
    let mut doc = doc();
    let (section, ids) = first_section_ids(&doc);
    let new = Activity {
        text: "Вставлено".into(),
        ..Activity::default()
    };
    let second = doc
        .add_activity(&section, Some(&ids[0]), &new)
        .expect("add");
    let first = doc.add_activity(&section, None, &new).expect("add first");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.karta");
    store::save(&path, &mut doc).expect("save");
    let back = store::open(&path).expect("open");
    let (_, order) = first_section_ids(&back);
    assert_eq!(order[0], first);
    assert_eq!(order[1], ids[0]);
    assert_eq!(order[2], second);
    assert_eq!(order.len(), ids.len() + 2);
}

#[test]
fn moves_and_deletes_are_reversible() {
    let mut doc = doc();
    let roadmap = doc.roadmap();
    let target = roadmap.sections[1].id.clone();
    let (_, ids) = first_section_ids(&doc);
    let before = doc.place(NodeKind::Activity, &ids[0]).expect("place");
    doc.move_node(NodeKind::Activity, &ids[0], &target, None)
        .expect("move");
    assert_eq!(doc.roadmap().sections[1].activities[0].id, ids[0]);
    doc.set_place(NodeKind::Activity, &ids[0], &before)
        .expect("undo move");
    assert_eq!(first_section_ids(&doc).1, ids);
    doc.set_deleted(NodeKind::Activity, &ids[1], true)
        .expect("delete");
    assert!(!first_section_ids(&doc).1.contains(&ids[1]));
    doc.set_deleted(NodeKind::Activity, &ids[1], false)
        .expect("restore");
    assert_eq!(first_section_ids(&doc).1, ids);
    let s = doc
        .add_section("", None, &new_section("Раздел", SectionKind::Section))
        .expect("section");
    assert_eq!(doc.roadmap().sections[0].id, s);
    assert!(
        doc.move_node(NodeKind::Section, &s, &s, None).is_err(),
        "not into itself"
    );
}

#[test]
fn concurrent_moves_of_one_activity_never_duplicate_it() {
    let mut mine = doc();
    let mut theirs = mine.fork();
    let roadmap = mine.roadmap();
    let (_, ids) = first_section_ids(&mine);
    let (a, b) = (
        roadmap.sections[1].id.clone(),
        roadmap.sections[2].id.clone(),
    );
    mine.move_node(NodeKind::Activity, &ids[0], &a, None)
        .expect("move mine");
    theirs
        .move_node(NodeKind::Activity, &ids[0], &b, None)
        .expect("move theirs");
    mine.merge(&mut theirs).expect("merge");
    theirs.merge(&mut mine).expect("merge back");
    let count = mine
        .roadmap()
        .activities_with_path()
        .iter()
        .filter(|(_, x)| x.id == ids[0])
        .count();
    assert_eq!(count, 1);
    assert_eq!(mine.roadmap(), theirs.roadmap(), "both copies agree");
}

#[test]
fn concurrent_text_edits_merge_character_by_character() {
    let mut mine = doc();
    let mut theirs = mine.fork();
    let (_, ids) = first_section_ids(&mine);
    let id = &ids[0];
    mine.set_activity_field(id, &ActivityField::Text, "Провести семинар")
        .expect("base");
    theirs.merge(&mut mine).expect("sync");
    mine.set_activity_field(id, &ActivityField::Text, "Провести городской семинар")
        .expect("mine");
    theirs
        .set_activity_field(id, &ActivityField::Text, "Провести семинар для завучей")
        .expect("theirs");
    mine.merge(&mut theirs).expect("merge");
    assert_eq!(
        activity(&mine, id).text,
        "Провести городской семинар для завучей"
    );
}

#[test]
fn imported_text_is_automerge_text_so_first_concurrent_edits_merge() {
    let mut mine = doc();
    let mut theirs = mine.fork();
    let (_, ids) = first_section_ids(&mine);
    let id = &ids[0];
    let is_text_object = |doc: &Doc| {
        let am = doc.automerge();
        let activities = store::read::get_map(am, &automerge::ROOT, "activities").expect("map");
        let obj = store::read::get_map(am, &activities, id).expect("activity");
        automerge::ReadDoc::get(am, &obj, "text")
            .expect("get")
            .map(|(v, _)| v.is_object())
    };
    assert_eq!(
        is_text_object(&mine),
        Some(true),
        "imported: Automerge text"
    );
    let before = activity(&mine, id).text;
    assert!(
        !mine
            .set_activity_field(id, &ActivityField::Text, &before)
            .expect("same"),
        "setting the same text records nothing"
    );
    mine.set_activity_field(id, &ActivityField::Text, &format!("{before} (город)"))
        .expect("mine");
    theirs
        .set_activity_field(id, &ActivityField::Text, &format!("Срочно: {before}"))
        .expect("theirs");
    mine.merge(&mut theirs).expect("merge");
    assert_eq!(
        activity(&mine, id).text,
        format!("Срочно: {before} (город)"),
        "both first edits kept, character by character"
    );
    assert!(store::exchange::conflicts::conflicts(&mine).is_empty());
}

#[test]
fn concurrent_first_edits_of_an_old_scalar_text_conflict_and_resolve() {
    let (mut mine, _, id) = old_text_edited_in_two_copies();
    let conflicts = store::exchange::conflicts::conflicts(&mine);
    let text = conflicts
        .iter()
        .find(|c| c.item.id == *id && c.field == store::history::changes::Field::Text)
        .expect("the text conflict is listed");
    let mut values: Vec<&str> = text.values.iter().map(|v| v.value.as_str()).collect();
    values.sort_unstable();
    assert_eq!(values, ["Текст Ивановой", "Текст Петровой"], "both kept");
    store::exchange::conflicts::resolve(&mut mine, &text.item, &text.field, "Общий текст")
        .expect("resolve");
    assert_eq!(activity(&mine, &id).text, "Общий текст");
    assert!(
        store::exchange::conflicts::conflicts(&mine)
            .iter()
            .all(|c| c.item.id != *id),
        "resolved"
    );
}

#[test]
fn resolving_a_text_conflict_keeps_what_a_colleague_types_meanwhile() {
    let (mut mine, mut theirs, id) = old_text_edited_in_two_copies();
    theirs.merge(&mut mine).expect("merge back");
    let conflict = store::exchange::conflicts::conflicts(&mine)
        .into_iter()
        .find(|c| c.item.id == *id)
        .expect("conflict");
    // Both texts are Automerge text now: each colleague keeps typing into
    // the one she sees while the other resolves.
    let shown = activity(&theirs, &id).text;
    let other = conflict
        .values
        .iter()
        .map(|v| v.value.clone())
        .find(|v| *v != shown)
        .expect("other value");
    store::exchange::conflicts::resolve(&mut mine, &conflict.item, &conflict.field, &other)
        .expect("resolve");
    let typing = format!("{shown}, с дополнением");
    theirs
        .set_activity_field(&id, &ActivityField::Text, &typing)
        .expect("typing");
    mine.merge(&mut theirs).expect("merge the typing");
    let text = activity(&mine, &id).text;
    let listed = store::exchange::conflicts::conflicts(&mine)
        .into_iter()
        .filter(|c| c.item.id == *id)
        .flat_map(|c| c.values)
        .any(|v| v.value.contains("с дополнением"));
    assert!(
        text.contains("с дополнением") || listed,
        "the colleague's typing is in the text or listed as a conflict: {text:?}"
    );
}

/// Two copies of a roadmap from an older file whose first activity's text
/// is a plain string, each edited differently and merged into the first:
/// (mine, theirs, the activity's id).
fn old_text_edited_in_two_copies() -> (Doc, Doc, String) {
    let mut mine = doc();
    let (_, ids) = first_section_ids(&mine);
    let id = ids[0].clone();
    put_scalar_text(&mut mine, &id, "Старый текст");
    let mut theirs = mine.fork();
    mine.set_activity_field(&id, &ActivityField::Text, "Текст Ивановой")
        .expect("mine");
    theirs
        .set_activity_field(&id, &ActivityField::Text, "Текст Петровой")
        .expect("theirs");
    mine.merge(&mut theirs).expect("merge");
    (mine, theirs, id)
}

/// Puts an old-style scalar string as an activity's text (files of earlier
/// versions and of other programs hold such).
fn put_scalar_text(doc: &mut Doc, id: &str, value: &str) {
    use automerge::transaction::Transactable;
    let bytes = doc.to_bytes();
    let mut am = automerge::AutoCommit::load(&bytes).expect("load");
    let activities = store::read::get_map(&am, &automerge::ROOT, "activities").expect("map");
    let obj = store::read::get_map(&am, &activities, id).expect("activity");
    am.put(&obj, "text", value).expect("put");
    am.commit();
    *doc = Doc::from_bytes(&am.save(), std::path::Path::new("old.karta")).expect("reload");
    doc.set_author(Some("Иванова И.И."));
}

#[test]
fn first_cell_edits_in_two_copies_of_an_old_file_are_both_kept() {
    let mut mine = doc();
    let (_, ids) = first_section_ids(&mine);
    let id = ids[0].clone();
    // Files of earlier versions created an activity's `cells` map on its
    // first cell edit; two copies doing that at once leave two maps.
    {
        use automerge::transaction::Transactable;
        let bytes = mine.to_bytes();
        let mut am = automerge::AutoCommit::load(&bytes).expect("load");
        let activities = store::read::get_map(&am, &automerge::ROOT, "activities").expect("map");
        let obj = store::read::get_map(&am, &activities, &id).expect("activity");
        am.delete(&obj, "cells").expect("delete");
        am.commit();
        mine = Doc::from_bytes(&am.save(), std::path::Path::new("old.karta")).expect("reload");
    }
    let mut theirs = mine.fork();
    let result = ActivityField::Cell("result".into());
    let notes = ActivityField::Cell("col9".into());
    mine.set_activity_field(&id, &result, "Проведён семинар")
        .expect("mine");
    theirs
        .set_activity_field(&id, &notes, "Перенесли из-за ГИА")
        .expect("theirs");
    theirs
        .set_activity_field(&id, &result, "Семинар отменён")
        .expect("theirs");
    mine.merge(&mut theirs).expect("merge");
    let cells = activity(&mine, &id).cells;
    assert_eq!(
        cells.get("col9").map(String::as_str),
        Some("Перенесли из-за ГИА")
    );
    assert!(cells.contains_key("result"));
    let conflict = store::exchange::conflicts::conflicts(&mine)
        .into_iter()
        .find(|c| c.item.id == id)
        .expect("the two results are a listed conflict");
    let mut values: Vec<String> = conflict.values.iter().map(|v| v.value.clone()).collect();
    values.sort();
    assert_eq!(values, ["Проведён семинар", "Семинар отменён"]);
    store::exchange::conflicts::resolve(
        &mut mine,
        &conflict.item,
        &conflict.field,
        "Семинар перенесён",
    )
    .expect("resolve");
    assert_eq!(
        activity(&mine, &id).cells.get("result").map(String::as_str),
        Some("Семинар перенесён")
    );
    assert!(store::exchange::conflicts::conflicts(&mine).is_empty());
    // A later edit of the cell that came with the other map still lands.
    mine.set_activity_field(&id, &notes, "Перенесли на май")
        .expect("edit");
    assert_eq!(
        activity(&mine, &id).cells.get("col9").map(String::as_str),
        Some("Перенесли на май")
    );
}
