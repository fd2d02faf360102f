//! Starting and stopping the editor: open the file (and its crash journal),
//! set up the terminal, loop over keys, restore the terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::layout::Rect;

use crate::i18n::Lang;
use crate::store::journal::Journal;
use crate::store::{self, Doc};

use super::app::App;
use super::keymap::Keymap;
use super::ui;

/// What the editor starts with.
#[derive(Debug, Clone)]
pub struct Options {
    /// The file to edit; None opens the bundled sample.
    pub file: Option<PathBuf>,
    /// Interface language.
    pub lang: Lang,
    /// The day deadlines are judged by.
    pub today: NaiveDate,
    /// Built-in keymap to start from (`default`, `vim`).
    pub keymap: String,
    /// The user's name, recorded with every change.
    pub author: String,
}

/// Opens the file (or sample) and builds the editor's state, applying a
/// crash journal left beside the file.
pub fn open_app(options: &Options) -> Result<App> {
    let user_keymap = crate::config::dir().map(|d| d.join("keymap.toml"));
    let keymap = Keymap::load(&options.keymap, user_keymap.as_deref())?;
    let (mut doc, path) = match &options.file {
        Some(path) => (store::open(path)?, Some(path.clone())),
        None => (
            Doc::from_bytes(
                crate::commands::SAMPLE,
                Path::new(crate::commands::SAMPLE_NAME),
            )?,
            None,
        ),
    };
    doc.set_author(Some(&options.author));
    let recovery = match &path {
        Some(p) => Journal::recover(p, &mut doc)?,
        None => Default::default(),
    };
    let mut app = App::new(doc, path, keymap, options.lang, options.today);
    if recovery.changed {
        app.unsaved = true;
        let text = format!(
            "{} {}",
            options.lang.t(
                "Восстановлены несохранённые изменения из журнала:",
                "Unsaved changes restored from the journal:"
            ),
            recovery.records
        );
        app.say(text);
        tracing::info!(records = recovery.records, "journal applied");
    }
    Ok(app)
}

/// Runs the editor until the user quits.
pub fn run(options: &Options) -> Result<()> {
    start_log();
    let mut app = open_app(options)?;
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "{}",
            options.lang.t(
                "нужен терминал (для отчёта: karta report FILE)",
                "needs a terminal (for a report: karta report FILE)"
            )
        );
    }
    let mut terminal = ratatui::try_init().context("terminal")?;
    store::file::hush_caught_panics();
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    loop {
        let size = terminal.size()?;
        app.fit_to(Rect::new(0, 0, size.width, size.height));
        terminal.draw(|frame| ui::render(app, frame))?;
        if app.quit {
            return Ok(());
        }
        if !event::poll(Duration::from_millis(500))? {
            app.tick();
            continue;
        }
        loop {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(key),
                Event::Paste(text) => app.paste(&text),
                _ => {}
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// Sends log records to `karta.log` in the config folder (never to the
/// screen); without a folder, nowhere.
fn start_log() {
    let Some(dir) = crate::config::dir() else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("karta.log"))
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init();
}
