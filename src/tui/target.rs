//! What a text typed in the editor or a prompt is for, with the one place
//! that names each target (the popup's title) and reads its value now.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::{Activity, text};
use crate::store::write::edit::{ActivityField, MetaField, SectionField};

use super::action::{Action, Mode};
use super::app::App;
use super::complete::Completion;
use super::ids::{ActivityId, SectionId};
use super::overlay::{Editor, Overlay};

/// What a text being edited will be written to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A field of an activity.
    Activity(ActivityId, ActivityField),
    /// A field of a section.
    Section(SectionId, SectionField),
    /// A field of the heading.
    Meta(MetaField),
    /// The text of a new activity in `section`, after `after`.
    NewActivity {
        /// The section (the empty id: the top level).
        section: SectionId,
        /// Sibling to follow, if any.
        after: Option<ActivityId>,
    },
    /// The title of a new section under `parent`, after `after`.
    NewSection {
        /// The parent section (the empty id: the top level).
        parent: SectionId,
        /// Sibling to follow, if any.
        after: Option<SectionId>,
    },
    /// The search query.
    Search,
    /// A file name to save the roadmap as.
    SaveAs,
    /// The file to export the roadmap to (its format from the extension).
    Export,
    /// A colleague's file (or bundle) to merge.
    MergeFile,
}

impl App {
    /// Opens the editor on `target` with its value now; nothing when the
    /// target is gone.
    pub(super) fn edit_target(&mut self, target: Target) {
        let Some(value) = self.value_of(&target) else {
            return;
        };
        self.overlay = Overlay::Editor(Box::new(self.editor_for(target, &value)));
    }

    /// An editor on `target` showing `text`; completion of people's names
    /// for a responsible list.
    pub(super) fn editor_for(&self, target: Target, text: &str) -> Editor {
        let responsible = matches!(target, Target::Activity(_, ActivityField::Responsible));
        let mut editor = Editor::new(target, String::new(), text);
        editor.title = self.title_of(&editor.target);
        if responsible {
            editor.completion = Completion::new(self.document.catalog.names());
        }
        editor
    }

    /// The popup title for a target.
    pub(super) fn title_of(&self, target: &Target) -> String {
        let lang = self.lang;
        let title = match target {
            Target::Activity(_, field) => match field {
                ActivityField::Text => crate::tr!(lang, "forms-activity"),
                ActivityField::Deadline => crate::tr!(lang, "filter-deadline"),
                ActivityField::Responsible => {
                    let title = crate::tr!(lang, "target-responsible-one-per-line");
                    return match self.keymap.key_of(Mode::Edit, Action::Next) {
                        Some(key) => format!(
                            "{title}, {key} — {})",
                            crate::tr!(lang, "target-completes-a-name")
                        ),
                        None => format!("{title})"),
                    };
                }
                ActivityField::Status => crate::tr!(lang, "filter-status"),
                ActivityField::Number => crate::tr!(lang, "forms-number"),
                ActivityField::Cell(key) => {
                    return self
                        .document
                        .roadmap
                        .columns
                        .iter()
                        .find(|c| c.key == *key)
                        .map_or_else(|| key.clone(), |c| c.title.clone());
                }
            },
            Target::Section(_, field) => match field {
                SectionField::Title => crate::tr!(lang, "target-section-title"),
                SectionField::Number => crate::tr!(lang, "target-section-number"),
                SectionField::Responsible => {
                    crate::tr!(lang, "detail-responsible-for-the-direction")
                }
            },
            Target::Meta(field) => meta_label(*field, lang),
            Target::NewActivity { .. } => crate::tr!(lang, "target-new-activity"),
            Target::NewSection { .. } => crate::tr!(lang, "target-new-section"),
            Target::Search => crate::tr!(lang, "target-search"),
            Target::SaveAs => crate::tr!(lang, "target-save-as"),
            Target::Export => crate::tr!(lang, "target-export-to-a-file-docx"),
            Target::MergeFile => crate::tr!(lang, "target-merge-a-file-a-karta"),
        };
        title.to_string()
    }

    /// The value of a target now, as the editor shows it; None when its
    /// activity or section is gone.
    pub(super) fn value_of(&self, target: &Target) -> Option<String> {
        Some(match target {
            Target::Activity(id, field) => {
                field_value(&self.document.catalog.entry(id.as_str())?.activity, field)
            }
            Target::Section(id, field) => {
                let s = &self.document.catalog.section(id.as_str())?.section;
                match field {
                    SectionField::Title => s.title.clone(),
                    SectionField::Number => s.number.clone(),
                    SectionField::Responsible => s.responsible.join("\n"),
                }
            }
            Target::Meta(MetaField::Title) => self.document.roadmap.meta.title.clone(),
            Target::Meta(MetaField::Notes) => self.document.roadmap.meta.notes.clone(),
            Target::Meta(field) => text::one_line(&meta_shown(self, *field)),
            Target::NewActivity { .. }
            | Target::NewSection { .. }
            | Target::Search
            | Target::SaveAs
            | Target::Export
            | Target::MergeFile => String::new(),
        })
    }
}

/// The value of an activity's field as the editor edits it (responsible
/// one per line).
pub(super) fn field_value(a: &Activity, field: &ActivityField) -> String {
    match field {
        ActivityField::Text => a.text.clone(),
        ActivityField::Deadline => a.deadline.clone(),
        ActivityField::Responsible => a.responsible.join("\n"),
        ActivityField::Status => a.status.as_str().to_string(),
        ActivityField::Number => a.number.clone(),
        ActivityField::Cell(key) => a.cells.get(key).cloned().unwrap_or_default(),
    }
}

/// The name of a heading field.
pub(super) fn meta_label(field: MetaField, lang: Lang) -> String {
    match field {
        MetaField::Title => crate::tr!(lang, "target-title"),
        MetaField::Municipality => crate::tr!(lang, "target-municipality"),
        MetaField::ApprovalNumber => crate::tr!(lang, "target-order-number"),
        MetaField::ApprovalDate => crate::tr!(lang, "target-order-date"),
        MetaField::PeriodFrom => crate::tr!(lang, "target-period-from"),
        MetaField::PeriodTo => crate::tr!(lang, "target-period-to"),
        MetaField::Notes => crate::tr!(lang, "target-notes"),
    }
}

/// A heading field as the heading form shows it: dates as DD.MM.YYYY.
pub(super) fn meta_shown(app: &App, field: MetaField) -> String {
    let shown = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default()
    };
    meta_value_as(app, field, shown)
}

/// The stored value of a heading field now: dates as YYYY-MM-DD.
pub(super) fn meta_current(app: &App, field: MetaField) -> String {
    let iso = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    meta_value_as(app, field, iso)
}

fn meta_value_as(
    app: &App,
    field: MetaField,
    date: impl Fn(Option<NaiveDate>) -> String,
) -> String {
    let m = &app.document.roadmap.meta;
    match field {
        MetaField::Title => m.title.clone(),
        MetaField::Municipality => m.municipality.clone(),
        MetaField::ApprovalNumber => m
            .approval
            .as_ref()
            .map(|a| a.number.clone())
            .unwrap_or_default(),
        MetaField::ApprovalDate => date(m.approval.as_ref().and_then(|a| a.date)),
        MetaField::PeriodFrom => date(m.period.map(|p| p.from)),
        MetaField::PeriodTo => date(m.period.map(|p| p.to)),
        MetaField::Notes => m.notes.clone(),
    }
}

/// The stored form of a typed heading value: dates as YYYY-MM-DD.
pub(super) fn meta_value(field: MetaField, value: &str, lang: Lang) -> Result<String, String> {
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
                crate::tr!(lang, "target-not-a-date-write-dd")
            )
        })
}
