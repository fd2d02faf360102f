//! Who has which version, from the editor: each correspondent, what was
//! last sent to and received from them, when, and how many of your changes
//! they lack — as `karta peers` says it.

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
        if list.is_empty() {
            return self.status.say(no_exchanges(lang));
        }
        let title = self.keymap.titled(
            lang.t("Кто что получил", "Who has what"),
            Mode::List,
            Action::Cancel,
            lang.t("закрыть", "closes"),
        );
        self.overlay = Overlay::Reading(Reading::new(title, peer_lines(&list, lang)));
    }
}
