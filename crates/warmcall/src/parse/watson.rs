//! IBM Watson Speech to Text JSON: `results[]`, each with
//! `alternatives[0]` holding `transcript` and, when word timings were
//! asked for, `timestamps` (`[["word", start, end], …]`, seconds); with
//! speaker labels, a top-level `speaker_labels[]` of `{from, to, speaker}`,
//! one per word.
//!
//! A word's speaker is the label with its exact times, else the label
//! whose span holds its start, else the previous word's; labels are
//! `Speaker n` (as numbered, from 0). Without labels: `Speaker 1`. Words
//! are grouped into segments by [`super::assemble::group_words`]. Hesitation
//! tokens (`%HESITATION`) are not words and are dropped. A result without
//! time stamps is one untimed segment of its transcript.

use std::collections::HashMap;

use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;

use super::assemble::{group_words, settle_timing, word, Word};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Segment, Transcript};

pub(crate) const EXPECTED: &str = "IBM Watson JSON {\"results\":[{\"alternatives\":[{\"transcript\", \
\"timestamps\":[[\"word\", start, end]]}]}], \"speaker_labels\":[{\"from\", \"to\", \"speaker\"}]}";

#[derive(Deserialize)]
struct Doc {
    results: Vec<Res>,
    #[serde(default)]
    speaker_labels: Vec<SpeakerLabel>,
}

#[derive(Deserialize)]
struct Res {
    #[serde(default)]
    alternatives: Vec<Alt>,
}

#[derive(Deserialize)]
struct Alt {
    #[serde(default)]
    transcript: Option<String>,
    #[serde(default)]
    timestamps: Vec<Stamp>,
}

#[derive(Deserialize)]
struct SpeakerLabel {
    #[serde(default)]
    from: Num,
    #[serde(default)]
    to: Num,
    #[serde(default)]
    speaker: Label,
}

/// `["word", start, end]`; a stamp of another make reads as no word.
#[derive(Default)]
struct Stamp {
    word: Option<String>,
    start: Option<f64>,
    end: Option<f64>,
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StampVisitor)
    }
}

struct StampVisitor;

impl<'de> Visitor<'de> for StampVisitor {
    type Value = Stamp;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a [word, start, end] time stamp")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Stamp, A::Error> {
        let word = a.next_element::<Label>()?.and_then(|l| l.0);
        let start = a.next_element::<Num>()?.and_then(|n| n.0);
        let end = a.next_element::<Num>()?.and_then(|n| n.0);
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Stamp { word, start, end })
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Stamp, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Stamp::default())
    }
    fn visit_unit<E>(self) -> Result<Stamp, E> {
        Ok(Stamp::default())
    }
    fn visit_str<E>(self, _: &str) -> Result<Stamp, E> {
        Ok(Stamp::default())
    }
    fn visit_f64<E>(self, _: f64) -> Result<Stamp, E> {
        Ok(Stamp::default())
    }
    fn visit_i64<E>(self, _: i64) -> Result<Stamp, E> {
        Ok(Stamp::default())
    }
    fn visit_u64<E>(self, _: u64) -> Result<Stamp, E> {
        Ok(Stamp::default())
    }
    fn visit_bool<E>(self, _: bool) -> Result<Stamp, E> {
        Ok(Stamp::default())
    }
}

/// Parses IBM Watson JSON.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::WatsonJson, EXPECTED)?;
    let mut t = Transcript::empty(Format::WatsonJson);
    let by_times: HashMap<(u64, u64), &str> = doc
        .speaker_labels
        .iter()
        .filter_map(|l| Some(((l.from.0?.to_bits(), l.to.0?.to_bits()), l.speaker.0.as_deref()?)))
        .collect();
    let find = |s: Option<f64>, e: Option<f64>| -> Option<&str> {
        let s = s?;
        if let Some(l) = e.and_then(|e| by_times.get(&(s.to_bits(), e.to_bits()))) {
            return Some(*l);
        }
        doc.speaker_labels
            .iter()
            .find(|l| l.from.0.is_some_and(|a| a <= s) && l.to.0.is_some_and(|b| s < b))
            .and_then(|l| l.speaker.0.as_deref())
    };
    let labelled = !doc.speaker_labels.is_empty();
    let mut words: Vec<Word> = Vec::new();
    for (r, res) in doc.results.iter().enumerate() {
        let Some(alt) = res.alternatives.first() else {
            continue;
        };
        if alt.timestamps.is_empty() {
            // Untimed: the words so far first, then this result whole.
            group_words(&mut t, &std::mem::take(&mut words));
            let text = alt.transcript.as_deref().unwrap_or("").trim();
            if !text.is_empty() {
                let label = "Speaker 1";
                let speaker = t.speaker_index(label);
                t.segments.push(Segment::new(speaker, None, None, text));
            }
            continue;
        }
        for (i, st) in alt.timestamps.iter().enumerate() {
            let Some(w) = st.word.as_deref().map(str::trim) else {
                continue;
            };
            if w.is_empty() || w.starts_with('%') {
                continue;
            }
            let label = match find(st.start, st.end) {
                Some(n) => format!("Speaker {n}"),
                None if labelled => words
                    .last()
                    .map_or_else(|| "Speaker 1".to_string(), |p| p.speaker.clone()),
                None => "Speaker 1".to_string(),
            };
            words.push(word(
                &mut t.warnings,
                &format!("results[{r}] timestamps[{i}]"),
                label,
                st.start,
                st.end,
                w.to_string(),
            ));
        }
    }
    group_words(&mut t, &words);
    super::assemble::cap_warnings(&mut t.warnings);
    super::assemble::order_speakers_by_time(&mut t);
    settle_timing(&mut t);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_take_speakers_from_labels() {
        let t = parse(
            r#"{"result_index":0,"results":[
              {"alternatives":[{"timestamps":[["hello",0.68,1.19],["%HESITATION",1.2,1.3],["yeah",1.47,1.93],["yeah",1.96,2.12]],
                "confidence":0.821,"transcript":"hello %HESITATION yeah yeah "}],"final":true}],
              "speaker_labels":[{"from":0.68,"to":1.19,"speaker":2,"confidence":0.418,"final":false},
                {"from":1.47,"to":1.93,"speaker":1,"confidence":0.521,"final":false},
                {"from":1.96,"to":2.12,"speaker":1,"confidence":0.521,"final":false}]}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = t.segments.iter().map(|s| (t.label(s), s.text.as_str())).collect();
        assert_eq!(got, [("Speaker 2", "hello"), ("Speaker 1", "yeah yeah")]);
    }

    #[test]
    fn stamps_of_another_make_are_skipped() {
        let t = parse(
            r#"{"results":[{"alternatives":[{"timestamps":[{"w":1},["ok",0,"0.5",9],["x"]],"transcript":"ok"}]}]}"#,
        )
        .unwrap();
        let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["ok x"]);
    }
}
