//! Importing roadmaps from the files people have: Word documents (.docx) and
//! their text exports (tab-separated), Excel workbooks (.xlsx), Markdown pipe
//! tables and CSV. One file per format reads lines and rows; [`table`]
//! interprets the rows the same way for all of them.

pub mod archive;
pub mod columns;
pub mod csv;
pub mod docx;
pub mod heading;
pub mod html;
pub mod markdown;
pub mod table;
pub mod tsv;
pub mod xlsx;

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
    /// A Word document.
    Docx,
    /// An Excel workbook.
    Xlsx,
}

impl Format {
    /// A name to show.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Format::Tsv => crate::tr!(lang, "import-tab-separated-text"),
            Format::Markdown => crate::tr!(lang, "import-markdown-tables"),
            Format::Csv => "CSV".to_string(),
            Format::Docx => crate::tr!(lang, "import-word-document-docx"),
            Format::Xlsx => crate::tr!(lang, "import-excel-workbook-xlsx"),
        }
    }

    /// Whether the format is a zip container rather than text.
    fn is_container(self) -> bool {
        matches!(self, Format::Docx | Format::Xlsx)
    }

    /// How the table reader takes this format's rows.
    fn style(self) -> table::Style {
        match self {
            Format::Tsv | Format::Markdown => table::Style::default(),
            Format::Csv => table::Style {
                html: true,
                page_breaks: false,
                preamble_rows: true,
            },
            Format::Docx | Format::Xlsx => table::Style {
                html: false,
                page_breaks: false,
                preamble_rows: true,
            },
        }
    }
}

/// Why a file could not be read, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A PDF.
    Pdf,
    /// A zip that is neither a Word document nor an Excel workbook.
    OtherZip,
    /// A zip that cannot be unpacked.
    DamagedZip(String),
    /// A part of a container that unpacks to more than the limit.
    PartTooLarge(String),
    /// XML that cannot be read.
    BadXml(String),
    /// A workbook that cannot be read.
    BadWorkbook(String),
    /// Binary data, not text.
    Binary,
    /// Text not valid in the encoding its byte-order mark names.
    BadText(&'static str),
    /// A CSV record (by number) that cannot be read.
    BadCsv(usize, String),
    /// No table rows at all.
    NoTable,
    /// Rows, but none naming the columns.
    NoHeader,
}

impl Problem {
    /// The problem in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Problem::Pdf => crate::tr!(lang, "problem-a-pdf-file-karta-reads"),
            Problem::OtherZip => crate::tr!(lang, "problem-a-zip-archive-that-is"),
            Problem::DamagedZip(e) => format!(
                "{}: {e}",
                crate::tr!(lang, "import-a-damaged-or-truncated-archive")
            ),
            Problem::PartTooLarge(name) => format!(
                "{} {name} {} {} МБ",
                crate::tr!(lang, "import-part"),
                crate::tr!(lang, "import-unpacks-to-more-than"),
                archive::MAX_PART / (1024 * 1024)
            ),
            Problem::BadXml(e) => {
                format!("{}: {e}", crate::tr!(lang, "import-a-damaged-document-xml"))
            }
            Problem::BadWorkbook(e) => format!(
                "{}: {e}",
                crate::tr!(lang, "import-the-excel-workbook-cannot-be")
            ),
            Problem::Binary => crate::tr!(lang, "problem-a-binary-file-not-text"),
            Problem::BadText(encoding) => format!(
                "{} {encoding}",
                crate::tr!(lang, "import-not-valid-text-in")
            ),
            Problem::BadCsv(n, e) => {
                format!("CSV, {} {n}: {e}", crate::tr!(lang, "import-record"))
            }
            Problem::NoTable => crate::tr!(lang, "problem-no-table-found-expected-word"),
            Problem::NoHeader => crate::tr!(lang, "problem-no-header-row-naming-the"),
        }
    }
}

/// What a file holds once split into lines, with what its structure says
/// about the heading beyond the lines.
#[derive(Debug, Default)]
pub struct Source {
    /// The lines and rows in order.
    pub lines: Vec<SourceLine>,
    /// The title, when the file marks it (a Word paragraph styled as title).
    pub title: Option<String>,
    /// The municipality, when the file marks it (styled as subtitle).
    pub municipality: Option<String>,
    /// The period, when the file marks it (a subtitle "на 2024–2025 годы").
    pub period: Option<Period>,
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
        match self {
            ImportWarning::StrayText { line } => {
                crate::tr!(lang, "warning-stray-text", line = line.to_string())
            }
            ImportWarning::ExtraCells { line, count } => crate::tr!(
                lang,
                "warning-extra-cells",
                line = line.to_string(),
                count = *count
            ),
            ImportWarning::PeriodFromDeadlines { from, to } => crate::tr!(
                lang,
                "warning-period-from-deadlines",
                from = from.to_string(),
                to = to.to_string()
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
    /// Language of the error messages.
    pub lang: Lang,
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
    let lang = options.lang;
    let bytes = crate::store::disk::file::read_limited(path).map_err(|e| {
        fail(strip_path(
            &crate::present::errors::store_error(&e, lang),
            path,
        ))
    })?;
    let (mut roadmap, report) =
        import_bytes(&bytes, path, options.format).map_err(|p| fail(p.describe(lang)))?;
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

/// Reads the bytes of a file: a Word or Excel container by its content, else
/// text in the given or detected format (`path` names it for the detection
/// by extension). Never panics, whatever the bytes.
pub fn import_bytes(
    bytes: &[u8],
    path: &Path,
    format: Option<Format>,
) -> Result<(Roadmap, ImportReport), Problem> {
    if bytes.starts_with(b"PK\x03\x04") || format.is_some_and(Format::is_container) {
        let mut archive = archive::Archive::open(bytes)?;
        let found = archive.format().ok_or(Problem::OtherZip)?;
        let source = match found {
            Format::Docx => docx::read(&mut archive)?,
            _ => xlsx::read(&mut archive)?,
        };
        return import_source(source, found);
    }
    let (text, encoding) = decode(bytes)?;
    let format = format.unwrap_or_else(|| detect(path, &text));
    let (roadmap, mut report) = import_source(split(&text, format)?, format)?;
    report.encoding = encoding;
    Ok((roadmap, report))
}

fn strip_path(message: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    message.strip_prefix(&prefix).unwrap_or(message).to_string()
}

/// Text of the file: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Windows-1251 (the usual Russian Windows encoding). Binary files are refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), Problem> {
    if bytes.starts_with(b"%PDF") {
        return Err(Problem::Pdf);
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(Problem::BadText(encoding.name()));
        }
        let name = (encoding != encoding_rs::UTF_8).then(|| encoding.name());
        return Ok((text.into_owned(), name));
    }
    if bytes.contains(&0) {
        return Err(Problem::Binary);
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

/// Imports a roadmap from text in the given format; a problem is described
/// in Russian.
pub fn import_text(text: &str, format: Format) -> Result<(Roadmap, ImportReport), String> {
    split(text, format)
        .and_then(|source| import_source(source, format))
        .map_err(|p| p.describe(Lang::default()))
}

/// Splits text into lines in a text format.
fn split(text: &str, format: Format) -> Result<Source, Problem> {
    let lines = match format {
        Format::Tsv => tsv::read(text),
        Format::Markdown => markdown::read(text),
        Format::Csv => csv::read(text)?,
        Format::Docx | Format::Xlsx => return Err(Problem::OtherZip),
    };
    Ok(Source {
        lines,
        ..Source::default()
    })
}

/// The lines of the heading block: everything above the table's first row
/// (or above its header, where rows above it are a preamble in cells), a
/// cell of several lines giving several.
fn heading_lines(lines: &[SourceLine], end: usize) -> Vec<String> {
    let mut out = Vec::new();
    for l in &lines[..end] {
        match &l.line {
            Line::Text(t) => out.push(crate::model::text::sanitize(t)),
            Line::Row(cells) if cells.iter().any(|c| c.contains('\n')) => out.extend(
                cells
                    .iter()
                    .flat_map(|c| c.lines())
                    .map(crate::model::text::sanitize),
            ),
            Line::Row(cells) => out.push(crate::model::text::sanitize(cells.join(" ").trim())),
            Line::Blank => out.push(String::new()),
        }
    }
    out
}

/// Imports a roadmap from its lines.
fn import_source(source: Source, format: Format) -> Result<(Roadmap, ImportReport), Problem> {
    let lines = source.lines;
    let style = format.style();
    let (first, header) = table::find_table(&lines)?;
    let first = if style.preamble_rows { header } else { first };
    let mut heading = heading::read(&heading_lines(&lines, first));
    if let Some(title) = source.title {
        heading.period = heading::find_period(&title).or(heading.period);
        if heading.municipality.is_empty() {
            heading.municipality = heading::find_municipality(&title).unwrap_or_default();
        }
        heading.title = title;
    }
    if let Some(m) = source.municipality {
        heading.municipality = m;
    }
    heading.period = source.period.or(heading.period);
    let table = table::read(&lines, first, header, style);
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
