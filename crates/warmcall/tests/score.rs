//! The warmth score (SPEC §6.5) through the public API: a report read back
//! from JSON is scored with `warmcall::score_report`, so each component can
//! be pinned at its edges independent of the metric stages.
#![allow(clippy::print_stdout)] // tests print their figures

use serde_json::{json, Value};
use warmcall::config_file::parse_config;
use warmcall::{score_report, Analyzer, Config, Report, Transcript};

/// A real report with every figure the score reads cleared, then `edit`ed.
fn report(edit: impl FnOnce(&mut Value)) -> Report {
    let t = Transcript::builder()
        .segment("A", 0.0, 3.0, "Hello.")
        .segment("B", 3.5, 6.0, "Hi.")
        .build();
    let r = Analyzer::new(Config::default().agent("A")).unwrap().analyze(&t);
    let mut v = serde_json::to_value(&r).unwrap();
    v["span_s"] = json!(600.0);
    v["talk"]["agent_share_of_speech"] = Value::Null;
    v["turns"]["longest_agent_monologue"] = Value::Null;
    v["patience"] = Value::Null;
    v["questions"] = Value::Null;
    v["pushes"] = Value::Null;
    v["findings"] = json!([]);
    edit(&mut v);
    serde_json::from_value(v).expect("still a report")
}

fn share(s: f64) -> impl FnOnce(&mut Value) {
    move |v| v["talk"]["agent_share_of_speech"] = json!(s)
}

fn questions(total: usize, follow_up: usize) -> Value {
    let side = |t: usize, f: usize| json!({"total": t, "open": t, "closed": 0, "tag": 0, "follow_up": f, "per_10_min": null, "first_third_share": null});
    json!({"basis": "punctuation", "agent": side(total, follow_up), "customer": side(0, 0), "items": []})
}

fn pushes(segments: &[usize]) -> Value {
    let items: Vec<Value> = segments
        .iter()
        .map(|s| {
            json!({"segment": s, "start_s": null, "text": "Shall we meet?", "category": "appointment", "premature": true,
                   "readiness": {"elapsed_s": null, "elapsed_share": null, "customer_share_so_far": null,
                                 "open_questions_so_far": 0, "answered_open_questions": 0, "signals": []}})
        })
        .collect();
    json!({"count": segments.len(), "premature": segments.len(), "first_s": null, "items": items})
}

fn finding(id: &str, segment: usize) -> Value {
    json!({"id": id, "severity": "high", "segment": segment, "start_s": null, "evidence": "", "message": ""})
}

fn score(r: &Report, cfg: &Config) -> warmcall::report::Score {
    let s = score_report(r, cfg).unwrap();
    println!("{}", serde_json::to_string(&s).unwrap());
    s
}

#[test]
fn analyzer_and_score_report_agree() {
    let t = Transcript::builder()
        .segment(
            "A",
            0.0,
            5.0,
            "Hi, this is Sam from Acme. How do you plan shifts today?",
        )
        .segment(
            "B",
            5.5,
            20.0,
            "With a spreadsheet, and it takes me half a day every single week to get it right.",
        )
        .segment("A", 20.5, 23.0, "What does that half day cost you?")
        .build();
    let cfg = Config::default().agent("A");
    let r = Analyzer::new(cfg.clone()).unwrap().analyze(&t);
    assert_eq!(score_report(&r, &cfg).unwrap(), r.score);
}

#[test]
fn listening_inside_the_band_and_at_the_falloff() {
    let cfg = Config::default();
    for (s, want) in [
        (0.35, 1.0),
        (0.43, 1.0),
        (0.50, 1.0),
        (0.625, 0.5),
        (0.75, 0.0),
        (0.10, 0.0),
        (0.95, 0.0),
    ] {
        let sc = score(&report(share(s)), &cfg);
        assert_eq!(sc.components.listening.as_ref().unwrap().value, want, "share {s}");
        // Listening is the only measured component: warmth is it, ×100.
        assert_eq!(sc.warmth, Some(want * 100.0), "share {s}");
    }
}

#[test]
fn missing_patience_renormalises_the_weights() {
    let cfg = Config::default();
    let r = report(|v| {
        v["talk"]["agent_share_of_speech"] = json!(0.40); // listening 1
        v["turns"]["longest_agent_monologue"] = json!({"s": 180.0, "words": 500, "start_s": 0.0, "segment": 0});
        // 0
    });
    let sc = score(&r, &cfg);
    assert!(sc.components.patience.is_none());
    // (0.25 × 1 + 0.15 × 0) / 0.40
    assert_eq!(sc.warmth, Some(62.5));
    let with_patience = report(|v| {
        v["talk"]["agent_share_of_speech"] = json!(0.40);
        v["turns"]["longest_agent_monologue"] = json!({"s": 180.0, "words": 500, "start_s": 0.0, "segment": 0});
        v["patience"] = json!({"handoffs": 8, "mean_s": 0.5, "median_s": 0.4, "wait_after_question_mean_s": null, "after_objection_mean_s": null});
    });
    let sc = score(&with_patience, &cfg);
    assert_eq!(sc.components.patience.as_ref().unwrap().value, 0.5);
    // (0.25 + 0.10 × 0.5) / 0.50
    assert_eq!(sc.warmth, Some(60.0));
}

#[test]
fn restraint_with_zero_and_three_bad_pushes() {
    let cfg = Config::default();
    let clean = report(|v| v["pushes"] = pushes(&[30]));
    let sc = score(&clean, &cfg);
    assert_eq!(sc.components.restraint.as_ref().unwrap().value, 1.0, "0 bad pushes");
    let bad = report(|v| {
        v["pushes"] = pushes(&[3, 9, 14]);
        v["findings"] = json!([
            finding("premature-push", 3),
            finding("jumped-on-interest", 3),
            finding("premature-push", 9),
            finding("push-after-no", 14),
            finding("repeated-pushes", 14),
        ]);
    });
    let sc = score(&bad, &cfg);
    let restraint = sc.components.restraint.unwrap();
    assert_eq!(restraint.value, 0.0, "3 bad pushes: 1 − 1.5, floored at 0");
    assert_eq!(restraint.inputs["pushes_with_findings"], json!(3));
    assert_eq!(restraint.inputs["segments"], json!([3, 9, 14]));
}

#[test]
fn curiosity_uses_the_scaled_band_low() {
    let cfg = Config::default();
    // 43 minutes: band low 11.
    let r = report(|v| {
        v["span_s"] = json!(43.0 * 60.0);
        v["questions"] = questions(11, 4);
    });
    let c = score(&r, &cfg).components.curiosity.unwrap();
    assert_eq!(c.value, 1.0);
    assert_eq!(c.inputs["band_low"], json!(11.0));
    let r = report(|v| {
        v["span_s"] = json!(43.0 * 60.0);
        v["questions"] = questions(0, 0);
    });
    assert_eq!(score(&r, &cfg).components.curiosity.unwrap().value, 0.0);
}

#[test]
fn profiles_change_the_score_of_the_same_report() {
    let r = report(|v| {
        v["talk"]["agent_share_of_speech"] = json!(0.55);
        v["pushes"] = pushes(&[5]);
        v["findings"] = json!([finding("premature-push", 5)]);
    });
    let discovery = score(&r, &Config::default());
    let cold = score(&r, &Config::default().profile("cold"));
    let support = score(&r, &Config::default().profile("support"));
    assert_eq!(discovery.components.listening.as_ref().unwrap().value, 0.8);
    assert_eq!(
        cold.components.listening.as_ref().unwrap().value,
        1.0,
        "cold band 0.40–0.60"
    );
    assert!(
        support.components.restraint.is_none(),
        "support is not judged on pushes"
    );
    assert_eq!(support.warmth, Some(80.0));
    assert_eq!(
        (discovery.profile.as_str(), cold.profile.as_str()),
        ("discovery", "cold")
    );

    // Weights and bands come from the config file.
    let cfg = parse_config(
        "profile = \"strict\"\n[profiles.strict]\ntalk_share = [0.3, 0.4]\nweights = { listening = 0.0, curiosity = 0.0, patience = 0.0, monologue = 0.0, restraint = 1.0 }\n",
    )
    .unwrap();
    assert_eq!(score(&r, &cfg).warmth, Some(50.0), "restraint only: one bad push");
}

#[test]
fn unknown_profile_is_an_error() {
    let r = report(share(0.4));
    let mut cfg = Config::default();
    cfg.profile = "warm".into();
    assert!(score_report(&r, &cfg).is_err());
}
