//! The roadmap as an Excel workbook: one sheet with the approval lines, the
//! municipality (when the title does not name it) and the title above one
//! table of the roadmap's own columns and the status; the
//! header frozen and filtered, widths set, text wrapped, section rows merged
//! across and bold. Every value is written as a string, and a cell that
//! starts like a formula carries Excel's quote prefix, so nothing from the
//! roadmap is ever run as a formula.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::model::Roadmap;

use super::table::{self, Row};

/// Longest text one cell holds in Excel.
const MAX_CELL_CHARS: usize = 32_767;

/// The roadmap as the bytes of an .xlsx file.
pub fn to_bytes(roadmap: &Roadmap) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Дорожная карта")?;
    sheet.set_landscape().set_paper_size(9);
    let columns = table::columns(roadmap);
    let last = (columns.len().max(1) - 1) as u16;
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let bold = wrap.clone().set_bold();
    let plain = Format::new();
    let mut row = 0u32;
    let m = &roadmap.meta;
    if let Some(a) = &m.approval {
        let date = a
            .date
            .map(|d| format!(" от {}", d.format("%d.%m.%Y")))
            .unwrap_or_default();
        write(sheet, row, last, "УТВЕРЖДЕНО", &plain)?;
        write(
            sheet,
            row + 1,
            last,
            &format!("приказом{date} № {}", a.number),
            &plain,
        )?;
        row += 3;
    }
    if !m.municipality.is_empty()
        && crate::import::heading::find_municipality(&m.title).as_deref()
            != Some(m.municipality.as_str())
    {
        write(sheet, row, 0, &m.municipality, &plain)?;
        row += 2;
    }
    let title = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    across(sheet, row, last, &m.title, &title)?;
    sheet.set_row_height(row, 32)?;
    row += 2;
    let header = row;
    for (i, c) in columns.iter().enumerate() {
        let col = i as u16;
        write(sheet, header, col, &c.title, &bold)?;
        sheet.set_column_width(col, f64::from(table::weight(&c.field)) * 1.4)?;
    }
    for r in table::rows(roadmap, &columns) {
        row += 1;
        match &r {
            Row::Heading(text) => across(sheet, row, last, text, &bold)?,
            _ => {
                for (i, c) in columns.iter().enumerate() {
                    let text = table::cell(&r, &c.field).unwrap_or_default();
                    let format = if matches!(r, Row::Stage(..)) {
                        &bold
                    } else {
                        &wrap
                    };
                    write(sheet, row, i as u16, &text, format)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(header + 1, 0)?;
    sheet.autofilter(header, 0, row.max(header + 1), last)?;
    sheet.set_repeat_rows(header, header)?;
    book.save_to_buffer()
}

/// Writes text as a string; one that starts like a formula keeps Excel's
/// quote prefix.
fn write(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let text: String = crate::model::text::sanitize(text)
        .chars()
        .take(MAX_CELL_CHARS)
        .collect();
    if text.starts_with(['=', '+', '-', '@']) {
        sheet.write_string_with_format(row, col, text, &format.clone().set_quote_prefix())?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// Text in a row merged across the table.
fn across(
    sheet: &mut Worksheet,
    row: u32,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if last == 0 {
        return write(sheet, row, 0, text, format);
    }
    let text: String = crate::model::text::sanitize(text)
        .chars()
        .take(MAX_CELL_CHARS)
        .collect();
    let format = if text.starts_with(['=', '+', '-', '@']) {
        format.clone().set_quote_prefix()
    } else {
        format.clone()
    };
    sheet.merge_range(row, 0, row, last, &text, &format)?;
    Ok(())
}
