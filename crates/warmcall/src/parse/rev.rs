//! Rev.ai JSON (`application/vnd.rev.transcript.v1.0+json`):
//! `monologues[]`, each with an integer `speaker` (an optional
//! `speaker_name`) and `elements[]` of `{"type": "text", "value", "ts",
//! "end_ts"}` words and `{"type": "punct", "value"}` punctuation and spaces;
//! `unknown` elements (`<inaudible>`, `<laugh>`) are tags, not words, and
//! are dropped.
//!
//! Speakers: `speaker_name` when given, else `Speaker n` (as numbered, from
//! 0, like Deepgram). Punctuation joins the word before it; words are
//! grouped into segments by [`super::assemble::group_words`], so a long
//! monologue is split at its pauses.

use serde::Deserialize;

use super::assemble::{group_words, settle_timing, word, Word};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Transcript};

pub(crate) const EXPECTED: &str = "Rev.ai JSON {\"monologues\":[{\"speaker\": n, \"elements\":[{\"type\": \"text\", \
\"value\", \"ts\": seconds, \"end_ts\": seconds}]}]}";

#[derive(Deserialize)]
struct Doc {
    monologues: Vec<Monologue>,
}

#[derive(Deserialize)]
struct Monologue {
    #[serde(default)]
    speaker: Label,
    #[serde(default)]
    speaker_name: Label,
    #[serde(default)]
    elements: Vec<Element>,
}

#[derive(Deserialize)]
struct Element {
    #[serde(default, rename = "type")]
    kind: Label,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    ts: Num,
    #[serde(default)]
    end_ts: Num,
}

/// Parses Rev.ai JSON.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::RevJson, EXPECTED)?;
    let mut t = Transcript::empty(Format::RevJson);
    let mut words: Vec<Word> = Vec::new();
    for (m, mono) in doc.monologues.into_iter().enumerate() {
        let label = match (mono.speaker_name.0, mono.speaker.0) {
            (Some(name), _) => name,
            (None, Some(n)) => format!("Speaker {n}"),
            (None, None) => "Speaker 1".to_string(),
        };
        let first = words.len();
        for (i, el) in mono.elements.into_iter().enumerate() {
            let value = el.value.as_deref().unwrap_or("").trim();
            if value.is_empty() {
                continue;
            }
            let kind = el.kind.0.as_deref();
            if !matches!(kind, None | Some("text" | "punct")) {
                // `unknown` elements are tags (`<inaudible>`, `<laugh>`), not words.
                continue;
            }
            if kind == Some("punct") {
                // Punctuation belongs to this monologue's last word only.
                if words.len() > first {
                    if let Some(prev) = words.last_mut() {
                        prev.text.push_str(value);
                    }
                }
                continue;
            }
            words.push(word(
                &mut t.warnings,
                &format!("monologues[{m}].elements[{i}]"),
                label.clone(),
                el.ts.0,
                el.end_ts.0,
                value.to_string(),
            ));
        }
        // Two monologues of one speaker in a row stay two segments.
        group_words(&mut t, &words[first..]);
    }
    super::assemble::cap_warnings(&mut t.warnings);
    super::assemble::order_speakers_by_time(&mut t);
    settle_timing(&mut t);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    #[test]
    fn monologues_of_words_and_punctuation() {
        let t = parse(
            r#"{"monologues":[
              {"speaker":1,"elements":[{"type":"text","value":"Hello","ts":0.5,"end_ts":1.5,"confidence":1},
                {"type":"punct","value":" "},{"type":"text","value":"World","ts":1.75,"end_ts":2.85},
                {"type":"punct","value":"."}]},
              {"speaker":0,"speaker_name":"Jo","elements":[{"type":"text","value":"Hi","ts":3.0,"end_ts":3.2},
                {"type":"punct","value":"!"}]}]}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = t.segments.iter().map(|s| (t.label(s), s.text.as_str())).collect();
        assert_eq!(got, [("Speaker 1", "Hello World."), ("Jo", "Hi!")]);
        assert_eq!(t.segments[0].start_s, Some(0.5));
        assert_eq!(t.segments[0].end_s, Some(2.85));
        assert_eq!(t.timing, Timing::Full);
    }

    #[test]
    fn wrong_types_name_the_shape() {
        let e = parse(r#"{"monologues":[{"speaker":1,"elements":{"a":1}}]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("Rev.ai JSON"), "{e}");
    }
}
