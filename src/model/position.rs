//! Positions of items among their siblings as strings that sort in order
//! (fractional indexing): an item can always be put between two others
//! without touching them, so concurrent moves never duplicate or lose items.
