//! One conflict to resolve: every value in full, side by side (one above
//! the other when the screen is narrow), the words that differ marked, and
//! below them the ways to resolve it — keep a value, keep both (for text),
//! or type one's own.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::present::compare::Word;
use crate::present::fit;

use super::super::action::Action;
use super::{block, centered};

/// Narrowest column a value is shown in side by side.
const MIN_COLUMN: u16 = 30;

/// One value as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownValue {
    /// "1. Корчевская И.П.": its number and who set it.
    pub heading: String,
    /// Its lines of words, marked where another value differs.
    pub lines: Vec<Vec<Word>>,
}

/// A way to resolve the conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolve {
    /// Keep the value at this index.
    Value(usize),
    /// Keep every value (text only).
    KeepBoth,
    /// Type a value of one's own.
    Own,
}

/// The conflict on screen.
#[derive(Debug, Clone)]
pub struct ConflictView {
    /// Which conflict (index into the document's conflicts).
    pub index: usize,
    /// The item and field.
    pub title: String,
    /// The values.
    pub values: Vec<ShownValue>,
    /// The ways to resolve it, in words.
    pub choices: Vec<(Resolve, String)>,
    /// The way selected.
    pub selected: usize,
    /// Lines of the values scrolled past.
    pub scroll: u16,
}

/// What a key on the conflict leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still deciding.
    Stay,
    /// Closed without resolving.
    Close,
    /// Resolve it this way.
    Chosen(Resolve),
}

impl ConflictView {
    /// Up and down choose a way, page keys scroll the values, select
    /// resolves, cancel closes.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        let last = self.choices.len().saturating_sub(1);
        match action {
            Some(Action::Down | Action::Next) => self.selected = (self.selected + 1).min(last),
            Some(Action::Up | Action::Prev) => self.selected = self.selected.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = self.scroll.saturating_add(5),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(5),
            Some(Action::Select | Action::Confirm) => {
                if let Some((way, _)) = self.choices.get(self.selected) {
                    return Outcome::Chosen(*way);
                }
            }
            Some(Action::Cancel) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Draws the values and, below them, the ways to resolve.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let rect = centered(frame, area, 120, area.height.saturating_sub(2));
        let outer = block(&self.title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        let ways = u16::try_from(self.choices.len()).unwrap_or(u16::MAX);
        let [values, choices] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(ways.saturating_add(1)),
        ])
        .areas(inner);
        let count = u16::try_from(self.values.len()).unwrap_or(u16::MAX).max(1);
        let side_by_side = values.width / count >= MIN_COLUMN;
        if side_by_side {
            let columns = Layout::horizontal(vec![
                Constraint::Ratio(1, u32::from(count));
                usize::from(count)
            ])
            .split(values);
            for (i, (value, column)) in self.values.iter().zip(columns.iter()).enumerate() {
                // A rule between the columns, none after the last.
                let rule = match i + 1 < self.values.len() {
                    true => Borders::RIGHT,
                    false => Borders::NONE,
                };
                let paragraph = Paragraph::new(value_lines(value))
                    .wrap(Wrap { trim: false })
                    .scroll((self.scroll, 0))
                    .block(
                        Block::new()
                            .borders(rule)
                            .border_style(Style::new().fg(Color::DarkGray)),
                    );
                frame.render_widget(paragraph, *column);
            }
        } else {
            let mut lines = Vec::new();
            for value in &self.values {
                lines.extend(value_lines(value));
                lines.push(Line::raw(""));
            }
            let paragraph = Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0));
            frame.render_widget(paragraph, values);
        }
        let width = usize::from(choices.width);
        let mut lines = vec![Line::raw("")];
        lines.extend(self.choices.iter().enumerate().map(|(i, (_, label))| {
            let style = if i == self.selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            Line::styled(fit(label, width), style)
        }));
        frame.render_widget(Paragraph::new(lines), choices);
    }
}

/// A value's heading and its words, the marked ones underlined in colour.
fn value_lines(value: &ShownValue) -> Vec<Line<'static>> {
    let marked = Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut lines = vec![Line::styled(
        value.heading.clone(),
        Style::new().fg(Color::Cyan),
    )];
    for words in &value.lines {
        let mut spans = Vec::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" "));
            }
            let style = if word.marked { marked } else { Style::new() };
            spans.push(Span::styled(word.text.clone(), style));
        }
        lines.push(Line::from(spans));
    }
    lines
}
