//! The management-cycle coverage in words: a matrix of systems × the nine
//! stages, for the command line (`karta report --by cycle`) and the
//! editor's coverage view.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::model::Stage;
use crate::model::cycle::StageSource;
use crate::model::text::one_line;
use crate::views::coverage::{Cell, Coverage, Row};

use super::fit;

/// Width of one stage column.
const CELL: usize = 4;

/// A cell as shown: the count ("3"), "3~" when some were placed by their
/// wording, "○" for a gap.
pub fn cell_text(cell: &Cell) -> String {
    match (cell.count, cell.inferred) {
        (0, _) => "○".to_string(),
        (n, 0) => n.to_string(),
        (n, _) => format!("{n}~"),
    }
}

/// The row's name: its number and title, or "вне разделов".
pub fn row_name(row: &Row, lang: Lang) -> String {
    if row.id.is_empty() {
        crate::tr!(lang, "coverage-outside-sections").to_string()
    } else {
        one_line(&row.title)
    }
}

fn pad(text: &str, width: usize) -> String {
    let shown = fit(text, width);
    let used = UnicodeWidthStr::width(shown.as_str());
    format!("{shown}{}", " ".repeat(width.saturating_sub(used)))
}

fn cells(values: impl Iterator<Item = String>) -> String {
    values.map(|v| format!("{v:>CELL$}")).collect()
}

/// The header line: the first column's title, then the stage numbers and
/// "?" (stage not told).
pub fn header(lang: Lang, name_width: usize) -> String {
    let numbers = Stage::ALL.iter().map(|s| s.number().to_string());
    format!(
        "{}{}{:>CELL$}",
        pad(&crate::tr!(lang, "coverage-system-section"), name_width),
        cells(numbers),
        "?"
    )
}

/// One row of the matrix.
pub fn row_line(row: &Row, lang: Lang, name_width: usize) -> String {
    let unknown = if row.unknown > 0 {
        row.unknown.to_string()
    } else {
        String::new()
    };
    format!(
        "{}{}{unknown:>CELL$}",
        pad(&row_name(row, lang), name_width),
        cells(row.cells.iter().map(cell_text))
    )
    .trim_end()
    .to_string()
}

/// What the stage numbers and marks mean.
pub fn legend(lang: Lang) -> Vec<String> {
    let stages: Vec<String> = Stage::ALL
        .iter()
        .map(|s| format!("{} {}", s.number(), stage_name(*s, lang)))
        .collect();
    vec![
        stages.join(" · "),
        crate::tr!(lang, "coverage-a-gap-no-activities-3").to_string(),
    ]
}

/// An activity's stage in words: "4. Мониторинг показателей (по
/// формулировке)", or "не определён".
pub fn stage_words(stage: Option<(Stage, StageSource)>, lang: Lang) -> String {
    let Some((stage, source)) = stage else {
        return crate::tr!(lang, "coverage-not-told").to_string();
    };
    let how = match source {
        StageSource::Set => crate::tr!(lang, "coverage-set-by-hand"),
        StageSource::Structure => crate::tr!(lang, "coverage-from-the-section"),
        StageSource::Inferred => crate::tr!(lang, "coverage-from-the-wording"),
    };
    format!("{}. {} ({how})", stage.number(), stage_name(stage, lang))
}

/// A stage's name in the interface language.
pub fn stage_name(stage: Stage, lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => stage.title(),
        Lang::En => match stage {
            Stage::Goals => "Goals",
            Stage::Indicators => "Indicators",
            Stage::Methods => "Data-collection methods",
            Stage::Monitoring => "Monitoring",
            Stage::Analysis => "Analysis of the monitoring",
            Stage::Recommendations => "Targeted recommendations",
            Stage::Measures => "Measures",
            Stage::Decisions => "Management decisions",
            Stage::Effectiveness => "Analysis of effectiveness",
        },
    }
}

/// The whole matrix as text, with the legend and the number of gaps.
pub fn report(coverage: &Coverage, lang: Lang) -> String {
    let name_width = 40;
    let mut out = format!(
        "{}\n\n{}\n",
        crate::tr!(lang, "coverage-coverage-of-the-management-cycle"),
        header(lang, name_width)
    );
    for row in &coverage.rows {
        let _ = writeln!(out, "{}", row_line(row, lang, name_width));
    }
    out.push('\n');
    for line in legend(lang) {
        let _ = writeln!(out, "{line}");
    }
    let gaps = coverage.gaps();
    let _ = writeln!(out, "{}", crate::tr!(lang, "coverage-gaps", count = gaps));
    out
}
