//! Typed errors. Hard problems are errors with path and line; soft ones are
//! [`crate::Warning`]s in the transcript.

use std::path::PathBuf;

/// Everything that can go wrong turning bytes into a report.
///
/// The `Display` text is a complete message (`path: line N: expected …`);
/// the variants let a caller sort failures as the CLI does. `#[non_exhaustive]`:
/// match with a wildcard arm.
///
/// ```
/// use std::path::Path;
/// let err = warmcall::parse_bytes(b"WEBVTT\n\n", Some(Path::new("call.vtt"))).unwrap_err();
/// assert!(matches!(err, warmcall::Error::Empty { .. }));
/// assert!(err.to_string().starts_with("call.vtt: no segments found"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input does not follow the format it claims or was detected as.
    #[error("{}{}expected {expected}, found {found}", fmt_path(path), fmt_parse_line(*line))]
    Parse {
        /// The file, when known.
        path: Option<PathBuf>,
        /// The format being parsed.
        format: crate::Format,
        /// 1-based line (0 when not tied to a line).
        line: usize,
        /// What the parser expected there.
        expected: String,
        /// What it found (shortened).
        found: String,
    },
    /// No parser recognised the input.
    #[error("{}unknown transcript format (tried {tried}): {hint}", fmt_path(path))]
    UnknownFormat {
        /// The file, when known.
        path: Option<PathBuf>,
        /// The formats that were tried, comma-separated.
        tried: String,
        /// Why none fitted.
        hint: String,
    },
    /// The input is a recognised format that warmcall does not read.
    #[error("{}{name} is a format warmcall does not read{}", fmt_path(path), fmt_reason(reason))]
    Unsupported {
        /// The file, when known.
        path: Option<PathBuf>,
        /// The format's name (SBV, ELAN EAF, STM, CTM…).
        name: String,
        /// Extra advice.
        reason: String,
    },
    /// The input holds no speech at all.
    #[error("{}no segments found: {why}", fmt_path(path))]
    Empty {
        /// The file, when known.
        path: Option<PathBuf>,
        /// What was there instead.
        why: String,
    },
    /// The input is binary or undecodable.
    #[error("{}not a text transcript: {why}", fmt_path(path))]
    Binary {
        /// The file, when known.
        path: Option<PathBuf>,
        /// What gave it away.
        why: String,
    },
    /// The forced seller (`--agent`, `roles.agent`) matches none of the
    /// call's speakers: scoring it anyway would count the seller as a
    /// customer and every figure would be wrong.
    #[error(
        "{}agent {agent:?} not found; speakers: {}{}",
        fmt_path(path),
        fmt_speakers(speakers),
        fmt_suggestion(suggestion)
    )]
    AgentNotFound {
        /// The file, when known.
        path: Option<PathBuf>,
        /// The pattern as given (a name or `/regex/`).
        agent: String,
        /// The call's speakers, as `label` or `label (display name)`.
        speakers: Vec<String>,
        /// A speaker name close to a mistyped `agent`, when there is one.
        suggestion: Option<String>,
    },
    /// Bad configuration (TOML file, lexicon, agent pattern).
    #[error("config: {key}{}: {message}", fmt_line(*line))]
    Config {
        /// The key at fault, dotted (`silence.min_s`).
        key: String,
        /// 1-based line in the config file, 0 when not from a file.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// Attaches a path to an error that has none yet.
    pub fn with_path(mut self, p: &std::path::Path) -> Error {
        match &mut self {
            Error::Parse { path, .. }
            | Error::UnknownFormat { path, .. }
            | Error::Unsupported { path, .. }
            | Error::Empty { path, .. }
            | Error::Binary { path, .. }
            | Error::AgentNotFound { path, .. } => {
                if path.is_none() {
                    *path = Some(p.to_path_buf());
                }
            }
            Error::Config { .. } => {}
        }
        self
    }

    /// The source line the error points at, 0 when none.
    pub fn line(&self) -> usize {
        match self {
            Error::Parse { line, .. } | Error::Config { line, .. } => *line,
            _ => 0,
        }
    }

    /// A parse error without a path (the caller adds it).
    pub fn parse(format: crate::Format, line: usize, expected: impl Into<String>, found: &str) -> Error {
        Error::Parse {
            path: None,
            format,
            line,
            expected: expected.into(),
            found: shorten(found),
        }
    }
}

/// Shortens quoted input for messages: at most 60 characters, quoted.
pub fn shorten(s: &str) -> String {
    let s = s.trim_end_matches(['\r', '\n']);
    if s.is_empty() {
        return "an empty line".to_string();
    }
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    format!("{out:?}")
}

fn fmt_path(p: &Option<PathBuf>) -> String {
    match p {
        Some(p) => format!("{}: ", p.display()),
        None => String::new(),
    }
}

/// `line N: ` before a parse error's message; nothing for line 0 (a
/// problem of the whole file, such as a damaged zip archive).
fn fmt_parse_line(line: usize) -> String {
    if line > 0 {
        format!("line {line}: ")
    } else {
        String::new()
    }
}

fn fmt_speakers(s: &[String]) -> String {
    if s.is_empty() {
        "none".to_string()
    } else {
        s.join(", ")
    }
}

fn fmt_suggestion(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("; did you mean {s:?}?"),
        None => String::new(),
    }
}

fn fmt_line(line: usize) -> String {
    if line > 0 {
        format!(" (line {line})")
    } else {
        String::new()
    }
}

fn fmt_reason(r: &str) -> String {
    if r.is_empty() {
        String::new()
    } else {
        format!(" ({r})")
    }
}

/// Result with warmcall's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
