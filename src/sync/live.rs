//! Live sync for the editor: a worker thread holds a connection to the
//! roadmap's server, sends the editor's changes as they are made and hands
//! back the server's (checked, see [`super::checks`]) within a fraction of
//! a second. Offline it keeps what the editor made and tries again, more
//! slowly each time (up to [`RETRY_MAX`]); on reconnect everything the
//! server lacks goes out. Something refused stops live sync for the
//! session: the same thing would come again.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use automerge::sync::State;
use automerge::{Automerge, ChangeHash};

use super::SyncError;
use super::client::{Connection, Session};
use super::servers::Remote;
use crate::store::disk::file::quietly;

/// How long the worker waits for the server before looking at the editor's
/// changes again.
const STEP: Duration = Duration::from_millis(50);

/// The first wait before connecting again.
const RETRY_MIN: Duration = Duration::from_secs(1);

/// The longest wait before connecting again.
pub const RETRY_MAX: Duration = Duration::from_secs(10);

/// What the worker tells the editor.
#[derive(Debug)]
pub enum Event {
    /// Connected to the server.
    Online,
    /// Not connected (why).
    Offline(SyncError),
    /// Changes from the server, checked, to take in.
    Received(Vec<u8>),
    /// How many of the editor's changes the server lacks, counted after
    /// taking this many of the editor's batches.
    Unsent {
        /// Changes the server lacks.
        count: usize,
        /// Batches of the editor's changes taken so far.
        taken: u64,
    },
    /// Something the server sent was refused: live sync stopped.
    Stopped(SyncError),
}

/// Where live sync stands, for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// Connected to the server.
    pub online: bool,
    /// Changes the server lacks.
    pub unsent: usize,
    /// Batches of the editor's changes the worker had taken when it
    /// counted them.
    pub taken: u64,
    /// Whether it stopped (something the server sent was refused).
    pub stopped: bool,
}

/// What came from the worker since the last look.
#[derive(Debug, Default)]
pub struct Polled {
    /// Changes from the server to take in, in order.
    pub received: Vec<Vec<u8>>,
    /// Why live sync stopped, when it just did.
    pub stopped: Option<SyncError>,
}

/// Live sync with one server: the editor's side of the worker.
pub struct Live {
    outbox: Sender<Vec<u8>>,
    inbox: Receiver<Event>,
    stop: Arc<AtomicBool>,
    worker: Option<JoinHandle<()>>,
    /// The server.
    pub remote: Remote,
    /// Where it stands.
    pub standing: Standing,
    /// The editor's heads last handed to the worker.
    pub sent_heads: Vec<ChangeHash>,
    /// Batches of the editor's changes handed to the worker.
    handed: u64,
}

impl Live {
    /// Starts syncing `doc` (the editor's document as it stands) with
    /// `remote` in a worker thread.
    pub fn start(remote: Remote, doc: Automerge) -> Live {
        let (outbox, from_editor) = mpsc::channel();
        let (to_editor, inbox) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let sent_heads = doc.get_heads();
        let worker = {
            let (remote, stop) = (remote.clone(), stop.clone());
            let document = super::id::document_id(&crate::store::read::get_str(
                &doc,
                &automerge::ROOT,
                crate::store::schema::K_ID,
            ));
            std::thread::spawn(move || {
                let mut worker = Worker {
                    remote,
                    document,
                    doc,
                    from_editor,
                    to_editor,
                    stop,
                    server_heads: None,
                    taken: 0,
                    unsent: None,
                };
                worker.run();
            })
        };
        Live {
            outbox,
            inbox,
            stop,
            worker: Some(worker),
            remote,
            standing: Standing::default(),
            sent_heads,
            handed: 0,
        }
    }

    /// Hands the editor's new changes to the worker.
    pub fn send(&mut self, changes: Vec<u8>, heads: Vec<ChangeHash>) {
        self.sent_heads = heads;
        if !changes.is_empty() && self.outbox.send(changes).is_ok() {
            self.handed += 1;
        }
    }

    /// Whether the server is known to hold every change handed to the
    /// worker.
    pub fn all_sent(&self) -> bool {
        self.standing.online && self.standing.unsent == 0 && self.standing.taken == self.handed
    }

    /// What came from the worker since the last call; the standing is
    /// updated.
    pub fn poll(&mut self) -> Polled {
        let mut polled = Polled::default();
        loop {
            match self.inbox.try_recv() {
                Ok(Event::Online) => self.standing.online = true,
                Ok(Event::Offline(_)) => self.standing.online = false,
                Ok(Event::Unsent { count, taken }) => {
                    self.standing.unsent = count;
                    self.standing.taken = taken;
                }
                Ok(Event::Received(bytes)) => polled.received.push(bytes),
                Ok(Event::Stopped(e)) => {
                    self.standing.online = false;
                    self.standing.stopped = true;
                    polled.stopped = Some(e);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.standing.online = false;
                    break;
                }
            }
        }
        polled
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(worker) = self.worker.take() {
            // The worker notices within a step; not waited for.
            drop(worker);
        }
    }
}

/// The worker's side.
struct Worker {
    remote: Remote,
    document: samod_core::DocumentId,
    doc: Automerge,
    from_editor: Receiver<Vec<u8>>,
    to_editor: Sender<Event>,
    stop: Arc<AtomicBool>,
    /// The server's heads as last known (across connections).
    server_heads: Option<Vec<ChangeHash>>,
    /// Batches of the editor's changes taken.
    taken: u64,
    /// The count last told, the batches taken then, and the heads (ours,
    /// the server's) it was counted at.
    unsent: Option<(usize, u64, Vec<ChangeHash>, Vec<ChangeHash>)>,
}

impl Worker {
    fn run(&mut self) {
        let mut retry = RETRY_MIN;
        while !self.stopped() {
            self.take_editor_changes();
            let opened = Connection::open(
                &self.remote.server,
                self.remote.token.as_deref(),
                &self.document,
            );
            match opened {
                Ok(connection) => {
                    retry = RETRY_MIN;
                    self.tell(Event::Online);
                    match self.connected(connection) {
                        Ok(()) => return,
                        Err(e @ SyncError::Refused { .. }) => {
                            self.tell(Event::Stopped(e));
                            return;
                        }
                        Err(e) => self.tell(Event::Offline(e)),
                    }
                }
                Err(e) => self.tell(Event::Offline(e)),
            }
            self.tell_unsent();
            let until = Instant::now() + retry;
            while Instant::now() < until && !self.stopped() {
                self.take_editor_changes();
                self.tell_unsent();
                std::thread::sleep(STEP);
            }
            retry = (retry * 2).min(RETRY_MAX);
        }
    }

    /// Syncs over `connection` until it fails or the editor stops the
    /// worker (Ok); the pace of messages is the [`Session`]'s.
    fn connected(&mut self, connection: Connection) -> Result<(), SyncError> {
        let mut session = Session::new(connection, State::new());
        while !self.stopped() {
            if self.take_editor_changes() {
                session.touch();
            }
            let before = self.doc.get_heads();
            if session.step(&mut self.doc, STEP)? {
                if self.doc.get_heads() != before {
                    let changes = super::apply::new_changes(&self.doc, &before);
                    self.tell(Event::Received(changes));
                }
                if let Some(heads) = session.server_heads() {
                    self.server_heads = Some(heads.clone());
                }
            }
            self.tell_unsent();
        }
        session.close();
        Ok(())
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Takes the changes the editor made into the worker's copy; whether
    /// there were any.
    fn take_editor_changes(&mut self) -> bool {
        let mut any = false;
        while let Ok(bytes) = self.from_editor.try_recv() {
            any = true;
            self.taken += 1;
            let doc = &mut self.doc;
            if !matches!(quietly(|| doc.load_incremental(&bytes)), Ok(Ok(_))) {
                tracing::warn!("live sync: the editor's changes could not be taken");
            }
        }
        any
    }

    /// Tells the editor how many changes the server lacks, when that
    /// changed (unknown until the server said what it has).
    fn tell_unsent(&mut self) {
        let Some(heads) = &self.server_heads else {
            return;
        };
        let ours = self.doc.get_heads();
        if let Some((_, taken, at, theirs)) = &self.unsent
            && *taken == self.taken
            && *at == ours
            && theirs == heads
        {
            return;
        }
        let known: Vec<ChangeHash> = heads
            .iter()
            .filter(|h| self.doc.get_change_meta_by_hash(h).is_some())
            .copied()
            .collect();
        let unsent = self.doc.get_changes_meta(&known).len();
        let told = self.unsent.as_ref().map(|(n, taken, _, _)| (*n, *taken));
        self.unsent = Some((unsent, self.taken, ours, heads.clone()));
        if told != Some((unsent, self.taken)) {
            self.tell(Event::Unsent {
                count: unsent,
                taken: self.taken,
            });
        }
    }

    fn tell(&self, event: Event) {
        let _ = self.to_editor.send(event);
    }
}
