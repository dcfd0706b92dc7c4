//! Deepgram JSON: `results.utterances[]` when present (integer `speaker`
//! `n` becomes `Speaker n`; an utterance whose words change speaker is
//! split at each change, as for WhisperX), else the words of
//! `results.channels[c].alternatives[0].words[]` grouped into segments by
//! speaker and pauses (`punctuated_word` preferred over `word`). Without any
//! speaker the single speaker is `Speaker 1`; with several channels and no
//! speakers each channel is a speaker (`Channel c`).

use serde::Deserialize;

use super::assemble::{check_times, group_words, norm_lang, settle_timing, word, Word};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Segment, Transcript};

pub(crate) const EXPECTED: &str =
    "Deepgram JSON {\"results\":{\"utterances\":[…]} or {\"channels\":[{\"alternatives\":\
[{\"words\":[…]}]}]}}";

#[derive(Deserialize)]
struct Doc {
    results: Results,
    #[serde(default)]
    metadata: Option<Metadata>,
}

/// Deepgram's `metadata.created`: when the request was made, which for a
/// recording sent right after the call is the call's day.
#[derive(Deserialize)]
struct Metadata {
    #[serde(default)]
    created: Label,
}

#[derive(Deserialize)]
struct Results {
    #[serde(default)]
    channels: Vec<Channel>,
    #[serde(default)]
    utterances: Option<Vec<Utterance>>,
}

#[derive(Deserialize)]
struct Channel {
    #[serde(default)]
    alternatives: Vec<Alternative>,
    #[serde(default)]
    detected_language: Label,
}

#[derive(Deserialize)]
struct Alternative {
    #[serde(default)]
    words: Vec<WordIn>,
}

#[derive(Deserialize)]
struct WordIn {
    #[serde(default)]
    word: Option<String>,
    #[serde(default)]
    punctuated_word: Option<String>,
    #[serde(default)]
    start: Num,
    #[serde(default)]
    end: Num,
    #[serde(default)]
    speaker: Label,
}

#[derive(Deserialize)]
struct Utterance {
    #[serde(default)]
    start: Num,
    #[serde(default)]
    end: Num,
    #[serde(default)]
    transcript: Option<String>,
    #[serde(default)]
    speaker: Label,
    #[serde(default)]
    channel: Num,
    #[serde(default)]
    words: Vec<WordIn>,
}

/// Parses Deepgram JSON.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::DeepgramJson, EXPECTED)?;
    let r = doc.results;
    let mut t = Transcript::empty(Format::DeepgramJson);
    let created = doc.metadata.and_then(|m| m.created.0);
    super::assemble::metadata_date(&mut t, "metadata.created", created.as_deref());
    t.language = r
        .channels
        .first()
        .and_then(|c| c.detected_language.0.as_deref())
        .and_then(norm_lang);
    let multichannel = r.channels.len() > 1;
    let utterances = r.utterances.unwrap_or_default();
    if !utterances.is_empty() {
        for (i, u) in utterances.iter().enumerate() {
            let text = u.transcript.as_deref().unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            let channel = u.channel.0.map(|c| c as i64);
            let what = format!("results.utterances[{i}]");
            let (s, e) = check_times(&mut t.warnings, 0, &what, u.start.0, u.end.0);
            let runs = speaker_runs(&u.words);
            if runs.len() <= 1 {
                let label = label(u.speaker.0.as_deref(), channel, multichannel);
                let speaker = t.speaker_index(&label);
                t.segments.push(Segment::new(speaker, s, e, text));
                continue;
            }
            // The words change speaker inside the utterance: one segment
            // per run, as for WhisperX; the outer edges keep the
            // utterance's times.
            let last = runs.len() - 1;
            for (k, (who, words)) in runs.into_iter().enumerate() {
                let label = label(who.or(u.speaker.0.as_deref()), channel, multichannel);
                let ws = words.first().and_then(|w| w.start.0);
                let we = words.last().and_then(|w| w.end.0);
                let rs = if k == 0 { s.or(ws) } else { ws };
                let re = if k == last { e.or(we) } else { we };
                let (rs, re) = check_times(&mut t.warnings, 0, &what, rs, re);
                let text: Vec<&str> = words
                    .iter()
                    .filter_map(|w| w.punctuated_word.as_deref().or(w.word.as_deref()))
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .collect();
                if !text.is_empty() {
                    let speaker = t.speaker_index(&label);
                    t.segments.push(Segment::new(speaker, rs, re, text.join(" ")));
                }
            }
        }
    } else {
        for (c, ch) in r.channels.iter().enumerate() {
            let Some(alt) = ch.alternatives.first() else {
                continue;
            };
            let words: Vec<Word> = alt
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let text = w
                        .punctuated_word
                        .as_deref()
                        .or(w.word.as_deref())
                        .unwrap_or("")
                        .to_string();
                    let label = label(w.speaker.0.as_deref(), Some(c as i64), multichannel);
                    word(
                        &mut t.warnings,
                        &format!("results.channels[{c}] word {i}"),
                        label,
                        w.start.0,
                        w.end.0,
                        text,
                    )
                })
                .collect();
            group_words(&mut t, &words);
        }
    }
    super::assemble::cap_warnings(&mut t.warnings);
    super::assemble::order_speakers_by_time(&mut t);
    settle_timing(&mut t);
    Ok(t)
}

/// Splits words into runs of one speaker; words without a speaker join the
/// run they are in.
fn speaker_runs(words: &[WordIn]) -> Vec<(Option<&str>, Vec<&WordIn>)> {
    let mut runs: Vec<(Option<&str>, Vec<&WordIn>)> = Vec::new();
    for w in words {
        let who = w.speaker.0.as_deref();
        match runs.last_mut() {
            Some(run) if who.is_none() || run.0.is_none() || run.0 == who => {
                run.0 = run.0.or(who);
                run.1.push(w);
            }
            _ => runs.push((who, vec![w])),
        }
    }
    runs
}

fn label(speaker: Option<&str>, channel: Option<i64>, multichannel: bool) -> String {
    match (speaker, multichannel) {
        (Some(s), false) => format!("Speaker {s}"),
        (Some(s), true) => format!("Channel {} Speaker {s}", channel.unwrap_or(0)),
        (None, true) => format!("Channel {}", channel.unwrap_or(0)),
        (None, false) => "Speaker 1".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utterances_with_integer_speakers() {
        let t = parse(
            r#"{"results":{"channels":[{"alternatives":[{"words":[]}]}],"utterances":[
                {"start":0.5,"end":1.0,"transcript":"Hello.","speaker":0,"channel":0},
                {"start":1.2,"end":2.0,"transcript":"Hi.","speaker":1,"channel":0}]}}"#,
        )
        .unwrap();
        let labels: Vec<&str> = t.segments.iter().map(|s| t.label(s)).collect();
        assert_eq!(labels, vec!["Speaker 0", "Speaker 1"]);
    }

    #[test]
    fn utterances_split_where_word_speakers_change() {
        let t = parse(
            r#"{"results":{"channels":[],"utterances":[
                {"start":0.5,"end":3.0,"transcript":"Hello there. Yes.","speaker":0,"channel":0,"words":[
                  {"word":"hello","punctuated_word":"Hello","start":0.5,"end":0.8,"speaker":0},
                  {"word":"there","punctuated_word":"there.","start":0.9,"end":1.2,"speaker":0},
                  {"word":"yes","punctuated_word":"Yes.","start":2.5,"end":2.9,"speaker":1}]},
                {"start":3.2,"end":4.0,"transcript":"Good.","speaker":0,"words":[
                  {"word":"good","punctuated_word":"Good.","start":3.2,"end":4.0,"speaker":0}]}]}}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str, f64, f64)> = t
            .segments
            .iter()
            .map(|s| (t.label(s), s.text.as_str(), s.start_s.unwrap(), s.end_s.unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                ("Speaker 0", "Hello there.", 0.5, 1.2),
                ("Speaker 1", "Yes.", 2.5, 3.0),
                ("Speaker 0", "Good.", 3.2, 4.0)
            ]
        );
    }

    #[test]
    fn words_without_utterances_use_punctuated_words() {
        let t = parse(
            r#"{"results":{"channels":[{"alternatives":[{"words":[
                {"word":"hello","punctuated_word":"Hello.","start":0.5,"end":1.0,"speaker":0},
                {"word":"hi","start":1.2,"end":1.4,"speaker":1}]}]}]}}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = t.segments.iter().map(|s| (t.label(s), s.text.as_str())).collect();
        assert_eq!(got, vec![("Speaker 0", "Hello."), ("Speaker 1", "hi")]);
    }

    #[test]
    fn no_speakers_is_one_speaker() {
        let t = parse(r#"{"results":{"channels":[{"alternatives":[{"words":[{"word":"hi","start":0,"end":1}]}]}]}}"#)
            .unwrap();
        assert_eq!(t.speakers[0].label, "Speaker 1");
    }
}
