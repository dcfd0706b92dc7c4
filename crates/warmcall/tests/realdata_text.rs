//! Plain-text and CSV/TSV parsing on real and labelled files:
//! - every `.txt`, `.csv`, `.tsv` under `../shared/realdata`, against a table
//!   of values read off the files by hand;
//! - the eval calls in those formats, against the segment conventions of
//!   `../shared/eval/README.md` §3.1 (segment i is the sidecar's
//!   `segment_index` i);
//! - every fixture in `testdata/txt` and `testdata/csv` against its
//!   `NAME.expected.json`.

// Eval tests print their figures (house rule); printing is their point.
#![allow(clippy::print_stdout)]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;
use warmcall::{Analyzer, Config, Error, Timing, Transcript};

fn parse_file(path: &Path) -> Result<Transcript, Error> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    warmcall::parse_bytes(&bytes, Some(path))
}

fn files_under(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, exts, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
}

/// What a real file must parse to.
enum Want {
    Transcript {
        speakers: &'static [&'static str],
        segments: usize,
        first_start: Option<f64>,
        last_start: Option<f64>,
        timing: Timing,
        /// The language the analyzer must detect.
        lang: &'static str,
        /// (segment, its text starts with)
        texts: &'static [(usize, &'static str)],
    },
    /// A parse error at this line: the file is not a transcript.
    ParseError { line: usize },
}

/// Every text-like file under realdata, verified by reading it.
fn realdata_table() -> Vec<(&'static str, Want)> {
    vec![
        (
            // `HH:MM:SS Name: text` lines, blank lines holding one space
            // between them: 366 lines, 183 speaker lines, 92 Michael and 91
            // Adam; the last line starts at 00:55:09.
            "talk-python-transcripts/188.txt",
            Want::Transcript {
                speakers: &["Michael Kennedy", "Adam Hopkins"],
                segments: 183,
                first_start: Some(0.0),
                last_start: Some(3309.0),
                timing: Timing::StartOnly,
                lang: "en",
                texts: &[
                    (0, "What do web servers do most of the time?"),
                    (1, "Thank you for having me."),
                    (182, "This has been another episode of Talk Python To Me."),
                ],
            },
        ),
        (
            // A tab-separated index of vtt.js test files (`# …` comment lines,
            // then assertion/input/expected columns): not a transcript.
            "vttjs-tests/MAPPING.tsv",
            Want::ParseError { line: 1 },
        ),
    ]
}

/// The PersuasionForGood chats: one `Persuader: …` / `Persuadee: …` line a
/// turn, no times (see its README). Sixty files checked by one rule read off
/// the folder's README instead of sixty table rows: turn i of the file is
/// segment i, with the label stripped. `labels.tsv` is the folder's label
/// table, not a transcript: a parse error at its header line.
/// `None` when `rel` is not in that folder.
fn persuasion_chat(rel: &str, path: &Path) -> Option<Vec<String>> {
    let name = rel.strip_prefix("persuasionforgood-dev/")?;
    let mut misses = Vec::new();
    if name == "labels.tsv" {
        match parse_file(path) {
            Err(e @ Error::Parse { .. }) if e.line() == 1 => {}
            other => misses.push(format!("{rel}: {other:?}, want a parse error at line 1")),
        }
        return Some(misses);
    }
    let text = std::fs::read_to_string(path).unwrap();
    let mut want_speakers: Vec<&str> = Vec::new();
    let mut want_turns = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (who, said) = line.split_once(':').expect("every chat line is labelled");
        assert!(matches!(who, "Persuader" | "Persuadee"), "{rel}: {line}");
        if !want_speakers.contains(&who) {
            want_speakers.push(who);
        }
        want_turns.push((who, said.trim()));
    }
    match parse_file(path) {
        Err(e) => misses.push(format!("{rel}: {e}")),
        Ok(t) => {
            let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
            if labels != want_speakers {
                misses.push(format!("{rel}: speakers {labels:?}, want {want_speakers:?}"));
            }
            if t.timing != Timing::None {
                misses.push(format!("{rel}: timing {:?}, want None", t.timing));
            }
            if t.segments.len() != want_turns.len() {
                misses.push(format!(
                    "{rel}: {} segments, want {}",
                    t.segments.len(),
                    want_turns.len()
                ));
            }
            for (i, (seg, (who, said))) in t.segments.iter().zip(&want_turns).enumerate() {
                let label = t.speakers.get(seg.speaker).map_or("", |s| s.label.as_str());
                if label != *who || seg.text.trim() != *said {
                    misses.push(format!(
                        "{rel}: segment {i} is {label}: {:?}, want {who}: {said:?}",
                        seg.text
                    ));
                    break;
                }
            }
        }
    }
    Some(misses)
}

#[test]
fn realdata_text_and_csv_files() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let root = common::shared_dir().join("realdata");
    let mut found = Vec::new();
    files_under(&root, &["txt", "csv", "tsv"], &mut found);
    let table = realdata_table();
    let analyzer = Analyzer::new(Config::default()).unwrap();
    let mut misses = Vec::new();
    for path in &found {
        let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        if let Some(miss) = persuasion_chat(&rel, path) {
            misses.extend(miss);
            continue;
        }
        let Some((_, want)) = table.iter().find(|(n, _)| *n == rel) else {
            misses.push(format!("{rel}: not in the table; read it and add its expected values"));
            continue;
        };
        match (want, parse_file(path)) {
            (
                Want::Transcript {
                    speakers,
                    segments,
                    first_start,
                    last_start,
                    timing,
                    lang,
                    texts,
                },
                Ok(t),
            ) => {
                let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
                let report = analyzer.analyze(&t);
                println!(
                    "{rel}: {} segments, speakers {labels:?}, {:?}, first {:?}, last {:?}, lang {} ({})",
                    t.segments.len(),
                    t.timing,
                    t.segments.first().and_then(|s| s.start_s),
                    t.segments.last().and_then(|s| s.start_s),
                    report.source.language,
                    report.source.language_basis
                );
                let mut check = |ok: bool, what: String| {
                    if !ok {
                        misses.push(format!("{rel}: {what}"));
                    }
                };
                check(labels == *speakers, format!("speakers {labels:?}, want {speakers:?}"));
                check(
                    t.segments.len() == *segments,
                    format!("{} segments, want {segments}", t.segments.len()),
                );
                check(t.timing == *timing, format!("timing {:?}, want {timing:?}", t.timing));
                let first = t.segments.first().and_then(|s| s.start_s);
                let last = t.segments.last().and_then(|s| s.start_s);
                check(
                    first == *first_start,
                    format!("first start {first:?}, want {first_start:?}"),
                );
                check(last == *last_start, format!("last start {last:?}, want {last_start:?}"));
                check(
                    report.source.language == *lang,
                    format!("language {}, want {lang}", report.source.language),
                );
                for (i, start) in texts.iter() {
                    let got = t.segments.get(*i).map_or("", |s| s.text.as_str());
                    check(
                        got.starts_with(start),
                        format!("segment {i} is {got:?}, want {start:?}…"),
                    );
                }
            }
            (Want::ParseError { line }, Err(e)) => {
                println!("{rel}: error as expected: {e}");
                if !matches!(e, Error::Parse { .. }) || e.line() != *line {
                    misses.push(format!("{rel}: {e:?}, want a parse error at line {line}"));
                }
            }
            (Want::Transcript { .. }, Err(e)) => misses.push(format!("{rel}: {e}")),
            (Want::ParseError { .. }, Ok(t)) => misses.push(format!(
                "{rel}: parsed into {} segments, want an error",
                t.segments.len()
            )),
        }
    }
    for (name, _) in &table {
        if !found.iter().any(|p| p.ends_with(name)) {
            misses.push(format!("{name}: in the table but not under {}", root.display()));
        }
    }
    assert!(misses.is_empty(), "\n{}\n", misses.join("\n"));
}

/// Language detection on every real conversation with text, whatever its
/// format: all of these are English. Formats whose parser is not in this
/// build are listed, not failed; at least the plain-text podcast must parse.
#[test]
fn language_of_realdata_transcripts() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let root = common::shared_dir().join("realdata");
    let mut files = Vec::new();
    for (dir, exts) in [
        ("talk-python-transcripts", &["txt", "vtt"][..]),
        ("cabnc", &["cha"][..]),
        ("deepgram-python-captions", &["json"][..]),
        ("aws-transcribe-tscribe", &["json"][..]),
        ("cdown-srt", &["srt"][..]),
    ] {
        files_under(&root.join(dir), exts, &mut files);
    }
    let analyzer = Analyzer::new(Config::default()).unwrap();
    let (mut checked, mut unparsed, mut misses) = (0, Vec::new(), Vec::new());
    for path in &files {
        let rel = path.strip_prefix(&root).unwrap().display().to_string();
        let t = match parse_file(path) {
            Ok(t) => t,
            Err(e) => {
                unparsed.push(format!("{rel}: {e}"));
                continue;
            }
        };
        let words: usize = t.segments.iter().map(|s| warmcall::text::word_count(&s.text)).sum();
        if words < 20 {
            continue;
        }
        checked += 1;
        let r = analyzer.analyze(&t);
        println!("{rel}: {} ({})", r.source.language, r.source.language_basis);
        if r.source.language != "en" {
            misses.push(format!(
                "{rel}: {} ({}), want en",
                r.source.language, r.source.language_basis
            ));
        }
    }
    for u in &unparsed {
        println!("not parsed in this build: {u}");
    }
    println!("{checked} transcripts checked, {} not parsed", unparsed.len());
    assert!(checked >= 1 && !unparsed.iter().any(|u| u.contains("188.txt")));
    assert!(misses.is_empty(), "\n{}\n", misses.join("\n"));
}

fn eval_call(name: &str) -> (Transcript, Value) {
    let dir = common::shared_dir().join("eval/calls");
    let path = dir.join(name);
    let t = parse_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let stem = name.rsplit_once('.').unwrap().0;
    let sidecar: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{stem}.expected.json"))).unwrap()).unwrap();
    (t, sidecar)
}

fn labels(t: &Transcript) -> Vec<&str> {
    t.speakers.iter().map(|s| s.label.as_str()).collect()
}

/// The agent the analyzer finds without --agent must be the sidecar's, and
/// every push index of the sidecar must land on an agent segment holding the
/// push's words.
fn check_sidecar(t: &Transcript, sidecar: &Value, push_words: &[&str]) {
    let report = Analyzer::new(Config::default()).unwrap().analyze(t);
    assert_eq!(report.roles.agent.as_deref(), sidecar["agent"].as_str());
    assert_eq!(Some(report.source.language.as_str()), sidecar["lang"].as_str());
    let pushes = sidecar["pushes"].as_array().unwrap();
    assert_eq!(pushes.len(), push_words.len());
    for (p, word) in pushes.iter().zip(push_words) {
        let i = p["segment_index"].as_u64().unwrap() as usize;
        let seg = &t.segments[i];
        assert_eq!(t.label(seg), sidecar["agent"].as_str().unwrap(), "segment {i}");
        assert!(seg.text.contains(word), "segment {i} {:?} lacks {word:?}", seg.text);
    }
}

#[test]
fn eval_nl03_jefferson_untimed_with_pauses() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let (t, sidecar) = eval_call("nl03_aov_jefferson.txt");
    assert_eq!(t.timing, Timing::None);
    // 29 lines: 28 `Name:` lines and the pause-only `(2.0)` line.
    assert_eq!(t.segments.len(), 28);
    assert_eq!(labels(&t), ["Tom", "Jeroen"]);
    assert!(t.segments.iter().all(|s| s.start_s.is_none() && s.end_s.is_none()));
    // 13 × (.), (0.8), 2 × (1.2), (2.0).
    assert_eq!(t.pauses.len(), 17);
    let total: f64 = t.pauses.iter().map(|p| p.duration_s).sum();
    assert!((total - (1.3 + 0.8 + 2.4 + 2.0)).abs() < 1e-9, "{total}");
    let long = t.pauses.iter().find(|p| p.duration_s == 2.0).unwrap();
    assert_eq!((long.after_segment, long.source_line), (Some(22), 24));
    // `Tom: (1.2) Ja, nou, …` opens with the pause: it follows Jeroen's turn.
    let lead = t
        .pauses
        .iter()
        .find(|p| p.source_line == 20 && p.duration_s == 1.2)
        .unwrap();
    assert_eq!(lead.after_segment, Some(18));
    assert!(
        t.segments.iter().all(|s| !s.text.contains('(')),
        "pause notation left in text"
    );
    assert_eq!(
        t.segments[2].text,
        "Eh ja, kort hoor. Ik sta op een steiger. Hoe komen jullie eigenlijk aan mijn nummer?"
    );
    assert_eq!(t.segments[27].text, "Ja, doei.");
    check_sidecar(&t, &sidecar, &["bellen", "terugbellen"]);
}

#[test]
fn eval_en02_bracketed_start_times() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let (t, sidecar) = eval_call("en02_savings_plan.txt");
    assert_eq!(t.timing, Timing::StartOnly);
    assert_eq!(t.segments.len(), 32);
    assert_eq!(labels(&t), ["Helen", "Gary"]);
    assert_eq!(t.segments[0].start_s, Some(0.0));
    assert_eq!(t.segments[31].start_s, Some(227.0));
    // Ends run to the next start.
    assert_eq!(t.segments[3].end_s, Some(15.0));
    // `[00:01:23] Helen: Mm.` and `[00:01:23] Gary: …` share a start: the
    // backchannel ends after about a second, not at Gary's next line.
    assert_eq!(
        (t.segments[12].start_s, t.segments[13].start_s),
        (Some(83.0), Some(83.0))
    );
    assert_eq!(t.segments[12].text, "Mm.");
    assert_eq!(t.segments[12].end_s, Some(84.0));
    assert_eq!(t.segments[13].end_s, Some(95.0));
    check_sidecar(&t, &sidecar, &["Thursday", "pop round"]);
}

#[test]
fn eval_en04_otter_blocks() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let (t, sidecar) = eval_call("en04_copier_otter.txt");
    assert_eq!(t.timing, Timing::StartOnly);
    assert_eq!(t.segments.len(), 25);
    assert_eq!(labels(&t), ["Speaker 1", "Speaker 2"]);
    assert_eq!(
        t.segments[0].text,
        "Keller and Moss, this is Tricia, how can I help you?"
    );
    assert_eq!(t.segments[0].source_line, 1);
    assert_eq!(t.segments[24].start_s, Some(194.0));
    assert_eq!(t.segments[24].text, "Bye.");
    check_sidecar(&t, &sidecar, &["demo", "stop by"]);
}

#[test]
fn eval_nl04_csv_seconds() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let (t, sidecar) = eval_call("nl04_energie_zakelijk.csv");
    assert_eq!(t.timing, Timing::Full);
    assert_eq!(t.segments.len(), 30);
    assert_eq!(labels(&t), ["Klant", "Medewerker"]);
    assert_eq!((t.segments[0].start_s, t.segments[0].end_s), (Some(0.52), Some(2.03)));
    assert_eq!(t.segments[0].text, "Bakkerij Smit, met Peter.");
    assert_eq!(t.segments[29].start_s, Some(187.05));
    // The interruption: segment 3 starts before segment 2 ends.
    assert!(t.segments[3].start_s < t.segments[2].end_s);
    let unit: Vec<&str> = t
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .filter(|m| m.starts_with("times read as seconds"))
        .collect();
    assert_eq!(unit.len(), 1, "{:?}", t.warnings);
    assert!(unit[0].contains("fractions"), "{unit:?}");
    check_sidecar(&t, &sidecar, &["afspraak", "langskomen", "terugbellen"]);
}

// ---- testdata/txt and testdata/csv: each fixture beside its expected parse.

fn approx(a: Option<f64>, b: &Value) -> bool {
    match (a, b.as_f64()) {
        (None, None) => b.is_null(),
        (Some(x), Some(y)) => (x - y).abs() < 1e-6,
        _ => false,
    }
}

/// Compares a parse result with `NAME.expected.json`:
/// `{"timing", "speakers", "segments": [{"speaker","start","end","text"}],
///   "pauses": [[after_segment|null, seconds]], "warnings": ["substring", …]}`
/// (warnings: exactly one substring per warning, in order), or
/// `{"error": {"line": N, "contains": "…"}}`.
fn compare(name: &str, got: Result<Transcript, Error>, want: &Value) -> Vec<String> {
    let mut misses = Vec::new();
    let mut miss = |m: String| misses.push(format!("{name}: {m}"));
    if let Some(err) = want.get("error") {
        match got {
            Ok(t) => miss(format!("parsed ({} segments), want an error", t.segments.len())),
            Err(e) => {
                let line = err["line"].as_u64().unwrap() as usize;
                if !matches!(e, Error::Parse { .. }) || e.line() != line {
                    miss(format!("{e:?}, want a parse error at line {line}"));
                }
                if let Some(s) = err.get("contains").and_then(Value::as_str) {
                    if !e.to_string().contains(s) {
                        miss(format!("error {e} lacks {s:?}"));
                    }
                }
            }
        }
        return misses;
    }
    let t = match got {
        Ok(t) => t,
        Err(e) => {
            miss(format!("{e}"));
            return misses;
        }
    };
    let timing = serde_json::to_value(t.timing).unwrap();
    if timing != want["timing"] {
        miss(format!("timing {timing}, want {}", want["timing"]));
    }
    let speakers: Vec<&str> = labels(&t);
    let want_speakers: Vec<&str> = want["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    if speakers != want_speakers {
        miss(format!("speakers {speakers:?}, want {want_speakers:?}"));
    }
    let segs = want["segments"].as_array().unwrap();
    if segs.len() != t.segments.len() {
        miss(format!("{} segments, want {}", t.segments.len(), segs.len()));
    }
    for (i, (s, w)) in t.segments.iter().zip(segs).enumerate() {
        let ok = t.label(s) == w["speaker"].as_str().unwrap()
            && approx(s.start_s, &w["start"])
            && approx(s.end_s, &w["end"])
            && s.text == w["text"].as_str().unwrap();
        if !ok {
            miss(format!(
                "segment {i}: {:?} {:?}-{:?} {:?}, want {w}",
                t.label(s),
                s.start_s,
                s.end_s,
                s.text
            ));
        }
    }
    let want_pauses = want
        .get("pauses")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let pauses: Vec<(Option<usize>, f64)> = t.pauses.iter().map(|p| (p.after_segment, p.duration_s)).collect();
    let same = pauses.len() == want_pauses.len()
        && pauses
            .iter()
            .zip(&want_pauses)
            .all(|((a, d), w)| w[0].as_u64().map(|x| x as usize) == *a && (w[1].as_f64().unwrap() - d).abs() < 1e-9);
    if !same {
        miss(format!("pauses {pauses:?}, want {want_pauses:?}"));
    }
    let want_warnings = want
        .get("warnings")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let warnings: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
    let same = warnings.len() == want_warnings.len()
        && warnings
            .iter()
            .zip(&want_warnings)
            .all(|(w, s)| w.contains(s.as_str().unwrap()));
    if !same {
        miss(format!("warnings {warnings:?}, want {want_warnings:?}"));
    }
    misses
}

#[test]
fn testdata_fixtures() {
    let mut misses = Vec::new();
    let mut n = 0;
    for dir in ["txt", "csv"] {
        let dir = common::testdata().join(dir);
        let mut inputs = Vec::new();
        files_under(&dir, &["txt", "csv", "tsv"], &mut inputs);
        assert!(inputs.len() >= 8, "{}: only {} fixtures", dir.display(), inputs.len());
        for path in inputs {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let stem = name.rsplit_once('.').unwrap().0;
            let exp = path.with_file_name(format!("{stem}.expected.json"));
            let want: Value = match std::fs::read_to_string(&exp) {
                Ok(s) => serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", exp.display())),
                Err(_) => {
                    misses.push(format!("{name}: no {}", exp.display()));
                    continue;
                }
            };
            n += 1;
            let m = compare(&name, parse_file(&path), &want);
            println!("{name}: {}", if m.is_empty() { "ok" } else { "MISS" });
            misses.extend(m);
        }
    }
    println!("{n} fixtures, {} misses", misses.len());
    assert!(misses.is_empty(), "\n{}\n", misses.join("\n"));
}
