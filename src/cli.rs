//! The command line: every job of karta can be scripted.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::commands;
use crate::config::Config;
use crate::describe::Gender;
use crate::export::ExportFormat;
use crate::r#gen::GenOptions;
use crate::i18n::{Lang, Message};
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
    /// The day the editor judges deadlines by (YYYY-MM-DD; today when absent).
    #[arg(long, value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    /// Built-in keymap of the editor: default or vim (else the config's).
    #[arg(long)]
    pub keymap: Option<String>,
    /// What to do instead of opening the roadmap.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a roadmap from Word (.docx or text), Excel (.xlsx), Markdown tables or CSV.
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
    /// Write a roadmap as JSON, Markdown, CSV, Word (docx), Excel (xlsx) or a calendar (ics).
    Export {
        /// The roadmap.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Where to write (standard output when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// CSV delimiter: one character, or "tab" (`;` when absent, as
        /// Russian Excel expects).
        #[arg(long, value_parser = parse_delimiter)]
        delimiter: Option<u8>,
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
        /// Your gender, f or m (ж, м), for surnames that do not show it
        /// (Сенюта, Белых): "изменила", not "изменил(а)".
        #[arg(long, value_parser = parse_gender)]
        gender: Option<Gender>,
    },
    /// Number sections and activities hierarchically (1., 1.1., 1.1.1.).
    Renumber {
        /// The roadmap.
        file: PathBuf,
    },
    /// Merge other copies or bundles into MINE and say who changed what.
    Merge {
        /// Your copy, written atomically.
        mine: PathBuf,
        /// Copies or bundles received from others.
        #[arg(required = true)]
        theirs: Vec<PathBuf>,
        /// Only show what would change.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write only the changes another copy lacks.
    Bundle {
        /// The roadmap.
        file: PathBuf,
        /// The other side's copy (what it already has).
        #[arg(long, conflicts_with = "to")]
        since: Option<PathBuf>,
        /// The correspondent: everything since the last bundle made for them.
        #[arg(long)]
        to: Option<String>,
        /// The bundle file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// List fields two people set differently.
    Conflicts {
        /// The roadmap.
        file: PathBuf,
    },
    /// Settle a conflict: pick one of the values or type the final one.
    Resolve {
        /// The roadmap.
        file: PathBuf,
        /// Number of the activity or section ("-": the heading).
        number: String,
        /// The field (deadline, status, responsible, title…).
        field: String,
        /// The final value.
        #[arg(required_unless_present_any = ["pick", "keep_both"], conflicts_with_all = ["pick", "keep_both"])]
        value: Option<String>,
        /// Take value N of the list shown by `karta conflicts`.
        #[arg(long, conflicts_with = "keep_both")]
        pick: Option<usize>,
        /// For text: keep every value (each paragraph once).
        #[arg(long)]
        keep_both: bool,
    },
    /// Who changed what and when, newest first.
    Log {
        /// The roadmap.
        file: PathBuf,
        /// Only the changes of this activity or section.
        #[arg(long)]
        number: Option<String>,
        /// Show at most this many changes.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// The roadmap as it was right after a change (see `karta log`).
    Show {
        /// The roadmap.
        file: PathBuf,
        /// The change: the first digits of its hash.
        #[arg(long)]
        at: String,
        /// JSON, Markdown or CSV instead of the mechanism report.
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
    },
    /// Set a field of an activity or section.
    Set {
        /// The roadmap.
        file: PathBuf,
        /// Number as written ("1.2" or "1.2.").
        number: String,
        /// text, deadline, status, responsible, result, or a column's title or key.
        field: String,
        /// The new value (statuses in Russian or English).
        value: String,
    },
    /// Add an activity at the end of a section.
    Add {
        /// The roadmap.
        file: PathBuf,
        /// Number of the section (outside any section when absent).
        #[arg(long)]
        section: Option<String>,
        /// What is to be done.
        #[arg(long)]
        text: String,
        /// Number as written.
        #[arg(long)]
        number: Option<String>,
        /// Deadline as written.
        #[arg(long)]
        deadline: Option<String>,
        /// Responsible people or bodies, separated by `;`.
        #[arg(long)]
        responsible: Option<String>,
    },
    /// Delete an activity, or a section with everything in it (to the bin:
    /// `karta restore` brings it back).
    Rm {
        /// The roadmap.
        file: PathBuf,
        /// Number as written (or id, or #N for the N-th activity).
        number: String,
        /// Confirms deleting a section with all its activities.
        #[arg(long)]
        section: bool,
    },
    /// List what was deleted (the bin), with edits made to it meanwhile.
    Trash {
        /// The roadmap.
        file: PathBuf,
    },
    /// Bring back a deleted activity or section with everything deleted with it.
    Restore {
        /// The roadmap.
        file: PathBuf,
        /// Number as written, or id (see karta trash).
        number: String,
    },
    /// Comment on an activity (or list, edit, remove comments).
    Comment {
        /// The roadmap.
        file: PathBuf,
        /// NUMBER "text" to comment; NUMBER alone lists its comments; with
        /// --edit, the new text.
        #[arg(num_args = 0..=2)]
        words: Vec<String>,
        /// Change the text of the comment with this id.
        #[arg(long, conflicts_with = "remove")]
        edit: Option<String>,
        /// Remove the comment with this id.
        #[arg(long)]
        remove: Option<String>,
    },
    /// Record that the roadmap as it stands was approved by an order.
    Approve {
        /// The roadmap.
        file: PathBuf,
        /// Number of the order ("491/01-08").
        #[arg(long)]
        number: String,
        /// Date of the order (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        date: NaiveDate,
    },
    /// List the approved editions and how much changed after each.
    Approvals {
        /// The roadmap.
        file: PathBuf,
    },
    /// What changed since the approved edition, a change or a day, in words.
    Diff {
        /// The roadmap.
        file: PathBuf,
        /// approved, the first digits of a change (see karta log), or YYYY-MM-DD.
        #[arg(long, default_value = "approved")]
        since: String,
        /// text, md, or docx (a «лист изменений» for Word; needs -o).
        #[arg(long, value_enum, default_value = "text")]
        format: commands::diff::DiffFormat,
        /// Where to write (standard output when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Who has which version: what was last sent to and received from each
    /// correspondent, how many of your changes they lack, and the sync
    /// server the roadmap syncs with.
    Peers {
        /// The roadmap.
        file: PathBuf,
    },
    /// Put the roadmap on a sync server and print its automerge: URL; the
    /// server is remembered for the roadmap.
    Share {
        /// The roadmap.
        file: PathBuf,
        /// The server, ws://HOST:PORT (else [sync] server of the config).
        #[arg(long)]
        server: Option<String>,
        /// The token the server asks for.
        #[arg(long)]
        token: Option<String>,
    },
    /// Exchange changes with the roadmap's sync server and save what came.
    Sync {
        /// The roadmap.
        file: PathBuf,
        /// The server, instead of the one remembered or configured.
        #[arg(long)]
        server: Option<String>,
        /// The token the server asks for.
        #[arg(long)]
        token: Option<String>,
    },
    /// Run a sync server (automerge-repo protocol) storing roadmaps in DIR.
    Serve {
        /// The port (0: any free one, printed).
        #[arg(long)]
        port: u16,
        /// The folder the server stores documents in.
        #[arg(long)]
        dir: PathBuf,
        /// The address to listen on (only this computer unless told).
        #[arg(long, default_value = "127.0.0.1")]
        listen: std::net::IpAddr,
        /// A token clients must present (?token= or Authorization: Bearer).
        #[arg(long)]
        token: Option<String>,
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

fn parse_day(s: &str) -> Result<NaiveDate, Message> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| crate::msg!("not-a-date", text = s))
}

fn parse_delimiter(s: &str) -> Result<u8, Message> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && s != "\"" && s != "\n" => Ok(s.as_bytes()[0]),
        _ => Err(crate::msg!("not-a-delimiter", text = s)),
    }
}

fn parse_years(s: &str) -> Result<Period, Message> {
    let not_a_period = || crate::msg!("not-a-period", text = s);
    let (a, b) = s.split_once(['-', '–']).unwrap_or((s, s));
    let from: i32 = a.trim().parse().map_err(|_| not_a_period())?;
    let to: i32 = b.trim().parse().map_err(|_| not_a_period())?;
    if from > to || !(1900..=2200).contains(&from) || !(1900..=2200).contains(&to) {
        return Err(not_a_period());
    }
    Period::years(from, to).ok_or_else(not_a_period)
}

fn parse_gender(s: &str) -> Result<Gender, Message> {
    Gender::parse(s).ok_or_else(|| crate::msg!("not-a-gender", text = s))
}

/// The language the command speaks: `--lang`, else the config's, else
/// Russian.
pub fn language(cli: &Cli) -> Lang {
    cli.lang
        .or_else(|| {
            Config::load()
                .ok()
                .and_then(|c| c.lang.as_deref().and_then(Lang::parse))
        })
        .unwrap_or_default()
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    let config = Config::load()?;
    let lang = language(&cli);
    if let (Some(name), Some(gender)) = (
        &config.name,
        config.gender.as_deref().and_then(Gender::parse),
    ) {
        crate::describe::tell_gender(name, gender);
    }
    match cli.command {
        None if std::io::stdout().is_terminal() => crate::tui::run(&crate::tui::Options {
            file: cli.file,
            lang,
            today: cli
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            keymap: cli
                .keymap
                .or(config.keymap.clone())
                .unwrap_or_else(|| "default".to_string()),
            author: config.author(),
            cache_dir: crate::store::disk::cache::ViewCache::default_dir(),
            keymap_file: crate::config::keymap_file(),
        }),
        None => commands::open(cli.file.as_deref(), lang),
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
                lang,
            };
            commands::import::run(&source, &output, &options, force, &config, lang)
        }
        Some(Command::Export {
            file,
            format,
            output,
            delimiter,
        }) => commands::export::run(&file, format, output.as_deref(), delimiter, lang),
        Some(Command::Report {
            file,
            by: ReportKind::Cycle,
            ..
        }) => commands::cycle::report(&file, lang),
        Some(Command::Report { file, by, today }) => {
            commands::roadmap::report(&file, by, today, lang)
        }
        Some(Command::New {
            file,
            title,
            municipality,
            period,
        }) => commands::roadmap::new(&file, title, municipality, period, &config, lang),
        Some(Command::Whoami { set, gender }) => {
            commands::roadmap::whoami(set, gender, config, lang)
        }
        Some(Command::Renumber { file }) => commands::roadmap::renumber(&file, &config, lang),
        Some(Command::Merge {
            mine,
            theirs,
            dry_run,
        }) => commands::collab::merge(&mine, &theirs, dry_run, &config, lang),
        Some(Command::Bundle {
            file,
            since,
            to,
            output,
        }) => commands::collab::make_bundle(
            &file,
            since.as_deref(),
            to.as_deref(),
            &output,
            &config,
            lang,
        ),
        Some(Command::Conflicts { file }) => commands::collab::list_conflicts(&file, &config, lang),
        Some(Command::Resolve {
            file,
            number,
            field,
            value,
            pick,
            keep_both,
        }) => commands::collab::resolve(
            &file,
            &number,
            &field,
            match (value.as_deref(), pick) {
                (Some(v), _) => commands::collab::Choice::Value(v),
                (None, Some(n)) => commands::collab::Choice::Pick(n),
                (None, None) if keep_both => commands::collab::Choice::KeepBoth,
                (None, None) => commands::collab::Choice::Value(""),
            },
            &config,
            lang,
        ),
        Some(Command::Log {
            file,
            number,
            limit,
        }) => commands::history::log(&file, number.as_deref(), limit, lang),
        Some(Command::Show { file, at, format }) => {
            commands::history::show(&file, &at, format, lang)
        }
        Some(Command::Set {
            file,
            number,
            field,
            value,
        }) => commands::edit::set(&file, &number, &field, &value, &config, lang),
        Some(Command::Add {
            file,
            section,
            text,
            number,
            deadline,
            responsible,
        }) => {
            let new = commands::edit::NewActivity {
                section: section.as_deref(),
                number: number.as_deref(),
                text: &text,
                deadline: deadline.as_deref(),
                responsible: responsible.as_deref(),
            };
            commands::edit::add(&file, &new, &config, lang)
        }
        Some(Command::Rm {
            file,
            number,
            section,
        }) => commands::edit::rm(&file, &number, section, &config, lang),
        Some(Command::Trash { file }) => commands::trash::trash(&file, &config, lang),
        Some(Command::Restore { file, number }) => {
            commands::trash::restore(&file, &number, &config, lang)
        }
        Some(Command::Comment {
            file,
            words,
            edit,
            remove,
        }) => {
            let request = commands::comment::request(&words, edit.as_deref(), remove.as_deref())?;
            commands::comment::run(&file, request, &config, lang)
        }
        Some(Command::Approve { file, number, date }) => {
            commands::approval::approve(&file, &number, date, &config, lang)
        }
        Some(Command::Approvals { file }) => commands::approval::list(&file, lang),
        Some(Command::Diff {
            file,
            since,
            format,
            output,
        }) => commands::diff::run(&file, &since, format, output.as_deref(), lang),
        Some(Command::Peers { file }) => commands::peers::run(&file, &config, lang),
        Some(Command::Share {
            file,
            server,
            token,
        }) => commands::sync::share(&file, server.as_deref(), token.as_deref(), &config, lang),
        Some(Command::Sync {
            file,
            server,
            token,
        }) => commands::sync::sync(&file, server.as_deref(), token.as_deref(), &config, lang),
        Some(Command::Serve {
            port,
            dir,
            listen,
            token,
        }) => commands::sync::serve(port, dir, listen, token, lang),
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
