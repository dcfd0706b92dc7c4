//! One short conversation (10 segments, 2 speakers, one overlapping
//! backchannel) written as canonical, WhisperX, Deepgram and AssemblyAI JSON
//! (testdata/same-json/). Each must parse to the same segments: speakers by
//! position, times within 1 ms, the same text. The WhisperX file holds the
//! last two turns as one ASR segment whose words change speaker, so it also
//! checks the split.

mod common;

use warmcall::{Format, Timing, Transcript};

fn load(name: &str) -> Transcript {
    let path = common::testdata().join("same-json").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    warmcall::parse_bytes(&bytes, Some(&path)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn four_shapes_one_conversation() {
    let reference = load("conversation.canonical.json");
    assert_eq!(reference.format, Format::CanonicalJson);
    assert_eq!(reference.segments.len(), 10);
    assert_eq!(reference.speakers.len(), 2);
    assert_eq!(reference.language.as_deref(), Some("en"));
    // The overlap is kept: Anna's "Right." starts before Bram has finished.
    assert!(reference.segments[4].start_s < reference.segments[3].end_s);
    let others = [
        (
            "conversation.whisperx.json",
            Format::WhisperxJson,
            ["SPEAKER_00", "SPEAKER_01"],
        ),
        (
            "conversation.deepgram.json",
            Format::DeepgramJson,
            ["Speaker 0", "Speaker 1"],
        ),
        (
            "conversation.assemblyai.json",
            Format::AssemblyaiJson,
            ["Speaker A", "Speaker B"],
        ),
    ];
    for (name, format, labels) in others {
        let t = load(name);
        assert_eq!(t.format, format, "{name}");
        assert_eq!(t.timing, Timing::Full, "{name}");
        let got: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(got, labels, "{name}");
        assert_eq!(t.segments.len(), reference.segments.len(), "{name}");
        for (i, (a, b)) in reference.segments.iter().zip(&t.segments).enumerate() {
            assert_eq!(a.speaker, b.speaker, "{name} segment {i} speaker");
            assert_eq!(a.text, b.text, "{name} segment {i} text");
            for (x, y) in [(a.start_s, b.start_s), (a.end_s, b.end_s)] {
                let (x, y) = (x.unwrap(), y.unwrap());
                assert!((x - y).abs() < 0.001, "{name} segment {i}: {x} vs {y}");
            }
        }
    }
}
