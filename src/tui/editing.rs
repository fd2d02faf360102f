//! Changes to the document from the editor: each user action becomes one
//! undo step of store edits, journaled at once, then the screen's data is
//! rebuilt. Text being typed is not a change until confirmed: while the
//! user pauses it is kept as a draft beside the file (see `draft.rs`).

use std::time::Duration;

use crate::model::numbering::next_number;
use crate::model::{Activity, SectionKind};
use crate::present::errors::store_error;
use crate::store::write::edit::{ActivityField, NodeKind, SectionField, new_section};

use super::action::{Action, Mode};
use super::app::App;
use super::deferred::Deferred;
use super::draft;
use super::ids::{ActivityId, RowKey, SectionId};
use super::overlay::Overlay;
use super::target::Target;
use super::target::{meta_current, meta_value};
use super::undo::{Op, Step};

/// How long typing must pause before a draft is written to the journal.
const DRAFT_PAUSE: Duration = Duration::from_millis(1500);

impl App {
    /// Writes the editor's text where it belongs and closes it; a value
    /// that cannot be taken keeps the editor open with a message.
    pub(super) fn commit_editor(&mut self) {
        let Overlay::Editor(editor) = &self.overlay else {
            return;
        };
        let value = editor.text();
        let target = editor.target.clone();
        let original = editor.original.clone();
        let lang = self.lang;
        let (label, ops, focus) = match target {
            Target::Activity(id, field) => {
                let label = crate::tr!(lang, "edited", what = activity_field_key(&field));
                let value = match field {
                    ActivityField::Responsible => value
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    ActivityField::Deadline | ActivityField::Number => value.trim().to_string(),
                    _ => value,
                };
                let op = Op::Activity {
                    id: id.to_string(),
                    field,
                    old: original,
                    new: value,
                };
                (label, vec![op], Some(RowKey::Activity(id)))
            }
            Target::Section(id, field) => {
                let what = match field {
                    SectionField::Title => "section-title",
                    SectionField::Number => "section-number",
                    SectionField::Responsible => "section-responsible",
                };
                let label = crate::tr!(lang, "edited", what = what);
                let op = Op::Section {
                    id: id.to_string(),
                    field,
                    old: original,
                    new: value.trim().to_string(),
                };
                (label, vec![op], Some(RowKey::Section(id)))
            }
            Target::Meta(field) => {
                let value = match meta_value(field, &value, lang) {
                    Ok(v) => v,
                    Err(message) => return self.status.complain(message),
                };
                let old = meta_current(self, field);
                (
                    crate::tr!(lang, "edited", what = "heading"),
                    vec![Op::Meta {
                        field,
                        old,
                        new: value,
                    }],
                    None,
                )
            }
            target @ (Target::NewActivity { .. } | Target::NewSection { .. }) => {
                self.overlay = Overlay::None;
                self.drop_draft();
                return self.add_new(target, value);
            }
            Target::Search | Target::SaveAs | Target::Export | Target::MergeFile => return,
        };
        self.overlay = Overlay::None;
        self.drop_draft();
        self.apply_step(label, ops, focus);
    }

    /// Adds the new activity or section `target` names, with `value` as its
    /// text (nothing when empty); kept for the document when it is coming.
    pub(super) fn add_new(&mut self, target: Target, value: String) {
        if value.trim().is_empty() {
            return;
        }
        if self.keeps_for_doc(|| Deferred::New {
            target: target.clone(),
            text: value.clone(),
        }) {
            return;
        }
        let lang = self.lang;
        let parent = match &target {
            Target::NewActivity { section, .. } => section.as_str(),
            Target::NewSection { parent, .. } => parent.as_str(),
            _ => "",
        };
        if !parent.is_empty() && self.document.catalog.section(parent).is_none() {
            // Deleted by a step that waited for the document before this.
            let text = crate::present::fit(&crate::model::text::one_line(&value), 60);
            return self
                .status
                .complain(crate::tr!(lang, "deferred-parent-gone", text = text));
        }
        match target {
            Target::NewActivity { section, after } => {
                let activity = Activity {
                    number: self.next_number_in(section.as_str()),
                    text: value.trim().to_string(),
                    ..Activity::default()
                };
                let added = self
                    .place_among(
                        NodeKind::Activity,
                        "",
                        section.as_str(),
                        after.as_ref().map(ActivityId::as_str),
                    )
                    .and_then(|place| self.document.doc.add_activity_at(&place, &activity));
                match added {
                    Ok(id) => {
                        let op = Op::Exists {
                            kind: NodeKind::Activity,
                            id: id.clone(),
                            deleted: false,
                        };
                        self.record(
                            crate::tr!(lang, "editing-activity-added").to_string(),
                            vec![op],
                            Some(RowKey::Activity(ActivityId(id))),
                        );
                    }
                    Err(e) => self.status.complain(store_error(&e, self.lang)),
                }
            }
            Target::NewSection { parent, after } => {
                let title = value.trim();
                match self.document.doc.add_section(
                    parent.as_str(),
                    after.as_ref().map(SectionId::as_str),
                    &new_section(title, SectionKind::Section),
                ) {
                    Ok(id) => {
                        let op = Op::Exists {
                            kind: NodeKind::Section,
                            id: id.clone(),
                            deleted: false,
                        };
                        self.record(
                            crate::tr!(lang, "editing-section-added").to_string(),
                            vec![op],
                            Some(RowKey::Section(SectionId(id))),
                        );
                    }
                    Err(e) => self.status.complain(store_error(&e, self.lang)),
                }
            }
            _ => {}
        }
    }

    /// The number a new activity of `section` (`""`: outside any section)
    /// takes: the next one after its numbered activities, as `karta add`
    /// gives.
    fn next_number_in(&self, section: &str) -> String {
        let catalog = &self.document.catalog;
        let own = catalog
            .section(section)
            .map_or("", |s| s.section.number.as_str());
        let siblings = catalog.activities_in(section);
        next_number(
            own,
            siblings
                .iter()
                .map(|i| catalog.entries[*i].activity.number.as_str()),
        )
    }

    /// Closes the editor without keeping what was typed: the document was
    /// never touched, and the draft goes.
    pub(super) fn cancel_editor(&mut self) {
        if matches!(self.overlay, Overlay::Editor(_)) {
            self.overlay = Overlay::None;
            self.drop_draft();
        }
    }

    /// Keeps a paused editor's text as a draft beside the file, so a crash
    /// mid-edit loses only the last keystrokes. Called between key presses.
    pub fn tick(&mut self) {
        let (Overlay::Editor(editor), Some(path)) = (&self.overlay, &self.document.path) else {
            return;
        };
        if self.last_key.elapsed() < DRAFT_PAUSE {
            return;
        }
        let text = editor.text();
        if self.document.draft.as_ref() == Some(&text) {
            return;
        }
        match draft::keep(path, &editor.target, &text) {
            Ok(()) => self.document.draft = Some(text),
            Err(e) => self.status.complain(store_error(&e, self.lang)),
        }
    }

    /// Removes the draft kept of the editor just closed, if any.
    fn drop_draft(&mut self) {
        if self.document.draft.take().is_none() {
            return;
        }
        if let Some(path) = &self.document.path
            && let Err(e) = draft::discard(path)
        {
            self.status.complain(store_error(&e, self.lang));
        }
    }

    /// Opens the editor on a draft left beside the file by a session that
    /// ended without confirming or cancelling it.
    pub(super) fn restore_draft(&mut self) {
        let Some(path) = self.document.path.clone() else {
            return;
        };
        let Some((target, text)) = draft::find(&path) else {
            return;
        };
        self.document.draft = Some(text.clone());
        let Some(before) = self.value_of(&target) else {
            return self.drop_draft();
        };
        let mut editor = self.editor_for(target, &text);
        editor.original = before;
        self.overlay = Overlay::Editor(Box::new(editor));
        let keys = |action| {
            self.keymap
                .key_of(Mode::Edit, action)
                .map(|k| k.to_string())
                .unwrap_or_default()
        };
        let message = format!(
            "{} {} — {}, {} — {}",
            crate::tr!(self.lang, "editing-restored-the-text-typed-before"),
            keys(Action::Confirm),
            crate::tr!(self.lang, "editing-keep-it"),
            keys(Action::Cancel),
            crate::tr!(self.lang, "editing-drop-it"),
        );
        self.status.say(message);
    }

    /// Makes the ops of a step in the document, then records it.
    /// Before the document is at hand, a field edit is made early (see
    /// `early.rs`) and anything else is kept until it is (`deferred.rs`).
    pub(super) fn apply_step(&mut self, label: String, ops: Vec<Op>, focus: Option<RowKey>) {
        if !self.document.at_hand() && self.edit_early(&label, &ops, focus.clone()) {
            return;
        }
        if self.keeps_for_doc(|| Deferred::Step {
            label: label.clone(),
            ops: ops.clone(),
            focus: focus.clone(),
        }) {
            return;
        }
        for op in &ops {
            let result = op.apply(&mut self.document.doc, true);
            if let Err(e) = result {
                self.status.complain(store_error(&e, self.lang));
                break;
            }
        }
        let ops: Vec<Op> = ops.into_iter().filter(|op| !unchanged(op)).collect();
        self.record(label, ops, focus);
    }

    /// Records a step already made: undo, journal, screen.
    pub(super) fn record(&mut self, label: String, ops: Vec<Op>, focus: Option<RowKey>) {
        if ops.is_empty() {
            self.journal_changes();
            return;
        }
        self.after_change(focus, &ops);
        self.document.history.record(Step {
            label: label.clone(),
            ops,
        });
        self.status.say(label);
    }

    fn after_change(&mut self, focus: Option<RowKey>, ops: &[Op]) {
        self.journal_changes();
        self.document.unsaved = true;
        self.remark(ops);
        self.document.forget_deleted(ops);
        let fields: Option<Vec<String>> = ops
            .iter()
            .map(|op| match op {
                Op::Activity { id, .. } | Op::Comment { activity: id, .. } => Some(id.clone()),
                _ => None,
            })
            .collect();
        let patched = match fields {
            Some(ids) => {
                let patched = self.patch_activities(&ids);
                if patched
                    && self
                        .document
                        .conflicts
                        .iter()
                        .any(|c| ids.contains(&c.item.id))
                {
                    self.document
                        .refresh_conflicts_of([], ids.iter().map(String::as_str), false);
                }
                patched
            }
            None => self.patch_structure(ops),
        };
        if patched {
            self.recatalog();
        } else {
            self.reload();
        }
        if let Some(key) = focus {
            self.select_key(&key);
        }
    }

    /// Rereads just these activities from the document into the model (a
    /// field edit does not need the whole roadmap read again); false when
    /// one is not found.
    fn patch_activities(&mut self, ids: &[String]) -> bool {
        for id in ids {
            let Some(fresh) = self.document.doc.activity(id) else {
                return false;
            };
            let Some(slot) = self.document.roadmap.activity_mut(id) else {
                return false;
            };
            *slot = fresh;
        }
        true
    }

    /// Undoes the user's last step (once the document is here: kept
    /// until then, see `deferred.rs`).
    pub(super) fn undo(&mut self) {
        self.walk_history(false);
    }

    /// Redoes the last undone step (kept like [`App::undo`]).
    pub(super) fn redo(&mut self) {
        self.walk_history(true);
    }

    /// Undoes the last step, or redoes the last undone one when `redo`.
    fn walk_history(&mut self, redo: bool) {
        let lang = self.lang;
        let (kept, nothing, done) = match redo {
            false => (
                Deferred::Undo,
                crate::tr!(lang, "editing-nothing-to-undo"),
                crate::tr!(lang, "editing-undone"),
            ),
            true => (
                Deferred::Redo,
                crate::tr!(lang, "editing-nothing-to-redo"),
                crate::tr!(lang, "editing-redone"),
            ),
        };
        if !self.document.at_hand() && !self.can_replay(&kept) {
            return self.status.say(nothing);
        }
        if self.keeps_for_doc(|| kept) {
            return;
        }
        let (history, doc) = (&mut self.document.history, &mut self.document.doc);
        let walked = match redo {
            false => history.undo(doc),
            true => history.redo(doc),
        };
        match walked {
            Ok(Some(step)) => {
                self.after_change(None, &step.ops);
                self.status.say(format!("{done} {}", step.label));
            }
            Ok(None) => self.status.say(nothing),
            Err(e) => self.status.complain(store_error(&e, lang)),
        }
    }
}

/// Whether the op leaves the value as it was.
pub(super) fn unchanged(op: &Op) -> bool {
    match op {
        Op::Activity { old, new, .. }
        | Op::Section { old, new, .. }
        | Op::Meta { old, new, .. } => old == new,
        Op::Place { old, new, .. } => old == new,
        Op::Comment { old, new, .. } => old == new,
        Op::Exists { .. } | Op::Tree { .. } | Op::Approval(_) => false,
    }
}

/// The catalogue's word for an activity's field in "edited" (the status
/// line says what happened: «Срок изменён»).
fn activity_field_key(field: &ActivityField) -> &'static str {
    match field {
        ActivityField::Text => "text",
        ActivityField::Deadline => "deadline",
        ActivityField::Responsible => "responsible",
        ActivityField::Status => "status",
        ActivityField::Number => "number",
        ActivityField::Cell(_) => "cell",
    }
}
