//! The management-cycle coverage from the command line: `karta report
//! --by cycle` shows systems × stages with the gaps, stages from the
//! structure (Лесосибирск) or from the wording (the others, marked), and
//! `karta set N stage` sets one by hand, kept in the document and in
//! history.

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::*;

fn karta(dir: &Path) -> Command {
    let config = dir.join("config");
    fs::create_dir_all(&config).expect("config dir");
    fs::write(config.join("config.toml"), "name = \"Иванова И.И.\"\n").expect("config");
    Command::from_std(karta_command(&config))
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_roadmap_built_on_the_cycle_takes_its_stages_from_the_structure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = stdout(
        karta(dir.path())
            .args(["report", "--by", "cycle"])
            .arg(project("samples/lesosibirsk.karta")),
    );
    assert!(text.contains("Охват управленческого цикла"), "{text}");
    assert!(
        text.contains("1.1 Система оценки качества подготовки"),
        "{text}"
    );
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("1.") || l.starts_with("2."))
        .collect();
    assert_eq!(rows.len(), 8, "eight systems: {text}");
    assert!(
        rows.iter().all(|r| !r.contains('~')),
        "nothing inferred: {text}"
    );
    assert!(text.contains("Пробелов:"), "{text}");
}

#[test]
fn other_roadmaps_get_stages_from_wording_and_one_set_by_hand_wins() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("map.karta");
    fs::copy(project("samples/chernogorsk.karta"), &file).expect("copy");
    let before = stdout(
        karta(dir.path())
            .args(["report", "--by", "cycle"])
            .arg(&file),
    );
    let row = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("1. Нормативно-правовое"))
            .map(str::to_string)
            .expect("row 1")
    };
    assert!(row(&before).contains('~'), "inferred: {before}");
    let first_cell = |line: &str| line.split_whitespace().rev().nth(8).map(str::to_string);
    assert_eq!(first_cell(&row(&before)).as_deref(), Some("○"), "{before}");

    let said = stdout(
        karta(dir.path())
            .arg("set")
            .arg(&file)
            .args(["1.1", "stage", "1"]),
    );
    assert!(said.contains("этап цикла: «1. Цели»"), "{said}");
    let after = stdout(
        karta(dir.path())
            .args(["report", "--by", "cycle"])
            .arg(&file),
    );
    assert_eq!(first_cell(&row(&after)).as_deref(), Some("1"), "{after}");
    let log = stdout(
        karta(dir.path())
            .arg("log")
            .arg(&file)
            .args(["--limit", "1"]),
    );
    assert!(log.contains("изменила этап цикла 1.1."), "{log}");
    let json = stdout(
        karta(dir.path())
            .args(["export", "--format", "json"])
            .arg(&file),
    );
    assert!(json.contains("\"stage\": 1"), "kept in the document");
    karta(dir.path())
        .arg("set")
        .arg(&file)
        .args(["1.1", "stage", "10"])
        .assert()
        .failure();
    let en = stdout(
        karta(dir.path())
            .args(["report", "--by", "cycle", "--lang", "en"])
            .arg(&file),
    );
    assert!(en.contains("Coverage of the management cycle"), "{en}");
}
