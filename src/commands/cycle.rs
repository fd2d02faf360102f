//! `karta report FILE --by cycle`: the coverage of the management cycle.

use std::path::Path;

use anyhow::Result;

use crate::i18n::Lang;
use crate::present::coverage;
use crate::store;
use crate::views::coverage::coverage as matrix;

/// Prints the matrix of systems × stages with its gaps.
pub fn report(file: &Path, lang: Lang) -> Result<()> {
    let roadmap = store::disk::file::open_roadmap(file)?;
    let title = crate::model::text::one_line(&roadmap.meta.title);
    super::print(&format!(
        "{title}\n{}",
        coverage::report(&matrix(&roadmap), lang)
    ))
}
