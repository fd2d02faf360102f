//! Synthetic roadmaps at regional scale, for benchmarks: `karta gen`.
//!
//! The same options always give the same roadmap content (ids included):
//! everything random comes from one seeded generator, and the ids of added
//! activities from the document's seeded id source.

pub mod edits;
pub mod shape;
pub mod words;

use fastrand::Rng;

use crate::store::{Doc, StoreError};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenOptions {
    /// Activities in the imported roadmap.
    pub activities: usize,
    /// Edits made after the import.
    pub edits: usize,
    /// Seed of every random choice.
    pub seed: u64,
}

/// Methodologists editing the roadmap, each with their own copy.
pub const AUTHORS: usize = 6;

/// Rounds of file exchange over the whole history.
const ROUNDS: usize = 30;

/// Generates the roadmap: an import, then `edits` edits by [`AUTHORS`]
/// authors on their own copies, exchanged now and then and merged at the end.
pub fn generate(options: &GenOptions) -> Result<Doc, StoreError> {
    let mut rng = Rng::with_seed(options.seed);
    let people = words::people();
    let roadmap = shape::roadmap(&mut rng, options.activities, &people);
    let names: Vec<String> = (0..AUTHORS)
        .map(|a| people[(a * 37 + 11) % people.len()].clone())
        .collect();
    let mut shared = Doc::create(&roadmap, Some(&names[0]), "import")?;
    shared.seed_ids(rng.u64(..));
    let mut copies: Vec<Doc> = names
        .iter()
        .map(|name| {
            let mut copy = shared.fork();
            copy.set_author(Some(name));
            copy
        })
        .collect();
    let mut mirror = edits::Mirror::new(&roadmap, AUTHORS, people);
    // The history runs in rounds; at the end of each, two authors send their
    // files to the shared copy and one takes the others' work back. Between
    // exchanges the copies diverge: their edits are concurrent.
    let round = (options.edits / ROUNDS).max(100);
    let mut done = 0;
    while done < options.edits {
        let end = (done + round).min(options.edits);
        while done < end {
            let author = rng.usize(..AUTHORS);
            let batch = rng.usize(5..=60).min(end - done);
            for _ in 0..batch {
                mirror.edit(&mut rng, &mut copies[author], author)?;
            }
            done += batch;
        }
        for _ in 0..2 {
            shared.merge(&mut copies[rng.usize(..AUTHORS)])?;
        }
        if rng.u8(..5) == 0 {
            copies[rng.usize(..AUTHORS)].merge(&mut shared)?;
        }
    }
    for copy in &mut copies {
        shared.merge(copy)?;
    }
    Ok(shared)
}
