//! The entry points the fuzzers drive (`fuzz/`) and the corpus test replays
//! (`tests/corpus.rs`): untrusted bytes given to karta as a document, a
//! bundle, a crash journal or a file to import. Each either refuses the
//! bytes with a one-line error or gives a roadmap that every reader,
//! exporter and edit handles; anything else (a panic, an error of several
//! lines, an export that lets a terminal escape through, a saved document
//! that does not load again) is a finding.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::import::{self, Format};
use crate::model::Roadmap;
use crate::report::{self, ReportKind};
use crate::store::disk::journal::Journal;
use crate::store::exchange::bundle::{Header, Incoming, frame, read_bundle};
use crate::store::write::edit::{ActivityField, MetaField};
use crate::store::{Doc, exchange::conflicts, exchange::merge};

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

/// The bytes as a bundle for the bundled sample roadmap, merged as `karta
/// merge` does. Bytes that start as a bundle (`KARTA-BUNDLE `) are read as
/// the whole file; a first byte [`FRAMED_V2`] frames the rest as a bundle
/// of version 2 with a correct checksum (the second byte, when below 128,
/// the count of changes declared; else none), so that the payload reaches
/// the chunk checks and the merge; anything else is the payload of a
/// bundle of version 1.
pub fn bundle(bytes: &[u8]) -> Result<(), String> {
    let mut doc = base();
    let file = match bytes {
        _ if bytes.starts_with(crate::store::exchange::bundle::MAGIC_PREFIX.as_bytes()) => {
            bytes.to_vec()
        }
        [FRAMED_V2, count, payload @ ..] => {
            let header = Header {
                from: Some("fuzz".to_string()),
                time: Some(0),
                heads: doc.heads(),
            };
            let count = (*count < 128).then_some(usize::from(*count));
            frame(&doc.roadmap_id(), &header, count, payload)
        }
        _ => {
            let mut file = format!("KARTA-BUNDLE 1 {}\n", doc.roadmap_id()).into_bytes();
            file.extend_from_slice(bytes);
            file
        }
    };
    let path = Path::new("fuzz.karta-changes");
    let incoming = Incoming::Bundle(read_bundle(&file, path).map_err(refusal)?);
    let added = merge::merge_incoming(&mut doc, incoming, path).map_err(refusal)?;
    match added.is_empty() {
        true => Ok(()),
        false => exercise(doc),
    }
}

/// The first byte of a `bundle` input framed as a bundle of version 2.
pub const FRAMED_V2: u8 = 2;

/// The bytes as the crash journal of the sample roadmap, replayed as the
/// editor does on opening it (the records before any damage kept).
pub fn journal(bytes: &[u8]) -> Result<(), String> {
    let mut doc = base();
    let replay = Journal::replay(bytes, Path::new("fuzz.karta.journal"), &mut doc);
    if let Some(damage) = &replay.damage {
        one_line_checked(damage);
    }
    // What replaying kept passed the checks a bundle's changes pass (the
    // `bundle` target edits and saves such documents): read and show it.
    if replay.changed {
        show(&doc.roadmap());
    }
    Ok(())
}

/// The bytes as a file to import, read in each of the formats; each
/// roadmap read is shown and written as a document.
pub fn import(bytes: &[u8]) -> Result<(), String> {
    let (text, _) =
        import::decode(bytes).map_err(|e| one_line_checked(&e.describe(crate::i18n::Lang::Ru)))?;
    let mut refusals = Vec::new();
    for format in [Format::Tsv, Format::Markdown, Format::Csv] {
        match import::import_text(&text, format) {
            Ok((roadmap, _)) => {
                show(&roadmap);
                Doc::create(&roadmap, Some("fuzz"), "import").map_err(refusal)?;
            }
            Err(e) => refusals.push(one_line_checked(&e)),
        }
    }
    match refusals.len() {
        3 => Err(refusals.join("; ")),
        _ => Ok(()),
    }
}

/// The document bundles and journals apply to: the Lysva sample
/// (`samples/lysva.karta`), a copy of it each time.
pub fn base() -> Doc {
    static BASE: OnceLock<Doc> = OnceLock::new();
    BASE.get_or_init(|| {
        let bytes = include_bytes!("../samples/lysva.karta");
        match Doc::from_bytes(bytes, Path::new("samples/lysva.karta")) {
            Ok(doc) => doc,
            Err(e) => panic!("the sample does not load: {e}"),
        }
    })
    .scratch_copy()
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
    if let Err(e) = Doc::from_bytes(&saved, Path::new("saved.karta")) {
        panic!("a saved document does not load again: {e}");
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
        texts.push(report::render(roadmap, kind, today, crate::i18n::Lang::Ru));
    }
    for text in &texts {
        if let Some(at) = text.find(['\u{1b}', '\u{7}', '\u{9b}']) {
            panic!("a control character reached the output at {at}");
        }
    }
}
