//! `karta peers FILE`: each correspondent, what was last sent to them and
//! received from them, when, and how many of your changes they have not
//! received yet.

use std::path::Path;

use anyhow::{Result, anyhow};

use crate::i18n::Lang;
use crate::peers::{Records, correspondents};
use crate::present::peers::{no_exchanges, peer_lines};
use crate::store;

/// Lists the correspondents of the roadmap `file`.
pub fn run(file: &Path, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    let records = Records::system().ok_or_else(|| anyhow!("no config folder on this system"))?;
    let list = correspondents(&mut doc, &records)?;
    if list.is_empty() {
        return super::print(&format!("{}: {}\n", file.display(), no_exchanges(lang)));
    }
    let mut out = peer_lines(&list, lang).join("\n");
    out.push('\n');
    super::print(&out)
}
