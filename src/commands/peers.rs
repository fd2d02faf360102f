//! `karta peers FILE`: each correspondent, what was last sent to them and
//! received from them, when, and how many of your changes they have not
//! received yet; and the sync server the roadmap syncs with.

use std::path::Path;

use anyhow::{Result, anyhow};

use crate::config::Config;
use crate::i18n::Lang;
use crate::peers::{Records, correspondents};
use crate::present::peers::{no_exchanges, peer_lines, server_line};
use crate::store;
use crate::sync::servers;

/// Lists the correspondents of the roadmap `file`, and the sync server
/// it syncs with when one is known (remembered for it, or the config's).
pub fn run(file: &Path, config: &Config, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    let records = Records::system().ok_or_else(|| anyhow!("no config folder on this system"))?;
    let list = correspondents(&mut doc, &records)?;
    let mut out = String::new();
    if let Some((remote, origin)) = servers::configured(&doc.roadmap_id(), config)? {
        out.push_str(&server_line(&remote.server, origin, lang));
        out.push('\n');
    }
    if list.is_empty() {
        out.push_str(&format!("{}: {}\n", file.display(), no_exchanges(lang)));
        return super::print(&out);
    }
    out.push_str(&peer_lines(&list, lang).join("\n"));
    out.push('\n');
    super::print(&out)
}
