//! Years of editing, simulated: several methodologists, each with a copy of
//! the roadmap (a fork with its own actor and author), edit the systems they
//! own and now and then exchange files with the shared copy, so their edits
//! are concurrent and merge back.
//!
//! Each author edits only the systems they own, as in real departments; so
//! concurrent edits never touch the same field and the merged content does
//! not depend on the (random) actor ids: the result is deterministic.

use fastrand::Rng;

use crate::model::position;
use crate::model::{Roadmap, Status};
use crate::store::write::edit::{ActivityField, NodeKind, Place};
use crate::store::{Doc, StoreError};

use super::{shape, words};

type Result<T> = std::result::Result<T, StoreError>;

/// One activity as the simulation remembers it.
struct Item {
    id: String,
    stage: usize,
    pos: String,
    text: String,
    result: String,
    deleted: bool,
}

/// One stage section: its id, its system and its live activities in order.
struct StageSlot {
    id: String,
    number: String,
    system: usize,
    order: Vec<usize>,
}

/// What the simulation knows of the roadmap, so that edits need not read
/// the document back.
pub struct Mirror {
    items: Vec<Item>,
    stages: Vec<StageSlot>,
    /// Item indices owned by each author.
    owned: Vec<Vec<usize>>,
    /// Stage indices owned by each author.
    owned_stages: Vec<Vec<usize>>,
    people: Vec<String>,
}

impl Mirror {
    /// Remembers the stages and activities of `roadmap`, splitting the
    /// systems among `authors` owners.
    pub fn new(roadmap: &Roadmap, authors: usize, people: Vec<String>) -> Mirror {
        let mut mirror = Mirror {
            items: Vec::new(),
            stages: Vec::new(),
            owned: vec![Vec::new(); authors],
            owned_stages: vec![Vec::new(); authors],
            people,
        };
        let systems = roadmap.sections.iter().flat_map(|m| &m.sections);
        for (system, section) in systems.enumerate() {
            let owner = system % authors;
            for stage in &section.sections {
                let slot = mirror.stages.len();
                mirror.owned_stages[owner].push(slot);
                let mut order = Vec::new();
                let positions = position::spread(stage.activities.len());
                for (a, pos) in stage.activities.iter().zip(positions) {
                    order.push(mirror.items.len());
                    mirror.owned[owner].push(mirror.items.len());
                    mirror.items.push(Item {
                        id: a.id.clone(),
                        stage: slot,
                        pos,
                        text: a.text.clone(),
                        result: a.cells.values().next().cloned().unwrap_or_default(),
                        deleted: false,
                    });
                }
                mirror.stages.push(StageSlot {
                    id: stage.id.clone(),
                    number: stage.number.clone(),
                    system,
                    order,
                });
            }
        }
        mirror
    }

    /// Makes one edit of `author`'s on their copy `doc`.
    pub fn edit(&mut self, rng: &mut Rng, doc: &mut Doc, author: usize) -> Result<()> {
        let roll = rng.u8(..100);
        if (83..88).contains(&roll) || self.owned[author].is_empty() {
            return self.add(rng, doc, author);
        }
        let item = *words::pick(rng, &self.owned[author]);
        if self.items[item].deleted {
            return self.restore(doc, item);
        }
        let id = self.items[item].id.clone();
        match roll {
            0..40 | 96.. => {
                let text = edit_text(rng, &self.items[item].text);
                doc.set_activity_field(&id, &ActivityField::Text, &text)?;
                self.items[item].text = text;
            }
            40..48 => {
                let result = match self.items[item].result.as_str() {
                    "" => words::result_text(rng),
                    old => edit_text(rng, old),
                };
                let key = ActivityField::Cell("result".to_string());
                doc.set_activity_field(&id, &key, &result)?;
                self.items[item].result = result;
            }
            48..60 => {
                let status = words::pick(rng, &Status::ALL).as_str();
                doc.set_activity_field(&id, &ActivityField::Status, status)?;
            }
            60..70 => {
                let deadline = words::pick(rng, &words::DEADLINES);
                doc.set_activity_field(&id, &ActivityField::Deadline, deadline)?;
            }
            70..78 => {
                let people = words::responsible(rng, &self.people).join("\n");
                doc.set_activity_field(&id, &ActivityField::Responsible, &people)?;
            }
            78..83 => {
                let stage = &self.stages[self.items[item].stage];
                let number = format!("{}{}.", stage.number, rng.usize(1..=stage.order.len() + 1));
                doc.set_activity_field(&id, &ActivityField::Number, &number)?;
            }
            88..92 => self.relocate(rng, doc, item)?,
            _ => {
                doc.set_deleted(NodeKind::Activity, &id, true)?;
                self.items[item].deleted = true;
                let stage = self.items[item].stage;
                self.stages[stage].order.retain(|i| *i != item);
            }
        }
        Ok(())
    }

    /// A random place in `stage`: the slot in its order and the position
    /// there (as `Doc::move_node` would compute it, without reading the
    /// document).
    fn random_place(&self, rng: &mut Rng, stage: usize) -> (usize, Place) {
        let order = &self.stages[stage].order;
        let slot = rng.usize(..=order.len());
        let before = slot
            .checked_sub(1)
            .map(|i| self.items[order[i]].pos.as_str());
        let after = order.get(slot).map(|i| self.items[*i].pos.as_str());
        let place = Place {
            parent: self.stages[stage].id.clone(),
            pos: position::between(before, after),
        };
        (slot, place)
    }

    /// Adds a fresh activity to one of `author`'s stages.
    fn add(&mut self, rng: &mut Rng, doc: &mut Doc, author: usize) -> Result<()> {
        let stage = *words::pick(rng, &self.owned_stages[author]);
        let (slot, place) = self.random_place(rng, stage);
        let number = format!("{}{}.", self.stages[stage].number, slot + 1);
        let activity = shape::activity(rng, number, &self.people);
        let id = doc.add_activity_at(&place, &activity)?;
        let index = self.items.len();
        self.items.push(Item {
            id,
            stage,
            pos: place.pos,
            text: activity.text,
            result: activity.cells.values().next().cloned().unwrap_or_default(),
            deleted: false,
        });
        self.owned[author].push(index);
        self.stages[stage].order.insert(slot, index);
        Ok(())
    }

    /// Moves an activity to another place in a stage of the same system.
    fn relocate(&mut self, rng: &mut Rng, doc: &mut Doc, item: usize) -> Result<()> {
        let from = self.items[item].stage;
        self.stages[from].order.retain(|i| *i != item);
        let system = self.stages[from].system;
        let to = (from - from % 9) + rng.usize(..9);
        let to = if self.stages.get(to).is_some_and(|s| s.system == system) {
            to
        } else {
            from
        };
        let (slot, place) = self.random_place(rng, to);
        doc.set_place(NodeKind::Activity, &self.items[item].id, &place)?;
        self.stages[to].order.insert(slot, item);
        self.items[item].stage = to;
        self.items[item].pos = place.pos;
        Ok(())
    }

    /// Restores a deleted activity where it was.
    fn restore(&mut self, doc: &mut Doc, item: usize) -> Result<()> {
        let id = self.items[item].id.clone();
        let stage = self.items[item].stage;
        doc.set_deleted(NodeKind::Activity, &id, false)?;
        self.items[item].deleted = false;
        // Its old position is kept: find where it sorts among the live ones.
        let key = (&self.items[item].pos, &id);
        let order = &self.stages[stage].order;
        let slot = order
            .iter()
            .position(|other| (&self.items[*other].pos, &self.items[*other].id) > key)
            .unwrap_or(order.len());
        self.stages[stage].order.insert(slot, item);
        Ok(())
    }
}

/// A small edit of `text` as a person types it: a word inserted, a word
/// deleted or a letter fixed; long texts only shrink.
pub fn edit_text(rng: &mut Rng, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let spaces: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == ' ')
        .map(|(i, _)| i + 1)
        .collect();
    let roll = if chars.len() > 400 { 0 } else { rng.u8(..4) };
    match (roll, spaces.as_slice()) {
        (0, [_, _, ..]) => {
            let k = rng.usize(..spaces.len() - 1);
            let (start, end) = (spaces[k], spaces[k + 1]);
            chars[..start].iter().chain(&chars[end..]).collect()
        }
        (1, _) => {
            let at = rng.usize(..=chars.len());
            let letter = *words::pick(rng, &['а', 'е', 'и', 'о', 'н', 'т', 'с']);
            chars[..at]
                .iter()
                .chain([&letter])
                .chain(&chars[at..])
                .collect()
        }
        _ => {
            let at = spaces
                .get(rng.usize(..spaces.len().max(1)))
                .copied()
                .unwrap_or(0);
            let word = words::pick(rng, &words::INSERTS);
            let head: String = chars[..at].iter().collect();
            let tail: String = chars[at..].iter().collect();
            format!("{head}{word}{tail}")
        }
    }
}
