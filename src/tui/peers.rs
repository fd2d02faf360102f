//! Who has which version, from the editor: each correspondent, what was
//! last sent to and received from them, when, and how many of your changes
//! they lack — as `karta peers` says it; first the sync server, when the
//! editor syncs live, and where that stands.

use crate::peers::correspondents;
use crate::present::errors::error_line;
use crate::present::peers::{no_exchanges, peer_lines};

use super::action::{Action, Mode};
use super::app::App;
use super::overlay::{Overlay, Reading};

impl App {
    /// Opens the list of correspondents, or says there were no exchanges.
    pub(super) fn show_peers(&mut self) {
        let lang = self.lang;
        let Some(records) = self.document.records.clone() else {
            return self.status.complain(lang.t(
                "нет папки настроек: обмены не записываются",
                "no config folder: exchanges are not recorded",
            ));
        };
        let list = match correspondents(&mut self.document.doc, &records) {
            Ok(list) => list,
            Err(e) => return self.status.complain(error_line(&e, self.lang)),
        };
        let server = self.live_server_line();
        let lines = match (list.is_empty(), server) {
            (true, None) => return self.status.say(no_exchanges(lang)),
            (true, Some(server)) => vec![server, no_exchanges(lang)],
            (false, server) => server.into_iter().chain(peer_lines(&list, lang)).collect(),
        };
        let title = self.keymap.titled(
            lang.t("Кто что получил", "Who has what"),
            Mode::List,
            Action::Cancel,
            lang.t("закрыть", "closes"),
        );
        self.overlay = Overlay::Reading(Reading::new(title, lines));
    }
}
