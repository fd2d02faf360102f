//! The roadmap's life in the editor: comments written from the detail pane
//! and kept in the document.

mod common;

use common::*;

#[test]
fn a_comment_is_written_with_a_key_and_shown_in_the_detail_pane() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j");
    let entry = app.current_entry().expect("an activity");
    let id = app.document.catalog.entries[entry].activity.id.clone();
    press(&mut app, "c text:Согласовать_с_отделом_опеки Enter");
    let stored = app.document.doc.activity(&id).expect("there");
    assert_eq!(stored.comments.len(), 1);
    assert_eq!(stored.comments[0].text, "Согласовать с отделом опеки");
    assert_eq!(stored.comments[0].author, "Тестова Т.Т.");
    assert!(app.document.unsaved);
    if !app.views.show_detail {
        press(&mut app, "i");
    }
    let shown = screen(&mut app, 160, 40);
    assert!(shown.contains("Согласовать с отделом опеки"), "{shown}");
    assert!(shown.contains("Тестова Т.Т."), "{shown}");

    press(&mut app, "c text:не_нужен Esc");
    let stored = app.document.doc.activity(&id).expect("there");
    assert_eq!(stored.comments.len(), 1, "cancelled: nothing added");

    press(&mut app, "Ctrl-s");
    app.wait_for_save().expect("saved in the background");
    let reopened = karta::store::open(&dir.path().join("lysva.karta")).expect("open");
    let saved = reopened.activity(&id).expect("there");
    assert_eq!(saved.comments.len(), 1);
}

#[test]
fn the_fourth_view_shows_the_coverage_of_the_management_cycle() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("chernogorsk", dir.path());
    press(&mut app, "4");
    let shown = screen(&mut app, 160, 40);
    assert!(shown.contains("Охват цикла"), "the tab: {shown}");
    assert!(
        shown.contains("Направление / раздел"),
        "the header: {shown}"
    );
    assert!(shown.contains("○"), "gaps marked: {shown}");
    assert!(
        shown.contains("2. Система оценки качества подготовки"),
        "a row per system: {shown}"
    );
    // Down to an activity: the detail pane tells its stage and how.
    press(&mut app, "j j j");
    if !app.views.show_detail {
        press(&mut app, "i");
    }
    let shown = screen(&mut app, 160, 40);
    assert!(shown.contains("Этап цикла:"), "{shown}");
    assert!(shown.contains("по формулировке"), "{shown}");
}
