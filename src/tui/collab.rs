//! Working with colleagues' copies from the editor: merging a file after a
//! preview in words, resolving conflicts, reading an activity's history.

use std::path::{Path, PathBuf};

use crate::describe;
use crate::model::text::{one_line, sanitize};
use crate::present::comments::comment_phrase;
use crate::present::compare::marked_lines;
use crate::present::errors::{error_line, store_error};
use crate::present::merge::{kept_aside_line, released_line};
use crate::present::risks::risk_lines;
use crate::store::exchange::bundle::Incoming;
use crate::store::exchange::pending::Pending;
use crate::store::exchange::risks::merge_risks;
use crate::store::history::changes::{Field, ItemKind};
use crate::store::{
    exchange::bundle, exchange::conflicts, exchange::merge, history, write::comment,
};

use super::action::{Action, Mode};
use super::app::App;
use super::complete::Completion;
use super::errand::Then;
use super::ids::ActivityId;
use super::overlay::{
    Choice, ConflictView, List, ListKind, MergeOffer, Overlay, Prompt, Reading, Resolve, ShownValue,
};
use super::target::Target;
use super::target::field_value;
use crate::store::StoreError;

impl App {
    /// Asks for the file to merge, a path from the roadmap's folder, with
    /// the roadmaps and bundles there to pick from.
    pub(super) fn begin_merge(&mut self) {
        let mut editor = self.editor_for(Target::MergeFile, "");
        editor.completion = Completion::new(self.mergeable_files());
        let prompt = Prompt::new(editor, self.views.cursor());
        self.overlay = Overlay::Prompt(Box::new(prompt));
    }

    /// The names of the roadmaps (`.karta`) and bundles in the roadmap's
    /// folder, the roadmap itself left out, by name.
    fn mergeable_files(&self) -> Vec<String> {
        let own = self.document.path.as_deref().and_then(Path::file_name);
        let Ok(entries) = std::fs::read_dir(self.document.folder()) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x == "karta" || x == bundle::EXTENSION)
            })
            .filter(|p| p.file_name() != own)
            .filter_map(|p| Some(p.file_name()?.to_str()?.to_string()))
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names
    }

    /// Sets karta's data folder, where bundles that continue changes not
    /// received yet are kept aside (None: such bundles are refused).
    pub fn set_data_dir(&mut self, dir: Option<PathBuf>) {
        self.document.data = dir;
    }

    /// The bundles kept aside for this roadmap, when there is a data folder.
    fn kept_aside(&self) -> Option<Pending> {
        let data = self.document.data.as_deref()?;
        Some(Pending::new(data, &self.document.doc.roadmap_id()))
    }

    /// Merges the file into a copy of the document, with the bundles kept
    /// aside earlier that it lets apply, and shows what it would change;
    /// nothing is merged until the user says yes. A bundle that continues
    /// changes not received yet is kept aside, as `karta merge` does.
    pub(super) fn offer_merge(&mut self, path: PathBuf) {
        let lang = self.lang;
        let incoming = match bundle::read_incoming(&path) {
            Ok(i) => i,
            Err(e) => return self.status.complain(store_error(&e, lang)),
        };
        let received = match &incoming {
            Incoming::Bundle(b) => Some((b.roadmap_id.clone(), b.header.clone())),
            Incoming::Document(_) => None,
        };
        let kept = self.kept_aside();
        let bin = self
            .keymap
            .key_of(Mode::Normal, Action::Trash)
            .map(|k| k.to_string());
        let what = lang.t("Слияние: сравнение…", "Merge: comparing…");
        // Merging into a copy takes seconds for a large roadmap: in a worker.
        self.send_doc(what, move |doc| {
            if let (Incoming::Bundle(b), Some(kept)) = (&incoming, &kept)
                && b.roadmap_id == doc.roadmap_id()
                && !doc.has_all(&b.hashes)
                && !bundle::applicable(doc, b)
            {
                let said = kept.keep(&path).map(|_| kept_aside_line(&path, lang));
                let said = said.map_err(|e| store_error(&e, lang));
                return Box::new(move |app: &mut App| match said {
                    Ok(text) => app.status.say(text),
                    Err(text) => app.status.complain(text),
                });
            }
            let complain = |e: StoreError| -> Then {
                let text = store_error(&e, lang);
                Box::new(move |app: &mut App| app.status.complain(text))
            };
            let mut merged = doc.fork();
            let mut applied = match merge::merge_incoming(&mut merged, incoming, &path) {
                Ok(a) => a,
                Err(e) => return complain(e),
            };
            let released = match kept.as_ref().map(|k| merge::apply_kept(&mut merged, k)) {
                Some(Ok(released)) => released,
                Some(Err(e)) => return complain(e),
                None => Vec::new(),
            };
            for (_, added) in &released {
                applied.extend(added.iter().copied());
            }
            if applied.is_empty() {
                let text = format!(
                    "{}: {}",
                    path.display(),
                    crate::tr!(lang, "collab-nothing-new")
                );
                return Box::new(move |app: &mut App| app.status.say(text));
            }
            let preview = merge::describe_applied(&mut merged, &applied);
            let changes: Vec<String> = crate::present::preview_lines(&preview, lang)
                .lines()
                .map(one_line)
                .collect();
            let risks = merge_risks(doc, &mut merged);
            let mut lines = risk_lines(&risks, doc.author(), lang, bin.as_deref());
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.extend(
                released
                    .iter()
                    .map(|(_, added)| released_line(added.len(), lang)),
            );
            lines.extend(changes);
            if preview.by_author.is_empty() {
                lines.push(crate::tr!(lang, "collab-no-visible-changes-2").to_string());
            }
            let added = applied.len();
            let released = released.into_iter().map(|(path, _)| path).collect();
            Box::new(move |app: &mut App| {
                app.overlay = Overlay::Merge(Box::new(MergeOffer {
                    merged,
                    path,
                    lines,
                    added,
                    received,
                    released,
                    scroll: 0,
                }));
            })
        });
    }

    /// Takes the offered merge into the document; the bundles kept aside
    /// that it applied are forgotten.
    pub(super) fn accept_merge(&mut self, mut offer: MergeOffer) {
        let before = self.document.doc.heads();
        if let Err(e) = self.document.doc.merge(&mut offer.merged) {
            return self.status.complain(store_error(&e, self.lang));
        }
        self.journal_changes();
        self.document.unsaved = true;
        self.refresh_since(&before);
        self.remark_merged(&before);
        if let Some(kept) = self.kept_aside() {
            offer.released.iter().for_each(|path| kept.release(path));
        }
        let text = crate::tr!(
            self.lang,
            "merged-from",
            file = offer.path.display().to_string(),
            count = offer.added,
            kept = offer.released.len(),
            conflicts = self.document.conflicts.len()
        );
        self.status.say(text);
        self.remember_received(offer.received.as_ref());
    }

    /// Records a bundle just merged as the last received from its sender
    /// (what the peers screen tells); a failure is only shown.
    fn remember_received(&mut self, received: Option<&(String, bundle::Header)>) {
        let (Some((roadmap, header)), Some(records)) = (received, &self.document.records) else {
            return;
        };
        if let Err(e) = crate::received::remember_in(&records.received, roadmap, header) {
            self.status.complain(error_line(&e, self.lang));
        }
    }

    /// Lists the roadmap's conflicts.
    pub(super) fn show_conflicts(&mut self) {
        if self.document.conflicts.is_empty() {
            return self
                .status
                .say(crate::tr!(self.lang, "collab-no-conflicts-2"));
        }
        let choices = self
            .document
            .conflicts
            .iter()
            .map(|c| Choice {
                label: format!(
                    "{} — {}",
                    describe::item_name(&c.item, self.lang),
                    describe::field_name(&c.field, self.lang)
                ),
                value: c
                    .values
                    .iter()
                    .map(|v| describe::value_text(&c.field, &v.value, self.lang))
                    .collect::<Vec<_>>()
                    .join(" | "),
                depth: 0,
            })
            .collect();
        self.overlay = Overlay::List(List {
            kind: ListKind::Conflicts,
            title: crate::tr!(self.lang, "collab-conflicts-choose-one-to-resolve").to_string(),
            choices,
            selected: 0,
        });
    }

    /// Shows one conflict: every value in full with the words that differ
    /// marked, and the ways to resolve it.
    pub(super) fn show_conflict_values(&mut self, index: usize) {
        let Some(c) = self.document.conflicts.get(index) else {
            return;
        };
        let lang = self.lang;
        let me = self.document.doc.author();
        // Free text as written; a status or a stage in words.
        let texts: Vec<String> = c
            .values
            .iter()
            .map(|v| match c.is_free_text() {
                true => sanitize(&v.value),
                false => describe::value_text(&c.field, &v.value, lang),
            })
            .collect();
        let mine =
            |i: &usize| c.values[*i].author.is_some() && c.values[*i].author.as_deref() == me;
        let who = |i: usize| match mine(&i) {
            true => crate::tr!(lang, "collab-you").to_string(),
            false => describe::author_name(c.values[i].author.as_deref(), lang),
        };
        // The reader's own value first, the others in the order listed.
        let mut order: Vec<usize> = (0..c.values.len()).collect();
        order.sort_by_key(|i| !mine(i));
        let values = order
            .iter()
            .enumerate()
            .map(|(shown, &i)| {
                // The first value against the second, the others against
                // the first.
                let other = order[usize::from(shown == 0).min(order.len() - 1)];
                ShownValue {
                    heading: format!("{}. {}", shown + 1, who(i)),
                    lines: marked_lines(&texts[i], &texts[other]),
                }
            })
            .collect();
        let mut choices: Vec<(Resolve, String)> = order
            .iter()
            .enumerate()
            .map(|(shown, &i)| {
                let label = format!(
                    "{} {} ({})",
                    crate::tr!(lang, "collab-keep"),
                    shown + 1,
                    who(i)
                );
                (Resolve::Value(i), label)
            })
            .collect();
        if c.is_free_text() {
            let label = crate::tr!(lang, "collab-keep-both-each-paragraph-once");
            choices.push((Resolve::KeepBoth, label.to_string()));
        }
        let own = crate::tr!(lang, "collab-type-a-value-of-my");
        choices.push((Resolve::Own, own.to_string()));
        self.overlay = Overlay::Conflict(Box::new(ConflictView {
            index,
            title: format!(
                "{} — {}",
                describe::item_name(&c.item, lang),
                describe::field_name(&c.field, lang)
            ),
            values,
            choices,
            selected: 0,
            scroll: 0,
        }));
    }

    /// Resolves conflict `index` the way chosen: with one of its values,
    /// with all of them (text), or in the editor with a value of one's own.
    pub(super) fn resolve_conflict(&mut self, index: usize, way: Resolve) {
        let Some(c) = self.document.conflicts.get(index).cloned() else {
            return;
        };
        let value = match way {
            Resolve::Value(i) => match c.values.get(i) {
                Some(v) => v.value.clone(),
                None => return,
            },
            Resolve::KeepBoth => c.keep_both(),
            Resolve::Own => return self.type_resolution(&c),
        };
        let before = self.document.doc.heads();
        match conflicts::resolve(&mut self.document.doc, &c.item, &c.field, &value) {
            Ok(_) => {
                self.journal_changes();
                self.document.unsaved = true;
                self.refresh_since(&before);
                if let Some(since) = &mut self.document.since {
                    since.update(&self.document.doc, [c.item.id.as_str()]);
                }
                self.status
                    .say(crate::tr!(self.lang, "collab-conflict-resolved-2"));
            }
            Err(e) => self.status.complain(store_error(&e, self.lang)),
        }
    }

    /// Opens the editor on a conflicting field: what is typed becomes the
    /// final value (an ordinary edit of the field, which replaces every
    /// concurrent value).
    fn type_resolution(&mut self, c: &conflicts::Conflict) {
        use crate::store::write::edit::ActivityField;
        let shown = c
            .values
            .first()
            .map(|v| v.value.clone())
            .unwrap_or_default();
        let field = match (&c.item.kind, &c.field) {
            (ItemKind::Activity, Field::Deadline) => ActivityField::Deadline,
            (ItemKind::Activity, Field::Responsible) => ActivityField::Responsible,
            (ItemKind::Activity, Field::Number) => ActivityField::Number,
            (ItemKind::Activity, Field::Text) => ActivityField::Text,
            (ItemKind::Activity, Field::Column { key, .. }) => ActivityField::Cell(key.clone()),
            _ => {
                return self
                    .status
                    .say(crate::tr!(self.lang, "collab-choose-one-of-the-values"));
            }
        };
        let Some(before) = self
            .document
            .catalog
            .entry(&c.item.id)
            .map(|e| field_value(&e.activity, &field))
        else {
            return;
        };
        let mut editor = self.editor_for(
            Target::Activity(ActivityId(c.item.id.clone()), field),
            &shown,
        );
        editor.title = describe::field_name(&c.field, self.lang);
        // Undo puts back what the roadmap showed before the resolution.
        editor.original = before;
        self.overlay = Overlay::Editor(Box::new(editor));
    }

    /// Shows who changed the activity (or section) under the cursor, and
    /// when, newest first, with what was said in its comments.
    pub(super) fn show_history(&mut self) {
        let id = match (self.current_entry(), self.current_section()) {
            (Some(e), _) => self.document.catalog.entries[e].activity.id.clone(),
            (None, Some(s)) => self.document.catalog.sections[s].section.id.clone(),
            _ => return,
        };
        let lang = self.lang;
        let what = lang.t("История: чтение…", "History: reading…");
        // Every change of a long history is looked at: in a worker.
        self.send_doc(what, move |doc| {
            let mut lines = Vec::new();
            for entry in history::history(doc, Some(&id)) {
                let when = describe::time_text(entry.time);
                for change in &entry.changes {
                    lines.push(one_line(&format!(
                        "{when}  {}",
                        describe::phrase(change, entry.author.as_deref(), lang)
                    )));
                }
                let am = doc.automerge();
                if let Some(c) = comment::change_of(am, entry.hash, &entry.deps, &entry.message) {
                    let said = comment_phrase(&c, entry.author.as_deref(), lang);
                    lines.push(one_line(&format!("{when}  {said}")));
                }
            }
            if lines.is_empty() {
                lines.push(crate::tr!(lang, "collab-no-changes").to_string());
            }
            Box::new(move |app: &mut App| {
                let title = app.keymap.titled(
                    &crate::tr!(app.lang, "collab-history"),
                    Mode::List,
                    Action::Cancel,
                    &crate::tr!(app.lang, "help-closes"),
                );
                app.overlay = Overlay::Reading(Reading::new(title, lines));
            })
        });
    }
}
