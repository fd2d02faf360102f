//! Time to the editor's first frame: `open_app` and one frame drawn into a
//! test terminal, with the view cache cold or warm, then the time until the
//! document has loaded behind the frame.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// What opening a file in the editor took.
#[derive(Debug, Clone, Copy)]
pub struct FirstFrame {
    /// From the start of `open_app` to the first frame drawn.
    pub frame: Duration,
    /// From the start of `open_app` until the document was at hand
    /// (loaded; after a cold open, also scanned for conflicts).
    pub ready: Duration,
    /// Whether the frame was drawn from the view cache.
    pub from_cache: bool,
}

/// Opens `file` in the editor with views cached in `cache_dir`, draws the
/// first frame (120×35) and waits for the document.
pub fn first_frame(file: &Path, cache_dir: &Path) -> anyhow::Result<FirstFrame> {
    let options = crate::tui::Options {
        file: Some(PathBuf::from(file)),
        lang: crate::i18n::Lang::Ru,
        today: chrono::Local::now().date_naive(),
        keymap: "default".into(),
        author: "karta-bench".into(),
        cache_dir: Some(cache_dir.to_path_buf()),
        keymap_file: None,
    };
    let start = Instant::now();
    let mut app = crate::tui::open_app(&options)?;
    let (width, height) = (120, 35);
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    app.fit_to(Rect::new(0, 0, width, height));
    terminal.draw(|f| crate::tui::ui::render(&app, f))?;
    let frame = start.elapsed();
    let from_cache = app.is_loading();
    // The load, and the conflict scan after a cold open.
    app.await_doc();
    Ok(FirstFrame {
        frame,
        ready: start.elapsed(),
        from_cache,
    })
}
