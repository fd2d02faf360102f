//! CSV export with the roadmap's own columns. Section headings are rows with
//! only the first cell filled, so the file imports back into the same tree.
//! Cells that a spreadsheet would run as a formula are neutralised.

use crate::model::{Activity, Roadmap, Section};

use super::markdown::{Field, field_text};

/// The roadmap as CSV text, separated by commas.
pub fn to_string(roadmap: &Roadmap) -> Result<String, csv::Error> {
    to_string_with(roadmap, b',')
}

/// The roadmap as CSV text with the given delimiter (`;` for Russian Excel).
pub fn to_string_with(roadmap: &Roadmap, delimiter: u8) -> Result<String, csv::Error> {
    let columns = columns_of(roadmap);
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    w.write_record(columns.iter().map(|(t, _)| neutralise(t)))?;
    for a in &roadmap.activities {
        write_activity(&mut w, &columns, a)?;
    }
    for s in &roadmap.sections {
        write_section(&mut w, &columns, s)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn columns_of(roadmap: &Roadmap) -> Vec<(String, Field)> {
    use crate::model::ColumnRole as R;
    let mut cols: Vec<(String, Field)> = vec![
        ("№ п/п".into(), Field::Role(R::Number)),
        (
            title_of(roadmap, R::Text, "Мероприятие"),
            Field::Role(R::Text),
        ),
        (
            title_of(roadmap, R::Deadline, "Сроки"),
            Field::Role(R::Deadline),
        ),
        (
            title_of(roadmap, R::Responsible, "Ответственные"),
            Field::Role(R::Responsible),
        ),
    ];
    for c in roadmap.columns.iter().filter(|c| c.role.is_extra()) {
        cols.push((c.title.clone(), Field::Cell(c.key.clone())));
    }
    cols.push(("Статус".into(), Field::Status));
    cols
}

fn title_of(roadmap: &Roadmap, role: crate::model::ColumnRole, fallback: &str) -> String {
    roadmap
        .column(role)
        .map(|c| c.title.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| fallback.to_string())
}

fn write_activity(
    w: &mut csv::Writer<Vec<u8>>,
    columns: &[(String, Field)],
    a: &Activity,
) -> Result<(), csv::Error> {
    w.write_record(columns.iter().map(|(_, f)| neutralise(&field_text(a, f))))
}

fn write_section(
    w: &mut csv::Writer<Vec<u8>>,
    columns: &[(String, Field)],
    s: &Section,
) -> Result<(), csv::Error> {
    let mut record = vec![String::new(); columns.len()];
    record[0] = neutralise(format!("{} {}", s.number, s.title).trim());
    w.write_record(&record)?;
    for a in &s.activities {
        write_activity(w, columns, a)?;
    }
    for c in &s.sections {
        write_section(w, columns, c)?;
    }
    Ok(())
}

/// Prefixes a cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR)
/// with an apostrophe, so a spreadsheet shows it as text; strips control
/// characters.
pub fn neutralise(cell: &str) -> String {
    let clean = crate::model::text::sanitize(cell);
    if clean.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{clean}")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+7"), "'+7");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("- пункт"), "'- пункт");
        assert_eq!(neutralise("Декабрь"), "Декабрь");
    }
}
