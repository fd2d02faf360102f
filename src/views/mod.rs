//! The three ways of looking at a roadmap — by mechanism (its own tree), by
//! responsible person and by deadline — as data, shared by the CLI reports and
//! the terminal editor.

pub mod by_deadline;
pub mod by_person;
pub mod coverage;

use crate::model::{Activity, Roadmap, Section};

/// An activity with the chain of sections above it (outermost first).
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// Sections above the activity.
    pub path: Vec<&'a Section>,
    /// The activity.
    pub activity: &'a Activity,
}

impl<'a> Item<'a> {
    /// The people responsible: the activity's own, or, when it names none,
    /// those of the nearest section above it that names some.
    pub fn effective_responsible(&self) -> (&'a [String], bool) {
        if !self.activity.responsible.is_empty() {
            return (&self.activity.responsible, false);
        }
        self.path
            .iter()
            .rev()
            .find(|s| !s.responsible.is_empty())
            .map_or((&[][..], false), |s| (&s.responsible[..], true))
    }

    /// A short label: the number, or the section path when unnumbered.
    pub fn label(&self) -> String {
        if !self.activity.number.is_empty() {
            return self.activity.number.clone();
        }
        self.path
            .iter()
            .rev()
            .find(|s| !s.number.is_empty())
            .map(|s| format!("{} …", s.number))
            .unwrap_or_default()
    }
}

/// Every activity in document order.
pub fn items(roadmap: &Roadmap) -> Vec<Item<'_>> {
    roadmap
        .activities_with_path()
        .into_iter()
        .map(|(path, activity)| Item { path, activity })
        .collect()
}
