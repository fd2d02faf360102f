//! The real binary in a real terminal (a pseudo-terminal driven from the
//! test): edit, save, quit, and survive `kill -9`; the saved file is checked
//! with `karta export --format json`.

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::Path;

use pty::Pty;

/// `karta FILE --today 2022-03-01` in a terminal, with `dir` for settings.
fn start(file: &Path, dir: &Path) -> Pty {
    let file = file.to_str().expect("path");
    Pty::karta(&[file, "--today", "2022-03-01"], dir)
}

fn export(file: &Path) -> serde_json::Value {
    let dir = file.parent().expect("folder");
    let out = common::karta_command(dir)
        .args(["export", "--format", "json"])
        .arg(file)
        .output()
        .expect("export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn statuses(json: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        if let Some(list) = v.get("activities").and_then(|a| a.as_array()) {
            out.extend(
                list.iter()
                    .filter_map(|a| a.get("status")?.as_str().map(str::to_string)),
            );
        }
        if let Some(list) = v.get("sections").and_then(|a| a.as_array()) {
            list.iter().for_each(|s| walk(s, out));
        }
    }
    walk(json, &mut out);
    out
}

fn sample(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("lysva.karta");
    std::fs::copy(common::project("samples/lysva.karta"), &file).expect("copy");
    file
}

#[test]
fn edit_save_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample(dir.path());
    let mut karta = start(&file, dir.path());
    karta.wait_for("По механизмам");
    karta.keys(&["j", "s", "Down", "Down", "Enter"]);
    karta.wait_for("Статус: выполнено");
    karta.keys(&["j", "e", "Enter", "End", " (проверено)", "Enter"]);
    karta.wait_for("(проверено)");
    karta.keys(&["C-s"]);
    karta.wait_for("Сохранено");
    karta.keys(&["q"]);
    assert!(karta.wait_exit().success(), "{}", karta.screen());
    let json = export(&file);
    assert_eq!(statuses(&json).iter().filter(|s| *s == "done").count(), 1);
    assert!(json.to_string().contains("(проверено)"));
    assert!(
        !dir.path().join("lysva.karta.journal").exists(),
        "the journal is gone after a save"
    );
}

#[test]
fn kill_9_loses_no_committed_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample(dir.path());
    let mut karta = start(&file, dir.path());
    karta.wait_for("По механизмам");
    karta.keys(&["j", "s", "Down", "Enter"]);
    karta.wait_for("Статус: в работе");
    karta.kill_9();
    assert!(!karta.wait_exit().success(), "killed");
    assert_eq!(
        statuses(&export(&file))
            .iter()
            .filter(|s| *s == "in_progress")
            .count(),
        0,
        "not saved yet"
    );
    let mut again = start(&file, dir.path());
    again.wait_for("Восстановлены");
    again.keys(&["C-s"]);
    again.wait_for("Сохранено");
    again.keys(&["q"]);
    assert!(again.wait_exit().success(), "{}", again.screen());
    assert_eq!(
        statuses(&export(&file))
            .iter()
            .filter(|s| *s == "in_progress")
            .count(),
        1
    );
}

#[test]
fn approve_list_the_changes_and_see_the_peers_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample(dir.path());
    let mut karta = start(&file, dir.path());
    karta.wait_for("По механизмам");
    karta.keys(&["U"]);
    karta.wait_for("Номер приказа:");
    karta.keys(&["Enter"]);
    karta.wait_for("Редакция утверждена: приказ от 28.10.2021 № 491/01-08");
    karta.keys(&["j", "s", "Down", "Enter"]);
    karta.wait_for("+/* после утверждения: 1");
    karta.keys(&["D"]);
    karta.wait_for("Изменения с утверждённой редакции");
    karta.wait_for("статус: «запланировано» → «в работе»");
    karta.keys(&["Esc", "P"]);
    karta.wait_for("обменов ещё не было");
    karta.keys(&["C-s"]);
    karta.wait_for("Сохранено");
    karta.keys(&["q"]);
    assert!(karta.wait_exit().success(), "{}", karta.screen());
    let out = common::karta_command(dir.path())
        .args(["diff", "--since", "approved"])
        .arg(&file)
        .output()
        .expect("diff");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("с утверждённой редакции (приказ от 28.10.2021 № 491/01-08)")
            && text.contains("статус: «запланировано» → «в работе»"),
        "{text}"
    );
}
