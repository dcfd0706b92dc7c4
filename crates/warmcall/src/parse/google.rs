//! Google Cloud Speech-to-Text JSON (v1 `recognize`/`longrunningrecognize`
//! responses, and v2's renamed fields): `results[]`, each with
//! `alternatives[0]` holding `transcript` and `words[]` of `{word,
//! startTime, endTime, speakerTag}` (v2: `startOffset`, `endOffset`,
//! `speakerLabel`). Durations are strings of seconds with an `s` suffix
//! (`"1.500s"`), or `{seconds, nanos}` objects as protobuf clients write
//! them.
//!
//! With speaker diarisation Google repeats every word of the audio, tagged
//! with its speaker, in the last result; the earlier results carry the same
//! words untagged. So when any word carries a speaker, the words of the last
//! result that carries speakers are the transcript (`Speaker n`, as
//! numbered, from 1), grouped by [`super::assemble::group_words`]; reading every
//! result would count each word twice. Without speakers each result's words
//! are grouped in turn (`Speaker 1`, or `Channel c` with several
//! `channelTag`s); a result without timed words is one segment from the
//! previous result's end to its own `resultEndTime`.

use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

use super::assemble::{check_times, group_words, norm_lang, settle_timing, word, Word};
use super::json_fields::{from_str, Label};
use crate::{Error, Format, Segment, Transcript};

pub(crate) const EXPECTED: &str = "Google Speech-to-Text JSON {\"results\":[{\"alternatives\":[{\"transcript\", \
\"words\":[{\"word\", \"startTime\": \"1.500s\", \"endTime\", \"speakerTag\"}]}]}]}";

#[derive(Deserialize)]
struct Doc {
    results: Vec<Result>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Result {
    #[serde(default)]
    alternatives: Vec<Alt>,
    #[serde(default)]
    channel_tag: Label,
    #[serde(default)]
    language_code: Label,
    #[serde(default)]
    result_end_time: Dur,
    #[serde(default)]
    result_end_offset: Dur,
}

#[derive(Deserialize)]
struct Alt {
    #[serde(default)]
    transcript: Option<String>,
    #[serde(default)]
    words: Vec<WordIn>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WordIn {
    #[serde(default)]
    word: Option<String>,
    #[serde(default)]
    start_time: Dur,
    #[serde(default)]
    end_time: Dur,
    #[serde(default)]
    start_offset: Dur,
    #[serde(default)]
    end_offset: Dur,
    #[serde(default)]
    speaker_tag: Label,
    #[serde(default)]
    speaker_label: Label,
}

impl WordIn {
    fn speaker(&self) -> Option<&str> {
        self.speaker_label.0.as_deref().or(self.speaker_tag.0.as_deref())
    }
}

/// Parses Google Speech-to-Text JSON.
pub(crate) fn parse(text: &str) -> std::result::Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::GoogleJson, EXPECTED)?;
    let mut t = Transcript::empty(Format::GoogleJson);
    t.language = doc
        .results
        .iter()
        .find_map(|r| r.language_code.0.as_deref())
        .and_then(norm_lang);
    let tagged = doc.results.iter().rposition(|r| {
        r.alternatives
            .first()
            .is_some_and(|a| a.words.iter().any(|w| w.speaker().is_some()))
    });
    if let Some(last) = tagged {
        let alt = &doc.results[last].alternatives[0];
        let words = words_of(&mut t, &alt.words, last, |w| {
            w.speaker()
                .map_or_else(|| "Speaker 1".to_string(), |s| format!("Speaker {s}"))
        });
        group_words(&mut t, &words);
    } else {
        let channels = {
            let mut c: Vec<&str> = doc.results.iter().filter_map(|r| r.channel_tag.0.as_deref()).collect();
            c.sort_unstable();
            c.dedup();
            c.len()
        };
        let mut prev_end: Vec<(Option<String>, f64)> = Vec::new();
        for (i, r) in doc.results.iter().enumerate() {
            let Some(alt) = r.alternatives.first() else {
                continue;
            };
            let label = match (&r.channel_tag.0, channels > 1) {
                (Some(c), true) => format!("Channel {c}"),
                _ => "Speaker 1".to_string(),
            };
            let end = r.result_end_offset.0.or(r.result_end_time.0);
            let slot = match prev_end.iter().position(|(c, _)| *c == r.channel_tag.0) {
                Some(p) => p,
                None => {
                    prev_end.push((r.channel_tag.0.clone(), 0.0));
                    prev_end.len() - 1
                }
            };
            let start = prev_end[slot].1;
            if let Some(e) = end {
                prev_end[slot].1 = e;
            }
            if alt.words.iter().any(|w| w.start_offset.0.or(w.start_time.0).is_some()) {
                let words = words_of(&mut t, &alt.words, i, |_| label.clone());
                group_words(&mut t, &words);
                continue;
            }
            let text = alt.transcript.as_deref().unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            let (s, e) = check_times(&mut t.warnings, 0, &format!("results[{i}]"), Some(start), end);
            let speaker = t.speaker_index(&label);
            t.segments.push(Segment::new(speaker, s, e, text));
        }
    }
    super::assemble::cap_warnings(&mut t.warnings);
    super::assemble::order_speakers_by_time(&mut t);
    settle_timing(&mut t);
    Ok(t)
}

fn words_of(t: &mut Transcript, words: &[WordIn], r: usize, label: impl Fn(&WordIn) -> String) -> Vec<Word> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            word(
                &mut t.warnings,
                &format!("results[{r}] word {i}"),
                label(w),
                w.start_offset.0.or(w.start_time.0),
                w.end_offset.0.or(w.end_time.0),
                w.word.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// A protobuf duration as JSON carries it: `"1.500s"`, a bare number of
/// seconds, or `{"seconds": "1", "nanos": 500000000}`; anything else is
/// `None`.
#[derive(Default, Clone, Copy, Debug)]
struct Dur(Option<f64>);

impl<'de> Deserialize<'de> for Dur {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(DurVisitor)
    }
}

struct DurVisitor;

impl<'de> Visitor<'de> for DurVisitor {
    type Value = Dur;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a duration (\"1.500s\")")
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Dur, E> {
        let v = v.trim();
        Ok(Dur(v.strip_suffix('s').unwrap_or(v).trim().parse::<f64>().ok()))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Dur, E> {
        Ok(Dur(Some(v)))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Dur, E> {
        Ok(Dur(Some(v as f64)))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Dur, E> {
        Ok(Dur(Some(v as f64)))
    }
    fn visit_unit<E>(self) -> std::result::Result<Dur, E> {
        Ok(Dur(None))
    }
    fn visit_none<E>(self) -> std::result::Result<Dur, E> {
        Ok(Dur(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Dur, D::Error> {
        d.deserialize_any(DurVisitor)
    }
    fn visit_bool<E>(self, _: bool) -> std::result::Result<Dur, E> {
        Ok(Dur(None))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> std::result::Result<Dur, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Dur(None))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> std::result::Result<Dur, A::Error> {
        let (mut secs, mut nanos, mut any) = (0.0, 0.0, false);
        while let Some(k) = a.next_key::<String>()? {
            let v = a.next_value::<super::json_fields::Num>()?;
            match (k.as_str(), v.0) {
                ("seconds", Some(s)) => {
                    secs = s;
                    any = true;
                }
                ("nanos", Some(n)) => {
                    nanos = n;
                    any = true;
                }
                _ => {}
            }
        }
        Ok(Dur(any.then_some(secs + nanos / 1e9)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_every_spelling() {
        let d: Vec<Dur> = serde_json::from_str(
            r#"["1.500s", "0s", 2.5, {"seconds":"3","nanos":250000000}, {"nanos":5e8}, "x", null]"#,
        )
        .unwrap();
        let got: Vec<Option<f64>> = d.iter().map(|d| d.0).collect();
        assert_eq!(
            got,
            [Some(1.5), Some(0.0), Some(2.5), Some(3.25), Some(0.5), None, None]
        );
    }

    #[test]
    fn diarised_words_come_from_the_last_result_only() {
        let t = parse(
            r#"{"results":[
              {"alternatives":[{"transcript":"hi I'd like to buy","words":[{"startTime":"0s","endTime":"0.3s","word":"hi"}]}],"languageCode":"en-us"},
              {"alternatives":[{"words":[
                {"startTime":"0s","endTime":"0.300s","word":"hi","speakerTag":1},
                {"startTime":"0.300s","endTime":"0.500s","word":"there","speakerTag":1},
                {"startTime":"1.200s","endTime":"1.500s","word":"hello","speakerTag":2}]}]}]}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = t.segments.iter().map(|s| (t.label(s), s.text.as_str())).collect();
        assert_eq!(got, [("Speaker 1", "hi there"), ("Speaker 2", "hello")]);
        assert_eq!(t.language.as_deref(), Some("en"));
    }

    #[test]
    fn untagged_results_without_words_run_end_to_end() {
        let t = parse(
            r#"{"results":[{"alternatives":[{"transcript":"hello there"}],"resultEndTime":"2.5s"},
                           {"alternatives":[{"transcript":" how are you"}],"resultEndTime":"5s"},
                           {"alternatives":[]}]}"#,
        )
        .unwrap();
        let got: Vec<(&str, f64, f64)> = t
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.start_s.unwrap(), s.end_s.unwrap()))
            .collect();
        assert_eq!(got, [("hello there", 0.0, 2.5), ("how are you", 2.5, 5.0)]);
    }
}
