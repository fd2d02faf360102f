//! Replays every input kept in `tests/corpus/<target>/` (the inputs the
//! fuzzers found failing, minimised, and crafted hostile files) through the
//! same entry points the fuzzers drive (`karta::fuzz`): each must be
//! refused with one line or give a roadmap every reader, exporter and edit
//! handles, never panic.

use std::fs;
use std::path::Path;

#[test]
fn every_kept_input_is_refused_or_handled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut replayed = 0;
    for target in karta::fuzz::TARGETS {
        let dir = root.join(target);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files {
            let bytes = fs::read(&file).expect("read");
            let outcome = std::panic::catch_unwind(|| karta::fuzz::run(target, &bytes));
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(refusal)) => assert!(
                    !refusal.is_empty() && !refusal.contains('\n'),
                    "{}: not one line: {refusal:?}",
                    file.display()
                ),
                Err(_) => panic!("{} ({target}) panics", file.display()),
            }
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no inputs in {}", root.display());
}

/// The `bundle` target's seeds (payloads of version 1, bundle files as
/// karta writes them, and payloads the target frames as version 2 with a
/// correct checksum) are bundles of real edits of the sample: each passes
/// the header and checksum and is merged, so the fuzzer starts from inputs
/// that reach the chunk checks and the merge.
#[test]
fn the_bundle_seeds_are_merged() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/bundle");
    let mut framed = 0;
    for entry in fs::read_dir(&dir).expect("seeds") {
        let path = entry.expect("entry").path();
        let bytes = fs::read(&path).expect("read");
        if let Err(refusal) = karta::fuzz::bundle(&bytes) {
            panic!("{}: refused: {refusal}", path.display());
        }
        if bytes.first() == Some(&karta::fuzz::FRAMED_V2) {
            framed += 1;
        }
    }
    assert!(framed >= 2, "only {framed} seeds framed as version 2");
}
