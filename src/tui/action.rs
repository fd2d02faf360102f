//! Everything a key can do. Keymap files name these actions by their
//! snake_case names; the help popup and the hint bar describe them.

use crate::i18n::Lang;

use super::view::ViewId;

/// The modes a keymap has one table for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// Browsing a view.
    Normal,
    /// Editing a text field.
    Edit,
    /// Choosing in a list: fields of a form, statuses, sections, people.
    List,
    /// Typing one line: search, a new section's title, a file name.
    Prompt,
    /// Answering a yes/no question.
    Confirm,
}

impl Mode {
    /// Every mode, in the order the help popup lists them.
    pub const ALL: [Mode; 5] = [
        Mode::Normal,
        Mode::Edit,
        Mode::List,
        Mode::Prompt,
        Mode::Confirm,
    ];

    /// The table name in a keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::Edit => "edit",
            Mode::List => "list",
            Mode::Prompt => "prompt",
            Mode::Confirm => "confirm",
        }
    }

    /// The mode a keymap table names.
    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// A heading for the help popup.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Mode::Normal => crate::tr_static!(lang, "mode-browsing"),
            Mode::Edit => crate::tr_static!(lang, "mode-editing"),
            Mode::List => crate::tr_static!(lang, "mode-choosing"),
            Mode::Prompt => crate::tr_static!(lang, "mode-typing"),
            Mode::Confirm => crate::tr_static!(lang, "mode-question"),
        }
    }
}

macro_rules! actions {
    (
        { $($before:ident = $bname:literal, $bru:literal, $ben:literal;)* }
        ShowView
        { $($after:ident = $aname:literal, $aru:literal, $aen:literal;)* }
    ) => {
        /// An action a key can be bound to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $(
                #[doc = $ben]
                $before,
            )*
            /// Show a view; keymap files name it `view_NAME` (see
            /// [`View::name`](super::view::View::name)).
            ShowView(ViewId),
            $(
                #[doc = $aen]
                $after,
            )*
        }

        impl Action {
            /// Every action with a name of its own, by that name.
            const NAMED: &'static [(Action, &'static str)] = &[
                $((Action::$before, $bname),)*
                $((Action::$after, $aname),)*
            ];

            /// What the action does, for help when the keymap gives no
            /// description.
            pub fn describe(self, lang: Lang) -> &'static str {
                match self {
                    $(Action::$before => lang.t($bru, $ben),)*
                    Action::ShowView(view) => view.view().describe(lang),
                    $(Action::$after => lang.t($aru, $aen),)*
                }
            }
        }
    };
}

actions! {
    {
    Up = "up", "Вверх", "Up";
    Down = "down", "Вниз", "Down";
    PageUp = "page_up", "Страница вверх", "Page up";
    PageDown = "page_down", "Страница вниз", "Page down";
    First = "first", "В начало", "To the top";
    Last = "last", "В конец", "To the bottom";
    Fold = "fold", "Свернуть раздел", "Fold the section";
    Unfold = "unfold", "Развернуть раздел", "Unfold the section";
    ToggleFold = "toggle_fold", "Свернуть / развернуть", "Fold / unfold";
    FoldAll = "fold_all", "Свернуть все разделы", "Fold all sections";
    UnfoldAll = "unfold_all", "Развернуть все разделы", "Unfold all sections";
    }
    ShowView
    {
    NextView = "next_view", "Следующий вид", "Next view";
    PrevView = "prev_view", "Предыдущий вид", "Previous view";
    ToggleDetail = "toggle_detail", "Показать / скрыть подробности", "Show / hide details";
    Edit = "edit", "Изменить", "Edit";
    AddActivity = "add_activity", "Добавить мероприятие", "Add an activity";
    AddSection = "add_section", "Добавить раздел", "Add a section";
    Delete = "delete", "Удалить", "Delete";
    Move = "move", "Перенести в другой раздел", "Move to another section";
    MoveUp = "move_up", "Поднять выше", "Move up";
    MoveDown = "move_down", "Опустить ниже", "Move down";
    Status = "status", "Статус", "Status";
    Responsible = "responsible", "Ответственные", "Responsible";
    Heading = "heading", "Заголовок карты: название, приказ, период", "Roadmap heading: title, order, period";
    Merge = "merge", "Слить файл коллеги (с предпросмотром)", "Merge a colleague's file (with a preview)";
    Conflicts = "conflicts", "Конфликты: выбрать итоговое значение", "Conflicts: choose the final value";
    History = "history", "История изменений мероприятия", "History of the activity";
    Trash = "trash", "Корзина: удалённое, вернуть", "Recycle bin: what was deleted, to bring back";
    Comment = "comment", "Комментарий к мероприятию", "Comment on the activity";
    Approve = "approve", "Утвердить редакцию (номер и дата приказа)", "Approve the edition (the order's number and date)";
    Changes = "changes", "Изменения с утверждённой редакции", "Changes since the approved edition";
    Peers = "peers", "Кто что получил: обмены с коллегами", "Who has what: exchanges with colleagues";
    Renumber = "renumber", "Перенумеровать карту", "Renumber the roadmap";
    Export = "export", "Выгрузить в Word, Excel, CSV, календарь", "Export to Word, Excel, CSV, a calendar";
    Search = "search", "Поиск", "Search";
    SearchNext = "search_next", "Следующее совпадение", "Next match";
    SearchPrev = "search_prev", "Предыдущее совпадение", "Previous match";
    Filter = "filter", "Фильтр", "Filter";
    ClearFilter = "clear_filter", "Сбросить фильтр и поиск", "Clear filter and search";
    Undo = "undo", "Отменить", "Undo";
    Redo = "redo", "Вернуть", "Redo";
    Save = "save", "Сохранить", "Save";
    Help = "help", "Справка", "Help";
    Quit = "quit", "Выход", "Quit";
    Confirm = "confirm", "Готово", "Done";
    Cancel = "cancel", "Отмена", "Cancel";
    Newline = "newline", "Новая строка", "New line";
    Select = "select", "Выбрать", "Choose";
    Next = "next", "Следующий вариант", "Next choice";
    Prev = "prev", "Предыдущий вариант", "Previous choice";
    Yes = "yes", "Да", "Yes";
    No = "no", "Нет", "No";
    }
}

impl Action {
    /// The action a keymap file names.
    pub fn parse(name: &str) -> Option<Action> {
        if let Some(view) = name.strip_prefix("view_").and_then(ViewId::by_name) {
            return Some(Action::ShowView(view));
        }
        Action::NAMED
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(action, _)| *action)
    }
}
