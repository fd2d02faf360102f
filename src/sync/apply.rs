//! Taking changes received from a sync server into a roadmap file the way
//! `karta merge` takes a bundle: every chunk checked, applied to a copy
//! first, the same refusals (another roadmap, nesting too deep), the same
//! summary in words, saved through the lock-and-merge path of every save.

use std::path::Path;

use automerge::{Automerge, ChangeHash};

use crate::store::exchange::bundle::{Bundle, Header, Incoming};
use crate::store::exchange::merge::{
    MergePreview, describe_applied, in_my_numbers, merge_incoming, numbers,
};
use crate::store::exchange::risks::{MergeRisks, merge_risks};
use crate::store::{self, Doc, StoreError, exchange::chunks};

/// What taking received changes did.
#[derive(Debug, Clone, Default)]
pub struct Taken {
    /// Everything the changes brought in, in words.
    pub preview: MergePreview,
    /// What they put at risk.
    pub risks: MergeRisks,
    /// Whether the file was written.
    pub saved: bool,
    /// The conflicts the file holds as written (0 when it was not).
    pub conflicts: usize,
}

/// The changes `working` holds beyond `before`, as bytes a bundle carries.
pub fn new_changes(working: &Automerge, before: &[ChangeHash]) -> Vec<u8> {
    working
        .get_changes(before)
        .iter()
        .flat_map(|c| c.raw_bytes().to_vec())
        .collect()
}

/// Takes `changes` received from `source` (the server, named in errors)
/// into the file `mine`, recorded with `author`.
pub fn take_into_file(
    mine: &Path,
    changes: &[u8],
    source: &Path,
    author: Option<&str>,
) -> Result<Taken, StoreError> {
    let mut doc = store::open(mine)?;
    doc.set_author(author);
    let mut taken = take_into(&mut doc, changes, source)?;
    if taken.saved {
        store::save(mine, &mut doc)?;
        taken.conflicts = crate::store::exchange::conflicts::conflicts(&doc).len();
    }
    Ok(taken)
}

/// Takes `changes` received from `source` into `doc` (not saved).
pub fn take_into(doc: &mut Doc, changes: &[u8], source: &Path) -> Result<Taken, StoreError> {
    if changes.is_empty() {
        return Ok(Taken::default());
    }
    let hashes = chunks::verify(changes).map_err(|damage| StoreError::Damaged {
        path: source.to_path_buf(),
        damage,
    })?;
    if doc.has_all(&hashes) {
        return Ok(Taken::default());
    }
    let mut before = doc.scratch_copy();
    let my_numbers = numbers(doc);
    let bundle = Bundle {
        roadmap_id: doc.roadmap_id(),
        header: Header::default(),
        changes: changes.to_vec(),
        hashes,
    };
    let applied = merge_incoming(doc, Incoming::Bundle(bundle), source)?;
    let mut preview = describe_applied(doc, &applied);
    in_my_numbers(&mut preview, &my_numbers);
    let risks = if applied.is_empty() {
        MergeRisks::default()
    } else {
        merge_risks(&mut before, doc)
    };
    Ok(Taken {
        saved: !applied.is_empty(),
        conflicts: 0,
        preview,
        risks,
    })
}
