//! The detail pane: every field of the selected activity, all of its
//! roadmap's columns, or what a section holds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::i18n::Lang;
use crate::model::Comment;
use crate::model::cycle::stage_of;
use crate::model::deadline::{Deadline, DeadlineKind};
use crate::model::text::{one_line, sanitize};
use crate::present::coverage::stage_words;
use crate::present::since::order_name;
use crate::store::history::changed::Mark;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::forms::status_name;
use super::super::rows::Row;

/// Draws the pane for the row under the cursor.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let block = Block::bordered()
        .title(crate::tr!(lang, "detail-details"))
        .border_style(Style::new().fg(Color::DarkGray));
    let lines = match app.current_row() {
        Some(Row::Activity { entry, .. }) => activity(app, *entry),
        Some(Row::Section { section, .. }) => {
            let s = &app.document.catalog.sections[*section];
            let mut lines = vec![Line::styled(
                s.heading(),
                Style::new().add_modifier(Modifier::BOLD),
            )];
            if let Some(stage) = s.section.stage {
                lines.push(field(
                    &crate::tr!(lang, "detail-cycle-stage"),
                    stage.title(),
                ));
            }
            if !s.section.responsible.is_empty() {
                lines.push(field(
                    &crate::tr!(lang, "detail-responsible-for-the-direction"),
                    &one_line(&s.section.responsible.join(", ")),
                ));
            }
            let count = crate::tr!(lang, "activities", count = s.activities);
            lines.push(field(&crate::tr!(lang, "detail-in-all"), &count));
            if s.is_gap() {
                lines.push(Line::styled(
                    crate::tr!(lang, "detail-gap-in-the-management-cycle"),
                    Style::new().fg(Color::Yellow),
                ));
            }
            lines
        }
        Some(Row::Group { title, .. }) => vec![Line::styled(
            title.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        )],
        None => Vec::new(),
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// "Добавлено после утверждения (приказ от … № …), список изменений — D"
/// for an activity marked against the approved edition.
fn since_line(app: &App, id: &str) -> Option<Line<'static>> {
    let lang = app.lang;
    let since = app.document.since.as_ref()?;
    let what = match since.mark(id)? {
        Mark::Added => lang.t("Добавлено после утверждения", "Added since the approval"),
        Mark::Changed => lang.t("Изменено после утверждения", "Changed since the approval"),
    };
    let text = app.keymap.titled(
        &format!("{what} ({})", order_name(&since.approved, lang)),
        Mode::Normal,
        Action::Changes,
        lang.t("что изменилось", "what changed"),
    );
    Some(Line::styled(
        one_line(&text),
        Style::new().fg(Color::Yellow),
    ))
}

fn activity(app: &App, entry: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let e = &app.document.catalog.entries[entry];
    let a = &e.activity;
    let mut lines = vec![Line::styled(
        format!("{} {}", crate::tr!(lang, "forms-activity"), e.label),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    if !e.path.is_empty() {
        lines.push(Line::styled(
            e.path.join(" › "),
            Style::new().fg(Color::DarkGray),
        ));
    }
    for c in app.document.conflicts.iter().filter(|c| c.item.id == a.id) {
        let values: Vec<String> = c
            .values
            .iter()
            .map(|v| {
                let who = crate::describe::author_name(v.author.as_deref(), lang);
                format!(
                    "{} ({who})",
                    crate::describe::value_text(&c.field, &v.value, lang)
                )
            })
            .collect();
        let text = format!(
            "{} {}: {}",
            crate::tr!(lang, "detail-conflict"),
            crate::describe::field_name(&c.field, lang),
            values.join(" / ")
        );
        lines.push(Line::styled(
            one_line(&text),
            Style::new().fg(Color::White).bg(Color::Red),
        ));
    }
    if let Some(line) = since_line(app, &a.id) {
        lines.push(line);
    }
    lines.push(Line::raw(""));
    lines.extend(sanitize(&a.text).lines().map(|l| Line::raw(l.to_string())));
    lines.push(Line::raw(""));
    lines.push(field(
        &crate::tr!(lang, "filter-deadline"),
        &one_line(&a.deadline),
    ));
    lines.push(Line::styled(
        format!("  {}", meaning(&e.deadline, lang)),
        Style::new().fg(Color::DarkGray),
    ));
    let mut who = one_line(&e.responsible.join(", "));
    if e.inherited {
        who.push_str(&crate::tr!(lang, "detail-responsible-for-the-direction-2"));
    }
    lines.push(field(&crate::tr!(lang, "forms-responsible"), &who));
    lines.push(field(
        &crate::tr!(lang, "filter-status"),
        status_name(&a.status, lang),
    ));
    let stage = stage_of(&app.document.catalog.path_sections(e), a);
    lines.push(field(
        &crate::tr!(lang, "detail-cycle-stage"),
        &stage_words(stage, lang),
    ));
    for column in app
        .document
        .roadmap
        .columns
        .iter()
        .filter(|c| c.role.is_extra())
    {
        let value = a
            .cells
            .get(&column.key)
            .map_or(String::new(), |v| sanitize(v));
        lines.push(field(&one_line(&column.title), ""));
        lines.extend(value.lines().map(|l| Line::raw(format!("  {l}"))));
    }
    lines.extend(comments(app, &a.comments));
    lines
}

/// The comment thread: author and date, then the text; the key that adds
/// one.
fn comments(app: &App, comments: &[Comment]) -> Vec<Line<'static>> {
    let lang = app.lang;
    let key = app
        .keymap
        .key_of(Mode::Normal, Action::Comment)
        .map(|k| match comments.is_empty() {
            true => format!(" ({k} — {})", crate::tr!(lang, "comment-add")),
            false => format!(
                " ({k} — {})",
                lang.t("добавить, изменить, удалить", "add, edit, remove")
            ),
        })
        .unwrap_or_default();
    let none = if comments.is_empty() {
        crate::tr!(lang, "detail-none")
    } else {
        String::new()
    };
    let mut lines = vec![
        Line::raw(""),
        field(
            &format!("{}{key}", crate::tr!(lang, "detail-comments")),
            &none,
        ),
    ];
    for c in comments {
        lines.push(Line::styled(
            format!(
                "  {} · {}",
                crate::describe::author_name(Some(&c.author), lang),
                crate::describe::time_text(c.seconds())
            ),
            Style::new().fg(Color::DarkGray),
        ));
        lines.extend(
            sanitize(&c.text)
                .lines()
                .map(|l| Line::raw(format!("    {l}"))),
        );
    }
    lines
}

fn field(name: &str, value: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{name}: "), Style::new().fg(Color::Cyan)),
        Span::raw(value.to_string()),
    ])
}

/// What a deadline was read as, in words.
fn meaning(d: &Deadline, lang: Lang) -> String {
    let day = |x: chrono::NaiveDate| x.format("%d.%m.%Y").to_string();
    let text = match d.kind {
        DeadlineKind::Date => d
            .end
            .map(|e| format!("{} {}", crate::tr!(lang, "detail-by"), day(e)))
            .unwrap_or_default(),
        DeadlineKind::Period => match (d.start, d.end) {
            (Some(s), Some(e)) => format!("{} – {}", day(s), day(e)),
            _ => String::new(),
        },
        DeadlineKind::Recurring => format!(
            "{} ({})",
            crate::tr!(lang, "detail-recurring"),
            d.occurrences.len()
        ),
        DeadlineKind::Event => crate::tr!(lang, "detail-on-an-event").to_string(),
        DeadlineKind::Continuous => crate::tr!(lang, "detail-continuous").to_string(),
        DeadlineKind::Unknown if d.text.trim().is_empty() => {
            crate::tr!(lang, "detail-no-deadline").to_string()
        }
        DeadlineKind::Unknown => crate::tr!(lang, "detail-not-understood").to_string(),
    };
    if d.guess {
        format!("{text} {}", crate::tr!(lang, "detail-a-guess"))
    } else {
        text
    }
}
