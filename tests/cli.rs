//! The real binary, driven end to end on real files.

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::*;
use predicates::prelude::*;
use serde_json::Value;

fn karta(config: &Path) -> Command {
    Command::from_std(karta_command(config))
}

fn import(dir: &Path, name: &str) -> std::path::PathBuf {
    let out = dir.join(format!("{name}.karta"));
    karta(dir)
        .args(["import", source(name).to_str().expect("path"), "-o"])
        .arg(&out)
        .assert()
        .success();
    out
}

fn export_json(dir: &Path, file: &Path) -> Value {
    let out = karta(dir)
        .args(["export", "--format", "json"])
        .arg(file)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn import_says_what_it_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("c.karta");
    karta(dir.path())
        .args([
            "import",
            source("chernogorsk").to_str().expect("path"),
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("10 разделов, 84 мероприятия"))
        .stdout(predicate::str::contains("город Черногорск"));
    // An existing file is not replaced without --force.
    karta(dir.path())
        .args([
            "import",
            source("chernogorsk").to_str().expect("path"),
            "-o",
        ])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("файл уже существует"));
}

#[test]
fn import_summary_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |lang: &str, out: &str| {
        let done = karta(dir.path())
            .args([
                "import",
                source("lesosibirsk").to_str().expect("path"),
                "--lang",
                lang,
                "-o",
            ])
            .arg(dir.path().join(out))
            .output()
            .expect("run");
        assert!(done.status.success());
        String::from_utf8(done.stdout).expect("utf-8")
    };
    let ru = run("ru", "ru.karta");
    assert!(ru.contains("прочитано как текст с табуляциями"), "{ru}");
    assert!(
        ru.contains("примечание: период не назван в заголовке; взят по годам в сроках: 2021–2022"),
        "{ru}"
    );
    assert!(
        !ru.contains("period") && !ru.contains("tab-separated"),
        "{ru}"
    );
    let en = run("en", "en.karta");
    assert!(en.contains("read as tab-separated text"), "{en}");
    assert!(
        en.contains(
            "note: period not named in the title; taken from the years in the deadlines: 2021–2022"
        ),
        "{en}"
    );
}

#[test]
fn bad_input_gets_one_line_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("plan.docx");
    fs::write(&docx, b"PK\x03\x04rest-of-zip").expect("write");
    let no_table = dir.path().join("letter.txt");
    fs::write(&no_table, "Уважаемые коллеги!\nПросим представить отчёт.\n").expect("write");
    let broken = dir.path().join("broken.karta");
    fs::write(&broken, b"\x85o\x4a\x83garbage").expect("write");
    for (args, name) in [
        (
            vec!["import", docx.to_str().expect("p"), "-o", "x.karta"],
            "plan.docx",
        ),
        (
            vec!["import", no_table.to_str().expect("p"), "-o", "x.karta"],
            "letter.txt",
        ),
        (vec!["report", broken.to_str().expect("p")], "broken.karta"),
        (vec!["export", "missing.karta"], "missing.karta"),
    ] {
        let out = karta(dir.path()).args(&args).output().expect("run");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(name), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    karta(dir.path())
        .args(["report", "--today", "2022-02-30"])
        .arg(&broken)
        .assert()
        .failure()
        .stderr(predicate::str::contains("2022-02-30"));
}

#[test]
fn json_export_is_the_documented_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = import(dir.path(), "lysva");
    let json = export_json(dir.path(), &file);
    for key in [
        "id",
        "title",
        "municipality",
        "approval",
        "period",
        "columns",
        "sections",
    ] {
        assert!(json.get(key).is_some(), "top-level {key}");
    }
    assert_eq!(json["approval"]["number"], "491/01-08");
    assert_eq!(json["approval"]["date"], "2021-10-28");
    assert_eq!(json["period"]["from"], "2021-01-01");
    let section = &json["sections"][0];
    for key in ["number", "title", "responsible", "sections", "activities"] {
        assert!(section.get(key).is_some(), "section {key}");
    }
    let activity = &section["activities"][0];
    for key in [
        "id",
        "number",
        "text",
        "deadline",
        "responsible",
        "status",
        "result",
    ] {
        assert!(activity.get(key).is_some(), "activity {key}: {activity}");
    }
    assert_eq!(activity["number"], "1.1.");
    assert_eq!(activity["status"], "planned");
    assert_eq!(activity["deadline"]["text"], "Август, 2021");
    for key in ["kind", "start", "end", "guess"] {
        assert!(activity["deadline"].get(key).is_some(), "deadline {key}");
    }
    assert_eq!(
        activity["responsible"],
        serde_json::json!(["Управление образования"])
    );
}

#[test]
fn markdown_export_is_a_table_to_paste_into_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = import(dir.path(), "tynda");
    karta(dir.path())
        .args(["export", "--format", "md"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| № п/п | Мероприятия (содержание деятельности) | Сроки | Ответственные |",
        ))
        .stdout(predicate::str::contains(
            "| **1. Формирование нормативно-правового обеспечения",
        ))
        .stdout(predicate::str::contains(
            "| 2.6. | Проведение процедуры независимой оценки",
        ));
}

#[test]
fn an_export_is_never_written_over_a_roadmap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = import(dir.path(), "lysva");
    let other = import(dir.path(), "tynda");
    let renamed = dir.path().join("tynda.docx");
    fs::copy(&other, &renamed).expect("copy");
    for target in [&file, &other, &renamed] {
        let before = fs::read(target).expect("read");
        let out = karta(dir.path())
            .args(["export", "--format", "docx", "-o"])
            .arg(target)
            .arg(&file)
            .output()
            .expect("run");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("это дорожная карта karta"), "{err}");
        assert_eq!(
            fs::read(target).expect("read"),
            before,
            "the roadmap is kept"
        );
    }
    let docx = dir.path().join("lysva.docx");
    for _ in 0..2 {
        karta(dir.path())
            .args(["export", "--format", "docx", "-o"])
            .arg(&docx)
            .arg(&file)
            .assert()
            .success();
    }
}

#[test]
fn csv_export_imports_back_into_the_same_roadmap() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["sasovo", "chernogorsk"] {
        let file = import(dir.path(), name);
        let csv = dir.path().join(format!("{name}.csv"));
        karta(dir.path())
            .args(["export", "--format", "csv", "-o"])
            .arg(&csv)
            .arg(&file)
            .assert()
            .success();
        let back = dir.path().join(format!("{name}-back.karta"));
        karta(dir.path())
            .arg("import")
            .arg(&csv)
            .arg("-o")
            .arg(&back)
            .assert()
            .success();
        let a = export_json(dir.path(), &file);
        let b = export_json(dir.path(), &back);
        let texts = |v: &Value| -> Vec<String> {
            let mut out = Vec::new();
            fn walk(v: &Value, out: &mut Vec<String>) {
                for a in v["activities"].as_array().into_iter().flatten() {
                    out.push(format!(
                        "{} {} {} {}",
                        a["number"], a["text"], a["deadline"]["text"], a["responsible"]
                    ));
                }
                for s in v["sections"].as_array().into_iter().flatten() {
                    out.push(format!("{} {}", s["number"], s["title"]));
                    walk(s, out);
                }
            }
            walk(v, &mut out);
            out
        };
        assert_eq!(texts(&a), texts(&b), "{name}");
    }
}

#[test]
fn whoami_and_new_record_the_author() {
    let dir = tempfile::tempdir().expect("tempdir");
    karta(dir.path())
        .args(["whoami", "--set", "Корчевская И.П."])
        .assert()
        .success();
    karta(dir.path())
        .arg("whoami")
        .assert()
        .success()
        .stdout("Корчевская И.П.\n");
    let file = dir.path().join("new.karta");
    karta(dir.path())
        .args([
            "new",
            "--title",
            "План на 2025 год",
            "--municipality",
            "город Тында",
            "--period",
            "2025",
        ])
        .arg(&file)
        .assert()
        .success();
    let doc = karta::store::open(&file).expect("open");
    let mut am = doc.automerge().clone();
    let change = am.get_changes(&[]).into_iter().next().expect("a change");
    assert_eq!(
        change.author().map(|a| a.as_bytes().to_vec()),
        Some("Корчевская И.П.".as_bytes().to_vec())
    );
    let json = export_json(dir.path(), &file);
    assert_eq!(json["title"], "План на 2025 год");
    assert_eq!(json["period"]["to"], "2025-12-31");
}

#[test]
fn without_a_file_a_bundled_sample_is_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    karta(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("город Черногорск"))
        .stdout(predicate::str::contains("84 мероприятия"));
}

#[test]
fn renumber_through_the_binary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = import(dir.path(), "lesosibirsk");
    karta(dir.path())
        .arg("renumber")
        .arg(&file)
        .assert()
        .success();
    let json = export_json(dir.path(), &file);
    assert_eq!(json["sections"][0]["number"], "1.");
    assert_eq!(json["sections"][0]["sections"][0]["number"], "1.1.");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("lysva.karta");
    fs::copy(project("samples/lysva.karta"), &file).expect("copy");
    let file = file.to_str().expect("path");
    let commands: [&[&str]; 8] = [
        &["whoami"],
        &["whoami", "--set", "Тестова Т.Т."],
        &[file],
        &["export", "--format", "json", file],
        &["report", file],
        &["log", file],
        &["renumber", file],
        &["set", file, "1.1", "deadline", "Декабрь 2021"],
    ];
    for args in commands {
        // As `karta … | head -1` once `head` is gone: the reading end is
        // closed before karta writes anything.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = karta_command(dir.path())
            .args(args)
            .stdout(writer)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "karta {args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "karta {args:?}");
    }
    let json = export_json(dir.path(), Path::new(file));
    assert!(
        json.to_string().contains("Декабрь 2021"),
        "the edit was saved"
    );
}

#[test]
fn read_only_commands_answer_from_the_view_cache_of_the_exact_bytes() {
    use karta::store::disk::cache::{Fingerprint, View, ViewCache};
    use karta::store::exchange::conflicts::{Conflict, ConflictValue};
    use karta::store::history::changes::{Field, Item, ItemKind};
    let dir = tempfile::tempdir().expect("tempdir");
    let file = import(dir.path(), "tynda");
    let bytes = fs::read(&file).expect("read");
    let mut doc = karta::store::open(&file).expect("open");
    let mut roadmap = doc.roadmap();
    // A title and a conflict only the cached view has: seen only if the
    // cache answers.
    roadmap.meta.title = "Из кэша".into();
    let value = |v: &str| ConflictValue {
        value: v.into(),
        author: None,
    };
    let marker = Conflict {
        item: Item {
            kind: ItemKind::Heading,
            id: String::new(),
            number: String::new(),
            label: "Из кэша".into(),
        },
        field: Field::Title,
        values: vec![value("Конфликт из кэша"), value("Другое")],
    };
    let heads = doc.heads();
    let cache = |deleted_but_edited| {
        ViewCache::new(dir.path().join("cache"))
            .store(
                &file,
                Fingerprint::of(&bytes),
                &View {
                    heads: &heads,
                    roadmap: &roadmap,
                    conflicts: std::slice::from_ref(&marker),
                    deleted_but_edited,
                },
            )
            .expect("cache");
    };
    let listed = || -> String {
        let out = karta(dir.path())
            .arg("conflicts")
            .arg(&file)
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    // Deletions edited unseen not known to the cache: read from the file.
    cache(None);
    assert!(!listed().contains("Конфликт из кэша"));
    cache(Some(&[]));
    assert!(listed().contains("Конфликт из кэша"));
    assert_eq!(export_json(dir.path(), &file)["title"], "Из кэша");
    karta(dir.path())
        .args(["report", "--by", "mechanism"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("Из кэша"));
    // Other bytes: the cached view is not theirs.
    karta(dir.path())
        .args(["set"])
        .arg(&file)
        .args(["1.1", "deadline", "Январь 2022"])
        .assert()
        .success();
    assert_ne!(export_json(dir.path(), &file)["title"], "Из кэша");
}
