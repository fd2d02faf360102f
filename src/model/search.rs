//! Search over all the text of a roadmap: activity texts, extra cells,
//! deadlines, responsible people and numbers, case-insensitively.

use super::{Activity, Roadmap};

/// Every activity (in document order) whose text, cells, deadline,
/// responsible entries or number contain `query`, ignoring case.
pub fn search<'a>(roadmap: &'a Roadmap, query: &str) -> Vec<&'a Activity> {
    let needle = query.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let hit = |s: &str| s.to_lowercase().contains(&needle);
    roadmap
        .activities_with_path()
        .into_iter()
        .map(|(_, a)| a)
        .filter(|a| {
            hit(&a.text)
                || hit(&a.deadline)
                || hit(&a.number)
                || a.responsible.iter().any(|r| hit(r))
                || a.cells.values().any(|c| hit(c))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn finds_activities_by_any_text_ignoring_case() {
        let activity = |text: &str, who: &str| Activity {
            text: text.into(),
            responsible: vec![who.into()],
            ..Activity::default()
        };
        let roadmap = Roadmap {
            sections: vec![Section {
                activities: vec![
                    activity("Мониторинг ВПР", "УО"),
                    activity("Семинар", "Иванова И.И."),
                ],
                ..Section::default()
            }],
            ..Roadmap::default()
        };
        assert_eq!(search(&roadmap, "мониторинг").len(), 1);
        assert_eq!(search(&roadmap, "ИВАНОВА")[0].text, "Семинар");
        assert!(search(&roadmap, "").is_empty());
    }
}
