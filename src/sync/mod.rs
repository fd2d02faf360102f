//! Sync through an automerge-repo server (see `docs/sync.md`).
//!
//! A roadmap's document id on the server is derived from the roadmap's own
//! id ([`id`]), so every copy finds its document with no URL passed around.
//! The client ([`client`]) speaks the automerge-repo protocol ([`wire`])
//! over a blocking WebSocket; whatever a server or peer sends is checked
//! ([`checks`]) before it reaches a document, and taken into a file the way
//! a merged file is ([`apply`]). `karta serve` ([`serve`]) runs samod, the
//! Rust automerge-repo, behind the same checks. Which server a roadmap
//! syncs with is local knowledge ([`servers`]).

pub mod apply;
pub mod checks;
pub mod client;
pub mod id;
pub mod live;
pub mod once;
pub mod serve;
pub mod servers;
pub mod wire;

/// Everything that can go wrong talking to a sync server; one line each,
/// naming the server (wording for people is in `present::errors`).
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The address is not a `ws://` or `wss://` address.
    #[error("{0}: not a sync server address (ws://HOST:PORT or wss://HOST/PATH)")]
    BadAddress(String),
    /// The server could not be reached.
    #[error("{server}: cannot connect ({reason})")]
    Unreachable {
        /// The server.
        server: String,
        /// Why.
        reason: String,
    },
    /// The server refused the token (or asked for one).
    #[error("{0}: the server refused the token")]
    Unauthorized(String),
    /// The server spoke something else than the automerge-repo protocol.
    #[error("{server}: not an automerge-repo sync server ({reason})")]
    Protocol {
        /// The server.
        server: String,
        /// What was wrong.
        reason: String,
    },
    /// The connection ended before the exchange did.
    #[error("{0}: the connection was closed before the exchange ended")]
    Closed(String),
    /// No answer in time.
    #[error("{0}: no answer in time")]
    TimedOut(String),
    /// The server does not hold the roadmap.
    #[error("{0}: the server does not hold this roadmap; put it there with karta share")]
    Unavailable(String),
    /// The server sent changes that fail the checks every merged file
    /// passes: nothing of them was taken.
    #[error("{server}: refused what the server sent ({}); nothing of it was taken", .reason.words(crate::i18n::Lang::En))]
    Refused {
        /// The server.
        server: String,
        /// What was wrong.
        reason: checks::Refusal,
    },
}
