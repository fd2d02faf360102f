//! What changed since the approved edition, as the «лист изменений» says
//! it (`karta diff --since approved`): the changes grouped by section, each
//! with who made it and when; the selection moves from item to item and
//! the chosen one is shown in the view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::present::since::{self, Level};

use super::super::action::Action;
use super::{block, centered};

/// The list of changes on screen.
#[derive(Debug, Clone)]
pub struct Changes {
    /// The title, with the keys that go to an item and close.
    pub title: String,
    /// The lines of the list of changes.
    pub lines: Vec<since::Line>,
    /// The line selected (one about an item, when there is one).
    pub selected: usize,
    /// While the list is still being made (empty meanwhile): what is
    /// shown instead.
    pub preparing: Option<String>,
}

/// What a key in the list leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still reading.
    Stay,
    /// Closed.
    Close,
    /// Go to the item of the line at this index.
    Go(usize),
}

impl Changes {
    /// The list, the first line about an item selected.
    pub fn new(title: String, lines: Vec<since::Line>) -> Changes {
        let selected = lines.iter().position(|l| l.item.is_some()).unwrap_or(0);
        Changes {
            title,
            lines,
            selected,
            preparing: None,
        }
    }

    /// The list being made: empty, saying `note`, until [`Changes::fill`].
    pub fn preparing(title: String, note: String) -> Changes {
        Changes {
            preparing: Some(note),
            ..Changes::new(title, Vec::new())
        }
    }

    /// Fills the list made, the first line about an item selected.
    pub fn fill(&mut self, lines: Vec<since::Line>) {
        *self = Changes::new(std::mem::take(&mut self.title), lines);
    }

    /// The next line about an item after (`forward`) or before the
    /// selected one, `steps` of them away; stays at the last one found.
    fn step(&self, forward: bool, steps: usize) -> usize {
        let mut at = self.selected;
        for _ in 0..steps {
            let next = match forward {
                true => (at + 1..self.lines.len()).find(|&i| self.lines[i].item.is_some()),
                false => (0..at).rev().find(|&i| self.lines[i].item.is_some()),
            };
            match next {
                Some(i) => at = i,
                None => break,
            }
        }
        at
    }

    /// Moves the selection, goes to its item or closes.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        match action {
            Some(Action::Down | Action::Next) => self.selected = self.step(true, 1),
            Some(Action::Up | Action::Prev) => self.selected = self.step(false, 1),
            Some(Action::PageDown) => self.selected = self.step(true, 10),
            Some(Action::PageUp) => self.selected = self.step(false, 10),
            Some(Action::Last) => self.selected = self.step(true, self.lines.len()),
            Some(Action::First) => self.selected = self.step(false, self.lines.len()),
            Some(Action::Select | Action::Confirm)
                if self
                    .lines
                    .get(self.selected)
                    .is_some_and(|l| l.item.is_some()) =>
            {
                return Outcome::Go(self.selected);
            }
            Some(Action::Cancel) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Draws the lines around the selected one.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let rect = centered(frame, area, 110, area.height.saturating_sub(2));
        let outer = block(&self.title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        if let Some(note) = &self.preparing {
            frame.render_widget(Paragraph::new(note.as_str()), inner);
            return;
        }
        let visible = usize::from(inner.height).max(1);
        let first = self.selected.saturating_sub(visible - 1);
        let lines: Vec<Line> = self
            .lines
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, l)| {
                let line = shown(l);
                match i == self.selected {
                    true => line.style(Style::new().add_modifier(Modifier::REVERSED)),
                    false => line,
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// One line of the list, indented by its level, each run in its style
/// (as [`since::to_text`] writes it, in colour).
fn shown(l: &since::Line) -> Line<'static> {
    let indent = match l.level {
        Level::Title | Level::Base | Level::Section => "",
        Level::Item => "  ",
        Level::Change => "    ",
    };
    let mut spans = vec![Span::raw(indent)];
    spans.extend(l.runs.iter().map(|r| {
        let style = match r.style {
            since::Style::Plain => Style::new(),
            since::Style::Strong => Style::new().add_modifier(Modifier::BOLD),
            since::Style::Added => Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED),
            since::Style::Removed => Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            since::Style::Quiet => Style::new().fg(Color::DarkGray),
        };
        // Marked as the text of `karta diff` marks them, for terminals
        // without colours.
        let text = match r.style {
            since::Style::Added => format!("[+{}]", r.text),
            since::Style::Removed => format!("[-{}]", r.text),
            _ => r.text.clone(),
        };
        Span::styled(text, style)
    }));
    Line::from(spans)
}
