//! JSON: shape detection and dispatch to one module per shape, plus the
//! helpers the shapes share (lenient numbers and labels, time checks, word
//! grouping, language codes).
//!
//! Detection reads the document once into a small probe (only the keys that
//! tell the shapes apart; every other value is skipped without being built)
//! and the chosen shape then deserialises into its own typed structs.
//! serde_json's recursion limit (128 levels) turns absurdly deep nesting into
//! an error instead of a stack overflow.

use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

use super::json_outline::Outline;
use crate::{Error, Format, Segment, Timing, Transcript, Warning};

/// Times beyond this (100 hours) are taken as garbage, not as a long call.
pub(crate) const MAX_TIME_S: f64 = 100.0 * 3600.0;

/// Word grouping: a new segment starts at a change of speaker or after a
/// pause longer than this between two words. Half a second is where a pause
/// starts to be heard as one; splitting there keeps speech time honest and
/// lets the silence metrics see a speaker's own pauses.
pub(crate) const WORD_GAP_S: f64 = 0.5;

const SHAPES_EXPECTED: &str = "canonical {\"segments\":[{\"speaker\",\"start\",\"end\",\"text\"}]} or a bare array \
of such turns, Whisper/WhisperX {\"segments\":[{\"start\",\"end\",\"text\"}]}, AWS Transcribe {\"results\":{\"items\":[…]}}, \
Deepgram {\"results\":{\"channels\"|\"utterances\":[…]}}, AssemblyAI {\"utterances\":[{\"speaker\",\"start\",\"end\",\"text\"}]}, \
Rev.ai {\"monologues\":[{\"speaker\",\"elements\":[…]}]}, Speechmatics {\"results\":[{\"start_time\",\"end_time\",\
\"alternatives\":[{\"content\",\"speaker\"}]}]}, Google {\"results\":[{\"alternatives\":[{\"transcript\",\"words\"}]}]}, \
Azure {\"recognizedPhrases\":[{\"offsetInTicks\",\"nBest\":[…]}]} or IBM Watson {\"results\":[{\"alternatives\":\
[{\"timestamps\"}]}],\"speaker_labels\":[…]}";

const TRIED: &str = "canonical-json, whisper-json, whisperx-json, aws-json, deepgram-json, assemblyai-json, rev-json, \
speechmatics-json, google-json, azure-json, watson-json";

/// Detects which JSON shape a document has by its keys.
#[cfg(test)]
pub(crate) fn detect_shape(text: &str) -> Result<Format, Error> {
    detect(text).map(|(f, _)| f)
}

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

/// Detects the shape and lists, as warnings, the keys of its records that
/// look like speakers or times but that the shape does not read.
///
/// A syntax error in a document whose part before the error already fits
/// a shape (a truncated file) is a parse error of that shape at the
/// error's line; otherwise it is "not valid JSON".
pub(crate) fn detect(text: &str) -> Result<(Format, Vec<Warning>), Error> {
    let mut o = Outline::default();
    let read = Outline::read(text, &mut o);
    let shape = super::json_shape::classify(&o);
    match (read, shape) {
        (Ok(()), Ok(f)) => Ok((f, super::json_shape::ignored_keys(&o, f))),
        (Ok(()), Err(why)) => Err(no_shape(&o, &why)),
        (Err(e), Ok(f)) => {
            // The line is the error's own; serde's message repeats it.
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg);
            Err(Error::parse(
                f,
                e.line(),
                super::json_shape::expected(f),
                &format!("not valid JSON ({msg}, column {})", e.column()),
            ))
        }
        (Err(e), Err(_)) => Err(syntax_error(&e)),
    }
}

/// Parses a JSON transcript; `shape` forces a shape. Detected shapes carry
/// the warnings of [`detect`].
pub(crate) fn parse(text: &str, shape: Option<Format>) -> Result<Transcript, Error> {
    let (shape, notes) = match shape {
        Some(s) => (s, Vec::new()),
        None => detect(text)?,
    };
    let mut t = parse_shape(text, shape)?;
    if !notes.is_empty() {
        let mut all = notes;
        all.append(&mut t.warnings);
        t.warnings = all;
    }
    Ok(t)
}

fn parse_shape(text: &str, shape: Format) -> Result<Transcript, Error> {
    match shape {
        Format::CanonicalJson => super::canonical::parse(text),
        Format::WhisperJson | Format::WhisperxJson => super::whisper::parse(text, shape),
        Format::AwsJson => super::aws::parse(text),
        Format::DeepgramJson => super::deepgram::parse(text),
        Format::AssemblyaiJson => super::assemblyai::parse(text),
        Format::RevJson => super::rev::parse(text),
        Format::SpeechmaticsJson => super::speechmatics::parse(text),
        Format::GoogleJson => super::google::parse(text),
        Format::AzureJson => super::azure::parse(text),
        Format::WatsonJson => super::watson::parse(text),
        f => Err(Error::Unsupported {
            path: None,
            name: f.name().into(),
            reason: "not a JSON shape".into(),
        }),
    }
}

/// Deserialises a shape's typed document, turning serde's message into an
/// error that names the shape and what it expected.
///
/// Valid JSON is never called invalid: serde reads a struct from an array
/// by position and then complains of "trailing characters" when the array
/// is longer than the struct, which is a wrong type, not bad JSON.
pub(crate) fn from_str<'a, T: Deserialize<'a>>(text: &'a str, format: Format, expected: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_data() || serde_json::from_str::<IgnoredAny>(text).is_ok() {
            Error::parse(format, e.line(), expected.to_string(), &e.to_string())
        } else {
            syntax_error(&e)
        }
    })
}

fn syntax_error(e: &serde_json::Error) -> Error {
    Error::UnknownFormat {
        path: None,
        tried: "json".into(),
        hint: format!("not valid JSON ({e})"),
    }
}

/// The error for JSON that fits no shape: what was found, why the nearest
/// shape did not fit, and the shapes expected.
fn no_shape(o: &Outline, why: &str) -> Error {
    use super::json_outline::Kind;
    let found = if o.count(Kind::Object) > 0 {
        // Sorted, as serde_json's map lists them (messages and docs quote
        // this list).
        let mut keys: Vec<&str> = o.key_names().map(|(k, _)| k).collect();
        keys.sort_unstable();
        keys.truncate(12);
        format!("an object with keys [{}]", keys.join(", "))
    } else if o.count(Kind::Array) > 0 {
        "an array at the top level".into()
    } else {
        let kind = [
            (Kind::Null, "null"),
            (Kind::Bool, "boolean"),
            (Kind::Number, "number"),
            (Kind::String, "string"),
        ]
        .into_iter()
        .find(|(k, _)| o.count(*k) > 0)
        .map_or("value", |(_, n)| n);
        format!("a bare {kind}")
    };
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(" ({why})")
    };
    Error::UnknownFormat {
        path: None,
        tried: TRIED.into(),
        hint: format!("found {found}{why}; expected {SHAPES_EXPECTED}"),
    }
}

/// A number written as a JSON number or a numeric string (AWS writes
/// `"0.49"`); null, missing or anything else is `None`.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct Num(pub Option<f64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

struct NumVisitor;

impl<'de> Visitor<'de> for NumVisitor {
    type Value = Num;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number or a numeric string")
    }
    fn visit_f64<E>(self, v: f64) -> Result<Num, E> {
        Ok(Num(Some(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Num, E> {
        Ok(Num(Some(v as f64)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Num, E> {
        Ok(Num(Some(v as f64)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Num, E> {
        Ok(Num(v.trim().parse::<f64>().ok()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Num, E> {
        Ok(Num(None))
    }
    fn visit_unit<E>(self) -> Result<Num, E> {
        Ok(Num(None))
    }
    fn visit_none<E>(self) -> Result<Num, E> {
        Ok(Num(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Num, D::Error> {
        d.deserialize_any(NumVisitor)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Num, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Num(None))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> Result<Num, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Num(None))
    }
}

/// A label written as a string or an integer (Deepgram's `speaker: 0`);
/// null, missing, empty or anything else is `None`.
#[derive(Default, Clone, Debug)]
pub(crate) struct Label(pub Option<String>);

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LabelVisitor)
    }
}

struct LabelVisitor;

impl<'de> Visitor<'de> for LabelVisitor {
    type Value = Label;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string or an integer")
    }
    fn visit_str<E>(self, v: &str) -> Result<Label, E> {
        let v = v.trim();
        Ok(Label((!v.is_empty()).then(|| v.to_string())))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Label, E> {
        Ok(Label(Some(v.to_string())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Label, E> {
        Ok(Label(Some(v.to_string())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Label, E> {
        Ok(Label(v.is_finite().then(|| v.to_string())))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Label, E> {
        Ok(Label(None))
    }
    fn visit_unit<E>(self) -> Result<Label, E> {
        Ok(Label(None))
    }
    fn visit_none<E>(self) -> Result<Label, E> {
        Ok(Label(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Label, D::Error> {
        d.deserialize_any(LabelVisitor)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Label, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Label(None))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> Result<Label, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Label(None))
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

    #[test]
    fn shapes_are_told_apart_by_keys() {
        let cases = [
            (
                r#"{"segments":[{"speaker":"A","start":0,"end":1,"text":"hi"}]}"#,
                Format::CanonicalJson,
            ),
            (r#"{"segments":[{"start":0,"end":1,"text":"hi"}]}"#, Format::WhisperJson),
            (
                r#"{"segments":[{"start":0,"end":1,"text":"hi","words":[{"word":"hi","speaker":"SPEAKER_00"}]}]}"#,
                Format::WhisperxJson,
            ),
            (
                r#"{"segments":[{"start":0,"end":1,"text":"hi","speaker":"SPEAKER_00"}],"word_segments":[]}"#,
                Format::WhisperxJson,
            ),
            (r#"{"results":{"items":[],"transcripts":[]}}"#, Format::AwsJson),
            (r#"{"results":{"channels":[]}}"#, Format::DeepgramJson),
            (r#"{"utterances":null,"words":[]}"#, Format::AssemblyaiJson),
            (
                r#"{"format":"warmcall.transcript.v1","segments":[]}"#,
                Format::CanonicalJson,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect_shape(text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn json_that_fits_no_shape_names_the_expected_shapes() {
        for text in ["[1,2]", "null", r#"{"cues":[]}"#, r#"{"segments":{"a":1}}"#] {
            let e = detect_shape(text).unwrap_err().to_string();
            assert!(e.contains("expected canonical"), "{e}");
            assert!(e.contains("AssemblyAI"), "{e}");
        }
        let e = detect_shape(r#"{"cues":[],"regions":[]}"#).unwrap_err().to_string();
        assert!(e.contains("keys [cues, regions]"), "{e}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(detect_shape(&deep).is_err());
        let deep_in_shape = format!(
            r#"{{"segments":[{{"speaker":"A","start":0,"end":1,"text":"x","extra":{}{}}}]}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        // Skipped values are walked without recursion: no overflow, and the
        // rest of the document still parses.
        assert_eq!(detect_shape(&deep_in_shape).unwrap(), Format::CanonicalJson);
        assert_eq!(parse(&deep_in_shape, None).unwrap().segments.len(), 1);
        // Values that are built hit the recursion limit.
        let deep_built = format!(r#"{{"segments":{}{}}}"#, "[".repeat(10_000), "]".repeat(10_000));
        assert!(detect_shape(&deep_built).is_err());
        assert!(parse(&deep_built, Some(Format::CanonicalJson)).is_err());
        let forced = crate::ParseOptions::with_format(Format::AwsJson);
        assert!(crate::parse_bytes_with(deep.as_bytes(), None, &forced).is_err());
    }

    #[test]
    fn valid_json_forced_into_another_shape_is_a_shape_error() {
        // serde reads a struct from an array by position; an array longer
        // than the struct used to be "trailing characters", i.e. invalid.
        let r = [r#"{"alternatives":[{"content":"a"}],"start_time":1,"end_time":2,"type":"word"}"#; 7].join(",");
        let text = format!(r#"{{"results":[{r}]}}"#);
        assert_eq!(detect_shape(&text).unwrap(), Format::SpeechmaticsJson);
        for f in [
            Format::AwsJson,
            Format::DeepgramJson,
            Format::CanonicalJson,
            Format::AzureJson,
        ] {
            let e = parse(&text, Some(f)).unwrap_err().to_string();
            assert!(!e.contains("not valid JSON"), "{f}: {e}");
            assert!(e.contains("expected"), "{f}: {e}");
        }
    }

    #[test]
    fn truncated_json_of_a_shape_names_the_shape_and_line() {
        let e = detect("{\n\"monologues\": [\n{\"speaker\": 1, \"elements\": [{\"type\": \"text\", \"value\": \"Hi\"}, {\"type\": \"te")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 3: expected Rev.ai JSON"), "{e}");
        assert!(e.contains("not valid JSON (EOF while parsing a string, column"), "{e}");
    }

    #[test]
    fn broken_json_is_a_clear_error() {
        let e = detect_shape(r#"{"segments": [ {"start": 1"#).unwrap_err().to_string();
        assert!(e.contains("not valid JSON"), "{e}");
    }

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
    fn lenient_numbers_and_labels() {
        let n: Vec<Num> = serde_json::from_str(r#"[1, 2.5, "3.25", null, "x", [1], {"a":1}, true]"#).unwrap();
        let got: Vec<Option<f64>> = n.iter().map(|n| n.0).collect();
        assert_eq!(
            got,
            vec![Some(1.0), Some(2.5), Some(3.25), None, None, None, None, None]
        );
        let l: Vec<Label> = serde_json::from_str(r#"["A", 0, " spk_1 ", "", null]"#).unwrap();
        let got: Vec<Option<String>> = l.into_iter().map(|l| l.0).collect();
        assert_eq!(
            got,
            vec![Some("A".into()), Some("0".into()), Some("spk_1".into()), None, None]
        );
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

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\{\"(segments|results|utterances|words)\": ?(\\[|\\{|null|1)[ -~]{0,80}") {
            for f in [None, Some(Format::CanonicalJson), Some(Format::WhisperxJson), Some(Format::AwsJson),
                      Some(Format::DeepgramJson), Some(Format::AssemblyaiJson)] {
                let _ = parse(&s, f);
            }
        }
    }

    #[test]
    fn utf16_json_with_bom_parses() {
        let text = r#"{"segments":[{"speaker":"Zoë","start":0,"end":1,"text":"Café?"}]}"#;
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let t = crate::parse_bytes(&bytes, None).unwrap();
        assert_eq!(t.speakers[0].label, "Zoë");
        assert_eq!(t.segments[0].text, "Café?");
    }
}

#[cfg(test)]
mod date_tests {
    use crate::date::DateSource;

    fn parse(text: &str) -> crate::Transcript {
        crate::parse_str(text, None).unwrap()
    }

    #[test]
    fn canonical_date_and_deepgram_created() {
        let seg = r#""segments":[{"speaker":"A","start":0,"end":1,"text":"Hello there."}]"#;
        let t = parse(&format!(r#"{{"date":"2026-03-14",{seg}}}"#));
        let c = t.call_date.unwrap();
        assert_eq!(
            (c.date.to_string().as_str(), c.source),
            ("2026-03-14", DateSource::Metadata)
        );
        let t = parse(&format!(r#"{{"created":"2026-03-13T23:10:00+01:00",{seg}}}"#));
        assert_eq!(t.call_date.unwrap().date.to_string(), "2026-03-13");
        let dg = r#"{"metadata":{"created":"2023-11-02T12:59:59.945Z"},"results":{"utterances":[
            {"speaker":0,"start":0.1,"end":1.0,"transcript":"Hello there."}]}}"#;
        let t = parse(dg);
        assert_eq!(t.format, crate::Format::DeepgramJson);
        assert_eq!(t.call_date.unwrap().date.to_string(), "2023-11-02");
    }

    #[test]
    fn a_field_that_is_not_a_date_is_a_warning_not_a_date() {
        let t = parse(r#"{"date":"year_2023","segments":[{"speaker":"A","start":0,"end":1,"text":"Hi."}]}"#);
        assert!(t.call_date.is_none());
        assert!(
            t.warnings
                .iter()
                .any(|w| w.message.contains("\"year_2023\" is not a date")),
            "{:?}",
            t.warnings
        );
        let t = parse(r#"{"segments":[{"speaker":"A","start":0,"end":1,"text":"Hi, 2026-03-14."}]}"#);
        assert!(t.call_date.is_none(), "text is not metadata");
    }
}
