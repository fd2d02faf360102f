//! Checking Automerge bytes chunk by chunk before anything is applied.
//!
//! Automerge's `load_incremental` stops at the first damaged chunk without
//! an error, so a truncated or corrupted bundle would be applied in part or
//! read as "nothing new". Here every chunk must be whole and sound: a change
//! chunk must decode and its header checksum must match the change's hash;
//! a document chunk must load in full. The bytes must end exactly at the
//! end of the last chunk.

use automerge::{AutoCommit, Change, ChangeHash};

/// The first bytes of every Automerge chunk (and so of every `.karta` file).
pub const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];

/// What a damaged run of chunks is refused for (said to people by
/// [`crate::store::StoreError::Damaged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Bytes that are not the start of a chunk.
    NotAChunk,
    /// A chunk cut off before its end.
    CutOff,
    /// A chunk whose content does not match its checksum or does not decode.
    Corrupted,
    /// A kind of chunk karta does not read.
    UnknownKind,
}

/// The hashes of the changes held by `bytes` (concatenated Automerge
/// chunks: single changes, compressed changes or whole documents), or what
/// is wrong with them. Empty bytes hold no change.
pub fn verify(bytes: &[u8]) -> Result<Vec<ChangeHash>, Damage> {
    let mut hashes = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let (chunk, kind, checksum, after) = split_chunk(rest)?;
        match kind {
            0 => {
                let loaded = crate::store::disk::file::quietly(|| AutoCommit::load(chunk))
                    .map_err(|_| Damage::Corrupted)?
                    .map_err(|_| Damage::Corrupted)?;
                let mut loaded = loaded;
                hashes.extend(loaded.get_changes(&[]).iter().map(|c| c.hash()));
            }
            1 | 2 => {
                let change = crate::store::disk::file::quietly(|| Change::try_from(chunk))
                    .map_err(|_| Damage::Corrupted)?
                    .map_err(|_| Damage::Corrupted)?;
                if change.hash().0[..4] != checksum {
                    return Err(Damage::Corrupted);
                }
                hashes.push(change.hash());
            }
            _ => return Err(Damage::UnknownKind),
        }
        rest = after;
    }
    Ok(hashes)
}

/// The chunks of `bytes` one by one (each whole: magic, header, content),
/// or what is wrong with them; nothing is decoded.
pub fn split(bytes: &[u8]) -> Result<Vec<&[u8]>, Damage> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let (chunk, _, _, after) = split_chunk(rest)?;
        out.push(chunk);
        rest = after;
    }
    Ok(out)
}

/// Kinds of chunk ([`first`]): a whole document.
pub const DOCUMENT: u8 = 0;

/// The first chunk of `bytes` (whole: magic, header, content) and its
/// kind ([`DOCUMENT`], 1 a change, 2 a compressed change); None when the
/// bytes do not start with a whole chunk. Nothing is decoded.
pub fn first(bytes: &[u8]) -> Option<(&[u8], u8)> {
    split_chunk(bytes)
        .ok()
        .map(|(chunk, kind, _, _)| (chunk, kind))
}

/// The first chunk of some bytes: the chunk, its kind, its header checksum
/// and what follows it.
type Split<'a> = (&'a [u8], u8, [u8; 4], &'a [u8]);

/// Splits the first chunk off `bytes`.
fn split_chunk(bytes: &[u8]) -> Result<Split<'_>, Damage> {
    if bytes.len() < 9 {
        return Err(if MAGIC.starts_with(&bytes[..bytes.len().min(4)]) {
            Damage::CutOff
        } else {
            Damage::NotAChunk
        });
    }
    if bytes[..4] != MAGIC {
        return Err(Damage::NotAChunk);
    }
    let checksum = [bytes[4], bytes[5], bytes[6], bytes[7]];
    let kind = bytes[8];
    let (length, used) = uleb128(&bytes[9..]).ok_or(Damage::CutOff)?;
    let end = 9usize
        .checked_add(used)
        .and_then(|n| n.checked_add(usize::try_from(length).ok()?))
        .ok_or(Damage::Corrupted)?;
    if end > bytes.len() {
        return Err(Damage::CutOff);
    }
    Ok((&bytes[..end], kind, checksum, &bytes[end..]))
}

/// Reads an unsigned LEB128 number: its value and how many bytes it took.
fn uleb128(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    for (i, byte) in bytes.iter().enumerate().take(10) {
        let part = u64::from(byte & 0x7f);
        value |= part.checked_shl(7 * i as u32)?;
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::transaction::Transactable;

    fn two_changes() -> (Vec<u8>, Vec<ChangeHash>) {
        let mut doc = AutoCommit::new();
        doc.put(automerge::ROOT, "a", "один").expect("put");
        doc.commit();
        doc.put(automerge::ROOT, "b", "два").expect("put");
        doc.commit();
        let hashes = doc.get_changes(&[]).iter().map(|c| c.hash()).collect();
        (doc.save_after(&[]), hashes)
    }

    #[test]
    fn sound_changes_and_documents_give_their_hashes() {
        let (bytes, hashes) = two_changes();
        assert_eq!(verify(&bytes), Ok(hashes.clone()));
        let mut doc = AutoCommit::load(&bytes).expect("load");
        assert_eq!(verify(&doc.save()), Ok(hashes));
        assert_eq!(verify(&[]), Ok(Vec::new()));
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_refused() {
        let (bytes, hashes) = two_changes();
        for cut in 1..bytes.len() {
            // A cut exactly between two chunks leaves whole chunks: only the
            // length in a bundle's header tells that apart.
            match verify(&bytes[..cut]) {
                Err(_) => {}
                Ok(found) => assert_eq!(found, hashes[..1], "cut at {cut}"),
            }
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x01;
            assert!(verify(&damaged).is_err(), "flip at {i} went unnoticed");
        }
    }
}
