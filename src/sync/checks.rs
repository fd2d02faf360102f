//! What a sync server or peer sends is checked here before any document
//! takes it, by the client and by `karta serve` alike: the same checks a
//! merged file passes (every chunk whole and sound, plausible operation
//! counters) and that the changes belong to this roadmap (its first change
//! names the roadmap the document id is derived from; no later change puts
//! the roadmap's identity again).

use std::path::Path;

use automerge::legacy::{Key, ObjectId, OpType};
use automerge::sync::Message;
use automerge::{AutoCommit, Change, ObjType, ScalarValue};
use samod_core::DocumentId;

use crate::store::disk::file::quietly;
use crate::store::exchange::chunks;
use crate::store::{exchange::validate, schema};

/// Why something received was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not an Automerge sync message.
    Unreadable,
    /// A change cut off or damaged.
    Damaged,
    /// Operation counters no real editing history makes.
    Counters,
    /// Changes of another document or roadmap.
    Foreign,
    /// Changes Automerge failed to apply.
    Unapplicable,
}

impl Refusal {
    /// The reason in words.
    pub fn words(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Refusal::Unreadable => lang.t("это не сообщение синхронизации", "not a sync message"),
            Refusal::Damaged => lang.t("изменения повреждены", "the changes are damaged"),
            Refusal::Counters => lang.t(
                "счётчики операций, каких не бывает в настоящей истории правок",
                "operation counters no real editing history makes",
            ),
            Refusal::Foreign => lang.t(
                "изменения другой дорожной карты",
                "changes of another roadmap",
            ),
            Refusal::Unapplicable => lang.t(
                "Automerge не смог применить изменения",
                "Automerge could not apply the changes",
            ),
        }
    }
}

/// Checks the Automerge sync message `data` received for `document`;
/// returns it decoded when nothing in it is refused.
pub fn check_sync_data(data: &[u8], document: &DocumentId) -> Result<Message, Refusal> {
    let message = quietly(|| Message::decode(data))
        .map_err(|_| Refusal::Unreadable)?
        .map_err(|_| Refusal::Unreadable)?;
    for chunk in message.changes.iter() {
        check_chunk(chunk, document)?;
    }
    Ok(message)
}

/// Checks the changes of one entry of a sync message: whole changes or
/// documents, one or several in a row.
pub fn check_chunk(bytes: &[u8], document: &DocumentId) -> Result<(), Refusal> {
    chunks::verify(bytes).map_err(|_| Refusal::Damaged)?;
    validate::check_changes(bytes, Path::new("sync")).map_err(|_| Refusal::Counters)?;
    for chunk in chunks::split(bytes).map_err(|_| Refusal::Damaged)? {
        check_identity_of(chunk, document)?;
    }
    Ok(())
}

/// Checks the identity of the changes of one whole chunk.
fn check_identity_of(chunk: &[u8], document: &DocumentId) -> Result<(), Refusal> {
    let checked = quietly(|| -> Result<(), Refusal> {
        if chunk.get(8) == Some(&0) {
            let mut doc = AutoCommit::load(chunk).map_err(|_| Refusal::Damaged)?;
            for change in doc.get_changes(&[]) {
                check_identity(&change, document)?;
            }
            Ok(())
        } else {
            let change = Change::try_from(chunk).map_err(|_| Refusal::Damaged)?;
            check_identity(&change, document)
        }
    });
    checked.map_err(|_| Refusal::Damaged)?
}

/// Refuses a change that puts the roadmap's identity other than as the
/// first change of the roadmap `document` belongs to, and a first change
/// that does not name it. The identity is a string, or a text (as
/// automerge-repo's JS writes strings by default) read as the string it
/// holds once the first change made it.
fn check_identity(change: &Change, document: &DocumentId) -> Result<(), Refusal> {
    let first = change.deps().is_empty();
    let mut named = false;
    for op in change.decode().operations {
        let at_id = op.obj == ObjectId::Root && op.key == Key::Map(schema::K_ID.into());
        if !at_id {
            continue;
        }
        match &op.action {
            OpType::Put(ScalarValue::Str(id))
                if first && super::id::document_id(id) == *document =>
            {
                named = true;
            }
            OpType::Make(ObjType::Text) if first && text_id(change) == Some(document.clone()) => {
                named = true;
            }
            _ => return Err(Refusal::Foreign),
        }
    }
    if first && !named {
        return Err(Refusal::Foreign);
    }
    Ok(())
}

/// The document id of the identity a first change writes as a text: the
/// change applied to an empty document (it depends on nothing), the
/// identity read as the store reads it.
fn text_id(first: &Change) -> Option<DocumentId> {
    let mut doc = automerge::Automerge::new();
    doc.apply_changes([first.clone()]).ok()?;
    let id = crate::store::read::get_str(&doc, &automerge::ROOT, schema::K_ID);
    Some(super::id::document_id(&id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::sync::SyncDoc;

    fn roadmap() -> (crate::store::Doc, DocumentId) {
        let doc = crate::sample::document().expect("sample");
        let id = super::super::id::document_id(&doc.roadmap_id());
        (doc, id)
    }

    fn all_changes(doc: &crate::store::Doc) -> Vec<u8> {
        let mut am = doc.automerge().clone();
        am.save_after(&[])
    }

    #[test]
    fn a_roadmaps_own_changes_pass() {
        let (doc, id) = roadmap();
        let bytes = all_changes(&doc);
        let mut rest = &bytes[..];
        while !rest.is_empty() {
            let change = Change::try_from(rest).expect("change");
            let len = change.raw_bytes().len();
            check_chunk(&rest[..len], &id).expect("own change");
            rest = &rest[len..];
        }
        let mut am = doc.automerge().clone();
        check_chunk(&am.save(), &id).expect("whole document");
    }

    #[test]
    fn several_changes_in_one_entry_pass() {
        let (mut doc, id) = roadmap();
        let heads = doc.heads();
        for notes in ["первое", "второе"] {
            doc.set_meta(crate::store::write::edit::MetaField::Notes, notes)
                .expect("edit");
        }
        let in_a_row = doc.changes_since(&heads);
        assert_eq!(chunks::split(&in_a_row).map(|c| c.len()), Ok(2));
        check_chunk(&in_a_row, &id).expect("two changes in a row");
        check_chunk(&doc.changes_since(&[]), &id).expect("the whole history in a row");
    }

    #[test]
    fn another_roadmap_is_foreign() {
        let (doc, _) = roadmap();
        let other = super::super::id::document_id("00000000-0000-4000-8000-000000000000");
        let mut am = doc.automerge().clone();
        assert_eq!(check_chunk(&am.save(), &other), Err(Refusal::Foreign));
    }

    /// The first change of a roadmap whose identity is a text.
    fn text_identity(id: &str) -> AutoCommit {
        use automerge::transaction::Transactable;
        let mut doc = AutoCommit::new();
        doc.put(automerge::ROOT, schema::K_FORMAT, "karta")
            .expect("format");
        let text = doc
            .put_object(automerge::ROOT, schema::K_ID, ObjType::Text)
            .expect("text");
        doc.splice_text(&text, 0, 0, id).expect("splice");
        doc.commit();
        doc
    }

    #[test]
    fn an_identity_written_as_a_text_is_read_as_its_string() {
        let id = "5f0c1d2e-0000-4000-8000-0000000000a1";
        let mut doc = text_identity(id);
        let own = super::super::id::document_id(id);
        check_chunk(&doc.save(), &own).expect("own roadmap, whole");
        let first = doc.get_changes(&[]).remove(0);
        check_chunk(first.raw_bytes(), &own).expect("own roadmap, one change");
        let other = super::super::id::document_id("00000000-0000-4000-8000-000000000000");
        assert_eq!(check_chunk(&doc.save(), &other), Err(Refusal::Foreign));
    }

    #[test]
    fn a_sync_message_of_the_roadmap_passes_and_garbage_does_not() {
        let (mut doc, id) = roadmap();
        let mut state = automerge::sync::State::new();
        let am = doc.plain_copy();
        let first = am.generate_sync_message(&mut state).expect("message");
        check_sync_data(&first.encode(), &id).expect("first message");
        assert_eq!(
            check_sync_data(b"garbage", &id).map(|_| ()),
            Err(Refusal::Unreadable)
        );
    }
}
