//! Which JSON shape a document has, decided on its [`Outline`]: a shape is
//! claimed only when the keys it reads are there with the types it reads.
//! A document that nearly fits (the right top-level key, records of another
//! make) is an error that says which records were found and what the shape
//! needed, never a shape read with its speakers or times silently missing.
//!
//! Once a shape is claimed, keys of its records that look like speakers or
//! times but that the shape does not read become one warning naming them.

use super::json_outline::{Kind, Outline};
use crate::{Format, Warning};

const LABEL: &[Kind] = &[Kind::String, Kind::Number];
/// Times: numbers, or numeric strings (AWS writes `"0.49"`).
const TIME: &[Kind] = &[Kind::Number, Kind::String];
const STR: &[Kind] = &[Kind::String];
const ARR: &[Kind] = &[Kind::Array];
const OBJ: &[Kind] = &[Kind::Object];
const BOOL: &[Kind] = &[Kind::Bool];

/// The shape of a document, or why none fits (empty when nothing came
/// near).
pub(crate) fn classify(o: &Outline) -> Result<Format, String> {
    if o.count(Kind::Array) > 0 {
        return bare_array(o.items());
    }
    if o.count(Kind::Object) == 0 {
        return Err(String::new());
    }
    if o.key("format").and_then(Outline::first_str) == Some(super::canonical::FORMAT_TAG) {
        return Ok(Format::CanonicalJson);
    }
    if let Some(r) = o.key("results") {
        if r.only(OBJ) {
            return results_object(r);
        }
        if let Some(res) = o.records("results") {
            return results_array(o, res);
        }
    }
    if let Some(m) = o.records("monologues") {
        return rev(m);
    }
    if let Some(p) = o.records("recognizedPhrases") {
        return azure(p);
    }
    if let Some(segs) = o.records("segments") {
        return segments(
            "segments",
            segs,
            o.key("word_segments").is_some_and(|w| w.present() > 0),
        );
    }
    if let Some(tr) = o.records("transcription") {
        return whisper_cpp(tr);
    }
    if o.key("utterances").is_some() || o.key("words").is_some() {
        return assemblyai(o);
    }
    for key in [
        "results",
        "segments",
        "monologues",
        "recognizedPhrases",
        "transcription",
    ] {
        if o.key(key).is_some_and(|k| k.present() > 0) {
            return Err(format!("{key} is not an array of objects"));
        }
    }
    Err(String::new())
}

/// What a shape expects, for its errors.
pub(crate) fn expected(f: Format) -> &'static str {
    match f {
        Format::CanonicalJson => super::canonical::EXPECTED,
        Format::WhisperJson | Format::WhisperxJson => super::whisper::EXPECTED,
        Format::AwsJson => super::aws::EXPECTED,
        Format::DeepgramJson => super::deepgram::EXPECTED,
        Format::AssemblyaiJson => super::assemblyai::EXPECTED,
        Format::RevJson => super::rev::EXPECTED,
        Format::SpeechmaticsJson => super::speechmatics::EXPECTED,
        Format::GoogleJson => super::google::EXPECTED,
        Format::AzureJson => super::azure::EXPECTED,
        Format::WatsonJson => super::watson::EXPECTED,
        _ => "JSON",
    }
}

/// `path[] records have keys [a, b, c]`.
fn describe(path: &str, records: &Outline) -> String {
    let keys: Vec<&str> = records.key_names().take(12).map(|(k, _)| k).collect();
    if keys.is_empty() {
        format!("{path}[] holds no records")
    } else {
        format!("{path}[] records have keys [{}]", keys.join(", "))
    }
}

/// A bare array: the canonical turns `[{speaker, start, end, text}]` that
/// home-made diarisation scripts write, or a list of Whisper segments as
/// faster-whisper scripts dump them.
fn bare_array(items: Option<&Outline>) -> Result<Format, String> {
    let Some(items) = items else {
        return Err("an empty array".into());
    };
    if !items.only(OBJ) {
        return Err("array elements that are not all objects".into());
    }
    segments("[]", items, false).map_err(|why| format!("{why}; a bare array is read as canonical turns"))
}

/// `segments[]`: canonical, Whisper or WhisperX by where speakers are.
fn segments(path: &str, segs: &Outline, word_segments: bool) -> Result<Format, String> {
    let n = segs.count(Kind::Object);
    if n == 0 {
        // Nothing to tell the shapes apart; the empty-transcript error says
        // more than a shape error would.
        return Ok(Format::WhisperJson);
    }
    let path = path.trim_end_matches("[]");
    let path = if path.is_empty() { "the array" } else { path };
    let words = segs.records("words");
    let word_speakers = words.is_some_and(|w| w.some("speaker", LABEL));
    let has_words = word_segments || segs.key("words").is_some_and(|w| w.present() > 0);
    let Some(speakers) = segs.typed("speaker", LABEL) else {
        return Err(format!("{path}[].speaker is not a string or a number"));
    };
    if segs.typed("text", STR).is_none() {
        return Err(format!("{path}[].text is not a string"));
    }
    let timed = segs.some("start", TIME) && segs.some("end", TIME);
    if speakers == 0 && !word_speakers {
        if timed && segs.some("text", STR) {
            return Ok(Format::WhisperJson);
        }
        return Err(format!(
            "{}: canonical needs a speaker on every record, Whisper start, end and text",
            describe(path, segs)
        ));
    }
    if !has_words && speakers == n {
        return Ok(Format::CanonicalJson);
    }
    if timed {
        return Ok(Format::WhisperxJson);
    }
    Err(format!(
        "{}: canonical needs a speaker on every record, WhisperX start and end",
        describe(path, segs)
    ))
}

/// `results` as an object: AWS or Deepgram.
fn results_object(r: &Outline) -> Result<Format, String> {
    if r.some("items", ARR)
        || r.some("transcripts", ARR)
        || r.some("speaker_labels", OBJ)
        || r.some("channel_labels", OBJ)
    {
        return Ok(Format::AwsJson);
    }
    if r.some("channels", ARR) || r.some("utterances", ARR) {
        return Ok(Format::DeepgramJson);
    }
    let keys: Vec<&str> = r.key_names().take(12).map(|(k, _)| k).collect();
    Err(format!(
        "a results object with keys [{}]: AWS needs items or transcripts, Deepgram channels or utterances",
        keys.join(", ")
    ))
}

/// `results` as an array: Watson, Speechmatics or Google.
fn results_array(o: &Outline, res: &Outline) -> Result<Format, String> {
    let Some(alts) = res.records("alternatives") else {
        return Err(format!(
            "{}: Watson, Speechmatics and Google need alternatives[] on each result",
            describe("results", res)
        ));
    };
    let watson_labels = o.records("speaker_labels").is_some_and(|l| l.some("from", TIME));
    if alts.some("timestamps", ARR) || res.some("final", BOOL) || watson_labels {
        return Ok(Format::WatsonJson);
    }
    if res.some("start_time", TIME) && res.some("end_time", TIME) && alts.some("content", STR) {
        return Ok(Format::SpeechmaticsJson);
    }
    let google_words = alts
        .records("words")
        .is_some_and(|w| w.some("word", STR) && (w.key("startTime").is_some() || w.key("startOffset").is_some()));
    if alts.some("transcript", STR) || google_words {
        return Ok(Format::GoogleJson);
    }
    if res.count(Kind::Object) > 0 && alts.count(Kind::Object) == 0 {
        // Google writes results with empty alternatives for silence.
        return Ok(Format::GoogleJson);
    }
    Err(format!(
        "{}: Watson needs timestamps or final, Speechmatics start_time, end_time and alternatives[].content, \
Google alternatives[].transcript or words",
        describe("results[].alternatives", alts)
    ))
}

fn rev(m: &Outline) -> Result<Format, String> {
    let fits = m
        .records("elements")
        .is_some_and(|e| e.count(Kind::Object) == 0 || (e.some("type", STR) && e.some("value", STR)));
    if fits || m.count(Kind::Object) == 0 {
        return Ok(Format::RevJson);
    }
    Err(format!(
        "{}: Rev.ai needs elements[] of {{type, value, ts, end_ts}}",
        describe("monologues", m)
    ))
}

fn azure(p: &Outline) -> Result<Format, String> {
    let timed = p.some("offsetInTicks", TIME) || p.some("offset", STR);
    if (p.some("nBest", ARR) && timed) || p.count(Kind::Object) == 0 {
        return Ok(Format::AzureJson);
    }
    Err(format!(
        "{}: Azure needs nBest[] and offsetInTicks",
        describe("recognizedPhrases", p)
    ))
}

/// whisper.cpp's `-oj` output: `transcription[]` with `offsets` in ms.
fn whisper_cpp(tr: &Outline) -> Result<Format, String> {
    let offsets = tr.key("offsets").is_some_and(|o| o.only(OBJ));
    if (offsets && tr.some("text", STR)) || tr.count(Kind::Object) == 0 {
        return Ok(Format::WhisperJson);
    }
    Err(format!(
        "{}: whisper.cpp needs offsets {{from, to}} and text",
        describe("transcription", tr)
    ))
}

fn assemblyai(o: &Outline) -> Result<Format, String> {
    let marked =
        o.key("utterances").is_some() || o.key("audio_duration").is_some() || o.key("acoustic_model").is_some();
    if let Some(u) = o.records("utterances") {
        if u.count(Kind::Object) > 0 {
            let fits = ["speaker", "start", "end", "text"]
                .iter()
                .zip([LABEL, TIME, TIME, STR])
                .all(|(k, kinds)| u.some(k, kinds));
            if fits {
                return Ok(Format::AssemblyaiJson);
            }
            return Err(format!(
                "{}: AssemblyAI utterances need speaker, start, end (ms) and text",
                describe("utterances", u)
            ));
        }
    } else if o.key("utterances").is_some_and(|u| u.present() > 0) {
        return Err("utterances is not an array of records".into());
    }
    match o.records("words") {
        Some(w) if marked => {
            if w.count(Kind::Object) == 0 || (w.some("text", STR) && w.some("start", TIME)) {
                Ok(Format::AssemblyaiJson)
            } else {
                Err(format!(
                    "{}: AssemblyAI words need text, start and end (ms)",
                    describe("words", w)
                ))
            }
        }
        None if o.key("utterances").is_some() && o.key("words").is_none() => Ok(Format::AssemblyaiJson),
        _ => Err(String::new()),
    }
}

/// The record sets each shape reads, with the keys it reads in them.
fn record_sets<'a>(o: &'a Outline, f: Format) -> Vec<(&'static str, &'a Outline, &'static [&'static str])> {
    let mut out = Vec::new();
    let mut add = |path: &'static str, rec: Option<&'a Outline>, keys: &'static [&'static str]| {
        if let Some(rec) = rec {
            out.push((path, rec, keys));
        }
    };
    let segs = if o.count(Kind::Array) > 0 {
        o.items()
    } else {
        o.records("segments")
    };
    match f {
        Format::CanonicalJson => add("segments", segs, &["speaker", "start", "end", "text"]),
        Format::WhisperJson | Format::WhisperxJson => {
            add("segments", segs, &["start", "end", "text", "speaker", "words"]);
            add(
                "transcription",
                o.records("transcription"),
                &["offsets", "timestamps", "text"],
            );
        }
        Format::AwsJson => add(
            "results.items",
            o.key("results").and_then(|r| r.records("items")),
            &["start_time", "end_time", "alternatives", "type", "speaker_label"],
        ),
        Format::DeepgramJson => add(
            "results.utterances",
            o.key("results").and_then(|r| r.records("utterances")),
            &["start", "end", "transcript", "speaker", "channel", "words"],
        ),
        Format::AssemblyaiJson => {
            add(
                "utterances",
                o.records("utterances"),
                &["speaker", "start", "end", "text", "words", "channel"],
            );
            if o.records("utterances").is_none_or(|u| u.count(Kind::Object) == 0) {
                add(
                    "words",
                    o.records("words"),
                    &["speaker", "start", "end", "text", "channel"],
                );
            }
        }
        Format::RevJson => {
            let m = o.records("monologues");
            add("monologues", m, &["speaker", "speaker_name", "elements"]);
            add(
                "monologues[].elements",
                m.and_then(|m| m.records("elements")),
                &["type", "value", "ts", "end_ts"],
            );
        }
        Format::SpeechmaticsJson => add(
            "results",
            o.records("results"),
            &[
                "start_time",
                "end_time",
                "type",
                "alternatives",
                "channel",
                "attaches_to",
                "is_eos",
            ],
        ),
        Format::GoogleJson => add(
            "results",
            o.records("results"),
            &[
                "alternatives",
                "resultEndTime",
                "resultEndOffset",
                "channelTag",
                "languageCode",
            ],
        ),
        Format::AzureJson => add(
            "recognizedPhrases",
            o.records("recognizedPhrases"),
            &[
                "speaker",
                "channel",
                "offsetInTicks",
                "durationInTicks",
                "offset",
                "duration",
                "nBest",
                "locale",
            ],
        ),
        Format::WatsonJson => {
            add("results", o.records("results"), &["alternatives", "final"]);
            add(
                "speaker_labels",
                o.records("speaker_labels"),
                &["from", "to", "speaker"],
            );
        }
        _ => {}
    }
    out
}

/// One warning per record set naming the keys that look like speakers or
/// times but that the shape does not read.
pub(crate) fn ignored_keys(o: &Outline, f: Format) -> Vec<Warning> {
    let mut out = Vec::new();
    for (path, rec, read) in record_sets(o, f) {
        let ignored: Vec<&str> = rec
            .key_names()
            .filter(|&(k, present)| present && !read.contains(&k) && looks_like_speaker_or_time(k))
            .map(|(k, _)| k)
            .collect();
        if !ignored.is_empty() {
            out.push(Warning::new(
                0,
                format!(
                    "{path}[] records carry {}, which look like speakers or times but are not part of the {f} shape: \
they are ignored",
                    ignored.join(", ")
                ),
            ));
        }
    }
    out
}

/// A key names a speaker or a time when one of its words (split at `_`,
/// `-`, spaces and camelCase humps) does, unless it is a measure of one
/// (`speaker_confidence`, `start_probability`).
fn looks_like_speaker_or_time(key: &str) -> bool {
    let words = key_words(key);
    let measure = |w: &str| {
        matches!(
            w,
            "confidence" | "probability" | "prob" | "logprob" | "score" | "count" | "number" | "num"
        )
    };
    if words.iter().any(|w| measure(w)) {
        return false;
    }
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "speaker"
                | "speakers"
                | "spk"
                | "participant"
                | "talker"
                | "who"
                | "name"
                | "role"
                | "person"
                | "start"
                | "end"
                | "begin"
                | "stop"
                | "time"
                | "timestamp"
                | "timestamps"
                | "ts"
                | "offset"
                | "ms"
                | "from"
                | "to"
        )
    })
}

fn key_words(key: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in key.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Result<Format, String> {
        let mut o = Outline::default();
        Outline::read(text, &mut o).unwrap();
        classify(&o)
    }

    fn notes(text: &str) -> Vec<String> {
        let mut o = Outline::default();
        Outline::read(text, &mut o).unwrap();
        let f = classify(&o).unwrap();
        ignored_keys(&o, f).into_iter().map(|w| w.message).collect()
    }

    #[test]
    fn key_words_split_at_humps_and_separators() {
        assert_eq!(key_words("offsetInTicks"), ["offset", "in", "ticks"]);
        assert_eq!(key_words("speaker_name"), ["speaker", "name"]);
        assert_eq!(key_words("start-ms"), ["start", "ms"]);
        assert_eq!(key_words("endTS"), ["end", "ts"]);
    }

    #[test]
    fn speaker_and_time_keys_by_their_words() {
        for k in [
            "participant",
            "speaker_name",
            "start_ms",
            "start_time",
            "endTime",
            "offset",
            "who",
            "spk_id",
        ] {
            assert!(looks_like_speaker_or_time(k), "{k}");
        }
        // Near misses: measures of a speaker or time, and other words.
        for k in [
            "speaker_confidence",
            "start_probability",
            "tokens",
            "seek",
            "avg_logprob",
            "id",
            "startle",
            "ending",
        ] {
            assert!(!looks_like_speaker_or_time(k), "{k}");
        }
    }

    #[test]
    fn utterances_of_another_make_are_not_assemblyai() {
        let e = shape(r#"{"utterances":[{"participant":"A","start_ms":0,"end_ms":900,"text":"hi"}]}"#).unwrap_err();
        assert!(e.contains("[participant, start_ms, end_ms, text]"), "{e}");
        assert!(e.contains("AssemblyAI utterances need speaker"), "{e}");
        // The same records with AssemblyAI's keys as well: read, and warned.
        let text =
            r#"{"utterances":[{"speaker":"A","start":0,"end":900,"text":"hi","participant":"Ann","start_ms":0}]}"#;
        assert_eq!(shape(text), Ok(Format::AssemblyaiJson));
        let n = notes(text);
        assert_eq!(n.len(), 1);
        assert!(n[0].contains("participant, start_ms"), "{n:?}");
    }

    #[test]
    fn segments_with_other_speaker_and_time_keys_are_not_whisper() {
        let e =
            shape(r#"{"segments":[{"speaker_name":"Ann","start_time":1.0,"end_time":2.0,"text":"hi"}]}"#).unwrap_err();
        assert!(e.contains("[speaker_name, start_time, end_time, text]"), "{e}");
        // Whisper segments with an extra time key: read, and warned.
        let text = r#"{"segments":[{"start":1,"end":2,"text":"hi","start_time":1.0,"speaker_name":"Ann"}]}"#;
        assert_eq!(shape(text), Ok(Format::WhisperJson));
        assert!(notes(text)[0].contains("start_time, speaker_name"));
        // Whisper's own extra keys are not speakers or times.
        let plain = r#"{"segments":[{"id":0,"seek":0,"start":1,"end":2,"text":"hi","tokens":[1],"avg_logprob":-0.2,
            "no_speech_prob":0.1}]}"#;
        assert!(notes(plain).is_empty());
    }

    #[test]
    fn result_arrays_by_their_alternatives() {
        let watson = r#"{"results":[{"alternatives":[{"timestamps":[["hi",0.1,0.4]],"transcript":"hi "}],"final":true}],
            "result_index":0}"#;
        assert_eq!(shape(watson), Ok(Format::WatsonJson));
        let sm = r#"{"format":"2.9","results":[{"type":"word","start_time":0.1,"end_time":0.4,
            "alternatives":[{"content":"hi","speaker":"S1"}]}]}"#;
        assert_eq!(shape(sm), Ok(Format::SpeechmaticsJson));
        let google = r#"{"results":[{"alternatives":[{"transcript":"hi","words":[{"startTime":"0s","endTime":"0.4s",
            "word":"hi","speakerTag":1}]}]}]}"#;
        assert_eq!(shape(google), Ok(Format::GoogleJson));
        let e = shape(r#"{"results":[{"alternatives":[{"x":1}]}]}"#).unwrap_err();
        assert!(e.contains("results[].alternatives[] records have keys [x]"), "{e}");
        // Seven results or six: the same answer (serde's positional structs
        // once called the seventh "trailing characters").
        for n in [6, 7, 12] {
            let r =
                vec![r#"{"alternatives":[{"content":"a"}],"start_time":1,"end_time":2,"type":"word"}"#; n].join(",");
            assert_eq!(shape(&format!(r#"{{"results":[{r}]}}"#)), Ok(Format::SpeechmaticsJson));
        }
    }

    #[test]
    fn bare_arrays_of_turns() {
        assert_eq!(
            shape(r#"[{"speaker":"A","start":0,"end":1,"text":"hi"}]"#),
            Ok(Format::CanonicalJson)
        );
        assert_eq!(
            shape(r#"[{"id":0,"start":0,"end":1,"text":"hi"}]"#),
            Ok(Format::WhisperJson)
        );
        assert!(shape("[1,2]").is_err());
        assert!(shape("[]").is_err());
        let e = shape(r#"[{"who":"A","text":"hi"}]"#).unwrap_err();
        assert!(e.contains("[who, text]"), "{e}");
    }

    #[test]
    fn other_vendors_by_their_records() {
        let rev = r#"{"monologues":[{"speaker":0,"elements":[{"type":"text","value":"Hi","ts":0.5,"end_ts":0.9}]}]}"#;
        assert_eq!(shape(rev), Ok(Format::RevJson));
        assert!(shape(r#"{"monologues":[{"speaker":0,"words":[]}]}"#).is_err());
        let az = r#"{"recognizedPhrases":[{"speaker":1,"offsetInTicks":700000,"durationInTicks":100,"nBest":[]}]}"#;
        assert_eq!(shape(az), Ok(Format::AzureJson));
        assert!(shape(r#"{"recognizedPhrases":[{"text":"x"}]}"#).is_err());
        let cpp = r#"{"transcription":[{"offsets":{"from":0,"to":1000},"text":" Hi"}]}"#;
        assert_eq!(shape(cpp), Ok(Format::WhisperJson));
    }
}
