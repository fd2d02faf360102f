//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use karta::import::{self, ImportOptions};
use karta::model::{Roadmap, Section};

/// The five reference roadmaps: (sample name, expected activities, expected
/// top-level sections).
pub const SAMPLES: [(&str, usize, usize); 5] = [
    ("lesosibirsk", 51, 2),
    ("tynda", 25, 5),
    ("lysva", 18, 3),
    ("sasovo", 30, 2),
    ("chernogorsk", 84, 10),
];

/// Path of a file in the project.
pub fn project(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The real `karta` binary with `config` as its config folder and
/// `config/cache` as its view cache, so that no test reads the user's own
/// settings, keymap or cache.
pub fn karta_command(config: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_karta"));
    cmd.env("KARTA_CONFIG_DIR", config)
        .env("KARTA_CACHE_DIR", config.join("cache"));
    cmd
}

/// The binary as `author` runs it: her own config folder (under `dir`,
/// named after her) holding her name, and her own cache.
pub fn karta_as(dir: &Path, author: &str) -> std::process::Command {
    let config = dir.join(author);
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(config.join("config.toml"), format!("name = \"{author}\"\n")).expect("config");
    karta_command(&config)
}

/// Runs the binary as `author` (see [`karta_as`]) with `args`, which must
/// succeed (else the test fails with what it printed); its output.
pub fn run_ok(dir: &Path, author: &str, args: &[&str]) -> String {
    let out = karta_as(dir, author).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The Lysva sample imported by `author` as `mine.karta` in `dir`, and a
/// copy of it as `theirs.karta`: two offices' copies of one roadmap.
pub fn two_copies(dir: &Path, author: &str) -> (PathBuf, PathBuf) {
    let mine = dir.join("mine.karta");
    let out = karta_as(dir, author)
        .args(["import", source("lysva").to_str().expect("path"), "-o"])
        .arg(&mine)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs = dir.join("theirs.karta");
    std::fs::copy(&mine, &theirs).expect("copy");
    (mine, theirs)
}

/// The JSON export of `file`, as the binary writes it.
pub fn exported_json(dir: &Path, file: &Path) -> serde_json::Value {
    let out = karta_as(dir, "x")
        .args(["export", "--format", "json"])
        .arg(file)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// The seed text of a sample.
pub fn source(name: &str) -> PathBuf {
    project(&format!("samples/source/{name}.txt"))
}

/// Imports a sample's seed text.
pub fn import_sample(name: &str) -> Roadmap {
    let (roadmap, _) = import::import_file(&source(name), &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    roadmap
}

/// The roadmap with every id blanked, to compare content only.
pub fn without_ids(mut roadmap: Roadmap) -> Roadmap {
    fn strip(s: &mut Section) {
        s.id.clear();
        s.activities.iter_mut().for_each(|a| a.id.clear());
        s.sections.iter_mut().for_each(strip);
    }
    roadmap.id.clear();
    roadmap.activities.iter_mut().for_each(|a| a.id.clear());
    roadmap.sections.iter_mut().for_each(strip);
    roadmap
}

/// Finds a section anywhere by its number.
pub fn section_by_number<'a>(sections: &'a [Section], number: &str) -> Option<&'a Section> {
    for s in sections {
        if s.number == number {
            return Some(s);
        }
        if let Some(found) = section_by_number(&s.sections, number) {
            return Some(found);
        }
    }
    None
}

/// An editor over a sample (a real Automerge document saved to `dir`), the
/// default keymap, Russian, judged on 1 March 2022.
pub fn editor_on(name: &str, dir: &Path) -> karta::tui::app::App {
    let path = dir.join(format!("{name}.karta"));
    std::fs::copy(project(&format!("samples/{name}.karta")), &path).expect("copy sample");
    editor_at(&path)
}

/// An editor over the roadmap file `path`, as [`editor_on`] makes it, its
/// records of exchanges in a folder beside the file, its marks read.
pub fn editor_at(path: &Path) -> karta::tui::app::App {
    let path = path.to_path_buf();
    let mut doc = karta::store::open(&path).expect("open");
    doc.set_author(Some("Тестова Т.Т."));
    let keymap = karta::tui::keymap::Keymap::built_in("default").expect("keymap");
    let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).expect("date");
    // The records of exchanges beside the file, never the user's own.
    let records = path.with_extension("records");
    let mut app = karta::tui::app::App::new(doc, Some(path), keymap, karta::i18n::Lang::Ru, today);
    app.document.records = Some(karta::peers::Records {
        sent: records.join("sent.toml"),
        received: records.join("received.toml"),
    });
    // The marks read in the background, as the first keys would find them.
    app.await_reading();
    app
}

/// Presses keys written as in keymap files, separated by spaces ("j j
/// Enter"); `text:…` types the rest of the word literally.
pub fn press(app: &mut karta::tui::app::App, keys: &str) {
    use crossterm::event::{KeyEvent, KeyModifiers};
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        if let Some(text) = k.strip_prefix("text:") {
            type_text(app, &text.replace('_', " "));
            continue;
        }
        let key = karta::tui::keymap::Key::parse(k).unwrap_or_else(|| panic!("bad key {k}"));
        let mut mods = key.mods;
        if let crossterm::event::KeyCode::Char(c) = key.code
            && c.is_uppercase()
        {
            mods |= KeyModifiers::SHIFT;
        }
        app.handle_key(KeyEvent::new(key.code, mods));
        // A history or merge preview is read in a worker: its screen is
        // what the next step of a test looks at.
        app.await_errand();
    }
}

/// Types text into whatever has the keys.
pub fn type_text(app: &mut karta::tui::app::App, text: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Draws the editor on a `width`×`height` test terminal; returns the
/// screen as text, one line per row, trailing spaces cut.
pub fn screen(app: &mut karta::tui::app::App, width: u16, height: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    app.fit_to(ratatui::layout::Rect::new(0, 0, width, height));
    terminal
        .draw(|f| karta::tui::ui::render(app, f))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let line: String = (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen with every time of day written as `ГГГГ-ММ-ДД чч:мм`
/// (deletions, changes and exchanges are dated by the clock), for snapshots.
pub fn undated(shown: &str) -> String {
    let pattern = "0000-00-00 00:00";
    let mut chars: Vec<char> = shown.chars().collect();
    let width = pattern.chars().count();
    let mut i = 0;
    while i + width <= chars.len() {
        let fits = pattern.chars().zip(&chars[i..i + width]).all(|(p, c)| {
            if p == '0' {
                c.is_ascii_digit()
            } else {
                p == *c
            }
        });
        if fits {
            chars.splice(i..i + width, "ГГГГ-ММ-ДД чч:мм".chars());
            i += width;
        } else {
            i += 1;
        }
    }
    chars.into_iter().collect()
}

/// A roadmap written the way Automerge-JS 3 writes plain strings: every
/// string field a `Text`, the identity `id` among them.
pub fn all_text_roadmap(path: &Path, id: &str) {
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ObjType, ROOT};
    fn text(doc: &mut AutoCommit, obj: &automerge::ObjId, key: &str, value: &str) {
        let t = doc.put_object(obj, key, ObjType::Text).expect("text");
        doc.splice_text(&t, 0, 0, value).expect("splice");
    }
    let mut doc = AutoCommit::new();
    text(&mut doc, &ROOT, "format", "karta");
    doc.put(ROOT, "version", 1_i64).expect("version");
    text(&mut doc, &ROOT, "id", id);
    let meta = doc.put_object(ROOT, "meta", ObjType::Map).expect("meta");
    text(&mut doc, &meta, "title", "Карта из JS");
    text(&mut doc, &meta, "municipality", "город Тында");
    text(&mut doc, &meta, "approval_number", "20");
    text(&mut doc, &meta, "approval_date", "2022-02-26");
    doc.put_object(ROOT, "columns", ObjType::Map)
        .expect("columns");
    let sections = doc
        .put_object(ROOT, "sections", ObjType::Map)
        .expect("sections");
    let s = doc
        .put_object(&sections, "aaaaaaaaaaaa", ObjType::Map)
        .expect("s");
    text(&mut doc, &s, "parent", "");
    text(&mut doc, &s, "pos", "i");
    text(&mut doc, &s, "number", "1.");
    text(&mut doc, &s, "title", "Раздел из JS");
    text(&mut doc, &s, "kind", "mechanism");
    let activities = doc
        .put_object(ROOT, "activities", ObjType::Map)
        .expect("acts");
    let a = doc
        .put_object(&activities, "bbbbbbbbbbbb", ObjType::Map)
        .expect("a");
    text(&mut doc, &a, "section", "aaaaaaaaaaaa");
    text(&mut doc, &a, "pos", "i");
    text(&mut doc, &a, "number", "1.1.");
    text(&mut doc, &a, "text", "Мероприятие из JS");
    text(&mut doc, &a, "deadline", "Декабрь 2022");
    text(&mut doc, &a, "responsible", "Иванова И.И.\nУО");
    text(&mut doc, &a, "status", "in_progress");
    doc.commit();
    std::fs::write(path, doc.save()).expect("write");
}
