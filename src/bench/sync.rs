//! The load benchmark of sync (`karta-bench sync`): clients, each a thread
//! with its own copy and connection, make edits through one server on
//! loopback and take everyone else's. Measured: the time until every
//! client holds every edit, how long an edit takes to reach every other
//! client (p50, p99), and the server's peak memory (its process named by
//! `--server-pid`). Bounded in count and time: it stops by itself.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use automerge::ChangeHash;
use automerge::sync::State;

use crate::store::write::edit::ActivityField;
use crate::store::{self, Doc};
use crate::sync::SyncError;
use crate::sync::client::{Connection, Session, exchange};
use crate::sync::id::document_id;

/// How long a client that made all its edits waits for messages before
/// looking whether everyone is done.
const IDLE: Duration = Duration::from_millis(100);

/// How long a client whose connection was lost waits before opening it
/// again.
const RETRY: Duration = Duration::from_secs(1);

/// How many times a client tries to open its connection again, in all,
/// before it gives up syncing and only makes its edits.
const REOPENINGS: usize = 5;

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The server (`ws://…`).
    pub server: String,
    /// The roadmap every client starts from.
    pub file: std::path::PathBuf,
    /// How many clients.
    pub clients: usize,
    /// Edits each client makes.
    pub edits: usize,
    /// The pause between two edits of one client.
    pub pause: Duration,
    /// The longest the run may take.
    pub limit: Duration,
    /// The server's process, for its CPU time.
    pub server_pid: Option<u32>,
}

/// What a run measured.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Edits made in all.
    pub edits: usize,
    /// Edits that reached every other client.
    pub delivered: usize,
    /// From the first edit until every client held every edit (None: not
    /// within the limit).
    pub converged: Option<Duration>,
    /// Median time of an edit to reach every other client.
    pub p50: Duration,
    /// 99th percentile of the same.
    pub p99: Duration,
    /// CPU time of the server's process during the run (None: not known).
    pub server_cpu: Option<Duration>,
    /// CPU time of the clients (this process) during the run.
    pub clients_cpu: Option<Duration>,
    /// Clients whose connection was lost at least once (closed by the
    /// server, silent, or not to be opened again).
    pub clients_lost: usize,
    /// How many times connections were lost (an open one, or the first
    /// opening), all clients together.
    pub losses: usize,
}

/// One client's record: the edits it made (when), the others' edits it
/// received (when), and how many times its connection was lost.
struct Record {
    made: Vec<(ChangeHash, Instant)>,
    seen: HashMap<ChangeHash, Instant>,
    lost: usize,
}

/// Runs the benchmark.
pub fn run(options: &Options) -> Result<Outcome> {
    let mut doc = store::open(&options.file)?;
    let bytes = doc.to_bytes();
    let document = document_id(&doc.roadmap_id());
    let ids: Vec<String> = doc
        .roadmap()
        .activities_with_path()
        .into_iter()
        .map(|(_, a)| a.id.clone())
        .collect();
    if ids.is_empty() {
        return Err(anyhow!("{}: no activity to edit", options.file.display()));
    }
    // The roadmap on the server first.
    let mut working = doc.plain_copy();
    let mut connection = Connection::open(&options.server, None, &document)?;
    exchange(&mut connection, &mut working, &mut State::new())?;
    connection.close();

    let started = Arc::new(Barrier::new(options.clients + 1));
    let finished = Arc::new(AtomicUsize::new(0));
    let ids = Arc::new(ids);
    let bytes = Arc::new(bytes);
    let workers: Vec<_> = (0..options.clients)
        .map(|i| {
            let (started, finished, ids, bytes) = (
                started.clone(),
                finished.clone(),
                ids.clone(),
                bytes.clone(),
            );
            let (options, document) = (options.clone(), document.clone());
            std::thread::spawn(move || {
                client(i, &options, &document, &bytes, &ids, &started, &finished)
            })
        })
        .collect();
    let cpu = || {
        (
            options.server_pid.and_then(cpu_of),
            cpu_of(std::process::id()),
        )
    };
    started.wait();
    let start = Instant::now();
    let cpu_before = cpu();
    let mut records = Vec::new();
    for worker in workers {
        let record = worker
            .join()
            .map_err(|_| anyhow!("a client failed"))?
            .context("a client")?;
        records.push(record);
    }
    let cpu_after = cpu();
    let spent =
        |before: Option<Duration>, after: Option<Duration>| Some(after?.saturating_sub(before?));
    Ok(Outcome {
        server_cpu: spent(cpu_before.0, cpu_after.0),
        clients_cpu: spent(cpu_before.1, cpu_after.1),
        ..measure(&records, start, options)
    })
}

/// One client: connects, waits for the others, makes its edits at its
/// pace while taking everyone's, until all clients hold every edit or the
/// limit. A connection the server closes (or that stops answering) is
/// counted and opened again, a few times at most; meanwhile the client
/// goes on editing, and what it made reaches the others once it is back.
fn client(
    i: usize,
    options: &Options,
    document: &samod_core::DocumentId,
    bytes: &[u8],
    ids: &[String],
    started: &Barrier,
    finished: &AtomicUsize,
) -> Result<Record> {
    // In step with the server before the clock starts.
    let mut state = State::new();
    let connected = Connection::open(&options.server, None, document).and_then(|mut c| {
        let mut plain = automerge::Automerge::load(bytes)
            .map_err(|_| crate::sync::SyncError::Closed("bench".into()))?;
        exchange(&mut c, &mut plain, &mut state)?;
        Ok((c, plain.save()))
    });
    started.wait();
    let mut record = Record {
        made: Vec::new(),
        seen: HashMap::new(),
        lost: 0,
    };
    // The sync of the editor's live sync (`sync::live`), at its pace; None
    // while the connection is lost.
    let (mut session, mut doc) = match connected {
        Ok((connection, synced)) => (
            Some(Session::new(connection, state)),
            Doc::from_bytes(&synced, Path::new("bench"))?,
        ),
        Err(e) if lost(&e) => {
            record.lost += 1;
            (None, Doc::from_bytes(bytes, Path::new("bench"))?)
        }
        Err(e) => return Err(e.into()),
    };
    doc.set_author(Some(&format!("client {i}")));
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let start = Instant::now();
    let expected = (options.clients - 1) * options.edits;
    let mut done = false;
    let (mut retry, mut reopenings) = (start + RETRY, 0);
    // Clients start spread over one pause, not all at once.
    let mut next = start + options.pause.mul_f64(i as f64 / options.clients as f64);
    loop {
        let now = Instant::now();
        if now - start > options.limit {
            break;
        }
        if record.made.len() < options.edits && now >= next {
            let k = record.made.len();
            let before = doc.heads();
            let id = &ids[(i * 7 + k) % ids.len()];
            doc.set_activity_field(id, &ActivityField::Deadline, &format!("к{i} п{k} {run}"))?;
            for hash in doc.heads() {
                if !before.contains(&hash) {
                    record.made.push((hash, Instant::now()));
                }
            }
            next += options.pause;
            if let Some(session) = &mut session {
                session.touch();
            }
        }
        let wait = if record.made.len() < options.edits {
            next.saturating_duration_since(Instant::now())
        } else {
            IDLE
        };
        match &mut session {
            Some(live) => {
                let before = doc.heads();
                let stepped = live.step(&mut doc.automerge_mut().sync(), wait);
                match stepped {
                    Ok(true) => {
                        let now = Instant::now();
                        for change in doc.automerge_mut().get_changes_meta(&before) {
                            record.seen.entry(change.hash).or_insert(now);
                        }
                    }
                    Ok(false) => {}
                    Err(e) if lost(&e) => {
                        record.lost += 1;
                        session = None;
                        retry = Instant::now() + RETRY;
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            None if reopenings < REOPENINGS && Instant::now() >= retry => {
                reopenings += 1;
                match Connection::open(&options.server, None, document) {
                    // A new exchange from nothing known: the server works
                    // out what each side lacks.
                    Ok(connection) => session = Some(Session::new(connection, State::new())),
                    Err(e) if lost(&e) => retry = Instant::now() + RETRY,
                    Err(e) => return Err(e.into()),
                }
            }
            None => std::thread::sleep(wait.min(RETRY)),
        }
        if !done && record.made.len() == options.edits && record.seen.len() >= expected {
            done = true;
            finished.fetch_add(1, Ordering::SeqCst);
        }
        if finished.load(Ordering::SeqCst) == options.clients {
            break;
        }
    }
    if let Some(session) = session {
        session.close();
    }
    Ok(record)
}

/// Whether the error is the connection lost (closed, silent, or not to be
/// opened again) rather than something wrong in what was exchanged.
fn lost(e: &SyncError) -> bool {
    matches!(
        e,
        SyncError::Closed(_) | SyncError::TimedOut(_) | SyncError::Unreachable { .. }
    )
}

/// The figures of a run from every client's record.
fn measure(records: &[Record], start: Instant, options: &Options) -> Outcome {
    let mut latencies = Vec::new();
    let mut last = start;
    let mut all = true;
    for (c, record) in records.iter().enumerate() {
        for (hash, made) in &record.made {
            let reached: Option<Vec<Instant>> = records
                .iter()
                .enumerate()
                .filter(|(o, _)| *o != c)
                .map(|(_, other)| other.seen.get(hash).copied())
                .collect();
            match reached.and_then(|times| times.into_iter().max()) {
                Some(at) => {
                    latencies.push(at.saturating_duration_since(*made));
                    last = last.max(at);
                }
                None => all = false,
            }
        }
    }
    latencies.sort();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    let edits = records.iter().map(|r| r.made.len()).sum();
    Outcome {
        edits,
        delivered: latencies.len(),
        converged: (all && edits == options.clients * options.edits).then(|| last - start),
        p50: at(0.5),
        p99: at(0.99),
        server_cpu: None,
        clients_cpu: None,
        clients_lost: records.iter().filter(|r| r.lost > 0).count(),
        losses: records.iter().map(|r| r.lost).sum(),
    }
}

/// CPU time (user and system) the process `pid` has used so far (Linux;
/// `/proc/PID/stat` counts in ticks of 1/100 s on every Linux platform
/// karta builds for).
pub fn cpu_of(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command's name, which may hold spaces: state
    // is the first of them, utime the 12th, stime the 13th.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

/// Peak resident memory of the process `pid` in bytes (Linux).
pub fn peak_rss_of(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
