//! Hand-made transcripts in `testdata/metrics/*.fixture.json`, each with
//! every measured figure worked out by hand (see docs/metrics.md) under
//! `expected`. The report must match them exactly: every number to 1e-9,
//! every `null` as `null`. Keys left out of `expected` are not asserted.
//!
//! The fixtures are built in code from their segments (not through a
//! parser), so these tests measure the metrics alone.

mod common;

use serde_json::Value;
use warmcall::{Analyzer, Config, Format, PauseEvent, Segment, Timing, Transcript};

fn build(fx: &Value) -> Transcript {
    let segs = fx["segments"].as_array().expect("segments");
    let lang = fx["lang"].as_str().expect("lang");
    let text = |s: &Value| s["text"].as_str().expect("text").to_string();
    let speaker = |s: &Value| s["speaker"].as_str().expect("speaker").to_string();
    match fx["timing"].as_str().expect("timing") {
        "full" => {
            let mut b = Transcript::builder().language(lang);
            for s in segs {
                b = b.segment(
                    &speaker(s),
                    s["start"].as_f64().unwrap(),
                    s["end"].as_f64().unwrap(),
                    &text(s),
                );
            }
            let t = b.build();
            assert_eq!(t.timing, Timing::Full);
            t
        }
        "start_only" => {
            let mut t = Transcript::empty(Format::Txt);
            t.language = Some(lang.to_string());
            for s in segs {
                let sp = t.speaker_index(&speaker(s));
                t.segments
                    .push(Segment::new(sp, Some(s["start"].as_f64().unwrap()), None, text(s)));
            }
            t.infer_ends_from_starts();
            t
        }
        "none" => {
            let mut b = Transcript::builder().language(lang);
            for s in segs {
                b = b.untimed(&speaker(s), &text(s));
            }
            let mut t = b.build();
            assert_eq!(t.timing, Timing::None);
            for (seg, s) in t.segments.iter_mut().zip(segs) {
                seg.source_line = s["line"].as_u64().unwrap_or(0) as usize;
            }
            for p in fx["pauses"].as_array().into_iter().flatten() {
                t.pauses.push(PauseEvent {
                    after_segment: p["after_segment"].as_u64().map(|i| i as usize),
                    duration_s: p["duration_s"].as_f64().unwrap(),
                    source_line: p["source_line"].as_u64().unwrap() as usize,
                });
            }
            t
        }
        other => panic!("unknown timing {other}"),
    }
}

/// Every key of `want` must be in `got` with the same value (numbers to
/// 1e-9); arrays must have the same length.
fn compare(path: &str, want: &Value, got: &Value, misses: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => compare(&format!("{path}.{k}"), wv, gv, misses),
                    None => misses.push(format!("{path}.{k}: missing in report")),
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                misses.push(format!("{path}: {} items, want {}", g.len(), w.len()));
            }
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                compare(&format!("{path}[{i}]"), wv, gv, misses);
            }
        }
        (Value::Number(w), Value::Number(g)) => {
            let (w, g) = (w.as_f64().unwrap(), g.as_f64().unwrap());
            if (w - g).abs() > 1e-9 {
                misses.push(format!("{path}: {g}, want {w}"));
            }
        }
        _ if want == got => {}
        _ => misses.push(format!("{path}: {got}, want {want}")),
    }
}

fn run_fixture(name: &str) -> Vec<String> {
    let path = common::testdata().join("metrics").join(format!("{name}.fixture.json"));
    let fx: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("fixture JSON");
    let t = build(&fx);
    let cfg = Config::default()
        .agent(fx["agent"].as_str().unwrap())
        .language(fx["lang"].as_str().unwrap());
    let report = Analyzer::new(cfg).unwrap().analyze(&t);
    let got = serde_json::to_value(&report).unwrap();
    let mut misses = Vec::new();
    compare(name, &fx["expected"], &got, &mut misses);
    misses
}

macro_rules! fixture {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            let misses = run_fixture(stringify!($name));
            assert!(misses.is_empty(), "\n{}\n", misses.join("\n"));
        }
    )*};
}

fixture!(
    two_speakers_overlaps,
    three_speakers,
    start_only,
    untimed_pauses,
    interruption_bounds,
    no_text,
);

/// Every fixture file in testdata/metrics has a test above.
#[test]
fn every_fixture_file_is_tested() {
    let tested = [
        "two_speakers_overlaps",
        "three_speakers",
        "start_only",
        "untimed_pauses",
        "interruption_bounds",
        "no_text",
    ];
    for entry in std::fs::read_dir(common::testdata().join("metrics")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".fixture.json") {
            assert!(tested.contains(&stem), "{name} has no test");
        }
    }
}

/// Two runs of the same call serialise to the same bytes.
#[test]
fn report_is_identical_across_runs() {
    let path = common::testdata().join("metrics/two_speakers_overlaps.fixture.json");
    let fx: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let a = Analyzer::new(Config::default().agent("A")).unwrap();
    let one = serde_json::to_string(&a.analyze(&build(&fx))).unwrap();
    let two = serde_json::to_string(&a.analyze(&build(&fx))).unwrap();
    assert_eq!(one, two);
}

/// The backchannel list is data: a word added from the config stops breaking
/// the other side's monologue.
#[test]
fn backchannel_list_extends_from_config() {
    let t = Transcript::builder()
        .language("nl")
        .segment("A", 0.0, 10.0, "Ik vertel u even hoe het werkt bij ons.")
        .segment("C", 10.5, 11.0, "Tuurlijk.")
        .segment("A", 11.5, 20.0, "We komen langs en meten alles op.")
        .build();
    let monologue = |cfg: Config| {
        let r = Analyzer::new(cfg.agent("A").language("nl")).unwrap().analyze(&t);
        (r.turns.count, r.turns.longest_agent_monologue.unwrap().s)
    };
    assert_eq!(monologue(Config::default()), (3, Some(10.0)));
    let mut cfg = Config::default();
    let mut change = warmcall::config::LexiconChange::default();
    change.add.insert("backchannel.words".into(), vec!["tuurlijk".into()]);
    cfg.lexicon.insert("nl".into(), change);
    assert_eq!(monologue(cfg), (1, Some(20.0)));
}

/// Broken times (NaN, infinite, end before start, zero length), one
/// speaker, no segments: a report, never a panic or a hang, and no NaN in it.
#[test]
fn broken_times_do_not_panic() {
    let mut cases = vec![
        Transcript::builder().build(),
        Transcript::builder()
            .segment("A", 0.0, 5.0, "Only me talking here.")
            .build(),
        Transcript::builder()
            .segment("A", 5.0, 2.0, "End before start.")
            .segment("C", 3.0, 3.0, "Zero length.")
            .segment("A", 4.0, 9.0, "Fine one.")
            .build(),
    ];
    let mut t = Transcript::builder()
        .segment("A", 0.0, 1.0, "Hello there.")
        .segment("C", 2.0, 3.0, "Hi.")
        .build();
    t.segments[0].start_s = Some(f64::NAN);
    t.segments[1].end_s = Some(f64::INFINITY);
    t.segments
        .push(Segment::new(1, Some(f64::NAN), Some(f64::NAN), "What now?"));
    cases.push(t);
    let a = Analyzer::new(Config::default().agent("A").language("en")).unwrap();
    for t in &cases {
        let report = a.analyze(t);
        let debug = format!(
            "{:?}",
            (&report.talk, &report.turns, &report.silences, &report.patience)
        );
        let debug = format!("{debug} {:?} {:?}", report.interruptions, report.speakers);
        assert!(!debug.contains("NaN") && !debug.contains("inf"), "{debug}");
    }
}
