//! OpenAI Whisper and WhisperX JSON: `segments[]` with `start`, `end`,
//! `text`; WhisperX adds `speaker` on segments and on `words[]`. Variants
//! read the same way: faster-whisper dumps (`segments[]` with `words[]` of
//! `{start, end, word, probability}`, `info.language`, or a bare array of
//! segments) and whisper.cpp's `-oj` output (`transcription[]` with
//! `offsets.from`/`offsets.to` in milliseconds, `result.language`).
//!
//! Whisper has no speakers: everything is `Speaker 1`. WhisperX labels
//! (`SPEAKER_00`) stay as given. Where a WhisperX segment's words change
//! speaker, the segment is split at each change, each part timed by its
//! words; a segment whose words all agree keeps its own times and text.
//! Segments with no speaker on them or their words are labelled `UNKNOWN`
//! (WhisperX leaves the key out when diarisation did not cover the segment).

use serde::Deserialize;

use super::assemble::{check_times, norm_lang, settle_timing};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Segment, Transcript};

pub(crate) const EXPECTED: &str =
    "Whisper JSON {\"segments\":[{\"start\": seconds, \"end\": seconds, \"text\": string}]}";

/// Label for speech without any speaker in a diarised (WhisperX) file.
const UNKNOWN: &str = "UNKNOWN";
/// Label for the single speaker of an undiarised file.
const ONE: &str = "Speaker 1";

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    language: Label,
    #[serde(default)]
    segments: Option<Vec<Seg>>,
    /// faster-whisper scripts dump `info` (its `TranscriptionInfo`) beside
    /// the segments.
    #[serde(default)]
    info: Option<Info>,
    /// whisper.cpp (`-oj`) writes `transcription[]` and `result.language`.
    #[serde(default)]
    transcription: Option<Vec<CppSeg>>,
    #[serde(default)]
    result: Option<Info>,
}

#[derive(Deserialize)]
struct Info {
    #[serde(default)]
    language: Label,
}

#[derive(Deserialize)]
struct CppSeg {
    #[serde(default)]
    offsets: Option<CppOffsets>,
    #[serde(default)]
    text: Option<String>,
}

/// Milliseconds.
#[derive(Deserialize)]
struct CppOffsets {
    #[serde(default)]
    from: Num,
    #[serde(default)]
    to: Num,
}

#[derive(Deserialize)]
struct Seg {
    #[serde(default)]
    start: Num,
    #[serde(default)]
    end: Num,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    speaker: Label,
    #[serde(default)]
    words: Vec<WordIn>,
}

#[derive(Deserialize)]
struct WordIn {
    #[serde(default)]
    word: Option<String>,
    /// whisper-timestamped writes `text` instead of `word`.
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    start: Num,
    #[serde(default)]
    end: Num,
    #[serde(default)]
    speaker: Label,
}

/// Parses Whisper (`format` = WhisperJson) or WhisperX JSON.
pub(crate) fn parse(text: &str, format: Format) -> Result<Transcript, Error> {
    let doc: Doc = if text.trim_start().starts_with('[') {
        // A bare list of segments, as faster-whisper scripts dump them.
        Doc {
            language: Label(None),
            segments: Some(from_str(text, format, EXPECTED)?),
            info: None,
            transcription: None,
            result: None,
        }
    } else {
        from_str(text, format, EXPECTED)?
    };
    let mut t = Transcript::empty(format);
    t.language = [
        Some(&doc.language),
        doc.info.as_ref().map(|i| &i.language),
        doc.result.as_ref().map(|r| &r.language),
    ]
    .into_iter()
    .flatten()
    .find_map(|l| l.0.as_deref())
    .and_then(norm_lang);
    let segments = match (doc.segments, doc.transcription) {
        (Some(segs), _) => segs,
        (None, Some(cpp)) => cpp
            .into_iter()
            .map(|c| {
                let (start, end) = c.offsets.map_or((None, None), |o| (o.from.0, o.to.0));
                Seg {
                    start: Num(start.map(|v| v / 1000.0)),
                    end: Num(end.map(|v| v / 1000.0)),
                    text: c.text,
                    speaker: Label(None),
                    words: Vec::new(),
                }
            })
            .collect(),
        (None, None) => {
            return Err(Error::parse(
                format,
                0,
                EXPECTED,
                "neither segments nor transcription (whisper.cpp)",
            ))
        }
    };
    let diarised = format == Format::WhisperxJson;
    for (i, seg) in segments.into_iter().enumerate() {
        let what = format!("segments[{i}]");
        let (start, end) = check_times(&mut t.warnings, 0, &what, seg.start.0, seg.end.0);
        let text = seg.text.as_deref().unwrap_or("").trim().to_string();
        if !diarised {
            if !text.is_empty() {
                let speaker = t.speaker_index(ONE);
                t.segments.push(Segment::new(speaker, start, end, text));
            }
            continue;
        }
        let runs = speaker_runs(&seg.words);
        if runs.len() <= 1 {
            let label = runs
                .first()
                .and_then(|r| r.0.clone())
                .or(seg.speaker.0.clone())
                .unwrap_or_else(|| UNKNOWN.to_string());
            if !text.is_empty() {
                let speaker = t.speaker_index(&label);
                t.segments.push(Segment::new(speaker, start, end, text));
            }
            continue;
        }
        // Words change speaker inside the segment: one segment per run.
        let last = runs.len() - 1;
        for (k, (label, words)) in runs.into_iter().enumerate() {
            let label = label.or(seg.speaker.0.clone()).unwrap_or_else(|| UNKNOWN.to_string());
            let mut ws_start = None;
            let mut ws_end = None;
            let mut parts = Vec::new();
            for w in words {
                let (s, e) = check_times(&mut t.warnings, 0, &format!("{what} word"), w.start.0, w.end.0);
                ws_start = ws_start.or(s);
                ws_end = e.or(ws_end);
                if let Some(txt) = w.word.as_deref().or(w.text.as_deref()) {
                    if !txt.trim().is_empty() {
                        parts.push(txt.trim());
                    }
                }
            }
            let s = if k == 0 { start.or(ws_start) } else { ws_start };
            let e = if k == last { end.or(ws_end) } else { ws_end };
            let (s, e) = check_times(&mut t.warnings, 0, &what, s, e);
            if !parts.is_empty() {
                let speaker = t.speaker_index(&label);
                t.segments.push(Segment::new(speaker, s, e, parts.join(" ")));
            }
        }
    }
    super::assemble::cap_warnings(&mut t.warnings);
    settle_timing(&mut t);
    Ok(t)
}

/// Splits words into runs of one speaker; words without a speaker join the
/// run they are in.
fn speaker_runs(words: &[WordIn]) -> Vec<(Option<String>, Vec<&WordIn>)> {
    let mut runs: Vec<(Option<String>, Vec<&WordIn>)> = Vec::new();
    for w in words {
        match (runs.last_mut(), &w.speaker.0) {
            (Some(run), None) => run.1.push(w),
            (Some(run), Some(s)) if run.0.is_none() || run.0.as_ref() == Some(s) => {
                run.0 = Some(s.clone());
                run.1.push(w);
            }
            _ => runs.push((w.speaker.0.clone(), vec![w])),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    #[test]
    fn whisper_is_one_speaker() {
        let t = parse(
            r#"{"language":"english","segments":[{"start":0,"end":2,"text":" Hello."},{"start":2,"end":3,"text":"  "}]}"#,
            Format::WhisperJson,
        )
        .unwrap();
        assert_eq!(t.segments.len(), 1);
        assert_eq!(t.speakers[0].label, "Speaker 1");
        assert_eq!(t.language.as_deref(), Some("en"));
        assert_eq!(t.timing, Timing::Full);
    }

    #[test]
    fn whisperx_splits_where_word_speakers_change() {
        let t = parse(
            r#"{"segments":[{"start":1.0,"end":4.0,"text":"Hi there. Yes hello.","speaker":"SPEAKER_00","words":[
                {"word":"Hi","start":1.0,"end":1.3,"speaker":"SPEAKER_00"},
                {"word":"there.","start":1.4,"end":1.8,"speaker":"SPEAKER_00"},
                {"word":"Yes","start":2.5,"end":2.8,"speaker":"SPEAKER_01"},
                {"word":"hello.","start":3.0,"end":3.6}]}]}"#,
            Format::WhisperxJson,
        )
        .unwrap();
        let got: Vec<(&str, &str, f64, f64)> = t
            .segments
            .iter()
            .map(|s| (t.label(s), s.text.as_str(), s.start_s.unwrap(), s.end_s.unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("SPEAKER_00", "Hi there.", 1.0, 1.8),
                ("SPEAKER_01", "Yes hello.", 2.5, 4.0)
            ]
        );
    }

    #[test]
    fn faster_whisper_and_whisper_cpp_variants() {
        let t = parse(
            r#"[{"id":1,"seek":0,"start":0.0,"end":2.0,"text":" Hello.","tokens":[1],"temperature":0.0,
                 "words":[{"start":0.0,"end":2.0,"word":" Hello.","probability":0.9}]}]"#,
            Format::WhisperJson,
        )
        .unwrap();
        assert_eq!(
            (t.segments[0].text.as_str(), t.segments[0].end_s),
            ("Hello.", Some(2.0))
        );
        let t = parse(
            r#"{"segments":[{"start":0,"end":1,"text":"Hoi."}],"info":{"language":"nl","language_probability":0.98}}"#,
            Format::WhisperJson,
        )
        .unwrap();
        assert_eq!(t.language.as_deref(), Some("nl"));
        let t = parse(
            r#"{"result":{"language":"en"},"transcription":[{"timestamps":{"from":"00:00:00,000","to":"00:00:03,000"},
                "offsets":{"from":0,"to":3000},"text":" And so my fellow Americans"}]}"#,
            Format::WhisperJson,
        )
        .unwrap();
        assert_eq!((t.segments[0].start_s, t.segments[0].end_s), (Some(0.0), Some(3.0)));
        assert_eq!(t.language.as_deref(), Some("en"));
        let e = parse(r#"{"language":"en"}"#, Format::WhisperJson)
            .unwrap_err()
            .to_string();
        assert!(e.contains("neither segments nor transcription"), "{e}");
    }

    #[test]
    fn whisperx_segment_without_speaker_is_unknown() {
        let t = parse(
            r#"{"segments":[{"start":0,"end":1,"text":"a","speaker":"SPEAKER_00"},{"start":1,"end":2,"text":"b"}]}"#,
            Format::WhisperxJson,
        )
        .unwrap();
        assert_eq!(t.label(&t.segments[1]), "UNKNOWN");
    }
}
