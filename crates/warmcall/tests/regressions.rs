//! Every input a fuzz target ever failed on, replayed the way the target
//! runs it. `testdata/regressions/<target>/<what-broke>.bin` holds the
//! fuzzer's bytes as found: the first byte picks the extension
//! (`parse_any`) or the format (`parse_format`, `analyze`), the rest is the
//! input. Adding a case is copying the artifact there under a name that
//! says what broke.

mod common;
#[path = "common/finite.rs"]
mod finite;

use std::path::Path;

use warmcall::{Analyzer, Config, Format, ParseOptions};

/// The extensions `fuzz/fuzz_targets/parse_any.rs` picks from.
const EXTS: [&str; 9] = [
    "x.vtt", "x.srt", "x.txt", "x.csv", "x.json", "x.cha", "x.rttm", "x.tsv", "x",
];

fn split(data: &[u8], n: usize) -> (usize, &[u8]) {
    match data.split_first() {
        Some((b, rest)) => (*b as usize % n, rest),
        None => (0, data),
    }
}

/// What the `analyze` target checks, as a list of problems.
fn report_problems(analyzer: &Analyzer, data: &[u8]) -> Vec<String> {
    let (pick, body) = split(data, Format::ALL.len());
    let Ok(t) = warmcall::parse_bytes_with(body, None, &ParseOptions::with_format(Format::ALL[pick])) else {
        return Vec::new();
    };
    let r = analyzer.analyze(&t);
    let mut problems = finite::non_finite(&r);
    serde_json::to_string(&r).expect("reports serialise");
    for s in [r.talk.agent_share_of_speech, r.talk.agent_share_of_call]
        .into_iter()
        .flatten()
    {
        if !(0.0..=1.0).contains(&s) {
            problems.push(format!("share {s}"));
        }
    }
    problems
}

fn cases(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = common::testdata().join("regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn parse_any_regressions() {
    for (_name, data) in cases("parse_any") {
        let (pick, body) = split(&data, EXTS.len());
        let _ = warmcall::parse_bytes(body, Some(Path::new(EXTS[pick])));
    }
}

#[test]
fn parse_format_regressions() {
    for (_name, data) in cases("parse_format") {
        let (pick, body) = split(&data, Format::ALL.len());
        let _ = warmcall::parse_bytes_with(body, None, &ParseOptions::with_format(Format::ALL[pick]));
    }
}

#[test]
fn analyze_regressions() {
    let analyzer = Analyzer::new(Config::default()).unwrap();
    let all = cases("analyze");
    assert!(
        !all.is_empty(),
        "testdata/regressions/analyze holds the analyze target's finds"
    );
    let mut failures = Vec::new();
    for (name, data) in &all {
        for p in report_problems(&analyzer, data) {
            failures.push(format!("{name}: {p}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_finder_sees_what_json_hides() {
    #[derive(serde::Serialize)]
    struct S {
        a: Option<f64>,
        b: Vec<f64>,
        c: f64,
    }
    let s = S {
        a: Some(f64::NAN),
        b: vec![1.0, f64::INFINITY],
        c: 2.0,
    };
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        r#"{"a":null,"b":[1.0,null],"c":2.0}"#
    );
    assert_eq!(finite::non_finite(&s), ["a = NaN", "b.[] = inf"]);
}
