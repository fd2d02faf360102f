//! Edits made while the document is not at hand: still loading behind a
//! first frame from the view cache, away in a worker making a save's bytes,
//! or never loaded. A field edit (an activity's or a section's) is applied
//! to the screen at once and kept beside the file (`FILE.early`, one line
//! per edit, synced as it is written), then made in the document when it
//! arrives, as one undo step each, and journaled as usual; the file goes
//! once they are all in the journal. A crash meanwhile keeps them: the next
//! open shows them again and makes them when its document arrives. When
//! the document cannot be loaded at all, Ctrl-s saves the roadmap shown,
//! with these edits, as a copy beside the file (see `saving.rs`).
//!
//! Other confirmed steps (structure, the heading, comments, undo) and the
//! screens that read the document wait for it without holding up the
//! keyboard (see `deferred.rs`).

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Roadmap, Section, Status};
use crate::store::StoreError;
use crate::store::read::split_lines;
use crate::store::write::edit::{ActivityField, SectionField};

use super::app::App;
use super::deferred::{Deferred, Kept, field_op, kept_field};
use super::draft::Saved;
use super::ids::RowKey;
use super::undo::Op;

/// One field edit made before the document was at hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Early {
    /// What the user did, for the undo step.
    pub label: String,
    /// The field's old and new values.
    pub op: Op,
}

/// An [`Early`] edit as one line of its file.
#[derive(Serialize, Deserialize)]
struct Line {
    label: String,
    target: Saved,
    old: String,
    new: String,
}

/// The file of early edits for a roadmap file: `FILE.early`.
pub fn path_for(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".early");
    PathBuf::from(name)
}

fn line(edit: &Early) -> Option<Line> {
    let (target, old, new) = kept_field(&edit.op)?;
    Some(Line {
        label: edit.label.clone(),
        target,
        old: old.to_string(),
        new: new.to_string(),
    })
}

fn edit(line: Line) -> Option<Early> {
    let op = field_op(line.target, line.old, line.new)?;
    Some(Early {
        label: line.label,
        op,
    })
}

/// A line of the file: a field edit made early, or a step that waits for
/// the document (see `deferred.rs`).
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Entry {
    Waiting { waiting: Kept },
    Edit(Line),
}

/// Appends `edit` to the early edits of `file` and syncs it to disk.
pub fn append(file: &Path, edit: &Early) -> Result<(), StoreError> {
    match line(edit) {
        Some(line) => write_entry(file, &Entry::Edit(line)),
        None => Ok(()),
    }
}

/// Appends `step`, waiting for the document, to the file of early edits
/// of `file` and syncs it to disk; false when the step cannot be written
/// (it is then kept in memory only).
pub(super) fn append_step(file: &Path, step: &Deferred) -> Result<bool, StoreError> {
    let Some(waiting) = step.kept() else {
        return Ok(false);
    };
    write_entry(file, &Entry::Waiting { waiting }).map(|()| true)
}

fn write_entry(file: &Path, entry: &Entry) -> Result<(), StoreError> {
    let path = path_for(file);
    let io = |e: std::io::Error| StoreError::Io {
        path: path.clone(),
        source: e,
    };
    let mut text = serde_json::to_string(entry).map_err(|e| io(std::io::Error::other(e)))?;
    text.push('\n');
    let mut out = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(io)?;
    out.write_all(text.as_bytes()).map_err(io)?;
    out.sync_data().map_err(io)
}

/// What a session left beside a file before its document arrived: the
/// field edits made early and the steps that waited, each in order.
#[derive(Debug, Default)]
pub struct Left {
    /// Field edits made early.
    pub edits: Vec<Early>,
    /// Steps that waited for the document.
    pub steps: Vec<Deferred>,
}

/// The early edits and waiting steps kept beside `file`, in order. A torn
/// or unreadable line (a crash mid-write) ends them.
pub fn read(file: &Path) -> Left {
    let mut left = Left::default();
    let Ok(text) = std::fs::read_to_string(path_for(file)) else {
        return left;
    };
    for raw in text.lines() {
        let entry = serde_json::from_str::<Entry>(raw).ok();
        let read = match entry {
            Some(Entry::Edit(line)) => edit(line).map(|e| left.edits.push(e)),
            Some(Entry::Waiting { waiting }) => {
                Deferred::restored(waiting).map(|s| left.steps.push(s))
            }
            None => None,
        };
        if read.is_none() {
            tracing::warn!(file = %file.display(), "an unreadable early edit: the rest ignored");
            break;
        }
    }
    left
}

/// Removes the early edits of `file`: they are in the journal now.
pub fn discard(file: &Path) -> Result<(), StoreError> {
    let path = path_for(file);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(StoreError::Io { path, source: e })
        }
        _ => Ok(()),
    }
}

/// Writes the new value of `op` into the roadmap shown, as reading it from
/// the document would; false when its activity or section is not there.
fn patch_model(roadmap: &mut Roadmap, op: &Op) -> bool {
    match op {
        Op::Activity { id, field, new, .. } => {
            let Some(a) = roadmap.activity_mut(id) else {
                return false;
            };
            match field {
                ActivityField::Text => a.text = new.clone(),
                ActivityField::Deadline => a.deadline = new.clone(),
                ActivityField::Responsible => a.responsible = split_lines(new),
                ActivityField::Status => a.status = Status::stored(new),
                ActivityField::Number => a.number = new.clone(),
                ActivityField::Cell(key) if new.is_empty() => {
                    a.cells.remove(key);
                }
                ActivityField::Cell(key) => {
                    a.cells.insert(key.clone(), new.clone());
                }
            }
            true
        }
        Op::Section { id, field, new, .. } => {
            let Some(s) = section_mut(&mut roadmap.sections, id) else {
                return false;
            };
            match field {
                SectionField::Title => s.title = new.clone(),
                SectionField::Number => s.number = new.clone(),
                SectionField::Responsible => s.responsible = split_lines(new),
            }
            true
        }
        _ => false,
    }
}

fn section_mut<'a>(sections: &'a mut [Section], id: &str) -> Option<&'a mut Section> {
    for s in sections {
        if s.id == id {
            return Some(s);
        }
        if let Some(found) = section_mut(&mut s.sections, id) {
            return Some(found);
        }
    }
    None
}

impl App {
    /// Makes a step of `ops` before the document is at hand, when it is
    /// one field edit: shown at once, kept beside the file, made in the
    /// document when it arrives. False when it must wait for the document.
    pub(super) fn edit_early(&mut self, label: &str, ops: &[Op], focus: Option<RowKey>) -> bool {
        let [op] = ops else {
            return false;
        };
        if !self.document.deferred.is_empty() {
            // Made early, it would overtake a step kept before it.
            return false;
        }
        if super::editing::unchanged(op) {
            // Nothing to keep: confirmed as it was.
            return true;
        }
        let edit = Early {
            label: label.to_string(),
            op: op.clone(),
        };
        if line(&edit).is_none() || !patch_model(&mut self.document.roadmap, op) {
            return false;
        }
        if let Some(path) = &self.document.path
            && let Err(e) = append(path, &edit)
        {
            self.complain_about_journal(e);
        }
        self.document.early.push(edit);
        self.document.unsaved = true;
        self.recatalog();
        if let Some(key) = focus {
            self.select_key(&key);
        }
        let text = format!(
            "{label} {}",
            self.lang.t(
                "(в файл — после загрузки документа)",
                "(into the file once the document has loaded)"
            )
        );
        self.status.say(text);
        true
    }

    /// On opening: the early edits and waiting steps a session that
    /// ended before its document arrived left beside the file; the edits
    /// shown at once, all made in the document when it is at hand.
    pub(super) fn restore_early(&mut self) {
        let Some(path) = &self.document.path else {
            return;
        };
        let Left { edits, mut steps } = read(path);
        if edits.is_empty() && steps.is_empty() {
            return;
        }
        tracing::info!(
            edits = edits.len(),
            steps = steps.len(),
            "early edits found beside the file"
        );
        let shown = edits
            .iter()
            .filter(|e| patch_model(&mut self.document.roadmap, &e.op))
            .count();
        let lost = drop_unknown_undos(edits.len(), &mut steps);
        self.document.early = edits;
        self.document.deferred = steps;
        self.document.unsaved = true;
        if shown > 0 {
            self.recatalog();
        }
        if lost > 0 {
            let text = crate::tr!(self.lang, "deferred-undo-lost", count = lost);
            self.status.complain(text);
        } else if !self.document.deferred.is_empty() {
            let count = self.document.deferred.len();
            let text = crate::tr!(self.lang, "deferred-waits", count = count);
            self.status.say(text);
        }
    }

    /// Once the document is at hand: makes the early field edits, then
    /// the other steps that waited for it (see `deferred.rs`), then lets
    /// their file go: they are in the journal now.
    /// Then opens the screen asked for meanwhile, if any.
    pub(super) fn apply_early(&mut self) {
        if !self.document.at_hand() {
            return;
        }
        if !self.document.early.is_empty() || !self.document.deferred.is_empty() {
            self.make_waiting();
        }
        self.open_asked();
    }

    fn make_waiting(&mut self) {
        let failed = self.make_early_edits();
        self.make_deferred();
        let Some(path) = self.document.path.clone() else {
            return;
        };
        if failed == 0 {
            if let Err(e) = discard(&path) {
                self.complain_about_journal(e);
            }
            return;
        }
        let mut aside = path_for(&path).into_os_string();
        aside.push(".unapplied");
        let _ = std::fs::rename(path_for(&path), &aside);
        let text = format!(
            "{} {failed}; {} {}",
            self.lang.t(
                "Не удалось внести правок, сделанных до загрузки:",
                "Edits made before the load that could not be made:"
            ),
            self.lang.t("они отложены в", "they are kept in"),
            PathBuf::from(aside).display()
        );
        self.status.complain(text);
    }

    /// Makes the early edits in the document now at hand, each one undo
    /// step, journaled; returns how many no longer applied.
    fn make_early_edits(&mut self) -> usize {
        let edits = std::mem::take(&mut self.document.early);
        let count = edits.len();
        let mut failed = 0;
        for e in edits {
            let applied = e.op.apply(&mut self.document.doc, true);
            if let Err(err) = applied {
                tracing::warn!(error = %err, "an early edit did not apply");
                failed += 1;
                continue;
            }
            self.record(e.label, vec![e.op], None);
        }
        tracing::info!(count, failed, "early edits made in the document");
        failed
    }
}

/// Drops from `steps`, restored after `edits` early edits, the undos and
/// redos that reached past them into the steps of the session that left
/// them (gone with it); returns how many.
fn drop_unknown_undos(edits: usize, steps: &mut Vec<Deferred>) -> usize {
    let mut depths = (edits, 0);
    let before = steps.len();
    steps.retain(|step| step.replay(&mut depths));
    before - steps.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write::edit::NodeKind;

    fn shift() -> Deferred {
        Deferred::Shift {
            kind: NodeKind::Activity,
            id: "a1".into(),
            down: true,
        }
    }

    #[test]
    fn undos_that_reached_into_a_crashed_session_are_dropped_and_counted() {
        let mut steps = vec![
            Deferred::Undo,
            shift(),
            Deferred::Undo,
            Deferred::Undo,
            Deferred::Redo,
            Deferred::Redo,
        ];
        // One early edit before them: the first undo undoes it, the
        // third finds nothing left of this file, and so does the second
        // redo.
        assert_eq!(drop_unknown_undos(1, &mut steps), 2);
        let kinds: Vec<&str> = steps
            .iter()
            .map(|s| match s {
                Deferred::Undo => "undo",
                Deferred::Redo => "redo",
                _ => "step",
            })
            .collect();
        assert_eq!(kinds, ["undo", "step", "undo", "redo"]);
    }

    #[test]
    fn kept_steps_come_back_from_the_file_in_order_after_the_edits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("map.karta");
        let edit = Early {
            label: "срок".into(),
            op: Op::Activity {
                id: "a1".into(),
                field: crate::store::write::edit::ActivityField::Deadline,
                old: "в течение года".into(),
                new: "до 1 марта".into(),
            },
        };
        append(&file, &edit).expect("edit");
        let steps = [
            shift(),
            Deferred::Comment {
                activity: "a1".into(),
                text: "строка\nвторая".into(),
            },
            Deferred::Undo,
        ];
        for step in &steps {
            assert!(append_step(&file, step).expect("step"));
        }
        let left = read(&file);
        assert_eq!(left.edits, vec![edit]);
        let back: Vec<String> = left.steps.iter().map(|s| format!("{s:?}")).collect();
        let sent: Vec<String> = steps.iter().map(|s| format!("{s:?}")).collect();
        assert_eq!(back, sent);
    }
}
