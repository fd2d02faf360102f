//! Wording shared by the command line and the editor: text cut to a width,
//! the titles of deadline groups, a merge preview in words, a text change told by its changed words. Neither the
//! commands nor the editor own it, so neither reaches into the other.

pub mod comments;
pub mod compare;
pub mod coverage;
pub mod errors;
pub mod fit;
pub mod groups;
pub mod merge;
pub mod peers;
pub mod risks;
pub mod since;
pub mod sync;
pub mod trash;
pub mod words;

pub use fit::fit;
pub use groups::group_title;
pub use merge::preview_lines;
