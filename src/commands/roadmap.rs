//! Commands on one roadmap and on the user's settings: `new`, `report`,
//! `renumber`, `whoami`.

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::config::Config;
use crate::describe::Gender;
use crate::i18n::Lang;
use crate::model::{Period, Roadmap};
use crate::report::{self, ReportKind};
use crate::store::{self, Doc};
use crate::tr;

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
        crate::tr!(lang, "roadmap-new-roadmap"),
        doc.roadmap_id()
    ))?;
    Ok(())
}

/// `karta report`: one of the three views as a text table.
pub fn report(file: &Path, by: ReportKind, today: Option<NaiveDate>, lang: Lang) -> Result<()> {
    let roadmap = store::disk::file::open_roadmap(file)?;
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    super::print(&report::render(&roadmap, by, today, lang))
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
        crate::tr!(lang, "roadmap-numbers-changed")
    ))?;
    Ok(())
}

/// `karta whoami`: shows or sets the name recorded with changes, and the
/// user's gender for the verbs about them.
pub fn whoami(
    set: Option<String>,
    gender: Option<Gender>,
    mut config: Config,
    lang: Lang,
) -> Result<()> {
    if let Some(name) = &set {
        let name = crate::model::text::one_line(name).trim().to_string();
        if name.is_empty() {
            bail!(crate::msg!("name-empty"));
        }
        if config.name.as_ref() != Some(&name) {
            // Another person's name: her gender is not this one's.
            config.gender = None;
        }
        config.name = Some(name);
    }
    if let Some(g) = gender {
        config.gender = g.code().map(str::to_string);
    }
    let told = config.gender.as_deref().and_then(Gender::parse);
    let shown = |name: &str| match told {
        Some(g) => tr!(lang, "whoami-gender", name = name, gender = g),
        None => name.to_string(),
    };
    if set.is_some() || gender.is_some() {
        let path = config.save()?;
        let name = config.name.clone().unwrap_or_else(|| config.author());
        return super::print(&format!("{} ({})\n", shown(&name), path.display()));
    }
    match &config.name {
        Some(name) => super::print(&format!("{}\n", shown(name))),
        None => super::print(&format!(
            "{} ({})\n",
            config.author(),
            tr!(lang, "whoami-unset")
        )),
    }
}
