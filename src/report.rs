//! The three views as plain-text reports for the terminal or a file.

use std::fmt::Write;

use crate::i18n::Lang;
use chrono::NaiveDate;

use crate::describe::{order_words, status_words};
use crate::model::text::one_line;
use crate::model::{Roadmap, Section, SectionKind};
use crate::present::{fit, group_title};
use crate::tr;
use crate::views::{Item, by_deadline, by_person};

/// Which view a report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportKind {
    /// The section tree: mechanism → system → stage → activities.
    Mechanism,
    /// One entry per responsible person or body.
    Person,
    /// Overdue / soon / later / recurring / event / continuous / unknown.
    Deadline,
    /// Systems × the nine stages of the management cycle, gaps marked.
    Cycle,
}

/// Width of the activity text column.
const TEXT_WIDTH: usize = 72;

/// Renders a report in `lang`.
pub fn render(roadmap: &Roadmap, kind: ReportKind, today: NaiveDate, lang: Lang) -> String {
    let mut out = heading(roadmap, lang);
    match kind {
        ReportKind::Mechanism => mechanism(&mut out, roadmap, lang),
        ReportKind::Person => person(&mut out, roadmap, today, lang),
        ReportKind::Deadline => deadline(&mut out, roadmap, today, lang),
        ReportKind::Cycle => out.push_str(&crate::present::coverage::report(
            &crate::views::coverage::coverage(roadmap),
            lang,
        )),
    }
    out
}

fn heading(roadmap: &Roadmap, lang: Lang) -> String {
    let m = &roadmap.meta;
    let mut out = format!("{}\n", one_line(&m.title));
    let mut facts = Vec::new();
    if !m.municipality.is_empty() {
        facts.push(one_line(&m.municipality));
    }
    if let Some(a) = &m.approval {
        facts.push(order_words(&a.number, a.date, lang));
    }
    if let Some(p) = m.period {
        facts.push(tr!(
            lang,
            "report-period",
            from = p.from.format("%d.%m.%Y").to_string(),
            to = p.to.format("%d.%m.%Y").to_string()
        ));
    }
    facts.push(tr!(lang, "activities", count = roadmap.activity_count()));
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
    out
}

fn mechanism(out: &mut String, roadmap: &Roadmap, lang: Lang) {
    for a in &roadmap.activities {
        activity_line(
            out,
            lang,
            0,
            &Item {
                path: Vec::new(),
                activity: a,
            },
        );
    }
    for s in &roadmap.sections {
        section(out, s, 0, &mut Vec::new(), lang);
    }
}

fn section<'a>(
    out: &mut String,
    s: &'a Section,
    depth: usize,
    path: &mut Vec<&'a Section>,
    lang: Lang,
) {
    let indent = "  ".repeat(depth);
    let title = format!("{} {}", s.number, s.title);
    let gap = if s.kind == SectionKind::Stage && s.activity_count() == 0 {
        format!("  [{}]", tr!(lang, "report-gap"))
    } else {
        String::new()
    };
    let _ = writeln!(out, "{indent}{}{gap}", one_line(title.trim()));
    if !s.responsible.is_empty() {
        let _ = writeln!(
            out,
            "{indent}  {}",
            tr!(
                lang,
                "report-direction-responsible",
                people = one_line(&s.responsible.join(", "))
            )
        );
    }
    path.push(s);
    for a in &s.activities {
        activity_line(
            out,
            lang,
            depth + 1,
            &Item {
                path: path.clone(),
                activity: a,
            },
        );
    }
    for c in &s.sections {
        section(out, c, depth + 1, path, lang);
    }
    path.pop();
}

fn activity_line(out: &mut String, lang: Lang, depth: usize, item: &Item<'_>) {
    let a = item.activity;
    let indent = "  ".repeat(depth);
    let number = if a.number.is_empty() {
        "•".to_string()
    } else {
        one_line(&a.number)
    };
    let _ = writeln!(
        out,
        "{indent}{number} {} | {} | {} | {}",
        fit(&one_line(&a.text), TEXT_WIDTH),
        one_line(&a.deadline),
        one_line(&a.responsible.join(", ")),
        status_words(&a.status, lang),
    );
}

fn person(out: &mut String, roadmap: &Roadmap, today: NaiveDate, lang: Lang) {
    for p in by_person::group(roadmap, today) {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "person-line",
                name = one_line(&p.name),
                count = p.activities.len(),
                overdue = p.overdue,
                done = p.done
            )
        );
        if !p.spellings.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                tr!(
                    lang,
                    "report-also-written",
                    spellings = one_line(&p.spellings.join("; "))
                )
            );
        }
        for (item, inherited) in &p.activities {
            let via = if *inherited {
                format!(" ({})", tr!(lang, "report-via-direction"))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {} {} | {}{via}",
                one_line(&item.label()),
                fit(&one_line(&item.activity.text), TEXT_WIDTH),
                one_line(&item.activity.deadline),
            );
        }
        out.push('\n');
    }
}

fn deadline(out: &mut String, roadmap: &Roadmap, today: NaiveDate, lang: Lang) {
    let _ = writeln!(
        out,
        "{}\n",
        tr!(
            lang,
            "report-as-of",
            day = today.format("%d.%m.%Y").to_string()
        )
    );
    for (group, list) in by_deadline::group(roadmap, today) {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{} ({})", group_title(group, lang), list.len());
        for d in &list {
            let when = match (d.next, d.deadline.end) {
                (Some(n), _) => tr!(
                    lang,
                    "report-next",
                    from = n.start.format("%d.%m.%Y").to_string(),
                    to = n.end.format("%d.%m.%Y").to_string()
                ),
                (None, Some(end)) => {
                    tr!(lang, "report-by", day = end.format("%d.%m.%Y").to_string())
                }
                _ => String::new(),
            };
            let guess = if d.deadline.guess {
                format!(" ({})", tr!(lang, "report-guess"))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {} {} | {} {when}{guess} | {}",
                one_line(&d.item.label()),
                fit(&one_line(&d.item.activity.text), TEXT_WIDTH),
                one_line(&d.item.activity.deadline),
                one_line(&d.item.effective_responsible().0.join(", ")),
            );
        }
        out.push('\n');
    }
}
