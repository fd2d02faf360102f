//! Reading the document at length without holding up the keys: the
//! document moves to a worker thread, which does the reading (a history, a
//! merge preview) and sends the document back with what is to be done
//! with the result on the UI thread. The status line says what is under
//! way; keys are answered meanwhile: field edits are made early (see
//! `early.rs`), other steps and screens wait for the document without
//! holding the keys (`deferred.rs`).

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::store::Doc;

use super::app::App;

/// What to do with the result, on the UI thread.
pub type Then = Box<dyn FnOnce(&mut App) + Send>;

/// An errand under way.
pub struct Errand {
    back: Receiver<(Doc, Then)>,
}

impl App {
    /// Sends the document to a worker to do `work`, saying `what` on the
    /// status line meanwhile; what `work` returns runs when it is back.
    pub(super) fn send_doc(
        &mut self,
        what: &str,
        work: impl FnOnce(&mut Doc) -> Then + Send + 'static,
    ) {
        let mut doc = std::mem::replace(&mut self.document.doc, Doc::placeholder());
        let (send, back) = channel();
        let name = what.to_string();
        std::thread::spawn(move || {
            let started = Instant::now();
            let then = std::panic::catch_unwind(AssertUnwindSafe(|| work(&mut doc)));
            let then: Then = then.unwrap_or_else(|_| {
                tracing::error!(errand = %name, "failed");
                Box::new(|app: &mut App| {
                    let text = app.lang.t("Не удалось", "Failed");
                    app.status.complain(text.to_string());
                })
            });
            tracing::info!(errand = %name, ms = started.elapsed().as_millis(), "done in the background");
            let _ = send.send((doc, then));
        });
        self.document.errand = Some(Errand { back });
        self.status.say(what.to_string());
    }

    /// Waits for the errand under way, if any, and acts on its result.
    pub fn await_errand(&mut self) {
        self.take_errand(true);
    }

    /// Takes the document back from an errand, waiting for it if `wait`,
    /// and acts on its result; then makes the edits made meanwhile.
    pub(super) fn take_errand(&mut self, wait: bool) {
        let Some(errand) = &self.document.errand else {
            return;
        };
        let back = match wait {
            true => errand.back.recv().map_err(|_| TryRecvError::Disconnected),
            false => errand.back.try_recv(),
        };
        let then = match back {
            Ok((doc, then)) => {
                self.document.doc = doc;
                Some(then)
            }
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                tracing::error!("an errand lost the document");
                let text = self.lang.t(
                    "документ потерян; всё сделанное — в файле и журнале: откройте файл заново",
                    "the document was lost; everything done is in the file and its journal: open the file again",
                );
                self.document.load_error = Some(text.to_string());
                None
            }
        };
        self.document.errand = None;
        self.status.clear();
        if let Some(then) = then {
            then(self);
        }
        self.apply_early();
        self.after_load();
    }
}
