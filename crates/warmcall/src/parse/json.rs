//! JSON: shape detection and dispatch to one module per shape.

use crate::{Error, Format, Transcript};

/// Detects which JSON shape a document has by its keys.
pub(crate) fn detect_shape(_text: &str) -> Result<Format, Error> {
    Err(Error::Unsupported {
        path: None,
        name: "JSON".into(),
        reason: "JSON shapes not written yet".into(),
    })
}

/// Parses a JSON transcript; `shape` forces a shape.
pub(crate) fn parse(text: &str, shape: Option<Format>) -> Result<Transcript, Error> {
    let shape = match shape {
        Some(s) => s,
        None => detect_shape(text)?,
    };
    let _ = (
        super::canonical::parse,
        super::whisper::parse,
        super::aws::parse,
        super::deepgram::parse,
        super::assemblyai::parse,
    );
    Err(Error::Unsupported {
        path: None,
        name: shape.name().into(),
        reason: "not written yet".into(),
    })
}
