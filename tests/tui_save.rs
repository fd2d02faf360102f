//! Ctrl-s saves in the background (issue #15): keys go on being handled,
//! the status line tells the save's progress, another program's changes are
//! merged in, and a failed save keeps the edits.

mod common;

use common::*;
use karta::model::Status;
use karta::store::disk::journal::Journal;
use karta::tui::app::App;

/// The status line's message.
fn message(app: &App) -> String {
    app.status
        .message
        .as_ref()
        .map(|(text, _)| text.clone())
        .unwrap_or_default()
}

/// The status of the activity with `id` in the file.
fn status_in_file(path: &std::path::Path, id: &str) -> Status {
    karta::store::open(path)
        .expect("reopen")
        .activity(id)
        .expect("activity")
        .status
}

#[test]
fn a_key_after_ctrl_s_is_handled_at_once_and_the_save_is_told() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Enter");
    let entry = app.current_entry().expect("entry");
    let id = app.document.catalog.entries[entry].activity.id.clone();
    press(&mut app, "Ctrl-s");
    assert!(app.is_saving() || message(&app).starts_with("Сохранено"));
    let cursor = app.views.cursor();
    press(&mut app, "j");
    assert_eq!(app.views.cursor(), cursor + 1, "the key was handled");
    app.wait_for_save().expect("saved");
    assert!(message(&app).starts_with("Сохранено"), "{}", message(&app));
    assert!(!app.document.unsaved);
    assert_eq!(status_in_file(&path, &id), Status::InProgress);
    assert!(
        !Journal::path_for(&path).exists(),
        "the journal is done with"
    );
}

#[test]
fn edits_made_while_saving_stay_unsaved_and_journaled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Enter Ctrl-s s Down Down Enter");
    app.wait_for_save().expect("saved");
    assert!(app.document.unsaved, "the second edit came after the bytes");
    assert!(Journal::path_for(&path).exists(), "and is in the journal");
    press(&mut app, "Ctrl-s");
    app.wait_for_save().expect("saved again");
    assert!(!app.document.unsaved);
}

#[test]
fn quitting_waits_for_the_save_under_way() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Enter");
    let entry = app.current_entry().expect("entry");
    let id = app.document.catalog.entries[entry].activity.id.clone();
    press(&mut app, "Ctrl-s q");
    assert!(app.quit, "saved before quitting: no question");
    assert!(!app.is_saving());
    assert_eq!(status_in_file(&path, &id), Status::InProgress);
}

#[test]
fn a_save_merges_what_another_program_wrote_and_shows_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j");
    let entry = app.current_entry().expect("entry");
    let id = app.document.catalog.entries[entry].activity.id.clone();
    let mut theirs = karta::store::open(&path).expect("their copy");
    theirs
        .set_activity_field(
            &id,
            &karta::store::write::edit::ActivityField::Responsible,
            "Корчевская И.П.",
        )
        .expect("their edit");
    karta::store::save(&path, &mut theirs).expect("their save");
    press(&mut app, "s Down Enter Ctrl-s");
    app.wait_for_save().expect("saved");
    assert!(
        message(&app).contains("другой программой"),
        "{}",
        message(&app)
    );
    let shown = &app.document.catalog.entry(&id).expect("entry").activity;
    assert_eq!(shown.responsible, ["Корчевская И.П."]);
    assert_eq!(shown.status, Status::InProgress);
    let file = karta::store::open(&path).expect("reopen");
    let saved = file.activity(&id).expect("activity");
    assert_eq!(saved.responsible, ["Корчевская И.П."]);
    assert_eq!(saved.status, Status::InProgress);
    assert!(!app.document.unsaved);
}

#[test]
fn a_failed_save_says_so_and_keeps_the_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Enter");
    // Another program puts a folder where the file was.
    std::fs::remove_file(&path).expect("remove");
    std::fs::create_dir(&path).expect("a folder in its place");
    press(&mut app, "Ctrl-s");
    assert!(app.wait_for_save().is_err());
    assert!(
        message(&app).starts_with("Не сохранено"),
        "{}",
        message(&app)
    );
    assert!(app.document.unsaved);
    assert!(
        Journal::path_for(&path).exists(),
        "the edits are in the journal"
    );
}
