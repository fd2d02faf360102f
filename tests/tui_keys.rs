//! Every editing action through the real default keymap, checked in the
//! real Automerge document (and through save and reopen where it matters).

mod common;

use common::*;
use karta::model::Status;
use karta::tui::app::App;

/// The activity under the cursor.
fn current(app: &App) -> karta::model::Activity {
    let entry = app.current_entry().expect("an activity under the cursor");
    app.document.catalog.entries[entry].activity.clone()
}

/// The activity with this id, as the document has it now.
fn stored(app: &App, id: &str) -> Option<karta::model::Activity> {
    app.document
        .doc
        .roadmap()
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(_, a)| a.clone())
}

#[test]
fn editing_the_text_of_an_activity_and_undoing_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j");
    let before = current(&app);
    press(&mut app, "e Enter End text:_(уточнено) Enter");
    let after = stored(&app, &before.id).expect("still there");
    assert_eq!(after.text, format!("{} (уточнено)", before.text));
    assert!(app.document.unsaved);
    press(&mut app, "u");
    assert_eq!(stored(&app, &before.id).expect("there").text, before.text);
    press(&mut app, "Ctrl-r");
    assert_eq!(stored(&app, &before.id).expect("there").text, after.text);
}

#[test]
fn status_deadline_and_responsible_with_completion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lesosibirsk", dir.path());
    press(&mut app, "/ text:Усилить Enter");
    let id = current(&app).id;
    press(&mut app, "s Down Down Enter");
    assert_eq!(stored(&app, &id).expect("there").status, Status::Done);
    press(
        &mut app,
        "e Down Enter Ctrl-a Ctrl-k text:до_01.04.2022 Enter",
    );
    assert_eq!(stored(&app, &id).expect("there").deadline, "до 01.04.2022");
    press(&mut app, "r Alt-Enter text:Кирья Tab Enter");
    let responsible = stored(&app, &id).expect("there").responsible;
    assert_eq!(
        responsible.last().map(String::as_str),
        Some("Кирьянова Н.Е."),
        "{responsible:?}"
    );
}

#[test]
fn adding_moving_and_deleting_activities() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let count = app.document.catalog.entries.len();
    press(&mut app, "j a text:Новое_мероприятие Enter");
    assert_eq!(app.document.catalog.entries.len(), count + 1);
    let new = current(&app);
    assert_eq!(new.text, "Новое мероприятие");
    let section = app.document.catalog.entries[app.current_entry().expect("entry")]
        .section
        .clone();
    let siblings = app.document.catalog.activities_in(&section);
    assert_eq!(
        app.document.catalog.entries[siblings[1]].activity.id, new.id,
        "added below the cursor"
    );
    press(&mut app, "K");
    let siblings = app.document.catalog.activities_in(&section);
    assert_eq!(
        app.document.catalog.entries[siblings[0]].activity.id, new.id,
        "moved up"
    );
    press(&mut app, "m Down Enter");
    let moved = app.document.catalog.entry(&new.id).expect("entry");
    assert_ne!(moved.section, section, "moved to another section");
    press(&mut app, "d n");
    assert!(stored(&app, &new.id).is_some(), "no keeps it");
    press(&mut app, "d y");
    assert!(stored(&app, &new.id).is_none(), "yes deletes it");
    assert_eq!(app.document.catalog.entries.len(), count);
    press(&mut app, "u");
    assert!(stored(&app, &new.id).is_some(), "undo brings it back");
}

#[test]
fn sections_and_the_heading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let sections = app.document.catalog.sections.len();
    press(&mut app, "A text:Новый_раздел Enter");
    assert_eq!(app.document.catalog.sections.len(), sections + 1);
    assert!(
        app.document
            .catalog
            .sections
            .iter()
            .any(|s| s.section.title == "Новый раздел")
    );
    press(
        &mut app,
        "t Down Down Down Enter Ctrl-a Ctrl-k text:31.02.2021 Enter",
    );
    assert!(
        app.status
            .message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("не дата")),
        "an impossible date is refused"
    );
    press(&mut app, "Ctrl-a Ctrl-k text:01.11.2021 Enter");
    let approval = app.document.doc.roadmap().meta.approval.expect("approval");
    assert_eq!(approval.date, chrono::NaiveDate::from_ymd_opt(2021, 11, 1));
}

#[test]
fn views_search_filter_and_folding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("chernogorsk", dir.path());
    let all = app.views.rows.len();
    press(&mut app, "Space");
    assert!(
        app.views.rows.len() < all,
        "folding the first section hides its rows"
    );
    press(&mut app, "Space");
    assert_eq!(app.views.rows.len(), all);
    press(&mut app, "/ text:ВПР Enter");
    assert!(current(&app).text.contains("ВПР"));
    let first = current(&app).id;
    press(&mut app, "n");
    assert_ne!(current(&app).id, first, "n finds the next match");
    press(&mut app, "3");
    assert_eq!(app.views.current.view().name(), "deadline");
    press(&mut app, "f Down Right Enter");
    assert!(app.views.filter.status.is_some());
    press(&mut app, "Esc 2 о");
    assert_eq!(
        app.views.current.view().name(),
        "person",
        "Russian layout о works as j"
    );
    assert!(!app.views.filter.is_active());
}

#[test]
fn saving_writes_the_file_and_quitting_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Enter q");
    assert!(!app.quit, "unsaved changes: a question first");
    press(&mut app, "Esc");
    press(&mut app, "Ctrl-s");
    app.wait_for_save().expect("saved in the background");
    assert!(!app.document.unsaved);
    let saved = karta::store::open(&path).expect("reopen").roadmap();
    assert!(
        saved
            .activities_with_path()
            .iter()
            .any(|(_, a)| a.status == Status::InProgress)
    );
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn a_crash_loses_nothing_committed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Down Enter");
    let id = current(&app).id;
    drop(app);
    let options = karta::tui::Options {
        file: Some(path),
        lang: karta::i18n::Lang::Ru,
        today: chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date"),
        keymap: "default".into(),
        author: "Тестова Т.Т.".into(),
        cache_dir: None,
        keymap_file: None,
    };
    let reopened = karta::tui::open_app(&options).expect("reopen");
    assert!(reopened.document.unsaved);
    assert_eq!(
        reopened
            .document
            .catalog
            .entry(&id)
            .expect("entry")
            .activity
            .status,
        Status::Done
    );
}

#[test]
fn merging_a_colleagues_copy_after_a_preview_and_resolving_the_conflict() {
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
    press(&mut app, "e Down Enter Ctrl-a Ctrl-k text:Март_2022 Enter");
    press(&mut app, "Ctrl-o");
    type_text(&mut app, &theirs_path.display().to_string());
    press(&mut app, "Enter");
    let preview = screen(&mut app, 120, 30);
    assert!(
        preview.contains("Корчевская И.П.: изменила срок"),
        "{preview}"
    );
    assert_eq!(
        stored(&app, &id).expect("there").deadline,
        "Март 2022",
        "nothing merged before yes"
    );
    press(&mut app, "y");
    assert_eq!(
        app.document.conflicts.len(),
        1,
        "both deadlines kept as a conflict"
    );
    let marked = screen(&mut app, 120, 30);
    assert!(
        marked.contains('‼'),
        "marked in the view:\n{marked}\n{:?}",
        app.document.conflicts
    );
    press(&mut app, "C Enter");
    let values = screen(&mut app, 120, 30);
    assert!(
        values.contains("Январь 2022") && values.contains("Март 2022"),
        "{values}"
    );
    // The reader's own value is listed first: find theirs among the ways
    // shown.
    let theirs_at = app.document.conflicts[0]
        .values
        .iter()
        .position(|v| v.value == "Январь 2022")
        .expect("their value");
    let karta::tui::overlay::Overlay::Conflict(view) = &app.overlay else {
        panic!("the conflict is shown");
    };
    let pick = view
        .choices
        .iter()
        .position(|(way, _)| *way == karta::tui::overlay::Resolve::Value(theirs_at))
        .expect("a way to keep theirs");
    for _ in 0..pick {
        press(&mut app, "Down");
    }
    press(&mut app, "Enter");
    assert!(app.document.conflicts.is_empty());
    assert_eq!(stored(&app, &id).expect("there").deadline, "Январь 2022");
    press(&mut app, "H");
    assert!(
        screen(&mut app, 120, 30).contains("срок"),
        "history of the activity"
    );
}

/// The model and the screen's catalog equal what a whole read of the
/// document gives (`what` names the step for the failure message).
fn same_as_fresh(app: &App, what: &str) {
    let fresh = app.document.doc.roadmap();
    assert!(app.document.roadmap == fresh, "model after {what}");
    let built = karta::tui::catalog::Catalog::build(&fresh, app.today);
    let debug = |v: &dyn std::fmt::Debug| format!("{v:?}");
    assert_eq!(
        debug(&app.document.catalog.entries),
        debug(&built.entries),
        "entries after {what}"
    );
    assert_eq!(
        debug(&app.document.catalog.sections),
        debug(&built.sections),
        "sections after {what}"
    );
    assert_eq!(
        debug(&app.document.catalog.people),
        debug(&built.people),
        "people after {what}"
    );
}

#[test]
fn structural_edits_patch_the_model_as_a_whole_read_would() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("chernogorsk", dir.path());
    let steps = [
        "j j a text:Новое Enter",
        "J",
        "K",
        "m Down Down Enter",
        "A text:Раздел Enter",
        "a text:В_новом Enter",
        "k m Down Enter",
        "e Ctrl-a Ctrl-k text:Другое_название Enter",
        "j r Alt-Enter text:Петров_П.П. Enter Esc",
        "d y",
        "u",
        "Ctrl-r",
        "u",
        "G d y",
        "g j j j d y",
        "g d y",
        "u",
        "Ctrl-r",
        "u u u u u u",
        "Ctrl-r Ctrl-r Ctrl-r",
    ];
    for keys in steps {
        press(&mut app, keys);
        same_as_fresh(&app, keys);
    }
    for _ in 0..30 {
        press(&mut app, "u");
    }
    same_as_fresh(&app, "undoing everything");
    assert_eq!(app.document.catalog.entries.len(), 84, "everything undone");
}

#[test]
fn completing_a_responsible_person_matches_word_starts_and_cycles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lesosibirsk", dir.path());
    press(&mut app, "/ text:Усилить Enter");
    let id = current(&app).id;
    let last_line = |app: &App| match &app.overlay {
        karta::tui::overlay::Overlay::Editor(editor) => editor.last_line().to_string(),
        _ => panic!("the editor is open"),
    };
    press(&mut app, "r Alt-Enter text:ко Tab");
    assert_eq!(last_line(&app), "Колосов В.Г.");
    press(&mut app, "Tab");
    assert_eq!(last_line(&app), "Корчевская И.П.", "the next match");
    press(&mut app, "Tab");
    assert_eq!(
        last_line(&app),
        "Колосов В.Г.",
        "round again: Харько does not match"
    );
    press(&mut app, "BackTab Enter");
    let responsible = stored(&app, &id).expect("there").responsible;
    assert_eq!(
        responsible.last().map(String::as_str),
        Some("Корчевская И.П.")
    );
}

#[test]
fn merging_takes_a_path_from_the_roadmaps_folder_and_lists_its_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j");
    let id = current(&app).id;
    let mut theirs = karta::store::open(app.document.path.as_deref().expect("path")).expect("copy");
    theirs.set_author(Some("Корчевская И.П."));
    theirs
        .set_activity_field(
            &id,
            &karta::store::write::edit::ActivityField::Deadline,
            "Январь 2022",
        )
        .expect("their edit");
    karta::store::save(&dir.path().join("theirs.karta"), &mut theirs).expect("save");
    std::fs::write(dir.path().join("from-korchevskaya.karta-changes"), b"").expect("bundle");
    std::fs::write(dir.path().join("notes.txt"), b"").expect("other");
    press(&mut app, "Ctrl-o");
    let offered = screen(&mut app, 100, 30);
    for name in ["theirs.karta", "from-korchevskaya.karta-changes"] {
        assert!(offered.contains(name), "{name} offered:\n{offered}");
    }
    assert!(!offered.contains("notes.txt"), "{offered}");
    assert_eq!(
        offered.matches("lysva.karta").count(),
        1,
        "the roadmap itself only in the title line:\n{offered}"
    );
    press(&mut app, "text:th Tab Enter");
    let preview = screen(&mut app, 120, 30);
    assert!(
        preview.contains("Корчевская И.П.: изменила срок"),
        "theirs.karta found beside the roadmap, not in the current folder:\n{preview}"
    );
}

#[test]
fn renumbering_in_the_editor_keeps_sub_items_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("chernogorsk", dir.path());
    let before = app.document.roadmap.clone();
    press(&mut app, "R y");
    same_as_fresh(&app, "renumbering");
    let numbers = |r: &karta::model::Roadmap| -> Vec<String> {
        r.sections[9]
            .activities
            .iter()
            .map(|a| a.number.clone())
            .collect()
    };
    assert_eq!(
        &numbers(&app.document.roadmap)[..6],
        ["10.1.", "10.2.", "10.3.", "10.4.", "10.4.1.", "10.5."],
        "sub-items stay sub-items"
    );
    press(&mut app, "u");
    same_as_fresh(&app, "undo of renumbering");
    assert_eq!(numbers(&app.document.roadmap), numbers(&before));
}

#[test]
fn the_editor_exports_to_the_format_the_file_name_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let folder = app
        .document
        .path
        .as_deref()
        .and_then(|p| p.parent())
        .expect("folder")
        .to_path_buf();
    press(&mut app, "x Ctrl-a Ctrl-k");
    type_text(&mut app, "для-подписи.docx");
    press(&mut app, "Enter");
    let docx = std::fs::read(folder.join("для-подписи.docx")).expect("the Word file");
    assert!(docx.starts_with(b"PK"), "a zip container");
    press(&mut app, "x Ctrl-a Ctrl-k");
    type_text(&mut app, "сроки.ics");
    press(&mut app, "Enter");
    let ics = std::fs::read_to_string(folder.join("сроки.ics")).expect("the calendar");
    assert!(ics.contains("BEGIN:VTODO"), "{ics}");
    press(&mut app, "x Ctrl-a Ctrl-k");
    type_text(&mut app, "без-расширения");
    press(&mut app, "Enter");
    assert!(!folder.join("без-расширения").exists());
}
