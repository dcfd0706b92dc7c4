//! The fixtures of the layouts and formats meeting, speech and annotation
//! tools export (issue 18): `testdata/{layouts,eaf,trs,textgrid,docx}/`.
//! Beside each input `STEM.expected.json` says what it must parse to:
//!
//! - `{"error": {"contains": "…", "line": N}}` (`line` optional), or
//! - `format`, `timing`, `speakers` (labels in order), optional
//!   `display_names`, `segments` (speaker, start, end, text; times within
//!   1 ms) and `warnings` (each a substring of one warning as displayed,
//!   `line N: …`); `tier_speakers` passes a tier-to-speaker map.
//!
//! A file without its expectation fails the test.

#![allow(clippy::print_stdout)]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;
use warmcall::ParseOptions;

const DIRS: [&str; 5] = ["layouts", "eaf", "trs", "textgrid", "docx"];

fn inputs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in DIRS {
        let dir = common::testdata().join(d);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no fixtures", dir.display());
        out.extend(files);
    }
    out
}

fn check(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let stem = name.rsplit_once('.').unwrap().0;
    let exp = path.with_file_name(format!("{stem}.expected.json"));
    let Ok(want) = std::fs::read_to_string(&exp) else {
        return vec![format!("{name}: no {}", exp.display())];
    };
    let want: Value = serde_json::from_str(&want).unwrap_or_else(|e| panic!("{}: {e}", exp.display()));
    let mut opts = ParseOptions::default();
    if let Some(map) = want.get("tier_speakers").and_then(Value::as_object) {
        opts = opts.with_tier_speakers(map.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string())));
    }
    let got = warmcall::parse_bytes_with(&std::fs::read(path).unwrap(), Some(path), &opts);
    let mut misses = Vec::new();
    let mut miss = |m: String| misses.push(format!("{name}: {m}"));
    if let Some(err) = want.get("error") {
        match got {
            Ok(t) => miss(format!("parsed ({} segments), want an error", t.segments.len())),
            Err(e) => {
                let text = e.to_string();
                if !text.starts_with(&path.display().to_string()) {
                    miss(format!("error {text} does not name its file"));
                }
                if !text.contains(err["contains"].as_str().unwrap()) {
                    miss(format!("error {text} lacks {}", err["contains"]));
                }
                if let Some(line) = err.get("line").and_then(Value::as_u64) {
                    if e.line() != line as usize {
                        miss(format!("error at line {}, want {line}", e.line()));
                    }
                }
            }
        }
        return misses;
    }
    let t = match got {
        Ok(t) => t,
        Err(e) => {
            miss(e.to_string());
            return misses;
        }
    };
    if t.format.name() != want["format"].as_str().unwrap() {
        miss(format!("format {}, want {}", t.format, want["format"]));
    }
    if serde_json::to_value(t.timing).unwrap() != want["timing"] {
        miss(format!("timing {:?}, want {}", t.timing, want["timing"]));
    }
    let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
    let want_labels: Vec<&str> = want["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    if labels != want_labels {
        miss(format!("speakers {labels:?}, want {want_labels:?}"));
    }
    if let Some(names) = want.get("display_names").and_then(Value::as_array) {
        let got: Vec<Option<&str>> = t.speakers.iter().map(|s| s.display_name.as_deref()).collect();
        let names: Vec<Option<&str>> = names.iter().map(Value::as_str).collect();
        if got != names {
            miss(format!("display names {got:?}, want {names:?}"));
        }
    }
    let segs = want["segments"].as_array().unwrap();
    if segs.len() != t.segments.len() {
        miss(format!("{} segments, want {}", t.segments.len(), segs.len()));
    }
    let close = |a: Option<f64>, b: &Value| match (a, b.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-3,
        (None, None) => true,
        _ => false,
    };
    for (i, (s, w)) in t.segments.iter().zip(segs).enumerate() {
        if t.label(s) != w["speaker"].as_str().unwrap()
            || !close(s.start_s, &w["start"])
            || !close(s.end_s, &w["end"])
            || s.text != w["text"].as_str().unwrap()
        {
            miss(format!(
                "segment {i}: {:?} {:?}-{:?} {:?}, want {w}",
                t.label(s),
                s.start_s,
                s.end_s,
                s.text
            ));
        }
    }
    let warnings: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
    let want_warnings = want["warnings"].as_array().unwrap();
    for w in want_warnings {
        let w = w.as_str().unwrap();
        if !warnings.iter().any(|g| g.contains(w)) {
            miss(format!("no warning containing {w:?} in {warnings:?}"));
        }
    }
    if want_warnings.is_empty() && !warnings.is_empty() {
        miss(format!("warnings {warnings:?}, want none"));
    }
    misses
}

#[test]
fn export_fixtures_parse_as_expected() {
    let mut misses = Vec::new();
    let all = inputs();
    for path in &all {
        let m = check(path);
        println!("{}: {}", path.display(), if m.is_empty() { "ok" } else { "MISS" });
        misses.extend(m);
    }
    assert!(all.len() >= 16, "only {} fixtures", all.len());
    assert!(misses.is_empty(), "\n{}\n", misses.join("\n"));
}

/// The .docx fixtures are built by a script; a change to one without the
/// other shows here (the script's paragraphs are the fixture's).
#[test]
fn docx_fixture_matches_its_script() {
    let script = std::fs::read_to_string(common::testdata().join("../scripts/make_docx_fixtures.py")).unwrap();
    let t = warmcall::parse_bytes(
        &std::fs::read(common::testdata().join("docx/teams_transcript.docx")).unwrap(),
        Some(Path::new("teams_transcript.docx")),
    )
    .unwrap();
    for s in &t.segments {
        let first = s.text.split(". ").next().unwrap();
        assert!(script.contains(first), "{first:?} not in the script");
    }
}
