//! karta: roadmaps of municipal education departments.

fn main() {}
