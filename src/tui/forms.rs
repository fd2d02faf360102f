//! The forms and lists that start an edit: an activity's fields, the
//! heading, statuses, responsible with completion; and the words for values
//! shown in them.

use chrono::NaiveDate;

use crate::model::{Status, text};
use crate::store::edit::{ActivityField, MetaField, SectionField};

use super::app::App;
use super::overlay::{Choice, Editor, List, ListKind, Overlay, Target};
use super::rows::Row;
use super::undo::Op;

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
            choice(lang.t("Статус", "Status"), status_name(&a.status, lang)),
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
                let Some(field) = MetaField::ALL.get(list.selected).copied() else {
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
                let Some(status) = Status::ALL.get(list.selected).cloned() else {
                    return;
                };
                let Some(old) = self.catalog.entry(&id).map(|e| e.activity.status.clone()) else {
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
                    status_name(&status, lang)
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

    /// Opens the status list for the activity under the cursor.
    pub(super) fn begin_status(&mut self) {
        let Some(entry) = self.current_entry() else {
            return self.say(self.lang.t("Выберите мероприятие", "Choose an activity"));
        };
        let a = &self.catalog.entries[entry].activity;
        let choices = Status::ALL
            .iter()
            .map(|s| Choice {
                label: status_name(s, self.lang).to_string(),
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

/// The stored form of a heading value: dates as YYYY-MM-DD.
pub(super) fn meta_value(
    field: MetaField,
    value: &str,
    lang: crate::i18n::Lang,
) -> Result<String, String> {
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
pub(super) fn meta_current(app: &App, field: MetaField) -> String {
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
