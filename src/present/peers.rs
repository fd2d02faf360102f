//! Who has which version, in words: for each correspondent what was last
//! sent to them and received from them, when, and how many of your changes
//! they have not received (`karta peers` and the editor's screen).

use crate::describe::time_text;
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::peers::Correspondent;

/// What is said when nothing was exchanged yet.
pub fn no_exchanges(lang: Lang) -> &'static str {
    lang.t(
        "обменов ещё не было (karta bundle --to ИМЯ отправляет, karta merge получает)",
        "no exchanges yet (karta bundle --to NAME sends, karta merge receives)",
    )
}

/// Four lines per correspondent: the name, then indented what was sent,
/// what was received and how many changes they lack.
pub fn peer_lines(list: &[Correspondent], lang: Lang) -> Vec<String> {
    let nothing = lang.t("ничего", "nothing");
    let mut out = Vec::new();
    for c in list {
        out.push(one_line(&c.name));
        let sent = match &c.sent {
            Some(s) => {
                let version = c
                    .sent_version
                    .map(|t| {
                        format!(
                            " — {} {}",
                            lang.t("изменения по", "changes up to"),
                            time_text(t)
                        )
                    })
                    .unwrap_or_default();
                let when = s.time.map_or_else(|| "—".to_string(), time_text);
                format!("{when}{version}")
            }
            None => nothing.to_string(),
        };
        out.push(format!("  {}: {sent}", lang.t("отправлено", "sent")));
        let received = match &c.received {
            Some(r) => {
                let made = r
                    .made
                    .map(|t| format!(" ({} {})", lang.t("пакет от", "a bundle of"), time_text(t)))
                    .unwrap_or_default();
                format!("{}{made}", time_text(r.merged))
            }
            None => nothing.to_string(),
        };
        out.push(format!("  {}: {received}", lang.t("получено", "received")));
        out.push(format!(
            "  {}: {}",
            lang.t(
                "ваших изменений, которых у них нет",
                "your changes they have not received"
            ),
            c.lacking
        ));
    }
    out
}
