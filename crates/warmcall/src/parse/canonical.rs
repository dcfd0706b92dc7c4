//! warmcall's canonical JSON: `{"segments":[{"speaker","start","end","text"}]}`,
//! what `warmcall convert` writes. The shape is documented in
//! docs/formats.md (`## JSON shapes`).

use serde::Deserialize;

use super::json::{check_times, from_str, norm_lang, settle_timing, Label, Num};
use crate::{Error, Format, Segment, Transcript};

/// The optional `format` tag that marks a canonical document.
pub(crate) const FORMAT_TAG: &str = "warmcall.transcript.v1";

const EXPECTED: &str = "canonical JSON {\"segments\":[{\"speaker\": string, \"start\": seconds, \"end\": seconds, \
\"text\": string}]}";

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    language: Label,
    #[serde(default)]
    speakers: Vec<SpeakerDecl>,
    segments: Vec<Seg>,
}

#[derive(Deserialize)]
struct SpeakerDecl {
    #[serde(default)]
    label: Label,
    #[serde(default)]
    display_name: Label,
}

#[derive(Deserialize)]
struct Seg {
    #[serde(default)]
    speaker: Label,
    #[serde(default)]
    start: Num,
    #[serde(default)]
    end: Num,
    #[serde(default)]
    text: Option<String>,
}

/// Parses the canonical JSON shape.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc = from_str(text, Format::CanonicalJson, EXPECTED)?;
    let mut t = Transcript::empty(Format::CanonicalJson);
    t.language = doc.language.0.as_deref().and_then(norm_lang);
    for (i, seg) in doc.segments.into_iter().enumerate() {
        let Some(label) = seg.speaker.0 else {
            return Err(Error::parse(
                Format::CanonicalJson,
                0,
                format!("a \"speaker\" string in segments[{i}]"),
                "a segment without a speaker",
            ));
        };
        let text = seg.text.unwrap_or_default().trim().to_string();
        let (start, end) = check_times(&mut t.warnings, 0, &format!("segments[{i}]"), seg.start.0, seg.end.0);
        let speaker = t.speaker_index(&label);
        t.segments.push(Segment::new(speaker, start, end, text));
    }
    // A map, not a search per declaration: thousands of declared speakers
    // made that quadratic.
    let index: std::collections::HashMap<String, usize> = t
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.label.clone(), i))
        .collect();
    for decl in doc.speakers {
        if let (Some(label), Some(name)) = (decl.label.0, decl.display_name.0) {
            if let Some(&i) = index.get(&label) {
                t.speakers[i].display_name = Some(name);
            }
        }
    }
    super::json::cap_warnings(&mut t.warnings);
    settle_timing(&mut t);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    #[test]
    fn reads_segments_language_and_display_names() {
        let t = parse(
            r#"{"format":"warmcall.transcript.v1","language":"nl","speakers":[{"label":"PS02K","display_name":"Jill"}],
               "segments":[{"speaker":"PS02K","start":0.5,"end":2,"text":" Hallo. "},
                           {"speaker":"Bob","start":2.5,"end":3,"text":"Ja."}]}"#,
        )
        .unwrap();
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.segments[0].text, "Hallo.");
        assert_eq!(t.speakers[0].display_name.as_deref(), Some("Jill"));
        assert_eq!(t.language.as_deref(), Some("nl"));
        assert_eq!(t.timing, Timing::Full);
    }

    #[test]
    fn missing_speaker_is_an_error_naming_the_segment() {
        let e = parse(r#"{"segments":[{"start":0,"end":1,"text":"x"}]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("segments[0]"), "{e}");
    }

    #[test]
    fn untimed_segments_give_no_timing() {
        let t = parse(r#"{"segments":[{"speaker":"A","text":"x"},{"speaker":"B","text":"y"}]}"#).unwrap();
        assert_eq!(t.timing, Timing::None);
    }

    #[test]
    fn wrong_types_are_a_parse_error_naming_the_shape() {
        let e = parse(r#"{"segments":[{"speaker":"A","start":0,"end":1,"text":5}]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("canonical JSON"), "{e}");
    }
}
