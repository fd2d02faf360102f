//! Free-text fields (an activity's text, its cells, the heading's notes):
//! how they are set and how their conflicts are told and resolved without
//! losing anybody's typing.
//!
//! A free-text field is an Automerge `Text`, edited by splicing, so
//! concurrent typing merges character by character. Two values can still
//! stand under one key (two copies that turned an old scalar string into
//! text at once, or two `cells` maps created at once): a conflict. Putting a
//! new `Text` over them would orphan whatever a colleague types meanwhile
//! into the old one, so a resolution never replaces a `Text` that exists:
//! it splices the chosen content into the one shown and records, beside the
//! field, which other values it set aside and what they held
//! ([`Resolution`]). A set-aside value that changes afterwards (someone kept
//! typing into it) is a conflict again; two people resolving at once leave
//! two records, a conflict again too. Nothing is ever dropped silently.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, Value};
use serde::{Deserialize, Serialize};

use crate::store::StoreError;
use crate::store::read::fields::View;
use crate::store::schema::node;

/// One value a free-text field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotValue {
    /// The operation (or `Text` object) that holds it.
    pub id: ObjId,
    /// Its content.
    pub text: String,
    /// Whether it is a `Text` (not a scalar string).
    pub is_text: bool,
    /// Who wrote it, when recorded.
    pub author: Option<String>,
}

/// A resolution of a text conflict, stored as JSON in a scalar string
/// beside the field (key `resolved:<field>`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// The content chosen.
    pub chosen: String,
    /// The values set aside: their ids and a fingerprint of what each held.
    pub dismissed: BTreeMap<String, String>,
    /// Who resolved, when recorded (filled in when read).
    #[serde(skip)]
    pub author: Option<String>,
}

/// Where a free-text field lives.
#[derive(Debug, Clone)]
pub struct Slot {
    /// The maps that may hold the field, the one shown first (several only
    /// for cells under concurrently created `cells` maps).
    maps: Vec<ObjId>,
    /// The field's key in those maps.
    key: String,
    /// The map that holds the resolution record.
    owner: ObjId,
    /// The record's key in `owner`.
    record_key: String,
}

impl Slot {
    /// A field stored directly in `owner` (an activity's text, the notes).
    pub fn direct(owner: &ObjId, key: &str) -> Slot {
        Slot {
            maps: vec![owner.clone()],
            key: key.to_string(),
            owner: owner.clone(),
            record_key: format!("resolved:{key}"),
        }
    }

    /// The cell `key` of the activity map `activity`.
    pub fn cell(doc: &AutoCommit, activity: &ObjId, key: &str) -> Slot {
        Slot {
            maps: View::now(doc).all_maps(activity, node::CELLS),
            key: key.to_string(),
            owner: activity.clone(),
            record_key: format!("resolved:{}:{key}", node::CELLS),
        }
    }

    /// Every value the field holds, the one shown first.
    pub fn values(&self, doc: &AutoCommit) -> Vec<SlotValue> {
        let view = View::now(doc);
        let mut out = Vec::new();
        for map in &self.maps {
            for (value, id) in view.all(map, &self.key) {
                let (text, is_text) = match value {
                    Value::Object(ObjType::Text) => (view.text(&id), true),
                    Value::Scalar(s) => (s.as_str().unwrap_or_default().to_string(), false),
                    Value::Object(_) => continue,
                };
                out.push(SlotValue {
                    author: author_of(doc, &id),
                    id,
                    text,
                    is_text,
                });
            }
        }
        out
    }

    /// The resolutions recorded for the field (several when people
    /// resolved it at once).
    pub fn resolutions(&self, doc: &AutoCommit) -> Vec<Resolution> {
        View::now(doc)
            .all(&self.owner, &self.record_key)
            .into_iter()
            .filter_map(|(value, id)| {
                let Value::Scalar(s) = value else {
                    return None;
                };
                let mut record: Resolution = serde_json::from_str(s.as_str()?).ok()?;
                record.author = author_of(doc, &id);
                Some(record)
            })
            .collect()
    }

    /// The values still open: the shown one and every other one no
    /// resolution set aside as it is now, with the resolutions when two
    /// disagree. A field is in conflict when this holds two or more
    /// distinct contents.
    pub fn open_values(&self, doc: &AutoCommit) -> Vec<SlotValue> {
        let values = self.values(doc);
        let records = self.resolutions(doc);
        let dismissed = |v: &SlotValue| {
            records
                .iter()
                .any(|r| r.dismissed.get(&v.id.to_string()) == Some(&fingerprint(&v.text)))
        };
        let mut open: Vec<SlotValue> = values
            .iter()
            .enumerate()
            .filter(|(i, v)| *i == 0 || !dismissed(v))
            .map(|(_, v)| v.clone())
            .collect();
        if records.len() > 1 {
            // Two resolutions at once: each one's choice is a value again.
            for record in records {
                open.push(SlotValue {
                    id: ObjId::Root,
                    text: record.chosen,
                    is_text: true,
                    author: record.author,
                });
            }
        }
        open
    }

    /// Sets the field to `value`; returns false when nothing changed.
    /// Splices into the `Text` shown when there is one (a colleague's
    /// concurrent typing into it still lands); puts a new `Text` only over
    /// a scalar string or nothing. Other values still open are set aside
    /// with a [`Resolution`].
    pub fn set(&self, doc: &mut AutoCommit, value: &str) -> Result<bool, StoreError> {
        let maps = if self.maps.is_empty() {
            // An activity of an older file without a `cells` map.
            vec![doc.put_object(&self.owner, node::CELLS, ObjType::Map)?]
        } else {
            self.maps.clone()
        };
        let slot = Slot {
            maps,
            ..self.clone()
        };
        let values = slot.values(doc);
        let mut changed = false;
        match values.first() {
            Some(shown) if shown.is_text => {
                if shown.text != value {
                    doc.update_text(&shown.id, value)?;
                    changed = true;
                }
            }
            Some(shown) if values.len() == 1 && shown.text == value => {}
            None if value.is_empty() => {}
            _ => {
                let holder = slot.holder(doc);
                let text = doc.put_object(&holder, slot.key.as_str(), ObjType::Text)?;
                doc.splice_text(&text, 0, 0, value)?;
                changed = true;
            }
        }
        if slot.open_values(doc).len() > 1 {
            let values = slot.values(doc);
            let record = Resolution {
                chosen: value.to_string(),
                dismissed: values[1..]
                    .iter()
                    .map(|v| (v.id.to_string(), fingerprint(&v.text)))
                    .collect(),
                author: None,
            };
            let json = serde_json::to_string(&record).unwrap_or_default();
            doc.put(&slot.owner, slot.record_key.as_str(), json)?;
            changed = true;
        }
        Ok(changed)
    }

    /// The map whose value is shown: the first that holds the key.
    fn holder(&self, doc: &AutoCommit) -> ObjId {
        let view = View::now(doc);
        self.maps
            .iter()
            .find(|m| !view.all(m, &self.key).is_empty())
            .or(self.maps.first())
            .cloned()
            .unwrap_or(automerge::ROOT)
    }
}

/// A short fingerprint of a text (16 hex digits of its SHA-256).
fn fingerprint(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The author of the operation or object `id`, when recorded.
pub(crate) fn author_of(doc: &AutoCommit, id: &ObjId) -> Option<String> {
    match id {
        ObjId::Id(_, actor, _) => doc
            .get_author_for_actor(actor)
            .map(|a| String::from_utf8_lossy(a.as_bytes()).into_owned()),
        ObjId::Root => None,
    }
}
