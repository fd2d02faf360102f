//! The management-cycle stage of an activity set by hand (`karta set FILE
//! N stage 3`): a number 1–9 under the activity's `stage` key, as sections
//! of roadmaps built on the cycle have it.

use automerge::transaction::Transactable;
use automerge::{ROOT, ReadDoc};

use crate::store::read::{get_map, get_uint};
use crate::store::{Doc, StoreError, schema};
use schema::node;

impl Doc {
    /// Sets the stage of activity `id` to `value` (its number as text; empty
    /// clears it); returns false when it already was so.
    pub fn set_activity_stage(&mut self, id: &str, value: &str) -> Result<bool, StoreError> {
        let stage: Option<u64> =
            match value.trim() {
                "" => None,
                n => Some(n.parse().map_err(|_| {
                    StoreError::NotFound(crate::msg!("not-a-stage-number", text = n))
                })?),
            };
        let doc = self.automerge_mut();
        let obj = get_map(doc, &ROOT, schema::K_ACTIVITIES)
            .and_then(|map| get_map(doc, &map, id))
            .ok_or_else(|| StoreError::NotFound(crate::msg!("no-activity-id", id = id)))?;
        let single = doc.get_all(&obj, node::STAGE).map_or(0, |v| v.len()) <= 1;
        if single && get_uint(doc, &obj, node::STAGE) == stage {
            return Ok(false);
        }
        match stage {
            Some(n) => doc.put(&obj, node::STAGE, n)?,
            None => doc.delete(&obj, node::STAGE)?,
        }
        self.commit(&format!("set stage of activity {id}"));
        Ok(true)
    }
}
