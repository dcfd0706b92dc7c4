//! assemblyai JSON shape (to be written).

use crate::{Error, Transcript};

/// Parses the assemblyai JSON shape from a parsed document.
pub(crate) fn parse(_v: &serde_json::Value) -> Result<Transcript, Error> {
    Err(Error::Unsupported {
        path: None,
        name: "assemblyai".into(),
        reason: "not written yet".into(),
    })
}
