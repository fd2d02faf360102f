//! The comment form: a comment on the selected activity being written,
//! with the comments it already has above the text.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::present::comments::comment_line;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::ids::ActivityId;
use super::{block, centered};

/// How many earlier comments the form shows above the text.
const SHOWN: usize = 4;

/// A comment being written.
pub struct CommentForm {
    /// The activity commented on.
    pub activity: ActivityId,
    /// The popup's title (names the activity).
    pub title: String,
    /// The comment being changed, with its text before (None: a new one).
    pub editing: Option<(String, String)>,
    /// The text typed.
    pub area: TextArea<'static>,
}

/// What a key in the form leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still typing.
    Stay,
    /// Add the comment.
    Commit,
    /// Close without adding anything.
    Cancel,
}

impl CommentForm {
    /// An empty form for a comment on `activity`.
    pub fn new(activity: ActivityId, title: String) -> CommentForm {
        let mut area = TextArea::default();
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        CommentForm {
            activity,
            title,
            editing: None,
            area,
        }
    }

    /// A form changing the comment `id`, its text `text` to start from
    /// (emptied, the comment is removed).
    pub fn editing(activity: ActivityId, title: String, id: String, text: &str) -> CommentForm {
        let mut form = CommentForm::new(activity, title);
        let clean = crate::model::text::sanitize(text);
        let lines: Vec<String> = clean.split('\n').map(str::to_string).collect();
        form.area = TextArea::new(lines);
        form.area.set_wrap_mode(WrapMode::WordOrGlyph);
        form.area.move_cursor(CursorMove::Bottom);
        form.area.move_cursor(CursorMove::End);
        form.editing = Some((id, text.to_string()));
        form
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Confirms, cancels, breaks a line or types the key.
    pub fn handle(&mut self, action: Option<Action>, event: KeyEvent) -> Outcome {
        match action {
            Some(Action::Confirm) => return Outcome::Commit,
            Some(Action::Cancel) => return Outcome::Cancel,
            Some(Action::Newline) => self.area.insert_newline(),
            _ => {
                self.area.input(event);
            }
        }
        Outcome::Stay
    }

    /// Draws the form in the middle of `area`: the last comments, then the
    /// text, then the keys.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        let lang = app.lang;
        let earlier: Vec<Line<'static>> = app
            .document
            .catalog
            .entry(self.activity.as_str())
            .map(|e| {
                let all = &e.activity.comments;
                all[all.len().saturating_sub(SHOWN)..]
                    .iter()
                    .map(|c| Line::styled(comment_line(c, lang), Style::new().fg(Color::DarkGray)))
                    .collect()
            })
            .unwrap_or_default();
        let keys = |action| {
            app.keymap
                .key_of(Mode::Edit, action)
                .map(|k| k.to_string())
                .unwrap_or_default()
        };
        let confirm = match self.editing {
            None => lang.t("добавить", "add"),
            Some(_) => lang.t("сохранить (пустой — удалить)", "save (empty: remove)"),
        };
        let hint = format!(
            "{} — {}, {} — {}, {} — {}",
            keys(Action::Confirm),
            confirm,
            keys(Action::Newline),
            crate::tr!(lang, "comment-new-line"),
            keys(Action::Cancel),
            crate::tr!(lang, "comment-cancel"),
        );
        let above = u16::try_from(earlier.len()).unwrap_or(0);
        let rect = centered(frame, area, 80, 10 + above);
        let outer = block(&self.title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        let [thread, text, keys_line] = Layout::vertical([
            Constraint::Length(above),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(earlier).wrap(Wrap { trim: true }), thread);
        frame.render_widget(&self.area, text);
        frame.render_widget(
            Paragraph::new(Line::styled(hint, Style::new().fg(Color::Yellow))),
            keys_line,
        );
    }
}
