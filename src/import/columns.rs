//! Recognising a roadmap's columns from its header row by meaning, however
//! they are worded ("Сроки", "Срок решения", "Сроки исполнения" are all the
//! deadline).

use crate::model::{Column, ColumnRole, Stage};

/// The role a header cell names, if it names a known one.
pub fn role_of(title: &str) -> Option<ColumnRole> {
    let t = title.trim().to_lowercase().replace('ё', "е");
    let has = |w: &str| t.contains(w);
    if t.is_empty() {
        None
    } else if t.starts_with('№') || t == "n" || t == "no" || t == "#" || has("п/п") || t == "номер"
    {
        Some(ColumnRole::Number)
    } else if has("ответствен") && has("направлени") {
        Some(ColumnRole::SectionResponsible)
    } else if has("ответствен") || has("исполнител") {
        Some(ColumnRole::Responsible)
    } else if has("срок") || has("дата") || has("период исполн") || t == "deadline"
    {
        Some(ColumnRole::Deadline)
    } else if has("риск") {
        Some(ColumnRole::Risks)
    } else if has("способ") || has("решени") && !has("рекоменд") {
        Some(ColumnRole::Solution)
    } else if has("описание ситуации") || has("проблем") {
        Some(ColumnRole::Problem)
    } else if has("результат") || has("показател") && has("достижени") {
        Some(ColumnRole::Result)
    } else if has("этап") || has("стади") {
        Some(ColumnRole::Stage)
    } else if has("мероприят")
        || has("шаг")
        || has("рекомендац")
        || has("содержание")
        || has("действи")
        || has("задач")
        || t == "activity"
        || t == "text"
    {
        Some(ColumnRole::Text)
    } else {
        None
    }
}

/// Whether a row looks like a header: at least two cells name known roles,
/// one of them what is to be done or the deadline.
pub fn is_header(cells: &[String]) -> bool {
    if cells.iter().any(|c| c.chars().count() > 120) {
        return false;
    }
    let roles: Vec<ColumnRole> = cells.iter().filter_map(|c| role_of(c)).collect();
    roles.len() >= 2
        && roles
            .iter()
            .any(|r| matches!(r, ColumnRole::Text | ColumnRole::Deadline))
}

/// Builds the roadmap's columns from its header row. `first_column_cells` are
/// the cells of the first column in the rows of the table: an untitled first
/// column holding stage names ("Цели", "Показатели"…) is the stage column,
/// otherwise it is the number.
pub fn layout(header: &[String], first_column_cells: &[&str]) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    let mut other = 0;
    for (i, title) in header.iter().enumerate() {
        let title = title.trim().to_string();
        let mut role =
            role_of(&title).or_else(|| (i == 0).then(|| guess_first(first_column_cells)));
        if role.is_some_and(|r| columns.iter().any(|c| c.role == r)) {
            role = None;
        }
        let role = role.unwrap_or(ColumnRole::Other);
        let key = if role == ColumnRole::Other {
            other += 1;
            format!("col{other}")
        } else {
            role.as_str().to_string()
        };
        let title = if title.is_empty() && role == ColumnRole::Stage {
            "Этап".to_string()
        } else {
            title
        };
        columns.push(Column { key, title, role });
    }
    if !columns.iter().any(|c| c.role == ColumnRole::Text)
        && let Some(c) = columns.iter_mut().find(|c| c.role == ColumnRole::Other)
    {
        c.role = ColumnRole::Text;
        c.key = ColumnRole::Text.as_str().to_string();
    }
    columns
}

fn guess_first(cells: &[&str]) -> ColumnRole {
    let stages = cells
        .iter()
        .filter(|c| Stage::recognise(c).is_some())
        .count();
    if stages >= 3 {
        ColumnRole::Stage
    } else {
        ColumnRole::Number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(header: &[&str], first: &[&str]) -> Vec<ColumnRole> {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        layout(&header, first).into_iter().map(|c| c.role).collect()
    }

    #[test]
    fn headers_of_the_five_reference_roadmaps() {
        use ColumnRole::*;
        assert_eq!(
            roles(
                &["", "Шаги", "Сроки", "Ответственные за направление"],
                &["Цели", "Показатели", "Мониторинг показателей"]
            ),
            [Stage, Text, Deadline, SectionResponsible]
        );
        assert_eq!(
            roles(
                &[
                    "№ п/п",
                    "Мероприятия (содержание деятельности)",
                    "Сроки",
                    "Ответственные"
                ],
                &[]
            ),
            [Number, Text, Deadline, Responsible]
        );
        assert_eq!(
            roles(
                &[
                    "№ п/п",
                    "Мероприятия (содержание деятельности)",
                    "Ответственный исполнитель",
                    "Сроки исполнения",
                    "Планируемый результат"
                ],
                &[]
            ),
            [Number, Text, Responsible, Deadline, Result]
        );
        assert_eq!(
            roles(
                &[
                    "№",
                    "Рекомендация по итогам совещания",
                    "Описание ситуации (проблемы), существующей в муниципальном образовании",
                    "Способ решения",
                    "Срок решения",
                    "Риски"
                ],
                &[]
            ),
            [Number, Text, Problem, Solution, Deadline, Risks]
        );
        assert_eq!(
            roles(
                &[
                    "№ п/п",
                    "Мероприятие (содержание деятельности)",
                    "Сроки исполнения",
                    "Ответственные"
                ],
                &[]
            ),
            [Number, Text, Deadline, Responsible]
        );
    }

    #[test]
    fn unknown_and_duplicate_columns_are_kept_as_other() {
        let header: Vec<String> = ["№", "Мероприятие", "Примечание", "Сроки", "Срок 2"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let cols = layout(&header, &[]);
        assert_eq!(cols[2].role, ColumnRole::Other);
        assert_eq!(cols[2].key, "col1");
        assert_eq!(cols[4].role, ColumnRole::Other);
        assert_eq!(cols[4].key, "col2");
        assert_eq!(cols[4].title, "Срок 2");
    }

    #[test]
    fn header_detection() {
        let h: Vec<String> = ["№ п/п", "Мероприятия", "Сроки"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(is_header(&h));
        let row: Vec<String> = ["1.1.", "Утверждение дорожной карты", "2020 год"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(!is_header(&row));
    }
}
