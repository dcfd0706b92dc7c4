//! Criterion benches: per-format parsing, per-stage text work, and the
//! whole pipeline per MB. Corpus: the deterministic generator in this crate.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use warmcall_benches::generate_call;

/// Calls of one format (index ≡ k mod 5), about `target` bytes in all.
fn corpus_of_format(k: u64, target: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = k;
    while total < target {
        let c = generate_call(11, i);
        total += c.1.len();
        out.push(c);
        i += 5;
    }
    out
}

fn bench_parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (k, name) in [
        (0, "teams_vtt"),
        (1, "zoom_vtt"),
        (2, "srt"),
        (3, "txt"),
        (4, "canonical_json"),
    ] {
        let files = corpus_of_format(k, 2_000_000);
        let bytes: usize = files.iter().map(|f| f.1.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &files, |b, files| {
            b.iter(|| {
                for (name, data) in files {
                    let _ = black_box(warmcall::parse_bytes(data, Some(std::path::Path::new(name))));
                }
            })
        });
    }
    g.finish();
}

fn bench_end_to_end(c: &mut Criterion) {
    let analyzer = warmcall::Analyzer::new(warmcall::Config::default()).expect("default config");
    let mut g = c.benchmark_group("end_to_end");
    let files: Vec<(String, Vec<u8>)> = (0..60).map(|i| generate_call(13, i)).collect();
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    // The same calls parsed once outside the timing: the whole analysis,
    // and the rule engine alone (tokenize + match every list in every
    // sentence, nothing judged): the engine's ceiling next to the pipeline.
    let parsed: Vec<warmcall::Transcript> = files
        .iter()
        .filter_map(|(name, data)| warmcall::parse_bytes(data, Some(std::path::Path::new(name))).ok())
        .collect();
    g.bench_function("analyze_serialize", |b| {
        b.iter(|| {
            for t in &parsed {
                black_box(serde_json::to_vec(&analyzer.analyze(t)).ok());
            }
        })
    });
    for (name, scan) in [("engine_tokenize", false), ("engine_tokenize_match", true)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                parsed
                    .iter()
                    .map(|t| warmcall::bench_api::engine_only(&analyzer, t, scan))
                    .sum::<usize>()
            })
        });
    }
    g.bench_function("parse_analyze_serialize", |b| {
        b.iter(|| {
            for (name, data) in &files {
                if let Ok(t) = warmcall::parse_bytes(data, Some(std::path::Path::new(name))) {
                    let r = analyzer.analyze(&t);
                    black_box(serde_json::to_vec(&r).ok());
                }
            }
        })
    });
    g.finish();
}

fn bench_text_stages(c: &mut Criterion) {
    let analyzer = warmcall::Analyzer::new(warmcall::Config::default()).expect("default config");
    let (_, segs, _) = warmcall_benches::generate_segments(17, 1);
    let text: String = segs.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
    let sentences: Vec<&str> = warmcall::text::sentences(&text).map(|(_, s)| s).collect();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("sentence_split", |b| {
        b.iter(|| black_box(warmcall::text::sentences(&text).count()))
    });
    g.bench_function("word_count", |b| {
        b.iter(|| black_box(warmcall::text::word_count(&text)))
    });
    g.bench_function("questions", |b| {
        b.iter(|| {
            sentences
                .iter()
                .filter(|s| analyzer.question_kind("nl", s, true).is_some())
                .count()
        })
    });
    g.bench_function("pushes", |b| {
        b.iter(|| {
            sentences
                .iter()
                .filter(|s| analyzer.push_category("nl", s).is_some())
                .count()
        })
    });
    g.finish();
}

/// Each metric stage over whole calls (one per format, both languages), on
/// transcripts parsed and prepared once outside the timing.
fn bench_metric_stages(c: &mut Criterion) {
    use warmcall::bench_api::{prepare_only, with_prepared};
    let analyzer = warmcall::Analyzer::new(warmcall::Config::default()).expect("default config");
    let calls: Vec<(usize, warmcall::Transcript)> = (0..10)
        .map(|i| {
            let (name, data) = generate_call(19, i);
            let t = warmcall::parse_bytes(&data, Some(std::path::Path::new(&name))).expect("generated call parses");
            (data.len(), t)
        })
        .collect();
    let bytes: usize = calls.iter().map(|c| c.0).sum();
    let mut g = c.benchmark_group("metric_stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("prepare", |b| {
        b.iter(|| calls.iter().map(|(_, t)| prepare_only(&analyzer, t)).sum::<usize>())
    });
    type Stage = fn(&warmcall::bench_api::Prepared<'_>) -> usize;
    let stages: [(&str, Stage); 7] = [
        ("talk", |p| p.talk()),
        ("turns", |p| p.turns()),
        ("silences", |p| p.silences()),
        ("interruptions", |p| p.interruptions()),
        ("questions", |p| p.questions()),
        ("signals", |p| p.signals()),
        ("questions_signals_pushes", |p| p.pushes()),
    ];
    for (name, stage) in stages {
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for (_, t) in &calls {
                    with_prepared(&analyzer, t, |p| {
                        let start = std::time::Instant::now();
                        for _ in 0..iters {
                            black_box(stage(p));
                        }
                        total += start.elapsed();
                    });
                }
                total
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_parse,
    bench_text_stages,
    bench_metric_stages,
    bench_end_to_end
);
criterion_main!(benches);
