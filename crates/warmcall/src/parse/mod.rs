//! Format detection and dispatch. Adding a format is adding one module here
//! and one arm in [`parse_as`] and [`detect`].

mod assemblyai;
mod aws;
mod canonical;
mod chat;
mod csv;
mod deepgram;
mod json;
mod rttm;
mod srt;
pub(crate) mod timecode;
mod txt;
/// The W3C WebVTT cue layer, public for the conformance tests.
#[doc(hidden)]
pub mod vtt;
mod whisper;

use std::path::Path;

use crate::encoding;
use crate::{Error, Format, Transcript, Warning};

/// Options for parsing; `Default` detects everything.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Skip detection and parse as this format (`--format-hint`).
    pub format_hint: Option<Format>,
}

impl ParseOptions {
    /// Options that force one format.
    pub fn with_format(format: Format) -> ParseOptions {
        ParseOptions {
            format_hint: Some(format),
        }
    }
}

/// Parses raw bytes: decodes the encoding, detects the format (by the
/// path's extension first, then by content) and parses it.
///
/// ```
/// let t = warmcall::parse_bytes(b"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello there.\n", None).unwrap();
/// assert_eq!(t.segments.len(), 1);
/// assert_eq!(t.speakers[0].label, "Ann");
/// ```
pub fn parse_bytes(bytes: &[u8], path: Option<&Path>) -> Result<Transcript, Error> {
    parse_bytes_with(bytes, path, &ParseOptions::default())
}

/// [`parse_bytes`] with options.
pub fn parse_bytes_with(bytes: &[u8], path: Option<&Path>, opts: &ParseOptions) -> Result<Transcript, Error> {
    let with_path = |e: Error| match path {
        Some(p) => e.with_path(p),
        None => e,
    };
    let (text, warnings) = encoding::decode(bytes).map_err(with_path)?;
    let mut t = parse_text(&text, path, opts).map_err(with_path)?;
    let mut all = warnings;
    all.append(&mut t.warnings);
    t.warnings = all;
    Ok(t)
}

/// Parses text already decoded (detects the format like [`parse_bytes`]).
pub fn parse_str(text: &str, path: Option<&Path>) -> Result<Transcript, Error> {
    parse_text(text, path, &ParseOptions::default()).map_err(|e| match path {
        Some(p) => e.with_path(p),
        None => e,
    })
}

fn parse_text(text: &str, path: Option<&Path>, opts: &ParseOptions) -> Result<Transcript, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = encoding::normalize_newlines(text);
    let format = match opts.format_hint {
        Some(f) => f,
        None => detect(&text, path)?,
    };
    let mut t = parse_as(format, &text)?;
    finish(&mut t)?;
    Ok(t)
}

/// Parses text as one given format.
fn parse_as(format: Format, text: &str) -> Result<Transcript, Error> {
    match format {
        Format::Vtt => vtt::parse(text),
        Format::Srt => srt::parse(text),
        Format::Txt => txt::parse(text),
        Format::Csv => csv::parse(text),
        Format::Chat => chat::parse(text),
        Format::Rttm => rttm::parse(text),
        f if f.is_json() => json::parse(text, Some(f)),
        f => Err(Error::Unsupported {
            path: None,
            name: f.name().to_string(),
            reason: String::new(),
        }),
    }
}

/// Shared post-processing: stable sort by start, no empty transcripts.
fn finish(t: &mut Transcript) -> Result<(), Error> {
    if t.segments.is_empty() {
        return Err(Error::Empty {
            path: None,
            why: format!("the {} input holds no speech segments", t.format),
        });
    }
    t.sort_by_start();
    Ok(())
}

/// Detects the format: extension first, then content signatures.
pub fn detect(text: &str, path: Option<&Path>) -> Result<Format, Error> {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("vtt") | Some("webvtt") => return Ok(Format::Vtt),
        Some("srt") => return Ok(Format::Srt),
        Some("cha") => return Ok(Format::Chat),
        Some("rttm") => return Ok(Format::Rttm),
        Some("csv") | Some("tsv") => return Ok(Format::Csv),
        Some("json") => return json::detect_shape(text),
        Some("sbv") => return Err(unsupported("SubViewer (SBV)", "convert it to SRT or WebVTT")),
        Some("eaf") => {
            return Err(unsupported(
                "ELAN EAF",
                "export it from ELAN as tab-delimited text (CSV/TSV)",
            ))
        }
        Some("stm") => return Err(unsupported("NIST STM", "")),
        Some("ctm") => return Err(unsupported("NIST CTM", "")),
        Some("trn") => return Err(unsupported("NIST TRN", "")),
        Some("txt") | Some("text") => return Ok(Format::Txt),
        _ => {}
    }
    detect_content(text)
}

/// `h:mm:ss.fff,h:mm:ss.fff`, a SubViewer cue timing.
fn is_sbv_timing(line: &str) -> bool {
    let Some((a, b)) = line.trim().split_once(',') else {
        return false;
    };
    let time = |t: &str| {
        let parts: Vec<&str> = t.split([':', '.']).collect();
        parts.len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|c| c.is_ascii_digit()))
    };
    time(a) && time(b)
}

fn unsupported(name: &str, reason: &str) -> Error {
    Error::Unsupported {
        path: None,
        name: name.to_string(),
        reason: reason.to_string(),
    }
}

/// Detection by content only.
pub fn detect_content(text: &str) -> Result<Format, Error> {
    let head: &str = {
        let mut end = text.len().min(4096);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    };
    let trimmed = head.trim_start();
    if trimmed.starts_with("WEBVTT") {
        return Ok(Format::Vtt);
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return json::detect_shape(text);
    }
    if trimmed.starts_with("@UTF8")
        || trimmed.starts_with("@Begin")
        || head.lines().any(|l| l.starts_with('*') && l.contains(":\t"))
    {
        return Ok(Format::Chat);
    }
    if head
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with(";;"))
        .take(3)
        .all(|l| l.starts_with("SPEAKER ") || l.starts_with("SPEAKER\t"))
        && head.contains("SPEAKER")
    {
        return Ok(Format::Rttm);
    }
    if head.lines().any(|l| l.contains("-->") && l.contains(',')) {
        return Ok(Format::Srt);
    }
    if head.lines().any(|l| l.contains("-->")) {
        // Timings without a WEBVTT header are almost always SRT with '.'.
        return Ok(Format::Srt);
    }
    // SBV cue times look like "0:00:01.000,0:00:02.000"; checked on every
    // line of the head, as an SBV file may open with a broken cue.
    if head.lines().any(is_sbv_timing) {
        return Err(unsupported("SubViewer (SBV)", "convert it to SRT or WebVTT"));
    }
    if let Some(first) = head.lines().find(|l| !l.trim().is_empty()) {
        if csv::looks_like_header(first) {
            return Ok(Format::Csv);
        }
    }
    if txt::looks_like_txt(head) {
        return Ok(Format::Txt);
    }
    Err(Error::UnknownFormat {
        path: None,
        tried: "vtt, srt, json, chat, rttm, csv, txt".to_string(),
        hint: "no WEBVTT header, cue timings, JSON, CHAT tiers, RTTM lines, CSV header or `Name: text` lines found"
            .to_string(),
    })
}

/// Adds a warning; helper for parsers.
pub(crate) fn warn(t: &mut Transcript, line: usize, msg: impl Into<String>) {
    t.warnings.push(Warning::new(line, msg));
}
