//! Plain-text transcripts (SPEC §3): `Name: text` lines, optionally led by a
//! time (`[hh:mm:ss]`, `hh:mm:ss`, `(mm:ss)`), and Otter/Rev header blocks
//! (`Name  0:49` or `Name (00:49):` followed by text lines).
//!
//! The parser works in two passes. The first classifies every line and
//! collects the candidate speaker labels with their counts, so that the
//! second can tell a real speaker from running text that happens to look like
//! one (`Note: …`, `Ratio: 3:1`, `We agreed on this: …`). The rules are in
//! docs/formats.md, "Plain text".

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

use crate::parse::ascii_space;
use crate::parse::caption::{strip_non_speech, NonSpeech, SpeakerCache};
use crate::parse::labels::{self, LabelTally, Shape};
use crate::parse::timecode::parse_clock;
use crate::{Error, Format, PauseEvent, Segment, Timing, Transcript, Warning};

/// Seconds given to `(.)`, the Jefferson micropause (SPEC §5).
const MICROPAUSE_S: f64 = 0.1;
/// Seconds given to a `[pause]` / `[stilte]` marker without a duration: the
/// silence listing threshold, so an unmeasured marked pause is listed as a
/// (short) long pause rather than vanishing as a micropause.
const MARKER_PAUSE_S: f64 = 1.0;
/// Seconds given to `[long pause]` / `[lange stilte]` without a duration.
const LONG_MARKER_PAUSE_S: f64 = 3.0;
/// How far into a line a reversed header's `(` may stand.
const MAX_LABEL_CHARS: usize = 48;

struct Patterns {
    /// A time at the start of a line: `[00:01:02]`, `(01:02)`, `00:01:02`,
    /// optionally a range inside brackets.
    time_prefix: Regex,
    /// Otter: `Name  0:49` (two or more spaces or a tab, then only a time).
    otter_header: Regex,
    /// Otter pasted with single spaces: `Tricia Alvarez 0:05`.
    otter_header_single: Regex,
    /// Rev: `Name (00:49):` alone, or followed by the text.
    rev_header: Regex,
    /// Jefferson pauses and pause markers inside text.
    pause: Regex,
    /// An SRT/WebVTT cue timing line (`00:00:01,000 --> 00:00:02,000`).
    cue_timing: Regex,
    /// Footers that tools append (Otter's free plan).
    footer: Regex,
}

const TIME: &str = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?";
const BARE_TIME: &str = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?";

/// A `time_prefix` match: the start time as written, the end time of a
/// bracketed range, whether the time was bare (`ns`, no brackets), and the
/// length of the match (prefix and the spaces after it).
#[derive(Debug, Clone, Copy, PartialEq)]
struct TimePrefix<'a> {
    start: &'a str,
    end: Option<&'a str>,
    bare: bool,
    len: usize,
}

/// `time_prefix` on `line`: read by hand while the bytes it looks at are
/// ASCII (this runs on every line of every timed text file), by the regex
/// otherwise.
fn time_prefix(line: &str) -> Option<TimePrefix<'_>> {
    match ascii_time_prefix(line) {
        Ok(m) => m,
        Err(NotAscii) => time_prefix_regex(line),
    }
}

fn time_prefix_regex(line: &str) -> Option<TimePrefix<'_>> {
    let c = patterns().time_prefix.captures(line)?;
    let (start, bare) = match (c.name("bs"), c.name("ps"), c.name("ns")) {
        (Some(m), _, _) | (None, Some(m), _) => (m.as_str(), false),
        (None, None, Some(m)) => (m.as_str(), true),
        _ => return None,
    };
    Some(TimePrefix {
        start,
        end: c.name("be").map(|m| m.as_str()),
        bare,
        len: c.get(0).map_or(line.len(), |m| m.end()),
    })
}

/// The hand-written reader met a byte that is not ASCII where it had to
/// decide (`\s`, `\d` and the en dash of the pattern reach beyond ASCII).
struct NotAscii;

/// `time_prefix` on ASCII. Every sub-pattern ends where the next one must
/// start with a byte the time cannot hold (white space, `-`, `|`, `]`, `)`,
/// the end), so each time is read greedily and never needs backtracking.
fn ascii_time_prefix(line: &str) -> Result<Option<TimePrefix<'_>>, NotAscii> {
    let b = line.as_bytes();
    // The byte at `i`, `None` at the end; an error on a non-ASCII byte.
    let at = |i: usize| match b.get(i) {
        Some(&c) if c >= 0x80 => Err(NotAscii),
        c => Ok(c.copied()),
    };
    let skip_space = |mut i: usize| -> Result<usize, NotAscii> {
        while at(i)?.is_some_and(ascii_space) {
            i += 1;
        }
        Ok(i)
    };
    // Up to `max` ASCII digits from `i` (at least `min`): the end, or None.
    let digits = |i: usize, min: usize, max: usize| -> Result<Option<usize>, NotAscii> {
        let mut j = i;
        while j - i < max && at(j)?.is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
        Ok((j - i >= min).then_some(j))
    };
    // An optional `[.,]\d{1,3}` at `i`.
    let fraction = |i: usize| -> Result<usize, NotAscii> {
        if matches!(at(i)?, Some(b'.' | b',')) {
            if let Some(j) = digits(i + 1, 1, 3)? {
                return Ok(j);
            }
        }
        Ok(i)
    };
    // TIME: `\d{1,2}(?::\d{1,2}){1,2}` and a fraction.
    let time = |i: usize| -> Result<Option<usize>, NotAscii> {
        let Some(mut j) = digits(i, 1, 2)? else {
            return Ok(None);
        };
        for rep in 0..2 {
            match (at(j)?, digits(j + 1, 1, 2)?) {
                (Some(b':'), Some(k)) => j = k,
                _ if rep == 0 => return Ok(None),
                _ => break,
            }
        }
        Ok(Some(fraction(j)?))
    };
    // BARE_TIME: `\d{1,2}:\d{2}(?::\d{2})?` and a fraction.
    let bare_time = |i: usize| -> Result<Option<usize>, NotAscii> {
        let Some(mut j) = digits(i, 1, 2)? else {
            return Ok(None);
        };
        match (at(j)?, digits(j + 1, 2, 2)?) {
            (Some(b':'), Some(k)) => j = k,
            _ => return Ok(None),
        }
        if let (Some(b':'), Some(k)) = (at(j)?, digits(j + 1, 2, 2)?) {
            j = k;
        }
        Ok(Some(fraction(j)?))
    };
    let found = |s: usize, e: usize, end: Option<(usize, usize)>, bare: bool, len: usize| TimePrefix {
        start: &line[s..e],
        end: end.map(|(s, e)| &line[s..e]),
        bare,
        len,
    };
    match at(0)? {
        Some(b'[') => {
            let s = skip_space(1)?;
            let Some(e) = time(s)? else { return Ok(None) };
            let mut i = skip_space(e)?;
            let mut end = None;
            if at(i)? == Some(b'-') {
                // `-` or `-->`: after a lone `-` that is followed by `->` the
                // time cannot start, so the regex takes `-->` there.
                let dash = if b[i..].starts_with(b"-->") { 3 } else { 1 };
                let s2 = skip_space(i + dash)?;
                let Some(e2) = time(s2)? else { return Ok(None) };
                end = Some((s2, e2));
                i = skip_space(e2)?;
            }
            if at(i)? != Some(b']') {
                return Ok(None);
            }
            Ok(Some(found(s, e, end, false, skip_space(i + 1)?)))
        }
        Some(b'(') => {
            let s = skip_space(1)?;
            let Some(e) = time(s)? else { return Ok(None) };
            let i = skip_space(e)?;
            if at(i)? != Some(b')') {
                return Ok(None);
            }
            Ok(Some(found(s, e, None, false, skip_space(i + 1)?)))
        }
        Some(c) if c.is_ascii_digit() => {
            let Some(e) = bare_time(0)? else { return Ok(None) };
            // `\s+`, else `\s*[-–|]\s*` (here without spaces before it),
            // else the end; then `\s*`.
            let len = match at(e)? {
                Some(c) if ascii_space(c) => skip_space(e)?,
                Some(b'-' | b'|') => skip_space(e + 1)?,
                None => e,
                Some(_) => return Ok(None),
            };
            Ok(Some(found(0, e, None, true, len)))
        }
        _ => Ok(None),
    }
}

/// The text after a `time_prefix` match. The pattern stops after the
/// prefix and its spaces instead of capturing the rest of the line with
/// `(?P<rest>.*)$`: on a line (no `\n`) that tail always matches the whole
/// remainder, so the result is the same, and the regex engine no longer
/// walks every line to its end.
#[cfg(test)]
fn after_match<'a>(line: &'a str, c: &regex::Captures<'_>) -> &'a str {
    &line[c.get(0).map_or(line.len(), |m| m.end())..]
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("built-in txt pattern compiles");
        Patterns {
            time_prefix: re(&format!(
                r"^(?:\[\s*(?P<bs>{TIME})(?:\s*(?:-|–|-->)\s*(?P<be>{TIME}))?\s*\]|\(\s*(?P<ps>{TIME})\s*\)|(?P<ns>{BARE_TIME})(?:\s+|\s*[-–|]\s*|$))\s*"
            )),
            otter_header: re(&format!(r"^(?P<label>\S.*?)(?:\s{{2,}}|\t)\s*(?P<time>{BARE_TIME})\s*$")),
            otter_header_single: re(&format!(r"^(?P<label>\S.*?) (?P<time>{BARE_TIME})$")),
            rev_header: re(&format!(
                r"^(?P<label>[^:()\[\]]+?)\s*[(\[]\s*(?P<time>{TIME})\s*[)\]](?:\s*:\s*(?P<text>.*)|\s*)$"
            )),
            footer: re(r"(?i)^transcribed by\s+(?:https?://)?(?:www\.)?otter\.ai/?$"),
            cue_timing: re(&format!(r"^{TIME}\s*-->\s*{TIME}")),
            pause: re(
                r"(?ix)
                \(\s*(?P<micro>\.)\s*\)
                | \(\s*(?P<secs>\d*[.,]\d+)\s*s?\s*\)
                | [\[(]\s*(?P<long>long|lange|lang)?\s*(?:pause|pauze|stilte|silence)
                  (?:\s*[:\-]?\s*(?P<dur>\d+(?:[.,]\d+)?)\s*(?:s|sec|secs|seconds?|seconden?|sec\.)?)?\s*[\])]",
            ),
        }
    })
}

/// One classified line.
#[derive(Debug, Clone, PartialEq)]
enum Line<'a> {
    Blank,
    /// Opens a segment: `Name: text`, timed or not, or a header block.
    Start {
        label: &'a str,
        start: Option<f64>,
        end: Option<f64>,
        text: &'a str,
        /// Otter/Rev header rather than a `Name:` line.
        header: bool,
        /// The line after any time prefix (the text when the label is not
        /// accepted as a speaker).
        rest: &'a str,
    },
    /// A time-led line without a speaker: a new segment by the previous
    /// speaker (Descript/Rev paragraphs).
    TimedText {
        start: f64,
        end: Option<f64>,
        text: &'a str,
    },
    /// A line holding only a time (Google Meet writes one every five
    /// minutes between speaker lines): ignored.
    TimeMark,
    /// A transcription tool's footer (`Transcribed by https://otter.ai`):
    /// ignored, so it does not join the last segment.
    Footer,
    /// Anything else: continuation text.
    Text(&'a str),
}

/// Parses plain text (line ends already normalised to LF, BOM removed).
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    if let Some(layout) = super::layouts::parse(text) {
        return layout;
    }
    // The text is split once: the raw lines are kept beside their classes.
    let raws = super::std_lines(text);
    let mut shapes = ShapeCache::default();
    let lines: Vec<Line<'_>> = raws.iter().map(|l| classify(l, &mut shapes)).collect();
    if lines.iter().all(|l| *l == Line::Blank) {
        return Err(Error::Empty {
            path: None,
            why: "the text input is empty".into(),
        });
    }
    // A subtitle file saved as .txt would parse into cue timings glued to
    // the text; say what it is instead. One search of the whole text spares
    // a search per line in the usual file that holds no `-->` at all.
    if let Some((i, l)) = memchr::memmem::find(text.as_bytes(), b"-->")
        .is_some()
        .then(|| raws.iter().copied().enumerate())
        .into_iter()
        .flatten()
        .find(|(_, l)| l.contains("-->") && patterns().cue_timing.is_match(l.trim()))
    {
        return Err(Error::parse(
            Format::Txt,
            i + 1,
            "plain-text speaker lines, not subtitle cue timings (for SRT or WebVTT use the .srt/.vtt extension or --format-hint)",
            l,
        ));
    }
    let labels = LabelStats::collect(&lines);
    // A file whose speaker lines are mostly timed (or Otter blocks) is a timed
    // file: an untimed `X:` line there is running text unless X already speaks.
    let (timed, untimed) = lines.iter().enumerate().fold((0, 0), |(a, b), (i, l)| match l {
        Line::Start { start, .. } if labels.accepted_at(i) => {
            if start.is_some() {
                (a + 1, b)
            } else {
                (a, b + 1)
            }
        }
        _ => (a, b),
    });
    let timed_file = timed > 0 && timed >= untimed;

    let mut b = Builder::default();
    let mut marks: Option<(usize, usize)> = None;
    for (i, (raw, line)) in raws.iter().zip(&lines).enumerate() {
        let ln = i + 1;
        let raw = raw.trim();
        match *line {
            Line::Blank => {}
            Line::Start {
                label,
                start,
                end,
                text,
                header,
                rest,
            } => {
                let accepted = labels.accepted_at(i) && (!timed_file || start.is_some() || labels.timed_at(i));
                if accepted {
                    b.open(ln, clean_label(label), start, end, text);
                } else if let (Some(s), false, true) = (start, header, timed_file && b.has_speaker()) {
                    b.open_same_speaker(ln, s, end, rest);
                } else {
                    b.text(ln, raw);
                }
            }
            Line::TimedText { start, end, text } => {
                if timed_file && b.has_speaker() {
                    b.open_same_speaker(ln, start, end, text);
                } else {
                    b.text(ln, raw);
                }
            }
            Line::Text(s) => b.text(ln, s),
            Line::TimeMark => marks.get_or_insert((ln, 0)).1 += 1,
            Line::Footer => b.warn(ln, format!("transcription tool footer ignored: {raw:?}")),
        }
    }
    if let Some((line, n)) = marks {
        b.warn(line, format!("{n} line(s) holding only a time ignored"));
    }
    for w in labels.tally.doubts("line") {
        b.warn(w.line, w.message);
    }
    b.finish(text, timed_file)
}

/// Classifies one line on its own.
fn classify<'a>(raw: &'a str, shapes: &mut ShapeCache<'a>) -> Line<'a> {
    let line = raw.trim();
    if line.is_empty() {
        return Line::Blank;
    }
    let p = patterns();
    if line.len() < 48 && line.starts_with(['T', 't']) && p.footer.is_match(line) {
        return Line::Footer;
    }
    // Cheap guards first: this runs on every line of every text file.
    // The label of a reversed header cannot start with `:`, `(`, `)`, `[`
    // or `]`: time-first lines (`[00:01:02] Ann: …`) skip that regex.
    let rev_possible = !line.starts_with([':', '(', ')', '[', ']'])
        && line
            .char_indices()
            .take(MAX_LABEL_CHARS + 8)
            .any(|(_, c)| c == '(' || c == '[');
    if let Some(c) = rev_possible.then(|| p.rev_header.captures(line)).flatten() {
        let label = c.name("label").map_or("", |m| m.as_str());
        if let (true, Some(t)) = (
            shapes.could_be_label(label),
            c.name("time").and_then(|m| parse_clock(m.as_str())),
        ) {
            return Line::Start {
                label,
                start: Some(t),
                end: None,
                text: c.name("text").map_or("", |m| m.as_str().trim()),
                header: true,
                rest: line,
            };
        }
    }
    let otter_possible = line.ends_with(|c: char| c.is_ascii_digit());
    for (re, strict) in [(&p.otter_header, false), (&p.otter_header_single, true)] {
        if let Some(c) = otter_possible.then(|| re.captures(line)).flatten() {
            let label = c.name("label").map_or("", |m| m.as_str()).trim();
            let shape = match labels::shape(label) {
                Shape::Not => false,
                Shape::Name => true,
                _ => !strict,
            };
            if let (true, Some(t)) = (shape, c.name("time").and_then(|m| parse_clock(m.as_str()))) {
                return Line::Start {
                    label,
                    start: Some(t),
                    end: None,
                    text: "",
                    header: true,
                    rest: line,
                };
            }
        }
    }
    let time_possible = line.starts_with(|c: char| c == '[' || c == '(' || c.is_ascii_digit());
    let (start, end, rest) = match time_possible.then(|| time_prefix(line)).flatten() {
        Some(m) => match parse_clock(m.start) {
            Some(s) => (Some(s), m.end.and_then(parse_clock), &line[m.len..]),
            None => (None, None, line),
        },
        None => (None, None, line),
    };
    // Rev writes a paragraph stamp without the name when the same speaker
    // goes on: `(00:01:18): text` or `(00:01:18):` alone. The colon belongs
    // to the stamp, not to the text.
    if let (Some(s), Some(after)) = (start, rest.strip_prefix(':')) {
        if line.starts_with(['(', '[']) && (after.is_empty() || after.starts_with(char::is_whitespace)) {
            return Line::TimedText {
                start: s,
                end,
                text: after.trim(),
            };
        }
    }
    if let Some((label, text)) = split_label(rest, shapes) {
        // Sonix and others put the time after the label: `Ann: [00:01:02] text`.
        // Only a bracketed time: `Ann: 10:30 works for me` keeps its text.
        let (start, end, text) = match (start, text.starts_with(['[', '('])) {
            (None, true) => match time_prefix(text) {
                Some(m) if !m.bare => match parse_clock(m.start) {
                    Some(s) => (Some(s), m.end.and_then(parse_clock), &text[m.len..]),
                    None => (None, None, text),
                },
                _ => (None, None, text),
            },
            _ => (start, end, text),
        };
        return Line::Start {
            label,
            start,
            end,
            text,
            header: false,
            rest,
        };
    }
    match start {
        Some(_) if rest.trim().is_empty() => Line::TimeMark,
        Some(s) if !rest.is_empty() => Line::TimedText {
            start: s,
            end,
            text: rest,
        },
        _ => Line::Text(line),
    }
}

/// Splits `Name: text` at the first colon followed by white space or the
/// end of the line, when the part before it could be a label at all (see
/// [`labels::shape`]); whether it names a speaker is decided per file.
fn split_label<'a>(s: &'a str, shapes: &mut ShapeCache<'a>) -> Option<(&'a str, &'a str)> {
    let (label, text) = labels::split_prefix(s)?;
    shapes.could_be_label(label).then_some((label, text))
}

/// [`could_be_label`] remembered for the labels met so far: a transcript
/// repeats a handful of labels on thousands of lines.
#[derive(Default)]
struct ShapeCache<'a> {
    seen: Vec<(&'a str, bool)>,
}

impl<'a> ShapeCache<'a> {
    /// Labels remembered; a file with more distinct ones pays per line.
    const SIZE: usize = 32;

    fn could_be_label(&mut self, label: &'a str) -> bool {
        if let Some((_, v)) = self.seen.iter().find(|(l, _)| *l == label) {
            return *v;
        }
        let v = could_be_label(label);
        if self.seen.len() < Self::SIZE {
            self.seen.push((label, v));
        }
        v
    }
}

/// A label that is not ruled out by its look alone.
fn could_be_label(label: &str) -> bool {
    labels::shape(label) != Shape::Not
}

/// A label as the speaker is named: `@` and role tags gone, whitespace
/// collapsed; borrowed when clean already.
fn clean_label(label: &str) -> Cow<'_, str> {
    labels::clean_label_cow(label).unwrap_or(Cow::Borrowed(label))
}

/// Candidate labels, how often each opens a line, and what is decided once
/// per label rather than once per line.
struct LabelStats {
    tally: LabelTally,
    /// Per entry: accepted and opens at least one timed line.
    timed: Vec<bool>,
    /// Per line: its label's entry (speaker lines only).
    slot: Vec<Option<usize>>,
}

impl LabelStats {
    fn collect(lines: &[Line<'_>]) -> LabelStats {
        let mut tally = LabelTally::default();
        let mut slot = Vec::with_capacity(lines.len());
        for (i, l) in lines.iter().enumerate() {
            let Line::Start { label, .. } = l else {
                slot.push(None);
                continue;
            };
            slot.push(Some(tally.add(&clean_label(label), i + 1)));
        }
        tally.decide();
        let mut timed = vec![false; slot.iter().flatten().max().map_or(0, |m| m + 1)];
        for (l, s) in lines.iter().zip(&slot) {
            if let (Line::Start { start: Some(_), .. }, Some(s)) = (l, s) {
                timed[*s] |= tally.accepted(*s);
            }
        }
        LabelStats { tally, timed, slot }
    }

    /// Whether line `i` opens with a label naming a speaker in this file.
    fn accepted_at(&self, i: usize) -> bool {
        self.slot[i].is_some_and(|s| self.tally.accepted(s))
    }

    /// Whether the label of line `i` opens an accepted timed line somewhere.
    fn timed_at(&self, i: usize) -> bool {
        self.slot[i].is_some_and(|s| self.timed[s])
    }
}

/// Pause notation found in a piece of text.
struct Cleaned {
    text: String,
    /// Durations of pauses before any word.
    leading: Vec<f64>,
    /// Durations of pauses after some word.
    inner: Vec<f64>,
}

/// Removes pause notation from text, returning the text and the pauses.
fn strip_pauses(s: &str) -> Cleaned {
    if memchr::memchr2(b'(', b'[', s.as_bytes()).is_none() {
        return Cleaned {
            text: s.trim().to_string(),
            leading: Vec::new(),
            inner: Vec::new(),
        };
    }
    let re = &patterns().pause;
    let mut out = String::with_capacity(s.len());
    let mut leading = Vec::new();
    let mut inner = Vec::new();
    let mut last = 0;
    for c in re.captures_iter(s) {
        let m = c.get(0).expect("match");
        join_piece(&mut out, &s[last..m.start()]);
        last = m.end();
        let secs = if c.name("micro").is_some() {
            MICROPAUSE_S
        } else if let Some(v) = c.name("secs").or_else(|| c.name("dur")) {
            v.as_str().replace(',', ".").parse::<f64>().unwrap_or(MARKER_PAUSE_S)
        } else if c.name("long").is_some() {
            LONG_MARKER_PAUSE_S
        } else {
            MARKER_PAUSE_S
        };
        if out.trim().is_empty() {
            leading.push(secs);
        } else {
            inner.push(secs);
        }
    }
    join_piece(&mut out, &s[last..]);
    Cleaned {
        text: out,
        leading,
        inner,
    }
}

/// Appends a piece of text around a removed pause: one space between words,
/// none before punctuation.
fn join_piece(out: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    if !out.is_empty() && !piece.starts_with([',', '.', '?', '!', ';', ':', ')']) {
        out.push(' ');
    }
    out.push_str(piece);
}

#[derive(Default)]
struct Builder<'a> {
    t: Option<Transcript>,
    /// A speaker line or header whose text has not come yet.
    pending: Option<Pending<'a>>,
    /// Lines before the first speaker (title, date…): first line and count.
    skipped: Option<(usize, usize)>,
    /// Segments that had no time of their own in a timed file (line numbers).
    untimed_lines: Vec<usize>,
    /// Times seen in an untimed file.
    dropped_times: usize,
    any_time: bool,
    speakers: SpeakerCache,
    non_speech: NonSpeech,
}

struct Pending<'a> {
    line: usize,
    /// Borrowed from the text unless it repeats the previous speaker's.
    label: Cow<'a, str>,
    start: Option<f64>,
    end: Option<f64>,
}

impl<'a> Builder<'a> {
    fn t(&mut self) -> &mut Transcript {
        self.t.get_or_insert_with(|| Transcript::empty(Format::Txt))
    }

    fn warn(&mut self, line: usize, msg: String) {
        self.t().warnings.push(Warning::new(line, msg));
    }

    fn has_speaker(&self) -> bool {
        self.pending.is_some() || self.t.as_ref().is_some_and(|t| !t.segments.is_empty())
    }

    fn last_index(&self) -> Option<usize> {
        self.t.as_ref().and_then(|t| t.segments.len().checked_sub(1))
    }

    fn pause(&mut self, after: Option<usize>, secs: &[f64], line: usize) {
        for &d in secs {
            self.t().pauses.push(PauseEvent {
                after_segment: after,
                duration_s: d,
                source_line: line,
            });
        }
    }

    fn open(&mut self, line: usize, label: Cow<'a, str>, start: Option<f64>, end: Option<f64>, text: &str) {
        if let Some(p) = self.pending.take() {
            let msg = format!("speaker line for {} has no text; skipped", p.label);
            self.t().warnings.push(Warning::new(p.line, msg));
        }
        self.any_time |= start.is_some();
        self.pending = Some(Pending {
            line,
            label,
            start,
            end,
        });
        if !text.is_empty() {
            self.text(line, text);
        }
    }

    fn open_same_speaker(&mut self, line: usize, start: f64, end: Option<f64>, text: &str) {
        let label = match &self.pending {
            Some(p) => p.label.clone(),
            None => {
                let t = self.t.as_ref().expect("has a speaker");
                Cow::Owned(t.label(t.segments.last().expect("has a segment")).to_string())
            }
        };
        self.open(line, label, Some(start), end, text);
    }

    /// Text for the pending speaker line, or continuation of the last segment.
    fn text(&mut self, line: usize, s: &str) {
        let mut c = strip_pauses(s);
        // Sound descriptions (`(laughs)`, `[applause]`) are nobody's words.
        if let Some(left) = strip_non_speech(&c.text, false, line, &mut self.non_speech) {
            c.text = left;
        }
        let last = self.last_index();
        if c.text.trim().is_empty() {
            // A pause-only line (or a speaker line holding only a pause) is
            // not a segment: its pauses follow the last segment.
            if !c.leading.is_empty() && self.pending.as_ref().is_some_and(|p| p.line == line) {
                self.pending = None;
            }
            self.pause(last, &[c.leading, c.inner].concat(), line);
            return;
        }
        if let Some(p) = self.pending.take() {
            self.pause(last, &c.leading, line);
            let t = self.t.get_or_insert_with(|| Transcript::empty(Format::Txt));
            let speaker = self.speakers.index(t, &p.label);
            t.segments.push(Segment {
                speaker,
                start_s: p.start,
                end_s: p.end,
                text: c.text,
                source_line: p.line,
            });
            let idx = t.segments.len() - 1;
            self.pause(Some(idx), &c.inner, line);
            return;
        }
        match last {
            Some(i) => {
                let t = self.t();
                join_piece(&mut t.segments[i].text, &c.text);
                self.pause(Some(i), &[c.leading, c.inner].concat(), line);
            }
            None => {
                let e = self.skipped.get_or_insert((line, 0));
                e.1 += 1;
            }
        }
    }

    fn finish(mut self, src: &str, timed_file: bool) -> Result<Transcript, Error> {
        if let Some(p) = self.pending.take() {
            let msg = format!("speaker line for {} has no text; skipped", p.label);
            self.t().warnings.push(Warning::new(p.line, msg));
        }
        if let Some(w) = self.non_speech.warning() {
            self.t().warnings.push(w);
        }
        let skipped = self.skipped;
        let Some(mut t) = self.t.take().filter(|t| !t.segments.is_empty()) else {
            let (line, found) = src
                .lines()
                .enumerate()
                .find(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| (i + 1, l))
                .unwrap_or((0, ""));
            return Err(Error::parse(
                Format::Txt,
                line,
                "`Name: text` lines (optionally led by a time such as `[00:01:02]`) or `Name  0:49` header lines",
                found,
            ));
        };
        if let Some((line, n)) = skipped {
            let msg = if n == 1 {
                "1 line before the first speaker line ignored".to_string()
            } else {
                format!("{n} lines before the first speaker line ignored")
            };
            t.warnings.push(Warning::new(line, msg));
        }
        let with_start = t.segments.iter().filter(|s| s.start_s.is_some()).count();
        if timed_file && with_start > 0 {
            let mut prev: Option<f64> = None;
            for s in &mut t.segments {
                match s.start_s {
                    Some(v) => prev = Some(v),
                    None => {
                        s.start_s = Some(prev.unwrap_or(0.0));
                        self.untimed_lines.push(s.source_line);
                    }
                }
            }
            if let Some(&first) = self.untimed_lines.first() {
                let n = self.untimed_lines.len();
                t.warnings.push(Warning::new(
                    first,
                    format!(
                        "{n} speaker line(s) without a time in a timed file; each placed at the previous line's time"
                    ),
                ));
            }
            let ordered = t
                .segments
                .windows(2)
                .position(|w| w[1].start_s < w[0].start_s)
                .map(|i| t.segments[i + 1].source_line);
            if let Some(line) = ordered {
                t.warnings.push(Warning::new(
                    line,
                    "times go backwards here; segments sorted by start time",
                ));
                t.sort_by_start();
            }
            if t.segments.iter().all(|s| s.end_s.is_some_and(|e| Some(e) >= s.start_s)) {
                t.timing = Timing::Full;
            } else {
                for s in &mut t.segments {
                    s.end_s = None;
                }
                t.infer_ends_from_starts();
                t.warnings.push(Warning::new(
                    0,
                    "start times only: each segment is taken to end where the next one starts",
                ));
            }
        } else {
            if self.any_time {
                self.dropped_times = with_start;
            }
            if self.dropped_times > 0 {
                let msg = format!(
                    "{} of {} speaker lines carry a time; times ignored (timing none)",
                    self.dropped_times,
                    t.segments.len()
                );
                t.warnings.push(Warning::new(0, msg));
            }
            for s in &mut t.segments {
                s.start_s = None;
                s.end_s = None;
            }
            t.timing = Timing::None;
        }
        // File-wide warnings (line 0) first, then in line order.
        t.warnings.sort_by_key(|w| w.line);
        Ok(t)
    }
}

/// True when the head of a file looks like `Name: text` lines or a timed
/// variant of them.
pub(crate) fn looks_like_txt(head: &str) -> bool {
    let mut shapes = ShapeCache::default();
    head.lines()
        .any(|l| matches!(classify(l, &mut shapes), Line::Start { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Transcript {
        parse(s).unwrap()
    }

    fn texts(t: &Transcript) -> Vec<(String, String)> {
        t.segments
            .iter()
            .map(|s| (t.label(s).to_string(), s.text.clone()))
            .collect()
    }

    #[test]
    fn many_distinct_labels_past_the_linear_search() {
        let names = [
            "Ann", "Bob", "Cas", "Dirk", "Eva", "Fem", "Gijs", "Hans", "Ilse", "Jan", "Kees", "Lot",
        ];
        let mut text = String::from("Note: a heading\n");
        for round in 0..2 {
            for n in names {
                text.push_str(&format!("[00:0{round}:00] {n}: hello\n"));
            }
        }
        text.push_str("Ilse: untimed but known\nZed: untimed and unknown\n");
        let t = p(&text);
        let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, names);
        assert_eq!(t.segments.len(), 25);
        assert_eq!(t.segments[24].text, "untimed but known Zed: untimed and unknown");
    }

    #[test]
    fn label_words_count_without_collecting() {
        for (l, want) in [
            ("Ann", true),
            ("Ann de Boer", true),
            ("A B C D E", true),
            ("A B C D E F", false),
            (" A  B\tC D ", true),
            ("Dr. Jansen", true),
            ("Prof. Dr. Ir. X Y Z", false),
        ] {
            assert_eq!(could_be_label(l), want, "{l:?}");
        }
    }

    #[test]
    fn name_lines_untimed() {
        let t = p("Ann: Hello there.\nBob: Hi.\nHow are you?\nAnn: Fine.\n");
        assert_eq!(t.timing, Timing::None);
        assert_eq!(
            texts(&t),
            vec![
                ("Ann".into(), "Hello there.".into()),
                ("Bob".into(), "Hi. How are you?".into()),
                ("Ann".into(), "Fine.".into())
            ]
        );
        assert_eq!(t.segments[1].source_line, 2);
        assert!(t.segments.iter().all(|s| s.start_s.is_none()));
    }

    #[test]
    fn time_prefix_without_the_rest_group_cuts_where_it_did() {
        let old = Regex::new(&format!(
            r"^(?:\[\s*(?P<bs>{TIME})(?:\s*(?:-|–|-->)\s*(?P<be>{TIME}))?\s*\]|\(\s*(?P<ps>{TIME})\s*\)|(?P<ns>{BARE_TIME})(?:\s+|\s*[-–|]\s*|$))\s*(?P<rest>.*)$"
        ))
        .unwrap();
        let new = &patterns().time_prefix;
        for line in [
            "[00:00:03] Peter Smit: Dus, we hebben.",
            "[00:01 - 00:02]   Ann: hi",
            "[00:01 --> 00:02]Ann: hi",
            "(1:02:03.5) Bob: yes",
            "12:30 Ann: ok",
            "12:30",
            "12:30 - Ann",
            "12:30|x",
            "12:30x",
            "[1:2:3]\r",
            "[00:00]  \t ",
            "[00:00] a\rb",
            "00:00:01.123 – text – more",
            "nothing",
            "",
        ] {
            let a = old.captures(line);
            let b = new.captures(line);
            assert_eq!(a.is_some(), b.is_some(), "{line:?}");
            if let (Some(a), Some(b)) = (a, b) {
                for g in ["bs", "be", "ps", "ns"] {
                    assert_eq!(
                        a.name(g).map(|m| m.range()),
                        b.name(g).map(|m| m.range()),
                        "{line:?} {g}"
                    );
                }
                assert_eq!(
                    a.name("rest").map_or("", |m| m.as_str()),
                    after_match(line, &b),
                    "{line:?}"
                );
            }
        }
    }

    /// The hand-written reader answers what the regex answers: match or
    /// not, the same start/end text, bare or not, the same length.
    fn same_time_prefix(line: &str) {
        let want = time_prefix_regex(line);
        assert_eq!(time_prefix(line), want, "{line:?}");
        if line.is_ascii() {
            assert!(ascii_time_prefix(line).is_ok(), "{line:?}");
        }
    }

    #[test]
    fn ascii_time_prefix_matches_the_regex() {
        for line in [
            "[00:00:03] Peter Smit: Dus, we hebben.",
            "[00:01 - 00:02]   Ann: hi",
            "[00:01 --> 00:02]Ann: hi",
            "[00:01 -> 00:02] Ann",
            "[00:01 - -> 00:02] Ann",
            "[00:01 -- 00:02] Ann",
            "[00:01 - ] Ann",
            "[00:01 – 00:02] Ann",
            "[00:01\u{a0}] Ann",
            "[\u{a0}00:01] Ann",
            "(00:01\u{2003}) Ann",
            "12:30\u{a0}Ann",
            "12:30–Ann",
            "12:30\u{2013} Ann",
            "12:30é",
            "(1:02:03.5) Bob: yes",
            "( 1:02 ) Bob",
            "(1:02:03:04) Bob",
            "(1:2) Bob",
            "(1:) Bob",
            "(:12) Bob",
            "12:30 Ann: ok",
            "12:30",
            "12:30 - Ann",
            "12:30- Ann",
            "12:30 -Ann",
            "12:30|x",
            "12:30 | x",
            "12:30x",
            "12:3 Ann",
            "12:345 Ann",
            "123:45 Ann",
            "1:23:45 Ann",
            "1:23:4 Ann",
            "1:23:456 Ann",
            "1:23.4 Ann",
            "1:23,456 Ann",
            "1:23.4567 Ann",
            "1:23. Ann",
            "1:23.",
            "1:23:45.678",
            "100:00:00 Ann",
            "[100:00:00] Ann",
            "[1:2:3]\r",
            "[1:2:3]\r\n",
            "[00:00]  \t ",
            "[00:00] a\rb",
            "[00:00]\x0bAnn",
            "[00:00.5] Ann",
            "[00:00.] Ann",
            "[00:00:00,000 --> 00:00:01,500] SPEAKER_00: Hi",
            "[00:00:00 - 00:00:01 Ann",
            "[00:00:00 00:00:01] Ann",
            "[ 0:0 ]",
            "[0:0:0:0]",
            "[]",
            "[",
            "(",
            "1",
            "1:",
            "1:2",
            "\u{feff}[00:01] Ann",
            "[00:01] José: olé",
            "[00:01]\u{a0}José",
            "00:00:01.123 – text – more",
            "nothing",
            "",
        ] {
            same_time_prefix(line);
        }
    }

    #[test]
    fn time_prefixes() {
        for (src, start) in [
            ("[00:01:02] Ann: Hi.\n[00:01:05] Bob: Yo.\n", 62.0),
            ("00:01:02 Ann: Hi.\n00:01:05 Bob: Yo.\n", 62.0),
            ("(01:02) Ann: Hi.\n(01:05) Bob: Yo.\n", 62.0),
            ("[1:02] Ann: Hi.\n[1:05] Bob: Yo.\n", 62.0),
            ("Ann (01:02): Hi.\nBob (01:05): Yo.\n", 62.0),
        ] {
            let t = p(src);
            assert_eq!(t.timing, Timing::StartOnly, "{src}");
            assert_eq!(t.segments[0].start_s, Some(start), "{src}");
            assert_eq!(t.segments[0].end_s, Some(65.0), "{src}");
            assert_eq!(t.speakers.len(), 2, "{src}");
        }
    }

    #[test]
    fn tied_starts_get_short_ends() {
        let t = p("[00:01:23] Helen: Mm.\n[00:01:23] Gary: Now, our fees are low.\n[00:01:35] Helen: Ok.\n");
        assert_eq!(t.segments[0].end_s, Some(84.0));
        assert_eq!(t.segments[1].end_s, Some(95.0));
        assert_eq!(t.segments[2].end_s, Some(96.0));
    }

    #[test]
    fn time_after_the_label() {
        let t = p("Ann: [00:00:02] Hi.\nBob: (00:05) Yo, 10:30 works.\n");
        assert_eq!(t.timing, Timing::StartOnly);
        assert_eq!(t.segments[0].start_s, Some(2.0));
        assert_eq!(t.segments[1].text, "Yo, 10:30 works.");
        let t = p("Ann: 10:30 works for me.\nBob: Fine.\n");
        assert_eq!(t.timing, Timing::None);
        assert_eq!(t.segments[0].text, "10:30 works for me.");
    }

    #[test]
    fn whisper_style_ranges() {
        let t = p(
            "[00:00.000 --> 00:04.000] SPEAKER_00: Hello?\n[00:04.500 --> 00:09.250] SPEAKER_01: Hi, this is Sam.\n",
        );
        assert_eq!(t.timing, Timing::Full);
        assert_eq!(t.segments[1].end_s, Some(9.25));
    }

    #[test]
    fn bracketed_ranges_are_full_timing() {
        let t = p("[00:00:01 - 00:00:03] Ann: Hi.\n[00:00:03 - 00:00:05] Bob: Yo.\n");
        assert_eq!(t.timing, Timing::Full);
        assert_eq!(t.segments[1].end_s, Some(5.0));
    }

    #[test]
    fn otter_and_rev_headers() {
        let t = p(
            "Speaker 1  0:00\nHello, Acme.\n\nSpeaker 2  0:05\nHi there.\nSecond line.\n\nSpeaker 1  1:02:03\nBye.\n",
        );
        assert_eq!(t.timing, Timing::StartOnly);
        assert_eq!(t.segments.len(), 3);
        assert_eq!(t.segments[1].text, "Hi there. Second line.");
        assert_eq!(t.segments[2].start_s, Some(3723.0));
        assert_eq!(t.segments[0].source_line, 1);
        let t = p("Tricia (00:00):\nKeller and Moss.\nBrandon (00:05):\nHi Tricia.\n");
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.segments[1].start_s, Some(5.0));
        // Inside an Otter block, `Note: …` is text.
        let t = p("Ann  0:00\nNote: the price went up.\n\nBob  0:04\nOk.\n\nAnn  0:06\nRight.\n");
        assert_eq!(t.segments.len(), 3);
        assert_eq!(t.segments[0].text, "Note: the price went up.");
    }

    #[test]
    fn pauses_become_events() {
        let t = p(
            "Tom: Met Tom.\nJan: Ik bel (.) over uw (0.8) inkomen.\n(2.0)\nTom: (1.2) Ja, [pause] nou. [silence 3s]\n",
        );
        assert_eq!(t.segments.len(), 3);
        assert_eq!(t.segments[1].text, "Ik bel over uw inkomen.");
        assert_eq!(t.segments[2].text, "Ja, nou.");
        let got: Vec<(Option<usize>, f64)> = t.pauses.iter().map(|p| (p.after_segment, p.duration_s)).collect();
        assert_eq!(
            got,
            vec![
                (Some(1), 0.1),
                (Some(1), 0.8),
                (Some(1), 2.0),
                (Some(1), 1.2),
                (Some(2), MARKER_PAUSE_S),
                (Some(2), 3.0)
            ]
        );
        assert_eq!(t.pauses[2].source_line, 3);
    }

    #[test]
    fn pause_markers() {
        let c = strip_pauses("a [stilte] b [long pause] c (pauze 2,5 s) d [Silence: 4 seconds] e (0,5) f (2) g");
        assert_eq!(c.text, "a b c d e f (2) g");
        assert_eq!(c.inner, vec![MARKER_PAUSE_S, LONG_MARKER_PAUSE_S, 2.5, 4.0, 0.5]);
        let c = strip_pauses("(.) (.)");
        assert_eq!(c.text, "");
        assert_eq!(c.leading, vec![0.1, 0.1]);
    }

    #[test]
    fn false_speakers_are_text() {
        let t = p("Ann: We meet at\n10:30 tomorrow.\nBob: Ok.\nNote: bring the contract.\nAnn: Ratio is fine.\nRatio: 3:1\nBob: We agreed on this: a visit.\nwe agreed: fine\n");
        assert_eq!(t.speakers.len(), 2, "{:?}", t.speakers);
        assert_eq!(t.segments.len(), 4);
        assert_eq!(t.segments[0].text, "We meet at 10:30 tomorrow.");
        assert_eq!(t.segments[1].text, "Ok. Note: bring the contract.");
        assert_eq!(t.segments[2].text, "Ratio is fine. Ratio: 3:1");
        assert_eq!(t.segments[3].text, "We agreed on this: a visit. we agreed: fine");
    }

    #[test]
    fn name_shape_rule() {
        for ok in [
            "Ann",
            "Sanne Visser",
            "Speaker 2",
            "SPEAKER_00",
            "Dr. Ing de Boer",
            "@Jo",
            "O'Brien",
            "spk_0",
        ] {
            assert!(could_be_label(ok), "{ok}");
        }
        for bad in [
            "",
            "10",
            "Well, I said",
            "This is a very long label indeed",
            "\"Quoted\"",
            "Hello?",
            "A label that is far longer than forty characters",
        ] {
            assert!(!could_be_label(bad), "{bad}");
        }
        // A sentence with a parenthesised tail could be a tagged name: it
        // counts only where it recurs.
        assert_eq!(labels::shape("He said (to me)"), Shape::Maybe);
        let mut shapes = ShapeCache::default();
        assert!(split_label("https://example.com", &mut shapes).is_none());
        assert!(split_label("Ratio: 3:1", &mut shapes).is_some());
        assert!(split_label("at 10:30", &mut shapes).is_none());
        // The remembered answer is the answer.
        for l in ["Ratio", "Well, I said", "Ann", "Ratio", "Well, I said"] {
            assert_eq!(shapes.could_be_label(l), could_be_label(l), "{l}");
        }
    }

    #[test]
    fn third_party_one_off_is_kept() {
        let t = p("Ann: Hi.\nBob: Hi.\nAnn: Ok.\nBob: Ok.\nReceptionist: Putting you through.\n");
        assert_eq!(t.speakers.len(), 3);
    }

    #[test]
    fn timed_file_without_name_continues_speaker() {
        let t = p("00:00:01 Ann: Hi.\n00:00:04 More from Ann.\n00:00:09 Bob: Yes.\n");
        assert_eq!(t.segments.len(), 3);
        assert_eq!(t.label(&t.segments[1]), "Ann");
        assert_eq!(t.segments[1].start_s, Some(4.0));
    }

    #[test]
    fn leading_junk_and_teams_at() {
        let t = p("Call with Acme\n\n@Ann: Hi.\n@Bob: Hello.\n");
        assert_eq!(t.speakers[0].label, "Ann");
        assert_eq!(t.warnings.len(), 1, "{:?}", t.warnings);
        assert_eq!(t.warnings[0].line, 1);
    }

    #[test]
    fn no_speaker_is_a_parse_error() {
        let e = parse("\nJust some prose without speakers.\nAnother line.\n").unwrap_err();
        match e {
            Error::Parse { line, expected, .. } => {
                assert_eq!(line, 2);
                assert!(expected.contains("Name: text"));
            }
            e => panic!("{e:?}"),
        }
        assert!(matches!(parse("\n \n").unwrap_err(), Error::Empty { .. }));
    }

    #[test]
    fn out_of_order_times_are_sorted_with_warning() {
        let t = p("[00:00:05] Ann: B.\n[00:00:01] Bob: A.\n");
        assert_eq!(t.segments[0].text, "A.");
        assert!(t.warnings.iter().any(|w| w.message.contains("backwards")));
    }

    #[test]
    fn speaker_line_without_text_is_skipped_with_warning() {
        let t = p("Ann:\nBob: Hi.\nAnn:\n(2.0)\nAnn: Yes.\n");
        assert_eq!(
            texts(&t),
            vec![("Bob".into(), "Hi.".into()), ("Ann".into(), "Yes.".into())]
        );
        let lines: Vec<usize> = t.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![1, 3]);
        assert_eq!(t.pauses[0].after_segment, Some(0));
    }

    #[test]
    fn standalone_time_lines_are_ignored() {
        // Google Meet: a time line every five minutes, speaker lines untimed.
        let t = p("Transcript\n00:00:00\n\nAnn: Hello.\nBob: Hi.\n00:05:00\nAnn: Still here.\n");
        assert_eq!(t.timing, Timing::None);
        assert_eq!(t.segments.len(), 3);
        assert_eq!(t.segments[1].text, "Hi.");
        let w: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            vec![
                "line 1: 1 line before the first speaker line ignored",
                "line 2: 2 line(s) holding only a time ignored"
            ]
        );
    }

    #[test]
    fn subtitles_saved_as_txt_are_refused() {
        let e = parse("1\n00:00:01,000 --> 00:00:02,000\nAnn: Hi.\n").unwrap_err();
        assert!(matches!(e, Error::Parse { line: 2, .. }), "{e:?}");
        assert!(e.to_string().contains("--format-hint"), "{e}");
    }

    #[test]
    fn sound_descriptions_are_not_words() {
        let t = p("Ann: (laughs) Fair enough. [applause]\nBob: I'll (hopefully) call [you] back.\n");
        assert_eq!(t.segments[0].text, "Fair enough.");
        // Near misses: a plain aside and an editorial bracket stay text.
        assert_eq!(t.segments[1].text, "I'll (hopefully) call [you] back.");
        assert!(t
            .warnings
            .iter()
            .any(|w| w.line == 1 && w.message.contains("2 non-speech item(s)")));
    }

    #[test]
    fn rev_stamps_continue_the_speaker() {
        let t = p("Lenny R (00:01:02):\nFirst part.\n\n(00:01:18):\nSecond part.\n\nMaria (00:01:30): Hi.\n(00:01:41): More.\n");
        assert_eq!(
            texts(&t),
            vec![
                ("Lenny R".into(), "First part.".into()),
                ("Lenny R".into(), "Second part.".into()),
                ("Maria".into(), "Hi.".into()),
                ("Maria".into(), "More.".into())
            ]
        );
        assert_eq!(t.segments[1].start_s, Some(78.0));
        // Near miss: a stamp followed by text without a colon is still a
        // timed line of the same speaker, its text untouched.
        let t = p("Ann (00:00:01): Hi.\n(00:00:05) :) fine\n");
        assert_eq!(t.segments[1].text, ":) fine");
    }

    #[test]
    fn otter_footer_is_not_text() {
        let t = p("Speaker 1  0:00\nHello.\n\nSpeaker 2  0:03\nHi.\n\n\nTranscribed by https://otter.ai\n");
        assert_eq!(t.segments[1].text, "Hi.");
        assert!(t.warnings.iter().any(|w| w.line == 8 && w.message.contains("footer")));
    }

    #[test]
    fn detection_helper() {
        assert!(looks_like_txt("Title\nAnn: Hi.\n"));
        assert!(looks_like_txt("Speaker 1  0:00\nHi.\n"));
        assert!(!looks_like_txt("Just prose. No speakers: here, at all, nope.\n"));
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        const LINE: &str = "(\\[0[0-9]:[0-5][0-9]\\] |[0-9]:[0-5][0-9] |\\(0[0-9]:[0-5][0-9]\\) )?((Ann|Bob|Note|Speaker 1|@X|we said)(:| \\(00:0[0-9]\\):|  0:0[0-9]) )?([a-zé ,.?]|\\(\\.\\)|\\(1\\.5\\)|\\[pause\\]|\\[silence 2s\\]|:|\t|10:30){0,12}";

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(4000))]
            #[test]
            fn ascii_time_prefix_matches_the_regex_on_generated_lines(
                s in "[\\[(]?[ \t\x0b]?[0-9]{0,3}(:[0-9]{0,3}){0,3}([.,][0-9]{0,4})?[ \t]?(-|->|-->|–|\\|)?[ \u{a0}]?([0-9]{0,3}(:[0-9]{0,3}){0,3}([.,][0-9]{0,4})?)?[ ]?[\\])]?[ \r\u{a0}]?(Ann|José|é|:|-)?"
            ) {
                let want = time_prefix_regex(&s);
                prop_assert_eq!(time_prefix(&s), want);
                if s.is_ascii() {
                    prop_assert!(ascii_time_prefix(&s).is_ok());
                }
            }
        }

        proptest! {
            #[test]
            fn arbitrary_text_never_panics(s in "(?s).{0,300}") {
                let _ = parse(&s);
                let _ = looks_like_txt(&s);
            }

            #[test]
            fn parsed_transcripts_are_consistent(lines in proptest::collection::vec(LINE, 0..16)) {
                let src = lines.join("\n");
                if let Ok(t) = parse(&src) {
                    prop_assert!(!t.segments.is_empty());
                    for s in &t.segments {
                        prop_assert!(!s.text.trim().is_empty());
                        prop_assert!(s.speaker < t.speakers.len());
                        match t.timing {
                            Timing::None => prop_assert!(s.start_s.is_none() && s.end_s.is_none()),
                            _ => prop_assert!(matches!((s.start_s, s.end_s), (Some(a), Some(b)) if b >= a)),
                        }
                    }
                    for p in &t.pauses {
                        prop_assert!(p.after_segment.is_none_or(|i| i < t.segments.len()));
                        prop_assert!(p.duration_s >= 0.0);
                    }
                }
            }
        }
    }
}
