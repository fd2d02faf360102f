//! The «лист изменений» as a Word document: what changed since the
//! approved edition, to attach to a new order. Portrait A4; sections in
//! bold, items and changes indented; added words bold and underlined,
//! removed ones struck out.

use crate::present::since::{Level, Line, Style};

use super::docx::{NS, package, xml};

/// The lines of a list of changes as the bytes of a .docx file.
pub fn to_bytes(lines: &[Line]) -> Result<Vec<u8>, std::io::Error> {
    let body: String = lines.iter().map(paragraph).collect();
    package(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    ))
}

fn paragraph(line: &Line) -> String {
    let props = match line.level {
        Level::Title => "<w:pStyle w:val=\"Title\"/><w:jc w:val=\"center\"/>",
        Level::Base => "<w:spacing w:after=\"240\"/>",
        Level::Section => "<w:spacing w:before=\"240\" w:after=\"120\"/><w:keepNext/>",
        Level::Item => "<w:ind w:left=\"284\"/><w:spacing w:before=\"120\"/><w:keepNext/>",
        Level::Change => "<w:ind w:left=\"567\"/>",
    };
    let runs: String = line
        .runs
        .iter()
        .map(|r| {
            let style = match r.style {
                Style::Plain => "",
                Style::Strong => "<w:rPr><w:b/></w:rPr>",
                Style::Added => "<w:rPr><w:b/><w:u w:val=\"single\"/></w:rPr>",
                Style::Removed => "<w:rPr><w:strike/></w:rPr>",
                Style::Quiet => "<w:rPr><w:i/><w:color w:val=\"555555\"/></w:rPr>",
            };
            format!(
                "<w:r>{style}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                xml(&r.text)
            )
        })
        .collect();
    format!("<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>")
}
