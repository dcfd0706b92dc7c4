//! Property tests: invariants that must hold for any transcript and any
//! bytes (SPEC §10). Shares stay in 0..1, silence + speech never exceeds the
//! span, reports are identical across runs, nothing panics.

use std::sync::OnceLock;

use proptest::prelude::*;
use warmcall::{Analyzer, Config, Transcript};

/// One analyzer per configuration for the whole run: compiling the lexicons
/// per case would measure regex compilation, not the properties.
fn with_agent() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Config::default().agent("Agent Anna")).unwrap())
}

fn default_analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Config::default()).unwrap())
}

const WORDS: &[&str] = &[
    "ja",
    "nee",
    "hm",
    "yeah",
    "right",
    "okay",
    "how",
    "what",
    "waarom",
    "planning",
    "afspraak",
    "demo",
    "tuesday",
    "dinsdag",
    "morgen",
    "tomorrow",
    "we",
    "u",
    "you",
    "langskomen",
    "come",
    "by",
    "sign",
    "information",
    "informatie",
    "interessant",
    "sounds",
    "good",
    "not",
    "interested",
    "geen",
    "interesse",
    "?",
    ".",
    ",",
    "!",
    "(.)",
    "(1.5)",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..14).prop_map(|w| w.join(" "))
}

/// (speaker, start, duration, text) with arbitrary overlaps and gaps.
fn segments() -> impl Strategy<Value = Vec<(usize, f64, f64, String)>> {
    prop::collection::vec((0usize..3, 0.0f64..600.0, 0.0f64..40.0, sentence()), 1..40)
}

fn build(segs: &[(usize, f64, f64, String)], timed: bool) -> Transcript {
    let names = ["Agent Anna", "Klant Kees", "Third"];
    let mut b = Transcript::builder();
    for (sp, start, dur, text) in segs {
        b = if timed {
            b.segment(names[*sp], *start, start + dur, text)
        } else {
            b.untimed(names[*sp], text)
        };
    }
    b.build()
}

fn in_unit(x: Option<f64>) -> bool {
    x.is_none_or(|v| (0.0..=1.0 + 1e-9).contains(&v))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn shares_and_spans_hold(segs in segments(), timed in any::<bool>()) {
        let t = build(&segs, timed);
        let r = with_agent().analyze(&t);
        prop_assert!(in_unit(r.talk.agent_share_of_speech));
        prop_assert!(in_unit(r.talk.agent_share_of_call));
        if let Some(p) = &r.pushes {
            for item in &p.items {
                prop_assert!(in_unit(item.readiness.customer_share_so_far));
                prop_assert!(in_unit(item.readiness.elapsed_share));
            }
        }
        if let (Some(span), Some(sil)) = (r.span_s, &r.silences) {
            let speech = r.talk.agent_s.unwrap_or(0.0) + r.talk.customer_s.unwrap_or(0.0) - r.interruptions.as_ref().map_or(0.0, |i| i.overlap_s);
            prop_assert!(sil.total_s >= -1e-9);
            // Five figures (silence, agent, customer, overlap, span) are each
            // rounded to the millisecond: allow five half-milliseconds.
            prop_assert!(sil.total_s + speech <= span + 0.0025 + 1e-9, "silence {} + speech {} > span {}", sil.total_s, speech, span);
            prop_assert!(in_unit(sil.share_of_span));
        }
        if let Some(w) = r.score.warmth {
            prop_assert!((0.0..=100.0).contains(&w));
        }
        let json = serde_json::to_string(&r).unwrap();
        prop_assert!(!json.contains("NaN"));
    }

    #[test]
    fn reports_are_deterministic(segs in segments()) {
        let t = build(&segs, true);
        let one = serde_json::to_string(&default_analyzer().analyze(&t)).unwrap();
        let three = serde_json::to_string(&default_analyzer().analyze(&t)).unwrap();
        prop_assert_ne!(&one, "");
        prop_assert_eq!(one, three);
    }

    #[test]
    fn any_bytes_give_ok_or_err(bytes in prop::collection::vec(any::<u8>(), 0..2048), ext in prop::sample::select(vec!["a.vtt", "a.srt", "a.txt", "a.csv", "a.json", "a.cha", "a.rttm", "a"])) {
        let _ = warmcall::parse_bytes(&bytes, Some(std::path::Path::new(ext)));
    }

    #[test]
    fn mutated_real_files_never_panic(pick in 0usize..10, cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12)) {
        let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/samples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e != "md"))
            .collect();
        files.sort();
        let path = &files[pick % files.len()];
        let mut bytes = std::fs::read(path).unwrap();
        for (at, b) in cuts {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if let Ok(t) = warmcall::parse_bytes(&bytes, Some(path)) {
            let _ = default_analyzer().analyze(&t);
        }
    }
}

/// Keys of every JSON shape warmcall reads, and some that look like them,
/// so that generated documents reach every detector and every parser.
const JSON_KEYS: &[&str] = &[
    "segments",
    "results",
    "utterances",
    "words",
    "monologues",
    "elements",
    "recognizedPhrases",
    "nBest",
    "alternatives",
    "transcription",
    "offsets",
    "timestamps",
    "speaker_labels",
    "items",
    "channels",
    "format",
    "speaker",
    "start",
    "end",
    "text",
    "transcript",
    "content",
    "value",
    "type",
    "ts",
    "end_ts",
    "start_time",
    "end_time",
    "startTime",
    "offsetInTicks",
    "display",
    "from",
    "to",
    "speakerTag",
    "participant",
    "start_ms",
    "language",
    "channel",
];

/// Any JSON value, with keys drawn mostly from [`JSON_KEYS`].
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "[a-z ?.]{0,12}".prop_map(Value::String),
        "[0-9]{1,3}\\.[0-9]{0,3}s?".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        let key = prop_oneof![4 => prop::sample::select(JSON_KEYS).prop_map(str::to_string), 1 => "[a-z_]{1,8}"];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    /// A valid JSON document is never "not valid JSON", whatever its shape
    /// and whichever JSON shape is forced on it: it is read, or it is an
    /// error that says which shape did not fit.
    #[test]
    fn valid_json_is_never_called_invalid(v in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let mut tries = vec![warmcall::parse_bytes(text.as_bytes(), Some(std::path::Path::new("a.json")))];
        for f in warmcall::Format::ALL.into_iter().filter(|f| f.is_json()) {
            tries.push(warmcall::parse_bytes_with(text.as_bytes(), None, &warmcall::ParseOptions::with_format(f)));
        }
        for r in tries {
            match r {
                Ok(t) => { let _ = default_analyzer().analyze(&t); }
                Err(e) => prop_assert!(!e.to_string().contains("not valid JSON"), "{text}\n{e}"),
            }
        }
    }
}
