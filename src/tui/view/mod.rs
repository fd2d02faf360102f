//! The views of the roadmap, as a list. Each view is one file that names
//! itself and lists the roadmap's rows its own way; adding a view is a new
//! file and one line in [`VIEWS`]. Its key is bound in `keymaps/*.toml` as
//! `view_NAME` (the tabs and the help show it from there).

mod coverage;
mod deadline;
mod mechanism;
mod person;
pub mod state;

pub use state::Views;

use crate::i18n::Lang;

use super::rows::{Row, Source};

/// One way of listing the roadmap.
pub trait View: Sync {
    /// The name keymap files use for its action: `view_NAME`.
    fn name(&self) -> &'static str;

    /// The tab title.
    fn title(&self, lang: Lang) -> &'static str;

    /// What switching to it does, for the help.
    fn describe(&self, lang: Lang) -> &'static str;

    /// The rows: activities that pass the filter, under headings, leaving
    /// out what is under folded ones.
    fn rows(&self, source: &Source) -> Vec<Row>;

    /// Whether the deadline column shows the next occurrence of a recurring
    /// deadline instead of the deadline as written.
    fn shows_next_occurrence(&self) -> bool {
        false
    }
}

/// The views, in tab order.
pub const VIEWS: &[&dyn View] = &[
    &mechanism::Mechanism,
    &person::Person,
    &deadline::Deadline,
    &coverage::Coverage,
];

/// A view, by its place in [`VIEWS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ViewId(usize);

impl ViewId {
    /// Every view, in tab order.
    pub fn all() -> impl Iterator<Item = ViewId> {
        (0..VIEWS.len()).map(ViewId)
    }

    /// The view named `name`.
    pub fn by_name(name: &str) -> Option<ViewId> {
        ViewId::all().find(|v| v.view().name() == name)
    }

    /// The view itself.
    pub fn view(self) -> &'static dyn View {
        VIEWS[self.0]
    }

    /// Its place in the tab order, from 0.
    pub fn index(self) -> usize {
        self.0
    }

    /// The next view in tab order, round to the first.
    pub fn next(self) -> ViewId {
        ViewId((self.0 + 1) % VIEWS.len())
    }

    /// The previous view in tab order, round to the last.
    pub fn prev(self) -> ViewId {
        ViewId((self.0 + VIEWS.len() - 1) % VIEWS.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    #[test]
    fn every_view_has_its_own_name_and_action() {
        for view in ViewId::all() {
            let name = view.view().name();
            assert_eq!(ViewId::by_name(name), Some(view), "{name} is unique");
            assert_eq!(
                Action::parse(&format!("view_{name}")),
                Some(Action::ShowView(view))
            );
        }
        let last = ViewId::all().last().expect("views");
        assert_eq!(last.next(), ViewId::default(), "round to the first");
        assert_eq!(ViewId::default().prev(), last, "round to the last");
    }
}
