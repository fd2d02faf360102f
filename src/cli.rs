//! The command line: every job of karta can be scripted.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::commands;
use crate::config::Config;
use crate::export::ExportFormat;
use crate::r#gen::GenOptions;
use crate::i18n::Lang;
use crate::import::{Format, ImportOptions};
use crate::model::Period;
use crate::report::ReportKind;

/// karta — дорожные карты управлений образования: offline editing, merging by
/// file exchange, reports.
#[derive(Debug, Parser)]
#[command(name = "karta", version, about, long_about = None)]
pub struct Cli {
    /// Roadmap to open (a bundled sample when none is given).
    pub file: Option<PathBuf>,
    /// Interface language (ru, en); the config file's, else Russian.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
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
    /// Generate a synthetic roadmap with a long history (for benchmarks).
    Gen {
        /// Activities in the imported roadmap.
        #[arg(long, default_value_t = 1000)]
        activities: usize,
        /// Edits made after the import, by several authors.
        #[arg(long, default_value_t = 10_000)]
        edits: usize,
        /// Seed: the same arguments give the same roadmap.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The .karta file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output if it exists.
        #[arg(long)]
        force: bool,
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
    let lang = cli
        .lang
        .or_else(|| config.lang.as_deref().and_then(Lang::parse))
        .unwrap_or_default();
    match cli.command {
        None => commands::open(cli.file.as_deref()),
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
            commands::import::run(&source, &output, &options, force, &config, lang)
        }
        Some(Command::Export {
            file,
            format,
            output,
        }) => commands::export::run(&file, format, output.as_deref()),
        Some(Command::Report { file, by, today }) => commands::roadmap::report(&file, by, today),
        Some(Command::New {
            file,
            title,
            municipality,
            period,
        }) => commands::roadmap::new(&file, title, municipality, period, &config, lang),
        Some(Command::Whoami { set }) => commands::roadmap::whoami(set, config, lang),
        Some(Command::Renumber { file }) => commands::roadmap::renumber(&file, &config, lang),
        Some(Command::Gen {
            activities,
            edits,
            seed,
            output,
            force,
        }) => commands::r#gen::run(
            &GenOptions {
                activities,
                edits,
                seed,
            },
            &output,
            force,
        ),
    }
}
