//! What sits on top of the view while the user edits, chooses, reads or
//! answers. Each overlay is one module: its state, `handle` (the action of
//! a key → an `Outcome` the app acts on) and `render` (drawing, which never
//! changes anything). The app opens them (`forms.rs`, `structure.rs`,
//! `collab.rs`, `trash.rs`, `approval.rs`, `since.rs`, `update.rs`) and acts on their outcomes (`update.rs`).

pub mod approve;
pub mod changes;
pub mod comment;
pub mod conflict;
pub mod editor;
pub mod filter;
pub mod help;
pub mod list;
pub mod merge;
pub mod prompt;
pub mod question;
pub mod reading;
pub mod trash;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::widgets::{Block, Clear};

use crate::model::text::one_line;

pub use approve::ApproveForm;
pub use changes::Changes;
pub use comment::CommentForm;
pub use conflict::{ConflictView, Resolve, ShownValue};
pub use editor::Editor;
pub use filter::FilterForm;
pub use help::Help;
pub use list::{Choice, List, ListKind};
pub use merge::MergeOffer;
pub use prompt::Prompt;
pub use question::{Asking, Question};
pub use reading::Reading;
pub use trash::{Binned, Trash};

use super::action::Mode;
use super::app::App;

/// The overlay now shown.
pub enum Overlay {
    /// Nothing: the view has the keys.
    None,
    /// The help.
    Help(Help),
    /// Editing text.
    Editor(Box<Editor>),
    /// Typing one line.
    Prompt(Box<Prompt>),
    /// Choosing from a list.
    List(List),
    /// Setting the filter.
    Filter(FilterForm),
    /// A question.
    Question(Asking),
    /// Lines to read (history).
    Reading(Reading),
    /// What merging a file would change; yes merges.
    Merge(Box<MergeOffer>),
    /// The recycle bin.
    Trash(Box<Trash>),
    /// One conflict's values and the ways to resolve it.
    Conflict(Box<ConflictView>),
    /// A comment being written.
    Comment(Box<CommentForm>),
    /// The order approving the edition being written.
    Approve(Box<ApproveForm>),
    /// What changed since the approved edition.
    Changes(Box<Changes>),
}

impl Overlay {
    /// The keymap mode this overlay reads keys in.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::None => Mode::Normal,
            Overlay::Editor(_) | Overlay::Comment(_) => Mode::Edit,
            Overlay::Help(_)
            | Overlay::List(_)
            | Overlay::Filter(_)
            | Overlay::Reading(_)
            | Overlay::Trash(_)
            | Overlay::Changes(_)
            | Overlay::Conflict(_) => Mode::List,
            Overlay::Prompt(_) | Overlay::Approve(_) => Mode::Prompt,
            Overlay::Question(_) | Overlay::Merge(_) => Mode::Confirm,
        }
    }

    /// Draws the overlay, if any, over `area`.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect) {
        match self {
            Overlay::None => {}
            Overlay::Help(help) => help.render(app, frame, area),
            Overlay::Editor(editor) => editor.render(app, frame, area),
            Overlay::Prompt(prompt) => prompt.render(app, frame, area),
            Overlay::List(list) => list.render(frame, area),
            Overlay::Filter(form) => form.render(app, frame, area),
            Overlay::Question(asking) => asking.render(app, frame, area),
            Overlay::Reading(reading) => reading.render(frame, area),
            Overlay::Merge(offer) => offer.render(app, frame, area),
            Overlay::Trash(trash) => trash.render(frame, area),
            Overlay::Conflict(conflict) => conflict.render(frame, area),
            Overlay::Comment(form) => form.render(app, frame, area),
            Overlay::Approve(form) => form.render(app, frame, area),
            Overlay::Changes(list) => list.render(frame, area),
        }
    }
}

/// A box of the given size in the middle of `area`, cleared.
fn centered(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    rect
}

/// The frame of a popup, with its title.
fn block(title: &str) -> Block<'static> {
    Block::bordered()
        .title(format!(" {} ", one_line(title)))
        .border_style(Style::new().fg(Color::Cyan))
}
