//! txt parser (to be written).

use crate::{Error, Format, Transcript};

/// Parses txt text (line ends already normalised to LF, BOM removed).
pub(crate) fn parse(_text: &str) -> Result<Transcript, Error> {
    Err(Error::Unsupported {
        path: None,
        name: Format::Txt.name().to_string(),
        reason: "parser not written yet".into(),
    })
}

/// True when the head of a file looks like `Name: text` lines or a timed
/// variant of them.
pub(crate) fn looks_like_txt(head: &str) -> bool {
    head.lines().any(|l| {
        let l = l.trim();
        l.find(':').is_some_and(|i| i > 0 && i < 40)
    })
}
