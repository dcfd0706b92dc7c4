//! Amazon Transcribe JSON: `results.items[]` (string times, punctuation
//! items without times), speakers from `speaker_label` on the items or from
//! `results.speaker_labels.segments[].items[]`, and the two-channel layout
//! `results.channel_labels.channels[]` read as one speaker per channel
//! (`ch_0`, `ch_1`). Labels stay as given (`spk_0`). Without speakers or
//! channels everything is `Speaker 1`.
//!
//! Punctuation is joined to the word before it; words are grouped into
//! segments by [`super::assemble::group_words`].

use std::collections::HashMap;

use serde::Deserialize;

use super::assemble::{group_words, norm_lang, settle_timing, word, Word};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Transcript, Warning};

pub(crate) const EXPECTED: &str =
    "AWS Transcribe JSON {\"results\":{\"items\":[{\"start_time\",\"end_time\",\"alternatives\":\
[{\"content\"}],\"type\"}]}}";

#[derive(Deserialize)]
struct Doc {
    results: Results,
}

#[derive(Deserialize)]
struct Results {
    #[serde(default)]
    items: Vec<Item>,
    #[serde(default)]
    speaker_labels: Option<SpeakerLabels>,
    #[serde(default)]
    channel_labels: Option<ChannelLabels>,
    #[serde(default)]
    language_code: Label,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    start_time: Num,
    #[serde(default)]
    end_time: Num,
    #[serde(default)]
    alternatives: Vec<Alt>,
    #[serde(default, rename = "type")]
    kind: Label,
    #[serde(default)]
    speaker_label: Label,
}

#[derive(Deserialize)]
struct Alt {
    #[serde(default)]
    content: Option<String>,
}

#[derive(Deserialize)]
struct SpeakerLabels {
    #[serde(default)]
    segments: Vec<SpkSeg>,
}

#[derive(Deserialize)]
struct SpkSeg {
    #[serde(default)]
    start_time: Num,
    #[serde(default)]
    end_time: Num,
    #[serde(default)]
    speaker_label: Label,
    #[serde(default)]
    items: Vec<SpkItem>,
}

#[derive(Deserialize)]
struct SpkItem {
    #[serde(default)]
    start_time: Num,
    #[serde(default)]
    end_time: Num,
    #[serde(default)]
    speaker_label: Label,
}

#[derive(Deserialize)]
struct ChannelLabels {
    #[serde(default)]
    channels: Vec<Channel>,
}

#[derive(Deserialize)]
struct Channel {
    #[serde(default)]
    channel_label: Label,
    #[serde(default)]
    items: Vec<Item>,
}

/// Parses AWS Transcribe JSON.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::AwsJson, EXPECTED)?;
    let r = doc.results;
    let mut t = Transcript::empty(Format::AwsJson);
    t.language = r.language_code.0.as_deref().and_then(norm_lang);
    let channels = r.channel_labels.map(|c| c.channels).unwrap_or_default();
    if !channels.is_empty() {
        for (i, ch) in channels.iter().enumerate() {
            let label = ch.channel_label.0.clone().unwrap_or_else(|| format!("ch_{i}"));
            let words = words_of(&mut t.warnings, &ch.items, |_| Some(label.clone()));
            group_words(&mut t, &words);
        }
    } else {
        let segs = r.speaker_labels.map(|s| s.segments).unwrap_or_default();
        let lookup = SpeakerLookup::new(&segs);
        let words = words_of(&mut t.warnings, &r.items, |it| {
            it.speaker_label.0.clone().or_else(|| lookup.find(it))
        });
        group_words(&mut t, &words);
    }
    super::assemble::cap_warnings(&mut t.warnings);
    super::assemble::order_speakers_by_time(&mut t);
    settle_timing(&mut t);
    Ok(t)
}

/// Turns items into words: punctuation joins the word before it; a word
/// whose speaker cannot be found keeps the previous word's speaker.
fn words_of(warnings: &mut Vec<Warning>, items: &[Item], speaker: impl Fn(&Item) -> Option<String>) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let Some(content) = it.alternatives.first().and_then(|a| a.content.as_deref()) else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        if it.kind.0.as_deref() == Some("punctuation") {
            if let Some(prev) = words.last_mut() {
                prev.text.push_str(content);
            }
            continue;
        }
        let label = speaker(it)
            .or_else(|| words.last().map(|w| w.speaker.clone()))
            .unwrap_or_else(|| "Speaker 1".to_string());
        words.push(word(
            warnings,
            &format!("results.items[{i}]"),
            label,
            it.start_time.0,
            it.end_time.0,
            content.to_string(),
        ));
    }
    words
}

/// Finds an item's speaker in `speaker_labels.segments`: by its exact times
/// among the segments' items, else by the segment whose span holds its start.
struct SpeakerLookup<'a> {
    by_times: HashMap<(u64, u64), &'a str>,
    spans: Vec<(f64, f64, &'a str)>,
    /// `spans` ascend and do not overlap.
    sorted: bool,
}

impl<'a> SpeakerLookup<'a> {
    fn new(segs: &'a [SpkSeg]) -> Self {
        let mut by_times = HashMap::new();
        let mut spans = Vec::new();
        for seg in segs {
            let seg_label = seg.speaker_label.0.as_deref();
            for it in &seg.items {
                if let (Some(s), Some(e), Some(l)) = (
                    it.start_time.0,
                    it.end_time.0,
                    it.speaker_label.0.as_deref().or(seg_label),
                ) {
                    by_times.insert((s.to_bits(), e.to_bits()), l);
                }
            }
            if let (Some(s), Some(e), Some(l)) = (seg.start_time.0, seg.end_time.0, seg_label) {
                spans.push((s, e, l));
            }
        }
        // Real files list segments in time order without overlap; then at
        // most one span holds a time and a binary search finds it. Anything
        // else keeps the linear "first span in file order" search.
        let sorted = spans.windows(2).all(|w| w[0].0 <= w[0].1 && w[0].1 <= w[1].0);
        SpeakerLookup {
            by_times,
            spans,
            sorted,
        }
    }

    fn find(&self, it: &Item) -> Option<String> {
        let (s, e) = (it.start_time.0?, it.end_time.0);
        if let Some(e) = e {
            if let Some(l) = self.by_times.get(&(s.to_bits(), e.to_bits())) {
                return Some((*l).to_string());
            }
        }
        let hit = if self.sorted {
            let i = self.spans.partition_point(|(a, _, _)| *a <= s);
            i.checked_sub(1)
                .map(|i| self.spans[i])
                .filter(|(a, b, _)| *a <= s && s < *b)
        } else {
            self.spans.iter().copied().find(|(a, b, _)| *a <= s && s < *b)
        };
        hit.map(|(_, _, l)| l.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_joins_the_previous_word_and_speakers_come_from_segments() {
        let t = parse(
            r#"{"results":{"language_code":"en-US","items":[
              {"start_time":"0.5","end_time":"0.9","alternatives":[{"content":"Hello"}],"type":"pronunciation"},
              {"alternatives":[{"content":"."}],"type":"punctuation"},
              {"start_time":"1.2","end_time":"1.5","alternatives":[{"content":"Hi"}],"type":"pronunciation"},
              {"alternatives":[{"content":"?"}],"type":"punctuation"}],
              "speaker_labels":{"speakers":2,"segments":[
                {"start_time":"0.5","end_time":"0.9","speaker_label":"spk_0","items":[{"start_time":"0.5","end_time":"0.9","speaker_label":"spk_0"}]},
                {"start_time":"1.2","end_time":"1.5","speaker_label":"spk_1","items":[{"start_time":"1.2","end_time":"1.5","speaker_label":"spk_1"}]}]}}}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = t.segments.iter().map(|s| (t.label(s), s.text.as_str())).collect();
        assert_eq!(got, vec![("spk_0", "Hello."), ("spk_1", "Hi?")]);
        assert_eq!(t.language.as_deref(), Some("en"));
    }

    #[test]
    fn channels_are_speakers() {
        let t = parse(
            r#"{"results":{"items":[],"channel_labels":{"number_of_channels":2,"channels":[
              {"channel_label":"ch_0","items":[{"start_time":"2.0","end_time":"2.4","alternatives":[{"content":"Yes"}],"type":"pronunciation"}]},
              {"channel_label":"ch_1","items":[{"start_time":"0.1","end_time":"0.4","alternatives":[{"content":"Hi"}],"type":"pronunciation"}]}]}}}"#,
        )
        .unwrap();
        let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        // ch_1 speaks first.
        assert_eq!(labels, vec!["ch_1", "ch_0"]);
    }

    /// Items whose times match no segment item take the speaker of the
    /// segment span holding their start: by binary search when the spans
    /// ascend, else the first span in file order.
    #[test]
    fn speaker_by_span_sorted_and_overlapping() {
        let file = |segs: &str| {
            format!(
                r#"{{"results":{{"items":[
              {{"start_time":"0.2","end_time":"0.3","alternatives":[{{"content":"a"}}],"type":"pronunciation"}},
              {{"start_time":"1.5","end_time":"1.6","alternatives":[{{"content":"b"}}],"type":"pronunciation"}},
              {{"start_time":"2.0","end_time":"2.1","alternatives":[{{"content":"c"}}],"type":"pronunciation"}},
              {{"start_time":"9.0","end_time":"9.1","alternatives":[{{"content":"d"}}],"type":"pronunciation"}}],
              "speaker_labels":{{"segments":[{segs}]}}}}}}"#
            )
        };
        let words = |json: String| -> Vec<(String, String)> {
            let t = parse(&json).unwrap();
            t.segments
                .iter()
                .flat_map(|s| s.text.split(' ').map(|w| (t.label(s).to_string(), w.to_string())))
                .collect()
        };
        let seg = |a: f64, b: f64, l: &str| format!(r#"{{"start_time":"{a}","end_time":"{b}","speaker_label":"{l}"}}"#);
        // Ascending: 2.0 is the start of the second span, not inside the
        // first; 9.0 is in none and keeps the previous word's speaker.
        let sorted = [seg(0.0, 2.0, "A"), seg(2.0, 3.0, "B")].join(",");
        let got = words(file(&sorted));
        let want = [("A", "a"), ("A", "b"), ("B", "c"), ("B", "d")];
        assert_eq!(got, want.map(|(l, w)| (l.to_string(), w.to_string())));
        // Overlapping: the first span in file order that holds the start wins.
        let overlap = [seg(1.0, 3.0, "B"), seg(0.0, 2.5, "A")].join(",");
        let got = words(file(&overlap));
        let want = [("A", "a"), ("B", "b"), ("B", "c"), ("B", "d")];
        assert_eq!(got, want.map(|(l, w)| (l.to_string(), w.to_string())));
    }
}
