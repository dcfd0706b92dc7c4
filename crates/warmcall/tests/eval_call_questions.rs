//! Call-level question counts against the sidecars of
//! `../shared/eval/calls/` (README §3.2): the agent's open and closed counts
//! must equal `agent_questions_open` / `agent_questions_closed` in at least
//! 9 of the 10 calls. Reads every call through `warmcall::parse_bytes` and
//! prints expected vs got per call, with the agent's questions on a miss.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

mod common;

use warmcall::report::Role;
use warmcall::{Analyzer, Config, QuestionKind};

#[test]
fn agent_question_counts_match_sidecars() {
    if common::shared_or_skip().is_none() {
        return;
    }
    let dir = common::shared_dir().join("eval/calls");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("eval/calls")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 10, "ten calls expected in {}", dir.display());
    let mut hits = 0;
    let mut lines = Vec::new();
    for path in &names {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let side: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{stem}.expected.json"))).unwrap()).unwrap();
        let agent = side["agent"].as_str().unwrap();
        let lang = side["lang"].as_str().unwrap();
        let want = (
            side["agent_questions_open"].as_u64().unwrap() as usize,
            side["agent_questions_closed"].as_u64().unwrap() as usize,
        );
        let bytes = std::fs::read(path).unwrap();
        let t = match warmcall::parse_bytes(&bytes, Some(path)) {
            Ok(t) => t,
            Err(e) => {
                lines.push(format!("{stem}: expected {}/{}, PARSE ERROR {e}", want.0, want.1));
                continue;
            }
        };
        let a = Analyzer::new(Config::default().agent(agent).language(lang)).unwrap();
        let r = a.analyze(&t);
        let Some(q) = r.questions.as_ref() else {
            lines.push(format!(
                "{stem}: expected {}/{}, got no questions section",
                want.0, want.1
            ));
            continue;
        };
        let got = (q.agent.open, q.agent.closed);
        let ok = got == want;
        hits += ok as usize;
        lines.push(format!(
            "{stem}: expected open/closed {}/{}, got {}/{} (tags {}) {}",
            want.0,
            want.1,
            got.0,
            got.1,
            q.agent.tag,
            if ok { "ok" } else { "MISS" }
        ));
        if !ok {
            for it in q
                .items
                .iter()
                .filter(|i| i.role == Role::Agent && i.kind != QuestionKind::Tag)
            {
                lines.push(format!("    seg {:>3} {:?}: {}", it.segment, it.kind, it.text));
            }
        }
    }
    for l in &lines {
        println!("{l}");
    }
    println!("calls matching: {hits}/10 (bar 9)");
    assert!(hits >= 9, "only {hits}/10 calls match the sidecar counts");
}
