//! A batch of good and bad files (SPEC §8, §10): every input is accounted
//! for exactly once in the `jsonl` output, as a call or an error record,
//! and the run exits 1; an interrupted run leaves no half-written output
//! and does not clobber an earlier output file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_warmcall"))
}

const MAX_SIZE: usize = 50_000;

fn good_vtt(i: usize) -> String {
    format!(
        "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Sam>Hi, this is Sam from Acme, call {i}. How is your planning going?\n\n\
         00:04.500 --> 00:09.000\n<v Jo>Busy. We use spreadsheets for now.\n\n\
         00:09.500 --> 00:13.000\n<v Sam>What made you look at other tools?\n"
    )
}

fn good_srt(i: usize) -> String {
    format!(
        "1\n00:00:00,000 --> 00:00:04,000\nSam: Goedemiddag, u spreekt met Sam van Acme, gesprek {i}.\n\n\
         2\n00:00:04,500 --> 00:00:08,000\nJo: Ja, goedemiddag.\n\n\
         3\n00:00:08,500 --> 00:00:12,000\nSam: Hoe plant u nu uw afspraken?\n"
    )
}

fn good_json(i: usize) -> String {
    serde_json::json!({"segments": [
        {"speaker": "Sam", "start": 0.0, "end": 4.0, "text": format!("Hello, Sam from Acme here, call {i}. Is now a good time?")},
        {"speaker": "Jo", "start": 4.5, "end": 7.0, "text": "Sure, go ahead."},
        {"speaker": "Sam", "start": 7.5, "end": 11.0, "text": "How do you schedule your team today?"}
    ]})
    .to_string()
}

/// Writes 200 good and 50 bad files; returns every file name with whether
/// it must come back as a call (`true`) or an error record.
fn make_batch(dir: &Path) -> HashMap<String, bool> {
    let mut want = HashMap::new();
    let mut put = |name: String, bytes: Vec<u8>, good: bool| {
        std::fs::write(dir.join(&name), bytes).unwrap();
        assert!(want.insert(name, good).is_none());
    };
    for i in 0..200 {
        match i % 3 {
            0 => put(format!("good{i:03}.vtt"), good_vtt(i).into_bytes(), true),
            1 => put(format!("good{i:03}.srt"), good_srt(i).into_bytes(), true),
            _ => put(format!("good{i:03}.json"), good_json(i).into_bytes(), true),
        }
    }
    for i in 0..10 {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend((0..=255u8).cycle().take(300 + i));
        put(format!("bad-binary{i}.vtt"), png, false);
        put(format!("bad-empty{i}.srt"), Vec::new(), false);
        put(
            format!("bad-invalid{i}.json"),
            format!("{{\"segments\": [{{\"speaker\": \"Sam\", \"start\": {i},, }}]}}").into_bytes(),
            false,
        );
        let json = good_json(i);
        put(
            format!("bad-truncated{i}.json"),
            json.as_bytes()[..json.len() / 2].to_vec(),
            false,
        );
    }
    for i in 0..5 {
        // Content of one format under another's extension.
        put(format!("bad-json-as{i}.vtt"), good_json(i).into_bytes(), false);
        // Valid, but over --max-size.
        let mut big = String::from("WEBVTT\n\n");
        let mut t = 0;
        while big.len() <= MAX_SIZE {
            big.push_str(&format!(
                "{:02}:{:02}.000 --> {:02}:{:02}.500\n<v Sam>Still talking, call {i}.\n\n",
                t / 60,
                t % 60,
                t / 60,
                t % 60
            ));
            t += 1;
        }
        put(format!("bad-too-large{i}.vtt"), big.into_bytes(), false);
    }
    assert_eq!(want.len(), 250);
    want
}

#[test]
fn every_file_of_a_mixed_batch_is_reported_exactly_once() {
    let d = tempfile::tempdir().unwrap();
    let calls = d.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    let want = make_batch(&calls);
    let out = Command::new(bin())
        .current_dir(d.path())
        .args([
            "analyze",
            "calls",
            "-f",
            "jsonl",
            "--quiet",
            "--max-size",
            &MAX_SIZE.to_string(),
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "some inputs failed: exit 1\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seen: HashMap<String, Vec<&str>> = HashMap::new();
    let mut summaries = 0;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let (ty, path) = match v["type"].as_str() {
            Some("call") => ("call", v["source"]["path"].as_str()),
            Some("error") => ("error", v["path"].as_str()),
            Some("summary") => {
                summaries += 1;
                continue;
            }
            other => panic!("record type {other:?}: {line}"),
        };
        let path = path.unwrap_or_else(|| panic!("record without a path: {line}"));
        let name = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
        seen.entry(name).or_default().push(ty);
    }
    assert_eq!(summaries, 1, "one summary record");
    let mut problems = Vec::new();
    for (name, good) in &want {
        match seen.get(name).map(Vec::as_slice) {
            None => problems.push(format!("{name}: missing")),
            Some([ty]) if (*ty == "call") == *good => {}
            Some(tys) => problems.push(format!(
                "{name}: {tys:?}, expected {}",
                if *good { "call" } else { "error" }
            )),
        }
    }
    for name in seen.keys() {
        if !want.contains_key(name) {
            problems.push(format!("{name}: reported but not in the batch"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_interrupted_run_keeps_the_previous_output_and_leaves_no_partial_file() {
    let d = tempfile::tempdir().unwrap();
    let calls = d.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    // Long enough that the run is still going when it is interrupted.
    for i in 0..1500 {
        let mut s = String::from("WEBVTT\n\n");
        for k in 0..150 {
            let who = if k % 2 == 0 { "Sam" } else { "Jo" };
            s.push_str(&format!(
                "{:02}:{:02}.000 --> {:02}:{:02}.800\n<v {who}>Call {i}, line {k}: how do you plan the week?\n\n",
                k / 60,
                k % 60,
                k / 60,
                k % 60
            ));
        }
        std::fs::write(calls.join(format!("c{i:04}.vtt")), s).unwrap();
    }
    let previous = b"{\"type\":\"summary\",\"previous\":true}\n";
    std::fs::write(d.path().join("out.jsonl"), previous).unwrap();
    let mut child = Command::new(bin())
        .current_dir(d.path())
        .args(["analyze", "calls", "-f", "jsonl", "-j", "1", "-o", "out.jsonl"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let partial = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().map_or(0, |m| m.len()),
                )
            })
            .collect::<Vec<_>>()
    };
    // Wait until output has really been written (the 64 KiB buffer flushed
    // at least once), not merely until the temp file exists.
    let start = Instant::now();
    while !partial(d.path()).iter().any(|(_, len)| *len > 0) {
        assert!(start.elapsed() < Duration::from_secs(120), "no output was written");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run finished before it could be interrupted"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(0), "an interrupted run does not report success");
    assert_eq!(
        std::fs::read(d.path().join("out.jsonl")).unwrap(),
        previous,
        "the earlier output was replaced by a partial one"
    );
    assert_eq!(
        partial(d.path()),
        Vec::<(String, u64)>::new(),
        "partial output left behind"
    );
}
