//! Call outcomes of the exchanges in `eval/v2/outcomes.tsv` (SPEC §6.4):
//! each row is the seller's last sentence and the customer's reply. The
//! exchange is judged by the same rules as a call: a two-segment transcript
//! (agent, then customer) analysed with `--agent`, and the report's outcome
//! read (`unknown` stands for the label `none`). Prints accuracy per
//! language and every miss; fails below the bar.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use std::collections::BTreeMap;

use warmcall::{Analyzer, Config, Transcript};

/// Bars just below what the rules reach (nl 0.91 / en 0.92; before the
/// composed rejection, advance and continuation rules: nl 0.53 / en 0.58).
const MIN_ACCURACY: [(&str, f64); 2] = [("en", 0.90), ("nl", 0.89)];

const AGENT: &str = "Seller";
const CUSTOMER: &str = "Customer";

/// The outcome name of the report for one exchange.
fn outcome(analyzers: &BTreeMap<&str, Analyzer>, lang: &str, context: &str, reply: &str) -> String {
    let t = Transcript::builder()
        .untimed(AGENT, context)
        .untimed(CUSTOMER, reply)
        .build();
    let r = analyzers[lang].analyze(&t);
    let v = serde_json::to_value(r.outcome.kind).expect("kind");
    match v.as_str().unwrap_or("?") {
        "unknown" => "none".to_string(),
        s => s.to_string(),
    }
}

#[test]
fn outcomes_of_v2_exchanges_meet_the_bar_per_language() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let path = common::shared_dir().join("eval/v2/outcomes.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let analyzers: BTreeMap<&str, Analyzer> = ["en", "nl"]
        .into_iter()
        .map(|l| {
            let cfg = Config::default().agent(AGENT).language(l);
            (l, Analyzer::new(cfg).expect("config"))
        })
        .collect();
    // lang -> (right, total); label -> (right, total) per language.
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut per_label: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 5, "line {}: expected 5+ columns", n + 1);
        let (id, lang, context, reply, want) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
        let got = outcome(&analyzers, lang, context, reply);
        let ok = got == want;
        for t in [
            tally.entry(lang.to_string()).or_default(),
            per_label.entry((lang.to_string(), want.to_string())).or_default(),
        ] {
            t.0 += usize::from(ok);
            t.1 += 1;
        }
        if !ok {
            misses.push(format!("{id} want {want}, got {got}  | {context} || {reply}"));
        }
    }
    assert_eq!(tally.len(), 2, "expected nl and en rows");
    println!("lang  accuracy  (right/total)");
    let mut failures = Vec::new();
    for (lang, min) in MIN_ACCURACY {
        let (right, total) = tally[lang];
        let acc = right as f64 / total.max(1) as f64;
        println!("{lang}    {acc:.3}     ({right}/{total}; bar {min:.2})");
        if acc < min {
            failures.push(format!("{lang}: accuracy {acc:.3} < {min:.2}"));
        }
    }
    for ((lang, label), (right, total)) in &per_label {
        println!("  {lang} {label:<13} {right}/{total}");
    }
    println!("misses ({}):", misses.len());
    for m in &misses {
        println!("  {m}");
    }
    assert!(failures.is_empty(), "below the bar: {failures:?}");
}
