//! Push detection on real typed persuasion chats:
//! `realdata/persuasionforgood-dev` (60 PersuasionForGood dialogues, see its
//! README). Each dialogue is analysed as `warmcall analyze --agent Persuader`
//! does, and every Persuader turn is judged a push when the report holds a
//! push in that segment. Prints per-turn precision and recall and every miss;
//! fails below the bar.
//!
//! Where the corpus labels differ from SPEC §6.1: `is_push` marks every turn
//! with a `proposition-of-donation` sentence. Some of those confirm an amount
//! the persuadee already agreed to ("so you'll donate $1, great"), which
//! SPEC §6 does not count as a push; some state the cause without an inviting
//! form; and some asks for an amount ("how much would you like to give?") are
//! labelled otherwise by the annotators. Those rows are printed as misses or
//! false pushes like any other and left as labelled: the bar is set below
//! what the rules reach rather than bending a rule to them.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use std::collections::{BTreeMap, BTreeSet};

use warmcall::{Analyzer, Config};

const MIN_PRECISION: f64 = 0.60;
const MIN_RECALL: f64 = 0.64;

#[test]
fn persuader_pushes_per_turn() {
    let Some(shared) = common::shared_or_skip() else {
        return;
    };
    let dir = shared.join("realdata/persuasionforgood-dev");
    let labels_path = dir.join("labels.tsv");
    let labels = std::fs::read_to_string(&labels_path).unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
    // file -> segment -> is_push, Persuader turns only.
    let mut want: BTreeMap<String, BTreeMap<usize, bool>> = BTreeMap::new();
    for (n, line) in labels.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 4, "labels.tsv line {}: expected 4+ columns", n + 1);
        if cols[2] != "Persuader" {
            continue;
        }
        let seg: usize = cols[1]
            .parse()
            .unwrap_or_else(|e| panic!("labels.tsv line {}: {e}", n + 1));
        want.entry(cols[0].to_string()).or_default().insert(seg, cols[3] == "1");
    }
    assert_eq!(want.len(), 60, "expected 60 dialogues");
    let analyzer = Analyzer::new(Config::default().agent("Persuader")).expect("config");
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (file, turns) in &want {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let t = warmcall::parse_bytes(&bytes, Some(&path)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let report = analyzer.analyze(&t);
        let pushed: BTreeSet<usize> = report
            .pushes
            .as_ref()
            .map(|p| p.items.iter().map(|it| it.segment).collect())
            .unwrap_or_default();
        for (&seg, &is_push) in turns {
            let text = t.segments.get(seg).map(|s| s.text.as_str()).unwrap_or("");
            match (is_push, pushed.contains(&seg)) {
                (true, true) => tp += 1,
                (true, false) => {
                    fn_ += 1;
                    misses.push(format!("{file}:{seg} missed push  | {text}"));
                }
                (false, true) => {
                    fp += 1;
                    misses.push(format!("{file}:{seg} false push  | {text}"));
                }
                (false, false) => tn += 1,
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!("persuader turns: precision {precision:.3}  recall {recall:.3}  (tp {tp} fp {fp} fn {fn_} tn {tn})");
    println!("misses ({}):", misses.len());
    for m in &misses {
        println!("  {m}");
    }
    assert_eq!(tp + fn_, 58, "expected 58 labelled push turns");
    assert!(
        precision >= MIN_PRECISION && recall >= MIN_RECALL,
        "below the bar: precision {precision:.3}, recall {recall:.3}"
    );
}
