//! Question detector against the labelled sentences of
//! `../shared/eval/questions.tsv` (README §1), through the public
//! `Analyzer::question_kind`. Bars: is-question accuracy ≥ 0.95 on punctuated
//! and ≥ 0.85 on unpunctuated rows, per language; kind accuracy ≥ 0.90 on
//! the true questions. Prints the figures and every miss.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use warmcall::{Analyzer, Config};

#[test]
fn questions_tsv_accuracy() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let path = common::shared_dir().join("eval/questions.tsv");
    let text = std::fs::read_to_string(&path).expect("questions.tsv");
    let a = Analyzer::new(Config::default()).unwrap();
    // (lang, punctuated) -> (rows, is-question right); kinds over true questions.
    let mut cells: std::collections::BTreeMap<(String, bool), (usize, usize)> = Default::default();
    let (mut kind_n, mut kind_ok) = (0usize, 0usize);
    let mut misses = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 6, "bad row {line:?}");
        let (id, lang, punct, sentence, is_q, kind) = (f[0], f[1], f[2] == "yes", f[3], f[4] == "1", f[5]);
        let got = a.question_kind(lang, sentence, punct);
        let cell = cells.entry((lang.to_string(), punct)).or_default();
        cell.0 += 1;
        let detect_ok = got.is_some() == is_q;
        if detect_ok {
            cell.1 += 1;
        }
        if is_q {
            kind_n += 1;
            if common::kind_name(got) == kind {
                kind_ok += 1;
            }
        }
        if common::kind_name(got) != kind {
            misses.push(format!("  {id} [{kind} → {}] {sentence}", common::kind_name(got)));
        }
    }
    println!("question detection, is-question accuracy:");
    let mut failed = Vec::new();
    for ((lang, punct), (n, ok)) in &cells {
        let acc = *ok as f64 / *n as f64;
        let bar = if *punct { 0.95 } else { 0.85 };
        println!(
            "  {lang} {:<13} {ok}/{n} = {acc:.3} (bar {bar})",
            if *punct { "punctuated" } else { "unpunctuated" }
        );
        if acc < bar {
            failed.push(format!("{lang} punctuated={punct}: {acc:.3} < {bar}"));
        }
    }
    let kacc = kind_ok as f64 / kind_n as f64;
    println!("  kind accuracy on true questions: {kind_ok}/{kind_n} = {kacc:.3} (bar 0.90)");
    if kacc < 0.90 {
        failed.push(format!("kind accuracy {kacc:.3} < 0.90"));
    }
    println!("misses ({}):", misses.len());
    for m in &misses {
        println!("{m}");
    }
    assert!(failed.is_empty(), "below the bar: {failed:?}");
}
