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
