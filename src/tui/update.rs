//! Keys to actions to state: the one way state changes. Navigation and
//! overlays are here; changes to the document are in `editing.rs`.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::app::App;
use super::keymap::Key;
use super::overlay::{Editor, FilterDraft, Overlay, Question, Target};
use super::rows::{Row, View};

impl App {
    /// Handles one key press.
    pub fn handle_key(&mut self, event: KeyEvent) {
        self.last_key = Instant::now();
        let key = Key::from_event(event);
        let action = self.keymap.action(self.overlay.mode(), key);
        if matches!(self.overlay, Overlay::None) {
            self.message = None;
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
                    self.say(text);
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
                    self.say(self.lang.t(
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
                _ if key.code == KeyCode::Tab && !editor.suggestions.is_empty() => complete(editor),
                _ => {
                    editor.area.input(event);
                    editor.suggestion = 0;
                }
            },
            Overlay::Prompt(editor) => match action {
                Some(Action::Confirm) => self.commit_prompt(),
                Some(Action::Cancel) => self.cancel_prompt(),
                Some(Action::Next) if !editor.suggestions.is_empty() => complete(editor),
                Some(Action::Next | Action::Prev) if editor.target == Target::Search => {
                    let forward = action == Some(Action::Next);
                    let query = editor.text();
                    self.find(&query, forward, true);
                }
                _ => {
                    if key.code != KeyCode::Enter {
                        editor.area.input(event);
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
        let last = self.rows.len().saturating_sub(1);
        let cursor = self.cursor();
        match action {
            Action::Up => self.set_cursor(cursor.saturating_sub(1)),
            Action::Down => self.set_cursor((cursor + 1).min(last)),
            Action::PageUp => self.set_cursor(cursor.saturating_sub(self.page.max(1))),
            Action::PageDown => self.set_cursor((cursor + self.page.max(1)).min(last)),
            Action::First => self.set_cursor(0),
            Action::Last => self.set_cursor(last),
            Action::Fold => self.fold(Some(true)),
            Action::Unfold => self.fold(Some(false)),
            Action::ToggleFold => self.fold(None),
            Action::FoldAll => self.fold_all(true),
            Action::UnfoldAll => self.fold_all(false),
            Action::ViewMechanism => self.switch_view(View::Mechanism),
            Action::ViewPerson => self.switch_view(View::Person),
            Action::ViewDeadline => self.switch_view(View::Deadline),
            Action::NextView => self.switch_view(View::ALL[(self.view.index() + 1) % 3]),
            Action::PrevView => self.switch_view(View::ALL[(self.view.index() + 2) % 3]),
            Action::ToggleDetail => self.show_detail = !self.show_detail,
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
                let mut editor = Editor::new(
                    Target::Search,
                    self.lang.t("Поиск", "Search").to_string(),
                    "",
                );
                editor.original = self.cursor().to_string();
                self.overlay = Overlay::Prompt(Box::new(editor));
            }
            Action::SearchNext | Action::SearchPrev => match self.search.clone() {
                Some(q) => self.find(&q, action == Action::SearchNext, true),
                None => self.say(
                    self.lang
                        .t("Сначала задайте поиск", "Search for something first"),
                ),
            },
            Action::Filter => self.begin_filter(),
            Action::Merge => self.begin_merge(),
            Action::Conflicts => self.show_conflicts(),
            Action::History => self.show_history(),
            Action::ClearFilter => {
                let had = self.filter.is_active() || self.search.is_some();
                self.filter = Default::default();
                self.search = None;
                self.rebuild_rows();
                if had {
                    self.say(
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
                if self.unsaved {
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

    fn switch_view(&mut self, view: View) {
        let keep = self
            .current_entry()
            .map(|e| format!("a:{}", self.catalog.entries[e].activity.id));
        self.view = view;
        self.rebuild_rows();
        if let Some(key) = keep {
            self.select_key(&key);
        }
    }

    /// Folds (`Some(true)`), unfolds or toggles the row's section or group;
    /// on an activity, folding folds the section it is in.
    fn fold(&mut self, fold: Option<bool>) {
        let key = match self.current_row() {
            Some(Row::Section { section, .. }) => {
                self.catalog.sections[*section].section.id.clone()
            }
            Some(Row::Group { key, .. }) => key.clone(),
            Some(Row::Activity { entry, .. }) if fold == Some(true) => {
                let e = &self.catalog.entries[*entry];
                match self.view {
                    View::Mechanism => e.section.clone(),
                    _ => match self.rows[..self.cursor()]
                        .iter()
                        .rev()
                        .find_map(|r| match r {
                            Row::Group { key, .. } => Some(key.clone()),
                            _ => None,
                        }) {
                        Some(k) => k,
                        None => return,
                    },
                }
            }
            _ => return,
        };
        if key.is_empty() {
            return;
        }
        let now = self.folded.contains(&key);
        let want = fold.unwrap_or(!now);
        if want {
            self.folded.insert(key.clone());
        } else {
            self.folded.remove(&key);
        }
        self.rebuild_rows();
        let row_key = if key.starts_with("p:") || key.starts_with("d:") {
            format!("g:{key}")
        } else {
            format!("s:{key}")
        };
        self.select_key(&row_key);
    }

    fn fold_all(&mut self, fold: bool) {
        let keep = self.current_key();
        if fold {
            let keys: Vec<String> = self
                .rows
                .iter()
                .filter_map(|r| match r {
                    Row::Section { section, .. } => {
                        Some(self.catalog.sections[*section].section.id.clone())
                    }
                    Row::Group { key, .. } => Some(key.clone()),
                    Row::Activity { .. } => None,
                })
                .collect();
            self.folded.extend(keys);
        } else {
            self.folded.clear();
        }
        self.rebuild_rows();
        if let Some(key) = keep
            && !self.select_key(&key)
        {
            self.set_cursor(0);
        }
    }

    fn begin_filter(&mut self) {
        let people: Vec<(String, String)> = self
            .catalog
            .people
            .iter()
            .map(|p| (p.key.clone(), p.name.clone()))
            .collect();
        let f = &self.filter;
        let draft = FilterDraft {
            person: f
                .person
                .as_ref()
                .and_then(|k| people.iter().position(|(key, _)| key == k))
                .map_or(0, |i| i + 1),
            status: f
                .status
                .as_ref()
                .and_then(|s| FilterDraft::STATUSES.iter().position(|x| x == s))
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
        self.filter.person = draft
            .person
            .checked_sub(1)
            .and_then(|i| draft.people.get(i))
            .map(|(k, _)| k.clone());
        self.filter.status = draft
            .status
            .checked_sub(1)
            .and_then(|i| FilterDraft::STATUSES.get(i))
            .cloned();
        self.filter.group = draft
            .group
            .checked_sub(1)
            .and_then(|i| FilterDraft::groups().get(i))
            .copied();
        self.rebuild_rows();
        self.set_cursor(0);
    }

    /// Searches as the query is typed, from where the search began.
    fn search_as_typed(&mut self, query: &str) {
        if let Overlay::Prompt(editor) = &self.overlay
            && let Ok(origin) = editor.original.parse::<usize>()
        {
            self.set_cursor(origin);
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
        self.search = Some(q.clone());
        if !self.rows.iter().any(|r| self.row_matches(r, &q))
            && self
                .catalog
                .entries
                .iter()
                .any(|e| e.haystack().contains(&q))
        {
            self.folded.clear();
            self.rebuild_rows();
        }
        let n = self.rows.len();
        if n == 0 {
            return;
        }
        let start = self.cursor();
        let offset = usize::from(skip_current);
        for step in 0..n {
            let i = if forward {
                (start + offset + step) % n
            } else {
                (start + n * 2 - offset - step) % n
            };
            if self.row_matches(&self.rows[i], &q) {
                self.set_cursor(i);
                return;
            }
        }
        self.say(format!(
            "{} «{query}»",
            self.lang.t("Не найдено:", "Not found:")
        ));
    }

    /// Whether a row matches a lower-case query.
    pub fn row_matches(&self, row: &Row, query: &str) -> bool {
        match row {
            Row::Activity { entry, .. } => self.catalog.entries[*entry].haystack().contains(query),
            Row::Section { section, .. } => self.catalog.sections[*section]
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
                    self.search = None;
                }
            }
            Target::MergeFile => {
                let name = editor.text().trim().to_string();
                if !name.is_empty() {
                    self.offer_merge(std::path::PathBuf::from(name));
                }
            }
            Target::SaveAs => {
                let name = editor.text().trim().to_string();
                if name.is_empty() {
                    return;
                }
                let path = std::path::PathBuf::from(&name);
                if path.exists() {
                    self.complain(format!(
                        "{name}: {}",
                        self.lang.t(
                            "файл уже есть; выберите другое имя",
                            "already exists; choose another name"
                        )
                    ));
                    return;
                }
                match self.save_as(path) {
                    Ok(()) => self.say(format!("{} {name}", self.lang.t("Сохранено:", "Saved:"))),
                    Err(e) => self.complain(e.to_string()),
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
            self.set_cursor(origin);
        }
    }

    fn save_now(&mut self) {
        if self.path.is_none() {
            let suggested = format!("{}.karta", self.lang.t("дорожная-карта", "roadmap"));
            let editor = Editor::new(
                Target::SaveAs,
                self.lang.t("Сохранить как", "Save as").to_string(),
                &suggested,
            );
            self.overlay = Overlay::Prompt(Box::new(editor));
            return;
        }
        match self.save() {
            Ok(()) => self.say(format!(
                "{} {}",
                self.lang.t("Сохранено:", "Saved:"),
                self.file_name()
            )),
            Err(e) => self.complain(e.to_string()),
        }
    }

    fn answer(&mut self, question: Question, yes: bool) {
        match (question, yes) {
            (Question::DeleteActivity(id), true) => self.delete_activity(&id),
            (Question::DeleteSection(id), true) => self.delete_section(&id),
            (Question::QuitUnsaved, true) => {
                self.save_now();
                if !self.unsaved {
                    self.quit = true;
                }
            }
            (Question::QuitUnsaved, false) => self.quit = true,
            _ => {}
        }
    }
}

/// Replaces the last line with the next matching suggestion.
fn complete(editor: &mut Editor) {
    let matching: Vec<String> = editor.matching().into_iter().map(str::to_string).collect();
    if matching.is_empty() {
        return;
    }
    let pick = matching[editor.suggestion % matching.len()].clone();
    editor.suggestion += 1;
    editor.area.move_cursor(ratatui_textarea::CursorMove::End);
    editor.area.delete_line_by_head();
    editor.area.insert_str(pick);
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
