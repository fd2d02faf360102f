//! Live sync in the editor: the editor in-process, `karta serve` and a
//! colleague's `karta sync` as real binaries on loopback.

mod common;
#[path = "common/sync_server.rs"]
mod sync_server;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{editor_on, karta_as, press, screen};
use karta::sync::servers::Remote;
use karta::tui::app::App;
use sync_server::Server;

/// The longest any wait in these tests may take.
const LIMIT: Duration = Duration::from_secs(60);

fn ok(dir: &Path, author: &str, args: &[&str]) -> String {
    let out = assert_cmd::Command::from_std(karta_as(dir, author))
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("run karta");
    assert!(
        out.status.success(),
        "karta {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// Runs the editor's work between keys until `done` holds.
fn until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let started = Instant::now();
    loop {
        app.upkeep();
        if done(app) {
            return;
        }
        assert!(started.elapsed() < LIMIT, "waited in vain: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn deadline_in(roadmap: &karta::model::Roadmap, number: &str) -> String {
    roadmap
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.number.trim_end_matches('.') == number)
        .map(|(_, a)| a.deadline.clone())
        .unwrap_or_default()
}

fn texts(file: &Path) -> String {
    let roadmap = karta::store::open(file).expect("open").roadmap();
    roadmap
        .activities_with_path()
        .into_iter()
        .map(|(_, a)| a.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

fn online(app: &App) -> bool {
    app.live_standing().is_some_and(|s| s.online)
}

fn all_sent(app: &App) -> bool {
    app.live_all_sent()
}

#[test]
fn edits_go_both_ways_live_and_offline_edits_go_out_on_reconnect() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let store = d.join("store");
    let server = Server::start(&d.join("server"), &store, &[]);
    let mut app = editor_on("lysva", d);
    let mine = d.join("lysva.karta");
    let theirs = d.join("theirs.karta");
    std::fs::copy(&mine, &theirs).expect("copy");
    ok(
        d,
        "Иванова",
        &[
            "share",
            mine.to_str().expect("path"),
            "--server",
            &server.url,
        ],
    );
    let theirs_arg = theirs.to_str().expect("path");

    app.start_live_sync(Remote {
        server: server.url.clone(),
        token: None,
    });
    until(&mut app, "online", online);
    assert!(app.live_words().contains("в сети"), "{}", app.live_words());

    // The peers screen names the server and where live sync stands.
    press(&mut app, "P");
    let shown = screen(&mut app, 120, 20);
    let line = format!("сервер синхронизации: {} — в сети", server.url);
    assert!(shown.contains(&line), "{shown}");
    assert!(shown.contains("обменов ещё не было"), "{shown}");
    press(&mut app, "Esc");

    // An edit in the editor goes out as it is made.
    press(&mut app, "j e Enter End text:_(уточнено) Enter");
    until(&mut app, "the edit sent", all_sent);
    ok(d, "Петров", &["sync", theirs_arg, "--server", &server.url]);
    assert!(texts(&theirs).contains("(уточнено)"));

    // A colleague's edit comes in without a key.
    ok(
        d,
        "Петров",
        &["set", theirs_arg, "1.1", "deadline", "Январь 2030"],
    );
    ok(d, "Петров", &["sync", theirs_arg]);
    until(&mut app, "the colleague's edit", |app| {
        deadline_in(&app.document.roadmap, "1.1") == "Январь 2030"
    });
    assert!(
        app.document.unsaved,
        "taken in like a merge: unsaved until saved"
    );

    // Offline: edits wait and are counted.
    let port = server.port();
    drop(server);
    until(&mut app, "offline", |app| !online(app));
    press(&mut app, "j e Enter End text:_(без_сети) Enter");
    until(&mut app, "counted as not sent", |app| {
        app.live_standing().is_some_and(|s| s.unsent > 0)
    });
    assert!(
        app.live_words().contains("не в сети"),
        "{}",
        app.live_words()
    );
    assert!(
        app.live_words().contains("не отправлено"),
        "{}",
        app.live_words()
    );

    // The server comes back: they go out by themselves.
    let server = Server::start_on(&d.join("server"), &store, port, &[]);
    until(&mut app, "sent after reconnecting", all_sent);
    ok(d, "Петров", &["sync", theirs_arg, "--server", &server.url]);
    assert!(texts(&theirs).contains("(без сети)"));

    // An edit saved and the editor quit at once, before live sync had
    // it: quitting waits for it to go out, saying so.
    press(
        &mut app,
        "j e Enter End text:_(перед_выходом) Enter Ctrl-s q",
    );
    assert!(app.quit);
    let mut said = Vec::new();
    app.send_before_quit(&mut |app| {
        said.push(app.status.message.as_ref().map(|(t, _)| t.clone()));
    });
    assert!(
        said.iter()
            .flatten()
            .all(|t| t.starts_with("Отправляю на сервер")),
        "{said:?}"
    );
    drop(app);
    ok(d, "Петров", &["sync", theirs_arg]);
    assert!(texts(&theirs).contains("(перед выходом)"));
}
