//! The Automerge store: round trips through real files, safe loading of
//! broken and foreign files, atomic saves.

mod common;

use std::fs;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, ReadDoc};
use common::*;
use karta::store::{self, Doc, StoreError};

fn saved_sample(dir: &std::path::Path) -> std::path::PathBuf {
    let roadmap = import_sample("chernogorsk");
    let mut doc = Doc::create(&roadmap, Some("Иванова И.И."), "import").expect("create");
    let path = dir.join("chernogorsk.karta");
    store::save(&path, &mut doc).expect("save");
    path
}

#[test]
fn a_roadmap_survives_a_file_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, _, _) in SAMPLES {
        let roadmap = import_sample(name);
        let mut doc = Doc::create(&roadmap, Some("Иванова И.И."), "import").expect("create");
        let path = dir.path().join(format!("{name}.karta"));
        store::save(&path, &mut doc).expect("save");
        let back = store::open(&path).expect("open").roadmap();
        assert_eq!(without_ids(back.clone()), without_ids(roadmap), "{name}");
        assert!(!back.id.is_empty());
        let first = back.activities_with_path()[0].1.id.clone();
        assert_eq!(first.len(), 12, "stable item ids");
    }
}

#[test]
fn every_change_carries_its_author_and_a_fresh_actor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved_sample(dir.path());
    let mut first = store::open(&path).expect("open");
    let mut second = store::open(&path).expect("open");
    assert_ne!(
        first.automerge().get_actor(),
        second.automerge().get_actor()
    );
    first.set_author(Some("Петров П.П."));
    first.renumber().expect("renumber");
    let mut am = first.automerge().clone();
    let changes = am.get_changes(&[]);
    let authors: Vec<String> = changes
        .iter()
        .filter_map(|c| {
            c.author()
                .map(|a| String::from_utf8_lossy(a.as_bytes()).into_owned())
        })
        .collect();
    assert_eq!(authors, ["Иванова И.И.", "Петров П.П."]);
    assert_eq!(changes[1].message(), Some("renumber"));
    assert!(changes[1].timestamp() > 1_600_000_000);
    let _ = second.heads();
}

#[test]
fn renumber_applies_hierarchical_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved_sample(dir.path());
    let mut doc = store::open(&path).expect("open");
    let changed = doc.renumber().expect("renumber");
    assert!(changed > 0);
    let r = doc.roadmap();
    let s10 = &r.sections[9];
    assert_eq!(s10.number, "10.");
    let numbers: Vec<&str> = s10.activities.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(
        &numbers[..6],
        ["10.1.", "10.2.", "10.3.", "10.4.", "10.4.1.", "10.5."],
        "sub-items stay sub-items"
    );
    assert_eq!(
        doc.renumber().expect("again"),
        0,
        "renumbering twice changes nothing"
    );
}

#[test]
fn broken_files_give_one_line_errors_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = fs::read(saved_sample(dir.path())).expect("read");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.karta", Vec::new()),
        ("truncated.karta", good[..good.len() / 2].to_vec()),
        ("text.karta", "Дорожная карта\n".as_bytes().to_vec()),
        (
            "random.karta",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                .collect(),
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).expect("write");
        let err = store::open(&path)
            .err()
            .unwrap_or_else(|| panic!("{name} opened"));
        let message = err.to_string();
        assert!(message.contains(name), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
    let missing = dir.path().join("missing.karta");
    let message = store::open(&missing)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(message.contains("missing.karta"), "{message}");
}

#[test]
fn a_foreign_automerge_document_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut other = AutoCommit::new();
    other.put(ROOT, "todo", "купить хлеб").expect("put");
    let path = dir.path().join("foreign.karta");
    fs::write(&path, other.save()).expect("write");
    assert!(matches!(
        store::open(&path),
        Err(StoreError::Foreign { .. })
    ));
}

#[test]
fn a_newer_format_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = Doc::create(&import_sample("lysva"), None, "import").expect("create");
    let mut am = AutoCommit::load(&doc.to_bytes()).expect("load");
    am.put(ROOT, "version", 99u64).expect("put");
    let path = dir.path().join("future.karta");
    fs::write(&path, am.save()).expect("write");
    let err = store::open(&path).err().expect("refused").to_string();
    assert!(
        err.contains("version 99") && err.contains("future.karta"),
        "{err}"
    );
    assert!(am.get(ROOT, "id").expect("get").is_some());
}

#[test]
fn mutated_files_never_crash_the_loader() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = fs::read(saved_sample(dir.path())).expect("read");
    let path = dir.path().join("mutated.karta");
    let mut state = 0x9e3779b97f4a7c15u64;
    let mut opened = 0;
    for _ in 0..300 {
        let mut bytes = good.clone();
        for _ in 0..3 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state as usize) % bytes.len();
            bytes[at] ^= (state >> 32) as u8 | 1;
        }
        fs::write(&path, &bytes).expect("write");
        match store::open(&path) {
            Ok(doc) => {
                opened += 1;
                let _ = doc.roadmap();
            }
            Err(e) => assert!(e.to_string().contains("mutated.karta")),
        }
    }
    assert!(opened < 300, "checksums catch most damage");
}

#[test]
fn a_failed_save_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved_sample(dir.path());
    let before = fs::read(&path).expect("read");
    let mut doc = store::open(&path).expect("open");
    doc.renumber().expect("edit");
    // Saving into a folder that does not exist fails without touching anything.
    let elsewhere = dir.path().join("no-such-folder").join("chernogorsk.karta");
    assert!(store::save(&elsewhere, &mut doc).is_err());
    // A target that is a folder cannot be replaced: the error names it.
    let folder = dir.path().join("folder.karta");
    fs::create_dir(&folder).expect("mkdir");
    let err = store::save(&folder, &mut doc)
        .expect_err("refused")
        .to_string();
    assert!(err.contains("folder.karta"), "{err}");
    assert_eq!(fs::read(&path).expect("read"), before);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
    store::save(&path, &mut doc).expect("save");
    assert_ne!(fs::read(&path).expect("read"), before);
}
