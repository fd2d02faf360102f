//! What sits on top of the view while the user edits, chooses or answers:
//! the text editor, lists (forms, statuses, sections, filter), a one-line
//! prompt, a yes/no question, the help.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::model::Status;
use crate::model::deadline::DeadlineGroup;

use super::action::{Action, Mode};
use super::complete::Completion;
use super::ids::{ActivityId, SectionId};
pub use super::target::Target;
use crate::i18n::Lang;

/// The multi-line text editor.
pub struct Editor {
    /// The text area (cursor, word jumps, wrapping).
    pub area: TextArea<'static>,
    /// Where the text goes.
    pub target: Target,
    /// Title of the popup.
    pub title: String,
    /// The value when editing began (for undo and cancel).
    pub original: String,
    /// Names to complete the last line from (people, files).
    pub completion: Completion,
}

impl Editor {
    /// An editor over `text`, cursor at the end.
    pub fn new(target: Target, title: String, text: &str) -> Editor {
        let clean = crate::model::text::sanitize(text);
        let lines: Vec<String> = clean.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            area,
            target,
            title,
            original: text.to_string(),
            completion: Completion::default(),
        }
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The last line, the one completion works on.
    pub fn last_line(&self) -> &str {
        self.area.lines().last().map_or("", String::as_str)
    }

    /// Replaces the last line with the next (`forward`) or previous
    /// completion of what was typed there.
    pub fn complete(&mut self, forward: bool) {
        let typed = self.last_line().to_string();
        let Some(pick) = self.completion.step(&typed, forward).map(str::to_string) else {
            return;
        };
        self.area.move_cursor(CursorMove::Bottom);
        self.area.move_cursor(CursorMove::End);
        self.area.delete_line_by_head();
        self.area.insert_str(pick);
    }
}

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
    /// The values of one conflict (index into the app's conflicts); the
    /// last choice types a value of one's own.
    ConflictValues(usize),
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

/// The filter being set: one row per setting, Left/Right change it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterDraft {
    /// Person keys and names to cycle through.
    pub people: Vec<(String, String)>,
    /// Index into people + 1 (0: anyone).
    pub person: usize,
    /// Index into statuses + 1 (0: any).
    pub status: usize,
    /// Index into groups + 1 (0: any).
    pub group: usize,
}

impl FilterDraft {
    /// The statuses to cycle through.
    pub const STATUSES: [Status; 4] = Status::ALL;

    /// The groups to cycle through.
    pub fn groups() -> &'static [DeadlineGroup] {
        &crate::views::by_deadline::GROUPS
    }
}

/// A yes/no question and what "yes" does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Delete an activity.
    DeleteActivity(ActivityId),
    /// Delete a section with everything in it.
    DeleteSection(SectionId),
    /// Quit with unsaved changes: yes saves, no quits without saving.
    QuitUnsaved,
}

impl Question {
    /// What each answer does, in words, for the popup.
    pub fn answers(&self, lang: Lang) -> Vec<(Action, &'static str)> {
        match self {
            Question::DeleteActivity(_) | Question::DeleteSection(_) => vec![
                (Action::Yes, lang.t("да", "yes")),
                (Action::No, lang.t("нет", "no")),
            ],
            Question::QuitUnsaved => vec![
                (Action::Yes, lang.t("сохранить и выйти", "save and quit")),
                (
                    Action::No,
                    lang.t("выйти без сохранения", "quit without saving"),
                ),
                (
                    Action::Cancel,
                    lang.t("вернуться к редактированию", "back to editing"),
                ),
            ],
        }
    }
}

/// The overlay now shown.
pub enum Overlay {
    /// Nothing: the view has the keys.
    None,
    /// The help.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// Editing text.
    Editor(Box<Editor>),
    /// Choosing.
    List(List),
    /// Setting the filter.
    Filter(FilterDraft, usize),
    /// A one-line prompt (search, save as); uses the editor.
    Prompt(Box<Editor>),
    /// A question.
    Confirm(Question, String),
    /// Lines to read (history): scroll and close.
    Text {
        /// Title.
        title: String,
        /// The lines (already made safe).
        lines: Vec<String>,
        /// First line shown.
        scroll: usize,
    },
    /// What merging a file would change; yes merges.
    Merge(Box<MergeOffer>),
}

/// A merge waiting for the user's yes: their file merged into a copy of
/// ours, and what it would change.
pub struct MergeOffer {
    /// Our document with their changes merged in.
    pub merged: crate::store::Doc,
    /// The file.
    pub path: std::path::PathBuf,
    /// The changes in words, one author per line.
    pub lines: Vec<String>,
    /// How many Automerge changes it adds.
    pub added: usize,
    /// First line shown.
    pub scroll: usize,
}

impl Overlay {
    /// The keymap mode this overlay reads keys in.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::None => Mode::Normal,
            Overlay::Editor(_) => Mode::Edit,
            Overlay::Help { .. }
            | Overlay::List(_)
            | Overlay::Filter(..)
            | Overlay::Text { .. } => Mode::List,
            Overlay::Prompt(_) => Mode::Prompt,
            Overlay::Confirm(..) | Overlay::Merge(_) => Mode::Confirm,
        }
    }
}
