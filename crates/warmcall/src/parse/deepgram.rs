//! deepgram JSON shape (to be written).

use crate::{Error, Transcript};

/// Parses the deepgram JSON shape from a parsed document.
pub(crate) fn parse(_v: &serde_json::Value) -> Result<Transcript, Error> {
    Err(Error::Unsupported {
        path: None,
        name: "deepgram".into(),
        reason: "not written yet".into(),
    })
}
