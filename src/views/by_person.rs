//! The roadmap by responsible person or body: one entry per person however
//! their name was spelled, with their activities.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::model::{DeadlineGroup, Roadmap, Status, deadline, people};

use super::{Item, items};

/// One person or body with their activities.
#[derive(Debug)]
pub struct Person<'a> {
    /// The key all spellings share.
    pub key: String,
    /// The canonical spelling.
    pub name: String,
    /// Other spellings met in the roadmap.
    pub spellings: Vec<String>,
    /// Their activities, with whether the responsibility comes from the
    /// section ("ответственные за направление") rather than the activity.
    pub activities: Vec<(Item<'a>, bool)>,
    /// How many of them are overdue on the given day.
    pub overdue: usize,
    /// How many are done.
    pub done: usize,
}

/// Groups the roadmap's activities by person, people sorted by name.
pub fn group(roadmap: &Roadmap, today: NaiveDate) -> Vec<Person<'_>> {
    let ctx = roadmap.deadline_context();
    let mut by_key: BTreeMap<String, Person<'_>> = BTreeMap::new();
    // The same deadlines and names come back again and again: each is read once.
    let mut deadlines: HashMap<&str, deadline::Deadline> = HashMap::new();
    let mut keys: HashMap<String, String> = HashMap::new();
    for item in items(roadmap) {
        let (entries, inherited) = item.effective_responsible();
        let entries = entries.to_vec();
        let text = item.activity.deadline.as_str();
        let d = deadlines
            .entry(text)
            .or_insert_with(|| deadline::parse(text, &ctx));
        let overdue = d.group(today, item.activity.status.is_open()) == DeadlineGroup::Overdue;
        let mut seen = Vec::new();
        for entry in &entries {
            let key = match keys.get(entry.as_str()) {
                Some(k) => k.clone(),
                None => {
                    let k = people::entry_key(entry);
                    keys.insert(entry.clone(), k.clone());
                    k
                }
            };
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            let person = by_key.entry(key.clone()).or_insert_with(|| Person {
                key,
                name: people::display_name(entry),
                spellings: Vec::new(),
                activities: Vec::new(),
                overdue: 0,
                done: 0,
            });
            let written = entry.trim().to_string();
            if written != person.name && !person.spellings.contains(&written) {
                person.spellings.push(written);
            }
            person.overdue += usize::from(overdue);
            person.done += usize::from(item.activity.status == Status::Done);
            person.activities.push((item.clone(), inherited));
        }
    }
    let mut list: Vec<Person<'_>> = by_key.into_values().collect();
    list.sort_by_key(|p| p.name.to_lowercase());
    list
}
