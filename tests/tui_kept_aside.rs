//! Ctrl-o with bundles that arrive out of order: the editor keeps aside a
//! bundle whose earlier changes have not come yet, as `karta merge` does,
//! says so, and applies it by itself when a later merge brings them.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use karta::store::exchange::bundle::write_bundle;
use karta::store::write::edit::ActivityField;
use karta::tui::app::App;

/// The status line's message.
fn message(app: &App) -> String {
    app.status
        .message
        .as_ref()
        .map(|(text, _)| text.clone())
        .unwrap_or_default()
}

/// Two bundles of a colleague's edits of the editor's file, written beside
/// it: the first sets the deadline of activity `id`, the second (which
/// continues the first) its responsible.
fn two_bundles(app: &App, dir: &Path, id: &str) -> (PathBuf, PathBuf) {
    let mut theirs = karta::store::open(app.document.path.as_deref().expect("path")).expect("copy");
    theirs.set_author(Some("Корчевская И.П."));
    let base = theirs.heads();
    theirs
        .set_activity_field(id, &ActivityField::Deadline, "Январь 2022")
        .expect("first edit");
    let middle = theirs.heads();
    theirs
        .set_activity_field(id, &ActivityField::Responsible, "Корчевская И.П.")
        .expect("second edit");
    let first = dir.join("first.karta-changes");
    let second = dir.join("second.karta-changes");
    std::fs::write(&first, write_bundle(&mut theirs.scratch_copy(), &base).0).expect("write");
    std::fs::write(&second, write_bundle(&mut theirs, &middle).0).expect("write");
    (first, second)
}

/// Merges a file through Ctrl-o (a name from the roadmap's folder).
fn ctrl_o(app: &mut App, path: &Path) {
    press(app, "Ctrl-o");
    type_text(app, &path.file_name().expect("name").to_string_lossy());
    press(app, "Enter");
}

/// The files kept aside under the data folder `data`.
fn kept(data: &Path) -> Vec<PathBuf> {
    let Ok(roadmaps) = std::fs::read_dir(data.join("pending")) else {
        return Vec::new();
    };
    roadmaps
        .filter_map(Result::ok)
        .flat_map(|r| std::fs::read_dir(r.path()).into_iter().flatten())
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect()
}

#[test]
fn a_bundle_ahead_of_its_earlier_changes_is_kept_aside_and_applied_when_they_come() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = editor_on("lysva", dir.path());
    app.set_data_dir(Some(data.clone()));
    press(&mut app, "j");
    let entry = app.current_entry().expect("entry");
    let id = app.document.catalog.entries[entry].activity.id.clone();
    let (first, second) = two_bundles(&app, dir.path(), &id);
    let heads = app.document.doc.heads();

    ctrl_o(&mut app, &second);
    let text = message(&app);
    assert!(
        text.starts_with(&second.display().to_string())
            && text.contains("продолжают более ранние")
            && text.contains("отложен"),
        "{text}"
    );
    assert_eq!(app.document.doc.heads(), heads, "nothing merged");
    assert!(!app.document.unsaved);
    assert_eq!(kept(&data).len(), 1, "kept aside in the data folder");

    ctrl_o(&mut app, &first);
    let preview = screen(&mut app, 120, 30);
    assert!(
        preview.contains("применён отложенный ранее файл изменений"),
        "{preview}"
    );
    press(&mut app, "y");
    let text = message(&app);
    assert!(
        text.contains("применено отложенных ранее файлов — 1"),
        "{text}"
    );
    let shown = &app.document.catalog.entry(&id).expect("entry").activity;
    assert_eq!(shown.deadline, "Январь 2022");
    assert_eq!(shown.responsible, ["Корчевская И.П."]);
    assert!(kept(&data).is_empty(), "forgotten once applied");
}

#[test]
fn without_a_data_folder_such_a_bundle_is_refused_in_russian() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j");
    let entry = app.current_entry().expect("entry");
    let id = app.document.catalog.entries[entry].activity.id.clone();
    let (_, second) = two_bundles(&app, dir.path(), &id);
    let heads = app.document.doc.heads();
    ctrl_o(&mut app, &second);
    let text = message(&app);
    assert!(
        text.contains("second.karta-changes") && text.contains("более ранние"),
        "{text}"
    );
    assert_eq!(app.document.doc.heads(), heads, "nothing merged");
}
