//! Parse then analyse then serialise: metrics must never panic and never
//! produce NaN, infinite or out-of-range shares on whatever a parser
//! accepts. serde_json writes NaN as `null`, so the numbers are checked on
//! the report itself (`finite.rs`, shared with tests/regressions.rs).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/warmcall/tests/common/finite.rs"]
mod finite;

static ANALYZER: OnceLock<warmcall::Analyzer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let analyzer = ANALYZER.get_or_init(|| warmcall::Analyzer::new(warmcall::Config::default()).unwrap());
    let (pick, body) = match data.split_first() {
        Some((b, rest)) => (*b as usize % warmcall::Format::ALL.len(), rest),
        None => (0, data),
    };
    let opts = warmcall::ParseOptions::with_format(warmcall::Format::ALL[pick]);
    if let Ok(t) = warmcall::parse_bytes_with(body, None, &opts) {
        let r = analyzer.analyze(&t);
        serde_json::to_string(&r).expect("reports serialise");
        let bad = finite::non_finite(&r);
        assert!(bad.is_empty(), "non-finite numbers in the report: {bad:?}");
        for s in [r.talk.agent_share_of_speech, r.talk.agent_share_of_call].into_iter().flatten() {
            assert!((0.0..=1.0).contains(&s), "share {s}");
        }
    }
});
