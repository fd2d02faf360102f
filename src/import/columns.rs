//! Recognising a roadmap's columns from its header row by meaning, however
//! they are worded ("Сроки", "Срок решения", "Сроки исполнения" are all the
//! deadline).

use crate::model::{Column, ColumnRole, Stage, Status};

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

/// Whether a column records completion: «Отметка о выполнении», «Статус»,
/// «Исполнение», «Информация об исполнении».
pub fn is_completion(title: &str) -> bool {
    let t = title.trim().to_lowercase().replace('ё', "е");
    t.starts_with("статус")
        || t.starts_with("отметка о")
        || t.starts_with("исполнение")
        || t.starts_with("выполнение")
        || t.contains("о выполнении")
        || t.contains("об исполнении")
}

/// The status a completion cell records: «выполнено» (also «выполнено.
/// Приказ от …»), «в работе», «не выполнено» and «перенесено» (still to do),
/// «отменено»; None when it says none of these.
pub fn completion_status(cell: &str) -> Option<Status> {
    let t = cell.trim().to_lowercase().replace('ё', "е");
    let starts = |words: &[&str]| words.iter().any(|w| t.starts_with(w));
    if starts(&["не выполн", "не исполн", "перенес", "не начат"]) {
        Some(Status::Planned)
    } else if starts(&[
        "частично",
        "в работе",
        "в процессе",
        "выполняется",
        "исполняется",
    ]) {
        Some(Status::InProgress)
    } else if starts(&["выполнен", "исполнен", "сделано", "готово"]) {
        Some(Status::Done)
    } else if starts(&["отмен", "исключ"]) {
        Some(Status::Cancelled)
    } else {
        Status::parse(&t)
    }
}

/// Whether a completion cell holds nothing but karta's own word for a status
/// (what karta's exports write), so the status alone keeps all it says.
pub fn is_status_word(cell: &str) -> bool {
    let t = cell.trim().to_lowercase();
    Status::ALL.iter().any(|s| s.russian() == t)
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
        columns.push(Column::new(key, title, role));
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
    fn completion_columns_and_cells() {
        assert!(is_completion("Отметка о выполнении"));
        assert!(is_completion("Статус"));
        assert!(is_completion("Исполнение"));
        assert!(!is_completion("Ответственные"));
        assert_eq!(completion_status("Выполнено"), Some(Status::Done));
        assert_eq!(
            completion_status("выполнено, приказ от 12.03.2024 № 5"),
            Some(Status::Done)
        );
        assert_eq!(completion_status("не выполнено"), Some(Status::Planned));
        assert_eq!(
            completion_status("перенесено на 2025"),
            Some(Status::Planned)
        );
        assert_eq!(completion_status("в работе"), Some(Status::InProgress));
        assert_eq!(completion_status("отменено"), Some(Status::Cancelled));
        assert_eq!(completion_status("см. отчёт"), None);
        assert!(is_status_word("выполнено"));
        assert!(!is_status_word("перенесено"));
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
