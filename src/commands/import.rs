//! `karta import`: a Word text, Markdown or CSV roadmap into a `.karta`
//! file, with a summary of what was read.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::config::Config;
use crate::i18n::Lang;
use crate::import::{self, ImportOptions, ImportReport};
use crate::model::Roadmap;
use crate::model::text::one_line;
use crate::store::{self, Doc};
use crate::tr;

/// Imports `source` into `output` and prints what was read.
pub fn run(
    source: &Path,
    output: &Path,
    options: &ImportOptions,
    force: bool,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    super::refuse_overwrite(output, force)?;
    let (roadmap, report) = import::import_file(source, options)?;
    let mut doc = Doc::create(
        &roadmap,
        Some(&config.author()),
        &format!("import {}", source.display()),
    )?;
    store::save(output, &mut doc)?;
    let mut out = format!("{} → {}\n", source.display(), output.display());
    summary(&mut out, &roadmap, &report, lang);
    super::print(&out)
}

/// The summary of an import, one fact per line.
fn summary(out: &mut String, roadmap: &Roadmap, report: &ImportReport, lang: Lang) {
    let format = report
        .format
        .map_or_else(|| "?".to_string(), |f| f.name(lang));
    let encoding = report
        .encoding
        .map(|e| format!(" ({e})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} {format}{encoding}",
        crate::tr!(lang, "import-read-as")
    );
    let people = report.people.len();
    let _ = writeln!(
        out,
        "{}, {}, {}",
        tr!(lang, "sections", count = report.sections),
        tr!(lang, "activities", count = report.activities),
        tr!(lang, "people-count", count = people),
    );
    let m = &roadmap.meta;
    let _ = writeln!(
        out,
        "{}: {}",
        crate::tr!(lang, "import-title"),
        one_line(&m.title)
    );
    if !m.municipality.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}",
            crate::tr!(lang, "import-municipality"),
            m.municipality
        );
    }
    if let Some(a) = &m.approval {
        let order = crate::describe::order_words(&a.number, a.date, lang);
        let _ = writeln!(out, "{}", tr!(lang, "import-approved", order = order));
    }
    if let Some(p) = m.period {
        let _ = writeln!(
            out,
            "{}: {} – {}",
            crate::tr!(lang, "import-period"),
            p.from.format("%d.%m.%Y"),
            p.to.format("%d.%m.%Y")
        );
    }
    let lists = [
        (
            crate::tr!(lang, "import-deadlines-not-understood"),
            &report.unknown_deadlines,
        ),
        (
            crate::tr!(lang, "import-deadlines-read-with-a-guess"),
            &report.guessed_deadlines,
        ),
    ];
    for (title, list) in lists {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{title} ({}):", list.len());
        for (label, deadline) in list {
            let _ = writeln!(out, "  {} — «{}»", one_line(label), one_line(deadline));
        }
    }
    for w in &report.warnings {
        let _ = writeln!(
            out,
            "{}: {}",
            crate::tr!(lang, "import-note"),
            w.describe(lang)
        );
    }
}
