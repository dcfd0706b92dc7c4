//! The bad-input corpus of SPEC §10: every file in `testdata/bad/` goes
//! through `warmcall::parse_bytes` (with its own name, so the extension
//! counts) and, when it parses, through the `Analyzer`. Beside each file
//! `FILE.expected.json` says what must happen:
//!
//! - `{"error": "substring of the error message"}`, or
//! - `{"warnings": ["substring", …], "segments": N}` with optional
//!   `"speakers": N` and `"report_warnings": ["substring", …]` (warnings the
//!   analysis adds, such as how roles were decided).
//!
//! Adding a case is adding two files. A file without its expectation fails
//! the test and prints what it does now, ready to be checked and copied.

#![allow(clippy::print_stdout)]

mod common;
#[path = "common/finite.rs"]
mod finite;

use std::path::Path;

use serde_json::Value;
use warmcall::{Analyzer, Config};

#[derive(Debug)]
enum Outcome {
    Error(String),
    Parsed {
        warnings: Vec<String>,
        segments: usize,
        speakers: usize,
        report_warnings: Vec<String>,
    },
}

fn run(analyzer: &Analyzer, path: &Path) -> Outcome {
    let bytes = std::fs::read(path).expect("readable");
    match warmcall::parse_bytes(&bytes, Some(path)) {
        Err(e) => Outcome::Error(e.to_string()),
        Ok(t) => {
            let report = analyzer.analyze(&t);
            serde_json::to_string(&report).expect("reports serialise");
            // NaN serialises as `null`: the numbers are checked on the report itself.
            let bad = finite::non_finite(&report);
            assert!(bad.is_empty(), "{}: non-finite {bad:?}", path.display());
            for share in [report.talk.agent_share_of_speech, report.talk.agent_share_of_call]
                .into_iter()
                .flatten()
            {
                assert!((0.0..=1.0).contains(&share), "{}: share {share}", path.display());
            }
            Outcome::Parsed {
                warnings: t.warnings.iter().map(|w| w.to_string()).collect(),
                segments: t.segments.len(),
                speakers: t.speakers.len(),
                report_warnings: report.source.warnings.clone(),
            }
        }
    }
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Every way `outcome` differs from `want`, empty when it matches.
fn check(outcome: &Outcome, want: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    match (outcome, want.get("error").and_then(Value::as_str)) {
        (Outcome::Error(msg), Some(sub)) => {
            if !msg.contains(sub) {
                bad.push(format!("error {msg:?} does not contain {sub:?}"));
            }
        }
        (Outcome::Error(msg), None) => bad.push(format!("expected a transcript, got error {msg:?}")),
        (Outcome::Parsed { .. }, Some(sub)) => bad.push(format!("expected an error containing {sub:?}, it parsed")),
        (
            Outcome::Parsed {
                warnings,
                segments,
                speakers,
                report_warnings,
            },
            None,
        ) => {
            for sub in strings(want, "warnings") {
                if !warnings.iter().any(|w| w.contains(&sub)) {
                    bad.push(format!("no warning contains {sub:?}; warnings: {warnings:?}"));
                }
            }
            for sub in strings(want, "report_warnings") {
                if !report_warnings.iter().any(|w| w.contains(&sub)) {
                    bad.push(format!(
                        "no report warning contains {sub:?}; report warnings: {report_warnings:?}"
                    ));
                }
            }
            match want.get("segments").and_then(Value::as_u64) {
                Some(n) if n as usize != *segments => bad.push(format!("{segments} segments, expected {n}")),
                None => bad.push("the expectation names no \"segments\" count".into()),
                _ => {}
            }
            if let Some(n) = want.get("speakers").and_then(Value::as_u64) {
                if n as usize != *speakers {
                    bad.push(format!("{speakers} speakers, expected {n}"));
                }
            }
        }
    }
    bad
}

#[test]
fn every_bad_input_gives_its_expected_error_or_warnings() {
    let dir = common::testdata().join("bad");
    let analyzer = Analyzer::new(Config::default()).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/bad exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "only {} bad cases in {}", files.len(), dir.display());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let outcome = run(&analyzer, path);
        let want_path = dir.join(format!("{name}.expected.json"));
        let Ok(want) = std::fs::read_to_string(&want_path) else {
            failures.push(format!("{name}: no {name}.expected.json; it does {outcome:?}"));
            continue;
        };
        let want: Value = serde_json::from_str(&want).unwrap_or_else(|e| panic!("{}: {e}", want_path.display()));
        for problem in check(&outcome, &want) {
            failures.push(format!("{name}: {problem}"));
        }
        println!("{name}: {outcome:?}");
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn every_expectation_has_its_input() {
    let dir = common::testdata().join("bad");
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if let Some(input) = p.to_string_lossy().strip_suffix(".expected.json") {
            assert!(Path::new(input).exists(), "{} has no input file", p.display());
        }
    }
}
