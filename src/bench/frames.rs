//! The editor's frame times: a real [`App`] over a roadmap, driven through
//! the real keymap and drawn on a ratatui `TestBackend`, the way the
//! terminal loop does it (keys, fit to the screen, draw). Shared by
//! `karta-bench measure` and the criterion bench `benches/tui.rs`.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use super::run::Timings;
use crate::i18n::Lang;
use crate::store::{Doc, StoreError};
use crate::tui::app::App;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::ui;

/// The screen the frames are drawn on: columns × rows.
pub const SCREEN: (u16, u16) = (160, 48);

/// The editor on a test terminal.
pub struct Screen {
    /// The editor's state.
    pub app: App,
    terminal: Terminal<TestBackend>,
}

fn failed(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::NotFound(crate::msg!("as-written", text = format!("{what}: {e}")))
}

impl Screen {
    /// An editor over `doc` (not saved anywhere, so no journal is written),
    /// with the default keymap, in Russian, judging deadlines on 1 March
    /// 2022; nothing drawn yet.
    pub fn new(doc: Doc) -> Result<Screen, StoreError> {
        let keymap = Keymap::built_in("default").map_err(|e| failed("keymap", e))?;
        let today = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap_or_default();
        let backend = TestBackend::new(SCREEN.0, SCREEN.1);
        let terminal = Terminal::new(backend).map_err(|e| failed("terminal", e))?;
        Ok(Screen {
            app: App::new(doc, None, keymap, Lang::Ru, today),
            terminal,
        })
    }

    /// Presses keys written as in keymap files, separated by spaces
    /// ("j j Enter"); no frame is drawn.
    pub fn press(&mut self, keys: &str) -> Result<(), StoreError> {
        for k in keys.split(' ').filter(|k| !k.is_empty()) {
            let key = Key::parse(k).ok_or_else(|| failed("key", k))?;
            let mut mods = key.mods;
            if let KeyCode::Char(c) = key.code
                && c.is_uppercase()
            {
                mods |= KeyModifiers::SHIFT;
            }
            self.app.handle_key(KeyEvent::new(key.code, mods));
        }
        Ok(())
    }

    /// Types one character into whatever has the keys.
    pub fn type_char(&mut self, c: char) {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }

    /// Draws a frame, as the terminal loop does after keys.
    pub fn draw(&mut self) -> Result<(), StoreError> {
        let app = &mut self.app;
        app.fit_to(Rect::new(0, 0, SCREEN.0, SCREEN.1));
        self.terminal
            .draw(|frame| ui::render(app, frame))
            .map_err(|e| failed("draw", e))?;
        Ok(())
    }

    /// Keys, then a frame.
    pub fn frame(&mut self, keys: &str) -> Result<(), StoreError> {
        self.press(keys)?;
        self.draw()
    }

    /// Moves the cursor one row down (to the top from the last row), then
    /// draws a frame.
    pub fn move_cursor(&mut self) -> Result<(), StoreError> {
        let last = self.app.views.rows.len().saturating_sub(1);
        let key = if self.app.views.cursor() >= last {
            "Home"
        } else {
            "j"
        };
        self.frame(key)
    }

    /// Opens the text editor on the activity under the cursor's text (the
    /// first field of the activity form), moving down to an activity first.
    pub fn open_text_editor(&mut self) -> Result<(), StoreError> {
        for _ in 0..64 {
            if self.app.current_entry().is_some() {
                break;
            }
            self.press("Down")?;
        }
        self.press("e Enter End")
    }
}

/// Milliseconds of `f`.
fn time(f: impl FnOnce() -> Result<(), StoreError>) -> Result<f64, StoreError> {
    let started = Instant::now();
    f()?;
    Ok(started.elapsed().as_secs_f64() * 1000.0)
}

/// The median and the 99th percentile of some timings.
/// The median and p99 of some timings.
pub(crate) fn stats(mut times: Vec<f64>) -> (f64, f64) {
    if times.is_empty() {
        return (0.0, 0.0);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

/// Keys of the frame workloads in [`Timings`], with what they mean:
/// medians, and `.p99` beside the per-keystroke ones.
pub const KEYS: [(&str, &str); 9] = [
    ("frame.cursor", "cursor move (j) → frame"),
    ("frame.key", "keystroke in a text field → frame"),
    ("frame.view", "switch view (1→2→3) → frame"),
    ("frame.open", "open: loaded document → first frame, view 1"),
    (
        "frame.open.2",
        "open: loaded document → first frame, view 2",
    ),
    (
        "frame.open.3",
        "open: loaded document → first frame, view 3",
    ),
    ("frame.add", "add an activity → frame"),
    ("frame.delete", "delete an activity → frame"),
    ("frame.move", "move an activity to another section → frame"),
];

/// The key of the undo workload (kept apart from [`KEYS`] to keep that
/// table's rows in order of the list).
pub const UNDO_KEY: (&str, &str) = ("frame.undo", "undo a structural edit → frame");

/// Times every frame workload on the `.karta` file at `path`; `keys` is
/// how many keystrokes the per-keystroke workloads time, `runs` how many
/// times the others are repeated.
pub fn measure(path: &Path, keys: usize, runs: usize) -> Result<Timings, StoreError> {
    let bytes = crate::store::disk::file::read_limited(path)?;
    let load = || Doc::from_bytes(&bytes, path);
    let mut t = Timings::new();
    let mut screen = Screen::new(load()?)?;
    screen.draw()?;
    let (median, p99) = stats(cursor_moves(&mut screen, keys)?);
    t.insert("frame.cursor".into(), median);
    t.insert("frame.cursor.p99".into(), p99);
    let (median, p99) = stats(keystrokes(&mut screen, keys)?);
    t.insert("frame.key".into(), median);
    t.insert("frame.key.p99".into(), p99);
    t.insert(
        "frame.view".into(),
        stats(view_switches(&mut screen, runs)?).0,
    );
    for (view, key) in [
        ("1", "frame.open"),
        ("2", "frame.open.2"),
        ("3", "frame.open.3"),
    ] {
        let mut times = Vec::new();
        for _ in 0..runs.max(1) {
            let doc = load()?;
            times.push(time(|| {
                let mut screen = Screen::new(doc)?;
                screen.frame(view)
            })?);
        }
        t.insert(key.into(), stats(times).0);
    }
    for (key, times) in structural(&mut screen, runs)? {
        t.insert(key.into(), stats(times).0);
    }
    Ok(t)
}

/// Cursor moves down (back to the top from the bottom), one frame each.
pub fn cursor_moves(screen: &mut Screen, count: usize) -> Result<Vec<f64>, StoreError> {
    screen.frame("1 Home")?;
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        times.push(time(|| screen.move_cursor())?);
    }
    Ok(times)
}

/// Keystrokes typed into the text editor of an activity's text (a letter,
/// then Backspace, so the text keeps its length), one frame each; the
/// editor is cancelled at the end.
pub fn keystrokes(screen: &mut Screen, count: usize) -> Result<Vec<f64>, StoreError> {
    screen.open_text_editor()?;
    screen.draw()?;
    let mut times = Vec::with_capacity(count);
    for i in 0..count {
        times.push(time(|| {
            if i % 2 == 0 {
                screen.type_char('ж');
                screen.draw()
            } else {
                screen.frame("Backspace")
            }
        })?);
    }
    screen.frame("Esc")?;
    Ok(times)
}

/// View switches 1 → 2 → 3 → 1…, one frame each.
pub fn view_switches(screen: &mut Screen, count: usize) -> Result<Vec<f64>, StoreError> {
    let mut times = Vec::with_capacity(count * 3);
    for _ in 0..count.max(1) {
        for view in ["2", "3", "1"] {
            times.push(time(|| screen.frame(view))?);
        }
    }
    Ok(times)
}

/// Structural edits through the keys, each timed from its last key to the
/// frame after it: add an activity below the cursor, move it to the next
/// section, delete it, and undo the deletion (then undo the move and the
/// addition, untimed, so the roadmap is as before).
fn structural(
    screen: &mut Screen,
    runs: usize,
) -> Result<Vec<(&'static str, Vec<f64>)>, StoreError> {
    let (mut add, mut moved, mut delete, mut undo) = (vec![], vec![], vec![], vec![]);
    screen.frame("1 Home")?;
    for _ in 0..runs.max(1) {
        screen.frame("j j")?;
        screen.press("a")?;
        for c in "Новое мероприятие".chars() {
            screen.type_char(c);
        }
        add.push(time(|| screen.frame("Enter"))?);
        screen.frame("m Down")?;
        moved.push(time(|| screen.frame("Enter"))?);
        screen.frame("d")?;
        delete.push(time(|| screen.frame("y"))?);
        undo.push(time(|| screen.frame("u"))?);
        screen.frame("u u")?;
    }
    Ok(vec![
        ("frame.add", add),
        ("frame.move", moved),
        ("frame.delete", delete),
        (UNDO_KEY.0, undo),
    ])
}
