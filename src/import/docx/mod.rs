//! Word documents (.docx): the body of `word/document.xml` read in order into
//! the lines the table reader takes. Paragraphs become text lines; the table
//! holding the header row becomes rows, with cells merged across the row
//! (`gridSpan`, section headings) spread over their columns and cells merged
//! down (`vMerge`, one responsible for several rows) repeated in every row;
//! the paragraphs of a cell are its lines; Word's automatic numbering
//! (`numPr` + `word/numbering.xml`) is written out as text. A later table
//! with the same header or the same columns continues the roadmap (a table
//! split across pages); tables above it (a borderless layout holding the
//! approval block) are read as text. Paragraphs styled as title or subtitle
//! give the title, the municipality and the period.
//!
//! The reading is split by concern: `body` reads the paragraphs and
//! tables of `document.xml`, `styles` the names of paragraph styles,
//! `numbering` Word's list counters, `layout` lays the blocks out as the
//! lines and rows the table reader takes.

mod body;
mod layout;
mod numbering;
mod styles;

use std::collections::HashMap;

use super::archive::Archive;
use super::{Problem, Source};
use body::Body;
use layout::to_source;
use numbering::Numbering;
use styles::style_names;

/// Reads the document in `archive`.
pub fn read(archive: &mut Archive) -> Result<Source, Problem> {
    let document = archive
        .text("word/document.xml")?
        .ok_or_else(|| Problem::BadXml("word/document.xml".into()))?;
    let mut numbering = match archive.text("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml)?,
        None => Numbering::default(),
    };
    let styles = match archive.text("word/styles.xml")? {
        Some(xml) => style_names(&xml)?,
        None => HashMap::new(),
    };
    let blocks = Body::parse(&document, &mut numbering)?;
    Ok(to_source(blocks, &styles))
}
