//! Importing roadmaps from the text people have: Word exports (tab-separated
//! text), Markdown pipe tables and CSV. One file per format reads lines and
//! rows; [`table`] interprets the rows the same way for all of them.

pub mod columns;
pub mod csv;
pub mod heading;
pub mod html;
pub mod markdown;
pub mod table;
pub mod tsv;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::i18n::Lang;
use crate::model::{Period, Roadmap, deadline, people};

/// One line of the source: blank, plain text, or a table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// An empty line (often a page break inside a table).
    Blank,
    /// Text outside a table.
    Text(String),
    /// A table row's cells, as written.
    Row(Vec<String>),
}

/// A line with its 1-based number in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// Line number in the file.
    pub number: usize,
    /// What the line holds.
    pub line: Line,
}

/// The formats karta reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tab-separated text exported from Word.
    Tsv,
    /// Markdown pipe tables.
    Markdown,
    /// Comma- or semicolon-separated values.
    Csv,
}

impl Format {
    /// A name to show.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Format::Tsv => lang.t("текст с табуляциями", "tab-separated text"),
            Format::Markdown => lang.t("таблицы Markdown", "Markdown tables"),
            Format::Csv => "CSV",
        }
    }
}

/// A decision the reader made that the user should know of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// Text outside the table, kept in the notes.
    StrayText {
        /// Line of the source.
        line: usize,
    },
    /// A row with more cells than the header, joined to the last column.
    ExtraCells {
        /// Line of the source.
        line: usize,
        /// How many cells more.
        count: usize,
    },
    /// No period in the heading: taken from the years the deadlines name.
    PeriodFromDeadlines {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
}

impl ImportWarning {
    /// The warning in words.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportWarning::StrayText { line }, Lang::Ru) => {
                format!("строка {line}: текст вне таблицы сохранён в примечаниях")
            }
            (ImportWarning::StrayText { line }, Lang::En) => {
                format!("line {line}: text outside the table kept in the notes")
            }
            (ImportWarning::ExtraCells { line, count }, Lang::Ru) => format!(
                "строка {line}: ячеек больше, чем в заголовке, на {count}; присоединены к последнему столбцу"
            ),
            (ImportWarning::ExtraCells { line, count }, Lang::En) => format!(
                "line {line}: {count} cells more than the header has; joined to the last column"
            ),
            (ImportWarning::PeriodFromDeadlines { from, to }, Lang::Ru) => {
                format!("период не назван в заголовке; взят по годам в сроках: {from}–{to}")
            }
            (ImportWarning::PeriodFromDeadlines { from, to }, Lang::En) => format!(
                "period not named in the title; taken from the years in the deadlines: {from}–{to}"
            ),
        }
    }
}

/// Why an import failed: one line naming the file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub reason: String,
}

/// What an import read, for the user to check.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// The format that was read.
    pub format: Option<Format>,
    /// The text encoding, when not UTF-8.
    pub encoding: Option<&'static str>,
    /// Number of sections at every level.
    pub sections: usize,
    /// Number of activities.
    pub activities: usize,
    /// Distinct people and bodies (canonical spelling), sorted.
    pub people: Vec<String>,
    /// Deadlines not understood: (activity number or text start, deadline).
    pub unknown_deadlines: Vec<(String, String)>,
    /// Deadlines read with a correction or an inference.
    pub guessed_deadlines: Vec<(String, String)>,
    /// Decisions the reader made.
    pub warnings: Vec<ImportWarning>,
}

/// Overrides for what the heading block says.
#[derive(Debug, Default, Clone)]
pub struct ImportOptions {
    /// Format instead of detecting it.
    pub format: Option<Format>,
    /// Title instead of the one found.
    pub title: Option<String>,
    /// Municipality instead of the one found.
    pub municipality: Option<String>,
}

/// Imports a roadmap file.
pub fn import_file(
    path: &Path,
    options: &ImportOptions,
) -> Result<(Roadmap, ImportReport), ImportError> {
    let fail = |reason: String| ImportError {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = crate::store::file::read_limited(path)
        .map_err(|e| fail(strip_path(&e.to_string(), path)))?;
    let (text, encoding) = decode(&bytes).map_err(fail)?;
    let format = options.format.unwrap_or_else(|| detect(path, &text));
    let (mut roadmap, mut report) = import_text(&text, format).map_err(fail)?;
    report.encoding = encoding;
    if let Some(t) = &options.title {
        roadmap.meta.title = t.clone();
    }
    if roadmap.meta.title.is_empty() {
        roadmap.meta.title = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    if let Some(m) = &options.municipality {
        roadmap.meta.municipality = m.clone();
    }
    Ok((roadmap, report))
}

fn strip_path(message: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    message.strip_prefix(&prefix).unwrap_or(message).to_string()
}

/// Text of the file: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Windows-1251 (the usual Russian Windows encoding). Binary files are refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err("a Word .docx or other zip file: save it from Word as plain text (.txt) and import that".into());
    }
    if bytes.starts_with(b"%PDF") {
        return Err("a PDF file: karta imports text, Markdown or CSV".into());
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(format!("not valid {} text", encoding.name()));
        }
        let name = (encoding != encoding_rs::UTF_8).then(|| encoding.name());
        return Ok((text.into_owned(), name));
    }
    if bytes.contains(&0) {
        return Err("a binary file, not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
            Ok((text.into_owned(), Some("windows-1251")))
        }
    }
}

/// Guesses the format from the extension and the content.
pub fn detect(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => Format::Csv,
        "md" | "markdown" => Format::Markdown,
        _ if markdown::looks_like(text) => Format::Markdown,
        _ if tsv::looks_like(text) => Format::Tsv,
        _ => Format::Tsv,
    }
}

/// Imports a roadmap from text in the given format.
pub fn import_text(text: &str, format: Format) -> Result<(Roadmap, ImportReport), String> {
    let lines = match format {
        Format::Tsv => tsv::read(text),
        Format::Markdown => markdown::read(text),
        Format::Csv => csv::read(text)?,
    };
    let (first, header) = table::find_table(&lines)?;
    let heading_lines: Vec<String> = lines[..first]
        .iter()
        .map(|l| match &l.line {
            Line::Text(t) => crate::model::text::sanitize(t),
            Line::Row(cells) => crate::model::text::sanitize(&cells.join(" ")),
            Line::Blank => String::new(),
        })
        .collect();
    let heading = heading::read(&heading_lines);
    let table = table::read(&lines, first, header);
    let mut notes = heading.notes;
    for stray in &table.stray_text {
        if !notes.is_empty() {
            notes.push('\n');
        }
        notes.push_str(stray);
    }
    let mut roadmap = Roadmap {
        columns: table.columns,
        sections: table.sections,
        activities: table.activities,
        ..Roadmap::default()
    };
    roadmap.meta.title = heading.title;
    roadmap.meta.municipality = heading.municipality;
    roadmap.meta.approval = heading.approval;
    roadmap.meta.notes = notes;
    roadmap.meta.period = heading.period.or_else(|| period_from_deadlines(&roadmap));
    let mut report = report_of(&roadmap);
    report.format = Some(format);
    report.warnings = table.warnings;
    if heading.period.is_none()
        && let Some(p) = roadmap.meta.period
    {
        report.warnings.push(ImportWarning::PeriodFromDeadlines {
            from: p.from.year(),
            to: p.to.year(),
        });
    }
    Ok((roadmap, report))
}

/// The calendar years the deadlines mention, as a period.
fn period_from_deadlines(roadmap: &Roadmap) -> Option<Period> {
    let years: Vec<i32> = roadmap
        .activities_with_path()
        .iter()
        .flat_map(|(_, a)| {
            a.deadline
                .split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .filter(|y| (2000..=2100).contains(y))
                .collect::<Vec<_>>()
        })
        .collect();
    Period::years(*years.iter().min()?, *years.iter().max()?)
}

/// Counts, people and deadlines of a roadmap, for the import summary.
pub fn report_of(roadmap: &Roadmap) -> ImportReport {
    let ctx = roadmap.deadline_context();
    let mut people_by_key: BTreeMap<String, String> = BTreeMap::new();
    let mut report = ImportReport {
        sections: roadmap.section_count(),
        activities: roadmap.activity_count(),
        ..ImportReport::default()
    };
    let mut add_people = |entries: &[String]| {
        for e in entries {
            people_by_key
                .entry(people::entry_key(e))
                .or_insert_with(|| people::display_name(e));
        }
    };
    fn walk_sections(s: &crate::model::Section, f: &mut dyn FnMut(&[String])) {
        f(&s.responsible);
        for c in &s.sections {
            walk_sections(c, f);
        }
    }
    for s in &roadmap.sections {
        walk_sections(s, &mut add_people);
    }
    for (_, a) in roadmap.activities_with_path() {
        add_people(&a.responsible);
        if a.deadline.trim().is_empty() {
            continue;
        }
        let d = deadline::parse(&a.deadline, &ctx);
        let label = if a.number.is_empty() {
            a.text.chars().take(40).collect()
        } else {
            a.number.clone()
        };
        if d.kind == deadline::DeadlineKind::Unknown {
            report.unknown_deadlines.push((label, a.deadline.clone()));
        } else if d.guess {
            report.guessed_deadlines.push((label, a.deadline.clone()));
        }
    }
    report.people = people_by_key.into_values().collect();
    report.people.sort();
    report
}
