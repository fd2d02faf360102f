//! Plausibility checks on documents and changes from outside, before they
//! can reach a roadmap.
//!
//! Automerge 0.12 keeps operation counters as `u32`: a document or change
//! whose counters sit near `u32::MAX` (one flipped byte, or a crafted change
//! with `startOp` ≈ 2^32) is accepted, and a few hundred edits later every
//! edit of every copy that merged it panics. So every document loaded and
//! every change about to be applied is checked here first: counters must stay
//! below 2^31 and a document's largest counter cannot run far ahead of the
//! number of operations it holds (each change starts right after the largest
//! counter it has seen, so in a real document it never does). The byte stream
//! of a bundle or journal record must also be whole: Automerge stops at the
//! first damaged chunk without an error.

use std::path::Path;

use automerge::{AutoCommit, Change, ChangeHash};

use crate::model::MAX_DEPTH;
use crate::store::StoreError;
use crate::store::disk::file::{decode_with, quietly};
use crate::store::read::fields::View;
use crate::store::read::section_nesting;

/// Counters at or above this are refused (2^31: half the range Automerge
/// can count to, more operations than any roadmap will ever hold).
pub const MAX_COUNTER: u64 = 1 << 31;

/// How far a document's largest counter may run ahead of its number of
/// operations before it is refused.
pub const COUNTER_SLACK: u64 = 1 << 20;

/// The first bytes of every Automerge chunk.
const CHUNK_MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];

/// Chunk types of the Automerge binary format.
const DOCUMENT_CHUNK: u8 = 0;

fn corrupt(path: &Path, reason: String) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        reason,
    }
}

/// Refuses a document whose operation counters are implausible.
pub fn check_document(doc: &mut AutoCommit, path: &Path) -> Result<(), StoreError> {
    let checked = quietly(|| {
        let mut ops: u64 = 0;
        let mut max: u64 = 0;
        for meta in doc.get_changes_meta(&[]) {
            check_change(meta.start_op, meta.max_op)?;
            ops = ops.saturating_add(meta.max_op + 1 - meta.start_op);
            max = max.max(meta.max_op);
        }
        if max > ops.saturating_add(COUNTER_SLACK) {
            return Err(format!(
                "operation counter {max} is implausible for {ops} operations"
            ));
        }
        Ok(())
    });
    match checked {
        Ok(Ok(())) => Ok(()),
        Ok(Err(reason)) => Err(corrupt(path, reason)),
        Err(_) => Err(corrupt(path, "its change history is damaged".to_string())),
    }
}

/// Refuses the changes `doc` gained since `before` (heads of a document
/// that passed [`check_document`]) unless each has plausible counters: as
/// [`check_change`] says, and starting at most [`COUNTER_SLACK`] past the
/// largest counter of the changes it depends on (Automerge starts a change
/// right after it). Linear in the changes added, not in the history: what
/// `before` holds was checked when it came.
pub fn check_added(
    doc: &mut AutoCommit,
    before: &[ChangeHash],
    path: &Path,
) -> Result<(), StoreError> {
    let checked = quietly(|| {
        let added: std::collections::HashMap<ChangeHash, (Vec<ChangeHash>, u64, u64)> = doc
            .get_changes_meta(before)
            .into_iter()
            .map(|m| (m.hash, (m.deps, m.start_op, m.max_op)))
            .collect();
        for (deps, start_op, max_op) in added.values() {
            check_change(*start_op, *max_op)?;
            let mut seen: u64 = 0;
            for dep in deps {
                let max = match added.get(dep) {
                    Some((_, _, max)) => *max,
                    None => doc.get_change_meta_by_hash(dep).map_or(0, |m| m.max_op),
                };
                seen = seen.max(max);
            }
            if *start_op > seen.saturating_add(1 + COUNTER_SLACK) {
                return Err(format!(
                    "operation counter {start_op} is implausible after {seen}"
                ));
            }
        }
        Ok(())
    });
    match checked {
        Ok(Ok(())) => Ok(()),
        Ok(Err(reason)) => Err(corrupt(path, reason)),
        Err(_) => Err(corrupt(path, "its change history is damaged".to_string())),
    }
}

/// Checks one change's counters: `start_op` at least 1, `max_op` not
/// below `start_op - 1` and below [`MAX_COUNTER`].
fn check_change(start_op: u64, max_op: u64) -> Result<(), String> {
    if start_op == 0 || max_op + 1 < start_op {
        return Err(format!(
            "a change has inconsistent operation counters ({start_op}..{max_op})"
        ));
    }
    if max_op >= MAX_COUNTER {
        return Err(format!(
            "a change has an implausible operation counter ({max_op})"
        ));
    }
    Ok(())
}

/// Refuses Automerge bytes about to be applied (a bundle, a journal
/// record) unless every chunk in them is whole and readable and every
/// change in them has plausible counters. A whole document among them is
/// loaded and checked as [`check_document`] does.
pub fn check_changes(bytes: &[u8], path: &Path) -> Result<(), StoreError> {
    let mut rest = bytes;
    let mut offset = 0;
    while !rest.is_empty() {
        let (kind, len) = chunk_header(rest).ok_or_else(|| {
            corrupt(
                path,
                format!("the changes are damaged at byte {offset} (no chunk starts there)"),
            )
        })?;
        let chunk = &rest[..len];
        let read = quietly(|| read_chunk(kind, chunk, path));
        match read {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(e),
            Err(_) => {
                return Err(corrupt(
                    path,
                    format!("the changes are damaged at byte {offset}"),
                ));
            }
        }
        rest = &rest[len..];
        offset += len;
    }
    Ok(())
}

/// Refuses what a merge from `path` made of `doc` (whose heads were
/// `before`) when it nests sections deeper than a roadmap is shown
/// ([`MAX_DEPTH`]) and deeper than before: such a roadmap could only be
/// shown flattened.
pub fn check_nesting(
    am: &AutoCommit,
    before: &[ChangeHash],
    path: &Path,
) -> Result<(), StoreError> {
    let depth = section_nesting(View::now(am));
    if depth <= MAX_DEPTH || depth <= section_nesting(View::at(am, before)) {
        return Ok(());
    }
    Err(StoreError::TooDeep {
        path: path.to_path_buf(),
        depth,
        limit: MAX_DEPTH,
    })
}

/// Applies Automerge bytes from `path` to `doc` after [`check_changes`],
/// then checks what they added ([`check_added`]);
/// returns how many operations the document grew by. Changes that continue
/// changes `doc` lacks are an error (Automerge would keep them waiting,
/// unseen). A failure inside Automerge is an error too, and may leave `doc`
/// half-changed: apply to a copy and keep it only on success.
pub fn apply_checked(doc: &mut AutoCommit, bytes: &[u8], path: &Path) -> Result<usize, StoreError> {
    check_changes(bytes, path)?;
    let before = doc.get_heads();
    let grown = decode_with(path, || doc.load_incremental(bytes))?;
    if !doc.get_missing_deps(&[]).is_empty() {
        return Err(corrupt(
            path,
            "the changes continue changes this copy lacks".to_string(),
        ));
    }
    check_added(doc, &before, path)?;
    Ok(grown)
}

/// Reads one whole chunk and checks its counters.
fn read_chunk(kind: u8, chunk: &[u8], path: &Path) -> Result<(), StoreError> {
    if kind == DOCUMENT_CHUNK {
        let mut doc = AutoCommit::load(chunk)
            .map_err(|e| corrupt(path, format!("a document among the changes: {e}")))?;
        return check_document(&mut doc, path);
    }
    let change =
        Change::try_from(chunk).map_err(|e| corrupt(path, format!("a damaged change: {e}")))?;
    check_change(change.start_op().get(), change.max_op()).map_err(|reason| corrupt(path, reason))
}

/// The type and whole length (header included) of the chunk at the start
/// of `bytes`; None when no whole chunk starts there.
fn chunk_header(bytes: &[u8]) -> Option<(u8, usize)> {
    if bytes.get(..4)? != CHUNK_MAGIC {
        return None;
    }
    let kind = *bytes.get(8)?;
    let mut len: u64 = 0;
    let mut shift = 0;
    let mut at = 9;
    loop {
        let byte = *bytes.get(at)?;
        at += 1;
        len |= u64::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
    let total = usize::try_from(len).ok()?.checked_add(at)?;
    (total <= bytes.len()).then_some((kind, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::transaction::Transactable;
    use automerge::{ExpandedChange, ROOT};

    fn doc_with_two_changes() -> (AutoCommit, Change) {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "title", "a").unwrap();
        doc.commit();
        let mut other = doc.fork();
        other.put(ROOT, "title", "b").unwrap();
        other.commit();
        let heads = doc.get_heads();
        let change = other.get_changes(&heads).pop().unwrap();
        (doc, change)
    }

    fn with_start(change: &Change, start: u64) -> Vec<u8> {
        let mut e: ExpandedChange = change.decode();
        e.start_op = std::num::NonZeroU64::new(start).unwrap();
        e.hash = None;
        Change::from(e).raw_bytes().to_vec()
    }

    #[test]
    fn ordinary_changes_and_documents_pass() {
        let (mut doc, change) = doc_with_two_changes();
        let path = Path::new("x.karta");
        check_changes(change.raw_bytes(), path).unwrap();
        check_changes(&doc.save(), path).unwrap();
        check_changes(&doc.save_after(&[]), path).unwrap();
        check_document(&mut doc, path).unwrap();
        check_changes(&[], path).unwrap();
    }

    #[test]
    fn counters_near_the_limit_are_refused() {
        let (mut doc, change) = doc_with_two_changes();
        let path = Path::new("theirs.karta");
        let bytes = with_start(&change, u64::from(u32::MAX) - 300);
        let e = check_changes(&bytes, path).unwrap_err().to_string();
        assert!(e.starts_with("theirs.karta: "), "{e}");
        assert!(e.contains("implausible"), "{e}");
        doc.load_incremental(&bytes).unwrap();
        let e = check_document(&mut doc, path).unwrap_err().to_string();
        assert!(e.contains("implausible"), "{e}");
    }

    #[test]
    fn a_counter_far_ahead_of_the_operations_is_refused() {
        let (mut doc, change) = doc_with_two_changes();
        doc.load_incremental(&with_start(&change, 50_000_000))
            .unwrap();
        let e = check_document(&mut doc, Path::new("x"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("operation counter 50000000 is implausible"),
            "{e}"
        );
    }

    #[test]
    fn added_changes_are_checked_against_what_they_depend_on() {
        let (mut doc, change) = doc_with_two_changes();
        let before = doc.get_heads();
        let mut ordinary = doc.clone();
        ordinary.load_incremental(change.raw_bytes()).unwrap();
        check_added(&mut ordinary, &before, Path::new("x")).unwrap();
        doc.load_incremental(&with_start(&change, 50_000_000))
            .unwrap();
        let e = check_added(&mut doc, &before, Path::new("theirs"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("theirs: ") && e.contains("50000000 is implausible"),
            "{e}"
        );
    }

    #[test]
    fn damaged_or_cut_chunks_are_refused() {
        let (_, change) = doc_with_two_changes();
        let mut bytes = change.raw_bytes().to_vec();
        let whole = bytes.clone();
        bytes.extend_from_slice(&whole[..whole.len() - 3]);
        assert!(check_changes(&bytes, Path::new("x")).is_err());
        let mut flipped = whole.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        assert!(check_changes(&flipped, Path::new("x")).is_err());
        assert!(check_changes(b"garbage", Path::new("x")).is_err());
    }
}
