//! The three views as plain-text reports for the terminal or a file.

use std::fmt::Write;

use crate::i18n::Lang;
use chrono::NaiveDate;

use crate::model::text::one_line;
use crate::model::{Roadmap, Section, SectionKind};
use crate::present::{fit, group_title};
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

/// Renders a report.
pub fn render(roadmap: &Roadmap, kind: ReportKind, today: NaiveDate) -> String {
    let mut out = heading(roadmap);
    match kind {
        ReportKind::Mechanism => mechanism(&mut out, roadmap),
        ReportKind::Person => person(&mut out, roadmap, today),
        ReportKind::Deadline => deadline(&mut out, roadmap, today),
        ReportKind::Cycle => out.push_str(&crate::present::coverage::report(
            &crate::views::coverage::coverage(roadmap),
            Lang::Ru,
        )),
    }
    out
}

fn heading(roadmap: &Roadmap) -> String {
    let m = &roadmap.meta;
    let mut out = format!("{}\n", one_line(&m.title));
    let mut facts = Vec::new();
    if !m.municipality.is_empty() {
        facts.push(one_line(&m.municipality));
    }
    if let Some(a) = &m.approval {
        let date = a
            .date
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default();
        facts.push(format!("приказ от {date} № {}", one_line(&a.number)));
    }
    if let Some(p) = m.period {
        facts.push(format!(
            "период {} – {}",
            p.from.format("%d.%m.%Y"),
            p.to.format("%d.%m.%Y")
        ));
    }
    facts.push(crate::plural::activities(roadmap.activity_count()));
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
    out
}

fn mechanism(out: &mut String, roadmap: &Roadmap) {
    for a in &roadmap.activities {
        activity_line(
            out,
            0,
            &Item {
                path: Vec::new(),
                activity: a,
            },
        );
    }
    for s in &roadmap.sections {
        section(out, s, 0, &mut Vec::new());
    }
}

fn section<'a>(out: &mut String, s: &'a Section, depth: usize, path: &mut Vec<&'a Section>) {
    let indent = "  ".repeat(depth);
    let title = format!("{} {}", s.number, s.title);
    let gap = if s.kind == SectionKind::Stage && s.activity_count() == 0 {
        "  [пробел: нет мероприятий]"
    } else {
        ""
    };
    let _ = writeln!(out, "{indent}{}{gap}", one_line(title.trim()));
    if !s.responsible.is_empty() {
        let _ = writeln!(
            out,
            "{indent}  ответственные за направление: {}",
            one_line(&s.responsible.join(", "))
        );
    }
    path.push(s);
    for a in &s.activities {
        activity_line(
            out,
            depth + 1,
            &Item {
                path: path.clone(),
                activity: a,
            },
        );
    }
    for c in &s.sections {
        section(out, c, depth + 1, path);
    }
    path.pop();
}

fn activity_line(out: &mut String, depth: usize, item: &Item<'_>) {
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
        a.status.russian(),
    );
}

fn person(out: &mut String, roadmap: &Roadmap, today: NaiveDate) {
    for p in by_person::group(roadmap, today) {
        let _ = writeln!(
            out,
            "{} — {}, просрочено {}, выполнено {}",
            one_line(&p.name),
            crate::plural::activities(p.activities.len()),
            p.overdue,
            p.done
        );
        if !p.spellings.is_empty() {
            let _ = writeln!(
                out,
                "  также записан(а) как: {}",
                one_line(&p.spellings.join("; "))
            );
        }
        for (item, inherited) in &p.activities {
            let via = if *inherited {
                " (за направление)"
            } else {
                ""
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

fn deadline(out: &mut String, roadmap: &Roadmap, today: NaiveDate) {
    let _ = writeln!(out, "на {}\n", today.format("%d.%m.%Y"));
    for (group, list) in by_deadline::group(roadmap, today) {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{} ({})", group_title(group, Lang::Ru), list.len());
        for d in &list {
            let when = match (d.next, d.deadline.end) {
                (Some(n), _) => format!(
                    "след. {}–{}",
                    n.start.format("%d.%m.%Y"),
                    n.end.format("%d.%m.%Y")
                ),
                (None, Some(end)) => format!("до {}", end.format("%d.%m.%Y")),
                _ => String::new(),
            };
            let guess = if d.deadline.guess {
                " (предположительно)"
            } else {
                ""
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
