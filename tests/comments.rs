//! Comments from the command line: written, listed, edited and removed,
//! told by `karta log`, exported in JSON only where there are some, and
//! carried by files and bundles — comments written at once in two copies
//! are all kept, in time order, even on activities of files older than
//! comments.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;
use serde_json::Value;

/// The binary as `author` runs it (see `common::karta_as`).
fn karta(dir: &Path, author: &str) -> Command {
    Command::from_std(karta_as(dir, author))
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

/// A copy of a sample written before comments existed (no `comments` maps).
fn sample(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    path
}

fn json(dir: &Path, file: &Path) -> Value {
    let text = stdout(
        karta(dir, "x")
            .args(["export", "--format", "json"])
            .arg(file),
    );
    serde_json::from_str(&text).expect("json")
}

/// The activity numbered `number` in an exported roadmap.
fn activity<'a>(v: &'a Value, number: &str) -> &'a Value {
    let mut stack = vec![v];
    while let Some(node) = stack.pop() {
        for a in node["activities"].as_array().into_iter().flatten() {
            if a["number"] == number {
                return a;
            }
        }
        stack.extend(node["sections"].as_array().into_iter().flatten());
    }
    panic!("no activity {number}")
}

/// The texts of an activity's comments, in order.
fn texts(a: &Value) -> Vec<String> {
    a["comments"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| c["text"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_comment_is_written_listed_edited_and_removed_with_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample(dir.path(), "map.karta");
    let said = stdout(
        karta(dir.path(), "Иванова И.И.")
            .arg("comment")
            .arg(&file)
            .args(["1.1", "Согласовать с отделом опеки"]),
    );
    assert!(said.contains("комментарий к 1.1."), "{said}");
    stdout(
        karta(dir.path(), "Колосов В.Г.")
            .arg("comment")
            .arg(&file)
            .args(["1.1", "Перенесли из-за ГИА"]),
    );
    let v = json(dir.path(), &file);
    let a = activity(&v, "1.1.");
    assert_eq!(
        texts(a),
        ["Согласовать с отделом опеки", "Перенесли из-за ГИА"]
    );
    let first = &a["comments"][0];
    assert_eq!(first["author"], "Иванова И.И.");
    assert!(first["time"].as_str().is_some_and(|t| t.ends_with('Z')));
    assert!(
        activity(&v, "1.2.").get("comments").is_none(),
        "no comments, no key: the JSON of other activities is unchanged"
    );
    let id = first["id"].as_str().expect("id").to_string();

    let listed = stdout(karta(dir.path(), "x").arg("comment").arg(&file).arg("1.1"));
    assert!(
        listed.contains("Иванова И.И.") && listed.contains(&id),
        "{listed}"
    );

    stdout(
        karta(dir.path(), "Колосов В.Г.")
            .arg("comment")
            .arg(&file)
            .args(["--edit", &id, "Согласовать с отделом опеки и ЦРО"]),
    );
    assert_eq!(
        texts(activity(&json(dir.path(), &file), "1.1.")),
        ["Согласовать с отделом опеки и ЦРО", "Перенесли из-за ГИА"]
    );
    stdout(
        karta(dir.path(), "Колосов В.Г.")
            .arg("comment")
            .arg(&file)
            .args(["--remove", &id]),
    );
    assert_eq!(
        texts(activity(&json(dir.path(), &file), "1.1.")),
        ["Перенесли из-за ГИА"]
    );
    let log = stdout(karta(dir.path(), "x").arg("log").arg(&file));
    for line in [
        "Иванова И.И.",
        "прокомментировала 1.1.",
        "изменил комментарий к 1.1.",
        "«Согласовать с отделом опеки» → «Согласовать с отделом опеки и ЦРО»",
        "удалил комментарий к 1.1.",
    ] {
        assert!(log.contains(line), "{line}:\n{log}");
    }
    // The history of one activity tells its comments' events, and only
    // its own.
    stdout(
        karta(dir.path(), "Колосов В.Г.")
            .arg("comment")
            .arg(&file)
            .args(["1.2", "Только про 1.2"]),
    );
    let one = stdout(
        karta(dir.path(), "x")
            .arg("log")
            .arg(&file)
            .args(["--number", "1.1"]),
    );
    for line in [
        "прокомментировала 1.1.",
        "прокомментировал 1.1.",
        "…»: «Перенесли из-за ГИА»",
        "изменил комментарий к 1.1.",
        "удалил комментарий к 1.1.",
    ] {
        assert!(one.contains(line), "{line}:\n{one}");
    }
    assert!(!one.contains("Только про 1.2"), "{one}");
    let other = stdout(
        karta(dir.path(), "x")
            .arg("log")
            .arg(&file)
            .args(["--number", "1.2"]),
    );
    assert!(
        other.contains("прокомментировал 1.2.") && other.contains("«Только про 1.2»"),
        "{other}"
    );
    assert!(!other.contains("Перенесли из-за ГИА"), "{other}");
    karta(dir.path(), "x")
        .arg("comment")
        .arg(&file)
        .args(["--remove", &id])
        .assert()
        .failure();
    karta(dir.path(), "x")
        .arg("comment")
        .arg(&file)
        .args(["1.1", "  "])
        .assert()
        .failure();
}

#[test]
fn comments_written_at_once_in_two_copies_are_all_kept_in_time_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = sample(dir.path(), "mine.karta");
    let theirs = sample(dir.path(), "theirs.karta");
    stdout(
        karta(dir.path(), "Иванова И.И.")
            .arg("comment")
            .arg(&mine)
            .args(["1.1", "первый"]),
    );
    stdout(
        karta(dir.path(), "Колосов В.Г.")
            .arg("comment")
            .arg(&theirs)
            .args(["1.1", "второй"]),
    );
    stdout(
        karta(dir.path(), "Иванова И.И.")
            .arg("comment")
            .arg(&mine)
            .args(["1.1", "третий"]),
    );
    // Theirs gets mine in a bundle, mine gets theirs whole.
    let bundle = dir.path().join("to-them.karta-changes");
    stdout(
        karta(dir.path(), "Иванова И.И.")
            .arg("bundle")
            .arg(&mine)
            .arg("--since")
            .arg(&theirs)
            .arg("-o")
            .arg(&bundle),
    );
    stdout(
        karta(dir.path(), "Колосов В.Г.")
            .arg("merge")
            .arg(&theirs)
            .arg(&bundle),
    );
    stdout(
        karta(dir.path(), "Иванова И.И.")
            .arg("merge")
            .arg(&mine)
            .arg(&theirs),
    );
    let a = texts(activity(&json(dir.path(), &mine), "1.1."));
    let b = texts(activity(&json(dir.path(), &theirs), "1.1."));
    assert_eq!(a, b, "both copies list the same comments");
    assert_eq!(a.len(), 3, "{a:?}");
    let first = a.iter().position(|t| t == "первый").expect("first");
    let third = a.iter().position(|t| t == "третий").expect("third");
    assert!(first < third, "in time order: {a:?}");
}
