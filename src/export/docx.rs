//! The roadmap as a Word document for signing: landscape A4, the approval
//! block at the top right, the title centred, one table with the roadmap's
//! own columns and the status (section rows merged across the table and
//! bold, the header row repeated on every page), and lines for the
//! signature under it. WordprocessingML is written by hand: a few fixed
//! parts and one table. The title is styled "Title" and the municipality and
//! period, when the title does not say them, "Subtitle", so the importer
//! reads the same roadmap back.

use std::io::{Cursor, Write};

use crate::import::heading;
use crate::model::{Period, Roadmap};

use super::table::{self, ExportColumn, Row};

/// Width of the text area of a landscape A4 page with 2 cm margins, in
/// twentieths of a point.
const TEXT_WIDTH: u32 = 16838 - 2 * 1134;

/// The roadmap as the bytes of a .docx file.
pub fn to_bytes(roadmap: &Roadmap) -> Result<Vec<u8>, std::io::Error> {
    package(document(roadmap))
}

/// A .docx file around the body `document` (`word/document.xml`), with
/// the styles every karta document uses.
pub(super) fn package(document: String) -> Result<Vec<u8>, std::io::Error> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/document.xml", document),
    ];
    for (name, text) in parts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Text safe inside an XML element: characters XML cannot hold dropped,
/// markup escaped.
pub(super) fn xml(s: &str) -> String {
    let clean: String = crate::model::text::sanitize(s)
        .chars()
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

/// A run of text: tabs as tab elements.
fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let body: Vec<String> = text
        .split('\t')
        .map(|piece| format!("<w:t xml:space=\"preserve\">{}</w:t>", xml(piece)))
        .collect();
    format!("<w:r>{props}{}</w:r>", body.join("<w:tab/>"))
}

/// Paragraphs for text: one per line.
fn paragraphs(text: &str, props: &str, bold: bool) -> String {
    text.split('\n')
        .map(|line| format!("<w:p><w:pPr>{props}</w:pPr>{}</w:p>", run(line, bold)))
        .collect()
}

fn document(roadmap: &Roadmap) -> String {
    let mut body = String::new();
    let m = &roadmap.meta;
    if let Some(a) = &m.approval {
        let props = "<w:ind w:left=\"10206\"/><w:spacing w:after=\"0\"/>";
        let date = a
            .date
            .map(|d| format!(" от {}", d.format("%d.%m.%Y")))
            .unwrap_or_default();
        body.push_str(&paragraphs("УТВЕРЖДЕНО", props, false));
        body.push_str(&paragraphs(
            &format!("приказом{date} № {}", a.number),
            props,
            false,
        ));
        body.push_str("<w:p/>");
    }
    let centred = |style: &str| format!("<w:pStyle w:val=\"{style}\"/><w:jc w:val=\"center\"/>");
    body.push_str(&paragraphs(
        &m.title.replace('\n', " "),
        &centred("Title"),
        true,
    ));
    if !m.municipality.is_empty()
        && heading::find_municipality(&m.title).as_deref() != Some(m.municipality.as_str())
    {
        body.push_str(&paragraphs(&m.municipality, &centred("Subtitle"), false));
    }
    if let Some(p) = m.period
        && heading::find_period(&m.title) != Some(p)
    {
        body.push_str(&paragraphs(&period_text(p), &centred("Subtitle"), false));
    }
    body.push_str("<w:p/>");
    body.push_str(&table_xml(roadmap));
    body.push_str("<w:p/>");
    for line in [
        "Руководитель ______________________ / ______________________ /",
        "«____» ________________ 20____ г.",
    ] {
        body.push_str(&paragraphs(line, "", false));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{body}<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"850\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

/// "на 2024–2025 годы" for whole calendar years, else "с 01.09.2024 по 31.05.2025".
fn period_text(p: Period) -> String {
    use chrono::Datelike;
    if (p.from.month(), p.from.day(), p.to.month(), p.to.day()) == (1, 1, 12, 31) {
        if p.from.year() == p.to.year() {
            format!("на {} год", p.from.year())
        } else {
            format!("на {}–{} годы", p.from.year(), p.to.year())
        }
    } else {
        format!(
            "с {} по {}",
            p.from.format("%d.%m.%Y"),
            p.to.format("%d.%m.%Y")
        )
    }
}

fn table_xml(roadmap: &Roadmap) -> String {
    let columns = table::columns(roadmap);
    let total: u32 = columns.iter().map(|c| table::weight(&c.field)).sum();
    let widths: Vec<u32> = columns
        .iter()
        .map(|c| TEXT_WIDTH * table::weight(&c.field) / total.max(1))
        .collect();
    let mut out =
        String::from("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!(
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        ));
    }
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    out.push_str(&header_row(&columns, &widths));
    for row in table::rows(roadmap, &columns) {
        out.push_str(&row_xml(&row, &columns, &widths));
    }
    out.push_str("</w:tbl>");
    out
}

fn cell_xml(text: &str, width: u32, span: usize, bold: bool, centred: bool) -> String {
    let span = if span > 1 {
        format!("<w:gridSpan w:val=\"{span}\"/>")
    } else {
        String::new()
    };
    let props = if centred {
        "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>"
    } else {
        "<w:spacing w:after=\"0\"/>"
    };
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{span}</w:tcPr>{}</w:tc>",
        paragraphs(text, props, bold)
    )
}

fn header_row(columns: &[ExportColumn], widths: &[u32]) -> String {
    let cells: String = columns
        .iter()
        .zip(widths)
        .map(|(c, w)| cell_xml(&c.title, *w, 1, true, true))
        .collect();
    format!("<w:tr><w:trPr><w:tblHeader/></w:trPr>{cells}</w:tr>")
}

fn row_xml(row: &Row, columns: &[ExportColumn], widths: &[u32]) -> String {
    if let Row::Heading(text) = row {
        return format!(
            "<w:tr>{}</w:tr>",
            cell_xml(text, widths.iter().sum(), columns.len(), true, false)
        );
    }
    let cells: String = columns
        .iter()
        .zip(widths)
        .map(|(c, w)| {
            let text = table::cell(row, &c.field).unwrap_or_default();
            cell_xml(&text, *w, 1, matches!(row, Row::Stage(..)), false)
        })
        .collect();
    format!("<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
}

pub(super) const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"ru-RU\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style></w:styles>";
