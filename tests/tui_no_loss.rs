//! Nothing the user did or declined is lost or comes back in the editor
//! (issue #9, item 7): undo after typing a conflict's value, the question
//! before quitting, a form cancelled with Esc.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;
use karta::store::disk::journal::Journal;
use karta::tui::app::App;

/// The activity under the cursor.
fn current(app: &App) -> karta::model::Activity {
    let entry = app.current_entry().expect("an activity under the cursor");
    app.document.catalog.entries[entry].activity.clone()
}

/// The activity with this id, as the document has it now.
fn stored(app: &App, id: &str) -> karta::model::Activity {
    app.document
        .doc
        .roadmap()
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(_, a)| a.clone())
        .expect("the activity is there")
}

/// The editor reopened on `path` as after a crash or a restart.
fn reopen(path: &Path) -> App {
    let options = karta::tui::Options {
        file: Some(path.to_path_buf()),
        lang: karta::i18n::Lang::Ru,
        today: chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date"),
        keymap: "default".into(),
        author: "Тестова Т.Т.".into(),
        cache_dir: None,
        keymap_file: None,
    };
    let mut app = karta::tui::open_app(&options).expect("reopen");
    // The document is read directly below: wait for the conflict scan
    // that has it behind the first frame.
    app.await_doc();
    app
}

/// Waits out the pause after which the editor keeps a draft of what is
/// being typed, and lets it do so.
fn pause(app: &mut App) {
    std::thread::sleep(Duration::from_millis(1600));
    app.tick();
}

#[test]
fn undo_after_typing_a_conflicts_value_restores_the_value_shown_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j");
    let id = current(&app).id;
    let theirs_path = dir.path().join("theirs.karta");
    let mut theirs = karta::store::open(app.document.path.as_deref().expect("path")).expect("copy");
    theirs.set_author(Some("Корчевская И.П."));
    theirs
        .set_activity_field(
            &id,
            &karta::store::write::edit::ActivityField::Deadline,
            "Январь 2022",
        )
        .expect("their edit");
    karta::store::save(&theirs_path, &mut theirs).expect("save theirs");
    press(
        &mut app,
        "e Down Enter Ctrl-a Ctrl-k text:Март_2022 Enter Ctrl-o",
    );
    type_text(&mut app, &theirs_path.display().to_string());
    press(&mut app, "Enter y");
    assert_eq!(app.document.conflicts.len(), 1, "a conflict to resolve");
    let shown = current(&app).deadline;
    assert!(!shown.is_empty());
    press(
        &mut app,
        "C Enter Down Down Enter Ctrl-a Ctrl-k text:Февраль_2022 Enter",
    );
    assert!(
        app.document.conflicts.is_empty(),
        "resolved by the typed value"
    );
    assert_eq!(stored(&app, &id).deadline, "Февраль 2022");
    press(&mut app, "u");
    assert_eq!(
        stored(&app, &id).deadline,
        shown,
        "undo brings back the value shown before, not an empty one"
    );
}

#[test]
fn no_to_saving_before_quitting_forgets_the_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j");
    let before = current(&app);
    press(&mut app, "s Down Down Enter q n");
    assert!(app.quit, "n quits");
    assert!(!Journal::path_for(&path).exists(), "the journal is gone");
    drop(app);
    let again = reopen(&path);
    assert!(!again.document.unsaved, "nothing comes back");
    let entry = again.document.catalog.entry(&before.id).expect("entry");
    assert_eq!(entry.activity.status, before.status);
}

#[test]
fn esc_on_the_question_before_quitting_returns_to_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    press(&mut app, "j s Down Down Enter q");
    let question = screen(&mut app, 100, 30);
    for answer in [
        "y, д — сохранить и выйти",
        "n, н — выйти без сохранения",
        "Esc",
    ] {
        assert!(question.contains(answer), "«{answer}» in:\n{question}");
    }
    press(&mut app, "Esc");
    assert!(!app.quit, "Esc does not quit");
    assert!(app.document.unsaved, "and keeps the edits");
    assert!(matches!(app.overlay, karta::tui::overlay::Overlay::None));
}

#[test]
fn russian_keys_answer_the_question_before_quitting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Down Enter q д");
    assert!(app.quit && !app.document.unsaved, "д saves and quits");
    assert!(!Journal::path_for(&path).exists());
    let mut app = editor_on("lysva", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Down Enter q н");
    assert!(app.quit, "н quits");
    assert!(!Journal::path_for(&path).exists(), "without the edits");
}

#[test]
fn a_form_cancelled_with_esc_records_no_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let path = app.document.path.clone().expect("path");
    let heads = app.document.doc.heads();
    press(&mut app, "j e Enter End text:_черновик");
    pause(&mut app);
    press(&mut app, "Esc Esc");
    assert_eq!(app.document.doc.heads(), heads, "no change in the document");
    assert!(!app.document.unsaved, "nothing to save");
    assert!(!Journal::path_for(&path).exists(), "nothing journaled");
    drop(app);
    let again = reopen(&path);
    assert!(!again.document.unsaved);
    assert!(matches!(again.overlay, karta::tui::overlay::Overlay::None));
}

#[test]
fn a_crash_while_typing_brings_the_draft_back_in_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j");
    let before = current(&app);
    press(&mut app, "e Enter End text:_черновик");
    pause(&mut app);
    drop(app);
    let mut again = reopen(&path);
    let shown = screen(&mut again, 100, 30);
    assert!(shown.contains("черновик"), "{shown}");
    press(&mut again, "Enter");
    assert_eq!(
        stored(&again, &before.id).text,
        format!("{} черновик", before.text)
    );
    press(&mut again, "u");
    assert_eq!(stored(&again, &before.id).text, before.text, "undoable");
}
