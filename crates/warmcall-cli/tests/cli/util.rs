//! A command builder and input generators.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_warmcall"))
}

/// A finished run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Runs `warmcall ARGS` in `dir` with empty stdin.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    run_stdin(dir, args, b"")
}

/// Runs `warmcall ARGS` in `dir` feeding `input` on stdin.
pub fn run_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Run {
    run_env(dir, args, input, &[])
}

/// Runs `warmcall ARGS` in `dir` with `env` set and `input` on stdin.
pub fn run_env(dir: &Path, args: &[&str], input: &[u8], env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn warmcall");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    feeder.join().unwrap();
    Run::from(out)
}

pub fn write(p: &Path, content: impl AsRef<[u8]>) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, content).unwrap();
}

/// A plausible short sales call as WebVTT (Teams `<v Name>` voices).
pub fn vtt_call(i: usize) -> String {
    let agent = format!("Agent {}", i % 4);
    let customer = format!("Customer {i}");
    let mut s = String::from("WEBVTT\n\n");
    let lines = call_lines(i);
    let mut t = 0.0;
    for (k, text) in lines.iter().enumerate() {
        let who = if k % 2 == 0 { &agent } else { &customer };
        let len = 2.0 + (text.len() as f64) / 15.0;
        s.push_str(&format!(
            "{}\n{} --> {}\n<v {who}>{text}\n\n",
            k + 1,
            ts(t),
            ts(t + len)
        ));
        t += len + 0.4 + (k % 3) as f64 * 0.9;
    }
    s
}

/// The same kind of call as canonical JSON.
pub fn canonical_call(i: usize) -> String {
    let agent = format!("Agent {}", i % 4);
    let customer = format!("Customer {i}");
    let mut segs = Vec::new();
    let mut t = 0.0;
    for (k, text) in call_lines(i).iter().enumerate() {
        let who = if k % 2 == 0 { &agent } else { &customer };
        let len = 2.0 + (text.len() as f64) / 15.0;
        segs.push(serde_json::json!({"speaker": who, "start": t, "end": t + len, "text": text}));
        t += len + 0.5;
    }
    serde_json::to_string_pretty(&serde_json::json!({ "segments": segs })).unwrap()
}

/// A long call (about 15 minutes for 180 segments) as canonical JSON:
/// varied sentence lengths, gaps from 0.1 s to 6 s, questions, a push.
pub fn long_call(i: usize, segments: usize) -> String {
    let lines = call_lines(i);
    let mut segs = Vec::new();
    let mut t = 0.0;
    let gaps = [0.2, 0.5, 1.2, 0.1, 2.5, 0.4, 6.0];
    for k in 0..segments {
        let who = if k % 2 == 0 {
            format!("Agent {}", i % 4)
        } else {
            format!("Customer {i}")
        };
        let text = &lines[(k * 7 + i) % lines.len()];
        let len = 1.5 + text.len() as f64 / 12.0;
        segs.push(serde_json::json!({"speaker": who, "start": t, "end": t + len, "text": text}));
        t += len + gaps[(k + i) % gaps.len()];
    }
    serde_json::to_string(&serde_json::json!({ "segments": segs })).unwrap()
}

fn call_lines(i: usize) -> Vec<String> {
    vec![
        format!("Hi, this is Sam from Acme, I'm calling about your planning, call number {i}."),
        "Oh, right. What is this about?".into(),
        "How do you plan your week at the moment?".into(),
        "We use spreadsheets, and honestly it is a mess with twelve people on the road.".into(),
        "What happens when someone is ill?".into(),
        "Then I spend the whole morning calling people to swap shifts around.".into(),
        "Shall I come by on Tuesday at ten to show you our tool?".into(),
        "Maybe, send me some information first.".into(),
        "Of course, I will send it today.".into(),
        "Thanks, bye.".into(),
    ]
}

fn ts(s: f64) -> String {
    let ms = (s * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        (ms / 60_000) % 60,
        (ms / 1000) % 60,
        ms % 1000
    )
}

/// A folder of `n` calls, alternating VTT and canonical JSON, in nested folders.
pub fn corpus(root: &Path, n: usize) {
    for i in 0..n {
        let dir = root.join(format!("team{}", i % 3));
        if i % 2 == 0 {
            write(&dir.join(format!("call{i:04}.vtt")), vtt_call(i));
        } else {
            write(&dir.join(format!("call{i:04}.json")), canonical_call(i));
        }
    }
}

/// Decoded `jsonl` records.
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record {
    Call(Box<serde_json::Value>),
    Error {
        path: String,
        line: Option<usize>,
        kind: String,
        message: String,
    },
    Summary(Box<serde_json::Value>),
}

pub fn records(jsonl: &str) -> Vec<Record> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad jsonl line {l:?}: {e}")))
        .collect()
}

/// The path a record is about.
pub fn record_path(r: &Record) -> Option<String> {
    match r {
        Record::Call(v) => v["source"]["path"].as_str().map(str::to_string),
        Record::Error { path, .. } => Some(path.clone()),
        Record::Summary(_) => None,
    }
}
