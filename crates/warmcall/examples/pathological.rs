//! Parses and analyses one generated pathological input, for measuring time
//! and peak memory by hand (docs/robustness.md):
//!
//! ```text
//! cargo build --release --example pathological -p warmcall
//! /usr/bin/time -v target/release/examples/pathological vtt-long-line 100000000
//! ```
#![allow(clippy::print_stdout)]

#[path = "../tests/common/pathological.rs"]
mod pathological;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(name), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<usize>().ok())) else {
        println!(
            "usage: pathological CASE SIZE\ncases: {}",
            pathological::CASES.join(", ")
        );
        std::process::exit(2);
    };
    let Some((bytes, path)) = pathological::generate(name, n) else {
        println!("unknown case {name}; cases: {}", pathological::CASES.join(", "));
        std::process::exit(2);
    };
    let analyzer = warmcall::Analyzer::new(warmcall::Config::default()).expect("default config");
    let t0 = std::time::Instant::now();
    let parsed = warmcall::parse_bytes(&bytes, Some(std::path::Path::new(path)));
    let t1 = t0.elapsed();
    match parsed {
        Ok(t) => {
            let report = analyzer.analyze(&t);
            let json = serde_json::to_string(&report).expect("serialises");
            println!(
                "{name} {n}: {} bytes in, {} segments, {} speakers, {} warnings; parse {:.2} s, total {:.2} s, report {} bytes",
                bytes.len(),
                t.segments.len(),
                t.speakers.len(),
                t.warnings.len(),
                t1.as_secs_f64(),
                t0.elapsed().as_secs_f64(),
                json.len()
            );
        }
        Err(e) => println!(
            "{name} {n}: {} bytes in, error after {:.2} s: {e}",
            bytes.len(),
            t1.as_secs_f64()
        ),
    }
}
