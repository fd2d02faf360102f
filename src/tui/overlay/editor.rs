//! The text editor: a field's text in a real text area (cursor, word jumps,
//! wrapping, several lines), with completion of names when it has some.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::model::text::one_line;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::complete::{Completion, SHOWN};
use super::super::target::Target;
use super::{block, centered};

/// The multi-line text editor.
pub struct Editor {
    /// The text area (cursor, word jumps, wrapping).
    pub area: TextArea<'static>,
    /// Where the text goes.
    pub target: Target,
    /// Title of the popup.
    pub title: String,
    /// The value when editing began (what undo puts back).
    pub original: String,
    /// Names to complete the last line from (people, files).
    pub completion: Completion,
}

/// What a key in the editor leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still typing.
    Stay,
    /// Write the text where it belongs.
    Commit,
    /// Close without keeping the text.
    Cancel,
}

impl Editor {
    /// An editor over `text`, cursor at the end.
    pub fn new(target: Target, title: String, text: &str) -> Editor {
        let clean = crate::model::text::sanitize(text);
        let lines: Vec<String> = clean.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            area,
            target,
            title,
            original: text.to_string(),
            completion: Completion::default(),
        }
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The last line, the one completion works on.
    pub fn last_line(&self) -> &str {
        self.area.lines().last().map_or("", String::as_str)
    }

    /// Replaces the last line with the next (`forward`) or previous
    /// completion of what was typed there.
    pub fn complete(&mut self, forward: bool) {
        let typed = self.last_line().to_string();
        let Some(pick) = self.completion.step(&typed, forward).map(str::to_string) else {
            return;
        };
        self.area.move_cursor(CursorMove::Bottom);
        self.area.move_cursor(CursorMove::End);
        self.area.delete_line_by_head();
        self.area.insert_str(pick);
    }

    /// Types a key that has no action into the text.
    pub fn input(&mut self, event: KeyEvent) {
        self.area.input(event);
        self.completion.reset();
    }

    /// Confirms, cancels, breaks a line, completes, or types the key.
    pub fn handle(&mut self, action: Option<Action>, event: KeyEvent) -> Outcome {
        match action {
            Some(Action::Confirm) => return Outcome::Commit,
            Some(Action::Cancel) => return Outcome::Cancel,
            Some(Action::Newline) => self.area.insert_newline(),
            Some(Action::Next) => self.complete(true),
            Some(Action::Prev) => self.complete(false),
            _ => self.input(event),
        }
        Outcome::Stay
    }

    /// Draws the editor in the middle of `area`, completions below the
    /// text.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        let key = app
            .keymap
            .key_of(Mode::Edit, Action::Next)
            .map(|k| format!("{k} → "))
            .unwrap_or_default();
        let lines = self.completions(&key);
        let extra = u16::try_from(lines.len()).unwrap_or(0);
        let rect = centered(frame, area, 80, 12 + extra);
        let outer = block(&self.title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        let [text, suggestions] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(extra)]).areas(inner);
        frame.render_widget(&self.area, text);
        frame.render_widget(Paragraph::new(lines), suggestions);
    }

    /// The completions of the last line, at most [`SHOWN`], the one picked
    /// highlighted; each after `prefix`.
    pub fn completions(&self, prefix: &str) -> Vec<Line<'static>> {
        let (matches, picked) = self.completion.shown(self.last_line());
        let first = picked.map_or(0, |p| p.saturating_sub(SHOWN - 1));
        matches
            .iter()
            .enumerate()
            .skip(first)
            .take(SHOWN)
            .map(|(i, name)| {
                let style = if Some(i) == picked {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else {
                    Style::new().fg(Color::DarkGray)
                };
                Line::styled(format!("{prefix}{}", one_line(name)), style)
            })
            .collect()
    }
}
