//! `karta serve` for tests: the real binary on a free port of loopback,
//! its address read from what it prints, stopped when dropped.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A running `karta serve`.
pub struct Server {
    child: Child,
    /// Its address, `ws://127.0.0.1:PORT`.
    pub url: String,
    /// Where its log lines (standard error) go.
    pub log: PathBuf,
}

impl Server {
    /// Starts `karta serve --port 0 --dir DIR` (plus `extra` arguments)
    /// with `config` as its config folder.
    pub fn start(config: &Path, dir: &Path, extra: &[&str]) -> Server {
        Server::start_on(config, dir, 0, extra)
    }

    /// Starts it on `port` (0: any free one), as [`Server::start`].
    pub fn start_on(config: &Path, dir: &Path, port: u16, extra: &[&str]) -> Server {
        std::fs::create_dir_all(config).expect("config dir");
        let log = config.join(format!(
            "serve-{}.log",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        let mut child = Command::new(env!("CARGO_BIN_EXE_karta"))
            .env("KARTA_CONFIG_DIR", config)
            .args(["serve", "--port", &port.to_string(), "--dir"])
            .arg(dir)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("start karta serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("karta serve did not start")
            });
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("ws://"))
            .unwrap_or_else(|| panic!("no address in «{line}»"))
            .to_string();
        Server { child, url, log }
    }

    /// Its port.
    pub fn port(&self) -> u16 {
        self.url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a port in the address")
    }

    /// What the server wrote to its log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
