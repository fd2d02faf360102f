//! Sync through `karta serve`: the real binary as server and clients on
//! loopback, each client with its own config and data folders.

mod common;
#[path = "common/sync_server.rs"]
mod sync_server;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::Duration;

use automerge::sync::{ChunkList, Message, MessageVersion};
use automerge::{Change, ExpandedChange};
use common::{karta_as, two_copies};
use karta::store::write::edit::MetaField;
use sync_server::Server;

/// The longest any client command may take before the test fails.
const COMMAND_LIMIT: Duration = Duration::from_secs(120);

/// Runs karta as `author` with `args`; its standard output, or its
/// standard error when it fails.
fn run(dir: &Path, author: &str, args: &[&str]) -> Result<String, String> {
    run_command(karta_as(dir, author), args)
}

/// Runs `command` with `args`, as [`run`].
fn run_command(command: std::process::Command, args: &[&str]) -> Result<String, String> {
    let out = assert_cmd::Command::from_std(command)
        .args(args)
        .timeout(COMMAND_LIMIT)
        .output()
        .expect("run karta");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(stderr)
    }
}

fn ok(dir: &Path, author: &str, args: &[&str]) -> String {
    run(dir, author, args).unwrap_or_else(|e| panic!("karta {args:?} failed: {e}"))
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn deadline(file: &Path, number: &str) -> String {
    let roadmap = karta::store::open(file).expect("open").roadmap();
    roadmap
        .activities_with_path()
        .into_iter()
        .find(|(_, a)| a.number.trim_end_matches('.') == number)
        .map(|(_, a)| a.deadline.clone())
        .unwrap_or_else(|| panic!("no activity {number}"))
}

fn copy(from: &Path, to: PathBuf) -> PathBuf {
    std::fs::copy(from, &to).expect("copy");
    to
}

#[test]
fn copies_exchange_edits_through_karta_serve_and_an_emailed_copy_finds_its_roadmap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let server = Server::start(&d.join("server"), &d.join("store"), &[]);
    let (mine, theirs) = two_copies(d, "Иванова");
    // A third copy that came by e-mail before anything was shared.
    let emailed = copy(&mine, d.join("emailed.karta"));

    let shared = ok(
        d,
        "Иванова",
        &["share", path(&mine), "--server", &server.url],
    );
    assert!(shared.contains("automerge:"), "{shared}");
    assert!(shared.contains(&server.url), "{shared}");

    ok(
        d,
        "Иванова",
        &["set", path(&mine), "1.1", "deadline", "Январь 2030"],
    );
    // Ivanova's server is remembered for the roadmap: no --server needed.
    let out = ok(d, "Иванова", &["sync", path(&mine)]);
    assert!(out.contains("отправлено изменений — 1"), "{out}");

    // Petrov names the server once; the roadmap is found by its own id.
    ok(
        d,
        "Петров",
        &["set", path(&theirs), "1.2", "deadline", "Май 2031"],
    );
    let out = ok(
        d,
        "Петров",
        &["sync", path(&theirs), "--server", &server.url],
    );
    assert!(out.contains("Иванова"), "{out}");
    assert!(out.contains("Январь 2030"), "{out}");
    assert!(out.contains("слито и сохранено"), "{out}");
    assert_eq!(deadline(&theirs, "1.1"), "Январь 2030");

    // Sidorova has the server in her config only.
    let sidorova = d.join("sidorova");
    std::fs::create_dir_all(&sidorova).expect("config dir");
    std::fs::write(
        sidorova.join("config.toml"),
        format!("name = \"Сидорова\"\n[sync]\nserver = \"{}\"\n", server.url),
    )
    .expect("config");
    let out = run_command(common::karta_command(&sidorova), &["sync", path(&emailed)])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.contains("Петров"), "{out}");
    assert_eq!(deadline(&emailed, "1.1"), "Январь 2030");
    assert_eq!(deadline(&emailed, "1.2"), "Май 2031");

    let out = ok(d, "Иванова", &["sync", path(&mine)]);
    assert!(out.contains("Петров"), "{out}");
    assert_eq!(deadline(&mine, "1.2"), "Май 2031");
    let again = ok(d, "Иванова", &["sync", path(&mine)]);
    assert!(again.contains("ничего нового"), "{again}");
    assert_eq!(
        karta::store::open(&mine).expect("open").roadmap(),
        karta::store::open(&emailed).expect("open").roadmap()
    );

    // `karta peers` names the server each one syncs with, and whence.
    let peers = ok(d, "Иванова", &["peers", path(&mine)]);
    let line = format!("сервер синхронизации: {} (запомнен", server.url);
    assert!(peers.contains(&line), "{peers}");
    let peers = run_command(common::karta_command(&sidorova), &["peers", path(&emailed)])
        .unwrap_or_else(|e| panic!("{e}"));
    let line = format!("сервер синхронизации: {} (из настроек", server.url);
    assert!(peers.contains(&line), "{peers}");
    let nobody = ok(d, "Кузнецова", &["peers", path(&emailed)]);
    assert!(!nobody.contains("сервер синхронизации"), "{nobody}");
}

#[test]
fn a_roadmap_whose_id_is_a_text_syncs_as_the_string_it_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let server = Server::start(&d.join("server"), &d.join("store"), &[]);
    let id = "5f0c1d2e-0000-4000-8000-0000000000a1";
    let mine = d.join("js.karta");
    common::all_text_roadmap(&mine, id);
    let theirs = copy(&mine, d.join("theirs.karta"));

    let shared = ok(
        d,
        "Иванова",
        &["share", path(&mine), "--server", &server.url],
    );
    assert!(shared.contains(&karta::sync::id::url(id)), "{shared}");
    ok(
        d,
        "Петров",
        &["set", path(&theirs), "1.1", "deadline", "Май 2031"],
    );
    let out = ok(
        d,
        "Петров",
        &["sync", path(&theirs), "--server", &server.url],
    );
    assert!(out.contains("отправлено изменений — 1"), "{out}");
    let out = ok(d, "Иванова", &["sync", path(&mine)]);
    assert!(out.contains("Петров"), "{out}");
    assert_eq!(deadline(&mine, "1.1"), "Май 2031");
    assert_eq!(karta::store::open(&mine).expect("open").roadmap_id(), id);
}

#[test]
fn a_change_editing_an_identity_written_as_a_text_is_refused() {
    use automerge::ReadDoc;
    use automerge::transaction::Transactable;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("js.karta");
    let id = "5f0c1d2e-0000-4000-8000-0000000000a1";
    common::all_text_roadmap(&file, id);
    let mut am = automerge::AutoCommit::load(&std::fs::read(&file).expect("read")).expect("load");
    let heads = am.get_heads();
    let (_, text) = am
        .get(automerge::ROOT, "id")
        .expect("get")
        .expect("the identity");
    am.splice_text(&text, 0, 1, "6").expect("splice");
    am.commit();
    let changes: Vec<u8> = am
        .get_changes(&heads)
        .iter()
        .flat_map(|c| c.raw_bytes().to_vec())
        .collect();
    let mut doc = karta::store::open(&file).expect("open");
    let refused = karta::sync::apply::take_into(&mut doc, &changes, Path::new("ws://server"));
    assert!(
        matches!(
            refused,
            Err(karta::store::StoreError::DifferentRoadmap { .. })
        ),
        "{refused:?}"
    );
    assert_eq!(doc.roadmap_id(), id);
}

#[test]
fn concurrent_edits_of_one_field_become_a_conflict_told_as_by_merge() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let server = Server::start(&d.join("server"), &d.join("store"), &[]);
    let (mine, theirs) = two_copies(d, "Иванова");
    ok(
        d,
        "Иванова",
        &["share", path(&mine), "--server", &server.url],
    );
    ok(
        d,
        "Иванова",
        &["set", path(&mine), "1.3", "deadline", "Май 2034"],
    );
    ok(
        d,
        "Петров",
        &["set", path(&theirs), "1.3", "deadline", "Май 2033"],
    );
    ok(
        d,
        "Петров",
        &["sync", path(&theirs), "--server", &server.url],
    );
    let out = ok(d, "Иванова", &["sync", path(&mine)]);
    assert!(out.contains("‼ будет конфликт"), "{out}");
    assert!(out.contains("конфликтов: 1"), "{out}");
    let conflicts = ok(d, "Иванова", &["conflicts", path(&mine)]);
    assert!(
        conflicts.contains("Май 2033") && conflicts.contains("Май 2034"),
        "{conflicts}"
    );
}

#[test]
fn edits_made_offline_go_out_when_the_server_is_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let store = d.join("store");
    let server = Server::start(&d.join("server"), &store, &[]);
    let (mine, theirs) = two_copies(d, "Иванова");
    ok(
        d,
        "Иванова",
        &["share", path(&mine), "--server", &server.url],
    );
    let url = server.url.clone();
    drop(server);

    ok(
        d,
        "Петров",
        &["set", path(&theirs), "1.1", "deadline", "Июнь 2030"],
    );
    ok(
        d,
        "Петров",
        &["set", path(&theirs), "1.2", "deadline", "Июль 2030"],
    );
    let before = std::fs::read(&theirs).expect("read");
    let err = run(d, "Петров", &["sync", path(&theirs), "--server", &url]).unwrap_err();
    assert!(err.contains("не удалось подключиться"), "{err}");
    assert!(err.contains("файл не изменён"), "{err}");
    assert_eq!(std::fs::read(&theirs).expect("read"), before);

    // The server comes back (on another port) with what it had stored.
    let server = Server::start(&d.join("server"), &store, &[]);
    let out = ok(
        d,
        "Петров",
        &["sync", path(&theirs), "--server", &server.url],
    );
    assert!(out.contains("отправлено изменений — 2"), "{out}");
    let out = ok(
        d,
        "Иванова",
        &["sync", path(&mine), "--server", &server.url],
    );
    assert!(
        out.contains("Июнь 2030") && out.contains("Июль 2030"),
        "{out}"
    );
}

#[test]
fn a_server_asking_for_a_token_refuses_clients_without_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let server = Server::start(&d.join("server"), &d.join("store"), &["--token", "s3cret"]);
    let (mine, _) = two_copies(d, "Иванова");
    let err = run(
        d,
        "Иванова",
        &["share", path(&mine), "--server", &server.url],
    )
    .unwrap_err();
    assert!(err.contains("не принял токен"), "{err}");
    let err = run(
        d,
        "Иванова",
        &[
            "share",
            path(&mine),
            "--server",
            &server.url,
            "--token",
            "wrong",
        ],
    )
    .unwrap_err();
    assert!(err.contains("не принял токен"), "{err}");
    ok(
        d,
        "Иванова",
        &[
            "share",
            path(&mine),
            "--server",
            &server.url,
            "--token",
            "s3cret",
        ],
    );
    // The token is remembered with the server.
    ok(d, "Иванова", &["sync", path(&mine)]);
}

/// A change of `file`'s roadmap continuing its history, its operation
/// counter moved near 2^32 (what automerge PR #543 is about).
fn poisoned_change(file: &Path) -> (Vec<u8>, automerge::ChangeHash) {
    let mut doc = karta::store::open(file).expect("open");
    let heads = doc.heads();
    doc.set_meta(MetaField::Notes, "отравлено").expect("edit");
    let changes = doc.automerge().clone().get_changes(&heads).to_vec();
    let change = changes.last().expect("a change");
    let mut expanded: ExpandedChange = change.decode();
    expanded.start_op = std::num::NonZeroU64::new(u64::from(u32::MAX) - 300).expect("nonzero");
    expanded.hash = None;
    let poisoned = Change::from(expanded);
    (poisoned.raw_bytes().to_vec(), poisoned.hash())
}

fn sync_message_with(chunk: Vec<u8>, head: automerge::ChangeHash) -> Message {
    Message {
        heads: vec![head],
        need: Vec::new(),
        have: Vec::new(),
        changes: ChunkList::from(vec![chunk]),
        flags: None,
        version: MessageVersion::V1,
    }
}

#[test]
fn a_peer_sending_a_poisoned_or_foreign_change_is_cut_off_and_nothing_is_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let server = Server::start(&d.join("server"), &d.join("store"), &[]);
    let (mine, theirs) = two_copies(d, "Иванова");
    ok(
        d,
        "Иванова",
        &["share", path(&mine), "--server", &server.url],
    );
    let roadmap = karta::store::open(&mine).expect("open").roadmap_id();
    let document = karta::sync::id::document_id(&roadmap);

    let (poison, hash) = poisoned_change(&mine);
    let mut hostile =
        karta::sync::client::Connection::open(&server.url, None, &document).expect("connect");
    hostile.send(sync_message_with(poison, hash)).expect("send");
    let answer = hostile.receive(Duration::from_secs(30));
    assert!(
        answer.is_err(),
        "the server kept talking to a poisoning peer"
    );

    // Another roadmap's whole document pushed under this roadmap's id.
    let other = d.join("other.karta");
    ok(d, "Чужой", &["new", path(&other), "--title", "Чужая"]);
    let mut foreign_doc = karta::store::open(&other).expect("open");
    let foreign_heads = foreign_doc.heads();
    let mut hostile =
        karta::sync::client::Connection::open(&server.url, None, &document).expect("connect");
    hostile
        .send(sync_message_with(foreign_doc.to_bytes(), foreign_heads[0]))
        .expect("send");
    assert!(hostile.receive(Duration::from_secs(30)).is_err());

    let log = server.log_text();
    assert!(log.contains("счётчики операций"), "{log}");
    assert!(log.contains("другой дорожной карты"), "{log}");

    // Nobody's copy is damaged: the server still serves the roadmap, and
    // edits keep flowing.
    ok(
        d,
        "Иванова",
        &["set", path(&mine), "1.1", "deadline", "Январь 2030"],
    );
    ok(d, "Иванова", &["sync", path(&mine)]);
    let out = ok(
        d,
        "Петров",
        &["sync", path(&theirs), "--server", &server.url],
    );
    assert!(out.contains("Январь 2030"), "{out}");
    assert!(!out.contains("отравлено"), "{out}");
    let doc = karta::store::open(&theirs).expect("a sound file");
    assert_eq!(
        doc.roadmap().meta.title,
        karta::store::open(&mine)
            .expect("open")
            .roadmap()
            .meta
            .title
    );
}

/// A server that answers the handshake and then sends `chunk` as the
/// changes of whatever document the client asks about.
fn hostile_server(chunk: Vec<u8>, head: automerge::ChangeHash) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("ws://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        let Ok(mut socket) = tungstenite::accept(stream) else {
            return;
        };
        let mut chunk = Some(chunk);
        while let Ok(frame) = socket.read() {
            let tungstenite::Message::Binary(bytes) = frame else {
                continue;
            };
            match karta::sync::wire::decode(&bytes) {
                Some(karta::sync::wire::Message::Sync {
                    document, sender, ..
                }) => {
                    let Some(chunk) = chunk.take() else { continue };
                    let data = sync_message_with(chunk, head).encode();
                    let reply = karta::sync::wire::sync(&document, "hostile", &sender, &data);
                    let _ = socket.send(tungstenite::Message::Binary(reply.into()));
                }
                Some(_) => {
                    let _ = socket.send(tungstenite::Message::Binary(peer_message().into()));
                }
                None => return,
            }
        }
    });
    url
}

/// The server's answer to `join`.
fn peer_message() -> Vec<u8> {
    let mut e = minicbor::Encoder::new(Vec::new());
    e.map(4).expect("cbor");
    e.str("type").and_then(|e| e.str("peer")).expect("cbor");
    e.str("senderId")
        .and_then(|e| e.str("hostile"))
        .expect("cbor");
    e.str("selectedProtocolVersion")
        .and_then(|e| e.str("1"))
        .expect("cbor");
    e.str("targetId")
        .and_then(|e| e.str("client"))
        .expect("cbor");
    e.into_writer()
}

#[test]
fn a_server_sending_a_poisoned_change_is_refused_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (mine, _) = two_copies(d, "Иванова");
    let before = std::fs::read(&mine).expect("read");

    let (poison, hash) = poisoned_change(&mine);
    let url = hostile_server(poison, hash);
    let err = run(d, "Иванова", &["sync", path(&mine), "--server", &url]).unwrap_err();
    assert!(err.contains("присланное сервером отклонено"), "{err}");
    assert!(err.contains("счётчики операций"), "{err}");
    assert_eq!(std::fs::read(&mine).expect("read"), before);

    let other = d.join("other.karta");
    ok(d, "Чужой", &["new", path(&other), "--title", "Чужая"]);
    let mut foreign = karta::store::open(&other).expect("open");
    let head = foreign.heads()[0];
    let url = hostile_server(foreign.to_bytes(), head);
    let err = run(d, "Иванова", &["sync", path(&mine), "--server", &url]).unwrap_err();
    assert!(err.contains("другой дорожной карты"), "{err}");
    assert_eq!(std::fs::read(&mine).expect("read"), before);

    let damaged = {
        let (mut bytes, _) = poisoned_change(&mine);
        let last = bytes.len() - 1;
        bytes[last] ^= 0x55;
        bytes
    };
    let url = hostile_server(damaged, hash);
    let err = run(d, "Иванова", &["sync", path(&mine), "--server", &url]).unwrap_err();
    assert!(err.contains("повреждены"), "{err}");
    assert_eq!(std::fs::read(&mine).expect("read"), before);
}

/// A TLS-terminating proxy on loopback, as one runs in front of `karta
/// serve` for `wss://`: rustls with a certificate for `localhost` made
/// here, every connection forwarded to `backend`. Returns its port and the
/// certificate (PEM) a client must trust.
fn tls_proxy(backend: u16) -> (u16, String) {
    use std::sync::Arc;
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(made.signing_key.serialize_der().into());
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("protocols")
    .with_no_client_auth()
    .with_single_cert(vec![made.cert.der().clone()], key)
    .expect("server config");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { return };
            let config = config.clone();
            std::thread::spawn(move || {
                let Ok(tls) = rustls::ServerConnection::new(config) else {
                    return;
                };
                let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", backend)) else {
                    return;
                };
                forward(tls, client, server);
            });
        }
    });
    (port, made.cert.pem())
}

/// Moves bytes between the TLS client and the plain server until either
/// side closes.
fn forward(
    mut tls: rustls::ServerConnection,
    mut client: std::net::TcpStream,
    mut server: std::net::TcpStream,
) {
    use std::io::{ErrorKind, Read, Write};
    let step = Some(Duration::from_millis(2));
    if client.set_read_timeout(step).is_err() || server.set_read_timeout(step).is_err() {
        return;
    }
    let waiting =
        |e: &std::io::Error| matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match tls.read_tls(&mut client) {
            Ok(0) => return,
            Ok(_) => {
                if tls.process_new_packets().is_err() {
                    let _ = tls.write_tls(&mut client);
                    return;
                }
                loop {
                    match tls.reader().read(&mut buf) {
                        Ok(0) => return,
                        Ok(n) => {
                            if server.write_all(&buf[..n]).is_err() {
                                return;
                            }
                        }
                        Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                        Err(_) => return,
                    }
                }
            }
            Err(e) if waiting(&e) => {}
            Err(_) => return,
        }
        match server.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                if tls.writer().write_all(&buf[..n]).is_err() {
                    return;
                }
            }
            Err(e) if waiting(&e) => {}
            Err(_) => return,
        }
        while tls.wants_write() {
            if tls.write_tls(&mut client).is_err() {
                return;
            }
        }
    }
}

#[test]
fn sync_works_through_a_tls_proxy_trusting_its_certificate_and_only_then() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let server = Server::start(&d.join("server"), &d.join("store"), &[]);
    let (port, pem) = tls_proxy(server.port());
    let trusted = d.join("proxy.pem");
    std::fs::write(&trusted, pem).expect("certificate");
    let url = format!("wss://localhost:{port}/");
    let (mine, theirs) = two_copies(d, "Иванова");
    let trusting = |author: &str, file: &Path| {
        let mut command = karta_as(d, author);
        command
            .env("SSL_CERT_FILE", file)
            .env_remove("SSL_CERT_DIR");
        command
    };

    // Not trusting the proxy's certificate: refused, nothing taken.
    let elsewhere = d.join("other.pem");
    let other = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    std::fs::write(&elsewhere, other.cert.pem()).expect("certificate");
    let refused = run_command(
        trusting("Иванова", &elsewhere),
        &["share", path(&mine), "--server", &url],
    )
    .expect_err("an untrusted certificate");
    assert!(refused.contains("не удалось подключиться"), "{refused}");

    let shared = run_command(
        trusting("Иванова", &trusted),
        &["share", path(&mine), "--server", &url],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(shared.contains(&url), "{shared}");
    ok(
        d,
        "Петров",
        &["set", path(&theirs), "1.2", "deadline", "Май 2031"],
    );
    run_command(
        trusting("Петров", &trusted),
        &["sync", path(&theirs), "--server", &url],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = run_command(trusting("Иванова", &trusted), &["sync", path(&mine)])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.contains("Петров"), "{out}");
    assert_eq!(deadline(&mine, "1.2"), "Май 2031");
}
