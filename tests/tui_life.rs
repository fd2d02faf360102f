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

    press(&mut app, "c Enter text:не_нужен Esc");
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

/// The message on the status line.
fn said(app: &karta::tui::app::App) -> String {
    app.status
        .message
        .as_ref()
        .map(|(text, _)| text.clone())
        .unwrap_or_default()
}

/// The activity under the cursor.
fn current_id(app: &karta::tui::app::App) -> String {
    let entry = app.current_entry().expect("an activity under the cursor");
    app.document.catalog.entries[entry].activity.id.clone()
}

#[test]
fn the_edition_is_approved_from_a_form_as_one_undo_step() {
    use karta::store::write::approvals::approvals;
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    // The Russian layout's key in the same place opens it too.
    press(&mut app, "Г");
    assert!(matches!(app.overlay, Overlay::Approve(_)));
    insta::assert_snapshot!("approve_form", screen(&mut app, 100, 20));

    let clear = "Backspace ".repeat(12);
    press(&mut app, &format!("Tab {clear} text:31.02.2022 Enter"));
    assert!(
        matches!(app.overlay, Overlay::Approve(_)),
        "not a date: the form stays"
    );
    insta::assert_snapshot!("approve_form_refused", screen(&mut app, 100, 20));
    assert!(approvals(app.document.doc.automerge()).is_empty());

    press(&mut app, &format!("{clear} text:01.09.2023 Enter"));
    assert!(matches!(app.overlay, Overlay::None));
    let listed = approvals(app.document.doc.automerge());
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].number, "491/01-08");
    assert_eq!(listed[0].date, chrono::NaiveDate::from_ymd_opt(2023, 9, 1));
    assert_eq!(listed[0].author, "Тестова Т.Т.");
    let since = karta::store::history::since::report(
        &mut app.document.doc,
        &karta::store::history::since::Since::Approved,
    )
    .expect("diff");
    assert!(since.groups.is_empty(), "this edition is the one approved");
    let heading = app.document.roadmap.meta.approval.clone().expect("order");
    assert_eq!(heading.date, chrono::NaiveDate::from_ymd_opt(2023, 9, 1));
    assert!(
        app.document.roadmap == app.document.doc.roadmap(),
        "the heading patched as a whole read gives it"
    );
    assert!(said(&app).contains("Редакция утверждена: приказ от 01.09.2023 № 491/01-08"));
    assert!(
        dir.path().join("lysva.karta.journal").exists(),
        "journaled at once"
    );

    press(&mut app, "u");
    assert!(approvals(app.document.doc.automerge()).is_empty(), "undone");
    let heading = app.document.roadmap.meta.approval.clone().expect("order");
    assert_eq!(heading.date, chrono::NaiveDate::from_ymd_opt(2021, 10, 28));
    assert!(app.document.since.is_none());
    press(&mut app, "Ctrl-r");
    let again = approvals(app.document.doc.automerge());
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].id, listed[0].id, "redone: the same approval");

    press(&mut app, "Ctrl-s");
    app.wait_for_save().expect("saved");
    let file = dir.path().join("lysva.karta");
    let out = karta_command(dir.path())
        .arg("approvals")
        .arg(&file)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("приказ от 01.09.2023 № 491/01-08") && text.contains("Тестова Т.Т."),
        "stored as karta approve stores it: {text}"
    );
}

#[test]
fn an_empty_order_number_is_refused_and_esc_records_nothing() {
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let clear = "Backspace ".repeat(12);
    press(&mut app, &format!("U {clear} Enter"));
    assert!(matches!(app.overlay, Overlay::Approve(_)));
    assert!(screen(&mut app, 100, 20).contains("укажите номер приказа"));
    press(&mut app, "Esc");
    assert!(matches!(app.overlay, Overlay::None));
    assert!(!app.document.unsaved, "nothing written");
}

#[test]
fn activities_changed_since_the_approval_are_marked_and_listed() {
    use karta::store::history::changed::{ChangedSince, Mark};
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "D");
    assert!(said(&app).contains("Утверждённой редакции ещё нет (U — утвердить)"));
    press(&mut app, "U Enter");
    assert_eq!(app.document.since.as_ref().expect("approved").count(), 0);

    press(&mut app, "j");
    let changed = current_id(&app);
    press(&mut app, "s j Enter");
    press(&mut app, "a text:Согласовать_график_с_опекой Enter");
    let added = current_id(&app);
    press(&mut app, "j j");
    let deleted = current_id(&app);
    press(&mut app, "d y");
    let since = app.document.since.as_ref().expect("marks");
    assert_eq!(since.mark(&changed), Some(Mark::Changed));
    assert_eq!(since.mark(&added), Some(Mark::Added));
    assert_eq!(since.mark(&deleted), None);
    let fresh = ChangedSince::read(&app.document.doc).expect("read");
    for e in &app.document.catalog.entries {
        let id = &e.activity.id;
        assert_eq!(since.mark(id), fresh.mark(id), "patched as read anew: {id}");
    }
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("+/* после утверждения: 2"), "{shown}");
    let label = |id: &str| app.document.catalog.entry(id).expect("entry").label.clone();
    assert!(shown.contains(&format!("*{}", label(&changed))), "{shown}");
    assert!(shown.contains(&format!("+{}", label(&added))), "{shown}");

    press(&mut app, "D");
    assert!(matches!(app.overlay, Overlay::Changes(_)));
    app.await_reading();
    insta::assert_snapshot!(
        "changes_since_approved",
        undated(&screen(&mut app, 120, 34))
    );

    // Enter on the deleted one: it is in the recycle bin.
    let selected_item = |app: &karta::tui::app::App| match &app.overlay {
        Overlay::Changes(list) => list.lines[list.selected].item.clone().map(|i| i.id),
        _ => None,
    };
    for _ in 0..40 {
        if selected_item(&app).as_deref() == Some(deleted.as_str()) {
            break;
        }
        press(&mut app, "j");
    }
    press(&mut app, "Enter");
    assert!(matches!(app.overlay, Overlay::None));
    assert!(
        said(&app).contains("Удалено после утверждения (b — корзина)"),
        "{}",
        said(&app)
    );

    // Enter on the one added: the view goes to it.
    press(&mut app, "g D");
    app.await_reading();
    for _ in 0..40 {
        if selected_item(&app).as_deref() == Some(added.as_str()) {
            break;
        }
        press(&mut app, "j");
    }
    press(&mut app, "Enter");
    assert_eq!(current_id(&app), added);
    if !app.views.show_detail {
        press(&mut app, "i");
    }
    let shown = screen(&mut app, 160, 40);
    assert!(
        shown.contains("Добавлено после утверждения (приказ от 28.10.2021 № 491/01-08)")
            && shown.contains("(D — что изменилось)"),
        "{shown}"
    );
}

#[test]
fn the_peers_screen_lists_each_correspondent_as_karta_peers_does() {
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut app = editor_on("lysva", d);
    let me = d.join("Тестова Т.Т.");
    app.document.records = Some(karta::peers::Records {
        sent: me.join("sent.toml"),
        received: me.join("data").join("received.toml"),
    });
    press(&mut app, "P");
    assert!(matches!(app.overlay, Overlay::None));
    assert!(said(&app).contains("обменов ещё не было"), "{}", said(&app));

    let (lysva, to_her) = (d.join("lysva.karta"), d.join("to-her"));
    run_ok(
        d,
        "Тестова Т.Т.",
        &[
            "bundle",
            lysva.to_str().expect("path"),
            "--to",
            "Корчевская И.П.",
            "-o",
            to_her.to_str().expect("path"),
        ],
    );
    press(&mut app, "j s j Enter");
    press(&mut app, "P");
    assert!(matches!(app.overlay, Overlay::Reading(_)));
    let shown = undated(&screen(&mut app, 120, 20));
    assert!(shown.contains("Корчевская И.П."), "{shown}");
    assert!(
        shown.contains("ваших изменений, которых у них нет: 1"),
        "the status set since: {shown}"
    );
    insta::assert_snapshot!("peers_screen", shown);
    press(&mut app, "Esc");

    // A bundle from her merged in the editor is remembered as received.
    let theirs = d.join("theirs.karta");
    std::fs::copy(d.join("lysva.karta"), &theirs).expect("copy");
    let her = |args: &[&str]| {
        run_ok(d, "Корчевская И.П.", args);
    };
    let (theirs_s, mine_s) = (theirs.to_str().expect("path"), d.join("lysva.karta"));
    her(&["set", theirs_s, "2.1", "deadline", "Май 2022"]);
    let out = d.join("from-her");
    let out = out.to_str().expect("path");
    her(&[
        "bundle",
        theirs_s,
        "--since",
        mine_s.to_str().expect("path"),
        "-o",
        out,
    ]);
    press(&mut app, "Ctrl-o");
    type_text(&mut app, "from-her.karta-changes");
    press(&mut app, "Enter y");
    assert!(said(&app).contains("Слито из"), "{}", said(&app));
    press(&mut app, "P");
    let shown = undated(&screen(&mut app, 120, 20));
    assert!(
        shown.contains("получено: ГГГГ-ММ-ДД чч:мм (пакет от ГГГГ-ММ-ДД чч:мм)"),
        "{shown}"
    );
}

#[test]
fn comments_written_changed_and_removed_are_undone_and_redone_and_journaled() {
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let texts = |app: &karta::tui::app::App, id: &str| -> Vec<String> {
        let stored = app.document.doc.activity(id).expect("there");
        let shown = app
            .document
            .catalog
            .entry(id)
            .expect("shown")
            .activity
            .clone();
        assert_eq!(
            stored.comments, shown.comments,
            "the model follows the document"
        );
        stored.comments.iter().map(|c| c.text.clone()).collect()
    };
    press(&mut app, "j");
    let id = current_id(&app);
    press(&mut app, "c text:Согласовать_с_опекой Enter");
    assert_eq!(texts(&app, &id), ["Согласовать с опекой"]);
    let written = app.document.doc.activity(&id).expect("there").comments[0]
        .id
        .clone();
    press(&mut app, "u");
    assert!(texts(&app, &id).is_empty(), "undone");
    press(&mut app, "Ctrl-r");
    assert_eq!(texts(&app, &id), ["Согласовать с опекой"]);
    let again = app.document.doc.activity(&id).expect("there").comments[0]
        .id
        .clone();
    assert_eq!(again, written, "redone: the same comment");

    // With a comment there, the key lists them: a new one or one to change.
    press(&mut app, "c");
    assert!(matches!(app.overlay, Overlay::List(_)));
    insta::assert_snapshot!("comments_list", undated(&screen(&mut app, 100, 20)));
    press(&mut app, "j Enter text:_(уточнено) Enter");
    assert_eq!(texts(&app, &id), ["Согласовать с опекой (уточнено)"]);
    press(&mut app, "u");
    assert_eq!(texts(&app, &id), ["Согласовать с опекой"]);
    press(&mut app, "Ctrl-r");
    assert_eq!(texts(&app, &id), ["Согласовать с опекой (уточнено)"]);

    // Emptied, it is removed; undone, it is back.
    let clear = "Backspace ".repeat(40);
    press(&mut app, &format!("c j Enter {clear} Enter"));
    assert!(texts(&app, &id).is_empty(), "removed");
    press(&mut app, "u");
    assert_eq!(texts(&app, &id), ["Согласовать с опекой (уточнено)"]);
    assert!(
        said(&app).contains("Отменено: Комментарий удалён"),
        "{}",
        said(&app)
    );

    press(&mut app, "H");
    let shown = screen(&mut app, 160, 40);
    for said in [
        "прокомментировала 1.1.",
        "удалила комментарий к 1.1.",
        "вернула комментарий к 1.1.",
    ] {
        assert!(shown.contains(said), "{said}: {shown}");
    }
    press(&mut app, "Esc");

    // Not saved: the journal brings every step back.
    let path = dir.path().join("lysva.karta");
    let bytes = std::fs::read(&path).expect("read");
    let loaded = karta::tui::loader::load(bytes, &path, "Тестова Т.Т.", None).expect("load");
    let comments = loaded.doc.activity(&id).expect("there").comments;
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].text, "Согласовать с опекой (уточнено)");
}

#[test]
fn a_stage_set_differently_in_two_copies_is_a_conflict_resolved_like_any_field() {
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let copy = |name: &str, author: &str, stage: &str| {
        let path = d.join(name);
        std::fs::copy(project("samples/lysva.karta"), &path).expect("copy");
        let file = path.to_str().expect("path");
        run_ok(d, author, &["set", file, "1.1", "stage", stage]);
        path
    };
    let mine = copy("lysva.karta", "Иванова И.И.", "3");
    let theirs = copy("theirs.karta", "Колосов В.Г.", "5");
    let run = |args: &[&str]| run_ok(d, "Иванова И.И.", args);
    let (mine_s, theirs_s) = (mine.to_str().expect("path"), theirs.to_str().expect("path"));
    run(&["merge", mine_s, theirs_s]);
    let listed = run(&["conflicts", mine_s]);
    for said in [
        "этап цикла",
        "«3. Методы сбора информации»",
        "«5. Анализ результатов мониторинга»",
    ] {
        assert!(listed.contains(said), "{said}: {listed}");
    }

    // The command line resolves a copy; the editor the file itself.
    let resolved = d.join("resolved.karta");
    std::fs::copy(&mine, &resolved).expect("copy");
    let resolved_s = resolved.to_str().expect("path");
    run(&["resolve", resolved_s, "1.1", "stage", "--pick", "2"]);
    assert!(!run(&["conflicts", resolved_s]).contains("этап цикла"));
    let log = run(&["log", resolved_s, "--number", "1.1", "--limit", "1"]);
    assert!(log.contains("решила конфликт"), "{log}");

    let mut app = editor_at(&mine);
    press(&mut app, "C");
    assert!(matches!(app.overlay, Overlay::List(_)));
    let shown = screen(&mut app, 120, 24);
    let stage_named = shown.contains("«3. Методы") || shown.contains("«5. Анализ");
    assert!(shown.contains("‼1.1.") && stage_named, "{shown}");
    press(&mut app, "Enter");
    assert!(matches!(app.overlay, Overlay::Conflict(_)));
    // Which value Automerge shows meanwhile depends on the copies' actors:
    // both are there, in words, either first.
    let shown = screen(&mut app, 120, 30);
    for said in [
        "Методы сбора информации",
        "Анализ результатов мониторинга",
        "Оставить 1",
        "Оставить 2",
    ] {
        assert!(shown.contains(said), "{said}: {shown}");
    }
    press(&mut app, "j Enter");
    assert!(app.document.conflicts.is_empty(), "resolved");
    let id = app.document.roadmap.sections[0].activities[0].id.clone();
    let kept = app.document.doc.activity(&id).expect("there").stage;
    let other = karta::store::open(&resolved)
        .expect("open")
        .activity(&id)
        .expect("there")
        .stage;
    assert!(kept.is_some(), "a stage kept");
    assert_eq!(kept, other, "the second value, as --pick 2 keeps it");
    assert!(!screen(&mut app, 120, 24).contains('‼'), "no mark left");
}

#[test]
fn the_vim_keymap_and_english_reach_the_same_screens() {
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lysva.karta");
    std::fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    let mut doc = karta::store::open(&path).expect("open");
    doc.set_author(Some("Test T.T."));
    let keymap = karta::tui::keymap::Keymap::built_in("vim").expect("keymap");
    let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date");
    let mut app = karta::tui::app::App::new(doc, Some(path), keymap, karta::i18n::Lang::En, today);
    press(&mut app, "D");
    assert!(
        said(&app).contains("No approved edition yet (U — approves it)"),
        "{}",
        said(&app)
    );
    press(&mut app, "U");
    let shown = screen(&mut app, 100, 20);
    assert!(
        shown.contains("Approve the edition") && shown.contains("Order number:"),
        "{shown}"
    );
    press(&mut app, "Enter");
    assert!(
        said(&app).contains("Edition approved: order of 28.10.2021 № 491/01-08"),
        "{}",
        said(&app)
    );
    press(&mut app, "D");
    assert!(matches!(app.overlay, Overlay::Changes(_)));
    assert!(screen(&mut app, 120, 30).contains("Changes since the approved edition"));
    press(&mut app, "Esc");
    app.document.records = Some(karta::peers::Records {
        sent: dir.path().join("sent.toml"),
        received: dir.path().join("received.toml"),
    });
    press(&mut app, "P");
    assert!(said(&app).contains("no exchanges yet"), "{}", said(&app));
}

/// An editor over a copy of lysva approved on file, its marks still being
/// read in the background (nothing waited for).
fn approved_editor_reading(dir: &std::path::Path) -> karta::tui::app::App {
    let path = dir.join("lysva.karta");
    std::fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    let mut doc = karta::store::open(&path).expect("open");
    let date = chrono::NaiveDate::from_ymd_opt(2022, 2, 26).expect("date");
    doc.approve("20", date).expect("approve");
    karta::store::disk::file::save(&path, &mut doc).expect("save");
    let mut doc = karta::store::open(&path).expect("open");
    doc.set_author(Some("Тестова Т.Т."));
    let keymap = karta::tui::keymap::Keymap::built_in("default").expect("keymap");
    let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date");
    karta::tui::app::App::new(doc, Some(path), keymap, karta::i18n::Lang::Ru, today)
}

#[test]
fn edits_made_while_the_marks_are_read_are_marked_when_they_come() {
    use karta::store::history::changed::{ChangedSince, Mark};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = approved_editor_reading(dir.path());
    assert!(app.reading_marks(), "read in the background");
    assert!(app.document.since.is_none(), "no marks until they come");
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("читаются отметки изменений"), "{shown}");

    // Edits do not wait for the marks.
    press(&mut app, "j");
    let changed = current_id(&app);
    press(&mut app, "s j Enter");
    press(&mut app, "a text:Согласовать_график_с_опекой Enter");
    let added = current_id(&app);
    press(&mut app, "j j");
    let undone = current_id(&app);
    press(&mut app, "s j Enter u");
    assert!(app.reading_marks(), "nothing waited for them");

    app.await_reading();
    assert!(!app.reading_marks());
    let since = app.document.since.as_ref().expect("marks");
    assert_eq!(since.mark(&changed), Some(Mark::Changed));
    assert_eq!(since.mark(&added), Some(Mark::Added));
    assert_eq!(since.mark(&undone), None, "undone: as approved");
    let fresh = ChangedSince::read(&app.document.doc).expect("read");
    assert_eq!(since.count(), fresh.count());
    for e in &app.document.catalog.entries {
        let id = &e.activity.id;
        assert_eq!(since.mark(id), fresh.mark(id), "as read anew: {id}");
    }
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("+/* после утверждения: 2"), "{shown}");
    assert!(!shown.contains("читаются отметки изменений"), "{shown}");
}

#[test]
fn the_list_of_changes_opens_at_once_and_fills_when_made() {
    use karta::store::write::edit::ActivityField;
    use karta::tui::overlay::Overlay;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = approved_editor_reading(dir.path());
    press(&mut app, "j");
    let id = current_id(&app);
    press(&mut app, "s j Enter");

    // Opened at once, saying it is being made; Esc closes it meanwhile.
    press(&mut app, "D");
    let preparing = |app: &karta::tui::app::App| match &app.overlay {
        Overlay::Changes(list) => list.preparing.is_some(),
        _ => false,
    };
    assert!(preparing(&app));
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("Список изменений составляется"), "{shown}");
    press(&mut app, "Esc");
    assert!(matches!(app.overlay, Overlay::None));
    app.await_reading();
    assert!(matches!(app.overlay, Overlay::None), "closed stays closed");

    // The document changes while the list is made: made again.
    press(&mut app, "D");
    assert!(preparing(&app));
    app.document
        .doc
        .set_activity_field(&id, &ActivityField::Deadline, "Декабрь 2031")
        .expect("edit");
    app.await_reading();
    assert!(!preparing(&app), "filled");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Декабрь 2031"), "{shown}");
    assert!(shown.contains("в работе"), "{shown}");
    press(&mut app, "Enter");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(current_id(&app), id, "the view goes to it");
}
