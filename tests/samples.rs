//! The shipped samples are exactly what the importer makes of the seeds.

mod common;

use common::*;
use karta::store;

#[test]
fn samples_equal_a_fresh_import_of_their_sources() {
    for (name, activities, _) in SAMPLES {
        let shipped = store::open(&project(&format!("samples/{name}.karta")))
            .unwrap_or_else(|e| panic!("{e}"))
            .roadmap();
        assert_eq!(shipped.activity_count(), activities, "{name}");
        assert!(
            free_text_is_automerge_text(&project(&format!("samples/{name}.karta"))),
            "samples/{name}.karta holds text as plain strings: regenerate it (samples/README.md)"
        );
        assert_eq!(
            without_ids(shipped),
            without_ids(import_sample(name)),
            "samples/{name}.karta differs from a fresh import: regenerate it (samples/README.md)"
        );
    }
}

/// Whether every activity's text in the file is an Automerge `Text` (so
/// that two people's first edits of it merge).
fn free_text_is_automerge_text(path: &std::path::Path) -> bool {
    let doc = store::open(path).expect("open");
    let am = doc.automerge();
    let Some(activities) = store::read::get_map(am, &automerge::ROOT, "activities") else {
        return false;
    };
    automerge::ReadDoc::keys(am, &activities).all(|id| {
        let Some(obj) = store::read::get_map(am, &activities, &id) else {
            return false;
        };
        matches!(
            automerge::ReadDoc::get(am, &obj, "text"),
            Ok(Some((
                automerge::Value::Object(automerge::ObjType::Text),
                _
            )))
        )
    })
}

/// When the reference seeds are beside the project (CI), the copies in
/// `samples/source/` must be exactly them.
#[test]
fn sources_are_the_reference_seeds() {
    let seeds = project("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        return;
    };
    let sources: Vec<Vec<u8>> = SAMPLES
        .iter()
        .map(|(name, _, _)| std::fs::read(source(name)).expect("source"))
        .collect();
    let mut seen = 0;
    for entry in entries.flatten() {
        let seed = std::fs::read(entry.path()).expect("seed");
        assert!(
            sources.contains(&seed),
            "{} has no identical copy in samples/source",
            entry.path().display()
        );
        seen += 1;
    }
    assert_eq!(seen, SAMPLES.len());
}
