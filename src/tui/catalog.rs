//! The roadmap flattened for the screen: every activity with its deadline
//! read, its section path and its effective responsible, every section with
//! its depth. Built from the model after an edit, never on a keystroke.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::deadline::{self, Deadline, DeadlineGroup, Span};
use crate::model::{Activity, Roadmap, Section, SectionKind, people, text};
use crate::views;

/// One activity, ready to show.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The activity as stored.
    pub activity: Activity,
    /// Its section's id (`""` outside sections).
    pub section: String,
    /// Number, or the section's number with "…" for unnumbered steps.
    pub label: String,
    /// Titles of the sections above it, outermost first.
    pub path: Vec<String>,
    /// The deadline read.
    pub deadline: Deadline,
    /// Its group in the deadline view today.
    pub group: DeadlineGroup,
    /// For recurring deadlines, the next window from today.
    pub next: Option<Span>,
    /// Responsible entries: its own, or the section's when it has none.
    pub responsible: Vec<String>,
    /// True when `responsible` comes from the section.
    pub inherited: bool,
    /// Lower-cased text of every field, for search.
    pub haystack: String,
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
}

impl Catalog {
    /// Flattens `roadmap`, judging deadlines on `today`.
    pub fn build(roadmap: &Roadmap, today: NaiveDate) -> Catalog {
        let ctx = roadmap.deadline_context();
        let mut catalog = Catalog::default();
        // Deadlines repeat ("Ежегодно", "Постоянно"): each text is read once.
        let mut read: HashMap<&str, Deadline> = HashMap::new();
        for item in views::items(roadmap) {
            let a = item.activity;
            let d = read
                .entry(a.deadline.as_str())
                .or_insert_with(|| deadline::parse(&a.deadline, &ctx))
                .clone();
            let group = d.group(today, a.status.is_open());
            let (responsible, inherited) = item.effective_responsible();
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
            catalog.by_id.insert(a.id.clone(), catalog.entries.len());
            catalog.entries.push(Entry {
                label: text::one_line(&item.label()),
                section: item.path.last().map(|s| s.id.clone()).unwrap_or_default(),
                path: item.path.iter().map(|s| text::one_line(&s.title)).collect(),
                group,
                next: d.next_occurrence(today),
                deadline: d,
                responsible: responsible.to_vec(),
                inherited,
                haystack: haystack.to_lowercase(),
                activity: a.clone(),
            });
        }
        for s in &roadmap.sections {
            catalog.add_section(s, "", 0);
        }
        catalog.people = views::by_person::group(roadmap, today)
            .into_iter()
            .map(|p| PersonEntry {
                entries: p
                    .activities
                    .iter()
                    .filter_map(|(item, _)| catalog.by_id.get(&item.activity.id).copied())
                    .collect(),
                key: p.key,
                name: text::one_line(&p.name),
                overdue: p.overdue,
                done: p.done,
            })
            .collect();
        catalog
    }

    fn add_section(&mut self, s: &Section, parent: &str, depth: usize) {
        self.section_by_id.insert(s.id.clone(), self.sections.len());
        self.sections.push(SectionEntry {
            section: Section {
                id: s.id.clone(),
                number: s.number.clone(),
                title: s.title.clone(),
                kind: s.kind,
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
