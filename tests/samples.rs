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
        assert_eq!(
            without_ids(shipped),
            without_ids(import_sample(name)),
            "samples/{name}.karta differs from a fresh import: regenerate it (samples/README.md)"
        );
    }
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
