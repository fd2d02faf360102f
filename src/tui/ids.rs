//! Typed names for what the editor points at: activities and sections by
//! their ids, rows and folds by what they show. No string prefixes to
//! build or to take apart.

use std::fmt;

use crate::model::deadline::DeadlineGroup;

/// An activity's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActivityId(pub String);

/// A section's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SectionId(pub String);

impl ActivityId {
    /// The id as the store takes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl SectionId {
    /// The id as the store takes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActivityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A heading of a view that groups activities.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// A person or body, by the key their spellings share.
    Person(String),
    /// The activities nobody is named responsible for.
    Nobody,
    /// A deadline group.
    Deadline(DeadlineGroup),
    /// A row of the management-cycle coverage: a system or section by id
    /// (empty: outside sections), None for the header.
    Cycle(Option<String>),
}

/// What a row shows, so the cursor finds it again after a rebuild.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// A section of the tree.
    Section(SectionId),
    /// An activity.
    Activity(ActivityId),
    /// A group heading.
    Group(GroupKey),
}

/// What can be folded: a section (in every view that shows it) or a group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FoldKey {
    /// A section, with everything below it.
    Section(SectionId),
    /// A group heading.
    Group(GroupKey),
}

impl FoldKey {
    /// The row that shows the folded heading.
    pub fn row(&self) -> RowKey {
        match self {
            FoldKey::Section(id) => RowKey::Section(id.clone()),
            FoldKey::Group(key) => RowKey::Group(key.clone()),
        }
    }
}
