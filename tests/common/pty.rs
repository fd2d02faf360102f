//! The real `karta` binary in a pseudo-terminal of 120×35: keys are typed
//! into it and its output is read into a screen (`vt100`) to look at, the
//! way a person would, with nothing installed beyond the Rust toolchain.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long the program may take to show something or to quit.
const PATIENCE: Duration = Duration::from_secs(20);

/// The terminal's rows.
const ROWS: NonZeroU16 = NonZeroU16::new(35).expect("rows");
/// The terminal's columns.
const COLS: NonZeroU16 = NonZeroU16::new(120).expect("columns");

/// `karta` running in a terminal of its own; killed when dropped.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Pty {
    /// Starts `karta ARGS` in `dir`, with `dir` as its config folder and
    /// `dir/cache` as its view cache.
    pub fn karta<S: AsRef<OsStr>>(args: &[S], dir: &Path) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS.get(),
                cols: COLS.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_karta"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("KARTA_CONFIG_DIR", dir);
        cmd.env("KARTA_CACHE_DIR", dir.join("cache"));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).expect("spawn karta");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let screen = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                lock(&screen).process(&buf[..n]);
            }
        });
        Pty {
            child,
            writer: pair.master.take_writer().expect("writer"),
            parser,
            _master: pair.master,
        }
    }

    /// Types keys one after another: `Enter`, `Esc`, `Tab`, `Backspace`,
    /// `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `C-x` (Ctrl and a
    /// letter); anything else is typed as it is written.
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let ctrl;
            let bytes: &[u8] = match *k {
                "Enter" => b"\r",
                "Esc" => b"\x1b",
                "Tab" => b"\t",
                "Backspace" => b"\x7f",
                "Up" => b"\x1b[A",
                "Down" => b"\x1b[B",
                "Right" => b"\x1b[C",
                "Left" => b"\x1b[D",
                "Home" => b"\x1b[H",
                "End" => b"\x1b[F",
                _ => match k.strip_prefix("C-").map(str::as_bytes) {
                    Some(&[c]) if c.is_ascii_alphabetic() => {
                        ctrl = [c.to_ascii_lowercase() & 0x1f];
                        &ctrl
                    }
                    _ => k.as_bytes(),
                },
            };
            self.writer.write_all(bytes).expect("type");
            self.writer.flush().expect("type");
            // A lone Esc is told from the start of a sequence by the pause
            // after it.
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the screen never showed «{text}»:\n{}", self.screen());
    }

    /// Kills the program at once, as `kill -9` does: no chance to save.
    pub fn kill_9(&mut self) {
        self.kill().expect("kill -9");
    }

    fn kill(&mut self) -> std::io::Result<()> {
        // On Unix the child is a std process, whose kill is SIGKILL (the
        // pty crate's own sends SIGHUP first); elsewhere it terminates.
        let child: &mut dyn Child = &mut *self.child;
        match child.downcast_mut::<std::process::Child>() {
            Some(child) => child.kill(),
            None => self.child.kill(),
        }
    }

    /// Waits until the program has ended; its exit status.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("karta did not quit:\n{}", self.screen());
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait()
            && self.kill().is_ok()
        {
            let _ = self.child.wait();
        }
    }
}

/// The screen, even if a reader panicked while holding it.
fn lock(parser: &Mutex<vt100::Parser>) -> std::sync::MutexGuard<'_, vt100::Parser> {
    parser.lock().unwrap_or_else(PoisonError::into_inner)
}
