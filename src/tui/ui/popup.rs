//! Popups over the view: help, editor, lists, filter, prompt, question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::model::text::one_line;
use crate::report::fit;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::overlay::{Editor, FilterDraft, List, Overlay};

/// Draws the overlay, if any.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help(app, frame, area, *scroll),
        Overlay::Editor(editor) => edit(app, frame, area, editor),
        Overlay::Prompt(editor) => prompt(frame, area, editor),
        Overlay::List(list) => choose(frame, area, list),
        Overlay::Filter(draft, row) => filter(app, frame, area, draft, *row),
        Overlay::Confirm(_, question) => confirm(app, frame, area, question),
        Overlay::Text {
            title,
            lines,
            scroll,
        } => text(frame, area, title, lines, *scroll),
        Overlay::Merge(offer) => merge(app, frame, area, offer),
    }
}

/// Lines to read, scrolled.
fn text(frame: &mut Frame, area: Rect, title: &str, lines: &[String], scroll: usize) {
    let rect = centered(frame, area, 100, area.height.saturating_sub(2));
    let lines: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .map(|l| Line::raw(l.clone()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title)),
        rect,
    );
}

/// The merge preview with the question.
fn merge(app: &App, frame: &mut Frame, area: Rect, offer: &super::super::overlay::MergeOffer) {
    let keys = |action: Action| {
        app.keymap
            .key_of(Mode::Confirm, action)
            .map(|k| k.to_string())
            .unwrap_or_default()
    };
    let rect = centered(frame, area, 100, area.height.saturating_sub(2));
    let title = format!("{} {}", app.lang.t("Слить", "Merge"), offer.path.display());
    let mut lines: Vec<Line> = offer
        .lines
        .iter()
        .skip(offer.scroll)
        .map(|l| Line::raw(l.clone()))
        .collect();
    lines.push(Line::raw(""));
    let question = format!(
        "{} {} — {}, {} — {}",
        app.lang.t("Слить?", "Merge?"),
        keys(Action::Yes),
        app.lang.t("да", "yes"),
        keys(Action::No),
        app.lang.t("нет", "no")
    );
    lines.push(Line::styled(question, Style::new().fg(Color::Yellow)));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(&title)),
        rect,
    );
}

/// A box of the given size in the middle of `area`, cleared.
fn centered(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    rect
}

fn block(title: &str) -> Block<'static> {
    Block::bordered()
        .title(format!(" {} ", one_line(title)))
        .border_style(Style::new().fg(Color::Cyan))
}

/// The help: every binding of every mode, from the loaded keymap.
fn help(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let mut lines = Vec::new();
    for mode in Mode::ALL {
        lines.push(Line::styled(
            mode.title(app.lang).to_string(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        for b in app.keymap.bindings(mode) {
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<22}", keys.join(" ")),
                    Style::new().fg(Color::Yellow),
                ),
                Span::raw(b.describe(app.lang).to_string()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let rect = centered(frame, area, 76, area.height.saturating_sub(2));
    let title = app.lang.t(
        "Справка — клавиши (Esc — закрыть)",
        "Help — keys (Esc closes)",
    );
    let scroll = u16::try_from(scroll.min(lines.len())).unwrap_or(0);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title))
            .scroll((scroll, 0)),
        rect,
    );
}

fn edit(app: &App, frame: &mut Frame, area: Rect, editor: &Editor) {
    let matching = editor.matching();
    let extra = u16::try_from(matching.len()).unwrap_or(0);
    let rect = centered(frame, area, 80, 12 + extra);
    let outer = block(&editor.title);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let [text, suggestions] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(extra)]).areas(inner);
    frame.render_widget(&editor.area, text);
    if !matching.is_empty() {
        let lines: Vec<Line> = matching
            .iter()
            .map(|s| {
                Line::styled(
                    format!("Tab → {}", one_line(s)),
                    Style::new().fg(Color::DarkGray),
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), suggestions);
    }
    let _ = app;
}

fn prompt(frame: &mut Frame, area: Rect, editor: &Editor) {
    let rect = Rect {
        x: area.x,
        y: area.bottom().saturating_sub(3),
        width: area.width,
        height: 3.min(area.height),
    };
    frame.render_widget(Clear, rect);
    let outer = block(&editor.title);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    frame.render_widget(&editor.area, inner);
}

fn choose(frame: &mut Frame, area: Rect, list: &List) {
    let height = u16::try_from(list.choices.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let rect = centered(frame, area, 80, height);
    let outer = block(&list.title);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let visible = usize::from(inner.height).max(1);
    let first = list.selected.saturating_sub(visible - 1);
    let width = usize::from(inner.width);
    let label_width = list
        .choices
        .iter()
        .map(|c| c.label.chars().count() + c.depth * 2)
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let lines: Vec<Line> = list
        .choices
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, c)| {
            let label = format!("{}{}", "  ".repeat(c.depth.min(6)), one_line(&c.label));
            let text = if c.value.is_empty() {
                fit(&label, width)
            } else {
                let value_width = width.saturating_sub(label_width + 2);
                format!(
                    "{:<label_width$}  {}",
                    fit(&label, label_width),
                    fit(&c.value, value_width)
                )
            };
            let style = if i == list.selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn filter(app: &App, frame: &mut Frame, area: Rect, draft: &FilterDraft, row: usize) {
    let lang = app.lang;
    let any = lang.t("все", "any");
    let person = draft
        .person
        .checked_sub(1)
        .and_then(|i| draft.people.get(i))
        .map_or(any.to_string(), |(_, n)| one_line(n));
    let status = draft
        .status
        .checked_sub(1)
        .and_then(|i| FilterDraft::STATUSES.get(i))
        .map_or(any.to_string(), |s| {
            super::super::forms::status_name(s, lang).to_string()
        });
    let group = draft
        .group
        .checked_sub(1)
        .and_then(|i| FilterDraft::groups().get(i))
        .map_or(any.to_string(), |g| {
            crate::report::group_title(*g, lang).to_string()
        });
    let rows = [
        (lang.t("Ответственный", "Responsible"), person),
        (lang.t("Статус", "Status"), status),
        (lang.t("Срок", "Deadline"), group),
    ];
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let style = if i == row {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            Line::styled(format!("{name:<14} ◂ {value} ▸"), style)
        })
        .collect();
    let rect = centered(frame, area, 70, 5);
    let title = lang.t(
        "Фильтр (←/→ — менять, Enter — применить)",
        "Filter (←/→ change, Enter applies)",
    );
    frame.render_widget(Paragraph::new(lines).block(block(title)), rect);
}

fn confirm(app: &App, frame: &mut Frame, area: Rect, question: &str) {
    let keys = |action: Action| {
        app.keymap
            .key_of(Mode::Confirm, action)
            .map(|k| k.to_string())
            .unwrap_or_default()
    };
    let answer = format!(
        "{} — {}, {} — {}",
        keys(Action::Yes),
        app.lang.t("да", "yes"),
        keys(Action::No),
        app.lang.t("нет", "no")
    );
    let rect = centered(frame, area, 70, 6);
    let lines = vec![
        Line::raw(one_line(question)),
        Line::raw(""),
        Line::styled(answer, Style::new().fg(Color::Yellow)),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block(app.lang.t("Вопрос", "Question"))),
        rect,
    );
}
