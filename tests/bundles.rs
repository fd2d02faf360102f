//! Damaged bundles: cut off anywhere or with any byte changed, a bundle is
//! refused whole with one line naming it, and MINE stays byte-identical.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use karta::store::exchange::bundle::{apply_bundle, read_bundle, write_bundle};
use karta::store::exchange::merge::merge_files;
use karta::store::write::edit::ActivityField;
use karta::store::{self, Doc};

/// A roadmap file and a bundle of three edits a copy of it lacks.
fn roadmap_and_bundle(dir: &Path) -> (std::path::PathBuf, Vec<u8>) {
    let mut doc =
        Doc::create(&import_sample("lysva"), Some("Иванова И.И."), "import").expect("create");
    let mine = dir.join("mine.karta");
    store::save(&mine, &mut doc).expect("save");
    let known = doc.heads();
    let mut theirs = doc.fork();
    theirs.set_author(Some("Сенюта Л.А."));
    let ids: Vec<String> = theirs.roadmap().sections[0]
        .activities
        .iter()
        .map(|a| a.id.clone())
        .collect();
    for (id, deadline) in ids.iter().zip(["Январь 2022", "Март 2022", "Май 2022"]) {
        theirs
            .set_activity_field(id, &ActivityField::Deadline, deadline)
            .expect("edit");
    }
    (mine, write_bundle(&mut theirs, &known).0)
}

#[test]
fn a_sound_bundle_applies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, bytes) = roadmap_and_bundle(dir.path());
    let path = dir.path().join("changes.karta-changes");
    fs::write(&path, &bytes).expect("write");
    let bundle = read_bundle(&bytes, &path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bundle.hashes.len(), 3);
    assert_eq!(bundle.header.from.as_deref(), Some("Сенюта Л.А."));
    let outcome = merge_files(&mine, &[path], Some("Я"), false, None).expect("merge");
    assert!(outcome.saved);
    assert_eq!(outcome.preview.applied.len(), 3);
}

#[test]
fn every_cut_and_every_changed_byte_is_refused_and_mine_is_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, bytes) = roadmap_and_bundle(dir.path());
    let before = fs::read(&mine).expect("read");
    let path = dir.path().join("damaged.karta-changes");
    let mut accepted = Vec::new();
    let mut tried = 0;
    // Cut at every twentieth of the length, and every single byte flipped
    // (three ways).
    let mut damaged: Vec<(String, Vec<u8>)> = (1..20)
        .map(|i| {
            (
                format!("cut {i}/20"),
                bytes[..bytes.len() * i / 20].to_vec(),
            )
        })
        .collect();
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            damaged.push((format!("byte {i} ^ {flip:#x}"), b));
        }
    }
    let mut doc = store::open(&mine).expect("open");
    let heads = doc.heads();
    for (i, (what, b)) in damaged.into_iter().enumerate() {
        tried += 1;
        // Every bundle is read and applied in memory; every tenth also
        // goes through a whole merge of the file.
        let result = match read_bundle(&b, &path) {
            Ok(bundle) => apply_bundle(&mut doc, &bundle, &path).map(|_| ()),
            Err(e) => Err(e),
        };
        match result {
            Err(e) => {
                let message = e.to_string();
                assert!(!message.contains('\n'), "one line: {message}");
                assert!(message.contains("damaged.karta-changes"), "{message}");
            }
            Ok(()) => accepted.push(what.clone()),
        }
        assert_eq!(doc.heads(), heads, "{what}: the document changed");
        if i % 10 == 0 {
            fs::write(&path, &b).expect("write");
            let merged = merge_files(&mine, std::slice::from_ref(&path), Some("Я"), false, None);
            assert!(merged.is_err(), "{what}: merged");
            assert_eq!(
                fs::read(&mine).expect("read"),
                before,
                "{what}: MINE changed"
            );
        }
    }
    assert!(tried > 1000, "{tried} damaged bundles tried");
    assert!(accepted.is_empty(), "accepted: {accepted:?}");
}

#[test]
fn the_real_binary_refuses_a_cut_bundle_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, bytes) = roadmap_and_bundle(dir.path());
    let before = fs::read(&mine).expect("read");
    let path = dir.path().join("cut.karta-changes");
    fs::write(&path, &bytes[..bytes.len() - 7]).expect("write");
    let out = karta_command(dir.path())
        .arg("merge")
        .arg(&mine)
        .arg(&path)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cut.karta-changes"), "{stderr}");
    assert_eq!(fs::read(&mine).expect("read"), before);
    // A bundle is never opened as a roadmap.
    let out = karta_command(dir.path())
        .args(["export", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(!out.status.success());
}

#[test]
fn old_bundles_are_accepted_when_every_chunk_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mine, bytes) = roadmap_and_bundle(dir.path());
    let doc = store::open(&mine).expect("open");
    // A version-1 bundle: one header line, then the changes.
    let payload_start = bytes
        .windows(2)
        .position(|w| w == b"\n\n")
        .expect("header end")
        + 2;
    let mut old = format!("KARTA-BUNDLE 1 {}\n", doc.roadmap_id()).into_bytes();
    old.extend(&bytes[payload_start..]);
    let path = dir.path().join("old.karta");
    let bundle = read_bundle(&old, &path).expect("an old sound bundle reads");
    assert_eq!(bundle.hashes.len(), 3);
    for cut in [old.len() - 1, old.len() - 40, payload_start + 30] {
        assert!(read_bundle(&old[..cut], &path).is_err(), "cut at {cut}");
    }
}
