//! Who has which version, in words: for each correspondent what was last
//! sent to them and received from them, when, and how many of your changes
//! they have not received, and the sync server the roadmap syncs with
//! (`karta peers` and the editor's screen).

use crate::describe::time_text;
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::peers::Correspondent;
use crate::sync::servers::Origin;
use crate::tr;

/// What is said when nothing was exchanged yet.
pub fn no_exchanges(lang: Lang) -> String {
    tr!(lang, "peers-no-exchanges-yet-karta-bundle")
}

/// The line naming the sync server the roadmap syncs with (never its
/// token), and where that is known from.
pub fn server_line(server: &str, origin: Origin, lang: Lang) -> String {
    let server = one_line(server);
    match origin {
        Origin::Remembered => tr!(lang, "peers-sync-server-remembered", server = server),
        Origin::Config => tr!(lang, "peers-sync-server-config", server = server),
    }
}

/// Four lines per correspondent: the name, then indented what was sent,
/// what was received and how many changes they lack.
pub fn peer_lines(list: &[Correspondent], lang: Lang) -> Vec<String> {
    let nothing = tr!(lang, "peers-nothing");
    let mut out = Vec::new();
    for c in list {
        out.push(one_line(&c.name));
        let sent = match &c.sent {
            Some(s) => {
                let version = c
                    .sent_version
                    .map(|t| format!(" — {} {}", tr!(lang, "peers-changes-up-to"), time_text(t)))
                    .unwrap_or_default();
                let when = s.time.map_or_else(|| "—".to_string(), time_text);
                format!("{when}{version}")
            }
            None => nothing.to_string(),
        };
        out.push(format!("  {}: {sent}", tr!(lang, "peers-sent")));
        let received = match &c.received {
            Some(r) => {
                let made = r
                    .made
                    .map(|t| format!(" ({} {})", tr!(lang, "peers-a-bundle-of"), time_text(t)))
                    .unwrap_or_default();
                format!("{}{made}", time_text(r.merged))
            }
            None => nothing.to_string(),
        };
        out.push(format!("  {}: {received}", tr!(lang, "peers-received")));
        out.push(format!(
            "  {}: {}",
            tr!(lang, "peers-your-changes-they-have-not"),
            c.lacking
        ));
    }
    out
}
