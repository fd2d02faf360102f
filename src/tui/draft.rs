//! What is being typed in an open editor, kept beside the file
//! (`FILE.draft`) whenever the user pauses, so that a crash mid-edit loses
//! only the last keystrokes. A draft is not an edit: the document gets the
//! text only when the user confirms it, so cancelling leaves no trace.
//! Reopening the file opens the editor on the draft again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::StoreError;
use crate::store::disk::file::write_atomic;
use crate::store::write::edit::{ActivityField, MetaField, SectionField};

use super::ids::{ActivityId, SectionId};
use super::target::Target;

/// The draft as written to its file.
#[derive(Serialize, Deserialize)]
struct Record {
    target: Saved,
    text: String,
}

/// A [`Target`] as written to a file (drafts, edits made before the
/// document loaded).
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Saved {
    Activity {
        id: String,
        field: String,
    },
    Section {
        id: String,
        field: String,
    },
    Heading {
        field: String,
    },
    NewActivity {
        section: String,
        after: Option<String>,
    },
    NewSection {
        parent: String,
        after: Option<String>,
    },
}

/// The draft's path for a roadmap file: `FILE.draft`.
pub fn path_for(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".draft");
    PathBuf::from(name)
}

/// Keeps `text`, typed for `target`, as the draft of `file` (targets that
/// are not fields of the roadmap have no draft).
pub fn keep(file: &Path, target: &Target, text: &str) -> Result<(), StoreError> {
    let Some(target) = saved(target) else {
        return Ok(());
    };
    let record = Record {
        target,
        text: text.to_string(),
    };
    let json = serde_json::to_vec(&record).unwrap_or_default();
    write_atomic(&path_for(file), &json)
}

/// Removes the draft of `file`, if there is one.
pub fn discard(file: &Path) -> Result<(), StoreError> {
    let path = path_for(file);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(StoreError::Io { path, source: e })
        }
        _ => Ok(()),
    }
}

/// The draft left beside `file` and its target, if there is a readable one.
pub fn find(file: &Path) -> Option<(Target, String)> {
    let bytes = std::fs::read(path_for(file)).ok()?;
    let record: Record = serde_json::from_slice(&bytes).ok()?;
    Some((target(record.target)?, record.text))
}

/// The target as written to a file; None for targets that are not fields
/// of the roadmap.
pub(super) fn saved(target: &Target) -> Option<Saved> {
    Some(match target {
        Target::Activity(id, field) => Saved::Activity {
            id: id.to_string(),
            field: match field {
                ActivityField::Text => "text".into(),
                ActivityField::Deadline => "deadline".into(),
                ActivityField::Responsible => "responsible".into(),
                ActivityField::Status => "status".into(),
                ActivityField::Number => "number".into(),
                ActivityField::Cell(key) => format!("cell:{key}"),
            },
        },
        Target::Section(id, field) => Saved::Section {
            id: id.to_string(),
            field: SECTION_FIELDS.iter().find(|(f, _)| f == field)?.1.into(),
        },
        Target::Meta(field) => Saved::Heading {
            field: META_FIELDS.iter().find(|(f, _)| f == field)?.1.into(),
        },
        Target::NewActivity { section, after } => Saved::NewActivity {
            section: section.to_string(),
            after: after.as_ref().map(ToString::to_string),
        },
        Target::NewSection { parent, after } => Saved::NewSection {
            parent: parent.to_string(),
            after: after.as_ref().map(ToString::to_string),
        },
        Target::Search | Target::SaveAs | Target::Export | Target::MergeFile => return None,
    })
}

/// The target written as `saved`; None when it names no known field.
pub(super) fn target(saved: Saved) -> Option<Target> {
    Some(match saved {
        Saved::Activity { id, field } => {
            let field = match field.as_str() {
                "text" => ActivityField::Text,
                "deadline" => ActivityField::Deadline,
                "responsible" => ActivityField::Responsible,
                "status" => ActivityField::Status,
                "number" => ActivityField::Number,
                other => ActivityField::Cell(other.strip_prefix("cell:")?.to_string()),
            };
            Target::Activity(ActivityId(id), field)
        }
        Saved::Section { id, field } => {
            let field = SECTION_FIELDS.iter().find(|(_, n)| *n == field)?.0;
            Target::Section(SectionId(id), field)
        }
        Saved::Heading { field } => Target::Meta(META_FIELDS.iter().find(|(_, n)| *n == field)?.0),
        Saved::NewActivity { section, after } => Target::NewActivity {
            section: SectionId(section),
            after: after.map(ActivityId),
        },
        Saved::NewSection { parent, after } => Target::NewSection {
            parent: SectionId(parent),
            after: after.map(SectionId),
        },
    })
}

const SECTION_FIELDS: [(SectionField, &str); 3] = [
    (SectionField::Title, "title"),
    (SectionField::Number, "number"),
    (SectionField::Responsible, "responsible"),
];

const META_FIELDS: [(MetaField, &str); 7] = [
    (MetaField::Title, "title"),
    (MetaField::Municipality, "municipality"),
    (MetaField::ApprovalNumber, "approval_number"),
    (MetaField::ApprovalDate, "approval_date"),
    (MetaField::PeriodFrom, "period_from"),
    (MetaField::PeriodTo, "period_to"),
    (MetaField::Notes, "notes"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_target_comes_back_as_it_was_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("map.karta");
        let targets = [
            Target::Activity(
                ActivityId("a1".into()),
                ActivityField::Cell("result".into()),
            ),
            Target::Activity(ActivityId("a1".into()), ActivityField::Deadline),
            Target::Section(SectionId("s1".into()), SectionField::Responsible),
            Target::Meta(MetaField::PeriodTo),
            Target::NewActivity {
                section: SectionId("s1".into()),
                after: Some(ActivityId("a1".into())),
            },
            Target::NewSection {
                parent: SectionId(String::new()),
                after: None,
            },
        ];
        for target in targets {
            keep(&file, &target, "текст\nв две строки").expect("keep");
            assert_eq!(
                find(&file),
                Some((target, "текст\nв две строки".to_string()))
            );
        }
        discard(&file).expect("discard");
        assert_eq!(find(&file), None);
        discard(&file).expect("nothing to discard is fine");
    }
}
