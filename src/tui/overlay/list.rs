//! A list to choose from: the fields of a form, statuses, sections to move
//! to, conflicts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::model::text::one_line;
use crate::present::fit;

use super::super::action::Action;
use super::super::ids::{ActivityId, SectionId};
use super::{block, centered};

/// What choosing from a list does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListKind {
    /// The fields of an activity.
    ActivityForm(ActivityId),
    /// The fields of the heading.
    HeadingForm,
    /// Statuses for an activity.
    Status(ActivityId),
    /// Sections to move an activity to.
    MoveActivity(ActivityId),
    /// Sections to move a section into.
    MoveSection(SectionId),
    /// Every conflict of the roadmap.
    Conflicts,
    /// A new comment on an activity, or one of its comments to change.
    Comments(ActivityId),
}

/// One choice in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Shown text (already made safe).
    pub label: String,
    /// Second column (current value), if any.
    pub value: String,
    /// Indent.
    pub depth: usize,
}

/// A list to choose from.
#[derive(Debug, Clone)]
pub struct List {
    /// What the choice does.
    pub kind: ListKind,
    /// Popup title.
    pub title: String,
    /// The choices.
    pub choices: Vec<Choice>,
    /// Selected index.
    pub selected: usize,
}

/// What a key on the list leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still choosing.
    Stay,
    /// Closed without a choice.
    Close,
    /// The selected choice was taken.
    Chosen,
}

impl List {
    /// Moves the selection, takes it or closes.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        let last = self.choices.len().saturating_sub(1);
        match action {
            Some(Action::Down | Action::Next) => self.selected = (self.selected + 1).min(last),
            Some(Action::Up | Action::Prev) => self.selected = self.selected.saturating_sub(1),
            Some(Action::PageDown) => self.selected = (self.selected + 10).min(last),
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(10),
            Some(Action::Select | Action::Confirm) => return Outcome::Chosen,
            Some(Action::Cancel) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Draws the choices around the selected one, values in a second
    /// column.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let height = u16::try_from(self.choices.len() + 2)
            .unwrap_or(u16::MAX)
            .min(area.height.saturating_sub(2));
        let rect = centered(frame, area, 80, height);
        let outer = block(&self.title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        let visible = usize::from(inner.height).max(1);
        let first = self.selected.saturating_sub(visible - 1);
        let width = usize::from(inner.width);
        let label_width = self
            .choices
            .iter()
            .map(|c| c.label.chars().count() + c.depth * 2)
            .max()
            .unwrap_or(0)
            .min(width / 2);
        let lines: Vec<Line> = self
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
                let style = if i == self.selected {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else {
                    Style::new()
                };
                Line::styled(text, style)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
