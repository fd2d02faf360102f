//! Commands on one roadmap and on the user's settings: `new`, `report`,
//! `renumber`, `whoami`.

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::config::Config;
use crate::i18n::Lang;
use crate::model::{Period, Roadmap};
use crate::report::{self, ReportKind};
use crate::store::{self, Doc};

/// `karta new`: an empty roadmap with the usual columns.
pub fn new(
    file: &Path,
    title: String,
    municipality: String,
    period: Option<Period>,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    super::refuse_overwrite(file, false)?;
    let mut roadmap = Roadmap::default();
    roadmap.meta.title = title;
    roadmap.meta.municipality = municipality;
    roadmap.meta.period = period;
    roadmap.columns = crate::model::default_columns();
    let mut doc = Doc::create(&roadmap, Some(&config.author()), "new roadmap")?;
    store::save(file, &mut doc)?;
    super::print(&format!(
        "{}: {} {}\n",
        file.display(),
        lang.t("новая дорожная карта", "new roadmap"),
        doc.roadmap_id()
    ))?;
    Ok(())
}

/// `karta report`: one of the three views as a text table.
pub fn report(file: &Path, by: ReportKind, today: Option<NaiveDate>) -> Result<()> {
    let roadmap = store::file::open_roadmap(file)?;
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    super::print(&report::render(&roadmap, by, today))
}

/// `karta renumber`: hierarchical numbers, as one change.
pub fn renumber(file: &Path, config: &Config, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    doc.set_author(Some(&config.author()));
    let changed = doc.renumber()?;
    store::save(file, &mut doc)?;
    super::print(&format!(
        "{}: {} {changed}\n",
        file.display(),
        lang.t("изменено номеров:", "numbers changed:")
    ))?;
    Ok(())
}

/// `karta whoami`: shows or sets the name recorded with changes.
pub fn whoami(set: Option<String>, mut config: Config, lang: Lang) -> Result<()> {
    match set {
        Some(name) => {
            let name = crate::model::text::one_line(&name).trim().to_string();
            if name.is_empty() {
                bail!("{}", lang.t("имя пустое", "the name is empty"));
            }
            config.name = Some(name.clone());
            let path = config.save()?;
            super::print(&format!("{name} ({})\n", path.display()))?;
        }
        None => match &config.name {
            Some(name) => super::print(&format!("{name}\n"))?,
            None => super::print(&format!(
                "{} ({})\n",
                config.author(),
                lang.t(
                    "имя не задано; задайте его: karta whoami --set \"Фамилия И.О.\"",
                    "not set; set it with: karta whoami --set \"Фамилия И.О.\""
                )
            ))?,
        },
    }
    Ok(())
}
