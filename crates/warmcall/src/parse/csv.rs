//! CSV/TSV parser (to be written).

use crate::{Error, Format, Transcript};

/// Parses CSV or TSV with a header row.
pub(crate) fn parse(_text: &str) -> Result<Transcript, Error> {
    Err(Error::Unsupported {
        path: None,
        name: Format::Csv.name().to_string(),
        reason: "parser not written yet".into(),
    })
}

/// True when `line` is a header row naming a text column and a speaker or
/// time column.
pub(crate) fn looks_like_header(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    let sep = if l.contains('\t') { '\t' } else { ',' };
    let cols: Vec<&str> = l.split(sep).map(|c| c.trim().trim_matches('"')).collect();
    cols.len() >= 2
        && cols
            .iter()
            .any(|c| matches!(*c, "text" | "utterance" | "transcript" | "content"))
        && cols.iter().any(|c| {
            c.starts_with("start") || c.starts_with("begin") || c.starts_with("speaker") || c.starts_with("participant")
        })
}
