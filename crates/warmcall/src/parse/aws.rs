//! aws JSON shape (to be written).

use crate::{Error, Transcript};

/// Parses the aws JSON shape from a parsed document.
pub(crate) fn parse(_v: &serde_json::Value) -> Result<Transcript, Error> {
    Err(Error::Unsupported {
        path: None,
        name: "aws".into(),
        reason: "not written yet".into(),
    })
}
