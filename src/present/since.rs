//! What changed since the approved edition (or a change, or a day) in
//! words: the «лист изменений». Built once as lines of styled runs, then
//! written as plain text, Markdown, or Word (see `export::changes`).

use crate::describe::{author_name, item_name, time_text, value_text};
use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::model::worddiff::{Piece, excerpt};
use crate::store::history::changes::{ChangeKind, Field, Item};
use crate::store::history::since::{Base, Changed, Report};
use crate::store::schema::meta;
use crate::store::write::approvals::Approved;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Plain.
    Plain,
    /// A name or heading.
    Strong,
    /// Words added.
    Added,
    /// Words removed.
    Removed,
    /// Who and when.
    Quiet,
}

/// A piece of a line in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text (one line).
    pub text: String,
    /// How it looks.
    pub style: Style,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The document's title.
    Title,
    /// What is compared with what.
    Base,
    /// A section.
    Section,
    /// An activity, a section or the heading.
    Item,
    /// One change of it.
    Change,
}

/// One line of the list of changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What the line is.
    pub level: Level,
    /// Its runs.
    pub runs: Vec<Run>,
    /// The item it is about (an item's line and its changes' lines), to
    /// go to it from the editor's list.
    pub item: Option<Item>,
}

fn run(text: impl Into<String>, style: Style) -> Run {
    Run {
        text: one_line(&text.into()),
        style,
    }
}

fn line(level: Level, runs: Vec<Run>) -> Line {
    Line {
        level,
        runs,
        item: None,
    }
}

/// The order's name: "приказ от 28.10.2021 № 491/01-08".
pub fn order_name(a: &Approved, lang: Lang) -> String {
    crate::describe::order_words(&a.number, a.date, lang)
}

/// Where the comparison starts, in words: "с утверждённой редакции
/// (приказ от … № …)".
pub fn base_words(base: &Base, lang: Lang) -> String {
    match base {
        Base::Approved(a) => format!(
            "{} ({})",
            crate::tr!(lang, "since-since-the-approved-edition"),
            order_name(a, lang)
        ),
        Base::Change { author, time, .. } => format!(
            "{} {} ({})",
            crate::tr!(lang, "since-since-the-change-of"),
            time_text(*time),
            author_name(author.as_deref(), lang)
        ),
        Base::Day(day) => format!(
            "{} {}",
            crate::tr!(lang, "since-since"),
            day.format("%d.%m.%Y")
        ),
    }
}

/// The list of changes of the roadmap titled `title`, as lines.
pub fn lines(report: &Report, title: &str, lang: Lang) -> Vec<Line> {
    let mut out = vec![
        line(
            Level::Title,
            vec![run(
                format!("{}: {}", crate::tr!(lang, "since-list-of-changes"), title),
                Style::Strong,
            )],
        ),
        line(
            Level::Base,
            vec![run(
                format!(
                    "{} {}: {}",
                    crate::tr!(lang, "since-changes"),
                    base_words(&report.base, lang),
                    match report.groups.is_empty() {
                        true => crate::tr!(lang, "since-none"),
                        false => crate::tr!(lang, "since-changed", count = report.activities()),
                    }
                ),
                Style::Plain,
            )],
        ),
    ];
    for group in &report.groups {
        let title = match &group.section {
            Some(s) => item_name(s, lang),
            None => crate::tr!(lang, "since-outside-sections-and-the-heading").to_string(),
        };
        out.push(line(Level::Section, vec![run(title, Style::Strong)]));
        let mut current: Option<&str> = None;
        for changed in &group.changes {
            let item = &changed.change.item;
            if current != Some(item.id.as_str()) {
                out.push(Line {
                    item: Some(item.clone()),
                    ..line(Level::Item, vec![run(item_name(item, lang), Style::Strong)])
                });
                current = Some(item.id.as_str());
            }
            out.push(Line {
                item: Some(item.clone()),
                ..change_line(changed, lang)
            });
        }
    }
    out
}

/// One change: what, old → new (the changed words of long text), who and
/// when.
fn change_line(changed: &Changed, lang: Lang) -> Line {
    let mut runs = match &changed.change.kind {
        ChangeKind::Added => vec![run(crate::tr!(lang, "since-added"), Style::Plain)],
        ChangeKind::Removed => vec![run(crate::tr!(lang, "since-deleted"), Style::Plain)],
        ChangeKind::Restored => vec![run(crate::tr!(lang, "since-restored"), Style::Plain)],
        ChangeKind::Renumbered { count } => vec![run(
            format!("{} {count}", crate::tr!(lang, "since-renumbered")),
            Style::Plain,
        )],
        ChangeKind::Moved { from, to } => {
            let place = |s: &Option<crate::store::history::changes::Item>| match s {
                Some(s) => item_name(s, lang),
                None => crate::tr!(lang, "since-the-top-level").to_string(),
            };
            let text = if from == to {
                crate::tr!(lang, "since-moved-within-its-section").to_string()
            } else {
                format!(
                    "{} {} {} {}",
                    crate::tr!(lang, "since-moved-from"),
                    place(from),
                    crate::tr!(lang, "since-to"),
                    place(to)
                )
            };
            vec![run(text, Style::Plain)]
        }
        ChangeKind::FieldChanged { field, old, new } => {
            let mut runs = vec![run(format!("{}: ", field_title(field, lang)), Style::Plain)];
            if is_free_text(field) && !old.trim().is_empty() && !new.trim().is_empty() {
                runs.extend(word_runs(old, new));
            } else {
                runs.push(run(
                    format!(
                        "{} → {}",
                        value_text(field, old, lang),
                        value_text(field, new, lang)
                    ),
                    Style::Plain,
                ));
            }
            runs
        }
    };
    runs.push(run(
        format!(" — {}", who_and_when(changed, lang)),
        Style::Quiet,
    ));
    line(Level::Change, runs)
}

/// "Иванова И.И., Колосов В.Г., 2024-05-01 14:03".
fn who_and_when(changed: &Changed, lang: Lang) -> String {
    let mut parts: Vec<String> = changed
        .authors
        .iter()
        .map(|a| author_name(Some(a), lang))
        .collect();
    if parts.is_empty() {
        parts.push(author_name(None, lang));
    }
    if changed.time > 0 {
        parts.push(time_text(changed.time));
    }
    parts.join(", ")
}

/// The changed words of a long text, with a little context.
fn word_runs(old: &str, new: &str) -> Vec<Run> {
    let pieces = excerpt(old, new);
    let mut runs = vec![run("«", Style::Plain)];
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            runs.push(run(" ", Style::Plain));
        }
        runs.push(match piece {
            Piece::Same(w) => run(w, Style::Plain),
            Piece::Added(w) => run(w, Style::Added),
            Piece::Removed(w) => run(w, Style::Removed),
        });
    }
    runs.push(run("»", Style::Plain));
    runs
}

fn is_free_text(field: &Field) -> bool {
    match field {
        Field::Text | Field::Column { .. } => true,
        Field::Heading(key) => key == meta::NOTES,
        _ => false,
    }
}

/// The name of a field as the subject of a line: "срок", "Планируемый
/// результат".
pub fn field_title(field: &Field, lang: Lang) -> String {
    match field {
        Field::Text => crate::tr!(lang, "subject-text"),
        Field::Deadline => crate::tr!(lang, "subject-deadline"),
        Field::Responsible => crate::tr!(lang, "subject-responsible"),
        Field::Status => crate::tr!(lang, "subject-status"),
        Field::Number => crate::tr!(lang, "subject-number"),
        Field::Title => crate::tr!(lang, "subject-title"),
        Field::Stage => crate::tr!(lang, "subject-stage"),
        Field::Column { key, title } => one_line(if title.trim().is_empty() { key } else { title }),
        Field::Heading(key) => match key.as_str() {
            meta::TITLE => crate::tr!(lang, "subject-roadmap-title"),
            meta::MUNICIPALITY => crate::tr!(lang, "subject-municipality"),
            meta::APPROVAL_NUMBER => crate::tr!(lang, "subject-order-number"),
            meta::APPROVAL_DATE => crate::tr!(lang, "subject-order-date"),
            meta::PERIOD_FROM => crate::tr!(lang, "subject-period-from"),
            meta::PERIOD_TO => crate::tr!(lang, "subject-period-to"),
            meta::NOTES => crate::tr!(lang, "subject-notes"),
            other => one_line(other),
        },
    }
}

/// The lines as plain text: added words as `[+…]`, removed as `[-…]`.
pub fn to_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let indent = match l.level {
            Level::Title | Level::Base | Level::Section => "",
            Level::Item => "  ",
            Level::Change => "    ",
        };
        if l.level == Level::Section {
            out.push('\n');
        }
        out.push_str(indent);
        for r in &l.runs {
            match r.style {
                Style::Added => out.push_str(&format!("[+{}]", r.text)),
                Style::Removed => out.push_str(&format!("[-{}]", r.text)),
                _ => out.push_str(&r.text),
            }
        }
        out.push('\n');
    }
    out
}

/// The lines as Markdown: sections as headings, items and changes as
/// nested lists, added words in bold with `+`, removed ones struck out.
pub fn to_markdown(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let text: String = l
            .runs
            .iter()
            .map(|r| {
                let t = escape(&r.text);
                match r.style {
                    Style::Added => format!("**[+{t}]**"),
                    Style::Removed => format!("~~[-{t}]~~"),
                    Style::Quiet => format!(" — *{}*", t.trim_start_matches(" — ")),
                    Style::Plain | Style::Strong => t,
                }
            })
            .collect();
        let shaped = match l.level {
            Level::Title => format!("# {text}\n"),
            Level::Base => format!("{text}\n"),
            Level::Section => format!("\n## {text}\n"),
            Level::Item => format!("- **{text}**"),
            Level::Change => format!("  - {text}"),
        };
        out.push_str(&shaped);
        out.push('\n');
    }
    out
}

/// Text safe in Markdown: the characters that mark it up escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '~' | '|' | '<' | '>'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
