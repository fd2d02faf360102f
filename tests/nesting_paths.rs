//! Sections nested deeper than a roadmap is shown, or on a parent cycle,
//! never come in by a path other than `karta merge` (issue #10): a save
//! that merges what another writer left in the file refuses such a result
//! (from the command line's store and from the editor), and the editor
//! never moves a section under itself, even one shown flattened.

mod common;

use std::fs;
use std::path::Path;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT, ReadDoc};
use common::*;
use karta::i18n::Lang;
use karta::present::errors::store_error;
use karta::store::write::edit::{MetaField, NodeKind};
use karta::tui::app::App;

/// The status line's message.
fn message(app: &App) -> String {
    app.status
        .message
        .as_ref()
        .map(|(text, _)| text.clone())
        .unwrap_or_default()
}

/// Another writer's copy of the file at `path`: `depth` sections nested
/// one under the other, written straight into the document (titled
/// "Уровень 0", "Уровень 1", …), saved over the file.
fn nest_in_file(path: &Path, depth: usize) {
    let mut doc = AutoCommit::load(&fs::read(path).expect("read")).expect("load");
    let sections = match doc.get(ROOT, "sections").expect("get") {
        Some((_, id)) => id,
        None => panic!("no sections"),
    };
    let mut parent = String::new();
    for i in 0..depth {
        let id = format!("d{i:011}");
        let s = doc
            .put_object(&sections, id.as_str(), ObjType::Map)
            .expect("section");
        doc.put(&s, "parent", parent.as_str()).expect("put");
        doc.put(&s, "pos", "m").expect("put");
        doc.put(&s, "number", format!("{}.", 100 + i)).expect("put");
        doc.put(&s, "title", format!("Уровень {i}")).expect("put");
        doc.put(&s, "kind", "section").expect("put");
        parent = id;
    }
    doc.commit();
    fs::write(path, doc.save()).expect("write");
}

/// How deep the sections of a roadmap nest as read.
fn depth_of(sections: &[karta::model::Section]) -> usize {
    let mut stack: Vec<(&karta::model::Section, usize)> = sections.iter().map(|s| (s, 1)).collect();
    let mut deepest = 0;
    while let Some((s, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(s.sections.iter().map(|c| (c, depth + 1)));
    }
    deepest
}

#[test]
fn a_save_refuses_to_merge_a_file_another_writer_nested_too_deep() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lysva.karta");
    fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    let mut mine = karta::store::open(&path).expect("open");
    nest_in_file(&path, 40);
    let theirs = fs::read(&path).expect("read");
    mine.set_meta(MetaField::Notes, "мои заметки")
        .expect("edit");
    let err = karta::store::save(&path, &mut mine).expect_err("refused");
    let line = store_error(&err, Lang::Ru);
    assert!(
        line.contains("lysva.karta") && line.contains("вложены на 40"),
        "{line}"
    );
    assert_eq!(fs::read(&path).expect("read"), theirs, "nothing written");
    assert!(
        depth_of(&mine.roadmap().sections) <= 2,
        "mine kept as it was"
    );
    assert_eq!(mine.roadmap().meta.notes, "мои заметки");
}

#[test]
fn a_save_merges_a_file_another_writer_nested_within_what_is_shown() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lysva.karta");
    fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    let mut mine = karta::store::open(&path).expect("open");
    nest_in_file(&path, 5);
    mine.set_meta(MetaField::Notes, "мои заметки")
        .expect("edit");
    karta::store::save(&path, &mut mine).expect("saved");
    let saved = karta::store::open(&path).expect("reopen").roadmap();
    assert_eq!(depth_of(&saved.sections), 5);
    assert_eq!(saved.meta.notes, "мои заметки");
}

#[test]
fn the_editor_does_not_save_over_a_file_another_writer_nested_too_deep() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    nest_in_file(&path, 40);
    let theirs = fs::read(&path).expect("read");
    press(&mut app, "j s Down Enter Ctrl-s");
    assert!(app.wait_for_save().is_err(), "refused");
    let text = message(&app);
    assert!(
        text.starts_with("Не сохранено") && text.contains("вложены на 40"),
        "{text}"
    );
    assert_eq!(fs::read(&path).expect("read"), theirs, "nothing written");
    assert!(app.document.unsaved, "the edit is kept");
    assert!(depth_of(&app.document.doc.roadmap().sections) <= 2);
}

/// The editor on a copy of the Lysva sample with `depth` nested sections
/// added, its cursor on the section titled `title`.
fn editor_on_nested(dir: &Path, depth: usize, title: &str) -> App {
    let mut app = editor_on("lysva", dir);
    let path = app.document.path.clone().expect("path");
    nest_in_file(&path, depth);
    let doc = karta::store::open(&path).expect("open");
    let keymap = karta::tui::keymap::Keymap::built_in("default").expect("keymap");
    let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date");
    app = App::new(doc, Some(path), keymap, Lang::Ru, today);
    press(&mut app, "/");
    type_text(&mut app, title);
    press(&mut app, "Enter");
    let section = app.current_section().expect("a section");
    assert_eq!(
        app.document.catalog.sections[section].section.title, title,
        "the cursor is on it"
    );
    app
}

/// The parent recorded in the document for the section titled `title`.
fn parent_of(app: &App, title: &str) -> String {
    let id = app
        .document
        .catalog
        .sections
        .iter()
        .find(|s| s.section.title == title)
        .map(|s| s.section.id.clone())
        .expect("section");
    app.document
        .doc
        .place(NodeKind::Section, &id)
        .expect("place")
        .parent
}

#[test]
fn the_editor_never_moves_a_section_under_its_child_shown_flattened_beside_it() {
    let dir = tempfile::tempdir().expect("dir");
    let limit = karta::model::MAX_DEPTH;
    // The section at the deepest level shown: its child is shown beside
    // it, at the same level.
    let deepest = format!("Уровень {}", limit - 1);
    let child = format!("Уровень {limit}");
    let mut app = editor_on_nested(dir.path(), limit + 3, &deepest);
    let before = parent_of(&app, &deepest);
    let index = app.current_section().expect("section");
    let sections = &app.document.catalog.sections;
    assert_eq!(sections[index + 1].section.title, child);
    assert_eq!(
        sections[index].depth,
        sections[index + 1].depth,
        "shown beside it"
    );
    press(&mut app, "m Down Enter");
    let text = message(&app);
    assert!(text.contains("нельзя перенести"), "{text}");
    assert_eq!(parent_of(&app, &deepest), before, "not moved");
    assert!(!app.document.unsaved, "no edit made");
}

#[test]
fn the_editor_never_moves_a_section_into_itself_or_below_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = editor_on_nested(dir.path(), 4, "Уровень 1");
    let before = parent_of(&app, "Уровень 1");
    // The list opens on the section itself; below it is its child.
    for keys in ["m Enter", "m Down Enter", "m Down Down Enter"] {
        press(&mut app, keys);
        let text = message(&app);
        assert!(text.contains("нельзя перенести"), "{keys}: {text}");
        assert_eq!(parent_of(&app, "Уровень 1"), before, "{keys}: not moved");
    }
    assert!(!app.document.unsaved, "no edit made");
}
