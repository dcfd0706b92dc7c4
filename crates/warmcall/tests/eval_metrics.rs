//! The measured metrics on the ten eval calls must reproduce the reference
//! table of `../shared/eval/README.md` §3: agent share of speech (±0.01),
//! longest agent monologue and customer story (±1 s, or ±3 words on the word
//! basis), longest silence and mean patience with its hand-off count.
//!
//! `eval_calls_reproduce_reference_table` reads every call through
//! `warmcall::parse_bytes`; `local_readers_*` build two calls with tiny
//! readers written here (CSV rows, canonical JSON) so the metric logic can be
//! checked independently of the parsers.

#![allow(clippy::print_stdout)] // eval tests print their figures

mod common;

use warmcall::report::{Basis, Report};
use warmcall::{Analyzer, Config, Transcript};

/// Longest silence as the README states it.
#[derive(Debug, Clone, Copy)]
enum Silence {
    /// About this many seconds (±0.1).
    About(f64),
    /// Every gap is under one second.
    UnderOne,
    /// Not measured (start-only): `silences` must be `null`.
    Null,
}

/// One row of the README §3 table.
struct Reference {
    call: &'static str,
    file: &'static str,
    share: f64,
    basis: Basis,
    /// Longest agent monologue: seconds, or words on the word basis.
    monologue: f64,
    /// Longest customer story: seconds, or words on the word basis.
    story: f64,
    /// Words of the monologue where the README gives them too.
    monologue_words: Option<usize>,
    silence: Silence,
    /// Mean patience and hand-offs; `None`: `patience` must be `null`.
    patience: Option<(f64, usize)>,
}

const fn r(
    call: &'static str,
    file: &'static str,
    share: f64,
    basis: Basis,
    (monologue, story): (f64, f64),
    silence: Silence,
    patience: Option<(f64, usize)>,
) -> Reference {
    Reference {
        call,
        file,
        share,
        basis,
        monologue,
        story,
        monologue_words: None,
        silence,
        patience,
    }
}

/// README §3, "reference values". For the start-only calls (en02, en04) the
/// README gives the share on inferred-end time and notes that the spec uses
/// words: the word-basis share is checked against the calls' words below,
/// not against this table.
fn references() -> Vec<Reference> {
    use Basis::{Time, Words};
    use Silence::*;
    #[rustfmt::skip]
    let table = vec![
        r("nl01", "nl01_planning_teams.vtt", 0.28, Time, (31.0, 75.0), About(5.8), Some((0.88, 20))),
        r("nl02", "nl02_zonnepanelen.srt", 0.88, Time, (145.0, 5.0), UnderOne, Some((0.24, 7))),
        r("nl03", "nl03_aov_jefferson.txt", 0.56, Words, (74.0, 81.0), About(2.0), None),
        r("nl04", "nl04_energie_zakelijk.csv", 0.74, Time, (25.0, 10.0), UnderOne, Some((0.10, 10))),
        r("nl05", "nl05_kantoorartikelen_whisperx.json", 0.40, Time, (33.0, 33.0), About(7.4), Some((0.75, 16))),
        r("en01", "en01_ap_automation_zoom.vtt", 0.27, Time, (36.0, 80.0), About(2.6), Some((0.81, 18))),
        Reference {
            monologue_words: Some(503),
            ..r("en02", "en02_savings_plan.txt", f64::NAN, Words, (170.0, 9.0), Null, None)
        },
        r("en03", "en03_business_insurance.json", 0.73, Time, (55.0, 10.0), UnderOne, Some((0.75, 10))),
        r("en04", "en04_copier_otter.txt", f64::NAN, Words, (18.0, 21.0), Null, None),
        r("en05", "en05_recruitment_assemblyai.json", 0.30, Time, (22.0, 62.0), About(3.8), Some((0.83, 12))),
    ];
    table
}

fn agent_of(stem: &str) -> String {
    let path = common::shared_dir()
        .join("eval/calls")
        .join(format!("{stem}.expected.json"));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("sidecar")).expect("sidecar JSON");
    v["agent"].as_str().expect("agent label").to_string()
}

fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(s, _)| s)
}

fn analyze(t: &Transcript, agent: &str) -> Report {
    Analyzer::new(Config::default().agent(agent))
        .expect("analyzer")
        .analyze(t)
}

fn fmt(x: Option<f64>) -> String {
    x.map_or("null".into(), |v| format!("{v:.3}"))
}

/// Compares one report with its reference row; prints a table row and
/// returns the misses.
fn check(rf: &Reference, rep: &Report) -> Vec<String> {
    let mut miss = Vec::new();
    let mut m = |ok: bool, what: String| {
        if !ok {
            miss.push(format!("{}: {what}", rf.call));
        }
    };
    let talk = &rep.talk;
    let mono = rep.turns.longest_agent_monologue.as_ref();
    let story = rep.turns.longest_customer_story.as_ref();
    let words_basis = rf.basis == Basis::Words && rep.source.timing == warmcall::Timing::None;
    let measure = |run: Option<&warmcall::report::Run>| -> Option<f64> {
        run.and_then(|x| if words_basis { Some(x.words as f64) } else { x.s })
    };
    let (mono_v, story_v) = (measure(mono), measure(story));
    let tol = if words_basis { 3.0 } else { 1.0 };
    let longest = rep.silences.as_ref().map(|s| s.longest_s);
    let (pat_mean, pat_n) = rep
        .patience
        .as_ref()
        .map_or((None, None), |p| (p.mean_s, Some(p.handoffs)));
    println!(
        "{:<5} {:<6} share {:>6}  monologue {:>8} ({:>3} w)  story {:>8} ({:>3} w)  longest silence {:>6}  patience {:>6} ({})",
        rf.call,
        format!("{:?}", talk.basis).to_lowercase(),
        fmt(talk.agent_share_of_speech),
        fmt(mono.and_then(|x| x.s)),
        mono.map_or(0, |x| x.words),
        fmt(story.and_then(|x| x.s)),
        story.map_or(0, |x| x.words),
        fmt(longest),
        fmt(pat_mean),
        pat_n.map_or("-".into(), |n| n.to_string()),
    );

    m(
        talk.basis == rf.basis,
        format!("basis {:?}, want {:?}", talk.basis, rf.basis),
    );
    let share = talk.agent_share_of_speech;
    if rf.share.is_nan() {
        // Start-only: the word-basis share is agent words / all words.
        let want = talk.agent_words as f64 / (talk.agent_words + talk.customer_words) as f64;
        m(
            share.is_some_and(|s| (s - want).abs() < 0.0006),
            format!("word share {share:?}, want {want:.3}"),
        );
    } else {
        m(
            share.is_some_and(|s| (s - rf.share).abs() <= 0.01),
            format!("agent share {share:?}, want {} ± 0.01", rf.share),
        );
    }
    m(
        mono_v.is_some_and(|v| (v - rf.monologue).abs() <= tol),
        format!("monologue {mono_v:?}, want {} ± {tol}", rf.monologue),
    );
    if let Some(w) = rf.monologue_words {
        let got = mono.map_or(0, |x| x.words);
        m(got.abs_diff(w) <= 3, format!("monologue words {got}, want {w} ± 3"));
    }
    m(
        story_v.is_some_and(|v| (v - rf.story).abs() <= tol),
        format!("story {story_v:?}, want {} ± {tol}", rf.story),
    );
    match rf.silence {
        Silence::About(want) => m(
            longest.is_some_and(|l| (l - want).abs() <= 0.1),
            format!("longest silence {longest:?}, want {want} ± 0.1"),
        ),
        Silence::UnderOne => m(
            longest.is_some_and(|l| l < 1.0),
            format!("longest silence {longest:?}, want < 1 s"),
        ),
        Silence::Null => m(rep.silences.is_none(), "silences must be null (start only)".into()),
    }
    match rf.patience {
        Some((mean, n)) => {
            m(pat_n == Some(n), format!("hand-offs {pat_n:?}, want {n}"));
            m(
                pat_mean.is_some_and(|v| (v - mean).abs() <= 0.01),
                format!("mean patience {pat_mean:?}, want {mean} ± 0.01"),
            );
        }
        None => m(rep.patience.is_none(), "patience must be null".into()),
    }
    if rep.source.timing != warmcall::Timing::Full {
        m(rep.interruptions.is_none(), "interruptions must be null".into());
    }
    miss
}

fn report_misses(misses: &[String], checked: usize) {
    for x in misses {
        println!("MISS {x}");
    }
    println!("{checked} calls checked, {} misses", misses.len());
    assert!(misses.is_empty(), "{} misses against README §3", misses.len());
}

#[test]
fn eval_calls_reproduce_reference_table() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let dir = common::shared_dir().join("eval/calls");
    let refs = references();
    let mut misses = Vec::new();
    for rf in &refs {
        let path = dir.join(rf.file);
        let bytes = std::fs::read(&path).expect("eval call");
        let t = match warmcall::parse_bytes(&bytes, Some(&path)) {
            Ok(t) => t,
            Err(e) => {
                misses.push(format!("{}: parse error {e}", rf.call));
                continue;
            }
        };
        misses.extend(check(rf, &analyze(&t, &agent_of(stem(rf.file)))));
    }
    report_misses(&misses, refs.len());
}

/// nl04 through a minimal CSV reader (no quotes-in-quotes in that file:
/// a quoted text field is the rest of the row).
fn read_nl04(text: &str) -> Transcript {
    let mut b = Transcript::builder();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut it = line.splitn(4, ',');
        let start: f64 = it.next().unwrap().parse().unwrap();
        let end: f64 = it.next().unwrap().parse().unwrap();
        let speaker = it.next().unwrap();
        let text = it.next().unwrap().trim_matches('"');
        b = b.segment(speaker, start, end, text);
    }
    b.build()
}

/// en03 through serde_json: canonical `{"segments":[{speaker,start,end,text}]}`.
fn read_canonical(text: &str) -> Transcript {
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let mut b = Transcript::builder();
    for s in v["segments"].as_array().unwrap() {
        b = b.segment(
            s["speaker"].as_str().unwrap(),
            s["start"].as_f64().unwrap(),
            s["end"].as_f64().unwrap(),
            s["text"].as_str().unwrap(),
        );
    }
    b.build()
}

#[test]
fn local_readers_nl04_and_en03_match_reference_table() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let dir = common::shared_dir().join("eval/calls");
    let refs = references();
    let mut misses = Vec::new();
    type Reader = fn(&str) -> Transcript;
    let cases: [(&str, Reader); 2] = [("nl04", read_nl04), ("en03", read_canonical)];
    for (call, reader) in cases {
        let rf = refs.iter().find(|r| r.call == call).unwrap();
        let text = std::fs::read_to_string(dir.join(rf.file)).unwrap();
        let t = reader(&text);
        assert!(
            t.segments.len() > 20,
            "{call}: local reader read {} segments",
            t.segments.len()
        );
        misses.extend(check(rf, &analyze(&t, &agent_of(stem(rf.file)))));
    }
    report_misses(&misses, cases.len());
}
