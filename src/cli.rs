//! The command line: every job of karta can be scripted.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::export::ExportFormat;
use crate::import::{self, Format, ImportOptions};
use crate::model::{Period, Roadmap};
use crate::report::{self, ReportKind};
use crate::store::{self, Doc};

/// karta — дорожные карты управлений образования: offline editing, merging by
/// file exchange, reports.
#[derive(Debug, Parser)]
#[command(name = "karta", version, about, long_about = None)]
pub struct Cli {
    /// Roadmap to open (a bundled sample when none is given).
    pub file: Option<PathBuf>,
    /// What to do instead of opening the roadmap.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a roadmap from Word text (tab-separated), Markdown tables or CSV.
    Import {
        /// The file to read.
        source: PathBuf,
        /// The .karta file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// The format, instead of detecting it.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Title, instead of the one found in the file.
        #[arg(long)]
        title: Option<String>,
        /// Municipality, instead of the one found in the file.
        #[arg(long)]
        municipality: Option<String>,
        /// Overwrite the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a roadmap as JSON, Markdown or CSV.
    Export {
        /// The roadmap.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Where to write (standard output when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print a view of the roadmap: by mechanism, person or deadline.
    Report {
        /// The roadmap.
        file: PathBuf,
        /// Which view.
        #[arg(long, value_enum, default_value = "mechanism")]
        by: ReportKind,
        /// The day to judge deadlines by (YYYY-MM-DD; today when absent).
        #[arg(long, value_parser = parse_day)]
        today: Option<NaiveDate>,
    },
    /// Create an empty roadmap.
    New {
        /// The .karta file to create.
        file: PathBuf,
        /// Title of the roadmap.
        #[arg(long)]
        title: String,
        /// Municipality.
        #[arg(long, default_value = "")]
        municipality: String,
        /// Years covered, e.g. 2024-2026.
        #[arg(long, value_parser = parse_years)]
        period: Option<Period>,
    },
    /// Show or set the name recorded with your changes.
    Whoami {
        /// Your name, e.g. "Иванова И.И.".
        #[arg(long)]
        set: Option<String>,
    },
    /// Number sections and activities hierarchically (1., 1.1., 1.1.1.).
    Renumber {
        /// The roadmap.
        file: PathBuf,
    },
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("«{s}» is not a date in the form YYYY-MM-DD"))
}

fn parse_years(s: &str) -> Result<Period, String> {
    let (a, b) = s.split_once(['-', '–']).unwrap_or((s, s));
    let from: i32 = a
        .trim()
        .parse()
        .map_err(|_| format!("«{s}»: expected YYYY or YYYY-YYYY"))?;
    let to: i32 = b
        .trim()
        .parse()
        .map_err(|_| format!("«{s}»: expected YYYY or YYYY-YYYY"))?;
    if from > to || !(1900..=2200).contains(&from) || !(1900..=2200).contains(&to) {
        return Err(format!("«{s}»: not a period of years"));
    }
    Period::years(from, to).ok_or_else(|| format!("«{s}»: not a period of years"))
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    let config = Config::load()?;
    match cli.command {
        None => open(cli.file.as_deref()),
        Some(Command::Import {
            source,
            output,
            format,
            title,
            municipality,
            force,
        }) => {
            let options = ImportOptions {
                format,
                title,
                municipality,
            };
            import_cmd(&source, &output, &options, force, &config)
        }
        Some(Command::Export {
            file,
            format,
            output,
        }) => export_cmd(&file, format, output.as_deref()),
        Some(Command::Report { file, by, today }) => {
            let doc = store::open(&file)?;
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            print(&report::render(&doc.roadmap(), by, today))
        }
        Some(Command::New {
            file,
            title,
            municipality,
            period,
        }) => new_cmd(&file, title, municipality, period, &config),
        Some(Command::Whoami { set }) => whoami(set, config),
        Some(Command::Renumber { file }) => {
            let mut doc = store::open(&file)?;
            doc.set_author(Some(&config.author()));
            let changed = doc.renumber()?;
            store::save(&file, &mut doc)?;
            println!("{}: {changed} numbers changed", file.display());
            Ok(())
        }
    }
}

/// Writes text to standard output; a closed pipe is not an error.
fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

/// The bundled sample, so that `karta` with no file shows a real roadmap.
const SAMPLE: &[u8] = include_bytes!("../samples/chernogorsk.karta");

fn open(file: Option<&Path>) -> Result<()> {
    let doc = match file {
        Some(path) => store::open(path)?,
        None => Doc::from_bytes(SAMPLE, Path::new("samples/chernogorsk.karta"))?,
    };
    let today = chrono::Local::now().date_naive();
    print(&report::render(
        &doc.roadmap(),
        ReportKind::Mechanism,
        today,
    ))
}

fn refuse_overwrite(output: &Path, force: bool) -> Result<()> {
    if output.exists() && !force {
        bail!(
            "{}: already exists; choose another name or add --force to replace it",
            output.display()
        );
    }
    Ok(())
}

fn import_cmd(
    source: &Path,
    output: &Path,
    options: &ImportOptions,
    force: bool,
    config: &Config,
) -> Result<()> {
    refuse_overwrite(output, force)?;
    let (roadmap, report) = import::import_file(source, options)?;
    let mut doc = Doc::create(
        &roadmap,
        Some(&config.author()),
        &format!("import {}", source.display()),
    )?;
    store::save(output, &mut doc)?;
    let mut out = format!(
        "{} → {}\nread as {}{}\n{}, {}, {} people and bodies\n",
        source.display(),
        output.display(),
        report.format.map_or("?", Format::name),
        report
            .encoding
            .map(|e| format!(" ({e})"))
            .unwrap_or_default(),
        crate::plural::sections(report.sections),
        crate::plural::activities(report.activities),
        report.people.len(),
    );
    let m = &roadmap.meta;
    out.push_str(&format!(
        "title: {}\n",
        crate::model::text::one_line(&m.title)
    ));
    if !m.municipality.is_empty() {
        out.push_str(&format!("municipality: {}\n", m.municipality));
    }
    if let Some(a) = &m.approval {
        let date = a.date.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&format!("approved: order № {} of {date}\n", a.number));
    }
    if let Some(p) = m.period {
        out.push_str(&format!("period: {} – {}\n", p.from, p.to));
    }
    if !report.unknown_deadlines.is_empty() {
        out.push_str(&format!(
            "deadlines not understood ({}):\n",
            report.unknown_deadlines.len()
        ));
        for (label, d) in &report.unknown_deadlines {
            out.push_str(&format!(
                "  {} — «{}»\n",
                crate::model::text::one_line(label),
                crate::model::text::one_line(d)
            ));
        }
    }
    if !report.guessed_deadlines.is_empty() {
        out.push_str(&format!(
            "deadlines read with a guess ({}):\n",
            report.guessed_deadlines.len()
        ));
        for (label, d) in &report.guessed_deadlines {
            out.push_str(&format!(
                "  {} — «{}»\n",
                crate::model::text::one_line(label),
                crate::model::text::one_line(d)
            ));
        }
    }
    for w in &report.warnings {
        out.push_str(&format!("note: {w}\n"));
    }
    print(&out)
}

fn export_cmd(file: &Path, format: ExportFormat, output: Option<&Path>) -> Result<()> {
    let roadmap: Roadmap = store::open(file)?.roadmap();
    let text = match format {
        ExportFormat::Json => crate::export::json::to_string(&roadmap),
        ExportFormat::Md => crate::export::markdown::to_string(&roadmap),
        ExportFormat::Csv => crate::export::csv::to_string(&roadmap)
            .with_context(|| format!("{}: writing CSV", file.display()))?,
    };
    match output {
        Some(path) => Ok(store::file::write_atomic(path, text.as_bytes())?),
        None => print(&text),
    }
}

fn new_cmd(
    file: &Path,
    title: String,
    municipality: String,
    period: Option<Period>,
    config: &Config,
) -> Result<()> {
    refuse_overwrite(file, false)?;
    let mut roadmap = Roadmap::default();
    roadmap.meta.title = title;
    roadmap.meta.municipality = municipality;
    roadmap.meta.period = period;
    roadmap.columns = crate::model::default_columns();
    let mut doc = Doc::create(&roadmap, Some(&config.author()), "new roadmap")?;
    store::save(file, &mut doc)?;
    println!("{}: new roadmap {}", file.display(), doc.roadmap_id());
    Ok(())
}

fn whoami(set: Option<String>, mut config: Config) -> Result<()> {
    match set {
        Some(name) => {
            let name = crate::model::text::one_line(&name).trim().to_string();
            if name.is_empty() {
                bail!("the name is empty");
            }
            config.name = Some(name.clone());
            let path = config.save()?;
            println!("{name} ({})", path.display());
        }
        None => match &config.name {
            Some(name) => println!("{name}"),
            None => println!(
                "{} (not set; set it with: karta whoami --set \"Фамилия И.О.\")",
                config.author()
            ),
        },
    }
    Ok(())
}
