//! The forms and lists that start an edit: an activity's fields, the
//! heading, statuses, responsible with completion; and the words for values
//! shown in them.

use crate::model::{Status, text};
use crate::store::write::edit::{ActivityField, MetaField, SectionField};

use super::app::App;
use super::ids::RowKey;
use super::overlay::{Choice, List, ListKind, Overlay};
use super::rows::Row;
use super::target::{Target, meta_label, meta_shown};
use super::undo::Op;

impl App {
    /// Opens the editor for the row under the cursor: an activity's fields,
    /// a section's title.
    pub(super) fn begin_edit(&mut self) {
        match self.current_row().cloned() {
            Some(Row::Activity { entry, .. }) => {
                self.overlay = Overlay::List(self.activity_form(entry));
            }
            Some(Row::Section { section, .. }) => {
                let id = self.document.catalog.sections[section].id();
                self.edit_target(Target::Section(id, SectionField::Title));
            }
            _ => self
                .status
                .say(crate::tr!(self.lang, "forms-choose-an-activity-or-a")),
        }
    }

    fn activity_form(&self, entry: usize) -> List {
        let e = &self.document.catalog.entries[entry];
        let a = &e.activity;
        let lang = self.lang;
        let mut choices = vec![
            choice(&crate::tr!(lang, "forms-activity"), &a.text),
            choice(&crate::tr!(lang, "filter-deadline"), &a.deadline),
            choice(
                &crate::tr!(lang, "forms-responsible"),
                &a.responsible.join(", "),
            ),
            choice(
                &crate::tr!(lang, "filter-status"),
                status_name(&a.status, lang),
            ),
            choice(&crate::tr!(lang, "forms-number"), &a.number),
        ];
        for column in self
            .document
            .roadmap
            .columns
            .iter()
            .filter(|c| c.role.is_extra())
        {
            let value = a.cells.get(&column.key).map_or("", String::as_str);
            choices.push(choice(&column.title, value));
        }
        List {
            kind: ListKind::ActivityForm(e.id()),
            title: format!("{} {}", crate::tr!(lang, "forms-activity"), e.label),
            choices,
            selected: 0,
        }
    }

    fn heading_form(&self) -> List {
        let lang = self.lang;
        List {
            kind: ListKind::HeadingForm,
            title: crate::tr!(lang, "forms-roadmap-heading").to_string(),
            choices: MetaField::ALL
                .iter()
                .map(|f| choice(&meta_label(*f, lang), &meta_shown(self, *f)))
                .collect(),
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
                let field = match list.selected {
                    0 => ActivityField::Text,
                    1 => ActivityField::Deadline,
                    2 => return self.begin_responsible(),
                    3 => return self.begin_status(),
                    4 => ActivityField::Number,
                    n => match self.extra_columns().nth(n - 5) {
                        Some(key) => ActivityField::Cell(key),
                        None => return,
                    },
                };
                self.edit_target(Target::Activity(id, field));
            }
            ListKind::HeadingForm => {
                if let Some(field) = MetaField::ALL.get(list.selected) {
                    self.edit_target(Target::Meta(*field));
                }
            }
            ListKind::Status(id) => {
                let Some(status) = Status::ALL.get(list.selected).cloned() else {
                    return;
                };
                let Some(old) = self
                    .document
                    .catalog
                    .entry(id.as_str())
                    .map(|e| e.activity.status.clone())
                else {
                    return;
                };
                let op = Op::Activity {
                    id: id.to_string(),
                    field: ActivityField::Status,
                    old: old.as_str().to_string(),
                    new: status.as_str().to_string(),
                };
                let label = format!(
                    "{}: {}",
                    crate::tr!(lang, "filter-status"),
                    status_name(&status, lang)
                );
                self.apply_step(label, vec![op], Some(RowKey::Activity(id)));
            }
            ListKind::MoveActivity(id) => {
                if let Some(target) = self
                    .document
                    .catalog
                    .sections
                    .get(list.selected)
                    .map(|s| s.id())
                {
                    self.move_activity_into(&id, &target);
                }
            }
            ListKind::MoveSection(id) => {
                if let Some(target) = self
                    .document
                    .catalog
                    .sections
                    .get(list.selected)
                    .map(|s| s.id())
                {
                    self.move_section_into(&id, &target);
                }
            }
            ListKind::Conflicts => self.show_conflict_values(list.selected),
            ListKind::Comments(id) => self.choose_comment(id, list.selected),
        }
    }

    /// Opens the status list for the activity under the cursor.
    pub(super) fn begin_status(&mut self) {
        let Some(entry) = self.current_entry() else {
            return self
                .status
                .say(crate::tr!(self.lang, "forms-choose-an-activity"));
        };
        let e = &self.document.catalog.entries[entry];
        let choices = Status::ALL
            .iter()
            .map(|s| Choice {
                label: status_name(s, self.lang).to_string(),
                value: String::new(),
                depth: 0,
            })
            .collect();
        self.overlay = Overlay::List(List {
            kind: ListKind::Status(e.id()),
            title: crate::tr!(self.lang, "filter-status").to_string(),
            choices,
            selected: Status::ALL
                .iter()
                .position(|s| *s == e.activity.status)
                .unwrap_or(0),
        });
    }

    /// Opens the responsible list of the activity under the cursor, one
    /// entry per line, with completion from the people in the roadmap.
    pub(super) fn begin_responsible(&mut self) {
        let Some(entry) = self.current_entry() else {
            return self
                .status
                .say(crate::tr!(self.lang, "forms-choose-an-activity"));
        };
        let id = self.document.catalog.entries[entry].id();
        self.edit_target(Target::Activity(id, ActivityField::Responsible));
    }

    /// The keys of the roadmap's own columns, in the form's order.
    fn extra_columns(&self) -> impl Iterator<Item = String> + '_ {
        self.document
            .roadmap
            .columns
            .iter()
            .filter(|c| c.role.is_extra())
            .map(|c| c.key.clone())
    }

    /// Opens the heading form.
    pub(super) fn begin_heading(&mut self) {
        self.overlay = Overlay::List(self.heading_form());
    }
}

fn choice(label: &str, value: &str) -> Choice {
    Choice {
        label: label.to_string(),
        value: text::one_line(value),
        depth: 0,
    }
}

/// A status in the interface language (an unknown one as written).
pub fn status_name(status: &Status, lang: crate::i18n::Lang) -> &str {
    match lang {
        crate::i18n::Lang::Ru => status.russian(),
        crate::i18n::Lang::En => match status {
            Status::Planned => "planned",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
            Status::Other(written) => written,
        },
    }
}
