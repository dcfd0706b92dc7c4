//! WebVTT in two layers. The lower one follows the W3C WebVTT file-parsing
//! algorithm (signature, header, blocks, cue timings and settings) and
//! returns cues with their raw text, as a browser's `TextTrack.cues` would;
//! the conformance tests call it directly. The upper one turns those cues
//! into a [`Transcript`]: the speaker from a `<v Name>` voice span (Teams) or
//! a `Name:` prefix (Zoom), markup stripped and character references decoded.
//!
//! One deliberate difference from the algorithm in the upper layer: a cue
//! timing the W3C rules reject is tried again with the looser caption-time
//! rule (`timecode::parse_caption_time`), because Teams writes `0:0:0.570`. A timing
//! that fails both skips that one cue with a warning.

use std::borrow::Cow;

use super::caption::{build_transcript, has_turn_mark, rolled_over, split_turns, CaptionCue};
use super::labels::clean_label_cow;
use super::markup::{decode_entity, has_arrow, tag_len, tidy_owned, NextByte};
use super::split_lf;
use super::timecode::{fixed_clock, parse_caption_time};
use crate::text::range_in;
use crate::{Error, Format, Transcript, Warning};

/// One cue as the W3C algorithm produces it.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The cue identifier (the line before the timing), possibly empty.
    pub id: String,
    /// Start in seconds.
    pub start_s: f64,
    /// End in seconds (may be before the start: the algorithm allows it).
    pub end_s: f64,
    /// Everything after the end time on the timing line, trimmed.
    pub settings: String,
    /// The raw cue text, lines joined with LF, markup and references kept.
    pub text: String,
    /// 1-based line of the cue timing.
    pub line: usize,
}

/// Which time stamps a cue timing may use.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timestamps {
    /// Exactly the W3C rules: `[hh:]mm:ss.ttt`, two-digit fields.
    Strict,
    /// The W3C rules, then short fields and a `,` separator (`0:0:0.570`).
    Lenient,
}

/// Cues plus the problems met on the way (cues skipped, with their line).
#[doc(hidden)]
#[derive(Debug, Clone, Default)]
pub struct CueList {
    /// Cues in file order.
    pub cues: Vec<Cue>,
    /// One warning per block with a `-->` line that could not be read.
    pub warnings: Vec<Warning>,
}

/// The W3C algorithm with strict time stamps: what a browser's track would
/// hold. An error when the file does not start with the `WEBVTT` signature.
#[doc(hidden)]
pub fn parse_cues(text: &str) -> Result<Vec<Cue>, Error> {
    parse_cues_with(text, Timestamps::Strict).map(|l| l.cues)
}

/// The W3C algorithm with a choice of time-stamp rule.
#[doc(hidden)]
pub fn parse_cues_with(text: &str, stamps: Timestamps) -> Result<CueList, Error> {
    let text = preprocess(text);
    let (cues, warnings) = raw_cues(&text, stamps)?;
    let cues = cues
        .into_iter()
        .map(|c| Cue {
            id: c.id.to_string(),
            start_s: c.start_s,
            end_s: c.end_s,
            settings: c.settings.to_string(),
            text: c.text.to_string(),
            line: c.line,
        })
        .collect();
    Ok(CueList { cues, warnings })
}

/// A [`Cue`] whose strings borrow the preprocessed text: the identifier,
/// settings and cue text are each a run of whole lines (or part of one),
/// and lines joined with LF are the text between them as it stands, so no
/// cue needs a string of its own until its plain text is built.
struct RawCue<'a> {
    id: &'a str,
    start_s: f64,
    end_s: f64,
    settings: &'a str,
    text: &'a str,
    line: usize,
}

/// The algorithm itself on preprocessed text (BOM gone, LF line ends).
fn raw_cues(text: &str, stamps: Timestamps) -> Result<(Vec<RawCue<'_>>, Vec<Warning>), Error> {
    let mut lines = split_lf(text);
    if text.ends_with('\n') {
        lines.pop();
    }
    let first = lines.first().copied().unwrap_or("");
    let signed = first
        .strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
    if !signed {
        let mut expected = "the signature \"WEBVTT\" at the start of line 1".to_string();
        if lines.iter().any(|l| l.contains("-->")) && lines.iter().any(|l| l.contains(',')) {
            expected.push_str(" (the cues look like SubRip: rename the file to .srt)");
        }
        return Err(Error::parse(Format::Vtt, 1, expected, first));
    }
    let mut p = Parser {
        text,
        lines: &lines,
        i: 1,
        stamps,
        cues: Vec::with_capacity(lines.len() / 4),
        warnings: Vec::new(),
    };
    if p.i < lines.len() {
        if lines[p.i].is_empty() {
            p.i += 1;
        } else {
            p.block(true);
        }
    }
    while p.i < lines.len() {
        if let Some(cue) = p.block(false) {
            p.cues.push(cue);
        }
        while p.i < lines.len() && lines[p.i].is_empty() {
            p.i += 1;
        }
    }
    Ok((p.cues, p.warnings))
}

/// The algorithm's input preprocessing: NUL to U+FFFD, CR and CRLF to LF.
fn preprocess(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // A vectorised search for either byte (a `contains` with a char set
    // decodes every char).
    if memchr::memchr2(0, b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace('\0', "\u{FFFD}").replace("\r\n", "\n").replace('\r', "\n"))
}

struct Parser<'a, 'l> {
    /// The preprocessed text the lines are slices of.
    text: &'a str,
    lines: &'l [&'a str],
    /// Index of the next line to read.
    i: usize,
    stamps: Timestamps,
    cues: Vec<RawCue<'a>>,
    warnings: Vec<Warning>,
}

impl<'a> Parser<'a, '_> {
    /// Lines `first..=last` as they stand in the text: the algorithm's
    /// buffer, lines joined with LF.
    fn span(&self, (first, last): (usize, usize)) -> &'a str {
        let from = range_in(self.text, self.lines[first]).start;
        let to = range_in(self.text, self.lines[last]).end;
        &self.text[from..to]
    }

    /// "Collect a WebVTT block". NOTE, STYLE and REGION blocks, headers and
    /// blocks whose timing fails all come back as `None`.
    fn block(&mut self, in_header: bool) -> Option<RawCue<'a>> {
        let mut line_count = 0;
        let start = self.i;
        let mut previous = self.i;
        // The buffer as the first and last line it holds: the lines pushed
        // into it are always consecutive (an arrow line either takes the
        // buffer or ends the block).
        let mut buffer: Option<(usize, usize)> = None;
        let mut seen_arrow = false;
        let mut cue: Option<RawCue<'a>> = None;
        while self.i < self.lines.len() {
            let line = self.lines[self.i];
            let number = self.i + 1;
            self.i += 1;
            line_count += 1;
            if has_arrow(line) {
                if !in_header && (line_count == 1 || (line_count == 2 && !seen_arrow)) {
                    seen_arrow = true;
                    previous = self.i;
                    let id = buffer.take().map_or("", |b| self.span(b));
                    match self.timings(line) {
                        Some((start_s, end_s, settings)) => {
                            cue = Some(RawCue {
                                id,
                                start_s,
                                end_s,
                                settings: settings.trim(),
                                text: "",
                                line: number,
                            });
                        }
                        None => {
                            cue = None;
                            self.warnings.push(Warning::new(
                                number,
                                format!(
                                    "expected a cue timing like 00:00:01.000 --> 00:00:04.000, found {}; cue skipped",
                                    crate::error::shorten(line)
                                ),
                            ));
                        }
                    }
                } else {
                    self.i = previous;
                    break;
                }
            } else if line.is_empty() {
                break;
            } else {
                let at = self.i - 1;
                buffer = Some(buffer.map_or((at, at), |(first, _)| (first, at)));
                previous = self.i;
            }
        }
        let buffer = buffer.map_or("", |b| self.span(b));
        if cue.is_none() && !in_header && !seen_arrow && self.stamps == Timestamps::Lenient && !is_comment_block(buffer)
        {
            self.warnings.push(Warning::new(
                start + 1,
                "text without a cue timing (expected a line like 00:00:01.000 --> 00:00:04.000 above it); ignored",
            ));
        }
        cue.map(|mut c| {
            c.text = buffer;
            c
        })
    }

    fn timings<'l>(&self, line: &'l str) -> Option<(f64, f64, &'l str)> {
        strict_timings(line).or_else(|| match self.stamps {
            Timestamps::Strict => None,
            Timestamps::Lenient => lenient_timings(line),
        })
    }
}

/// NOTE, STYLE and REGION blocks, which carry no speech.
fn is_comment_block(block: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|kw| {
        block
            .strip_prefix(kw)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n']))
    })
}

/// "Collect WebVTT cue timings and settings": start, end, the settings text.
fn strict_timings(line: &str) -> Option<(f64, f64, &str)> {
    let b = line.as_bytes();
    let mut pos = 0;
    skip_ws(b, &mut pos);
    let start = strict_timestamp(b, &mut pos)?;
    skip_ws(b, &mut pos);
    if !b[pos..].starts_with(b"-->") {
        return None;
    }
    pos += 3;
    skip_ws(b, &mut pos);
    let end = strict_timestamp(b, &mut pos)?;
    // Only ASCII was consumed, so `pos` is a character boundary.
    Some((start, end, &line[pos..]))
}

/// Short fields, `,` separators: `0:0:0.570 --> 0:0:1.130 align:start`.
fn lenient_timings(line: &str) -> Option<(f64, f64, &str)> {
    let (left, right) = line.split_once("-->")?;
    let start = parse_caption_time(left)?;
    let right = right.trim_start();
    let cut = right.find(char::is_whitespace).unwrap_or(right.len());
    let end = parse_caption_time(&right[..cut])?;
    Some((start, end, &right[cut..]))
}

fn skip_ws(b: &[u8], pos: &mut usize) {
    while *pos < b.len() && matches!(b[*pos], b' ' | b'\t' | b'\n' | b'\x0C' | b'\r') {
        *pos += 1;
    }
}

/// Digits at `pos`: their value (saturating) and count; `None` when none.
fn digits(b: &[u8], pos: &mut usize) -> Option<(u64, usize)> {
    let start = *pos;
    let mut value: u64 = 0;
    while *pos < b.len() && b[*pos].is_ascii_digit() {
        value = value.saturating_mul(10).saturating_add(u64::from(b[*pos] - b'0'));
        *pos += 1;
    }
    (*pos > start).then_some((value, *pos - start))
}

/// "Collect a WebVTT timestamp": `[hh+:]mm:ss.ttt`, where a first field that
/// is not exactly two digits or exceeds 59 means hours.
fn strict_timestamp(b: &[u8], pos: &mut usize) -> Option<f64> {
    // The usual `hh:mm:ss.ttt`, not followed by a digit, in one go.
    if let Some((b'.', t)) = b.get(*pos..).and_then(fixed_clock) {
        if !b.get(*pos + 12).is_some_and(u8::is_ascii_digit) {
            *pos += 12;
            return t;
        }
    }
    let (v1, len1) = digits(b, pos)?;
    let hours_first = len1 != 2 || v1 > 59;
    if b.get(*pos) != Some(&b':') {
        return None;
    }
    *pos += 1;
    let (v2, len2) = digits(b, pos)?;
    if len2 != 2 {
        return None;
    }
    let (h, m, s) = if hours_first || b.get(*pos) == Some(&b':') {
        if b.get(*pos) != Some(&b':') {
            return None;
        }
        *pos += 1;
        let (v3, len3) = digits(b, pos)?;
        if len3 != 2 {
            return None;
        }
        (v1, v2, v3)
    } else {
        (0, v1, v2)
    };
    if b.get(*pos) != Some(&b'.') {
        return None;
    }
    *pos += 1;
    let (ms, len4) = digits(b, pos)?;
    if len4 != 3 || m > 59 || s > 59 {
        return None;
    }
    Some(h as f64 * 3600.0 + m as f64 * 60.0 + s as f64 + ms as f64 / 1000.0)
}

/// Plain text of a cue and the voice-span speakers in it, in order.
///
/// Tags are dropped (`<c.x>`, `<i>`, `<b>`, `<u>`, `<lang en>`, `<ruby>`,
/// timestamp tags `<00:01.000>`) and so is the text of `<rt>` ruby
/// annotations, which repeats the base text. Unlike the cue-text tokenizer,
/// a `<` not followed by a letter, `/` or digit is kept as text, since real
/// files write `2 < 3` unescaped.
#[doc(hidden)]
pub fn cue_plain_text(raw: &str) -> (String, Vec<String>) {
    let mut voices: Vec<String> = Vec::new();
    let text = plain_text_with(raw, |v| voices.push(v.into_owned()));
    (text, voices)
}

/// [`cue_plain_text`] handing each voice label to `voice` as it is met,
/// borrowed from `raw` when it needs no clean-up (as nearly all do).
fn plain_text_with<'r>(raw: &'r str, mut voice: impl FnMut(Cow<'r, str>)) -> String {
    // Zoom cues hold no markup: the loop below would copy them whole.
    if memchr::memchr2(b'<', b'&', raw.as_bytes()).is_none() {
        return tidy_owned(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut in_rt = 0usize;
    let mut gt = NextByte::new(raw, b'>');
    let mut rest = raw;
    while !rest.is_empty() {
        // Text up to the next `<` or `&` is copied as it is (or dropped
        // inside ruby text).
        let plain = memchr::memchr2(b'<', b'&', rest.as_bytes()).unwrap_or(rest.len());
        if in_rt == 0 {
            out.push_str(&rest[..plain]);
        }
        rest = &rest[plain..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        if c == '<' {
            let close = gt.relative(raw.len() - rest.len());
            let len = tag_len(rest, close).or_else(|| {
                rest[1..]
                    .starts_with(|d: char| d.is_ascii_digit())
                    .then(|| close.map_or(rest.len(), |i| i + 1))
            });
            if let Some(len) = len {
                let tag = rest[1..len].trim_end_matches('>');
                rest = &rest[len..];
                let (head, annotation) = match tag.find([' ', '\t', '\n', '\x0C']) {
                    Some(i) => (&tag[..i], tag[i..].trim()),
                    None => (tag, ""),
                };
                let name = head.split('.').next().unwrap_or("");
                match name {
                    "v" => {
                        if let Some(label) = clean_label_cow(annotation) {
                            voice(label);
                        }
                    }
                    "rt" => in_rt += 1,
                    "/rt" => in_rt = in_rt.saturating_sub(1),
                    _ => {}
                }
                continue;
            }
        } else if c == '&' {
            if let Some((decoded, len)) = decode_entity(rest) {
                if in_rt == 0 {
                    out.push_str(&decoded);
                }
                rest = &rest[len..];
                continue;
            }
        }
        if in_rt == 0 {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    tidy_owned(out)
}

/// Parses WebVTT text (line ends already normalised to LF, BOM removed).
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: None,
            why: "the WebVTT file is empty".to_string(),
        });
    }
    let text = preprocess(text);
    let (raw, mut warnings) = raw_cues(&text, Timestamps::Lenient)?;
    if raw.is_empty() {
        return Err(Error::Empty {
            path: None,
            why: "the WebVTT file has a header but no cues".to_string(),
        });
    }
    let mut cues = Vec::with_capacity(raw.len());
    // Rolling captions (YouTube's automatic ones, which time every word
    // with `<00:00:01.520>` tags) repeat each line in the next cue; their
    // lines are compared with the cue before.
    let rolling = raw.iter().any(|c| has_timestamp_tag(c.text));
    let mut previous: Vec<String> = Vec::new();
    let mut repeats = (0usize, 0usize);
    for cue in raw {
        if rolling || has_turn_mark(cue.text) {
            let mut first: Option<Cow<'_, str>> = None;
            let mut lines: Vec<String> = cue
                .text
                .split('\n')
                .map(|l| {
                    plain_text_with(l, |v| {
                        first.get_or_insert(v);
                    })
                })
                .filter(|l| !l.is_empty())
                .collect();
            if rolling {
                let k = rolled_over(&previous, &lines);
                previous = lines.clone();
                if k > 0 {
                    repeats.0 += k;
                    repeats.1 += usize::from(k == lines.len());
                    lines.drain(..k);
                }
                if lines.is_empty() && k > 0 {
                    continue;
                }
            }
            for (n, (turn, text)) in split_turns(&lines).into_iter().enumerate() {
                cues.push(CaptionCue {
                    start_s: cue.start_s,
                    end_s: cue.end_s,
                    line: cue.line,
                    speaker: if n == 0 { first.clone() } else { None },
                    text,
                    turn,
                });
            }
            if lines.is_empty() {
                cues.push(CaptionCue {
                    start_s: cue.start_s,
                    end_s: cue.end_s,
                    line: cue.line,
                    speaker: None,
                    text: String::new(),
                    turn: false,
                });
            }
            continue;
        }
        let mut first: Option<Cow<'_, str>> = None;
        let mut mixed = false;
        let text = plain_text_with(cue.text, |v| match &first {
            None => first = Some(v),
            Some(f) => mixed |= *f != v,
        });
        if mixed {
            // Rare: the full list only for the message.
            let (_, voices) = cue_plain_text(cue.text);
            warnings.push(Warning::new(
                cue.line,
                format!(
                    "cue has voice spans for several speakers ({}); all of it is attributed to {}",
                    voices.join(", "),
                    voices[0]
                ),
            ));
        }
        cues.push(CaptionCue {
            start_s: cue.start_s,
            end_s: cue.end_s,
            line: cue.line,
            speaker: first,
            text,
            turn: false,
        });
    }
    if repeats.0 > 0 {
        warnings.push(Warning::new(
            0,
            format!(
                "rolling captions: {} line(s) repeated from the cue before removed ({} cue(s) held nothing new), so no word counts twice",
                repeats.0, repeats.1
            ),
        ));
    }
    Ok(build_transcript(Format::Vtt, cues, warnings, false))
}

/// Whether raw cue text holds a timestamp tag (`<00:00:01.520>`), the mark
/// of captions timed word by word.
fn has_timestamp_tag(raw: &str) -> bool {
    let b = raw.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| b.get(i + 1).is_some_and(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::super::labels::clean_label;
    use super::*;

    fn times(text: &str) -> Vec<(f64, f64)> {
        parse_cues(text).unwrap().iter().map(|c| (c.start_s, c.end_s)).collect()
    }

    #[test]
    fn strict_timestamps_follow_the_w3c_rules() {
        let mut pos = 0;
        assert_eq!(strict_timestamp(b"000:00:00.000", &mut pos), Some(0.0));
        for bad in [
            "000:00.000",
            "0:00.000",
            "00:0.000",
            "00:00.00",
            "00:00:00.0000",
            "00:60.000",
            "0:0:0.570",
        ] {
            let mut pos = 0;
            assert_eq!(strict_timestamp(bad.as_bytes(), &mut pos), None, "{bad}");
        }
        let mut pos = 0;
        assert_eq!(strict_timestamp(b"120:00:00.000", &mut pos), Some(432000.0));
    }

    /// The one-shape reader gives what the general one gives, end position
    /// included, on every line built from time-like pieces.
    #[test]
    fn fast_timestamp_equals_general() {
        let general = |b: &[u8]| {
            // The general reader as it stands below the shortcut.
            let mut pos = 0;
            let r = (|| {
                let (v1, len1) = digits(b, &mut pos)?;
                let hours_first = len1 != 2 || v1 > 59;
                if b.get(pos) != Some(&b':') {
                    return None;
                }
                pos += 1;
                let (v2, len2) = digits(b, &mut pos)?;
                if len2 != 2 {
                    return None;
                }
                let (h, m, s) = if hours_first || b.get(pos) == Some(&b':') {
                    if b.get(pos) != Some(&b':') {
                        return None;
                    }
                    pos += 1;
                    let (v3, len3) = digits(b, &mut pos)?;
                    if len3 != 2 {
                        return None;
                    }
                    (v1, v2, v3)
                } else {
                    (0, v1, v2)
                };
                if b.get(pos) != Some(&b'.') {
                    return None;
                }
                pos += 1;
                let (ms, len4) = digits(b, &mut pos)?;
                if len4 != 3 || m > 59 || s > 59 {
                    return None;
                }
                Some(h as f64 * 3600.0 + m as f64 * 60.0 + s as f64 + ms as f64 / 1000.0)
            })();
            (r, pos)
        };
        let pieces = [
            "00", "59", "60", "99", "7", "123", ":", ".", "000", "999", "5", " ", "x", ",",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for line in [
                        format!("{a}:{b}:{c}.000"),
                        format!("01:{a}:{b}.{c}"),
                        format!("{a}:{b}.{c}"),
                        format!("{a}{b}{c}"),
                        format!("12:34:56.789{a}"),
                    ] {
                        let mut pos = 0;
                        let got = strict_timestamp(line.as_bytes(), &mut pos);
                        let want = general(line.as_bytes());
                        // Where both fail the position is not used.
                        if want.0.is_some() || got.is_some() {
                            assert_eq!((got, pos), want, "{line:?}");
                        }
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 10_000);
    }

    #[test]
    fn settings_follow_the_end_time_even_without_a_space() {
        let cues = parse_cues("WEBVTT\n\n00:00.000 --> 00:01.000line:40% size:40%\ncue text\n").unwrap();
        assert_eq!(cues[0].settings, "line:40% size:40%");
        assert_eq!(cues[0].text, "cue text");
    }

    #[test]
    fn header_and_blocks() {
        let text = "WEBVTT - title\nKind: captions\n\nNOTE a comment\n--> not a cue\n\nSTYLE\n::cue { color: red }\n\n\
                    REGION\nid:r1\n\nid1\n00:01.000 --> 00:02.000\nline one\nline two\n00:03.000 --> 00:04.000\nnext\n";
        let cues = parse_cues(text).unwrap();
        assert_eq!(cues.len(), 2);
        assert_eq!(cues[0].id, "id1");
        assert_eq!(cues[0].text, "line one\nline two");
        assert_eq!(cues[0].line, 14);
        assert_eq!(cues[1].id, "");
        assert_eq!(
            times("WEBVTT\n00:01.000 --> 00:02.000\nright after the signature\n"),
            [(1.0, 2.0)]
        );
    }

    #[test]
    fn signature() {
        assert!(parse_cues("WEBVTTX\n\n00:01.000 --> 00:02.000\nx").is_err());
        assert!(parse_cues("\u{FEFF}WEBVTT\t\n\n00:01.000 --> 00:02.000\nx").is_ok());
        assert_eq!(parse_cues("WEBVTT").unwrap().len(), 0);
        let e = parse_cues("1\n00:00:01,000 --> 00:00:02,000\nx\n").unwrap_err();
        assert!(e.to_string().contains("rename the file to .srt"), "{e}");
    }

    #[test]
    fn teams_timings_only_in_lenient_mode() {
        let text = "WEBVTT\n\n0:0:0.0 --> 0:0:0.570\n<v Yuri>There you go.</v>\n";
        assert!(parse_cues(text).unwrap().is_empty());
        let l = parse_cues_with(text, Timestamps::Lenient).unwrap();
        assert_eq!((l.cues[0].start_s, l.cues[0].end_s), (0.0, 0.57));
    }

    #[test]
    fn plain_text_and_voices() {
        let (t, v) = cue_plain_text("<v.loud Joe>That's <i>awesome</i>!</v>");
        assert_eq!((t.as_str(), v), ("That's awesome!", vec!["Joe".to_string()]));
        let (t, _) = cue_plain_text("this<00:05:04.199><c> will</c><c.colorE5E5E5> happen</c>");
        assert_eq!(t, "this will happen");
        let (t, _) = cue_plain_text("<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby> <lang nl>hoi</lang>");
        assert_eq!(t, "漢字 hoi");
        let (t, _) = cue_plain_text("a&nbsp;b &amp; c &lt;d&gt; &lrm;e&rlm; &#39;f&#x27; &bogus; 2 < 3");
        assert_eq!(t, "a b & c <d> e 'f' &bogus; 2 < 3");
        let (_, v) = cue_plain_text("<v @Anonymous  User >hi");
        assert_eq!(v, ["Anonymous User"]);
        let (t, v) = cue_plain_text("<v>no name</v>");
        assert_eq!((t.as_str(), v.len()), ("no name", 0));
    }

    /// Cue identifiers and texts are slices of the preprocessed text; they
    /// must equal the algorithm's buffer (lines joined with LF) whatever the
    /// line ends, BOM, NUL bytes or blank lines around them.
    #[test]
    fn borrowed_cue_text_equals_the_joined_buffer() {
        let text = "\u{FEFF}WEBVTT\r\nKind: x\r\n\r\nid é\r00:01.000 --> 00:02.000  align:start \r\n\
                    line one\r\n\tline two \u{0}\n\n\n00:03.000 --> 00:04.000\nA\n00:05.000 --> 00:06.000\nB\n\
                    NOTE\n\nx\n00:0x.000 --> 00:08.000\nlost\n\n00:09.000 --> 00:10.000\n\n";
        let cues = parse_cues(text).unwrap();
        let got: Vec<(&str, &str, &str)> = cues
            .iter()
            .map(|c| (c.id.as_str(), c.settings.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("id é", "align:start", "line one\n\tline two \u{FFFD}"),
                ("", "", "A"),
                ("", "", "B\nNOTE"),
                ("", "", "")
            ]
        );
        let l = parse_cues_with(text, Timestamps::Lenient).unwrap();
        assert_eq!(l.cues, cues);
        assert_eq!(l.warnings.len(), 1);
    }

    #[test]
    fn borrowed_voice_labels_equal_cleaned_ones() {
        for raw in [
            "<v Ann>a</v>",
            "<v  Ann   Lee >a",
            "<v @Ann>a",
            "<v Ann\tLee>a",
            "<v Zoë>a",
            "<v Ann\u{A0}Lee>a",
            "<v.loud Ann><v Bob>a",
            "<v @>a",
        ] {
            let mut borrowed = Vec::new();
            let text = plain_text_with(raw, |v| borrowed.push(v.into_owned()));
            assert_eq!((text, borrowed), cue_plain_text(raw), "{raw:?}");
            let (_, voices) = cue_plain_text(raw);
            let slow: Vec<String> = raw
                .split("<v")
                .skip(1)
                .filter_map(|t| {
                    let tag = &t[..t.find('>').unwrap()];
                    let annotation = tag.find([' ', '\t']).map_or("", |i| tag[i..].trim());
                    clean_label(annotation)
                })
                .collect();
            assert_eq!(voices, slow, "{raw:?}");
        }
    }

    #[test]
    fn bad_cue_is_skipped_with_its_line() {
        let t = parse(
            "WEBVTT\n\n00:01.000 --> 00:02.000\nAnn: one\n\n00:03.000 --> 00:0x.000\nlost\n\n\
                       00:05.000 --> 00:06.000\nBob: two\n",
        )
        .unwrap();
        assert_eq!(t.segments.len(), 2);
        assert!(t
            .warnings
            .iter()
            .any(|w| w.line == 6 && w.message.contains("cue skipped")));
    }

    #[test]
    fn zoom_prefix_continues() {
        let t = parse(
            "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nDan Walsh: Hi there.\n\n2\n00:02.000 --> 00:03.000\n\
                       more from Dan\n\n3\n00:03.000 --> 00:04.000\nLaura Mendez: Hello.\n",
        )
        .unwrap();
        let labels: Vec<&str> = t.segments.iter().map(|s| t.label(s)).collect();
        assert_eq!(labels, ["Dan Walsh", "Dan Walsh", "Laura Mendez"]);
        assert_eq!(t.segments[1].text, "more from Dan");
        assert_eq!(t.segments[0].source_line, 4);
    }

    #[test]
    fn text_block_without_timing_is_reported() {
        let text = "WEBVTT\n\nNOTE fine\n\n00:01.000 --> 00:02.000\none\n\nlost text\n\n00:03.000 --> 00:04.000\ntwo\n";
        let l = parse_cues_with(text, Timestamps::Lenient).unwrap();
        assert_eq!(l.cues.len(), 2);
        assert_eq!(l.warnings.len(), 1);
        assert_eq!(l.warnings[0].line, 8);
    }
}
