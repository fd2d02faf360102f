//! Who has which version: `karta peers` tells, per correspondent, what was
//! last sent (`karta bundle --to`) and received (`karta merge` of their
//! bundle, by the name in its header), when, and how many of your changes
//! they lack.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;

/// The binary as `author` runs it on her own computer (config and data).
fn karta(dir: &Path, author: &str) -> Command {
    let config = dir.join(author);
    fs::create_dir_all(&config).expect("config dir");
    fs::write(config.join("config.toml"), format!("name = \"{author}\"\n")).expect("config");
    Command::from_std(karta_command(&config))
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn copy(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    path
}

/// The number after "которых у них нет: " in `peers`' lines for `name`.
fn lacking(text: &str, name: &str) -> usize {
    let block = text.split(name).nth(1).expect(text);
    let line = block
        .lines()
        .find(|l| l.contains("которых у них нет"))
        .expect(text);
    line.rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect(line)
}

#[test]
fn peers_tell_what_was_sent_and_received_and_what_they_lack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (me, colleague) = ("Иванова И.И.", "Корчевская И.П.");
    let mine = copy(d, "mine.karta");
    let theirs = copy(d, "theirs.karta");

    let none = stdout(karta(d, me).arg("peers").arg(&mine));
    assert!(none.contains("обменов ещё не было"), "{none}");

    stdout(
        karta(d, me)
            .arg("set")
            .arg(&mine)
            .args(["1.1", "deadline", "Январь 2022"]),
    );
    let to_her = d.join("to-her.karta-changes");
    stdout(
        karta(d, me)
            .arg("bundle")
            .arg(&mine)
            .args(["--to", colleague, "-o"])
            .arg(&to_her),
    );
    stdout(karta(d, colleague).arg("merge").arg(&theirs).arg(&to_her));
    stdout(
        karta(d, colleague)
            .arg("set")
            .arg(&theirs)
            .args(["1.2", "status", "done"]),
    );
    let to_me = d.join("to-me.karta-changes");
    stdout(
        karta(d, colleague)
            .arg("bundle")
            .arg(&theirs)
            .args(["--to", me, "-o"])
            .arg(&to_me),
    );
    stdout(karta(d, me).arg("merge").arg(&mine).arg(&to_me));

    let text = stdout(karta(d, me).arg("peers").arg(&mine));
    assert!(text.contains(colleague), "{text}");
    assert!(text.contains("отправлено: 2"), "a time: {text}");
    assert!(text.contains("изменения по"), "{text}");
    assert!(
        text.contains("получено: 2") && text.contains("пакет от"),
        "{text}"
    );
    assert_eq!(lacking(&text, colleague), 0, "she has it all: {text}");

    stdout(
        karta(d, me)
            .arg("comment")
            .arg(&mine)
            .args(["1.1", "Перенесли из-за ГИА"]),
    );
    stdout(
        karta(d, me)
            .arg("set")
            .arg(&mine)
            .args(["1.3", "status", "done"]),
    );
    let text = stdout(karta(d, me).arg("peers").arg(&mine));
    assert_eq!(lacking(&text, colleague), 2, "{text}");

    // Her side: she received my bundle, and has sent me everything.
    let hers = stdout(karta(d, colleague).arg("peers").arg(&theirs));
    assert!(hers.contains(me), "{hers}");
    assert_eq!(lacking(&hers, me), 0, "{hers}");
}
