//! One turn per line.
//!
//! - **Chevrons** (`00:00:00 >> text`): broadcast closed captions and the
//!   transcripts made from them mark a change of speaker with `>>` and name
//!   nobody. A `>>` line opens a turn; a timed line without `>>` is more
//!   words of the same speaker; an untimed line joins the line above. A
//!   turn that starts with an upper-case name and a colon (`>> JOHN SMITH:
//!   text`, the caption convention) is that speaker's; the others alternate
//!   between `Speaker 1` and `Speaker 2`, the best guess for a call of two,
//!   said in a warning. Start times only.
//! - **WhisperX / pyannote text**
//!   (`[0:00:06.835000 - 0:00:07.235000] SPEAKER_00 -  Hello.`, also with
//!   `-->` between the times or `:` after the label): full times, the label
//!   as written (one or two words). A line that starts like one but cannot be read (a cut-off
//!   last line) is skipped with a warning; other lines join the turn above.

use super::{join_words, name_shaped, Layout};
use crate::parse::timecode::parse_clock;
use crate::{Error, Format, Segment, Transcript, Warning};

pub(super) fn detect(head: &[&str]) -> Option<Layout> {
    let n = head.len() as f64;
    let whisperx = head.iter().filter(|l| whisperx_line(l).is_some()).count();
    if whisperx > 0 && whisperx as f64 >= 0.5 * n {
        return Some(Layout::WhisperxText);
    }
    let timed: Vec<&str> = head.iter().filter_map(|l| clock_prefix(l).map(|(_, r)| r)).collect();
    let chevrons = timed.iter().filter(|r| r.starts_with(">>")).count();
    if chevrons > 0 && timed.len() as f64 >= 0.5 * n {
        return Some(Layout::Chevrons);
    }
    None
}

pub(super) fn parse(text: &str, layout: Layout) -> Result<Transcript, Error> {
    let mut t = Transcript::empty(Format::Txt);
    match layout {
        Layout::WhisperxText => parse_whisperx(text, &mut t),
        _ => parse_chevrons(text, &mut t),
    }
    if t.segments.is_empty() {
        return Err(Error::Empty {
            path: None,
            why: "no turn with a time found in the text".into(),
        });
    }
    Ok(t)
}

/// A leading `[h:]mm:ss[.fff]` token and the text after it (trimmed).
fn clock_prefix(l: &str) -> Option<(f64, &str)> {
    let l = l.trim_start();
    let end = l.find(|c: char| c.is_whitespace()).unwrap_or(l.len());
    let token = &l[..end];
    if !token.contains(':') {
        return None;
    }
    parse_clock(token).map(|t| (t, l[end..].trim()))
}

/// `[start - end] LABEL - text` read into its parts.
fn whisperx_line(l: &str) -> Option<(f64, f64, &str, &str)> {
    let rest = l.trim_start().strip_prefix('[')?;
    let (times, rest) = rest.split_once(']')?;
    let (a, b) = times.split_once("-->").or_else(|| times.split_once(" - "))?;
    let (start, end) = (parse_clock(a)?, parse_clock(b)?);
    let rest = rest.trim();
    let (label, words) = rest
        .split_once(" - ")
        .or_else(|| rest.split_once(": "))
        .or_else(|| rest.strip_suffix(':').map(|l| (l, "")))?;
    let label = label.trim();
    // Diarisers write one token (`SPEAKER_00`) or two (pyannote's track and
    // label): more words are a sentence.
    (name_shaped(label) && label.split_whitespace().count() <= 2 && !label.starts_with('['))
        .then_some((start, end, label, words))
}

fn parse_whisperx(text: &str, t: &mut Transcript) {
    let mut bad = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let line = i + 1;
        if l.trim().is_empty() {
            continue;
        }
        match whisperx_line(l) {
            Some((start, end, label, words)) => {
                let speaker = t.speaker_index(label);
                let (start, end) =
                    crate::parse::assemble::check_times(&mut t.warnings, line, "line", Some(start), Some(end));
                let mut seg = Segment::new(speaker, start, end, join_words([words]));
                seg.source_line = line;
                t.segments.push(seg);
            }
            None if l.trim_start().starts_with('[') => bad.push(line),
            None => match t.segments.last_mut() {
                Some(s) => s.text = join_words([s.text.as_str(), l]),
                None => bad.push(line),
            },
        }
    }
    if let Some(&first) = bad.first() {
        t.warnings.push(Warning::new(
            first,
            format!(
                "{} line(s) not of the form `[start - end] SPEAKER - text`; skipped",
                bad.len()
            ),
        ));
    }
    crate::parse::assemble::settle_timing(t);
}

/// `JOHN SMITH:` at the start of a turn: upper-case words and a colon.
fn caption_name(rest: &str) -> Option<(&str, &str)> {
    let (name, words) = rest.split_once(':')?;
    let name = name.trim();
    let upper = name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
        && name.split_whitespace().count() <= 4;
    upper.then_some((name, words))
}

fn parse_chevrons(text: &str, t: &mut Transcript) {
    let mut unnamed_turns = 0usize;
    let mut current: Option<usize> = None;
    for (i, l) in text.lines().enumerate() {
        let line = i + 1;
        if l.trim().is_empty() {
            continue;
        }
        let Some((start, rest)) = clock_prefix(l) else {
            if let Some(s) = t.segments.last_mut() {
                s.text = join_words([s.text.as_str(), l]);
            }
            continue;
        };
        let (speaker, words) = match rest.strip_prefix(">>") {
            Some(turn) => {
                let turn = turn.trim_start();
                match caption_name(turn) {
                    Some((name, words)) => (t.speaker_index(name), words),
                    None => {
                        unnamed_turns += 1;
                        // The first unnamed turn is Speaker 1 unless the
                        // one before it (untimed lead-in) already was.
                        let prev = current.map(|c| t.speakers[c].label.clone());
                        let next = if prev.as_deref() == Some("Speaker 1") {
                            "Speaker 2"
                        } else {
                            "Speaker 1"
                        };
                        (t.speaker_index(next), turn)
                    }
                }
            }
            None => match current {
                Some(c) => (c, rest),
                None => (t.speaker_index("Speaker 1"), rest),
            },
        };
        current = Some(speaker);
        let mut seg = Segment::new(speaker, Some(start), None, join_words([words]));
        seg.source_line = line;
        t.segments.push(seg);
    }
    if unnamed_turns > 0 {
        t.warnings.push(Warning::new(
            0,
            "`>>` marks a change of speaker without a name: turns alternate between Speaker 1 and Speaker 2",
        ));
    }
    t.sort_by_start();
    t.infer_ends_from_starts();
    t.warnings.push(Warning::new(
        0,
        "start times only: each segment is taken to end where the next one starts",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    #[test]
    fn chevrons_alternate_and_names_win() {
        let text =
            "00:00:00 >> Good morning, Acme.\n00:00:03 >> Hi, it's Jo.\n00:00:05 I wanted to ask\nabout my order.\n\
                    00:00:09 >> SAM LEE: Sure.\n00:00:11 >> Thanks.\n";
        assert_eq!(detect(&text.lines().collect::<Vec<_>>()), Some(Layout::Chevrons));
        let t = parse(text, Layout::Chevrons).unwrap();
        let who: Vec<&str> = t.segments.iter().map(|s| t.label(s)).collect();
        assert_eq!(who, ["Speaker 1", "Speaker 2", "Speaker 2", "SAM LEE", "Speaker 1"]);
        assert_eq!(t.segments[2].text, "I wanted to ask about my order.");
        assert_eq!(t.timing, Timing::StartOnly);
        assert_eq!(t.segments[0].end_s, Some(3.0));
        // Near miss: a mixed-case word before a colon is text, not a name.
        assert_eq!(caption_name("Note: this"), None);
        // Near miss: one `>>` in a `Name: text` file is not the layout.
        let plain = ["Ann: Hello >> there", "Bob: Hi", "Ann: So", "00:00:01 >> x"];
        assert_eq!(detect(&plain), None);
    }

    #[test]
    fn whisperx_text_lines_carry_both_times() {
        let text = "[0:00:06.835000 - 0:00:07.235000] SPEAKER_00 -  Hello.\n\
                    [0:00:07.500000 - 0:00:09.000000] SPEAKER_01 -  Hi there,\nhow are you?\n\
                    [0:00:09.5";
        let head: Vec<&str> = text.lines().collect();
        assert_eq!(detect(&head), Some(Layout::WhisperxText));
        let t = parse(text, Layout::WhisperxText).unwrap();
        assert_eq!(t.timing, Timing::Full);
        assert_eq!(t.segments.len(), 2);
        assert_eq!((t.segments[0].start_s, t.segments[0].end_s), (Some(6.835), Some(7.235)));
        assert_eq!(t.segments[1].text, "Hi there, how are you?");
        assert_eq!(t.warnings[0].line, 4);
        // pyannote's arrow and a colon after the label.
        assert!(whisperx_line("[ 00:00:00.497 -->  00:00:01.007] A: Yes.").is_some());
        // Near miss: a bracketed time with a sentence, not a label.
        assert!(whisperx_line("[00:01 - 00:02] We agreed on this - fine.").is_none());
    }
}
