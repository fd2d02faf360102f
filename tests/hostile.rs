//! Damaged, crafted and foreign documents (issue #10), each built here as
//! a real file and given to the real binary or the library's real entry
//! points: none may crash karta, poison a roadmap or cost more than the
//! size of the input.

mod common;

use std::fs;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use automerge::transaction::Transactable;
use automerge::{AutoCommit, Change, ExpandedChange, ObjType, ROOT, ReadDoc};
use common::*;
use serde_json::Value;

use karta::store::disk::journal::Journal;
use karta::store::{self, Doc};

fn karta(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("karta").expect("binary");
    let config = dir.join("config");
    fs::create_dir_all(&config).expect("config dir");
    fs::write(config.join("config.toml"), "name = \"Тестова Т.Т.\"\n").expect("config");
    cmd.env("KARTA_CONFIG_DIR", &config)
        .env("KARTA_CACHE_DIR", "")
        .env_remove("RUST_BACKTRACE");
    cmd
}

/// Runs a command expected to fail; returns its one line of error.
fn fails(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(!out.status.success(), "succeeded: {out:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Runs a command expected to succeed; returns its standard output.
fn succeeds(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "failed: {out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A real roadmap file (the Lysva sample imported) in `dir`.
fn roadmap_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut doc =
        Doc::create(&import_sample("lysva"), Some("Колосов В.Г."), "import").expect("create");
    store::save(&path, &mut doc).expect("save");
    path
}

fn automerge_of(path: &Path) -> AutoCommit {
    AutoCommit::load(&fs::read(path).expect("read")).expect("load")
}

fn json_export(dir: &Path, file: &Path) -> Value {
    let out = succeeds(karta(dir).args(["export", "--format", "json"]).arg(file));
    serde_json::from_str(&out).expect("json")
}

/// A well-formed change to `doc` (a new title) whose operations are
/// counted from `start`.
fn change_counted_from(doc: &mut AutoCommit, start: u64) -> Vec<u8> {
    let heads = doc.get_heads();
    let mut other = doc.fork();
    let meta = match other.get(ROOT, "meta").expect("get") {
        Some((_, id)) => id,
        None => panic!("no meta"),
    };
    other.put(&meta, "title", "Отравленная карта").expect("put");
    other.commit();
    let change = other.get_changes(&heads).pop().expect("change");
    let mut expanded: ExpandedChange = change.decode();
    expanded.start_op = NonZeroU64::new(start).expect("start");
    expanded.hash = None;
    Change::from(expanded).raw_bytes().to_vec()
}

const NEAR_U32_MAX: u64 = u32::MAX as u64 - 300;

#[test]
fn a_bundle_with_counters_near_u32_max_is_refused_and_mine_stays_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    let mine = roadmap_file(dir.path(), "mine.karta");
    let before = fs::read(&mine).expect("read");
    let mut doc = automerge_of(&mine);
    let id = match doc.get(ROOT, "id").expect("id") {
        Some((automerge::Value::Scalar(s), _)) => s.as_str().expect("str").to_string(),
        _ => panic!("no id"),
    };
    let change = change_counted_from(&mut doc, NEAR_U32_MAX);
    let bundle = dir.path().join("poison.bundle");
    let mut bytes = format!("KARTA-BUNDLE 1 {id}\n").into_bytes();
    bytes.extend_from_slice(&change);
    fs::write(&bundle, bytes).expect("write");
    let err = fails(karta(dir.path()).arg("merge").arg(&mine).arg(&bundle));
    assert!(err.contains("poison.bundle"), "{err}");
    assert!(err.contains("повреждён"), "{err}");
    assert_eq!(fs::read(&mine).expect("read"), before, "MINE was touched");
    // And the library entry point the editor uses says the same.
    let mut mine_doc = store::open(&mine).expect("open");
    let incoming = store::exchange::bundle::read_incoming(&bundle).expect("bundle");
    assert!(store::exchange::merge::merge_incoming(&mut mine_doc, incoming, &bundle).is_err());
}

#[test]
fn a_document_with_counters_near_u32_max_is_refused_on_open_and_on_merge() {
    let dir = tempfile::tempdir().expect("dir");
    let mine = roadmap_file(dir.path(), "mine.karta");
    let before = fs::read(&mine).expect("read");
    let mut doc = automerge_of(&mine);
    let change = change_counted_from(&mut doc, NEAR_U32_MAX);
    doc.load_incremental(&change).expect("automerge accepts it");
    let theirs = dir.path().join("theirs.karta");
    fs::write(&theirs, doc.save()).expect("write");
    for args in [
        vec!["export", "--format", "json"],
        vec!["report"],
        vec!["log"],
    ] {
        let err = fails(karta(dir.path()).args(&args).arg(&theirs));
        assert!(err.contains("theirs.karta"), "{err}");
        assert!(err.contains("повреждён"), "{err}");
    }
    let err = fails(karta(dir.path()).arg("merge").arg(&mine).arg(&theirs));
    assert!(
        err.contains("theirs.karta") && err.contains("повреждён"),
        "{err}"
    );
    assert_eq!(fs::read(&mine).expect("read"), before, "MINE was touched");
    // A counter far ahead of the operations, though below 2^31, is refused
    // too.
    let mut doc = automerge_of(&mine);
    let change = change_counted_from(&mut doc, 100_000_000);
    doc.load_incremental(&change).expect("automerge accepts it");
    fs::write(&theirs, doc.save()).expect("write");
    let err = fails(karta(dir.path()).arg("report").arg(&theirs));
    assert!(err.contains("повреждён"), "{err}");
}

/// Nested sections, one under the other, written straight into the
/// document (numbered 1., 2., … from the top).
fn nest_sections(path: &Path, depth: usize) {
    let mut doc = automerge_of(path);
    let sections = match doc.get(ROOT, "sections").expect("get") {
        Some((_, id)) => id,
        None => panic!("no sections"),
    };
    let mut parent = String::new();
    for i in 0..depth {
        let id = format!("d{i:011}");
        let s = doc
            .put_object(&sections, id.as_str(), ObjType::Map)
            .expect("section");
        doc.put(&s, "parent", parent.as_str()).expect("put");
        doc.put(&s, "pos", "m").expect("put");
        doc.put(&s, "number", format!("{}.", 1000 + i))
            .expect("put");
        doc.put(&s, "title", format!("Уровень {i}")).expect("put");
        doc.put(&s, "kind", "section").expect("put");
        doc.put(&s, "responsible", "").expect("put");
        parent = id;
    }
    doc.commit();
    fs::write(path, doc.save()).expect("write");
}

fn deepest(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Value, usize)> = value["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| (s, 1))
        .collect();
    while let Some((s, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            s["sections"]
                .as_array()
                .expect("sections")
                .iter()
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

#[test]
fn fifteen_thousand_nested_sections_are_shown_flattened_and_never_merged_in() {
    let dir = tempfile::tempdir().expect("dir");
    let mine = roadmap_file(dir.path(), "mine.karta");
    let deep = dir.path().join("deep.karta");
    fs::copy(&mine, &deep).expect("copy");
    nest_sections(&deep, 15_000);
    let json = json_export(dir.path(), &deep);
    assert_eq!(deepest(&json), karta::model::MAX_DEPTH);
    for format in ["md", "csv"] {
        let out = succeeds(
            karta(dir.path())
                .args(["export", "--format", format])
                .arg(&deep),
        );
        assert!(out.contains("Уровень 14999"), "{format}");
    }
    for by in ["mechanism", "person", "deadline"] {
        succeeds(karta(dir.path()).args(["report", "--by", by]).arg(&deep));
    }
    succeeds(
        karta(dir.path())
            .args(["set"])
            .arg(&deep)
            .args(["14999", "title", "Дно"]),
    );
    assert!(json_export(dir.path(), &deep).to_string().contains("Дно"));
    // A section goes with everything in it.
    succeeds(
        karta(dir.path())
            .args(["rm"])
            .arg(&deep)
            .args(["13000", "--section"]),
    );
    succeeds(karta(dir.path()).args(["renumber"]).arg(&deep));
    let json = json_export(dir.path(), &deep);
    assert_eq!(deepest(&json), karta::model::MAX_DEPTH);
    let text = json.to_string();
    assert!(!text.contains("Дно") && !text.contains("Уровень 12000"));
    // The editor opens it and moves through it.
    let doc = store::open(&deep).expect("open");
    let keymap = karta::tui::keymap::Keymap::built_in("default").expect("keymap");
    let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date");
    let mut app = karta::tui::app::App::new(
        doc,
        Some(deep.clone()),
        keymap,
        karta::i18n::Lang::Ru,
        today,
    );
    press(&mut app, "G k k 2 3 1");
    // Merging a copy like that into an ordinary roadmap is refused.
    let before = fs::read(&mine).expect("read");
    let err = fails(karta(dir.path()).arg("merge").arg(&mine).arg(&deep));
    assert!(
        err.contains("deep.karta") && err.contains("вложены на"),
        "{err}"
    );
    assert_eq!(fs::read(&mine).expect("read"), before, "MINE was touched");
}

#[test]
fn ten_thousand_parent_cycles_are_broken_at_their_smallest_id() {
    let dir = tempfile::tempdir().expect("dir");
    let file = roadmap_file(dir.path(), "cycles.karta");
    let mut doc = automerge_of(&file);
    let sections = match doc.get(ROOT, "sections").expect("get") {
        Some((_, id)) => id,
        None => panic!("no sections"),
    };
    const PAIRS: usize = 10_000;
    for i in 0..PAIRS {
        let (a, b) = (format!("a{i:011}"), format!("b{i:011}"));
        for (id, parent) in [(&a, &b), (&b, &a)] {
            let s = doc
                .put_object(&sections, id.as_str(), ObjType::Map)
                .expect("section");
            doc.put(&s, "parent", parent.as_str()).expect("put");
            doc.put(&s, "pos", "m").expect("put");
            doc.put(&s, "title", id.as_str()).expect("put");
        }
    }
    doc.commit();
    fs::write(&file, doc.save()).expect("write");
    let json = json_export(dir.path(), &file);
    let top: Vec<&Value> = json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter(|s| s["title"].as_str().is_some_and(|t| t.len() == 12))
        .collect();
    assert_eq!(top.len(), PAIRS);
    for s in top {
        let id = s["id"].as_str().expect("id");
        assert!(id.starts_with('a'), "{id} is not the smallest of its cycle");
        let kids = s["sections"].as_array().expect("kids");
        assert_eq!(kids.len(), 1);
        assert_eq!(
            kids[0]["id"].as_str(),
            Some(id.replacen('a', "b", 1).as_str())
        );
    }
}

/// A journal of `records`, as the editor writes it.
fn write_journal(file: &Path, records: &[Vec<u8>]) {
    let mut bytes = b"KARTAJ1\n".to_vec();
    for r in records {
        bytes.extend_from_slice(&(r.len() as u32).to_le_bytes());
        bytes.extend_from_slice(r);
    }
    fs::write(Journal::path_for(file), bytes).expect("journal");
}

/// Three journal records of real edits to the roadmap in `file`, and the
/// activity ids they set the status of.
fn three_records(file: &Path) -> (Vec<Vec<u8>>, Vec<String>) {
    let mut doc = store::open(file).expect("open");
    doc.set_author(Some("Тестова Т.Т."));
    let ids: Vec<String> = doc
        .roadmap()
        .activities_with_path()
        .iter()
        .take(3)
        .map(|(_, a)| a.id.clone())
        .collect();
    let mut records = Vec::new();
    for id in &ids {
        doc.set_activity_field(id, &store::write::edit::ActivityField::Status, "done")
            .expect("edit");
        records.push(doc.save_incremental());
    }
    (records, ids)
}

fn status_of(doc: &Doc, id: &str) -> String {
    doc.activity(id)
        .expect("activity")
        .status
        .as_str()
        .to_string()
}

fn set_aside_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".journal.damaged-"))
        .collect()
}

#[test]
fn a_damaged_journal_record_is_set_aside_and_the_records_before_it_are_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let file = roadmap_file(dir.path(), "roadmap.karta");
    let (mut records, ids) = three_records(&file);
    let last = records[1].len() - 1;
    records[1][last] ^= 0x5a;
    write_journal(&file, &records);
    let bytes = fs::read(&file).expect("read");
    let loaded = karta::tui::loader::load(bytes.clone(), &file, "Тестова Т.Т.", None)
        .expect("the editor opens the file");
    assert_eq!(loaded.recovery.records, 1);
    assert!(loaded.recovery.changed);
    assert_eq!(status_of(&loaded.doc, &ids[0]), "done");
    assert_eq!(status_of(&loaded.doc, &ids[1]), "planned");
    assert_eq!(status_of(&loaded.doc, &ids[2]), "planned");
    let aside = loaded.recovery.set_aside.clone().expect("set aside");
    assert!(aside.exists());
    assert_eq!(set_aside_files(dir.path()), vec![aside]);
    // The fresh journal holds the record kept: opening again (another
    // crash) still restores it, and nothing is set aside again.
    let again = karta::tui::loader::load(bytes, &file, "Тестова Т.Т.", None).expect("reopen");
    assert_eq!(again.recovery.records, 1);
    assert!(again.recovery.set_aside.is_none());
    assert_eq!(status_of(&again.doc, &ids[0]), "done");
    // The editor says so on its status line.
    let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date");
    write_journal(&file, &[records[0].clone(), b"garbage".to_vec()]);
    let options = karta::tui::Options {
        file: Some(file.clone()),
        author: "Тестова Т.Т.".into(),
        keymap: "default".into(),
        lang: karta::i18n::Lang::Ru,
        today,
        cache_dir: None,
        keymap_file: None,
    };
    let app = karta::tui::open_app(&options).expect("open");
    let (text, _) = app.status.message.clone().expect("a message");
    assert!(
        text.contains("Журнал повреждён") && text.contains("damaged-"),
        "{text}"
    );
}

#[test]
fn a_journal_record_with_poisoned_counters_is_never_applied() {
    let dir = tempfile::tempdir().expect("dir");
    let file = roadmap_file(dir.path(), "roadmap.karta");
    let (records, ids) = three_records(&file);
    let mut am = automerge_of(&file);
    let poison = change_counted_from(&mut am, NEAR_U32_MAX);
    write_journal(&file, &[records[0].clone(), poison, records[1].clone()]);
    let mut doc = store::open(&file).expect("open");
    let recovery = Journal::recover(&file, &mut doc).expect("recover");
    assert_eq!(recovery.records, 1);
    assert!(recovery.set_aside.is_some());
    assert_eq!(status_of(&doc, &ids[0]), "done");
    assert_ne!(doc.roadmap().meta.title, "Отравленная карта");
    // Edits go on working far past a few hundred operations.
    doc.set_author(Some("Тестова Т.Т."));
    for i in 0..400 {
        doc.set_meta(
            store::write::edit::MetaField::Notes,
            &format!("заметка {i}"),
        )
        .expect("edit");
    }
}

#[test]
fn short_fields_written_as_text_read_as_their_strings() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("js.karta");
    all_text_roadmap(&file, "5f0c1d2e-0000-4000-8000-000000000001");
    let json = json_export(dir.path(), &file);
    assert_eq!(json["id"], "5f0c1d2e-0000-4000-8000-000000000001");
    assert_eq!(json["title"], "Карта из JS");
    assert_eq!(json["municipality"], "город Тында");
    assert_eq!(json["approval"]["number"], "20");
    assert_eq!(json["approval"]["date"], "2022-02-26");
    let s = &json["sections"][0];
    assert_eq!(s["title"], "Раздел из JS");
    assert_eq!(s["kind"], "mechanism");
    let a = &s["activities"][0];
    assert_eq!(a["number"], "1.1.");
    assert_eq!(a["deadline"]["text"], "Декабрь 2022");
    assert_eq!(a["deadline"]["end"], "2022-12-31");
    assert_eq!(a["status"], "in_progress");
    assert_eq!(a["responsible"], serde_json::json!(["Иванова И.И.", "УО"]));
    // It can be edited, and the edit reads back.
    succeeds(
        karta(dir.path())
            .arg("set")
            .arg(&file)
            .args(["1.1", "status", "done"]),
    );
    assert_eq!(
        json_export(dir.path(), &file)["sections"][0]["activities"][0]["status"],
        "done"
    );
}

/// A roadmap whose texts carry terminal escapes: OSC 52 (clipboard), a
/// colour, BEL and an 8-bit CSI.
fn escaping_roadmap(path: &Path) {
    let mut roadmap = import_sample("lysva");
    let evil = "\u{1b}]52;c;ZXZpbA==\u{7}X\u{1b}[31mY\u{7}\u{9b}2J";
    roadmap.meta.approval = Some(karta::model::Approval {
        number: format!("491{evil}"),
        date: None,
    });
    roadmap.meta.title = format!("Карта{evil}");
    roadmap.columns.push(karta::model::Column::new(
        format!("col9{evil}"),
        format!("Риски{evil}"),
        karta::model::ColumnRole::Other,
    ));
    let first = &mut roadmap.sections[0];
    first.title.push_str(evil);
    first.responsible.push(format!("Иванов{evil}"));
    let a = &mut first.activities[0];
    a.text.push_str(evil);
    a.deadline.push_str(evil);
    a.cells
        .insert(format!("col9{evil}"), format!("ячейка{evil}"));
    let mut doc = Doc::create(&roadmap, Some(&format!("Автор{evil}")), "import").expect("create");
    store::save(path, &mut doc).expect("save");
}

fn assert_clean(what: &str, text: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{9b}'] {
        assert!(!text.contains(c), "{what} lets {c:?} through");
    }
}

#[test]
fn no_exporter_or_printed_field_lets_a_terminal_escape_through() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("evil.karta");
    escaping_roadmap(&file);
    for format in ["json", "md", "csv"] {
        let out = succeeds(
            karta(dir.path())
                .args(["export", "--format", format])
                .arg(&file),
        );
        assert_clean(format, &out);
        assert!(out.contains("ячейка"), "{format}");
    }
    for by in ["mechanism", "person", "deadline"] {
        let out = succeeds(karta(dir.path()).args(["report", "--by", by]).arg(&file));
        assert_clean(by, &out);
    }
    assert_clean("log", &succeeds(karta(dir.path()).arg("log").arg(&file)));
    let out = karta(dir.path())
        .arg("set")
        .arg(&file)
        .args(["-", "approval_number", "1\u{1b}]52;c;eA==\u{7}"])
        .output()
        .expect("run");
    assert_clean("set", &String::from_utf8_lossy(&out.stdout));
    assert_clean("set", &String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_cell_of_400_kb_of_angle_brackets_imports_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let cell = "<".repeat(400_000);
    let source = dir.path().join("brackets.txt");
    fs::write(
        &source,
        format!("Карта\n\n№ п/п\tМероприятие\tСроки\tОтветственные\n1.\t{cell}\t2022\tУО\n"),
    )
    .expect("write");
    let out = dir.path().join("brackets.karta");
    succeeds(
        karta(dir.path())
            .arg("import")
            .arg(&source)
            .arg("-o")
            .arg(&out),
    );
    let json = json_export(dir.path(), &out);
    let text = json.to_string();
    assert!(text.contains(&cell), "the cell was not kept whole");
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    for (cmd, file) in [
        ("import", Path::new("/dev/zero")),
        ("import", fifo.as_path()),
        ("report", Path::new("/dev/zero")),
        ("report", fifo.as_path()),
    ] {
        let mut command = karta(dir.path());
        command.arg(cmd).arg(file);
        if cmd == "import" {
            command.arg("-o").arg(dir.path().join("out.karta"));
        }
        let err = fails(command.timeout(std::time::Duration::from_secs(20)));
        assert!(err.contains(&file.display().to_string()), "{err}");
        assert!(err.contains("это не обычный файл"), "{err}");
    }
}

fn with_root_value(dir: &Path, name: &str, key: &str, value: automerge::ScalarValue) -> PathBuf {
    let file = roadmap_file(dir, name);
    let mut doc = automerge_of(&file);
    doc.put(ROOT, key, value).expect("put");
    doc.commit();
    fs::write(&file, doc.save()).expect("write");
    file
}

#[test]
fn a_version_that_is_not_a_whole_number_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let text = with_root_value(dir.path(), "text.karta", "version", "1".into());
    let err = fails(
        karta(dir.path())
            .args(["--lang", "en", "report"])
            .arg(&text),
    );
    assert!(
        err.contains("text.karta") && err.contains("not a number"),
        "{err}"
    );
    let negative = with_root_value(dir.path(), "neg.karta", "version", (-5_i64).into());
    let err = fails(
        karta(dir.path())
            .args(["--lang", "en", "report"])
            .arg(&negative),
    );
    assert!(
        err.contains("negative (-5)") && !err.contains("18446744073709551611"),
        "{err}"
    );
    let newer = with_root_value(dir.path(), "new.karta", "version", 2_i64.into());
    let err = fails(
        karta(dir.path())
            .args(["--lang", "en", "report"])
            .arg(&newer),
    );
    assert!(err.contains("version 2"), "{err}");
    // In Russian (the default) the same file is refused in plain words.
    let err = fails(karta(dir.path()).arg("report").arg(&newer));
    assert!(
        err.contains("формат 2") && err.contains("обновите karta"),
        "{err}"
    );
    let float = with_root_value(dir.path(), "float.karta", "version", 1.0_f64.into());
    succeeds(
        karta(dir.path())
            .args(["--lang", "en", "report"])
            .arg(&float),
    );
}

#[test]
fn add_never_replaces_a_foreign_activities_value() {
    let dir = tempfile::tempdir().expect("dir");
    let file = with_root_value(dir.path(), "foreign.karta", "activities", "чужое".into());
    let before = fs::read(&file).expect("read");
    let err = fails(
        karta(dir.path())
            .arg("add")
            .arg(&file)
            .args(["--text", "Новое"]),
    );
    assert!(
        err.contains("foreign.karta") && err.contains("activities"),
        "{err}"
    );
    assert_eq!(fs::read(&file).expect("read"), before);
}

#[test]
fn unknown_statuses_and_kinds_are_shown_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    let file = roadmap_file(dir.path(), "unknown.karta");
    let mut doc = automerge_of(&file);
    let pick = |doc: &AutoCommit, map: &str| {
        let map = match doc.get(ROOT, map).expect("get") {
            Some((_, id)) => id,
            None => panic!("no {map}"),
        };
        let key = doc.keys(&map).next().expect("a key");
        match doc.get(&map, &key).expect("get") {
            Some((_, id)) => id,
            None => panic!("no item"),
        }
    };
    let activity = pick(&doc, "activities");
    doc.put(&activity, "status", "на согласовании")
        .expect("put");
    let section = pick(&doc, "sections");
    doc.put(&section, "kind", "direction").expect("put");
    let column = pick(&doc, "columns");
    doc.put(&column, "role", "indicator").expect("put");
    doc.commit();
    fs::write(&file, doc.save()).expect("write");
    // An edit by karta keeps them as they were written.
    succeeds(
        karta(dir.path())
            .arg("set")
            .arg(&file)
            .args(["1.1", "deadline", "Ежегодно"]),
    );
    let json = json_export(dir.path(), &file);
    let text = json.to_string();
    let roles: Vec<&str> = json["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .filter_map(|c| c["role"].as_str())
        .collect();
    assert!(
        roles.contains(&"indicator"),
        "role not as written: {roles:?}"
    );
    assert!(!roles.contains(&"other"), "{roles:?}");
    assert!(
        text.contains("\"status\":\"на согласовании\""),
        "status not as written"
    );
    assert!(
        text.contains("\"kind\":\"direction\""),
        "kind not as written"
    );
    let report = succeeds(karta(dir.path()).arg("report").arg(&file));
    assert!(report.contains("на согласовании"));
}

#[test]
fn an_error_names_its_cause_once() {
    let dir = tempfile::tempdir().expect("dir");
    let err = fails(
        karta(dir.path())
            .arg("report")
            .arg(dir.path().join("missing.karta")),
    );
    assert_eq!(err.matches("файл не найден").count(), 1, "{err}");
    assert!(!err.contains("os error"), "no system codes: {err}");
    assert!(err.contains("missing.karta"), "{err}");
}
