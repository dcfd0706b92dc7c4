//! The warmth score on the labelled eval calls (../shared/eval/calls): every
//! warm call (no premature push in its sidecar, outcome advance: nl01,
//! en01) must score above every call with a premature push. Prints every
//! score with its components.
//!
//! Needs every parser and metric stage: it measures the whole pipeline.
#![allow(clippy::print_stdout)] // tests print their figures

mod common;

use std::path::PathBuf;

use serde_json::Value;
use warmcall::{Analyzer, Config};

struct Scored {
    name: String,
    warm: bool,
    premature: usize,
    warmth: Option<f64>,
}

fn calls() -> Vec<(PathBuf, Value)> {
    let dir = common::shared_dir().join("eval/calls");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") {
            continue;
        }
        let stem = name.split('.').next().unwrap().to_string();
        let sidecar = dir.join(format!("{stem}.expected.json"));
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
        out.push((path, expected));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 10, "the eval set has 10 calls");
    out
}

fn fmt(c: &Option<warmcall::report::Component>) -> String {
    match c {
        Some(c) => format!("{:.2}", c.value),
        None => "  - ".into(),
    }
}

#[test]
fn warm_calls_outscore_every_call_with_a_premature_push() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let mut scored = Vec::new();
    println!("call                                   warmth  listen curios patien monolo restra  premature outcome");
    for (path, expected) in calls() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let transcript = warmcall::parse_bytes(&bytes, Some(&path)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let agent = expected["agent"].as_str().unwrap();
        let analyzer = Analyzer::new(Config::default().agent(agent)).unwrap();
        let report = analyzer.analyze_with_path(&transcript, Some(&name));
        let premature = expected["pushes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["premature"] == true)
            .count();
        let warm = premature == 0 && expected["outcome"] == "advance";
        let c = &report.score.components;
        println!(
            "{name:<38} {:>6}  {}   {}   {}   {}   {}   {premature:>3}       {}",
            report.score.warmth.map_or("-".into(), |w| format!("{w:.1}")),
            fmt(&c.listening),
            fmt(&c.curiosity),
            fmt(&c.patience),
            fmt(&c.monologue),
            fmt(&c.restraint),
            expected["outcome"].as_str().unwrap_or("?"),
        );
        scored.push(Scored {
            name,
            warm,
            premature,
            warmth: report.score.warmth,
        });
    }
    for s in &scored {
        assert!(s.warmth.is_some(), "{}: no warmth score", s.name);
    }
    let warm: Vec<&Scored> = scored.iter().filter(|s| s.warm).collect();
    let pushy: Vec<&Scored> = scored.iter().filter(|s| s.premature > 0).collect();
    let names: Vec<&str> = warm.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 2, "warm calls by their sidecars: {names:?}");
    assert!(
        names.iter().all(|n| n.starts_with("nl01") || n.starts_with("en01")),
        "{names:?}"
    );
    assert!(pushy.len() >= 6, "calls with a premature push: {}", pushy.len());
    let min_warm = warm.iter().map(|s| s.warmth.unwrap()).fold(f64::INFINITY, f64::min);
    let (max_name, max_pushy) = pushy
        .iter()
        .map(|s| (s.name.as_str(), s.warmth.unwrap()))
        .fold(("", f64::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
    println!("lowest warm call {min_warm:.1} · highest call with a premature push {max_pushy:.1} ({max_name})");
    assert!(
        min_warm > max_pushy,
        "a warm call ({min_warm:.1}) does not outscore {max_name} ({max_pushy:.1})"
    );
}
