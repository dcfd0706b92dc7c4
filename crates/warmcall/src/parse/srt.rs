//! SubRip (SRT), read the way real files are written rather than the way the
//! format is usually described: indexes may be missing, wrong or not numbers,
//! times may use `.` for `,` or short fields (`00:00:0,000`), junk may follow
//! the timing, cues may be out of order or overlap, and blank lines may sit
//! inside cue text. Speakers come from a `Name:` or `[Name]` prefix.
//!
//! This module also holds what SRT and WebVTT share once cues are found:
//! speaker-prefix detection, markup and entity clean-up, and turning cues
//! into a [`Transcript`].

use std::sync::OnceLock;

use regex::Regex;

use super::ascii_space;
use super::timecode::parse_caption_time;
use crate::text::range_in;
use crate::{Error, Format, Segment, Transcript, Warning};

/// What a cue timing looks like, for messages.
const TIMING_EXAMPLE: &str = "a cue timing like 00:00:01,000 --> 00:00:04,000";

/// Parses SRT text (line ends already normalised to LF, BOM removed).
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: None,
            why: "the SRT file is empty".to_string(),
        });
    }
    let lines = super::split_lf(text);
    let kinds: Vec<LineKind> = lines.iter().map(|l| classify(l)).collect();
    let timing_at: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(kinds[i], LineKind::Timing(..) | LineKind::BadTiming))
        .collect();
    if !kinds.iter().any(|k| matches!(k, LineKind::Timing(..))) {
        return Err(no_cue_error(&lines, &kinds));
    }

    let mut warnings = Vec::new();
    let first = timing_at[0];
    let before: Vec<usize> = (0..first).filter(|&i| kinds[i] != LineKind::Blank).collect();
    let stray = match before.as_slice() {
        [] => None,
        [i] if *i + 1 == first && kinds[*i] == LineKind::Index => None,
        [i, ..] => Some(*i),
    };
    if let Some(i) = stray {
        warnings.push(Warning::new(
            i + 1,
            "text before the first cue timing is not part of any cue; ignored",
        ));
    }

    let mut cues = Vec::with_capacity(timing_at.len());
    // Reused for every cue: the text lines and, for a cue of several
    // lines, their join.
    let mut text_lines: Vec<&str> = Vec::new();
    let mut joined = String::new();
    for (k, &at) in timing_at.iter().enumerate() {
        let next = timing_at.get(k + 1).copied();
        let (start, end) = match kinds[at] {
            LineKind::Timing(s, e) => (s, e),
            _ => {
                warnings.push(Warning::new(
                    at + 1,
                    format!(
                        "expected {TIMING_EXAMPLE}, found {}; cue skipped",
                        crate::error::shorten(lines[at])
                    ),
                ));
                continue;
            }
        };
        // The body is the lines up to the next timing, without the blank
        // lines at its end.
        let body_start = at + 1;
        let mut body_end = next.unwrap_or(lines.len());
        while body_end > body_start && kinds[body_end - 1] == LineKind::Blank {
            body_end -= 1;
        }
        // The next cue's index sits just before its timing. A lone number
        // right under this timing is this cue's text, not an index; a lone
        // word after a blank line is a wrong index ("x", "12a").
        if let (Some(next), true) = (next, body_end > body_start) {
            let last = body_end - 1;
            let several = body_end - body_start > 1;
            let alone = several && kinds[last - 1] == LineKind::Blank;
            let token = lines[last].trim();
            if kinds[last] == LineKind::Index && several {
                body_end -= 1;
            } else if last + 1 == next && alone && token.len() <= 12 && !token.contains(char::is_whitespace) {
                warnings.push(Warning::new(
                    last + 1,
                    format!("cue number {token:?} is not a number; ignored"),
                ));
                body_end -= 1;
            }
        }
        // Paragraphs are runs of lines between blank lines: the first is the
        // cue text; a later one headed by a number is a cue without timing
        // (skipped), any other is text joined to this cue.
        text_lines.clear();
        let mut i = body_start;
        let mut first_paragraph = true;
        while i < body_end {
            if kinds[i] == LineKind::Blank {
                i += 1;
                continue;
            }
            let head = i;
            let mut end = i;
            while end < body_end && kinds[end] != LineKind::Blank {
                end += 1;
            }
            i = end;
            if first_paragraph {
                first_paragraph = false;
                text_lines.extend(&lines[head..end]);
            } else if kinds[head] == LineKind::Index {
                warnings.push(Warning::new(
                    head + 1,
                    format!(
                        "cue {} has no timing line (expected {TIMING_EXAMPLE} on line {}); skipped",
                        lines[head].trim(),
                        head + 2
                    ),
                ));
            } else {
                warnings.push(Warning::new(
                    head + 1,
                    format!("text after a blank line joined to the cue timed on line {}", at + 1),
                ));
                text_lines.extend(&lines[head..end]);
            }
        }
        let text = match text_lines.as_slice() {
            [one] => clean_srt_text(one),
            _ => {
                joined.clear();
                for (n, l) in text_lines.iter().enumerate() {
                    if n > 0 {
                        joined.push('\n');
                    }
                    joined.push_str(l);
                }
                clean_srt_text(&joined)
            }
        };
        cues.push(CaptionCue {
            start_s: start,
            end_s: end,
            line: at + 1,
            speaker: None,
            text,
        });
    }
    Ok(build_transcript(Format::Srt, cues, warnings, true))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    Blank,
    /// A bare cue number.
    Index,
    Timing(f64, f64),
    /// Has `-->` but not two readable times.
    BadTiming,
    Text,
}

fn timing_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(\d+(?::\d+){1,2}[.,]\d+)\s*-->\s*(\d+(?::\d+){1,2}[.,]\d+)(?:\s.*)?$").expect("valid regex")
    })
}

fn classify(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    if t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        return LineKind::Index;
    }
    if !has_arrow(t) {
        return LineKind::Text;
    }
    let times = if line.is_ascii() {
        ascii_timing(line)
    } else {
        timing_re()
            .captures(line)
            .and_then(|c| Some((c.get(1)?.as_str(), c.get(2)?.as_str())))
    };
    match times {
        Some((a, b)) => match (parse_caption_time(a), parse_caption_time(b)) {
            (Some(s), Some(e)) => LineKind::Timing(s, e),
            _ => LineKind::BadTiming,
        },
        None => LineKind::BadTiming,
    }
}

/// Whether a line holds `-->`. Asked of every caption line: a plain byte
/// scan costs less on short lines than setting up a substring searcher.
pub(crate) fn has_arrow(line: &str) -> bool {
    // Each `>` (found by memchr) is checked for the two dashes before it.
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'>', &b[from..]) {
        let at = from + p;
        if at >= 2 && &b[at - 2..at] == b"--" {
            return true;
        }
        from = at + 1;
    }
    false
}

/// [`timing_re`] by hand for ASCII lines, where its `\s` is the six ASCII
/// spaces and `\d` is 0-9: the two time groups, or `None` when the line
/// does not match. The pattern has one way to match (digit runs end at a
/// non-digit, `:` and `[.,]` differ), so reading it greedily left to right
/// finds the same groups as the regex.
fn ascii_timing(line: &str) -> Option<(&str, &str)> {
    let b = line.as_bytes();
    let skip_spaces = |i: &mut usize| {
        while *i < b.len() && ascii_space(b[*i]) {
            *i += 1;
        }
    };
    let digits = |i: &mut usize| {
        let from = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        (*i > from).then_some(())
    };
    // \d+(?::\d+){1,2}[.,]\d+
    let time = |i: &mut usize| {
        let from = *i;
        digits(i)?;
        let mut groups = 0;
        while groups < 2 && b.get(*i) == Some(&b':') {
            *i += 1;
            digits(i)?;
            groups += 1;
        }
        if groups == 0 || !matches!(b.get(*i), Some(b'.' | b',')) {
            return None;
        }
        *i += 1;
        digits(i)?;
        Some(&line[from..*i])
    };
    let mut i = 0;
    skip_spaces(&mut i);
    let start = time(&mut i)?;
    skip_spaces(&mut i);
    if !b[i..].starts_with(b"-->") {
        return None;
    }
    i += 3;
    skip_spaces(&mut i);
    let end = time(&mut i)?;
    // (?:\s.*)?$ on a line without line feeds.
    (i == b.len() || ascii_space(b[i])).then_some((start, end))
}

/// The error for a file where not one cue timing could be read: points at
/// the line that should have been a timing.
fn no_cue_error(lines: &[&str], kinds: &[LineKind]) -> Error {
    let at = kinds
        .iter()
        .position(|k| *k == LineKind::BadTiming)
        .or_else(|| {
            kinds
                .iter()
                .position(|k| *k == LineKind::Index)
                .map(|i| (i + 1).min(lines.len() - 1))
        })
        .or_else(|| kinds.iter().position(|k| *k != LineKind::Blank))
        .unwrap_or(0);
    let found = if at < lines.len() { lines[at] } else { "" };
    Error::parse(Format::Srt, at + 1, TIMING_EXAMPLE, found)
}

/// Removes SRT markup: HTML-like tags (`<i>`, `<font color=…>`), ASS override
/// blocks (`{\an8}`) and the ASS line-break and hard-space escapes.
fn clean_srt_text(raw: &str) -> String {
    // Most cue text holds no markup at all: then the loop below would copy
    // it whole, and a vectorised scan finds that out faster.
    let b = raw.as_bytes();
    if memchr::memchr3(b'<', b'{', b'&', b).is_none() && memchr::memchr(b'\\', b).is_none() {
        return tidy_owned(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut gt = NextByte::new(raw, b'>');
    let mut brace = NextByte::new(raw, b'}');
    let mut rest = raw;
    while !rest.is_empty() {
        // Text up to the next byte that may open markup is copied as it is.
        let plain = rest
            .bytes()
            .position(|b| matches!(b, b'<' | b'{' | b'\\' | b'&'))
            .unwrap_or(rest.len());
        out.push_str(&rest[..plain]);
        rest = &rest[plain..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        let at = raw.len() - rest.len();
        if c == '<' {
            if let Some(len) = tag_len(rest, gt.relative(at)) {
                rest = &rest[len..];
                continue;
            }
        } else if c == '{' && rest.starts_with("{\\") {
            if let Some(end) = brace.relative(at) {
                rest = &rest[end + 1..];
                continue;
            }
        } else if c == '\\' && (rest.starts_with("\\N") || rest.starts_with("\\n") || rest.starts_with("\\h")) {
            out.push(' ');
            rest = &rest[2..];
            continue;
        } else if c == '&' {
            if let Some((decoded, len)) = decode_entity(rest) {
                out.push_str(&decoded);
                rest = &rest[len..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    tidy_owned(out)
}

/// Length of a markup tag at the start of `s` (`<b>`, `</font>`,
/// `<font color="red">`), or `None` when the `<` is plain text (`2<3`).
/// `close` is the offset of the first `>` in `s`, found by a [`NextByte`].
pub(crate) fn tag_len(s: &str, close: Option<usize>) -> Option<usize> {
    let mut chars = s.chars();
    chars.next()?;
    let second = chars.next()?;
    if !(second.is_ascii_alphabetic() || second == '/') {
        return None;
    }
    close.map(|i| i + 1)
}

/// The next occurrence of one byte at or after a position that only moves
/// forward, remembered between calls. Markup scanners ask "where is the next
/// `>`?" at every `<`; searching afresh each time made a cue full of unclosed
/// `<b` quadratic (a 400 kB cue took seconds), this keeps it linear.
pub(crate) struct NextByte<'a> {
    hay: &'a [u8],
    byte: u8,
    /// The last answer: `Some(None)` means none left anywhere after.
    last: Option<Option<usize>>,
}

impl<'a> NextByte<'a> {
    pub(crate) fn new(hay: &'a str, byte: u8) -> NextByte<'a> {
        NextByte {
            hay: hay.as_bytes(),
            byte,
            last: None,
        }
    }

    /// Absolute position of the next `byte` at or after `pos`.
    pub(crate) fn at(&mut self, pos: usize) -> Option<usize> {
        match self.last {
            Some(None) => return None,
            Some(Some(p)) if p >= pos => return Some(p),
            _ => {}
        }
        let found = self
            .hay
            .get(pos..)?
            .iter()
            .position(|&b| b == self.byte)
            .map(|i| i + pos);
        self.last = Some(found);
        found
    }

    /// Offset of the next `byte` counted from `pos`.
    pub(crate) fn relative(&mut self, pos: usize) -> Option<usize> {
        self.at(pos).map(|p| p - pos)
    }
}

/// Decodes a character reference at the start of `s` (`&amp;`, `&#39;`,
/// `&#x27;`): the text and the bytes consumed. Unknown names stay literal.
pub(crate) fn decode_entity(s: &str) -> Option<(String, usize)> {
    let semi = s.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &s[1..semi];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok()?
            } else {
                return None;
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((decoded.to_string(), semi + 1))
}

/// Collapses whitespace (line breaks, no-break spaces) to single spaces and
/// drops invisible direction and byte-order marks, which are not words.
pub(crate) fn tidy(s: &str) -> String {
    if s.is_ascii() {
        // The same split on bytes: the ASCII whitespace of `char::is_whitespace`
        // is tab, line feed, vertical tab, form feed, carriage return, space.
        let mut out = String::with_capacity(s.len());
        for piece in s
            .split(|c: char| matches!(c, '\t'..='\r' | ' '))
            .filter(|p| !p.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece);
        }
        return out;
    }
    // One pass: the removed marks are not whitespace, so dropping them from
    // each whitespace-separated piece (and pieces left empty) gives what
    // removing them first and splitting after gives.
    let mut out = String::with_capacity(s.len());
    for piece in s.split_whitespace() {
        let sep = !out.is_empty();
        if piece.is_ascii() {
            if sep {
                out.push(' ');
            }
            out.push_str(piece);
            continue;
        }
        let mut any = false;
        for c in piece
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}'))
        {
            if !any && sep {
                out.push(' ');
            }
            any = true;
            out.push(c);
        }
    }
    out
}

/// Whether [`tidy`] would return the text unchanged, judged on ASCII only:
/// no byte outside ASCII or of the other whitespace (tab to carriage
/// return), no two spaces in a row, none at either end. Asked of every cue
/// and label, so it reads eight bytes at a time and only collects flags in
/// the loop (no branch, nothing carried from one word to the next): a
/// second read one byte further on pairs every byte with the next for the
/// double-space test. A control byte sends it to the byte loop.
fn is_tidy_ascii(b: &[u8]) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    // The high bit of each byte of `y` that is zero; exact, as no sum
    // carries into the next byte.
    let zero_bytes = |y: u64| !(((y & LOW7) + LOW7) | y) & HIGH;
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let (mut high, mut low, mut double) = (0u64, 0u64, 0u64);
    let mut i = 0;
    while i + 9 <= b.len() {
        let (x, next) = (word(i), word(i + 1));
        high |= x;
        // Bytes below 0x20 (and 0x80..0x9F) have neither bit 5 nor bit 6.
        low |= zero_bytes(x & 0x6060_6060_6060_6060);
        double |= zero_bytes(x ^ SPACES) & zero_bytes(next ^ SPACES);
        i += 8;
    }
    if high & HIGH != 0 || double != 0 {
        return false;
    }
    if low != 0 {
        return is_tidy_ascii_bytes(b);
    }
    // The tail, paired with the byte before it (already checked itself).
    tidy_bytes(&b[i..], i > 0 && b[i - 1] == b' ')
}

/// [`is_tidy_ascii`] byte by byte.
fn is_tidy_ascii_bytes(b: &[u8]) -> bool {
    tidy_bytes(b, false) && b.first() != Some(&b' ') && b.last() != Some(&b' ')
}

/// Whether every byte of `b` is one [`tidy`] leaves as it is: ASCII, not
/// tab to carriage return, no space after a space (`space_before`: the byte
/// before `b` is a space).
fn tidy_bytes(b: &[u8], mut space_before: bool) -> bool {
    for &c in b {
        if c >= 0x80 || c.wrapping_sub(b'\t') <= b'\r' - b'\t' || (c == b' ' && space_before) {
            return false;
        }
        space_before = c == b' ';
    }
    true
}

/// [`tidy`] of a string the caller owns: ASCII text that is tidy already
/// (single spaces between words, no other whitespace, as most cues are) is
/// returned as it is instead of copied.
pub(crate) fn tidy_owned(s: String) -> String {
    if is_tidy_ascii(s.as_bytes()) {
        s
    } else {
        tidy(&s)
    }
}

/// A cue found by the SRT or WebVTT parser, text already free of markup.
#[derive(Debug, Clone)]
pub(crate) struct CaptionCue<'a> {
    pub start_s: f64,
    pub end_s: f64,
    /// 1-based line of the cue timing.
    pub line: usize,
    /// A speaker named by markup (WebVTT voice span), if any, borrowed from
    /// the source when it needed no clean-up.
    pub speaker: Option<std::borrow::Cow<'a, str>>,
    /// Plain text; may still start with a `Name:` prefix.
    pub text: String,
}

/// Warnings of one kind given one by one before the rest are counted in a
/// single line: a file of a million broken cues should not produce a
/// million-line report.
pub(crate) const MAX_SAME_WARNINGS: usize = 10;

/// Turns cues into a transcript: speakers from markup or text prefixes, a
/// cue without one continuing the previous speaker, empty cues skipped.
pub(crate) fn build_transcript(
    format: Format,
    cues: Vec<CaptionCue<'_>>,
    warnings: Vec<Warning>,
    brackets: bool,
) -> Transcript {
    let mut t = Transcript::empty(format);
    t.warnings = warnings;
    t.segments.reserve(cues.len());
    let prefixes: Vec<Option<(PrefixLabel, std::ops::Range<usize>)>> = cues
        .iter()
        .map(|c| match c.speaker {
            Some(_) => None,
            None => split_label_prefix_at(&c.text, brackets),
        })
        .collect();
    // One stray "Gerard Depardieu: …" line in a film's captions does not make
    // its narrator a speaker: prefixes count only when at least two cues
    // carry one, or when the file has a single cue.
    let with_text = cues.iter().filter(|c| !c.text.is_empty()).count();
    let prefixed = prefixes.iter().filter(|p| p.is_some()).count();
    let use_prefixes = prefixed >= 2 || (prefixed == 1 && with_text == 1);
    let any_label = cues.iter().any(|c| c.speaker.is_some()) || (use_prefixes && prefixed > 0);

    let mut speakers = SpeakerCache::default();
    let mut current: Option<usize> = None;
    let mut reversed = 0usize;
    let mut empty = 0usize;
    let mut unknown_at = None;
    for (cue, prefix) in cues.into_iter().zip(prefixes) {
        // The speaker is looked up only once the cue is known to hold text:
        // an empty cue names no speaker.
        let (label, text) = match (cue.speaker, prefix) {
            (Some(s), _) if !cue.text.is_empty() => (Some(speakers.index(&mut t, &s)), cue.text),
            (None, Some((label, rest))) if use_prefixes && !rest.is_empty() => {
                let speaker = match &label {
                    PrefixLabel::InText(r) => speakers.index(&mut t, &cue.text[r.clone()]),
                    PrefixLabel::Cleaned(l) => speakers.index(&mut t, l),
                };
                // The cue's own buffer, cut down to the text after the label.
                let mut text = cue.text;
                text.truncate(rest.end);
                text.replace_range(..rest.start, "");
                (Some(speaker), text)
            }
            (None, Some(_)) if use_prefixes => (None, String::new()),
            (_, _) => (None, cue.text),
        };
        if text.is_empty() {
            empty += 1;
            continue;
        }
        let speaker = match label {
            Some(s) => s,
            None => match current {
                Some(s) => s,
                None if any_label => {
                    unknown_at.get_or_insert(cue.line);
                    t.speaker_index("Unknown")
                }
                None => t.speaker_index("Speaker 1"),
            },
        };
        current = Some(speaker);
        let mut end = cue.end_s;
        if end < cue.start_s {
            reversed += 1;
        }
        if end < cue.start_s && reversed <= MAX_SAME_WARNINGS {
            t.warnings.push(Warning::new(
                cue.line,
                format!(
                    "cue ends ({:.3} s) before it starts ({:.3} s); end set to the start",
                    cue.end_s, cue.start_s
                ),
            ));
        }
        if end < cue.start_s {
            end = cue.start_s;
        }
        t.segments.push(Segment {
            speaker,
            start_s: Some(cue.start_s),
            end_s: Some(end),
            text,
            source_line: cue.line,
        });
    }
    if reversed > MAX_SAME_WARNINGS {
        t.warnings.push(Warning::new(
            0,
            format!(
                "{} more cue(s) end before they start; ends set to the start",
                reversed - MAX_SAME_WARNINGS
            ),
        ));
    }
    if let Some(line) = unknown_at {
        t.warnings.push(Warning::new(
            line,
            "cues before the first named speaker are attributed to \"Unknown\"",
        ));
    }
    if empty > 0 {
        t.warnings
            .push(Warning::new(0, format!("{empty} cue(s) without text skipped")));
    }
    t
}

/// Labels already looked up in this file and their speaker index. A call
/// has a handful of speakers, so comparing a few short strings costs less
/// than hashing each cue's label in [`Transcript::speaker_index`]; labels
/// are only added, so a label once seen keeps its index.
#[derive(Default)]
pub(crate) struct SpeakerCache {
    seen: Vec<(String, usize)>,
}

impl SpeakerCache {
    /// The index [`Transcript::speaker_index`] gives `label`.
    pub(crate) fn index(&mut self, t: &mut Transcript, label: &str) -> usize {
        if let Some((_, i)) = self.seen.iter().find(|(l, _)| l == label) {
            return *i;
        }
        let i = t.speaker_index(label);
        if self.seen.len() < 16 {
            self.seen.push((label.to_string(), i));
        }
        i
    }
}

/// A speaker label found at the start of cue text.
#[derive(Debug, Clone, PartialEq)]
enum PrefixLabel {
    /// The label as it stands at this range of the cue text (clean already).
    InText(std::ops::Range<usize>),
    /// The label after clean-up.
    Cleaned(String),
}

impl PrefixLabel {
    fn of(text: &str, label: &str) -> Option<PrefixLabel> {
        Some(match clean_label_cow(label)? {
            std::borrow::Cow::Borrowed(l) => PrefixLabel::InText(range_in(text, l)),
            std::borrow::Cow::Owned(l) => PrefixLabel::Cleaned(l),
        })
    }
}

/// Cleans a speaker label: trimmed, whitespace collapsed, and without the `@`
/// that Teams puts before anonymised users. `None` when nothing is left.
pub(crate) fn clean_label(label: &str) -> Option<String> {
    let l = tidy(label);
    let l = l.trim_start_matches('@').trim();
    (!l.is_empty()).then(|| l.to_string())
}

/// [`clean_label`] borrowing the label when it is clean already: ASCII,
/// single spaces between words and none at the ends, no `@`.
pub(crate) fn clean_label_cow(label: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !label.is_empty() && !label.starts_with('@') && is_tidy_ascii(label.as_bytes()) {
        return Some(std::borrow::Cow::Borrowed(label));
    }
    clean_label(label).map(std::borrow::Cow::Owned)
}

/// Words that introduce a sentence or a field rather than name a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "nb",
    "ps",
    "pps",
    "re",
    "fwd",
    "subject",
    "onderwerp",
    "tip",
    "warning",
    "waarschuwing",
    "opmerking",
    "update",
    "example",
    "voorbeeld",
    "question",
    "vraag",
    "answer",
    "antwoord",
    "summary",
    "samenvatting",
    "conclusion",
    "conclusie",
    "agenda",
    "action",
    "actie",
    "todo",
    "time",
    "tijd",
    "date",
    "datum",
    "location",
    "locatie",
    "kind",
    "language",
    "style",
    "translation",
    "vertaling",
    "source",
    "bron",
    "edit",
    "caption",
    "captions",
    "transcript",
    "important",
    "belangrijk",
    "disclaimer",
    "attention",
    "step",
    "stap",
    "error",
    "info",
    "result",
    "resultaat",
    "reason",
    "reden",
    "total",
    "totaal",
    "price",
    "prijs",
    "address",
    "adres",
    "email",
    "e-mail",
    "phone",
    "telefoon",
    "tel",
    "website",
    "url",
    "link",
    "http",
    "https",
    "www",
    "ok",
    "okay",
    "yes",
    "no",
    "so",
    "well",
    "ja",
    "nee",
    "nou",
    "dus",
    "maar",
    "en",
    "and",
    "but",
    "or",
    "of",
];

/// Lower-case name particles that may sit inside a name (`Ingrid de Boer`).
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "het", "ten", "ter", "te", "von", "zu", "le", "la", "du", "da", "di", "del", "della",
    "dos", "das", "bin", "al", "el", "'t",
];

/// Words a numbered label starts with (`Speaker 2`, `Spreker 1`).
const NUMBERED: &[&str] = &[
    "speaker",
    "spreker",
    "participant",
    "deelnemer",
    "person",
    "persoon",
    "guest",
    "gast",
    "caller",
    "beller",
    "interviewer",
    "respondent",
    "agent",
    "customer",
    "klant",
    "voice",
    "stem",
];

/// Bracketed cue text that describes sound, not a speaker (`[Music]`).
const SOUNDS: &[&str] = &[
    "music",
    "muziek",
    "applause",
    "applaus",
    "laughter",
    "laughs",
    "laughing",
    "gelach",
    "lacht",
    "silence",
    "stilte",
    "inaudible",
    "onverstaanbaar",
    "unintelligible",
    "crosstalk",
    "noise",
    "sighs",
    "sigh",
    "zucht",
    "pause",
    "pauze",
    "coughs",
    "cough",
    "hoest",
    "ringing",
    "rings",
    "beep",
    "static",
    "foreign",
    "blank_audio",
    "background",
    "door",
    "typing",
];

/// [`split_label_prefix_at`] with the rest of the text copied out.
#[cfg(test)]
pub(crate) fn split_label_prefix(text: &str, brackets: bool) -> Option<(String, String)> {
    split_label_prefix_at(text, brackets).map(|(label, rest)| {
        let label = match label {
            PrefixLabel::InText(r) => text[r].to_string(),
            PrefixLabel::Cleaned(l) => l,
        };
        (label, text[rest].to_string())
    })
}

/// Splits a leading speaker label off cue text: `Name: text`, or (SRT)
/// `[Name] text`. The label must look like a name (see [`is_name_like`]), so
/// "Note: the meeting…", "Règle numéro un: …" or "10:30 works" stay text.
/// Gives the label (as a range of `text` when it is clean already) and the
/// byte range of the text after it, so the caller, which owns the cue text,
/// cuts it out without a copy.
fn split_label_prefix_at(text: &str, brackets: bool) -> Option<(PrefixLabel, std::ops::Range<usize>)> {
    let range = |rest: &str| range_in(text, rest);
    if brackets && text.starts_with('[') {
        let close = text.find(']')?;
        let label = &text[1..close];
        let rest = text[close + 1..].trim_start_matches(':').trim();
        let lower = label.to_lowercase();
        if rest.is_empty() || lower.split([' ', '_', '-']).any(|w| SOUNDS.contains(&w)) || !is_name_like(label) {
            return None;
        }
        return Some((PrefixLabel::of(text, label)?, range(rest)));
    }
    let colon = text.char_indices().take(48).find(|&(_, c)| c == ':')?.0;
    let after = &text[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = &text[..colon];
    if !is_name_like(label) {
        return None;
    }
    Some((PrefixLabel::of(text, label)?, range(after.trim())))
}

/// The speaker-label shape rule: one to four words, at most 40 characters;
/// every word capitalised (`Sanne`, `O'Brien`, `Jean-Luc`, `RON`) except
/// name particles inside the name (`de`, `van der`); or a numbered label
/// (`Speaker 2`, `Spreker 1`); or a diariser label (`spk_0`, `SPEAKER_00`).
/// A lone sentence-opening word (`Note`, `Summary`, `Vraag`) is not a name.
pub(crate) fn is_name_like(label: &str) -> bool {
    let label = label.trim().trim_start_matches('@');
    if label.is_empty() || label.chars().count() > 40 {
        return false;
    }
    if !label
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '’' | '-' | '_'))
    {
        return false;
    }
    // At most four words, so an array instead of a Vec per label.
    let mut slots = [""; 4];
    let mut n = 0;
    for w in label.split_whitespace() {
        if n == slots.len() {
            return false;
        }
        slots[n] = w;
        n += 1;
    }
    let words = &slots[..n];
    if words.is_empty() {
        return false;
    }
    if words.len() == 1 {
        let w = words[0];
        if let Some((head, num)) = w.rsplit_once('_') {
            if !head.is_empty()
                && head.chars().all(|c| c.is_ascii_alphabetic())
                && !num.is_empty()
                && num.bytes().all(|b| b.is_ascii_digit())
            {
                return true;
            }
        }
        if NOT_SPEAKERS.contains(&w.trim_end_matches('.').to_lowercase().as_str()) {
            return false;
        }
    }
    let last = words.len() - 1;
    words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next().unwrap_or(' ');
        if w.bytes().all(|b| b.is_ascii_digit()) {
            return i == last && i > 0 && NUMBERED.contains(&words[i - 1].to_lowercase().as_str());
        }
        if w.contains('_') {
            return false;
        }
        // Digits only inside a later capitalised word (Zoom device names
        // such as `Galaxy S21`), never in the first: `Q3:` is not a name.
        if w.chars().any(char::is_numeric) {
            return i > 0 && first.is_uppercase();
        }
        // `iPhone`, `iPad`: a capital anywhere makes a word name-like.
        if first.is_uppercase() || (i > 0 && w.chars().any(char::is_uppercase)) {
            return true;
        }
        i > 0 && i < last && PARTICLES.contains(w)
    })
}

#[cfg(test)]
mod tests {
    /// The hand-written timing reader finds what the regex finds, on
    /// every line made of a few timing-like pieces.
    #[test]
    fn ascii_timing_matches_the_regex() {
        let pieces = [
            "", " ", "\t", "\x0b", "0", "00", "1:2", "00:00:01", ",", ".", "000", ":", "-->", "->", "x", "\x1c",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        for line in [
                            format!("{a}{b}{c}{d}"),
                            format!("{a}{b} --> {c}{d}"),
                            format!("{a}1:0{b}{c}-->0:0{d}"),
                        ] {
                            let want = timing_re()
                                .captures(&line)
                                .map(|m| (m.get(1).unwrap().as_str(), m.get(2).unwrap().as_str()));
                            assert_eq!(ascii_timing(&line), want, "{line:?}");
                            n += 1;
                        }
                    }
                }
            }
        }
        for line in [
            "00:00:01,000 --> 00:00:04,000",
            " 0:0:0.570-->0:0:1.0 X:10% line:5",
            "00:00:01,000 --> 00:00:04,000x",
            "00:00:01,000 --> 00:00:04,000\tx",
            "1:2:3:4.5 --> 0:1.0",
            "00:01.000 --> 00:02.000 ",
            "01:02 --> 00:02.000",
        ] {
            let want = timing_re()
                .captures(line)
                .map(|m| (m.get(1).unwrap().as_str(), m.get(2).unwrap().as_str()));
            assert_eq!(ascii_timing(line), want, "{line:?}");
        }
        assert!(n > 100_000);
    }

    #[test]
    fn arrows() {
        for (line, want) in [
            ("", false),
            ("-->", true),
            ("->", false),
            ("-- >", false),
            (">-->", true),
            ("a --> b", true),
            ("--->", true),
            ("<->>-->", true),
            ("é-->", true),
            ("é->>", false),
        ] {
            assert_eq!(has_arrow(line), want, "{line:?}");
            assert_eq!(has_arrow(line), line.contains("-->"), "{line:?}");
        }
    }

    #[test]
    fn tidy_check_equals_tidy() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\nb",
            "a\x0bb",
            "a\x0cb",
            "a\rb",
            "a\x1cb",
            "é",
            "a\u{a0}b",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y  z",
        ] {
            assert_eq!(is_tidy_ascii(s.as_bytes()), s.is_ascii() && tidy(s) == s, "{s:?}");
        }
        // Every string of up to 20 bytes from a small alphabet, in every
        // position relative to the eight-byte words.
        let alphabet = [b'a', b' ', b'\t', b'\x1c', 0xC3, b'\r', b'~'];
        let mut n = 0;
        for len in 0..=40usize {
            for seed in 0..400u64 {
                let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (len as u64);
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        // Mostly letters and spaces, so tidy strings occur.
                        let k = (x >> 33) as usize % 16;
                        alphabet[if k < 7 {
                            0
                        } else if k < 12 {
                            1
                        } else {
                            k - 10
                        }]
                    })
                    .collect();
                let want = is_tidy_ascii_bytes(&bytes);
                assert_eq!(is_tidy_ascii(&bytes), want, "{bytes:?}");
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    assert_eq!(want, s.is_ascii() && tidy(s) == s, "{s:?}");
                }
                n += 1;
            }
        }
        assert!(n > 16000);
    }

    #[test]
    fn borrowed_labels_equal_cleaned_ones() {
        for label in [
            "",
            " ",
            "@",
            "Ann",
            "Ann Lee",
            " Ann",
            "Ann ",
            "Ann  Lee",
            "Ann\tLee",
            "@Ann",
            "@ Ann",
            "Zoë",
            "Ann\u{A0}Lee",
            "Ann\u{200E}",
            "Ann\r\nLee",
            "\u{FEFF}Ann",
        ] {
            assert_eq!(
                clean_label_cow(label).map(|l| l.into_owned()),
                clean_label(label),
                "{label:?}"
            );
        }
        for (text, label) in [
            ("Ann Lee: hi", "Ann Lee"),
            ("@Ann: hi", "Ann"),
            ("Ann  Lee: hi", "Ann Lee"),
            ("[Kevin]: hoi", "Kevin"),
        ] {
            let (l, _) = split_label_prefix_at(text, true).unwrap();
            let got = match l {
                PrefixLabel::InText(r) => text[r].to_string(),
                PrefixLabel::Cleaned(l) => l,
            };
            assert_eq!(got, label, "{text:?}");
        }
    }

    #[test]
    fn tidy_equals_remove_then_collapse() {
        let slow = |s: &str| {
            let cleaned: String = s
                .chars()
                .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}'))
                .collect();
            cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "",
            " ",
            "a",
            "  a  b ",
            "a\u{200E} b",
            "a \u{200E} b",
            " \u{200E} ",
            "\u{FEFF}x\u{200F}y  z",
            "\u{200E}\u{200F} a",
            "é  \t è\n",
            "a\u{a0}b \u{2003} c",
            "a\x0bb\x0cc\x1cd\x1fe",
            "a\r\nb\t\tc ",
            "a b  c",
            "\x0b",
        ] {
            assert_eq!(tidy(s), slow(s), "{s:?}");
            assert_eq!(tidy_owned(s.to_string()), slow(s), "{s:?}");
        }
    }

    use super::*;

    fn p(text: &str) -> Transcript {
        let mut t = parse(text).unwrap();
        t.sort_by_start();
        t
    }

    #[test]
    fn name_shapes() {
        for ok in [
            "Sanne Visser",
            "Ingrid de Boer",
            "Jan van der Berg",
            "Speaker 2",
            "spk_0",
            "SPEAKER_00",
            "RON",
            "O'Brien",
            "Jean-Luc Picard",
            "Dr. Jansen",
            "@Anonymous",
            "A",
            "Sanne's iPhone",
            "Galaxy S21 Ultra",
        ] {
            assert!(is_name_like(ok), "{ok} should be a name");
        }
        for no in [
            "Note",
            "Summary",
            "10",
            "Python 3",
            "Meet at 10",
            "Règle numéro un",
            "Evénement du jour",
            "Toi, c'est",
            "This should be an E with an accent",
            "Show this",
            "les surclassait tous",
            "Sanne de",
            "Q3",
            "iPhone",
            "",
        ] {
            assert!(!is_name_like(no), "{no} should not be a name");
        }
    }

    #[test]
    fn prefixes() {
        assert_eq!(
            split_label_prefix("Dan Walsh: Hi Laura", false),
            Some(("Dan Walsh".into(), "Hi Laura".into()))
        );
        assert_eq!(split_label_prefix("Note: the meeting moved", false), None);
        assert_eq!(split_label_prefix("10:30 works for me", false), None);
        assert_eq!(split_label_prefix("Kevin:no space", false), None);
        assert_eq!(
            split_label_prefix("[Marloes] Met Marloes.", true),
            Some(("Marloes".into(), "Met Marloes.".into()))
        );
        assert_eq!(split_label_prefix("[Music] la la", true), None);
        assert_eq!(
            split_label_prefix("[Kevin]: hoi", true),
            Some(("Kevin".into(), "hoi".into()))
        );
        assert_eq!(split_label_prefix("[Marloes] Met Marloes.", false), None);
        assert_eq!(
            split_label_prefix("@Anna Jansen: hoi", false),
            Some(("Anna Jansen".into(), "hoi".into()))
        );
    }

    #[test]
    fn markup_is_stripped() {
        assert_eq!(
            clean_srt_text("<font color=\"#ff00ff\"><i>Some</i> text, 2 < 3 and 2<3,5>1</font>"),
            "Some text, 2 < 3 and 2<3,5>1"
        );
        assert_eq!(
            clean_srt_text("{\\an8}Top\\Nline\\hhard &amp; more"),
            "Top line hard & more"
        );
    }

    #[test]
    fn lenient_timings_and_indexes() {
        let t = p(
            "\n\n1\n00:00:0,000 --> 00:00:01.500 X1:10\nAnn: Hello\n\n\n\n7\n00:00:02,000-->00:00:03,000\n\
                   there\n\n00:00:01,000 --> 00:00:01,800\nBob: Hi\n",
        );
        let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Hello", "Hi", "there"]);
        assert_eq!(
            t.segments[2].speaker, t.segments[0].speaker,
            "a cue without prefix continues the previous cue in file order"
        );
        assert_ne!(t.segments[1].speaker, t.segments[0].speaker);
        assert_eq!(t.segments[0].source_line, 4);
        assert_eq!(t.segments[0].end_s, Some(1.5));
    }

    #[test]
    fn missing_timing_is_skipped_and_blank_line_text_joined() {
        let t = p(
            "1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\nTwo\n\n3\n00:00:03,000 --> 00:00:04,000\nThree\n\nand more\n",
        );
        let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["One", "Three and more"]);
        assert!(t
            .warnings
            .iter()
            .any(|w| w.line == 5 && w.message.contains("no timing")));
        assert!(t.warnings.iter().any(|w| w.line == 12 && w.message.contains("joined")));
        assert_eq!(t.speakers[0].label, "Speaker 1");
    }

    #[test]
    fn lone_number_under_timing_is_text() {
        let t = p("1\n00:00:01,000 --> 00:00:02,000\n42\n\n2\n00:00:03,000 --> 00:00:04,000\nok\n");
        assert_eq!(t.segments[0].text, "42");
        assert_eq!(t.segments.len(), 2);
    }

    #[test]
    fn invalid_file_is_a_parse_error() {
        let e = parse("1\n00:00:01 --> 00:00:10\nThis subtitle is invalid\n").unwrap_err();
        assert_eq!(e.line(), 2);
        assert!(e.to_string().contains("00:00:01,000 --> 00:00:04,000"), "{e}");
        assert_eq!(parse("1\nsome text").unwrap_err().line(), 2);
        assert!(matches!(parse("\n\n"), Err(Error::Empty { .. })));
    }

    #[test]
    fn one_stray_prefix_is_not_a_speaker() {
        let t = p(
            "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nGerard: fine\n\n\
                   3\n00:00:05,000 --> 00:00:06,000\nbye\n",
        );
        assert_eq!(t.speakers.len(), 1);
        assert_eq!(t.segments[1].text, "Gerard: fine");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "(\\PC|\n|-->|<[a-z/0-9]|&[a-z#0-9]{0,5};?|\\[|\\]|:|[0-9]{1,3}[:.,])*") {
            let _ = parse(&text);
            let _ = super::super::vtt::parse_cues(&format!("WEBVTT\n\n{text}"));
            let _ = super::super::vtt::parse_cues_with(&format!("WEBVTT\n{text}"), super::super::vtt::Timestamps::Lenient);
            let _ = super::super::vtt::cue_plain_text(&text);
            let _ = super::super::vtt::parse(&format!("WEBVTT\n\n00:01.000 --> 00:02.000\n{text}"));
            let _ = parse(&format!("1\n00:00:01,000 --> 00:00:02,000\n{text}"));
            let _ = clean_srt_text(&text);
        }
    }
}
