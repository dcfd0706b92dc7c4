//! Every `.vtt`, `.srt` and `.sbv` file under ../shared/realdata, parsed
//! through `warmcall::parse_bytes`, against expectations read off the files
//! by hand (cue counts, speakers, first start, last end), plus the three
//! caption transcripts of the eval calls.

#![allow(clippy::print_stdout)] // tests print their figures

mod common;

use std::path::Path;

use warmcall::{Error, Timing, Transcript};

#[derive(Debug)]
enum Want {
    /// segments, speakers (in order of appearance), first start, last end,
    /// a warning that must be present ("" for none required).
    Ok(usize, &'static [&'static str], f64, f64, &'static str),
    /// A parse error at this line, naming what was expected.
    Parse(usize, &'static str),
    /// No speech found.
    Empty,
    /// A format warmcall does not read.
    Unsupported(&'static str),
}

use Want::*;

const ONE: &[&str] = &["Speaker 1"];

const CASES: &[(&str, Want)] = &[
    ("cdown-srt/monsters-bad-order.srt", Ok(3, ONE, 1897.894, 1903.435, "")),
    ("cdown-srt/monsters-win.srt", Ok(3, ONE, 1897.894, 1903.435, "")),
    ("cdown-srt/monsters.srt", Ok(3, ONE, 1897.894, 1903.435, "")),
    ("pysrt/bom-utf-16-be.srt", Ok(7, ONE, 6.5, 50.0, "")),
    ("pysrt/bom-utf-16-le.srt", Ok(7, ONE, 6.5, 50.0, "")),
    ("pysrt/bom-utf-32-be.srt", Ok(7, ONE, 6.5, 50.0, "")),
    ("pysrt/bom-utf-32-le.srt", Ok(7, ONE, 6.5, 50.0, "")),
    ("pysrt/bom-utf-8.srt", Ok(7, ONE, 6.5, 50.0, "")),
    ("pysrt/capability_tester.srt", Ok(37, ONE, 0.0, 68.5, "")),
    // Not empty: two of its seven cues have no text.
    (
        "pysrt/empty.srt",
        Ok(5, ONE, 6.5, 50.0, "2 cue(s) without text skipped"),
    ),
    ("pysrt/invalid.srt", Parse(2, "00:00:01,000 --> 00:00:04,000")),
    ("pysrt/no-indexes.srt", Ok(7, ONE, 6.5, 50.0, "")),
    ("pysrt/overlapping-dialogues.srt", Ok(4, ONE, 0.0, 3.0, "")),
    ("pysrt/utf-8.srt", Ok(1332, ONE, 1.0, 5849.634, "")),
    ("pysrt/windows-1252.srt", Ok(1332, ONE, 1.0, 5849.634, "Windows-1252")),
    (
        "talk-python-transcripts/188-async-for-the-pythonic-web-with-sanic.vtt",
        Ok(730, ONE, 0.001, 3411.68, ""),
    ),
    ("webvtt-py/captions_with_bom.vtt", Ok(4, ONE, 0.5, 21.58, "")),
    ("webvtt-py/comments.vtt", Ok(3, ONE, 135.0, 150.0, "")),
    ("webvtt-py/cue_tags.vtt", Ok(3, ONE, 16.5, 21.5, "")),
    ("webvtt-py/empty.vtt", Empty),
    ("webvtt-py/invalid.vtt", Parse(1, "WEBVTT")),
    ("webvtt-py/invalid_format.sbv", Unsupported("SubViewer (SBV)")),
    ("webvtt-py/invalid_format1.srt", Parse(1, "cue timing")),
    ("webvtt-py/invalid_format2.srt", Parse(1, "cue timing")),
    ("webvtt-py/invalid_format3.srt", Parse(2, "cue timing")),
    // A timing but no text at all.
    ("webvtt-py/invalid_format4.srt", Empty),
    ("webvtt-py/invalid_timeframe.sbv", Unsupported("SubViewer (SBV)")),
    // `00:00:11.890` with a dot is accepted in SRT.
    ("webvtt-py/invalid_timeframe.srt", Ok(5, ONE, 0.5, 23.88, "")),
    // One bad cue (`00:00:1d.890`) is skipped, not the file.
    (
        "webvtt-py/invalid_timeframe.vtt",
        Ok(6, ONE, 0.5, 30.28, "line 6: expected a cue timing"),
    ),
    (
        "webvtt-py/invalid_timeframe_in_cue_text.vtt",
        Ok(3, ONE, 0.5, 16.32, "1 cue(s) without text"),
    ),
    ("webvtt-py/metadata_headers.vtt", Ok(2, ONE, 0.5, 11.89, "")),
    ("webvtt-py/metadata_headers_multiline.vtt", Ok(2, ONE, 0.5, 11.89, "")),
    ("webvtt-py/missing_caption_text.sbv", Unsupported("SubViewer (SBV)")),
    (
        "webvtt-py/missing_caption_text.srt",
        Ok(4, ONE, 0.5, 23.88, "1 cue(s) without text"),
    ),
    (
        "webvtt-py/missing_caption_text.vtt",
        Ok(4, ONE, 0.5, 23.88, "1 cue(s) without text"),
    ),
    ("webvtt-py/missing_timeframe.sbv", Unsupported("SubViewer (SBV)")),
    (
        "webvtt-py/missing_timeframe.srt",
        Ok(4, ONE, 0.5, 23.88, "line 5: cue 2 has no timing line"),
    ),
    (
        "webvtt-py/missing_timeframe.vtt",
        Ok(6, ONE, 0.5, 30.28, "line 6: text without a cue timing"),
    ),
    ("webvtt-py/no_captions.vtt", Empty),
    ("webvtt-py/one_caption.srt", Ok(1, ONE, 0.5, 7.0, "")),
    ("webvtt-py/one_caption.vtt", Ok(1, ONE, 0.5, 7.0, "")),
    ("webvtt-py/optional_identifiers.vtt", Ok(16, ONE, 0.5, 64.3, "")),
    ("webvtt-py/sample.sbv", Unsupported("SubViewer (SBV)")),
    ("webvtt-py/sample.srt", Ok(5, ONE, 0.5, 23.88, "")),
    ("webvtt-py/sample.vtt", Ok(16, ONE, 0.5, 64.3, "")),
    // HLS segment times: 1088:42:00.500 is a legitimate offset.
    ("webvtt-py/sample_hls.vtt", Ok(16, ONE, 3_919_320.5, 3_919_384.3, "")),
    ("webvtt-py/styles.vtt", Ok(1, ONE, 0.0, 10.0, "")),
    ("webvtt-py/styles2.srt", Ok(6, ONE, 7.12, 149.28, "")),
    ("webvtt-py/styles2.vtt", Ok(6, ONE, 7.12, 149.28, "")),
    (
        "webvtt-py/teams_timeframe.vtt",
        Ok(2, &["Yuri Bakulin", "Adrian Petrescu"], 0.0, 1.13, ""),
    ),
    ("webvtt-py/two_captions.sbv", Unsupported("SubViewer (SBV)")),
    ("webvtt-py/using_identifiers.vtt", Ok(6, ONE, 0.5, 27.28, "")),
    // Rolling captions: cue 2 repeats "yeah" and cue 4 repeats cue 3
    // whole; the repeats are removed so no word counts twice.
    (
        "webvtt-py/youtube_dl.vtt",
        Ok(3, ONE, 286.07, 305.069, "rolling captions: 2 line(s) repeated"),
    ),
];

fn parse(path: &Path) -> Result<Transcript, Error> {
    warmcall::parse_bytes(&std::fs::read(path).expect("read"), Some(path))
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-6)
}

fn check(rel: &str, want: &Want, got: Result<Transcript, Error>) -> Result<(), String> {
    match (want, got) {
        (Ok(n, speakers, first, last, warning), Result::Ok(t)) => {
            let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
            let (f, l) = (t.segments.first().unwrap(), t.segments.last().unwrap());
            let warned = warning.is_empty() || t.warnings.iter().any(|w| w.to_string().contains(warning));
            if t.segments.len() != *n
                || labels != *speakers
                || !close(f.start_s, *first)
                || !close(l.end_s, *last)
                || !warned
                || t.timing != Timing::Full
            {
                return Err(format!(
                    "{rel}: got {} segments, speakers {labels:?}, first start {:?}, last end {:?}, timing {:?}, \
                     warnings {:?}",
                    t.segments.len(),
                    f.start_s,
                    l.end_s,
                    t.timing,
                    t.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>()
                ));
            }
            if t.segments.iter().any(|s| s.text.is_empty() || s.source_line == 0) {
                return Err(format!("{rel}: a segment without text or source line"));
            }
            Result::Ok(())
        }
        (Parse(line, expected), Err(e @ Error::Parse { .. }))
            if e.line() == *line && e.to_string().contains(expected) =>
        {
            Result::Ok(())
        }
        (Empty, Err(Error::Empty { .. })) => Result::Ok(()),
        (Unsupported(name), Err(Error::Unsupported { name: n, .. })) if n == *name => Result::Ok(()),
        (want, got) => Err(format!("{rel}: want {want:?}, got {:?}", got.map(|t| t.segments.len()))),
    }
}

#[test]
fn every_caption_file_in_realdata() {
    let root = common::shared_dir().join("realdata");
    let mut on_disk = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "vtt" || x == "srt" || x == "sbv")
                && !p.starts_with(root.join("vttjs-tests"))
            {
                on_disk.push(p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    on_disk.sort();
    let listed: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    let missing: Vec<&String> = on_disk.iter().filter(|p| !listed.contains(&p.as_str())).collect();
    assert!(missing.is_empty(), "caption files without an expectation: {missing:?}");

    let mut failures = Vec::new();
    for (rel, want) in CASES {
        if let Err(e) = check(rel, want, parse(&root.join(rel))) {
            failures.push(e);
        }
    }
    println!(
        "realdata captions: {}/{} as expected",
        CASES.len() - failures.len(),
        CASES.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn teams_off_spec_timings() {
    let t = parse(&common::shared_dir().join("realdata/webvtt-py/teams_timeframe.vtt")).unwrap();
    let times: Vec<(Option<f64>, Option<f64>)> = t.segments.iter().map(|s| (s.start_s, s.end_s)).collect();
    assert_eq!(times, [(Some(0.0), Some(0.57)), (Some(0.21), Some(1.13))]);
    assert_eq!(t.segments[1].text, "Why hello there, Yuri.");
}

#[test]
fn every_encoding_gives_the_same_texts() {
    let dir = common::shared_dir().join("realdata/pysrt");
    let texts = |name: &str| -> Vec<String> {
        parse(&dir.join(name))
            .unwrap()
            .segments
            .into_iter()
            .map(|s| s.text)
            .collect()
    };
    let reference = texts("utf-8.srt");
    assert!(reference.iter().any(|t| t.contains("ÉVÉNEMENTS")), "accents decoded");
    assert_eq!(texts("windows-1252.srt"), reference);
    // The BOM files hold a different (English) text: compared with each other.
    let bom = texts("bom-utf-8.srt");
    for name in [
        "bom-utf-16-le.srt",
        "bom-utf-16-be.srt",
        "bom-utf-32-le.srt",
        "bom-utf-32-be.srt",
        "no-indexes.srt",
    ] {
        assert_eq!(texts(name), bom, "{name}");
    }
}

#[test]
fn srt_markup_is_stripped() {
    let t = parse(&common::shared_dir().join("realdata/pysrt/capability_tester.srt")).unwrap();
    for s in &t.segments {
        assert!(
            !s.text.contains("<font") && !s.text.contains("</") && !s.text.contains("{\\"),
            "{:?}",
            s.text
        );
    }
    assert!(
        t.segments.iter().any(|s| s.text.contains("2<3,5>1,4<6")),
        "plain '<' kept"
    );
}

/// (file, segments, [(speaker, segments)])
type EvalCase = (&'static str, usize, &'static [(&'static str, usize)]);

const EVAL: &[EvalCase] = &[
    (
        "nl01_planning_teams.vtt",
        62,
        &[("Ingrid de Boer", 34), ("Sanne Visser", 28)],
    ),
    // Cue 52 has no prefix and continues Dan Walsh's cue 51.
    (
        "en01_ap_automation_zoom.vtt",
        55,
        &[("Dan Walsh", 24), ("Laura Mendez", 31)],
    ),
    ("nl02_zonnepanelen.srt", 40, &[("Marloes", 14), ("Kevin", 26)]),
];

#[test]
fn eval_caption_calls() {
    let dir = common::shared_dir().join("eval/calls");
    for (name, n, speakers) in EVAL {
        let t = parse(&dir.join(name)).unwrap();
        assert_eq!(t.segments.len(), *n, "{name}");
        let got: Vec<(&str, usize)> = t
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.label.as_str(), t.segments.iter().filter(|g| g.speaker == i).count()))
            .collect();
        assert_eq!(got, *speakers, "{name}");
        assert!(t.warnings.is_empty(), "{name}: {:?}", t.warnings);
    }
    let t = parse(&dir.join("en01_ap_automation_zoom.vtt")).unwrap();
    let cue52 = t
        .segments
        .iter()
        .find(|s| s.text.starts_with("Honestly, twenty or thirty recent invoices"))
        .unwrap();
    assert_eq!(t.label(cue52), "Dan Walsh");
    assert_eq!(cue52.source_line, 208);
}

/// Every `testdata/{vtt,srt}/NAME.{vtt,srt}` beside its `NAME.expected.json`:
/// the speakers, every segment (speaker, start, end, source line, text) and
/// the warnings (each expected text must be part of one warning, and there
/// may be no others), or the error. Adding a case is adding two files.
#[test]
fn testdata_caption_fixtures() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for sub in ["vtt", "srt"] {
        let dir = common::testdata().join(sub);
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .expect("testdata dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == sub))
            .collect();
        inputs.sort();
        for input in inputs {
            let name = input.file_name().unwrap().to_string_lossy().to_string();
            let exp_path = input.with_extension("expected.json");
            let exp: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(&exp_path).unwrap_or_else(|_| panic!("{name}: no {}", exp_path.display())),
            )
            .expect("expected json");
            checked += 1;
            if let Err(e) = check_fixture(&exp, parse(&input)) {
                failures.push(format!("{sub}/{name}: {e}"));
            }
        }
    }
    println!("caption fixtures: {}/{checked} as expected", checked - failures.len());
    assert!(checked >= 8, "fixtures missing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check_fixture(exp: &serde_json::Value, got: Result<Transcript, Error>) -> Result<(), String> {
    if let Some(err) = exp.get("error") {
        let e = match got {
            Err(e) => e,
            Result::Ok(t) => return Err(format!("want an error, got {} segments", t.segments.len())),
        };
        let kind_ok = match err["kind"].as_str() {
            Some("parse") => matches!(e, Error::Parse { .. }),
            Some("empty") => matches!(e, Error::Empty { .. }),
            Some("unsupported") => matches!(e, Error::Unsupported { .. }),
            k => return Err(format!("unknown error kind {k:?}")),
        };
        let line_ok = err["line"].as_u64().is_none_or(|l| l as usize == e.line());
        let text_ok = e.to_string().contains(err["contains"].as_str().unwrap_or(""));
        return if kind_ok && line_ok && text_ok {
            Result::Ok(())
        } else {
            Err(format!("got error {e}"))
        };
    }
    let t = got.map_err(|e| format!("unexpected error {e}"))?;
    let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
    let want_labels: Vec<&str> = exp["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    if labels != want_labels {
        return Err(format!("speakers {labels:?}, want {want_labels:?}"));
    }
    let want = exp["segments"].as_array().unwrap();
    if t.segments.len() != want.len() {
        return Err(format!("{} segments, want {}", t.segments.len(), want.len()));
    }
    for (i, (s, w)) in t.segments.iter().zip(want).enumerate() {
        let same = t.label(s) == w["speaker"].as_str().unwrap()
            && close(s.start_s, w["start"].as_f64().unwrap())
            && close(s.end_s, w["end"].as_f64().unwrap())
            && s.source_line as u64 == w["line"].as_u64().unwrap()
            && s.text == w["text"].as_str().unwrap();
        if !same {
            return Err(format!(
                "segment {i}: got {:?} {:?}-{:?} line {} {:?}, want {w}",
                t.label(s),
                s.start_s,
                s.end_s,
                s.source_line,
                s.text
            ));
        }
    }
    let warnings: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
    let want_w: Vec<&str> = exp["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    if warnings.len() != want_w.len() || !want_w.iter().all(|w| warnings.iter().any(|g| g.contains(w))) {
        return Err(format!("warnings {warnings:?}, want {want_w:?}"));
    }
    Result::Ok(())
}

#[test]
fn sbv_content_is_named() {
    let path = common::shared_dir().join("realdata/webvtt-py/sample.sbv");
    let e = warmcall::parse_bytes(&std::fs::read(path).unwrap(), None).unwrap_err();
    assert!(
        matches!(&e, Error::Unsupported { name, .. } if name == "SubViewer (SBV)"),
        "{e}"
    );
}
