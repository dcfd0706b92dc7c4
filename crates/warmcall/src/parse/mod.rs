//! Format detection and dispatch. Adding a format is adding one module here
//! and one arm in `parse_as` and [`detect`].

mod assemble;
mod assemblyai;
mod aws;
mod azure;
mod canonical;
mod caption;
mod chat;
mod csv;
mod deepgram;
mod docx;
mod eaf;
mod google;
mod json;
mod json_fields;
mod json_outline;
mod json_shape;
mod labels;
mod layouts;
mod markup;
mod rev;
mod rttm;
mod speechmatics;
mod srt;
mod textgrid;
mod tiers;
pub(crate) mod timecode;
mod trs;
mod txt;
/// The W3C WebVTT cue layer, public for the conformance tests.
#[doc(hidden)]
pub mod vtt;
mod watson;
mod whisper;
mod xml;

use std::collections::BTreeMap;
use std::path::Path;

use crate::encoding;
use crate::{Error, Format, Transcript, Warning};

/// The regex crate's `\s` on ASCII, which the hand-written readers of
/// timing lines and time prefixes follow: tab to carriage return (vertical
/// tab included, unlike `u8::is_ascii_whitespace`) and space.
pub(crate) fn ascii_space(b: u8) -> bool {
    b == b' ' || (0x09..=0x0d).contains(&b)
}

/// `text.split('\n')` collected, by a vectorised search for each line end
/// (the char-pattern splitter pays a call per line on top), with room for
/// the lines reserved up front.
pub(crate) fn split_lf(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(text.len() / 32 + 4);
    let mut from = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(&text[from..end]);
        from = end + 1;
    }
    lines.push(&text[from..]);
    lines
}

/// `text.lines()` collected (pieces split at LF, one CR before it dropped,
/// no empty piece after a final LF), by [`split_lf`]'s vectorised search.
pub(crate) fn std_lines(text: &str) -> Vec<&str> {
    let mut lines = split_lf(text);
    // The piece after the last LF (or the whole text): `lines()` yields it
    // only when it is not empty.
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    // Every piece but a last one without its own LF ended at an LF.
    let ended = if text.ends_with('\n') {
        lines.len()
    } else {
        lines.len().saturating_sub(1)
    };
    for l in &mut lines[..ended] {
        *l = l.strip_suffix('\r').unwrap_or(l);
    }
    lines
}

/// Options for parsing; `Default` detects everything.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Skip detection and parse as this format (`--format-hint`).
    pub format_hint: Option<Format>,
    /// Tier names (ELAN) mapped to speaker labels: a named tier is read as
    /// that speaker even where the skip rule would leave it out, and an
    /// empty label skips it (config `[tiers]`).
    pub tier_speakers: BTreeMap<String, String>,
}

impl ParseOptions {
    /// Options that force one format.
    pub fn with_format(format: Format) -> ParseOptions {
        ParseOptions {
            format_hint: Some(format),
            ..ParseOptions::default()
        }
    }

    /// These options with tier names mapped to speaker labels (see
    /// [`ParseOptions::tier_speakers`]).
    ///
    /// ```
    /// use warmcall::ParseOptions;
    /// let opts = ParseOptions::default().with_tier_speakers([("spk1 (orth)", "Sanne")]);
    /// assert_eq!(opts.tier_speakers["spk1 (orth)"], "Sanne");
    /// ```
    pub fn with_tier_speakers<K: Into<String>, V: Into<String>>(
        mut self,
        map: impl IntoIterator<Item = (K, V)>,
    ) -> ParseOptions {
        self.tier_speakers = map.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        self
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

/// [`parse_bytes`] with options: `ParseOptions::with_format` skips
/// detection (the CLI's `--format-hint`).
///
/// ```
/// use warmcall::{Format, ParseOptions};
/// // `Name: text` lines that happen to look like a CSV header are still text.
/// let opts = ParseOptions::with_format(Format::Txt);
/// let t = warmcall::parse_bytes_with(b"Ann: Hello, how are you?\nBob: Fine, thanks.\n", None, &opts)?;
/// assert_eq!((t.format, t.segments.len()), (Format::Txt, 2));
/// # Ok::<(), warmcall::Error>(())
/// ```
pub fn parse_bytes_with(bytes: &[u8], path: Option<&Path>, opts: &ParseOptions) -> Result<Transcript, Error> {
    let with_path = |e: Error| match path {
        Some(p) => e.with_path(p),
        None => e,
    };
    if is_docx(bytes, path, opts) {
        return parse_docx(bytes, opts).map_err(with_path);
    }
    // Praat's binary TextGrid would be refused as "binary": say what it is.
    if bytes.starts_with(b"ooBinaryFile") && opts.format_hint.is_none_or(|f| f == Format::TextGrid) {
        return Err(with_path(textgrid::binary_refusal()));
    }
    let (text, warnings) = encoding::decode(bytes).map_err(with_path)?;
    let mut t = parse_text(&text, path, opts).map_err(with_path)?;
    let mut all = warnings;
    all.append(&mut t.warnings);
    t.warnings = all;
    Ok(t)
}

/// Parses text already decoded (detects the format like [`parse_bytes`]);
/// for transcripts that arrive as strings (a queue, an API response).
///
/// ```
/// let t = warmcall::parse_str("1\n00:00:00,000 --> 00:00:02,000\nAnn: Hello.\n", None)?;
/// assert_eq!(t.format, warmcall::Format::Srt);
/// assert_eq!(t.timing, warmcall::Timing::Full);
/// # Ok::<(), warmcall::Error>(())
/// ```
pub fn parse_str(text: &str, path: Option<&Path>) -> Result<Transcript, Error> {
    parse_text(text, path, &ParseOptions::default()).map_err(|e| match path {
        Some(p) => e.with_path(p),
        None => e,
    })
}

/// A Word document: by hint, by extension, or (no hint, no extension
/// saying otherwise) by the zip signature.
fn is_docx(bytes: &[u8], path: Option<&Path>, opts: &ParseOptions) -> bool {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match opts.format_hint {
        Some(f) => f == Format::Docx,
        None => ext.as_deref() == Some("docx") || docx::is_zip(bytes),
    }
}

/// A Word document's paragraphs, read as lines of text by content.
fn parse_docx(bytes: &[u8], opts: &ParseOptions) -> Result<Transcript, Error> {
    let text = docx::paragraphs(bytes)?;
    let classic = docx::classic_as_vtt(&text);
    let shift = if classic.is_some() {
        docx::CLASSIC_HEADER_LINES
    } else {
        0
    };
    let text = classic.unwrap_or(text);
    let format = detect_content(&text).map_err(|e| match e {
        Error::UnknownFormat { tried, hint, .. } => Error::UnknownFormat {
            path: None,
            tried,
            hint: format!("the Word document's paragraphs: {hint}"),
        },
        e => e,
    })?;
    let mut t = parse_as(format, &text, opts).map_err(|e| match e {
        Error::Parse {
            line, expected, found, ..
        } => {
            let line = line.saturating_sub(shift);
            Error::Parse {
                path: None,
                format: Format::Docx,
                line,
                expected: format!("{expected} (in paragraph {line} of the Word document)"),
                found,
            }
        }
        e => e,
    })?;
    t.format = Format::Docx;
    for s in &mut t.segments {
        s.source_line = s.source_line.saturating_sub(shift);
    }
    for w in &mut t.warnings {
        w.line = w.line.saturating_sub(shift);
    }
    // A `<w:tab/>` inside the words is layout, not a separator.
    for s in &mut t.segments {
        if s.text.contains('\t') {
            s.text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }
    finish(&mut t)?;
    Ok(t)
}

fn parse_text(text: &str, path: Option<&Path>, opts: &ParseOptions) -> Result<Transcript, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = encoding::normalize_newlines(text);
    let (format, notes) = match opts.format_hint {
        Some(f) => (f, Vec::new()),
        None => detect_noted(&text, path)?,
    };
    let mut t = parse_as(format, &text, opts)?;
    if !notes.is_empty() {
        let mut all = notes;
        all.append(&mut t.warnings);
        t.warnings = all;
    }
    finish(&mut t)?;
    Ok(t)
}

/// Parses text as one given format.
fn parse_as(format: Format, text: &str, opts: &ParseOptions) -> Result<Transcript, Error> {
    match format {
        Format::Eaf => eaf::parse(text, &opts.tier_speakers),
        Format::TextGrid => textgrid::parse(text, &opts.tier_speakers),
        Format::Trs => trs::parse(text),
        // A Word document is a zip archive: only `parse_bytes` can open it.
        Format::Docx => Err(unsupported("A .docx given as text", "pass its bytes to parse_bytes")),
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
    drop_absurd_times(t);
    t.sort_by_start();
    drop_duplicates(t);
    warn_long_gaps(t);
    // Parsed but without a word to measure: say so rather than report zero
    // words as if nobody had spoken.
    if t.format != Format::Rttm && t.segments.iter().all(|s| s.text.trim().is_empty()) {
        t.warnings.push(Warning::new(
            0,
            "no segment holds any words: only the timing figures can be measured",
        ));
    }
    cap_warnings(&mut t.warnings);
    Ok(())
}

/// At most this many warnings reach the report; the rest are counted. A
/// file of a million broken cues must not make a million-line report.
const MAX_WARNINGS: usize = 100;

fn cap_warnings(warnings: &mut Vec<Warning>) {
    if warnings.len() > MAX_WARNINGS {
        let rest = warnings.len() - (MAX_WARNINGS - 1);
        warnings.truncate(MAX_WARNINGS - 1);
        warnings.push(Warning::new(0, format!("{rest} more warnings not shown")));
    }
}

/// Times no recording can have (negative, NaN, infinite) are dropped from
/// their segment with one warning, as the JSON and RTTM parsers already do:
/// the text still counts, the time figures skip it. Large times are kept:
/// HLS captions carry program times of a thousand hours and more.
fn drop_absurd_times(t: &mut Transcript) {
    let absurd = |v: Option<f64>| v.is_some_and(|v| !v.is_finite() || v < 0.0);
    let mut count = 0usize;
    let mut first = None;
    for s in &mut t.segments {
        if absurd(s.start_s) || absurd(s.end_s) {
            count += 1;
            first.get_or_insert((s.source_line, s.start_s, s.end_s));
            s.start_s = None;
            s.end_s = None;
        }
    }
    if count > 0 && t.segments.iter().all(|s| s.start_s.is_none()) {
        t.timing = crate::Timing::None;
    }
    if let Some((line, start, end)) = first {
        let fmt = |v: Option<f64>| v.map_or("none".to_string(), |v| format!("{v} s"));
        t.warnings.push(Warning::new(
            line,
            format!(
                "{count} segment(s) with absurd times (first: start {}, end {}; negative or not a number); kept without times",
                fmt(start),
                fmt(end),
            ),
        ));
    }
}

/// A day of silence between two segments is a broken time stamp
/// (`99999:00:00.000`) far more often than a recording: the times are kept,
/// since nothing says which one is wrong, but the report says so.
const SUSPICIOUS_GAP_S: f64 = 24.0 * 3600.0;

fn warn_long_gaps(t: &mut Transcript) {
    let mut reached: Option<f64> = None;
    let mut count = 0usize;
    let mut first = None;
    for s in &t.segments {
        let (Some(start), end) = (s.start_s, s.end_s) else {
            continue;
        };
        if let Some(r) = reached {
            if start - r > SUSPICIOUS_GAP_S {
                count += 1;
                first.get_or_insert((s.source_line, start - r));
            }
        }
        let end = end.unwrap_or(start).max(start);
        reached = Some(reached.map_or(end, |r| r.max(end)));
    }
    if let Some((line, gap)) = first {
        t.warnings.push(Warning::new(
            line,
            format!(
                "{count} gap(s) of more than a day between segments (first: {:.0} hours); check the time stamps",
                gap / 3600.0
            ),
        ));
    }
}

/// Exact duplicates (same speaker, start, end and text, as caption files
/// that repeat a cue hold) would count every word twice; they are dropped
/// with one warning. Untimed segments are never duplicates: "ja", "ja" is
/// two answers.
fn drop_duplicates(t: &mut Transcript) {
    use std::collections::{HashMap, HashSet};
    // Inferred ends (start-only lines) make equal times an artifact: two
    // "ja" in one second of a `[00:01:02]` transcript are two answers.
    if t.timing != crate::Timing::Full {
        return;
    }
    // Starts that all rise strictly (as in nearly every call, sorted just
    // before) give no two segments one key: nothing to look up.
    let distinct_starts = t.segments.first().is_some_and(|s| s.start_s.is_some())
        && t.segments.windows(2).all(|w| match (w[0].start_s, w[1].start_s) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        });
    if distinct_starts {
        return;
    }
    // Segments are keyed by speaker and times first; only segments whose
    // key repeats have their text hashed and compared, which spares hashing
    // every text of a call where nearly all keys are unique.
    let mut first_of: HashMap<(usize, u64, u64), usize> = HashMap::with_capacity(t.segments.len());
    let mut seen: HashSet<(usize, u64, u64, &str)> = HashSet::new();
    let keep: Vec<bool> = t
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| match (s.start_s, s.end_s) {
            (Some(a), Some(b)) => {
                let key = (s.speaker, a.to_bits(), b.to_bits());
                match first_of.entry(key) {
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(i);
                        true
                    }
                    std::collections::hash_map::Entry::Occupied(o) => {
                        seen.insert((key.0, key.1, key.2, t.segments[*o.get()].text.as_str()));
                        seen.insert((key.0, key.1, key.2, s.text.as_str()))
                    }
                }
            }
            _ => true,
        })
        .collect();
    let dropped = keep.iter().filter(|k| !**k).count();
    if dropped == 0 {
        return;
    }
    let first_line = t
        .segments
        .iter()
        .zip(&keep)
        .find(|(_, k)| !**k)
        .map_or(0, |(s, _)| s.source_line);
    // Pause events point at segment indices: map each old index to the kept
    // segment at or before it.
    let mut new_index = Vec::with_capacity(keep.len());
    let mut kept = 0usize;
    for &k in &keep {
        if k {
            kept += 1;
        }
        new_index.push(kept.checked_sub(1));
    }
    for p in &mut t.pauses {
        p.after_segment = p.after_segment.and_then(|i| new_index.get(i).copied().flatten());
    }
    let mut it = keep.iter();
    t.segments.retain(|_| *it.next().unwrap_or(&true));
    t.warnings.push(Warning::new(
        first_line,
        format!("{dropped} duplicate segment(s) (same speaker, times and text) dropped"),
    ));
}

/// Detects the format: extension first, then content signatures.
pub fn detect(text: &str, path: Option<&Path>) -> Result<Format, Error> {
    detect_noted(text, path).map(|(f, _)| f)
}

/// [`detect`], with what detection noticed for the report (JSON keys that
/// look like speakers or times but that the shape found does not read).
fn detect_noted(text: &str, path: Option<&Path>) -> Result<(Format, Vec<Warning>), Error> {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    detect_by_name(text, ext.as_deref())
}

fn detect_by_name(text: &str, ext: Option<&str>) -> Result<(Format, Vec<Warning>), Error> {
    let found = |f: Format| Ok((f, Vec::new()));
    match ext {
        Some("vtt") | Some("webvtt") => return found(Format::Vtt),
        Some("srt") => return found(Format::Srt),
        Some("cha") => return found(Format::Chat),
        Some("rttm") => return found(Format::Rttm),
        Some("csv") | Some("tsv") => return found(Format::Csv),
        Some("json") => return json::detect(text),
        Some("sbv") => return Err(unsupported("SubViewer (SBV)", "convert it to SRT or WebVTT")),
        Some("eaf") => return found(Format::Eaf),
        Some("trs") => return found(Format::Trs),
        Some("textgrid") => return found(Format::TextGrid),
        Some("docx") => return Err(unsupported("A .docx given as text", "pass its bytes to parse_bytes")),
        Some("stm") => return Err(unsupported("NIST STM", "")),
        Some("ctm") => return Err(unsupported("NIST CTM", "")),
        Some("trn") => return Err(unsupported("NIST TRN", "")),
        Some("txt") | Some("text") | Some("md") | Some("markdown") => return found(Format::Txt),
        _ => {}
    }
    detect_content_noted(text)
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

/// The XML formats, by their root element (in the head, after any
/// declaration and comments).
fn detect_xml(head: &str) -> Option<Result<Format, Error>> {
    if head.contains("<ANNOTATION_DOCUMENT") {
        return Some(Ok(Format::Eaf));
    }
    if ["<Trans ", "<Trans>", "<Trans\n", "<Trans\t"]
        .iter()
        .any(|p| head.contains(p))
    {
        return Some(Ok(Format::Trs));
    }
    None
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
    detect_content_noted(text).map(|(f, _)| f)
}

fn detect_content_noted(text: &str) -> Result<(Format, Vec<Warning>), Error> {
    let found = |f: Format| Ok((f, Vec::new()));
    let head: &str = {
        let mut end = text.len().min(4096);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    };
    let trimmed = head.trim_start();
    if trimmed.starts_with("WEBVTT") {
        return found(Format::Vtt);
    }
    if trimmed.starts_with("File type = \"ooTextFile\"") && head.contains("\"TextGrid\"") {
        return found(Format::TextGrid);
    }
    if trimmed.starts_with('<') {
        if let Some(f) = detect_xml(head) {
            return f.map(|f| (f, Vec::new()));
        }
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return json::detect(text);
    }
    if trimmed.starts_with("@UTF8")
        || trimmed.starts_with("@Begin")
        || head.lines().any(|l| l.starts_with('*') && l.contains(":\t"))
    {
        return found(Format::Chat);
    }
    if head
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with(";;"))
        .take(3)
        .all(|l| l.starts_with("SPEAKER ") || l.starts_with("SPEAKER\t"))
        && head.contains("SPEAKER")
    {
        return found(Format::Rttm);
    }
    if head.lines().any(|l| l.contains("-->") && l.contains(',')) {
        return found(Format::Srt);
    }
    if head.lines().any(|l| l.contains("-->")) {
        // Timings without a WEBVTT header are almost always SRT with '.'.
        return found(Format::Srt);
    }
    // SBV cue times look like "0:00:01.000,0:00:02.000"; checked on every
    // line of the head, as an SBV file may open with a broken cue.
    if head.lines().any(is_sbv_timing) {
        return Err(unsupported("SubViewer (SBV)", "convert it to SRT or WebVTT"));
    }
    if layouts::detect(head).is_some() {
        return found(Format::Txt);
    }
    if let Some(first) = head.lines().find(|l| !l.trim().is_empty()) {
        if csv::looks_like_header(first) {
            return found(Format::Csv);
        }
    }
    if txt::looks_like_txt(head) {
        return found(Format::Txt);
    }
    Err(Error::UnknownFormat {
        path: None,
        tried: "vtt, srt, json, chat, rttm, csv, txt".to_string(),
        hint: "no WEBVTT header, cue timings, JSON, CHAT tiers, RTTM lines, CSV header or `Name: text` lines found"
            .to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_dropped_only_where_speaker_times_and_text_repeat() {
        let cue = |t: &str, who: &str, text: &str| format!("{t} --> 00:09.000\n<v {who}>{text}\n\n");
        let dup_count = |body: &str| {
            let t = parse_str(&format!("WEBVTT\n\n{body}"), None).unwrap();
            let w = t.warnings.iter().find(|w| w.message.contains("duplicate"));
            (t.segments.len(), w.map(|w| (w.line, w.message.clone())))
        };
        // Rising starts: the early return.
        let rising = [cue("00:01.000", "A", "x"), cue("00:02.000", "A", "x")].concat();
        assert_eq!(dup_count(&rising), (2, None));
        // Same start: same key and text dropped, other speaker or text kept.
        let same = [
            cue("00:01.000", "A", "x"),
            cue("00:01.000", "B", "x"),
            cue("00:01.000", "A", "y"),
            cue("00:01.000", "A", "x"),
            cue("00:02.000", "A", "x"),
        ]
        .concat();
        let (n, w) = dup_count(&same);
        assert_eq!(n, 4);
        assert_eq!(
            w.unwrap().1,
            "1 duplicate segment(s) (same speaker, times and text) dropped"
        );
        // Out of order in the file: sorted first, then found.
        let unsorted = [
            cue("00:02.000", "A", "x"),
            cue("00:01.000", "A", "z"),
            cue("00:02.000", "A", "x"),
        ]
        .concat();
        assert_eq!(dup_count(&unsorted).0, 2);
    }

    #[test]
    fn annotation_formats_are_detected_by_extension_and_content() {
        let by_ext = |name: &str| detect("", Some(Path::new(name))).map_err(|e| e.to_string());
        assert_eq!(by_ext("a.eaf"), Ok(Format::Eaf));
        assert_eq!(by_ext("a.TextGrid"), Ok(Format::TextGrid));
        assert_eq!(by_ext("a.trs"), Ok(Format::Trs));
        assert_eq!(by_ext("a.md"), Ok(Format::Txt));
        let content = |text: &str| detect_content(text).ok();
        assert_eq!(
            content("<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT FORMAT=\"3.0\">"),
            Some(Format::Eaf)
        );
        assert_eq!(
            content("<?xml version=\"1.0\"?>\n<Trans version=\"1\">"),
            Some(Format::Trs)
        );
        assert_eq!(
            content("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n"),
            Some(Format::TextGrid)
        );
        // Near misses: another XML root; a Praat file of another class.
        assert_ne!(content("<Transcript><p>Ann: hi</p></Transcript>"), Some(Format::Trs));
        assert_ne!(
            content("File type = \"ooTextFile\"\nObject class = \"Sound\"\n"),
            Some(Format::TextGrid)
        );
    }

    #[test]
    fn a_word_document_is_opened_before_decoding() {
        let bytes = docx::tests::build(&["Ann Lee   0:01", "Hello there.", "Bob Vos   0:04", "Hi."]);
        // By the zip signature, without a name.
        let t = parse_bytes(&bytes, None).unwrap();
        assert_eq!((t.format, t.segments.len()), (Format::Docx, 2));
        // A hint to another format reads the bytes as that format.
        let e = parse_bytes_with(&bytes, None, &ParseOptions::with_format(Format::Txt)).unwrap_err();
        assert!(matches!(e, Error::Binary { .. }), "{e}");
        // A .docx that is not a zip says so by name.
        let e = parse_bytes(b"ooBinaryFile\x08TextGrid\0\0", Some(Path::new("a.TextGrid"))).unwrap_err();
        assert!(e.to_string().contains("binary Praat TextGrid"), "{e}");
        let e = parse_bytes(b"Ann: hi\n", Some(Path::new("call.docx"))).unwrap_err();
        assert!(e.to_string().starts_with("call.docx: expected a Word document"), "{e}");
    }

    #[test]
    fn std_lines_equals_lines() {
        for s in [
            "",
            "\n",
            "\n\n",
            "\r",
            "\r\n",
            "a",
            "a\n",
            "a\r",
            "a\r\n",
            "a\nb",
            "a\r\nb\r",
            "\na\r\nb\n\n",
            "a\r\r\n",
            "é\nü\r\n\u{0}\n",
            "x\n\r",
            "\r\n\r\n",
        ] {
            assert_eq!(std_lines(s), s.lines().collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn split_lf_equals_split() {
        for s in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "\na\r\nb\n\n",
            "é\nü\r\n\u{0}\n",
            "WEBVTT\n\n00:01.000",
        ] {
            assert_eq!(split_lf(s), s.split('\n').collect::<Vec<_>>(), "{s:?}");
        }
    }
}
