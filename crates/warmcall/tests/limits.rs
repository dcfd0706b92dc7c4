//! Pathological inputs (SPEC §10) finish with a transcript or a clear error,
//! never a panic, a stack overflow or a number that is not a number. Sizes
//! are kept small enough for a debug build to pass in seconds; the full
//! sizes (100 MB line, a million cues) are measured by hand on a release
//! build with `examples/pathological.rs` and recorded in docs/robustness.md.
//! The quadratic cases (unclosed tags, thousands of speakers, one start time
//! for every line) are sized so that the old quadratic code took minutes:
//! this test hanging is the failure.

#[path = "common/finite.rs"]
mod finite;
#[path = "common/pathological.rs"]
mod pathological;

use pathological::generate;
use warmcall::{Analyzer, Config, Error, Timing, Transcript};

/// Debug builds get a fifth of the size a release build gets.
fn scaled(n: usize) -> usize {
    if cfg!(debug_assertions) {
        n / 5
    } else {
        n
    }
}

fn parse(case: &str, n: usize) -> Result<Transcript, Error> {
    let (bytes, path) = generate(case, n).expect("known case");
    warmcall::parse_bytes(&bytes, Some(std::path::Path::new(path)))
}

/// Analyses and checks what every report must satisfy.
fn analyze_ok(t: &Transcript) -> warmcall::Report {
    let analyzer = Analyzer::new(Config::default()).unwrap();
    let r = analyzer.analyze(t);
    serde_json::to_string(&r).expect("serialises");
    // NaN serialises as `null`: the numbers are checked on the report itself.
    assert_eq!(finite::non_finite(&r), Vec::<String>::new());
    for s in [r.talk.agent_share_of_speech, r.talk.agent_share_of_call]
        .into_iter()
        .flatten()
    {
        assert!((0.0..=1.0).contains(&s), "share {s}");
    }
    r
}

#[test]
fn one_long_line_is_one_segment() {
    // 1 MB in a debug build (the analysis of unoptimised code is slow), 20 MB
    // in a release one.
    let n = if cfg!(debug_assertions) { 1_000_000 } else { 20_000_000 };
    for case in ["vtt-long-line", "srt-long-line", "txt-long-line"] {
        let t = parse(case, n).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(t.segments.len(), 1, "{case}");
        assert_eq!(t.speakers[0].label, "Ann", "{case}");
        assert!(t.segments[0].text.len() > n - 100, "{case}");
        let r = analyze_ok(&t);
        assert!(r.talk.agent_words + r.talk.customer_words > n / 8, "{case}");
    }
}

#[test]
fn a_long_line_of_nothing_is_an_unknown_format() {
    let e = parse("raw-long-line", scaled(20_000_000)).unwrap_err();
    assert!(matches!(e, Error::UnknownFormat { .. }), "{e}");
}

#[test]
fn unclosed_markup_stays_linear() {
    // 1 MB of `<b` without a `>`: the old scan searched the rest of the cue
    // at every `<`, about 10^11 byte comparisons here.
    let t = parse("vtt-open-tags", 1_000_000).unwrap();
    assert_eq!(t.segments.len(), 1);
    assert!(
        t.segments[0].text.starts_with("hi <b<b"),
        "{}",
        &t.segments[0].text[..20]
    );
    let t = parse("srt-open-overrides", 1_000_000).unwrap();
    assert!(
        t.segments[0].text.starts_with("hi {\\{\\"),
        "{}",
        &t.segments[0].text[..20]
    );
}

#[test]
fn deeply_nested_tags_are_stripped() {
    let t = parse("vtt-nested-tags", 100_000).unwrap();
    assert_eq!(t.segments[0].text, "deep");
    assert_eq!(t.speakers[0].label, "Ann");
}

#[test]
fn many_tiny_cues() {
    let n = scaled(1_000_000) / 4;
    for case in ["vtt-cues", "srt-cues"] {
        let t = parse(case, n).unwrap();
        assert_eq!(t.segments.len(), n, "{case}");
        assert_eq!(t.speakers.len(), 2, "{case}");
        let r = analyze_ok(&t);
        assert_eq!(r.talk.agent_words + r.talk.customer_words, n, "{case}");
    }
}

#[test]
fn thousands_of_speakers() {
    // The old speaker lookup scanned every known speaker per segment.
    let n = 50_000;
    let t = parse("vtt-speakers", n).unwrap();
    assert_eq!(t.speakers.len(), n);
    assert_eq!(t.speakers[n - 1].label, format!("S{}", n - 1));
    analyze_ok(&t);
}

#[test]
fn one_start_time_for_every_line() {
    // Ends of start-only lines come from the next later start; the old
    // forward search from every line was quadratic when none is later.
    let n = 50_000;
    let t = parse("txt-same-start", n).unwrap();
    assert_eq!(t.segments.len(), n);
    assert_eq!(t.timing, Timing::StartOnly);
    assert!(t.segments.iter().all(|s| s.end_s.is_some_and(f64::is_finite)));
    analyze_ok(&t);
}

#[test]
fn json_nested_ten_thousand_deep_is_an_error() {
    // Detection skips values nested beyond what any shape reads, without
    // recursion: the error says what the document is, not how deep it went.
    let e = parse("json-nested", 10_000).unwrap_err();
    assert!(e.to_string().contains("segments is not an array of objects"), "{e}");
    for body in ["{\"a\":".repeat(10_000), "[".repeat(100_000)] {
        let e = warmcall::parse_bytes(body.as_bytes(), Some(std::path::Path::new("x.json"))).unwrap_err();
        assert!(e.to_string().contains("JSON"), "{e}");
    }
}

#[test]
fn every_format_forced_on_deep_nesting_returns() {
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    for f in warmcall::Format::ALL {
        let _ = warmcall::parse_bytes_with(deep.as_bytes(), None, &warmcall::ParseOptions::with_format(f));
    }
}

#[test]
fn absurd_times_are_finite_and_flagged() {
    // Captions keep large times (HLS streams use program times of a
    // thousand hours) but a day-long gap is flagged; JSON drops times over
    // 100 hours from their segment. Either way: finite, with a warning.
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "x.vtt",
            b"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello there.\n\n99999:00:00.000 --> 99999:00:02.000\n<v Bob>Hi.\n",
            "more than a day",
        ),
        (
            "x.vtt",
            b"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello there.\n\n\
              99999999999999999999999:00:00.000 --> 99999999999999999999999:00:02.000\n<v Bob>Hi.\n",
            "more than a day",
        ),
        (
            "x.srt",
            b"1\n00:00:00,000 --> 00:00:02,000\nAnn: Hello there.\n\n2\n999999999:00:00,000 --> 999999999:00:01,000\nBob: Hi.\n",
            "more than a day",
        ),
        (
            "x.json",
            br#"{"segments":[{"speaker":"Ann","start":0,"end":2,"text":"Hello there."},{"speaker":"Bob","start":1e300,"end":1e308,"text":"Hi."}]}"#,
            "absurd time",
        ),
    ];
    for (name, bytes, warning) in cases {
        let t = warmcall::parse_bytes(bytes, Some(std::path::Path::new(name))).unwrap();
        assert_eq!(t.segments.len(), 2, "{name}");
        assert!(
            t.warnings.iter().any(|w| w.message.contains(warning)),
            "{name}: {:?}",
            t.warnings
        );
        for s in &t.segments {
            for v in [s.start_s, s.end_s].into_iter().flatten() {
                assert!(v.is_finite() && v >= 0.0, "{name}: {v}");
            }
        }
        let r = analyze_ok(&t);
        assert!(r.span_s.is_none_or(f64::is_finite), "{name}: {:?}", r.span_s);
    }
}

#[test]
fn many_broken_cues_give_few_warnings() {
    // A report with a hundred thousand warnings is as useless as none: the
    // first ones are kept, the rest counted.
    let n = scaled(100_000);
    for ext in ["vtt", "srt"] {
        let mut s = String::from(if ext == "vtt" { "WEBVTT\n\n" } else { "" });
        for i in 0..n {
            let t = format!("{:02}:{:02}:{:02}", i / 3600, i / 60 % 60, i % 60);
            s.push_str(&format!(
                "{t}.500 --> 00:00:00.000\nAnn: ja\n\n{t}.600 --> 00:00:0x.000\nlost\n\n"
            ));
        }
        let t = warmcall::parse_bytes(s.as_bytes(), Some(std::path::Path::new(&format!("x.{ext}")))).unwrap();
        assert_eq!(t.segments.len(), n, "{ext}");
        assert!(t.warnings.len() <= 100, "{ext}: {} warnings", t.warnings.len());
        assert!(
            t.warnings.iter().any(|w| w.message.contains("more")),
            "{ext}: {:?}",
            t.warnings.last()
        );
    }
}
