//! Comments on activities: each activity's `comments` map holds one map per
//! comment (`author`, `time`, `text`, `deleted`), keyed by a fresh id, so
//! comments written at once in two copies are all kept. Activities of older
//! files have no `comments` map; the first comment creates one, and two
//! copies doing so at once leave two maps under the key: readers take the
//! union of every map there (as with `cells`, see
//! [`crate::store::read::fields::View::cells`]), and edits go to the map holding the
//! comment.

use automerge::transaction::Transactable;
use automerge::{ChangeHash, ObjId, ObjType, ROOT, ReadDoc};

use crate::model::Comment;
use crate::model::comment::in_time_order;

use crate::store::history::changes::{Item, ItemKind};
use crate::store::read::fields::{Raw, View};
use crate::store::read::get_map;
use crate::store::schema::{self, comment, node};
use crate::store::{Doc, StoreError};

type Result<T> = std::result::Result<T, StoreError>;

/// One comment as stored, removed or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The comment.
    pub comment: Comment,
    /// Whether it was removed.
    pub deleted: bool,
}

/// Every comment of the activity map `activity`, removed ones too, in
/// time order: the union of every `comments` map under it.
pub fn stored<D: ReadDoc>(view: View<'_, D>, activity: &ObjId) -> Vec<Stored> {
    let mut out: Vec<Stored> = Vec::new();
    for map in view.all_maps(activity, node::COMMENTS) {
        for (id, raw) in view.entries(&map) {
            let Raw::Map(obj) = raw else {
                continue;
            };
            if out.iter().any(|s| s.comment.id == id) {
                continue;
            }
            out.push(read_one(view, &id, &obj));
        }
    }
    out.sort_by(|a, b| (a.comment.time, &a.comment.id).cmp(&(b.comment.time, &b.comment.id)));
    out
}

/// The comments of the activity map `activity` that stand (not removed),
/// in time order.
pub fn read<D: ReadDoc>(view: View<'_, D>, activity: &ObjId) -> Vec<Comment> {
    let mut list: Vec<Comment> = stored(view, activity)
        .into_iter()
        .filter(|s| !s.deleted)
        .map(|s| s.comment)
        .collect();
    in_time_order(&mut list);
    list
}

/// The comments of `activity` given the value its `comments` key holds and
/// whether that key is in conflict (read by [`View::flagged`]): an empty
/// map costs nothing more, several maps are merged by [`read`].
pub fn read_from<D: ReadDoc>(
    view: View<'_, D>,
    activity: &ObjId,
    raw: Raw<'_>,
    conflict: bool,
) -> Vec<Comment> {
    match raw {
        _ if conflict => read(view, activity),
        Raw::Map(map) if view.entries(&map).next().is_some() => read(view, activity),
        _ => Vec::new(),
    }
}

fn read_one<D: ReadDoc>(view: View<'_, D>, id: &str, obj: &ObjId) -> Stored {
    let mut stored = Stored {
        comment: Comment {
            id: id.to_string(),
            ..Comment::default()
        },
        deleted: false,
    };
    for (key, raw) in view.entries(obj) {
        match key.as_ref() {
            comment::AUTHOR => stored.comment.author = view.text_of(raw),
            comment::TIME => stored.comment.time = time_of(&raw),
            comment::TEXT => stored.comment.text = view.text_of(raw),
            comment::DELETED => stored.deleted = raw.is_true(),
            _ => {}
        }
    }
    stored
}

fn time_of(raw: &Raw<'_>) -> i64 {
    raw.number()
        .and_then(|n| i64::try_from(n).ok())
        .unwrap_or_default()
}

/// What happened to a comment, as a change's message records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Written.
    Added,
    /// Its text changed.
    Edited,
    /// Removed.
    Removed,
    /// Brought back after it was removed (the editor's undo of a removal).
    Restored,
}

/// A comment event read back from a change's message: what happened, to
/// which comment, of which activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    /// What happened.
    pub event: Event,
    /// The comment's id.
    pub comment: String,
    /// The activity's id.
    pub activity: String,
}

/// The comment event a change's message records (`add comment <id> to
/// activity <id>`, `edit comment …`, `remove comment …`, `restore comment
/// …`), if any.
pub fn noted(message: &str) -> Option<Noted> {
    let mut words = message.split_whitespace();
    let event = match words.next()? {
        "add" => Event::Added,
        "edit" => Event::Edited,
        "remove" => Event::Removed,
        "restore" => Event::Restored,
        _ => return None,
    };
    if words.next()? != "comment" {
        return None;
    }
    let comment = words.next()?.to_string();
    let _preposition = words.next()?;
    if words.next()? != "activity" {
        return None;
    }
    let activity = words.next()?.to_string();
    Some(Noted {
        event,
        comment,
        activity,
    })
}

/// What one change did to a comment, in words-ready form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentChange {
    /// What happened.
    pub event: Event,
    /// The activity commented on, as it was right after the change.
    pub item: Item,
    /// The comment's text before the change (empty for a new one).
    pub old: String,
    /// Its text after.
    pub new: String,
}

/// What the change `hash` (with `message` and dependencies `deps`) did to a
/// comment, when it was a comment's change.
pub fn change_of<D: ReadDoc>(
    doc: &D,
    hash: ChangeHash,
    deps: &[ChangeHash],
    message: &str,
) -> Option<CommentChange> {
    let noted = noted(message)?;
    let heads = [hash];
    let (then, now) = (View::at(doc, deps), View::at(doc, &heads));
    let text = |view| {
        find_at(view, &noted.activity, &noted.comment)
            .map(|(_, s)| s.comment.text)
            .unwrap_or_default()
    };
    let (item, after) = find_at(now, &noted.activity, &noted.comment)?;
    let old = match noted.event {
        Event::Added => String::new(),
        _ => text(then),
    };
    Some(CommentChange {
        event: noted.event,
        item,
        old,
        new: after.comment.text,
    })
}

/// The comment `id` of activity `activity` as it stood in `view` (removed
/// or not), with the activity as people name it.
fn find_at<D: ReadDoc>(view: View<'_, D>, activity: &str, id: &str) -> Option<(Item, Stored)> {
    let roots = crate::store::read::Roots::read(view);
    let obj = view.map(roots.activities.as_ref()?, activity)?;
    let found = stored(view, &obj)
        .into_iter()
        .find(|s| s.comment.id == id)?;
    let a = crate::store::read::read_placed(view, activity, &obj, false).activity;
    let item = Item {
        kind: ItemKind::Activity,
        id: a.id,
        number: a.number,
        label: a.text,
    };
    Some((item, found))
}

impl Doc {
    /// Adds a comment by this session's author to the activity `activity`,
    /// now; returns its id.
    pub fn add_comment(&mut self, activity: &str, text: &str) -> Result<String> {
        let obj = self.activity_obj(activity)?;
        let id = self.ids.next_item_id();
        let c = Comment {
            id: id.clone(),
            author: self.author().unwrap_or_default().to_string(),
            time: chrono::Utc::now().timestamp_millis(),
            text: text.to_string(),
        };
        let doc = self.automerge_mut();
        let maps = View::now(&*doc).all_maps(&obj, node::COMMENTS);
        let map = match maps.first() {
            Some(map) => map.clone(),
            // An activity of an older file: the first comment creates the
            // map (a concurrent one elsewhere is read alongside).
            None => doc.put_object(&obj, node::COMMENTS, ObjType::Map)?,
        };
        schema::put_comment(doc, &map, &c)?;
        self.commit(&format!("add comment {id} to activity {activity}"));
        Ok(id)
    }

    /// Changes the text of comment `id`; returns the activity's id, and
    /// whether anything changed.
    pub fn edit_comment(&mut self, id: &str, text: &str) -> Result<(String, bool)> {
        let (activity, obj) = self.comment_obj(id)?;
        let changed = write_text(self.automerge_mut(), &obj, text)?;
        if changed {
            self.commit(&format!("edit comment {id} of activity {activity}"));
        }
        Ok((activity, changed))
    }

    /// Removes comment `id` (a tombstone: history keeps what it said);
    /// returns the activity's id.
    pub fn remove_comment(&mut self, id: &str) -> Result<String> {
        let (activity, obj) = self.comment_obj(id)?;
        let doc = self.automerge_mut();
        doc.put(&obj, comment::DELETED, true)?;
        self.commit(&format!("remove comment {id} of activity {activity}"));
        Ok(activity)
    }

    /// Sets comment `id` as the editor's undo and redo need it: `None`
    /// removes it, `Some(text)` has it standing with that text (bringing a
    /// removed one back). Returns the activity's id and whether anything
    /// changed.
    pub fn set_comment(&mut self, id: &str, text: Option<&str>) -> Result<(String, bool)> {
        let (activity, obj, removed) = self.find_comment(id)?;
        match (text, removed) {
            (None, true) => Ok((activity, false)),
            (None, false) => self.remove_comment(id).map(|a| (a, true)),
            (Some(text), false) => self.edit_comment(id, text),
            (Some(text), true) => {
                let doc = self.automerge_mut();
                doc.put(&obj, comment::DELETED, false)?;
                write_text(doc, &obj, text)?;
                self.commit(&format!("restore comment {id} of activity {activity}"));
                Ok((activity, true))
            }
        }
    }

    fn activity_obj(&self, id: &str) -> Result<ObjId> {
        let doc = self.automerge();
        get_map(doc, &ROOT, schema::K_ACTIVITIES)
            .and_then(|map| get_map(doc, &map, id))
            .ok_or_else(|| StoreError::NotFound(crate::msg!("no-activity-id", id = id)))
    }

    /// The activity holding the standing comment `id`, and the comment's
    /// map.
    fn comment_obj(&self, id: &str) -> Result<(String, ObjId)> {
        match self.find_comment(id)? {
            (_, _, true) => Err(StoreError::NotFound(crate::msg!("no-comment", id = id))),
            (activity, obj, false) => Ok((activity, obj)),
        }
    }

    /// The activity holding the comment `id` (removed or not), the
    /// comment's map, and whether it was removed.
    fn find_comment(&self, id: &str) -> Result<(String, ObjId, bool)> {
        let doc = self.automerge();
        let view = View::now(doc);
        let not_found = || StoreError::NotFound(crate::msg!("no-comment", id = id));
        let activities = get_map(doc, &ROOT, schema::K_ACTIVITIES).ok_or_else(not_found)?;
        for (activity, raw) in view.entries(&activities) {
            let Raw::Map(a) = raw else {
                continue;
            };
            for map in view.all_maps(&a, node::COMMENTS) {
                if let Some(obj) = view.map(&map, id) {
                    let removed = crate::store::read::get_bool(doc, &obj, comment::DELETED);
                    return Ok((activity.into_owned(), obj, removed));
                }
            }
        }
        Err(not_found())
    }
}

/// Writes a comment's text (splicing its `Text`, as edits merge
/// character by character); whether it changed.
fn write_text(doc: &mut automerge::AutoCommit, obj: &ObjId, text: &str) -> Result<bool> {
    let view = View::now(&*doc);
    let current = view.all(obj, comment::TEXT).into_iter().next();
    Ok(match current {
        Some((automerge::Value::Object(ObjType::Text), text_obj)) => {
            if view.text(&text_obj) == text {
                false
            } else {
                doc.update_text(&text_obj, text)?;
                true
            }
        }
        _ => {
            schema::put_new_text(doc, obj, comment::TEXT, text)?;
            true
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removed_comment_is_brought_back_with_its_id_and_told_so() {
        let mut doc = crate::sample::document().expect("sample");
        let roadmap = doc.roadmap();
        let activity = roadmap.activities_with_path()[0].1.id.clone();
        let id = doc.add_comment(&activity, "ок").expect("add");
        assert!(doc.set_comment(&id, None).expect("remove").1);
        assert!(
            !doc.set_comment(&id, None).expect("again").1,
            "already removed"
        );
        assert!(doc.activity(&activity).expect("there").comments.is_empty());
        assert!(doc.set_comment(&id, Some("ок, уточнено")).expect("back").1);
        let comments = doc.activity(&activity).expect("there").comments;
        assert_eq!(
            (comments[0].id.as_str(), comments[0].text.as_str()),
            (id.as_str(), "ок, уточнено")
        );
        let last = crate::store::history::history(&mut doc, None)
            .into_iter()
            .next()
            .expect("the last change");
        let change =
            change_of(doc.automerge(), last.hash, &last.deps, &last.message).expect("noted");
        assert_eq!(change.event, Event::Restored);
        assert_eq!(change.new, "ок, уточнено");
    }

    #[test]
    fn messages_name_the_comment_and_the_activity() {
        assert_eq!(
            noted("add comment c1 to activity a1"),
            Some(Noted {
                event: Event::Added,
                comment: "c1".into(),
                activity: "a1".into()
            })
        );
        assert_eq!(
            noted("remove comment c1 of activity a1").map(|n| n.event),
            Some(Event::Removed)
        );
        assert_eq!(
            noted("restore comment c1 of activity a1").map(|n| n.event),
            Some(Event::Restored)
        );
        assert_eq!(noted("add activity a1"), None);
        assert_eq!(noted("edit"), None);
    }
}
