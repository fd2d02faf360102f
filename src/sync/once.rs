//! One exchange of a roadmap file with its server (`karta share`,
//! `karta sync`): the file's changes go out, the server's come in through
//! the checks and are taken into the file as a merge.

use std::path::Path;

use anyhow::Result;
use automerge::sync::State;
use samod_core::DocumentId;

use super::apply::{Taken, new_changes, take_into_file};
use super::client::{Connection, exchange};
use super::servers::Remote;
use crate::store::Doc;

/// What one exchange did.
#[derive(Debug, Clone)]
pub struct Exchanged {
    /// The roadmap's document id on the server.
    pub document: DocumentId,
    /// How many of the file's changes the server lacked and was sent.
    pub sent: usize,
    /// How many changes came from the server.
    pub received: usize,
    /// What they brought into the file.
    pub taken: Taken,
}

/// Exchanges the changes of `doc`, the roadmap `file` as the caller opened
/// it, with `remote` and takes what the server has into the file (recorded
/// with `author`), saved as every save is. Nothing is taken when anything
/// received fails the checks.
pub fn sync_file(
    file: &Path,
    mut doc: Doc,
    remote: &Remote,
    author: Option<&str>,
) -> Result<Exchanged> {
    let document = super::id::document_id(&doc.roadmap_id());
    let mut working = doc.plain_copy();
    drop(doc);
    let before = working.get_heads();
    let mut connection = Connection::open(&remote.server, remote.token.as_deref(), &document)?;
    let mut state = State::new();
    let theirs = exchange(&mut connection, &mut working, &mut state)?;
    connection.close();
    let known: Vec<_> = theirs
        .into_iter()
        .filter(|h| working.get_change_meta_by_hash(h).is_some())
        .collect();
    let received: std::collections::HashSet<_> = working
        .get_changes(&before)
        .iter()
        .map(|c| c.hash())
        .collect();
    let sent = working
        .get_changes(&known)
        .iter()
        .filter(|c| !received.contains(&c.hash()))
        .count();
    let received = received.len();
    let changes = new_changes(&working, &before);
    let taken = take_into_file(file, &changes, Path::new(&remote.server), author)?;
    Ok(Exchanged {
        document,
        sent,
        received,
        taken,
    })
}
