//! Lines to read, such as the history of an activity: scroll, then close.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::super::action::Action;
use super::{block, centered};

/// Lines to read.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The title.
    pub title: String,
    /// The lines (already made safe).
    pub lines: Vec<String>,
    /// First line shown.
    pub scroll: usize,
}

/// What a key while reading leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still reading.
    Stay,
    /// Closed.
    Close,
}

impl Reading {
    /// Lines under a title, from the first.
    pub fn new(title: String, lines: Vec<String>) -> Reading {
        Reading {
            title,
            lines,
            scroll: 0,
        }
    }

    /// Scrolls on the moving keys; any other key closes.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        let last = self.lines.len().saturating_sub(1);
        match action {
            Some(Action::Down) => self.scroll = (self.scroll + 1).min(last),
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = (self.scroll + 10).min(last),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            _ => return Outcome::Close,
        }
        Outcome::Stay
    }

    /// Draws the lines from the first one scrolled to.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let rect = centered(frame, area, 100, area.height.saturating_sub(2));
        let lines: Vec<Line> = self
            .lines
            .iter()
            .skip(self.scroll)
            .map(|l| Line::raw(l.clone()))
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block(&self.title)),
            rect,
        );
    }
}
