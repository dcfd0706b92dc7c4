//! Question phenomena of real speech (issue 17) in both languages, on our
//! own labelled sentences in `testdata/speech/phenomena.tsv`: for each
//! phenomenon (declarative questions, tags and final particles, ellipsis,
//! verb-first yes/no questions, English inversion mid-utterance,
//! non-questions, kinds) positive and negative sentences, unpunctuated and
//! lowercase, classified in words mode. Every row must hold.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use std::collections::BTreeMap;

use warmcall::{Analyzer, Config};

#[test]
fn every_phenomenon_holds_in_both_languages() {
    let text = std::fs::read_to_string(common::testdata().join("speech/phenomena.tsv")).expect("phenomena.tsv");
    let a = Analyzer::new(Config::default()).unwrap();
    // (lang, phenomenon) → (positives, negatives) seen, and every wrong row.
    let mut seen: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "four columns: {line}");
        let (lang, phen, want, sentence) = (f[0], f[1], f[2], f[3]);
        let got = common::kind_name(a.question_kind(lang, sentence, false));
        let e = seen.entry((lang.to_string(), phen.to_string())).or_default();
        if want == "none" {
            e.1 += 1;
        } else {
            e.0 += 1;
        }
        if got != want {
            wrong.push(format!("  {lang} {phen}: want {want}, got {got}  {sentence}"));
        }
    }
    for ((lang, phen), (pos, neg)) in &seen {
        println!("{lang} {phen:<13} {pos} questions, {neg} non-questions");
    }
    for w in &wrong {
        println!("{w}");
    }
    // Each phenomenon has a positive and a negative case in each language
    // (English-only inversion: Dutch has the negative only, by design).
    for phen in ["declarative", "tag", "ellipsis", "verb-first", "non-question", "kind"] {
        for lang in ["en", "nl"] {
            let (pos, neg) = seen
                .get(&(lang.to_string(), phen.to_string()))
                .copied()
                .unwrap_or_default();
            let non_question_only = phen == "non-question";
            assert!(
                (pos > 0 || non_question_only) && (neg > 0 || phen == "kind" && lang == "nl"),
                "{lang} {phen}: needs positive and negative rows"
            );
        }
    }
    assert!(wrong.is_empty(), "{} rows wrong", wrong.len());
}
