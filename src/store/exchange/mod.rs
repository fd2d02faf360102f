//! Taking in other copies: merges, bundles, kept-aside bundles, checks on what comes from outside, conflicts and what a merge puts at risk.

pub mod bundle;
pub mod chunks;
pub mod conflicts;
pub mod merge;
pub mod pending;
pub mod risks;
pub mod validate;
