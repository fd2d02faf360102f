//! Keys to actions to state: the one way state changes. Navigation and
//! overlays are here; changes to the document are in `editing.rs`.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::app::App;
use super::catalog::Catalog;
use super::ids::{ActivityId, FoldKey, RowKey, SectionId};
use super::keymap::Key;
use super::overlay::{FilterDraft, Overlay, Question, Target};
use super::rows::Row;
use super::view::ViewId;

impl App {
    /// Handles one key press.
    pub fn handle_key(&mut self, event: KeyEvent) {
        self.last_key = Instant::now();
        let key = Key::from_event(event);
        let action = self.keymap.action(self.overlay.mode(), key);
        if matches!(self.overlay, Overlay::None) {
            self.status.message = None;
        }
        if !self.ready_for(action) {
            return;
        }
        match &mut self.overlay {
            Overlay::None => {
                if let Some(action) = action {
                    self.normal(action);
                } else if let KeyCode::Char(_) = key.code {
                    let help = self
                        .keymap
                        .key_of(super::action::Mode::Normal, Action::Help);
                    let hint = help.map(|k| format!(" ({k} — {})", self.lang.t("справка", "help")));
                    let text = format!(
                        "{} «{key}»{}",
                        self.lang.t("Нет действия для клавиши", "No action for key"),
                        hint.unwrap_or_default()
                    );
                    self.status.say(text);
                }
            }
            Overlay::Text { scroll, lines, .. } => match action {
                Some(Action::Down) => *scroll = (*scroll + 1).min(lines.len().saturating_sub(1)),
                Some(Action::Up) => *scroll = scroll.saturating_sub(1),
                Some(Action::PageDown) => {
                    *scroll = (*scroll + 10).min(lines.len().saturating_sub(1))
                }
                Some(Action::PageUp) => *scroll = scroll.saturating_sub(10),
                _ => self.overlay = Overlay::None,
            },
            Overlay::Merge(_) => match action {
                Some(Action::Yes) => {
                    if let Overlay::Merge(offer) =
                        std::mem::replace(&mut self.overlay, Overlay::None)
                    {
                        self.accept_merge(*offer);
                    }
                }
                Some(Action::No | Action::Cancel) => {
                    self.overlay = Overlay::None;
                    self.status.say(self.lang.t(
                        "Слияние отменено, ничего не изменилось",
                        "Merge cancelled, nothing changed",
                    ));
                }
                _ => {}
            },
            Overlay::Help { scroll } => match action {
                Some(Action::Down) => *scroll += 1,
                Some(Action::Up) => *scroll = scroll.saturating_sub(1),
                Some(Action::PageDown) => *scroll += 10,
                Some(Action::PageUp) => *scroll = scroll.saturating_sub(10),
                _ => self.overlay = Overlay::None,
            },
            Overlay::Editor(editor) => match action {
                Some(Action::Confirm) => self.commit_editor(),
                Some(Action::Cancel) => self.cancel_editor(),
                Some(Action::Newline) => editor.area.insert_newline(),
                Some(Action::Next) => editor.complete(true),
                Some(Action::Prev) => editor.complete(false),
                _ => {
                    editor.area.input(event);
                    editor.completion.reset();
                }
            },
            Overlay::Prompt(editor) => match action {
                Some(Action::Confirm) => self.commit_prompt(),
                Some(Action::Cancel) => self.cancel_prompt(),
                Some(Action::Next) if !editor.completion.is_empty() => editor.complete(true),
                Some(Action::Prev) if !editor.completion.is_empty() => editor.complete(false),
                Some(Action::Next | Action::Prev) if editor.target == Target::Search => {
                    let forward = action == Some(Action::Next);
                    let query = editor.text();
                    self.find(&query, forward, true);
                }
                _ => {
                    if key.code != KeyCode::Enter {
                        editor.area.input(event);
                        editor.completion.reset();
                    }
                    if editor.target == Target::Search {
                        let query = editor.text();
                        self.search_as_typed(&query);
                    }
                }
            },
            Overlay::List(list) => match action {
                Some(Action::Down | Action::Next) => {
                    list.selected = (list.selected + 1).min(list.choices.len().saturating_sub(1))
                }
                Some(Action::Up | Action::Prev) => list.selected = list.selected.saturating_sub(1),
                Some(Action::PageDown) => {
                    list.selected = (list.selected + 10).min(list.choices.len().saturating_sub(1))
                }
                Some(Action::PageUp) => list.selected = list.selected.saturating_sub(10),
                Some(Action::Select | Action::Confirm) => self.choose(),
                Some(Action::Cancel) => self.overlay = Overlay::None,
                _ => {}
            },
            Overlay::Filter(draft, row) => match action {
                Some(Action::Down) => *row = (*row + 1).min(2),
                Some(Action::Up) => *row = row.saturating_sub(1),
                Some(Action::Next) => cycle(draft, *row, true),
                Some(Action::Prev) => cycle(draft, *row, false),
                Some(Action::Select | Action::Confirm) => self.apply_filter(),
                Some(Action::Cancel) => self.overlay = Overlay::None,
                _ => {}
            },
            Overlay::Confirm(question, _) => match action {
                Some(Action::Yes) => {
                    let q = question.clone();
                    self.overlay = Overlay::None;
                    self.answer(q, true);
                }
                Some(Action::No) => {
                    let q = question.clone();
                    self.overlay = Overlay::None;
                    self.answer(q, false);
                }
                Some(Action::Cancel) => self.overlay = Overlay::None,
                _ => {}
            },
        }
    }

    /// An action while browsing.
    fn normal(&mut self, action: Action) {
        let last = self.views.rows.len().saturating_sub(1);
        let cursor = self.views.cursor();
        match action {
            Action::Up => self.views.set_cursor(cursor.saturating_sub(1)),
            Action::Down => self.views.set_cursor((cursor + 1).min(last)),
            Action::PageUp => self
                .views
                .set_cursor(cursor.saturating_sub(self.views.page.max(1))),
            Action::PageDown => self
                .views
                .set_cursor((cursor + self.views.page.max(1)).min(last)),
            Action::First => self.views.set_cursor(0),
            Action::Last => self.views.set_cursor(last),
            Action::Fold => self.fold(Some(true)),
            Action::Unfold => self.fold(Some(false)),
            Action::ToggleFold => self.fold(None),
            Action::FoldAll => self.fold_all(true),
            Action::UnfoldAll => self.fold_all(false),
            Action::ShowView(view) => self.switch_view(view),
            Action::NextView => self.switch_view(self.views.current.next()),
            Action::PrevView => self.switch_view(self.views.current.prev()),
            Action::ToggleDetail => self.views.show_detail = !self.views.show_detail,
            Action::Edit => self.begin_edit(),
            Action::AddActivity => self.begin_add_activity(),
            Action::AddSection => self.begin_add_section(),
            Action::Delete => self.ask_delete(),
            Action::Move => self.begin_move(),
            Action::MoveUp => self.shift(false),
            Action::MoveDown => self.shift(true),
            Action::Status => self.begin_status(),
            Action::Responsible => self.begin_responsible(),
            Action::Heading => self.begin_heading(),
            Action::Search => {
                let mut editor = self.editor_for(Target::Search, "");
                editor.original = self.views.cursor().to_string();
                self.overlay = Overlay::Prompt(Box::new(editor));
            }
            Action::SearchNext | Action::SearchPrev => match self.views.search.clone() {
                Some(q) => self.find(&q, action == Action::SearchNext, true),
                None => self.status.say(
                    self.lang
                        .t("Сначала задайте поиск", "Search for something first"),
                ),
            },
            Action::Filter => self.begin_filter(),
            Action::Merge => self.begin_merge(),
            Action::Conflicts => self.show_conflicts(),
            Action::History => self.show_history(),
            Action::ClearFilter => {
                let had = self.views.filter.is_active() || self.views.search.is_some();
                self.views.filter = Default::default();
                self.views.search = None;
                self.rebuild_rows();
                if had {
                    self.status.say(
                        self.lang
                            .t("Фильтр и поиск сброшены", "Filter and search cleared"),
                    );
                }
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => self.save_now(),
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Quit => {
                if self.document.unsaved {
                    let text = self
                        .lang
                        .t(
                            "Есть несохранённые изменения. Сохранить перед выходом?",
                            "There are unsaved changes. Save before quitting?",
                        )
                        .to_string();
                    self.overlay = Overlay::Confirm(Question::QuitUnsaved, text);
                } else {
                    self.quit = true;
                }
            }
            _ => {}
        }
    }

    fn switch_view(&mut self, view: ViewId) {
        let keep = self.current_entry().map(|e| {
            RowKey::Activity(ActivityId(
                self.document.catalog.entries[e].activity.id.clone(),
            ))
        });
        self.views.current = view;
        self.rebuild_rows();
        if let Some(key) = keep {
            self.select_key(&key);
        }
    }

    /// Folds (`Some(true)`), unfolds or toggles the row's section or group;
    /// on an activity, folding folds the heading it is under.
    fn fold(&mut self, fold: Option<bool>) {
        let cursor = self.views.cursor();
        let heading = match self.current_row() {
            Some(Row::Activity { .. }) if fold == Some(true) => self.views.rows[..cursor]
                .iter()
                .rev()
                .find(|r| !matches!(r, Row::Activity { .. })),
            Some(Row::Activity { .. }) | None => None,
            row => row,
        };
        let Some(key) = heading.and_then(fold_key(&self.document.catalog)) else {
            return;
        };
        let now = self.views.folded.contains(&key);
        if fold.unwrap_or(!now) {
            self.views.folded.insert(key.clone());
        } else {
            self.views.folded.remove(&key);
        }
        self.rebuild_rows();
        self.select_key(&key.row());
    }

    fn fold_all(&mut self, fold: bool) {
        let keep = self.current_key();
        if fold {
            let keys: Vec<FoldKey> = self
                .views
                .rows
                .iter()
                .filter_map(fold_key(&self.document.catalog))
                .collect();
            self.views.folded.extend(keys);
        } else {
            self.views.folded.clear();
        }
        self.rebuild_rows();
        if let Some(key) = keep
            && !self.select_key(&key)
        {
            self.views.set_cursor(0);
        }
    }

    fn begin_filter(&mut self) {
        let people: Vec<(String, String)> = self
            .document
            .catalog
            .people
            .iter()
            .map(|p| (p.key.clone(), p.name.clone()))
            .collect();
        let f = &self.views.filter;
        let draft = FilterDraft {
            person: f
                .person
                .as_ref()
                .and_then(|k| people.iter().position(|(key, _)| key == k))
                .map_or(0, |i| i + 1),
            status: f
                .status
                .and_then(|s| FilterDraft::STATUSES.iter().position(|x| *x == s))
                .map_or(0, |i| i + 1),
            group: f
                .group
                .and_then(|g| FilterDraft::groups().iter().position(|x| *x == g))
                .map_or(0, |i| i + 1),
            people,
        };
        self.overlay = Overlay::Filter(draft, 0);
    }

    fn apply_filter(&mut self) {
        let Overlay::Filter(draft, _) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        self.views.filter.person = draft
            .person
            .checked_sub(1)
            .and_then(|i| draft.people.get(i))
            .map(|(k, _)| k.clone());
        self.views.filter.status = draft
            .status
            .checked_sub(1)
            .and_then(|i| FilterDraft::STATUSES.get(i))
            .copied();
        self.views.filter.group = draft
            .group
            .checked_sub(1)
            .and_then(|i| FilterDraft::groups().get(i))
            .copied();
        self.rebuild_rows();
        self.views.set_cursor(0);
    }

    /// Searches as the query is typed, from where the search began.
    fn search_as_typed(&mut self, query: &str) {
        if let Overlay::Prompt(editor) = &self.overlay
            && let Ok(origin) = editor.original.parse::<usize>()
        {
            self.views.set_cursor(origin);
        }
        if !query.trim().is_empty() {
            self.find(query, true, false);
        }
    }

    /// Moves to the next (or previous) row matching `query`; `skip_current`
    /// starts after the cursor. Matches hidden in folds are unfolded.
    pub fn find(&mut self, query: &str, forward: bool, skip_current: bool) {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return;
        }
        self.views.search = Some(q.clone());
        if !self.views.rows.iter().any(|r| self.row_matches(r, &q))
            && self
                .document
                .catalog
                .entries
                .iter()
                .any(|e| e.haystack().contains(&q))
        {
            self.views.folded.clear();
            self.rebuild_rows();
        }
        let n = self.views.rows.len();
        if n == 0 {
            return;
        }
        let start = self.views.cursor();
        let offset = usize::from(skip_current);
        for step in 0..n {
            let i = if forward {
                (start + offset + step) % n
            } else {
                (start + n * 2 - offset - step) % n
            };
            if self.row_matches(&self.views.rows[i], &q) {
                self.views.set_cursor(i);
                return;
            }
        }
        self.status.say(format!(
            "{} «{query}»",
            self.lang.t("Не найдено:", "Not found:")
        ));
    }

    /// Whether a row matches a lower-case query.
    pub fn row_matches(&self, row: &Row, query: &str) -> bool {
        match row {
            Row::Activity { entry, .. } => self.document.catalog.entries[*entry]
                .haystack()
                .contains(query),
            Row::Section { section, .. } => self.document.catalog.sections[*section]
                .heading()
                .to_lowercase()
                .contains(query),
            Row::Group { title, .. } => title.to_lowercase().contains(query),
        }
    }

    fn commit_prompt(&mut self) {
        let Overlay::Prompt(editor) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        match editor.target {
            Target::Search => {
                let q = editor.text();
                if q.trim().is_empty() {
                    self.views.search = None;
                }
            }
            Target::MergeFile => {
                let name = editor.text().trim().to_string();
                if !name.is_empty() {
                    self.offer_merge(self.document.folder().join(name));
                }
            }
            Target::SaveAs => {
                let name = editor.text().trim().to_string();
                if name.is_empty() {
                    return;
                }
                let path = std::path::PathBuf::from(&name);
                if path.exists() {
                    self.status.complain(format!(
                        "{name}: {}",
                        self.lang.t(
                            "файл уже есть; выберите другое имя",
                            "already exists; choose another name"
                        )
                    ));
                    return;
                }
                match self.save_as(path) {
                    Ok(()) => self
                        .status
                        .say(format!("{} {name}", self.lang.t("Сохранено:", "Saved:"))),
                    Err(e) => self.status.complain(e.to_string()),
                }
            }
            _ => {}
        }
    }

    fn cancel_prompt(&mut self) {
        if let Overlay::Prompt(editor) = std::mem::replace(&mut self.overlay, Overlay::None)
            && editor.target == Target::Search
            && let Ok(origin) = editor.original.parse::<usize>()
        {
            self.views.set_cursor(origin);
        }
    }

    fn save_now(&mut self) {
        if self.document.path.is_none() {
            let suggested = format!("{}.karta", self.lang.t("дорожная-карта", "roadmap"));
            let editor = self.editor_for(Target::SaveAs, &suggested);
            self.overlay = Overlay::Prompt(Box::new(editor));
            return;
        }
        match self.save() {
            Ok(()) => self.status.say(format!(
                "{} {}",
                self.lang.t("Сохранено:", "Saved:"),
                self.document.file_name(self.lang)
            )),
            Err(e) => self.status.complain(e.to_string()),
        }
    }

    fn answer(&mut self, question: Question, yes: bool) {
        match (question, yes) {
            (Question::DeleteActivity(id), true) => self.delete_activity(&id),
            (Question::DeleteSection(id), true) => self.delete_section(&id),
            (Question::QuitUnsaved, true) => {
                self.save_now();
                if !self.document.unsaved {
                    self.quit = true;
                }
            }
            (Question::QuitUnsaved, false) => self.quit_without_saving(),
            _ => {}
        }
    }
}

/// What folding a heading row folds (None for an activity).
fn fold_key(catalog: &Catalog) -> impl Fn(&Row) -> Option<FoldKey> + '_ {
    |row| match row {
        Row::Section { section, .. } => Some(FoldKey::Section(SectionId(
            catalog.sections[*section].section.id.clone(),
        ))),
        Row::Group { key, .. } => Some(FoldKey::Group(key.clone())),
        Row::Activity { .. } => None,
    }
}

/// Moves one setting of the filter to its next or previous value.
fn cycle(draft: &mut FilterDraft, row: usize, forward: bool) {
    let (value, count) = match row {
        0 => (&mut draft.person, draft.people.len() + 1),
        1 => (&mut draft.status, FilterDraft::STATUSES.len() + 1),
        _ => (&mut draft.group, FilterDraft::groups().len() + 1),
    };
    *value = if forward {
        (*value + 1) % count
    } else {
        (*value + count - 1) % count
    };
}
