//! One language throughout: the real binary speaks Russian by default and
//! English with `--lang en`, in reports, messages and errors alike, with
//! the grammar a methodologist expects.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Runs karta with `args` in the config folder `dir`; (success, stdout,
/// stderr).
fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = karta_command(dir).args(args).output().expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs karta expecting success; its standard output.
fn ok(dir: &Path, args: &[&str]) -> String {
    let (success, out, err) = run(dir, args);
    assert!(success, "karta {args:?}: {err}");
    out
}

/// Runs karta expecting failure; its standard error.
fn fails(dir: &Path, args: &[&str]) -> String {
    let (success, _, err) = run(dir, args);
    assert!(!success, "karta {args:?} should fail");
    err
}

/// A copy of the Lysva sample (approved by order of 28.10.2021 №
/// 491/01-08) in `dir`.
fn lysva(dir: &Path) -> PathBuf {
    let file = dir.join("lysva.karta");
    std::fs::copy(project("samples/lysva.karta"), &file).expect("copy");
    file
}

#[test]
fn report_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().expect("dir");
    let file = lysva(dir.path());
    let file = file.to_str().expect("path");
    let ru = ok(dir.path(), &["report", file]);
    assert!(ru.contains("приказ от 28.10.2021 № 491/01-08"), "{ru}");
    assert!(ru.contains("18 мероприятий"), "{ru}");
    assert!(ru.contains("| запланировано"), "{ru}");
    let en = ok(dir.path(), &["report", file, "--lang", "en"]);
    assert!(en.contains("order of 28.10.2021 № 491/01-08"), "{en}");
    assert!(en.contains("period 01.01.2021 – 31.12.2024"), "{en}");
    assert!(en.contains("18 activities"), "{en}");
    assert!(en.contains("| planned"), "{en}");
    let person = ok(
        dir.path(),
        &["report", file, "--by", "person", "--today", "2022-01-10"],
    );
    assert!(person.contains(", просрочено "), "{person}");

    // A roadmap written in Latin letters: whatever Cyrillic an English
    // report holds is karta's own wording.
    let latin = dir.path().join("latin.karta");
    let latin = latin.to_str().expect("path");
    ok(
        dir.path(),
        &[
            "new",
            latin,
            "--title",
            "Roadmap",
            "--municipality",
            "Town",
            "--period",
            "2021-2022",
        ],
    );
    ok(
        dir.path(),
        &["approve", latin, "--number", "20", "--date", "2022-02-26"],
    );
    for (text, deadline) in [("Seminar", "2022"), ("Monitoring", "December 2021")] {
        ok(
            dir.path(),
            &[
                "add",
                latin,
                "--text",
                text,
                "--deadline",
                deadline,
                "--responsible",
                "Ivanova I.I.",
            ],
        );
    }
    for by in ["mechanism", "person", "deadline", "cycle"] {
        let en = ok(
            dir.path(),
            &[
                "report",
                latin,
                "--by",
                by,
                "--today",
                "2022-01-10",
                "--lang",
                "en",
            ],
        );
        let russian: String = en
            .chars()
            .filter(|c| ('\u{400}'..='\u{4ff}').contains(c))
            .collect();
        assert!(russian.is_empty(), "--by {by}: «{russian}» in\n{en}");
        let ru = ok(
            dir.path(),
            &["report", latin, "--by", by, "--today", "2022-01-10"],
        );
        assert_ne!(ru, en, "--by {by}");
    }
}

#[test]
fn errors_name_the_file_in_the_users_language() {
    let dir = tempfile::tempdir().expect("dir");
    let file = lysva(dir.path());
    let file = file.to_str().expect("path");
    let ru = fails(dir.path(), &["set", file, "99.9", "deadline", "Май"]);
    assert_eq!(
        ru.trim(),
        format!("karta: {file}: нет пункта с номером «99.9»")
    );
    let en = fails(
        dir.path(),
        &["set", file, "99.9", "deadline", "Май", "--lang", "en"],
    );
    assert_eq!(en.trim(), format!("karta: {file}: nothing numbered «99.9»"));
    let ru = fails(dir.path(), &["set", file, "1.1", "status", "наверное"]);
    assert!(ru.contains("«наверное» — не статус"), "{ru}");
    let ru = fails(dir.path(), &["new", file, "--title", "Карта"]);
    assert!(ru.contains(": файл уже существует;"), "{ru}");
    let ru = fails(dir.path(), &["add", file, "--text", " "]);
    assert!(ru.contains("текст мероприятия пуст"), "{ru}");
    let ru = fails(dir.path(), &["bundle", file, "-o", "x"]);
    assert!(ru.contains("укажите, что уже есть у получателя"), "{ru}");
    let missing = dir.path().join("нет.docx");
    let ru = fails(
        dir.path(),
        &[
            "import",
            missing.to_str().expect("path"),
            "-o",
            dir.path().join("new.karta").to_str().expect("path"),
        ],
    );
    assert!(ru.trim().ends_with("нет.docx: файл не найден"), "{ru}");
}

#[test]
fn deletions_and_history_read_as_russian_sentences() {
    let dir = tempfile::tempdir().expect("dir");
    let file = lysva(dir.path());
    let before = dir.path().join("before.karta");
    std::fs::copy(&file, &before).expect("copy");
    let file = file.to_str().expect("path");
    // Сенюта does not show her gender: she tells it.
    let told = ok(
        dir.path(),
        &["whoami", "--set", "Сенюта Л.А.", "--gender", "ж"],
    );
    assert!(told.starts_with("Сенюта Л.А. (ж)"), "{told}");
    let gone = ok(dir.path(), &["rm", file, "1", "--section"]);
    assert!(
        gone.contains("удалён раздел 1. «Нормативно-правовое обеспечение» и всё, что в нём (4)"),
        "{gone}"
    );
    let gone = ok(dir.path(), &["rm", file, "2.1"]);
    assert!(gone.contains("удалено мероприятие 2.1."), "{gone}");
    let set = ok(dir.path(), &["set", file, "3", "number", "8"]);
    assert!(set.contains("номер: «8»"), "{set}");
    let log = ok(dir.path(), &["log", file, "--limit", "3"]);
    assert!(log.contains("изменила номер раздела 8 «"), "{log}");
    assert!(log.contains("удалила 2.1."), "{log}");
    let trash = ok(dir.path(), &["trash", file]);
    assert!(
        trash.contains("(с 4 мероприятиями) — удалила Сенюта Л.А."),
        "{trash}"
    );
    let en = ok(dir.path(), &["log", file, "--limit", "1", "--lang", "en"]);
    assert!(en.contains("changed the number of section 8 «"), "{en}");
    // Sizes as people say them: «534 байта», «5 КБ».
    let changes = dir.path().join("changes.karta-changes");
    let sent = ok(
        dir.path(),
        &[
            "bundle",
            file,
            "--since",
            before.to_str().expect("path"),
            "-o",
            changes.to_str().expect("path"),
        ],
    );
    let size = std::fs::metadata(&changes).expect("bundle").len();
    let words = karta::i18n::size(size, karta::i18n::Lang::Ru);
    assert!(
        sent.contains(&format!("изменений — 3, {words} (")),
        "{sent}"
    );
}

#[test]
fn a_closed_pipe_ends_whoami_quietly() {
    let dir = tempfile::tempdir().expect("dir");
    let mut child = karta_command(dir.path())
        .arg("whoami")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // The reader goes away before karta writes.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn help_and_usage_errors_follow_the_language() {
    let dir = tempfile::tempdir().expect("dir");
    let ru = ok(dir.path(), &["import", "--help"]);
    assert!(ru.contains("Использование: karta import"), "{ru}");
    assert!(ru.contains("Файл .karta, который записать"), "{ru}");
    let en = ok(dir.path(), &["import", "--help", "--lang", "en"]);
    assert!(en.contains("Usage: karta import"), "{en}");
    assert!(en.contains("The .karta file to write"), "{en}");
    let ru = fails(
        dir.path(),
        &["new", "n.karta", "--title", "x", "--period", "2030-2020"],
    );
    assert!(
        ru.starts_with("karta: --period <PERIOD>: «2030-2020» — не период лет"),
        "{ru}"
    );
    let ru = fails(dir.path(), &["report", "x.karta", "--by", "отделам"]);
    assert!(
        ru.contains("«отделам» — недопустимое значение для --by"),
        "{ru}"
    );
    // The config's language counts too.
    std::fs::write(dir.path().join("config.toml"), "lang = \"en\"\n").expect("config");
    let en = ok(dir.path(), &["--help"]);
    assert!(en.contains("Usage: karta"), "{en}");
}
