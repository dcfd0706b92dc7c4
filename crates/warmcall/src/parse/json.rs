//! JSON: shape detection and dispatch to one module per shape. The helpers
//! the shapes share live beside it, so no shape imports this dispatcher:
//! lenient fields in `json_fields`, transcript assembly in `assemble`.
//!
//! Detection reads the document once into a small probe (only the keys that
//! tell the shapes apart; every other value is skipped without being built)
//! and the chosen shape then deserialises into its own typed structs.
//! serde_json's recursion limit (128 levels) turns absurdly deep nesting into
//! an error instead of a stack overflow.

use super::json_fields::syntax_error;
use super::json_outline::Outline;
use crate::{Error, Format, Transcript, Warning};

const SHAPES_EXPECTED: &str = "canonical {\"segments\":[{\"speaker\",\"start\",\"end\",\"text\"}]} or a bare array \
of such turns, Whisper/WhisperX {\"segments\":[{\"start\",\"end\",\"text\"}]}, AWS Transcribe {\"results\":{\"items\":[…]}}, \
Deepgram {\"results\":{\"channels\"|\"utterances\":[…]}}, AssemblyAI {\"utterances\":[{\"speaker\",\"start\",\"end\",\"text\"}]}, \
Rev.ai {\"monologues\":[{\"speaker\",\"elements\":[…]}]}, Speechmatics {\"results\":[{\"start_time\",\"end_time\",\
\"alternatives\":[{\"content\",\"speaker\"}]}]}, Google {\"results\":[{\"alternatives\":[{\"transcript\",\"words\"}]}]}, \
Azure {\"recognizedPhrases\":[{\"offsetInTicks\",\"nBest\":[…]}]} or IBM Watson {\"results\":[{\"alternatives\":\
[{\"timestamps\"}]}],\"speaker_labels\":[…]}";

const TRIED: &str = "canonical-json, whisper-json, whisperx-json, aws-json, deepgram-json, assemblyai-json, rev-json, \
speechmatics-json, google-json, azure-json, watson-json";

/// Detects which JSON shape a document has by its keys.
#[cfg(test)]
pub(crate) fn detect_shape(text: &str) -> Result<Format, Error> {
    detect(text).map(|(f, _)| f)
}

/// Detects the shape and lists, as warnings, the keys of its records that
/// look like speakers or times but that the shape does not read.
///
/// A syntax error in a document whose part before the error already fits
/// a shape (a truncated file) is a parse error of that shape at the
/// error's line; otherwise it is "not valid JSON".
pub(crate) fn detect(text: &str) -> Result<(Format, Vec<Warning>), Error> {
    let mut o = Outline::default();
    let read = Outline::read(text, &mut o);
    let shape = super::json_shape::classify(&o);
    match (read, shape) {
        (Ok(()), Ok(f)) => Ok((f, super::json_shape::ignored_keys(&o, f))),
        (Ok(()), Err(why)) => Err(no_shape(&o, &why)),
        (Err(e), Ok(f)) => {
            // The line is the error's own; serde's message repeats it.
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg);
            Err(Error::parse(
                f,
                e.line(),
                super::json_shape::expected(f),
                &format!("not valid JSON ({msg}, column {})", e.column()),
            ))
        }
        (Err(e), Err(_)) => Err(syntax_error(&e)),
    }
}

/// Parses a JSON transcript; `shape` forces a shape. Detected shapes carry
/// the warnings of [`detect`].
pub(crate) fn parse(text: &str, shape: Option<Format>) -> Result<Transcript, Error> {
    let (shape, notes) = match shape {
        Some(s) => (s, Vec::new()),
        None => detect(text)?,
    };
    let mut t = parse_shape(text, shape)?;
    if !notes.is_empty() {
        let mut all = notes;
        all.append(&mut t.warnings);
        t.warnings = all;
    }
    Ok(t)
}

fn parse_shape(text: &str, shape: Format) -> Result<Transcript, Error> {
    match shape {
        Format::CanonicalJson => super::canonical::parse(text),
        Format::WhisperJson | Format::WhisperxJson => super::whisper::parse(text, shape),
        Format::AwsJson => super::aws::parse(text),
        Format::DeepgramJson => super::deepgram::parse(text),
        Format::AssemblyaiJson => super::assemblyai::parse(text),
        Format::RevJson => super::rev::parse(text),
        Format::SpeechmaticsJson => super::speechmatics::parse(text),
        Format::GoogleJson => super::google::parse(text),
        Format::AzureJson => super::azure::parse(text),
        Format::WatsonJson => super::watson::parse(text),
        f => Err(Error::Unsupported {
            path: None,
            name: f.name().into(),
            reason: "not a JSON shape".into(),
        }),
    }
}

/// The error for JSON that fits no shape: what was found, why the nearest
/// shape did not fit, and the shapes expected.
fn no_shape(o: &Outline, why: &str) -> Error {
    use super::json_outline::Kind;
    let found = if o.count(Kind::Object) > 0 {
        // Sorted, as serde_json's map lists them (messages and docs quote
        // this list).
        let mut keys: Vec<&str> = o.key_names().map(|(k, _)| k).collect();
        keys.sort_unstable();
        keys.truncate(12);
        format!("an object with keys [{}]", keys.join(", "))
    } else if o.count(Kind::Array) > 0 {
        "an array at the top level".into()
    } else {
        let kind = [
            (Kind::Null, "null"),
            (Kind::Bool, "boolean"),
            (Kind::Number, "number"),
            (Kind::String, "string"),
        ]
        .into_iter()
        .find(|(k, _)| o.count(*k) > 0)
        .map_or("value", |(_, n)| n);
        format!("a bare {kind}")
    };
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(" ({why})")
    };
    Error::UnknownFormat {
        path: None,
        tried: TRIED.into(),
        hint: format!("found {found}{why}; expected {SHAPES_EXPECTED}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_told_apart_by_keys() {
        let cases = [
            (
                r#"{"segments":[{"speaker":"A","start":0,"end":1,"text":"hi"}]}"#,
                Format::CanonicalJson,
            ),
            (r#"{"segments":[{"start":0,"end":1,"text":"hi"}]}"#, Format::WhisperJson),
            (
                r#"{"segments":[{"start":0,"end":1,"text":"hi","words":[{"word":"hi","speaker":"SPEAKER_00"}]}]}"#,
                Format::WhisperxJson,
            ),
            (
                r#"{"segments":[{"start":0,"end":1,"text":"hi","speaker":"SPEAKER_00"}],"word_segments":[]}"#,
                Format::WhisperxJson,
            ),
            (r#"{"results":{"items":[],"transcripts":[]}}"#, Format::AwsJson),
            (r#"{"results":{"channels":[]}}"#, Format::DeepgramJson),
            (r#"{"utterances":null,"words":[]}"#, Format::AssemblyaiJson),
            (
                r#"{"format":"warmcall.transcript.v1","segments":[]}"#,
                Format::CanonicalJson,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect_shape(text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn json_that_fits_no_shape_names_the_expected_shapes() {
        for text in ["[1,2]", "null", r#"{"cues":[]}"#, r#"{"segments":{"a":1}}"#] {
            let e = detect_shape(text).unwrap_err().to_string();
            assert!(e.contains("expected canonical"), "{e}");
            assert!(e.contains("AssemblyAI"), "{e}");
        }
        let e = detect_shape(r#"{"cues":[],"regions":[]}"#).unwrap_err().to_string();
        assert!(e.contains("keys [cues, regions]"), "{e}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(detect_shape(&deep).is_err());
        let deep_in_shape = format!(
            r#"{{"segments":[{{"speaker":"A","start":0,"end":1,"text":"x","extra":{}{}}}]}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        // Skipped values are walked without recursion: no overflow, and the
        // rest of the document still parses.
        assert_eq!(detect_shape(&deep_in_shape).unwrap(), Format::CanonicalJson);
        assert_eq!(parse(&deep_in_shape, None).unwrap().segments.len(), 1);
        // Values that are built hit the recursion limit.
        let deep_built = format!(r#"{{"segments":{}{}}}"#, "[".repeat(10_000), "]".repeat(10_000));
        assert!(detect_shape(&deep_built).is_err());
        assert!(parse(&deep_built, Some(Format::CanonicalJson)).is_err());
        let forced = crate::ParseOptions::with_format(Format::AwsJson);
        assert!(crate::parse_bytes_with(deep.as_bytes(), None, &forced).is_err());
    }

    #[test]
    fn valid_json_forced_into_another_shape_is_a_shape_error() {
        // serde reads a struct from an array by position; an array longer
        // than the struct used to be "trailing characters", i.e. invalid.
        let r = [r#"{"alternatives":[{"content":"a"}],"start_time":1,"end_time":2,"type":"word"}"#; 7].join(",");
        let text = format!(r#"{{"results":[{r}]}}"#);
        assert_eq!(detect_shape(&text).unwrap(), Format::SpeechmaticsJson);
        for f in [
            Format::AwsJson,
            Format::DeepgramJson,
            Format::CanonicalJson,
            Format::AzureJson,
        ] {
            let e = parse(&text, Some(f)).unwrap_err().to_string();
            assert!(!e.contains("not valid JSON"), "{f}: {e}");
            assert!(e.contains("expected"), "{f}: {e}");
        }
    }

    #[test]
    fn truncated_json_of_a_shape_names_the_shape_and_line() {
        let e = detect("{\n\"monologues\": [\n{\"speaker\": 1, \"elements\": [{\"type\": \"text\", \"value\": \"Hi\"}, {\"type\": \"te")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 3: expected Rev.ai JSON"), "{e}");
        assert!(e.contains("not valid JSON (EOF while parsing a string, column"), "{e}");
    }

    #[test]
    fn broken_json_is_a_clear_error() {
        let e = detect_shape(r#"{"segments": [ {"start": 1"#).unwrap_err().to_string();
        assert!(e.contains("not valid JSON"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\{\"(segments|results|utterances|words)\": ?(\\[|\\{|null|1)[ -~]{0,80}") {
            for f in [None, Some(Format::CanonicalJson), Some(Format::WhisperxJson), Some(Format::AwsJson),
                      Some(Format::DeepgramJson), Some(Format::AssemblyaiJson)] {
                let _ = parse(&s, f);
            }
        }
    }

    #[test]
    fn utf16_json_with_bom_parses() {
        let text = r#"{"segments":[{"speaker":"Zoë","start":0,"end":1,"text":"Café?"}]}"#;
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let t = crate::parse_bytes(&bytes, None).unwrap();
        assert_eq!(t.speakers[0].label, "Zoë");
        assert_eq!(t.segments[0].text, "Café?");
    }
}

#[cfg(test)]
mod date_tests {
    use crate::date::DateSource;

    fn parse(text: &str) -> crate::Transcript {
        crate::parse_str(text, None).unwrap()
    }

    #[test]
    fn canonical_date_and_deepgram_created() {
        let seg = r#""segments":[{"speaker":"A","start":0,"end":1,"text":"Hello there."}]"#;
        let t = parse(&format!(r#"{{"date":"2026-03-14",{seg}}}"#));
        let c = t.call_date.unwrap();
        assert_eq!(
            (c.date.to_string().as_str(), c.source),
            ("2026-03-14", DateSource::Metadata)
        );
        let t = parse(&format!(r#"{{"created":"2026-03-13T23:10:00+01:00",{seg}}}"#));
        assert_eq!(t.call_date.unwrap().date.to_string(), "2026-03-13");
        let dg = r#"{"metadata":{"created":"2023-11-02T12:59:59.945Z"},"results":{"utterances":[
            {"speaker":0,"start":0.1,"end":1.0,"transcript":"Hello there."}]}}"#;
        let t = parse(dg);
        assert_eq!(t.format, crate::Format::DeepgramJson);
        assert_eq!(t.call_date.unwrap().date.to_string(), "2023-11-02");
    }

    #[test]
    fn a_field_that_is_not_a_date_is_a_warning_not_a_date() {
        let t = parse(r#"{"date":"year_2023","segments":[{"speaker":"A","start":0,"end":1,"text":"Hi."}]}"#);
        assert!(t.call_date.is_none());
        assert!(
            t.warnings
                .iter()
                .any(|w| w.message.contains("\"year_2023\" is not a date")),
            "{:?}",
            t.warnings
        );
        let t = parse(r#"{"segments":[{"speaker":"A","start":0,"end":1,"text":"Hi, 2026-03-14."}]}"#);
        assert!(t.call_date.is_none(), "text is not metadata");
    }
}
