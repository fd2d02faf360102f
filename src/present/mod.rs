//! Wording shared by the command line and the editor: text cut to a width,
//! the titles of deadline groups, a merge preview in words. Neither the
//! commands nor the editor own it, so neither reaches into the other.

pub mod comments;
pub mod coverage;
pub mod fit;
pub mod groups;
pub mod merge;
pub mod since;

pub use fit::fit;
pub use groups::group_title;
pub use merge::preview_lines;
