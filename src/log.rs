//! karta's log: `karta.log` in the config folder, never the screen. The
//! command line and the editor both write to it; a panic's message, place
//! and backtrace (when `RUST_BACKTRACE` asks for one) go there, while the
//! user reads one line (see [`crate::present::errors::panic_line`]).

use std::path::PathBuf;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// The log file: `karta.log` in the config folder, when there is one.
pub fn file() -> Option<PathBuf> {
    crate::config::dir().map(|dir| dir.join("karta.log"))
}

/// Sends log records to [`file`]; without a folder, nowhere: karta's own
/// from `info` up, other crates' only warnings and errors. (Their `info`
/// spans cost dearly: Automerge's `load_changes` span writes out the whole
/// change graph each time changes are taken in, which was a third of
/// `karta serve`'s work under load.) Calling it again does nothing.
pub fn start() {
    let Some(path) = file() else {
        return;
    };
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_err()
    {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return;
    };
    let others = tracing_subscriber::filter::Targets::new()
        .with_target("karta", tracing::Level::INFO)
        .with_default(tracing::Level::WARN);
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .finish()
        .with(others)
        .try_init();
}

/// Makes every panic go to the log only, printed nowhere: the program
/// that catches it tells the user in one line. (Panics caught by
/// [`crate::store::disk::file::quietly`] are logged the same way.)
pub fn panics_to_log() {
    std::panic::set_hook(Box::new(crate::store::disk::file::log_panic));
}
