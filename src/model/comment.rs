//! Comments on an activity: colleagues discussing it («согласовать с
//! отделом опеки», «перенесли из-за ГИА»). Part of the roadmap, so they
//! travel with it.

use serde::{Deserialize, Serialize};

/// One comment on an activity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Comment {
    /// Stable id (12 hex digits), unique in the roadmap.
    pub id: String,
    /// Who wrote it ("Иванова И.И.").
    pub author: String,
    /// When it was written, milliseconds since 1970 (the author's clock).
    pub time: i64,
    /// What it says.
    pub text: String,
}

/// Comments in the order they were written (ties broken by id, so every
/// copy lists them alike).
pub fn in_time_order(comments: &mut [Comment]) {
    comments.sort_by(|a, b| (a.time, &a.id).cmp(&(b.time, &b.id)));
}

impl Comment {
    /// When it was written, in seconds since 1970.
    pub fn seconds(&self) -> i64 {
        self.time.div_euclid(1000)
    }
}
