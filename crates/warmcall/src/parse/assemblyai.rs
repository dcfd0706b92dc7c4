//! AssemblyAI JSON: `utterances[]` with speaker letters (`A` becomes
//! `Speaker A`) and times in milliseconds. When `utterances` is null or
//! missing (speaker labels were off), the top-level `words[]` are grouped
//! into segments by speaker and pauses; words without a speaker are
//! `Speaker 1`.

use serde::Deserialize;

use super::assemble::{check_times, group_words, norm_lang, settle_timing, word, Word};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Segment, Transcript};

pub(crate) const EXPECTED: &str =
    "AssemblyAI JSON {\"utterances\":[{\"speaker\": \"A\", \"start\": ms, \"end\": ms, \"text\"}]}";

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    utterances: Option<Vec<Utterance>>,
    #[serde(default)]
    words: Option<Vec<Utterance>>,
    #[serde(default)]
    language_code: Label,
}

/// Utterances and words have the same fields.
#[derive(Deserialize)]
struct Utterance {
    #[serde(default)]
    start: Num,
    #[serde(default)]
    end: Num,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    speaker: Label,
}

fn ms(n: Num) -> Option<f64> {
    n.0.map(|v| v / 1000.0)
}

fn label(speaker: Option<&str>) -> String {
    match speaker {
        Some(s) => format!("Speaker {s}"),
        None => "Speaker 1".to_string(),
    }
}

/// Parses AssemblyAI JSON.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::AssemblyaiJson, EXPECTED)?;
    let mut t = Transcript::empty(Format::AssemblyaiJson);
    t.language = doc.language_code.0.as_deref().and_then(norm_lang);
    let utterances = doc.utterances.unwrap_or_default();
    if !utterances.is_empty() {
        for (i, u) in utterances.into_iter().enumerate() {
            let text = u.text.as_deref().unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            let (s, e) = check_times(&mut t.warnings, 0, &format!("utterances[{i}]"), ms(u.start), ms(u.end));
            let speaker = t.speaker_index(&label(u.speaker.0.as_deref()));
            t.segments.push(Segment::new(speaker, s, e, text));
        }
    } else {
        let words: Vec<Word> = doc
            .words
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                word(
                    &mut t.warnings,
                    &format!("words[{i}]"),
                    label(w.speaker.0.as_deref()),
                    ms(w.start),
                    ms(w.end),
                    w.text.unwrap_or_default(),
                )
            })
            .collect();
        group_words(&mut t, &words);
    }
    super::assemble::cap_warnings(&mut t.warnings);
    settle_timing(&mut t);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utterances_in_ms_with_letters() {
        let t = parse(
            r#"{"language_code":"en_uk","utterances":[{"speaker":"A","start":920,"end":1831,"text":"James."},
                {"speaker":"B","start":2000,"end":2500,"text":"Hi."}]}"#,
        )
        .unwrap();
        assert_eq!(t.label(&t.segments[1]), "Speaker B");
        assert_eq!(t.segments[0].start_s, Some(0.92));
        assert_eq!(t.segments[0].end_s, Some(1.831));
        assert_eq!(t.language.as_deref(), Some("en"));
    }

    #[test]
    fn null_utterances_fall_back_to_words() {
        let t = parse(
            r#"{"utterances":null,"words":[{"text":"Yeah.","start":170,"end":718,"speaker":"A"},
                {"text":"As","start":884,"end":1166,"speaker":null}]}"#,
        )
        .unwrap();
        let labels: Vec<&str> = t.segments.iter().map(|s| t.label(s)).collect();
        assert_eq!(labels, vec!["Speaker A", "Speaker 1"]);
    }
}
