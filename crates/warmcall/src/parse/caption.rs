//! What every caption-like format shares once its cues are found (SRT and
//! WebVTT): who speaks each cue (voice spans, `Name:` and `[Name]`
//! prefixes under the label rule of [`super::labels`], `>>` speaker
//! changes), what is not speech (`[Music]`, `(laughs)`, `♪`, caption
//! credits), and turning cues into a [`Transcript`] with a warning wherever
//! the reading is doubtful. The rules are in docs/formats.md, "Speaker
//! labels in text" and "Text that is not speech".

use std::borrow::Cow;
use std::ops::Range;

use super::labels::{self, Kind, LabelTally, AGENT_HINT};
use crate::text::range_in;
use crate::{Format, Segment, Transcript, Warning};

/// A cue found by the SRT or WebVTT parser, text already free of markup.
#[derive(Debug, Clone)]
pub(crate) struct CaptionCue<'a> {
    pub start_s: f64,
    pub end_s: f64,
    /// 1-based line of the cue timing.
    pub line: usize,
    /// A speaker named by markup (WebVTT voice span), if any, borrowed from
    /// the source when it needed no clean-up.
    pub speaker: Option<Cow<'a, str>>,
    /// Plain text; may still start with a `Name:` prefix.
    pub text: String,
    /// The text followed a `>>` speaker-change mark.
    pub turn: bool,
}

/// Warnings of one kind given one by one before the rest are counted in a
/// single line: a file of a million broken cues should not produce a
/// million-line report.
pub(crate) const MAX_SAME_WARNINGS: usize = 10;

/// Whether raw cue text holds a `>>` speaker-change mark (written as is or
/// as `&gt;&gt;`); a quick test before the per-line work.
pub(crate) fn has_turn_mark(raw: &str) -> bool {
    let b = raw.as_bytes();
    memchr::memchr_iter(b'>', b).any(|i| b.get(i + 1) == Some(&b'>'))
        || (memchr::memchr(b'&', b).is_some() && memchr::memmem::find(b, b"&gt;&gt;").is_some())
}

/// Groups the plain lines of a cue at `>>` marks: a line that starts with
/// `>>` opens a new piece, spoken by someone other than the piece before.
/// Gives each piece's text and whether a mark opened it.
pub(crate) fn split_turns(lines: &[String]) -> Vec<(bool, String)> {
    let mut pieces: Vec<(bool, String)> = Vec::new();
    for l in lines {
        let l = l.trim();
        if let Some(rest) = l.strip_prefix(">>") {
            pieces.push((true, rest.trim_start_matches('>').trim().to_string()));
            continue;
        }
        match pieces.last_mut() {
            Some((_, text)) => {
                if !text.is_empty() && !l.is_empty() {
                    text.push(' ');
                }
                text.push_str(l);
            }
            None => pieces.push((false, l.to_string())),
        }
    }
    pieces
}

/// How many leading lines of `cur` repeat the trailing lines of `prev`:
/// rolling captions (YouTube) show the last line again at the top of the
/// next cue, and a 10 ms cue repeats it alone.
pub(crate) fn rolled_over(prev: &[String], cur: &[String]) -> usize {
    (1..=prev.len().min(cur.len()))
        .rev()
        .find(|&k| prev[prev.len() - k..] == cur[..k])
        .unwrap_or(0)
}

/// Non-speech taken out of caption text, counted for one warning.
#[derive(Debug, Default)]
pub(crate) struct NonSpeech {
    /// Items removed.
    pub count: usize,
    /// Line of the first.
    pub first_line: Option<usize>,
    /// Up to five distinct items as written, for the message.
    pub examples: Vec<String>,
}

impl NonSpeech {
    fn found(&mut self, line: usize, what: &str) {
        self.count += 1;
        self.first_line.get_or_insert(line);
        let what: String = what.chars().take(40).collect();
        if self.examples.len() < 5 && !self.examples.contains(&what) {
            self.examples.push(what);
        }
    }

    /// The warning listing what was removed, if anything was.
    pub(crate) fn warning(&self) -> Option<Warning> {
        let line = self.first_line?;
        Some(Warning::new(
            line,
            format!(
                "{} non-speech item(s) not counted as anyone's words: {}",
                self.count,
                self.examples.join(", ")
            ),
        ))
    }
}

/// A caption credit (`Captions by …`, `Subtitles by the Amara.org
/// community`, `Ondertiteling door …`): a credit word opening the text and
/// a `by`/`door`/`from` within three words after it.
fn is_credit(text: &str) -> bool {
    // Asked of every cue: a cheap look at the first two words first.
    let mut head = text.split_whitespace().take(2);
    if !head.any(credit_word) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    // The credit word first, or second after a qualifier (`Closed
    // captioning`, `English subtitles`), never after an opener (`The
    // captions by the door…` is a sentence).
    let Some(at) = words.iter().take(2).position(|w| credit_word(w)) else {
        return false;
    };
    if at == 1 && labels::is_word(words[0], Kind::Opener) {
        return false;
    }
    words[at + 1..]
        .iter()
        .take(3)
        .any(|w| matches!(w.to_lowercase().as_str(), "by" | "door" | "from"))
}

/// A word starting with a credit word. Asked of the first words of every
/// cue: every credit word starts with one of these letters, so most words
/// are turned away before the list is read.
fn credit_word(w: &str) -> bool {
    w.starts_with(['C', 'c', 'S', 's', 'O', 'o', 'T', 't']) && labels::starts_with_word(w, Kind::Credit)
}

/// Removes what is not speech from caption or transcript text:
///
/// - a bracketed span `[…]` when `brackets` (captions write sounds and
///   speaker-less descriptions so: `[Music]`, `[door slams]`), else only one
///   holding a sound word;
/// - a parenthesised span holding a sound word (`(laughs)`, `(SIGHS)`);
///   `(hopefully)` stays;
/// - sung text: from a `♪`/`♫` to the next one, or to the end;
/// - a caption credit as the whole text (`Captions by …`).
///
/// `None` when nothing was removed (the usual case, found by one byte
/// search), else the text left.
pub(crate) fn strip_non_speech(text: &str, brackets: bool, line: usize, found: &mut NonSpeech) -> Option<String> {
    let b = text.as_bytes();
    // `♪` and `♫` both start with the byte 0xE2, as do dashes and curly
    // quotes: only then is the text searched for them.
    let marks =
        memchr::memchr2(b'[', b'(', b).is_some() || (memchr::memchr(0xE2, b).is_some() && text.contains(['♪', '♫']));
    if !marks {
        if is_credit(text) {
            found.found(line, "caption credit");
            return Some(String::new());
        }
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut rest = text;
    while let Some(at) = rest.find(['[', '(', '♪', '♫']) {
        let c = rest[at..].chars().next().unwrap_or(' ');
        let (cut, what) = if c == '♪' || c == '♫' {
            let after = &rest[at + c.len_utf8()..];
            let end = after.find(['♪', '♫']).map_or(rest.len(), |e| {
                at + c.len_utf8() + e + after[e..].chars().next().map_or(0, char::len_utf8)
            });
            (Some(end), "♪".to_string())
        } else {
            let close = if c == '[' { ']' } else { ')' };
            match rest[at + 1..].find(close) {
                Some(e) if e <= 80 && !rest[at + 1..at + 1 + e].contains(['[', '(']) => {
                    let inner = &rest[at + 1..at + 1 + e];
                    let sound = inner
                        .split(|ch: char| !ch.is_alphanumeric() && ch != '_')
                        .any(|w| !w.is_empty() && labels::starts_with_word(w, Kind::Sound));
                    let bare = c == '[' && brackets && !inner.trim().is_empty();
                    if sound || bare {
                        (Some(at + 1 + e + 1), rest[at..at + 1 + e + 1].to_string())
                    } else {
                        (None, String::new())
                    }
                }
                _ => (None, String::new()),
            }
        };
        match cut {
            Some(end) => {
                out.push_str(&rest[..at]);
                out.push(' ');
                found.found(line, &what);
                removed = true;
                rest = &rest[end..];
            }
            None => {
                out.push_str(&rest[..at + c.len_utf8()]);
                rest = &rest[at + c.len_utf8()..];
            }
        }
    }
    if !removed {
        return is_credit(text).then(|| {
            found.found(line, "caption credit");
            String::new()
        });
    }
    out.push_str(rest);
    let out = super::markup::tidy(&out);
    if is_credit(&out) {
        found.found(line, "caption credit");
        return Some(String::new());
    }
    Some(out)
}

/// A speaker label found at the start of cue text.
#[derive(Debug, Clone, PartialEq)]
enum PrefixLabel {
    /// The label as it stands at this range of the cue text (clean already).
    InText(Range<usize>),
    /// The label after clean-up.
    Cleaned(String),
}

impl PrefixLabel {
    fn of(text: &str, label: &str) -> Option<PrefixLabel> {
        Some(match labels::clean_label_cow(label)? {
            Cow::Borrowed(l) => PrefixLabel::InText(range_in(text, l)),
            Cow::Owned(l) => PrefixLabel::Cleaned(l),
        })
    }

    fn as_str<'t>(&'t self, text: &'t str) -> &'t str {
        match self {
            PrefixLabel::InText(r) => &text[r.clone()],
            PrefixLabel::Cleaned(l) => l,
        }
    }
}

/// Splits a would-be speaker label off cue text: `Name: text`, or (SRT)
/// `[Name] text`. Whether it names a speaker is decided per file. Gives the
/// label (as a range of `text` when it is clean already) and the byte range
/// of the text after it, so the caller, which owns the cue text, cuts it
/// out without a copy.
fn split_label_prefix_at(text: &str, brackets: bool) -> Option<(PrefixLabel, Range<usize>)> {
    if brackets && text.starts_with('[') {
        let close = text.find(']')?;
        let label = &text[1..close];
        let rest = text[close + 1..].trim_start_matches(':').trim();
        let sound = label
            .split([' ', '_', '-'])
            .any(|w| labels::starts_with_word(w, Kind::Sound));
        if rest.is_empty() || sound {
            return None;
        }
        return Some((PrefixLabel::of(text, label)?, range_in(text, rest)));
    }
    let (label, rest) = labels::split_prefix(text)?;
    Some((PrefixLabel::of(text, label)?, range_in(text, rest)))
}

/// [`split_label_prefix_at`] with the label and rest copied out.
#[cfg(test)]
pub(crate) fn split_label_prefix(text: &str, brackets: bool) -> Option<(String, String)> {
    split_label_prefix_at(text, brackets).map(|(l, rest)| (l.as_str(text).to_string(), text[rest].to_string()))
}

/// Turns cues into a transcript: speakers from markup or text prefixes, a
/// cue without one continuing the previous speaker, a `>>` mark changing
/// it, non-speech removed, empty cues skipped.
pub(crate) fn build_transcript(
    format: Format,
    cues: Vec<CaptionCue<'_>>,
    warnings: Vec<Warning>,
    brackets: bool,
) -> Transcript {
    let mut t = Transcript::empty(format);
    t.warnings = warnings;
    t.segments.reserve(cues.len());
    // The pre-pass: every would-be label, counted per cleaned label.
    let mut tally = LabelTally::default();
    let prefixes: Vec<Option<(PrefixLabel, Range<usize>, usize)>> = cues
        .iter()
        .map(|c| match c.speaker {
            Some(_) => None,
            None => split_label_prefix_at(&c.text, brackets).map(|(l, r)| {
                let at = tally.add(l.as_str(&c.text), c.line);
                (l, r, at)
            }),
        })
        .collect();
    tally.decide();
    // One stray "Gerard Depardieu: …" line in a film's captions does not make
    // its narrator a speaker: prefixes count only when at least two cues
    // carry an accepted one, or when the file has a single cue.
    let with_text = cues.iter().filter(|c| !c.text.is_empty()).count();
    let prefixed = prefixes
        .iter()
        .filter(|p| p.as_ref().is_some_and(|(_, _, at)| tally.accepted(*at)))
        .count();
    let use_prefixes = prefixed >= 2 || (prefixed == 1 && with_text == 1);
    let any_label = cues.iter().any(|c| c.speaker.is_some()) || (use_prefixes && prefixed > 0);

    let mut speakers = SpeakerCache::default();
    let mut current: Option<usize> = None;
    let mut reversed = 0usize;
    let mut empty = 0usize;
    let mut unknown_at = None;
    let mut turns = 0usize;
    let mut non_speech = NonSpeech::default();
    for (cue, prefix) in cues.into_iter().zip(prefixes) {
        // The speaker is looked up only once the cue is known to hold text:
        // an empty cue names no speaker.
        let (label, text) = match (cue.speaker, prefix) {
            (Some(s), _) if !cue.text.is_empty() => (Some(speakers.index(&mut t, &s)), cue.text),
            (None, Some((label, rest, at))) if use_prefixes && tally.accepted(at) => {
                if rest.is_empty() {
                    (None, String::new())
                } else {
                    let speaker = speakers.index(&mut t, label.as_str(&cue.text));
                    // The cue's own buffer, cut down to the text after the label.
                    let mut text = cue.text;
                    text.truncate(rest.end);
                    text.replace_range(..rest.start, "");
                    (Some(speaker), text)
                }
            }
            (_, _) => (None, cue.text),
        };
        if text.is_empty() {
            empty += 1;
            continue;
        }
        // A cue of sound only (`[Music]`) is counted in the non-speech
        // warning, not as a cue without text.
        let text = match strip_non_speech(&text, true, cue.line, &mut non_speech) {
            Some(left) if left.is_empty() => continue,
            Some(left) => left,
            None => text,
        };
        let speaker = match label {
            Some(s) => s,
            None if cue.turn => {
                // An unnamed speaker change: the other of two numbered
                // speakers (right for two people; the warning says so).
                turns += 1;
                let one = t.speaker_index("Speaker 1");
                if current == Some(one) {
                    t.speaker_index("Speaker 2")
                } else {
                    one
                }
            }
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
        t.warnings.push(unknown_warning(&t, line));
    }
    if turns > 0 {
        t.warnings.push(Warning::new(
            0,
            format!(
                "{turns} `>>` speaker change(s) without a name: the speakers alternate between \"Speaker 1\" and \"Speaker 2\", which is right for two people only; {AGENT_HINT}"
            ),
        ));
    }
    if use_prefixes {
        t.warnings.extend(tally.doubts("cue"));
    }
    if let Some(w) = non_speech.warning() {
        t.warnings.push(w);
    }
    if empty > 0 {
        t.warnings
            .push(Warning::new(0, format!("{empty} cue(s) without text skipped")));
    }
    t
}

/// The warning for words given to `Unknown`, with their share of the text.
fn unknown_warning(t: &Transcript, line: usize) -> Warning {
    // Measured in bytes of text, which the segments know without a scan:
    // the warning wants the size of the problem, not a word count.
    let size = |s: &Segment| s.text.len();
    let total: usize = t.segments.iter().map(size).sum();
    let unknown = t.speakers.iter().position(|s| s.label == "Unknown");
    let theirs: usize = t.segments.iter().filter(|s| Some(s.speaker) == unknown).map(size).sum();
    let share = (theirs * 100 + total / 2).checked_div(total).unwrap_or(0);
    Warning::new(
        line,
        format!(
            "cues before the first named speaker are attributed to \"Unknown\" ({share}% of the text), which may then be taken for the seller: {AGENT_HINT}"
        ),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str, brackets: bool) -> (String, usize) {
        let mut n = NonSpeech::default();
        let out = strip_non_speech(text, brackets, 1, &mut n).unwrap_or_else(|| text.to_string());
        (out, n.count)
    }

    #[test]
    fn non_speech_is_removed() {
        assert_eq!(strip("[Music]", true), (String::new(), 1));
        assert_eq!(strip("So [door slams] anyway", true), ("So anyway".into(), 1));
        assert_eq!(strip("(laughs) That's true.", true), ("That's true.".into(), 1));
        assert_eq!(strip("(SIGHS) Fine.", false), ("Fine.".into(), 1));
        assert_eq!(strip("♪ la la la ♪ Welcome back.", true), ("Welcome back.".into(), 1));
        assert_eq!(strip("♪ never gonna give", true), (String::new(), 1));
        assert_eq!(strip("Captions by Acme Captioning.", true), (String::new(), 1));
        assert_eq!(strip("Subtitles by the Amara.org community", true), (String::new(), 1));
        // Near misses: speech that looks a little like it.
        assert_eq!(
            strip("I'll (hopefully) come.", true),
            ("I'll (hopefully) come.".into(), 0)
        );
        assert_eq!(strip("[see attached]", false), ("[see attached]".into(), 0));
        assert_eq!(strip("The captions by the door were wrong", true).1, 0);
        assert_eq!(strip("Slaughterhouse (five)", true).1, 0);
        assert_eq!(strip("Subtitles are on.", true).1, 0);
    }

    #[test]
    fn credit_words_start_with_the_letters_checked_first() {
        for (w, k) in labels::WORDS {
            if *k == Kind::Credit {
                assert!(credit_word(w), "{w}");
                assert!(credit_word(&w.to_uppercase()), "{w}");
            }
        }
        assert!(!credit_word("Thanks"));
    }

    #[test]
    fn turns_split_at_line_starts_only() {
        let lines: Vec<String> = [">> Hello there.", "How are you?", ">> Fine >> thanks."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            split_turns(&lines),
            [
                (true, "Hello there. How are you?".to_string()),
                (true, "Fine >> thanks.".to_string())
            ]
        );
        let plain = vec!["a".to_string(), "b".to_string()];
        assert_eq!(split_turns(&plain), [(false, "a b".to_string())]);
    }

    #[test]
    fn turn_marks_found() {
        for (raw, want) in [
            (">> hi", true),
            ("a\n>>b", true),
            ("&gt;&gt; hi", true),
            ("<v Ann>hi</v>", false),
            ("a > b", false),
            ("&gt; &gt;", false),
            ("", false),
        ] {
            assert_eq!(has_turn_mark(raw), want, "{raw:?}");
            assert_eq!(
                has_turn_mark(raw),
                raw.contains(">>") || raw.contains("&gt;&gt;"),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn rolling_lines() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(rolled_over(&v(&["a", "b"]), &v(&["b", "c"])), 1);
        assert_eq!(rolled_over(&v(&["a", "b"]), &v(&["a", "b"])), 2);
        assert_eq!(rolled_over(&v(&["a", "b"]), &v(&["c"])), 0);
        assert_eq!(rolled_over(&v(&[]), &v(&["c"])), 0);
    }

    fn vtt(cues: &[&str]) -> Transcript {
        let mut src = String::from("WEBVTT\n\n");
        for (i, c) in cues.iter().enumerate() {
            src.push_str(&format!("00:00:{:02}.000 --> 00:00:{:02}.500\n{c}\n\n", i, i));
        }
        super::super::vtt::parse(&src).unwrap()
    }

    fn warned(t: &Transcript, part: &str) -> Option<usize> {
        t.warnings.iter().find(|w| w.message.contains(part)).map(|w| w.line)
    }

    #[test]
    fn tagged_zoom_names_are_speakers() {
        // The case: every cue named with a tag; none is Unknown.
        let t = vtt(&[
            "Ashlee Kupor (SL): Let's do that.",
            "Gabe Lopez: Sure.",
            "Ashlee Kupor (SL): Great.",
        ]);
        let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Ashlee Kupor (SL)", "Gabe Lopez"]);
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn unknown_share_is_warned_with_the_fix() {
        let t = vtt(&[
            "Hello there, thanks for joining the call today.",
            "Ann Lee: Hi.",
            "Bob Marsh: Hello.",
            "Ann Lee: Shall we start?",
        ]);
        let w = t.warnings.iter().find(|w| w.message.contains("Unknown")).unwrap();
        assert_eq!(w.line, 3);
        assert!(w.message.contains("(66% of the text)"), "{}", w.message);
        assert!(w.message.contains("--agent"), "{}", w.message);
        // Near miss: the first cue is named, nothing is Unknown.
        let t = vtt(&["Ann Lee: Hello there.", "Bob Marsh: Hello.", "Ann Lee: Shall we?"]);
        assert_eq!(warned(&t, "Unknown"), None);
    }

    #[test]
    fn a_label_seen_once_in_a_long_call_is_flagged() {
        let mut cues: Vec<&str> = ["Ann Lee: Yes.", "Bob Marsh: No."].repeat(5);
        cues.push("Receptionist: Putting you through.");
        let t = vtt(&cues);
        assert_eq!(t.speakers.len(), 3);
        assert_eq!(warned(&t, "\"Receptionist\" is named on this cue only"), Some(33));
        // Near miss: in a short excerpt a one-off is not flagged.
        let t = vtt(&[
            "Ann Lee: Yes.",
            "Bob Marsh: No.",
            "Ann Lee: Ok.",
            "Receptionist: Hold on.",
        ]);
        assert_eq!(t.speakers.len(), 3);
        assert_eq!(warned(&t, "named on this cue only"), None);
    }

    #[test]
    fn opener_speakers_only_alone_and_flagged() {
        let t = vtt(&[
            "Question: Who calls?",
            "Answer: Me.",
            "Question: Why?",
            "Answer: Price.",
        ]);
        let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Question", "Answer"]);
        assert_eq!(
            warned(&t, "\"Question\" is named by a word that usually opens a sentence"),
            Some(3)
        );
        // Near miss: beside real recurring speakers, `Question:` is text.
        let t = vtt(&[
            "Ann Lee: Hi.",
            "Question: who calls?",
            "Bob Marsh: Me.",
            "Ann Lee: Ok.",
            "Bob Marsh: Fine.",
        ]);
        assert_eq!(t.speakers.len(), 2);
        assert_eq!(t.segments[1].text, "Question: who calls?");
    }

    #[test]
    fn prefixes() {
        assert_eq!(
            split_label_prefix("Dan Walsh: Hi Laura", false),
            Some(("Dan Walsh".into(), "Hi Laura".into()))
        );
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
        assert_eq!(
            split_label_prefix("Ann Lee (Host): hoi", false),
            Some(("Ann Lee".into(), "hoi".into()))
        );
        for (text, label) in [
            ("Ann Lee: hi", "Ann Lee"),
            ("@Ann: hi", "Ann"),
            ("Ann  Lee: hi", "Ann Lee"),
            ("[Kevin]: hoi", "Kevin"),
        ] {
            let (l, _) = split_label_prefix_at(text, true).unwrap();
            assert_eq!(l.as_str(text), label, "{text:?}");
        }
    }
}
