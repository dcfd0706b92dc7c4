//! warmcall's canonical JSON: `{"segments":[{"speaker","start","end","text"}]}`,
//! what `warmcall convert` writes, or the bare array of turns
//! `[{"speaker","start","end","text"}]` that home-made Whisper + pyannote
//! scripts write. The shape is documented in
//! docs/formats.md (`## JSON shapes`).

use std::borrow::Cow;

use serde::Deserialize;

use super::assemble::{check_times, norm_lang, settle_timing};
use super::caption::SpeakerCache;
use super::json_fields::{from_str, Label, Num};
use crate::{Error, Format, Segment, Transcript};

/// The optional `format` tag that marks a canonical document.
pub(crate) const FORMAT_TAG: &str = "warmcall.transcript.v1";

pub(crate) const EXPECTED: &str =
    "canonical JSON {\"segments\":[{\"speaker\": string, \"start\": seconds, \"end\": seconds, \
\"text\": string}]}";

#[derive(Deserialize)]
struct Doc<'a> {
    #[serde(default)]
    language: Label,
    #[serde(default)]
    speakers: Vec<SpeakerDecl>,
    #[serde(borrow)]
    segments: Vec<Seg<'a>>,
    /// The day of the call (`YYYY-MM-DD`, or a timestamp starting so).
    #[serde(default)]
    date: Label,
    /// When the recording or transcript was made, as vendors write it.
    #[serde(default)]
    created: Label,
}

#[derive(Deserialize)]
struct SpeakerDecl {
    #[serde(default)]
    label: Label,
    #[serde(default)]
    display_name: Label,
}

#[derive(Deserialize)]
struct Seg<'a> {
    #[serde(default)]
    speaker: Label,
    #[serde(default)]
    start: Num,
    #[serde(default)]
    end: Num,
    /// Borrowed from the document unless it holds escapes: the segment's
    /// own copy is made once, after trimming.
    #[serde(default, borrow)]
    text: Text<'a>,
}

/// `Option<String>` as serde reads it (`null` or absent is `None`, anything
/// but a string is the same error), but borrowing the string when the
/// document holds it without escapes: serde only borrows a `Cow` field
/// itself, not one inside an `Option`.
#[derive(Default)]
struct Text<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<CowStr<'a>>::deserialize(d).map(|o| Text(o.map(|c| c.0)))
    }
}

struct CowStr<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for CowStr<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(CowStrVisitor(std::marker::PhantomData))
    }
}

struct CowStrVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> serde::de::Visitor<'de> for CowStrVisitor<'a> {
    type Value = CowStr<'a>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // What `String` says, so errors read as before.
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<CowStr<'a>, E> {
        Ok(CowStr(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<CowStr<'a>, E> {
        Ok(CowStr(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<CowStr<'a>, E> {
        Ok(CowStr(Cow::Owned(v)))
    }
}

/// Parses the canonical JSON shape.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc: Doc<'_> = if text.trim_start().starts_with('[') {
        // A bare array of turns: the segments without the envelope.
        Doc {
            language: Label(None),
            date: Label(None),
            created: Label(None),
            speakers: Vec::new(),
            segments: from_str(text, Format::CanonicalJson, EXPECTED)?,
        }
    } else {
        from_str(text, Format::CanonicalJson, EXPECTED)?
    };
    let mut t = Transcript::empty(Format::CanonicalJson);
    t.language = doc.language.0.as_deref().and_then(norm_lang);
    let mut speakers = SpeakerCache::default();
    for (i, seg) in doc.segments.into_iter().enumerate() {
        let Some(label) = seg.speaker.0 else {
            return Err(Error::parse(
                Format::CanonicalJson,
                0,
                format!("a \"speaker\" string in segments[{i}]"),
                "a segment without a speaker",
            ));
        };
        let text = seg.text.0.as_deref().unwrap_or("").trim().to_string();
        let (start, end) = check_times(&mut t.warnings, 0, &format!("segments[{i}]"), seg.start.0, seg.end.0);
        let speaker = speakers.index(&mut t, &label);
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
    super::assemble::metadata_date(&mut t, "date", doc.date.0.as_deref());
    super::assemble::metadata_date(&mut t, "created", doc.created.0.as_deref());
    super::assemble::cap_warnings(&mut t.warnings);
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
    fn escaped_and_plain_text_read_alike() {
        let t = parse(
            r#"{"segments":[{"speaker":"A","start":0,"end":1,"text":"  plain é  "},
                           {"speaker":"B","start":1,"end":2,"text":" esc\u00e9\n\"q\" "},
                           {"speaker":"A","start":2,"end":3,"text":null},
                           {"speaker":"A","start":3,"end":4}]}"#,
        )
        .unwrap();
        let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["plain é", "escé\n\"q\"", "", ""]);
        assert_eq!(t.segments.iter().map(|s| s.speaker).collect::<Vec<_>>(), [0, 1, 0, 0]);
        let plain: Seg<'_> = serde_json::from_str(r#"{"speaker":"A","text":" x "}"#).unwrap();
        assert!(matches!(plain.text.0, Some(Cow::Borrowed(" x "))));
        let escaped: Seg<'_> = serde_json::from_str(r#"{"speaker":"A","text":"\u0078"}"#).unwrap();
        assert!(matches!(escaped.text.0, Some(Cow::Owned(ref s)) if s == "x"));
    }

    #[test]
    fn missing_speaker_is_an_error_naming_the_segment() {
        let e = parse(r#"{"segments":[{"start":0,"end":1,"text":"x"}]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("segments[0]"), "{e}");
    }

    #[test]
    fn a_bare_array_is_the_segments() {
        let t = parse(r#"[{"speaker":"SPEAKER_00","start":0.5,"end":2,"text":"Hallo."},{"speaker":1,"start":2.5,"end":3,"text":"Ja."}]"#)
            .unwrap();
        let got: Vec<(&str, &str)> = t.segments.iter().map(|s| (t.label(s), s.text.as_str())).collect();
        assert_eq!(got, [("SPEAKER_00", "Hallo."), ("1", "Ja.")]);
        assert_eq!(t.timing, Timing::Full);
        let e = parse(r#"[{"start":0,"end":1,"text":"x"}]"#).unwrap_err().to_string();
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
        // The same words serde gives an `Option<String>`.
        let want = serde_json::from_str::<Option<String>>("5").unwrap_err().to_string();
        let want = want.split(" at line").next().unwrap();
        assert!(e.contains(want), "{e} / {want}");
    }
}
