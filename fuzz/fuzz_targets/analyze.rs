//! Parse then analyse then serialise: metrics must never panic and never
//! produce NaN or out-of-range shares on whatever a parser accepts.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

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
        let json = serde_json::to_string(&r).expect("reports serialise");
        assert!(!json.contains("NaN") && !json.contains("inf"));
        if let Some(s) = r.talk.agent_share_of_speech {
            assert!((0.0..=1.0).contains(&s), "share {s}");
        }
    }
});
