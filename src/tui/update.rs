//! Keys to actions to state: the one way state changes. A key becomes an
//! action through the keymap; with an overlay open the overlay handles it
//! and says what the app is to do (its `Outcome`), otherwise
//! [`App::dispatch`] does the action. Moving around is in `browse.rs`,
//! changes to the document in `editing.rs`, `forms.rs`, `structure.rs` and
//! `collab.rs`.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use crate::present::errors::store_error;

use super::action::{Action, Mode};
use super::app::App;
use super::deferred::Deferred;
use super::keymap::Key;
use super::overlay::{
    Asking, Help, Overlay, Prompt, Question, approve, changes, comment, conflict, editor, filter,
    help, list, merge, prompt, question, reading, trash,
};
use super::target::Target;

impl App {
    /// Handles one key press.
    pub fn handle_key(&mut self, event: KeyEvent) {
        self.last_key = Instant::now();
        // What a history or a merge preview asked for shows once it is
        // read; keys meanwhile are answered at once, never held for it.
        self.take_errand(false);
        let key = Key::from_event(event);
        let action = self.keymap.action(self.overlay.mode(), key);
        if matches!(self.overlay, Overlay::None) {
            self.status.clear();
        }
        if !self.ready_for(action) {
            return;
        }
        match &mut self.overlay {
            Overlay::None => match action {
                Some(action) => self.dispatch(action),
                None => self.no_action(key),
            },
            Overlay::Help(help) => {
                if help.handle(action) == help::Outcome::Close {
                    self.overlay = Overlay::None;
                }
            }
            Overlay::Reading(reading) => {
                if reading.handle(action) == reading::Outcome::Close {
                    self.overlay = Overlay::None;
                }
            }
            Overlay::Editor(editor) => match editor.handle(action, event) {
                editor::Outcome::Stay => {}
                editor::Outcome::Commit => self.commit_editor(),
                editor::Outcome::Cancel => self.cancel_editor(),
            },
            Overlay::Prompt(prompt) => {
                let outcome = prompt.handle(action, event);
                self.on_prompt(outcome);
            }
            Overlay::List(list) => match list.handle(action) {
                list::Outcome::Stay => {}
                list::Outcome::Close => self.overlay = Overlay::None,
                list::Outcome::Chosen => self.choose(),
            },
            Overlay::Filter(form) => match form.handle(action) {
                filter::Outcome::Stay => {}
                filter::Outcome::Close => self.overlay = Overlay::None,
                filter::Outcome::Apply => {
                    if let Overlay::Filter(form) = self.close_overlay() {
                        self.apply_filter(&form);
                    }
                }
            },
            Overlay::Question(asking) => match asking.handle(action) {
                question::Outcome::Stay => {}
                question::Outcome::Close => self.overlay = Overlay::None,
                question::Outcome::Answer(yes) => {
                    if let Overlay::Question(asking) = self.close_overlay() {
                        self.answer(asking.question, yes);
                    }
                }
            },
            Overlay::Comment(form) => match form.handle(action, event) {
                comment::Outcome::Stay => {}
                comment::Outcome::Commit => {
                    if let Overlay::Comment(form) = self.close_overlay() {
                        self.commit_comment(*form);
                    }
                }
                comment::Outcome::Cancel => self.overlay = Overlay::None,
            },
            Overlay::Approve(form) => match form.handle(action, event) {
                approve::Outcome::Stay => {}
                approve::Outcome::Commit => {
                    if let Overlay::Approve(form) = self.close_overlay() {
                        self.commit_approve(*form);
                    }
                }
                approve::Outcome::Cancel => self.overlay = Overlay::None,
            },
            Overlay::Changes(list) => match list.handle(action) {
                changes::Outcome::Stay => {}
                changes::Outcome::Close => self.overlay = Overlay::None,
                changes::Outcome::Go(index) => {
                    if let Overlay::Changes(list) = self.close_overlay() {
                        self.go_to_change(&list, index);
                    }
                }
            },
            Overlay::Merge(offer) => match offer.handle(action) {
                merge::Outcome::Stay => {}
                merge::Outcome::Accept => {
                    if let Overlay::Merge(offer) = self.close_overlay() {
                        self.accept_merge(*offer);
                    }
                }
                merge::Outcome::Decline => {
                    self.overlay = Overlay::None;
                    self.status.say(crate::tr!(
                        self.lang,
                        "update-merge-cancelled-nothing-changed"
                    ));
                }
            },
            Overlay::Conflict(view) => match view.handle(action) {
                conflict::Outcome::Stay => {}
                conflict::Outcome::Close => self.overlay = Overlay::None,
                conflict::Outcome::Chosen(way) => {
                    let index = view.index;
                    self.overlay = Overlay::None;
                    self.resolve_conflict(index, way);
                }
            },
            Overlay::Trash(bin) => match bin.handle(action) {
                trash::Outcome::Stay => {}
                trash::Outcome::Close => self.overlay = Overlay::None,
                trash::Outcome::Restore(index) => {
                    if let Overlay::Trash(bin) = self.close_overlay()
                        && let Some(item) = bin.items.get(index)
                    {
                        self.restore_binned(item);
                    }
                }
            },
        }
    }

    /// Does an action while browsing. Every action is listed: a new one
    /// does not compile until it is given its place here.
    pub fn dispatch(&mut self, action: Action) {
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => self.move_cursor(action),
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
            Action::Merge => self.begin_merge(),
            Action::Conflicts => self.show_conflicts(),
            Action::History => self.show_history(),
            Action::Trash => self.show_trash(),
            Action::Renumber => self.ask_renumber(),
            Action::Export => self.ask_export(),
            Action::Comment => self.begin_comment(),
            Action::Approve => self.begin_approve(),
            Action::Changes => self.show_changes(),
            Action::Peers => self.show_peers(),
            Action::Search => self.begin_search(),
            Action::SearchNext => self.search_again(true),
            Action::SearchPrev => self.search_again(false),
            Action::Filter => self.begin_filter(),
            Action::ClearFilter => self.clear_filter(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => self.save_now(),
            Action::Help => self.overlay = Overlay::Help(Help::default()),
            Action::Quit => self.ask_quit(),
            // Answers to overlays: bound in their modes, meaningless in a
            // view.
            Action::Confirm
            | Action::Cancel
            | Action::Newline
            | Action::Select
            | Action::Next
            | Action::Prev
            | Action::Yes
            | Action::No => {}
        }
    }

    /// Closes the overlay and hands it over.
    fn close_overlay(&mut self) -> Overlay {
        std::mem::replace(&mut self.overlay, Overlay::None)
    }

    /// A letter with no action in the view: says so, and which key helps.
    fn no_action(&mut self, key: Key) {
        if !matches!(key.code, KeyCode::Char(_)) {
            return;
        }
        let text = self.keymap.titled(
            &format!(
                "{} «{key}»",
                crate::tr!(self.lang, "update-no-action-for-key")
            ),
            Mode::Normal,
            Action::Help,
            &crate::tr!(self.lang, "update-help"),
        );
        self.status.say(text);
    }

    /// Acts on what the prompt says: a search follows what is typed.
    fn on_prompt(&mut self, outcome: prompt::Outcome) {
        let Overlay::Prompt(prompt) = &self.overlay else {
            return;
        };
        let searching = prompt.line.target == Target::Search;
        let (query, origin) = (prompt.line.text(), prompt.origin);
        match outcome {
            prompt::Outcome::Stay => {}
            prompt::Outcome::Edited if searching => self.search_as_typed(&query, origin),
            prompt::Outcome::Find { forward } if searching => self.find(&query, forward, true),
            prompt::Outcome::Edited | prompt::Outcome::Find { .. } => {}
            prompt::Outcome::Commit => {
                if let Overlay::Prompt(prompt) = self.close_overlay() {
                    self.commit_prompt(*prompt);
                }
            }
            prompt::Outcome::Cancel => {
                self.overlay = Overlay::None;
                if searching {
                    self.views.set_cursor(origin);
                }
            }
        }
    }

    /// Acts on a prompt's line: keeps the search, merges the file, saves
    /// under the name.
    fn commit_prompt(&mut self, prompt: Prompt) {
        let text = prompt.line.text();
        let name = text.trim();
        match prompt.line.target {
            Target::Search => {
                if name.is_empty() {
                    self.views.search = None;
                }
            }
            Target::MergeFile if !name.is_empty() => {
                self.offer_merge(self.document.folder().join(name));
            }
            Target::SaveAs if !name.is_empty() => self.save_under(name),
            Target::Export if !name.is_empty() => self.export_to(name),
            Target::MergeFile
            | Target::SaveAs
            | Target::Export
            | Target::Activity(..)
            | Target::Section(..)
            | Target::Meta(_)
            | Target::NewActivity { .. }
            | Target::NewSection { .. } => {}
        }
    }

    /// Saves under a new name, which must not be taken.
    fn save_under(&mut self, name: &str) {
        let path = std::path::PathBuf::from(name);
        if path.exists() {
            return self.status.complain(format!(
                "{name}: {}",
                crate::tr!(self.lang, "update-already-exists-choose-another-name")
            ));
        }
        match self.save_as(path) {
            Ok(()) => self
                .status
                .say(format!("{} {name}", crate::tr!(self.lang, "saving-saved"))),
            Err(e) => self.status.complain(store_error(&e, self.lang)),
        }
    }

    /// Asks for the file to export to, suggesting a Word document beside
    /// the roadmap.
    fn ask_export(&mut self) {
        let stem = self
            .document
            .path
            .as_deref()
            .and_then(|p| p.file_stem())
            .map_or_else(
                || crate::tr!(self.lang, "update-roadmap").to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
        let line = self.editor_for(Target::Export, &format!("{stem}.docx"));
        let prompt = Prompt::new(line, self.views.cursor());
        self.overlay = Overlay::Prompt(Box::new(prompt));
    }

    /// Exports the roadmap as shown to `name` (relative to the roadmap's
    /// folder), in the format its extension names; written atomically.
    fn export_to(&mut self, name: &str) {
        let path = self.document.folder().join(name);
        let Some(format) = crate::export::ExportFormat::from_extension(&path) else {
            return self.status.complain(format!(
                "{name}: {}",
                crate::tr!(self.lang, "update-give-an-extension-docx-xlsx")
            ));
        };
        let written = crate::export::render(&self.document.roadmap, format, b';')
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                crate::store::disk::file::write_atomic(&path, &bytes).map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => self.status.say(format!(
                "{} {name}",
                crate::tr!(self.lang, "update-exported")
            )),
            Err(e) => self.status.complain(e),
        }
    }

    /// Saves, or asks for a name when there is no file yet.
    fn save_now(&mut self) {
        if self.document.path.is_none() {
            let suggested = format!("{}.karta", crate::tr!(self.lang, "update-roadmap"));
            let line = self.editor_for(Target::SaveAs, &suggested);
            let prompt = Prompt::new(line, self.views.cursor());
            self.overlay = Overlay::Prompt(Box::new(prompt));
            return;
        }
        if let Err(e) = self.start_save() {
            self.status.complain(store_error(&e, self.lang));
        }
    }

    /// Quits, asking first when there are unsaved edits.
    fn ask_quit(&mut self) {
        // A failure is on the status line, and the question follows.
        let _ = self.wait_for_save();
        if !self.document.unsaved {
            self.quit = true;
            return;
        }
        let text = crate::tr!(self.lang, "update-there-are-unsaved-changes-save");
        self.overlay = Overlay::Question(Asking {
            question: Question::QuitUnsaved,
            text: text.to_string(),
        });
    }

    /// Does what the answer to a question means.
    pub(super) fn answer(&mut self, question: Question, yes: bool) {
        let changes = !matches!(question, Question::QuitUnsaved);
        if yes && changes && self.keeps_for_doc(|| Deferred::Answer(question.clone())) {
            return;
        }
        match (question, yes) {
            (Question::DeleteActivity(id), true) => self.delete_activity(&id),
            (Question::DeleteSection(id), true) => self.delete_section(&id),
            (Question::Renumber, true) => self.renumber(),
            (
                Question::DeleteActivity(_) | Question::DeleteSection(_) | Question::Renumber,
                false,
            ) => {}
            (Question::QuitUnsaved, true) => {
                self.save_now();
                let _ = self.wait_for_save();
                if !self.document.unsaved {
                    self.quit = true;
                }
            }
            (Question::QuitUnsaved, false) => self.quit_without_saving(),
        }
    }
}
