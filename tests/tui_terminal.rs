//! The real binary in a real terminal (tmux): edit, save, quit, and survive
//! `kill -9`; the saved file is checked with `karta export --format json`.
//! Needs tmux (`.ci/run` installs it).

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, file: &Path, config: &Path) -> Tmux {
        let tmux = Tmux {
            socket: format!("karta-test-{}-{name}", std::process::id()),
        };
        let command = format!(
            "KARTA_CONFIG_DIR='{}' '{}' '{}' --today 2022-03-01",
            config.display(),
            env!("CARGO_BIN_EXE_karta"),
            file.display()
        );
        tmux.run(&["new-session", "-d", "-x", "120", "-y", "35", &command]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux must be installed (apt-get install -y tmux)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "0", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the screen never showed «{text}»:\n{}", self.screen());
    }

    fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session"])
            .status()
            .is_ok_and(|s| s.success())
    }

    fn wait_exit(&self) {
        let start = Instant::now();
        while self.alive() && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(!self.alive(), "karta did not quit:\n{}", self.screen());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn export(file: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_karta"))
        .args(["export", "--format", "json"])
        .arg(file)
        .output()
        .expect("export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn statuses(json: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        if let Some(list) = v.get("activities").and_then(|a| a.as_array()) {
            out.extend(
                list.iter()
                    .filter_map(|a| a.get("status")?.as_str().map(str::to_string)),
            );
        }
        if let Some(list) = v.get("sections").and_then(|a| a.as_array()) {
            list.iter().for_each(|s| walk(s, out));
        }
    }
    walk(json, &mut out);
    out
}

fn sample(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("lysva.karta");
    std::fs::copy(common::project("samples/lysva.karta"), &file).expect("copy");
    file
}

#[test]
fn edit_save_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample(dir.path());
    let tmux = Tmux::start("save", &file, dir.path());
    tmux.wait_for("По механизмам");
    tmux.keys(&["j", "s", "Down", "Down", "Enter"]);
    tmux.wait_for("Статус: выполнено");
    tmux.keys(&["j", "e", "Enter", "End", " (проверено)", "Enter"]);
    tmux.wait_for("(проверено)");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Сохранено");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let json = export(&file);
    assert_eq!(statuses(&json).iter().filter(|s| *s == "done").count(), 1);
    assert!(json.to_string().contains("(проверено)"));
    assert!(
        !dir.path().join("lysva.karta.journal").exists(),
        "the journal is gone after a save"
    );
}

#[test]
fn kill_9_loses_no_committed_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample(dir.path());
    let tmux = Tmux::start("kill", &file, dir.path());
    tmux.wait_for("По механизмам");
    tmux.keys(&["j", "s", "Down", "Enter"]);
    tmux.wait_for("Статус: в работе");
    let pid = tmux.run(&["display-message", "-p", "-t", "0", "#{pane_pid}"]);
    let killed = Command::new("kill")
        .args(["-9", pid.trim()])
        .status()
        .expect("kill");
    assert!(killed.success());
    tmux.wait_exit();
    assert_eq!(
        statuses(&export(&file))
            .iter()
            .filter(|s| *s == "in_progress")
            .count(),
        0,
        "not saved yet"
    );
    let again = Tmux::start("reopen", &file, dir.path());
    again.wait_for("Восстановлены");
    again.keys(&["C-s"]);
    again.wait_for("Сохранено");
    again.keys(&["q"]);
    again.wait_exit();
    assert_eq!(
        statuses(&export(&file))
            .iter()
            .filter(|s| *s == "in_progress")
            .count(),
        1
    );
}
