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
