//! Nothing lost in the editor (issue #9): the recycle bin (Корзина) with
//! restore, deleting a section as one change, the merge preview's warnings,
//! the conflict list with full values, new activities numbered.

mod common;

use common::*;
use karta::store::write::edit::ActivityField;
use karta::store::write::trash::deleted_items;
use karta::tui::app::App;
use karta::tui::overlay::Overlay;

/// The activity under the cursor.
fn current(app: &App) -> karta::model::Activity {
    let entry = app.current_entry().expect("an activity under the cursor");
    app.document.catalog.entries[entry].activity.clone()
}

/// Live activities as the document has them now (a whole read, to check
/// the patched model against).
fn stored_count(app: &App) -> usize {
    app.document.doc.roadmap().activities_with_path().len()
}

/// Checks the model the editor patched equals a whole read of the document.
fn same_as_fresh(app: &App) {
    assert!(
        app.document.roadmap == app.document.doc.roadmap(),
        "the patched model is what a whole read gives"
    );
}

/// A colleague's copy of the editor's file, saved to `name` in `dir`
/// after `edit`.
fn their_copy(
    app: &App,
    dir: &std::path::Path,
    name: &str,
    edit: impl FnOnce(&mut karta::store::Doc),
) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut theirs = karta::store::open(app.document.path.as_deref().expect("path")).expect("copy");
    theirs.set_author(Some("Корчевская И.П."));
    edit(&mut theirs);
    karta::store::save(&path, &mut theirs).expect("save theirs");
    path
}

/// Merges a file through Ctrl-o, saying yes to its preview.
fn merge(app: &mut App, path: &std::path::Path) {
    press(app, "Ctrl-o");
    type_text(app, &path.file_name().expect("name").to_string_lossy());
    press(app, "Enter y");
}

#[test]
fn a_new_activity_takes_the_next_number_of_its_section() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j a text:Новое_мероприятие Enter");
    let new = current(&app);
    assert_eq!(new.text, "Новое мероприятие");
    assert_eq!(new.number, "1.5.", "after 1.1.–1.4.");
    same_as_fresh(&app);
}

#[test]
fn a_section_is_deleted_as_one_change_and_restored_whole_from_the_bin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let all = stored_count(&app);
    press(&mut app, "G");
    let section = app.current_section().expect("a row in a section");
    let id = app.document.catalog.sections[section].section.id.clone();
    press(&mut app, "k k k k k k k d");
    let question = screen(&mut app, 100, 30);
    assert!(question.contains("7 мероприятий"), "{question}");
    assert!(question.contains("корзин"), "{question}");
    let heads = app.document.doc.heads();
    press(&mut app, "y");
    assert_eq!(stored_count(&app), all - 7, "its activities went with it");
    same_as_fresh(&app);
    assert_eq!(
        app.document
            .doc
            .automerge()
            .clone()
            .get_changes(&heads)
            .len(),
        1,
        "one change for the section and everything in it"
    );
    let bin = deleted_items(&mut app.document.doc);
    assert_eq!(bin.len(), 1, "listed as one deletion");
    assert_eq!(bin[0].item.id, id);
    assert_eq!(bin[0].activities, 7);

    press(&mut app, "b");
    let shown = screen(&mut app, 100, 30);
    insta::assert_snapshot!("lysva_bin_section", undated(&shown));
    press(&mut app, "Enter");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(stored_count(&app), all, "everything came back");
    assert!(deleted_items(&mut app.document.doc).is_empty());
    same_as_fresh(&app);
    press(&mut app, "u");
    assert_eq!(stored_count(&app), all - 7, "the restore is undone");
    same_as_fresh(&app);
    press(&mut app, "u");
    assert_eq!(stored_count(&app), all, "and the deletion");
    same_as_fresh(&app);
    press(&mut app, "Ctrl-r");
    assert_eq!(stored_count(&app), all - 7, "redone");
    same_as_fresh(&app);
}

#[test]
fn the_bin_tells_edits_made_by_people_who_did_not_see_the_deletion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j j");
    let gone = current(&app);
    let theirs = their_copy(&app, dir.path(), "theirs.karta", |doc| {
        doc.set_activity_field(&gone.id, &ActivityField::Deadline, "Ноябрь 2021")
            .expect("their edit");
    });
    press(&mut app, "d y");
    assert!(app.document.catalog.entry(&gone.id).is_none(), "deleted");
    merge(&mut app, &theirs);
    press(&mut app, "b");
    let shown = screen(&mut app, 120, 30);
    insta::assert_snapshot!("lysva_bin_unseen_edit", undated(&shown));
    assert!(shown.contains("‼"), "{shown}");
    assert!(
        shown.contains(
            "Корчевская И.П. изменила в нём срок: «Сентябрь-октябрь, 2021» → «Ноябрь 2021»"
        ),
        "{shown}"
    );
    assert!(shown.contains("удалила Тестова Т.Т."), "{shown}");
    press(&mut app, "Enter");
    let back = app.document.catalog.entry(&gone.id).expect("restored");
    assert_eq!(back.activity.deadline, "Ноябрь 2021", "with the edit");
    assert_eq!(current(&app).id, gone.id, "the cursor on it");
    same_as_fresh(&app);
}

#[test]
fn an_empty_bin_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "b");
    assert!(matches!(app.overlay, Overlay::None));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Корзина пуста"), "{shown}");
}

#[test]
fn the_merge_preview_warns_of_conflicts_deleted_edits_and_duplicate_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let ids: Vec<String> = app
        .document
        .catalog
        .entries
        .iter()
        .map(|e| e.activity.id.clone())
        .collect();
    let theirs = their_copy(&app, dir.path(), "theirs.karta", |doc| {
        doc.set_activity_field(&ids[0], &ActivityField::Deadline, "Июнь 2022")
            .expect("their deadline");
        doc.set_activity_field(&ids[2], &ActivityField::Number, "1.2.")
            .expect("their number");
        doc.set_deleted(karta::store::write::edit::NodeKind::Activity, &ids[3], true)
            .expect("their deletion");
    });
    press(&mut app, "j e Down Enter Ctrl-a Ctrl-k text:Май_2022 Enter");
    press(
        &mut app,
        "j j j e Down Enter Ctrl-a Ctrl-k text:Март_2022 Enter",
    );
    let heads = app.document.doc.heads();
    press(&mut app, "Ctrl-o");
    type_text(
        &mut app,
        &theirs.file_name().expect("name").to_string_lossy(),
    );
    press(&mut app, "Enter");
    let shown = screen(&mut app, 120, 30);
    insta::assert_snapshot!("lysva_merge_risks", shown);
    assert!(shown.contains("Слить? y — да, n — нет"), "{shown}");
    let Overlay::Merge(offer) = &app.overlay else {
        panic!("the preview is shown");
    };
    let risks: Vec<&str> = offer
        .lines
        .iter()
        .map(String::as_str)
        .take_while(|l| l.starts_with('‼'))
        .collect();
    assert_eq!(risks.len(), 3, "{risks:#?}");
    assert!(
        risks[0].starts_with("‼ Корчевская И.П. удалила 1.4. «")
            && risks[0].ends_with("а вы изменили в нём срок: «Сентябрь-октябрь» → «Март 2022»; всё сохранено в корзине (b)"),
        "{}",
        risks[0]
    );
    assert!(
        risks[1].starts_with("‼ будет конфликт — 1.1. «")
            && risks[1].ends_with("срок: «Май 2022» (вы) или «Июнь 2022» (Корчевская И.П.)"),
        "{}",
        risks[1]
    );
    assert!(
        risks[2].starts_with("‼ номер 1.2. будет у 2 мероприятий: «"),
        "{}",
        risks[2]
    );
    assert_eq!(app.document.doc.heads(), heads, "nothing merged before yes");
    press(&mut app, "n");
    assert_eq!(app.document.doc.heads(), heads, "nor after no");
}

/// The screen as text with the words drawn underlined (the marked ones)
/// in [brackets].
fn marked_screen(app: &mut App, width: u16, height: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    app.fit_to(ratatui::layout::Rect::new(0, 0, width, height));
    terminal
        .draw(|f| karta::tui::ui::render(app, f))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let mut line = String::new();
            let mut open = false;
            for x in 0..width {
                let cell = &buffer[(x, y)];
                let marked = cell.modifier.contains(Modifier::UNDERLINED) && cell.symbol() != " ";
                if marked != open {
                    line.push(if marked { '[' } else { ']' });
                    open = marked;
                }
                line.push_str(cell.symbol());
            }
            if open {
                line.push(']');
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An editor over lysva whose first activity's text is a plain string, as
/// older files keep it, and a colleague's copy that edits it: merged, the
/// two first edits of the text are a conflict.
fn text_conflict(dir: &std::path::Path) -> (App, String) {
    use automerge::transaction::Transactable;
    let path = dir.join("lysva.karta");
    std::fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    let mut am = automerge::AutoCommit::load(&std::fs::read(&path).expect("read")).expect("load");
    let roadmap = karta::store::open(&path).expect("open").roadmap();
    let id = roadmap.sections[0].activities[0].id.clone();
    let activities =
        karta::store::read::get_map(&am, &automerge::ROOT, "activities").expect("activities");
    let obj = karta::store::read::get_map(&am, &activities, &id).expect("activity");
    am.put(&obj, "text", "Провести семинар для учителей")
        .expect("put");
    am.commit();
    std::fs::write(&path, am.save()).expect("write");
    let mut doc = karta::store::open(&path).expect("open");
    doc.set_author(Some("Тестова Т.Т."));
    let keymap = karta::tui::keymap::Keymap::built_in("default").expect("keymap");
    let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date");
    let mut app = App::new(doc, Some(path), keymap, karta::i18n::Lang::Ru, today);
    let theirs = their_copy(&app, dir, "theirs.karta", |doc| {
        doc.set_activity_field(
            &id,
            &ActivityField::Text,
            "Провести семинар для учителей математики",
        )
        .expect("their text");
    });
    press(
        &mut app,
        "j e Enter Ctrl-a Ctrl-k text:Провести_городской_семинар_для_учителей Enter",
    );
    merge(&mut app, &theirs);
    assert_eq!(app.document.conflicts.len(), 1, "a text conflict");
    (app, id)
}

#[test]
fn a_text_conflict_shows_both_values_in_full_with_the_differing_words_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut app, _) = text_conflict(dir.path());
    press(&mut app, "C Enter");
    // The title names the activity by the text shown meanwhile, which of
    // the two depends on the copies' random ids.
    let titled = |shot: &str| -> String {
        shot.lines()
            .map(|line| match line.find('«').zip(line.find(" — текст")) {
                Some((from, to)) if line.starts_with('┌') => {
                    format!("{}«…»{} ┐", &line[..from], &line[to..to + " — текст".len()])
                }
                _ => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let wide = marked_screen(&mut app, 120, 24);
    insta::assert_snapshot!("lysva_conflict_side_by_side", titled(&wide));
    let narrow = marked_screen(&mut app, 60, 24);
    insta::assert_snapshot!("lysva_conflict_stacked", titled(&narrow));
    for shot in [&wide, &narrow] {
        assert!(shot.contains("Провести [городской] семинар"), "{shot}");
        assert!(shot.contains("для учителей [математики]"), "{shot}");
        assert!(
            shot.contains("Оставить оба (каждый абзац один раз)"),
            "{shot}"
        );
    }
}

#[test]
fn keeping_both_values_of_a_text_conflict_resolves_it_with_each_paragraph_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut app, id) = text_conflict(dir.path());
    press(&mut app, "C Enter Down Down Enter");
    assert!(app.document.conflicts.is_empty(), "resolved");
    let text = app
        .document
        .catalog
        .entry(&id)
        .expect("entry")
        .activity
        .text
        .clone();
    let mut paragraphs: Vec<&str> = text.lines().collect();
    paragraphs.sort_unstable();
    assert_eq!(
        paragraphs,
        [
            "Провести городской семинар для учителей",
            "Провести семинар для учителей математики"
        ],
        "{text}"
    );
    same_as_fresh(&app);
}
