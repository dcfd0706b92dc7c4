//! Speechmatics JSON (`json-v2`): `results[]` of words and punctuation,
//! each with `start_time`, `end_time`, `type` and `alternatives[0]` holding
//! `content` and, with speaker diarisation, `speaker` (`S1`, `S2`; `UU`
//! where the speaker is unknown). Channel diarisation writes `channel`
//! (`channel_1`) on each result instead.
//!
//! Labels stay as given (`S1`, `channel_1`); without either, `Speaker 1`.
//! Punctuation joins the word before it; words are grouped into segments by
//! [`super::assemble::group_words`]. The language is
//! `metadata.transcription_config.language`.

use serde::Deserialize;

use super::assemble::{group_words, norm_lang, settle_timing, word, Word};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Transcript};

pub(crate) const EXPECTED: &str = "Speechmatics JSON {\"results\":[{\"type\": \"word\", \"start_time\": seconds, \
\"end_time\": seconds, \"alternatives\":[{\"content\", \"speaker\"}]}]}";

#[derive(Deserialize)]
struct Doc {
    results: Vec<Item>,
    #[serde(default)]
    metadata: Option<Metadata>,
}

#[derive(Deserialize)]
struct Metadata {
    #[serde(default)]
    transcription_config: Option<Config>,
}

#[derive(Deserialize)]
struct Config {
    #[serde(default)]
    language: Label,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default, rename = "type")]
    kind: Label,
    #[serde(default)]
    start_time: Num,
    #[serde(default)]
    end_time: Num,
    #[serde(default)]
    channel: Label,
    #[serde(default)]
    alternatives: Vec<Alt>,
}

#[derive(Deserialize)]
struct Alt {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    speaker: Label,
}

/// Parses Speechmatics JSON.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::SpeechmaticsJson, EXPECTED)?;
    let mut t = Transcript::empty(Format::SpeechmaticsJson);
    t.language = doc
        .metadata
        .and_then(|m| m.transcription_config)
        .and_then(|c| c.language.0)
        .as_deref()
        .and_then(norm_lang);
    // Channels are written one after the other or interleaved: each is its
    // own stream of words.
    let mut streams: Vec<(Option<String>, Vec<Word>)> = Vec::new();
    for (i, it) in doc.results.into_iter().enumerate() {
        let Some(alt) = it.alternatives.into_iter().next() else {
            continue;
        };
        let content = alt.content.as_deref().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        let s = match streams.iter().position(|(c, _)| *c == it.channel.0) {
            Some(s) => s,
            None => {
                streams.push((it.channel.0.clone(), Vec::new()));
                streams.len() - 1
            }
        };
        let words = &mut streams[s].1;
        if it.kind.0.as_deref() == Some("punctuation") {
            if let Some(prev) = words.last_mut() {
                prev.text.push_str(content);
            }
            continue;
        }
        let label = alt
            .speaker
            .0
            .or_else(|| it.channel.0.clone())
            .unwrap_or_else(|| "Speaker 1".to_string());
        let w = word(
            &mut t.warnings,
            &format!("results[{i}]"),
            label,
            it.start_time.0,
            it.end_time.0,
            content.to_string(),
        );
        words.push(w);
    }
    for (_, words) in &streams {
        group_words(&mut t, words);
    }
    super::assemble::cap_warnings(&mut t.warnings);
    super::assemble::order_speakers_by_time(&mut t);
    settle_timing(&mut t);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_with_speakers_and_punctuation() {
        let t = parse(
            r#"{"format":"2.9","metadata":{"transcription_config":{"language":"en","diarization":"speaker"}},
              "results":[
              {"alternatives":[{"confidence":1.0,"content":"Hello","language":"en","speaker":"S1"}],"end_time":0.84,"start_time":0.36,"type":"word"},
              {"alternatives":[{"confidence":1.0,"content":".","language":"en","speaker":"S1"}],"attaches_to":"previous","end_time":0.84,"is_eos":true,"start_time":0.84,"type":"punctuation"},
              {"alternatives":[{"confidence":1.0,"content":"Hi","language":"en","speaker":"S2"}],"end_time":1.5,"start_time":1.1,"type":"word"}]}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = t.segments.iter().map(|s| (t.label(s), s.text.as_str())).collect();
        assert_eq!(got, [("S1", "Hello."), ("S2", "Hi")]);
        assert_eq!(t.language.as_deref(), Some("en"));
    }

    #[test]
    fn channels_are_speakers_when_no_speaker_is_given() {
        let t = parse(
            r#"{"results":[
              {"alternatives":[{"content":"Yes"}],"channel":"channel_2","start_time":2.0,"end_time":2.3,"type":"word"},
              {"alternatives":[{"content":"Hi"}],"channel":"channel_1","start_time":0.5,"end_time":0.9,"type":"word"}]}"#,
        )
        .unwrap();
        let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["channel_1", "channel_2"]);
    }
}
