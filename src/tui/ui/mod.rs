//! Drawing the editor from its state (each overlay draws itself, see
//! `overlay/`). Nothing here changes the state; the
//! layout is a pure function of the screen size so that the update step can
//! use it too (to know how many rows a page has).

mod detail;
mod table;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::{Action, Mode};
use super::app::App;
use super::status::Tone;
use super::view::ViewId;
use crate::model::text::one_line;
use crate::present::fit;
use unicode_width::UnicodeWidthStr;

/// The smallest usable screen.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Where each part of the screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Title and view tabs.
    pub header: Rect,
    /// The rows of the view.
    pub list: Rect,
    /// The detail pane, if shown.
    pub detail: Option<Rect>,
    /// Messages.
    pub status: Rect,
    /// Key hints.
    pub hints: Rect,
}

/// Splits the screen; the detail pane goes right on wide screens, below on
/// tall ones, nowhere on small ones.
pub fn layout(area: Rect, show_detail: bool) -> Areas {
    let [header, body, status, hints] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (list, detail) = if !show_detail {
        (body, None)
    } else if body.width >= 110 {
        let [list, detail] =
            Layout::horizontal([Constraint::Min(60), Constraint::Length(body.width * 2 / 5)])
                .areas(body);
        (list, Some(detail))
    } else if body.height >= 20 {
        let [list, detail] =
            Layout::vertical([Constraint::Min(8), Constraint::Length(body.height * 2 / 5)])
                .areas(body);
        (list, Some(detail))
    } else {
        (body, None)
    };
    Areas {
        header,
        list,
        detail,
        status,
        hints,
    }
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let text = format!(
            "{} {}×{} ({}×{})",
            crate::tr!(app.lang, "ui-window-too-small-need"),
            MIN_SIZE.0,
            MIN_SIZE.1,
            area.width,
            area.height
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let areas = layout(area, app.views.show_detail);
    header(app, frame, areas.header);
    table::render(app, frame, areas.list);
    if let Some(detail) = areas.detail {
        detail::render(app, frame, detail);
    }
    status(app, frame, areas.status);
    hints(app, frame, areas.hints);
    app.overlay.render(app, frame, area);
}

fn header(app: &App, frame: &mut Frame, area: Rect) {
    let [top, tabs] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(title_line(app, usize::from(top.width)))
            .style(Style::new().add_modifier(Modifier::BOLD)),
        top,
    );
    let keyed: Vec<(ViewId, String)> = ViewId::all()
        .map(|v| {
            let key = app.keymap.key_of(Mode::Normal, Action::ShowView(v));
            (v, key.map(|k| format!("{k} ")).unwrap_or_default())
        })
        .collect();
    let full: usize = keyed
        .iter()
        .map(|(v, key)| key.width() + v.view().title(app.lang).width() + 3)
        .sum();
    let compact = full > usize::from(tabs.width);
    let mut spans = Vec::new();
    for (view, key) in keyed {
        let current = view == app.views.current;
        let style = if current {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::Cyan)
        };
        let title = view.view().title(app.lang);
        let text = if compact && !current && !key.is_empty() {
            format!(" {key}")
        } else {
            format!(" {key}{title} ")
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    let mut notes = Vec::new();
    if app.views.filter.is_active() {
        notes.push(crate::tr!(app.lang, "ui-filter").to_string());
    }
    if let Some(q) = &app.views.search {
        notes.push(format!("/{}", one_line(q)));
    }
    if let Some(n) = app
        .document
        .since
        .as_ref()
        .map(|s| s.count())
        .filter(|n| *n > 0)
    {
        let what = app.lang.t("после утверждения", "since the approval");
        notes.push(format!("+/* {what}: {n}"));
    }
    if app.reading_marks() {
        notes.push(
            app.lang
                .t("читаются отметки изменений…", "reading change marks…")
                .to_string(),
        );
    }
    if !notes.is_empty() {
        spans.push(Span::styled(
            format!("[{}]", notes.join(" ")),
            Style::new().fg(Color::Yellow),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
}

/// "Roadmap title — file.karta ●" in `width` columns: the title is cut
/// first, the file name and the unsaved marker stay.
fn title_line(app: &App, width: usize) -> String {
    let unsaved = if app.document.unsaved { " ●" } else { "" };
    let file = fit(
        &app.document.file_name(app.lang),
        width.saturating_sub(unsaved.width()),
    );
    let suffix = format!(" — {file}{unsaved}");
    let room = width.saturating_sub(suffix.width());
    if room < 2 {
        return format!("{file}{unsaved}");
    }
    format!(
        "{}{suffix}",
        fit(&one_line(&app.document.roadmap.meta.title), room)
    )
}

fn status(app: &App, frame: &mut Frame, area: Rect) {
    let (text, style) = match &app.status.message {
        Some((text, Tone::Error)) => (one_line(text), Style::new().fg(Color::White).bg(Color::Red)),
        Some((text, Tone::Info)) => (one_line(text), Style::new().fg(Color::Green)),
        None if app.is_saving() => (
            crate::tr!(app.lang, "ui-saving").to_string(),
            Style::new().fg(Color::Green),
        ),
        None => {
            let n = app.document.catalog.entries.len();
            let count = crate::tr!(app.lang, "activities", count = n);
            let position = format!(
                "{}/{}",
                (app.views.cursor() + 1).min(app.views.rows.len()),
                app.views.rows.len()
            );
            (
                format!("{count} · {position}{}", app.live_words()),
                Style::new().fg(Color::DarkGray),
            )
        }
    };
    frame.render_widget(
        Paragraph::new(fit(&text, usize::from(area.width))).style(style),
        area,
    );
}

/// Hints kept on the narrowest screen: the way to help, to save and out.
const ALWAYS_HINTED: [Action; 3] = [Action::Help, Action::Save, Action::Quit];

/// The hint bar: the keymap's hinted bindings of the current mode, as many
/// as fit, always with those of [`ALWAYS_HINTED`].
fn hints(app: &App, frame: &mut Frame, area: Rect) {
    let mode: Mode = app.overlay.mode();
    let hinted: Vec<(String, &str, bool)> = app
        .keymap
        .bindings(mode)
        .iter()
        .filter(|b| b.hint)
        .filter_map(|b| {
            let key = b.keys.first()?.to_string();
            Some((key, b.describe(app.lang), ALWAYS_HINTED.contains(&b.action)))
        })
        .collect();
    let width = |(key, text, _): &(String, &str, bool)| key.width() + 1 + text.width() + 2;
    let mut room = usize::from(area.width)
        .saturating_sub(hinted.iter().filter(|h| h.2).map(width).sum::<usize>());
    let mut spans = Vec::new();
    let mut dropping = false;
    for hint in &hinted {
        if !hint.2 {
            dropping |= width(hint) > room;
            if dropping {
                continue;
            }
            room -= width(hint);
        }
        spans.push(Span::styled(
            hint.0.clone(),
            Style::new().fg(Color::Black).bg(Color::Gray),
        ));
        spans.push(Span::raw(format!(" {}  ", hint.1)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
