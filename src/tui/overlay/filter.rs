//! The filter being set: one row per setting (person, status, deadline
//! group), the side keys change the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::model::Status;
use crate::model::deadline::DeadlineGroup;
use crate::model::text::one_line;
use crate::present::group_title;
use crate::views::by_deadline::GROUPS;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::catalog::Catalog;
use super::super::forms::status_name;
use super::super::rows::Filter;
use super::{block, centered};

/// The settings, each an index into its choices + 1 (0: any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterForm {
    /// Person keys and names to cycle through.
    pub people: Vec<(String, String)>,
    /// The person chosen.
    pub person: usize,
    /// The status chosen (from [`Status::ALL`]).
    pub status: usize,
    /// The deadline group chosen (from [`GROUPS`]).
    pub group: usize,
    /// The setting selected: 0 person, 1 status, 2 group.
    pub row: usize,
}

/// What a key on the filter leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still setting.
    Stay,
    /// Closed, the filter as it was.
    Close,
    /// Apply the filter set.
    Apply,
}

/// How many settings the form has.
const SETTINGS: usize = 3;

impl FilterForm {
    /// The form showing `filter`, with the people of `catalog`.
    pub fn new(filter: &Filter, catalog: &Catalog) -> FilterForm {
        let people: Vec<(String, String)> = catalog
            .people
            .iter()
            .map(|p| (p.key.clone(), p.name.clone()))
            .collect();
        let place = |found: Option<usize>| found.map_or(0, |i| i + 1);
        FilterForm {
            person: place(
                filter
                    .person
                    .as_ref()
                    .and_then(|k| people.iter().position(|(key, _)| key == k)),
            ),
            status: place(
                filter
                    .status
                    .as_ref()
                    .and_then(|s| Status::ALL.iter().position(|x| x == s)),
            ),
            group: place(
                filter
                    .group
                    .and_then(|g| GROUPS.iter().position(|x| *x == g)),
            ),
            people,
            row: 0,
        }
    }

    /// The filter the form sets.
    pub fn filter(&self) -> Filter {
        Filter {
            person: self.chosen_person().map(|(key, _)| key.clone()),
            status: self.chosen_status(),
            group: self.chosen_group(),
        }
    }

    fn chosen_person(&self) -> Option<&(String, String)> {
        self.people.get(self.person.checked_sub(1)?)
    }

    fn chosen_status(&self) -> Option<Status> {
        Status::ALL.get(self.status.checked_sub(1)?).cloned()
    }

    fn chosen_group(&self) -> Option<DeadlineGroup> {
        GROUPS.get(self.group.checked_sub(1)?).copied()
    }

    /// Moves between settings, changes one, applies or closes.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        match action {
            Some(Action::Down) => self.row = (self.row + 1).min(SETTINGS - 1),
            Some(Action::Up) => self.row = self.row.saturating_sub(1),
            Some(Action::Next) => self.cycle(true),
            Some(Action::Prev) => self.cycle(false),
            Some(Action::Select | Action::Confirm) => return Outcome::Apply,
            Some(Action::Cancel) => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Moves the selected setting to its next or previous value.
    fn cycle(&mut self, forward: bool) {
        let (value, count) = match self.row {
            0 => (&mut self.person, self.people.len() + 1),
            1 => (&mut self.status, Status::ALL.len() + 1),
            _ => (&mut self.group, GROUPS.len() + 1),
        };
        *value = if forward {
            (*value + 1) % count
        } else {
            (*value + count - 1) % count
        };
    }

    /// Draws the three settings, the selected one highlighted.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        let lang = app.lang;
        let any = || crate::tr!(lang, "filter-any").to_string();
        let rows = [
            (
                crate::tr!(lang, "filter-responsible"),
                self.chosen_person().map_or_else(any, |(_, n)| one_line(n)),
            ),
            (
                crate::tr!(lang, "filter-status"),
                self.chosen_status()
                    .map_or_else(any, |s| status_name(&s, lang).to_string()),
            ),
            (
                crate::tr!(lang, "filter-deadline"),
                self.chosen_group()
                    .map_or_else(any, |g| group_title(g, lang).to_string()),
            ),
        ];
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .map(|(i, (name, value))| {
                let style = if i == self.row {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else {
                    Style::new()
                };
                Line::styled(format!("{name:<14} ◂ {value} ▸"), style)
            })
            .collect();
        let rect = centered(frame, area, 70, 5);
        let key = |action| app.keymap.key_of(Mode::List, action).map(|k| k.to_string());
        let mut keys = Vec::new();
        if let (Some(prev), Some(next)) = (key(Action::Prev), key(Action::Next)) {
            keys.push(format!(
                "{prev}/{next} — {}",
                crate::tr!(lang, "filter-change")
            ));
        }
        if let Some(select) = key(Action::Select) {
            keys.push(format!("{select} — {}", crate::tr!(lang, "filter-applies")));
        }
        let mut title = crate::tr!(lang, "filter-filter").to_string();
        if !keys.is_empty() {
            title = format!("{title} ({})", keys.join(", "));
        }
        frame.render_widget(Paragraph::new(lines).block(block(&title)), rect);
    }
}
