//! Live sync in the editor (see [`crate::sync::live`]): with a server known
//! for the roadmap, the editor's changes go to a worker as they are made
//! and the server's come back between keys, taken in as a merge is (the
//! same checks; the screen patched from what they touched; journaled, so
//! unsaved until Ctrl-s like any edit). The status line says online,
//! offline, and how many changes the server still lacks.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::i18n::Lang;
use crate::sync::live::{Live, Standing};
use crate::sync::servers::{self, Remote};

use super::app::App;

/// How long quitting waits for the changes the server lacks to go out.
pub const QUIT_WAIT: Duration = Duration::from_secs(3);

/// How often quitting looks whether they went out.
const QUIT_STEP: Duration = Duration::from_millis(50);

/// Live sync of an editor.
pub enum LiveSync {
    /// Waiting for the document to load.
    Waiting(Remote),
    /// Running.
    Running(Box<Live>),
}

/// Starts live sync when a server is known for the roadmap (remembered by
/// `karta share`, or `[sync] server` in the config); never for the bundled
/// sample, which everyone has.
pub fn start_configured(app: &mut App) {
    if app.document.path.is_none() {
        return;
    }
    let Ok(config) = Config::load() else { return };
    let roadmap = app.document.roadmap.id.clone();
    if let Ok(Some(remote)) = servers::resolve(&roadmap, None, None, &config) {
        app.start_live_sync(remote);
    }
}

impl App {
    /// Syncs live with `remote` from now on (once the document has loaded).
    pub fn start_live_sync(&mut self, remote: Remote) {
        self.document.live = Some(LiveSync::Waiting(remote));
        self.poll_live();
    }

    /// Where live sync stands (None: not syncing).
    pub fn live_standing(&self) -> Option<&Standing> {
        match &self.document.live {
            Some(LiveSync::Running(live)) => Some(&live.standing),
            _ => None,
        }
    }

    /// Whether live sync is online and the server is known to hold every
    /// change made here that was handed to it.
    pub fn live_all_sent(&self) -> bool {
        matches!(&self.document.live, Some(LiveSync::Running(live)) if live.all_sent())
    }

    /// Between keys: hands the editor's new changes to the worker and takes
    /// in what the server sent.
    pub(super) fn poll_live(&mut self) {
        let live = match self.document.live.take() {
            None => return,
            Some(LiveSync::Waiting(remote)) => {
                if self.is_loading() || self.document.load_error.is_some() {
                    self.document.live = Some(LiveSync::Waiting(remote));
                    return;
                }
                let doc = self.document.doc.plain_copy();
                Box::new(Live::start(remote, doc))
            }
            Some(LiveSync::Running(live)) => live,
        };
        let mut live = live;
        let heads = self.document.doc.heads();
        if heads != live.sent_heads {
            let changes = self.document.doc.changes_since(&live.sent_heads);
            live.send(changes, heads);
        }
        let polled = live.poll();
        for bytes in &polled.received {
            if !self.take_live(bytes, &live.remote.server) {
                return;
            }
        }
        if !polled.received.is_empty() && live.sent_heads != self.document.doc.heads() {
            // What came is the worker's already.
            let heads = self.document.doc.heads();
            live.send(Vec::new(), heads);
        }
        if let Some(e) = polled.stopped {
            let text = format!(
                "{} {}",
                self.lang.t("Синхронизация остановлена:", "Sync stopped:"),
                crate::present::sync::sync_error(&e, self.lang)
            );
            self.status.complain(text);
        }
        self.document.live = Some(LiveSync::Running(live));
    }

    /// Takes changes the server sent into the document; false (live sync
    /// stopped, said on the status line) when they are refused.
    fn take_live(&mut self, bytes: &[u8], server: &str) -> bool {
        let before = self.document.doc.heads();
        match crate::sync::apply::take_into(&mut self.document.doc, bytes, Path::new(server)) {
            Ok(taken) if taken.saved => {
                self.journal_changes();
                self.document.unsaved = true;
                self.refresh_since(&before);
                let authors: Vec<String> = taken
                    .preview
                    .by_author
                    .iter()
                    .map(|a| crate::describe::author_name(a.author.as_deref(), self.lang))
                    .collect();
                if !authors.is_empty() {
                    self.status.say(format!(
                        "{} {}",
                        self.lang.t("Пришли правки:", "Edits came from"),
                        authors.join(", ")
                    ));
                }
                true
            }
            Ok(_) => true,
            Err(e) => {
                let text = format!(
                    "{} {}",
                    self.lang.t("Синхронизация остановлена:", "Sync stopped:"),
                    crate::present::errors::store_error(&e, self.lang)
                );
                self.status.complain(text);
                false
            }
        }
    }

    /// Before the editor quits: while live sync is online and the server
    /// lacks changes made here, waits up to [`QUIT_WAIT`] for them to go
    /// out, saying so on the status line (`show` draws it). What did not
    /// go out is in the file and goes out at the next sync (said in the
    /// log).
    pub fn send_before_quit(&mut self, show: &mut dyn FnMut(&mut App)) {
        let started = Instant::now();
        loop {
            self.poll_live();
            if self.live_all_sent() {
                return;
            }
            let Some(LiveSync::Running(live)) = &self.document.live else {
                return;
            };
            let standing = &live.standing;
            if !standing.online || standing.stopped || started.elapsed() >= QUIT_WAIT {
                tracing::info!(
                    unsent = standing.unsent,
                    server = %live.remote.server,
                    "quitting with changes the sync server does not have yet; \
                     they are in the file and go out at the next sync"
                );
                return;
            }
            let count = standing.unsent.max(1);
            self.status.say(crate::tr!(
                self.lang,
                "live-sending-before-quit",
                count = count
            ));
            show(self);
            std::thread::sleep(QUIT_STEP);
        }
    }

    /// Live sync in words for the status line ("" when not syncing).
    pub fn live_words(&self) -> String {
        self.live_standing()
            .map(|standing| format!(" · {}", standing_words(standing, self.lang)))
            .unwrap_or_default()
    }

    /// The line of the peers screen naming the server the editor syncs
    /// with and where live sync stands (None: not syncing).
    pub(super) fn live_server_line(&self) -> Option<String> {
        let lang = self.lang;
        let (server, standing) = match &self.document.live {
            None => return None,
            Some(LiveSync::Waiting(remote)) => (&remote.server, None),
            Some(LiveSync::Running(live)) => (&live.remote.server, Some(&live.standing)),
        };
        let server = crate::model::text::one_line(server);
        Some(match standing {
            Some(standing) => crate::tr!(
                lang,
                "peers-sync-server-live",
                server = server,
                standing = standing_words(standing, lang)
            ),
            None => crate::tr!(lang, "peers-sync-server-starting", server = server),
        })
    }
}

/// Where live sync stands, in words: online or offline, and how many
/// changes the server lacks.
fn standing_words(standing: &Standing, lang: Lang) -> String {
    if standing.stopped {
        return lang
            .t("синхронизация остановлена", "sync stopped")
            .to_string();
    }
    let place = match standing.online {
        true => lang.t("в сети", "online"),
        false => lang.t("не в сети", "offline"),
    };
    match (standing.unsent, lang) {
        (0, _) => place.to_string(),
        (n, Lang::Ru) => format!("{place}, не отправлено: {n}"),
        (n, Lang::En) => format!("{place}, {n} not sent"),
    }
}
