//! Items from the command line. Deletions never hide work: an edit made to
//! an item a colleague deleted is told at the merge, listed by `karta
//! conflicts` and `karta trash`, and `karta restore` brings the item back
//! with it; sections are deleted (and restored) with everything in them.
//! New activities take the next number of their section; items without a
//! number are named by id or place.

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

fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    two_copies(dir, "Иванова И.И.")
}

fn json(dir: &Path, file: &Path) -> Value {
    exported_json(dir, file)
}

/// Every activity of an exported roadmap: (number, deadline text).
fn activities(v: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(node) = stack.pop() {
        for a in node["activities"].as_array().into_iter().flatten() {
            out.push((
                a["number"].as_str().unwrap_or("").to_string(),
                a["deadline"]["text"].as_str().unwrap_or("").to_string(),
            ));
        }
        stack.extend(node["sections"].as_array().into_iter().flatten());
    }
    out.sort();
    out
}

#[test]
fn an_edit_to_an_item_a_colleague_deleted_is_told_kept_and_restorable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, theirs) = setup(dir.path());
    karta(dir.path(), "Сенюта Л.А.")
        .arg("rm")
        .arg(&theirs)
        .arg("1.2")
        .assert()
        .success();
    karta(dir.path(), "Иванова И.И.")
        .arg("set")
        .arg(&mine)
        .args(["1.2", "deadline", "Июнь 2022"])
        .assert()
        .success();
    karta(dir.path(), "Иванова И.И.")
        .arg("merge")
        .arg(&mine)
        .arg(&theirs)
        .assert()
        .success()
        .stdout(predicate::str::contains("Сенюта Л.А. удалил(а) 1.2."))
        .stdout(predicate::str::contains("а вы изменили в нём срок"))
        .stdout(predicate::str::contains("«Июнь 2022»"));
    assert!(
        !activities(&json(dir.path(), &mine))
            .iter()
            .any(|(n, _)| n == "1.2."),
        "deleted"
    );
    karta(dir.path(), "Иванова И.И.")
        .arg("conflicts")
        .arg(&mine)
        .assert()
        .success()
        .stdout(predicate::str::contains("удалил(а) 1.2."));
    karta(dir.path(), "Иванова И.И.")
        .arg("trash")
        .arg(&mine)
        .assert()
        .success()
        .stdout(predicate::str::contains("1.2."))
        .stdout(predicate::str::contains("Сенюта Л.А."))
        .stdout(predicate::str::contains("‼"));
    karta(dir.path(), "Иванова И.И.")
        .arg("restore")
        .arg(&mine)
        .arg("1.2")
        .assert()
        .success()
        .stdout(predicate::str::contains("восстановлено"));
    assert!(
        activities(&json(dir.path(), &mine)).contains(&("1.2.".into(), "Июнь 2022".into())),
        "back with the edit"
    );
}

#[test]
fn a_section_is_deleted_and_restored_with_everything_in_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, _) = setup(dir.path());
    let before = fs::read(&mine).expect("read");
    let all = activities(&json(dir.path(), &mine));
    let out = karta(dir.path(), "Иванова И.И.")
        .arg("rm")
        .arg(&mine)
        .arg("1")
        .output()
        .expect("run");
    assert!(!out.status.success(), "a section needs --section");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("--section"), "{err}");
    assert_eq!(fs::read(&mine).expect("read"), before);
    karta(dir.path(), "Иванова И.И.")
        .arg("rm")
        .arg(&mine)
        .args(["1", "--section"])
        .assert()
        .success();
    let left = activities(&json(dir.path(), &mine));
    assert!(left.len() < all.len(), "its activities went with it");
    assert!(
        !left.iter().any(|(n, _)| n.starts_with("1.")),
        "none stranded at the top level: {left:?}"
    );
    karta(dir.path(), "Иванова И.И.")
        .arg("trash")
        .arg(&mine)
        .assert()
        .success()
        .stdout(predicate::str::contains("мероприятиями"));
    karta(dir.path(), "Иванова И.И.")
        .arg("restore")
        .arg(&mine)
        .arg("1")
        .assert()
        .success();
    assert_eq!(activities(&json(dir.path(), &mine)), all);
}

#[test]
fn items_without_a_number_are_named_by_id_or_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, _) = setup(dir.path());
    karta(dir.path(), "Иванова И.И.")
        .arg("set")
        .arg(&mine)
        .args(["#1", "deadline", "Сентябрь 2022"])
        .assert()
        .success();
    let v = json(dir.path(), &mine);
    let first = &v["sections"][0]["activities"][0];
    assert_eq!(first["deadline"]["text"], "Сентябрь 2022");
    let id = first["id"].as_str().expect("id").to_string();
    karta(dir.path(), "Иванова И.И.")
        .arg("set")
        .arg(&mine)
        .args([id.as_str(), "status", "done"])
        .assert()
        .success();
    assert_eq!(
        json(dir.path(), &mine)["sections"][0]["activities"][0]["status"],
        "done"
    );
    let out = karta(dir.path(), "Иванова И.И.")
        .arg("set")
        .arg(&mine)
        .args(["#9999", "status", "done"])
        .output()
        .expect("run");
    assert!(!out.status.success());
}

#[test]
fn an_added_activity_takes_the_next_number_of_its_section() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, _) = setup(dir.path());
    let before = activities(&json(dir.path(), &mine));
    let last_of_2 = before
        .iter()
        .filter_map(|(n, _)| {
            n.strip_prefix("2.")?
                .trim_end_matches('.')
                .parse::<u32>()
                .ok()
        })
        .max()
        .expect("section 2 has numbered activities");
    let expected = format!("2.{}.", last_of_2 + 1);
    karta(dir.path(), "Иванова И.И.")
        .arg("add")
        .arg(&mine)
        .args(["--section", "2", "--text", "Семинар для завучей"])
        .assert()
        .success()
        .stdout(predicate::str::contains(expected.as_str()));
    assert!(
        activities(&json(dir.path(), &mine))
            .iter()
            .any(|(n, _)| *n == expected),
        "numbered {expected}"
    );
}
