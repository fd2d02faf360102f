//! Changes to the shape of the roadmap from the editor: adding, deleting
//! and moving activities and sections.

use crate::model::{position, text};
use crate::present::errors::store_error;
use crate::store::StoreError;
use crate::store::write::edit::{NodeKind, Place};

use super::action::{Action, Mode};
use super::app::App;
use super::deferred::Deferred;
use super::ids::{ActivityId, RowKey, SectionId};
use super::overlay::{Asking, Choice, List, ListKind, Overlay, Question};
use super::rows::Row;
use super::target::Target;
use super::undo::Op;

impl App {
    /// Starts adding an activity below the cursor.
    pub(super) fn begin_add_activity(&mut self) {
        let (section, after) = match self.current_row() {
            Some(Row::Activity { entry, .. }) => {
                let e = &self.document.catalog.entries[*entry];
                (e.section_id(), Some(e.id()))
            }
            Some(Row::Section { section, .. }) => {
                (self.document.catalog.sections[*section].id(), None)
            }
            _ if self.views.rows.is_empty() => (SectionId(String::new()), None),
            _ => {
                return self
                    .status
                    .say(crate::tr!(self.lang, "structure-choose-a-section-or-an"));
            }
        };
        self.edit_target(Target::NewActivity { section, after });
    }

    /// Starts adding a section after the cursor's section.
    pub(super) fn begin_add_section(&mut self) {
        let (parent, after) = match self
            .current_section()
            .map(|i| &self.document.catalog.sections[i])
        {
            Some(s) => (s.parent_id(), Some(s.id())),
            None => (
                SectionId(String::new()),
                self.document
                    .catalog
                    .children_of("")
                    .last()
                    .map(|i| self.document.catalog.sections[*i].id()),
            ),
        };
        self.edit_target(Target::NewSection { parent, after });
    }

    /// Asks before deleting the row under the cursor.
    pub(super) fn ask_delete(&mut self) {
        let lang = self.lang;
        match self.current_row().cloned() {
            Some(Row::Activity { entry, .. }) => {
                let e = &self.document.catalog.entries[entry];
                let text = format!(
                    "{} {} «{}»?",
                    crate::tr!(lang, "structure-delete-activity"),
                    e.label,
                    crate::present::fit(&text::one_line(&e.activity.text), 60)
                );
                self.overlay = Overlay::Question(Asking {
                    question: Question::DeleteActivity(e.id()),
                    text,
                });
            }
            Some(Row::Section { section, .. }) => {
                let s = &self.document.catalog.sections[section];
                let bin = self
                    .keymap
                    .key_of(Mode::Normal, Action::Trash)
                    .map(|k| format!(" ({k})"))
                    .unwrap_or_default();
                let text = crate::tr!(
                    lang,
                    "ask-delete-section",
                    section = crate::present::fit(&s.heading(), 60),
                    count = s.activities,
                    bin = bin
                );
                self.overlay = Overlay::Question(Asking {
                    question: Question::DeleteSection(s.id()),
                    text,
                });
            }
            Some(Row::Group { .. }) | None => {}
        }
    }

    /// Deletes an activity (a tombstone, undoable).
    pub(super) fn delete_activity(&mut self, id: &ActivityId) {
        let op = Op::Exists {
            kind: NodeKind::Activity,
            id: id.to_string(),
            deleted: true,
        };
        self.apply_step(crate::tr!(self.lang, "activity-deleted"), vec![op], None);
    }

    /// Deletes a section with every section and activity below it, as one
    /// change: the recycle bin lists it as one deletion and restores it
    /// whole.
    pub(super) fn delete_section(&mut self, id: &SectionId) {
        let label = crate::tr!(self.lang, "section-deleted");
        self.tree_step(NodeKind::Section, id.as_str(), true, label, None);
    }

    /// Deletes (`deleted`) or restores a node with what goes with it, as
    /// one change and one undo step.
    pub(super) fn tree_step(
        &mut self,
        kind: NodeKind,
        id: &str,
        deleted: bool,
        label: String,
        focus: Option<RowKey>,
    ) {
        let made = match deleted {
            true => self.document.doc.delete_tree(kind, id),
            false => self.document.doc.restore(kind, id),
        };
        match made {
            Ok(nodes) => {
                let op = Op::Tree {
                    kind,
                    id: id.to_string(),
                    nodes,
                    deleted,
                };
                self.record(label, vec![op], focus);
            }
            Err(e) => self.status.complain(store_error(&e, self.lang)),
        }
    }

    /// Opens the list of sections to move the row to.
    pub(super) fn begin_move(&mut self) {
        let kind = match self.current_row() {
            Some(Row::Activity { entry, .. }) => {
                ListKind::MoveActivity(self.document.catalog.entries[*entry].id())
            }
            Some(Row::Section { section, .. }) => {
                ListKind::MoveSection(self.document.catalog.sections[*section].id())
            }
            _ => return,
        };
        let choices = self
            .document
            .catalog
            .sections
            .iter()
            .map(|s| Choice {
                label: s.heading(),
                value: String::new(),
                depth: s.depth,
            })
            .collect();
        self.overlay = Overlay::List(List {
            kind,
            title: crate::tr!(self.lang, "structure-move-to-section").to_string(),
            choices,
            selected: self.current_section().unwrap_or(0),
        });
    }

    /// Moves an activity to the end of section `target`.
    pub(super) fn move_activity_into(&mut self, id: &ActivityId, target: &SectionId) {
        if self.keeps_for_doc(|| Deferred::MoveInto {
            kind: NodeKind::Activity,
            id: id.to_string(),
            target: target.clone(),
        }) {
            return;
        }
        let last = self
            .document
            .catalog
            .activities_in(target.as_str())
            .last()
            .map(|i| self.document.catalog.entries[*i].activity.id.clone());
        self.place_after(
            NodeKind::Activity,
            id.as_str(),
            target.as_str(),
            last.as_deref(),
        );
    }

    /// Moves a section, with everything in it, to the end of section
    /// `target`, unless that is inside it as the document records it (a
    /// section shown flattened or on a broken cycle may sit elsewhere on
    /// screen).
    pub(super) fn move_section_into(&mut self, id: &SectionId, target: &SectionId) {
        if self.keeps_for_doc(|| Deferred::MoveInto {
            kind: NodeKind::Section,
            id: id.to_string(),
            target: target.clone(),
        }) {
            return;
        }
        if self.document.doc.is_within(target.as_str(), id.as_str()) {
            return self
                .status
                .complain(store_error(&StoreError::IntoItself, self.lang));
        }
        let last = self
            .document
            .catalog
            .children_of(target.as_str())
            .last()
            .map(|i| self.document.catalog.sections[*i].section.id.clone());
        self.place_after(
            NodeKind::Section,
            id.as_str(),
            target.as_str(),
            last.as_deref(),
        );
    }

    /// Moves the row one place up or down among its siblings.
    pub(super) fn shift(&mut self, down: bool) {
        let (kind, id) = match self.current_row() {
            Some(Row::Activity { entry, .. }) => (
                NodeKind::Activity,
                self.document.catalog.entries[*entry].activity.id.clone(),
            ),
            Some(Row::Section { section, .. }) => (
                NodeKind::Section,
                self.document.catalog.sections[*section].section.id.clone(),
            ),
            _ => return,
        };
        if self.keeps_for_doc(|| Deferred::Shift {
            kind,
            id: id.clone(),
            down,
        }) {
            return;
        }
        self.shift_node(kind, &id, down);
    }

    /// Moves a node one place up or down among its siblings as the screen
    /// shows them now.
    pub(super) fn shift_node(&mut self, kind: NodeKind, id: &str, down: bool) {
        let catalog = &self.document.catalog;
        let (parent, siblings): (String, Vec<String>) = match kind {
            NodeKind::Activity => {
                let Some(e) = catalog.entry(id) else {
                    return;
                };
                let ids = catalog
                    .activities_in(&e.section)
                    .iter()
                    .map(|i| catalog.entries[*i].activity.id.clone())
                    .collect();
                (e.section.clone(), ids)
            }
            NodeKind::Section => {
                let Some(s) = catalog.section(id) else {
                    return;
                };
                let ids = catalog
                    .children_of(&s.parent)
                    .iter()
                    .map(|i| catalog.sections[*i].section.id.clone())
                    .collect();
                (s.parent.clone(), ids)
            }
        };
        let Some(i) = siblings.iter().position(|s| *s == id) else {
            return;
        };
        let after = match (down, i) {
            (true, i) if i + 1 < siblings.len() => Some(siblings[i + 1].clone()),
            (false, i) if i >= 2 => Some(siblings[i - 2].clone()),
            (false, 1) => None,
            _ => return,
        };
        self.place_after(kind, id, &parent, after.as_deref());
    }

    /// Where a node put under `parent` right after its sibling `after`
    /// (None: first) goes, from the siblings the screen shows (the document
    /// has the same ones), leaving `id` itself out: no scan of the whole
    /// document.
    pub(super) fn place_among(
        &self,
        kind: NodeKind,
        id: &str,
        parent: &str,
        after: Option<&str>,
    ) -> Result<Place, StoreError> {
        let siblings: Vec<&str> = match kind {
            NodeKind::Activity => self
                .document
                .catalog
                .activities_in(parent)
                .into_iter()
                .map(|i| self.document.catalog.entries[i].activity.id.as_str())
                .collect(),
            NodeKind::Section => self
                .document
                .catalog
                .children_of(parent)
                .into_iter()
                .map(|i| self.document.catalog.sections[i].section.id.as_str())
                .collect(),
        };
        let siblings: Vec<&str> = siblings.into_iter().filter(|s| *s != id).collect();
        let index = after.and_then(|a| siblings.iter().position(|s| *s == a));
        let (before, next) = match index {
            Some(i) => (Some(siblings[i]), siblings.get(i + 1).copied()),
            None => (None, siblings.first().copied()),
        };
        let pos_of = |sibling: Option<&str>| -> Result<Option<String>, StoreError> {
            sibling
                .map(|s| self.document.doc.place(kind, s).map(|p| p.pos))
                .transpose()
        };
        let (before, next) = (pos_of(before)?, pos_of(next)?);
        Ok(Place {
            parent: parent.to_string(),
            pos: position::between(before.as_deref(), next.as_deref()),
        })
    }

    fn place_after(&mut self, kind: NodeKind, id: &str, parent: &str, after: Option<&str>) {
        let old = match self.document.doc.place(kind, id) {
            Ok(p) => p,
            Err(e) => return self.status.complain(store_error(&e, self.lang)),
        };
        let new = match self.place_among(kind, id, parent, after) {
            Ok(p) => p,
            Err(e) => return self.status.complain(store_error(&e, self.lang)),
        };
        if let Err(e) = self.document.doc.set_place(kind, id, &new) {
            return self.status.complain(store_error(&e, self.lang));
        }
        let focus = match kind {
            NodeKind::Section => RowKey::Section(SectionId(id.to_string())),
            NodeKind::Activity => RowKey::Activity(ActivityId(id.to_string())),
        };
        let op = Op::Place {
            kind,
            id: id.to_string(),
            old,
            new,
        };
        self.record(
            crate::tr!(self.lang, "structure-move").to_string(),
            vec![op],
            Some(focus),
        );
    }

    /// Asks before renumbering the whole roadmap.
    pub(super) fn ask_renumber(&mut self) {
        let text = crate::tr!(self.lang, "structure-renumber-the-whole-roadmap-1");
        self.overlay = Overlay::Question(Asking {
            question: Question::Renumber,
            text: text.to_string(),
        });
    }

    /// Renumbers the roadmap as one change; undo puts every old number back.
    pub(super) fn renumber(&mut self) {
        let before = numbers(&self.document.roadmap);
        if let Err(e) = self.document.doc.renumber() {
            self.status.complain(store_error(&e, self.lang));
            return;
        }
        let after: std::collections::HashMap<String, String> =
            numbers(&self.document.doc.roadmap())
                .into_iter()
                .map(|(id, _, number)| (id, number))
                .collect();
        let ops: Vec<Op> = before
            .into_iter()
            .filter_map(|(id, kind, old)| {
                let new = after.get(&id)?.clone();
                (new != old).then_some(match kind {
                    NodeKind::Activity => Op::Activity {
                        id,
                        field: crate::store::write::edit::ActivityField::Number,
                        old,
                        new,
                    },
                    NodeKind::Section => Op::Section {
                        id,
                        field: crate::store::write::edit::SectionField::Number,
                        old,
                        new,
                    },
                })
            })
            .collect();
        let label = crate::tr!(self.lang, "renumbered", count = ops.len());
        self.record(label, ops, None);
    }
}

/// Every item's id, kind and number, in reading order.
fn numbers(roadmap: &crate::model::Roadmap) -> Vec<(String, NodeKind, String)> {
    let mut out: Vec<(String, NodeKind, String)> = roadmap
        .activities
        .iter()
        .map(|a| (a.id.clone(), NodeKind::Activity, a.number.clone()))
        .collect();
    let mut stack: Vec<&crate::model::Section> = roadmap.sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        out.push((s.id.clone(), NodeKind::Section, s.number.clone()));
        out.extend(
            s.activities
                .iter()
                .map(|a| (a.id.clone(), NodeKind::Activity, a.number.clone())),
        );
        stack.extend(s.sections.iter().rev());
    }
    out
}
