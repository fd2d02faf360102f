//! Changes to the document from the editor: each user action becomes one
//! undo step of store edits, journaled at once, then the screen's data is
//! rebuilt.

use std::time::Duration;

use chrono::NaiveDate;

use crate::model::{Activity, SectionKind, Status, text};
use crate::store::edit::{ActivityField, MetaField, NodeKind, SectionField, new_section};

use super::app::App;
use super::overlay::{Choice, Editor, List, ListKind, Overlay, Question, Target};
use super::rows::Row;
use super::undo::{Op, Step};

/// How long typing must pause before a draft is written to the journal.
const DRAFT_PAUSE: Duration = Duration::from_millis(1500);

impl App {
    /// Opens the editor for the row under the cursor: an activity's fields,
    /// a section's title.
    pub(super) fn begin_edit(&mut self) {
        match self.current_row().cloned() {
            Some(Row::Activity { entry, .. }) => {
                let id = self.catalog.entries[entry].activity.id.clone();
                self.overlay = Overlay::List(self.activity_form(&id));
            }
            Some(Row::Section { section, .. }) => {
                let s = &self.catalog.sections[section].section;
                let target = Target::Section(s.id.clone(), SectionField::Title);
                let editor = Editor::new(
                    target,
                    self.lang.t("Название раздела", "Section title").to_string(),
                    &s.title,
                );
                self.overlay = Overlay::Editor(Box::new(editor));
            }
            _ => self.say(self.lang.t(
                "Выберите мероприятие или раздел",
                "Choose an activity or a section",
            )),
        }
    }

    fn activity_form(&self, id: &str) -> List {
        let Some(e) = self.catalog.entry(id) else {
            return List {
                kind: ListKind::ActivityForm(id.to_string()),
                title: String::new(),
                choices: Vec::new(),
                selected: 0,
            };
        };
        let a = &e.activity;
        let lang = self.lang;
        let mut choices = vec![
            choice(lang.t("Мероприятие", "Activity"), &a.text),
            choice(lang.t("Срок", "Deadline"), &a.deadline),
            choice(
                lang.t("Ответственные", "Responsible"),
                &a.responsible.join(", "),
            ),
            choice(lang.t("Статус", "Status"), status_name(a.status, lang)),
            choice(lang.t("Номер", "Number"), &a.number),
        ];
        for column in self.roadmap.columns.iter().filter(|c| c.role.is_extra()) {
            let value = a.cells.get(&column.key).map_or("", String::as_str);
            choices.push(choice(&column.title, value));
        }
        List {
            kind: ListKind::ActivityForm(id.to_string()),
            title: format!("{} {}", lang.t("Мероприятие", "Activity"), e.label),
            choices,
            selected: 0,
        }
    }

    fn heading_form(&self) -> List {
        let m = &self.roadmap.meta;
        let lang = self.lang;
        let date = |d: Option<NaiveDate>| {
            d.map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_default()
        };
        let approval_number = m
            .approval
            .as_ref()
            .map(|a| a.number.clone())
            .unwrap_or_default();
        let approval_date = date(m.approval.as_ref().and_then(|a| a.date));
        List {
            kind: ListKind::HeadingForm,
            title: lang
                .t("Заголовок дорожной карты", "Roadmap heading")
                .to_string(),
            choices: vec![
                choice(lang.t("Название", "Title"), &m.title),
                choice(lang.t("Муниципалитет", "Municipality"), &m.municipality),
                choice(lang.t("Номер приказа", "Order number"), &approval_number),
                choice(lang.t("Дата приказа", "Order date"), &approval_date),
                choice(
                    lang.t("Период с", "Period from"),
                    &date(m.period.map(|p| p.from)),
                ),
                choice(
                    lang.t("Период по", "Period to"),
                    &date(m.period.map(|p| p.to)),
                ),
                choice(lang.t("Примечания", "Notes"), &m.notes),
            ],
            selected: 0,
        }
    }

    /// Acts on the choice made in a list.
    pub(super) fn choose(&mut self) {
        let Overlay::List(list) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        let lang = self.lang;
        match list.kind {
            ListKind::ActivityForm(id) => {
                let Some(e) = self.catalog.entry(&id) else {
                    return;
                };
                let a = e.activity.clone();
                let extra: Vec<(String, String)> = self
                    .roadmap
                    .columns
                    .iter()
                    .filter(|c| c.role.is_extra())
                    .map(|c| (c.key.clone(), c.title.clone()))
                    .collect();
                let (field, title, value) = match list.selected {
                    0 => (
                        ActivityField::Text,
                        lang.t("Мероприятие", "Activity").to_string(),
                        a.text.clone(),
                    ),
                    1 => (
                        ActivityField::Deadline,
                        lang.t("Срок", "Deadline").to_string(),
                        a.deadline.clone(),
                    ),
                    2 => return self.begin_responsible(),
                    3 => return self.begin_status(),
                    4 => (
                        ActivityField::Number,
                        lang.t("Номер", "Number").to_string(),
                        a.number.clone(),
                    ),
                    n => match extra.get(n - 5) {
                        Some((key, title)) => (
                            ActivityField::Cell(key.clone()),
                            title.clone(),
                            a.cells.get(key).cloned().unwrap_or_default(),
                        ),
                        None => return,
                    },
                };
                self.overlay = Overlay::Editor(Box::new(Editor::new(
                    Target::Activity(id, field),
                    title,
                    &value,
                )));
            }
            ListKind::HeadingForm => {
                let fields = [
                    MetaField::Title,
                    MetaField::Municipality,
                    MetaField::ApprovalNumber,
                    MetaField::ApprovalDate,
                    MetaField::PeriodFrom,
                    MetaField::PeriodTo,
                    MetaField::Notes,
                ];
                let Some(field) = fields.get(list.selected).copied() else {
                    return;
                };
                let Some(c) = list.choices.get(list.selected) else {
                    return;
                };
                let value = if field == MetaField::Notes {
                    self.roadmap.meta.notes.clone()
                } else if field == MetaField::Title {
                    self.roadmap.meta.title.clone()
                } else {
                    c.value.clone()
                };
                self.overlay = Overlay::Editor(Box::new(Editor::new(
                    Target::Meta(field),
                    c.label.clone(),
                    &value,
                )));
            }
            ListKind::Status(id) => {
                let Some(status) = Status::ALL.get(list.selected).copied() else {
                    return;
                };
                let Some(old) = self.catalog.entry(&id).map(|e| e.activity.status) else {
                    return;
                };
                let op = Op::Activity {
                    id: id.clone(),
                    field: ActivityField::Status,
                    old: old.as_str().to_string(),
                    new: status.as_str().to_string(),
                };
                let label = format!(
                    "{}: {}",
                    lang.t("Статус", "Status"),
                    status_name(status, lang)
                );
                self.apply_step(label, vec![op], Some(format!("a:{id}")));
            }
            ListKind::MoveTarget { id, section } => {
                let Some(target) = self
                    .catalog
                    .sections
                    .get(list.selected)
                    .map(|s| s.section.id.clone())
                else {
                    return;
                };
                self.move_into(&id, section, &target);
            }
            ListKind::Filter => {}
            ListKind::Conflicts => self.show_conflict_values(list.selected),
            ListKind::ConflictValues(index) => self.resolve_conflict(index, list.selected),
        }
    }

    /// Starts adding an activity below the cursor.
    pub(super) fn begin_add_activity(&mut self) {
        let (section, after) = match self.current_row() {
            Some(Row::Activity { entry, .. }) => {
                let e = &self.catalog.entries[*entry];
                (e.section.clone(), Some(e.activity.id.clone()))
            }
            Some(Row::Section { section, .. }) => {
                (self.catalog.sections[*section].section.id.clone(), None)
            }
            _ if self.rows.is_empty() => (String::new(), None),
            _ => {
                return self.say(self.lang.t(
                    "Выберите раздел или мероприятие",
                    "Choose a section or an activity",
                ));
            }
        };
        let title = self.lang.t("Новое мероприятие", "New activity").to_string();
        self.overlay = Overlay::Editor(Box::new(Editor::new(
            Target::NewActivity { section, after },
            title,
            "",
        )));
    }

    /// Starts adding a section after the cursor's section.
    pub(super) fn begin_add_section(&mut self) {
        let (parent, after) = match self.current_section().map(|i| &self.catalog.sections[i]) {
            Some(s) => (s.parent.clone(), Some(s.section.id.clone())),
            None => (
                String::new(),
                self.catalog
                    .children_of("")
                    .last()
                    .map(|i| self.catalog.sections[*i].section.id.clone()),
            ),
        };
        let title = self.lang.t("Новый раздел", "New section").to_string();
        self.overlay = Overlay::Editor(Box::new(Editor::new(
            Target::NewSection { parent, after },
            title,
            "",
        )));
    }

    /// Asks before deleting the row under the cursor.
    pub(super) fn ask_delete(&mut self) {
        let lang = self.lang;
        match self.current_row().cloned() {
            Some(Row::Activity { entry, .. }) => {
                let e = &self.catalog.entries[entry];
                let text = format!(
                    "{} {} «{}»?",
                    lang.t("Удалить мероприятие", "Delete activity"),
                    e.label,
                    crate::report::fit(&text::one_line(&e.activity.text), 60)
                );
                self.overlay =
                    Overlay::Confirm(Question::DeleteActivity(e.activity.id.clone()), text);
            }
            Some(Row::Section { section, .. }) => {
                let s = &self.catalog.sections[section];
                let text = match lang {
                    crate::i18n::Lang::Ru => format!(
                        "Удалить раздел «{}» и всё в нём ({})?",
                        crate::report::fit(&s.heading(), 60),
                        crate::plural::activities(s.activities)
                    ),
                    crate::i18n::Lang::En => format!(
                        "Delete section «{}» and all in it ({} activities)?",
                        crate::report::fit(&s.heading(), 60),
                        s.activities
                    ),
                };
                self.overlay =
                    Overlay::Confirm(Question::DeleteSection(s.section.id.clone()), text);
            }
            _ => {}
        }
    }

    pub(super) fn delete_activity(&mut self, id: &str) {
        let op = Op::Exists {
            kind: NodeKind::Activity,
            id: id.to_string(),
            deleted: true,
        };
        self.apply_step(
            self.lang
                .t("Удаление мероприятия", "Activity deleted")
                .to_string(),
            vec![op],
            None,
        );
    }

    pub(super) fn delete_section(&mut self, id: &str) {
        let sections = self.catalog.subtree(id);
        let mut ops: Vec<Op> = self
            .catalog
            .entries
            .iter()
            .filter(|e| sections.contains(&e.section))
            .map(|e| Op::Exists {
                kind: NodeKind::Activity,
                id: e.activity.id.clone(),
                deleted: true,
            })
            .collect();
        ops.extend(sections.iter().rev().map(|s| Op::Exists {
            kind: NodeKind::Section,
            id: s.clone(),
            deleted: true,
        }));
        self.apply_step(
            self.lang
                .t("Удаление раздела", "Section deleted")
                .to_string(),
            ops,
            None,
        );
    }

    /// Opens the list of sections to move the row to.
    pub(super) fn begin_move(&mut self) {
        let (id, section) = match self.current_row() {
            Some(Row::Activity { entry, .. }) => {
                (self.catalog.entries[*entry].activity.id.clone(), false)
            }
            Some(Row::Section { section, .. }) => {
                (self.catalog.sections[*section].section.id.clone(), true)
            }
            _ => return,
        };
        let choices = self
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
            kind: ListKind::MoveTarget { id, section },
            title: self
                .lang
                .t("Перенести в раздел", "Move to section")
                .to_string(),
            choices,
            selected: self.current_section().unwrap_or(0),
        });
    }

    fn move_into(&mut self, id: &str, is_section: bool, target: &str) {
        let kind = if is_section {
            NodeKind::Section
        } else {
            NodeKind::Activity
        };
        if is_section && self.catalog.subtree(id).iter().any(|s| s == target) {
            return self.complain(self.lang.t(
                "Раздел нельзя перенести в самого себя",
                "A section cannot move into itself",
            ));
        }
        let last = if is_section {
            self.catalog
                .children_of(target)
                .last()
                .map(|i| self.catalog.sections[*i].section.id.clone())
        } else {
            self.catalog
                .activities_in(target)
                .last()
                .map(|i| self.catalog.entries[*i].activity.id.clone())
        };
        self.place_after(kind, id, target, last.as_deref());
    }

    /// Moves the row one place up or down among its siblings.
    pub(super) fn shift(&mut self, down: bool) {
        let (kind, id, parent, siblings) = match self.current_row() {
            Some(Row::Activity { entry, .. }) => {
                let e = &self.catalog.entries[*entry];
                let ids: Vec<String> = self
                    .catalog
                    .activities_in(&e.section)
                    .iter()
                    .map(|i| self.catalog.entries[*i].activity.id.clone())
                    .collect();
                (
                    NodeKind::Activity,
                    e.activity.id.clone(),
                    e.section.clone(),
                    ids,
                )
            }
            Some(Row::Section { section, .. }) => {
                let s = &self.catalog.sections[*section];
                let ids: Vec<String> = self
                    .catalog
                    .children_of(&s.parent)
                    .iter()
                    .map(|i| self.catalog.sections[*i].section.id.clone())
                    .collect();
                (
                    NodeKind::Section,
                    s.section.id.clone(),
                    s.parent.clone(),
                    ids,
                )
            }
            _ => return,
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
        self.place_after(kind, &id, &parent, after.as_deref());
    }

    fn place_after(&mut self, kind: NodeKind, id: &str, parent: &str, after: Option<&str>) {
        let old = match self.doc.place(kind, id) {
            Ok(p) => p,
            Err(e) => return self.complain(e.to_string()),
        };
        if let Err(e) = self.doc.move_node(kind, id, parent, after) {
            return self.complain(e.to_string());
        }
        let new = match self.doc.place(kind, id) {
            Ok(p) => p,
            Err(e) => return self.complain(e.to_string()),
        };
        let prefix = if kind == NodeKind::Section { "s" } else { "a" };
        let op = Op::Place {
            kind,
            id: id.to_string(),
            old,
            new,
        };
        self.record(
            self.lang.t("Перенос", "Move").to_string(),
            vec![op],
            Some(format!("{prefix}:{id}")),
        );
    }

    /// Opens the status list for the activity under the cursor.
    pub(super) fn begin_status(&mut self) {
        let Some(entry) = self.current_entry() else {
            return self.say(self.lang.t("Выберите мероприятие", "Choose an activity"));
        };
        let a = &self.catalog.entries[entry].activity;
        let choices = Status::ALL
            .iter()
            .map(|s| Choice {
                label: status_name(*s, self.lang).to_string(),
                value: String::new(),
                depth: 0,
            })
            .collect();
        self.overlay = Overlay::List(List {
            kind: ListKind::Status(a.id.clone()),
            title: self.lang.t("Статус", "Status").to_string(),
            choices,
            selected: Status::ALL.iter().position(|s| *s == a.status).unwrap_or(0),
        });
    }

    /// Opens the responsible list of the activity under the cursor, one
    /// entry per line, with completion from the people in the roadmap.
    pub(super) fn begin_responsible(&mut self) {
        let Some(entry) = self.current_entry() else {
            return self.say(self.lang.t("Выберите мероприятие", "Choose an activity"));
        };
        let a = &self.catalog.entries[entry].activity;
        let target = Target::Activity(a.id.clone(), ActivityField::Responsible);
        let title = self
            .lang
            .t(
                "Ответственные (по одному в строке, Tab — дополнить)",
                "Responsible (one per line, Tab completes)",
            )
            .to_string();
        let mut editor = Editor::new(target, title, &a.responsible.join("\n"));
        editor.suggestions = self.catalog.names();
        self.overlay = Overlay::Editor(Box::new(editor));
    }

    /// Opens the heading form.
    pub(super) fn begin_heading(&mut self) {
        self.overlay = Overlay::List(self.heading_form());
    }

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
                    id: id.clone(),
                    field,
                    old: original,
                    new: value,
                };
                (
                    lang.t("Изменение", "Edit").to_string(),
                    vec![op],
                    Some(format!("a:{id}")),
                )
            }
            Target::Section(id, field) => {
                let op = Op::Section {
                    id: id.clone(),
                    field,
                    old: original,
                    new: value.trim().to_string(),
                };
                (
                    lang.t("Изменение раздела", "Section edited").to_string(),
                    vec![op],
                    Some(format!("s:{id}")),
                )
            }
            Target::Meta(field) => {
                let value = match meta_value(field, &value, lang) {
                    Ok(v) => v,
                    Err(message) => return self.complain(message),
                };
                let old = meta_current(self, field);
                (
                    lang.t("Изменение заголовка", "Heading edited").to_string(),
                    vec![Op::Meta {
                        field,
                        old,
                        new: value,
                    }],
                    None,
                )
            }
            Target::NewActivity { section, after } => {
                self.overlay = Overlay::None;
                if value.trim().is_empty() {
                    return;
                }
                let activity = Activity {
                    text: value.trim().to_string(),
                    ..Activity::default()
                };
                return match self.doc.add_activity(&section, after.as_deref(), &activity) {
                    Ok(id) => {
                        let op = Op::Exists {
                            kind: NodeKind::Activity,
                            id: id.clone(),
                            deleted: false,
                        };
                        self.record(
                            lang.t("Добавлено мероприятие", "Activity added")
                                .to_string(),
                            vec![op],
                            Some(format!("a:{id}")),
                        );
                    }
                    Err(e) => self.complain(e.to_string()),
                };
            }
            Target::NewSection { parent, after } => {
                self.overlay = Overlay::None;
                let title = value.trim();
                if title.is_empty() {
                    return;
                }
                return match self.doc.add_section(
                    &parent,
                    after.as_deref(),
                    &new_section(title, SectionKind::Section),
                ) {
                    Ok(id) => {
                        let op = Op::Exists {
                            kind: NodeKind::Section,
                            id: id.clone(),
                            deleted: false,
                        };
                        self.record(
                            lang.t("Добавлен раздел", "Section added").to_string(),
                            vec![op],
                            Some(format!("s:{id}")),
                        );
                    }
                    Err(e) => self.complain(e.to_string()),
                };
            }
            Target::Search | Target::SaveAs | Target::MergeFile => return,
        };
        self.overlay = Overlay::None;
        self.draft_flushed = false;
        self.apply_step(label, ops, focus);
    }

    /// Closes the editor without keeping what was typed (a draft already
    /// journaled is taken back).
    pub(super) fn cancel_editor(&mut self) {
        let Overlay::Editor(editor) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        if self.draft_flushed {
            self.draft_flushed = false;
            if let Some(Err(e)) = write_target(self, &editor.target, &editor.original) {
                self.complain(e.to_string());
            }
            self.journal_changes();
        }
    }

    /// Writes a paused draft into the document and the journal, so a crash
    /// mid-edit loses only the last keystrokes. Called between key presses.
    pub fn tick(&mut self) {
        let Overlay::Editor(editor) = &self.overlay else {
            return;
        };
        if self.last_key.elapsed() < DRAFT_PAUSE {
            return;
        }
        let text = editor.text();
        let target = editor.target.clone();
        let Some(result) = write_target(self, &target, &text) else {
            return;
        };
        match result {
            Ok(true) => {
                self.draft_flushed = true;
                self.journal_changes();
                self.unsaved = true;
            }
            Ok(false) => {}
            Err(e) => self.complain(e.to_string()),
        }
    }

    /// Makes the ops of a step in the document, then records it.
    fn apply_step(&mut self, label: String, ops: Vec<Op>, focus: Option<String>) {
        for op in &ops {
            let result = match op {
                Op::Activity { id, field, new, .. } => {
                    self.doc.set_activity_field(id, field, new).map(|_| ())
                }
                Op::Section { id, field, new, .. } => {
                    self.doc.set_section_field(id, *field, new).map(|_| ())
                }
                Op::Meta { field, new, .. } => self.doc.set_meta(*field, new).map(|_| ()),
                Op::Place { kind, id, new, .. } => self.doc.set_place(*kind, id, new),
                Op::Exists { kind, id, deleted } => self.doc.set_deleted(*kind, id, *deleted),
            };
            if let Err(e) = result {
                self.complain(e.to_string());
                break;
            }
        }
        let ops: Vec<Op> = ops.into_iter().filter(|op| !unchanged(op)).collect();
        self.record(label, ops, focus);
    }

    /// Records a step already made: undo, journal, screen.
    fn record(&mut self, label: String, ops: Vec<Op>, focus: Option<String>) {
        if ops.is_empty() {
            self.journal_changes();
            return;
        }
        self.after_change(focus, &ops);
        self.history.record(Step {
            label: label.clone(),
            ops,
        });
        self.say(label);
    }

    fn after_change(&mut self, focus: Option<String>, ops: &[Op]) {
        self.journal_changes();
        self.unsaved = true;
        let fields: Option<Vec<String>> = ops
            .iter()
            .map(|op| match op {
                Op::Activity { id, .. } => Some(id.clone()),
                _ => None,
            })
            .collect();
        match fields {
            Some(ids) if self.patch_activities(&ids) => {
                if self.conflicts.iter().any(|c| ids.contains(&c.item.id)) {
                    self.refresh_conflicts();
                }
                self.recatalog();
            }
            _ => self.reload(),
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
            let Some(fresh) = self.doc.activity(id) else {
                return false;
            };
            let Some(slot) = self.roadmap.activity_mut(id) else {
                return false;
            };
            *slot = fresh;
        }
        true
    }

    /// Undoes the user's last step.
    pub(super) fn undo(&mut self) {
        match self.history.undo(&mut self.doc) {
            Ok(Some(step)) => {
                self.after_change(None, &step.ops);
                self.say(format!(
                    "{} {}",
                    self.lang.t("Отменено:", "Undone:"),
                    step.label
                ));
            }
            Ok(None) => self.say(self.lang.t("Нечего отменять", "Nothing to undo")),
            Err(e) => self.complain(e.to_string()),
        }
    }

    /// Redoes the last undone step.
    pub(super) fn redo(&mut self) {
        match self.history.redo(&mut self.doc) {
            Ok(Some(step)) => {
                self.after_change(None, &step.ops);
                self.say(format!(
                    "{} {}",
                    self.lang.t("Возвращено:", "Redone:"),
                    step.label
                ));
            }
            Ok(None) => self.say(self.lang.t("Нечего возвращать", "Nothing to redo")),
            Err(e) => self.complain(e.to_string()),
        }
    }
}

fn choice(label: &str, value: &str) -> Choice {
    Choice {
        label: label.to_string(),
        value: text::one_line(value),
        depth: 0,
    }
}

/// A status in the interface language.
pub fn status_name(status: Status, lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::Ru => status.russian(),
        crate::i18n::Lang::En => match status {
            Status::Planned => "planned",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        },
    }
}

fn unchanged(op: &Op) -> bool {
    match op {
        Op::Activity { old, new, .. }
        | Op::Section { old, new, .. }
        | Op::Meta { old, new, .. } => old == new,
        Op::Place { old, new, .. } => old == new,
        Op::Exists { .. } => false,
    }
}

/// Writes a text straight to an editable target (drafts and cancels);
/// None for targets that are not fields.
fn write_target(
    app: &mut App,
    target: &Target,
    value: &str,
) -> Option<Result<bool, crate::store::StoreError>> {
    Some(match target {
        Target::Activity(id, field) => app.doc.set_activity_field(id, field, value),
        Target::Section(id, field) => app.doc.set_section_field(id, *field, value),
        Target::Meta(MetaField::Notes) => app.doc.set_meta(MetaField::Notes, value),
        _ => return None,
    })
}

/// The stored form of a heading value: dates as YYYY-MM-DD.
fn meta_value(field: MetaField, value: &str, lang: crate::i18n::Lang) -> Result<String, String> {
    let is_date = matches!(
        field,
        MetaField::ApprovalDate | MetaField::PeriodFrom | MetaField::PeriodTo
    );
    let value = value.trim();
    if !is_date || value.is_empty() {
        return Ok(if field == MetaField::Notes {
            value.to_string()
        } else {
            text::one_line(value)
        });
    }
    ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(value, f).ok())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .ok_or_else(|| {
            format!(
                "«{value}»: {}",
                lang.t("не дата; пишите ДД.ММ.ГГГГ", "not a date; write DD.MM.YYYY")
            )
        })
}

/// The stored value of a heading field now.
fn meta_current(app: &App, field: MetaField) -> String {
    let m = &app.roadmap.meta;
    let iso = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    match field {
        MetaField::Title => m.title.clone(),
        MetaField::Municipality => m.municipality.clone(),
        MetaField::ApprovalNumber => m
            .approval
            .as_ref()
            .map(|a| a.number.clone())
            .unwrap_or_default(),
        MetaField::ApprovalDate => iso(m.approval.as_ref().and_then(|a| a.date)),
        MetaField::PeriodFrom => iso(m.period.map(|p| p.from)),
        MetaField::PeriodTo => iso(m.period.map(|p| p.to)),
        MetaField::Notes => m.notes.clone(),
    }
}
