//! `karta approve` and `karta approvals`: which editions of the roadmap
//! were approved, by which order, and how much changed since each.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::config::Config;
use crate::describe::{author_name, time_text};
use crate::i18n::Lang;
use crate::model::text::sanitize;
use crate::present::since::order_name;
use crate::store::{self, write::approvals};

use super::collab::in_file;

/// `karta approve FILE --number N --date YYYY-MM-DD`.
pub fn approve(
    file: &Path,
    number: &str,
    date: NaiveDate,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let number = sanitize(number).trim().to_string();
    if number.is_empty() {
        bail!(
            "{}: {}",
            file.display(),
            crate::tr!(lang, "approval-the-order-number-is-empty")
        );
    }
    let mut doc = store::open(file)?;
    doc.set_author(Some(&config.author()));
    let earlier = approvals::approvals(doc.automerge()).len();
    let approved = doc.approve(&number, date).map_err(in_file(file))?;
    store::save(file, &mut doc)?;
    let kept = match earlier {
        0 => String::new(),
        n => format!("; {}", crate::tr!(lang, "approvals-kept", count = n)),
    };
    super::print(&format!(
        "{}: {} — {}{kept}\n",
        file.display(),
        crate::tr!(lang, "approval-edition-approved"),
        order_name(&approved, lang)
    ))
}

/// `karta approvals FILE`: every approval, oldest first, with how many
/// changes were made after it.
pub fn list(file: &Path, lang: Lang) -> Result<()> {
    let mut doc = store::open(file)?;
    let all = approvals::approvals(doc.automerge());
    if all.is_empty() {
        return super::print(&format!(
            "{}: {}\n",
            file.display(),
            crate::tr!(lang, "approval-no-approved-edition-karta-approve")
        ));
    }
    let mut out = String::new();
    for (i, a) in all.iter().enumerate() {
        let after = doc.count_after(&a.heads);
        let since = crate::tr!(lang, "approval-changes-after", count = after);
        let _ = writeln!(
            out,
            "{}. {} — {} {}, {}; {since}",
            i + 1,
            order_name(a, lang),
            crate::tr!(lang, "approval-recorded-by"),
            author_name(Some(&a.author), lang),
            time_text(a.time.div_euclid(1000)),
        );
    }
    super::print(&out)
}
