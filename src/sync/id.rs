//! The document id a roadmap has on a sync server: the 16 bytes of the
//! roadmap's own UUID, so every copy (one that came by e-mail too) finds its
//! document without being told a URL. A roadmap whose id is not a UUID
//! (written by another program) takes the first 16 bytes of the SHA-256 of
//! its id.

use samod_core::DocumentId;
use sha2::Digest;

/// The automerge-repo document id of the roadmap `roadmap_id`.
pub fn document_id(roadmap_id: &str) -> DocumentId {
    let bytes: [u8; 16] = match uuid::Uuid::parse_str(roadmap_id.trim()) {
        Ok(uuid) => *uuid.as_bytes(),
        Err(_) => {
            let digest = sha2::Sha256::digest(roadmap_id.as_bytes());
            let mut bytes = [0u8; 16];
            bytes.copy_from_slice(&digest[..16]);
            bytes
        }
    };
    // Sixteen bytes are always a valid document id.
    DocumentId::try_from(bytes.to_vec()).unwrap_or_else(|_| unreachable!("16 bytes"))
}

/// The roadmap's `automerge:` URL, as automerge-repo programs name it.
pub fn url(roadmap_id: &str) -> String {
    format!("automerge:{}", document_id(roadmap_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_id_is_the_uuid_of_the_roadmap() {
        let id = "5f0c1e2a-3b4c-4d5e-8f60-718293a4b5c6";
        let uuid = uuid::Uuid::parse_str(id).expect("uuid");
        assert_eq!(document_id(id).as_bytes(), uuid.as_bytes());
        assert!(url(id).starts_with("automerge:"));
        let parsed: DocumentId = url(id)["automerge:".len()..].parse().expect("parse");
        assert_eq!(parsed, document_id(id));
    }

    #[test]
    fn an_id_that_is_not_a_uuid_still_gives_a_stable_document_id() {
        assert_eq!(document_id("roadmap-1"), document_id("roadmap-1"));
        assert_ne!(document_id("roadmap-1"), document_id("roadmap-2"));
    }
}
