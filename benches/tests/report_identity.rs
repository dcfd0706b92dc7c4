//! Performance work must not change a single byte of any report.
//!
//! Every sample call (testdata/samples) and five generated calls (one per
//! corpus format) are analysed and serialised; the JSON must equal the
//! committed file in `tests/expected/`. When a deliberate behaviour change
//! (not a speed-up) alters reports, regenerate with
//! `UPDATE_EXPECTED=1 cargo test -p warmcall-benches --test report_identity`
//! and review the diff.
#![allow(clippy::print_stdout)] // the test prints how many reports it compared

use std::path::{Path, PathBuf};

fn expected_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expected")
}

fn report_json(analyzer: &warmcall::Analyzer, bytes: &[u8], name: &str) -> String {
    let t = warmcall::parse_bytes(bytes, Some(Path::new(name))).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut s = serde_json::to_string_pretty(&analyzer.analyze(&t)).expect("report serialises");
    s.push('\n');
    s
}

/// Compares (or, with `UPDATE_EXPECTED`, writes) every case; reports all
/// differences at once.
fn check(cases: Vec<(String, String)>) {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut diffs = Vec::new();
    for (file, got) in &cases {
        let path = expected_dir().join(file);
        if update {
            std::fs::write(&path, got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_EXPECTED=1 to create)", path.display()));
        if &want != got {
            let line = want
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| want.lines().count().min(got.lines().count()));
            diffs.push(format!(
                "{file}: first difference at line {}:\n  want {:?}\n  got  {:?}",
                line + 1,
                want.lines().nth(line).unwrap_or(""),
                got.lines().nth(line).unwrap_or("")
            ));
        }
    }
    println!("{} reports compared", cases.len());
    assert!(diffs.is_empty(), "reports changed:\n{}", diffs.join("\n"));
}

#[test]
fn sample_reports_are_unchanged() {
    let analyzer = warmcall::Analyzer::new(warmcall::Config::default()).expect("default config");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("testdata/samples")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 10, "the ten sample calls");
    let cases = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(p).expect("read sample");
            (format!("sample_{name}.json"), report_json(&analyzer, &bytes, &name))
        })
        .collect();
    check(cases);
}

#[test]
fn generated_reports_are_unchanged() {
    let analyzer = warmcall::Analyzer::new(warmcall::Config::default()).expect("default config");
    // Indices 0..5 give one call per corpus format (index mod 5), both languages.
    let cases = (0..5)
        .map(|i| {
            let (name, bytes) = warmcall_benches::generate_call(7, i);
            (
                format!("generated_{i}_{name}.json"),
                report_json(&analyzer, &bytes, &name),
            )
        })
        .collect();
    check(cases);
}
