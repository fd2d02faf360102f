//! `karta peers FILE`: each correspondent, what was last sent to them and
//! received from them, when, and how many of your changes they have not
//! received yet.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::describe::time_text;
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::store;

/// Lists the correspondents of the roadmap `file`.
pub fn run(file: &Path, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    let id = doc.roadmap_id();
    let sent = crate::peers::sent_for(&id)?;
    let received = crate::received::for_roadmap(&id)?;
    let names: BTreeSet<&String> = sent.keys().chain(received.keys()).collect();
    if names.is_empty() {
        return super::print(&format!(
            "{}: {}\n",
            file.display(),
            crate::tr!(lang, "peers-no-exchanges-yet-karta-bundle")
        ));
    }
    let nothing = crate::tr!(lang, "peers-nothing");
    let mut out = String::new();
    for name in names {
        let _ = writeln!(out, "{}", one_line(name));
        let mut known = Vec::new();
        let sent_line = match sent.get(name) {
            Some(s) => {
                known.extend(s.heads.iter().copied());
                let version = doc
                    .latest_time(&s.heads)
                    .map(|t| {
                        format!(
                            " — {} {}",
                            crate::tr!(lang, "peers-changes-up-to"),
                            time_text(t)
                        )
                    })
                    .unwrap_or_default();
                let when = s.time.map_or_else(|| "—".to_string(), time_text);
                format!("{when}{version}")
            }
            None => nothing.to_string(),
        };
        let _ = writeln!(out, "  {}: {sent_line}", crate::tr!(lang, "peers-sent"));
        let received_line = match received.get(name.as_str()) {
            Some(r) => {
                known.extend(r.hashes());
                let made = r
                    .made
                    .map(|t| {
                        format!(
                            " ({} {})",
                            crate::tr!(lang, "peers-a-bundle-of"),
                            time_text(t)
                        )
                    })
                    .unwrap_or_default();
                format!("{}{made}", time_text(r.merged))
            }
            None => nothing.to_string(),
        };
        let _ = writeln!(
            out,
            "  {}: {received_line}",
            crate::tr!(lang, "peers-received")
        );
        let lacking = doc.lacking(&known);
        let _ = writeln!(
            out,
            "  {}: {lacking}",
            crate::tr!(lang, "peers-your-changes-they-have-not")
        );
    }
    super::print(&out)
}
