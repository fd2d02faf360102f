//! Starting and stopping the editor: open the file (and its crash journal),
//! set up the terminal, loop over keys, restore the terminal. With a view
//! of the file in the cache, the first frame is drawn from it while the
//! document loads in the background (see `loader.rs`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::layout::Rect;

use crate::i18n::Lang;
use crate::present::errors::details_in_log;
use crate::store::disk::cache::{Fingerprint, ViewCache};
use crate::store::{self, Doc};

use super::app::App;
use super::keymap::Keymap;
use super::loader::{self, Loader};
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
    /// Where views of files are cached for a fast start (None: no cache;
    /// see [`ViewCache::default_dir`]).
    pub cache_dir: Option<PathBuf>,
    /// The user's own keys over the built-in keymap (None: the built-in
    /// keymap alone; see [`crate::config::keymap_file`]).
    pub keymap_file: Option<PathBuf>,
}

/// Opens the file (or sample) and builds the editor's state, applying a
/// crash journal left beside the file. When the view cache holds the
/// roadmap of the file's bytes, the editor is built from it and the
/// document goes on loading in the background.
pub fn open_app(options: &Options) -> Result<App> {
    let keymap = Keymap::load(&options.keymap, options.keymap_file.as_deref())?;
    let (lang, today) = (options.lang, options.today);
    let Some(path) = &options.file else {
        let mut doc = crate::sample::document()?;
        doc.set_author(Some(&options.author));
        return Ok(App::new(doc, None, keymap, lang, today));
    };
    let cache = options.cache_dir.clone().map(ViewCache::new);
    let bytes = store::disk::file::read_limited(path)?;
    let fingerprint = Fingerprint::of(&bytes);
    if let Some(view) = cache.as_ref().and_then(|c| c.load(path, fingerprint)) {
        tracing::info!(file = %path.display(), "opened from the view cache");
        let loader = Loader::new(
            bytes,
            path.clone(),
            options.author.clone(),
            fingerprint,
            view.heads,
        );
        // The author, for a copy saved should the document not load.
        let mut placeholder = Doc::placeholder();
        placeholder.set_author(Some(&options.author));
        let mut app = App::assemble(
            placeholder,
            view.roadmap,
            view.conflicts,
            Some(path.clone()),
            keymap,
            lang,
            today,
        );
        app.document.deleted_but_edited = view.deleted_but_edited;
        app.document.loading = Some(loader);
        app.set_view_cache(cache);
        app.restore_early();
        app.set_data_dir(crate::config::data_dir());
        app.restore_draft();
        return Ok(app);
    }
    let loaded = loader::load(bytes, path, &options.author, None)?;
    let recovery = loaded.recovery;
    let roadmap = loaded.roadmap.unwrap_or_else(|| loaded.doc.roadmap());
    let mut app = App::assemble(
        loaded.doc,
        roadmap,
        // Found by a scan behind the first frame.
        Vec::new(),
        Some(path.clone()),
        keymap,
        lang,
        today,
    );
    app.read_marks();
    app.set_view_cache(cache);
    app.take_conflicts(loaded.conflicts, (!recovery.changed).then_some(fingerprint));
    app.announce_recovery(recovery);
    app.restore_early();
    app.apply_early();
    app.restore_draft();
    Ok(app)
}

/// Runs the editor until the user quits.
pub fn run(options: &Options) -> Result<()> {
    let started = Instant::now();
    crate::log::start();
    let mut app = open_app(options)?;
    super::live::start_configured(&mut app);
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("{}", crate::tr!(options.lang, "run-needs-a-terminal-for-a"));
    }
    let mut terminal = ratatui::try_init().context("terminal")?;
    store::disk::file::hush_caught_panics();
    draw(&mut terminal, &mut app)?;
    tracing::info!(
        ms = started.elapsed().as_millis(),
        loading = app.is_loading(),
        "first frame drawn"
    );
    // A failure inside the editor restores the terminal before it is told
    // (every edit made is in the journal already).
    let result = store::disk::file::quietly(|| event_loop(&mut terminal, &mut app));
    ratatui::restore();
    match result {
        Ok(result) => result,
        Err(_) => anyhow::bail!(
            "{}{}",
            crate::tr!(options.lang, "run-internal-error-in-the-editor"),
            details_in_log(options.lang, crate::log::file().as_deref())
        ),
    }
}

fn draw(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    let size = terminal.size()?;
    app.fit_to(Rect::new(0, 0, size.width, size.height));
    terminal.draw(|frame| ui::render(app, frame))?;
    Ok(())
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    loop {
        app.upkeep();
        draw(terminal, app)?;
        if app.quit {
            app.send_before_quit(&mut |app| {
                let _ = draw(terminal, app);
            });
            return Ok(());
        }
        let wait = if app.busy() { 50 } else { 500 };
        if !event::poll(Duration::from_millis(wait))? {
            app.tick();
            continue;
        }
        loop {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    if app.waits_for(key) {
                        app.status.say(crate::tr!(app.lang, "run-loading-the-file"));
                        draw(terminal, app)?;
                    }
                    app.handle_key(key);
                }
                Event::Paste(text) => app.paste(&text),
                _ => {}
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}
