//! The roadmap flattened for the screen: every activity with its deadline
//! read, its section path and its effective responsible, every section with
//! its depth. Built from the model after an edit, never on a keystroke.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use foldhash::HashMap;

use crate::model::deadline::{self, Deadline, DeadlineContext, DeadlineGroup, Span};
use crate::model::{Activity, Roadmap, Section, SectionKind, Status, people, text};
use crate::views;

use super::ids::{ActivityId, SectionId};

/// One activity, ready to show.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The activity as stored.
    pub activity: Activity,
    /// Its section's id (`""` outside sections).
    pub section: String,
    /// Number, or the section's number with "…" for unnumbered steps.
    pub label: String,
    /// The label before it was made one line.
    raw_label: String,
    /// Titles of the sections above it, outermost first (shared by the
    /// entries of one section).
    pub path: Arc<[String]>,
    /// The deadline read (shared by the entries with the same phrase).
    pub deadline: Arc<Deadline>,
    /// Its group in the deadline view today.
    pub group: DeadlineGroup,
    /// For recurring deadlines, the next window from today.
    pub next: Option<Span>,
    /// Responsible entries: its own, or the section's when it has none.
    pub responsible: Vec<String>,
    /// True when `responsible` comes from the section.
    pub inherited: bool,
    /// The distinct person keys of `responsible`, in order (shared by the
    /// entries with the same responsible).
    pub keys: Arc<[String]>,
    /// Lower-cased text of every field, made on the first search (a
    /// tenth of the catalog's build time saved from the first frame).
    haystack: OnceLock<String>,
}

impl Entry {
    /// The activity's id.
    pub fn id(&self) -> ActivityId {
        ActivityId(self.activity.id.clone())
    }

    /// The id of its section (empty outside sections).
    pub fn section_id(&self) -> SectionId {
        SectionId(self.section.clone())
    }

    /// Lower-cased text of every field, for search.
    pub fn haystack(&self) -> &str {
        self.haystack
            .get_or_init(|| haystack(&self.activity, &self.responsible))
    }
}

/// One section, without its children.
#[derive(Debug, Clone)]
pub struct SectionEntry {
    /// The section (children left out).
    pub section: Section,
    /// Parent id (`""` at the top).
    pub parent: String,
    /// Nesting depth, 0 at the top.
    pub depth: usize,
    /// Activities in it and below it.
    pub activities: usize,
}

impl SectionEntry {
    /// The section's id.
    pub fn id(&self) -> SectionId {
        SectionId(self.section.id.clone())
    }

    /// The id of its parent (empty at the top).
    pub fn parent_id(&self) -> SectionId {
        SectionId(self.parent.clone())
    }

    /// "1.2 Title" or the stage's name, made safe for the terminal.
    pub fn heading(&self) -> String {
        let s = &self.section;
        let title = text::one_line(&s.title);
        match (s.number.is_empty(), s.stage) {
            (true, Some(stage)) if title.is_empty() => stage.title().to_string(),
            (true, _) => title,
            (false, _) => format!("{} {title}", text::one_line(&s.number)),
        }
    }

    /// Whether this is a management-cycle stage with nothing in it: a gap.
    pub fn is_gap(&self) -> bool {
        self.section.kind == SectionKind::Stage && self.activities == 0
    }
}

/// A person or body with their activities.
#[derive(Debug, Clone)]
pub struct PersonEntry {
    /// One key however spelled.
    pub key: String,
    /// The name as shown.
    pub name: String,
    /// Their activities (indices into [`Catalog::entries`]).
    pub entries: Vec<usize>,
    /// How many are overdue.
    pub overdue: usize,
    /// How many are done.
    pub done: usize,
}

/// The whole roadmap flattened.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Activities in document order.
    pub entries: Vec<Entry>,
    /// Sections in document order.
    pub sections: Vec<SectionEntry>,
    /// People and bodies, by name.
    pub people: Vec<PersonEntry>,
    by_id: HashMap<String, usize>,
    section_by_id: HashMap<String, usize>,
    /// What the deadlines were read with: the roadmap's context and the day.
    judged: Option<(DeadlineContext, NaiveDate)>,
}

impl Catalog {
    /// Flattens `roadmap`, judging deadlines on `today`.
    pub fn build(roadmap: &Roadmap, today: NaiveDate) -> Catalog {
        Catalog::default().update(roadmap, today)
    }

    /// Flattens `roadmap` again after an edit, reusing the entries of
    /// activities that did not change (same fields, section, path, label
    /// and responsible): only the others have their deadline read and
    /// their search text made anew when next searched.
    pub fn update(self, roadmap: &Roadmap, today: NaiveDate) -> Catalog {
        let ctx = roadmap.deadline_context();
        let reuse = self.judged == Some((ctx, today));
        let mut old: Vec<Option<Entry>> = self.entries.into_iter().map(Some).collect();
        let items = views::items(roadmap);
        let mut entries: Vec<Option<Entry>> = items
            .iter()
            .map(|item| {
                let slot = match self.by_id.get(&item.activity.id) {
                    Some(i) if reuse => old.get_mut(*i),
                    _ => None,
                };
                slot.and_then(|slot| slot.take_if(|e| e.still_shows(item)))
            })
            .collect();
        let missing: Vec<usize> = (0..items.len()).filter(|&i| entries[i].is_none()).collect();
        let made = make_entries(&items, &missing, &ctx, today);
        for (i, entry) in missing.into_iter().zip(made) {
            entries[i] = Some(entry);
        }
        let mut catalog = Catalog {
            judged: Some((ctx, today)),
            ..Catalog::default()
        };
        catalog.entries.reserve(entries.len());
        catalog.by_id.reserve(entries.len());
        for entry in entries.into_iter().flatten() {
            catalog
                .by_id
                .insert(entry.activity.id.clone(), catalog.entries.len());
            catalog.entries.push(entry);
        }
        for s in &roadmap.sections {
            catalog.add_section(s, "", 0);
        }
        catalog.people = people_of(&catalog.entries);
        catalog
    }

    fn add_section(&mut self, s: &Section, parent: &str, depth: usize) {
        self.section_by_id.insert(s.id.clone(), self.sections.len());
        self.sections.push(SectionEntry {
            section: Section {
                id: s.id.clone(),
                number: s.number.clone(),
                title: s.title.clone(),
                kind: s.kind.clone(),
                stage: s.stage,
                responsible: s.responsible.clone(),
                sections: Vec::new(),
                activities: Vec::new(),
            },
            parent: parent.to_string(),
            depth,
            activities: s.activity_count(),
        });
        for child in &s.sections {
            self.add_section(child, &s.id, depth + 1);
        }
    }

    /// The sections above an entry, outermost first (their children left
    /// out).
    pub fn path_sections(&self, entry: &Entry) -> Vec<&Section> {
        let mut path = Vec::new();
        let mut id = entry.section.as_str();
        while let Some(s) = self.section(id) {
            if path.len() > self.sections.len() {
                break;
            }
            path.push(&s.section);
            id = s.parent.as_str();
        }
        path.reverse();
        path
    }

    /// The index of an activity by id.
    pub fn entry_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// An activity by id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entry_index(id).map(|i| &self.entries[i])
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&SectionEntry> {
        self.section_by_id.get(id).map(|i| &self.sections[*i])
    }

    /// The index of a section by id.
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.section_by_id.get(id).copied()
    }

    /// Activities directly in a section, in order (indices into entries).
    pub fn activities_in(&self, section: &str) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.section == section)
            .map(|(i, _)| i)
            .collect()
    }

    /// Sections directly under `parent`, in order.
    pub fn children_of(&self, parent: &str) -> Vec<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.parent == parent)
            .map(|(i, _)| i)
            .collect()
    }

    /// Ids of a section and all sections below it.
    pub fn subtree(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i].clone();
            out.extend(
                self.sections
                    .iter()
                    .filter(|s| s.parent == parent)
                    .map(|s| s.section.id.clone()),
            );
            i += 1;
        }
        out
    }

    /// Every responsible entry written in the roadmap, for completion:
    /// one spelling per person, by name.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.people.iter().map(|p| p.name.clone()).collect();
        names.sort_by_key(|n| n.to_lowercase());
        names
    }

    /// The key of a responsible entry, as the person view groups it.
    pub fn person_key(entry: &str) -> String {
        people::entry_key(entry)
    }
}

/// Whether `shown` is `written` made one line (without making it when
/// `written` holds nothing [`text::one_line`] would change).
fn same_line(shown: &str, written: &str) -> bool {
    let plain = |c: char| !c.is_control() && !('\u{200e}'..='\u{2069}').contains(&c);
    if written.chars().all(plain) {
        return shown == written;
    }
    shown == text::one_line(written)
}

impl Entry {
    /// Whether this entry still shows `item` as it is now (same fields,
    /// section, path, label and responsible).
    fn still_shows(&self, item: &views::Item) -> bool {
        let (responsible, inherited) = item.effective_responsible();
        self.activity == *item.activity
            && self.section == item.path.last().map_or("", |s| s.id.as_str())
            && self.inherited == inherited
            && self.responsible == responsible
            && self.raw_label == item.label()
            && self.path.len() == item.path.len()
            && self
                .path
                .iter()
                .zip(&item.path)
                .all(|(t, s)| same_line(t, &s.title))
    }
}

/// Entries made from more items than this are made by two threads.
const PARALLEL_FROM: usize = 2000;

/// Makes the entries of `items[i]` for each `i` of `which`, in order; a
/// large first build is split between two threads.
fn make_entries(
    items: &[views::Item],
    which: &[usize],
    ctx: &DeadlineContext,
    today: NaiveDate,
) -> Vec<Entry> {
    let make = |part: &[usize]| {
        let mut maker = EntryMaker::default();
        part.iter()
            .map(|&i| maker.make(&items[i], ctx, today))
            .collect::<Vec<Entry>>()
    };
    if which.len() < PARALLEL_FROM {
        return make(which);
    }
    let (first, second) = which.split_at(which.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| make(second));
        let mut out = make(first);
        out.extend(other.join().unwrap_or_else(|_| make(second)));
        out
    })
}

/// Makes entries, reading each distinct deadline, responsible cell,
/// responsible entry and section path once (they repeat: "Ежегодно",
/// "Постоянно"…) and sharing what was read between the entries.
#[derive(Default)]
struct EntryMaker<'a> {
    deadlines: HashMap<&'a str, Arc<Deadline>>,
    keys: HashMap<&'a [String], Arc<[String]>>,
    entry_keys: HashMap<&'a str, String>,
    paths: HashMap<&'a str, Arc<[String]>>,
}

impl<'a> EntryMaker<'a> {
    fn make(&mut self, item: &views::Item<'a>, ctx: &DeadlineContext, today: NaiveDate) -> Entry {
        let a = item.activity;
        let (responsible, inherited) = item.effective_responsible();
        let label = item.label();
        let d = self
            .deadlines
            .entry(a.deadline.as_str())
            .or_insert_with(|| Arc::new(deadline::parse(&a.deadline, ctx)))
            .clone();
        let keys = match self.keys.get(responsible) {
            Some(keys) => keys.clone(),
            None => {
                let keys: Arc<[String]> = person_keys(responsible, &mut self.entry_keys).into();
                self.keys.insert(responsible, keys.clone());
                keys
            }
        };
        let section = item.path.last().map_or("", |s| s.id.as_str());
        let path = self
            .paths
            .entry(section)
            .or_insert_with(|| item.path.iter().map(|s| text::one_line(&s.title)).collect())
            .clone();
        Entry {
            label: text::one_line(&label),
            raw_label: label,
            section: section.to_string(),
            path,
            group: d.group(today, a.status.is_open()),
            next: d.next_occurrence(today),
            deadline: d,
            keys,
            responsible: responsible.to_vec(),
            inherited,
            haystack: OnceLock::new(),
            activity: a.clone(),
        }
    }
}

/// The distinct person keys of responsible entries, in order; each
/// distinct entry is read once (`known`).
fn person_keys<'a>(responsible: &'a [String], known: &mut HashMap<&'a str, String>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(responsible.len());
    for r in responsible {
        let key = known
            .entry(r.as_str())
            .or_insert_with(|| people::entry_key(r))
            .clone();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Lower-cased text of every field, for search.
fn haystack(a: &Activity, responsible: &[String]) -> String {
    let mut haystack = format!(
        "{}\n{}\n{}\n{}",
        a.number,
        a.text,
        a.deadline,
        responsible.join("\n")
    );
    for cell in a.cells.values() {
        haystack.push('\n');
        haystack.push_str(cell);
    }
    haystack.to_lowercase()
}

/// People and bodies with their activities, sorted by name, as
/// [`views::by_person::group`] lists them, but made from the entries,
/// whose deadlines are already read.
fn people_of(entries: &[Entry]) -> Vec<PersonEntry> {
    let mut by_key: BTreeMap<&str, PersonEntry> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for key in e.keys.iter() {
            let person = by_key.entry(key).or_insert_with(|| {
                let written = e
                    .responsible
                    .iter()
                    .find(|r| people::entry_key(r) == *key)
                    .map_or("", String::as_str);
                PersonEntry {
                    key: key.clone(),
                    name: text::one_line(&people::display_name(written)),
                    entries: Vec::new(),
                    overdue: 0,
                    done: 0,
                }
            });
            person.overdue += usize::from(e.group == DeadlineGroup::Overdue);
            person.done += usize::from(e.activity.status == Status::Done);
            person.entries.push(i);
        }
    }
    let mut list: Vec<PersonEntry> = by_key.into_values().collect();
    list.sort_by_cached_key(|p| p.name.to_lowercase());
    list
}
