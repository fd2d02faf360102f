//! The recycle bin (Корзина): what was deleted, by whom and when, one line
//! each, and under the list the selected deletion in full — what went with
//! it and, marked ‼, the edits made to it by people who did not see the
//! deletion. The chosen item is restored with everything deleted with it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::present::fit;
use crate::store::write::edit::NodeKind;

use super::super::action::Action;
use super::{block, centered};

/// One deletion as the bin shows it (every text already made safe).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binned {
    /// Whether the item deleted is a section or an activity.
    pub kind: NodeKind,
    /// Its id, to restore it.
    pub id: String,
    /// Its line in the list.
    pub line: String,
    /// Whether someone edited it without seeing the deletion.
    pub warned: bool,
    /// What is shown when it is selected.
    pub details: Vec<String>,
}

/// The recycle bin on screen.
#[derive(Debug, Clone)]
pub struct Trash {
    /// The title, with the keys that restore and close.
    pub title: String,
    /// The deletions, the latest first.
    pub items: Vec<Binned>,
    /// The one selected.
    pub selected: usize,
}

/// What a key in the bin leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still looking.
    Stay,
    /// Closed.
    Close,
    /// Restore the deletion at this index.
    Restore(usize),
}

impl Trash {
    /// Moves the selection, restores the selected item or closes.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        let last = self.items.len().saturating_sub(1);
        match action {
            Some(Action::Down | Action::Next) => self.selected = (self.selected + 1).min(last),
            Some(Action::Up | Action::Prev) => self.selected = self.selected.saturating_sub(1),
            Some(Action::PageDown) => self.selected = (self.selected + 10).min(last),
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(10),
            Some(Action::Select | Action::Confirm) if !self.items.is_empty() => {
                return Outcome::Restore(self.selected);
            }
            Some(Action::Cancel) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Draws the list around the selected line and the selected item's
    /// details below it.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let rect = centered(frame, area, 100, area.height.saturating_sub(2));
        let outer = block(&self.title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        let rows = u16::try_from(self.items.len())
            .unwrap_or(u16::MAX)
            .clamp(1, (inner.height / 2).max(1));
        let [list, rule, details] = Layout::vertical([
            Constraint::Length(rows),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        let visible = usize::from(rows);
        let first = self.selected.saturating_sub(visible - 1);
        let width = usize::from(list.width);
        let lines: Vec<Line> = self
            .items
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, item)| {
                let mark = if item.warned { "‼ " } else { "  " };
                let style = match (i == self.selected, item.warned) {
                    (true, _) => Style::new().add_modifier(Modifier::REVERSED),
                    (false, true) => Style::new().fg(Color::Yellow),
                    (false, false) => Style::new(),
                };
                Line::styled(fit(&format!("{mark}{}", item.line), width), style)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
        frame.render_widget(
            Paragraph::new("─".repeat(usize::from(rule.width)))
                .style(Style::new().fg(Color::DarkGray)),
            rule,
        );
        let shown: Vec<Line> = self
            .items
            .get(self.selected)
            .map(|item| {
                item.details
                    .iter()
                    .map(|l| match l.starts_with('‼') {
                        true => Line::styled(l.clone(), Style::new().fg(Color::Yellow)),
                        false => Line::raw(l.clone()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), details);
    }
}
