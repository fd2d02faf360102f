//! Opening from the view cache while the document loads in the background,
//! and compacting the document during a session.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use karta::model::Status;
use karta::store::disk::cache::{Fingerprint, View, ViewCache};
use karta::tui::app::App;
use karta::tui::early;

fn options(file: &Path, cache: &Path) -> karta::tui::Options {
    karta::tui::Options {
        file: Some(file.to_path_buf()),
        lang: karta::i18n::Lang::Ru,
        today: chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date"),
        keymap: "default".into(),
        author: "Тестова Т.Т.".into(),
        cache_dir: Some(cache.to_path_buf()),
        keymap_file: None,
    }
}

/// A copy of a sample in `dir`, opened once so that its view is cached.
fn cached_sample(name: &str, dir: &Path) -> (PathBuf, PathBuf) {
    let file = dir.join(format!("{name}.karta"));
    std::fs::copy(project(&format!("samples/{name}.karta")), &file).expect("copy");
    let cache = dir.join("cache");
    let mut cold = karta::tui::open_app(&options(&file, &cache)).expect("cold open");
    assert!(!cold.is_loading(), "no cache yet: loaded at once");
    // The view is cached once the conflicts are known.
    cold.await_doc();
    (file, cache)
}

/// A file that is no Automerge document, whose view the cache holds (as
/// if it was damaged after it was last opened): its path, bytes and the
/// cache folder.
fn broken_with_cached_view(dir: &Path) -> (PathBuf, Vec<u8>, PathBuf) {
    let file = dir.join("broken.karta");
    let junk = b"not an automerge document".to_vec();
    std::fs::write(&file, &junk).expect("write");
    let cache = dir.join("cache");
    let roadmap = karta::store::open(&project("samples/tynda.karta"))
        .expect("sample")
        .roadmap();
    ViewCache::new(cache.clone())
        .store(
            &file,
            Fingerprint::of(&junk),
            &View {
                heads: &[],
                roadmap: &roadmap,
                conflicts: &[],
                deleted_but_edited: None,
            },
        )
        .expect("cache");
    (file, junk, cache)
}

/// A copy of a sample opened once (its view cached), then opened again
/// from the cache: the file, the cache folder and the editor, its document
/// still to load.
fn warm_open(name: &str, dir: &Path) -> (PathBuf, PathBuf, App) {
    let (file, cache) = cached_sample(name, dir);
    let app = karta::tui::open_app(&options(&file, &cache)).expect("warm open");
    (file, cache, app)
}

fn current(app: &App) -> karta::model::Activity {
    let entry = app.current_entry().expect("an activity under the cursor");
    app.document.catalog.entries[entry].activity.clone()
}

#[test]
fn a_cached_view_shows_at_once_and_the_document_loads_behind_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, _, mut app) = warm_open("tynda", dir.path());
    assert!(app.is_loading(), "built from the cache");
    let expected = karta::store::open(&file).expect("open").roadmap();
    assert_eq!(app.document.roadmap, expected);
    let frame = screen(&mut app, 120, 30);
    assert!(frame.contains("25 мероприятий"), "{frame}");
    press(&mut app, "j j / text:мониторинг Enter Esc Tab");
    assert!(app.is_loading(), "browsing does not wait for the document");
    press(&mut app, "Tab Tab");
    while !app.poll_load() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!app.document.unsaved);
    assert_eq!(app.document.roadmap, expected);
}

#[test]
fn an_edit_before_the_load_is_shown_at_once_and_made_when_the_document_arrives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache, mut app) = warm_open("tynda", dir.path());
    assert!(app.is_loading());
    press(&mut app, "j s Down Down Enter");
    assert!(app.is_loading(), "the edit did not wait for the document");
    let id = current(&app).id;
    assert_eq!(current(&app).status, Status::Done, "shown at once");
    assert!(app.document.unsaved);
    assert!(early::path_for(&file).exists(), "kept beside the file");
    press(&mut app, "Ctrl-s");
    assert!(
        app.is_loading(),
        "Ctrl-s does not wait for the document either"
    );
    app.wait_for_save().expect("saved once loaded");
    assert!(!app.document.unsaved);
    assert!(!early::path_for(&file).exists(), "made in the document");
    assert_eq!(app.document.doc.roadmap(), app.document.roadmap);
    let saved = karta::store::open(&file).expect("reopen").roadmap();
    let status = saved
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(_, a)| a.status.clone());
    assert_eq!(status, Some(Status::Done));
    press(&mut app, "u");
    assert_eq!(current(&app).status, Status::Planned, "one undo step");
    let again = karta::tui::open_app(&options(&file, &cache)).expect("reopen");
    assert!(again.is_loading(), "the save refreshed the cache");
    assert_eq!(again.document.roadmap, saved);
}

#[test]
fn edits_made_before_the_load_survive_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache, mut app) = warm_open("tynda", dir.path());
    press(
        &mut app,
        "j s Down Down Enter j r Alt-Enter text:Кто-то_новый Enter",
    );
    let id = current(&app).id;
    assert!(app.is_loading(), "nothing waited for the document");
    drop(app);
    let mut reopened = karta::tui::open_app(&options(&file, &cache)).expect("reopen");
    assert!(reopened.is_loading());
    assert!(reopened.document.unsaved);
    let shown = reopened.document.catalog.entry(&id).expect("entry");
    let added = |a: &karta::model::Activity| a.responsible.iter().any(|r| r == "Кто-то новый");
    assert!(added(&shown.activity), "shown at once");
    reopened.await_load();
    assert!(!early::path_for(&file).exists(), "in the journal now");
    assert_eq!(reopened.document.doc.roadmap(), reopened.document.roadmap);
    let done = reopened
        .document
        .roadmap
        .activities_with_path()
        .into_iter()
        .filter(|(_, a)| a.status == Status::Done)
        .count();
    assert_eq!(done, 1);
    drop(reopened);
    let journaled = karta::tui::open_app(&karta::tui::Options {
        cache_dir: None,
        ..options(&file, &cache)
    })
    .expect("reopen from the journal");
    let entry = journaled.document.catalog.entry(&id).expect("entry");
    assert!(added(&entry.activity));
}

#[test]
fn a_key_right_after_ctrl_s_is_answered_and_its_edit_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Enter Ctrl-s j s Down Down Enter");
    let id = current(&app).id;
    assert_eq!(current(&app).status, Status::Done, "shown at once");
    app.wait_for_save().expect("saved");
    assert!(
        app.document.unsaved,
        "the second edit came after the save began"
    );
    assert_eq!(app.document.doc.roadmap(), app.document.roadmap);
    press(&mut app, "Ctrl-s");
    app.wait_for_save().expect("saved again");
    assert!(!app.document.unsaved);
    let saved = karta::store::open(&path).expect("reopen").roadmap();
    assert_eq!(saved, app.document.roadmap);
    let status = saved
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(_, a)| a.status.clone());
    assert_eq!(status, Some(Status::Done));
}

#[test]
fn the_journal_is_applied_after_a_background_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache) = cached_sample("tynda", dir.path());
    let mut app = karta::tui::open_app(&options(&file, &cache)).expect("open");
    press(&mut app, "j s Down Down Enter");
    let id = current(&app).id;
    drop(app);
    let mut reopened = karta::tui::open_app(&options(&file, &cache)).expect("reopen");
    assert!(reopened.is_loading(), "the file did not change: cached");
    reopened.await_load();
    assert!(reopened.document.unsaved);
    let entry = reopened.document.catalog.entry(&id).expect("entry");
    assert_eq!(entry.activity.status, Status::Done, "recatalogued");
}

#[test]
fn a_file_that_does_not_load_keeps_the_edits_and_saves_them_as_a_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, junk, cache) = broken_with_cached_view(dir.path());
    let mut app = karta::tui::open_app(&options(&file, &cache)).expect("open from cache");
    assert!(app.is_loading());
    press(&mut app, "j s Down Down Enter");
    let id = current(&app).id;
    app.await_load();
    assert!(!app.is_loading());
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("сохранит показанное как копию"), "{frame}");
    press(&mut app, "d");
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("Только просмотр"), "{frame}");
    assert_eq!(
        current(&app).status,
        Status::Done,
        "the edit is still shown"
    );
    press(&mut app, "Ctrl-s");
    app.wait_for_save().expect("saved as a copy");
    assert_eq!(
        std::fs::read(&file).expect("read"),
        junk,
        "the file untouched"
    );
    assert!(!early::path_for(&file).exists(), "in the copy now");
    let copy = dir.path().join("broken (копия).karta");
    let saved = karta::store::open(&copy).expect("the copy").roadmap();
    let status = saved
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(_, a)| a.status.clone());
    assert_eq!(status, Some(Status::Done));
    assert_eq!(app.document.path.as_deref(), Some(copy.as_path()));
    assert!(!app.document.unsaved);
}

#[test]
fn a_damaged_cache_falls_back_to_a_normal_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache) = cached_sample("tynda", dir.path());
    for entry in std::fs::read_dir(&cache).expect("cache dir") {
        let path = entry.expect("entry").path();
        std::fs::write(&path, b"{\"format\":\"karta-view-cache\"").expect("damage");
    }
    let app = karta::tui::open_app(&options(&file, &cache)).expect("open");
    assert!(!app.is_loading(), "a normal load");
    assert_eq!(
        app.document.roadmap,
        karta::store::open(&file).expect("open").roadmap()
    );
}

#[test]
fn compacting_keeps_edits_made_meanwhile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("tynda", dir.path());
    let path = app.document.path.clone().expect("path");
    press(&mut app, "j s Down Enter");
    app.start_compaction();
    press(&mut app, "j s Down Down Enter");
    let id = current(&app).id;
    app.finish_compaction();
    press(&mut app, "k s Down Down Down Enter");
    let model = app.document.doc.roadmap();
    assert_eq!(model, app.document.roadmap);
    drop(app);
    let options = karta::tui::Options {
        cache_dir: None,
        ..options(&path, dir.path())
    };
    let reopened = karta::tui::open_app(&options).expect("reopen");
    assert!(reopened.document.unsaved, "the journal has every edit");
    assert_eq!(reopened.document.roadmap, model);
    let entry = reopened.document.catalog.entry(&id).expect("entry");
    assert_eq!(entry.activity.status, Status::Done);
}

#[test]
fn a_warm_open_takes_the_conflicts_from_the_cache_without_a_scan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache) = cached_sample("lysva", dir.path());
    let mut doc = karta::store::open(&file).expect("open");
    let heads = doc.heads();
    // A conflict no scan of this document would find: kept only if the
    // cache is believed.
    let marker = karta::store::exchange::conflicts::Conflict {
        item: karta::store::history::changes::Item {
            kind: karta::store::history::changes::ItemKind::Heading,
            id: String::new(),
            number: String::new(),
            label: "метка".into(),
        },
        field: karta::store::history::changes::Field::Title,
        values: Vec::new(),
    };
    let bytes = std::fs::read(&file).expect("read");
    ViewCache::new(cache.clone())
        .store(
            &file,
            Fingerprint::of(&bytes),
            &View {
                heads: &heads,
                roadmap: &doc.roadmap(),
                conflicts: std::slice::from_ref(&marker),
                deleted_but_edited: None,
            },
        )
        .expect("cache");
    let mut app = karta::tui::open_app(&options(&file, &cache)).expect("warm open");
    assert!(app.is_loading());
    assert_eq!(
        app.document.conflicts,
        std::slice::from_ref(&marker),
        "shown at once"
    );
    app.await_load();
    assert_eq!(app.document.conflicts, [marker], "not scanned again");
}

#[test]
fn a_cold_open_finds_conflicts_behind_the_first_frame_and_caches_them() {
    use karta::store::write::edit::ActivityField;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("tynda.karta");
    std::fs::copy(project("samples/tynda.karta"), &file).expect("copy");
    let mut mine = karta::store::open(&file).expect("open");
    let mut theirs = mine.fork();
    let id = mine.roadmap().activities_with_path()[2].1.id.clone();
    mine.set_activity_field(&id, &ActivityField::Status, "done")
        .expect("mine");
    theirs
        .set_activity_field(&id, &ActivityField::Status, "cancelled")
        .expect("theirs");
    // One deletes an activity the other edits meanwhile.
    let gone = mine.roadmap().activities_with_path()[3].1.id.clone();
    mine.set_deleted(karta::store::write::edit::NodeKind::Activity, &gone, true)
        .expect("deleted");
    theirs
        .set_activity_field(&gone, &ActivityField::Deadline, "Июнь 2030")
        .expect("edited unseen");
    mine.merge(&mut theirs).expect("merge");
    karta::store::save(&file, &mut mine).expect("save");
    let cache = dir.path().join("cache");
    let edited_unseen = |app: &App| {
        let list = app.document.deleted_but_edited.as_ref();
        list.is_some_and(|l| l.len() == 1 && l[0].item.id == gone)
    };
    let mut app = karta::tui::open_app(&options(&file, &cache)).expect("cold open");
    assert!(!app.is_loading(), "no cached view: loaded at once");
    assert!(
        app.is_scanning(),
        "conflicts are looked for behind the frame"
    );
    press(&mut app, "j s Down Down Enter");
    let edited = current(&app).id;
    assert_eq!(current(&app).status, Status::Done, "shown at once");
    app.await_doc();
    assert!(app.document.conflicts.iter().any(|c| c.item.id == id));
    assert!(edited_unseen(&app), "{:?}", app.document.deleted_but_edited);
    assert_eq!(app.document.doc.roadmap(), app.document.roadmap);
    let activity = app.document.doc.activity(&edited).expect("edited");
    assert_eq!(
        activity.status,
        Status::Done,
        "the edit made in the document"
    );
    press(&mut app, "Ctrl-s");
    app.wait_for_save().expect("saved");
    drop(app);
    let warm = karta::tui::open_app(&options(&file, &cache)).expect("warm open");
    assert!(
        warm.is_loading(),
        "the save cached the view, conflicts and all"
    );
    assert!(warm.document.conflicts.iter().any(|c| c.item.id == id));
    assert!(edited_unseen(&warm), "so are the deletions edited unseen");
}

#[test]
fn structural_steps_before_the_load_wait_for_the_document_without_holding_the_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, _, mut app) = warm_open("tynda", dir.path());
    assert!(app.is_loading());
    press(&mut app, "j j");
    let gone = current(&app);
    press(&mut app, "d y");
    assert!(
        app.is_loading(),
        "the deletion did not wait for the document"
    );
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("в очереди: 1"), "{frame}");
    assert!(
        app.document.catalog.entry(&gone.id).is_some(),
        "shown until made"
    );
    press(&mut app, "a text:Новое_мероприятие Enter");
    assert!(app.is_loading(), "nor did the new activity");
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("в очереди: 2"), "{frame}");
    press(&mut app, "j j");
    assert!(app.is_loading(), "browsing goes on meanwhile");
    assert!(app.document.unsaved);

    app.await_doc();
    assert!(app.document.catalog.entry(&gone.id).is_none(), "deleted");
    let added: Vec<_> = app
        .document
        .roadmap
        .activities_with_path()
        .into_iter()
        .filter(|(_, a)| a.text == "Новое мероприятие")
        .map(|(_, a)| a.id.clone())
        .collect();
    assert_eq!(added.len(), 1, "added once");
    assert_eq!(app.document.doc.roadmap(), app.document.roadmap);
    app.save().expect("save");
    let saved = karta::store::open(&file).expect("reopen").roadmap();
    let ids: Vec<String> = saved
        .activities_with_path()
        .into_iter()
        .map(|(_, a)| a.id.clone())
        .collect();
    assert!(!ids.contains(&gone.id), "the deletion is in the file");
    assert!(ids.contains(&added[0]), "so is the new activity");
    // Each was its own undo step, in the order confirmed.
    press(&mut app, "u");
    assert!(app.document.catalog.entry(&added[0]).is_none());
    assert!(app.document.catalog.entry(&gone.id).is_none());
    press(&mut app, "u");
    assert!(app.document.catalog.entry(&gone.id).is_some(), "restored");
}

#[test]
fn a_step_kept_for_a_document_that_never_loads_is_refused_as_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, _, cache) = broken_with_cached_view(dir.path());
    let mut app = karta::tui::open_app(&options(&file, &cache)).expect("open from cache");
    press(&mut app, "j j d");
    // The load fails while the question is on screen.
    app.await_load();
    let shown = current(&app).id;
    press(&mut app, "y");
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("Только просмотр"), "{frame}");
    assert!(
        app.document.catalog.entry(&shown).is_some(),
        "nothing deleted"
    );
}

#[test]
fn a_new_activity_kept_for_a_section_deleted_before_it_is_said_not_lost_silently() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, _, mut app) = warm_open("tynda", dir.path());
    let section = app.current_section().expect("the first row is a section");
    let id = app.document.catalog.sections[section].section.id.clone();
    press(&mut app, "d y a text:В_удалённый_раздел Enter");
    assert!(app.is_loading(), "both waited");
    app.await_doc();
    assert!(app.document.catalog.section(&id).is_none(), "deleted");
    let frame = screen(&mut app, 160, 30);
    assert!(
        frame.contains("не добавлено: «В удалённый раздел»"),
        "{frame}"
    );
}

#[test]
fn moves_before_the_load_are_made_in_order_once_the_document_arrives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache) = cached_sample("tynda", dir.path());
    let mut loaded = karta::tui::open_app(&options(&file, &cache)).expect("open");
    loaded.await_doc();
    press(&mut loaded, "j");
    let moved = current(&loaded).id;
    let section = current_section_id(&loaded);
    let order = |app: &App| -> Vec<String> {
        let catalog = &app.document.catalog;
        catalog
            .activities_in(&section)
            .iter()
            .map(|i| catalog.entries[*i].activity.id.clone())
            .collect()
    };
    let before = order(&loaded);
    assert!(before.len() >= 3, "room to move twice");
    drop(loaded);

    let mut app = karta::tui::open_app(&options(&file, &cache)).expect("warm open");
    assert!(app.is_loading());
    press(&mut app, "j J J");
    assert!(app.is_loading(), "the moves did not wait for the document");
    app.await_doc();
    let after = order(&app);
    assert_eq!(
        after.iter().position(|id| *id == moved),
        Some(2),
        "two places down"
    );
    let mut expected = before.clone();
    let first = expected.remove(0);
    expected.insert(2, first);
    assert_eq!(after, expected);
    press(&mut app, "u u");
    assert_eq!(order(&app), before, "two undo steps");
}

fn current_section_id(app: &App) -> String {
    let entry = app.current_entry().expect("an activity");
    app.document.catalog.entries[entry].section.clone()
}

#[test]
fn an_undo_before_the_load_undoes_the_step_kept_before_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, _, mut app) = warm_open("tynda", dir.path());
    press(&mut app, "j j");
    let kept = current(&app).id;
    press(&mut app, "d y u");
    assert!(app.is_loading(), "neither the deletion nor the undo waited");
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("в очереди: 2"), "{frame}");
    app.await_doc();
    assert!(
        app.document.catalog.entry(&kept).is_some(),
        "deleted, then restored"
    );
    assert_eq!(app.document.doc.roadmap(), app.document.roadmap);
    press(&mut app, "Ctrl-r");
    assert!(app.document.catalog.entry(&kept).is_none(), "redone");
}

#[test]
fn a_comment_and_an_approval_before_the_load_wait_for_the_document() {
    use karta::store::write::approvals::approvals;
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, _, mut app) = warm_open("tynda", dir.path());
    press(&mut app, "j j");
    let id = current(&app).id;
    press(&mut app, "c text:Согласовать_с_опекой Enter");
    assert!(
        app.is_loading(),
        "the comment did not wait for the document"
    );
    let clear = "Backspace ".repeat(12);
    press(
        &mut app,
        &format!("U {clear} text:7 Tab {clear} text:01.09.2023 Enter"),
    );
    assert!(app.is_loading(), "nor did the approval");
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("в очереди: 2"), "{frame}");

    app.await_doc();
    let stored = app.document.doc.activity(&id).expect("there");
    assert_eq!(stored.comments.len(), 1);
    assert_eq!(stored.comments[0].text, "Согласовать с опекой");
    let listed = approvals(app.document.doc.automerge());
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].number, "7");
    assert_eq!(listed[0].date, chrono::NaiveDate::from_ymd_opt(2023, 9, 1));
    assert_eq!(app.document.doc.roadmap(), app.document.roadmap);
}

#[test]
fn steps_kept_for_the_document_survive_a_crash_before_it_arrives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache, mut app) = warm_open("tynda", dir.path());
    press(&mut app, "j j");
    let gone = current(&app);
    press(&mut app, "d y a text:Добавлено_до_сбоя Enter");
    press(&mut app, "k c text:Комментарий_до_сбоя Enter");
    let commented = current(&app).id;
    assert!(app.is_loading(), "none of them waited");
    assert!(early::path_for(&file).exists(), "kept beside the file");
    // The session ends before its document arrives.
    drop(app);

    let mut reopened = karta::tui::open_app(&options(&file, &cache)).expect("reopen");
    assert!(reopened.is_loading());
    assert!(reopened.document.unsaved);
    let frame = screen(&mut reopened, 160, 30);
    assert!(frame.contains("в очереди: 3"), "{frame}");
    reopened.await_doc();
    assert!(!early::path_for(&file).exists(), "in the journal now");
    let check = |roadmap: &karta::model::Roadmap, doc: &karta::store::Doc| {
        let ids: Vec<String> = roadmap
            .activities_with_path()
            .into_iter()
            .map(|(_, a)| a.id.clone())
            .collect();
        assert!(!ids.contains(&gone.id), "the deletion was made");
        let added = roadmap
            .activities_with_path()
            .into_iter()
            .filter(|(_, a)| a.text == "Добавлено до сбоя")
            .count();
        assert_eq!(added, 1, "the new activity was made once");
        let comments = doc.activity(&commented).expect("there").comments;
        assert_eq!(comments.len(), 1);
        assert_eq!(comments[0].text, "Комментарий до сбоя");
    };
    check(&reopened.document.roadmap, &reopened.document.doc);
    assert_eq!(reopened.document.doc.roadmap(), reopened.document.roadmap);
    drop(reopened);

    // Another crash: the steps are in the journal, made once.
    let journaled = karta::tui::open_app(&karta::tui::Options {
        cache_dir: None,
        ..options(&file, &cache)
    })
    .expect("reopen from the journal");
    check(&journaled.document.roadmap, &journaled.document.doc);
}

#[test]
fn a_field_edit_after_a_waiting_step_is_made_after_it_not_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, _, mut app) = warm_open("tynda", dir.path());
    press(&mut app, "j j");
    let edited = current(&app);
    // Nothing of this session to undo: said at once, nothing kept.
    press(&mut app, "u");
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("Нечего отменять"), "{frame}");
    // A deletion waits; the status edit after it waits behind it (made
    // early, it would come first), and the undo after both undoes the
    // status edit, the user's last step, not the deletion.
    press(&mut app, "j");
    let gone = current(&app);
    press(&mut app, "d y k");
    assert_eq!(current(&app).id, edited.id);
    press(&mut app, "s Down Down Enter u");
    assert!(app.is_loading());
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("в очереди: 3"), "{frame}");
    app.await_doc();
    assert!(app.document.catalog.entry(&gone.id).is_none(), "deleted");
    let shown = app.document.catalog.entry(&edited.id).expect("there");
    assert_eq!(shown.activity.status, edited.status, "the edit undone");
    assert_eq!(app.document.doc.roadmap(), app.document.roadmap);
    press(&mut app, "Ctrl-r");
    let shown = app.document.catalog.entry(&edited.id).expect("there");
    assert_eq!(shown.activity.status, Status::Done, "and redone");
}

#[test]
fn an_undo_kept_before_a_crash_undoes_only_what_was_kept_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, cache, mut app) = warm_open("tynda", dir.path());
    press(&mut app, "j j");
    let first = current(&app);
    press(&mut app, "d y j");
    let second = current(&app);
    press(&mut app, "d y u");
    drop(app);
    let mut reopened = karta::tui::open_app(&options(&file, &cache)).expect("reopen");
    reopened.await_doc();
    assert!(reopened.document.catalog.entry(&first.id).is_none());
    assert!(
        reopened.document.catalog.entry(&second.id).is_some(),
        "the undo undid the second deletion"
    );
    assert_eq!(reopened.document.doc.roadmap(), reopened.document.roadmap);
}

#[test]
fn a_screen_asked_for_before_the_load_opens_once_the_document_arrives_without_holding_the_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, _, mut app) = warm_open("tynda", dir.path());
    press(&mut app, "j j");
    let asked = current(&app).id;
    press(&mut app, "H");
    assert!(
        app.is_loading(),
        "the history did not wait for the document"
    );
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("Откроется, как только"), "{frame}");
    // Browsing goes on meanwhile; the history is of the row it was asked on.
    press(&mut app, "j j");
    assert!(app.is_loading());
    app.await_doc();
    let frame = screen(&mut app, 160, 30);
    assert!(frame.contains("История"), "{frame}");
    assert_eq!(current(&app).id, asked);
}
