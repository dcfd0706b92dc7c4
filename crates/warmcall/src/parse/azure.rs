//! Azure AI Speech batch transcription JSON: `recognizedPhrases[]`, each
//! with `offsetInTicks` and `durationInTicks` (100 ns ticks; the ISO 8601
//! `offset`/`duration` strings, `"PT1.59S"`, when the ticks are missing),
//! `speaker` (with diarisation), `channel` and `nBest[0].display` (its
//! `lexical` form when `display` is missing). Phrases without text (a
//! `NoMatch` status) are skipped.
//!
//! Speakers: `Speaker n` (as numbered, Azure counts from 1); without
//! speakers, `Channel c` when phrases come from several channels, else
//! `Speaker 1`. The language is the first phrase's `locale`.

use serde::Deserialize;

use super::assemble::{check_times, norm_lang, settle_timing};
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Segment, Transcript};

pub(crate) const EXPECTED: &str = "Azure batch transcription JSON {\"recognizedPhrases\":[{\"speaker\", \
\"offsetInTicks\", \"durationInTicks\", \"nBest\":[{\"display\"}]}]}";

const TICKS_PER_S: f64 = 10_000_000.0;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Doc {
    recognized_phrases: Vec<Phrase>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Phrase {
    #[serde(default)]
    channel: Label,
    #[serde(default)]
    speaker: Label,
    #[serde(default)]
    offset_in_ticks: Num,
    #[serde(default)]
    duration_in_ticks: Num,
    #[serde(default)]
    offset: Label,
    #[serde(default)]
    duration: Label,
    #[serde(default)]
    locale: Label,
    #[serde(default)]
    n_best: Vec<Best>,
}

#[derive(Deserialize)]
struct Best {
    #[serde(default)]
    display: Option<String>,
    #[serde(default)]
    lexical: Option<String>,
}

/// Parses Azure batch transcription JSON.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::AzureJson, EXPECTED)?;
    let phrases = doc.recognized_phrases;
    let mut t = Transcript::empty(Format::AzureJson);
    t.language = phrases.iter().find_map(|p| p.locale.0.as_deref()).and_then(norm_lang);
    let channels = {
        let mut c: Vec<&str> = phrases.iter().filter_map(|p| p.channel.0.as_deref()).collect();
        c.sort_unstable();
        c.dedup();
        c.len()
    };
    for (i, p) in phrases.iter().enumerate() {
        let Some(best) = p.n_best.first() else {
            continue;
        };
        let text = best.display.as_deref().or(best.lexical.as_deref()).unwrap_or("").trim();
        if text.is_empty() {
            continue;
        }
        let start = p
            .offset_in_ticks
            .0
            .map(|v| v / TICKS_PER_S)
            .or_else(|| p.offset.0.as_deref().and_then(iso_duration));
        let length = p
            .duration_in_ticks
            .0
            .map(|v| v / TICKS_PER_S)
            .or_else(|| p.duration.0.as_deref().and_then(iso_duration));
        let end = start.zip(length).map(|(s, d)| s + d);
        let (s, e) = check_times(&mut t.warnings, 0, &format!("recognizedPhrases[{i}]"), start, end);
        let label = match (&p.speaker.0, &p.channel.0) {
            (Some(n), _) => format!("Speaker {n}"),
            (None, Some(c)) if channels > 1 => format!("Channel {c}"),
            _ => "Speaker 1".to_string(),
        };
        let speaker = t.speaker_index(&label);
        t.segments.push(Segment::new(speaker, s, e, text));
    }
    super::assemble::cap_warnings(&mut t.warnings);
    super::assemble::order_speakers_by_time(&mut t);
    settle_timing(&mut t);
    Ok(t)
}

/// An ISO 8601 time span as Azure writes it (`PT1M2.5S`, `PT0.07S`,
/// `P1DT2H`), in seconds.
fn iso_duration(s: &str) -> Option<f64> {
    let rest = s.trim().strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut total = 0.0;
    let mut read = |part: &str, units: &[(char, f64)]| -> Option<()> {
        let mut num = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
            } else {
                let unit = units.iter().find(|(u, _)| *u == c)?.1;
                total += num.parse::<f64>().ok()? * unit;
                num.clear();
            }
        }
        num.is_empty().then_some(())
    };
    read(days, &[('D', 86_400.0), ('W', 604_800.0)])?;
    read(time, &[('H', 3600.0), ('M', 60.0), ('S', 1.0)])?;
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_spans() {
        assert_eq!(iso_duration("PT0.07S"), Some(0.07));
        assert_eq!(iso_duration("PT1M2.5S"), Some(62.5));
        assert_eq!(iso_duration("P1DT1H"), Some(90_000.0));
        assert_eq!(iso_duration("PT"), Some(0.0));
        assert_eq!(iso_duration("1.5"), None);
        assert_eq!(iso_duration("PT1X"), None);
        assert_eq!(iso_duration("PT1"), None);
    }

    #[test]
    fn phrases_with_speakers_in_ticks() {
        let t = parse(
            r#"{"durationInTicks":41200000,"recognizedPhrases":[
              {"recognitionStatus":"Success","channel":0,"speaker":1,"offset":"PT0.07S","duration":"PT1.59S",
               "offsetInTicks":700000.0,"durationInTicks":15900000.0,"locale":"en-US",
               "nBest":[{"confidence":0.9,"lexical":"hello world","display":"Hello world."}]},
              {"recognitionStatus":"NoMatch","channel":0,"offsetInTicks":17000000.0,"durationInTicks":100.0,"nBest":[]},
              {"recognitionStatus":"Success","channel":0,"speaker":2,"offset":"PT2S","duration":"PT1S",
               "nBest":[{"lexical":"hi"}]}]}"#,
        )
        .unwrap();
        let ms = |v: Option<f64>| (v.unwrap() * 1000.0).round() as i64;
        let got: Vec<(&str, &str, i64, i64)> = t
            .segments
            .iter()
            .map(|s| (t.label(s), s.text.as_str(), ms(s.start_s), ms(s.end_s)))
            .collect();
        assert_eq!(
            got,
            [("Speaker 1", "Hello world.", 70, 1660), ("Speaker 2", "hi", 2000, 3000)]
        );
        assert_eq!(t.language.as_deref(), Some("en"));
    }
}
