//! Text layouts that meeting and speech tools export and that the
//! `Name: text` reader would misread: each is recognised by its own line
//! shape before the plain-text parser runs (docs/formats.md, "Text layouts
//! of meeting tools", gives the rules with examples).
//!
//! - [`blocks`]: a header line per turn, the words on the lines below it:
//!   Zoom's saved captions (`[Jane Roe] 11:02:09`), Zoom's web-viewer copy
//!   (`Jane Roe` / `00:00:02`), Otter's Markdown (`**Emma** 0:00`).
//! - [`lines`]: one turn per line: `00:00:00 >> text` (closed-caption
//!   speaker changes) and WhisperX/pyannote text
//!   (`[0:00:06.835000 - 0:00:07.235000] SPEAKER_00 -  Hello.`).
//! - [`chat_export`]: Zoom and Teams chat exports, refused: typed messages
//!   have no talk time and no silences.

mod blocks;
mod chat_export;
mod lines;

use crate::{Error, Transcript};

/// A layout recognised in the head of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    ZoomCaptions,
    ZoomWebViewer,
    OtterMarkdown,
    Chevrons,
    WhisperxText,
    ZoomChat,
    TeamsChat,
}

/// How many non-blank lines of the head the detectors look at.
const HEAD_LINES: usize = 60;

/// The layout of a text, when it is one of these; `None` leaves the text to
/// the `Name: text` reader.
pub(crate) fn detect(text: &str) -> Option<Layout> {
    let head: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .collect();
    if head.is_empty() {
        return None;
    }
    // Chat first: a chat export must never be read as speech.
    chat_export::detect(&head)
        .or_else(|| lines::detect(&head))
        .or_else(|| blocks::detect(&head))
}

/// Parses `text` when it has one of these layouts; `None` otherwise.
pub(crate) fn parse(text: &str) -> Option<Result<Transcript, Error>> {
    let layout = detect(text)?;
    Some(match layout {
        Layout::ZoomChat | Layout::TeamsChat => Err(chat_export::refuse(layout)),
        Layout::Chevrons | Layout::WhisperxText => lines::parse(text, layout),
        Layout::ZoomCaptions | Layout::ZoomWebViewer | Layout::OtterMarkdown => blocks::parse(text, layout),
    })
}

/// Whether a header line's name is shaped like a name: short, a few words,
/// no sentence end. Keeps a line of running text from opening a turn.
pub(crate) fn name_shaped(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= 60
        && s.split_whitespace().count() <= 6
        && !s.ends_with(['.', '?', '!', ',', ';', ':'])
        && super::timecode::parse_clock(s).is_none()
}

/// Words of several lines as one text: trimmed, whitespace collapsed.
pub(crate) fn join_words<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in parts.into_iter().flat_map(str::split_whitespace) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_transcripts_are_left_to_the_text_reader() {
        for text in [
            "Ann: Hello there.\nBob: Hi.\n",
            "[00:00:01] Ann: Hello.\n[00:00:04] Bob: Hi.\n",
            "Tricia Alvarez  0:05\nHello.\n",
            "00:00:00 Michael Kennedy: Welcome to the show.\n",
            "Interviewer:\nSo how did it start?\n",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "((\\[[A-Za-z ]{0,8}\\] |\\*\\*[A-Za-z]{0,5}\\*\\* |\\[[0-9:. -]{0,14}\\] )?([0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?)?( >>)?[\t A-Za-z:.é山]{0,12}\n){0,8}") {
            if let Some(layout) = detect(&s) {
                let r = parse(&s).expect("a detected layout is parsed");
                if let Ok(t) = r {
                    proptest::prop_assert!(!t.segments.is_empty(), "{layout:?}");
                }
            }
        }
    }

    #[test]
    fn names_are_short_and_not_sentences() {
        assert!(name_shaped("Jane Roe"));
        assert!(name_shaped("山田 太郎"));
        assert!(!name_shaped("I'm fine, thanks."));
        assert!(!name_shaped("00:00:02"));
        assert!(!name_shaped("one two three four five six seven"));
    }
}
