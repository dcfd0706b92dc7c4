//! vtt parser (to be written).

use crate::{Error, Format, Transcript};

/// Parses vtt text (line ends already normalised to LF, BOM removed).
pub(crate) fn parse(_text: &str) -> Result<Transcript, Error> {
    Err(Error::Unsupported {
        path: None,
        name: Format::Vtt.name().to_string(),
        reason: "parser not written yet".into(),
    })
}
