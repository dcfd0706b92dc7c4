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

criterion_group!(benches, bench_parse, bench_text_stages, bench_end_to_end);
criterion_main!(benches);
