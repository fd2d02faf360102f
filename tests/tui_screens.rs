//! Snapshots of every view of the editor on the reference roadmaps, at
//! small and large sizes (ratatui TestBackend).

mod common;

use common::*;

fn snapshot_views(name: &str, width: u16, height: u16) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on(name, dir.path());
    for (key, view) in [("1", "mechanism"), ("2", "person"), ("3", "deadline")] {
        press(&mut app, &format!("{key} j j j"));
        let shot = screen(&mut app, width, height);
        insta::assert_snapshot!(format!("{name}_{view}_{width}x{height}"), shot);
    }
}

#[test]
fn lesosibirsk_wide() {
    snapshot_views("lesosibirsk", 140, 40);
}

#[test]
fn chernogorsk_medium() {
    snapshot_views("chernogorsk", 100, 30);
}

#[test]
fn tynda_narrow() {
    snapshot_views("tynda", 60, 20);
}

#[test]
fn sasovo_smallest() {
    snapshot_views("sasovo", 40, 12);
}

#[test]
fn too_small_a_screen_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    let shot = screen(&mut app, 39, 11);
    assert!(shot.contains("Окно слишком мало"), "{shot}");
}

#[test]
fn help_and_popups_are_drawn_from_the_keymap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "?");
    let shot = screen(&mut app, 100, 40);
    insta::assert_snapshot!("lysva_help", shot);
    press(&mut app, "Esc j Enter");
    let shot = screen(&mut app, 100, 30);
    insta::assert_snapshot!("lysva_activity_form", shot);
}

#[test]
fn escape_sequences_in_data_never_reach_the_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    press(&mut app, "j e Enter");
    type_text(&mut app, " \u{1b}[31mкрасный\u{7}");
    press(&mut app, "Enter");
    let shot = screen(&mut app, 120, 30);
    assert!(shot.contains("красный"), "{shot}");
    assert!(!shot.contains('\u{1b}') && !shot.contains('\u{7}'));
}

#[test]
fn english_interface() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("lysva", dir.path());
    app.lang = karta::i18n::Lang::En;
    app.rebuild_rows();
    let shot = screen(&mut app, 120, 20);
    assert!(
        shot.contains("By mechanism") && shot.contains("activities"),
        "{shot}"
    );
}

#[test]
fn at_80x24_the_file_the_unsaved_marker_and_the_essential_keys_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = editor_on("chernogorsk", dir.path());
    press(&mut app, "j s Down Enter");
    let shot = screen(&mut app, 80, 24);
    let lines: Vec<&str> = shot.lines().collect();
    assert!(
        lines[0].ends_with("— chernogorsk.karta ●"),
        "the title is cut, not the file: {}",
        lines[0]
    );
    let hints = lines[23];
    for key in ["? Справка", "Ctrl-s", "q Выход"] {
        assert!(hints.contains(key), "«{key}» in the hint bar: {hints}");
    }
}
