//! The automerge-repo network protocol (version 1), as far as karta needs
//! it: CBOR maps with a `type` (`join`, `peer`, `request`, `sync`,
//! `doc-unavailable`, `error`, …). A client joins, the server answers
//! `peer`; then both send `sync` messages carrying Automerge sync messages
//! for a document id. Other message types are read as [`Message::Other`]
//! and ignored.

use minicbor::{Decoder, Encoder};

/// The protocol version karta speaks.
pub const PROTOCOL_VERSION: &str = "1";

/// One message received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The server's answer to `join`: its peer id.
    Peer {
        /// The server's peer id.
        sender: String,
    },
    /// Sync data (`sync` or `request`) for a document.
    Sync {
        /// The document id (bs58check).
        document: String,
        /// Who sent it.
        sender: String,
        /// The Automerge sync message.
        data: Vec<u8>,
    },
    /// The sender does not hold the document.
    Unavailable {
        /// The document id (bs58check).
        document: String,
    },
    /// The sender reports a protocol error.
    Error {
        /// What it says.
        message: String,
    },
    /// Anything else (ephemeral messages, remote heads…).
    Other,
}

/// The `join` a client opens with: its peer id, the protocol version, and
/// that it keeps no storage of its own.
pub fn join(sender: &str) -> Vec<u8> {
    let mut e = Encoder::new(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = encode_join(&mut e, sender);
    e.into_writer()
}

fn encode_join(e: &mut Encoder<Vec<u8>>, sender: &str) -> Result<(), Error> {
    e.map(4)?;
    e.str("type")?.str("join")?;
    e.str("senderId")?.str(sender)?;
    e.str("supportedProtocolVersions")?
        .array(1)?
        .str(PROTOCOL_VERSION)?;
    e.str("peerMetadata")?
        .map(1)?
        .str("isEphemeral")?
        .bool(true)?;
    Ok(())
}

/// A `sync` message carrying Automerge sync `data` for `document`.
pub fn sync(document: &str, sender: &str, target: &str, data: &[u8]) -> Vec<u8> {
    let mut e = Encoder::new(Vec::new());
    let _ = encode_sync(&mut e, document, sender, target, data);
    e.into_writer()
}

fn encode_sync(
    e: &mut Encoder<Vec<u8>>,
    document: &str,
    sender: &str,
    target: &str,
    data: &[u8],
) -> Result<(), Error> {
    e.map(5)?;
    e.str("type")?.str("sync")?;
    e.str("documentId")?.str(document)?;
    e.str("senderId")?.str(sender)?;
    e.str("targetId")?.str(target)?;
    e.str("data")?.bytes(data)?;
    Ok(())
}

type Error = minicbor::encode::Error<std::convert::Infallible>;

/// Reads one message; None when the bytes are not a protocol message.
pub fn decode(bytes: &[u8]) -> Option<Message> {
    let mut d = Decoder::new(bytes);
    let len = d.map().ok()??;
    let (mut kind, mut document, mut sender, mut data, mut text) = (None, None, None, None, None);
    for _ in 0..len {
        let key = d.str().ok()?;
        match key {
            "type" => kind = Some(d.str().ok()?.to_string()),
            "senderId" => sender = Some(d.str().ok()?.to_string()),
            "message" => text = Some(d.str().ok()?.to_string()),
            "documentId" => {
                document = Some(match d.datatype().ok()? {
                    minicbor::data::Type::Bytes => bs58_id(d.bytes().ok()?)?,
                    _ => d.str().ok()?.to_string(),
                })
            }
            "data" => data = Some(d.bytes().ok()?.to_vec()),
            _ => d.skip().ok()?,
        }
    }
    Some(match kind?.as_str() {
        "peer" => Message::Peer { sender: sender? },
        "sync" | "request" => Message::Sync {
            document: document?,
            sender: sender.unwrap_or_default(),
            data: data?,
        },
        "doc-unavailable" => Message::Unavailable {
            document: document?,
        },
        "error" => Message::Error {
            message: text.unwrap_or_default(),
        },
        _ => Message::Other,
    })
}

/// A document id sent as raw bytes, in the bs58check form used elsewhere.
fn bs58_id(bytes: &[u8]) -> Option<String> {
    samod_core::DocumentId::try_from(bytes.to_vec())
        .ok()
        .map(|id| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sync_message_reads_back() {
        let bytes = sync("doc", "me", "server", &[1, 2, 3]);
        assert_eq!(
            decode(&bytes),
            Some(Message::Sync {
                document: "doc".into(),
                sender: "me".into(),
                data: vec![1, 2, 3]
            })
        );
    }

    #[test]
    fn garbage_is_not_a_message() {
        assert_eq!(decode(b"not cbor at all"), None);
        assert_eq!(decode(&[]), None);
        assert_eq!(decode(&join("me")), Some(Message::Other));
    }
}
