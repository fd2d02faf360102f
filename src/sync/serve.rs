//! `karta serve`: an automerge-repo sync server built on samod (the Rust
//! automerge-repo) with axum WebSockets and storage on disk in the layout
//! of automerge-repo's Node storage. Every message a client sends is
//! checked ([`super::checks`]) before samod sees it: a client sending
//! damaged changes, implausible counters or another roadmap's changes is
//! disconnected and nothing of it is stored. A token, when set, is
//! required on the WebSocket upgrade (`?token=` or
//! `Authorization: Bearer`). Documents are never announced to clients:
//! each gets only the document it asks for by id.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::ws::{Message as Frame, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use futures::{SinkExt, StreamExt};
use samod::{AcceptorHandle, ShareConfig, Transport};

use super::checks::{Refusal, check_sync_data};
use super::wire::{self, Message};
use crate::i18n::Lang;

/// How `karta serve` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address to listen on (127.0.0.1 unless told otherwise).
    pub listen: IpAddr,
    /// The port (0: any free one).
    pub port: u16,
    /// Where documents are stored.
    pub dir: PathBuf,
    /// The token clients must present, if any.
    pub token: Option<String>,
    /// The language of the server's log lines.
    pub lang: Lang,
}

struct Shared {
    acceptor: AcceptorHandle,
    token: Option<String>,
    lang: Lang,
}

/// Runs the server until it is interrupted (Ctrl-C) or `stop` resolves;
/// `ready` is told the address once it listens.
pub fn run(
    options: &Options,
    ready: impl FnOnce(SocketAddr),
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    std::fs::create_dir_all(&options.dir).with_context(|| options.dir.display().to_string())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(async move {
        let repo = samod::Repo::build_tokio()
            .with_storage(samod::storage::TokioFilesystemStorage::new(&options.dir))
            .with_share_policy(ShareConfig::read_write().with_announce(false))
            .load()
            .await;
        let acceptor = repo
            .make_acceptor(samod::Url::parse("ws://karta-serve/").context("acceptor")?)
            .map_err(|_| anyhow::anyhow!("the sync engine stopped"))?;
        let listener = tokio::net::TcpListener::bind((options.listen, options.port))
            .await
            .with_context(|| format!("{}:{}", options.listen, options.port))?;
        let address = listener.local_addr().context("listening address")?;
        // Sync is many small messages each waiting for an answer: no
        // Nagle delay on them.
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        ready(address);
        let shared = Arc::new(Shared {
            acceptor,
            token: options.token.clone(),
            lang: options.lang,
        });
        let app = axum::Router::new().fallback(upgrade).with_state(shared);
        let interrupted = async {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = stop => {}
            }
        };
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(interrupted)
        .await
        .context("serving")?;
        repo.stop().await;
        Ok(())
    })
}

/// The WebSocket upgrade: the token checked, then the socket handed to
/// samod behind the checks.
async fn upgrade(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: Uri,
    ws: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Response {
    if !authorized(shared.token.as_deref(), &headers, &uri) {
        log(shared.lang, client, Event::BadToken);
        return (StatusCode::UNAUTHORIZED, "token required\n").into_response();
    }
    let Ok(ws) = ws else {
        return (
            StatusCode::BAD_REQUEST,
            "karta sync server: connect with an automerge-repo WebSocket client\n",
        )
            .into_response();
    };
    ws.max_message_size(crate::store::disk::file::MAX_FILE_SIZE as usize)
        .on_upgrade(move |socket| async move { accept(&shared, socket, client) })
}

/// Whether the request presents the token (when one is required).
fn authorized(token: Option<&str>, headers: &HeaderMap, uri: &Uri) -> bool {
    let Some(token) = token else { return true };
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let query = uri.query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.into_owned())
    });
    [bearer.map(str::to_string), query]
        .iter()
        .flatten()
        .any(|given| same(given.as_bytes(), token.as_bytes()))
}

/// Compares in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The reason a connection is ended.
#[derive(Debug)]
struct Ended(String);

impl std::fmt::Display for Ended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Ended {}

/// Hands the socket to samod; what the client sends passes the checks
/// first, and the first refusal ends the connection.
fn accept(shared: &Shared, socket: WebSocket, client: SocketAddr) {
    let (sink, stream) = socket.split();
    let lang = shared.lang;
    let inbound = stream
        .scan(false, move |ended, frame| {
            let item = if *ended {
                None
            } else {
                match frame {
                    Ok(Frame::Binary(bytes)) => Some(match screen(&bytes) {
                        Ok(()) => Ok(Some(bytes.to_vec())),
                        Err(refusal) => {
                            *ended = true;
                            log(lang, client, Event::Refused(refusal));
                            Err(Ended(refusal.words(Lang::En).to_string()))
                        }
                    }),
                    Ok(Frame::Close(_)) => None,
                    Ok(_) => Some(Ok(None)),
                    Err(e) => Some(Err(Ended(e.to_string()))),
                }
            };
            futures::future::ready(item)
        })
        .filter_map(|item| futures::future::ready(item.transpose()));
    let outbound = sink
        .sink_map_err(|e| Ended(e.to_string()))
        .with(|bytes: Vec<u8>| futures::future::ready(Ok::<_, Ended>(Frame::Binary(bytes.into()))));
    let transport = Transport::new(Box::pin(inbound), Box::pin(outbound));
    if shared.acceptor.accept(transport).is_err() {
        log(lang, client, Event::Stopped);
    }
}

/// Checks one message a client sent.
fn screen(bytes: &[u8]) -> Result<(), Refusal> {
    match wire::decode(bytes) {
        Some(Message::Sync { document, data, .. }) => {
            let id: samod_core::DocumentId = document.parse().map_err(|_| Refusal::Unreadable)?;
            check_sync_data(&data, &id).map(|_| ())
        }
        Some(_) => Ok(()),
        None => Err(Refusal::Unreadable),
    }
}

enum Event {
    BadToken,
    Refused(Refusal),
    Stopped,
}

/// One line on standard error about a client.
fn log(lang: Lang, client: SocketAddr, event: Event) {
    let line = match event {
        Event::BadToken => lang
            .t(
                "неверный токен или его нет, соединение не принято",
                "wrong or missing token, connection refused",
            )
            .to_string(),
        Event::Refused(refusal) => format!(
            "{} ({}); {}",
            lang.t("отклонено присланное", "refused what it sent"),
            refusal.words(lang),
            lang.t(
                "соединение закрыто, ничего не сохранено",
                "connection closed, nothing stored"
            )
        ),
        Event::Stopped => lang
            .t("сервер останавливается", "the server is stopping")
            .to_string(),
    };
    tracing::warn!(%client, "{line}");
    eprintln!("karta serve: {client}: {line}");
}
