//! The rows of a view as a table, only those on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::model::Status;
use crate::model::deadline::DeadlineGroup;
use crate::model::text::one_line;
use crate::present::fit;
use crate::store::history::changed::Mark;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::forms::status_name;
use super::super::ids::GroupKey;
use super::super::rows::Row;

/// Column widths for a screen width: (label, deadline, responsible, status).
fn widths(width: u16) -> (usize, usize, usize, usize) {
    let w = usize::from(width);
    match w {
        0..60 => (7, 0, 0, 2),
        60..90 => (8, 16, 0, 12),
        90..130 => (8, 18, 20, 14),
        _ => (9, 24, 28, 14),
    }
}

/// What an empty list says, with the keys that help (from the keymap).
fn empty_text(app: &App) -> String {
    let lang = app.lang;
    let hint = |action, does| {
        app.keymap
            .key_of(Mode::Normal, action)
            .map(|key| format!("{key} — {does}"))
    };
    let (text, hints) = if app.views.filter.is_active() {
        (
            crate::tr!(lang, "table-nothing-matches-the-filter"),
            vec![hint(
                Action::ClearFilter,
                crate::tr!(lang, "table-clears-it"),
            )],
        )
    } else {
        (
            crate::tr!(lang, "table-empty"),
            vec![
                hint(
                    Action::AddActivity,
                    crate::tr!(lang, "table-adds-an-activity"),
                ),
                hint(Action::AddSection, crate::tr!(lang, "table-a-section")),
            ],
        )
    };
    let hints: Vec<String> = hints.into_iter().flatten().collect();
    if hints.is_empty() {
        return text.to_string();
    }
    format!("{text} ({})", hints.join(", "))
}

/// Draws the rows from the view's scroll position on.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if app.views.rows.is_empty() {
        let text = empty_text(app);
        frame.render_widget(
            Paragraph::new(text).style(Style::new().fg(Color::DarkGray)),
            area,
        );
        return;
    }
    let height = usize::from(area.height);
    let first = app
        .views
        .scroll()
        .min(app.views.rows.len().saturating_sub(1));
    let lines: Vec<Line> = app.views.rows[first..]
        .iter()
        .take(height)
        .enumerate()
        .map(|(i, row)| {
            let selected = first + i == app.views.cursor();
            let line = line(app, row, area.width);
            let matched = app
                .views
                .search
                .as_ref()
                .is_some_and(|q| app.row_matches(row, q));
            let mut style = Style::new();
            if matched {
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            if selected {
                style = style.add_modifier(Modifier::REVERSED);
            }
            line.style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn line(app: &App, row: &Row, width: u16) -> Line<'static> {
    let w = usize::from(width);
    match row {
        Row::Section { section, folded } => {
            let s = &app.document.catalog.sections[*section];
            let marker = match (s.is_gap(), *folded) {
                (true, _) => "· ",
                (false, true) => "▸ ",
                (false, false) => "▾ ",
            };
            let indent = "  ".repeat(s.depth.min(6));
            let count = format!(" ({})", s.activities);
            let mut spans = vec![Span::raw(indent.clone()), Span::raw(marker)];
            let heading_width = w.saturating_sub(indent.width() + 2 + count.width());
            let style = match s.section.kind {
                crate::model::SectionKind::Mechanism => {
                    Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
                }
                crate::model::SectionKind::Stage => Style::new().fg(Color::Blue),
                _ => Style::new().add_modifier(Modifier::BOLD),
            };
            if s.is_gap() {
                let gap = crate::tr!(app.lang, "table-gap-no-activities");
                let text = fit(
                    &format!("{}{gap}", s.heading()),
                    heading_width + count.width(),
                );
                spans.push(Span::styled(
                    text,
                    Style::new()
                        .fg(Color::Yellow)
                        .add_modifier(Modifier::ITALIC),
                ));
            } else {
                spans.push(Span::styled(fit(&s.heading(), heading_width), style));
                spans.push(Span::styled(count, Style::new().fg(Color::DarkGray)));
            }
            Line::from(spans)
        }
        Row::Group { key, title, folded } => {
            let marker = if *folded { "▸ " } else { "▾ " };
            let style = if *key == GroupKey::Deadline(DeadlineGroup::Overdue) {
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            Line::from(vec![
                Span::raw(marker),
                Span::styled(fit(title, w.saturating_sub(2)), style),
            ])
        }
        Row::Activity { entry, depth } => {
            let e = &app.document.catalog.entries[*entry];
            let (label_w, deadline_w, resp_w, status_w) = widths(width);
            let indent = "  ".repeat((*depth).min(4));
            let text_w =
                w.saturating_sub(indent.width() + label_w + 1 + deadline_w + resp_w + status_w + 3);
            let a = &e.activity;
            let mark = app.document.since.as_ref().and_then(|s| s.mark(&a.id));
            let (label, label_style) = match (app.document.in_conflict(&a.id), mark) {
                (true, _) => (
                    format!("‼{}", e.label),
                    Style::new().fg(Color::White).bg(Color::Red),
                ),
                (false, Some(Mark::Added)) => {
                    (format!("+{}", e.label), Style::new().fg(Color::Green))
                }
                (false, Some(Mark::Changed)) => {
                    (format!("*{}", e.label), Style::new().fg(Color::Yellow))
                }
                (false, None) => (e.label.clone(), Style::new().fg(Color::DarkGray)),
            };
            let mut spans = vec![
                Span::raw(indent),
                Span::styled(pad(&fit(&label, label_w), label_w + 1), label_style),
                Span::raw(pad(&fit(&one_line(&a.text), text_w), text_w + 1)),
            ];
            if deadline_w > 0 {
                let mut deadline = one_line(&a.deadline);
                if let (true, Some(next)) =
                    (app.views.current.view().shows_next_occurrence(), e.next)
                {
                    deadline = format!("→ {}", next.end.format("%d.%m.%Y"));
                }
                if e.deadline.guess {
                    deadline.push_str(" ≈");
                }
                let style = match e.group {
                    DeadlineGroup::Overdue => {
                        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
                    }
                    DeadlineGroup::Soon => Style::new().fg(Color::Yellow),
                    DeadlineGroup::Unknown => Style::new().fg(Color::Magenta),
                    _ => Style::new(),
                };
                spans.push(Span::styled(
                    pad(&fit(&deadline, deadline_w), deadline_w + 1),
                    style,
                ));
            }
            if resp_w > 0 {
                let style = if e.inherited {
                    Style::new().fg(Color::DarkGray)
                } else {
                    Style::new()
                };
                spans.push(Span::styled(
                    pad(
                        &fit(&one_line(&e.responsible.join(", ")), resp_w),
                        resp_w + 1,
                    ),
                    style,
                ));
            }
            let (status, style) = status_cell(&a.status, status_w, app);
            spans.push(Span::styled(status, style));
            Line::from(spans)
        }
    }
}

fn status_cell(status: &Status, width: usize, app: &App) -> (String, Style) {
    let style = match status {
        Status::Planned | Status::Other(_) => Style::new().fg(Color::DarkGray),
        Status::InProgress => Style::new().fg(Color::Cyan),
        Status::Done => Style::new().fg(Color::Green),
        Status::Cancelled => Style::new()
            .fg(Color::DarkGray)
            .add_modifier(Modifier::CROSSED_OUT),
    };
    let text = if width <= 2 {
        match status {
            Status::Planned => "·",
            Status::InProgress => "◐",
            Status::Done => "✓",
            Status::Cancelled => "✗",
            Status::Other(_) => "?",
        }
        .to_string()
    } else {
        fit(status_name(status, app.lang), width)
    };
    (text, style)
}

/// Pads with spaces to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let used = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}
