//! Output formats, one [`Sink`] each. A sink sees every call and error in
//! input order, then the summary; it writes bytes and knows nothing of the
//! walk, the threads or the exit code.

pub mod csv;
pub mod json;
pub mod jsonl;
pub mod record;
pub mod table;

use std::io::{self, Write};

use crate::aggregate::{CallRow, Summary};
use record::{CallOutput, ErrorRecord};

/// Schema id of the `json` batch document.
pub const BATCH_SCHEMA: &str = "warmcall.batch.v1";

/// One output format.
pub trait Sink {
    /// Before the first record.
    fn begin(&mut self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// One analysed call.
    fn call(&mut self, w: &mut dyn Write, call: &CallOutput) -> io::Result<()>;
    /// One failed input.
    fn error(&mut self, w: &mut dyn Write, e: &ErrorRecord) -> io::Result<()>;
    /// After the last record; `rows` are every call's compact figures.
    fn finish(&mut self, w: &mut dyn Write, summary: &Summary, rows: &[CallRow]) -> io::Result<()>;
}

/// The sink for a format; the table speaks `ui`'s language, and `colour`
/// styles its headings.
pub fn sink(format: crate::args::OutFormat, ui: crate::i18n::Ui, colour: bool) -> Box<dyn Sink> {
    match format {
        crate::args::OutFormat::Table => Box::new(table::Table::new(ui, colour)),
        crate::args::OutFormat::Json => Box::new(json::Json::default()),
        crate::args::OutFormat::Jsonl => Box::new(jsonl::Jsonl::default()),
        crate::args::OutFormat::Csv => Box::new(csv::Csv),
    }
}

/// Whether `bytes` are one of warmcall's own csv, json or jsonl outputs,
/// known by how each starts: the csv header (columns are only ever
/// appended, so any version's header starts the same), the json batch
/// schema id, a jsonl record's type tag. Such a file in a calls folder is
/// the last run's output, not a call.
pub fn written_by_warmcall(bytes: &[u8]) -> bool {
    const CSV_HEAD: &[u8] = b"path,status,error,format,";
    const JSON_HEAD: &[u8] = b"{\"schema\":\"warmcall.batch.";
    const JSONL_TAGS: [&[u8]; 3] = [
        b"{\"type\":\"call\",",
        b"{\"type\":\"error\",",
        b"{\"type\":\"summary\",",
    ];
    bytes.starts_with(CSV_HEAD) || bytes.starts_with(JSON_HEAD) || JSONL_TAGS.iter().any(|t| bytes.starts_with(t))
}

/// Keeps the I/O kind of a write failure (a closed pipe must stay a
/// `BrokenPipe` for main to end quietly).
pub(crate) fn json_err(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

/// `43%`.
pub fn pct(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{:.0}%", v * 100.0),
        _ => "-".into(),
    }
}

/// `2m10s`, `1h02m`, `45s`.
pub fn duration(s: Option<f64>) -> String {
    let Some(s) = s.filter(|s| s.is_finite() && *s >= 0.0) else {
        return "-".into();
    };
    let t = s.round() as u64;
    if t >= 3600 {
        format!("{}h{:02}m", t / 3600, (t % 3600) / 60)
    } else if t >= 60 {
        format!("{}m{:02}s", t / 60, t % 60)
    } else {
        format!("{t}s")
    }
}

/// A warmth score with one decimal always (89.0, not 89), so columns line up.
pub fn warmth(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{v:.1}"),
        _ => "-".to_string(),
    }
}

/// A number with at most one decimal, `-` when absent.
pub fn num(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => {
            if (v - v.round()).abs() < 1e-9 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            }
        }
        _ => "-".into(),
    }
}

/// `mm:ss` or `h:mm:ss` for times in a call.
pub fn clock(s: Option<f64>) -> String {
    let Some(s) = s.filter(|s| s.is_finite() && *s >= 0.0) else {
        return "--:--".into();
    };
    let t = s.floor() as u64;
    if t >= 3600 {
        format!("{}:{:02}:{:02}", t / 3600, (t % 3600) / 60, t % 60)
    } else {
        format!("{:02}:{:02}", t / 60, t % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_outputs_are_known_by_how_they_start() {
        let mut csv = Vec::new();
        csv::Csv.begin(&mut csv).unwrap();
        assert!(written_by_warmcall(&csv));
        let mut json = Vec::new();
        json::Json::default().begin(&mut json).unwrap();
        assert!(written_by_warmcall(&json));
        assert!(written_by_warmcall(b"{\"type\":\"summary\",\"files\":0}\n"));
        // Near misses: transcripts that look alike.
        assert!(!written_by_warmcall(b"path,speaker,start,end,text\n"));
        assert!(!written_by_warmcall(b"{\"segments\":[{\"type\":\"call\"}]}"));
        assert!(!written_by_warmcall(b"{\"schema\":\"warmcall.report.v1\"}"));
        assert!(!written_by_warmcall(b"{\"type\": \"call\"}"));
    }

    #[test]
    fn human_units() {
        assert_eq!(pct(Some(0.434)), "43%");
        assert_eq!(pct(None), "-");
        assert_eq!(duration(Some(130.2)), "2m10s");
        assert_eq!(duration(Some(45.0)), "45s");
        assert_eq!(duration(Some(3725.0)), "1h02m");
        assert_eq!(num(Some(2.0)), "2");
        assert_eq!(num(Some(2.25)), "2.2");
        assert_eq!(clock(Some(75.9)), "01:15");
    }
}
