//! Nothing the user did or declined is lost or comes back in the editor
//! (issue #9, item 7): undo after typing a conflict's value, the question
//! before quitting, a form cancelled with Esc.

mod common;

use common::*;
use karta::tui::app::App;

/// The activity under the cursor.
fn current(app: &App) -> karta::model::Activity {
    let entry = app.current_entry().expect("an activity under the cursor");
    app.catalog.entries[entry].activity.clone()
}

/// The activity with this id, as the document has it now.
fn stored(app: &App, id: &str) -> karta::model::Activity {
    app.doc
        .roadmap()
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(_, a)| a.clone())
        .expect("the activity is there")
}

#[test]
fn undo_after_typing_a_conflicts_value_restores_the_value_shown_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j");
    let id = current(&app).id;
    let theirs_path = dir.path().join("theirs.karta");
    let mut theirs = karta::store::open(app.path.as_deref().expect("path")).expect("copy");
    theirs.set_author(Some("Корчевская И.П."));
    theirs
        .set_activity_field(
            &id,
            &karta::store::edit::ActivityField::Deadline,
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
    assert_eq!(app.conflicts.len(), 1, "a conflict to resolve");
    let shown = current(&app).deadline;
    assert!(!shown.is_empty());
    press(
        &mut app,
        "C Enter PageDown Enter Ctrl-a Ctrl-k text:Февраль_2022 Enter",
    );
    assert!(app.conflicts.is_empty(), "resolved by the typed value");
    assert_eq!(stored(&app, &id).deadline, "Февраль 2022");
    press(&mut app, "u");
    assert_eq!(
        stored(&app, &id).deadline,
        shown,
        "undo brings back the value shown before, not an empty one"
    );
}
