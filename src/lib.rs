//! karta: roadmaps (дорожные карты) of municipal education departments, kept
//! as Automerge documents so copies edited offline merge without loss.

pub mod model;
