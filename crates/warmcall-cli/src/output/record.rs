//! What a writer receives: an analysed call (its report, its compact row
//! and, for the HTML report, its rendered section) or a per-file error.
//! The batch runner builds these and the writers read them, so neither
//! imports the other.

use serde::Serialize;
use warmcall::Report;

use crate::aggregate::CallRow;

/// A per-file failure: one record in the output, one line on stderr.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// Path as shown (`-` for stdin).
    pub path: String,
    /// 1-based line, `null` when the problem is not tied to a line.
    pub line: Option<usize>,
    /// `io`, `too-large`, `parse`, `unknown-format`, `unsupported`,
    /// `empty`, `binary`, `agent-not-found`, `convert` or `error`.
    pub kind: &'static str,
    /// What went wrong (without the path).
    pub message: String,
}

impl ErrorRecord {
    /// `path:line: message` (or `path: message`).
    pub fn stderr_line(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}: {}", self.path, self.message),
            None => format!("{}: {}", self.path, self.message),
        }
    }

    /// From a library error.
    pub fn from_error(path: &str, e: &warmcall::Error) -> ErrorRecord {
        use warmcall::Error as E;
        let (kind, own_path) = match e {
            E::Parse { path, .. } => ("parse", path.as_deref()),
            E::UnknownFormat { path, .. } => ("unknown-format", path.as_deref()),
            E::Unsupported { path, .. } => ("unsupported", path.as_deref()),
            E::Empty { path, .. } => ("empty", path.as_deref()),
            E::Binary { path, .. } => ("binary", path.as_deref()),
            E::AgentNotFound { path, .. } => ("agent-not-found", path.as_deref()),
            E::Config { .. } => ("config", None),
            _ => ("error", None),
        };
        let mut msg = e.to_string();
        if let Some(p) = own_path {
            let prefix = format!("{}: ", p.display());
            if let Some(rest) = msg.strip_prefix(&prefix) {
                msg = rest.to_string();
            }
        }
        let line = (e.line() > 0).then(|| e.line());
        if let Some(l) = line {
            if let Some(rest) = msg.strip_prefix(&format!("line {l}: ")) {
                msg = rest.to_string();
            }
        }
        ErrorRecord {
            path: path.to_string(),
            line,
            kind,
            message: msg,
        }
    }
}

/// One analysed call as handed to a sink.
#[derive(Debug)]
pub struct CallOutput {
    /// The full report.
    pub report: Report,
    /// Its compact row.
    pub row: CallRow,
    /// The call's HTML section and its warmth costs, when rendering a report.
    pub html: Option<Rendered>,
}

/// A rendered call: its section and what its findings cost.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The `<section>` element.
    pub section: String,
    /// Warmth lost per finding, highest first.
    pub costs: Vec<Cost>,
}

/// One finding in one call: warmth points it cost and its clearest moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Cost {
    /// Finding id.
    pub id: String,
    /// Warmth points (0..100 scale) this finding cost the call.
    pub points: f64,
    /// The moment to show, when the finding has one.
    pub moment: Option<Moment>,
}

/// A place in a call, with the transcript's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// Segment index (the transcript line).
    pub segment: usize,
    /// Its start time.
    pub start_s: Option<f64>,
    /// The segment's words, clipped.
    pub quote: String,
}
