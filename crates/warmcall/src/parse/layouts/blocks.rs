//! A header line per turn, the words on the lines below it, up to the next
//! header. Start times only (ends inferred from the next start).
//!
//! - **Zoom saved captions**: `[Jane Roe] 11:02:09`. The times are the
//!   meeting's wall clock: they are counted from the first caption (which
//!   starts at 0), and a time more than 12 hours before the one above has
//!   passed midnight.
//! - **Zoom web-viewer copy**: the name alone on a line, the offset
//!   (`00:00:02`) alone on the next, then the words. The text lines are
//!   never read as `Name: text`: a sentence such as `I'm sure: yes` is
//!   words.
//! - **Otter Markdown**: `**Emma** 0:00`, the words below.
//!
//! In all three the name must be shaped like one (short, at most six words,
//! no sentence end); lines before the first header (a title, a date) are
//! skipped with a warning.

use super::{join_words, name_shaped, Layout};
use crate::parse::timecode::parse_clock;
use crate::{Error, Format, Segment, Transcript, Warning};

pub(super) fn detect(head: &[&str]) -> Option<Layout> {
    for layout in [Layout::ZoomCaptions, Layout::OtterMarkdown, Layout::ZoomWebViewer] {
        let starts: Vec<usize> = (0..head.len())
            .filter(|&i| header(layout, head[i], head.get(i + 1).copied()).is_some())
            .collect();
        // A lone name-and-time pair at the top is Google Meet's title and
        // first time mark; the web viewer repeats the pair every turn.
        let lone_ok = layout != Layout::ZoomWebViewer && starts.first() == Some(&0);
        if starts.len() >= 2 || lone_ok {
            return Some(layout);
        }
    }
    None
}

/// The name and time of a header starting at `line` (`next`: the next
/// non-blank line, which holds the time in the web-viewer copy).
fn header<'a>(layout: Layout, line: &'a str, next: Option<&str>) -> Option<(&'a str, f64)> {
    let l = line.trim();
    match layout {
        Layout::ZoomCaptions => {
            let (name, time) = l.strip_prefix('[')?.split_once(']')?;
            let time = time.trim();
            (time.split(':').count() == 3).then_some(())?;
            Some((name.trim(), parse_clock(time)?)).filter(|(n, _)| name_shaped(n))
        }
        Layout::OtterMarkdown => {
            let (name, time) = l.strip_prefix("**")?.split_once("**")?;
            Some((name.trim(), parse_clock(time.trim())?)).filter(|(n, _)| name_shaped(n))
        }
        _ => {
            let time = next?.trim();
            // Zoom writes `hh:mm:ss`; a bare `10:30` is a clock time in prose.
            (time.split(':').count() == 3 && name_shaped(l)).then_some(())?;
            Some((l, parse_clock(time)?))
        }
    }
}

struct Turn {
    speaker: usize,
    start: f64,
    line: usize,
    words: Vec<String>,
}

pub(super) fn parse(text: &str, layout: Layout) -> Result<Transcript, Error> {
    let mut t = Transcript::empty(Format::Txt);
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let mut turns: Vec<Turn> = Vec::new();
    let mut lead_in = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let (line, l) = lines[k];
        let next = lines.get(k + 1).map(|(_, n)| *n);
        if let Some((name, start)) = header(layout, l, next) {
            let speaker = t.speaker_index(name);
            turns.push(Turn {
                speaker,
                start,
                line,
                words: Vec::new(),
            });
            // The web viewer's time line belongs to the header.
            k += if layout == Layout::ZoomWebViewer { 2 } else { 1 };
            continue;
        }
        match turns.last_mut() {
            Some(turn) => turn.words.push(l.to_string()),
            None => lead_in.push(line),
        }
        k += 1;
    }
    if let Some(&first) = lead_in.first() {
        t.warnings.push(Warning::new(
            first,
            format!("{} line(s) before the first speaker header skipped", lead_in.len()),
        ));
    }
    let empty: Vec<usize> = turns.iter().filter(|u| u.words.is_empty()).map(|u| u.line).collect();
    if let Some(&first) = empty.first() {
        t.warnings.push(Warning::new(
            first,
            format!("{} speaker header(s) without words skipped", empty.len()),
        ));
    }
    let origin = turns.first().map_or(0.0, |u| u.start);
    let mut day = 0.0;
    let mut prev = None;
    for u in turns.into_iter().filter(|u| !u.words.is_empty()) {
        let mut start = u.start;
        if layout == Layout::ZoomCaptions {
            // A time far before the one above has passed midnight.
            if prev.is_some_and(|p: f64| u.start + 12.0 * 3600.0 < p) {
                day += 24.0 * 3600.0;
            }
            prev = Some(u.start);
            start = u.start + day - origin;
        }
        let mut seg = Segment::new(
            u.speaker,
            Some(start),
            None,
            join_words(u.words.iter().map(String::as_str)),
        );
        seg.source_line = u.line;
        t.segments.push(seg);
    }
    if t.segments.is_empty() {
        return Err(Error::Empty {
            path: None,
            why: "speaker headers found, but no words under any of them".into(),
        });
    }
    if layout == Layout::ZoomCaptions {
        t.warnings.push(Warning::new(
            0,
            "Zoom caption times are the meeting's clock: counted from the first caption",
        ));
    }
    t.sort_by_start();
    t.infer_ends_from_starts();
    t.warnings.push(Warning::new(
        0,
        "start times only: each segment is taken to end where the next one starts",
    ));
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    fn head(text: &str) -> Vec<&str> {
        text.lines().filter(|l| !l.trim().is_empty()).collect()
    }

    #[test]
    fn zoom_captions_count_from_the_first_and_pass_midnight() {
        let text = "[Jane Roe] 23:59:50\nGood evening.\n\n[山田 太郎] 23:59:58\nこんばんは。\nよろしく。\n\n[Jane Roe] 00:00:04\nShall we start?\n";
        assert_eq!(detect(&head(text)), Some(Layout::ZoomCaptions));
        let t = parse(text, Layout::ZoomCaptions).unwrap();
        let starts: Vec<_> = t.segments.iter().map(|s| s.start_s.unwrap()).collect();
        assert_eq!(starts, [0.0, 8.0, 14.0]);
        assert_eq!(t.speakers[1].label, "山田 太郎");
        assert_eq!(t.segments[1].text, "こんばんは。 よろしく。");
        assert_eq!(t.timing, Timing::StartOnly);
        // Near miss: a bracketed name with an offset of two fields is the
        // plain-text reader's.
        assert_eq!(detect(&["[Jane Roe] 01:02", "Hello."]), None);
    }

    #[test]
    fn web_viewer_text_is_never_a_label() {
        let text = "Jane Roe\n00:00:02\nEdit: the figures are in.\nJohn Smith\n00:00:07\nI'm: not sure.\nRight.\n";
        assert_eq!(detect(&head(text)), Some(Layout::ZoomWebViewer));
        let t = parse(text, Layout::ZoomWebViewer).unwrap();
        let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Jane Roe", "John Smith"]);
        assert_eq!(t.segments[1].text, "I'm: not sure. Right.");
        assert_eq!(t.segments[1].start_s, Some(7.0));
        // Near misses: a sentence above a clock time; Google Meet's title
        // above its first time mark.
        assert_eq!(detect(&["We met at", "10:30", "and talked."]), None);
        assert_eq!(detect(&["Transcript", "00:00:00", "Ann: Hello.", "Bob: Hi."]), None);
    }

    #[test]
    fn otter_markdown_skips_a_title() {
        let text = "# Call with Emma\n\n**Emma** 0:00\nHi there.\n\n**Liam Vos** 0:07\nHello!\n\n**Emma** 1:02:03\n";
        assert_eq!(detect(&head(text)), Some(Layout::OtterMarkdown));
        let t = parse(text, Layout::OtterMarkdown).unwrap();
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.segments[1].start_s, Some(7.0));
        let w: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
        assert!(w[0].starts_with("line 1: 1 line(s) before"), "{w:?}");
        assert!(w[1].starts_with("line 9: 1 speaker header(s) without words"), "{w:?}");
        // Near miss: bold words in running text.
        assert_eq!(detect(&["Ann: this is **very** 1:0 important", "Bob: ok"]), None);
    }
}
