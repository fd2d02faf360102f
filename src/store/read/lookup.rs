//! Finding what a person names on the command line: an activity or section
//! by its number as written ("1.2" and "1.2." both match), a field by its
//! name or by the title or key of one of the roadmap's columns.

use crate::model::text::one_line;
use crate::model::{ColumnRole, Roadmap, Section, Status};

use crate::store::StoreError;
use crate::store::history::changes::{Field, Item, ItemKind};

/// How many candidates an error lists at most.
const CANDIDATE_LIMIT: usize = 8;

/// A number as compared: spaces and trailing dots dropped.
fn normal(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches('.')
        .to_string()
}

/// Every live item of the roadmap as (kind, item) in document order.
fn items(roadmap: &Roadmap) -> Vec<Item> {
    fn walk(s: &Section, out: &mut Vec<Item>) {
        out.push(Item {
            kind: ItemKind::Section,
            id: s.id.clone(),
            number: s.number.clone(),
            label: s.title.clone(),
        });
        out.extend(s.activities.iter().map(|a| Item {
            kind: ItemKind::Activity,
            id: a.id.clone(),
            number: a.number.clone(),
            label: a.text.clone(),
        }));
        s.sections.iter().for_each(|c| walk(c, out));
    }
    let mut out: Vec<Item> = roadmap
        .activities
        .iter()
        .map(|a| Item {
            kind: ItemKind::Activity,
            id: a.id.clone(),
            number: a.number.clone(),
            label: a.text.clone(),
        })
        .collect();
    roadmap.sections.iter().for_each(|s| walk(s, &mut out));
    out
}

fn describe(item: &Item) -> String {
    let label: String = one_line(&item.label).chars().take(40).collect();
    format!("{} «{label}»", one_line(&item.number))
}

/// The item numbered `number`: an activity when one has the number, else a
/// section; `-` names the roadmap's heading. An item without a number is
/// named by its id (12 hex digits, as `karta export --format json` shows)
/// or by its place, `#N`: the N-th activity in reading order (the N-th
/// section when `kind` asks for a section). `kind` limits the search.
pub fn find_item(
    roadmap: &Roadmap,
    number: &str,
    kind: Option<ItemKind>,
) -> Result<Item, StoreError> {
    if number.trim() == "-" && kind != Some(ItemKind::Activity) {
        return Ok(Item {
            kind: ItemKind::Heading,
            id: String::new(),
            number: String::new(),
            label: roadmap.meta.title.clone(),
        });
    }
    let all = items(roadmap);
    if let Some(item) = all
        .iter()
        .find(|i| i.id == number.trim() && kind.is_none_or(|k| i.kind == k))
    {
        return Ok(item.clone());
    }
    if let Some(place) = number.trim().strip_prefix('#') {
        let wanted = kind.unwrap_or(ItemKind::Activity);
        let of_kind = all.iter().filter(|i| i.kind == wanted);
        let count = of_kind.clone().count();
        return place
            .parse::<usize>()
            .ok()
            .and_then(|n| of_kind.clone().nth(n.checked_sub(1)?))
            .cloned()
            .ok_or_else(|| {
                StoreError::NotFound(match wanted {
                    ItemKind::Section => {
                        crate::msg!("no-place-section", place = one_line(number), count = count)
                    }
                    _ => crate::msg!("no-place-activity", place = one_line(number), count = count),
                })
            });
    }
    let wanted = normal(number);
    let matching: Vec<&Item> = all
        .iter()
        .filter(|i| {
            kind.is_none_or(|k| i.kind == k) && !wanted.is_empty() && normal(&i.number) == wanted
        })
        .collect();
    let activities: Vec<&&Item> = matching
        .iter()
        .filter(|i| i.kind == ItemKind::Activity)
        .collect();
    let chosen: Vec<&Item> = if activities.is_empty() {
        matching
    } else {
        activities.into_iter().copied().collect()
    };
    match chosen.as_slice() {
        [one] => Ok((*one).clone()),
        [] => {
            let near: Vec<String> = all
                .iter()
                .filter(|i| kind.is_none_or(|k| i.kind == k))
                .filter(|i| {
                    let n = normal(&i.number);
                    !n.is_empty() && (n.starts_with(&wanted) || wanted.starts_with(&n))
                })
                .take(CANDIDATE_LIMIT)
                .map(|i| one_line(&i.number))
                .collect();
            Err(StoreError::NotFound(if near.is_empty() {
                crate::msg!("no-number", number = one_line(number))
            } else {
                crate::msg!(
                    "no-number-near",
                    number = one_line(number),
                    near = near.join(", ")
                )
            }))
        }
        many => {
            let list: Vec<String> = many
                .iter()
                .take(CANDIDATE_LIMIT)
                .map(|i| describe(i))
                .collect();
            Err(StoreError::NotFound(crate::msg!(
                "many-numbered",
                count = many.len(),
                number = one_line(number),
                list = list.join("; ")
            )))
        }
    }
}

/// The field named `name` for an item of `kind`: `text`, `deadline`,
/// `status`, `responsible`, `number`, `title`, their Russian names, or any
/// column of the roadmap by its title or key.
pub fn find_field(roadmap: &Roadmap, kind: ItemKind, name: &str) -> Result<Field, StoreError> {
    let n = name.trim().to_lowercase();
    let builtin = match n.as_str() {
        "text" | "текст" | "мероприятие" => Some(Field::Text),
        "deadline" | "срок" | "сроки" => Some(Field::Deadline),
        "status" | "статус" => Some(Field::Status),
        "responsible" | "ответственные" | "ответственный" => {
            Some(Field::Responsible)
        }
        "number" | "номер" | "№" => Some(Field::Number),
        "title" | "название" => Some(Field::Title),
        "stage" | "этап" => Some(Field::Stage),
        _ => None,
    };
    let field = builtin.or_else(|| {
        let column = roadmap.columns.iter().find(|c| {
            c.key.to_lowercase() == n || c.title.trim().to_lowercase() == n || c.role_name() == n
        })?;
        Some(match column.role {
            ColumnRole::Text => Field::Text,
            ColumnRole::Deadline => Field::Deadline,
            ColumnRole::Responsible | ColumnRole::SectionResponsible => Field::Responsible,
            ColumnRole::Number => Field::Number,
            _ => Field::Column {
                key: column.key.clone(),
                title: column.title.clone(),
            },
        })
    });
    let allowed = |f: &Field| match kind {
        ItemKind::Activity => !matches!(f, Field::Title | Field::Heading(_)),
        ItemKind::Section if *f == Field::Stage => false,
        ItemKind::Section => matches!(f, Field::Title | Field::Number | Field::Responsible),
        ItemKind::Heading => false,
    };
    if kind == ItemKind::Heading {
        let key = match n.as_str() {
            "title" | "название" => "title",
            other => other,
        };
        if let Some(f) = crate::store::write::edit::MetaField::from_key(key) {
            return Ok(Field::Heading(f.key().to_string()));
        }
    }
    match field {
        Some(f) if allowed(&f) => Ok(f),
        _ => {
            let mut names: Vec<String> = match kind {
                ItemKind::Activity => [
                    "text",
                    "deadline",
                    "status",
                    "responsible",
                    "number",
                    "stage",
                ]
                .map(String::from)
                .to_vec(),
                ItemKind::Section => ["title", "number", "responsible"]
                    .map(String::from)
                    .to_vec(),
                ItemKind::Heading => crate::store::write::edit::MetaField::ALL
                    .map(|f| f.key().to_string())
                    .to_vec(),
            };
            if kind == ItemKind::Activity {
                names.extend(
                    roadmap
                        .columns
                        .iter()
                        .filter(|c| c.role.is_extra())
                        .map(|c| c.key.clone()),
                );
            }
            Err(StoreError::NotFound(crate::msg!(
                "no-field",
                name = one_line(name),
                fields = names.join(", ")
            )))
        }
    }
}

/// The value to store for `field` as a person typed it: a status in Russian
/// or English becomes its stored name; responsible entries may be separated
/// by `;` or new lines.
pub fn stored_value(field: &Field, typed: &str) -> Result<String, StoreError> {
    match field {
        Field::Status => Status::parse(typed)
            .map(|s| s.as_str().to_string())
            .ok_or_else(|| {
                StoreError::NotFound(crate::msg!(
                    "not-a-status",
                    text = one_line(typed),
                    statuses = Status::ALL
                        .iter()
                        .map(|s| format!("{} ({})", s.russian(), s.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            }),
        Field::Responsible => Ok(typed
            .split([';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")),
        Field::Stage => stage_value(typed),
        _ => Ok(crate::model::text::sanitize(typed)),
    }
}

/// A stage as typed ("3", "Мониторинг показателей", "" or "-" to clear)
/// as stored: its number, or empty.
fn stage_value(typed: &str) -> Result<String, StoreError> {
    let t = typed.trim();
    if t.is_empty() || t == "-" {
        return Ok(String::new());
    }
    t.parse::<u64>()
        .ok()
        .and_then(crate::model::Stage::from_number)
        .or_else(|| crate::model::Stage::recognise(t))
        .map(|s| s.number().to_string())
        .ok_or_else(|| StoreError::NotFound(crate::msg!("not-a-stage", text = one_line(typed))))
}
