//! The bundled sample roadmap, so that `karta` with no file shows a real
//! roadmap (the report, the editor).

use std::path::Path;

use crate::store::{Doc, StoreError};

/// The bundled sample's bytes.
pub const SAMPLE: &[u8] = include_bytes!("../samples/chernogorsk.karta");

/// The name the bundled sample goes by in messages.
pub const SAMPLE_NAME: &str = "samples/chernogorsk.karta";

/// The bundled sample as a document.
pub fn document() -> Result<Doc, StoreError> {
    Doc::from_bytes(SAMPLE, Path::new(SAMPLE_NAME))
}
