//! A client of an automerge-repo sync server: a blocking WebSocket, the
//! protocol's handshake, and the exchange of sync messages for one
//! document. Everything received is checked ([`super::checks`]) before the
//! document takes it; the document exchanged is a working copy the caller
//! then takes changes from, as from a merged file ([`super::apply`]).

use std::io::ErrorKind;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use automerge::sync::{State, SyncDoc};
use automerge::{Automerge, ChangeHash};
use samod_core::DocumentId;
use tungstenite::client::IntoClientRequest;
use tungstenite::http::HeaderValue;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message as Frame, WebSocket};

use super::SyncError;
use super::wire::{self, Message};
use crate::store::disk::file::quietly;
use crate::store::exchange::chunks;

/// How long connecting and the handshake may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A connection to a sync server about one document.
pub struct Connection {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    tcp: TcpStream,
    server: String,
    me: String,
    peer: String,
    document: DocumentId,
}

/// What arrived for the document.
pub enum Received {
    /// A sync message, checked.
    Sync(automerge::sync::Message),
    /// The server does not hold the document.
    Unavailable,
}

impl Connection {
    /// Connects to `server` (`ws://HOST:PORT[/PATH]`), presenting `token`
    /// when given, and joins as a peer keeping no storage of its own.
    pub fn open(
        server: &str,
        token: Option<&str>,
        document: &DocumentId,
    ) -> Result<Connection, SyncError> {
        let unreachable = |reason: String| SyncError::Unreachable {
            server: server.to_string(),
            reason,
        };
        let address = with_token(server, token)?;
        let mut request = address
            .as_str()
            .into_client_request()
            .map_err(|_| SyncError::BadAddress(server.to_string()))?;
        if let Some(token) = token
            && let Ok(value) = HeaderValue::from_str(&format!("Bearer {token}"))
        {
            request.headers_mut().insert("authorization", value);
        }
        let host = address
            .host_str()
            .ok_or_else(|| SyncError::BadAddress(server.to_string()))?;
        let port = address.port_or_known_default().unwrap_or(80);
        let addrs: Vec<_> = (host, port)
            .to_socket_addrs()
            .map_err(|e| unreachable(e.to_string()))?
            .collect();
        let mut last = String::from("no address");
        let mut tcp = None;
        for addr in addrs {
            match TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT) {
                Ok(s) => {
                    tcp = Some(s);
                    break;
                }
                Err(e) => last = e.to_string(),
            }
        }
        let tcp = tcp.ok_or_else(|| unreachable(last))?;
        let io = |e: std::io::Error| unreachable(e.to_string());
        tcp.set_nodelay(true).map_err(io)?;
        tcp.set_read_timeout(Some(CONNECT_TIMEOUT)).map_err(io)?;
        tcp.set_write_timeout(Some(CONNECT_TIMEOUT)).map_err(io)?;
        let handle = tcp.try_clone().map_err(io)?;
        if address.scheme() == "wss" {
            // Only ring is built in; installing it twice is harmless.
            let _ = rustls::crypto::ring::default_provider().install_default();
        }
        // wss:// speaks TLS (rustls, the system's certificates); ws:// not.
        let (socket, _) =
            tungstenite::client_tls_with_config(request, tcp, None, None).map_err(|e| match e {
                tungstenite::HandshakeError::Failure(tungstenite::Error::Http(r))
                    if r.status() == 401 || r.status() == 403 =>
                {
                    SyncError::Unauthorized(server.to_string())
                }
                tungstenite::HandshakeError::Failure(
                    e @ (tungstenite::Error::Io(_) | tungstenite::Error::Tls(_)),
                ) => unreachable(e.to_string()),
                // The socket's read timeout ran out mid-handshake: a busy
                // server, not another protocol.
                tungstenite::HandshakeError::Interrupted(_) => {
                    SyncError::TimedOut(server.to_string())
                }
                other => SyncError::Protocol {
                    server: server.to_string(),
                    reason: other.to_string(),
                },
            })?;
        let mut connection = Connection {
            socket,
            tcp: handle,
            server: server.to_string(),
            me: format!("karta-{}", uuid::Uuid::new_v4().simple()),
            peer: String::new(),
            document: document.clone(),
        };
        connection.send_raw(wire::join(&connection.me))?;
        let deadline = Instant::now() + CONNECT_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(SyncError::TimedOut(server.to_string()));
            }
            match connection.next_message(left)? {
                Some(Message::Peer { sender }) => {
                    connection.peer = sender;
                    return Ok(connection);
                }
                Some(Message::Error { message }) => {
                    return Err(connection.protocol(&message));
                }
                _ => {}
            }
        }
    }

    /// The server as given.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// Sends a sync message for the document.
    pub fn send(&mut self, message: automerge::sync::Message) -> Result<(), SyncError> {
        let bytes = wire::sync(
            &self.document.to_string(),
            &self.me,
            &self.peer,
            &message.encode(),
        );
        self.send_raw(bytes)
    }

    /// Waits up to `wait` for something about the document; None when
    /// nothing came. A zero `wait` takes only what has already arrived,
    /// without waiting. A message that fails the checks ends the exchange.
    pub fn receive(&mut self, wait: Duration) -> Result<Option<Received>, SyncError> {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(message) = self.next_message(left)? else {
                return Ok(None);
            };
            let mine = self.document.to_string();
            match message {
                Message::Sync { document, data, .. } if document == mine => {
                    let checked =
                        super::checks::check_sync_data(&data, &self.document).map_err(|r| {
                            SyncError::Refused {
                                server: self.server.clone(),
                                reason: r,
                            }
                        })?;
                    return Ok(Some(Received::Sync(checked)));
                }
                Message::Unavailable { document } if document == mine => {
                    return Ok(Some(Received::Unavailable));
                }
                Message::Error { message } => return Err(self.protocol(&message)),
                _ if left.is_zero() => return Ok(None),
                _ => {}
            }
        }
    }

    /// Closes the connection politely.
    pub fn close(mut self) {
        let _ = self.socket.close(None);
        let _ = self.socket.flush();
    }

    fn protocol(&self, reason: &str) -> SyncError {
        SyncError::Protocol {
            server: self.server.clone(),
            reason: crate::model::text::one_line(reason),
        }
    }

    fn send_raw(&mut self, bytes: Vec<u8>) -> Result<(), SyncError> {
        self.socket
            .send(Frame::Binary(bytes.into()))
            .map_err(|e| self.lost(e))
    }

    fn lost(&self, e: tungstenite::Error) -> SyncError {
        match e {
            tungstenite::Error::Io(io) if is_timeout(&io) => {
                SyncError::TimedOut(self.server.clone())
            }
            _ => SyncError::Closed(self.server.clone()),
        }
    }

    /// The next protocol message, waiting up to `wait`; None when nothing
    /// came in time. A zero `wait` does not wait: only a message already
    /// here is taken.
    fn next_message(&mut self, wait: Duration) -> Result<Option<Message>, SyncError> {
        if wait.is_zero() {
            let _ = self.tcp.set_nonblocking(true);
            let next = self.read_message(None);
            let _ = self.tcp.set_nonblocking(false);
            return next;
        }
        self.read_message(Some(Instant::now() + wait))
    }

    /// Reads until a protocol message comes or `deadline` passes; without
    /// a deadline the socket does not block and only what is here is read.
    fn read_message(&mut self, deadline: Option<Instant>) -> Result<Option<Message>, SyncError> {
        loop {
            if let Some(deadline) = deadline {
                let left = deadline.saturating_duration_since(Instant::now());
                let _ = self
                    .tcp
                    .set_read_timeout(Some(left.max(Duration::from_millis(1))));
            }
            match self.socket.read() {
                Ok(Frame::Binary(bytes)) => match wire::decode(&bytes) {
                    Some(message) => return Ok(Some(message)),
                    None => return Err(self.protocol("unreadable message")),
                },
                Ok(Frame::Close(_)) => return Err(SyncError::Closed(self.server.clone())),
                Ok(_) => {}
                Err(tungstenite::Error::Io(e)) if is_timeout(&e) => {
                    if deadline.is_none_or(|d| Instant::now() >= d) {
                        return Ok(None);
                    }
                }
                Err(e) => return Err(self.lost(e)),
            }
        }
    }
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)
}

/// The server's address with the token as a query parameter (how stock
/// automerge-repo clients, which cannot set headers, present one).
fn with_token(server: &str, token: Option<&str>) -> Result<url::Url, SyncError> {
    let bad = || SyncError::BadAddress(server.to_string());
    let mut url = url::Url::parse(server.trim()).map_err(|_| bad())?;
    if !matches!(url.scheme(), "ws" | "wss") {
        return Err(bad());
    }
    if url.host_str().is_none() {
        return Err(bad());
    }
    if let Some(token) = token {
        url.query_pairs_mut().append_pair("token", token);
    }
    Ok(url)
}

/// How long an exchange waits for the server's answer before it is taken
/// as lost.
pub const ANSWER_WAIT: Duration = Duration::from_secs(20);

/// The longest one exchange may take.
pub const EXCHANGE_LIMIT: Duration = Duration::from_secs(300);

/// Exchanges sync messages about the document until the server and `doc`
/// hold the same changes; returns the heads the server first said it had.
/// `doc` takes only what passed the checks.
pub fn exchange(
    connection: &mut Connection,
    doc: &mut Automerge,
    state: &mut State,
) -> Result<Vec<ChangeHash>, SyncError> {
    let started = Instant::now();
    let mut first = None;
    loop {
        if in_step(doc, state) {
            return Ok(first.unwrap_or_default());
        }
        if let Some(message) = doc.generate_sync_message(state) {
            connection.send(message)?;
        }
        if started.elapsed() > EXCHANGE_LIMIT {
            return Err(SyncError::TimedOut(connection.server().to_string()));
        }
        match connection.receive(ANSWER_WAIT)? {
            Some(Received::Sync(message)) => {
                first.get_or_insert_with(|| message.heads.clone());
                take(connection, doc, state, message)?;
            }
            Some(Received::Unavailable) => {
                return Err(SyncError::Unavailable(connection.server().to_string()));
            }
            None => return Err(SyncError::TimedOut(connection.server().to_string())),
        }
    }
}

/// Whether the server is known to hold exactly `doc`'s changes.
pub fn in_step(doc: &Automerge, state: &State) -> bool {
    let heads = doc.get_heads();
    state.their_heads.as_ref() == Some(&heads)
}

/// Takes one checked sync message into `doc`. A failure inside Automerge
/// refuses the message and may leave `doc` half-changed: `doc` is a working
/// copy, dropped on any error.
pub fn take(
    connection: &Connection,
    doc: &mut impl SyncDoc,
    state: &mut State,
    message: automerge::sync::Message,
) -> Result<(), SyncError> {
    match quietly(|| doc.receive_sync_message(state, message)) {
        Ok(Ok(())) => Ok(()),
        _ => Err(SyncError::Refused {
            server: connection.server().to_string(),
            reason: super::checks::Refusal::Unapplicable,
        }),
    }
}

/// The shortest time between two sync messages of a [`Session`] that
/// carry something the server waits for (changes made here, changes it
/// asked for, asking for changes it holds and did not send): what changes
/// meanwhile goes out together in the next one.
pub const PACE: Duration = Duration::from_millis(100);

/// The shortest time between two sync messages of a [`Session`] that
/// only say what arrived: the server sends its new changes without
/// waiting for them, and every message costs it work for every client
/// of the roadmap (samod makes a sync message for each of them).
pub const ACK_PACE: Duration = Duration::from_secs(1);

/// The most messages that arrived together a [`Session`] takes before
/// answering.
const BATCH: usize = 64;

/// The sync of one document over a connection kept open (the editor's
/// live sync; the load benchmark's clients). A sync message is made only
/// when something changed since the last one — making one works through
/// every change the server may lack, and with nothing new it comes out
/// empty — and no more often than every [`PACE`] when the server waits
/// for it, every [`ACK_PACE`] when it only acknowledges; the server's
/// messages that arrived together are all taken before one answer goes
/// back.
pub struct Session {
    connection: Connection,
    state: State,
    /// Something changed since the last message (None: nothing); whether
    /// the server waits for it.
    due: Option<bool>,
    sent: Option<Instant>,
}

impl Session {
    /// Goes on with the sync over `connection` from `state` (a new one, or
    /// that of an [`exchange`] just made); a message goes out at the first
    /// [`Session::step`].
    pub fn new(connection: Connection, state: State) -> Session {
        Session {
            connection,
            state,
            due: Some(true),
            sent: None,
        }
    }

    /// The heads the server last said it has.
    pub fn server_heads(&self) -> Option<&Vec<ChangeHash>> {
        self.state.their_heads.as_ref()
    }

    /// The document changed here: a sync message is due.
    pub fn touch(&mut self) {
        self.due = Some(true);
    }

    /// Sends the sync message due (when the pace allows), then waits up
    /// to `wait` for the server and takes into `doc` everything it sent
    /// that arrived together, checked; whether anything was taken.
    pub fn step(&mut self, doc: &mut impl SyncDoc, wait: Duration) -> Result<bool, SyncError> {
        let (now, sent) = (Instant::now(), self.sent);
        let allowed = |urgent: bool| {
            let pace = if urgent { PACE } else { ACK_PACE };
            sent.map_or(now, |at| at + pace)
        };
        if let Some(urgent) = self.due
            && now >= allowed(urgent)
        {
            if let Some(message) = doc.generate_sync_message(&mut self.state) {
                self.connection.send(message)?;
                self.sent = Some(now);
            }
            self.due = None;
        }
        let mut wait = match self.due {
            Some(urgent) => wait.min(allowed(urgent).saturating_duration_since(now)),
            None => wait,
        };
        let mut arrived = Vec::new();
        for _ in 0..BATCH {
            match self.connection.receive(wait)? {
                Some(Received::Sync(message)) => {
                    arrived.push(message);
                    wait = Duration::ZERO;
                }
                Some(Received::Unavailable) => {}
                None => break,
            }
        }
        let took = !arrived.is_empty();
        for message in together(arrived) {
            let asked = !message.need.is_empty();
            take(&self.connection, doc, &mut self.state, message)?;
            // Lacking some of what the server holds (it took us to have it):
            // the answer asks for it.
            let lacking = self.state.their_heads.as_ref() != Some(&self.state.shared_heads);
            self.due = Some(asked || lacking || self.due == Some(true));
        }
        Ok(took)
    }

    /// Closes the connection politely.
    pub fn close(self) {
        self.connection.close();
    }
}

/// Sync messages that arrived one after another, as few as taking them
/// does the same: the changes of a run of messages taken at once (the
/// document takes changes once instead of once per message), with what the
/// last of them says the server has, needs and holds — which is what taking
/// them one by one leaves behind, the server's history only growing. A
/// message that resets the exchange or carries a whole document stays on
/// its own.
fn together(messages: Vec<automerge::sync::Message>) -> Vec<automerge::sync::Message> {
    use automerge::sync::{ChunkList, MessageFlags};
    let alone = |m: &automerge::sync::Message| {
        m.heads.is_empty()
            || m.flags
                .is_some_and(|f| f.contains(MessageFlags::SYNC_RESET))
            || m.changes
                .iter()
                .any(|chunk| chunks::first(chunk).is_some_and(|(_, kind)| kind == chunks::DOCUMENT))
    };
    let mut out: Vec<automerge::sync::Message> = Vec::new();
    let mut run: Vec<Vec<u8>> = Vec::new();
    for message in messages {
        let joins = !alone(&message) && out.last().is_some_and(|last| !alone(last));
        if !joins {
            if let Some(last) = out.last_mut() {
                last.changes = ChunkList::from(std::mem::take(&mut run));
            }
            run.extend(message.changes.iter().map(<[u8]>::to_vec));
            out.push(message);
            continue;
        }
        run.extend(message.changes.iter().map(<[u8]>::to_vec));
        if let Some(last) = out.last_mut() {
            *last = message;
        }
    }
    if let Some(last) = out.last_mut() {
        last.changes = ChunkList::from(run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ROOT};

    #[test]
    fn messages_taken_together_leave_what_taking_them_one_by_one_leaves() {
        let mut server = AutoCommit::new();
        server.put(ROOT, "id", "roadmap").expect("put");
        server.commit();
        // A history long enough that a few changes go as changes, not as
        // the whole document.
        for i in 0..20_i64 {
            server.put(ROOT, "n", i).expect("put");
            server.commit();
        }
        let mut client = server.fork();
        let (mut server_state, mut client_state) = (State::new(), State::new());
        // In step first, as after connecting.
        loop {
            let to_server = client.sync().generate_sync_message(&mut client_state);
            let to_client = server.sync().generate_sync_message(&mut server_state);
            if to_server.is_none() && to_client.is_none() {
                break;
            }
            if let Some(m) = to_server {
                server
                    .sync()
                    .receive_sync_message(&mut server_state, m)
                    .expect("server");
            }
            if let Some(m) = to_client {
                client
                    .sync()
                    .receive_sync_message(&mut client_state, m)
                    .expect("client");
            }
        }
        let mut messages = Vec::new();
        for i in 100..104_i64 {
            server.put(ROOT, "n", i).expect("put");
            server.commit();
            messages.extend(server.sync().generate_sync_message(&mut server_state));
        }
        assert_eq!(messages.len(), 4);
        assert_eq!(together(messages.clone()).len(), 1);

        let (mut one_by_one, mut at_once) = (client.fork(), client.fork());
        let (mut state_one, mut state_once) = (client_state.clone(), client_state);
        for message in messages.clone() {
            one_by_one
                .sync()
                .receive_sync_message(&mut state_one, message)
                .expect("take");
        }
        for message in together(messages) {
            at_once
                .sync()
                .receive_sync_message(&mut state_once, message)
                .expect("take");
        }
        assert_eq!(one_by_one.get_heads(), server.get_heads());
        assert_eq!(at_once.get_heads(), server.get_heads());
        assert_eq!(state_one.their_heads, state_once.their_heads);
        assert_eq!(state_one.shared_heads, state_once.shared_heads);
        let answer = |doc: &mut AutoCommit, state: &mut State| {
            doc.sync().generate_sync_message(state).map(|m| m.heads)
        };
        assert_eq!(
            answer(&mut one_by_one, &mut state_one),
            answer(&mut at_once, &mut state_once)
        );
    }
}
