//! Writes a deterministic benchmark corpus.
//!
//! `gen-corpus OUT_DIR [--calls N | --mb MB] [--seed S]`
//!
//! `gen-corpus --dump-phrases` prints every phrase of the built-in nl and en
//! lexicons, one a line, for `rg -F -f` (the throughput yardstick of
//! BENCHMARKS.md). Regular-expression entries are reduced to their longest
//! literal run (see [`warmcall_benches::literal_phrase`]).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let mut calls: Option<u64> = None;
    let mut mb: Option<u64> = None;
    let mut seed = 2026u64;
    while let Some(a) = args.next() {
        let mut val = |name: &str| -> u64 {
            args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
                eprintln!("gen-corpus: {name} needs a number");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--calls" => calls = Some(val("--calls")),
            "--mb" => mb = Some(val("--mb")),
            "--seed" => seed = val("--seed"),
            "--dump-phrases" => {
                for p in warmcall_benches::lexicon_phrases() {
                    println!("{p}");
                }
                return;
            }
            "-h" | "--help" => {
                println!("gen-corpus OUT_DIR [--calls N | --mb MB] [--seed S]\ngen-corpus --dump-phrases");
                return;
            }
            _ => out = Some(PathBuf::from(a)),
        }
    }
    let Some(out) = out else {
        eprintln!("gen-corpus: give an output folder");
        std::process::exit(2)
    };
    std::fs::create_dir_all(&out).expect("create output folder");
    let limit_bytes = mb.map(|m| m * 1_000_000);
    let max_calls = calls.unwrap_or(if limit_bytes.is_some() { u64::MAX } else { 1000 });
    let mut written = 0u64;
    let mut i = 0u64;
    while i < max_calls && limit_bytes.is_none_or(|l| written < l) {
        let (name, bytes) = warmcall_benches::generate_call(seed, i);
        // Shard into subfolders so folder walking is exercised too.
        let dir = out.join(format!("batch{:03}", i / 500));
        std::fs::create_dir_all(&dir).expect("create shard");
        std::fs::write(dir.join(name), &bytes).expect("write call");
        written += bytes.len() as u64;
        i += 1;
    }
    println!("{} calls, {:.1} MB in {}", i, written as f64 / 1e6, out.display());
}
