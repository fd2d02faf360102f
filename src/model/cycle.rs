//! Where an activity stands in the management cycle: set by hand, given by
//! the structure (an activity under a stage section, as in roadmaps laid
//! out on the cycle), or inferred from its wording by a small table of
//! word stems.

use super::{Activity, Section, SectionKind, Stage};

/// How an activity's stage was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StageSource {
    /// Set by a person (`karta set FILE N stage 3`).
    Set,
    /// The activity stands under a section of that stage.
    Structure,
    /// Guessed from the activity's words.
    Inferred,
}

/// Word stems naming each stage, tried in this order (the more specific
/// first: «анализ эффективности» before «анализ»).
const STEMS: [(Stage, &[&str]); 9] = [
    (
        Stage::Effectiveness,
        &[
            "анализ эффективност",
            "оценка эффективност",
            "оценки эффективност",
            "эффективности принят",
            "эффективности мер",
            "эффективности проведен",
            "результативност",
        ],
    ),
    (Stage::Recommendations, &["рекомендац"]),
    (
        Stage::Analysis,
        &["анализ", "аналитическ", "обобщени", "итоги", "итогов"],
    ),
    (
        Stage::Decisions,
        &[
            "управленческ",
            "решени",
            "приказ",
            "распоряжени",
            "утвержден",
        ],
    ),
    (
        Stage::Monitoring,
        &[
            "мониторинг",
            "диагностик",
            "проведение впр",
            "оценочных процедур",
            "контрол",
        ],
    ),
    (
        Stage::Methods,
        &[
            "метод",
            "инструментари",
            "анкет",
            "форм сбора",
            "формы сбора",
            "порядок сбора",
            "сбор данных",
            "сбора данных",
        ],
    ),
    (Stage::Indicators, &["показател", "критери", "индикатор"]),
    (Stage::Goals, &["цели", "целей", "целев", "задач"]),
    (
        Stage::Measures,
        &[
            "семинар",
            "вебинар",
            "курс",
            "конкурс",
            "олимпиад",
            "консультац",
            "совещани",
            "повышени",
            "обучени",
            "сопровождени",
            "поддержк",
            "проведение",
            "организаци",
            "участие",
        ],
    ),
];

/// The stage an activity's words suggest, if any.
pub fn infer(text: &str) -> Option<Stage> {
    let t = text.to_lowercase().replace('ё', "е");
    STEMS
        .iter()
        .find(|(_, stems)| stems.iter().any(|s| t.contains(s)))
        .map(|(stage, _)| *stage)
}

/// The stage of `activity` under the sections `path` (outermost first):
/// the one set by hand, else the nearest stage section's, else the one its
/// words suggest.
pub fn stage_of(path: &[&Section], activity: &Activity) -> Option<(Stage, StageSource)> {
    if let Some(stage) = activity.stage {
        return Some((stage, StageSource::Set));
    }
    let from_structure = path
        .iter()
        .rev()
        .find(|s| s.kind == SectionKind::Stage)
        .and_then(|s| s.stage.or_else(|| Stage::recognise(&s.title)));
    if let Some(stage) = from_structure {
        return Some((stage, StageSource::Structure));
    }
    infer(&activity.text).map(|stage| (stage, StageSource::Inferred))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_an_activity_suggest_its_stage() {
        let cases = [
            (
                "Анализ эффективности принятых мер по повышению качества",
                Some(Stage::Effectiveness),
            ),
            (
                "Разработка адресных рекомендаций для ОО с низкими результатами",
                Some(Stage::Recommendations),
            ),
            ("Анализ результатов ВПР", Some(Stage::Analysis)),
            (
                "Издание приказа о проведении олимпиады",
                Some(Stage::Decisions),
            ),
            ("Мониторинг качества подготовки", Some(Stage::Monitoring)),
            (
                "Разработка инструментария для сбора данных",
                Some(Stage::Methods),
            ),
            (
                "Определение показателей оценки качества",
                Some(Stage::Indicators),
            ),
            ("Постановка целей и задач", Some(Stage::Goals)),
            ("Семинар для заместителей директоров", Some(Stage::Measures)),
            ("Прочее", None),
        ];
        for (text, stage) in cases {
            assert_eq!(infer(text), stage, "{text}");
        }
    }

    #[test]
    fn a_stage_set_by_hand_wins_then_the_structure() {
        let stage_section = Section {
            kind: SectionKind::Stage,
            stage: Some(Stage::Goals),
            ..Section::default()
        };
        let mut activity = Activity {
            text: "Семинар".into(),
            ..Activity::default()
        };
        assert_eq!(
            stage_of(&[], &activity),
            Some((Stage::Measures, StageSource::Inferred))
        );
        assert_eq!(
            stage_of(&[&stage_section], &activity),
            Some((Stage::Goals, StageSource::Structure))
        );
        activity.stage = Some(Stage::Decisions);
        assert_eq!(
            stage_of(&[&stage_section], &activity),
            Some((Stage::Decisions, StageSource::Set))
        );
    }
}
