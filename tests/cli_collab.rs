//! The collaboration commands through the real binary on real files: merge,
//! bundle, conflicts, resolve, log, show, set, add, rm, and two programs
//! saving one file at once.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;
use predicates::prelude::*;
use serde_json::Value;

/// The binary as `author` runs it (see `common::karta_as`).
fn karta(dir: &Path, author: &str) -> Command {
    Command::from_std(karta_as(dir, author))
}

/// A command with its arguments, in one line: `cmd!(k("Я"), ["set", &file, "1.1", "deadline", "Май"])`.
macro_rules! cmd {
    ($command:expr, [$($arg:expr),+ $(,)?]) => {{
        let mut command = $command;
        $(command.arg($arg);)+
        command
    }};
}

fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    two_copies(dir, "Колосов В.Г.")
}

fn json(dir: &Path, file: &Path) -> Value {
    exported_json(dir, file)
}

fn one_line_error(cmd: &mut Command, names: &str) {
    let out = cmd.output().expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(names), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn merge_previews_in_words_then_merges_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, theirs) = setup(dir.path());
    let k = |n| karta(dir.path(), n);
    cmd!(
        k("Корчевская И.П."),
        ["set", &theirs, "1.1", "deadline", "Январь 2022"]
    )
    .assert()
    .success();
    cmd!(
        k("Корчевская И.П."),
        [
            "add",
            &theirs,
            "--section",
            "2",
            "--text",
            "Семинар для завучей",
            "--number",
            "2.5."
        ]
    )
    .assert()
    .success();
    let before = fs::read(&mine).expect("read");
    cmd!(k("Колосов В.Г."), ["merge", &mine, &theirs, "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Корчевская И.П.: изменила срок 1.1.",
        ))
        .stdout(predicate::str::contains("«Август, 2021» → «Январь 2022»"))
        .stdout(predicate::str::contains(
            "добавила 2.5. «Семинар для завучей»",
        ))
        .stdout(predicate::str::contains("предпросмотр"));
    assert_eq!(
        fs::read(&mine).expect("read"),
        before,
        "dry run writes nothing"
    );
    cmd!(k("Колосов В.Г."), ["merge", &mine, &theirs])
        .assert()
        .success();
    assert_eq!(json(dir.path(), &mine), json(dir.path(), &theirs));
    let merged = fs::read(&mine).expect("read");
    for args in [vec![&theirs], vec![&mine], vec![&theirs, &theirs]] {
        cmd!(k("Колосов В.Г."), ["merge", &mine])
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("ничего нового"));
    }
    assert_eq!(
        fs::read(&mine).expect("read"),
        merged,
        "nothing new, nothing written"
    );
}

#[test]
fn bad_files_are_refused_and_mine_is_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, _) = setup(dir.path());
    let other = dir.path().join("other.karta");
    cmd!(
        karta(dir.path(), "Петров П.П."),
        ["import", &source("lysva"), "-o", &other]
    )
    .assert()
    .success();
    let broken = dir.path().join("broken.karta");
    let mut bytes = fs::read(&mine).expect("read");
    bytes.truncate(bytes.len() / 2);
    fs::write(&broken, &bytes).expect("write");
    let before = fs::read(&mine).expect("read");
    for (file, name) in [(&other, "other.karta"), (&broken, "broken.karta")] {
        one_line_error(
            karta(dir.path(), "Я").arg("merge").arg(&mine).arg(file),
            name,
        );
    }
    one_line_error(
        &mut cmd!(
            karta(dir.path(), "Я"),
            ["merge", &mine, &dir.path().join("nope.karta")]
        ),
        "nope.karta",
    );
    assert_eq!(fs::read(&mine).expect("read"), before);
    one_line_error(
        &mut cmd!(
            karta(dir.path(), "Я"),
            ["set", &mine, "9.9", "deadline", "x"]
        ),
        "mine.karta",
    );
    one_line_error(
        &mut cmd!(karta(dir.path(), "Я"), ["set", &mine, "1.1", "color", "x"]),
        "mine.karta",
    );
    one_line_error(
        &mut cmd!(
            karta(dir.path(), "Я"),
            ["set", &mine, "1.1", "status", "почти"]
        ),
        "mine.karta",
    );
    assert_eq!(fs::read(&mine).expect("read"), before);
}

#[test]
fn bundles_are_small_and_apply_in_any_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, theirs) = setup(dir.path());
    let k = |n| karta(dir.path(), n);
    cmd!(
        k("Колосов В.Г."),
        ["set", &mine, "1.1", "status", "в работе"]
    )
    .assert()
    .success();
    let b1 = dir.path().join("b1.karta-changes");
    cmd!(
        k("Колосов В.Г."),
        ["bundle", &mine, "--since", &theirs, "-o", &b1]
    )
    .assert()
    .success();
    cmd!(k("Колосов В.Г."), ["set", &mine, "1.1", "status", "done"])
        .assert()
        .success();
    let b2 = dir.path().join("b2.karta-changes");
    cmd!(
        k("Колосов В.Г."),
        ["bundle", &mine, "--to", "Корчевская", "-o", &b2]
    )
    .assert()
    .success();
    let b3 = dir.path().join("b3.karta-changes");
    cmd!(k("Колосов В.Г."), ["set", &mine, "1.2", "status", "done"])
        .assert()
        .success();
    cmd!(
        k("Колосов В.Г."),
        ["bundle", &mine, "--to", "Корчевская", "-o", &b3]
    )
    .assert()
    .success();
    assert!(fs::read(&b3).expect("b3").len() * 4 < fs::read(&mine).expect("mine").len());
    let before = fs::read(&theirs).expect("read");
    let since_b1 = dir.path().join("b1b.karta-changes");
    cmd!(
        k("Колосов В.Г."),
        [
            "bundle",
            &mine,
            "--since",
            b1_target(dir.path(), &theirs, &b1),
            "-o",
            &since_b1
        ]
    )
    .assert()
    .success();
    // Changes that continue ones she has not received are kept aside…
    cmd!(k("Корчевская И.П."), ["merge", &theirs, &since_b1])
        .assert()
        .success()
        .stdout(predicate::str::contains("отложен"));
    assert_eq!(fs::read(&theirs).expect("read"), before, "untouched");
    // …and bundles given in any order apply in the order of their changes;
    // the one kept aside is applied too, and said so.
    cmd!(k("Корчевская И.П."), ["merge", &theirs, &b3, &b1, &b2])
        .assert()
        .success()
        .stdout(predicate::str::contains("применён отложенный ранее"));
    assert_eq!(json(dir.path(), &mine), json(dir.path(), &theirs));
}

/// A copy of `theirs` with bundle `b1` merged: the state after the first
/// bundle, to make a bundle that needs it.
fn b1_target(dir: &Path, theirs: &Path, b1: &Path) -> PathBuf {
    let path = dir.join("after-b1.karta");
    fs::copy(theirs, &path).expect("copy");
    cmd!(karta(dir, "x"), ["merge", &path, b1])
        .assert()
        .success();
    path
}

#[test]
fn conflicts_are_listed_and_resolved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, theirs) = setup(dir.path());
    let k = |n| karta(dir.path(), n);
    cmd!(
        k("Колосов В.Г."),
        ["set", &mine, "1.1.", "responsible", "УО; УМК"]
    )
    .assert()
    .success();
    cmd!(
        k("Корчевская И.П."),
        ["set", &theirs, "1.1", "responsible", "Корчевская И.П."]
    )
    .assert()
    .success();
    cmd!(k("Колосов В.Г."), ["merge", &mine, &theirs])
        .assert()
        .success()
        .stdout(predicate::str::contains("конфликтов: 1"));
    cmd!(k("x"), ["conflicts", &mine])
        .assert()
        .success()
        .stdout(predicate::str::contains("«УО, УМК» — Колосов В.Г."))
        .stdout(predicate::str::contains(
            "«Корчевская И.П.» — Корчевская И.П.",
        ));
    cmd!(
        k("Колосов В.Г."),
        [
            "resolve",
            &mine,
            "1.1",
            "responsible",
            "Корчевская И.П.; УО"
        ]
    )
    .assert()
    .success();
    cmd!(k("x"), ["conflicts", &mine])
        .assert()
        .success()
        .stdout(predicate::str::contains("конфликтов нет"));
    cmd!(k("Корчевская И.П."), ["merge", &theirs, &mine])
        .assert()
        .success();
    cmd!(k("x"), ["conflicts", &theirs])
        .assert()
        .success()
        .stdout(predicate::str::contains("конфликтов нет"));
    let j = json(dir.path(), &theirs);
    assert_eq!(
        j["sections"][0]["activities"][0]["responsible"],
        serde_json::json!(["Корчевская И.П.", "УО"])
    );
}

#[test]
fn log_and_show_tell_the_story() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, _) = setup(dir.path());
    let k = |n| karta(dir.path(), n);
    cmd!(
        k("Корчевская И.П."),
        ["set", &mine, "1.1", "status", "выполнено"]
    )
    .assert()
    .success();
    cmd!(k("Корчевская И.П."), ["rm", &mine, "1.1"])
        .assert()
        .success();
    let out = cmd!(k("x"), ["--lang", "en", "log", &mine])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("Корчевская И.П."), "{text}");
    assert!(lines[1].starts_with("  deleted 1.1."), "{text}");
    assert!(lines[3].contains("changed the status of 1.1."), "{text}");
    assert!(lines[3].contains("«planned» → «done»"), "{text}");
    let hash = lines[2].split_whitespace().next().expect("hash");
    let out = cmd!(k("x"), ["show", &mine, "--at", hash, "--format", "json"])
        .output()
        .expect("run");
    let then: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(then["sections"][0]["activities"][0]["status"], "done");
    assert_ne!(
        json(dir.path(), &mine)["sections"][0]["activities"][0]["number"],
        "1.1."
    );
    one_line_error(
        k("x").arg("show").arg(&mine).args(["--at", "ffff"]),
        "mine.karta",
    );
}

#[test]
fn two_programs_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, _) = setup(dir.path());
    let numbers = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2"];
    let children: Vec<std::process::Child> = numbers
        .iter()
        .map(|n| {
            let mut cmd = karta_command(&dir.path().join("race"));
            cmd.arg("set")
                .arg(&mine)
                .args([n.to_string(), "deadline".into(), format!("срок {n}")])
                .stdout(std::process::Stdio::null());
            cmd.spawn().expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let roadmap = karta::store::open(&mine).expect("open").roadmap();
    for n in numbers {
        let found = roadmap
            .activities_with_path()
            .into_iter()
            .find(|(_, a)| a.number.trim_end_matches('.') == n)
            .map(|(_, a)| a.deadline.clone());
        assert_eq!(
            found.as_deref(),
            Some(format!("срок {n}").as_str()),
            "edit of {n} kept"
        );
    }
    assert!(!karta::store::disk::file::lock_path(&mine).exists());
}

#[test]
fn a_bundle_since_a_copy_with_edits_of_its_own_holds_only_what_it_lacks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, theirs) = setup(dir.path());
    let k = |n| karta(dir.path(), n);
    cmd!(
        k("Корчевская И.П."),
        ["set", &theirs, "1.2", "deadline", "Май 2022"]
    )
    .assert()
    .success();
    cmd!(k("Колосов В.Г."), ["set", &mine, "1.1", "status", "done"])
        .assert()
        .success();
    let out = dir.path().join("for-her.karta");
    cmd!(
        k("Колосов В.Г."),
        ["bundle", &mine, "--since", &theirs, "-o", &out]
    )
    .assert()
    .success()
    .stdout(predicate::str::contains("изменений — 1,"))
    .stdout(predicate::str::contains("for-her.karta-changes"));
    let written = dir.path().join("for-her.karta-changes");
    assert!(fs::read(&written).expect("bundle").len() * 4 < fs::read(&mine).expect("mine").len());
    cmd!(k("Корчевская И.П."), ["merge", &theirs, &written])
        .assert()
        .success();
    let merged = json(dir.path(), &theirs);
    let text = merged.to_string();
    assert!(
        text.contains("Май 2022") && text.contains("\"done\""),
        "both edits"
    );
}

#[test]
fn two_different_resolutions_of_one_conflict_are_a_conflict_again_and_both_in_the_log() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, theirs) = setup(dir.path());
    let k = |n| karta(dir.path(), n);
    cmd!(
        k("Колосов В.Г."),
        ["set", &mine, "1.1", "deadline", "Январь 2022"]
    )
    .assert()
    .success();
    cmd!(
        k("Корчевская И.П."),
        ["set", &theirs, "1.1", "deadline", "Февраль 2022"]
    )
    .assert()
    .success();
    cmd!(k("Колосов В.Г."), ["merge", &mine, &theirs])
        .assert()
        .success();
    cmd!(k("Корчевская И.П."), ["merge", &theirs, &mine])
        .assert()
        .success();
    // Each resolves the same conflict her own way, before seeing the other.
    cmd!(
        k("Колосов В.Г."),
        ["resolve", &mine, "1.1", "deadline", "Январь 2022"]
    )
    .assert()
    .success()
    .stdout(predicate::str::contains("конфликт решён"));
    cmd!(
        k("Корчевская И.П."),
        ["resolve", &theirs, "1.1", "deadline", "Март 2022"]
    )
    .assert()
    .success();
    cmd!(k("Колосов В.Г."), ["merge", &mine, &theirs])
        .assert()
        .success();
    cmd!(k("Колосов В.Г."), ["conflicts", &mine])
        .assert()
        .success()
        .stdout(predicate::str::contains("«Январь 2022»"))
        .stdout(predicate::str::contains("«Март 2022»"));
    let log = cmd!(k("Колосов В.Г."), ["log", &mine, "--number", "1.1"])
        .output()
        .expect("log");
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(log.contains("решил конфликт"), "{log}");
    assert!(log.contains("решила конфликт"), "{log}");
}

#[test]
fn a_preview_tells_a_renumbering_in_one_line_and_a_text_change_by_its_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = dir.path().join("mine.karta");
    cmd!(
        karta(dir.path(), "Колосов В.Г."),
        [
            "import",
            source("chernogorsk").to_str().expect("path"),
            "-o",
            &mine
        ]
    )
    .assert()
    .success();
    let theirs = dir.path().join("theirs.karta");
    fs::copy(&mine, &theirs).expect("copy");
    let k = |n| karta(dir.path(), n);
    let first = json(dir.path(), &mine)["sections"][0]["activities"][0]["text"]
        .as_str()
        .expect("text")
        .to_string();
    cmd!(
        k("Корчевская И.П."),
        [
            "set",
            &theirs,
            "#1",
            "text",
            &format!("{first} и в социальных сетях")
        ]
    )
    .assert()
    .success();
    cmd!(k("Корчевская И.П."), ["renumber", &theirs])
        .assert()
        .success();
    let out = cmd!(k("Колосов В.Г."), ["merge", &mine, &theirs, "--dry-run"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("перенумеровала карту: "), "{text}");
    assert!(text.contains("[+и в социальных сетях]"), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("Корчевская")).count(),
        1,
        "{text}"
    );
    assert!(
        text.lines().count() < 8,
        "a renumbering is one line: {text}"
    );
}

#[test]
fn a_text_conflict_shows_both_texts_in_full_and_can_keep_both() {
    use automerge::transaction::Transactable;
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, theirs) = setup(dir.path());
    // An older file keeps activity text as a plain string: two copies'
    // first edits of it conflict.
    let bytes = fs::read(&mine).expect("read");
    let mut am = automerge::AutoCommit::load(&bytes).expect("load");
    let activities = karta::store::read::get_map(&am, &automerge::ROOT, "activities").expect("map");
    let first = json(dir.path(), &mine)["sections"][0]["activities"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let obj = karta::store::read::get_map(&am, &activities, &first).expect("activity");
    am.put(&obj, "text", "Провести семинар для учителей")
        .expect("put");
    am.commit();
    fs::write(&mine, am.save()).expect("write");
    fs::copy(&mine, &theirs).expect("copy");
    let k = |n| karta(dir.path(), n);
    cmd!(
        k("Колосов В.Г."),
        [
            "set",
            &mine,
            &first,
            "text",
            "Провести городской семинар для учителей"
        ]
    )
    .assert()
    .success();
    cmd!(
        k("Корчевская И.П."),
        [
            "set",
            &theirs,
            &first,
            "text",
            "Провести семинар для учителей математики"
        ]
    )
    .assert()
    .success();
    cmd!(k("Колосов В.Г."), ["merge", &mine, &theirs])
        .assert()
        .success();
    cmd!(k("Колосов В.Г."), ["conflicts", &mine])
        .assert()
        .success()
        .stdout(predicate::str::contains("[городской]"))
        .stdout(predicate::str::contains("[математики]"));
    cmd!(
        k("Колосов В.Г."),
        ["resolve", &mine, &first, "text", "--keep-both"]
    )
    .assert()
    .success();
    let text = json(dir.path(), &mine)["sections"][0]["activities"][0]["text"]
        .as_str()
        .expect("text")
        .to_string();
    assert!(
        text.contains("городской") && text.contains("математики"),
        "{text}"
    );
    cmd!(k("Колосов В.Г."), ["conflicts", &mine])
        .assert()
        .success()
        .stdout(predicate::str::contains("конфликтов нет"));
}
