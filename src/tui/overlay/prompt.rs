//! A one-line prompt at the bottom of the screen: a search, a file name,
//! the file to merge (with the files it completes from listed above it).

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph};

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::block;
use super::editor::Editor;

/// A line being typed.
pub struct Prompt {
    /// The line, in an editor kept to one line.
    pub line: Editor,
    /// For a search: the row the cursor was on when it began.
    pub origin: usize,
}

/// What a key in the prompt leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing for the app to do.
    Stay,
    /// The line was changed (a search follows it as it is typed).
    Edited,
    /// The next (`forward`) or previous match of a search.
    Find {
        /// Whether forward.
        forward: bool,
    },
    /// Done: act on the line.
    Commit,
    /// Closed without acting.
    Cancel,
}

impl Prompt {
    /// A prompt over `line`, begun with the cursor on row `origin`.
    pub fn new(line: Editor, origin: usize) -> Prompt {
        Prompt { line, origin }
    }

    /// Confirms, cancels, completes or steps through matches, or types the
    /// key (never a line break).
    pub fn handle(&mut self, action: Option<Action>, event: KeyEvent) -> Outcome {
        let completes = !self.line.completion.is_empty();
        match action {
            Some(Action::Confirm) => Outcome::Commit,
            Some(Action::Cancel) => Outcome::Cancel,
            Some(Action::Next) if completes => {
                self.line.complete(true);
                Outcome::Stay
            }
            Some(Action::Prev) if completes => {
                self.line.complete(false);
                Outcome::Stay
            }
            Some(Action::Next) => Outcome::Find { forward: true },
            Some(Action::Prev) => Outcome::Find { forward: false },
            _ => {
                self.line.input(event);
                self.keep_one_line();
                Outcome::Edited
            }
        }
    }

    /// Joins the lines a key may have broken the text into.
    fn keep_one_line(&mut self) {
        if self.line.area.lines().len() > 1 {
            let text = self.line.area.lines().concat();
            let title = std::mem::take(&mut self.line.title);
            let completion = std::mem::take(&mut self.line.completion);
            let target = self.line.target.clone();
            self.line = Editor::new(target, title, &text);
            self.line.completion = completion;
        }
    }

    /// Draws the prompt at the bottom of `area`, what it completes from
    /// above it.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        let rect = Rect {
            x: area.x,
            y: area.bottom().saturating_sub(3),
            width: area.width,
            height: 3.min(area.height),
        };
        frame.render_widget(Clear, rect);
        let outer = block(&self.line.title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        frame.render_widget(&self.line.area, inner);
        let lines = self.line.completions("");
        if lines.is_empty() {
            return;
        }
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let above = Rect {
            y: rect.y.saturating_sub(height),
            height: height.min(rect.y.saturating_sub(area.y)),
            ..rect
        };
        frame.render_widget(Clear, above);
        let key = app
            .keymap
            .key_of(Mode::Prompt, Action::Next)
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        let title = format!("{}{key}", crate::tr!(app.lang, "prompt-pick"));
        frame.render_widget(Paragraph::new(lines).block(block(&title)), above);
    }
}
