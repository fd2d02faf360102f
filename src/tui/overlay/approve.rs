//! The form that records an approval: the order's number and date, one
//! line each; the date is checked before anything is written.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui_textarea::{CursorMove, TextArea};

use crate::model::text::one_line;

use super::super::action::{Action, Mode};
use super::super::app::App;
use super::{block, centered};

/// The fields of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The order's number.
    Number,
    /// The order's date.
    Date,
}

/// An approval being written.
pub struct ApproveForm {
    /// The order's number as typed.
    pub number: TextArea<'static>,
    /// The order's date as typed.
    pub date: TextArea<'static>,
    /// The field the keys go to.
    pub field: Field,
    /// Why the last try was refused, shown under the fields.
    pub error: Option<String>,
}

/// What a key in the form leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still typing.
    Stay,
    /// Record the approval.
    Commit,
    /// Close without recording anything.
    Cancel,
}

/// A one-line text area holding `text`, the cursor at its end.
fn line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![one_line(text)]);
    area.move_cursor(CursorMove::End);
    area
}

impl ApproveForm {
    /// The form with the number and date filled in, the number first.
    pub fn new(number: &str, date: &str) -> ApproveForm {
        ApproveForm {
            number: line(number),
            date: line(date),
            field: Field::Number,
            error: None,
        }
    }

    /// The number as typed.
    pub fn number_text(&self) -> String {
        self.number.lines().concat()
    }

    /// The date as typed.
    pub fn date_text(&self) -> String {
        self.date.lines().concat()
    }

    /// Confirms, cancels, goes to the other field or types the key (never
    /// a line break).
    pub fn handle(&mut self, action: Option<Action>, event: KeyEvent) -> Outcome {
        match action {
            Some(Action::Confirm) => return Outcome::Commit,
            Some(Action::Cancel) => return Outcome::Cancel,
            Some(Action::Next | Action::Prev) => {
                self.field = match self.field {
                    Field::Number => Field::Date,
                    Field::Date => Field::Number,
                };
            }
            _ => {
                let area = match self.field {
                    Field::Number => &mut self.number,
                    Field::Date => &mut self.date,
                };
                area.input(event);
                if area.lines().len() > 1 {
                    *area = line(&area.lines().concat());
                }
                self.error = None;
            }
        }
        Outcome::Stay
    }

    /// Draws the form in the middle of `area`: the two fields, the reason
    /// of a refusal, the keys.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        let lang = app.lang;
        let key = |action| {
            app.keymap
                .key_of(Mode::Prompt, action)
                .map(|k| k.to_string())
                .unwrap_or_default()
        };
        let hint = format!(
            "{} — {}, {} — {}, {} — {}",
            key(Action::Confirm),
            lang.t("утвердить", "approve"),
            key(Action::Next),
            lang.t("другое поле", "the other field"),
            key(Action::Cancel),
            lang.t("отмена", "cancel"),
        );
        let title = lang.t(
            "Утвердить редакцию: приказ, которым она утверждена",
            "Approve the edition: the order approving it",
        );
        let rect = centered(frame, area, 72, 8);
        let outer = block(title);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        let [number, date, error, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        let fields = [
            (
                number,
                lang.t("Номер приказа:", "Order number:"),
                &self.number,
                Field::Number,
            ),
            (
                date,
                lang.t("Дата (ДД.ММ.ГГГГ):", "Date (DD.MM.YYYY):"),
                &self.date,
                Field::Date,
            ),
        ];
        for (rect, label, text, field) in fields {
            let [label_rect, text_rect] =
                Layout::horizontal([Constraint::Length(20), Constraint::Min(1)]).areas(rect);
            let style = match self.field == field {
                true => Style::new().fg(Color::Cyan),
                false => Style::new().fg(Color::DarkGray),
            };
            frame.render_widget(Paragraph::new(Line::styled(label, style)), label_rect);
            if self.field == field {
                frame.render_widget(text, text_rect);
            } else {
                frame.render_widget(Paragraph::new(text.lines().concat()), text_rect);
            }
        }
        if let Some(why) = &self.error {
            frame.render_widget(
                Paragraph::new(Line::styled(why.clone(), Style::new().fg(Color::Red))),
                error,
            );
        }
        frame.render_widget(
            Paragraph::new(Line::styled(hint, Style::new().fg(Color::Yellow))),
            keys,
        );
    }
}
