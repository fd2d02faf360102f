//! The nine stages of the management cycle that the federal assessment checks
//! for every system (направление) of a municipality.

use serde::{Deserialize, Serialize};

/// A stage of the closed management cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 1. Цели.
    Goals,
    /// 2. Показатели.
    Indicators,
    /// 3. Методы сбора (и обработки) информации.
    Methods,
    /// 4. Мониторинг показателей.
    Monitoring,
    /// 5. Анализ результатов мониторинга.
    Analysis,
    /// 6. Адресные рекомендации.
    Recommendations,
    /// 7. Меры / мероприятия.
    Measures,
    /// 8. Управленческие решения.
    Decisions,
    /// 9. Анализ эффективности принятых мер.
    Effectiveness,
}

impl Stage {
    /// All stages in cycle order.
    pub const ALL: [Stage; 9] = [
        Stage::Goals,
        Stage::Indicators,
        Stage::Methods,
        Stage::Monitoring,
        Stage::Analysis,
        Stage::Recommendations,
        Stage::Measures,
        Stage::Decisions,
        Stage::Effectiveness,
    ];

    /// Position in the cycle, 1 to 9.
    pub fn number(self) -> u8 {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0) as u8 + 1
    }

    /// The stage with the given position in the cycle (1 to 9).
    pub fn from_number(n: u64) -> Option<Stage> {
        let index = usize::try_from(n.checked_sub(1)?).ok()?;
        Stage::ALL.get(index).copied()
    }

    /// The usual Russian name of the stage.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Goals => "Цели",
            Stage::Indicators => "Показатели",
            Stage::Methods => "Методы сбора информации",
            Stage::Monitoring => "Мониторинг показателей",
            Stage::Analysis => "Анализ результатов мониторинга",
            Stage::Recommendations => "Адресные рекомендации",
            Stage::Measures => "Меры / мероприятия",
            Stage::Decisions => "Управленческие решения",
            Stage::Effectiveness => "Анализ эффективности принятых мер",
        }
    }

    /// Recognises a stage from the way a roadmap writes it ("Меры/мероприятия",
    /// "Анализ эффективности проведенных мероприятий", "Методы сбора показателей").
    /// Returns `None` for text that names no stage.
    pub fn recognise(text: &str) -> Option<Stage> {
        let t = text.trim().to_lowercase().replace('ё', "е");
        let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        if t.is_empty() || t.chars().count() > 80 {
            return None;
        }
        let starts = |p: &str| t.starts_with(p);
        if starts("цел") {
            Some(Stage::Goals)
        } else if starts("показател") {
            Some(Stage::Indicators)
        } else if starts("методы сбора") || starts("метод сбора") || starts("методы обработки")
        {
            Some(Stage::Methods)
        } else if starts("мониторинг") {
            Some(Stage::Monitoring)
        } else if starts("анализ эффективности") {
            Some(Stage::Effectiveness)
        } else if starts("анализ результатов") || t == "анализ" {
            Some(Stage::Analysis)
        } else if starts("адресн") && t.contains("рекоменд") {
            Some(Stage::Recommendations)
        } else if starts("меры") || starts("мероприятия") {
            Some(Stage::Measures)
        } else if starts("управленческ") && t.contains("решени") {
            Some(Stage::Decisions)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_stage_names_of_seed_000() {
        let cases = [
            ("Цели", Stage::Goals),
            ("Показатели", Stage::Indicators),
            ("Методы сбора показателей", Stage::Methods),
            ("Методы сбора и обработки информации", Stage::Methods),
            ("Мониторинг показателей", Stage::Monitoring),
            ("Анализ результатов мониторинга", Stage::Analysis),
            ("Адресные рекомендации", Stage::Recommendations),
            ("Меры/мероприятия", Stage::Measures),
            ("Управленческие решения", Stage::Decisions),
            (
                "Анализ эффективности проведенных мероприятий",
                Stage::Effectiveness,
            ),
        ];
        for (text, stage) in cases {
            assert_eq!(Stage::recognise(text), Some(stage), "{text}");
        }
        assert_eq!(Stage::recognise("Разработать формы документов"), None);
        assert_eq!(Stage::recognise(""), None);
    }

    #[test]
    fn numbers_run_from_one_to_nine() {
        for (i, s) in Stage::ALL.iter().enumerate() {
            assert_eq!(s.number() as usize, i + 1);
            assert_eq!(Stage::from_number(i as u64 + 1), Some(*s));
        }
        assert_eq!(Stage::from_number(0), None);
        assert_eq!(Stage::from_number(10), None);
    }
}
