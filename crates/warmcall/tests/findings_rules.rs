//! Finding rules through the public API: the small calls in
//! `testdata/findings/*.json`, each carrying its expected pushes, findings
//! that must and must not appear, and outcome. Transcripts are built with
//! `Transcript::builder()` so the rules are tested apart from the parsers.
//! (Unit tests of every rule on hand-built metrics live in
//! `src/findings/tests.rs`.)
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use serde_json::Value;
use warmcall::{Analyzer, Config, Report, Transcript};

fn build(fixture: &Value) -> Transcript {
    let mut b = Transcript::builder();
    for s in fixture["segments"].as_array().expect("segments") {
        let spk = s["speaker"].as_str().expect("speaker");
        let text = s["text"].as_str().expect("text");
        b = match (s["start"].as_f64(), s["end"].as_f64()) {
            (Some(a), Some(e)) => b.segment(spk, a, e, text),
            _ => b.untimed(spk, text),
        };
    }
    b.build()
}

fn analyze(fixture: &Value) -> Report {
    let mut cfg = Config::default()
        .agent(fixture["agent"].as_str().expect("agent"))
        .language(fixture["lang"].as_str().expect("lang"));
    if let Some(p) = fixture["profile"].as_str() {
        cfg = cfg.profile(p);
    }
    Analyzer::new(cfg).expect("config").analyze(&build(fixture))
}

#[test]
fn fixtures_give_their_expected_pushes_findings_and_outcome() {
    let dir = common::testdata().join("findings");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4, "fixtures missing in {}", dir.display());
    let mut failures = Vec::new();
    for path in &paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let fx: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
        let r = analyze(&fx);
        let exp = &fx["expected"];
        let got: Vec<_> = r.pushes.as_ref().map(|p| p.items.clone()).unwrap_or_default();
        let want = exp["pushes"].as_array().expect("pushes");
        let seg_cat = |it: &warmcall::report::PushItem| (it.segment as u64, it.category.name().to_string());
        let got_sc: Vec<_> = got.iter().map(seg_cat).collect();
        let want_sc: Vec<_> = want
            .iter()
            .map(|w| {
                (
                    w["segment"].as_u64().expect("segment"),
                    w["category"].as_str().expect("cat").to_string(),
                )
            })
            .collect();
        if got_sc != want_sc {
            failures.push(format!("{name}: pushes {got_sc:?}, want {want_sc:?}"));
        } else {
            for (g, w) in got.iter().zip(want) {
                if let Some(p) = w["premature"].as_bool() {
                    if g.premature != p {
                        failures.push(format!(
                            "{name}: push {} premature {}, want {p}",
                            g.segment, g.premature
                        ));
                    }
                }
            }
        }
        let ids: Vec<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
        for f in exp["findings"].as_array().expect("findings") {
            if !ids.contains(&f.as_str().expect("id")) {
                failures.push(format!("{name}: missing {f} (got {ids:?})"));
            }
        }
        for f in exp["not_findings"].as_array().expect("not_findings") {
            if ids.contains(&f.as_str().expect("id")) {
                failures.push(format!("{name}: unwanted {f}"));
            }
        }
        let outcome = serde_json::to_value(r.outcome.kind).expect("kind");
        if outcome != exp["outcome"] {
            failures.push(format!("{name}: outcome {outcome}, want {}", exp["outcome"]));
        }
        println!("{name}: pushes {got_sc:?} findings {ids:?} outcome {outcome}");
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn push_findings_name_the_push_segment_and_carry_both_languages() {
    let fx: Value = serde_json::from_str(
        &std::fs::read_to_string(common::testdata().join("findings/nl_bare_no_is_an_answer.json")).expect("read"),
    )
    .expect("json");
    let r = analyze(&fx);
    let pan = r
        .findings
        .iter()
        .find(|f| f.id == "push-after-no")
        .expect("push-after-no");
    assert_eq!(pan.segment, Some(7));
    assert_eq!(pan.start_s, Some(26.1));
    assert!(pan.evidence.contains("terugbellen"), "{}", pan.evidence);
    assert!(pan.message.contains("said no"), "{}", pan.message);

    let mut cfg = Config::default().agent("Medewerker").language("nl").ui_lang("nl");
    cfg.push.min_customer_share = 0.0;
    let r = Analyzer::new(cfg).expect("config").analyze(&build(&fx));
    let pan = r
        .findings
        .iter()
        .find(|f| f.id == "push-after-no")
        .expect("push-after-no");
    assert!(pan.message.contains("nee zei"), "{}", pan.message);
    let times: Vec<f64> = r.findings.iter().filter_map(|f| f.start_s).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "time order: {times:?}");
}

#[test]
fn sentence_level_near_misses_are_not_pushes() {
    let a = Analyzer::new(Config::default()).expect("config");
    for (lang, s) in [
        (
            "nl",
            "Ik stuur u vandaag de informatie, met een voorbeeld van zo'n maandpakket.",
        ),
        ("nl", "En als dokter Hermans vragen heeft, mag hij mij altijd bellen."),
        ("nl", "Wie doet bij jullie eigenlijk de bestellingen voor de praktijk?"),
        ("nl", "Dinsdag om tien uur is prima."),
        ("en", "Two o'clock Thursday works great."),
        ("en", "See you tomorrow at nine, Tricia."),
        ("en", "I'll get three profiles over to you by Friday."),
        (
            "en",
            "I'll bring a couple of brochures, and if you can dig out the current agreement, that would help.",
        ),
    ] {
        assert_eq!(a.push_category(lang, s), None, "{s}");
    }
}

/// Sentences written for this project (not from the eval set) that probe
/// the push rules beyond `eval/pushes.tsv`: other forms, steps and near
/// misses. Every row must come out as labelled.
#[test]
fn own_push_sentences_come_out_as_labelled() {
    let path = common::testdata().join("findings/push_sentences.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let a = Analyzer::new(Config::default()).expect("config");
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 3, "{line}");
        n += 1;
        let got = a.push_category(c[0], c[1]).map(|x| x.name()).unwrap_or("none");
        if got != c[2] {
            wrong.push(format!("want {} got {got} | {}", c[2], c[1]));
        }
    }
    println!("{}/{n} right", n - wrong.len());
    assert!(n >= 100 && wrong.is_empty(), "{wrong:#?}");
}
