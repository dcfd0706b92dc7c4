//! Building a transcript from parsed records, shared by every format: time
//! checks, word grouping, speaker order, timing, warning caps, language codes
//! and metadata dates. Formats import this; it imports no format.

use crate::{Segment, Timing, Transcript, Warning};

/// Times beyond this (100 hours) are taken as garbage, not as a long call.
pub(crate) const MAX_TIME_S: f64 = 100.0 * 3600.0;

/// Word grouping: a new segment starts at a change of speaker or after a
/// pause longer than this between two words. Half a second is where a pause
/// starts to be heard as one; splitting there keeps speech time honest and
/// lets the silence metrics see a speaker's own pauses.
pub(crate) const WORD_GAP_S: f64 = 0.5;

/// Takes the call's date from a metadata field (`key` names it in the
/// warning): the leading date of an ISO 8601 timestamp. A value that is not
/// one is ignored with a warning rather than guessed at.
pub(crate) fn metadata_date(t: &mut Transcript, key: &str, value: Option<&str>) {
    let Some(v) = value else { return };
    if t.call_date.is_some() {
        return;
    }
    match crate::date::Date::parse_iso(v) {
        Some(d) => t.call_date = Some(crate::date::CallDate::new(d, crate::date::DateSource::Metadata)),
        None => t.warnings.push(Warning::new(
            0,
            format!("{key} {v:?} is not a date (YYYY-MM-DD…); the call date is not taken from it"),
        )),
    }
}

/// Checks a pair of times in seconds. Returns the usable times; anything
/// absurd (NaN, infinite, negative, beyond [`MAX_TIME_S`]) or reversed
/// (end before start by more than 10 ms) gives `(None, None)` and a
/// warning naming `what`. An end a hair before its start (rounding) is set to
/// the start.
pub(crate) fn check_times(
    warnings: &mut Vec<Warning>,
    line: usize,
    what: &str,
    start: Option<f64>,
    end: Option<f64>,
) -> (Option<f64>, Option<f64>) {
    let bad = |t: Option<f64>| t.is_some_and(|t| !t.is_finite() || !(0.0..=MAX_TIME_S).contains(&t));
    if bad(start) || bad(end) {
        warnings.push(Warning::new(
            line,
            format!(
                "{what}: absurd time (start {}, end {}); kept without times",
                fmt_t(start),
                fmt_t(end)
            ),
        ));
        return (None, None);
    }
    match (start, end) {
        (Some(s), Some(e)) if e < s => {
            if s - e <= 0.01 {
                (Some(s), Some(s))
            } else {
                warnings.push(Warning::new(
                    line,
                    format!("{what}: ends ({e}) before it starts ({s}); kept without times"),
                ));
                (None, None)
            }
        }
        other => other,
    }
}

fn fmt_t(t: Option<f64>) -> String {
    t.map_or_else(|| "none".to_string(), |t| t.to_string())
}

/// Sets the transcript's timing from its segments: `Full` when more than half
/// of the segments carry both times (metrics skip the untimed rest for time
/// figures), `StartOnly` when more than half carry at least a start (ends are
/// inferred), else `None`.
pub(crate) fn settle_timing(t: &mut Transcript) {
    let n = t.segments.len();
    let full = t
        .segments
        .iter()
        .filter(|s| s.start_s.is_some() && s.end_s.is_some())
        .count();
    let started = t.segments.iter().filter(|s| s.start_s.is_some()).count();
    if n > 0 && full * 2 > n {
        t.timing = Timing::Full;
    } else if n > 0 && started * 2 > n && started > full {
        t.infer_ends_from_starts();
    } else {
        t.timing = Timing::None;
    }
}

/// One recognised word of a word-level shape (AWS, Deepgram, AssemblyAI).
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub speaker: String,
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub text: String,
}

/// Groups one stream of words (one channel) into segments: a new segment at
/// a change of speaker or after a pause over [`WORD_GAP_S`]. Words without
/// usable times join the current segment.
pub(crate) fn group_words(t: &mut Transcript, words: &[Word]) {
    let mut cur: Option<Segment> = None;
    for w in words {
        let text = w.text.trim();
        if text.is_empty() {
            continue;
        }
        let speaker = t.speaker_index(&w.speaker);
        let split = match &cur {
            None => true,
            Some(c) if c.speaker != speaker => true,
            Some(c) => match (c.end_s, w.start) {
                (Some(e), Some(s)) => s - e > WORD_GAP_S,
                _ => false,
            },
        };
        if split {
            if let Some(c) = cur.take() {
                t.segments.push(c);
            }
            cur = Some(Segment::new(speaker, w.start, w.end.or(w.start), text));
        } else if let Some(c) = cur.as_mut() {
            c.text.push(' ');
            c.text.push_str(text);
            if c.start_s.is_none() {
                c.start_s = w.start;
            }
            if let Some(e) = w.end.or(w.start) {
                c.end_s = Some(c.end_s.map_or(e, |ce: f64| ce.max(e)));
            }
        }
    }
    if let Some(c) = cur {
        t.segments.push(c);
    }
}

/// Sorts segments by start and renumbers speakers in order of their first
/// segment in time, so that a file written channel by channel (AWS, Deepgram
/// multichannel) lists first the speaker who spoke first.
pub(crate) fn order_speakers_by_time(t: &mut Transcript) {
    t.sort_by_start();
    let n = t.speakers.len();
    let mut new_of_old: Vec<Option<usize>> = vec![None; n];
    let mut order = Vec::with_capacity(n);
    for s in &t.segments {
        if new_of_old[s.speaker].is_none() {
            new_of_old[s.speaker] = Some(order.len());
            order.push(s.speaker);
        }
    }
    for (old, slot) in new_of_old.iter_mut().enumerate() {
        if slot.is_none() {
            *slot = Some(order.len());
            order.push(old);
        }
    }
    let old_speakers = std::mem::take(&mut t.speakers);
    t.speakers = order.iter().map(|&i| old_speakers[i].clone()).collect();
    for s in &mut t.segments {
        s.speaker = new_of_old[s.speaker].expect("every speaker numbered");
    }
}

/// Checks a word's times and returns it (times dropped when unusable).
pub(crate) fn word(
    warnings: &mut Vec<Warning>,
    what: &str,
    speaker: String,
    start: Option<f64>,
    end: Option<f64>,
    text: String,
) -> Word {
    let (start, end) = check_times(warnings, 0, what, start, end);
    Word {
        speaker,
        start,
        end,
        text,
    }
}

/// Caps repeated warnings of one kind so a broken file does not produce a
/// million of them: keeps the first 20 and adds a count of the rest.
pub(crate) fn cap_warnings(warnings: &mut Vec<Warning>) {
    const CAP: usize = 20;
    if warnings.len() > CAP {
        let rest = warnings.len() - CAP;
        warnings.truncate(CAP);
        warnings.push(Warning::new(0, format!("{rest} more warnings like these")));
    }
}

/// Normalises a language code or name to the two-letter code where known
/// (`en_uk` → `en`, `eng` → `en`, `dutch` → `nl`); other codes are kept
/// lowercased.
pub(crate) fn norm_lang(code: &str) -> Option<String> {
    let base = code
        .trim()
        .split(['-', '_', ',', ' '])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if base.is_empty() {
        return None;
    }
    let two = match base.as_str() {
        "eng" | "english" => "en",
        "nld" | "dut" | "dutch" | "nederlands" => "nl",
        "deu" | "ger" | "german" => "de",
        "fra" | "fre" | "french" => "fr",
        "spa" | "spanish" => "es",
        "ita" | "italian" => "it",
        "por" | "portuguese" => "pt",
        _ => return Some(base),
    };
    Some(two.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    #[test]
    fn absurd_times_are_dropped_with_a_warning() {
        let mut w = Vec::new();
        assert_eq!(check_times(&mut w, 0, "x", Some(f64::NAN), Some(1.0)), (None, None));
        assert_eq!(check_times(&mut w, 0, "x", Some(-1.0), Some(1.0)), (None, None));
        assert_eq!(check_times(&mut w, 0, "x", Some(0.0), Some(1e12)), (None, None));
        assert_eq!(check_times(&mut w, 0, "x", Some(5.0), Some(2.0)), (None, None));
        assert_eq!(w.len(), 4);
        assert_eq!(
            check_times(&mut w, 0, "x", Some(5.0), Some(4.995)),
            (Some(5.0), Some(5.0))
        );
        assert_eq!(
            check_times(&mut w, 0, "x", Some(1.0), Some(2.0)),
            (Some(1.0), Some(2.0))
        );
        assert_eq!(w.len(), 4);
    }

    #[test]
    fn words_group_by_speaker_and_pauses() {
        let w = |s: &str, a: f64, b: f64, t: &str| Word {
            speaker: s.into(),
            start: Some(a),
            end: Some(b),
            text: t.into(),
        };
        let words = [
            w("A", 0.0, 0.5, "Hello"),
            w("A", 0.6, 1.0, "there."),
            w("A", 1.5, 1.8, "How"), // gap 0.5: not more than 0.5, same segment
            w("A", 2.4, 3.0, "are"), // gap 0.6: new segment
            Word {
                speaker: "A".into(),
                start: None,
                end: None,
                text: "you?".into(),
            }, // untimed: joins
            w("B", 3.1, 3.5, "Yes."), // speaker change
        ];
        let mut t = Transcript::empty(Format::DeepgramJson);
        group_words(&mut t, &words);
        let got: Vec<(&str, f64, f64)> = t
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.start_s.unwrap(), s.end_s.unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Hello there. How", 0.0, 1.8),
                ("are you?", 2.4, 3.0),
                ("Yes.", 3.1, 3.5)
            ]
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(norm_lang("en_uk").as_deref(), Some("en"));
        assert_eq!(norm_lang("eng").as_deref(), Some("en"));
        assert_eq!(norm_lang("nl-NL").as_deref(), Some("nl"));
        assert_eq!(norm_lang("dutch").as_deref(), Some("nl"));
        assert_eq!(norm_lang("fi").as_deref(), Some("fi"));
        assert_eq!(norm_lang(""), None);
    }
}
