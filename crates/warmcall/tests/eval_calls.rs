//! Whole calls of `eval/calls/` against their `*.expected.json` sidecars
//! (SPEC §6): the expected pushes (segment, category, premature) and no
//! others, every id in `findings` present and every id in `not_findings`
//! absent, in at least 9 of 10 calls; the outcome right in at least 8 of 10.
//! Prints a per-call table and every difference.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use std::path::PathBuf;

use serde_json::Value;
use warmcall::{Analyzer, Config};

const MIN_CALLS_OK: usize = 9;
const MIN_OUTCOMES_OK: usize = 8;

fn calls() -> Vec<(PathBuf, PathBuf)> {
    let dir = common::shared_dir().join("eval/calls");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.expect("dir entry").path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let transcript = std::fs::read_dir(&dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .find(|q| {
                let n = q.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !n.ends_with(".expected.json") && q.file_stem().and_then(|s| s.to_str()) == Some(stem)
            })
            .unwrap_or_else(|| panic!("no transcript for {name}"));
        out.push((transcript, p));
    }
    out.sort();
    out
}

#[test]
fn calls_match_their_sidecars() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let calls = calls();
    assert_eq!(calls.len(), 10, "expected 10 calls with sidecars");
    let mut calls_ok = 0;
    let mut outcomes_ok = 0;
    let mut notes = Vec::new();
    println!(
        "{:<38} {:>6} {:>6} {:>9} {:>8}  outcome (got/want)",
        "call", "pushes", "found", "findings", "absent"
    );
    for (transcript, sidecar) in &calls {
        let name = transcript
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let exp: Value = serde_json::from_str(&std::fs::read_to_string(sidecar).expect("sidecar")).expect("json");
        let bytes = std::fs::read(transcript).expect("transcript");
        let t = match warmcall::parse_bytes(&bytes, Some(transcript.as_path())) {
            Ok(t) => t,
            Err(e) => {
                println!("{name:<38} parse failed: {e}");
                notes.push(format!("{name}: parse failed: {e}"));
                continue;
            }
        };
        let agent = exp["agent"].as_str().expect("agent");
        let analyzer = Analyzer::new(Config::default().agent(agent)).expect("config");
        let r = analyzer.analyze(&t);

        let want: Vec<(u64, String, bool)> = exp["pushes"]
            .as_array()
            .expect("pushes")
            .iter()
            .map(|p| {
                (
                    p["segment_index"].as_u64().expect("segment_index"),
                    p["category"].as_str().expect("category").to_string(),
                    p["premature"].as_bool().expect("premature"),
                )
            })
            .collect();
        let got: Vec<(u64, String, bool)> = r
            .pushes
            .as_ref()
            .map(|p| {
                p.items
                    .iter()
                    .map(|i| (i.segment as u64, i.category.name().to_string(), i.premature))
                    .collect()
            })
            .unwrap_or_default();
        let pushes_ok = got == want;
        if !pushes_ok {
            notes.push(format!("{name}: pushes got {got:?}, want {want:?}"));
        }
        let ids: Vec<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
        let mut findings_ok = true;
        for f in exp["findings"].as_array().expect("findings") {
            let f = f.as_str().expect("id");
            if !ids.contains(&f) {
                findings_ok = false;
                notes.push(format!("{name}: missing finding {f}"));
            }
        }
        let mut absent_ok = true;
        for f in exp["not_findings"].as_array().expect("not_findings") {
            let f = f.as_str().expect("id");
            if ids.contains(&f) {
                absent_ok = false;
                notes.push(format!("{name}: unwanted finding {f}"));
            }
        }
        let outcome = serde_json::to_value(r.outcome.kind).expect("kind");
        let outcome = outcome.as_str().unwrap_or("?").to_string();
        let want_outcome = exp["outcome"].as_str().expect("outcome");
        if outcome == want_outcome {
            outcomes_ok += 1;
        } else {
            notes.push(format!("{name}: outcome {outcome}, want {want_outcome}"));
        }
        if pushes_ok && findings_ok && absent_ok {
            calls_ok += 1;
        }
        let mark = |b: bool| if b { "ok" } else { "FAIL" };
        println!(
            "{:<38} {:>6} {:>6} {:>9} {:>8}  {outcome}/{want_outcome}",
            name,
            want.len(),
            mark(pushes_ok),
            mark(findings_ok),
            mark(absent_ok)
        );
    }
    println!(
        "calls right: {calls_ok}/10 (need {MIN_CALLS_OK}); outcomes right: {outcomes_ok}/10 (need {MIN_OUTCOMES_OK})"
    );
    for n in &notes {
        println!("  {n}");
    }
    assert!(
        calls_ok >= MIN_CALLS_OK && outcomes_ok >= MIN_OUTCOMES_OK,
        "below the bar: {calls_ok} calls, {outcomes_ok} outcomes"
    );
}
