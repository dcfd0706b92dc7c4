//! The question detector on real, unpunctuated British speech: BNC/CABNC
//! `KB7RE008.cha` (an estate agent showing flats; no `?` anywhere), against
//! a hand-made list of its questions in
//! `testdata/questions/KB7RE008.questions.tsv`. Bars: precision ≥ 0.8 and
//! recall ≥ 0.8 on "is this utterance a question".
//!
//! The CHAT parser lives elsewhere; to keep this test about the detector
//! alone it reads the `*SPK:\t` main tiers itself (timing bullets
//! `\x15…\x15` removed, one utterance per tier line) and asks
//! `Analyzer::question_kind("en", utterance, false)` — words mode, as the
//! pipeline would for a transcript without `?`.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use std::collections::BTreeMap;

use warmcall::{Analyzer, Config, QuestionKind};

fn strip_bullets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        if c == '\u{15}' {
            inside = !inside;
        } else if !inside {
            out.push(c);
        }
    }
    out.trim().to_string()
}

#[test]
fn kb7re008_precision_and_recall() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let cha = std::fs::read_to_string(common::shared_dir().join("realdata/cabnc/KB7RE008.cha")).expect("KB7RE008.cha");
    let labels_text =
        std::fs::read_to_string(common::testdata().join("questions/KB7RE008.questions.tsv")).expect("labels");
    let mut gold: BTreeMap<usize, String> = BTreeMap::new();
    for l in labels_text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = l.split('\t').collect();
        gold.insert(f[0].parse().expect("line number"), f[1].to_string());
    }
    assert!(gold.len() > 20, "label file looks truncated");
    let a = Analyzer::new(Config::default()).unwrap();
    let (mut tp, mut fp, mut kind_ok, mut utterances) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    let mut found: BTreeMap<usize, QuestionKind> = BTreeMap::new();
    for (i, line) in cha.lines().enumerate() {
        let Some(rest) = line.strip_prefix('*') else { continue };
        let Some((_, text)) = rest.split_once(":\t") else {
            continue;
        };
        utterances += 1;
        let lno = i + 1;
        let text = strip_bullets(text);
        let got = a.question_kind("en", &text, false);
        if let Some(k) = got {
            found.insert(lno, k);
        }
        match (got, gold.get(&lno)) {
            (Some(k), Some(g)) => {
                tp += 1;
                let name = format!("{k:?}").to_lowercase();
                if &name == g {
                    kind_ok += 1;
                } else {
                    misses.push(format!("  kind  {lno}: {g} → {name}  {text}"));
                }
            }
            (Some(k), None) => {
                fp += 1;
                misses.push(format!("  FP    {lno}: {k:?}  {text}"));
            }
            (None, Some(g)) => misses.push(format!("  FN    {lno}: {g}  {text}")),
            (None, None) => {}
        }
    }
    let fnn = gold.keys().filter(|l| !found.contains_key(l)).count();
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fnn).max(1) as f64;
    println!(
        "KB7RE008: {utterances} utterances, {} hand-labelled questions, {} detected",
        gold.len(),
        found.len()
    );
    println!(
        "  precision {precision:.3} (bar 0.8), recall {recall:.3} (bar 0.8), kind agreement on hits {kind_ok}/{tp}"
    );
    for m in &misses {
        println!("{m}");
    }
    assert!(
        precision >= 0.8 && recall >= 0.8,
        "precision {precision:.3} / recall {recall:.3} below 0.8"
    );
}
