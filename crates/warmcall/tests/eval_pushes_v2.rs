//! Push detector against the second, independently written set
//! `eval/v2/pushes.tsv`
//! (SPEC §6.1): precision and recall per language, category accuracy on true
//! pushes. Prints the figures and every miss; fails below the bar.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use warmcall::{Analyzer, Config};

const MIN_PRECISION: f64 = 0.98;
const MIN_RECALL: f64 = 0.95;
const MIN_CATEGORY: f64 = 0.98;

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    cat_ok: usize,
}

#[test]
fn push_detector_meets_the_v2_bar_per_language() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let path = common::shared_dir().join("eval/v2/pushes.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let analyzer = Analyzer::new(Config::default()).expect("default config");
    let mut tallies: std::collections::BTreeMap<String, Tally> = Default::default();
    let mut misses = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 5, "line {}: expected 5+ columns", n + 1);
        let (id, lang, sentence, is_push, category) = (cols[0], cols[1], cols[2], cols[3] == "1", cols[4]);
        let got = analyzer.push_category(lang, sentence);
        let t = tallies.entry(lang.to_string()).or_default();
        match (is_push, got) {
            (true, Some(c)) => {
                t.tp += 1;
                if c.name() == category {
                    t.cat_ok += 1;
                } else {
                    misses.push(format!(
                        "{id} category: want {category}, got {}  | {sentence}",
                        c.name()
                    ));
                }
            }
            (true, None) => {
                t.fn_ += 1;
                misses.push(format!("{id} missed push ({category})  | {sentence}"));
            }
            (false, Some(c)) => {
                t.fp += 1;
                misses.push(format!("{id} false push ({})  | {sentence}", c.name()));
            }
            (false, None) => t.tn += 1,
        }
    }
    let mut failures = Vec::new();
    println!("lang  precision  recall  category  (tp fp fn tn)");
    for (lang, t) in &tallies {
        let precision = t.tp as f64 / (t.tp + t.fp).max(1) as f64;
        let recall = t.tp as f64 / (t.tp + t.fn_).max(1) as f64;
        let cat = t.cat_ok as f64 / t.tp.max(1) as f64;
        println!(
            "{lang}    {precision:.3}      {recall:.3}   {cat:.3}     ({} {} {} {})",
            t.tp, t.fp, t.fn_, t.tn
        );
        if precision < MIN_PRECISION || recall < MIN_RECALL || cat < MIN_CATEGORY {
            failures.push(format!(
                "{lang}: precision {precision:.3}, recall {recall:.3}, category {cat:.3}"
            ));
        }
    }
    assert_eq!(tallies.len(), 2, "expected nl and en rows");
    println!("misses ({}):", misses.len());
    for m in &misses {
        println!("  {m}");
    }
    assert!(failures.is_empty(), "below the bar: {failures:?}");
}
