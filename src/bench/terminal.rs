//! The editor as a user meets it: the `karta` binary started afresh in a
//! pseudo-terminal (120×35) for every open, its output read into a screen
//! (`vt100`), keys typed into it. Times the first frame after the start
//! (cold: no view cache; warm: from it) and Ctrl-s → «Сохранено» (the first
//! save after the open waits for the document loading behind the frame;
//! the later ones write the same whole document: a save does the same work
//! with or without an edit).

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::frames::stats;

/// The terminal's rows and columns.
const ROWS: u16 = 35;
const COLS: u16 = 120;

/// How long the editor may take to show something.
const PATIENCE: Duration = Duration::from_secs(120);

/// Timings in milliseconds, by what was timed.
#[derive(Debug, Default)]
pub struct Figures {
    /// Start → first frame, no view cache.
    pub cold: Vec<f64>,
    /// Start → first frame from the view cache.
    pub warm: Vec<f64>,
    /// Ctrl-s right after the first frame → «Сохранено».
    pub first_save: Vec<f64>,
    /// Ctrl-s again, the document loaded → «Сохранено».
    pub save: Vec<f64>,
    /// A cursor key sent right after Ctrl-s → the screen answers it.
    pub key_after_save: Vec<f64>,
    /// A status edit confirmed right after a warm first frame (the
    /// document still loading) → the screen shows it.
    pub early_edit: Vec<f64>,
    /// Peak resident memory of each editor process, bytes (after its
    /// saves, before it quits).
    pub peak_rss: Vec<u64>,
    /// A bare `Automerge::load` of the file in a fresh process: ms.
    pub bare_load: Vec<f64>,
    /// Its peak resident memory, bytes.
    pub bare_peak: Vec<u64>,
}

impl Figures {
    /// The figures as a Markdown table: median and p99 of each.
    pub fn table(&self) -> String {
        let mut out =
            String::from("| workload | runs | median ms | p99 ms |\n|---|---:|---:|---:|\n");
        for (name, times) in [
            ("start → first frame, cold (no view cache)", &self.cold),
            ("start → first frame, warm (view cache)", &self.warm),
            (
                "Ctrl-s right after the first frame → «Сохранено» (waits for the load)",
                &self.first_save,
            ),
            ("Ctrl-s again, document loaded → «Сохранено»", &self.save),
            (
                "a key sent right after Ctrl-s → the screen answers",
                &self.key_after_save,
            ),
            (
                "status edit on the warm first frame (still loading) → shown",
                &self.early_edit,
            ),
            (
                "bare `Automerge::load` of the file (fresh process)",
                &self.bare_load,
            ),
        ] {
            let (median, p99) = stats(times.clone());
            out.push_str(&format!(
                "| {name} | {} | {median:.0} | {p99:.0} |\n",
                times.len()
            ));
        }
        let mb = |v: &u64| *v as f64 / 1e6;
        if let (Some(peak), Some(bare)) = (self.peak_rss.iter().max(), self.bare_peak.iter().max())
        {
            out.push_str(&format!(
                "\nPeak RSS: the editor {:.1} MB (highest of {} processes), a bare load {:.1} MB (highest of {}): {:.2}×\n",
                mb(peak),
                self.peak_rss.len(),
                mb(bare),
                self.bare_peak.len(),
                mb(peak) / mb(bare).max(f64::MIN_POSITIVE)
            ));
        }
        out
    }
}

/// Opens a copy of `file` `runs` times with `karta` (a path to the
/// binary), each in a fresh process; `saves` more saves per open.
pub fn measure(karta: &Path, file: &Path, runs: usize, saves: usize) -> Result<Figures> {
    let dir = tempfile::tempdir()?;
    let copy = dir.path().join(file.file_name().context("a file name")?);
    std::fs::copy(file, &copy).with_context(|| file.display().to_string())?;
    let mut figures = Figures::default();
    for run in 0..runs.max(1) {
        let start = Instant::now();
        let mut editor = Editor::start(karta, &copy, dir.path())?;
        editor.wait_for(&["мероприят", "Только просмотр"])?;
        let frame = ms(start);
        if run == 0 {
            &mut figures.cold
        } else {
            &mut figures.warm
        }
        .push(frame);
        if run > 0 {
            figures.early_edit.push(editor.status_edit()?);
        }
        figures.first_save.push(editor.save()?);
        for _ in 0..saves {
            figures.key_after_save.push(editor.key_after_save()?);
            figures.save.push(editor.save()?);
        }
        figures.peak_rss.extend(editor.peak_rss());
        editor.keys(b"q")?;
        editor.wait_exit()?;
        eprintln!("run {}: first frame {frame:.0} ms", run + 1);
    }
    Ok(figures)
}

/// Runs `karta-bench bare FILE` (this program) `runs` times: a bare
/// `Automerge::load` in a fresh process each, its ms and peak RSS.
pub fn bare(file: &Path, runs: usize, figures: &mut Figures) -> Result<()> {
    let me = std::env::current_exe()?;
    for _ in 0..runs.max(1) {
        let out = std::process::Command::new(&me)
            .arg("bare")
            .arg(file)
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace();
        let (Some(ms), Some(peak)) = (parts.next(), parts.next()) else {
            bail!("karta-bench bare: {}", String::from_utf8_lossy(&out.stderr));
        };
        figures.bare_load.push(ms.parse()?);
        figures.bare_peak.push(peak.parse()?);
    }
    Ok(())
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// `karta` running in a pseudo-terminal.
struct Editor {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Editor {
    /// Starts `karta FILE` with `dir` as its config folder and `dir/cache`
    /// as its view cache.
    fn start(karta: &Path, file: &Path, dir: &Path) -> Result<Editor> {
        let (rows, cols) = (ROWS, COLS);
        let pair = native_pty_system().openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut cmd = CommandBuilder::new(karta);
        cmd.arg(file);
        cmd.cwd(dir);
        cmd.env("KARTA_CONFIG_DIR", dir);
        cmd.env("KARTA_CACHE_DIR", dir.join("cache"));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).context("rows")?,
            NonZeroU16::new(cols).context("columns")?,
            0,
        )));
        let mut reader = pair.master.try_clone_reader()?;
        let screen = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                screen
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .process(&buf[..n]);
            }
        });
        Ok(Editor {
            child,
            writer: pair.master.take_writer()?,
            parser,
            _master: pair.master,
        })
    }

    fn keys(&mut self, bytes: &[u8]) -> Result<()> {
        self.writer.write_all(bytes)?;
        self.writer.flush()?;
        Ok(())
    }

    /// The status line (the row above the hints).
    fn status(&self) -> String {
        let parser = self.parser.lock().unwrap_or_else(PoisonError::into_inner);
        let row = usize::from(ROWS - 2);
        parser.screen().rows(0, COLS).nth(row).unwrap_or_default()
    }

    /// The screen as text.
    fn contents(&self) -> String {
        self.parser
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .screen()
            .contents()
    }

    /// Waits until the screen shows one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> Result<()> {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            let screen = self.contents();
            if texts.iter().any(|t| screen.contains(t)) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        bail!("the screen never showed {texts:?}:\n{}", self.contents())
    }

    /// The screen's rows with their colours, but for the status line.
    fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap_or_else(PoisonError::into_inner);
        let status = usize::from(ROWS - 2);
        (parser.screen().rows_formatted(0, COLS).enumerate())
            .filter(|(i, _)| *i != status)
            .map(|(_, row)| row)
            .collect()
    }

    /// Sends `keys` and waits until the rows but the status line change:
    /// the milliseconds.
    fn answered(&mut self, keys: &[u8]) -> Result<f64> {
        match self.answered_within(keys, PATIENCE)? {
            Some(took) => Ok(took),
            None => bail!("the screen never answered {keys:?}:\n{}", self.contents()),
        }
    }

    /// As [`Editor::answered`], None when nothing changed within `limit`.
    fn answered_within(&mut self, keys: &[u8], limit: Duration) -> Result<Option<f64>> {
        let before = self.rows();
        let start = Instant::now();
        self.keys(keys)?;
        while start.elapsed() < limit {
            if self.rows() != before {
                return Ok(Some(ms(start)));
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok(None)
    }

    /// Opens the status list of the activity under the cursor, moves to
    /// another status and confirms it: the milliseconds from the
    /// confirming key until the screen shows the edit.
    fn status_edit(&mut self) -> Result<f64> {
        // Down to an activity: `s` opens its status list.
        let mut opened = false;
        for _ in 0..20 {
            self.keys(b"j")?;
            std::thread::sleep(Duration::from_millis(100));
            // The rows may change for another reason (the conflict scan
            // behind a cold open): the list is open when its title shows.
            self.keys(b"s")?;
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(1) && !self.shows_status_list() {
                std::thread::sleep(Duration::from_millis(1));
            }
            if self.shows_status_list() {
                opened = true;
                break;
            }
        }
        if !opened {
            bail!("no status list opened:\n{}", self.contents());
        }
        // Another status: the next, or the one above the last.
        if self
            .answered_within(b"\x1b[B", Duration::from_secs(2))?
            .is_none()
        {
            self.answered(b"\x1b[A")?;
        }
        self.answered(b"\r")
    }

    /// Whether the status list is open (its title on the screen).
    fn shows_status_list(&self) -> bool {
        self.contents().contains("┌ Статус")
    }

    /// Ctrl-s and at once a cursor key: the milliseconds until the screen
    /// answers the cursor key (the save goes on; see [`Editor::save`]).
    fn key_after_save(&mut self) -> Result<f64> {
        while self.status().contains("Сохранен") {
            self.keys(b"j")?;
            std::thread::sleep(Duration::from_millis(20));
        }
        self.keys(b"\x13")?;
        let took = self.answered(b"j")?;
        let start = Instant::now();
        while start.elapsed() < PATIENCE && !self.status().contains("Сохранено") {
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok(took)
    }

    /// The peak resident memory of the editor's process so far (Linux).
    fn peak_rss(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    }

    /// Ctrl-s and the milliseconds until the status line says «Сохранено».
    fn save(&mut self) -> Result<f64> {
        // A key in the view clears the line first, so that the next
        // «Сохранено» is this save's.
        while self.status().contains("Сохранено") {
            self.keys(b"j")?;
            std::thread::sleep(Duration::from_millis(20));
        }
        let start = Instant::now();
        self.keys(b"\x13")?;
        while start.elapsed() < PATIENCE {
            let line = self.status();
            if line.contains("Сохранено") {
                return Ok(ms(start));
            }
            if line.contains("Не сохранено") {
                bail!("{line}");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        bail!("the save never ended:\n{}", self.contents())
    }

    fn wait_exit(&mut self) -> Result<()> {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill()?;
        bail!("the editor did not quit")
    }
}

/// The `karta` binary beside this one (`target/release/karta` for a
/// release `karta-bench`).
pub fn sibling_binary() -> Result<PathBuf> {
    let me = std::env::current_exe()?;
    Ok(me.with_file_name(format!("karta{}", std::env::consts::EXE_SUFFIX)))
}
