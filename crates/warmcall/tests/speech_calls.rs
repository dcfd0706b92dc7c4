//! Full unpunctuated calls of our own (`testdata/speech/calls/`): each call
//! file has an `X.expected.json` sidecar with the agent, the language, the
//! agent's open/closed/tag question counts and the outcome. One call is
//! speech-to-text style JSON (timed, so the timing evidence of issue 17
//! applies), one a plain untimed txt; one English, one Dutch.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use warmcall::{Analyzer, Config};

#[test]
fn unpunctuated_calls_match_their_sidecars() {
    let dir = common::testdata().join("speech/calls");
    let mut calls: Vec<_> = std::fs::read_dir(&dir)
        .expect("speech/calls")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    calls.sort();
    assert!(calls.len() >= 2, "two calls expected in {}", dir.display());
    let mut wrong = Vec::new();
    for path in &calls {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let side: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{stem}.expected.json"))).unwrap()).unwrap();
        let t = warmcall::parse_bytes(&std::fs::read(path).unwrap(), Some(path)).expect("parses");
        let a = Analyzer::new(
            Config::default()
                .agent(side["agent"].as_str().unwrap())
                .language(side["lang"].as_str().unwrap()),
        )
        .unwrap();
        let r = a.analyze(&t);
        let q = r.questions.as_ref().expect("text");
        let got = (q.agent.open, q.agent.closed, q.agent.tag);
        let want = (
            side["agent_questions_open"].as_u64().unwrap() as usize,
            side["agent_questions_closed"].as_u64().unwrap() as usize,
            side["agent_questions_tag"].as_u64().unwrap() as usize,
        );
        let outcome = serde_json::to_value(r.outcome.kind)
            .unwrap()
            .as_str()
            .unwrap_or("?")
            .to_string();
        let want_outcome = side["outcome"].as_str().unwrap();
        println!("{stem}: open/closed/tag {got:?} (want {want:?}), outcome {outcome} (want {want_outcome})");
        if got != want || outcome != want_outcome {
            for it in q.items.iter().filter(|i| i.role == warmcall::report::Role::Agent) {
                println!("    {:?}  {}", it.kind, it.text);
            }
            wrong.push(stem);
        }
    }
    assert!(wrong.is_empty(), "calls off their sidecars: {wrong:?}");
}
