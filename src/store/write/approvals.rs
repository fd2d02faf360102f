//! Approved editions: `karta approve` records that the roadmap as it stands
//! (its heads) was approved by an order, so every copy knows which
//! version was approved and what changed since. Each approval is a map
//! under a fresh id in the root `approvals` map (`number`, `date`, `heads`,
//! `author`, `time`); later approvals keep the earlier ones. Files older than
//! approvals have no such map: the first approval creates it, and two
//! copies doing so at once leave two maps under the key, so readers take the
//! union of every map there.

use automerge::transaction::Transactable;
use automerge::{ChangeHash, ObjId, ObjType, ROOT, ReadDoc};
use chrono::NaiveDate;

use crate::store::read::fields::{Raw, View};
use crate::store::schema;
use crate::store::write::edit::MetaField;
use crate::store::{Doc, StoreError};

/// Keys of one approval.
mod key {
    /// Number of the order (scalar string).
    pub const NUMBER: &str = "number";
    /// Date of the order, `YYYY-MM-DD`.
    pub const DATE: &str = "date";
    /// The heads approved: hashes separated by spaces.
    pub const HEADS: &str = "heads";
    /// Who recorded it.
    pub const AUTHOR: &str = "author";
    /// When it was recorded, milliseconds since 1970.
    pub const TIME: &str = "time";
}

/// One approved edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approved {
    /// Its id in the `approvals` map.
    pub id: String,
    /// Number of the order as written.
    pub number: String,
    /// Date of the order.
    pub date: Option<NaiveDate>,
    /// The roadmap's heads approved.
    pub heads: Vec<ChangeHash>,
    /// Who recorded the approval.
    pub author: String,
    /// When, milliseconds since 1970 (the author's clock).
    pub time: i64,
}

/// Every approval of the document, oldest order first (by the order's
/// date, then by when it was recorded).
pub fn approvals<D: ReadDoc>(doc: &D) -> Vec<Approved> {
    read(View::now(doc))
}

/// The approvals as `view` sees them, oldest first.
pub fn read<D: ReadDoc>(view: View<'_, D>) -> Vec<Approved> {
    let mut out: Vec<Approved> = Vec::new();
    for map in view.all_maps(&ROOT, schema::K_APPROVALS) {
        for (id, raw) in view.entries(&map) {
            if out.iter().any(|a| a.id == id) {
                continue;
            }
            if let Raw::Map(obj) = raw {
                out.push(read_one(view, &id, &obj));
            }
        }
    }
    out.sort_by(|a, b| (a.date, a.time, &a.id).cmp(&(b.date, b.time, &b.id)));
    out
}

/// The latest approval: the one with the latest order.
pub fn latest<D: ReadDoc>(doc: &D) -> Option<Approved> {
    approvals(doc).pop()
}

fn read_one<D: ReadDoc>(view: View<'_, D>, id: &str, obj: &ObjId) -> Approved {
    let mut a = Approved {
        id: id.to_string(),
        number: String::new(),
        date: None,
        heads: Vec::new(),
        author: String::new(),
        time: 0,
    };
    for (k, raw) in view.entries(obj) {
        match k.as_ref() {
            key::NUMBER => a.number = view.text_of(raw),
            key::DATE => a.date = NaiveDate::parse_from_str(&view.text_of(raw), "%Y-%m-%d").ok(),
            key::HEADS => {
                a.heads = view
                    .text_of(raw)
                    .split_whitespace()
                    .filter_map(|h| h.parse().ok())
                    .collect()
            }
            key::AUTHOR => a.author = view.text_of(raw),
            key::TIME => {
                a.time = raw
                    .number()
                    .and_then(|n| i64::try_from(n).ok())
                    .unwrap_or(0)
            }
            _ => {}
        }
    }
    a
}

/// How the message of a change recording an approval starts.
const PREFIX: &str = "approve ";

/// Whether a change's message is that of an approval's record.
pub fn is_record(message: &str) -> bool {
    message.starts_with(PREFIX)
}

/// The approval a change recorded (its message is `approve <id>`), as it
/// stood right after the change.
pub fn change_of<D: ReadDoc>(doc: &D, hash: ChangeHash, message: &str) -> Option<Approved> {
    let id = message.strip_prefix(PREFIX)?.trim();
    let heads = [hash];
    read(View::at(doc, &heads)).into_iter().find(|a| a.id == id)
}

impl Doc {
    /// Records that the roadmap as it stands is approved by the order
    /// `number` of `date`: the heading takes the order (one change, when
    /// it differs), then the approval of the heads reached is recorded (a
    /// change of its own, so nothing is changed "since" by it).
    pub fn approve(&mut self, number: &str, date: NaiveDate) -> Result<Approved, StoreError> {
        self.set_meta(MetaField::ApprovalNumber, number)?;
        self.set_meta(MetaField::ApprovalDate, &date.to_string())?;
        let approved = self.approval(number, date);
        self.record_approval(&approved)
    }

    /// An approval by the order `number` of `date`, by this session's
    /// author, now, under a fresh id; not recorded yet (see
    /// [`Doc::record_approval`]), so it has no heads.
    pub fn approval(&mut self, number: &str, date: NaiveDate) -> Approved {
        Approved {
            id: self.ids.next_item_id(),
            number: number.to_string(),
            date: Some(date),
            heads: Vec::new(),
            author: self.author().unwrap_or_default().to_string(),
            time: chrono::Utc::now().timestamp_millis(),
        }
    }

    /// Records `approved` (its id, order, author and time) as the approval
    /// of the roadmap as it stands now: its heads are the document's now.
    /// The editor's redo of an approval records it again this way.
    pub fn record_approval(&mut self, approved: &Approved) -> Result<Approved, StoreError> {
        let approved = Approved {
            heads: self.heads(),
            ..approved.clone()
        };
        let doc = self.automerge_mut();
        let maps = View::now(&*doc).all_maps(&ROOT, schema::K_APPROVALS);
        let map = match maps.first() {
            Some(map) => map.clone(),
            None => doc.put_object(ROOT, schema::K_APPROVALS, ObjType::Map)?,
        };
        let obj = doc.put_object(&map, approved.id.as_str(), ObjType::Map)?;
        doc.put(&obj, key::NUMBER, approved.number.as_str())?;
        let date = approved.date.map(|d| d.to_string()).unwrap_or_default();
        doc.put(&obj, key::DATE, date)?;
        let hashes: Vec<String> = approved.heads.iter().map(|h| h.to_string()).collect();
        doc.put(&obj, key::HEADS, hashes.join(" "))?;
        doc.put(&obj, key::AUTHOR, approved.author.as_str())?;
        doc.put(&obj, key::TIME, approved.time)?;
        self.commit(&format!("{PREFIX}{}", approved.id));
        Ok(approved)
    }

    /// Takes the approval `id` back (the editor's undo of an approval just
    /// made): its entry goes from every `approvals` map; history keeps it.
    /// False when there was no such approval.
    pub fn withdraw_approval(&mut self, id: &str) -> Result<bool, StoreError> {
        let doc = self.automerge_mut();
        let maps = View::now(&*doc).all_maps(&ROOT, schema::K_APPROVALS);
        let mut found = false;
        for map in maps {
            if doc.get(&map, id)?.is_some() {
                doc.delete(&map, id)?;
                found = true;
            }
        }
        if found {
            self.commit(&format!("withdraw approval {id}"));
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_approval_withdrawn_and_recorded_again_keeps_its_id() {
        let mut doc = crate::sample::document().expect("sample");
        let date = NaiveDate::from_ymd_opt(2022, 2, 26).expect("date");
        let approved = doc.approve("20", date).expect("approve");
        assert_eq!(approvals(doc.automerge()), vec![approved.clone()]);
        assert!(doc.withdraw_approval(&approved.id).expect("withdraw"));
        assert!(approvals(doc.automerge()).is_empty());
        assert!(!doc.withdraw_approval(&approved.id).expect("again"));
        let again = doc.record_approval(&approved).expect("again");
        assert_eq!(again.id, approved.id);
        assert_eq!(latest(doc.automerge()), Some(again));
    }
}
