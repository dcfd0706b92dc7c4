//! SubRip (SRT), read the way real files are written rather than the way the
//! format is usually described: indexes may be missing, wrong or not numbers,
//! times may use `.` for `,` or short fields (`00:00:0,000`), junk may follow
//! the timing, cues may be out of order or overlap, and blank lines may sit
//! inside cue text. Speakers come from a `Name:` or `[Name]` prefix, read
//! by the caption layer ([`super::caption`]) that SRT shares with WebVTT.

use std::sync::OnceLock;

use regex::Regex;

use super::ascii_space;
use super::caption::{build_transcript, has_turn_mark, split_turns, CaptionCue};
use super::markup::{decode_entity, has_arrow, tag_len, tidy_owned, NextByte};
use super::timecode::parse_caption_time;
use crate::{Error, Format, Transcript, Warning};

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
        // `>>` at the start of a line hands the cue to another speaker:
        // the cue is split there.
        if text_lines.iter().any(|l| has_turn_mark(l)) {
            let plain: Vec<String> = text_lines.iter().map(|l| clean_srt_text(l)).collect();
            for (turn, text) in split_turns(&plain) {
                cues.push(CaptionCue {
                    start_s: start,
                    end_s: end,
                    line: at + 1,
                    speaker: None,
                    text,
                    turn,
                });
            }
            continue;
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
            turn: false,
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

#[cfg(test)]
mod tests {
    use super::*;

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

    fn p(text: &str) -> Transcript {
        let mut t = parse(text).unwrap();
        t.sort_by_start();
        t
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
        fn never_panics(text in "(\\PC|\n|-->|<[a-z/0-9]|&[a-z#0-9]{0,5};?|\\[|\\]|\\(|\\)|:|：|>>|&gt;&gt;|♪|[0-9]{1,3}[:.,])*") {
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
