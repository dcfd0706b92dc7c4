//! Generators of pathological inputs (SPEC §10), shared by
//! `tests/limits.rs` (small sizes, debug build) and
//! `examples/pathological.rs` (full sizes, measured by hand on a release
//! build). Each takes a size and returns the file's bytes and a path whose
//! extension picks the parser.
#![allow(dead_code)]

use std::fmt::Write as _;

/// Every generator by name, for the example's command line.
pub const CASES: &[&str] = &[
    "vtt-long-line",
    "srt-long-line",
    "txt-long-line",
    "raw-long-line",
    "vtt-open-tags",
    "srt-open-overrides",
    "vtt-cues",
    "srt-cues",
    "vtt-speakers",
    "vtt-nested-tags",
    "json-nested",
    "txt-same-start",
    "txt-lines",
    "csv-rows",
    "chat-utterances",
    "json-segments",
    "rttm-lines",
    "vtt-overlap",
    "vtt-nested-spans",
];

/// Bytes and a file name for case `name` at size `n` (bytes, cues or depth,
/// as the case reads it).
pub fn generate(name: &str, n: usize) -> Option<(Vec<u8>, &'static str)> {
    Some(match name {
        "vtt-long-line" => (
            format!("WEBVTT\n\n00:00.000 --> 00:10.000\nAnn: {}\n", words(n)).into_bytes(),
            "x.vtt",
        ),
        "srt-long-line" => (
            format!("1\n00:00:00,000 --> 00:00:10,000\nAnn: {}\n", words(n)).into_bytes(),
            "x.srt",
        ),
        "txt-long-line" => (format!("Ann: {}\n", words(n)).into_bytes(), "x.txt"),
        "raw-long-line" => (vec![b'a'; n], "x"),
        // A `<b` never closed: each one used to search the rest of the cue for `>`.
        "vtt-open-tags" => (
            format!("WEBVTT\n\n00:00.000 --> 00:10.000\nAnn: hi {}\n", "<b".repeat(n / 2)).into_bytes(),
            "x.vtt",
        ),
        "srt-open-overrides" => (
            format!("1\n00:00:00,000 --> 00:00:10,000\nAnn: hi {}\n", "{\\".repeat(n / 2)).into_bytes(),
            "x.srt",
        ),
        "vtt-cues" => (vtt_cues(n, false), "x.vtt"),
        "srt-cues" => (srt_cues(n), "x.srt"),
        "vtt-speakers" => (vtt_cues(n, true), "x.vtt"),
        "vtt-nested-tags" => (
            format!(
                "WEBVTT\n\n00:00.000 --> 00:10.000\n<v Ann>{}deep{}\n",
                "<b><i>".repeat(n / 2),
                "</i></b>".repeat(n / 2)
            )
            .into_bytes(),
            "x.vtt",
        ),
        "json-nested" => (
            format!("{{\"segments\":{}{}}}", "[".repeat(n), "]".repeat(n)).into_bytes(),
            "x.json",
        ),
        "txt-same-start" => {
            let mut s = String::new();
            for i in 0..n {
                let _ = writeln!(s, "[00:00:00] {}: ja hoor", if i % 2 == 0 { "Ann" } else { "Bob" });
            }
            (s.into_bytes(), "x.txt")
        }
        "txt-lines" => (
            rows(n, |i, who, a, _| format!("[{}] {who}: ja hoor\n", clock(a, i))).into_bytes(),
            "x.txt",
        ),
        "csv-rows" => {
            let mut s = String::from("start,end,speaker,text\n");
            s.push_str(&rows(n, |_, who, a, b| {
                format!("{},{},{who},ja hoor\n", secs(a), secs(b))
            }));
            (s.into_bytes(), "x.csv")
        }
        "chat-utterances" => {
            let mut s = String::from("@UTF8\n@Begin\n@Languages:\tnld\n@Participants:\tANN Ann, BOB Bob\n");
            s.push_str(&rows(n, |_, who, a, b| {
                format!("*{}:\tja hoor . \u{15}{a}_{b}\u{15}\n", who.to_uppercase())
            }));
            s.push_str("@End\n");
            (s.into_bytes(), "x.cha")
        }
        "json-segments" => {
            let body = rows(n, |i, who, a, b| {
                format!(
                    "{}{{\"speaker\":\"{who}\",\"start\":{},\"end\":{},\"text\":\"ja hoor\"}}",
                    if i == 0 { "" } else { "," },
                    secs(a),
                    secs(b)
                )
            });
            (format!("{{\"segments\":[{body}]}}").into_bytes(), "x.json")
        }
        "rttm-lines" => (
            rows(n, |_, who, a, b| {
                format!("SPEAKER call 1 {} {} <NA> <NA> {who} <NA> <NA>\n", secs(a), secs(b - a))
            })
            .into_bytes(),
            "x.rttm",
        ),
        // Every cue overlaps every other: sweeps that compare each segment
        // with all open ones would be quadratic.
        "vtt-overlap" => {
            let mut s = String::from("WEBVTT\n\n");
            s.push_str(&rows(n, |i, who, a, _| {
                format!(
                    "{} --> {}\n<v {who}>ja hoor {i}\n\n",
                    vtt_time(a / 100),
                    vtt_time(n as u64 * 1000)
                )
            }));
            (s.into_bytes(), "x.vtt")
        }
        // Each cue lies inside the previous one, alternating speakers.
        "vtt-nested-spans" => {
            let mut s = String::from("WEBVTT\n\n");
            let total = n as u64 * 2000;
            s.push_str(&rows(n, |i, who, _, _| {
                let i = i as u64;
                format!(
                    "{} --> {}\n<v {who}>ja hoor {i}\n\n",
                    vtt_time(i * 1000),
                    vtt_time(total - i * 1000)
                )
            }));
            (s.into_bytes(), "x.vtt")
        }
        _ => return None,
    })
}

/// About `n` bytes of Dutch and English words without a line break.
pub fn words(n: usize) -> String {
    const W: &str = "ja dus we kunnen dat morgen bespreken, what do you think about the price? ";
    let mut s = W.repeat(n / W.len() + 1);
    s.truncate(n);
    s
}

fn vtt_cues(n: usize, distinct_speakers: bool) -> Vec<u8> {
    let mut s = String::with_capacity(n * 40 + 8);
    s.push_str("WEBVTT\n\n");
    for i in 0..n {
        let (a, b) = (i as u64 * 1000, i as u64 * 1000 + 900);
        let who = if distinct_speakers {
            format!("S{i}")
        } else if i % 2 == 0 {
            "Ann".into()
        } else {
            "Bob".into()
        };
        let _ = write!(s, "{} --> {}\n<v {who}>ja\n\n", vtt_time(a), vtt_time(b));
    }
    s.into_bytes()
}

fn srt_cues(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(n * 48);
    for i in 0..n {
        let (a, b) = (i as u64 * 1000, i as u64 * 1000 + 900);
        let who = if i % 2 == 0 { "Ann" } else { "Bob" };
        let _ = write!(s, "{}\n{} --> {}\n{who}: ja\n\n", i + 1, srt_time(a), srt_time(b));
    }
    s.into_bytes()
}

fn vtt_time(ms: u64) -> String {
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

fn srt_time(ms: u64) -> String {
    vtt_time(ms).replace('.', ",")
}

/// `n` rows alternating Ann and Bob a second apart: `f(i, who, start_ms, end_ms)`.
fn rows(n: usize, f: impl Fn(usize, &str, u64, u64) -> String) -> String {
    let mut s = String::new();
    for i in 0..n {
        let who = if i % 2 == 0 { "Ann" } else { "Bob" };
        s.push_str(&f(i, who, i as u64 * 1000, i as u64 * 1000 + 900));
    }
    s
}

/// Milliseconds as seconds with three decimals: `1234` → `1.234`.
fn secs(ms: u64) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

fn clock(ms: u64, _i: usize) -> String {
    format!("{:02}:{:02}:{:02}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60)
}
