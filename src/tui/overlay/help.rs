//! The help: every binding of every mode, from the loaded keymap, so that
//! what it says is what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::{block, centered};

/// The help, scrolled.
#[derive(Debug, Clone, Default)]
pub struct Help {
    /// First line shown.
    pub scroll: usize,
}

/// What a key in the help leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still reading.
    Stay,
    /// Closed.
    Close,
}

impl Help {
    /// Scrolls on the moving keys; any other key closes.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        match action {
            Some(Action::Down) => self.scroll += 1,
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll += 10,
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            _ => return Outcome::Close,
        }
        Outcome::Stay
    }

    /// Draws the help over `area`.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
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
        let title = app.keymap.titled(
            &crate::tr!(app.lang, "help-help-keys"),
            Mode::List,
            Action::Cancel,
            &crate::tr!(app.lang, "help-closes"),
        );
        let scroll = u16::try_from(self.scroll.min(lines.len())).unwrap_or(0);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block(&title))
                .scroll((scroll, 0)),
            rect,
        );
    }
}
