//! A merge waiting for the user's yes: the colleague's file merged into a
//! copy of ours, what it would put at risk (marked ‼) and what it would
//! change, in words. The question stays at the bottom while a long preview
//! scrolls.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::{block, centered};

/// What merging a file would change.
pub struct MergeOffer {
    /// Our document with their changes merged in.
    pub merged: crate::store::Doc,
    /// The file.
    pub path: std::path::PathBuf,
    /// The risks, one per line marked ‼, then the changes in words, one
    /// author per line.
    pub lines: Vec<String>,
    /// How many Automerge changes it adds.
    pub added: usize,
    /// For a bundle: the roadmap's id and what the bundle says about
    /// itself, to remember as received from its sender.
    pub received: Option<(String, crate::store::exchange::bundle::Header)>,
    /// The bundles kept aside earlier that it lets apply (their changes
    /// are in `merged` and `added`), forgotten once it is accepted.
    pub released: Vec<std::path::PathBuf>,
    /// First line shown.
    pub scroll: usize,
}

/// What a key on the preview leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still deciding.
    Stay,
    /// Merge.
    Accept,
    /// Do not merge.
    Decline,
}

impl MergeOffer {
    /// Yes merges, no or cancel does not; the moving keys scroll.
    pub fn handle(&mut self, action: Option<Action>) -> Outcome {
        let last = self.lines.len().saturating_sub(1);
        match action {
            Some(Action::Yes) => return Outcome::Accept,
            Some(Action::No | Action::Cancel) => return Outcome::Decline,
            Some(Action::Down) => self.scroll = (self.scroll + 1).min(last),
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = (self.scroll + 10).min(last),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            _ => {}
        }
        Outcome::Stay
    }

    /// Draws the preview with the question below it.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        let keys = |action: Action| {
            app.keymap
                .key_of(Mode::Confirm, action)
                .map(|k| k.to_string())
                .unwrap_or_default()
        };
        let rect = centered(frame, area, 100, area.height.saturating_sub(2));
        let folder = app.document.folder();
        let file = self.path.strip_prefix(&folder).unwrap_or(&self.path);
        let title = format!("{} {}", crate::tr!(app.lang, "merge-merge"), file.display());
        let outer = block(&title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        let [preview, question] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
        let lines: Vec<Line> = self
            .lines
            .iter()
            .skip(self.scroll)
            .map(|l| match l.starts_with('‼') {
                true => Line::styled(l.clone(), Style::new().fg(Color::Yellow)),
                false => Line::raw(l.clone()),
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), preview);
        let text = format!(
            "{} {} — {}, {} — {}",
            crate::tr!(app.lang, "merge-merge-2"),
            keys(Action::Yes),
            crate::tr!(app.lang, "question-yes"),
            keys(Action::No),
            crate::tr!(app.lang, "question-no")
        );
        let lines = vec![
            Line::raw(""),
            Line::styled(text, Style::new().fg(Color::Yellow)),
        ];
        frame.render_widget(Paragraph::new(lines), question);
    }
}
