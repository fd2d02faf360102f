//! A question and its answers, each named with its keys ("y, д — да").

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::Lang;
use crate::model::text::one_line;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::super::ids::{ActivityId, SectionId};
use super::{block, centered};

/// What is asked, and so what the answers do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Delete an activity.
    DeleteActivity(ActivityId),
    /// Delete a section with everything in it.
    DeleteSection(SectionId),
    /// Renumber the whole roadmap.
    Renumber,
    /// Quit with unsaved changes: yes saves, no quits without saving.
    QuitUnsaved,
}

/// A question on screen.
#[derive(Debug, Clone)]
pub struct Asking {
    /// What is asked.
    pub question: Question,
    /// The question in words.
    pub text: String,
}

/// What a key on the question leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not answered yet.
    Stay,
    /// Closed without an answer: back to where the user was.
    Close,
    /// Answered yes (true) or no.
    Answer(bool),
}

impl Question {
    /// What each answer does, in words.
    pub fn answers(&self, lang: Lang) -> Vec<(Action, &'static str)> {
        match self {
            Question::DeleteActivity(_) | Question::DeleteSection(_) | Question::Renumber => vec![
                (Action::Yes, crate::tr_static!(lang, "question-yes-2")),
                (Action::No, crate::tr_static!(lang, "question-no-2")),
            ],
            Question::QuitUnsaved => vec![
                (
                    Action::Yes,
                    crate::tr_static!(lang, "question-save-and-quit"),
                ),
                (
                    Action::No,
                    crate::tr_static!(lang, "question-quit-without-saving"),
                ),
                (
                    Action::Cancel,
                    crate::tr_static!(lang, "question-back-to-editing"),
                ),
            ],
        }
    }
}

impl Asking {
    /// Yes and no answer; cancel closes.
    pub fn handle(&self, action: Option<Action>) -> Outcome {
        match action {
            Some(Action::Yes) => Outcome::Answer(true),
            Some(Action::No) => Outcome::Answer(false),
            Some(Action::Cancel) => Outcome::Close,
            _ => Outcome::Stay,
        }
    }

    /// Draws the question and every answer with its keys.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        let mut lines = vec![Line::raw(one_line(&self.text)), Line::raw("")];
        for (action, words) in self.question.answers(app.lang) {
            let keys: Vec<String> = app
                .keymap
                .keys_of(Mode::Confirm, action)
                .iter()
                .map(ToString::to_string)
                .collect();
            lines.push(Line::styled(
                format!("{} — {words}", keys.join(", ")),
                Style::new().fg(Color::Yellow),
            ));
        }
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let rect = centered(frame, area, 70, height + 1);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(block(crate::tr_static!(app.lang, "question-question"))),
            rect,
        );
    }
}
