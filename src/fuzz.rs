//! The entry points the fuzzers drive (`fuzz/`) and the corpus test replays
//! (`tests/corpus.rs`): untrusted bytes given to karta as a document, a
//! bundle, a crash journal or a file to import. Each either refuses the
//! bytes with a one-line error or gives a roadmap that every reader,
//! exporter and edit handles; anything else (a panic, an error of several
//! lines, an export that lets a terminal escape through, a saved document
//! that does not load again) is a finding.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::import::{self, Format};
use crate::model::Roadmap;
use crate::report::{self, ReportKind};
use crate::store::bundle::{Bundle, Incoming};
use crate::store::edit::{ActivityField, MetaField};
use crate::store::journal::Journal;
use crate::store::{Doc, conflicts, merge};

/// The fuzz targets, by the name of their folder in `tests/corpus/`.
pub const TARGETS: [&str; 4] = ["load", "bundle", "journal", "import"];

/// Runs the entry point of `target` (one of [`TARGETS`]) on `bytes`;
/// `Err` holds the one-line refusal.
pub fn run(target: &str, bytes: &[u8]) -> Result<(), String> {
    match target {
        "load" => load(bytes),
        "bundle" => bundle(bytes),
        "journal" => journal(bytes),
        "import" => import(bytes),
        other => Err(format!("no fuzz target {other}")),
    }
}

/// The bytes as a `.karta` file: opened, then read, exported, edited,
/// saved and opened again.
pub fn load(bytes: &[u8]) -> Result<(), String> {
    let doc = Doc::from_bytes(bytes, Path::new("fuzz.karta")).map_err(refusal)?;
    exercise(doc)
}

/// The bytes as the changes of a bundle for the bundled sample roadmap,
/// merged as `karta merge` does.
pub fn bundle(bytes: &[u8]) -> Result<(), String> {
    let mut doc = base();
    let incoming = Incoming::Bundle(Bundle {
        roadmap_id: doc.roadmap_id(),
        changes: bytes.to_vec(),
    });
    merge::merge_incoming(&mut doc, incoming, Path::new("fuzz.bundle")).map_err(refusal)?;
    exercise(doc)
}

/// The bytes as the crash journal of the bundled sample roadmap, recovered
/// as the editor does on opening it.
pub fn journal(bytes: &[u8]) -> Result<(), String> {
    let dir = scratch_dir();
    let file = dir.join("fuzz.karta");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(Journal::path_for(&file), bytes).map_err(|e| e.to_string())?;
    let mut doc = base();
    let recovered = Journal::recover(&file, &mut doc);
    let _ = std::fs::remove_dir_all(&dir);
    recovered.map_err(refusal)?;
    exercise(doc)
}

/// The bytes as a file to import, read in each of the formats.
pub fn import(bytes: &[u8]) -> Result<(), String> {
    let (text, _) = import::decode(bytes).map_err(|e| one_line_checked(&e))?;
    let mut refusals = Vec::new();
    for format in [Format::Tsv, Format::Markdown, Format::Csv] {
        match import::import_text(&text, format) {
            Ok((roadmap, _)) => {
                let doc = Doc::create(&roadmap, Some("fuzz"), "import").map_err(refusal)?;
                exercise(doc)?;
            }
            Err(e) => refusals.push(one_line_checked(&e)),
        }
    }
    match refusals.len() {
        3 => Err(refusals.join("; ")),
        _ => Ok(()),
    }
}

/// The document bundles and journals apply to: the bundled sample.
pub fn base() -> Doc {
    static BASE: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = BASE.get_or_init(|| crate::commands::SAMPLE.to_vec());
    match Doc::from_bytes(bytes, Path::new(crate::commands::SAMPLE_NAME)) {
        Ok(doc) => doc,
        Err(e) => panic!("the bundled sample does not load: {e}"),
    }
}

fn scratch_dir() -> PathBuf {
    std::env::temp_dir().join(format!("karta-fuzz-{}", std::process::id()))
}

/// A refusal as the user would read it; several lines are a finding.
fn refusal(e: crate::store::StoreError) -> String {
    one_line_checked(&e.to_string())
}

/// The text of a refusal, checked to be one clean line.
fn one_line_checked(text: &str) -> String {
    if text.is_empty() || text.contains('\n') || text.contains('\u{1b}') {
        panic!("an error that is not one clean line: {text:?}");
    }
    text.to_string()
}

/// Reads, shows, exports and edits an accepted document; panics on what
/// must never happen.
fn exercise(mut doc: Doc) -> Result<(), String> {
    let roadmap = doc.roadmap();
    show(&roadmap);
    let _ = conflicts::conflicts(&doc);
    doc.set_author(Some("fuzz"));
    doc.set_meta(MetaField::Title, "fuzz").map_err(refusal)?;
    let first = roadmap
        .activities_with_path()
        .first()
        .map(|(_, a)| a.id.clone());
    if let Some(id) = first {
        doc.set_activity_field(&id, &ActivityField::Status, "done")
            .map_err(refusal)?;
        doc.set_activity_field(&id, &ActivityField::Text, "fuzz")
            .map_err(refusal)?;
    }
    doc.renumber().map_err(refusal)?;
    let saved = doc.to_bytes();
    match Doc::from_bytes(&saved, Path::new("saved.karta")) {
        Ok(again) => show(&again.roadmap()),
        Err(e) => panic!("a saved document does not load again: {e}"),
    }
    Ok(())
}

/// Every export and report of the roadmap; none may carry a terminal
/// escape or a nesting deeper than shown.
fn show(roadmap: &Roadmap) {
    let today = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let mut texts = vec![
        crate::export::json::to_string(roadmap),
        crate::export::markdown::to_string(roadmap),
        crate::export::csv::to_string(roadmap).unwrap_or_default(),
    ];
    for kind in [
        ReportKind::Mechanism,
        ReportKind::Person,
        ReportKind::Deadline,
    ] {
        texts.push(report::render(roadmap, kind, today));
    }
    for text in &texts {
        if let Some(at) = text.find(['\u{1b}', '\u{7}', '\u{9b}']) {
            panic!("a control character reached the output at {at}");
        }
    }
}
